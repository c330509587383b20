/**
 * The applications tab: the cases staff register and close. The script writes only a closing
 * date left blank, each row's invitation status and time, and clears an applicant's address
 * once it has been kept long enough.
 */
import { isDate, startOfDay } from '../domain/dates';
import type { ApplicationRow, RowDisplay } from '../domain/invitations';
import { countDeskApplications } from '../domain/report-inputs';
import { escapeForSheet, isBlankCell } from '../domain/sanitize';
import { TABS } from '../domain/schema';
import { resolveService } from '../domain/services';
import type { Service } from '../domain/types';
import { cell, readTab, text, writeColumns, type Table } from './tables';

export interface ApplicationsTab {
  /** Every data row, in tab order (`index` 0 is sheet row 2). */
  rows: ApplicationRow[];
  /**
   * Sets the closing date of the given rows to the day of `now` where it is blank, in one write however
   * they are spread. The column is read again just before: the rows in between go back as staff
   * left them, and a date typed meanwhile is kept.
   */
  fillClosedAt(indexes: readonly number[], now: Date): void;
  /** Writes each row's invitation status and time where they differ from the tab, in one write. */
  showInviteStatuses(wanted: ReadonlyMap<number, RowDisplay>): void;
  /** Clears the applicant's address of the given rows, in one write; how many were cleared. */
  clearEmails(indexes: readonly number[]): number;
  /**
   * Clears the mobile number of the given rows (issue 17), in one read and one write: the column
   * is read again just before, so a number typed meanwhile into a row in between is kept.
   */
  clearPhones(indexes: readonly number[]): number;
}

export function openApplications(): ApplicationsTab {
  const table = readTab(TABS.applications);
  const rows = table.rows.map((row, index) => ({
    index,
    caseId: cell(table, row, 'caseId'),
    service: cell(table, row, 'service'),
    email: cell(table, row, 'email'),
    status: cell(table, row, 'status'),
    closedAt: cell(table, row, 'closedAt'),
    submittedAt: cell(table, row, 'submittedAt'),
    applyChannel: cell(table, row, 'applyChannel'),
    phone: cell(table, row, 'phone'),
    smsConsent: cell(table, row, 'smsConsent'),
  }));
  return {
    rows,
    fillClosedAt: (indexes, now) => fillClosedAt(table, indexes, now),
    showInviteStatuses: (wanted) => showInviteStatuses(table, wanted),
    clearEmails(indexes): number {
      const column = table.index.email;
      if (indexes.length === 0 || column < 0) return 0;
      for (const i of indexes) table.rows[i][column] = '';
      writeColumns(table, ['email'], [...indexes]);
      return indexes.length;
    },
    clearPhones(indexes): number {
      const column = table.index.phone;
      if (indexes.length === 0 || column < 0) return 0;
      const first = Math.min(...indexes);
      const fresh = table.sheet.getRange(first + 2, column + 1, Math.max(...indexes) - first + 1, 1).getValues();
      fresh.forEach(([value], k) => (table.rows[first + k][column] = value));
      const cleared = new Set(indexes);
      // The other rows go back as read: the column is plain text, where an apostrophe would stay
      // visible ("'+995 …"), so only a text Sheets could take for a formula is escaped.
      const block = fresh.map(([value], k) => [
        cleared.has(first + k) ? '' : typeof value === 'string' && value.startsWith('=') ? escapeForSheet(value) : value,
      ]);
      for (const i of indexes) table.rows[i][column] = '';
      table.sheet.getRange(first + 2, column + 1, block.length, 1).setValues(block);
      return indexes.length;
    },
  };
}

/** Applicants' names as staff typed them: the only personal names the product knows. */
export function readApplicantNames(): string[] {
  const table = readTab(TABS.applications);
  const names = new Set<string>();
  for (const row of table.rows) {
    const name = text(table, row, 'applicant');
    if (name !== '') names.add(name);
  }
  return Array.from(names);
}

function fillClosedAt(table: Table, indexes: readonly number[], now: Date): void {
  const column = table.index.closedAt;
  if (indexes.length === 0 || column < 0) return;
  const first = Math.min(...indexes);
  const fresh = table.sheet.getRange(first + 2, column + 1, Math.max(...indexes) - first + 1, 1).getValues();
  fresh.forEach(([value], k) => (table.rows[first + k][column] = value));
  const blank = indexes.filter((i) => isBlankCell(table.rows[i][column]));
  // The day only, as staff type it: the time a case was closed is nobody's business in this tab.
  for (const i of blank) table.rows[i][column] = startOfDay(now);
  writeColumns(table, ['closedAt'], blank);
}

function showInviteStatuses(table: Table, wanted: ReadonlyMap<number, RowDisplay>): void {
  const statusCol = table.index.inviteStatus;
  const atCol = table.index.inviteAt;
  if (statusCol < 0) return;
  const changed: number[] = [];
  for (const [index, shown] of wanted) {
    const line = table.rows[index];
    const currentAt = atCol >= 0 ? line[atCol] : '';
    // The day only: a time of sending would tie the case to an answer of that hour.
    const at = shown.at === '' ? '' : startOfDay(shown.at);
    const sameAt = at === '' ? currentAt === '' || currentAt === null : isDate(currentAt) && currentAt.getTime() === at.getTime();
    if (String(line[statusCol] ?? '') === shown.status && sameAt) continue;
    line[statusCol] = escapeForSheet(shown.status);
    if (atCol >= 0) line[atCol] = at;
    changed.push(index);
  }
  writeColumns(table, ['inviteStatus', 'inviteAt'], changed);
}

/** Desk applications submitted in the period by service code: the base of N1 coverage. */
export function deskApplicationsIn(period: { from: Date; to: Date }, services: readonly Service[]): Record<string, number> {
  const table = readTab(TABS.applications);
  return countDeskApplications(
    table.rows.map((row) => ({
      submittedAt: cell(table, row, 'submittedAt'),
      service: cell(table, row, 'service'),
      applyChannel: cell(table, row, 'applyChannel'),
    })),
    period,
    (typed) => resolveService(typed, services)?.code ?? typed,
  );
}
