/**
 * The same jobs done the way most Apps Script tutorials do them: a loop over rows that reads each
 * cell with getRange(i, j).getValue(), sends one email and writes one setValue per row, and
 * appends results with appendRow. They run against the same emulated Workspace as the product,
 * with the same domain logic, so the only difference the bench measures is the service calls.
 *
 * They are Node code driving the emulator's service objects directly (not part of dist/); the
 * bench runs them inside an execution whose 6-minute limit is lifted (see runUnlimited), so the
 * whole job completes and its modelled time can be compared with the product's.
 */
import { normalizeFormResponse, normalizePaperRow } from '../src/domain/normalize';
import { recordToRow } from '../src/domain/feedback-row';
import { N1, N2 } from '../src/domain/forms';
import { DEFAULT_SERVICES } from '../src/domain/services';
import { TABS, paperColumns } from '../src/domain/schema';
import type { Core } from '../emulator';
import type { FormDefinition } from '../src/domain/types';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface NaiveGlobals {
  SpreadsheetApp: Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'getActiveSpreadsheet'>;
  MailApp: Pick<GoogleAppsScript.Mail.MailApp, 'sendEmail'>;
}

/** Runs `fn` as one 'direct' execution without Google's 6-minute kill (the naive jobs need hours). */
export function runUnlimited<T>(core: Core, handler: string, fn: () => T): T {
  return core.runExecution(handler, 'direct', () => {
    const exec = core.current();
    if (exec) exec.limitMs = Number.POSITIVE_INFINITY;
    return fn();
  });
}

/** Column numbers (1-based) by header text, read one cell at a time as tutorials do. */
function headerColumns(sheet: Sheet): Map<string, number> {
  const columns = new Map<string, number>();
  const last = sheet.getLastColumn();
  for (let j = 1; j <= last; j++) columns.set(String(sheet.getRange(1, j).getValue()).trim(), j);
  return columns;
}

function columnOf(columns: Map<string, number>, header: string): number {
  const column = columns.get(header);
  if (column === undefined) throw new Error(`naive: no column "${header}"`);
  return column;
}

const CLOSED = 'დასრულებულია';

/**
 * N2 invitations, tutorial style: for every row, read status, invitation status, email and
 * service cell by cell; send; write the status and the time with two setValue calls.
 */
export function naiveInvitations(g: NaiveGlobals, formUrl: string): { sent: number } {
  const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(TABS.applications.name);
  if (!sheet) throw new Error('naive: no applications tab');
  const header = (key: string): string => TABS.applications.columns.find((c) => c.key === key)?.header ?? key;
  const columns = headerColumns(sheet);
  const [status, inviteStatus, inviteAt, email, service] = ['status', 'inviteStatus', 'inviteAt', 'email', 'service'].map((k) => columnOf(columns, header(k)));
  let sent = 0;
  const last = sheet.getLastRow();
  for (let i = 2; i <= last; i++) {
    if (sheet.getRange(i, status).getValue() !== CLOSED) continue;
    if (sheet.getRange(i, inviteStatus).getValue() !== '') continue;
    const to = String(sheet.getRange(i, email).getValue()).trim();
    const name = String(sheet.getRange(i, service).getValue());
    if (to === '') continue;
    g.MailApp.sendEmail(to, 'შეაფასეთ მომსახურება', `${name}: ${formUrl}`);
    sheet.getRange(i, inviteStatus).setValue('გაიგზავნა');
    sheet.getRange(i, inviteAt).setValue(new Date());
    sent++;
  }
  return { sent };
}

/**
 * Form responses into the feedback tab, tutorial style: every cell of every response row read
 * with getValue, one appendRow per record. A response is matched to its form's items by the
 * question titles of the response tab's header.
 */
