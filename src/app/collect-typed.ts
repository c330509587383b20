/**
 * The typed tabs' part of a collection run (paper forms, other channels): rows imported once
 * complete, corrected in place when edited, withdrawn when cleared (collect.ts explains the rules).
 */
import { t } from '../domain/messages';
import { describeMissing, withdrawnRecord, type Normalized } from '../domain/normalize';
import { capCell, isBlankCell } from '../domain/sanitize';
import { TABS, columnsOf, type TabKey } from '../domain/schema';
import type { Channel, FeedbackForm } from '../domain/types';
import { contentFingerprint, fingerprintCell, storedFingerprint, typedRowKey, unclaimedTypedIds } from '../domain/collect-keys';
import { formatDateKa } from '../domain/dates';
import type { EntryTab, StatusUpdate } from '../adapters/entry-tabs';
import { accept, screen, type Run } from './collect-run';

/** How one typed tab is read. */
export interface TypedSource {
  tab: TabKey;
  /** Prefix of its feedback ids. */
  prefix: string;
  /** The columns besides the date received that make a row's content (and its fingerprint). */
  contentKeys: readonly string[];
  /** What a row still lacks before it is imported (column keys, or 'answer'). */
  missing: (cells: Record<string, unknown>) => string[];
  /** Form and channel of the feedback row of a row cleared after its import. */
  withdrawn: { form: FeedbackForm; channel: Channel };
  normalize: (cells: Record<string, unknown>, id: string, now: Date) => Normalized;
}

/**
 * Goes through the rows of a typed tab: imports the complete rows not imported yet, corrects the
 * feedback rows of imported rows edited since (fingerprint of their content against the stored
 * one), withdraws those of imported rows cleared, and queues one write of the status, feedback-id
 * and fingerprint columns for the rows whose cells change. No service call per row.
 */
export function collectTyped(run: Run, tab: EntryTab | null, source: TypedSource): number {
  if (!tab) return 0;
  // Rows whose form the feedback table holds once this run is written (imported, not withdrawn).
  let recorded = 0;
  const now = new Date();
  const today = formatDateKa(now);
  const headers = new Map(columnsOf(source.tab).map((c) => [c.key, c.header]));
  const missingText = (keys: readonly string[]): string => describeMissing(keys, (key) => headers.get(key) ?? key);
  const updates: StatusUpdate[] = [];
  const set = (row: EntryTab['rows'][number], update: Omit<StatusUpdate, 'sheetRow'>): void => {
    const status = capCell(update.status).text;
    if (row.status === status && row.feedbackId === update.feedbackId && row.fingerprint === update.fingerprint) return;
    updates.push({ sheetRow: row.sheetRow, ...update, status });
  };
  const orphans = unclaimedTypedIds(source.prefix, run.known, new Set(tab.rows.map((row) => row.feedbackId).filter((id) => id !== '')));
  for (const row of tab.rows) {
    const values = ['receivedAt', ...source.contentKeys].map((key) => row.cells[key] ?? '');
    const blank = values.every(isBlankCell);
    const fp = contentFingerprint(values);
    // A row whose feedback row was written by a run stopped before the status write.
    const feedbackId = row.feedbackId !== '' || blank ? row.feedbackId : (orphans.get(row.sheetRow) ?? '');

    if (feedbackId === '') {
      // Not imported yet: a blank row has nothing to say; an incomplete one says what it lacks.
      if (blank) {
        if (row.status !== '') set(row, { status: '', feedbackId: '', fingerprint: '' });
        continue;
      }
      const missing = source.missing(row.cells);
      if (missing.length) {
        run.result.incomplete = (run.result.incomplete ?? 0) + 1;
        set(row, { status: t('row.incomplete', { missing: missingText(missing) }), feedbackId: '', fingerprint: '' });
        continue;
      }
      const { status, id } = accept(run, source.normalize(row.cells, typedRowKey(source.prefix, row.sheetRow, values), now));
      if (id) recorded++;
      set(row, { status, feedbackId: id, fingerprint: id ? fingerprintCell(fp) : '' });
      continue;
    }

    // A cleared row's feedback row is withdrawn (below, or by an earlier run): no longer recorded.
    if (!blank) recorded++;
    // Imported: unchanged since, nothing to do (but finish what a stopped run left).
    if (storedFingerprint(feedbackId, row.fingerprint) === fp) {
      if (feedbackId !== row.feedbackId) {
        const { status } = accept(run, source.normalize(row.cells, feedbackId, now));
        set(row, { status, feedbackId, fingerprint: fingerprintCell(fp) });
      }
      continue;
    }
    if (blank) {
      const flag = t('error.withdrawn', { date: today, tab: TABS[source.tab].name });
      run.corrections.push(withdrawnRecord(feedbackId, source.withdrawn.form, source.withdrawn.channel, flag));
      set(row, { status: t('row.withdrawn', { date: today, id: feedbackId }), feedbackId, fingerprint: fingerprintCell(fp) });
      continue;
    }
    const missing = source.missing(row.cells);
    if (missing.length) {
      // A correction half-typed: the feedback row keeps its last complete values until it is done.
      run.result.incomplete = (run.result.incomplete ?? 0) + 1;
      set(row, { status: t('row.correction_incomplete', { missing: missingText(missing) }), feedbackId, fingerprint: row.fingerprint });
      continue;
    }
    const normalizedRecord = source.normalize(row.cells, feedbackId, now).record;
    if (!normalizedRecord) continue; // cannot happen for a complete row
    const record = screen(run, normalizedRecord);
    if (record.flags.length) run.result.problems++;
    if (run.known.has(record.id)) run.corrections.push(record);
    else {
      // Its feedback row is gone (removed by hand): the corrected one takes its place.
      run.known.add(record.id);
      run.records.push(record);
    }
    const base = record.flags.length ? t('row.recorded_with_notes', { notes: record.flags.join('; ') }) : t('row.recorded');
    set(row, { status: t('row.corrected', { status: base, date: today }), feedbackId, fingerprint: fingerprintCell(fp) });
  }
  if (updates.length) run.after.push(() => tab.recordStatuses(updates));
  return recorded;
}
