/**
 * The feedback box, emptied in batches: the box-opening log (date, who, forms found) against the
 * paper forms typed in with that batch's number, and the sample check — a second person re-types a
 * random tenth of a batch without seeing the first entry, and the two are compared per question.
 * Pure: the tabs are read and written by adapters/box-tabs.ts.
 */
import { t } from './messages';

export interface BoxOpening {
  batch: string;
  openedAt: string;
  openedBy: string;
  /** Forms found in the box; null when the cell is not a whole number. */
  found: number | null;
}

export interface BatchTally {
  batch: string;
  found: number | null;
  typed: number;
  /** Found and typed differ (a form lost, typed twice, or miscounted). */
  mismatch: boolean;
  /** The Georgian status of the opening's row. */
  status: string;
}

/** A batch number as staff type it: 3, "3", " 3 ", 3.0 all name batch 3. */
export function batchKey(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const text = String(value ?? '').trim();
  return /^\d+(\.0+)?$/.test(text) ? String(Number(text)) : text;
}

/** A count typed in a cell: a whole number ≥ 0, else null. */
export function countOf(value: unknown): number | null {
  const n = typeof value === 'number' ? value : Number(String(value ?? '').trim());
  return String(value ?? '').trim() !== '' && Number.isInteger(n) && n >= 0 ? n : null;
}

/**
 * Typed against found, per opening. `typedBatches`: the batch of every paper form typed in (one
 * entry per non-blank paper row). Forms typed with a batch no opening names are reported apart.
 */
export function tallyBatches(openings: readonly BoxOpening[], typedBatches: readonly string[]): { tallies: BatchTally[]; unknown: Map<string, number> } {
  const typed = new Map<string, number>();
  for (const batch of typedBatches) if (batch !== '') typed.set(batch, (typed.get(batch) ?? 0) + 1);
  const named = new Set(openings.map((o) => o.batch));
  const tallies = openings.map((opening) => {
    const count = typed.get(opening.batch) ?? 0;
    if (opening.found === null) return { batch: opening.batch, found: null, typed: count, mismatch: false, status: t('box.found_missing') };
    const mismatch = count !== opening.found;
    const status = !mismatch
      ? t('box.matches', { typed: count })
      : count < opening.found
        ? t('box.fewer', { found: opening.found, typed: count, missing: opening.found - count })
        : t('box.more', { found: opening.found, typed: count, extra: count - opening.found });
    return { batch: opening.batch, found: opening.found, typed: count, mismatch, status };
  });
  const unknown = new Map([...typed].filter(([batch]) => !named.has(batch)));
  return { tallies, unknown };
}

/** The share of a batch a second person re-types. */
export const SAMPLE_SHARE = 0.1;

/** A random tenth (at least one) of a batch's rows, in sheet order. `random` is Math.random in use. */
export function pickSample(rows: readonly number[], random: () => number): number[] {
  if (rows.length === 0) return [];
  const size = Math.max(1, Math.ceil(rows.length * SAMPLE_SHARE));
  const pool = [...rows];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, size).sort((a, b) => a - b);
}

/** One question's transcription agreement over the re-typed sample. */
export interface QuestionAgreement {
  id: string;
  compared: number;
  differ: number;
}

/** A cell as compared: numbers as numbers, text without case, space or zero-width differences. */
function comparable(value: unknown): string {
  if (value instanceof Date) return String(value.getTime());
  return String(value ?? '')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Per question: of the sample's forms, on how many the two entries differ. A question both left
 * blank is not compared (nothing to transcribe); one blank and one filled is a difference.
 */
export function compareEntries(
  pairs: ReadonlyArray<{ first: Record<string, unknown>; second: Record<string, unknown> }>,
  ids: readonly string[],
): QuestionAgreement[] {
  return ids.map((id) => {
    let compared = 0;
    let differ = 0;
    for (const { first, second } of pairs) {
      const a = comparable(first[id]);
      const b = comparable(second[id]);
      if (a === '' && b === '') continue;
      compared++;
      if (a !== b) differ++;
    }
    return { id, compared, differ };
  });
}

/** The questions on which a pair of entries differ. */
export function differingQuestions(first: Record<string, unknown>, second: Record<string, unknown>, ids: readonly string[]): string[] {
  return ids.filter((id) => comparable(first[id]) !== comparable(second[id]));
}
