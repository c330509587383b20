/**
 * Tabs as tables, the ground the tab gateways stand on: one read of a whole tab, one write per
 * block. Columns are found by their header text, so staff may move columns around without
 * breaking anything.
 */
import type { ColumnSpec, TabSpec } from '../domain/schema';
import { escapeForSheet } from '../domain/sanitize';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Table {
  sheet: Sheet;
  /** Header texts as they stand in row 1. */
  header: string[];
  /** Data rows (row 2 on), trailing empty rows removed. `rows[i]` is sheet row `i + 2`. */
  rows: unknown[][];
  /** 0-based column index of a key, or -1. */
  index: Record<string, number>;
}

/** The workbook the script is bound to. */
export function activeWorkbook(): Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error('No active spreadsheet: the script must be bound to the workbook');
  return ss;
}

/** A tab of the workbook, or null when staff deleted it. */
export function findTab(spec: TabSpec): Sheet | null {
  return activeWorkbook().getSheetByName(spec.name);
}

/** A tab setup makes; its absence is an error that setup repairs. */
export function getTab(spec: TabSpec): Sheet {
  const sheet = findTab(spec);
  if (!sheet) throw new Error(`Tab "${spec.name}" is missing: run setup`);
  return sheet;
}

/** A whole tab setup makes, read in one call. */
export function readTab(spec: TabSpec, columns: readonly ColumnSpec[] = spec.columns): Table {
  return readTable(getTab(spec), columns);
}

/**
 * Reads a whole tab in one call. Trailing rows Sheets holds as empty are dropped, so an append
 * goes right below the last row anything was typed in.
 */
export function readTable(sheet: Sheet, columns: readonly ColumnSpec[]): Table {
  const values = sheet.getDataRange().getValues();
  const header = (values[0] ?? []).map((h) => String(h).trim());
  const index = columnIndex(header, columns);
  let last = values.length - 1;
  while (last >= 1 && values[last].every((v) => v === '' || v === null)) last--;
  return { sheet, header, rows: values.slice(1, last + 1), index };
}

/**
 * Where each column stands: by its header, else by a header it had in an earlier version (a
 * workbook setup has not yet brought up to date), unless that text is now another column's header.
 */
export function columnIndex(header: readonly string[], columns: readonly ColumnSpec[]): Record<string, number> {
  const current = new Set(columns.map((column) => column.header));
  const index: Record<string, number> = {};
  for (const column of columns) {
    let at = header.indexOf(column.header);
    for (const legacy of column.legacyHeaders ?? []) {
      if (at < 0 && !current.has(legacy)) at = header.indexOf(legacy);
    }
    index[column.key] = at;
  }
  return index;
}

export function cell(table: Table, row: unknown[], key: string): unknown {
  const i = table.index[key];
  return i === undefined || i < 0 ? '' : row[i];
}

export function text(table: Table, row: unknown[], key: string): string {
  const v = cell(table, row, key);
  return v === null || v === undefined ? '' : String(v).trim();
}

/** Appends rows below the last row in one write; rows are padded to the header width. */
export function appendRows(table: Table, rows: unknown[][]): void {
  if (rows.length === 0) return;
  const width = Math.max(table.header.length, ...rows.map((r) => r.length));
  const padded = rows.map((r) => (r.length === width ? r : [...r, ...new Array(width - r.length).fill('')]));
  const start = table.rows.length + 2;
  table.sheet.getRange(start, 1, padded.length, width).setValues(padded);
  table.rows.push(...padded);
}

/** Builds a row in header order from values by key. */
export function rowFromKeys(table: Table, byKey: Record<string, unknown>): unknown[] {
  const row: unknown[] = new Array(table.header.length).fill('');
  for (const [key, value] of Object.entries(byKey)) {
    const i = table.index[key];
    if (i !== undefined && i >= 0) row[i] = value;
  }
  return row;
}

/**
 * Writes back the given keys' columns for the given data rows, one setValues per run of adjacent
 * columns over the smallest block of rows that covers all changes. Other columns are left alone,
 * so a staff edit elsewhere in the same rows is never overwritten. Callers escape what they
 * changed; the unchanged rows inside the block go back as read, their text re-escaped, because
 * Sheets reads a text "'=x" as "=x" and would take it back as a formula.
 */
export function writeColumns(table: Table, keys: string[], changedRowIndexes: number[]): void {
  if (changedRowIndexes.length === 0) return;
  const first = Math.min(...changedRowIndexes);
  const last = Math.max(...changedRowIndexes);
  const changed = new Set(changedRowIndexes);
  const cols = keys
    .map((k) => table.index[k])
    .filter((i) => i >= 0)
    .sort((a, b) => a - b);
  let runStart = 0;
  for (let i = 1; i <= cols.length; i++) {
    if (i === cols.length || cols[i] !== cols[i - 1] + 1) {
      const from = cols[runStart];
      const width = cols[i - 1] - from + 1;
      const block = table.rows
        .slice(first, last + 1)
        .map((r, k) =>
          r.slice(from, from + width).map((v) => (v === undefined ? '' : !changed.has(first + k) && typeof v === 'string' ? escapeForSheet(v) : v)),
        );
      table.sheet.getRange(first + 2, from + 1, block.length, width).setValues(block);
      runStart = i;
    }
  }
}
