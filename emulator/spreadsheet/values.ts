/**
 * Cell contents as Google Sheets holds them: what a typed or script-written value becomes, how
 * A1 notation is read, and how a value is displayed.
 */
import { gasError } from '../core';
import { zonedParts, zonedToUtc } from '../dates';
import { type SheetLocale, dateFormatOf, dateTimeFormatOf, sheetLocale } from './locale';

/** A stored cell value: '' when empty. Dates are stored as this realm's Date and copied out. */
export type CellValue = string | number | boolean | Date;

export const CELL_CHAR_LIMIT = 50_000;

/** Scripts and people pass values from another vm realm: no `instanceof` here. */
export function isDate(x: unknown): x is Date {
  return Object.prototype.toString.call(x) === '[object Date]';
}

/** A value as stored after entry: a literal value, or a formula (whose value is computed). */
export interface Entry {
  value: CellValue;
  formula: string;
  /** The number format Sheets gives a cell when it recognises a typed date. */
  impliedFormat?: string;
}

/** Where a value is entered: the spreadsheet's own time zone and locale (model.ts). */
export interface Place {
  timeZone: string;
  locale: string;
}

/**
 * What Sheets stores for one value written by setValue(s), appendRow or typed by a person, as
 * the spreadsheet's locale reads it (locale.ts): '=…' is a formula; a leading apostrophe forces
 * the rest to literal text; other strings are parsed as numbers, booleans and dates, unless the
 * cell is plain text ('@').
 * https://support.google.com/docs/answer/3094285 (prefix an apostrophe to keep text as typed)
 *
 * A text that starts with '+' or '-' and is not a number is taken as a formula too, as in other
 * spreadsheets: "text fields starting with a + are interpreted as formulae" (pygsheets PR #373,
 * https://github.com/nithinmurali/pygsheets/pull/373, writing as the user would type; OWASP's
 * "CSV Injection" lists = + - @ as the characters that start one). So a typed phone number
 * "+995 599 12 34 56" becomes the formula "=+995 599 12 34 56", whose value is an error, and
 * "- slow service" an error too. A lone "+" or "-" stays text.
 */
export function enter(raw: unknown, numberFormat: string | undefined, place: Place, nowMs = Date.now()): Entry {
  if (raw === null || raw === undefined) return { value: '', formula: '' };
  if (isDate(raw)) return { value: new Date(raw.getTime()), formula: '' };
  if (typeof raw === 'number' || typeof raw === 'boolean') return { value: raw, formula: '' };
  const text = String(raw);
  if (text.length > CELL_CHAR_LIMIT) {
    // Google's message; seen verbatim in Apps Script and Sheets API errors.
    throw gasError(`Your input contains more than the maximum of ${CELL_CHAR_LIMIT} characters in a single cell.`);
  }
  if (numberFormat === '@') return { value: text, formula: '' };
  if (text.startsWith("'")) return { value: text.slice(1), formula: '' };
  if (text.startsWith('=') && text.length > 1) return { value: evaluateFormula(text), formula: text };
  const literal = parseLiteral(text, place, nowMs);
  if (typeof literal.value === 'string' && /^[+-]./.test(text)) return { value: evaluateFormula(`=${text}`), formula: `=${text}` };
  return literal;
}

/**
 * A response or other server-side write: no formulas ('=', '+', '-' texts stay text), but numbers
 * and dates still become numbers and dates.
 */
export function enterAsText(raw: unknown, place: Place, nowMs = Date.now()): Entry {
  if (typeof raw === 'string' && /^[=+-]/.test(raw)) {
    const literal = parseLiteral(raw, place, nowMs);
    return typeof literal.value === 'string' ? { value: raw, formula: '' } : literal;
  }
  return enter(raw, undefined, place, nowMs);
}

/**
 * en_US-style numbers: 1,234.5 (grouping commas), 12%, 1e3. A mantissa is required: "E-1" (a case
 * number) is text, as a number needs digits before its exponent.
 */
