/**
 * What one collection run costs: `rows` new online N1 responses (stored straight into the form, as
 * if submitted while no trigger ran, so seeding is fast and fires none), then
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
  /** Runs needed: one takes at most MAX_RESPONSES_PER_RUN new responses a form. */
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
  const start = ws.core.now() - 30 * 86_400_000;
  // Submitted a few seconds apart while no trigger ran: the backlog the collector reads from the form.
  const responses = Array.from({ length: rows }, (_, i) => {
    const answers: Record<string, string | number> = {};
    N1.items.forEach((item, c) => {
      switch (item.type) {
        case 'service':
          answers[item.ka] = DEFAULT_SERVICES[i % DEFAULT_SERVICES.length].ka;
          break;
        case 'likert':
          answers[item.ka] = 1 + ((i * 7 + c) % 5);
          break;
        case 'choice':
        case 'yesno':
          if (i % 3) answers[item.ka] = (item.choices ?? [''])[i % (item.choices ?? ['']).length];
          break;
        case 'paragraph':
          if (TEXTS[i % TEXTS.length]) answers[item.ka] = TEXTS[i % TEXTS.length];
          break;
      }
    });
    return { at: start + i * 7_000, answers };
  });
  ws.forms.importResponses(record.id, responses);

  ws.core.resetCalls();
  const heap = new HeapPeak();
  heap.start(ws.core);
  const cpu = process.cpuUsage();
  const feedback = ss.getSheetByName(TABS.feedback.name);
  const countFeedback = (): number => (feedback ? Math.max(0, feedback.getLastRow() - 1) : 0);
  // One run takes at most MAX_RESPONSES_PER_RUN per form; the next run carries on, one
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
