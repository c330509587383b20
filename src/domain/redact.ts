/**
 * Hides personal data in free texts before they are quoted or published: email addresses (also
 * with Georgian letters and IDN domains: ქეთო@მერია.გე), Georgian phone numbers and 11-digit
 * personal numbers written with any separator between the digits and in any Unicode digits
 * (full-width ５７７…), street addresses and villages, and the names of known applicants in
 * Georgian or Latin spelling and in their case forms (name-match.ts). The forms tell respondents
 * not to write such data; people write it anyway. Amounts, dates, times and ordinary numbers stay.
 */
import { indexNames, nameSpans, type NameIndex } from './name-match';
import { foldCase, stripInvisible } from './sanitize';

export const REDACTED = '[დამალულია]';

export type PersonalKind = 'email' | 'phone' | 'personalNumber' | 'address' | 'name';

export interface Span {
  start: number;
  end: number;
  kind: PersonalKind;
}

/** Zeros of the Unicode decimal digit blocks (Nd): a digit's value is its distance from its zero. */
const DIGIT_ZEROS = [
  0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946,
  0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x1d7ce, 0x1d7d8, 0x1d7e2,
  0x1d7ec, 0x1d7f6, 0x1e950,
];
const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
/** Stands in for the second half of a digit outside the BMP, so positions keep; a separator. */
const FILLER = '\u0001';

function digitValue(code: number): number | null {
  for (const zero of DIGIT_ZEROS) if (code >= zero && code < zero + 10) return code - zero;
  return null;
}

/**
 * The text with every digit as an ASCII digit, case-folded, of the same length (UTF-16 units), so
 * spans found in it index the text.
 */
function foldForSearch(text: string): string {
  const folded = foldCase(text);
  let out = '';
  for (let i = 0; i < folded.length; i++) {
    const code = folded.codePointAt(i) ?? 0;
    const wide = code > 0xffff;
    const value =
      code < 0x80 ? null : (digitValue(code) ?? (SUPERSCRIPTS.includes(folded[i]) ? SUPERSCRIPTS.indexOf(folded[i]) : SUBSCRIPTS.indexOf(folded[i])));
    if (value !== null && value >= 0) out += String(value) + (wide ? FILLER : '');
    else out += wide ? folded.slice(i, i + 2) : folded[i];
    if (wide) i++;
  }
  return out;
}

const L = '\\p{L}\\p{M}';
/** Local part, then @ (or [at]), then dot-separated labels in any script. */
const EMAIL = new RegExp(
  `[${L}\\p{N}._%+\\-]+\\s?(?:@|\\[at\\]|\\(at\\))\\s?[${L}\\p{N}](?:[${L}\\p{N}\\-]*[${L}\\p{N}])?(?:(?:\\.|\\[dot\\]|\\(dot\\))[${L}\\p{N}](?:[${L}\\p{N}\\-]*[${L}\\p{N}])?)+`,
  'gu',
);
/** A Georgian ending hyphenated to the address (nino@gmail.com-ზე) is not part of it. */
const HYPHENATED_ENDING = /-[\u10D0-\u10FF]+$/;

function emailSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(EMAIL)) {
    const start = m.index ?? 0;
    const found = m[0].replace(HYPHENATED_ENDING, '');
    spans.push({ start, end: start + found.length, kind: 'email' });
  }
  return spans;
}

/**
 * A date (05.01.2026, 5/1/26, 2026-01-05) or a time (10:30): never a phone, so taken out before
 * digits are joined. A date glued to more digits by the same kind of joiner (577-01-12-34) is not one.
 */
const DATE_OR_TIME = new RegExp(
  [
    // with a four-digit year: may stand next to other numbers (05.01.2026 10.01.2026)
    '(?<!\\d[./\\-_]?)(?:(?:0?[1-9]|[12]\\d|3[01])([./\\-])(?:0?[1-9]|1[0-2])\\1\\d{4}|\\d{4}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\\d|3[01]))(?![./\\-_]?\\d)',
    // a two-digit year or a time: only standing alone ((0439) 22-12-34 is a phone)
    '(?<!\\d[\\s./\\-_()]{0,2})(?:(?:0?[1-9]|[12]\\d|3[01])([./\\-])(?:0?[1-9]|1[0-2])\\2\\d{2}|(?:[01]?\\d|2[0-3]):[0-5]\\d)(?![\\s./\\-_:()]{0,2}\\d)',
  ].join('|'),
  'g',
);

