/**
 * Collection (issue 5): every channel's raw input becomes rows of the one normalized feedback
 * table that analysis reads. Sources: the N1 and N2 response tabs (Google writes them), the paper
 * tab and the other-channels tab (staff type them). Raw rows are never changed or deleted; typed
 * rows only get a status and the id of the feedback row they became.
 *
 * Idempotence: every feedback row carries its source's stable key (domain/collect-keys.ts) and a
 * key already in the table is never appended again, so a re-run, a duplicate trigger or a crash
 * between two writes ends the same. Cost: one read of the new rows of each response tab (a
 * watermark in the script properties says where they start), one read of each typed tab, one
 * read of the feedback ids and ONE append of all new feedback rows, whatever their number.
 */
import { FORMS } from '../domain/forms';
import { t } from '../domain/i18n';
import { normalizeFormResponse, normalizeOtherFeedback, normalizePaperRow, recordToRow, type Normalized } from '../domain/normalize';
import { capCell, escapeForSheet } from '../domain/sanitize';
import { TABS } from '../domain/schema';
import { DEFAULT_THEMES, parseKeywords, type Theme } from '../domain/themes';
import type { FeedbackRecord, FormDefinition, FormKey, Service } from '../domain/types';
import {
  START,
  answersOfRow,
  keyRows,
  mapResponseColumns,
  rememberTitles,
  typedRowKey,
  type TitleHistory,
  type Watermark,
} from '../domain/collect-keys';
import { cell, getTab, readTable, text, writeColumns, type Table } from '../adapters/tables';
import { formKey, readJson, type FormRecord } from '../adapters/config';
import { reopenStaffColumns } from '../adapters/workbook';
import { loadServices, workbook } from './context';
import { columnsOf } from './setup';
import { paperColumns } from './paper';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface CollectResult {
  /** Feedback rows appended. */
  added: number;
  /** Submissions with no answer: counted, not stored. */
  empty: number;
  /** Rows stored with notes (an unknown service, a score out of range, a cut text …). */
  problems: number;
  /** A response tab had more new rows than one run takes; the next run carries on. */
  more?: boolean;
}

export type Source = FormKey | 'paper' | 'otherChannels';
const ALL_SOURCES: readonly Source[] = ['N1', 'N2', 'paper', 'otherChannels'];

/** What the collector remembers about one response tab (script property `collect.N1` …). */
interface FormState {
  mark: Watermark;
  /** Empty submissions counted so far in this tab. */
  empty: number;
  titles: TitleHistory;
}

const stateKey = (form: FormKey): string => `collect.${form}`;

/** Long enough for a run of 10,000 rows to finish under a concurrent trigger's wait. */
const LOCK_WAIT_MS = 30_000;
/**
 * New responses one run takes from each response tab. One run writes them all in one setValues;
 * at ~33 cells a row that write alone would pass the 6-minute limit near 75,000 rows (npm run
 * bench), and a killed run would be killed again at every retry. The watermark carries on.
 */
export const MAX_RESPONSES_PER_RUN = 25_000;

interface Run {
  ss: Spreadsheet;
  services: Service[];
  themes: Theme[];
  /** Keys already in the feedback table, and those this run adds. */
  known: Set<string>;
  records: FeedbackRecord[];
  result: CollectResult;
  /** Writes to make after the feedback rows are safely appended. */
  after: Array<() => void>;
  /** Script properties to save at the very end (watermarks, title histories, counts). */
  state: Record<string, string>;
}

// ---------------------------------------------------------------------------------------------
// Entry points

/** Installable form-submit trigger: collects the response tab the event names (both if unsure). */
export function handleFormResponse(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  const sheetName = e && e.range ? e.range.getSheet().getName() : '';
  const forms = (Object.keys(FORMS) as FormKey[]).filter((form) => readJson<FormRecord>(formKey(form))?.responseSheet === sheetName);
  // A trigger that cannot get the lock leaves the work to the hourly catch-up instead of failing.
  const result = collect(forms.length ? forms : ['N1', 'N2'], { wait: false });
  console.info(`onFormResponse: ${JSON.stringify(result)}`);
}

/** The menu and the report: every source, the typed tabs included. */
export function collectAll(): CollectResult {
  return collect(ALL_SOURCES, { wait: true }) as CollectResult;
}

/**
 * Hourly catch-up of what form triggers missed. Typed tabs are left to the menu and the report:
 * a row a clerk is still typing must not be imported half-filled.
 */
