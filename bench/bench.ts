import { mulberry32 as prng } from '../replay/sample';
/**
 * `npm run bench`: what the product's jobs cost on Apps Script, beside the same jobs done the
 * naive row-by-row way, on the emulated Workspace.
 *
 * For each job and size: service calls by kind and the cells they moved (Core.callSummary), CPU
 * time of this process (process.cpuUsage around the job), peak heap above the seeded workbook
 * (bench/heap.ts: sampled at every service call of the product's jobs, every 500th of the naive
 * ones), and a modelled Apps Script wall time: the per-call plus per-cell costs of emulator/costs.ts,
 * which the emulator charges to its clock as the job runs. The product's jobs run as Google would
 * run them (6-minute kill on); a job that needs more than one execution (the hourly sweep sending
 * as many invitations as fit) is run again an hour later until it is done, and its executions are
 * counted. The naive jobs run in one execution with the kill lifted (runUnlimited), so they finish
 * and show how far past 6 minutes they would go.
 *
 * Usage: npm run bench [-- --sizes 1000,10000 --out bench-out] [--jobs themes,collect,report,invitations,redaction,day,national]
 * (`day`: a busy day's trigger runtime per event and in total, bench/day-bench.ts; `themes`: the themes
 * tagger's precision, recall and F1 on the labelled set, bench/themes-bench.ts; `national`: the
 * association's comparison for 64 municipalities, bench/national-bench.ts)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setUpWorkbook, type Fixture } from '../tests/support/workbook';
import { APPS_SCRIPT_COSTS, APPS_SCRIPT_COST_SOURCES, EXECUTION_LIMIT_MS } from '../emulator';
import { naiveCollectResponses, naiveInvitations, naiveReport, runUnlimited, type NaiveGlobals } from './naive';
import { benchNational } from './national-bench';
import { N1 } from '../src/domain/forms';
import { DEFAULT_SERVICES } from '../src/domain/services';
import { TABS } from '../src/domain/schema';
import type { FormRecord } from '../src/adapters/config';
import { FEEDBACK_HEADERS, recordToRow } from '../src/domain/feedback-row';
import { benchCollect } from './collect-bench';
import { benchRecords, benchReport } from './report-bench';
import { HeapPeak } from './heap';
import { dayReport } from './day-bench';
import { themesBench } from './themes-bench';
import { redactionBench } from './redaction-bench';

export interface Metrics {
  calls: number;
  byService: Record<string, number>;
  byMethod: Record<string, number>;
  /** Cells read or written, by `Service.method`, and their total. */
  cellsByMethod: Record<string, number>;
  cells: number;
  cpuMs: number;
  peakHeapMB: number;
  /** Sum of the executions' modelled time (their clock advance while running). */
  modelledMs: number;
  executions: number;
  /** Whether one execution ran past Google's 6 minutes (naive runs are not killed, so this says they would be). */
  overLimit: boolean;
}

export interface Row {
  job: string;
  size: number;
  variant: 'product' | 'naive';
  metrics: Metrics;
  outcome: string;
}

const HOUR = 3600_000;

/** Measures `job`, which runs executions through `exec` so that their modelled time is summed. */
export function measure(fixture: Fixture, job: (exec: <T>(run: () => T) => T) => string): { metrics: Metrics; outcome: string } {
  const { core } = fixture.ws;
  core.resetCalls();
  const heap = new HeapPeak();
  heap.start(core, 500);
  let modelledMs = 0;
  let executions = 0;
  let overLimit = false;
  const exec = <T>(run: () => T): T => {
    const start = core.now();
    executions++;
    try {
      return run();
    } finally {
      const spent = core.now() - start;
      modelledMs += spent;
      if (spent > EXECUTION_LIMIT_MS) overLimit = true;
      heap.sample();
    }
  };
  const cpu = process.cpuUsage();
  let outcome: string;
  let peakHeapMB: number;
  try {
    outcome = job(exec);
  } finally {
    peakHeapMB = heap.stop();
  }
  const used = process.cpuUsage(cpu);
  const summary = core.callSummary();
  return {
    metrics: {
      calls: summary.total,
      byService: summary.byService,
      byMethod: summary.byMethod,
      cellsByMethod: summary.cellsByMethod,
      cells: sum(summary.cellsByMethod),
      cpuMs: Math.round((used.user + used.system) / 1000),
      peakHeapMB,
      modelledMs: Math.round(modelledMs),
      executions,
      overLimit,
    },
    outcome,
  };
}

function workbook(): Fixture {
  const fixture = setUpWorkbook({ costs: APPS_SCRIPT_COSTS, mailQuotaPerDay: 1500 });
  setSetting(fixture, 'mailQuotaPerDay', 1500);
  return fixture;
}

