/**
 * What the meeting agenda and the public report read from the workbook — the feedback table, the
 * actions register, applicants' names (for redaction), theme labels — one whole-tab read each,
 * and the period prompt they share with the analysis report.
 */
import { parseAction } from '../domain/agenda';
import { parsePeriodInput, PERIOD_INPUT_HELP } from '../domain/period-input';
import type { Period } from '../domain/dates';
import { rowToRecord } from '../domain/normalize';
import { TABS } from '../domain/schema';
import { DEFAULT_THEMES } from '../domain/themes';
import type { ActionRecord, FeedbackRecord } from '../domain/types';
import { cell, getTab, readTable, text, type Table } from '../adapters/tables';
import { collectAll } from './collect';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type PeriodAnswer = { ok: true; period: Period } | { ok: false; message: string };

/** Asks for the period in Georgian; a cancel or an unreadable answer comes back as the message to show. */
export function askPeriod(title: string): PeriodAnswer {
  const ui = SpreadsheetApp.getUi();
  const response = ui.prompt(title, `რომელი პერიოდისთვის? ${PERIOD_INPUT_HELP}`, ui.ButtonSet.OK_CANCEL);
  if (response.getSelectedButton() !== ui.Button.OK) return { ok: false, message: 'მოქმედება გაუქმდა.' };
  const parsed = parsePeriodInput(response.getResponseText(), new Date());
  return parsed.ok ? { ok: true, period: parsed.period } : { ok: false, message: parsed.error };
}

/** A stable key of a period for script properties: the same period always maps to the same Doc. */
export function periodKey(period: Period): string {
  return `${period.kind}:${period.from.getTime()}-${period.to.getTime()}`;
}

/** Brings the feedback table up to date first; a failure is logged and the build goes on. */
export function collectFirst(): void {
  try {
    collectAll();
  } catch (err) {
    console.error(`collection before the build failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function loadFeedback(ss: Spreadsheet): FeedbackRecord[] {
  const table = readTable(getTab(ss, TABS.feedback), []);
  return table.rows.map((row) => rowToRecord(row, table.header));
}

export interface ActionsTable {
  table: Table;
  /** One per data row, null for a row that holds no action. */
  rows: Array<ActionRecord | null>;
  actions: ActionRecord[];
}

export function loadActions(ss: Spreadsheet): ActionsTable {
  const table = readTable(getTab(ss, TABS.actions), TABS.actions.columns);
  const rows = table.rows.map((row) => {
    const byKey: Record<string, unknown> = {};
    for (const column of TABS.actions.columns) byKey[column.key] = cell(table, row, column.key);
    return parseAction(byKey);
  });
  return { table, rows, actions: rows.filter((a): a is ActionRecord => a !== null) };
}

/** Applicants' names as staff typed them: the only personal names the product knows. */
export function loadKnownNames(ss: Spreadsheet): string[] {
  const table = readTable(getTab(ss, TABS.applications), TABS.applications.columns);
  const names = new Set<string>();
  for (const row of table.rows) {
    const name = text(table, row, 'applicant');
    if (name !== '') names.add(name);
  }
  return Array.from(names);
}

export function loadThemeLabels(ss: Spreadsheet): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const theme of DEFAULT_THEMES) labels[theme.id] = theme.ka;
  const sheet = ss.getSheetByName(TABS.themes.name);
  if (!sheet) return labels;
  const table = readTable(sheet, TABS.themes.columns);
  for (const row of table.rows) {
    const id = text(table, row, 'id');
    const label = text(table, row, 'label');
    if (id !== '' && label !== '') labels[id] = label;
  }
  return labels;
}

/** Runs `work` under the script lock, so two clicks cannot make two Docs or two PDFs. */
export function withScriptLock<T>(work: () => T): T {
  const lock = LockService.getScriptLock();
  lock.waitLock(30_000);
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
