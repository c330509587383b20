/**
 * The phone survey's stores (domain/phone-survey.ts). The call list — case number, name, phone —
 * is one CSV file per month in the owner's unshared coordinator folder (as the call-back list:
 * a tab can be read by every editor), written once and never rewritten, so Drive keeps no older
 * revision of it; it is erased by deleting the file for good (Drive API files.delete: DriveApp can
 * only trash, and a trashed file stays 30 days). The outcomes tab holds only month, number, the
 * day the list was made and the coordinator's tick. The survey's state (months drawn, the seed)
 * is in the script properties, which only the owner can open.
 */
import type { Period } from '../domain/dates';
import { isDate, startOfDay } from '../domain/dates';
import { t } from '../domain/messages';
import { parseOutcome, renderCallList, type CallEntry, type CallOutcome, type CaseRow, type SurveyState } from '../domain/phone-survey';
import { TABS } from '../domain/schema';
import { deleteKey, readJson, readString, writeJson } from './config';
import { errorMessage } from '../domain/errors';
import { deleteItem, isNotFound, updateItem } from './drive-api';
import { ensureFolder, saveTextFile } from './drive-files';
import { appendRows, cell, findTab, readTab, readTable, rowFromKeys, text } from './tables';

const FOLDER_KEY = 'folder.coordinator';
const STATE_KEY = 'phoneSurvey.state';
const listKey = (month: string): string => `phoneSurvey.list.${month}`;

export function readSurveyState(): SurveyState | null {
  return readJson<SurveyState>(STATE_KEY);
}

export function writeSurveyState(state: SurveyState): void {
  writeJson(STATE_KEY, state);
}

/** A fresh random seed for a deployment's draws. */
export function newSeed(): string {
  return Utilities.getUuid();
}

/** The applications tab as the draw reads it; a tab without a phone column gives '' for every phone. */
export function readCaseRows(): CaseRow[] {
  const table = readTab(TABS.applications);
  const phone = phoneColumn(table.header);
  return table.rows.map((row) => ({
    caseId: cell(table, row, 'caseId'),
    applicant: cell(table, row, 'applicant'),
    phone: phone < 0 ? '' : row[phone],
    service: cell(table, row, 'service'),
    status: cell(table, row, 'status'),
    closedAt: cell(table, row, 'closedAt'),
    applyChannel: cell(table, row, 'applyChannel'),
  }));
}

/**
 * The applications tab's phone column: the one keyed `phone` in the tab's definition when there is
 * one (issue 17's SMS consent adds it), else a column staff headed "phone" themselves; -1 when
 * there is none — the list then carries the case number and the coordinator looks the phone up
 * in the case file.
 */
function phoneColumn(header: readonly string[]): number {
  const spec = TABS.applications.columns.find((column) => column.key === 'phone');
  const byKey = spec ? header.indexOf(spec.header) : -1;
  return byKey >= 0 ? byKey : header.findIndex((h) => /ტელეფონ|phone/i.test(h));
}

/** Writes a month's call list into the coordinator's folder (the same file again on a re-run). */
export function writeMonthList(month: string, entries: readonly CallEntry[]): string {
  const folder = ensureFolder(FOLDER_KEY, t('folder.coordinator'));
  return saveTextFile(listKey(month), folder, t('file.phone_calls', { month }), renderCallList(entries), 'text/csv').id;
}

/** The id of a month's list file, or null when it was never made or is erased. */
export function monthListId(month: string): string | null {
  const id = readString(listKey(month));
  return id && !id.startsWith('making:') ? id : null;
}

/** Deletes a month's list for good; true when a file was deleted (or was already gone). */
export function eraseMonthList(month: string): boolean {
  const id = monthListId(month);
  if (id) {
    try {
      deleteItem(id);
    } catch (err) {
      if (!isNotFound(err)) {
        // Not deleted for good: trashed at least, and the next run tries again.
        console.warn(`phone survey: list ${id} of ${month} not deleted (${errorMessage(err)}); trashed`);
        try {
          updateItem(id, { trashed: true });
        } catch {
          /* gone already */
        }
        return false;
      }
    }
  }
  deleteKey(listKey(month));
  return true;
}

export interface CallRow {
  month: string;
  number: number;
  drawnAt: Date | null;
  outcome: CallOutcome | null;
}

/** The outcomes tab's rows; none when the tab does not exist (the survey was never on). */
export function readCalls(): CallRow[] {
  const sheet = findTab(TABS.phoneCalls);
  if (!sheet) return [];
  const table = readTable(sheet, TABS.phoneCalls.columns);
  return table.rows
    .map((row) => {
      const drawnAt = cell(table, row, 'drawnAt');
      return {
        month: text(table, row, 'month'),
        number: Number(text(table, row, 'number')),
        drawnAt: isDate(drawnAt) ? drawnAt : null,
        outcome: parseOutcome(cell(table, row, 'outcome')),
      };
    })
    .filter((row) => /^\d{4}-\d{2}$/.test(row.month));
}

/** Each drawn month's rows' outcomes, by month. */
export function outcomesByMonth(rows: readonly CallRow[]): Map<string, Array<CallOutcome | null>> {
  const byMonth = new Map<string, Array<CallOutcome | null>>();
  for (const row of rows) byMonth.set(row.month, [...(byMonth.get(row.month) ?? []), row.outcome]);
  return byMonth;
}

/** Adds a month's rows (1…count) to the outcomes tab, unless it has them already (a re-run). */
export function addMonthCalls(month: string, count: number, drawnAt: Date): void {
  const table = readTab(TABS.phoneCalls);
  if (table.rows.some((row) => text(table, row, 'month') === month)) return;
  const day = startOfDay(drawnAt);
  appendRows(
    table,
    Array.from({ length: count }, (_, i) => rowFromKeys(table, { month, number: i + 1, drawnAt: day, outcome: '' })),
  );
}

/** People called in a period (a row whose list was made in it and that has an outcome), and how many were interviewed. */
export function callsIn(period: Pick<Period, 'from' | 'to'>): { called: number; answered: number } {
  let called = 0;
  let answered = 0;
  for (const row of readCalls()) {
    if (!row.drawnAt || row.outcome === null || row.drawnAt < period.from || row.drawnAt >= period.to) continue;
    called++;
    if (row.outcome === 'answered') answered++;
  }
  return { called, answered };
}
