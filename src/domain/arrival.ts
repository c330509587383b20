/**
 * Personal data on arrival. A feedback text that holds a phone number, a personal number, an
 * email address, a street address or a known applicant's name is flagged and made not quotable
 * until staff clear it (tick "quotable" after reading it). A text asking to be contacted
 * ("დამირეკეთ", "call me") becomes a call-back request for the coordinator only, and the feedback
 * row keeps the text with the contact details hidden: it stays anonymous.
 */
import { csvCell, parseCsv } from './csv';
import { FORMS, freeTextItems } from './forms';
import { MESSAGES, t } from './messages';
import { personalDataKinds, redactPersonalData, type PersonalKind } from './redact';
import { foldCase, stripInvisible } from './sanitize';
import type { FeedbackRecord } from './types';

/** What the coordinator sees of a request to be contacted. */
export interface CallbackRequest {
  /** The feedback row's id: one request per row, replaced when the row is corrected. */
  id: string;
  /** Day received, yyyy-mm-dd (Tbilisi). */
  day: string;
  channel: string;
  service: string;
  /** The respondent's own words, contact details included. */
  text: string;
}

/**
 * Phrases asking to be contacted, Georgian (verb stems, so every person and politeness form
 * counts) and English, matched in case-folded text.
 */
const CONTACT_REQUEST = [
  /დამირეკ/,
  /გადმომირეკ/,
  /დამიკავშირდ/,
  /დამეკონტაქტ/,
  /დამიბრუნეთ\s+ზარი/,
  /შემეხმიანე/,
  /მომწერეთ/,
  /მიპასუხეთ/,
  /\bcall\s+(?:me|back)\b/,
  /\bcontact\s+me\b/,
  /\b(?:get|be)\s+in\s+touch\b/,
  /\breach\s+me\b/,
  /\bwrite\s+(?:to\s+)?me\b/,
  /\bphone\s+me\b/,
];

export function asksToBeContacted(text: string): boolean {
  const folded = foldCase(stripInvisible(text));
  return CONTACT_REQUEST.some((pattern) => pattern.test(folded));
}

const FREE_TEXT_IDS: Record<string, string[]> = {
  N1: freeTextItems(FORMS.N1).map((item) => item.id),
  N2: freeTextItems(FORMS.N2).map((item) => item.id),
  other: [],
};

/** The record's free texts: its free-text answers and the text logged from another channel. */
function texts(record: FeedbackRecord): string[] {
  const out: string[] = [];
  for (const id of FREE_TEXT_IDS[record.form] ?? []) {
    const value = record.answers[id];
    if (typeof value === 'string' && value.trim() !== '') out.push(value);
  }
  if (record.text.trim() !== '') out.push(record.text);
  return out;
}

const KIND_KA: Record<PersonalKind, string> = {
  phone: t('pd.phone'),
  personalNumber: t('pd.personal_number'),
  email: t('pd.email'),
  name: t('pd.name'),
  address: t('pd.address'),
};

/** The stable start of the personal-data flag, before its parameters. */
const PERSONAL_FLAG_START = MESSAGES['flag.personal_data'].slice(0, MESSAGES['flag.personal_data'].indexOf('{'));

/** Whether a record carries the personal-data flag: its text is quoted nowhere until staff tick "quotable". */
export function flaggedPersonal(record: FeedbackRecord): boolean {
  return record.flags.some((flag) => flag.startsWith(PERSONAL_FLAG_START));
}

function isoDay(date: Date): string {
  const tbilisi = new Date(date.getTime() + 4 * 3600_000);
  return tbilisi.toISOString().slice(0, 10);
}

/**
 * Screens a new (or corrected) record: flags personal data and, for a request to be contacted,
 * hides the contact details in the record's texts and returns the request for the coordinator.
 */
export function screenArrival(record: FeedbackRecord, knownNames: readonly string[]): { record: FeedbackRecord; callback: CallbackRequest | null } {
  const own = texts(record);
  if (own.length === 0) return { record, callback: null };
  const kinds = new Set<PersonalKind>();
  for (const text of own) for (const kind of personalDataKinds(text, knownNames)) kinds.add(kind);
  const callback = own.some(asksToBeContacted);
  if (kinds.size === 0 && !callback) return { record, callback: null };

  const flags = [...record.flags];
  if (kinds.size > 0) flags.push(t('flag.personal_data', { kinds: [...kinds].map((kind) => KIND_KA[kind]).join(', ') }));
  if (!callback) return { record: { ...record, flags, quotable: false }, callback: null };

  flags.push(t('flag.callback'));
  const answers = { ...record.answers };
  for (const id of FREE_TEXT_IDS[record.form] ?? []) {
    const value = answers[id];
    if (typeof value === 'string') answers[id] = redactPersonalData(value, knownNames);
  }
  const request: CallbackRequest = { id: record.id, day: isoDay(record.receivedAt), channel: record.channel, service: record.service, text: own.join(' / ') };
  return { record: { ...record, answers, text: redactPersonalData(record.text, knownNames), flags, quotable: false }, callback: request };
}

const CSV_HEADER = ['id', 'day', 'channel', 'service', 'text'] as const;

/** The call-back list as CSV (UTF-8), newest first. */
export function renderCallbacks(requests: readonly CallbackRequest[]): string {
  const sorted = [...requests].sort((a, b) => (a.day === b.day ? (a.id < b.id ? -1 : 1) : a.day < b.day ? 1 : -1));
  return `${[CSV_HEADER.join(','), ...sorted.map((r) => CSV_HEADER.map((key) => csvCell(r[key])).join(','))].join('\n')}\n`;
}

/** Reads back what renderCallbacks wrote; lines it cannot read are skipped. */
export function parseCallbacks(csv: string): CallbackRequest[] {
  const rows = parseCsv(csv);
  return rows
    .slice(1)
    .filter((r) => r.length === CSV_HEADER.length && r[0] !== '')
    .map((r) => ({ id: r[0], day: r[1], channel: r[2], service: r[3], text: r[4] }));
}

/** The list with `fresh` requests added, each replacing an earlier one of the same feedback row. */
export function mergeCallbacks(existing: readonly CallbackRequest[], fresh: readonly CallbackRequest[]): CallbackRequest[] {
  const byId = new Map(existing.map((r) => [r.id, r]));
  for (const r of fresh) byId.set(r.id, r);
  return [...byId.values()];
}
