/**
 * The response tabs Google Forms wrote into the workbook, one per form, in versions that linked
 * the forms to it. Read once more, to their end, when a deployment is migrated (app/collect.ts
 * migrateLinkedForm), then deleted: they held Google's exact timestamps, readable by every editor.
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
  const byName = record.responseSheet ? ss.getSheetByName(record.responseSheet) : null;
  return byName ?? ss.getSheets().find((tab) => (tab.getFormUrl() ?? '').indexOf(record.id) >= 0) ?? null;
}

/**
 * Deletes the form's response tab (its form no longer writes there: unlinked first). True when
 * there was one. The workbook always keeps the product's own tabs, so it is never the last tab.
 */
export function deleteResponseTab(record: FormRecord): boolean {
  const sheet = findResponseSheet(record);
  if (!sheet) return false;
  activeWorkbook().deleteSheet(sheet);
  return true;
}

/**
 * A tab of the form's raw responses still in the workbook: the one its record names, one linked
 * to the form, or one under the name versions before gave it (`defaultName`); null when none.
 */
export function rawResponseTab(record: FormRecord, defaultName: string): string | null {
  return (findResponseSheet(record) ?? activeWorkbook().getSheetByName(defaultName))?.getName() ?? null;
}
