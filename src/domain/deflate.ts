/**
 * A small deflate compressor (RFC 1951) for the PNGs: LZ77 over a 32 KB window with a hash chain,
 * coded with the fixed Huffman codes (§3.2.6), in one final block. Charts at print resolution are
 * mostly long runs of white and repeated rows, which this shrinks some fifty-fold; stored blocks
 * would make a chart several hundred kilobytes in the Doc and the HTML page.
 */

const WINDOW = 32768;
const MIN_MATCH = 3;
const MAX_MATCH = 258;
const HASH_BITS = 15;
/** How many earlier positions with the same hash are tried: enough for images, cheap in Apps Script. */
const MAX_CHAIN = 24;

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

class BitWriter {
  readonly bytes: number[] = [];
  private current = 0;
  private count = 0;

  /** Extra bits and header fields: least significant bit first. */
  bits(value: number, length: number): void {
    for (let i = 0; i < length; i++) {
      this.current |= ((value >>> i) & 1) << this.count;
      if (++this.count === 8) this.flush();
    }
  }

  /** Huffman codes go most significant bit first. */
  code(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.current |= ((value >>> i) & 1) << this.count;
      if (++this.count === 8) this.flush();
    }
  }

  private flush(): void {
    this.bytes.push(this.current);
    this.current = 0;
    this.count = 0;
  }

  finish(): number[] {
    if (this.count > 0) this.flush();
    return this.bytes;
  }
}

/** A literal/length symbol (0–287) in the fixed code. */
function writeSymbol(out: BitWriter, symbol: number): void {
  if (symbol < 144) out.code(0x30 + symbol, 8);
  else if (symbol < 256) out.code(0x190 + symbol - 144, 9);
  else if (symbol < 280) out.code(symbol - 256, 7);
  else out.code(0xc0 + symbol - 280, 8);
}

function writeMatch(out: BitWriter, length: number, distance: number): void {
  let l = LENGTH_BASE.length - 1;
  while (LENGTH_BASE[l] > length) l--;
  writeSymbol(out, 257 + l);
  out.bits(length - LENGTH_BASE[l], LENGTH_EXTRA[l]);
  let d = DIST_BASE.length - 1;
  while (DIST_BASE[d] > distance) d--;
  out.code(d, 5);
  out.bits(distance - DIST_BASE[d], DIST_EXTRA[d]);
}

function hashAt(data: ArrayLike<number>, i: number): number {
  return ((data[i] << 10) ^ (data[i + 1] << 5) ^ data[i + 2]) & ((1 << HASH_BITS) - 1);
}

/** Raw deflate data of `data`: one final block with fixed Huffman codes. */
export function deflateRaw(data: ArrayLike<number>): number[] {
  const out = new BitWriter();
  out.bits(1, 1); // BFINAL
  out.bits(1, 2); // BTYPE 01: fixed Huffman
  const head = new Int32Array(1 << HASH_BITS).fill(-1);
  const previous = new Int32Array(WINDOW);
  const insert = (i: number): void => {
    if (i + MIN_MATCH > data.length) return;
    const h = hashAt(data, i);
    previous[i % WINDOW] = head[h];
    head[h] = i;
  };
  let i = 0;
  while (i < data.length) {
    let bestLength = 0;
    let bestDistance = 0;
    if (i + MIN_MATCH <= data.length) {
      let candidate = head[hashAt(data, i)];
      const limit = Math.min(MAX_MATCH, data.length - i);
      for (let tries = 0; candidate >= 0 && i - candidate <= WINDOW && tries < MAX_CHAIN; tries++) {
        let length = 0;
        while (length < limit && data[candidate + length] === data[i + length]) length++;
        if (length > bestLength) {
          bestLength = length;
          bestDistance = i - candidate;
          if (length === limit) break;
        }
        const next = previous[candidate % WINDOW];
        if (next >= candidate) break;
        candidate = next;
      }
    }
    if (bestLength >= MIN_MATCH) {
      writeMatch(out, bestLength, bestDistance);
      for (let k = 0; k < bestLength; k++) insert(i + k);
      i += bestLength;
    } else {
      writeSymbol(out, data[i]);
      insert(i);
      i++;
    }
  }
  writeSymbol(out, 256); // end of block
  return out.finish();
}