function naiveGlobals(fixture: Fixture): NaiveGlobals {
  return { SpreadsheetApp: fixture.ws.spreadsheets.app, MailApp: fixture.ws.mail.app } as unknown as NaiveGlobals;
}

function sheetOf(fixture: Fixture, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = fixture.ws.spreadsheets.spreadsheetFor(fixture.spreadsheetId).getSheetByName(name);
  if (!sheet) throw new Error(`bench: no tab ${name}`);
  return sheet;
}

function setSetting(fixture: Fixture, key: string, value: unknown): void {
  const sheet = sheetOf(fixture, TABS.settings.name);
  const keys = sheet
    .getRange(1, 1, sheet.getLastRow(), 1)
    .getValues()
    .map((r) => String(r[0]));
  sheet.getRange(keys.indexOf(key) + 1, 2).setValue(value);
}

/** Writes rows below the header of a tab as one harness write (no trigger fires: not a person's edit). */
function fillTab(fixture: Fixture, name: string, rows: unknown[][]): void {
  const sheet = sheetOf(fixture, name);
  const need = rows.length + 1 - sheet.getMaxRows();
  if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
  sheet.getRange(2, 1, rows.length, rows[0].length).setValues(rows);
}

const COMMENTS = ['რიგში დიდხანს ვიდექი', 'თანამშრომელი თავაზიანი იყო', 'დოკუმენტების სია გაურკვეველი იყო', '', '', ''];

/** The response tab the naive collector reads (a form linked to the workbook, as the product no longer does). */
const NAIVE_TAB = 'N1 — პასუხები';

/** N online N1 responses in a response tab, as Google would write them into a linked workbook. */
function seedResponses(fixture: Fixture, n: number, seed = 1): void {
  const tab = NAIVE_TAB;
  const ss = fixture.ws.spreadsheets.spreadsheetFor(fixture.spreadsheetId);
  if (!ss.getSheetByName(tab)) {
    const titles = ['Timestamp', ...N1.items.map((item) => item.ka)];
    ss.insertSheet(tab).getRange(1, 1, 1, titles.length).setValues([titles]);
  }
  const sheet = sheetOf(fixture, tab);
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const rnd = prng(seed);
  const start = fixture.ws.core.now() - 90 * 24 * HOUR;
  const rows: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    rows.push(
      header.map((title, c) => {
        if (c === 0) return new Date(start + Math.floor(rnd() * 89 * 24 * HOUR));
        const item = N1.items.find((it) => it.ka === title);
        if (!item) return '';
        switch (item.type) {
          case 'service':
            return DEFAULT_SERVICES[Math.floor(rnd() * DEFAULT_SERVICES.length)].ka;
          case 'likert':
            return rnd() < 0.1 && !item.required ? '' : 1 + Math.floor(rnd() * 5);
          case 'choice':
          case 'yesno':
            return rnd() < 0.3 ? '' : (item.choices ?? [''])[Math.floor(rnd() * (item.choices ?? ['']).length)];
          case 'paragraph':
            return COMMENTS[Math.floor(rnd() * COMMENTS.length)];
        }
        return '';
      }),
    );
  }
  fillTab(fixture, tab, rows);
  fixture.ws.core.resetCalls();
}

/** `n` closed cases with valid emails in the applications tab, not yet invited. */
function seedClosedCases(fixture: Fixture, n: number): void {
  const columns = TABS.applications.columns;
  const now = fixture.ws.core.now();
  const rows: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    // Services that send invitations only, so that every case is one invitation.
    const invitable = DEFAULT_SERVICES.filter((s) => s.invite);
    const service = invitable[i % invitable.length];
    const byKey: Record<string, unknown> = {
      caseId: `01-2026-${String(i + 1).padStart(4, '0')}`,
      submittedAt: new Date(now - 20 * 24 * HOUR),
      service: service.ka,
      applicant: `განმცხადებელი ${i + 1}`,
      email: `applicant${i + 1}@example.ge`,
      applyChannel: 'ელფოსტა',
      status: 'დასრულებულია',
      closedAt: new Date(now - 24 * HOUR),
      inviteStatus: '',
      inviteAt: '',
    };
    rows.push(columns.map((c) => byKey[c.key]));
  }
  fillTab(fixture, TABS.applications.name, rows);
  fixture.ws.core.resetCalls();
}

function n2Url(fixture: Fixture): string {
  const record = JSON.parse(fixture.ws.properties.app.getScriptProperties().getProperty('form.N2') ?? 'null') as FormRecord | null;
  return record?.publishedUrl ?? 'https://docs.google.com/forms/d/e/x/viewform';
}

function _feedbackRows(fixture: Fixture): number {
  return Math.max(0, sheetOf(fixture, TABS.feedback.name).getLastRow() - 1);
}

// ---------------------------------------------------------------------------------------------
// Jobs

