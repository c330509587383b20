/**
 * The Utilities service (global `Utilities`): date formatting (dates.ts), printf-like formatString,
 * blobs, base64, digests and HMACs as signed Java bytes, CSV parsing, UUIDs and sleep on the
 * simulated clock.
 * https://developers.google.com/apps-script/reference/utilities/utilities
 */
import { createHash, createHmac } from 'node:crypto';
import { type Core, ExceededMaximumExecutionTime, gasError } from './core';
import { enumName, makeEnum } from './gas-enum';
import { BlobFake, encodeString, fromByteArray, toSignedBytes } from './blob';
import { formatSimpleDate } from './dates';

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

/**
 * The digest and HMAC overloads are (…, value[, charset]): a missing value, a charset that is not
 * one, or one argument more fit none of them, and Google names the types it got.
 */
function checkSignature(method: string, required: unknown[], charset: unknown, extra: unknown[]): void {
  const badCharset = charset !== undefined && enumName(charset) === null && typeof charset !== 'string';
  if (required.some((a) => a === undefined) || badCharset || extra.length > 0) {
    const given = [...required, charset, ...extra];
    while (given.length > 0 && given[given.length - 1] === undefined) given.pop();
    throw signatureError(method, given);
  }
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
  readonly MacAlgorithm = makeEnum<typeof GoogleAppsScript.Utilities.MacAlgorithm>(['HMAC_MD5', 'HMAC_SHA_1', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512']);
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
    throw signatureError(
      'newBlob',
      [data, contentType, name].filter((a) => a !== undefined),
    );
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

  /**
   * Text without a charset is encoded as US-ASCII, so anything outside ASCII hashes as '?': every
   * Georgian word of the same length has the same digest unless Utilities.Charset.UTF_8 is passed.
   * Bytes are hashed as given. (gas-fakes test/testutilities.js:292–350, run on live Apps Script.)
   * Arguments that fit no overload throw Google's signature message (same file, :367–375).
   */
  computeDigest(
    algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
    value: string | Bytes,
    charset?: GoogleAppsScript.Utilities.Charset,
    ...extra: unknown[]
  ): Bytes {
    this.core.call('Utilities', 'computeDigest');
    checkSignature('computeDigest', [algorithm, value], charset, extra);
    const name = enumName(algorithm) ?? String(algorithm);
    const hash = name.startsWith('HMAC') ? undefined : NODE_HASH[name];
    if (!hash) throw gasError('Invalid argument: algorithm');
    return toSignedBytes(
      createHash(hash)
        .update(this.bytesOf(value, charset, 'US-ASCII'))
        .digest(),
    );
  }

  /** Text keys and values without a charset are US-ASCII, as computeDigest (gas-fakes test/testutilities.js:150–182, live). */
  computeHmacSha256Signature(value: string | Bytes, key: string | Bytes, charset?: GoogleAppsScript.Utilities.Charset, ...extra: unknown[]): Bytes {
    this.core.call('Utilities', 'computeHmacSha256Signature');
    checkSignature('computeHmacSha256Signature', [value, key], charset, extra);
    return this.hmac('sha256', value, key, charset);
  }

  computeHmacSignature(
    algorithm: GoogleAppsScript.Utilities.MacAlgorithm,
    value: string | Bytes,
    key: string | Bytes,
    charset?: GoogleAppsScript.Utilities.Charset,
    ...extra: unknown[]
  ): Bytes {
    this.core.call('Utilities', 'computeHmacSignature');
    checkSignature('computeHmacSignature', [algorithm, value, key], charset, extra);
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

  private bytesOf(data: string | Bytes, charset?: GoogleAppsScript.Utilities.Charset, textDefault = 'UTF-8'): Uint8Array {
    if (typeof data === 'string') return encodeString(data, charset === undefined ? textDefault : (enumName(charset) ?? String(charset)));
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
    return toSignedBytes(
      createHmac(hash, this.bytesOf(key, charset, 'US-ASCII'))
        .update(this.bytesOf(value, charset, 'US-ASCII'))
        .digest(),
    );
  }
}
