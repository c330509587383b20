/**
 * The period a person types into the report prompts: as the reports name it ('2026 წლის I
 * კვარტალი', '2026 წლის მარტი', '2026 წელი'), the other way round ('I კვარტალი 2026', 'მარტი
 * 2026', 'მარტის 2026'), or in numbers ('2026-Q1', '2026-03', '2026', '2026-01-01..2026-03-31',
 * '01.01.2026..31.03.2026'). Mtavruli capitals and extra spaces are read as typed. Pure: a Period,
 * or a Georgian message saying what to type instead.
 */
import { customPeriod, MONTHS_KA, parseDateInput, periodOf, type Period } from './dates';
import { t } from './messages';

export type PeriodInput = { ok: true; period: Period } | { ok: false; error: string };

/** Shown in the prompt and repeated in every error, so the person sees what works. */
export const PERIOD_INPUT_HELP = t('period.help');

const QUARTER = /^(\d{4})\s*[-\s]?\s*[Qq]\s*([1-4])$|^[Qq]\s*([1-4])\s*[-\s]\s*(\d{4})$/;
const MONTH = /^(\d{4})-(\d{1,2})$|^(\d{1,2})[./](\d{4})$/;
const YEAR = /^(\d{4})$/;
/** '..', an en or em dash, or a hyphen with spaces around it (a bare hyphen is inside ISO dates). */
const RANGE_SEPARATOR = /\s*(?:\.\.|–|—|\s-\s)\s*/;

/** "2026 წლის", "2026 წ." before the period's name, or "2026", "2026 წ.", "2026 წელი" after it. */
const YEAR_BEFORE = String.raw`(\d{4})\s*(?:წლის|წ\.?)\s*`;
const YEAR_AFTER = String.raw`(\d{4})(?:\s*(?:წლის|წელი|წ\.?))?`;
const ROMAN = String.raw`(IV|I{1,3}|[1-4])`;
/** "კვარტალი", its genitive, or "კვ."; after an ordinal ending as in "1-ლი", "II-ე". */
const QUARTER_WORD = String.raw`(?:-?(?:ლი|ე))?\s*(?:კვარტალი|კვარტლის|კვ\.?)`;
const GEORGIAN_QUARTER = new RegExp(`^(?:${YEAR_BEFORE}${ROMAN}\\s*${QUARTER_WORD}|${ROMAN}\\s*${QUARTER_WORD}\\s*${YEAR_AFTER})$`, 'i');
/** The months' genitives ("2026 წლის მარტის ანგარიში"), in calendar order. */
const MONTHS_GENITIVE = [
  'იანვრის',
  'თებერვლის',
  'მარტის',
  'აპრილის',
  'მაისის',
  'ივნისის',
  'ივლისის',
  'აგვისტოს',
  'სექტემბრის',
  'ოქტომბრის',
  'ნოემბრის',
  'დეკემბრის',
];
const MONTH_NAME = `(${[...MONTHS_KA, ...MONTHS_GENITIVE].join('|')})`;
const GEORGIAN_MONTH = new RegExp(`^(?:${YEAR_BEFORE}${MONTH_NAME}|${MONTH_NAME}\\s*${YEAR_AFTER})$`);
const GEORGIAN_YEAR = /^(\d{4})\s*(?:წელი|წ\.?)$/;
const ROMAN_VALUES: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
const MTAVRULI_FIRST = 0x1c90;
const MTAVRULI_LAST = 0x1cbf;
const MKHEDRULI_FIRST = 0x10d0;

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

function wrong(reason: string): PeriodInput {
  return { ok: false, error: `${reason} ${PERIOD_INPUT_HELP}` };
}

/** A local Tbilisi midnight of the given calendar date, as an instant. */
function firstOfMonth(year: number, month: number): Date | null {
  return parseDateInput(`${year}-${month < 10 ? '0' : ''}${month}-01`);
}

