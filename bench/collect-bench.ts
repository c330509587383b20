/**
 * What one collection run costs: `rows` new online N1 responses (written straight into the
 * response tab, as Google would have written them, so seeding is fast and fires no trigger), then
 * one run of the menu's "collect now" as Apps Script would run it (6-minute kill on). Returns the
 * service calls by kind, the cells they moved, this process's CPU time, the peak heap of the run
 * and the modelled Apps Script wall time; `ok` says whether every response landed within one
 * execution. No assertions: the bench runner reports.
 */
import { setUpWorkbook } from '../tests/support/workbook';
import { APPS_SCRIPT_COSTS, EXECUTION_LIMIT_MS } from '../emulator';
import { HeapPeak } from './heap';
import { N1 } from '../src/domain/forms';
import { DEFAULT_SERVICES } from '../src/domain/services';
import { TABS } from '../src/domain/schema';
import type { FormRecord } from '../src/adapters/config';

export interface CollectBench {
  rows: number;
  /** Service calls by `Service.method`. */
  calls: Record<string, number>;
  /** Cells read or written, by `Service.method`. */
  cells: Record<string, number>;
  totalCalls: number;
  cpuMs: number;
  /** Peak heap above the seeded workbook during the run, MB (sampled at every service call). */
  peakHeapMB: number;
  /** Modelled Apps Script time of all runs (the emulator's clock advance). */
  modelledMs: number;
  /** Runs needed: one takes at most MAX_RESPONSES_PER_RUN new responses a tab. */
  executions: number;
  /** The longest single run, which Google's 6-minute limit applies to. */
  longestRunMs: number;
  withinLimit: boolean;
  feedbackRows: number;
  ok: boolean;
}

const TEXTS = ['რიგში დიდხანს ვიდექი', 'თანამშრომელი თავაზიანი იყო', '=HYPERLINK("x")', '', '', ''];

export function benchCollect(rows: number): CollectBench {
  const fx = setUpWorkbook({ costs: APPS_SCRIPT_COSTS });
  const { ws } = fx;
  const ss = ws.spreadsheets.spreadsheetFor(fx.spreadsheetId);
  const record = JSON.parse(ws.properties.scriptProperties()['form.N1']) as FormRecord;
  const sheet = ss.getSheetByName(record.responseSheet);
  if (!sheet) throw new Error(`bench: no response tab ${record.responseSheet}`);
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const start = ws.core.now() - 30 * 86_400_000;
  const raw = Array.from({ length: rows }, (_, i) =>
    header.map((title, c) => {
      // Google appends in submission order, a few seconds apart.
      if (c === 0) return new Date(start + i * 7_000);
      const item = N1.items.find((it) => it.ka === title);
      if (!item) return '';
      switch (item.type) {
        case 'service':
          return DEFAULT_SERVICES[i % DEFAULT_SERVICES.length].ka;
        case 'likert':
          return 1 + ((i * 7 + c) % 5);
        case 'choice':
        case 'yesno':
          return i % 3 ? (item.choices ?? [''])[i % (item.choices ?? ['']).length] : '';
        case 'paragraph':
          return TEXTS[i % TEXTS.length];
      }
      return '';
    }),
  );
  const grow = rows + 1 - sheet.getMaxRows();
  if (grow > 0) sheet.insertRowsAfter(sheet.getMaxRows(), grow);
  if (rows > 0) sheet.getRange(2, 1, rows, header.length).setValues(raw);

  ws.core.resetCalls();
  const heap = new HeapPeak();
  heap.start(ws.core);
  const cpu = process.cpuUsage();
  const feedback = ss.getSheetByName(TABS.feedback.name);
  const countFeedback = (): number => (feedback ? Math.max(0, feedback.getLastRow() - 1) : 0);
  // One run takes at most MAX_RESPONSES_PER_RUN per tab; the hourly sweep carries on, one
  // execution each, until the backlog is in (a run that adds nothing ends the loop).
  let modelledMs = 0;
  let longestRunMs = 0;
  let executions = 0;
  let feedbackRows = countFeedback();
  while (feedbackRows < rows && executions < 20) {
    const clock = ws.core.now();
    runToEnd(() => ws.run('menuCollectNow', 'menu'));
    executions++;
    const runMs = ws.core.now() - clock;
    modelledMs += runMs;
    longestRunMs = Math.max(longestRunMs, runMs);
    const now = countFeedback();
    if (now === feedbackRows) break;
    feedbackRows = now;
  }
  const used = process.cpuUsage(cpu);
  const peakHeapMB = heap.stop();
  const summary = ws.core.callSummary();
  return {
    rows,
    calls: summary.byMethod,
    cells: summary.cellsByMethod,
    totalCalls: summary.total,
    cpuMs: Math.round((used.user + used.system) / 1000),
    peakHeapMB,
    modelledMs,
    executions,
    longestRunMs,
    withinLimit: longestRunMs <= EXECUTION_LIMIT_MS,
    feedbackRows,
    ok: feedbackRows === rows && longestRunMs <= EXECUTION_LIMIT_MS,
  };
}

/** Runs a menu item; Google's 6-minute kill is an outcome to report (ok: false), not a bench error. */
function runToEnd(run: () => unknown): void {
  try {
    run();
  } catch (err) {
    if (!(err instanceof Error) || !/Exceeded maximum execution time/.test(err.message)) throw err;
  }
}
