/**
 * What Apps Script service calls cost in wall time, as the emulator's clock charges them. Every
 * service call is charged to the simulated clock (Core.call) at the cost this table gives, so the
 * modelled time of an execution is the sum of its calls' costs, and an execution that would run
 * past Google's 6-minute limit is killed here too.
 *
 * The model is per call plus per cell: a key ending in `/cell` prices each cell a call reads or
 * writes (a range's area; a Docs table's cells), on top of the call itself, so a getValues of
 * 100,000 rows costs more than one of 10 rows. These are facts about Google's services, each with
 * a public source; figures marked `estimate: true` have no published measurement behind them, and
 * their basis says how they were derived.
 */

/**
 * Modelled cost of service calls, in milliseconds of Apps Script wall time. A key without a suffix
 * is the cost of one call; a key ending in `/cell` is the cost of each cell (or table cell) the
 * call moves, added on top.
 */
export type CostTable = Readonly<Record<string, number>>;

/** Suffix of a cost-table key that prices one unit (cell) of a call rather than the call. */
export const PER_CELL = '/cell';

/**
 * The cost-table lookup Core.call uses, exported so that counted calls can be priced the same
 * way: per call by `Service.method`, `Service.kind`, `Service`, `default`; per cell by the same
 * keys with the `/cell` suffix, else free.
 */
export function costFrom(table: CostTable, service: string, method: string, kind?: 'read' | 'write' | 'meta', cells = 0): number {
  const key = `${service}.${method}`;
  const kindKey = kind ? `${service}.${kind}` : undefined;
  const perCall = table[key] ?? (kindKey ? table[kindKey] : undefined) ?? table[service] ?? table.default ?? 0;
  if (cells <= 0) return perCall;
  const perCell = table[key + PER_CELL] ?? (kindKey ? table[kindKey + PER_CELL] : undefined) ?? table[service + PER_CELL] ?? 0;
  return perCall + perCell * cells;
}

export interface CostEntry {
  /** Modelled milliseconds per call, or per cell for a key ending in `/cell`. */
  ms: number;
  /** Where the figure comes from (a public URL). */
  source: string;
  /** What was measured, or how the estimate was derived. */
  basis: string;
  estimate: boolean;
}

const BEST_PRACTICES = 'https://developers.google.com/apps-script/guides/support/best-practices';
const TRANSCRIPT = 'https://pastebin.com/VzZLHRrM';
const SCRIPTDB_VS_SHEETS = 'https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp';
const CACHING_BLOG = 'http://googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html';
const MAIL_SIZE = 'https://sites.google.com/quickfixters.com/add-onsuniverse/faq';
const TEN_MILLION_CELLS = 'https://gist.github.com/tanaikech/cc4380692790150cc090114553e38a0e';
const TANAIKE_RW = 'https://gist.github.com/tanaikech/d102c9600ba12a162c667287d2f20fe4';
const GOOGLESHEETS4_READ = 'https://github.com/tidyverse/googlesheets4/issues/122';
const BOOK_SAMPLE = 'https://github.com/moseskim/google-app-scripts-3rd/blob/main/16/16-02.gs';
const SPEED_UP_JA = 'https://www.bugbugnow.net/2019/03/GoogleAppsScript-speed-up.html';

/**
 * Every figure with where it comes from. Keys are looked up as Core.call does (see costFrom):
 * `Service.method`, then `Service.read|write|meta` (the spreadsheet fake's kinds), then `Service`,
 * then `default`; per-cell keys the same way with the `/cell` suffix (none found: cells are free).
 */
