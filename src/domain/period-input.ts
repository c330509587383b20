/**
 * The period a person types into the report prompts: '2026-Q1', '2026-03', '2026',
 * '2026-01-01..2026-03-31' or '01.01.2026..31.03.2026'. Pure: a Period, or a Georgian message
 * saying what to type instead.
 */
import { customPeriod, parseDateInput, periodOf, type Period } from './dates';
import { t } from './messages';

export type PeriodInput = { ok: true; period: Period } | { ok: false; error: string };

/** Shown in the prompt and repeated in every error, so the person sees what works. */
export const PERIOD_INPUT_HELP = t('period.help');

const QUARTER = /^(\d{4})\s*[-\s]?\s*[Qq]\s*([1-4])$|^[Qq]\s*([1-4])\s*[-\s]\s*(\d{4})$/;
const MONTH = /^(\d{4})-(\d{1,2})$|^(\d{1,2})[./](\d{4})$/;
const YEAR = /^(\d{4})$/;
/** '..', an en or em dash, or a hyphen with spaces around it (a bare hyphen is inside ISO dates). */
const RANGE_SEPARATOR = /\s*(?:\.\.|–|—|\s-\s)\s*/;

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

export function parsePeriodInput(text: unknown, now: Date): PeriodInput {
  const input = typeof text === 'string' ? text.trim() : '';
  if (input === '') return wrong(t('period.empty'));

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
