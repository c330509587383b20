import jsQR from 'jsqr';
import { type EccLevel, type QrCode, encodeQr, utf8Bytes } from '../../src/domain/qr';
import { errorCorrectionCodewords } from '../../src/domain/reed-solomon';
import { qrToPng } from '../../src/domain/png';
import { decodePng } from './png-reader';

const FORM_URL = 'https://docs.google.com/forms/d/e/1FAIpQLSdXyz0123456789abcdefghijklmnopqrstuvwxyzABCDE/viewform';

/** Renders the symbol to RGBA with a 4-module quiet zone and decodes it with jsQR. */
function scan(qr: QrCode, scale = 4): string | null {
  const quiet = 4;
  const side = (qr.size + 2 * quiet) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const row = Math.floor(y / scale) - quiet;
      const column = Math.floor(x / scale) - quiet;
      const dark = row >= 0 && column >= 0 && row < qr.size && column < qr.size && qr.modules[row][column];
      const at = (y * side + x) * 4;
      pixels.set(dark ? [0, 0, 0, 255] : [255, 255, 255, 255], at);
    }
  }
  const result = jsQR(pixels, side, side, { inversionAttempts: 'dontInvert' });
  return result ? result.data : null;
}

/** A text of `length` bytes that does not repeat, so every mask has a fair chance. */
function sampleText(length: number, seed: number): string {
  let text = '';
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    text += String.fromCharCode(33 + ((state >> 16) % 94));
  }
  return text;
}

/** GF(256)/0x11d evaluation, written independently of the encoder, for syndrome checks. */
function gfMul(a: number, b: number): number {
  let product = 0;
  while (b) {
    if (b & 1) product ^= a;
    a <<= 1;
    if (a & 0x100) a ^= 0x11d;
    b >>= 1;
  }
  return product;
}