/**
 * The product's collection (bench/collect-bench.ts). A run Google would kill is reported, not
 * dropped: its row says how far it got (a killed run appends nothing, so a re-run is no better).
 */
function collectProduct(size: number): Row {
  const r = benchCollect(size);
  const outcome = r.ok
    ? `${r.feedbackRows} feedback rows in ${r.executions} run(s), longest ${(r.longestRunMs / 60_000).toFixed(1)} min`
    : `KILLED at 6 min: ${r.feedbackRows} of ${size} rows appended`;
  const metrics = fromCounts(r.calls, r.cells, r.cpuMs, r.peakHeapMB, r.modelledMs);
  return {
    job: 'collect responses',
    size,
    variant: 'product',
    metrics: { ...metrics, executions: r.executions, overLimit: r.longestRunMs > EXECUTION_LIMIT_MS },
    outcome,
  };
}

function sum(byKey: Record<string, number>): number {
  return Object.values(byKey).reduce((a, b) => a + b, 0);
}

function fromCounts(byMethod: Record<string, number>, cellsByMethod: Record<string, number>, cpuMs: number, peakHeapMB: number, modelledMs: number): Metrics {
  const byService: Record<string, number> = {};
  let calls = 0;
  for (const [key, n] of Object.entries(byMethod)) {
    calls += n;
    const service = key.split('.')[0];
    byService[service] = (byService[service] ?? 0) + n;
  }
  return {
    calls,
    byService,
    byMethod,
    cellsByMethod,
    cells: sum(cellsByMethod),
    cpuMs,
    peakHeapMB,
    modelledMs,
    executions: 1,
    overLimit: modelledMs > EXECUTION_LIMIT_MS,
  };
}

function collectNaive(size: number): Row {
  const fixture = workbook();
  seedResponses(fixture, size);
  const tab = NAIVE_TAB;
  const { metrics, outcome } = measure(fixture, (exec) => {
    const r = exec(() => runUnlimited(fixture.ws.core, 'naiveCollect', () => naiveCollectResponses(naiveGlobals(fixture), tab, N1)));
    return `${r.added} feedback rows`;
  });
  return { job: 'collect responses', size, variant: 'naive', metrics, outcome };
}

/** The product's analysis report (bench/report-bench.ts); CPU is that of the report model alone. */
function nationalProduct(municipalities: number, quarters: number): Row {
  const r = benchNational(municipalities, quarters);
  return {
    job: `national report (${municipalities} files a quarter, ${quarters} quarter(s) listed)`,
    size: r.files,
    variant: 'product',
    metrics: fromCounts(r.callsByMethod, r.cellsByMethod, r.cpuMs, 0, r.modelledMs),
    outcome: `${r.ok ? 'comparison Doc built' : 'KILLED at 6 min'}; menu runs ${r.runs.map((ms) => `${(ms / 1000).toFixed(0)} s`).join(', ')} (the last: a later build); files of ${r.fileBytes} bytes, ${r.groups} groups`,
  };
}

function reportProduct(size: number): Row {
  const r = benchReport(size);
  const outcome = r.ok ? 'report Doc built' : `KILLED at 6 min: no report (${r.modelledMs} ms modelled)`;
  return {
    job: 'analysis report',
    size,
    variant: 'product',
    metrics: fromCounts(r.callsByMethod, r.cellsByMethod, r.cpuMsModel, r.peakHeapMB, r.modelledMs),
    outcome,
  };
}

/** The naive report over the same feedback rows as report-bench (benchRecords). */
function reportNaive(size: number): Row {
  const fixture = setUpWorkbook({ now: '2026-04-02T10:00:00+04:00', costs: APPS_SCRIPT_COSTS });
  fillTab(
    fixture,
    TABS.feedback.name,
    benchRecords(size).map((r) => recordToRow(r, FEEDBACK_HEADERS)),
  );
  fixture.ws.core.resetCalls();
  const { metrics, outcome } = measure(fixture, (exec) => {
    const r = exec(() => runUnlimited(fixture.ws.core, 'naiveReport', () => naiveReport(naiveGlobals(fixture))));
    return `means over ${r.rows} rows`;
  });
  return { job: 'analysis report', size, variant: 'naive', metrics, outcome };
}

function invitationsProduct(cases: number): Row {
  const fixture = workbook();
  seedClosedCases(fixture, cases);
  const { ws } = fixture;
  const { metrics, outcome } = measure(fixture, (exec) => {
    // Hourly, as the time-driven trigger runs it, until every invitation is out (or a day passes).
    for (let hour = 0; hour < 24 && ws.mail.sent.length < cases; hour++) {
      exec(() => ws.core.invoke('hourlySweep', 'time', {}));
      ws.core.setNow(ws.core.now() + HOUR);
    }
    if (ws.mail.sent.length < cases) throw new Error(`only ${ws.mail.sent.length} of ${cases} invitations went out in a day`);
    return `${ws.mail.sent.length} sent`;
  });
  return { job: 'N2 invitations', size: cases, variant: 'product', metrics, outcome };
}

