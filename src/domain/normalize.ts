/**
 * Raw inputs — an online form response, a typed-in paper form, a logged phone call — become rows
 * of one normalized feedback table. Bad values never stop a row: they are kept out of the scores
 * and explained, in Georgian, in the row's flags.
 *
 * Records hold texts as people wrote them (cleaned and capped); escaping against formula injection
 * happens where they become cells (recordToRow), so reports and mail built from records never show
 * the apostrophe Sheets uses to mark text.
 */
import { formatDateKa, isDate, parseDateInput } from './dates';
import { freeTextItems, N1 } from './forms';
import { t } from './messages';
import { UNKNOWN_SERVICE, resolveService } from './services';
import { capCell, cleanText, isBlankCell } from './sanitize';
import { DEFAULT_THEMES, tagTexts, type Theme } from './themes';
import { CHANNELS } from './types';
import type { AnswerValue, Channel, FeedbackForm, FeedbackRecord, FormDefinition, ItemDefinition, Service } from './types';

export interface Normalized {
  /** Null when there is nothing to store (an empty submission). */
  record: FeedbackRecord | null;
  empty: boolean;
  /** Georgian notes for the source row's status: the record's flags, or why nothing was stored. */
  problems: string[];
}

/**
 * A value as text, for free texts, flags and choices; arrays (checkbox answers) joined. Sheets may
 * already have turned what a person wrote into a boolean, a number or a date (typing "true",
 * "3,5" or "05.01.2026"): such a value is given back as the workbook shows it, not as JavaScript
 * prints it — a decimal with a comma, as the workbook's locale writes it (WORKBOOK_LOCALE).
 */
function asText(value: unknown): string {
  if (Array.isArray(value))
    return value
      .filter((v) => !isBlankCell(v))
      .map(asText)
      .join(', ');
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) return Number.isNaN(value.getTime()) ? '' : formatDateKa(value);
  if (typeof value === 'number') return String(value).replace('.', ',');
  return String(value).trim();
}

/** A 1–5 score from a number or a numeric string (spaces allowed); null for anything else. */
export function parseScore(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+(?:\.0+)?\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
}

/** Cleans and caps a free text; notes a cut in `flags`. */
function freeText(value: unknown, label: string, flags: string[]): string {
  const capped = capCell(cleanText(asText(value)));
  if (capped.truncated) flags.push(t('error.text_truncated', { item: label }));
  return capped.text;
}

