/**
 * The feedback tab: the one normalized table every channel's input becomes (protected; staff edit
 * only the tags and "quotable"). Collection appends to it; the reports read it whole.
 */
import { recordToRow } from '../domain/normalize';
import { feedbackRecords } from '../domain/report-inputs';
import { DATE_TIME_FORMAT, TABS, columnsOf } from '../domain/schema';
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
}

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
  if (lastRow >= 2) {
    for (const [id] of sheet.getRange(2, idColumn + 1, lastRow - 1, 1).getValues()) if (id !== '') ids.add(String(id));
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
          const format = column.plainText ? '@' : column.dates === 'dateTime' ? DATE_TIME_FORMAT : null;
          if (at >= 0 && format) sheet.getRange(maxRows + 1, at + 1, last - maxRows, 1).setNumberFormat(format);
        }
        // …and may still edit tags and "quotable" there: the new rows join the tab's unprotected ranges.
        reopenStaffColumns(sheet, TABS.feedback, columnsOf('feedback'), header);
      }
      sheet.getRange(first, 1, rows.length, header.length).setValues(rows);
      lastRow = last;
    },
  };
}
