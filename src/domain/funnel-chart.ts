/**
 * The funnel plot as a small indexed PNG (png.ts): respondents across, share up; the national
 * figure as a line, the 95 % and 99.8 % control limits as curves around it, each municipality a
 * dot with its number (the report's alphabetical list names it). Names are not drawn: the chart
 * code draws digits only (the Georgian glyphs are another change); the alt text and the list
 * beside the chart carry every name and figure.
 */
import { Z95, Z998, limits, type FunnelResult } from './funnel';
import { encodePalettePng } from './png';

const WHITE = 0;
const GRID = 1;
const NATIONAL = 2;
const LIMIT95 = 3;
const LIMIT998 = 4;
const DOT = 5;
const INK = 6;
const MUTED = 7;
export const FUNNEL_PALETTE: readonly number[] = [0xffffff, 0xdddddd, 0x1a1a1a, 0x2b6cb0, 0xc53030, 0x2f855a, 0x222222, 0x9a9a9a];

/** 3×5 digits and %: dot numbers and axis ticks. */
const DIGITS: Record<string, readonly string[]> = {
  '0': ['111', '101', '101', '101', '111'],
  '1': ['010', '110', '010', '010', '111'],
  '2': ['111', '001', '111', '100', '111'],
  '3': ['111', '001', '111', '001', '111'],
  '4': ['101', '101', '111', '001', '001'],
  '5': ['111', '100', '111', '001', '111'],
  '6': ['111', '100', '111', '101', '111'],
  '7': ['111', '001', '010', '010', '010'],
  '8': ['111', '101', '111', '101', '111'],
  '9': ['111', '101', '111', '001', '111'],
  '%': ['101', '001', '010', '100', '101'],
};

interface Canvas {
  width: number;
  height: number;
  pixels: Uint8Array;
}

function set(c: Canvas, x: number, y: number, colour: number): void {
  const px = Math.round(x);
  const py = Math.round(y);
  if (px >= 0 && py >= 0 && px < c.width && py < c.height) c.pixels[py * c.width + px] = colour;
}

function rect(c: Canvas, x0: number, y0: number, x1: number, y1: number, colour: number): void {
  for (let y = Math.round(y0); y < Math.round(y1); y++) for (let x = Math.round(x0); x < Math.round(x1); x++) set(c, x, y, colour);
}

function text(c: Canvas, s: string, left: number, top: number, scale: number, colour: number): void {
  let x = left;
  for (const ch of s) {
    DIGITS[ch]?.forEach((row, gy) => {
      for (let gx = 0; gx < 3; gx++) if (row[gx] === '1') rect(c, x + gx * scale, top + gy * scale, x + (gx + 1) * scale, top + (gy + 1) * scale, colour);
    });
    x += 4 * scale;
  }
}

/** A tick step of 1, 2 or 5 × 10^k giving about `count` ticks up to `max`. */
function niceStep(max: number, count: number): number {
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
}

export function funnelChartPng(result: FunnelResult, size: { width: number; height: number; title: string }): { png: number[]; alt: string } {
  const { width, height } = size;
  const c: Canvas = { width, height, pixels: new Uint8Array(width * height).fill(WHITE) };
  const left = 34;
  const right = width - 12;
  const top = 10;
  const bottom = height - 22;
  const p0 = result.national ?? 0.5;
  const maxN = Math.max(result.minRespondents * 2, ...result.points.map((p) => p.respondents)) * 1.08;
  // The share axis shows the limits at the smallest compared size and every point, in steps of 10 %.
  const spread = limits(p0, result.minRespondents, Z998);
  const shares = [spread.low, spread.high, ...result.points.map((p) => p.share)];
  const yLow = Math.max(0, Math.floor(Math.min(...shares) * 10) / 10);
  const yHigh = Math.min(1, Math.ceil(Math.max(...shares) * 10) / 10);
  const xOf = (n: number) => left + (n / maxN) * (right - left);
  const yOf = (share: number) => bottom - ((share - yLow) / Math.max(0.1, yHigh - yLow)) * (bottom - top);

  for (let s = Math.round(yLow * 10); s <= Math.round(yHigh * 10); s++) {
    const y = yOf(s / 10);
    rect(c, left, y, right, y + 1, GRID);
    text(c, `${s * 10}%`, 2, y - 2, 1, MUTED);
  }
  const step = niceStep(maxN, 5);
  for (let n = 0; n <= maxN; n += step) {
    const x = xOf(n);
    rect(c, x, top, x + 1, bottom + 3, GRID);
    text(c, String(n), x - 2 * String(n).length, bottom + 6, 2, MUTED);
  }
  rect(c, left, bottom, right, bottom + 1, INK);
  rect(c, left, top, left + 1, bottom, INK);
  // Below the minimum the area is shaded: nothing there is compared.
  for (let x = left + 1; x < xOf(result.minRespondents); x += 3) for (let y = top; y < bottom; y += 3) set(c, x, y, GRID);

  if (result.national !== null) {
    for (let x = Math.ceil(xOf(1)); x < right; x++) {
      const n = ((x - left) / (right - left)) * maxN;
      for (const [z, colour] of [
        [Z95, LIMIT95],
        [Z998, LIMIT998],
      ] as const) {
        const lim = limits(p0, n, z);
        for (const share of [lim.low, lim.high]) if (share >= yLow && share <= yHigh) rect(c, x, yOf(share) - 1, x + 1, yOf(share) + 1, colour);
      }
    }
    const y = yOf(p0);
    rect(c, left, y - 1, right, y + 1, NATIONAL);
  }
  for (const p of result.points) {
    const x = xOf(p.respondents);
    const y = yOf(p.share);
    rect(c, x - 3, y - 3, x + 4, y + 4, p.verdict === 'too_few' ? MUTED : DOT);
    text(c, String(p.number), x + 6, y - 5, 2, INK);
  }
  const png = encodePalettePng(width, height, FUNNEL_PALETTE, (x, y) => c.pixels[y * width + x]);
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  const alt = [
    size.title,
    result.national === null ? '' : `${pct(result.national)} (${result.respondents})`,
    result.points.map((p) => `${p.number}. ${p.municipality}: ${pct(p.share)}, ${p.respondents}`).join('; '),
  ]
    .filter(Boolean)
    .join(' — ');
  return { png, alt };
}
