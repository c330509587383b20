/**
 * Dates in a time zone: the wall-clock parts of an instant in an IANA zone or a fixed offset, the
 * instant of a local wall-clock time, and formatting in Java's SimpleDateFormat dialect, as
 * Utilities.formatDate, the spreadsheet's date cells and the clock triggers need them.
 * https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
 */
import { gasError } from './core';

// ---------------------------------------------------------------------------------------------
// Time zones
// ---------------------------------------------------------------------------------------------

export interface ZonedParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** minutes east of UTC */
  offsetMinutes: number;
}

type Zone = { iana: string } | { fixedOffsetMinutes: number };

const WEEKDAY_INDEX: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatterCache = new Map<string, Intl.DateTimeFormat>();

/**
 * Java's TimeZone.getTimeZone, which Apps Script uses: IANA ids and "GMT+4"/"GMT+04:00" ids are
 * understood; anything else silently becomes GMT (no error), a classic source of wrong dates.
 * https://docs.oracle.com/javase/8/docs/api/java/util/TimeZone.html#getTimeZone-java.lang.String-
 */
function resolveZone(timeZone: string): Zone {
  const custom = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(timeZone);
  if (custom) {
    const minutes = Number(custom[2]) * 60 + Number(custom[3] ?? 0);
    return { fixedOffsetMinutes: custom[1] === '-' ? -minutes : minutes };
  }
  try {
    zoneFormatter(timeZone);
    return { iana: timeZone };
  } catch {
    return { fixedOffsetMinutes: 0 };
  }
}

function zoneFormatter(iana: string): Intl.DateTimeFormat {
  let f = formatterCache.get(iana);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: iana,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatterCache.set(iana, f);
  }
  return f;
}

/** The wall-clock fields of instant `ms` in `timeZone`. */
export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const zone = resolveZone(timeZone);
  const millisecond = ((ms % 1000) + 1000) % 1000;
  if ('fixedOffsetMinutes' in zone) {
    const d = new Date(ms + zone.fixedOffsetMinutes * 60_000);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond,
      weekday: d.getUTCDay(),
      offsetMinutes: zone.fixedOffsetMinutes,
    };
  }
  const fields: Record<string, string> = {};
  for (const part of zoneFormatter(zone.iana).formatToParts(new Date(ms))) fields[part.type] = part.value;
  const year = Number(fields.year);
  const month = Number(fields.month);
  const day = Number(fields.day);
  const hour = Number(fields.hour);
  const minute = Number(fields.minute);
  const second = Number(fields.second);
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    millisecond,
    weekday: WEEKDAY_INDEX[fields.weekday],
    offsetMinutes: Math.round((wallAsUtc - (ms - millisecond)) / 60_000),
  };
}

/** The instant at which the wall clock of `timeZone` shows the given local time. */
export function zonedToUtc(local: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number }, timeZone: string): number {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 0, local.minute ?? 0, local.second ?? 0);
  let guess = wall - zonedParts(wall, timeZone).offsetMinutes * 60_000;
  // A second pass settles instants next to an offset change (DST zones).
  guess = wall - zonedParts(guess, timeZone).offsetMinutes * 60_000;
  return guess;
}

// ---------------------------------------------------------------------------------------------
// SimpleDateFormat
// ---------------------------------------------------------------------------------------------

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

function formatOffset(minutes: number, style: 'Z' | 'X' | 'XX' | 'XXX'): string {
  if (minutes === 0 && style !== 'Z') return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const hh = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const mm = pad(Math.abs(minutes) % 60, 2);
  if (style === 'X') return `${sign}${hh}`;
  if (style === 'XXX') return `${sign}${hh}:${mm}`;
  return `${sign}${hh}${mm}`;
}

/**
 * Formats like java.text.SimpleDateFormat with English names, which is what
 * Utilities.formatDate does.
 * https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
 * https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html
 */
export function formatSimpleDate(ms: number, timeZone: string, pattern: string): string {
  const p = zonedParts(ms, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      // '' is a literal quote, inside or outside quoted text.
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      i++;
      while (i < pattern.length) {
        if (pattern[i] === "'" && pattern[i + 1] === "'") {
          out += "'";
          i += 2;
        } else if (pattern[i] === "'") break;
        else out += pattern[i++];
      }
      if (i >= pattern.length) throw gasError('Unterminated quote');
      i++;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    out += formatField(c, n, p);
    i += n;
  }
  return out;
}

function formatField(letter: string, count: number, p: ZonedParts): string {
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  switch (letter) {
    case 'G':
      return p.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y':
      return count === 2 ? pad(p.year % 100, 2) : pad(p.year, count);
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[p.month - 1];
      if (count === 3) return MONTHS[p.month - 1].slice(0, 3);
      return pad(p.month, count);
    case 'd':
      return pad(p.day, count);
    case 'D':
      return pad(dayOfYear(p), count);
    case 'E':
      return count >= 4 ? DAYS[p.weekday] : DAYS[p.weekday].slice(0, 3);
    case 'u':
      return pad(p.weekday === 0 ? 7 : p.weekday, count);
    case 'a':
      return p.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(p.hour, count);
    case 'k':
      return pad(p.hour === 0 ? 24 : p.hour, count);
    case 'K':
      return pad(p.hour % 12, count);
    case 'h':
      return pad(hour12, count);
    case 'm':
      return pad(p.minute, count);
    case 's':
      return pad(p.second, count);
    case 'S':
      return pad(p.millisecond, count);
    case 'Z':
      return formatOffset(p.offsetMinutes, 'Z');
    case 'X':
      return formatOffset(p.offsetMinutes, count === 1 ? 'X' : count === 2 ? 'XX' : 'XXX');
    case 'z':
      return `GMT${formatOffset(p.offsetMinutes, 'XXX').replace('Z', '+00:00')}`;
    default:
      // SimpleDateFormat refuses unknown letters when the pattern is compiled.
      throw gasError(`Illegal pattern character '${letter}'`);
  }
}

function dayOfYear(p: ZonedParts): number {
  return Math.round((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86_400_000) + 1;
}
