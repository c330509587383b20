/**
 * What one analysis report costs with `rows` feedback rows in the feedback tab (written straight
 * in with one script write, as collection would have left them): the service calls of one menu
 * build by kind and the cells they moved, the CPU time of buildReportModel alone in Node, the peak
 * heap of the build, and the emulator's modelled Apps Script time of the whole build (6-minute
 * kill on). No assertions: the bench runner reports.
 */
import { setUpWorkbook } from '../tests/support/workbook';
import { APPS_SCRIPT_COSTS, EXECUTION_LIMIT_MS } from '../emulator';
import { HeapPeak } from './heap';
import { FEEDBACK_HEADERS, recordToRow } from '../src/domain/feedback-row';
import { buildReportModel } from '../src/domain/report-model';
import { DEFAULT_SERVICES } from '../src/domain/services';
import { DEFAULT_THEMES } from '../src/domain/themes';
import { TABS } from '../src/domain/schema';
import { FORMS, freeTextItems, likertItems } from '../src/domain/forms';
import type { FeedbackRecord, FormKey } from '../src/domain/types';

export interface ReportBench {
  rows: number;
  /** Service calls by service (SpreadsheetApp, DocumentApp, DriveApp …) and by `Service.method`. */
  callsByKind: Record<string, number>;
  callsByMethod: Record<string, number>;
  /** Cells read or written, by `Service.method`. */
  cellsByMethod: Record<string, number>;
  totalCalls: number;
  /** CPU time of buildReportModel alone, in this process. */
  cpuMsModel: number;
  /** Peak heap above the seeded workbook during the build, MB (sampled at every service call). */
  peakHeapMB: number;
  /** Modelled Apps Script time of the whole menu build. */
  modelledMs: number;
  withinLimit: boolean;
  /** The build ended with a report Doc. */
  ok: boolean;
}

const Q1_START = Date.parse('2026-01-01T00:00:00+04:00');
/** Two quarters back, so the previous period and last year's have data too. */
const SPAN_MS = 455 * 86_400_000;
const COMMENTS = ['რიგში დიდხანს ვიდექი', 'დოკუმენტების სია გაუგებარი იყო', 'თანამშრომელი თავაზიანი იყო', ''];

/** Deterministic records spread over Q1 2025 … Q1 2026. */
export function benchRecords(rows: number): FeedbackRecord[] {
  const records: FeedbackRecord[] = [];
  for (let i = 0; i < rows; i++) {
    const form: FormKey = i % 3 === 0 ? 'N2' : 'N1';
    const answers: FeedbackRecord['answers'] = {};
    likertItems(FORMS[form]).forEach((item, k) => {
      answers[item.id] = i % 11 === k ? null : 1 + ((i * 7 + k * 3) % 5);
    });
    const comment = COMMENTS[i % COMMENTS.length];
    for (const item of freeTextItems(FORMS[form]).slice(0, 1)) answers[item.id] = comment || null;
    records.push({
      id: `bench-${i}`,
      receivedAt: new Date(Q1_START + 90 * 86_400_000 - 1 - Math.floor((i / Math.max(1, rows)) * SPAN_MS)),
      form,
      channel: form === 'N2' ? 'email_link' : i % 2 ? 'paper' : 'kiosk',
      service: DEFAULT_SERVICES[i % DEFAULT_SERVICES.length].code,
      answers,
      text: '',
      themes: comment ? [DEFAULT_THEMES[i % DEFAULT_THEMES.length].id] : [],
      staffTags: [],
      polarity: 'problem',
      staffPolarity: null,
      praiseThemes: [],
      quotable: i % 17 === 0,
      flags: [],
    });
  }
  return records;
}

function modelCpuMs(records: FeedbackRecord[]): number {
  const day = 86_400_000;
  const cpu = process.cpuUsage();
  buildReportModel({
    records,
    actions: [],
    period: { from: new Date(Q1_START), to: new Date(Q1_START + 90 * day), label: 'Q1 2026' },
    previous: { from: new Date(Q1_START - 92 * day), to: new Date(Q1_START), label: 'Q4 2025' },
    lastYear: { from: new Date(Q1_START - 365 * day), to: new Date(Q1_START - 275 * day), label: 'Q1 2025' },
    invitationsSent: Math.round(records.length / 6),
    minGroupSize: 5,
    services: DEFAULT_SERVICES,
    language: 'ka',
    internal: true,
  });
  const used = process.cpuUsage(cpu);
  return Math.round((used.user + used.system) / 1000);
}

export function benchReport(rows: number): ReportBench {
  const records = benchRecords(rows);
  const cpuMsModel = modelCpuMs(records);

  const fx = setUpWorkbook({ now: '2026-04-02T10:00:00+04:00', costs: APPS_SCRIPT_COSTS });
  const { ws } = fx;
  const sheet = ws.spreadsheets.spreadsheetFor(fx.spreadsheetId).getSheetByName(TABS.feedback.name);
  if (!sheet) throw new Error('bench: no feedback tab');
  const grow = rows + 1 - sheet.getMaxRows();
  if (grow > 0) sheet.insertRowsAfter(sheet.getMaxRows(), grow);
  if (rows > 0) sheet.getRange(2, 1, rows, FEEDBACK_HEADERS.length).setValues(records.map((r) => recordToRow(r)));

  ws.core.resetCalls();
  const heap = new HeapPeak();
  ws.spreadsheets.ui.answerNext({ button: 'OK', text: '2026-Q1' });
  heap.start(ws.core);
  const clock = ws.core.now();
  runToEnd(() => ws.run('menuBuildReport', 'menu'));
  const modelledMs = ws.core.now() - clock;
  const peakHeapMB = heap.stop();
  const summary = ws.core.callSummary();
  const ok = ws.docs.list().some((doc) => doc.name.includes('2026 წლის I კვარტალი'));
  return {
    rows,
    callsByKind: summary.byService,
    callsByMethod: summary.byMethod,
    cellsByMethod: summary.cellsByMethod,
    totalCalls: summary.total,
    cpuMsModel,
    peakHeapMB,
    modelledMs,
    withinLimit: modelledMs <= EXECUTION_LIMIT_MS,
    ok: ok && modelledMs <= EXECUTION_LIMIT_MS,
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
