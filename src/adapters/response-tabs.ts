/**
 * The response tabs Google Forms writes, one per form. They are read only, from a row on: the
 * collector remembers how far it has read each.
 */
import type { FormRecord } from './config';
import { activeWorkbook } from './tables';

export interface ResponseTab {
  /** The last row and column holding anything. */
  extent(): { lastRow: number; lastColumn: number };
  /** Row 1: Google's timestamp column, then one column per question title. */
  header(lastColumn: number): unknown[];
  /** Sheet rows `from` to `to`, both inclusive. */
  rows(from: number, to: number, lastColumn: number): unknown[][];
}

/** The form's response tab: by its stored name, else the tab Google links to the form; null when gone. */
export function openResponseTab(record: FormRecord): ResponseTab | null {
  const sheet = findResponseSheet(record);
  if (!sheet) return null;
  return {
    extent: () => ({ lastRow: sheet.getLastRow(), lastColumn: sheet.getLastColumn() }),
    header: (lastColumn) => sheet.getRange(1, 1, 1, lastColumn).getValues()[0],
    rows: (from, to, lastColumn) => sheet.getRange(from, 1, to - from + 1, lastColumn).getValues(),
  };
}

/** The form's response tab: by its stored name, else the tab Google links to the form; null when gone. */
function findResponseSheet(record: FormRecord): GoogleAppsScript.Spreadsheet.Sheet | null {
  const ss = activeWorkbook();
  return ss.getSheetByName(record.responseSheet) ?? ss.getSheets().find((tab) => (tab.getFormUrl() ?? '').indexOf(record.id) >= 0) ?? null;
}

/** The name of the tab the form's responses reach (as the collector finds it); null when there is none. */
export function responseTabName(record: FormRecord): string | null {
  return findResponseSheet(record)?.getName() ?? null;
}
