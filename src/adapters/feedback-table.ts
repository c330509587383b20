/**
 * The feedback tab: the one normalized table every channel's input becomes (protected; staff edit
 * only the tags and "quotable"). Collection appends to it; the reports read it whole.
 */
import { DEFAULT_VOCABULARY, FEEDBACK_HEADERS, feedbackColumnKey, recordToRow, rowToRecord, type FeedbackVocabulary } from '../domain/feedback-row';
import { feedbackRecords } from '../domain/report-inputs';
import { escapeForSheet } from '../domain/sanitize';
import { DATE_FORMAT, DATE_TIME_FORMAT, TABS, columnsOf } from '../domain/schema';
import type { FeedbackRecord } from '../domain/types';
import { getTab } from './tables';
import { reopenStaffColumns } from './workbook';

/** Every record of the table; `vocabulary` reads staff's theme labels back as codes. */
export function readFeedback(vocabulary?: FeedbackVocabulary): FeedbackRecord[] {
  return feedbackRecords(getTab(TABS.feedback).getDataRange().getValues(), vocabulary);
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

/**
 * Reads the header and the id column only: the table may hold many thousand rows. `vocabulary`
 * names the codes the rows show in Georgian (the services and themes tabs).
 */
export function openFeedbackForAppend(vocabulary: FeedbackVocabulary = DEFAULT_VOCABULARY): FeedbackAppender {
  const sheet = getTab(TABS.feedback);
  let lastRow = sheet.getLastRow();
  const lastColumn = Math.max(1, sheet.getLastColumn());
  // Column keys, found through the Georgian labels (or the English keys of an older workbook).
  const labels = sheet
    .getRange(1, 1, 1, lastColumn)
    .getValues()[0]
    .map((h) => String(h).trim());
  const header = labels.map(feedbackColumnKey);
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
      const rows = records.map((record) => recordToRow(record, header, vocabulary));
      const first = lastRow + 1;
      const last = first + rows.length - 1;
      const maxRows = sheet.getMaxRows();
      if (last > maxRows) {
        sheet.insertRowsAfter(maxRows, last - maxRows);
        // Rows added by the script carry no rule; staff still need the "may be quoted" checkbox
        // and the Georgian polarities to pick from.
        for (const column of columnsOf('feedback')) {
          const at = header.indexOf(column.key);
          if (at < 0 || !column.rule) continue;
          const builder = SpreadsheetApp.newDataValidation();
          const rule =
            column.rule.kind === 'list' ? builder.requireValueInList([...column.rule.values], true).setAllowInvalid(true) : builder.requireCheckbox();
          sheet.getRange(maxRows + 1, at + 1, last - maxRows, 1).setDataValidation(rule.build());
        }
        // …nor the tab's formats: staff's notes stay text as typed, dates show as Georgians write them.
        for (const column of columnsOf('feedback')) {
          const at = header.indexOf(column.key);
          const format = column.plainText ? '@' : column.dates === 'dateTime' ? DATE_TIME_FORMAT : column.dates === 'date' ? DATE_FORMAT : null;
          if (at >= 0 && format) sheet.getRange(maxRows + 1, at + 1, last - maxRows, 1).setNumberFormat(format);
        }
        // …and may still edit tags and "quotable" there: the new rows join the tab's unprotected ranges.
        reopenStaffColumns(sheet, TABS.feedback, columnsOf('feedback'), labels);
      }
      sheet.getRange(first, 1, rows.length, header.length).setValues(rows);
      lastRow = last;
    },
    update(records): void {
      const changes = new Map<number, unknown[]>();
      for (const record of records) {
        const at = rowOf.get(record.id);
        if (at !== undefined) changes.set(at, recordToRow(record, header, vocabulary));
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

/** The columns that show a code by its Georgian name, rewritten from the codes beside them. */
const NAMED_COLUMNS: readonly string[] = ['form', 'channel', 'service_name', 'theme_names', 'praise_theme_names', 'staff_tags', 'flags'];

/**
 * Setup: every row shows its codes by their Georgian names — the rows of a workbook set up before
 * the names (English codes in form, channel and staff's tags; no name columns yet), and names
 * of a service or theme renamed since. One read, one write per run of changed columns, none when
 * nothing changed (setup run twice writes nothing). Returns how many rows changed.
 */
export function refreshFeedbackNames(vocabulary: FeedbackVocabulary): number {
  const sheet = getTab(TABS.feedback);
  const values = sheet.getDataRange().getValues();
  if (values.length < 2) return 0;
  const keys = values[0].map((h) => feedbackColumnKey(String(h)));
  const columns = NAMED_COLUMNS.map((key) => keys.indexOf(key)).filter((i) => i >= 0);
  const changedRows: number[] = [];
  const changedColumns = new Set<number>();
  const rows = values.slice(1).map((row, i) => {
    if (row.every((v) => v === '' || v === null)) return row;
    const fresh = recordToRow(rowToRecord(row, keys, vocabulary), keys, vocabulary);
    let changed = false;
    const out = row.map((v) => (typeof v === 'string' ? escapeForSheet(v) : v));
    for (const c of columns) {
      if (String(fresh[c]) !== escapeForSheet(String(row[c] ?? ''))) {
        out[c] = fresh[c];
        changedColumns.add(c);
        changed = true;
      }
    }
    if (changed) changedRows.push(i);
    return out;
  });
  if (changedRows.length === 0) return 0;
  const first = Math.min(...changedRows);
  const last = Math.max(...changedRows);
  for (const c of [...changedColumns].sort((a, b) => a - b)) {
    sheet.getRange(first + 2, c + 1, last - first + 1, 1).setValues(rows.slice(first, last + 1).map((row) => [row[c]]));
  }
  return changedRows.length;
}
