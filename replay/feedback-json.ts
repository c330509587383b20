/**
 * `feedback.json` (../shared/scenario.md, additional output): the normalized feedback table as
 * records, whatever its tab's headers. The tab is read by the product's own reader of its table
 * (src/domain/report-inputs.ts feedbackRecords, what the feedback-table gateway and every report
 * use), never by header names here: when the tab's headers change, the product's reader changes
 * with them and this file stays the same.
 */
import { FORMS, freeTextItems } from '../src/domain/forms';
import { feedbackRecords } from '../src/domain/report-inputs';
import type { FeedbackVocabulary } from '../src/domain/feedback-row';
import { effectivePolarity, effectiveThemes } from '../src/domain/themes';
import type { AnswerValue, FeedbackRecord } from '../src/domain/types';

export interface FeedbackJsonRecord {
  id: string;
  form: string;
  channel: string;
  /** A service code ('unknown' when none was given). */
  service: string;
  /** The stored date and time as ISO 8601 UTC; null for a withdrawn row, which has none. */
  date: string | null;
  /** Item id → value as the table holds it (a skipped answer is null). */
  answers: Record<string, AnswerValue>;
  /** The free-text answers, each with its item id; an other-channel note has the id "text". */
  text: Array<{ item: string; text: string }>;
  /**
   * Theme codes: staff's correction when there is one; else the automatic ones, those of the
   * record's polarity first, then those of its praise texts (N2's "what you liked").
   */
  themes: string[];
  /** The polarity code (../shared/themes.md): staff's correction when set, else the automatic one. */
  polarity: string;
  flags: string[];
  quotable: boolean;
}

/** The id other-channel notes carry in `text`: the scenario's field for them. */
export const NOTE_ITEM_ID = 'text';

const FREE_TEXT_IDS: Record<string, string[]> = {
  N1: freeTextItems(FORMS.N1).map((item) => item.id),
  N2: freeTextItems(FORMS.N2).map((item) => item.id),
};

function themesOf(record: FeedbackRecord): string[] {
  const themes = effectiveThemes(record);
  if (record.staffTags.length > 0) return themes;
  for (const theme of record.praiseThemes) if (!themes.includes(theme)) themes.push(theme);
  return themes;
}

export function feedbackJsonRecord(record: FeedbackRecord): FeedbackJsonRecord {
  const text: FeedbackJsonRecord['text'] = [];
  for (const item of FREE_TEXT_IDS[record.form] ?? []) {
    const value = record.answers[item];
    if (typeof value === 'string' && value.trim() !== '') text.push({ item, text: value });
  }
  if (record.text.trim() !== '') text.push({ item: NOTE_ITEM_ID, text: record.text });
  return {
    id: record.id,
    form: record.form,
    channel: record.channel,
    service: record.service,
    date: Number.isNaN(record.receivedAt.getTime()) ? null : record.receivedAt.toISOString(),
    answers: record.answers,
    text,
    themes: themesOf(record),
    polarity: effectivePolarity(record),
    flags: record.flags,
    quotable: record.quotable,
  };
}

/** The feedback tab's values (header row first) as feedback.json's records, in row order. */
export function feedbackJson(values: readonly (readonly unknown[])[], vocabulary?: FeedbackVocabulary): FeedbackJsonRecord[] {
  return feedbackRecords(values, vocabulary).map(feedbackJsonRecord);
}
