/**
 * QR Code encoder after ISO/IEC 18004: byte mode (UTF-8, announced by ECI 26 when the text is
 * not plain ASCII), versions 1–40, levels L/M/Q/H, Reed–Solomon over GF(256) with the primitive
 * polynomial x⁸+x⁴+x³+x²+1 (0x11d), block interleaving, all 8 masks scored with the standard
 * penalty rules N1–N4, BCH-protected format and version information.
 */
import { generatorPolynomial, reedSolomonRemainder } from './reed-solomon';

export type EccLevel = 'L' | 'M' | 'Q' | 'H';

export interface QrCode {
  version: number;
  mask: number;
  /** Modules a side: 4·version + 17. */
  size: number;
  /** modules[row][column], true = dark. */
  modules: boolean[][];
}

const MAX_VERSION = 40;

/** ISO/IEC 18004 Table 9, by level and version (index 0 = version 1): EC codewords per block. */
const EC_CODEWORDS_PER_BLOCK: Record<EccLevel, readonly number[]> = {
  L: [
    7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    30,
  ],
  M: [
    10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    28,
  ],
  Q: [
    13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    30,
  ],
  H: [
    17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    30,
  ],
};

/** ISO/IEC 18004 Table 9: number of error correction blocks. */
const EC_BLOCKS: Record<EccLevel, readonly number[]> = {
  L: [1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
  M: [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
  Q: [1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
  H: [1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
};

/** The two format-information bits of each level (they are not in L, M, Q, H order). */
const LEVEL_BITS: Record<EccLevel, number> = { L: 1, M: 0, Q: 3, H: 2 };

const MODE_BYTE = 0x4;
const MODE_ECI = 0x7;
const ECI_UTF8 = 26;
const PAD_BYTES = [0xec, 0x11];

const PENALTY_RUN = 3;
const PENALTY_BLOCK = 3;
const PENALTY_FINDER_LIKE = 40;
const PENALTY_BALANCE = 10;

// ---- Data encoding ---------------------------------------------------------------------------

export function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    let code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd; // a lone surrogate has no UTF-8 form
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return bytes;
}

function appendBits(bits: number[], value: number, length: number): void {
  for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
}

function sizeOf(version: number): number {
  return 4 * version + 17;
}

/** Centre coordinates of the alignment patterns (ISO/IEC 18004 Annex E), evenly spaced from the end. */
function alignmentCentres(version: number): number[] {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const last = sizeOf(version) - 7;
  // Spacing is even and rounded up; version 32 is the one exception in the table.
  const step = version === 32 ? 26 : Math.ceil((last - 6) / (2 * (count - 1))) * 2;
  const centres = [6];
  for (let i = count - 2; i >= 0; i--) centres.push(last - i * step);
  return centres;
}

// ---- Symbol layout ---------------------------------------------------------------------------

interface Grid {
  size: number;
  dark: boolean[][];
  /** Function patterns and information areas: never data, never masked. */
  reserved: boolean[][];
}

function newGrid(size: number): Grid {
  const rows = (): boolean[][] => Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  return { size, dark: rows(), reserved: rows() };
}

function setFunction(grid: Grid, row: number, column: number, dark: boolean): void {
  grid.dark[row][column] = dark;
  grid.reserved[row][column] = true;
}

function drawFinder(grid: Grid, top: number, left: number): void {
  // The 7×7 pattern plus its one-module light separator, clipped to the symbol.
  for (let dr = -1; dr <= 7; dr++) {
    for (let dc = -1; dc <= 7; dc++) {
      const row = top + dr;
      const column = left + dc;
      if (row < 0 || column < 0 || row >= grid.size || column >= grid.size) continue;
      const ring = Math.max(Math.abs(dr - 3), Math.abs(dc - 3));
      setFunction(grid, row, column, ring !== 2 && ring !== 4);
    }
  }
}

function drawAlignment(grid: Grid, centreRow: number, centreColumn: number): void {
  for (let dr = -2; dr <= 2; dr++) {
    for (let dc = -2; dc <= 2; dc++) setFunction(grid, centreRow + dr, centreColumn + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
  }
}

/** BCH code of `data`: data·2^degree mod generator, appended after the data bits. */
function bch(data: number, generator: number, degree: number): number {
  let remainder = data << degree;
  for (let bit = 31 - Math.clz32(remainder); bit >= degree; bit--) {
    if ((remainder >>> bit) & 1) remainder ^= generator << (bit - degree);
  }
  return (data << degree) | remainder;
}

/** 15 format bits: level and mask, BCH(15,5) with generator 0x537, XORed with 0x5412. */
function formatBits(level: EccLevel, mask: number): number {
  return bch((LEVEL_BITS[level] << 3) | mask, 0x537, 10) ^ 0x5412;
}

function drawFormat(grid: Grid, level: EccLevel, mask: number): void {
  const bits = formatBits(level, mask);
  const size = grid.size;
  const bit = (i: number): boolean => ((bits >>> i) & 1) === 1;
  // First copy, around the top-left finder, skipping the timing row and column.
  for (let i = 0; i <= 5; i++) setFunction(grid, i, 8, bit(i));
  setFunction(grid, 7, 8, bit(6));
  setFunction(grid, 8, 8, bit(7));
  setFunction(grid, 8, 7, bit(8));
  for (let i = 9; i < 15; i++) setFunction(grid, 8, 14 - i, bit(i));
  // Second copy, split between the top-right and bottom-left finders.
  for (let i = 0; i < 8; i++) setFunction(grid, 8, size - 1 - i, bit(i));
  for (let i = 8; i < 15; i++) setFunction(grid, size - 15 + i, 8, bit(i));
  setFunction(grid, size - 8, 8, true); // the dark module
}

/** 18 version bits (versions 7+): version, BCH(18,6) with generator 0x1f25, two 6×3 copies. */
function drawVersion(grid: Grid, version: number): void {
  if (version < 7) return;
  const bits = bch(version, 0x1f25, 12);
  for (let i = 0; i < 18; i++) {
    const dark = ((bits >>> i) & 1) === 1;
    const near = Math.floor(i / 3);
    const far = grid.size - 11 + (i % 3);
    setFunction(grid, near, far, dark);
    setFunction(grid, far, near, dark);
  }
}

function drawFunctionPatterns(grid: Grid, version: number, level: EccLevel): void {
  const size = grid.size;
  for (let i = 0; i < size; i++) {
    setFunction(grid, 6, i, i % 2 === 0);
    setFunction(grid, i, 6, i % 2 === 0);
  }
  drawFinder(grid, 0, 0);
  drawFinder(grid, 0, size - 7);
  drawFinder(grid, size - 7, 0);
  const centres = alignmentCentres(version);
  const last = centres.length - 1;
  centres.forEach((row, i) =>
    centres.forEach((column, j) => {
      const overlapsFinder = (i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0);
      if (!overlapsFinder) drawAlignment(grid, row, column);
    }),
  );
  drawFormat(grid, level, 0); // reserves the area; the chosen mask's bits are drawn later
  drawVersion(grid, version);
}

function countDataModules(version: number): number {
  const grid = newGrid(sizeOf(version));
  drawFunctionPatterns(grid, version, 'L');
  let free = 0;
  for (const row of grid.reserved) for (const reserved of row) if (!reserved) free++;
  return free;
}

interface Capacity {
  total: number;
  data: number;
  blocks: number;
  ecPerBlock: number;
}

function capacityOf(version: number, level: EccLevel): Capacity {
  const total = Math.floor(countDataModules(version) / 8);
  const blocks = EC_BLOCKS[level][version - 1];
  const ecPerBlock = EC_CODEWORDS_PER_BLOCK[level][version - 1];
  return { total, blocks, ecPerBlock, data: total - blocks * ecPerBlock };
}

/** Splits data into blocks (the later ones one codeword longer), adds EC, interleaves. */
function interleave(data: readonly number[], capacity: Capacity): number[] {
  const shortLength = Math.floor(capacity.data / capacity.blocks);
  const longBlocks = capacity.data % capacity.blocks;
  const generator = generatorPolynomial(capacity.ecPerBlock);
  const dataBlocks: number[][] = [];
  const ecBlocks: number[][] = [];
  let offset = 0;
  for (let b = 0; b < capacity.blocks; b++) {
    const length = shortLength + (b >= capacity.blocks - longBlocks ? 1 : 0);
    const block = data.slice(offset, offset + length);
    offset += length;
    dataBlocks.push(block);
    ecBlocks.push(reedSolomonRemainder(block, generator));
  }
  const out: number[] = [];
  for (let i = 0; i <= shortLength; i++) for (const block of dataBlocks) if (i < block.length) out.push(block[i]);
  for (let i = 0; i < capacity.ecPerBlock; i++) for (const block of ecBlocks) out.push(block[i]);
  return out;
}

/** Places codewords in the two-column zigzag from the bottom right, skipping the timing column. */
function placeCodewords(grid: Grid, codewords: readonly number[]): void {
  const size = grid.size;
  let index = 0;
  const totalBits = codewords.length * 8;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    const upward = ((size - 1 - right) >> 1) % 2 === 0;
    for (let step = 0; step < size; step++) {
      const row = upward ? size - 1 - step : step;
      for (let column = right; column >= right - 1; column--) {
        if (grid.reserved[row][column]) continue;
        // Remainder bits after the last codeword stay light.
        grid.dark[row][column] = index < totalBits && ((codewords[index >> 3] >>> (7 - (index & 7))) & 1) === 1;
        index++;
      }
    }
  }
}

const MASKS: ReadonlyArray<(row: number, column: number) => boolean> = [
  (r, c) => (r + c) % 2 === 0,
  (r) => r % 2 === 0,
  (_r, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
];

function applyMask(grid: Grid, mask: number): void {
  const inMask = MASKS[mask];
  for (let r = 0; r < grid.size; r++) {
    for (let c = 0; c < grid.size; c++) if (!grid.reserved[r][c] && inMask(r, c)) grid.dark[r][c] = !grid.dark[r][c];
  }
}

/** N1 and N3 on one line of modules: long runs, and 1:1:3:1:1 finder look-alikes with 4 light beside. */
function linePenalty(line: readonly boolean[]): number {
  let penalty = 0;
  let run = 1;
  for (let i = 1; i <= line.length; i++) {
    if (i < line.length && line[i] === line[i - 1]) {
      run++;
      continue;
    }
    if (run >= 5) penalty += PENALTY_RUN + (run - 5);
    run = 1;
  }
  const finderLike = [true, false, true, true, true, false, true];
  for (let start = 0; start + 7 <= line.length; start++) {
    let matches = true;
    for (let k = 0; k < 7 && matches; k++) matches = line[start + k] === finderLike[k];
    if (!matches) continue;
    const lightBefore = start >= 4 && !line[start - 1] && !line[start - 2] && !line[start - 3] && !line[start - 4];
    const end = start + 7;
    const lightAfter = end + 4 <= line.length && !line[end] && !line[end + 1] && !line[end + 2] && !line[end + 3];
    if (lightBefore) penalty += PENALTY_FINDER_LIKE;
    if (lightAfter) penalty += PENALTY_FINDER_LIKE;
  }
  return penalty;
}

function penaltyScore(grid: Grid): number {
  const { size, dark } = grid;
  let penalty = 0;
  let darkCount = 0;
  const column = new Array<boolean>(size);
  for (let i = 0; i < size; i++) {
    penalty += linePenalty(dark[i]);
    for (let r = 0; r < size; r++) column[r] = dark[r][i];
    penalty += linePenalty(column);
  }
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (dark[r][c]) darkCount++;
      if (r + 1 < size && c + 1 < size) {
        const colour = dark[r][c];
        if (dark[r][c + 1] === colour && dark[r + 1][c] === colour && dark[r + 1][c + 1] === colour) penalty += PENALTY_BLOCK;
      }
    }
  }
  // N4: 10 points for each full 5 % by which the dark share departs from 50 %.
  const percentDark = (darkCount * 100) / (size * size);
  penalty += Math.floor(Math.abs(percentDark - 50) / 5) * PENALTY_BALANCE;
  return penalty;
}

/** The data segment bits: [ECI 26,] byte mode, character count (8 bits to version 9, then 16), bytes. */
function segmentBits(bytes: readonly number[], version: number, utf8Eci: boolean): number[] {
  const bits: number[] = [];
  if (utf8Eci) {
    appendBits(bits, MODE_ECI, 4);
    appendBits(bits, ECI_UTF8, 8);
  }
  appendBits(bits, MODE_BYTE, 4);
  appendBits(bits, bytes.length, version <= 9 ? 8 : 16);
  for (const byte of bytes) appendBits(bits, byte, 8);
  return bits;
}

/** Encodes text in the smallest version that holds it at the given error correction level. */
export function encodeQr(text: string, ecc: EccLevel = 'M'): QrCode {
  const bytes = utf8Bytes(text);
  const utf8Eci = bytes.some((byte) => byte >= 0x80);
  for (let version = 1; version <= MAX_VERSION; version++) {
    const capacity = capacityOf(version, ecc);
    const bits = segmentBits(bytes, version, utf8Eci);
    const capacityBits = capacity.data * 8;
    if (bits.length > capacityBits) continue;
    appendBits(bits, 0, Math.min(4, capacityBits - bits.length)); // terminator
    appendBits(bits, 0, (8 - (bits.length % 8)) % 8);
    const data: number[] = [];
    for (let i = 0; i < bits.length; i += 8) {
      let byte = 0;
      for (let k = 0; k < 8; k++) byte = (byte << 1) | bits[i + k];
      data.push(byte);
    }
    for (let i = 0; data.length < capacity.data; i++) data.push(PAD_BYTES[i % 2]);
    return buildSymbol(version, ecc, interleave(data, capacity));
  }
  throw new Error(`Text too long for a QR code at level ${ecc}: ${bytes.length} bytes`);
}

function buildSymbol(version: number, level: EccLevel, codewords: readonly number[]): QrCode {
  const grid = newGrid(sizeOf(version));
  drawFunctionPatterns(grid, version, level);
  placeCodewords(grid, codewords);
  let best: { mask: number; penalty: number; dark: boolean[][] } | null = null;
  for (let mask = 0; mask < MASKS.length; mask++) {
    applyMask(grid, mask);
    drawFormat(grid, level, mask);
    const penalty = penaltyScore(grid);
    if (!best || penalty < best.penalty) best = { mask, penalty, dark: grid.dark.map((row) => row.slice()) };
    applyMask(grid, mask); // XOR again to undo
  }
  return { version, mask: best!.mask, size: grid.size, modules: best!.dark };
}