/** Short form of a bad value for a flag, so a flag never carries a whole pasted page. */
function quoted(value: unknown): string {
  const text = cleanText(asText(value)).replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function resolveServiceCode(value: unknown, services: readonly Service[], flags: string[]): string {
  if (isBlankCell(value)) return UNKNOWN_SERVICE;
  const service = resolveService(asText(value), services);
  if (service) return service.code;
  flags.push(t('error.unknown_service', { value: quoted(value) }));
  return UNKNOWN_SERVICE;
}

function answerOf(item: ItemDefinition, value: unknown, flags: string[]): AnswerValue {
  if (isBlankCell(value)) return null;
  switch (item.type) {
    case 'likert': {
      const score = parseScore(value);
      if (score === null) flags.push(t('error.invalid_score', { item: item.id, value: quoted(value) }));
      return score;
    }
    case 'yesno':
    case 'choice': {
      const yesNo = item.type === 'yesno' && typeof value === 'boolean' ? item.choices?.[value ? 0 : 1] : undefined;
      const choice = yesNo ?? freeText(value, item.id, flags);
      if (!item.hasOther && item.choices && !item.choices.includes(choice)) {
        flags.push(t('error.unexpected_choice', { item: item.id, value: quoted(choice) }));
      }
      return choice;
    }
    case 'paragraph':
      return freeText(value, item.id, flags);
    case 'service':
      return null;
  }
}

export interface FormResponseInput {
  form: FormDefinition;
  responseId: string;
  timestamp: Date;
  /** Answers by item id, as the form or the scenario gave them. */
  answers: Record<string, unknown>;
  channel: Channel;
  services: readonly Service[];
  themes?: readonly Theme[];
}

/**
 * A response to N1 or N2 as a feedback record. A submission with no answer at all besides the
 * service is counted by the caller but not stored.
 */
export function normalizeFormResponse(input: FormResponseInput): Normalized {
  const { form, answers } = input;
  const flags: string[] = [];
  let service = UNKNOWN_SERVICE;
  const values: Record<string, AnswerValue> = {};
  let answered = false;
  for (const item of form.items) {
    const raw = answers[item.id];
    if (item.type === 'service') {
      service = resolveServiceCode(raw, input.services, flags);
    } else {
      values[item.id] = answerOf(item, raw, flags);
      if (!isBlankCell(raw)) answered = true;
    }
    if (item.required && isBlankCell(raw)) flags.push(t('error.missing_required', { item: item.id }));
  }
  if (!answered) return { record: null, empty: true, problems: [t('error.empty_submission')] };
  const texts = freeTextItems(form)
    .map((item) => values[item.id])
    .filter((v): v is string => typeof v === 'string');
  const tagging = tagTexts(texts, input.themes ?? DEFAULT_THEMES);
  const record: FeedbackRecord = {
    id: input.responseId,
    receivedAt: input.timestamp,
    form: form.key,
    channel: input.channel,
    service,
    answers: values,
    text: '',
    themes: tagging.themes,
    staffTags: [],
    polarity: tagging.polarity,
    staffPolarity: null,
    praiseThemes: tagging.praiseThemes,
    quotable: false,
    flags,
  };
  return { record, empty: false, problems: flags };
}

/** A date typed by staff; the entry time stands in, with a flag, when it cannot be read. */
function receivedDate(value: unknown, enteredAt: Date, flags: string[]): Date {
  if (isBlankCell(value)) return enteredAt;
  const date = parseDateInput(value);
  if (date) return date;
  flags.push(t('error.invalid_date', { value: quoted(value) }));
  return enteredAt;
}

export interface TypedFormInput {
  /** Stable key of the row, e.g. 'paper-12'. */
  id: string;
  /** The date on the form (or of the interview) as typed; blank means the day it was typed in. */
  receivedAt: unknown;
  /** The row's values by item id. */
  answers: Record<string, unknown>;
  /** When staff typed the row in (the simulated clock). */
  enteredAt: Date;
  services: readonly Service[];
  themes?: readonly Theme[];
}

/**
 * A form typed in by staff — a paper N1, an N2 read over the phone — under the rules of the
 * online form, with the typed date (or the entry day, flagged, when it cannot be read).
 */
export function normalizeTypedForm(form: FormDefinition, channel: Channel, input: TypedFormInput): Normalized {
  const dateFlags: string[] = [];
  const timestamp = receivedDate(input.receivedAt, input.enteredAt, dateFlags);
  const result = normalizeFormResponse({
    form,
    responseId: input.id,
    timestamp,
    answers: input.answers,
    channel,
    services: input.services,
    themes: input.themes,
  });
  if (result.record) result.record.flags.unshift(...dateFlags);
  else result.problems.unshift(...dateFlags);
  return result;
}

/** A paper N1 form typed in by staff: the rules of the online form, channel 'paper'. */
export function normalizePaperRow(input: TypedFormInput): Normalized {
  return normalizeTypedForm(N1, 'paper', input);
}

/** A channel id or its Georgian name (the other-channels tab shows names); null if neither. */
export function parseChannel(value: unknown): Channel | null {
  if (isBlankCell(value)) return null;
  const text = asText(value);
  const byId = CHANNELS.find((channel) => channel === text.toLowerCase());
  return byId ?? CHANNELS.find((channel) => t(`channel.${channel}`) === text) ?? null;
}

export interface OtherFeedbackInput {
  id: string;
  /** A channel id or Georgian name. */
  channel: unknown;
  /** A service code or Georgian name; blank for feedback about no particular service. */
  service: unknown;
  receivedAt: unknown;
  text: unknown;
  enteredAt: Date;
  services: readonly Service[];
  themes?: readonly Theme[];
}

/** Feedback logged by staff from a phone call, a post, a letter …: a free text with channel and service. */
export function normalizeOtherFeedback(input: OtherFeedbackInput): Normalized {
  const flags: string[] = [];
  const receivedAt = receivedDate(input.receivedAt, input.enteredAt, flags);
  if (isBlankCell(input.text)) return { record: null, empty: true, problems: [...flags, t('error.empty_submission')] };
  let channel = parseChannel(input.channel);
  if (channel === null) {
    flags.push(t('error.invalid_channel', { value: quoted(input.channel) }));
    channel = 'other';
  }
  const service = resolveServiceCode(input.service, input.services, flags);
  const text = freeText(input.text, 'text', flags);
  const tagging = tagTexts([text], input.themes ?? DEFAULT_THEMES);
  const record: FeedbackRecord = {
    id: input.id,
    receivedAt,
    form: 'other',
    channel,
    service,
    answers: {},
    text,
    themes: tagging.themes,
    staffTags: [],
    polarity: tagging.polarity,
    staffPolarity: null,
    praiseThemes: tagging.praiseThemes,
    quotable: false,
    flags,
  };
  return { record, empty: false, problems: flags };
}

/**
 * What a typed row still lacks before it is imported, as column keys of its tab ('answer' for
 * "at least one answer"); [] when it is complete. A paper form is complete with the date it was
 * received and one answer at least (the service may be blank on the paper itself: it is stored as
 * unknown, with a note). A note from another channel needs its date, channel and text; its
 * service may stay blank for feedback about no particular service.
 */
/** A typed form row is complete with its date and one answer at least (the service alone is none). */
export function missingTypedAnswers(form: FormDefinition, cells: Record<string, unknown>): string[] {
  const missing: string[] = [];
  if (isBlankCell(cells.receivedAt)) missing.push('receivedAt');
  if (form.items.every((item) => item.type === 'service' || isBlankCell(cells[item.id]))) missing.push('answer');
  return missing;
}

export function missingPaper(cells: Record<string, unknown>): string[] {
  return missingTypedAnswers(N1, cells);
}

export function missingOther(cells: Record<string, unknown>): string[] {
  return ['receivedAt', 'channel', 'text'].filter((key) => isBlankCell(cells[key]));
}

/** What a row lacks, for its status: the columns' headers in quotes, or "one answer at least". */
export function describeMissing(keys: readonly string[], headerOf: (key: string) => string): string {
  return keys.map((key) => (key === 'answer' ? t('row.missing_answer') : `„${headerOf(key)}“`)).join(', ');
}

/**
 * The feedback row of a typed row staff cleared entirely: it keeps its id (so the typed row and
 * the feedback row still point at each other, and a form typed again into the row restores it),
 * loses every value and its date — so no period, report or count includes it — and says why.
 * Staff's own columns are left as they are by the writer.
 */
export function withdrawnRecord(id: string, form: FeedbackForm, channel: Channel, flag: string): FeedbackRecord {
  return {
    id,
    receivedAt: new Date(NaN),
    form,
    channel,
    service: '',
    answers: {},
    text: '',
    themes: [],
    staffTags: [],
    polarity: 'none',
    staffPolarity: null,
    praiseThemes: [],
    quotable: false,
    flags: [flag],
  };
}