function invitationsNaive(cases: number): Row {
  const fixture = workbook();
  seedClosedCases(fixture, cases);
  const { metrics, outcome } = measure(fixture, (exec) => {
    const r = exec(() => runUnlimited(fixture.ws.core, 'naiveInvitations', () => naiveInvitations(naiveGlobals(fixture), n2Url(fixture))));
    return `${r.sent} sent`;
  });
  return { job: 'N2 invitations', size: cases, variant: 'naive', metrics, outcome };
}

// ---------------------------------------------------------------------------------------------
// Output

function fmtMs(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 2 * HOUR) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / HOUR).toFixed(1)} h`;
}

function kinds(byService: Record<string, number>): string {
  return Object.entries(byService)
    .sort((a, b) => b[1] - a[1])
    .map(([s, n]) => `${s.replace('App', '').replace('Service', '')} ${n}`)
    .join(', ');
}

function table(rows: Row[]): string {
  const header = ['job', 'size', 'variant', 'calls', 'by service', 'cells', 'CPU', 'peak heap', 'modelled', 'execs', '>6 min', 'naive/product'];
  const lines = rows.map((r) => {
    const partner = rows.find((o) => o.job === r.job && o.size === r.size && o.variant === 'product');
    const ratio =
      r.variant === 'naive' && partner && partner.metrics.modelledMs > 0
        ? `${Math.round(r.metrics.modelledMs / partner.metrics.modelledMs)}x time, ${Math.round(r.metrics.calls / Math.max(1, partner.metrics.calls))}x calls`
        : '';
    return [
      r.job,
      r.size.toLocaleString('en-US'),
      r.variant,
      r.metrics.calls.toLocaleString('en-US'),
      kinds(r.metrics.byService),
      r.metrics.cells.toLocaleString('en-US'),
      `${r.metrics.cpuMs} ms`,
      `${r.metrics.peakHeapMB} MB`,
      fmtMs(r.metrics.modelledMs),
      String(r.metrics.executions),
      r.metrics.overLimit ? 'yes' : 'no',
      ratio,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const arg = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const sizes = (arg('--sizes') ?? '1000,10000,100000').split(',').map(Number);
  const cases = Number(arg('--cases') ?? 500);
  const out = arg('--out') ?? 'bench-out';
  const jobs = new Set((arg('--jobs') ?? 'themes,collect,report,invitations,redaction').split(','));
  const rows: Row[] = [];
  const attempt = (label: string, fn: () => Row | null): void => {
    process.stderr.write(`bench: ${label} …\n`);
    try {
      const row = fn();
      if (row) rows.push(row);
    } catch (err) {
      process.stderr.write(`bench: ${label} failed: ${err instanceof Error ? err.message : String(err)}\n`);
    }
  };
  for (const size of sizes) {
    if (jobs.has('collect')) {
      attempt(`collect ${size} (product)`, () => collectProduct(size));
      attempt(`collect ${size} (naive)`, () => collectNaive(size));
    }
    if (jobs.has('report')) {
      attempt(`report ${size} (product)`, () => reportProduct(size));
      attempt(`report ${size} (naive)`, () => reportNaive(size));
    }
  }
  if (jobs.has('national')) {
    // The association's comparison: 64 municipalities, one quarter listed, then 5 years (20 quarters) listed.
    for (const quarters of [1, 20]) attempt(`national 64 × ${quarters}`, () => nationalProduct(64, quarters));
  }
  if (jobs.has('invitations')) {
    attempt(`invitations ${cases} (product)`, () => invitationsProduct(cases));
    attempt(`invitations ${cases} (naive)`, () => invitationsNaive(cases));
  }

  // The themes tagger's quality on the labelled set, development and held-out parts apart.
  const themes = jobs.has('themes') ? themesBench() : null;
  if (themes) console.log(`${themes.text}\n`);
  if (rows.length) console.log(table(rows));
  // A busy day against the daily trigger runtime (bench/day-bench.ts, bench/README.md).
  const day = jobs.has('day') ? dayReport() : null;
  if (day) console.log(`\n${day}`);
  const redaction = jobs.has('redaction') ? redactionBench() : null;
  if (redaction) console.log(`\n${redaction.text}`);
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'bench.json'),
    `${JSON.stringify({ generatedAt: new Date().toISOString(), node: process.version, costs: APPS_SCRIPT_COST_SOURCES, rows, day, themes: themes?.figures ?? null, redaction: redaction?.figures ?? null }, null, 2)}\n`,
  );
  console.log(`\nwritten ${join(out, 'bench.json')}`);
}

main();