/**
 * Digits joined by whatever people put between digit groups (spaces, dashes, dots, slashes,
 * underscores, brackets, bars …): up to three characters that are neither letters, digits nor a
 * line break.
 */
const DIGIT_RUN = /\+?\(?\d(?:[^\p{L}\p{N}\n\r]{0,3}\d)*/gu;

/**
 * Digit strings that are a phone or a personal number. Georgian numbers have 9 digits after the
 * country code 995: mobiles 5XX XXX XXX, landlines 32 2XX XX XX (Tbilisi) and 4XX XX XX XX
 * (regions), the last two also written with the trunk 0: (032) 2XX XX XX, 0439 22 12 34.
 */
const PHONE_DIGITS = [
  /^(?:00)?995\d{9}$/, // +995 …, 00995 …, 995 …
  /^5\d{8}$/, // mobile
  /^0\d{9}$/, // trunk 0 + 9 digits
  /^[34]\d{8}$/, // landline without trunk
];
const PERSONAL_NUMBER = /^\d{11}$/;

function digitsKind(digits: string): PersonalKind | null {
  if (PERSONAL_NUMBER.test(digits)) return 'personalNumber';
  return PHONE_DIGITS.some((pattern) => pattern.test(digits)) ? 'phone' : null;
}

function numberSpans(text: string): Span[] {
  // Dates and times become letters, so a run of digits never crosses one.
  const scan = text.replace(DATE_OR_TIME, (date) => 'x'.repeat(date.length));
  const spans: Span[] = [];
  for (const run of scan.matchAll(DIGIT_RUN)) {
    const runStart = run.index ?? 0;
    const groups = [...run[0].matchAll(/\d+/g)].map((g) => ({
      digits: g[0],
      start: runStart + (g.index ?? 0),
      end: runStart + (g.index ?? 0) + g[0].length,
    }));
    const whole = digitsKind(groups.map((g) => g.digits).join(''));
    if (whole) {
      spans.push({ start: runStart, end: runStart + run[0].length, kind: whole });
      continue;
    }
    // Two numbers written one after the other: take the shortest leading groups that form one.
    let first = 0;
    while (first < groups.length) {
      let digits = '';
      let last = first;
      let kind: PersonalKind | null = null;
      for (; last < groups.length && !kind; last++) {
        digits += groups[last].digits;
        kind = digitsKind(digits);
      }
      if (kind) {
        spans.push({ start: groups[first].start, end: groups[last - 1].end, kind });
        first = last;
      } else {
        first++;
      }
    }
  }
  // A digit outside the BMP ends in its filler: the span takes it, so no half character is left.
  for (const span of spans) if (text[span.end] === FILLER) span.end++;
  return spans;
}

const G = '[\\u10D0-\\u10FF]';
const HOUSE = `(?:\\s*(?:n|№|#)\\s*|\\s+)\\d+(?:\\s?[\\u10D0-\\u10FFa-z](?![\\u10D0-\\u10FFa-z]))?`;
const STREET_WORD = '(?:ქუჩ[ა-ჰ]*|ქ\\.|გამზ(?:ირ[ა-ჰ]*|\\.)|შესახვ[ა-ჰ]*|შეს\\.|ჩიხ[ა-ჰ]*|მოედან[ა-ჰ]*|კვარტალ[ა-ჰ]*|დასახლებ[ა-ჰ]*|მ/რ)';
const FLAT = '(?:\\s*,?\\s*(?:ბინა|ბ\\.|კორპ(?:უსი)?\\.?|სადარბ(?:აზო)?\\.?)\\s*(?:n|№|#)?\\s*\\d+)*';
const ADDRESS = [
  // რუსთაველის ქუჩა 12, ჭავჭავაძის გამზ. N5, ბინა 3
  new RegExp(`(?<!${G})${G}+(?:-${G}+)?(?:\\s+${G}+)?\\s+${STREET_WORD}${HOUSE}${FLAT}`, 'gu'),
  // ქ. რუსთაველის 12, ქუჩა აღმაშენებლის №4
  new RegExp(`(?<!${G})(?:ქ\\.|ქუჩა)\\s*${G}+(?:\\s+${G}+)?${HOUSE}${FLAT}`, 'gu'),
  // სოფ. ზნაკვა, სოფელ ზნაკვაში
  new RegExp(`(?<!${G})(?:სოფელ|სოფ\\.?)\\s*${G}+`, 'gu'),
  // ბინა 12, სახლი №5, კორპ. 4
  new RegExp(`(?<!${G})(?:ბინა|სახლი|სახ\\.|კორპუსი|კორპ\\.)\\s*(?:n|№|#)?\\s*\\d+`, 'gu'),
  // მისამართი: … up to its first number
  new RegExp(`(?<!${G})მისამართ${G}*\\s*[:\\-–]\\s*[^\\n;]{0,60}?\\d+`, 'gu'),
  // Rustaveli st. 12, Rustaveli Street N12, village Znakva, address: …
  /\b[a-z]+\s+(?:st(?:reet)?|str|ave(?:nue)?)\.?(?:\s*(?:n|№|#)\s*|\s+)\d+\b/g,
  /\b(?:village|vil\.)\s+[a-z]+/g,
];

function addressSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const pattern of ADDRESS) {
    for (const m of text.matchAll(pattern)) spans.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, kind: 'address' });
  }
  return spans;
}