export function naiveCollectResponses(g: NaiveGlobals, responseTab: string, form: FormDefinition = N1): { added: number } {
  const ss = g.SpreadsheetApp.getActiveSpreadsheet();
  const source = ss.getSheetByName(responseTab);
  const feedback = ss.getSheetByName(TABS.feedback.name);
  if (!source || !feedback) throw new Error('naive: missing tabs');
  const columns = headerColumns(source);
  const byTitle = new Map(form.items.map((item) => [item.ka, item.id]));
  const last = source.getLastRow();
  let added = 0;
  for (let i = 2; i <= last; i++) {
    const answers: Record<string, unknown> = {};
    let timestamp = new Date();
    for (const [title, j] of columns) {
      const value = source.getRange(i, j).getValue();
      if (title === 'Timestamp' && value instanceof Date) timestamp = value;
      const id = byTitle.get(title);
      if (id) answers[id] = value;
    }
    const { record } = normalizeFormResponse({
      form,
      responseId: `${form.key}-${i}`,
      timestamp,
      answers,
      channel: form.onlineChannel,
      services: DEFAULT_SERVICES,
    });
    if (!record) continue;
    feedback.appendRow(recordToRow(record));
    added++;
  }
  return { added };
}

/**
 * Typed-in paper forms, tutorial style: each row read cell by cell, one appendRow per record,
 * then the row's status and record id written back with two setValue calls.
 */
export function naiveImportPaper(g: NaiveGlobals): { added: number } {
  const ss = g.SpreadsheetApp.getActiveSpreadsheet();
  const paper = ss.getSheetByName(TABS.paper.name);
  const feedback = ss.getSheetByName(TABS.feedback.name);
  if (!paper || !feedback) throw new Error('naive: missing tabs');
  const columns = headerColumns(paper);
  const header = (key: string): string => TABS.paper.columns.find((c) => c.key === key)?.header ?? key;
  const statusColumn = columnOf(columns, header('status'));
  const idColumn = columnOf(columns, header('feedbackId'));
  const receivedColumn = columnOf(columns, header('receivedAt'));
  const itemColumns = N1.items.map((item) => [item.id, [...columns].find(([h]) => h === paperColumns().find((c) => c.key === item.id)?.header)?.[1]] as const);
  const last = paper.getLastRow();
  let added = 0;
  for (let i = 2; i <= last; i++) {
    if (paper.getRange(i, idColumn).getValue() !== '') continue;
    const answers: Record<string, unknown> = {};
    for (const [id, j] of itemColumns) if (j !== undefined) answers[id] = paper.getRange(i, j).getValue();
    const { record, problems } = normalizePaperRow({
      id: `paper-${i}`,
      receivedAt: paper.getRange(i, receivedColumn).getValue(),
      answers,
      enteredAt: new Date(),
      services: DEFAULT_SERVICES,
    });
    if (record) {
      feedback.appendRow(recordToRow(record));
      added++;
    }
    paper.getRange(i, statusColumn).setValue(problems.length ? problems.join('\n') : 'შენახულია');
    paper.getRange(i, idColumn).setValue(record ? record.id : '');
  }
  return { added };
}

/**
 * The analysis input, tutorial style: every cell of the feedback tab read with getValue, then
 * one mean per likert item written with setValue into a summary tab.
 */
export function naiveReport(g: NaiveGlobals): { rows: number } {
  const ss = g.SpreadsheetApp.getActiveSpreadsheet();
  const feedback = ss.getSheetByName(TABS.feedback.name);
  if (!feedback) throw new Error('naive: no feedback tab');
  const columns = headerColumns(feedback);
  const likert = [...N1.items, ...N2.items].filter((item) => item.type === 'likert').map((item) => item.id);
  const sums = new Map<string, { sum: number; n: number }>();
  const last = feedback.getLastRow();
  for (let i = 2; i <= last; i++) {
    for (const id of likert) {
      const j = columns.get(id);
      if (j === undefined) continue;
      const value = feedback.getRange(i, j).getValue();
      if (typeof value !== 'number') continue;
      const s = sums.get(id) ?? { sum: 0, n: 0 };
      s.sum += value;
      s.n++;
      sums.set(id, s);
    }
  }
  const summary = ss.getSheetByName('naive-summary') ?? ss.insertSheet('naive-summary');
  let row = 1;
  for (const [id, s] of sums) {
    summary.getRange(row, 1).setValue(id);
    summary.getRange(row, 2).setValue(s.n ? s.sum / s.n : '');
    row++;
  }
  return { rows: last - 1 };
}
