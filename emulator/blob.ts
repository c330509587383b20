/**
 * Apps Script's Blob: bytes, a content type and a name. Shared by Utilities, Drive, Docs and Mail.
 * https://developers.google.com/apps-script/reference/base/blob
 */
import type { BlobLike } from './contracts';
import { gasError } from './core';

/** Apps Script hands bytes to scripts as Java bytes: numbers from -128 to 127. */
export function toSignedBytes(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

/** Accepts signed or unsigned byte numbers (an array possibly from another vm realm). */
export function fromByteArray(data: ArrayLike<number>): Uint8Array {
  return Uint8Array.from(Array.from(data), (b) => Number(b) & 0xff);
}

/** Charset names as Java accepts them; Apps Script defaults to UTF-8. */
export function encodeString(text: string, charset = 'UTF-8'): Uint8Array {
  const encoding = nodeEncoding(charset);
  if (encoding === 'ascii') return asciiBytes(text);
  return new Uint8Array(Buffer.from(text, encoding));
}

/**
 * US-ASCII as Java encodes it: a character outside ASCII becomes one '?' (63), a surrogate pair
 * too; Node's 'ascii' would keep each code unit's low byte instead. Live Apps Script hashes '€🙂'
 * without a charset as '??' (gas-fakes test/testutilities.js:292–350).
 */
function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(Array.from(text, (c) => ((c.codePointAt(0) ?? 63) < 128 ? (c.codePointAt(0) as number) : 63)));
}

export function decodeBytes(bytes: Uint8Array, charset = 'UTF-8'): string {
  return Buffer.from(bytes).toString(nodeEncoding(charset));
}

function nodeEncoding(charset: string): BufferEncoding {
  const name = charset.toUpperCase().replace(/_/g, '-');
  if (name === 'UTF-8' || name === 'UTF8') return 'utf8';
  if (name === 'US-ASCII' || name === 'ASCII') return 'ascii';
  if (name === 'ISO-8859-1' || name === 'LATIN1') return 'latin1';
  if (name === 'UTF-16LE') return 'utf16le';
  throw new Error(`Unsupported charset: ${charset}`);
}

const CONTENT_TYPE_BY_EXTENSION: Record<string, string> = {
  txt: 'text/plain',
  csv: 'text/csv',
  html: 'text/html',
  htm: 'text/html',
  json: 'application/json',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
  zip: 'application/zip',
};

export class BlobFake
  implements
    Pick<
      GoogleAppsScript.Base.Blob,
      | 'getBytes'
      | 'setBytes'
      | 'getDataAsString'
      | 'setDataFromString'
      | 'getContentType'
      | 'setContentType'
      | 'getName'
      | 'setName'
      | 'copyBlob'
      | 'getAs'
      | 'getBlob'
      | 'isGoogleType'
      | 'setContentTypeFromExtension'
      | 'getAllBlobs'
    >,
    BlobLike
{
  toString(): string {
    return 'Blob';
  }
  private bytes: Uint8Array;
  private contentType: string | null;
  private name: string | null;

  constructor(bytes: Uint8Array, contentType: string | null = null, name: string | null = null) {
    this.bytes = bytes.slice();
    this.contentType = contentType;
    this.name = name;
  }

  /** Harness access to the raw bytes (no Java sign conversion). */
  rawBytes(): Uint8Array {
    return this.bytes.slice();
  }

  getBytes(): number[] {
    return toSignedBytes(this.bytes);
  }

  setBytes(data: number[]): BlobFake {
    this.bytes = fromByteArray(data);
    return this;
  }

  getDataAsString(charset?: string): string {
    return decodeBytes(this.bytes, charset);
  }

  setDataFromString(text: string, charset?: string): BlobFake {
    this.bytes = encodeString(String(text), charset);
    return this;
  }

  getContentType(): string | null {
    return this.contentType;
  }

  setContentType(contentType: string | null): BlobFake {
    this.contentType = contentType;
    return this;
  }

  getName(): string | null {
    return this.name;
  }

  /** Sets the type from the name's extension; an unknown extension leaves the type unchanged. */
  setContentTypeFromExtension(): BlobFake {
    const extension = /\.([A-Za-z0-9]+)$/.exec(this.name ?? '')?.[1].toLowerCase();
    const type = extension ? CONTENT_TYPE_BY_EXTENSION[extension] : undefined;
    if (type) this.contentType = type;
    return this;
  }

  setName(name: string): BlobFake {
    this.name = name;
    return this;
  }

  copyBlob(): BlobFake {
    return new BlobFake(this.bytes, this.contentType, this.name);
  }

  getBlob(): BlobFake {
    return this.copyBlob();
  }

  /** Deprecated by Google but still served: a single-part blob is its only part. */
  getAllBlobs(): BlobFake[] {
    return [this];
  }

  /**
   * Conversion to the blob's own type returns a copy; real image transcoding and PDF rendering are
   * not emulated (Drive/Docs fakes export native files themselves), so every other target fails
   * the way Google fails an unsupported conversion.
   * https://developers.google.com/apps-script/reference/base/blob#getAs(String)
   */
  getAs(contentType: string): BlobFake {
    if (contentType !== this.contentType) {
      throw gasError(`Converting from ${this.contentType ?? 'application/octet-stream'} to ${contentType} is not supported.`);
    }
    return this.copyBlob();
  }

  /** Google-native types (Docs, Sheets, Forms…) have no bytes of their own. */
  isGoogleType(): boolean {
    return (this.contentType ?? '').startsWith('application/vnd.google-apps.');
  }
}