/**
 * A known name written with other characters than letters and spaces (a.bc (d)) is also looked
 * for as it stands: the word comparison of name-match.ts sees only its letters.
 */
function literalNamePatterns(names: readonly string[]): RegExp[] {
  const patterns: RegExp[] = [];
  for (const name of names) {
    const literal = foldCase(stripInvisible(name)).trim().replace(/\s+/g, ' ');
    if (!/[^\s\p{L}\p{M}-]/u.test(literal)) continue;
    const body = literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
    patterns.push(new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'gu'));
  }
  return patterns;
}

function literalNameSpans(text: string, patterns: readonly RegExp[]): Span[] {
  const spans: Span[] = [];
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) spans.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, kind: 'name' });
  }
  return spans;
}

/** Names are prepared once per list: a report or a collection screens many texts against the same applicants. */
let cachedNames: readonly string[] | null = null;
let cachedIndex: NameIndex = indexNames([]);
let cachedLiterals: RegExp[] = [];
function prepareNames(names: readonly string[]): { index: NameIndex; literals: RegExp[] } {
  if (names !== cachedNames) {
    cachedNames = names;
    cachedIndex = indexNames(names);
    cachedLiterals = literalNamePatterns(names);
  }
  return { index: cachedIndex, literals: cachedLiterals };
}

/** Every span of personal data in `text` (which must be free of invisible characters), in text order. */
export function personalSpans(text: string, knownNames: readonly string[]): Span[] {
  const folded = foldForSearch(text);
  const names = prepareNames(knownNames);
  return [
    ...emailSpans(folded),
    ...numberSpans(folded),
    ...addressSpans(folded),
    ...nameSpans(folded, names.index).map((span) => ({ ...span, kind: 'name' as const })),
    ...literalNameSpans(folded, names.literals),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
}

function mergeSpans(spans: readonly Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** The text with every email, phone, personal number, address and known name replaced by [დამალულია]. */
export function redactPersonalData(text: string, knownNames: readonly string[]): string {
  const visible = stripInvisible(text);
  let out = '';
  let at = 0;
  for (const span of mergeSpans(personalSpans(visible, knownNames))) {
    out += visible.slice(at, span.start) + REDACTED;
    at = span.end;
  }
  return out + visible.slice(at);
}

export function containsPersonalData(text: string, knownNames: readonly string[]): boolean {
  return personalSpans(stripInvisible(text), knownNames).length > 0;
}

/** The kinds of personal data a text holds, each once, in a fixed order. */
export function personalDataKinds(text: string, knownNames: readonly string[]): PersonalKind[] {
  const found = new Set(personalSpans(stripInvisible(text), knownNames).map((span) => span.kind));
  return (['phone', 'personalNumber', 'email', 'name', 'address'] as const).filter((kind) => found.has(kind));
}
