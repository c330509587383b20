/**
 * Reed–Solomon error correction as QR codes use it (ISO/IEC 18004): arithmetic in GF(256) with
 * the primitive polynomial x⁸+x⁴+x³+x²+1 (0x11d), the generator polynomial of n EC codewords, and
 * the EC codewords of a data block.
 */

const GF_EXP: number[] = [];
const GF_LOG: number[] = [];
(function buildGaloisTables(): void {
  let value = 1;
  for (let power = 0; power < 255; power++) {
    GF_EXP[power] = value;
    GF_LOG[value] = power;
    value <<= 1;
    if (value & 0x100) value ^= 0x11d;
  }
  for (let power = 255; power < 512; power++) GF_EXP[power] = GF_EXP[power - 255];
})();

function gfMultiply(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : GF_EXP[GF_LOG[a] + GF_LOG[b]];
}

/** Coefficients (highest degree first, leading 1 omitted) of ∏ (x − αⁱ), i = 0 … degree − 1. */
export function generatorPolynomial(degree: number): number[] {
  let poly = [1];
  for (let i = 0; i < degree; i++) {
    const next = new Array<number>(poly.length + 1).fill(0);
    for (let j = 0; j < poly.length; j++) {
      next[j] ^= poly[j];
      next[j + 1] ^= gfMultiply(poly[j], GF_EXP[i]);
    }
    poly = next;
  }
  return poly.slice(1);
}

/** The remainder of data(x)·x^n divided by the generator: the block's n EC codewords. */
export function reedSolomonRemainder(data: readonly number[], generator: readonly number[]): number[] {
  const remainder = new Array<number>(generator.length).fill(0);
  for (const byte of data) {
    const factor = byte ^ remainder[0];
    remainder.shift();
    remainder.push(0);
    for (let i = 0; i < generator.length; i++) remainder[i] ^= gfMultiply(generator[i], factor);
  }
  return remainder;
}

/** The `count` Reed–Solomon error correction codewords of one data block. */
export function errorCorrectionCodewords(data: readonly number[], count: number): number[] {
  return reedSolomonRemainder(data, generatorPolynomial(count));
}