const NUMBER_POINT = /^[+-]?((\d{1,3}(,\d{3})+|\d+)(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/;
/**
 * Decimal-comma locales (ka_GE, de_DE, ru_RU …): 2,5 is two and a half. Grouping marks differ
 * between them (a point, a space) and are not read here: the emulator's own simplification.
 */
const NUMBER_COMMA = /^[+-]?(\d+(,\d+)?|,\d+)([eE][+-]?\d+)?$/;

function parseLiteral(text: string, place: Place, nowMs: number): Entry {
  const t = text.trim();
  const locale = sheetLocale(place.locale);
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true', formula: '' };
  const percent = t.endsWith('%');
  const body = percent ? t.slice(0, -1) : t;
  const number = locale.decimal === ',' ? NUMBER_COMMA : NUMBER_POINT;
  if (body !== '' && /\d/.test(body) && number.test(body)) {
    const n = Number(locale.decimal === ',' ? body.replace(',', '.') : body.replace(/,/g, ''));
    return { value: percent ? n / 100 : n, formula: '' };
  }
  const date = parseDate(t, place.timeZone, locale, nowMs);
  if (date) return { value: date.value, formula: '', impliedFormat: date.format };
  return { value: text, formula: '' };
}

const TIME = '(?: (\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?';

/**
 * A typed date, read in the spreadsheet's locale and time zone (a date cell is a serial number
 * of days in the spreadsheet's zone: https://developers.google.com/sheets/api/guides/formats,
 * "About date and time values"; a typed "7/17/2018" comes back from getValue() as midnight in
 * the spreadsheet's zone: https://pastebin.com/UKwQEiAd).
 * - ISO (2026-01-05 [09:30[:15]]) in every locale.
 * - Month first (en_US): 1/5/2026 [9:30[:15]] is 5 January, and 05.01.2026 is no date at all —
 *   it stays text, which a date rule then refuses. A month/day without a year (1/5, 3/4) is a
 *   date of the current year too: Sheets turns free text such as "1/2" into a date, so a comment
 *   or room number read back is a Date, not the text typed (users' reports, e.g.
 *   https://www.msofficeforums.com/132812-post2.html: "Google Sheets automatically treats any
 *   date exactly the way I entered it: 9/1, 09/01, 9/1/18, 9/1/2018").
 * - Day first (ka_GE, en_GB, de_DE, ru_RU …): 05.01.2026 and 05/01/2026 [09:30[:15]] are 5
 *   January. That both separators are read in every day-first locale is the emulator's own
 *   assumption (each locale's own separator certainly is, CLDR).
 * - Year first (ja_JP, hu_HU …): 2026/01/05, 2026.01.05.
 * Two-digit years are not read (the emulator's own simplification).
 */
function parseDate(t: string, timeZone: string, locale: SheetLocale, nowMs: number): { value: Date; format: string } | null {
  const iso = new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})${TIME}$`).exec(t);
  let parts: number[] | null = null;
  let hasTime = false;
  if (iso) {
    parts = [+iso[1], +iso[2], +iso[3], +(iso[4] ?? 0), +(iso[5] ?? 0), +(iso[6] ?? 0)];
    hasTime = iso[4] !== undefined;
  } else if (locale.order === 'mdy') {
    const us = new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4})${TIME}$`).exec(t);
    const monthDay = /^(\d{1,2})\/(\d{1,2})$/.exec(t);
    if (us) {
      parts = [+us[3], +us[1], +us[2], +(us[4] ?? 0), +(us[5] ?? 0), +(us[6] ?? 0)];
      hasTime = us[4] !== undefined;
    } else if (monthDay) {
      parts = [zonedParts(nowMs, timeZone).year, +monthDay[1], +monthDay[2], 0, 0, 0];
    }
  } else if (locale.order === 'dmy') {
    const dmy = new RegExp(`^(\\d{1,2})([./${locale.separator}])(\\d{1,2})\\2(\\d{4})${TIME}$`).exec(t);
    if (dmy) {
      parts = [+dmy[4], +dmy[3], +dmy[1], +(dmy[5] ?? 0), +(dmy[6] ?? 0), +(dmy[7] ?? 0)];
      hasTime = dmy[5] !== undefined;
    }
  } else {
    const ymd = new RegExp(`^(\\d{4})([./])(\\d{1,2})\\2(\\d{1,2})${TIME}$`).exec(t);
    if (ymd) {
      parts = [+ymd[1], +ymd[3], +ymd[4], +(ymd[5] ?? 0), +(ymd[6] ?? 0), +(ymd[7] ?? 0)];
      hasTime = ymd[5] !== undefined;
    }
  }
  if (!parts) return null;
  const [y, mo, d, h, mi, s] = parts;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return null;
  return {
    value: new Date(zonedToUtc({ year: y, month: mo, day: d, hour: h, minute: mi, second: s }, timeZone)),
    format: hasTime ? dateTimeFormatOf(locale) : dateFormatOf(locale),
  };
}

