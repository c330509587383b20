import { crc32 as nodeCrc32 } from 'node:zlib';
import { crc32, encodeGrayPng, encodePalettePng, encodePng, pngDataUri, qrToPng, toBase64 } from '../../src/domain/png';
import { decodePng, rgbAt } from './png-reader';

describe('encodePng', () => {
  it('writes RGBA bytes that Node inflates back exactly', () => {
    const rgba = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 10, 20, 30, 40, 1, 2, 3, 4, 5, 6, 7, 8]);
    const png = encodePng(3, 2, rgba);
    const decoded = decodePng(png);
    expect(decoded).toMatchObject({ width: 3, height: 2, bitDepth: 8, colorType: 6, chunkTypes: ['IHDR', 'IDAT', 'IEND'] });
    expect(Array.from(decoded.rgba)).toEqual(Array.from(rgba));
  });

  it('takes a pixel function returning 0xRRGGBBAA', () => {
    const decoded = decodePng(encodePng(4, 4, (x, y) => (x === y ? 0xff000080 : 0x00ff00ff)));
    expect(Array.from(decoded.rgba.subarray(0, 8))).toEqual([255, 0, 0, 128, 0, 255, 0, 255]);
  });

  it('splits data over 65535 bytes into several stored deflate blocks', () => {
    const width = 200;
    const height = 120; // 200·4+1 = 801 bytes a row, 96,120 in all: two blocks
    const png = encodePng(width, height, (x, y) => (((x * 7) & 0xff) << 24) | (((y * 3) & 0xff) << 16) | (((x ^ y) & 0xff) << 8) | 0xff);
    const decoded = decodePng(png);
    expect(rgbAt(decoded, 199, 119)).toBe((((199 * 7) & 0xff) << 16) | (((119 * 3) & 0xff) << 8) | ((199 ^ 119) & 0xff));
  });

  it('computes the CRC-32 every chunk carries like zlib does', () => {
    const bytes = Array.from(Buffer.from('IEND'));
    expect(crc32(bytes)).toBe(nodeCrc32(Buffer.from('IEND')));
    expect(crc32(bytes)).toBe(0xae426082);
    const png = encodePng(1, 1, [0, 0, 0, 255]);
    expect(png.slice(-4)).toEqual([0xae, 0x42, 0x60, 0x82]);
  });

  it('rejects a size that is not a positive integer', () => {
    expect(() => encodePng(0, 3, [])).toThrow(/positive integers/);
    expect(() => encodePng(1.5, 3, [])).toThrow(/positive integers/);
  });
});

describe('greyscale and palette variants', () => {
  it('packs 1-bit greyscale rows with odd widths', () => {
    const decoded = decodePng(encodeGrayPng(11, 3, (x, y) => (x + y) % 2, 1));
    expect(decoded).toMatchObject({ bitDepth: 1, colorType: 0 });
    expect(rgbAt(decoded, 0, 0)).toBe(0x000000);
    expect(rgbAt(decoded, 10, 1)).toBe(0xffffff);
    expect(rgbAt(decoded, 10, 2)).toBe(0x000000);
  });

  it('uses the smallest bit depth that holds the palette', () => {
    const palette = [0xffffff, 0x1f77b4, 0x333333];
    const png = encodePalettePng(9, 2, palette, (x) => x % 3);
    const decoded = decodePng(png);
    expect(decoded).toMatchObject({ bitDepth: 2, colorType: 3, chunkTypes: ['IHDR', 'PLTE', 'IDAT', 'IEND'] });
    expect([0, 1, 2, 8].map((x) => rgbAt(decoded, x, 1))).toEqual([0xffffff, 0x1f77b4, 0x333333, 0x333333]);
    expect(
      decodePng(
        encodePalettePng(
          3,
          1,
          Array.from({ length: 17 }, (_, i) => i),
          (x) => x,
        ),
      ).bitDepth,
    ).toBe(8);
    expect(() => encodePalettePng(1, 1, [], () => 0)).toThrow(/palette/);
  });
});

describe('qrToPng', () => {
  it('draws modules at scale inside a light quiet zone', () => {
    const qr = {
      size: 2,
      modules: [
        [true, false],
        [false, true],
      ],
    };
    const decoded = decodePng(qrToPng(qr, 3, 1));
    expect(decoded.width).toBe(12);
    expect(rgbAt(decoded, 0, 0)).toBe(0xffffff); // quiet zone
    expect(rgbAt(decoded, 3, 3)).toBe(0x000000);
    expect(rgbAt(decoded, 5, 5)).toBe(0x000000);
    expect(rgbAt(decoded, 6, 3)).toBe(0xffffff);
    expect(rgbAt(decoded, 8, 8)).toBe(0x000000);
    expect(rgbAt(decoded, 11, 11)).toBe(0xffffff);
  });
});

describe('base64', () => {
  it('matches Node for every padding case', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'abcd', '\u10d0\u10d1\u00ff']) {
      const bytes = Array.from(Buffer.from(text, 'utf8'));
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
    expect(pngDataUri([1, 2, 3])).toBe('data:image/png;base64,AQID');
  });
});
