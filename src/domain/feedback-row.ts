/**
 * A feedback record as a row of the feedback tab, and back. Staff read and correct this tab, so
 * what they see is Georgian: the header row shows Georgian labels, channels, forms, services and
 * themes their Georgian names. The machine keeps what it needs beside them: each column is found
 * by its key through its label (or, in a workbook set up before, its English header — setup
 * renames those), and the codes of service and themes stand in hidden columns, so a service or a
 * theme renamed later never makes an earlier row unreadable. A theme staff type in their
 * correction column is read back as its code, whether they typed its label or its code.
 */
import { parseDateInput, startOfDay } from './dates';
import { FORMS, FORM_LIST, feedbackItemColumns } from './forms';
import { type MessageId, t } from './messages';
import { parseChannel, parseScore } from './normalize';
import { escapeForSheet, isBlankCell, matchKey, unescapeFromSheet } from './sanitize';
import { DEFAULT_SERVICES, UNKNOWN_SERVICE, resolveService } from './services';
import { DEFAULT_THEMES, currentThemeId, parsePolarity, themeLabel, type Theme } from './themes';
import type { AnswerValue, FeedbackForm, FeedbackRecord, ItemDefinition, Polarity, Service } from './types';

/** Column keys of the feedback tab, in setup's order. */
export const FEEDBACK_HEADERS: readonly string[] = [
  'id',
  'received_at',
  'form',
  'channel',
  'service_name',
  'service',
  ...feedbackItemColumns(),
  'text',
  'theme_names',
  'themes',
  'polarity',
  'praise_theme_names',
  'praise_themes',
  'staff_tags',
  'staff_polarity',
  'quotable',
  'flags',
];

/** The columns that hold codes for the machine: hidden from view, their names shown beside them. */
export const FEEDBACK_CODE_COLUMNS: readonly string[] = ['service', 'themes', 'praise_themes'];

/** The Georgian header of a column key. */
export function feedbackLabel(key: string): string {
  for (const form of FORM_LIST) {
    const item = form.items.find((candidate) => candidate.id === key);
    if (item) return t('fb.col.item', { form: form.key, question: item.ka });
  }
  return t(`fb.col.${key}` as MessageId);
}

let keysByHeader: Map<string, string> | null = null;

/**
 * The key of a header as it stands in row 1: its Georgian label, or the key itself (the English
 * header of a workbook set up before the labels). A header of neither kind is a column someone
 * added: it is returned as it is and matches no key.
 */
export function feedbackColumnKey(header: string): string {
  if (!keysByHeader) {
    keysByHeader = new Map();
    for (const key of FEEDBACK_HEADERS) keysByHeader.set(matchKey(feedbackLabel(key)), key);
    for (const key of FEEDBACK_HEADERS) keysByHeader.set(key, key);
  }
  const trimmed = String(header).trim();
  return keysByHeader.get(trimmed) ?? keysByHeader.get(matchKey(trimmed)) ?? trimmed;
}

/** What names the codes: the services and themes tabs (the defaults stand in for what they lack). */
export interface FeedbackVocabulary {
  services: readonly Service[];
  themes: readonly Theme[];
}

export const DEFAULT_VOCABULARY: FeedbackVocabulary = { services: DEFAULT_SERVICES, themes: DEFAULT_THEMES };

const LEGACY_QUOTABLE = /„quotable“/g;

/** Flags are sentences that may hold commas, so each goes on its own line of the cell. */
const FLAG_SEPARATOR = '\n';
const LIST_SEPARATOR = ', ';
/** Staff typing tags by hand may separate them with commas or semicolons. */
const TAG_SEPARATORS = /[,;]/;

export function serviceName(code: string, vocabulary: FeedbackVocabulary): string {
  if (code === '') return '';
  if (code === UNKNOWN_SERVICE) return t('fb.unknown_service');
  const found = vocabulary.services.find((s) => s.code === code) ?? DEFAULT_SERVICES.find((s) => s.code === code);
  return found ? found.ka : code;
}

function themeNames(codes: readonly string[], vocabulary: FeedbackVocabulary): string {
  return codes.map((code) => themeLabel(code, vocabulary.themes)).join(LIST_SEPARATOR);
}

/**
 * A record as a row of the feedback tab, in the order of `columns` (keys). Texts are escaped for
 * Sheets; codes are shown by their Georgian names, and kept in the code columns.
 */
export function recordToRow(record: FeedbackRecord, columns: readonly string[] = FEEDBACK_HEADERS, vocabulary = DEFAULT_VOCABULARY): unknown[] {
  return columns.map((column) => {
    switch (column) {
      case 'id':
        return escapeForSheet(record.id);
      case 'received_at':
        // A withdrawn row has no date (an invalid Date would not be a cell value). The day only:
        // an online answer's time would tie it to the invitation sent just before (README, anonymity).
        return Number.isNaN(record.receivedAt.getTime()) ? '' : startOfDay(record.receivedAt);
      case 'form':
        return record.form === 'other' ? t('fb.form_other') : record.form;
      case 'channel':
        return t(`channel.${record.channel}`);
      case 'service_name':
        return escapeForSheet(serviceName(record.service, vocabulary));
      case 'service':
        return escapeForSheet(record.service);
      case 'text':
        return escapeForSheet(record.text);
      case 'theme_names':
        return escapeForSheet(themeNames(record.themes, vocabulary));
      case 'themes':
        return escapeForSheet(record.themes.join(LIST_SEPARATOR));
      case 'polarity':
        return polarityName(record.polarity);
      case 'praise_theme_names':
        return escapeForSheet(themeNames(record.praiseThemes, vocabulary));
      case 'praise_themes':
        return escapeForSheet(record.praiseThemes.join(LIST_SEPARATOR));
      case 'staff_tags':
        return escapeForSheet(themeNames(record.staffTags, vocabulary));
      case 'staff_polarity':
        return record.staffPolarity === null ? '' : polarityName(record.staffPolarity);
      case 'quotable':
        return record.quotable;
      case 'flags':
        return escapeForSheet(record.flags.join(FLAG_SEPARATOR));
      default: {
        const value = record.answers[column];
        if (value === null || value === undefined) return '';
        return typeof value === 'string' ? escapeForSheet(value) : value;
      }
    }
  });
}