/**
 * The fake computes no spreadsheet functions. Literal arithmetic (=1+2*3) is evaluated; any other
 * formula's value is '#ERROR!', so code that depends on formula results shows up in tests.
 */
function evaluateFormula(formula: string): CellValue {
  const body = formula.slice(1);
  if (!/^[\d\s.+\-*/()]+$/.test(body)) return '#ERROR!';
  try {
    const result: unknown = Function(`"use strict"; return (${body});`)();
    return typeof result === 'number' && Number.isFinite(result) ? result : '#DIV/0!';
  } catch {
    return '#ERROR!';
  }
}

// ---------------------------------------------------------------------------------------------
// Time zones

/** Wall-clock fields [y, mo, d, h, mi, s] of an instant in a zone (dates.ts does the zone math). */
function zoneParts(ms: number, timeZone: string): number[] {
  const p = zonedParts(ms, timeZone);
  return [p.year, p.month, p.day, p.hour, p.minute, p.second];
}

function zoneOffset(ms: number, timeZone: string): number {
  return zonedParts(ms, timeZone).offsetMinutes * 60_000;
}

/** Days since 1899-12-30 in the sheet's zone: the number Sheets stores for a date. */
export function serialNumber(date: Date, timeZone: string): number {
  const ms = date.getTime();
  return (ms + zoneOffset(ms, timeZone) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

// ---------------------------------------------------------------------------------------------
// Display

/** Google's default display of a date-time cell in the en_US locale. */
export const DEFAULT_DATE_TIME_FORMAT = 'M/d/yyyy H:mm:ss';

/**
 * What getDisplayValue(s) shows for a value under a number format (a common subset), in the
 * spreadsheet's zone and locale: "the actual rendering of the format depends on the spreadsheet's
 * locale" (https://developers.google.com/sheets/api/guides/formats). A date without a date format
 * shows in the locale's default (1/5/2026 9:30:00 in en_US, 05.01.2026 9:30:00 in ka_GE); a
 * decimal-comma locale shows 2,5, its grouping as a no-break space (CLDR's for ka_GE and ru_RU;
 * applied to every decimal-comma locale, the emulator's own simplification).
 */
export function display(value: CellValue, numberFormat: string | undefined, place: Place): string {
  const locale = sheetLocale(place.locale);
  if (isDate(value)) {
    const format = numberFormat && isDateFormat(numberFormat) ? numberFormat : dateTimeFormatOf(locale);
    return formatDate(value, format, place.timeZone);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    const text =
      numberFormat && numberFormat !== '@' && /[0#]/.test(numberFormat)
        ? formatNumber(value, numberFormat)
        : Number.isInteger(value)
          ? String(value)
          : String(Number(value.toPrecision(10)));
    return locale.decimal === ',' ? text.replace(/[.,]/g, (mark) => (mark === '.' ? ',' : '\u00a0')) : text;
  }
  return value;
}

function isDateFormat(format: string): boolean {
  return /[ydhs]/i.test(format.replace(/"[^"]*"/g, '')) || /^[^0#]*m/i.test(format);
}

function formatNumber(value: number, format: string): string {
  const percent = format.includes('%');
  const decimals = /\.([0#]+)/.exec(format)?.[1].length ?? 0;
  const n = percent ? value * 100 : value;
  let text = n.toFixed(decimals);
  if (format.includes(',')) {
    const [int, frac] = text.split('.');
    text = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
  }
  return percent ? `${text}%` : text;
}

/** Sheets date codes: y, m (month, or minutes next to h/s), d, h, s; other text is literal. */
export function formatDate(date: Date, format: string, timeZone: string): string {
  const [y, mo, d, h, mi, s] = zoneParts(date.getTime(), timeZone);
  const tokens = format.match(/y+|m+|d+|h+|s+|[^ymdhs]+/gi) ?? [];
  const kinds = tokens.map((t) => t[0].toLowerCase());
  return tokens
    .map((token, i) => {
      const n = token.length;
      const pad = (v: number) => (n >= 2 ? String(v).padStart(2, '0') : String(v));
      switch (kinds[i]) {
        case 'y':
          return n <= 2 ? String(y).slice(-2) : String(y);
        case 'd':
          return pad(d);
        case 'h':
          return pad(h);
        case 's':
          return pad(s);
        case 'm': {
          const prev = kinds
            .slice(0, i)
            .reverse()
            .find((k) => 'ymdhs'.includes(k));
          const next = kinds.slice(i + 1).find((k) => 'ymdhs'.includes(k));
          return prev === 'h' || next === 's' ? pad(mi) : pad(mo);
        }
        default:
          return token;
      }
    })
    .join('');
}

// ---------------------------------------------------------------------------------------------
// A1 notation

/**
 * getRange in R1C1 notation: "R5C3" is C5, "R2C2:R4C5" is B2:E4 (gas-fakes
 * test/testsheets.js:219–232, run on live Apps Script). Returns the A1 equivalent, or null when
 * the text is not R1C1.
 */
export function r1c1ToA1(notation: string): string | null {
  const m = /^R(\d+)C(\d+)(?::R(\d+)C(\d+))?$/i.exec(notation.trim());
  if (!m) return null;
  const start = `${columnLetters(Number(m[2]))}${m[1]}`;
  return m[3] === undefined ? start : `${start}:${columnLetters(Number(m[4]))}${m[3]}`;
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function columnNumber(letters: string): number {
  return letters
    .toUpperCase()
    .split('')
    .reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

export function a1(row: number, column: number, numRows = 1, numColumns = 1): string {
  const start = `${columnLetters(column)}${row}`;
  return numRows === 1 && numColumns === 1 ? start : `${start}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
}

export interface A1Ref {
  sheetName: string | null;
  row: number;
  column: number;
  /** null = to the last row / column of the sheet (A:A, 2:2, A2:C). */
  lastRow: number | null;
  lastColumn: number | null;
  /** Whole rows ("5:7") or whole columns ("D:F"): Google keeps that notation (getA1Notation). */
  span: 'rows' | 'columns' | null;
}

/** Parses "A1", "R1C1" (notation.ts), "B2:C9", "A:C", "2:4", "A2:C", "Sheet!A1", "'My tab'!A1:B2"; else 'Range not found'. */
export function parseA1(notation: string): A1Ref {
  const bang = notation.lastIndexOf('!');
  const r1c1 = r1c1ToA1(notation.slice(bang + 1));
  if (r1c1 !== null) notation = `${notation.slice(0, bang + 1)}${r1c1}`;
  const m = /^(?:(?:'((?:[^']|'')+)'|([^!']+))!)?\$?([A-Za-z]*)\$?(\d*)(?::\$?([A-Za-z]*)\$?(\d*))?$/.exec(notation.trim());
  if (!m) throw gasError('Range not found');
  const sheetName = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null);
  const [c1, r1, c2, r2] = [m[3], m[4], m[5], m[6]];
  const isRange = c2 !== undefined;
  const valid = isRange
    ? (c1 !== '') === (c2 !== '') && (c1 !== '' || (r1 !== '' && r2 !== '')) && (r1 !== '' || r2 === '' || c1 !== '')
    : c1 !== '' && r1 !== '';
  if (!valid || r1 === '0' || r2 === '0') throw gasError('Range not found');
  const colA = c1 ? columnNumber(c1) : 1;
  const colB = isRange ? (c2 ? columnNumber(c2) : null) : colA;
  const rowA = r1 ? Number(r1) : 1;
  const rowB = isRange ? (r2 ? Number(r2) : null) : rowA;
  return {
    sheetName,
    row: rowB === null ? rowA : Math.min(rowA, rowB),
    column: colB === null ? colA : Math.min(colA, colB),
    lastRow: rowB === null ? null : Math.max(rowA, rowB),
    lastColumn: colB === null ? null : Math.max(colA, colB),
    span: isRange && c1 === '' ? 'rows' : isRange && r1 === '' && r2 === '' ? 'columns' : null,
  };
}
