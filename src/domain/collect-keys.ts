/**
 * Pure helpers of the collector (src/app/collect.ts): stable keys for raw rows, the mapping of a
 * response tab's columns to annex item ids, and the watermark that lets a run read only new rows.
 *
 * Why these keys: Google's response tab has no response id column. A response is keyed by its
 * form, its timestamp and its occurrence among the rows that share that timestamp, in tab order.
 * Google only appends (with non-decreasing timestamps), so the key of a row never changes; it also
 * survives what staff may do against the tab's warning — sort it, correct a typo in an answer,
 * delete another row — without a re-import or a loss. A typed-in row (paper, other channels) is
 * keyed by its row number and a hash of its content, so re-running after a crash between the
 * feedback write and the status write finds the same key, while a new form typed into a reused row
 * gets a new one.
 */
import { dayKey, isDate } from './dates';
import { isBlankCell } from './sanitize';

/** FNV-1a, 32-bit, over UTF-16 code units: a short, deterministic content fingerprint (not security). */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `0000000${hash.toString(16)}`.slice(-8);
}

/** A cell value as stable text for keys: dates as their instant, blanks as ''. */
export function cellKey(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  return String(value).trim();
}

/** The fingerprint of a typed-in row's content (the last part of its key). */
export function contentFingerprint(values: readonly unknown[]): string {
  return fingerprint(values.map(cellKey).join('\u001f'));
}

/** The key of a typed-in row: `paper-r12-1a2b3c4d`. */
export function typedRowKey(prefix: string, sheetRow: number, values: readonly unknown[]): string {
  return `${prefix}-r${sheetRow}-${contentFingerprint(values)}`;
}

/**
 * Feedback ids of a typed tab (keys `prefix-rN-…`) that no row of the tab claims, by row number
 * (the last one in table order when there are several). A run stopped between the feedback write
 * and the status write leaves such an id; if the row is edited before the next run, its new
 * content has a new key, and the row must take the orphan over instead of being imported twice.
 */
export function unclaimedTypedIds(prefix: string, ids: Iterable<string>, claimed: ReadonlySet<string>): Map<number, string> {
  const byRow = new Map<number, string>();
  const pattern = new RegExp(`^${prefix}-r(\\d+)-[0-9a-f]{8}$`);
  for (const id of ids) {
    const match = pattern.exec(id);
    if (match && !claimed.has(id)) byRow.set(Number(match[1]), id);
  }
  return byRow;
}

/**
 * The fingerprint of the content an imported typed row's feedback row was last made from: the
 * row's fingerprint cell, or — for a row imported before that column existed, or never corrected —
 * the fingerprint inside its key, which is that of the content it was first imported with.
 */
export function storedFingerprint(feedbackId: string, fingerprintCell: string): string {
  const cell = /^h([0-9a-f]{8})$/.exec(fingerprintCell.trim());
  if (cell) return cell[1];
  return /-([0-9a-f]{8})$/.exec(feedbackId)?.[1] ?? '';
}

/**
 * A fingerprint as its cell holds it: led by a letter, because Sheets would read some hex strings
 * ("00012345", "12e45678") as numbers.
 */
export function fingerprintCell(fp: string): string {
  return fp === '' ? '' : `h${fp}`;
}

/**
 * The key of a response row: `N1-20260105-3` (form, the day it came in, its place among that
 * day's rows). It carries no time: the feedback tab shows it as the row's id, and a time would tie
 * the answer to the invitation sent just before. A response tab sorted by hand within a day is
 * the one case it does not survive (Google only appends).
 */
export function responseKey(form: string, timestamp: unknown, occurrence: number): string {
  return `${form}-${stampOf(timestamp)}-${occurrence}`;
}

/**
 * The key the same row had before keys lost their time (`N1-1767590100000-0`: the timestamp in
 * ms): a row collected under it is known, never imported again.
 */
export function legacyResponseKey(form: string, timestamp: unknown, occurrence: number): string {
  const stamp = isDate(timestamp) && !Number.isNaN(timestamp.getTime()) ? String(timestamp.getTime()) : `x${fingerprint(cellKey(timestamp))}`;
  return `${form}-${stamp}-${occurrence}`;
}

/** Every title each annex item has had, by annex item id (what the collector remembers). */
export type TitleHistory = Record<string, string[]>;

/**
 * Adds the titles the form's items carry now to the history. `current` is annex id → current
 * title (through the stored annex id → Google item id map). Returns whether anything was added.
 */
export function rememberTitles(history: TitleHistory, current: Record<string, string>): boolean {
  let changed = false;
  for (const [annexId, title] of Object.entries(current)) {
    history[annexId] ??= [];
    const known = history[annexId];
    if (title !== '' && !known.includes(title)) {
      known.push(title);
      changed = true;
    }
  }
  return changed;
}

