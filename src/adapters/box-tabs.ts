/**
 * The box-opening log and the sample check's tab: one read of each, one write of their script
 * columns. Columns are found by header (adapters/tables.ts).
 */
import type { BatchTally, BoxOpening } from '../domain/box';
import { batchKey, countOf } from '../domain/box';
import { formatDateKa, isDate } from '../domain/dates';
import { escapeForSheet } from '../domain/sanitize';
import { TABS, paperCheckColumns, type ColumnSpec } from '../domain/schema';
import { appendRows, cell, findTab, readTable, rowFromKeys, text, writeColumns, type Table } from './tables';

export interface BoxLog {
  openings: Array<BoxOpening & { index: number }>;
  /** Writes each opening's typed count and status (one write of the two columns). */
  recordTallies(tallies: readonly BatchTally[]): void;
}

/** The box tab, or null when staff deleted it (setup makes it again). */
export function readBoxLog(): BoxLog | null {
  const sheet = findTab(TABS.box);
  if (!sheet) return null;
  const table = readTable(sheet, TABS.box.columns);
  const openings = table.rows
    .map((row, index) => {
      const opened = cell(table, row, 'openedAt');
      return {
        index,
        batch: batchKey(cell(table, row, 'batch')),
        openedAt: isDate(opened) ? formatDateKa(opened) : text(table, row, 'openedAt'),
        openedBy: text(table, row, 'openedBy'),
        found: countOf(cell(table, row, 'found')),
      };
    })
    .filter((opening) => opening.batch !== '');
  return {
    openings,
    recordTallies(tallies): void {
      const changed: number[] = [];
      tallies.forEach((tally, i) => {
        const row = table.rows[openings[i].index];
        const status = escapeForSheet(tally.status);
        if (cell(table, row, 'typed') === tally.typed && cell(table, row, 'status') === status) return;
        if (table.index.typed >= 0) row[table.index.typed] = tally.typed;
        if (table.index.status >= 0) row[table.index.status] = status;
        changed.push(openings[i].index);
      });
      writeColumns(table, ['typed', 'status'], changed);
    },
  };
}

export interface CheckRow {
  index: number;
  batch: string;
  paperRow: number;
  cells: Record<string, unknown>;
  status: string;
}

export interface CheckTab {
  rows: CheckRow[];
  columns: readonly ColumnSpec[];
  /** Appends the sample's rows (batch and paper row only: the answers are typed by the second person). */
  addSample(batch: string, paperRows: readonly number[], status: string): void;
  recordStatuses(updates: ReadonlyArray<{ index: number; status: string }>): void;
}

export function readCheckTab(): CheckTab | null {
  const sheet = findTab(TABS.paperCheck);
  if (!sheet) return null;
  const columns = paperCheckColumns();
  const table: Table = readTable(sheet, columns);
  const rows = table.rows.map((row, index) => {
    const cells: Record<string, unknown> = {};
    for (const column of columns) cells[column.key] = cell(table, row, column.key);
    return { index, batch: batchKey(cell(table, row, 'batch')), paperRow: Number(cell(table, row, 'paperRow')), cells, status: text(table, row, 'status') };
  });
  return {
    rows,
    columns,
    addSample(batch, paperRows, status): void {
      appendRows(
        table,
        paperRows.map((paperRow) => rowFromKeys(table, { batch, paperRow, status: escapeForSheet(status) })),
      );
    },
    recordStatuses(updates): void {
      for (const update of updates) table.rows[update.index][table.index.status] = escapeForSheet(update.status);
      writeColumns(
        table,
        ['status'],
        updates.map((u) => u.index),
      );
    },
  };
}
