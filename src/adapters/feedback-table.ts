/**
 * The feedback tab: the one normalized table every channel's input becomes (protected; staff edit
 * only the tags and "quotable"). Collection appends to it; the reports read it whole.
 */
import { FEEDBACK_HEADERS, recordToRow } from '../domain/normalize';
import { feedbackRecords } from '../domain/report-inputs';
import { escapeForSheet } from '../domain/sanitize';
import { DATE_FORMAT, DATE_TIME_FORMAT, TABS, columnsOf } from '../domain/schema';
import type { FeedbackRecord } from '../domain/types';
import { getTab } from './tables';
import { reopenStaffColumns } from './workbook';

/** Every record of the table. */
export function readFeedback(): FeedbackRecord[] {
  return feedbackRecords(getTab(TABS.feedback).getDataRange().getValues());
}

export interface FeedbackAppender {
  /** The ids already in the table. */
  ids: Set<string>;
  /** Appends the records below the last row in one write. */
  append(records: readonly FeedbackRecord[]): void;
  /**
   * Rewrites the rows of records already in the table (corrections) in place: one read of the
   * block of rows that covers them and one write per run of adjacent script columns (two with
   * the columns in setup's order), whatever their number. Staff's columns (staff_tags, staff_polarity, quotable)
   * are never written. Records whose id is not in the table are ignored.
   */
  update(records: readonly FeedbackRecord[]): void;
}

/** The feedback columns staff own: a correction of the source never overwrites them. */
const STAFF_COLUMNS: readonly string[] = ['staff_tags', 'staff_polarity', 'quotable'];

/** Reads the header and the id column only: the table may hold many thousand rows. */
export function openFeedbackForAppend(): FeedbackAppender {
  const sheet = getTab(TABS.feedback);
  let lastRow = sheet.getLastRow();
  const lastColumn = Math.max(1, sheet.getLastColumn());
  const header = sheet
    .getRange(1, 1, 1, lastColumn)
    .getValues()[0]
    .map((h) => String(h).trim());
  const idColumn = header.indexOf('id');
  if (idColumn < 0) throw new Error('The feedback tab has no "id" column: run setup');
  const ids = new Set<string>();
  /** Sheet row of each id read (the first, should an id ever stand twice). */
  const rowOf = new Map<string, number>();
  if (lastRow >= 2) {
    sheet
      .getRange(2, idColumn + 1, lastRow - 1, 1)
      .getValues()
      .forEach(([id], i) => {
        if (id === '') return;
        ids.add(String(id));
        if (!rowOf.has(String(id))) rowOf.set(String(id), i + 2);
      });
  }
  lastRow = Math.max(lastRow, 1);
  return {
    ids,
    append(records): void {
      if (records.length === 0) return;
      const rows = records.map((record) => recordToRow(record, header));
      const first = lastRow + 1;
      const last = first + rows.length - 1;
      const maxRows = sheet.getMaxRows();
      if (last > maxRows) {
        sheet.insertRowsAfter(maxRows, last - maxRows);
        const quotable = header.indexOf('quotable');
        // Rows added by the script carry no rule; staff still need the "may be quoted" checkbox.
        if (quotable >= 0) {
          sheet.getRange(maxRows + 1, quotable + 1, last - maxRows, 1).setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
        }
        // …nor the tab's formats: staff's notes stay text as typed, dates show as Georgians write them.
        for (const column of columnsOf('feedback')) {
          const at = header.indexOf(column.header);
          const format = column.plainText ? '@' : column.dates === 'dateTime' ? DATE_TIME_FORMAT : column.dates === 'date' ? DATE_FORMAT : null;
          if (at >= 0 && format) sheet.getRange(maxRows + 1, at + 1, last - maxRows, 1).setNumberFormat(format);
        }
        // …and may still edit tags and "quotable" there: the new rows join the tab's unprotected ranges.
        reopenStaffColumns(sheet, TABS.feedback, columnsOf('feedback'), header);
      }
      sheet.getRange(first, 1, rows.length, header.length).setValues(rows);
      lastRow = last;
    },
    update(records): void {
      const changes = new Map<number, unknown[]>();
      for (const record of records) {
        const at = rowOf.get(record.id);
        if (at !== undefined) changes.set(at, recordToRow(record, header));
      }
      if (changes.size === 0) return;
      const first = Math.min(...changes.keys());
      const last = Math.max(...changes.keys());
      // The rows between are written back as read: their texts re-escaped (Sheets reads "'=x" as "=x").
      const block = sheet
        .getRange(first, 1, last - first + 1, header.length)
        .getValues()
        .map((row, k) => changes.get(first + k) ?? row.map((v) => (typeof v === 'string' ? escapeForSheet(v) : v)));
      // Only the script's own columns: not staff's, nor a column someone added to the tab.
      const written = header.map((h, i) => (FEEDBACK_HEADERS.includes(h) && !STAFF_COLUMNS.includes(h) ? i : -1)).filter((i) => i >= 0);
      let runStart = 0;
      for (let i = 1; i <= written.length; i++) {
        if (i < written.length && written[i] === written[i - 1] + 1) continue;
        const from = written[runStart];
        const width = written[i - 1] - from + 1;
        sheet.getRange(first, from + 1, block.length, width).setValues(block.map((row) => row.slice(from, from + width)));
        runStart = i;
      }
    },
  };
}
