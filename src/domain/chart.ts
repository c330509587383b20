/**
 * Horizontal bar charts as small indexed PNGs, for the report documents. Labels are not drawn
 * (no font rasterising in Apps Script); the document carries them in the image's alt text and a
 * table beside it. Each bar may carry a confidence-interval whisker; its percentage is drawn at
 * the right with a built-in 5×7 pixel font.
 */
import { encodePalettePng } from './png';

export interface Bar {
  label: string;
  /** A share 0–1. */
  value: number;
  low?: number;
  high?: number;
}

export interface BarChartInput {
  bars: readonly Bar[];
  width: number;
  height: number;
  /** Leads the alt text, e.g. the chart's caption. */
  title?: string;
}

export interface Chart {
  png: number[];
  alt: string;
}

const WHITE = 0;
const GRID = 1;
const BAR = 2;
const WHISKER = 3;
const INK = 4;
/** Indexed by the constants above (0xRRGGBB). */
export const CHART_PALETTE: readonly number[] = [0xffffff, 0xd0d0d0, 0x2b6cb0, 0x1a1a1a, 0x333333];

const PADDING = 8;
const TICKS = [0, 0.25, 0.5, 0.75, 1];
const TICK_LENGTH = 4;
const GLYPH_WIDTH = 5;
const GLYPH_HEIGHT = 7;
const GLYPH_GAP = 1;
/** Room for "100%" at the right of each bar. */
const LABEL_GLYPHS = 4;

/** 5×7 glyphs, one string of five 0/1 a row. */
const FONT: Record<string, readonly string[]> = {
  '0': ['01110', '10001', '10011', '10101', '11001', '10001', '01110'],
  '1': ['00100', '01100', '00100', '00100', '00100', '00100', '01110'],
  '2': ['01110', '10001', '00001', '00010', '00100', '01000', '11111'],
  '3': ['11110', '00001', '00001', '01110', '00001', '00001', '11110'],
  '4': ['00010', '00110', '01010', '10010', '11111', '00010', '00010'],
  '5': ['11111', '10000', '11110', '00001', '00001', '10001', '01110'],
  '6': ['00110', '01000', '10000', '11110', '10001', '10001', '01110'],
  '7': ['11111', '00001', '00010', '00100', '01000', '01000', '01000'],
  '8': ['01110', '10001', '10001', '01110', '10001', '10001', '01110'],
  '9': ['01110', '10001', '10001', '01111', '00001', '00010', '01100'],
  '%': ['11000', '11001', '00010', '00100', '01000', '10011', '00011'],
};

function clampShare(value: number | undefined): number | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return Math.min(1, Math.max(0, value));
}

export function percentText(share: number): string {
  return `${Math.round(share * 100)}%`;
}

interface Canvas {
  width: number;
  height: number;
  pixels: Uint8Array;
}

function fillRect(canvas: Canvas, left: number, top: number, right: number, bottom: number, colour: number): void {
  const x0 = Math.max(0, Math.round(left));
  const x1 = Math.min(canvas.width, Math.round(right));
  const y0 = Math.max(0, Math.round(top));
  const y1 = Math.min(canvas.height, Math.round(bottom));
  for (let y = y0; y < y1; y++) canvas.pixels.fill(colour, y * canvas.width + x0, y * canvas.width + Math.max(x0, x1));
}

function drawText(canvas: Canvas, text: string, left: number, top: number, scale: number): void {
  let x = left;
  for (const char of text) {
    const glyph = FONT[char];
    if (glyph) {
      glyph.forEach((row, gy) => {
        for (let gx = 0; gx < GLYPH_WIDTH; gx++) {
          if (row[gx] === '1') fillRect(canvas, x + gx * scale, top + gy * scale, x + (gx + 1) * scale, top + (gy + 1) * scale, INK);
        }
      });
    }
    x += (GLYPH_WIDTH + GLYPH_GAP) * scale;
  }
}

function altText(input: BarChartInput): string {
  const parts = input.bars.map((bar) => {
    const value = clampShare(bar.value) ?? 0;
    const low = clampShare(bar.low);
    const high = clampShare(bar.high);
    const interval = low !== undefined && high !== undefined ? ` (${percentText(low)}–${percentText(high)})` : '';
    return `${bar.label}: ${percentText(value)}${interval}`;
  });
  return [input.title, parts.join('; ')].filter((part) => part).join(': ');
}

/**
 * Draws bars top to bottom in the given order, scaled 0–100 % across the plot with grid lines
 * and ticks every 25 %. Whiskers span [low, high] with end caps.
 */
export function barChartPng(input: BarChartInput): Chart {
  const width = Math.max(1, Math.round(input.width));
  const height = Math.max(1, Math.round(input.height));
  const canvas: Canvas = { width, height, pixels: new Uint8Array(width * height).fill(WHITE) };
  const count = input.bars.length;
  const rowHeight = (height - 2 * PADDING - TICK_LENGTH) / Math.max(1, count);
  const textScale = Math.max(1, Math.min(3, Math.floor((rowHeight * 0.6) / GLYPH_HEIGHT)));
  const labelWidth = LABEL_GLYPHS * (GLYPH_WIDTH + GLYPH_GAP) * textScale;
  const plotLeft = PADDING;
  const plotRight = Math.max(plotLeft + 1, width - PADDING - labelWidth - PADDING);
  const plotTop = PADDING;
  const plotBottom = height - PADDING - TICK_LENGTH;
  const xOf = (share: number): number => plotLeft + share * (plotRight - plotLeft);

  for (const tick of TICKS) {
    const x = Math.min(Math.round(xOf(tick)), plotRight - 1);
    fillRect(canvas, x, plotTop, x + 1, plotBottom + TICK_LENGTH, GRID);
  }
  fillRect(canvas, plotLeft, plotBottom, plotRight, plotBottom + 1, GRID);

  input.bars.forEach((bar, i) => {
    const value = clampShare(bar.value) ?? 0;
    const rowTop = plotTop + i * rowHeight;
    const thickness = rowHeight * 0.6;
    const barTop = rowTop + (rowHeight - thickness) / 2;
    const centre = Math.round(barTop + thickness / 2);
    fillRect(canvas, plotLeft, barTop, xOf(value), barTop + thickness, BAR);
    const low = clampShare(bar.low);
    const high = clampShare(bar.high);
    if (low !== undefined && high !== undefined && high >= low) {
      const capHalf = Math.max(2, thickness / 4);
      const lineHalf = thickness >= 12 ? 1 : 0.5;
      fillRect(canvas, xOf(low), centre - lineHalf, xOf(high) + 1, centre + lineHalf, WHISKER);
      fillRect(canvas, xOf(low), centre - capHalf, xOf(low) + 1, centre + capHalf, WHISKER);
      fillRect(canvas, xOf(high), centre - capHalf, xOf(high) + 1, centre + capHalf, WHISKER);
    }
    drawText(canvas, percentText(value), plotRight + PADDING, centre - (GLYPH_HEIGHT * textScale) / 2, textScale);
  });

  const png = encodePalettePng(width, height, CHART_PALETTE, (x, y) => canvas.pixels[y * width + x]);
  return { png, alt: altText(input) };
}
