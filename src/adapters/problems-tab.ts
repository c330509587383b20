/**
 * The tab of failed jobs' lines: read (only when it exists) and rewritten whole in one write, as
 * plain text. Made at the end of the workbook the first time a job fails.
 */
import { HEADER_COLOUR } from './check-tab';
import { activeWorkbook } from './tables';

/** The rows below the header; null when the tab does not exist (no job ever failed). */
export function readProblemRows(name: string): string[][] | null {
  const sheet = activeWorkbook().getSheetByName(name);
  if (!sheet) return null;
  const last = sheet.getLastRow();
  if (last < 2) return [];
  return sheet
    .getRange(2, 1, last - 1, sheet.getLastColumn())
    .getDisplayValues()
    .map((r) => r.map(String));
}

/** Writes the header and `rows` over the tab, blanking what an earlier, longer list left below. */
export function writeProblemRows(name: string, header: string[], rows: string[][], widths: readonly number[]): void {
  const ss = activeWorkbook();
  let sheet = ss.getSheetByName(name);
  const created = !sheet;
  if (!sheet) sheet = ss.insertSheet(name, ss.getSheets().length);
  const width = header.length;
  const height = Math.max(rows.length + 1, sheet.getLastRow());
  const block = [header, ...rows, ...Array.from({ length: height - rows.length - 1 }, () => new Array<string>(width).fill(''))];
  const range = sheet.getRange(1, 1, height, width);
  if (created) {
    // Plain text, whole columns: Sheets must not turn the time or the count into a date or a number.
    sheet.getRange(1, 1, sheet.getMaxRows(), width).setNumberFormat('@');
    sheet.setFrozenRows(1);
    sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground(HEADER_COLOUR);
    widths.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
  }
  range.setValues(block);
}