describe('Reed–Solomon', () => {
  it('reproduces the worked example of the 1-M "HELLO WORLD" symbol', () => {
    const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
    expect(errorCorrectionCodewords(data, 10)).toEqual([196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
  });

  it('yields codewords whose syndromes are all zero', () => {
    const data = utf8Bytes('სოციალური სერვისი');
    const codeword = [...data, ...errorCorrectionCodewords(data, 22)];
    let alpha = 1;
    for (let i = 0; i < 22; i++) {
      let value = 0;
      for (const c of codeword) value = gfMul(value, alpha) ^ c;
      expect(value).toBe(0);
      alpha = gfMul(alpha, 2);
    }
  });
});

describe('encodeQr', () => {
  it('encodes UTF-8 like Node does', () => {
    for (const text of ['abc', 'ქართული', 'é€😀']) expect(utf8Bytes(text)).toEqual(Array.from(Buffer.from(text, 'utf8')));
  });

  it('round-trips a Google Forms URL at level M in a small version', () => {
    const qr = encodeQr(FORM_URL);
    expect(qr.size).toBe(4 * qr.version + 17);
    expect(qr.version).toBeLessThanOrEqual(7);
    expect(scan(qr)).toBe(FORM_URL);
    const prefilled = `${FORM_URL}?usp=pp_url&entry.1234567890=newborn`;
    expect(scan(encodeQr(prefilled))).toBe(prefilled);
  });

  it('round-trips Georgian text (UTF-8 announced by ECI 26)', () => {
    const text = 'სოციალური სერვისის მომხმარებლის უკუკავშირის ფორმა';
    expect(scan(encodeQr(text))).toBe(text);
    expect(scan(encodeQr('a'))).toBe('a');
    expect(scan(encodeQr(''))).toBe('');
  });

  it('picks the smallest version that holds the bytes (byte capacities at M: v1 14, v5 84, v10 213)', () => {
    expect(encodeQr('x'.repeat(14)).version).toBe(1);
    expect(encodeQr('x'.repeat(15)).version).toBe(2);
    expect(encodeQr('x'.repeat(84)).version).toBe(5);
    expect(encodeQr('x'.repeat(85)).version).toBe(6);
    expect(encodeQr('x'.repeat(213)).version).toBe(10);
    expect(encodeQr('x'.repeat(17), 'L').version).toBe(1);
    expect(encodeQr('x'.repeat(7), 'H').version).toBe(1);
  });

  it('round-trips every level across versions 1–40', () => {
    // Byte capacities of versions 1, 6, 7, 9, 10, 14, 27 and 40 at each level (ISO/IEC 18004 Table 7).
    const capacities: Record<EccLevel, number[]> = {
      L: [17, 134, 154, 230, 271, 458, 1465, 2953],
      M: [14, 106, 122, 180, 213, 362, 1125, 2331],
      Q: [11, 74, 86, 130, 151, 258, 805, 1663],
      H: [7, 58, 64, 98, 119, 194, 625, 1273],
    };
    const versions = [1, 6, 7, 9, 10, 14, 27, 40];
    for (const level of ['L', 'M', 'Q', 'H'] as EccLevel[]) {
      capacities[level].forEach((bytes, i) => {
        const text = sampleText(bytes, bytes + i);
        const qr = encodeQr(text, level);
        expect({ level, version: qr.version }).toEqual({ level, version: versions[i] });
        if (versions[i] < 40) expect(encodeQr(`${text}x`, level).version).toBe(versions[i] + 1);
        else expect(() => encodeQr(`${text}x`, level)).toThrow(/too long/);
        expect(scan(qr, versions[i] > 20 ? 2 : 4)).toBe(text);
      });
    }
  });

  it('evaluates all eight masks and each one decodes', () => {
    const masks = new Set<number>();
    for (let seed = 0; seed < 60 && masks.size < 8; seed++) {
      const text = sampleText(20 + seed, seed);
      const qr = encodeQr(text);
      expect(scan(qr)).toBe(text);
      masks.add(qr.mask);
    }
    expect([...masks].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('writes the exact BCH format and version information', () => {
    // Format bits for level M, masks 0–7 (ISO/IEC 18004 Annex C, Table C.1).
    const formatM = [0x5412, 0x5125, 0x5e7c, 0x5b4b, 0x45f9, 0x40ce, 0x4f97, 0x4aa0];
    const qr = encodeQr(FORM_URL);
    const m = qr.modules;
    let nearTopLeft = 0;
    const positions: Array<[number, number]> = [
      [8, 0],
      [8, 1],
      [8, 2],
      [8, 3],
      [8, 4],
      [8, 5],
      [8, 7],
      [8, 8],
      [7, 8],
      [5, 8],
      [4, 8],
      [3, 8],
      [2, 8],
      [1, 8],
      [0, 8],
    ];
    for (const [row, column] of positions) nearTopLeft = (nearTopLeft << 1) | (m[row][column] ? 1 : 0);
    expect(nearTopLeft).toBe(formatM[qr.mask]);
    expect(m[qr.size - 8][8]).toBe(true); // the dark module

    // Version information (Annex D, Table D.1): v7 0x07C94, v10 0x0A4D3, read MSB first from the top-right block.
    for (const [text, version, bits] of [
      ['x'.repeat(122), 7, 0x07c94],
      ['x'.repeat(213), 10, 0x0a4d3],
    ] as const) {
      const symbol = encodeQr(text);
      expect(symbol.version).toBe(version);
      let read = 0;
      for (let row = 5; row >= 0; row--)
        for (let column = symbol.size - 9; column >= symbol.size - 11; column--) read = (read << 1) | (symbol.modules[row][column] ? 1 : 0);
      expect(read).toBe(bits);
    }
  });

  it('decodes from the PNG that qrToPng writes', () => {
    const png = decodePng(qrToPng(encodeQr(FORM_URL), 4, 4));
    const result = jsQR(new Uint8ClampedArray(png.rgba), png.width, png.height);
    expect(result?.data).toBe(FORM_URL);
  });
});
