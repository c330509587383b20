/**
 * The two tabs staff type feedback into, one row per item: the paper tab (a paper N1 form per
 * row) and the other-channels tab (a phone call, a post, a letter per row). The script writes
 * only each row's status, the id of the feedback row it became and the fingerprint of the
 * content that feedback row was made from.
 */
import { escapeForSheet } from '../domain/sanitize';
import { TABS, paperColumns, phoneInterviewColumns, type ColumnSpec, type TabSpec } from '../domain/schema';
import { cell, findTab, readTable, text, writeColumns } from './tables';

export interface EntryRow {
  /** 1-based sheet row. */
  sheetRow: number;
  /** The row's cells by column key. */
  cells: Record<string, unknown>;
  /** The status the row shows now. */
  status: string;
  /** The feedback row it became; '' while not imported. */
  feedbackId: string;
  /** The fingerprint of the content its feedback row was last made from; '' if none stored. */
  fingerprint: string;
}

export interface StatusUpdate {
  sheetRow: number;
  status: string;
  feedbackId: string;
  fingerprint: string;
}

export interface EntryTab {
  rows: EntryRow[];
  /** Writes the status, feedback id and fingerprint of the given rows in one write. */
  recordStatuses(updates: readonly StatusUpdate[]): void;
}

/** The paper tab, or null when staff deleted it. */
export function readPaperEntry(): EntryTab | null {
  return readEntryTab(TABS.paper, paperColumns());
}

/** The other-channels tab, or null when staff deleted it. */
export function readOtherChannels(): EntryTab | null {
  return readEntryTab(TABS.otherChannels, TABS.otherChannels.columns);
}

/** The phone survey's interview tab, or null when the survey was never turned on (or staff deleted it). */
export function readPhoneInterviews(): EntryTab | null {
  return readEntryTab(TABS.phoneInterviews, phoneInterviewColumns());
}

function readEntryTab(spec: TabSpec, columns: readonly ColumnSpec[]): EntryTab | null {
  const sheet = findTab(spec);
  if (!sheet) return null;
  const table = readTable(sheet, columns);
  const rows = table.rows.map((row, i) => {
    const cells: Record<string, unknown> = {};
    for (const column of columns) cells[column.key] = cell(table, row, column.key);
    return {
      sheetRow: i + 2,
      cells,
      status: String(cell(table, row, 'status')),
      feedbackId: text(table, row, 'feedbackId'),
      fingerprint: text(table, row, 'fingerprint'),
    };
  });
  return {
    rows,
    recordStatuses(updates): void {
      if (updates.length === 0 || table.index.status < 0 || table.index.feedbackId < 0) return;
      for (const update of updates) {
        const row = table.rows[update.sheetRow - 2];
        row[table.index.status] = escapeForSheet(update.status);
        row[table.index.feedbackId] = update.feedbackId;
        // A tab from before the fingerprint column (setup not run again) keeps working without it.
        if (table.index.fingerprint >= 0) row[table.index.fingerprint] = update.fingerprint;
      }
      writeColumns(
        table,
        ['status', 'feedbackId', 'fingerprint'],
        updates.map((u) => u.sheetRow - 2),
      );
    },
  };
}
