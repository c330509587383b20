/**
 * A minimal PNG writer (PNG spec, W3C 2nd ed. https://www.w3.org/TR/png/): signature, IHDR,
 * optional PLTE, one IDAT holding a zlib stream (RFC 1950) of deflate data (RFC 1951, fixed
 * Huffman codes: domain/deflate.ts) with its Adler-32, a CRC-32 per chunk, IEND.
 * Every scanline uses filter type 0 (None). Bytes come back as numbers 0–255.
 */

import { deflateRaw } from './deflate';

/** Either RGBA bytes (4 per pixel, row by row) or a function giving 0xRRGGBBAA for a pixel. */
export type RgbaSource = ArrayLike<number> | ((x: number, y: number) => number);

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const COLOR_GRAY = 0;
const COLOR_RGBA = 6;
const COLOR_PALETTE = 3;

let crcTable: number[] | null = null;

function getCrcTable(): number[] {
  if (crcTable) return crcTable;
  const table: number[] = [];
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table.push(c >>> 0);
  }
  crcTable = table;
  return table;
}

/** CRC-32 (ISO 3309, reflected polynomial 0xEDB88320) of bytes[start, end). */
export function crc32(bytes: ArrayLike<number>, start = 0, end = bytes.length): number {
  const table = getCrcTable();
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Adler-32 (RFC 1950 §8). */
export function adler32(bytes: ArrayLike<number>): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; i++) {
    a = (a + bytes[i]) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function pushUint32(out: number[], value: number): void {
  out.push((value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
}

function pushChunk(out: number[], type: string, data: ArrayLike<number>): void {
  pushUint32(out, data.length);
  const typeStart = out.length;
  for (let i = 0; i < 4; i++) out.push(type.charCodeAt(i));
  for (let i = 0; i < data.length; i++) out.push(data[i]);
  pushUint32(out, crc32(out, typeStart, out.length));
}

/** A zlib stream (RFC 1950) around compressed deflate data (domain/deflate.ts). */
function zlibStream(raw: ArrayLike<number>): number[] {
  // CMF 0x78 = deflate, 32 KB window; FLG 0x01 makes CMF·256 + FLG a multiple of 31.
  const out = [0x78, 0x01, ...deflateRaw(raw)];
  pushUint32(out, adler32(raw));
  return out;
}

function assertSize(width: number, height: number): void {
  if (!(width >= 1 && height >= 1 && Math.floor(width) === width && Math.floor(height) === height)) {
    throw new Error(`PNG size must be positive integers, got ${width}×${height}`);
  }
}

/** Assembles a PNG from filtered scanlines (each already prefixed with its filter byte). */
function assemble(width: number, height: number, bitDepth: number, colorType: number, scanlines: Uint8Array, palette?: number[]): number[] {
  const out = SIGNATURE.slice();
  const header: number[] = [];
  pushUint32(header, width);
  pushUint32(header, height);
  header.push(bitDepth, colorType, 0, 0, 0); // deflate, adaptive filtering, no interlace
  pushChunk(out, 'IHDR', header);
  if (palette) pushChunk(out, 'PLTE', palette);
  pushChunk(out, 'IDAT', zlibStream(scanlines));
  pushChunk(out, 'IEND', []);
  return out;
}

/** Packs per-pixel sample values of `bitDepth` bits (1, 2, 4 or 8) into filter-0 scanlines. */
function packSamples(width: number, height: number, bitDepth: number, sample: (x: number, y: number) => number): Uint8Array {
  const rowBytes = Math.ceil((width * bitDepth) / 8);
  const lines = new Uint8Array(height * (rowBytes + 1));
  const mask = (1 << bitDepth) - 1;
  for (let y = 0; y < height; y++) {
    const rowStart = y * (rowBytes + 1) + 1; // byte before is filter type 0
    for (let x = 0; x < width; x++) {
      const bit = x * bitDepth;
      const shift = 8 - bitDepth - (bit & 7);
      lines[rowStart + (bit >> 3)] |= (sample(x, y) & mask) << shift;
    }
  }
  return lines;
}

/** A truecolour-with-alpha PNG (colour type 6, 8 bits a sample). */
export function encodePng(width: number, height: number, rgba: RgbaSource): number[] {
  assertSize(width, height);
  const rowBytes = width * 4;
  const lines = new Uint8Array(height * (rowBytes + 1));
  for (let y = 0; y < height; y++) {
    const rowStart = y * (rowBytes + 1) + 1;
    for (let x = 0; x < width; x++) {
      const at = rowStart + x * 4;
      if (typeof rgba === 'function') {
        const pixel = rgba(x, y);
        lines[at] = pixel >>> 24;
        lines[at + 1] = (pixel >>> 16) & 0xff;
        lines[at + 2] = (pixel >>> 8) & 0xff;
        lines[at + 3] = pixel & 0xff;
      } else {
        const from = (y * width + x) * 4;
        for (let i = 0; i < 4; i++) lines[at + i] = rgba[from + i];
      }
    }
  }
  return assemble(width, height, 8, COLOR_RGBA, lines);
}

/** A greyscale PNG; `gray` gives 0 … 2^bitDepth − 1 (with bitDepth 1: 0 black, 1 white). */
export function encodeGrayPng(width: number, height: number, gray: (x: number, y: number) => number, bitDepth: 1 | 2 | 4 | 8 = 8): number[] {
  assertSize(width, height);
  return assemble(width, height, bitDepth, COLOR_GRAY, packSamples(width, height, bitDepth, gray));
}

/**
 * An indexed-colour PNG: `palette` lists colours as 0xRRGGBB (at most 256), `index` picks one per
 * pixel. The bit depth is the smallest that holds the palette, which keeps an uncompressed chart
 * of a few colours at a quarter or less of its RGBA size.
 */
export function encodePalettePng(width: number, height: number, palette: readonly number[], index: (x: number, y: number) => number): number[] {
  assertSize(width, height);
  if (palette.length < 1 || palette.length > 256) throw new Error(`PNG palette needs 1–256 colours, got ${palette.length}`);
  const bitDepth = palette.length <= 2 ? 1 : palette.length <= 4 ? 2 : palette.length <= 16 ? 4 : 8;
  const entries: number[] = [];
  for (const colour of palette) entries.push((colour >>> 16) & 0xff, (colour >>> 8) & 0xff, colour & 0xff);
  return assemble(width, height, bitDepth, COLOR_PALETTE, packSamples(width, height, bitDepth, index), entries);
}

/** A QR symbol as a 1-bit PNG: `scale` pixels a module, `quietZone` light modules around it. */
export function qrToPng(qr: { size: number; modules: boolean[][] }, scale = 4, quietZone = 4): number[] {
  const side = (qr.size + 2 * quietZone) * scale;
  return encodeGrayPng(
    side,
    side,
    (x, y) => {
      const row = Math.floor(y / scale) - quietZone;
      const column = Math.floor(x / scale) - quietZone;
      const dark = row >= 0 && column >= 0 && row < qr.size && column < qr.size && qr.modules[row][column];
      return dark ? 0 : 1;
    },
    1,
  );
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (RFC 4648 §4) — Apps Script has no btoa, and domain code may not call Utilities. */
export function toBase64(bytes: ArrayLike<number>): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const triple = (a << 16) | (b << 8) | c;
    parts.push(
      BASE64_ALPHABET[triple >> 18] +
        BASE64_ALPHABET[(triple >> 12) & 63] +
        (i + 1 < bytes.length ? BASE64_ALPHABET[(triple >> 6) & 63] : '=') +
        (i + 2 < bytes.length ? BASE64_ALPHABET[triple & 63] : '='),
    );
  }
  return parts.join('');
}

/** A `data:image/png;base64,…` URI for an <img> in a self-contained HTML page. */
export function pngDataUri(png: ArrayLike<number>): string {
  return `data:image/png;base64,${toBase64(png)}`;
}