export function collectFormResponses(): CollectResult {
  return collect(['N1', 'N2'], { wait: true }) as CollectResult;
}

export function collectNowAction(): string {
  const r = collectAll();
  return [
    `უკუკავშირის ცხრილში დაემატა ჩანაწერი: ${r.added}.`,
    r.problems ? `მათგან შენიშვნით: ${r.problems} (იხ. სვეტი flags და სტატუსები).` : '',
    r.empty ? `ცარიელი ფორმა (არ ჩაიწერა): ${r.empty}.` : '',
    r.more ? 'ახალი პასუხები ჯერ კიდევ დარჩა: დანარჩენს სისტემა შემდეგ გაშვებაზე (ყოველ საათში) შეაგროვებს.' : '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

export function importPaperAction(): string {
  const r = collect(['paper'], { wait: true }) as CollectResult;
  return [
    `ქაღალდის ფორმებიდან ჩაიწერა: ${r.added}.`,
    r.problems ? `მათგან შენიშვნით: ${r.problems} — იხ. სვეტი „${TABS.paper.columns[1].header}“.` : '',
    r.empty ? `ცარიელი სტრიქონი (არ ჩაიწერა): ${r.empty}.` : '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// The run

function collect(sources: readonly Source[], options: { wait: boolean }): CollectResult | null {
  const lock = LockService.getScriptLock();
  if (options.wait) lock.waitLock(LOCK_WAIT_MS);
  else if (!lock.tryLock(LOCK_WAIT_MS)) {
    console.warn('collect: another run holds the lock; the hourly catch-up will collect');
    return null;
  }
  try {
    const ss = workbook();
    const feedback = openFeedback(ss);
    const run: Run = {
      ss,
      services: loadServices(ss),
      themes: loadThemes(ss),
      known: feedback.ids,
      records: [],
      result: { added: 0, empty: 0, problems: 0 },
      after: [],
      state: {},
    };
    for (const source of sources) {
      if (source === 'paper') collectPaper(run);
      else if (source === 'otherChannels') collectOtherChannels(run);
      else collectForm(run, FORMS[source]);
    }
    // Order matters for a crash: feedback rows first (keyed, so a re-run skips them), then the
    // typed rows' statuses, then the watermarks (so a crash before them only means a re-read).
    appendFeedback(feedback, run.records);
    for (const write of run.after) write();
    if (Object.keys(run.state).length) PropertiesService.getScriptProperties().setProperties(run.state);
    run.result.added = run.records.length;
    return run.result;
  } finally {
    lock.releaseLock();
  }
}

function loadThemes(ss: Spreadsheet): Theme[] {
  const sheet = ss.getSheetByName(TABS.themes.name);
  if (!sheet) return DEFAULT_THEMES;
  const table = readTable(sheet, TABS.themes.columns);
  const themes = table.rows
    .map((row): Theme => {
      const id = text(table, row, 'id');
      const label = text(table, row, 'label') || id;
      const known = DEFAULT_THEMES.find((theme) => theme.id === id);
      return { id, ka: label, en: known?.en ?? label, keywords: parseKeywords(text(table, row, 'keywords')) };
    })
    .filter((theme) => theme.id !== '' && theme.keywords.length > 0);
  return themes;
}

/** Adds a normalized input to the run; returns the Georgian status its typed row should show. */
function accept(run: Run, normalized: Normalized): { status: string; id: string } {
  const record = normalized.record;
  if (!record) {
    run.result.empty++;
    return { status: t('row.skipped_empty', 'ka'), id: '' };
  }
  if (record.flags.length) run.result.problems++;
  if (!run.known.has(record.id)) {
    run.known.add(record.id);
    run.records.push(record);
  }
  const status = record.flags.length ? t('row.recorded_with_notes', 'ka', { notes: record.flags.join('; ') }) : t('row.recorded', 'ka');
  return { status: capCell(status).text, id: record.id };
}

// ---------------------------------------------------------------------------------------------
// The feedback tab

interface FeedbackTab {
  sheet: Sheet;
  header: string[];
  lastRow: number;
  ids: Set<string>;
}

/** Reads the header and the id column only: the table may hold many thousand rows. */
function openFeedback(ss: Spreadsheet): FeedbackTab {
  const sheet = getTab(ss, TABS.feedback);
  const lastRow = sheet.getLastRow();
  const lastColumn = Math.max(1, sheet.getLastColumn());
  const header = sheet.getRange(1, 1, 1, lastColumn).getValues()[0].map((h) => String(h).trim());
  const idColumn = header.indexOf('id');
  if (idColumn < 0) throw new Error('The feedback tab has no "id" column: run setup');
  const ids = new Set<string>();
  if (lastRow >= 2) {
    for (const [id] of sheet.getRange(2, idColumn + 1, lastRow - 1, 1).getValues()) if (id !== '') ids.add(String(id));
  }
  return { sheet, header, lastRow: Math.max(lastRow, 1), ids };
}

/** One setValues for all new rows; the sheet grows first when they do not fit. */
function appendFeedback(tab: FeedbackTab, records: FeedbackRecord[]): void {
  if (records.length === 0) return;
  const columns = tab.header;
  const rows = records.map((record) => recordToRow(record, columns));
  const first = tab.lastRow + 1;
  const last = first + rows.length - 1;
  const maxRows = tab.sheet.getMaxRows();
  if (last > maxRows) {
    tab.sheet.insertRowsAfter(maxRows, last - maxRows);
    const quotable = tab.header.indexOf('quotable');
    // Rows added by the script carry no rule; staff still need the "may be quoted" checkbox.
    if (quotable >= 0) {
      tab.sheet
        .getRange(maxRows + 1, quotable + 1, last - maxRows, 1)
        .setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
    }
    // …and may still edit tags and "quotable" there: the new rows join the tab's unprotected ranges.
    reopenStaffColumns(tab.sheet, TABS.feedback, columnsOf('feedback'), tab.header);
  }
  tab.sheet.getRange(first, 1, rows.length, columns.length).setValues(rows);
  tab.lastRow = last;
}

// ---------------------------------------------------------------------------------------------
// Online forms

function initialState(def: FormDefinition): FormState {
  const titles: TitleHistory = {};
  for (const item of def.items) titles[item.id] = [item.ka];
  return { mark: { ...START }, empty: 0, titles };
}

/** The form's response tab: by its stored name, else the tab Google links to the form. */
function responseSheet(ss: Spreadsheet, record: FormRecord): Sheet | null {
  const byName = ss.getSheetByName(record.responseSheet);
  if (byName) return byName;
  return ss.getSheets().find((sheet) => (sheet.getFormUrl() ?? '').indexOf(record.id) >= 0) ?? null;
}

/** annex id → current title, read from the live form (a re-worded question keeps its item id). */
function currentTitles(record: FormRecord): Record<string, string> {
  let form: GoogleAppsScript.Forms.Form;
  try {
    form = FormApp.openById(record.id);
  } catch (err) {
    console.warn(`collect: form ${record.id} cannot be opened (${String(err)}); mapping by remembered titles`);
    return {};
  }
  const byItemId = new Map<number, string>();
  for (const item of form.getItems()) byItemId.set(item.getId(), item.getTitle());
  const titles: Record<string, string> = {};
  for (const [annexId, itemId] of Object.entries(record.items)) {
    const title = byItemId.get(itemId);
    if (title !== undefined) titles[annexId] = title;
  }
  return titles;
}

function collectForm(run: Run, def: FormDefinition): void {
  const record = readJson<FormRecord>(formKey(def.key));
  if (!record) {
    console.warn(`collect: form ${def.key} is not set up yet`);
    return;
  }
  const sheet = responseSheet(run.ss, record);
  if (!sheet) {
    console.warn(`collect: the response tab of ${def.key} ("${record.responseSheet}") is missing`);
    return;
  }
  const state = readJson<FormState>(stateKey(def.key)) ?? initialState(def);
  let stateChanged = rememberTitles(state.titles, currentTitles(record));

  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow < 2 || lastColumn < 1) {
    if (stateChanged) run.state[stateKey(def.key)] = JSON.stringify(state);
    return;
  }
  const header = sheet.getRange(1, 1, 1, lastColumn).getValues()[0];
  const map = mapResponseColumns(
    header,
    state.titles,
    def.items.map((item) => item.id),
  );
  if (map.unknown.length) console.warn(`collect: ${def.key} columns not matched to any item: ${map.unknown.join(' | ')}`);

  // An incremental read starts at the watermark's own row (the anchor), so it takes one row more.
  const read = (from: number, anchor: number): unknown[][] => {
    const to = Math.min(lastRow, from + anchor + MAX_RESPONSES_PER_RUN - 1);
    if (to < lastRow) run.result.more = true;
    return lastRow >= from ? sheet.getRange(from, 1, to - from + 1, lastColumn).getValues() : [];
  };
  let full = state.mark.row < 2 || lastRow < state.mark.row;
  let keyed = full ? keyRows(def.key, read(2, 0), 2, START) : keyRows(def.key, read(state.mark.row, 1), state.mark.row, state.mark);
  if (!keyed) {
    // The tab no longer looks as it did (rows deleted or sorted by hand): read it all again.
    // Keys do not depend on row positions, so nothing is imported twice.
    console.warn(`collect: ${def.key} response tab changed under the watermark; reading it all`);
    full = true;
    keyed = keyRows(def.key, read(2, 0), 2, START) as NonNullable<ReturnType<typeof keyRows>>;
  }
  let empty = 0;
  for (const { key, row } of keyed.keyed) {
    const normalized = normalizeFormResponse({
      form: def,
      responseId: key,
      timestamp: asDate(row[0]),
      answers: answersOfRow(row, map),
      channel: def.onlineChannel,
      services: run.services,
      themes: run.themes,
    });
    if (!normalized.record) empty++;
    accept(run, normalized);
  }
  // A full read recounts every empty submission of the tab; an incremental one adds to the count.
  state.empty = full ? empty : state.empty + empty;
  if (keyed.keyed.length || full) stateChanged = true;
  state.mark = keyed.next;
  if (stateChanged) run.state[stateKey(def.key)] = JSON.stringify(state);
}

function asDate(value: unknown): Date {
  if (Object.prototype.toString.call(value) === '[object Date]' && !Number.isNaN((value as Date).getTime())) return value as Date;
  return new Date();
}

// ---------------------------------------------------------------------------------------------
// Typed-in tabs

function isBlankCell(value: unknown): boolean {
  return value === null || value === undefined || String(value).trim() === '';
}

/**
 * Runs `normalize` over the rows of a typed tab that have content and no feedback id yet, and
 * queues one write of the status and feedback-id columns for the rows whose status changes.
 */
function collectTyped(
  run: Run,
  table: Table,
  contentKeys: readonly string[],
  prefix: string,
  normalize: (row: unknown[], id: string) => Normalized,
): void {
  const changed: number[] = [];
  table.rows.forEach((row, i) => {
    const values = contentKeys.map((key) => cell(table, row, key));
    if (values.every(isBlankCell) || text(table, row, 'feedbackId') !== '') return;
    const id = typedRowKey(prefix, i + 2, values);
    const { status, id: feedbackId } = accept(run, normalize(row, id));
    const newStatus = escapeForSheet(status);
    if (String(cell(table, row, 'status')) === status && feedbackId === '') return;
    row[table.index.status] = newStatus;
    row[table.index.feedbackId] = feedbackId;
    changed.push(i);
  });
  if (changed.length && table.index.status >= 0 && table.index.feedbackId >= 0) {
    run.after.push(() => writeColumns(table, ['status', 'feedbackId'], changed));
  }
}

function collectPaper(run: Run): void {
  const sheet = run.ss.getSheetByName(TABS.paper.name);
  if (!sheet) return;
  const columns = paperColumns();
  const table = readTable(sheet, columns);
  const itemKeys = FORMS.N1.items.map((item) => item.id);
  const now = new Date();
  collectTyped(run, table, ['receivedAt', ...itemKeys], 'paper', (row, id) => {
    const answers: Record<string, unknown> = {};
    for (const key of itemKeys) answers[key] = cell(table, row, key);
    return normalizePaperRow({ id, receivedAt: cell(table, row, 'receivedAt'), answers, enteredAt: now, services: run.services, themes: run.themes });
  });
}

function collectOtherChannels(run: Run): void {
  const sheet = run.ss.getSheetByName(TABS.otherChannels.name);
  if (!sheet) return;
  const table = readTable(sheet, TABS.otherChannels.columns);
  const now = new Date();
  collectTyped(run, table, ['receivedAt', 'channel', 'service', 'text'], 'other', (row, id) =>
    normalizeOtherFeedback({
      id,
      channel: cell(table, row, 'channel'),
      service: cell(table, row, 'service'),
      receivedAt: cell(table, row, 'receivedAt'),
      text: cell(table, row, 'text'),
      enteredAt: now,
      services: run.services,
      themes: run.themes,
    }),
  );
}
