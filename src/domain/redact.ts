/**
 * Hides personal data in free texts before they are quoted in a report: email addresses, Georgian
 * phone numbers, 11-digit personal numbers and the names of known applicants. The forms tell
 * respondents not to write such data; people write it anyway.
 */
import { foldCase, stripInvisible } from './sanitize';

export const REDACTED = '[დამალულია]';

interface Span {
  start: number;
  end: number;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+/g;

/**
 * Digits joined by what people put between digit groups: spaces, dashes, brackets. Dots are not
 * joiners, so dates (05.01.2026) stay whole and are never mistaken for numbers.
 */
const DIGIT_RUN = /\+?\(?\d(?:[ \u00A0\-()]{0,3}\d)*/g;

/**
 * Digit strings that are a phone or a personal number. Georgian numbers have 9 digits after the
 * country code 995: mobiles 5XX XXX XXX, landlines 32 2XX XX XX (Tbilisi) and 4XX XX XX XX
 * (regions), the last two also written with the trunk 0: (032) 2XX XX XX, 0439 22 12 34.
 */
const PERSONAL_DIGITS = [
  /^(?:00)?995\d{9}$/, // +995 …, 00995 …, 995 …
  /^5\d{8}$/, // mobile
  /^0\d{9}$/, // trunk 0 + 9 digits
  /^[34]\d{8}$/, // landline without trunk
  /^\d{11}$/, // personal number
];

function isPersonalDigits(digits: string): boolean {
  return PERSONAL_DIGITS.some((pattern) => pattern.test(digits));
}

/**
 * A number written with dots between its groups (599.12.34.56), taken whole: a date has at most 8
 * digits and so is never a phone or personal number, and two dates are never joined into one.
 */
const DOTTED_RUN = /(?<!\d)(?<!\d\.)\+?\d+(?:\.\d+)+(?!\.?\d)/g;

function dottedSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const run of text.matchAll(DOTTED_RUN)) {
    if (isPersonalDigits(run[0].replace(/\D/g, ''))) spans.push({ start: run.index ?? 0, end: (run.index ?? 0) + run[0].length });
  }
  return spans;
}

function numberSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const run of text.matchAll(DIGIT_RUN)) {
    const runStart = run.index ?? 0;
    const groups = [...run[0].matchAll(/\d+/g)].map((g) => ({
      digits: g[0],
      start: runStart + (g.index ?? 0),
      end: runStart + (g.index ?? 0) + g[0].length,
    }));
    if (isPersonalDigits(groups.map((g) => g.digits).join(''))) {
      spans.push({ start: runStart, end: runStart + run[0].length });
      continue;
    }
    // Two numbers written one after the other: take the shortest leading groups that form one.
    let first = 0;
    while (first < groups.length) {
      let digits = '';
      let last = first;
      for (; last < groups.length; last++) {
        digits += groups[last].digits;
        if (isPersonalDigits(digits)) break;
      }
      if (last < groups.length) {
        spans.push({ start: groups[first].start, end: groups[last].end });
        first = last + 1;
      } else {
        first++;
      }
    }
  }
  return spans;
}

const GEORGIAN_LETTERS = '\\u10D0-\\u10FF';
const WORD_CHAR = `[0-9a-z${GEORGIAN_LETTERS}]`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A name part with the endings Georgian adds: ბერიძე → ბერიძეს, ბერიძემ; and, where the final
 * vowel drops before a case ending, ბერიძის, ბერიძით, ბერიშვილმა, ბერიშვილს, ბერიშვილთან. The
 * shortened form needs a real case ending after it, so 'გიორგი' does not hide 'გიორგობა'.
 */
function namePartPattern(part: string): string {
  const letters = `[a-z${GEORGIAN_LETTERS}]`;
  const whole = `${escapeRegExp(part)}${letters}{0,8}`;
  if (part.length < 5 || !/[აეიოუ]$/.test(part)) return whole;
  return `(?:${whole}|${escapeRegExp(part.slice(0, -1))}(?:ის|ით|ად|მა|ებ|ს|თან|ზე|ში)${letters}{0,6})`;
}

function wordPattern(body: string): RegExp {
  return new RegExp(`(?<!${WORD_CHAR})${body}(?!${WORD_CHAR})`, 'g');
}

/**
 * Patterns for one known name: the full name in its order and with the last part first
 * ('გიორგი ბერიძე', 'ბერიძე გიორგი'), any spacing between the parts; and each part of four letters
 * or more on its own (each half of a double surname too), since a surname alone identifies a
 * person in a small town.
 */
function namePatterns(name: string): RegExp[] {
  const parts = foldCase(stripInvisible(name))
    .split(/\s+/)
    .filter((p) => p !== '');
  if (parts.length === 0) return [];
  const patterns: RegExp[] = [];
  const orders = parts.length > 1 ? [parts, [parts[parts.length - 1], ...parts.slice(0, -1)]] : [parts];
  for (const order of orders) patterns.push(wordPattern(order.map(namePartPattern).join('\\s+')));
  // A double surname (დოლიძე-კაპანაძე) identifies by either half as well.
  const alone = parts.flatMap((part) => (part.includes('-') ? [part, ...part.split('-')] : [part]));
  for (const part of alone) if (part.length >= 4) patterns.push(wordPattern(namePartPattern(part)));
  return patterns;
}

function personalSpans(text: string, knownNames: readonly string[]): Span[] {
  const folded = foldCase(text);
  const spans: Span[] = [];
  const collect = (pattern: RegExp): void => {
    for (const m of folded.matchAll(pattern)) spans.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  };
  collect(EMAIL);
  spans.push(...numberSpans(text), ...dottedSpans(text));
  for (const name of knownNames) namePatterns(name).forEach(collect);
  return spans;
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** The text with every email, phone, personal number and known name replaced by [დამალულია]. */
export function redactPersonalData(text: string, knownNames: readonly string[]): string {
  // Folding keeps lengths, so spans found in the folded text index the original.
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