export const APPS_SCRIPT_COST_SOURCES: Readonly<Record<string, CostEntry>> = {
  default: {
    ms: 1,
    source: BEST_PRACTICES,
    basis:
      'calls that do not leave the script runtime (Utilities.formatDate, Session); "JavaScript operations within your script are considerably faster than calling other services"',
    estimate: true,
  },
  'SpreadsheetApp.read': {
    ms: 175,
    source: TRANSCRIPT,
    basis:
      'execution transcript: the first, uncached "Range.getValues() [0.175 seconds]"; later reads of the same cached data took 0 s. The call; its cells are charged by SpreadsheetApp.read/cell',
    estimate: false,
  },
  'SpreadsheetApp.read/cell': {
    ms: 0.01,
    source: GOOGLESHEETS4_READ,
    basis:
      'per cell read (getValues, getDisplayValues, getFormulas …). 50,000 rows x 24 columns (1.2 M cells) were read through the older Sheets endpoint in 6.47 s = 5.4 us a cell; the Spreadsheet service costs more than the Sheets API for the same read (values.get is "about 35 %" cheaper: ' +
      TANAIKE_RW +
      '): 5.4 / 0.65 = 8.3 us, rounded up to 10 us. Check: ' +
      BOOK_SAMPLE +
      ' measured a 1,000-cell getValues plus setValues at 333 ms; this table gives 175 + 10 + 50 + 133 = 368 ms',
    estimate: true,
  },
  'SpreadsheetApp.getValue': {
    ms: 30,
    source: SCRIPTDB_VS_SHEETS,
    basis:
      'one cell read (Range.getValue) inside a loop that also writes: a read first commits the write cache (' +
      CACHING_BLOG +
      '); a commit measured 12 s per 400 flushes = 30 ms. Applied to every single-cell read, which holds for loops that read and write cell by cell. Published loops bracket it: 1,000 getValue alone took 3,064 ms = 3 ms each (' +
      SPEED_UP_JA +
      '); 1,000 getValue + setValue pairs took 318,580 ms = 319 ms a pair (' +
      BOOK_SAMPLE +
      ')',
    estimate: true,
  },
  'SpreadsheetApp.getValue/cell': {
    ms: 0,
    source: SCRIPTDB_VS_SHEETS,
    basis: 'the one cell is inside the per-call figure above (a commit, whatever its size)',
    estimate: true,
  },
  'SpreadsheetApp.write': {
    ms: 50,
    source: SCRIPTDB_VS_SHEETS,
    basis:
      '"a single write of a 4000-cell spreadsheet took less than 50ms" (one setValues, left in the write cache). The call; committing its cells is charged by SpreadsheetApp.write/cell',
    estimate: false,
  },
  'SpreadsheetApp.write/cell': {
    ms: 0.133,
    source: SCRIPTDB_VS_SHEETS,
    basis:
      'per cell written (setValues, setFormulas, appendRow, setBackgrounds …): flush() after one 4,000-cell setValues "increased that to 610ms" (commit of 4,000 cells = 560 ms), while "flush() for each of the 400 rows" (10 cells) took "almost 12 seconds" (30 ms a commit). Two points of one line: (560 - 30) / (4,000 - 10) = 0.133 ms a cell on top of ~30 ms a commit',
    estimate: false,
  },
  'SpreadsheetApp.setValue': {
    ms: 1.25,
    source: SCRIPTDB_VS_SHEETS,
    basis:
      'one setValues was "two orders of magnitude faster than cell-by-cell" for 4,000 cells: ~5 s / 4,000 = 1.25 ms per setValue while writes stay in the write cache. Google\'s best-practices page puts the per-cell loop at ~70x the batch (' +
      BEST_PRACTICES +
      ')',
    estimate: true,
  },
  'SpreadsheetApp.setValue/cell': {
    ms: 0,
    source: SCRIPTDB_VS_SHEETS,
    basis: 'the cell is inside the per-call figure above, which was measured cell by cell',
    estimate: true,
  },
  'SpreadsheetApp.appendRow': {
    ms: 30,
    source: SCRIPTDB_VS_SHEETS,
    basis:
      'appendRow must find the last row on the server, so it cannot stay in the write cache: charged as one commit (12 s / 400 = 30 ms); its cells add SpreadsheetApp.write/cell',
    estimate: true,
  },
  'SpreadsheetApp.clear/cell': {
    ms: 0.01,
    source: SCRIPTDB_VS_SHEETS,
    basis: 'clear() sends no values, only a range: charged per cell like a read (SpreadsheetApp.read/cell), not a committed write; no published measurement',
    estimate: true,
  },
  'SpreadsheetApp.clearContent/cell': {
    ms: 0.01,
    source: SCRIPTDB_VS_SHEETS,
    basis: 'as SpreadsheetApp.clear/cell',
    estimate: true,
  },
  'SpreadsheetApp.flush': {
    ms: 30,
    source: SCRIPTDB_VS_SHEETS,
    basis: '"Calling flush() for each of the 400 rows ... almost 12 seconds" = 30 ms per flush',
    estimate: false,
  },
  'SpreadsheetApp.meta': {
    ms: 1,
    source: TRANSCRIPT,
    basis:
      'execution transcript: getActiveSpreadsheet, getActiveSheet, getRange each "[0 seconds]" (under 1 ms); metadata of a 10M-cell sheet took 0.3 s (' +
      TEN_MILLION_CELLS +
      '), so large sheets cost more',
    estimate: false,
  },
  'MailApp.sendEmail': {
    ms: 1200,
    source: MAIL_SIZE,
    basis: '"An email with total size of 100KB will take about 1.2 seconds to send"; a message of a few KB is pessimistic at this figure',
    estimate: false,
  },
  'MailApp.getRemainingDailyQuota': {
    ms: 30,
    source: BEST_PRACTICES,
    basis: 'one round trip to a Google service, taken as one cache commit (30 ms); no published measurement',
    estimate: true,
  },
  'UrlFetchApp.fetch': {
    ms: 400,
    source: BEST_PRACTICES,
    basis:
      'a round trip from Google to an outside host (an SMS gateway) and its own processing; no published measurement: taken as two uncached Sheets reads, and the gateways answer in a few hundred ms',
    estimate: true,
  },
  FormApp: {
    ms: 200,
    source: BEST_PRACTICES,
    basis: 'a round trip to the Forms service per call; no published measurement, taken as the uncached Sheets read (175 ms) rounded up',
    estimate: true,
  },
  DocumentApp: {
    ms: 50,
    source: BEST_PRACTICES,
    basis: 'Document edits are batched by the service until saveAndClose, like Sheets writes (50 ms per call); no published measurement',
    estimate: true,
  },
  'DocumentApp/cell': {
    ms: 0.133,
    source: SCRIPTDB_VS_SHEETS,
    basis:
      'per table cell of Body.appendTable/insertTable from an array: taken as one committed Sheets cell (SpreadsheetApp.write/cell); no published measurement for Docs',
    estimate: true,
  },
  DriveApp: {
    ms: 300,
    source: TEN_MILLION_CELLS,
    basis: 'a Drive call (create, export, share) taken as a metadata round trip (0.3 s); no published per-call measurement',
    estimate: true,
  },
  Drive: {
    ms: 300,
    source: TEN_MILLION_CELLS,
    basis:
      'an Advanced Drive service call (Drive API v3: permissions.create, permissions.list, files.delete) taken as a Drive metadata round trip, as DriveApp (0.3 s); no published per-call measurement',
    estimate: true,
  },
  PropertiesService: {
    ms: 30,
    source: BEST_PRACTICES,
    basis: 'one round trip to the properties store; no published measurement',
    estimate: true,
  },
  LockService: {
    ms: 30,
    source: BEST_PRACTICES,
    basis: 'one round trip to the lock service; no published measurement (time spent waiting is charged separately on the clock)',
    estimate: true,
  },
  ScriptApp: {
    ms: 100,
    source: BEST_PRACTICES,
    basis: 'trigger listing and creation; no published measurement',
    estimate: true,
  },
  Utilities: {
    ms: 1,
    source: BEST_PRACTICES,
    basis: 'runs inside the script runtime (formatDate, newBlob, digest)',
    estimate: true,
  },
};

