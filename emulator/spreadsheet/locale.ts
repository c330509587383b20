/**
 * A spreadsheet's locale, as far as it changes what a typed value becomes and how a date shows:
 * the order of day, month and year, the date separator, and the decimal mark.
 *
 * A spreadsheet has its own locale (File ▸ Settings ▸ Locale; Spreadsheet.setSpreadsheetLocale),
 * "an ISO 639-1 language code such as en … or a combination of the ISO language code and country
 * code, such as en_US"; "not all locales/languages are supported" (Sheets API, SpreadsheetProperties
 * .locale: https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets#SpreadsheetProperties).
 * What a typed value becomes "depends on the spreadsheet's locale" (Sheets API, date and number
 * formats: https://developers.google.com/sheets/api/guides/formats). Sheets offers 72 locales,
 * Georgia among them (a list taken from File ▸ Settings, Stack Overflow question 73767719:
 * https://stackoverflow.com/questions/73767719).
 *
 * The orders, separators and decimal marks below are each locale's CLDR short date pattern and
 * number symbols (https://www.unicode.org/cldr/charts/latest/by_type/date_&_time.gregorian.html),
 * which Sheets' formats follow. A locale the table lacks fails loudly, as everything not emulated
 * does; add it here with its CLDR figures.
 */
import { gasError } from '../core';

export interface SheetLocale {
  /** In which order a typed numeric date names its fields. */
  order: 'mdy' | 'dmy' | 'ymd';
  /** The separator of the locale's short date (what Sheets shows). */
  separator: '/' | '.' | '-';
  /** The decimal mark of typed numbers. */
  decimal: '.' | ',';
}

const US: SheetLocale = { order: 'mdy', separator: '/', decimal: '.' };
const DOT_DMY_COMMA: SheetLocale = { order: 'dmy', separator: '.', decimal: ',' };
const SLASH_DMY_POINT: SheetLocale = { order: 'dmy', separator: '/', decimal: '.' };
const SLASH_DMY_COMMA: SheetLocale = { order: 'dmy', separator: '/', decimal: ',' };

const LOCALES: Record<string, SheetLocale> = {
  en_US: US,
  en_PH: US,
  en_GB: SLASH_DMY_POINT,
  en_IE: SLASH_DMY_POINT,
  en_AU: SLASH_DMY_POINT,
  en_IN: SLASH_DMY_POINT,
  en_CA: { order: 'ymd', separator: '-', decimal: '.' },
  ka_GE: DOT_DMY_COMMA,
  de_DE: DOT_DMY_COMMA,
  de_CH: { order: 'dmy', separator: '.', decimal: '.' },
  ru_RU: DOT_DMY_COMMA,
  uk_UA: DOT_DMY_COMMA,
  be_BY: DOT_DMY_COMMA,
  hy_AM: DOT_DMY_COMMA,
  az_AZ: DOT_DMY_COMMA,
  tr_TR: DOT_DMY_COMMA,
  pl_PL: DOT_DMY_COMMA,
  cs_CZ: DOT_DMY_COMMA,
  fi_FI: DOT_DMY_COMMA,
  nb_NO: DOT_DMY_COMMA,
  ro_RO: DOT_DMY_COMMA,
  bg_BG: DOT_DMY_COMMA,
  fr_FR: SLASH_DMY_COMMA,
  es_ES: SLASH_DMY_COMMA,
  it_IT: SLASH_DMY_COMMA,
  pt_BR: SLASH_DMY_COMMA,
  pt_PT: SLASH_DMY_COMMA,
  el_GR: SLASH_DMY_COMMA,
  nl_NL: { order: 'dmy', separator: '-', decimal: ',' },
  ja_JP: { order: 'ymd', separator: '/', decimal: '.' },
  zh_CN: { order: 'ymd', separator: '/', decimal: '.' },
  ko_KR: { order: 'ymd', separator: '.', decimal: '.' },
  hu_HU: { order: 'ymd', separator: '.', decimal: ',' },
  sv_SE: { order: 'ymd', separator: '-', decimal: ',' },
  lt_LT: { order: 'ymd', separator: '-', decimal: ',' },
};

/** A language code alone (`en`, `ka`) stands for its main country's locale. */
const LANGUAGE_DEFAULTS: Record<string, string> = {
  en: 'en_US',
  ka: 'ka_GE',
  de: 'de_DE',
  ru: 'ru_RU',
  uk: 'uk_UA',
  fr: 'fr_FR',
  es: 'es_ES',
  it: 'it_IT',
  tr: 'tr_TR',
  pl: 'pl_PL',
};

/** How a locale code reads and shows values; an unknown code fails loudly (the emulator's own message). */
export function sheetLocale(code: string): SheetLocale {
  const key = LANGUAGE_DEFAULTS[code] ?? code.replace('-', '_');
  const locale = LOCALES[key];
  if (!locale) throw gasError(`The emulator does not know the spreadsheet locale "${code}" (emulator/spreadsheet/locale.ts).`);
  return locale;
}

/** The locale's default display of a date, in Sheets' date codes (d, M, yyyy). */
export function dateFormatOf(locale: SheetLocale): string {
  const s = locale.separator;
  if (locale.order === 'mdy') return `M${s}d${s}yyyy`;
  if (locale.order === 'dmy') return `dd${s}MM${s}yyyy`;
  return `yyyy${s}MM${s}dd`;
}

/** The locale's default display of a date with a time. */
export function dateTimeFormatOf(locale: SheetLocale): string {
  return `${dateFormatOf(locale)} H:mm:ss`;
}
