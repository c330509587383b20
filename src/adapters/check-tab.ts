/**
 * The self-check's tab: rewritten whole on every run, in one write (and one for the status
 * colours). Made at the end of the workbook the first time, with its header row set apart.
 */
import { activeWorkbook } from './tables';

/** Header row colour, as the product's other tabs have it. */
export const HEADER_COLOUR = '#e8eef7';

/**
 * Writes `rows` (the header first) over the tab named `name`, blanking whatever an earlier, longer
 * run left below; `colours` are the first column's backgrounds, one per row.
 */
export function writeCheckTab(name: string, rows: string[][], colours: string[][], widths: readonly number[]): void {
  const ss = activeWorkbook();
  let sheet = ss.getSheetByName(name);
  const created = !sheet;
  if (!sheet) sheet = ss.insertSheet(name, ss.getSheets().length);
  const width = rows[0].length;
  const height = Math.max(rows.length, sheet.getLastRow());
  const blank = (): string[] => new Array<string>(width).fill('');
  const block = [...rows, ...Array.from({ length: height - rows.length }, blank)];
  sheet.getRange(1, 1, height, width).setValues(block);
  const fill = [...colours, ...Array.from({ length: height - colours.length }, () => ['#ffffff'])];
  sheet.getRange(1, 1, height, 1).setBackgrounds(fill);
  if (!created) return;
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground(HEADER_COLOUR);
  widths.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
  sheet.getRange(1, 1, height, width).setWrap(true);
}