/** The figures alone, as the clock reads them: pass this as `costs` to a Workspace or Core. */
export const APPS_SCRIPT_COSTS: CostTable = Object.freeze(Object.fromEntries(Object.entries(APPS_SCRIPT_COST_SOURCES).map(([key, entry]) => [key, entry.ms])));

const SPREADSHEET_KIND: Record<string, 'read' | 'write' | 'meta'> = {};
for (const m of ['getValues', 'getValue', 'getDisplayValues', 'getFormulas', 'getNotes', 'getBackgrounds', 'getNumberFormats', 'getDataValidations'])
  SPREADSHEET_KIND[m] = 'read';
for (const m of [
  'setValues',
  'setValue',
  'setFormulas',
  'setFormula',
  'appendRow',
  'clear',
  'clearContent',
  'insertSheet',
  'setNotes',
  'setBackgrounds',
  'setNumberFormats',
  'setDataValidations',
  'deleteRows',
  'insertRowsAfter',
])
  SPREADSHEET_KIND[m] = 'write';

/**
 * Modelled time of a set of calls counted without running them on the clock (the same lookup
 * as Core.call), with the cells each method moved when known (Core.callSummary's cellsByMethod).
 * Spreadsheet methods not listed above count as metadata calls.
 */
export function modelledMs(byMethod: Record<string, number>, cellsByMethod: Record<string, number> = {}, table: CostTable = APPS_SCRIPT_COSTS): number {
  let total = 0;
  for (const [key, count] of Object.entries(byMethod)) {
    const [service, method] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
    const kind = service === 'SpreadsheetApp' ? (SPREADSHEET_KIND[method] ?? 'meta') : undefined;
    total +=
      costFrom(table, service, method, kind) * count +
      (costFrom(table, service, method, kind, 1) - costFrom(table, service, method, kind)) * (cellsByMethod[key] ?? 0);
  }
  return total;
}
