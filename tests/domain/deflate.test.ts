import { inflateRawSync } from 'node:zlib';
import { deflateRaw } from '../../src/domain/deflate';
import { encodePalettePng } from '../../src/domain/png';

/** Deterministic pseudo-random bytes (a linear congruential generator). */
function noise(length: number, seed: number, alphabet = 256): number[] {
  const out: number[] = [];
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out.push((state >>> 16) % alphabet);
  }
  return out;
}

describe('deflateRaw', () => {
  it.each([
    ['empty', []],
    ['one byte', [7]],
    ['noise', noise(70_000, 1)],
    ['few symbols', noise(100_000, 2, 3)],
    ['long runs', [...new Array(90_000).fill(0), ...noise(500, 3), ...new Array(40_000).fill(255)]],
    ['text', Array.from(Buffer.from('უკუკავშირი — '.repeat(3000), 'utf8'))],
  ])('inflates back to the input with zlib (%s)', (_name, input) => {
    expect(Array.from(inflateRawSync(Buffer.from(deflateRaw(input))))).toEqual(input);
  });

  it('shrinks an image of runs and repeated rows many times over (stored blocks would not)', () => {
    const width = 1800;
    const height = 1200;
    const png = encodePalettePng(width, height, [0xffffff, 0x2b6cb0, 0x333333], (x, y) => (y % 100 < 60 && x < 300 + y ? 1 : x % 450 === 0 ? 2 : 0));
    const raw = height * (Math.ceil((width * 2) / 8) + 1);
    expect(png.length).toBeLessThan(raw / 30);
  });
});