/** Polarities show in Georgian in the feedback tab (staff read and correct them there). */
const POLARITY_NAMES: Record<Polarity, string> = {
  problem: t('polarity.problem'),
  praise: t('polarity.praise'),
  suggestion: t('polarity.suggestion'),
  none: t('polarity.none'),
};

/** The Georgian polarities, as staff pick them in the correction column. */
export const POLARITY_CHOICES: readonly string[] = Object.values(POLARITY_NAMES);

export function polarityName(polarity: Polarity): string {
  return POLARITY_NAMES[polarity];
}

/** A polarity cell: its Georgian name or its code; null when blank or unreadable. */
function readPolarity(value: unknown): Polarity | null {
  return parsePolarity(readText(value), POLARITY_NAMES);
}

function readText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return unescapeFromSheet(String(value));
}

function readList(value: unknown, separator: RegExp): string[] {
  return readText(value)
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** A theme as staff type it: its label (any case, Mtavruli, stray spaces) or its code. */
function themeCode(typed: string, vocabulary: FeedbackVocabulary): string {
  const key = matchKey(typed);
  const byLabel = [...vocabulary.themes, ...DEFAULT_THEMES].find((theme) => matchKey(theme.ka) === key);
  return byLabel ? byLabel.id : currentThemeId(typed);
}

function readForm(value: unknown): FeedbackForm {
  const text = readText(value).trim();
  if (text === 'other' || matchKey(text) === matchKey(t('fb.form_other'))) return 'other';
  return Object.prototype.hasOwnProperty.call(FORMS, text) ? (text as FeedbackForm) : 'other';
}

function readAnswer(item: ItemDefinition, value: unknown): AnswerValue {
  if (isBlankCell(value)) return null;
  if (item.type === 'likert') return parseScore(value);
  return typeof value === 'number' ? value : readText(value);
}

function readService(code: unknown, name: unknown, vocabulary: FeedbackVocabulary): string {
  const stored = readText(code).trim();
  if (stored !== '') return stored;
  // The code column lost (a workbook someone rebuilt by hand): the name, if it names a service.
  const named = readText(name).trim();
  if (named === '') return UNKNOWN_SERVICE;
  return resolveService(named, [...vocabulary.services, ...DEFAULT_SERVICES])?.code ?? UNKNOWN_SERVICE;
}

/**
 * A row of the feedback tab (as getValues returns it, or as recordToRow made it) back as a
 * record, its columns given by key. Answers are read for the items of the record's own form only.
 * A missing or unreadable date gives an invalid Date, which no period contains.
 */
export function rowToRecord(row: readonly unknown[], columns: readonly string[] = FEEDBACK_HEADERS, vocabulary = DEFAULT_VOCABULARY): FeedbackRecord {
  const byColumn = new Map<string, unknown>();
  columns.forEach((column, i) => {
    if (!byColumn.has(column)) byColumn.set(column, row[i]);
  });
  const form = readForm(byColumn.get('form'));
  const answers: Record<string, AnswerValue> = {};
  const formItems = FORM_LIST.find((f) => f.key === form)?.items ?? [];
  for (const item of formItems) {
    if (item.type !== 'service' && byColumn.has(item.id)) answers[item.id] = readAnswer(item, byColumn.get(item.id));
  }
  const quotable = byColumn.get('quotable');
  const channel = readText(byColumn.get('channel')).trim();
  return {
    id: readText(byColumn.get('id')),
    receivedAt: parseDateInput(byColumn.get('received_at')) ?? new Date(NaN),
    form,
    channel: parseChannel(channel) ?? 'other',
    service: readService(byColumn.get('service'), byColumn.get('service_name'), vocabulary),
    answers,
    text: readText(byColumn.get('text')),
    themes: readList(byColumn.get('themes'), TAG_SEPARATORS),
    staffTags: readList(byColumn.get('staff_tags'), TAG_SEPARATORS).map((tag) => themeCode(tag, vocabulary)),
    polarity: readPolarity(byColumn.get('polarity')) ?? 'none',
    staffPolarity: readPolarity(byColumn.get('staff_polarity')),
    praiseThemes: readList(byColumn.get('praise_themes'), TAG_SEPARATORS),
    quotable: quotable === true || String(quotable).trim().toLowerCase() === 'true',
    // Flags of earlier versions named the English column: now its Georgian label.
    flags: readList(byColumn.get('flags'), /\n/).map((flag) => flag.replace(LEGACY_QUOTABLE, `„${t('fb.col.quotable')}“`)),
  };
}

/** The feedback tab (header row first) as records; columns are found by their label or key. */
export function feedbackTableRecords(values: readonly (readonly unknown[])[], vocabulary = DEFAULT_VOCABULARY): FeedbackRecord[] {
  if (values.length < 2) return [];
  const columns = values[0].map((h) => feedbackColumnKey(String(h)));
  const records: FeedbackRecord[] = [];
  for (let i = 1; i < values.length; i++) {
    if (!values[i].every(isBlankCell)) records.push(rowToRecord(values[i], columns, vocabulary));
  }
  return records;
}
