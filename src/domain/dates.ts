/**
 * Dates as staff type them and as reports name them, in municipal time. Asia/Tbilisi is UTC+4 all
 * year (no daylight saving since 2005), so a fixed offset is exact and no Intl is needed.
 */

/** Offsets (minutes east of UTC) of the time zones the product runs in. */
const FIXED_OFFSETS: Record<string, number> = {
  'Asia/Tbilisi': 240,
  UTC: 0,
  'Etc/UTC': 0,
  GMT: 0,
};

function offsetMinutes(timeZone: string): number {
  const offset = FIXED_OFFSETS[timeZone];
  if (offset === undefined) throw new Error(`Unsupported time zone: ${timeZone}`);
  return offset;
}

/** A Date of any realm (values from Sheets come from the Apps Script vm). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Wall-clock fields of an instant in a time zone. */
interface LocalFields {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
}

function localFields(date: Date, timeZone: string): LocalFields {
  const shifted = new Date(date.getTime() + offsetMinutes(timeZone) * 60000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/** The instant of a wall-clock time in a time zone; null when the fields name no real time (31.02). */
function fromLocal(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number, timeZone: string): Date | null {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return new Date(utc - offsetMinutes(timeZone) * 60000);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DAY_FIRST = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/;

/**
 * A date from a cell or a scenario: a Date, ISO 8601 ('2026-01-05', '2026-01-05T09:00:00+04:00'),
 * or the Georgian day-first forms 'DD.MM.YYYY' and 'DD/MM/YYYY' (optionally with ' HH:mm').
 * Times without an offset are wall-clock times in `timeZone`. Anything else is null.
 */
export function parseDateInput(value: unknown, timeZone = 'Asia/Tbilisi'): Date | null {
  if (isDate(value)) {
    const time = value.getTime();
    return Number.isNaN(time) ? null : new Date(time);
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = iso;
    const ms = Number(frac.padEnd(3, '0'));
    const local = fromLocal(+y, +mo, +d, +h, +mi, +s, ms, zone === undefined ? timeZone : 'UTC');
    if (!local || zone === undefined || zone === 'Z') return local;
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const zoneMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
    return new Date(local.getTime() - zoneMinutes * 60000);
  }
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    const [, d, mo, y, h = '0', mi = '0'] = dayFirst;
    return fromLocal(+y, +mo, +d, +h, +mi, 0, 0, timeZone);
  }
  return null;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** 'DD.MM.YYYY', the date as Georgians write it, in municipal time. */
export function formatDateKa(date: Date, timeZone = 'Asia/Tbilisi'): string {
  const f = localFields(date, timeZone);
  return `${pad2(f.day)}.${pad2(f.month)}.${f.year}`;
}

/** 'DD.MM.YYYY HH:mm' in municipal time. */
export function formatDateTimeKa(date: Date, timeZone = 'Asia/Tbilisi'): string {
  const f = localFields(date, timeZone);
  return `${formatDateKa(date, timeZone)} ${pad2(f.hour)}:${pad2(f.minute)}`;
}

export const MONTHS_KA = [
  'იანვარი',
  'თებერვალი',
  'მარტი',
  'აპრილი',
  'მაისი',
  'ივნისი',
  'ივლისი',
  'აგვისტო',
  'სექტემბერი',
  'ოქტომბერი',
  'ნოემბერი',
  'დეკემბერი',
] as const;
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
const QUARTERS_ROMAN = ['I', 'II', 'III', 'IV'] as const;

const DAY_MS = 24 * 3600 * 1000;

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

/** A reporting period in municipal time: `from` inclusive, `to` exclusive (the next period's start). */
export interface Period {
  kind: PeriodKind;
  from: Date;
  to: Date;
  label: string;
  labelEn: string;
}

/** The calendar month, quarter or year (Tbilisi time) that contains `date`. */
export function periodOf(kind: 'month' | 'quarter' | 'year', date: Date): Period {
  const { year, month } = localFields(date, 'Asia/Tbilisi');
  const startOf = (y: number, m: number): Date => fromLocal(y + Math.floor((m - 1) / 12), ((m - 1) % 12) + 1, 1, 0, 0, 0, 0, 'Asia/Tbilisi') as Date;
  if (kind === 'month') {
    return {
      kind,
      from: startOf(year, month),
      to: startOf(year, month + 1),
      label: `${year} წლის ${MONTHS_KA[month - 1]}`,
      labelEn: `${MONTHS_EN[month - 1]} ${year}`,
    };
  }
  if (kind === 'quarter') {
    const quarter = Math.floor((month - 1) / 3);
    return {
      kind,
      from: startOf(year, quarter * 3 + 1),
      to: startOf(year, quarter * 3 + 4),
      label: `${year} წლის ${QUARTERS_ROMAN[quarter]} კვარტალი`,
      labelEn: `Q${quarter + 1} ${year}`,
    };
  }
  return { kind, from: startOf(year, 1), to: startOf(year + 1, 1), label: `${year} წელი`, labelEn: String(year) };
}

/** A period of whole days, both ends inclusive (the scenario's and the report dialog's from/to). */
export function customPeriod(firstDay: Date, lastDay: Date): Period {
  const first = localFields(firstDay, 'Asia/Tbilisi');
  const last = localFields(lastDay, 'Asia/Tbilisi');
  const from = fromLocal(first.year, first.month, first.day, 0, 0, 0, 0, 'Asia/Tbilisi') as Date;
  const to = new Date((fromLocal(last.year, last.month, last.day, 0, 0, 0, 0, 'Asia/Tbilisi') as Date).getTime() + DAY_MS);
  // Dates that span exactly a calendar year, quarter or month are that period: its name, and
  // its trend against the previous one of the same kind.
  for (const kind of ['year', 'quarter', 'month'] as const) {
    const calendar = periodOf(kind, from);
    if (calendar.from.getTime() === from.getTime() && calendar.to.getTime() === to.getTime()) return calendar;
  }
  return customBetween(from, to);
}

function customBetween(from: Date, to: Date): Period {
  const label = `${formatDateKa(from)}–${formatDateKa(new Date(to.getTime() - 1))}`;
  return { kind: 'custom', from, to, label, labelEn: label };
}

/** The period just before: the previous month/quarter/year, or for a custom period the same number of days before it. */
export function previousPeriod(period: Period): Period {
  if (period.kind === 'custom') {
    const length = period.to.getTime() - period.from.getTime();
    return customBetween(new Date(period.from.getTime() - length), period.from);
  }
  return periodOf(period.kind, new Date(period.from.getTime() - 1));
}

/**
 * The same wall-clock time a year earlier. 29 February has no twin in a non-leap year: a period's
 * first day falls back to 28 February and its (exclusive) end moves on to 1 March, so the shifted
 * period still covers the same dates.
 */
function minusOneYear(date: Date, leapDay: 'start' | 'end'): Date {
  const f = localFields(date, 'Asia/Tbilisi');
  const shifted = fromLocal(f.year - 1, f.month, f.day, f.hour, f.minute, 0, 0, 'Asia/Tbilisi');
  if (shifted) return shifted;
  return (
    leapDay === 'start'
      ? fromLocal(f.year - 1, 2, 28, f.hour, f.minute, 0, 0, 'Asia/Tbilisi')
      : fromLocal(f.year - 1, 3, 1, f.hour, f.minute, 0, 0, 'Asia/Tbilisi')
  ) as Date;
}

/** The same period one year earlier, for year-on-year comparison. */
export function samePeriodLastYear(period: Period): Period {
  if (period.kind === 'custom') return customBetween(minusOneYear(period.from, 'start'), minusOneYear(period.to, 'end'));
  return periodOf(period.kind, minusOneYear(period.from, 'start'));
}

/** Whether an instant lies in a period. */
export function inPeriod(date: Date, period: Period): boolean {
  const time = date.getTime();
  return time >= period.from.getTime() && time < period.to.getTime();
}

/** 'YYYY-MM-DD' of the day an instant falls on in municipal time. */
function isoDay(date: Date, timeZone = 'Asia/Tbilisi'): string {
  const f = localFields(date, timeZone);
  return `${f.year}-${pad2(f.month)}-${pad2(f.day)}`;
}

/**
 * A stable key of a period for script properties, its first and last day in municipal time: the
 * same days map to the same Doc however the period was typed.
 */
export function periodKey(period: Pick<Period, 'from' | 'to'>): string {
  return `${isoDay(period.from)}..${isoDay(new Date(period.to.getTime() - 1))}`;
}