export interface ColumnMap {
  /** 0-based column of the response tab → annex item id. */
  byColumn: Map<number, string>;
  /** Header titles no item of the form has ever had (answers there cannot be placed). */
  unknown: string[];
}

/**
 * Maps the response tab's header to annex item ids through the title history. Column 0 is
 * Google's timestamp (whatever the locale calls it). A title that two items have held goes, in
 * column order, to those items in their order, as Google places the k-th question of a title in
 * the k-th column of that title. An item renamed since old responses came in has two columns
 * (Google appends a new one); both map to the item.
 */
export function mapResponseColumns(header: readonly unknown[], history: TitleHistory, itemOrder: readonly string[]): ColumnMap {
  const holders = new Map<string, string[]>();
  for (const annexId of itemOrder) {
    for (const title of history[annexId] ?? []) {
      const list = holders.get(title) ?? [];
      if (!list.includes(annexId)) list.push(annexId);
      holders.set(title, list);
    }
  }
  const seen = new Map<string, number>();
  const byColumn = new Map<number, string>();
  const unknown: string[] = [];
  header.forEach((cell, column) => {
    if (column === 0) return;
    const title = String(cell ?? '').trim();
    if (title === '') return;
    const list = holders.get(title);
    if (!list) {
      unknown.push(title);
      return;
    }
    const k = seen.get(title) ?? 0;
    seen.set(title, k + 1);
    byColumn.set(column, list[Math.min(k, list.length - 1)]);
  });
  return { byColumn, unknown };
}

/**
 * A response row's answers by annex item id. When an item has two columns (old and new title),
 * the one that holds an answer wins.
 */
export function answersOfRow(row: readonly unknown[], map: ColumnMap): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const [column, annexId] of map.byColumn) {
    const value = row[column];
    if (!isBlankCell(value) || !(annexId in answers)) answers[annexId] = value;
  }
  return answers;
}

/** How far the collector has read a response tab. */
export interface Watermark {
  /** Last sheet row already processed (1 = only the header). */
  row: number;
  /** Timestamp key of that row, to check that the tab still looks as it did. */
  tailStamp: string;
  /** How many processed rows at the end share `tailStamp` (the next occurrence index). */
  tailCount: number;
  /** A fingerprint of that row's cells: a tab sorted within the day no longer matches it. */
  anchor?: string;
}

export const START: Watermark = { row: 1, tailStamp: '', tailCount: 0 };

/** What rows are counted by: the day of the timestamp (municipal time), else the cell's text. */
export function stampOf(value: unknown): string {
  return isDate(value) && !Number.isNaN(value.getTime()) ? dayKey(value) : `x${fingerprint(cellKey(value))}`;
}

function msStampOf(value: unknown): string {
  return isDate(value) && !Number.isNaN(value.getTime()) ? String(value.getTime()) : `x${cellKey(value)}`;
}

export interface KeyedRow {
  /** 1-based sheet row. */
  sheetRow: number;
  key: string;
  /** The key this row had when keys held the time (legacyResponseKey). */
  legacyKey: string;
  row: unknown[];
}

/**
 * Keys the rows read from a response tab. `rows[0]` is sheet row `firstRow`. In incremental mode
 * the first row read is the watermark's own row (the anchor), which is checked and skipped; when
 * it does not match (rows deleted or sorted by hand), null asks the caller for a full read.
 */
export function keyRows(form: string, rows: readonly unknown[][], firstRow: number, mark: Watermark): { keyed: KeyedRow[]; next: Watermark } | null {
  const counts = new Map<string, number>();
  let start = 0;
  if (mark.row >= 2) {
    if (firstRow !== mark.row || rows.length === 0 || stampOf(rows[0][0]) !== mark.tailStamp) return null;
    if (mark.anchor !== undefined && contentFingerprint(rows[0]) !== mark.anchor) return null;
    counts.set(mark.tailStamp, mark.tailCount);
    start = 1;
  }
  const keyed: KeyedRow[] = [];
  // Legacy keys counted rows of the same millisecond; the reads after the change start past them.
  const msCounts = new Map<string, number>();
  let next: Watermark = { ...mark };
  for (let i = start; i < rows.length; i++) {
    const row = rows[i];
    if (row.every(isBlankCell)) continue;
    const stamp = stampOf(row[0]);
    const occurrence = counts.get(stamp) ?? 0;
    counts.set(stamp, occurrence + 1);
    const ms = msStampOf(row[0]);
    const msOccurrence = msCounts.get(ms) ?? 0;
    msCounts.set(ms, msOccurrence + 1);
    keyed.push({ sheetRow: firstRow + i, key: responseKey(form, row[0], occurrence), legacyKey: legacyResponseKey(form, row[0], msOccurrence), row });
    next = { row: firstRow + i, tailStamp: stamp, tailCount: occurrence + 1, anchor: contentFingerprint(row) };
  }
  return { keyed, next };
}
