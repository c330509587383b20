/**
 * What the spreadsheet fakes share: Google's types and limits, and helpers over cells and areas
 * (copying, clearing, bounds and shape checks with Google's messages).
 */
import { gasError } from '../core';
import { isDate, serialNumber, type CellValue } from './values';
import { type SheetModel, type SpreadsheetModel, hasContent, type Area, type Cell } from './model';

export type G = typeof GoogleAppsScript.Spreadsheet;
export type GRange = GoogleAppsScript.Spreadsheet.Range;
export type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
export type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type Kind = 'read' | 'write' | 'meta';

export const MIME_TYPE = 'application/vnd.google-apps.spreadsheet';
export const SPREADSHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';
/** Google's limit and message (quotas page; message seen verbatim in Sheets API errors). */
export const MAX_CELLS = 10_000_000;
/** Google's format for a cell with no number format set (Range.getNumberFormat). */
export const GENERAL_FORMAT = '0.###############';
export function activeSheetOf(ss: SpreadsheetModel): SheetModel {
  return ss.activeSheet ?? ss.sheets[0];
}

export function dataArea(sheet: SheetModel): Area {
  return { row: 1, column: 1, numRows: Math.max(1, sheet.lastRow()), numColumns: Math.max(1, sheet.lastColumn()) };
}

/** How many cells an area covers: what a read or write of it moves. */
export function cellsOf(area: Area): number {
  return area.numRows * area.numColumns;
}

export function forEachCell(area: Area, visit: (row: number, column: number) => void): void {
  for (let r = area.row; r < area.row + area.numRows; r++) for (let c = area.column; c < area.column + area.numColumns; c++) visit(r, c);
}

export function clearContent(cell: Cell): void {
  cell.value = '';
  cell.formula = '';
}

export function clearFormat(cell: Cell): void {
  for (const key of ['numberFormat', 'background', 'fontWeight', 'wrap', 'horizontalAlignment'] as const) delete cell[key];
}

export function copyStored(value: CellValue): CellValue {
  return isDate(value) ? new Date(value.getTime()) : value;
}

export function copyValue(cell: Cell | undefined, makeDate: (ms: number) => Date): unknown {
  if (!cell) return '';
  return isDate(cell.value) ? makeDate(cell.value.getTime()) : cell.value;
}

/**
 * e.value / e.oldValue are strings: a number as typed, TRUE/FALSE, a date as its serial
 * number; undefined when the cell is empty.
 */
export function eventText(cell: Cell | undefined, timeZone: string): string | undefined {
  if (!hasContent(cell)) return undefined;
  const value = cell!.value;
  if (isDate(value)) return String(serialNumber(value, timeZone));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

export function typeName(x: unknown): string {
  if (x === null || x === undefined) return 'null';
  if (Array.isArray(x)) return `${x.length && !Array.isArray(x[0]) ? typeName(x[0]) : 'Object'}[]`;
  if (typeof x === 'string') return 'String';
  if (isDate(x)) return 'Date';
  return typeof x === 'object' ? 'Object' : typeof x;
}

/** Google's messages for zero or negative coordinates. */
export function checkCoordinates(area: Area): void {
  if (area.row < 1) throw gasError('The starting row of the range is too small.');
  if (area.column < 1) throw gasError('The starting column of the range is too small.');
  if (area.numRows < 1) throw gasError('The number of rows in the range must be at least 1.');
  if (area.numColumns < 1) throw gasError('The number of columns in the range must be at least 1.');
}

export function checkBounds(sheet: SheetModel, area: Area): void {
  if (area.row + area.numRows - 1 > sheet.maxRows || area.column + area.numColumns - 1 > sheet.maxColumns) {
    throw gasError('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

/**
 * A 2-D array must match the range exactly, with Google's messages:
 * "The number of rows in the data does not match the number of rows in the range. The data has 3
 * but the range has 2." (and the same for columns, row by row).
 */
export function checkShape(data: unknown, area: Area, method = 'setValues'): asserts data is unknown[][] {
  if (!Array.isArray(data) || data.some((line) => !Array.isArray(line))) {
    throw gasError(`The parameters (${typeName(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
  }
  if (data.length !== area.numRows) {
    throw gasError(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${area.numRows}.`,
    );
  }
  for (const line of data as unknown[][]) {
    if (line.length !== area.numColumns) {
      throw gasError(
        `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${area.numColumns}.`,
      );
    }
  }
}
