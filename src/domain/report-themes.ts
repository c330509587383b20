/**
 * Free texts counted by theme for one polarity (../shared/themes.md, "Where they show"), and the
 * comments a theme is illustrated with in the internal report.
 */
import { FORMS, freeTextItems } from './forms';
import { flaggedPersonal } from './arrival';
import type { ReleaseGuard } from './disclosure';
import type { FeedbackRecord, FormKey } from './types';

export type ThemeRow = { theme: string; suppressed: true } | { theme: string; suppressed: false; count: number; comments: string[] };

/** A count of people: suppressed below the minimum group size like every other figure. */
export type CountCell = { suppressed: true } | { suppressed: false; count: number };

/** Free texts of one polarity grouped by theme. */
export interface ThemeGroups {
  /** Texts of that polarity, any theme or none. */
  texts: number;
  /** Every theme with at least one text, most frequent first. */
  themes: ThemeRow[];
  /** Texts of that polarity with no theme (უკატეგორიო); null when there are none. */
  uncategorised: CountCell | null;
}

const MAX_COMMENTS = 3;

/** The ledger key of texts without a theme. */
export const UNCATEGORISED = 'uncategorised';

/** Counts of texts by theme for one polarity, and which records each theme gathers (for quotes). */
export class ThemeTally {
  texts = 0;
  uncategorised = 0;
  readonly counts = new Map<string, number>();
  readonly records = new Map<string, number[]>();

  add(themes: readonly string[], index: number, keepRecords: boolean): void {
    this.texts++;
    if (themes.length === 0) this.uncategorised++;
    for (const theme of themes) {
      this.counts.set(theme, (this.counts.get(theme) ?? 0) + 1);
      if (!keepRecords) continue;
      const list = this.records.get(theme);
      if (list) list.push(index);
      else this.records.set(theme, [index]);
    }
  }

  /**
   * The tally as rows: every count below the minimum group size suppressed, and every count that
   * with earlier outputs would reveal a small group (`guard`, disclosure ledger keys
   * `${prefix}:${theme}`, `${prefix}:uncategorised`).
   */
  groups(records: readonly FeedbackRecord[], minGroupSize: number, internal: boolean, guard: ReleaseGuard | undefined, prefix: string): ThemeGroups {
    const hidden = (key: string, count: number): boolean => count < minGroupSize || (!!guard && !guard(`${prefix}:${key}`, count));
    const themes = Array.from(this.counts.entries())
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(
        ([theme, count]): ThemeRow =>
          hidden(theme, count)
            ? { theme, suppressed: true }
            : { theme, suppressed: false, count, comments: internal ? representativeComments(records, this.records.get(theme) ?? []) : [] },
      );
    const uncategorised: CountCell | null =
      this.uncategorised === 0 ? null : hidden(UNCATEGORISED, this.uncategorised) ? { suppressed: true } : { suppressed: false, count: this.uncategorised };
    return { texts: this.texts, themes, uncategorised };
  }
}

/** Ids of the free-text items of each form, whose answers are a response's comments. */
const FREE_TEXT_IDS: Record<FormKey, string[]> = {
  N1: freeTextItems(FORMS.N1).map((item) => item.id),
  N2: freeTextItems(FORMS.N2).map((item) => item.id),
};

/** A record's own words: its free-text answers and the text logged from other channels, joined. */
export function recordText(record: FeedbackRecord): string {
  const parts: string[] = [];
  const ids = record.form === 'N1' || record.form === 'N2' ? FREE_TEXT_IDS[record.form] : [];
  for (const id of ids) {
    const value = record.answers[id];
    if (typeof value === 'string' && value.trim() !== '') parts.push(value.trim());
  }
  if (record.text && record.text.trim() !== '') parts.push(record.text.trim());
  return parts.join(' / ');
}

/** Comment order: those staff marked quotable first, then the most recent. */
function ranksBefore(a: FeedbackRecord, b: FeedbackRecord): boolean {
  if (a.quotable !== b.quotable) return a.quotable;
  return a.receivedAt.getTime() > b.receivedAt.getTime();
}

/**
 * The first three distinct comments in comment order, in one pass that keeps only the best three
 * so far: a theme may gather tens of thousands of records.
 */
export function representativeComments(records: readonly FeedbackRecord[], indices: readonly number[]): string[] {
  const best: Array<{ record: FeedbackRecord; text: string }> = [];
  for (const index of indices) {
    const record = records[index];
    // Personal data flagged on arrival: quoted only once staff have read it and ticked "quotable".
    if (!record.quotable && flaggedPersonal(record)) continue;
    if (best.length === MAX_COMMENTS && !ranksBefore(record, best[MAX_COMMENTS - 1].record)) continue;
    const text = recordText(record);
    if (text === '') continue;
    const same = best.findIndex((entry) => entry.text === text);
    if (same >= 0) {
      if (!ranksBefore(record, best[same].record)) continue;
      best.splice(same, 1);
    }
    const at = best.findIndex((entry) => ranksBefore(record, entry.record));
    best.splice(at < 0 ? best.length : at, 0, { record, text });
    if (best.length > MAX_COMMENTS) best.pop();
  }
  return best.map((entry) => entry.text);
}
