/**
 * An independent PNG reader for tests: checks the signature, every chunk's CRC (Node's zlib.crc32)
 * and inflates IDAT with Node's zlib, then unpacks the pixels to RGBA.
 */
import { crc32, inflateSync } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  chunkTypes: string[];
  /** 4 bytes a pixel. */
  rgba: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function decodePng(bytes: number[]): DecodedPng {
  for (const byte of bytes) if (!(Number.isInteger(byte) && byte >= 0 && byte <= 255)) throw new Error(`not a byte: ${byte}`);
  const buffer = Buffer.from(bytes);
  if (!buffer.subarray(0, 8).equals(Buffer.from(SIGNATURE))) throw new Error('bad signature');
  let offset = 8;
  const chunkTypes: string[] = [];
  const idat: Buffer[] = [];
  let header: Buffer | null = null;
  let palette: Buffer | null = null;
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    const storedCrc = buffer.readUInt32BE(offset + 8 + length);
    if (crc32(buffer.subarray(offset + 4, offset + 8 + length)) !== storedCrc) throw new Error(`bad CRC in ${type}`);
    chunkTypes.push(type);
    if (type === 'IHDR') header = data;
    if (type === 'PLTE') palette = data;
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  if (!header) throw new Error('no IHDR');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const bitDepth = header[8];
  const colorType = header[9];
  const raw = inflateSync(Buffer.concat(idat));
  const channels = colorType === 6 ? 4 : 1;
  const rowBytes = Math.ceil((width * channels * bitDepth) / 8);
  if (raw.length !== height * (rowBytes + 1)) throw new Error(`IDAT holds ${raw.length} bytes, expected ${height * (rowBytes + 1)}`);
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const row = y * (rowBytes + 1);
    if (raw[row] !== 0) throw new Error(`filter ${raw[row]} on row ${y}`);
    for (let x = 0; x < width; x++) {
      const out = (y * width + x) * 4;
      if (colorType === 6) {
        for (let i = 0; i < 4; i++) rgba[out + i] = raw[row + 1 + x * 4 + i];
        continue;
      }
      const bit = x * bitDepth;
      const sample = (raw[row + 1 + (bit >> 3)] >> (8 - bitDepth - (bit & 7))) & ((1 << bitDepth) - 1);
      if (colorType === 0) {
        const level = Math.round((sample * 255) / ((1 << bitDepth) - 1));
        rgba.set([level, level, level, 255], out);
      } else if (colorType === 3) {
        if (!palette || sample * 3 >= palette.length) throw new Error(`palette index ${sample} out of range`);
        rgba.set([palette[sample * 3], palette[sample * 3 + 1], palette[sample * 3 + 2], 255], out);
      } else {
        throw new Error(`colour type ${colorType} not supported by the test reader`);
      }
    }
  }
  return { width, height, bitDepth, colorType, chunkTypes, rgba };
}

/** 0xRRGGBB of a decoded pixel. */
export function rgbAt(png: DecodedPng, x: number, y: number): number {
  const at = (y * png.width + x) * 4;
  return (png.rgba[at] << 16) | (png.rgba[at + 1] << 8) | png.rgba[at + 2];
}