function checked(period: Period, now: Date): PeriodInput {
  if (period.from.getTime() > now.getTime()) return wrong(t('period.not_started', { period: period.label }));
  return { ok: true, period };
}

function yearInRange(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** Mtavruli capitals as Mkhedruli, one space between words. */
function normalized(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    out += code >= MTAVRULI_FIRST && code <= MTAVRULI_LAST ? String.fromCodePoint(code - MTAVRULI_FIRST + MKHEDRULI_FIRST) : char;
  }
  return out.replace(/\s+/g, ' ').trim();
}

function quarterNumber(text: string): number {
  return ROMAN_VALUES[text.toUpperCase()] ?? Number(text);
}

function monthNumber(text: string): number {
  const nominative = (MONTHS_KA as readonly string[]).indexOf(text);
  return (nominative >= 0 ? nominative : MONTHS_GENITIVE.indexOf(text)) + 1;
}

/** A period typed in words, as the reports name it or the other way round; null when not one. */
function georgianPeriod(input: string, now: Date): PeriodInput | null {
  const quarter = GEORGIAN_QUARTER.exec(input);
  if (quarter) {
    const year = Number(quarter[1] ?? quarter[4]);
    const q = quarterNumber(quarter[2] ?? quarter[3]);
    if (!yearInRange(year)) return wrong(t('period.bad_year', { year }));
    return checked(periodOf('quarter', firstOfMonth(year, (q - 1) * 3 + 1) as Date), now);
  }
  const month = GEORGIAN_MONTH.exec(input);
  if (month) {
    const year = Number(month[1] ?? month[4]);
    const m = monthNumber(month[2] ?? month[3]);
    if (!yearInRange(year)) return wrong(t('period.bad_year', { year }));
    return checked(periodOf('month', firstOfMonth(year, m) as Date), now);
  }
  const year = GEORGIAN_YEAR.exec(input);
  if (year) {
    const y = Number(year[1]);
    if (!yearInRange(y)) return wrong(t('period.bad_year', { year: y }));
    return checked(periodOf('year', firstOfMonth(y, 1) as Date), now);
  }
  return null;
}

export function parsePeriodInput(text: unknown, now: Date): PeriodInput {
  const input = typeof text === 'string' ? normalized(text) : '';
  if (input === '') return wrong(t('period.empty'));

  const named = georgianPeriod(input, now);
  if (named) return named;

  const quarter = QUARTER.exec(input);
  if (quarter) {
    const year = Number(quarter[1] ?? quarter[4]);
    const q = Number(quarter[2] ?? quarter[3]);
    if (!yearInRange(year)) return wrong(t('period.bad_year', { year }));
    return checked(periodOf('quarter', firstOfMonth(year, (q - 1) * 3 + 1) as Date), now);
  }

  const month = MONTH.exec(input);
  if (month) {
    const year = Number(month[1] ?? month[4]);
    const m = Number(month[2] ?? month[3]);
    if (!yearInRange(year)) return wrong(t('period.bad_year', { year }));
    if (m < 1 || m > 12) return wrong(t('period.bad_month', { month: m }));
    return checked(periodOf('month', firstOfMonth(year, m) as Date), now);
  }

  const year = YEAR.exec(input);
  if (year) {
    const y = Number(year[1]);
    if (!yearInRange(y)) return wrong(t('period.bad_year', { year: y }));
    return checked(periodOf('year', firstOfMonth(y, 1) as Date), now);
  }

  const ends = input.split(RANGE_SEPARATOR);
  if (ends.length === 2) {
    const first = parseDateInput(ends[0]);
    const last = parseDateInput(ends[1]);
    if (!first) return wrong(t('period.bad_date', { value: ends[0] }));
    if (!last) return wrong(t('period.bad_date', { value: ends[1] }));
    if (first.getTime() > last.getTime()) return wrong(t('period.reversed'));
    return checked(customPeriod(first, last), now);
  }

  return wrong(t('period.unreadable', { value: input.length > 40 ? `${input.slice(0, 40)}…` : input }));
}
