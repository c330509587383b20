/**
 * The Utilities service (global `Utilities`): date formatting in Java's SimpleDateFormat dialect,
 * printf-like formatString, blobs, base64, digests and HMACs as signed Java bytes, CSV parsing,
 * UUIDs and sleep on the simulated clock.
 * https://developers.google.com/apps-script/reference/utilities/utilities
 */
import { createHash, createHmac } from 'node:crypto';
import { Core, ExceededMaximumExecutionTime, gasError } from './core';
import { enumName, makeEnum } from './gas-enum';
import { BlobFake, encodeString, fromByteArray, toSignedBytes } from './blob';

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
export function zonedToUtc(
  local: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number },
  timeZone: string,
): number {
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

// ---------------------------------------------------------------------------------------------
// The service
// ---------------------------------------------------------------------------------------------

function isDate(x: unknown): x is Date {
  return Object.prototype.toString.call(x) === '[object Date]';
}

/** Apps Script names argument types like this in its "don't match the method signature" errors. */
function gasTypeName(x: unknown): string {
  if (x === null || x === undefined) return 'null';
  if (isDate(x)) return 'Date';
  if (Array.isArray(x)) return 'number[]';
  if (typeof x === 'string') return 'String';
  if (typeof x === 'number') return 'number';
  if (typeof x === 'boolean') return 'Boolean';
  return 'Object';
}

function signatureError(method: string, args: unknown[]): Error {
  return gasError(`The parameters (${args.map(gasTypeName).join(',')}) don't match the method signature for Utilities.${method}.`);
}

/** Advances the simulated clock by a wait and enforces the running execution's time limit. */
export function passTime(core: Core, ms: number): void {
  core.advance(ms);
  const exec = core.current();
  if (exec && core.now() - exec.startedAt > exec.limitMs) {
    exec.killed = true;
    throw new ExceededMaximumExecutionTime();
  }
}

const NODE_HASH: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

/** Longest Utilities.sleep Google allows (5 minutes). */
const MAX_SLEEP_MS = 300_000;

type Bytes = number[];

export class UtilitiesFake
  implements
    Pick<
      GoogleAppsScript.Utilities.Utilities,
      | 'Charset'
      | 'DigestAlgorithm'
      | 'MacAlgorithm'
      | 'formatDate'
      | 'formatString'
      | 'newBlob'
      | 'base64Encode'
      | 'base64EncodeWebSafe'
      | 'base64Decode'
      | 'base64DecodeWebSafe'
      | 'computeDigest'
      | 'computeHmacSha256Signature'
      | 'computeHmacSignature'
      | 'getUuid'
      | 'sleep'
      | 'parseCsv'
    >
{
  readonly Charset = makeEnum<typeof GoogleAppsScript.Utilities.Charset>(['US_ASCII', 'UTF_8']);
  readonly DigestAlgorithm = makeEnum<typeof GoogleAppsScript.Utilities.DigestAlgorithm>(['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512']);
  readonly MacAlgorithm = makeEnum<typeof GoogleAppsScript.Utilities.MacAlgorithm>([
    'HMAC_MD5',
    'HMAC_SHA_1',
    'HMAC_SHA_256',
    'HMAC_SHA_384',
    'HMAC_SHA_512',
  ]);
  private uuidCounter = 0;

  constructor(private readonly core: Core) {}

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    this.core.call('Utilities', 'formatDate');
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw signatureError('formatDate', [date, timeZone, format]);
    }
    const ms = date.getTime();
    if (Number.isNaN(ms)) throw gasError('Invalid argument: date');
    return formatSimpleDate(ms, timeZone, format);
  }

  /**
   * Java's String.format subset scripts use: %s, %d, %f with flags, width and precision, %%.
   * https://developers.google.com/apps-script/reference/utilities/utilities#formatString(String,Object...)
   */
  formatString(template: string, ...args: unknown[]): string {
    this.core.call('Utilities', 'formatString');
    let next = 0;
    return String(template).replace(/%([-0+ ]*)(\d+)?(?:\.(\d+))?([sdfi%])/g, (_m, flags: string, width?: string, precision?: string, conv?: string) => {
      if (conv === '%') return '%';
      const arg = args[next++];
      let text: string;
      if (conv === 's') text = precision ? String(arg).slice(0, Number(precision)) : String(arg);
      else if (conv === 'd' || conv === 'i') text = String(Math.trunc(Number(arg)));
      else text = Number(arg).toFixed(precision === undefined ? 6 : Number(precision));
      if (flags.includes('+') && conv !== 's' && Number(arg) >= 0) text = `+${text}`;
      const w = width ? Number(width) : 0;
      if (text.length >= w) return text;
      if (flags.includes('-')) return text.padEnd(w, ' ');
      if (flags.includes('0') && conv !== 's') {
        const sign = /^[+-]/.test(text) ? text[0] : '';
        return sign + text.slice(sign.length).padStart(w - sign.length, '0');
      }
      return text.padStart(w, ' ');
    });
  }

  /**
   * A string blob defaults to text/plain, a byte blob has no content type.
   * https://developers.google.com/apps-script/reference/utilities/utilities#newBlob(String)
   */
  newBlob(data: string | Bytes, contentType?: string, name?: string): BlobFake {
    this.core.call('Utilities', 'newBlob');
    if (typeof data === 'string') return new BlobFake(encodeString(data), contentType ?? 'text/plain', name ?? null);
    if (Array.isArray(data)) return new BlobFake(fromByteArray(data), contentType ?? null, name ?? null);
    throw signatureError('newBlob', [data, contentType, name].filter((a) => a !== undefined));
  }

  base64Encode(data: string | Bytes, charset?: GoogleAppsScript.Utilities.Charset): string {
    this.core.call('Utilities', 'base64Encode');
    return Buffer.from(this.bytesOf(data, charset)).toString('base64');
  }

  /** Web-safe alphabet (- and _ for + and /), padding kept, as Java's URL-safe encoder does. */
  base64EncodeWebSafe(data: string | Bytes, charset?: GoogleAppsScript.Utilities.Charset): string {
    this.core.call('Utilities', 'base64EncodeWebSafe');
    return Buffer.from(this.bytesOf(data, charset)).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string): Bytes {
    this.core.call('Utilities', 'base64Decode');
    return this.decodeBase64(encoded, /^[A-Za-z0-9+/]*={0,2}$/);
  }

  base64DecodeWebSafe(encoded: string): Bytes {
    this.core.call('Utilities', 'base64DecodeWebSafe');
    return this.decodeBase64(encoded, /^[A-Za-z0-9_-]*={0,2}$/);
  }

  computeDigest(
    algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
    value: string | Bytes,
    charset?: GoogleAppsScript.Utilities.Charset,
  ): Bytes {
    this.core.call('Utilities', 'computeDigest');
    const name = enumName(algorithm) ?? String(algorithm);
    const hash = name.startsWith('HMAC') ? undefined : NODE_HASH[name];
    if (!hash) throw gasError('Invalid argument: algorithm');
    return toSignedBytes(createHash(hash).update(this.bytesOf(value, charset)).digest());
  }

  computeHmacSha256Signature(value: string | Bytes, key: string | Bytes, charset?: GoogleAppsScript.Utilities.Charset): Bytes {
    this.core.call('Utilities', 'computeHmacSha256Signature');
    return this.hmac('sha256', value, key, charset);
  }

  computeHmacSignature(
    algorithm: GoogleAppsScript.Utilities.MacAlgorithm,
    value: string | Bytes,
    key: string | Bytes,
    charset?: GoogleAppsScript.Utilities.Charset,
  ): Bytes {
    this.core.call('Utilities', 'computeHmacSignature');
    const name = enumName(algorithm) ?? String(algorithm);
    const hash = name.startsWith('HMAC') ? NODE_HASH[name] : undefined;
    if (!hash) throw gasError('Invalid argument: algorithm');
    return this.hmac(hash, value, key, charset);
  }

  /**
   * A version-4-shaped UUID, deterministic per workspace (the seed and a counter hashed), so runs repeat.
   * https://developers.google.com/apps-script/reference/utilities/utilities#getUuid()
   */
  getUuid(): string {
    this.core.call('Utilities', 'getUuid');
    this.uuidCounter++;
    const b = createHash('sha256').update(`${this.core.seed}-uuid-${this.uuidCounter}`).digest();
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const hex = b.subarray(0, 16).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /**
   * Sleeps on the simulated clock. Google documents 300000 ms (5 minutes) as the maximum.
   * https://developers.google.com/apps-script/reference/utilities/utilities#sleep(Integer)
   */
  sleep(milliseconds: number): void {
    this.core.call('Utilities', 'sleep');
    const ms = Number(milliseconds);
    if (!Number.isFinite(ms) || ms < 0 || ms > MAX_SLEEP_MS) throw gasError('Invalid argument: milliseconds');
    passTime(this.core, Math.trunc(ms));
  }

  /**
   * RFC 4180 CSV: quoted fields may hold the delimiter, line breaks and doubled quotes.
   * https://developers.google.com/apps-script/reference/utilities/utilities#parseCsv(String)
   */
  parseCsv(csv: string, delimiter = ','): string[][] {
    this.core.call('Utilities', 'parseCsv');
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    let i = 0;
    const text = String(csv);
    while (i < text.length) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        if (c === '"') quoted = false;
        else field += c;
        i++;
        continue;
      }
      if (c === '"' && field === '') quoted = true;
      else if (c === delimiter) {
        row.push(field);
        field = '';
      } else if (c === '\n' || c === '\r') {
        row.push(field);
        rows.push(row);
        row = [];
        field = '';
        if (c === '\r' && text[i + 1] === '\n') i++;
      } else field += c;
      i++;
    }
    if (field !== '' || row.length) {
      row.push(field);
      rows.push(row);
    }
    return rows;
  }

  private bytesOf(data: string | Bytes, charset?: GoogleAppsScript.Utilities.Charset): Uint8Array {
    if (typeof data === 'string') return encodeString(data, charset === undefined ? 'UTF-8' : (enumName(charset) ?? String(charset)));
    if (Array.isArray(data)) return fromByteArray(data);
    return encodeString(String(data));
  }

  /** The charset overloads only name the encoding of the caller's text; the bytes are the same. */
  private decodeBase64(encoded: string, alphabet: RegExp): Bytes {
    const text = String(encoded).replace(/\s+/g, '');
    if (!alphabet.test(text)) throw gasError('Could not decode string.');
    return toSignedBytes(new Uint8Array(Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64')));
  }

  private hmac(hash: string, value: string | Bytes, key: string | Bytes, charset?: GoogleAppsScript.Utilities.Charset): Bytes {
    return toSignedBytes(createHmac(hash, this.bytesOf(key, charset)).update(this.bytesOf(value, charset)).digest());
  }
}
