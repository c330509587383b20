/**
 * Horizontal bar charts as indexed PNGs for the report documents, drawn at print resolution:
 * each bar named in Georgian on its left (up to two lines), its share and 95% interval written
 * on its right, the interval drawn as a whisker, a 0–100% axis below. Apps Script has no font
 * rasteriser, so the text is drawn from a glyph set prepared at build time (chart-text.ts).
 * The alt text carries every label and figure in full for screen readers and the Doc.
 */
import { drawText, encodeCanvas, fillRect, newCanvas } from './chart-canvas';
import { ASCENT, LINE_HEIGHT, textWidth, wrapText } from './chart-text';

export interface Bar {
  label: string;
  /** A share 0–1. */
  value: number;
  low?: number;
  high?: number;
}

export interface BarChartInput {
  bars: readonly Bar[];
  /** Pixels; the height follows from the bars. */
  width: number;
  /** Leads the alt text, e.g. the chart's caption. */
  title?: string;
}

export interface Chart {
  png: number[];
  alt: string;
  width: number;
  height: number;
}

const WHITE = 0;
const GRID = 1;
const BAR = 2;
const WHISKER = 3;
/** Text: full ink, then two lighter levels for the glyphs' anti-aliased edges. */
const INK = 4;
const INK_2 = 5;
const INK_1 = 6;
/** Indexed by the constants above (0xRRGGBB). */
export const CHART_PALETTE: readonly number[] = [0xffffff, 0xc8c8c8, 0x2b6cb0, 0x1a1a1a, 0x222222, 0x6f6f6f, 0xbdbdbd];
const INK_BY_LEVEL = [WHITE, INK_1, INK_2, INK];

/**
 * The report places charts 440 pt wide (an A4 page inside its margins); 1840 px across them is
 * 301 dpi in print.
 */
export const CHART_WIDTH_PX = 1840;
export const CHART_WIDTH_PT = 440;

const PADDING = 24;
const GAP = 28;
const ROW_PADDING = 30;
const LABEL_LINES = 2;
/** The labels take at most this share of the width; longer names wrap, then end in "…". */
const LABEL_SHARE = 0.4;
const TICKS = [0, 0.25, 0.5, 0.75, 1];
const TICK_LENGTH = 12;
const GRID_WIDTH = 2;
const WHISKER_WIDTH = 5;

function clampShare(value: number | undefined): number | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return Math.min(1, Math.max(0, value));
}

export function percentText(share: number): string {
  return `${Math.round(share * 100)}%`;
}

interface Interval {
  low: number;
  high: number;
}

function intervalOf(bar: Bar): Interval | null {
  const low = clampShare(bar.low);
  const high = clampShare(bar.high);
  return low !== undefined && high !== undefined && high >= low ? { low, high } : null;
}

/** "78% (66–87%)": the share and its interval, as the table writes them. */
export function barValueText(bar: Bar): string {
  const value = percentText(clampShare(bar.value) ?? 0);
  const interval = intervalOf(bar);
  return interval ? `${value} (${Math.round(interval.low * 100)}–${percentText(interval.high)})` : value;
}

function altText(input: BarChartInput): string {
  const parts = input.bars.map((bar) => {
    const value = clampShare(bar.value) ?? 0;
    const interval = intervalOf(bar);
    return `${bar.label}: ${percentText(value)}${interval ? ` (${percentText(interval.low)}–${percentText(interval.high)})` : ''}`;
  });
  return [input.title, parts.join('; ')].filter((part) => part).join(': ');
}

/** Where each part of the chart goes, in pixels. */
export interface ChartGeometry {
  width: number;
  height: number;
  labelLeft: number;
  labelWidth: number;
  plotLeft: number;
  plotRight: number;
  valueLeft: number;
  rows: Array<{ top: number; bottom: number; lines: string[] }>;
  axisTop: number;
}

export function chartGeometry(bars: readonly Bar[], width: number): ChartGeometry {
  const w = Math.max(200, Math.round(width));
  const labelCap = Math.round(w * LABEL_SHARE);
  const labelWidth = Math.min(labelCap, Math.max(0, ...bars.map((bar) => textWidth(bar.label))));
  const valueWidth = Math.max(textWidth('100% (100–100%)') / 2, ...bars.map((bar) => textWidth(barValueText(bar))));
  const labelLeft = PADDING;
  const plotLeft = labelLeft + labelWidth + GAP;
  const valueLeft = w - PADDING - valueWidth;
  const plotRight = Math.max(plotLeft + 1, valueLeft - GAP);
  const rows: ChartGeometry['rows'] = [];
  let y = PADDING;
  for (const bar of bars) {
    const lines = wrapText(bar.label, labelWidth, LABEL_LINES);
    const height = Math.max(1, lines.length) * LINE_HEIGHT + ROW_PADDING;
    rows.push({ top: y, bottom: y + height, lines });
    y += height;
  }
  const axisTop = y;
  const height = axisTop + TICK_LENGTH + LINE_HEIGHT + PADDING;
  return { width: w, height, labelLeft, labelWidth, plotLeft, plotRight, valueLeft, rows, axisTop };
}

/**
 * Draws the bars top to bottom in the given order, scaled 0–100% across the plot, with grid lines
 * and labelled ticks every 25%. Whiskers span [low, high] with end caps.
 */
export function barChartPng(input: BarChartInput): Chart {
  const g = chartGeometry(input.bars, input.width);
  const canvas = newCanvas(g.width, g.height, INK_BY_LEVEL);
  const xOf = (share: number): number => g.plotLeft + share * (g.plotRight - g.plotLeft);
  const plotTop = g.rows.length ? g.rows[0].top : PADDING;

  for (const tick of TICKS) {
    const x = Math.min(Math.round(xOf(tick)), g.plotRight - GRID_WIDTH);
    fillRect(canvas, x, plotTop, x + GRID_WIDTH, g.axisTop + TICK_LENGTH, GRID);
    const label = percentText(tick);
    const labelX = Math.min(g.width - PADDING - textWidth(label), Math.max(g.plotLeft, x - textWidth(label) / 2));
    drawText(canvas, label, labelX, g.axisTop + TICK_LENGTH + ASCENT);
  }
  fillRect(canvas, g.plotLeft, g.axisTop, g.plotRight, g.axisTop + GRID_WIDTH, GRID);

  input.bars.forEach((bar, i) => {
    const row = g.rows[i];
    const value = clampShare(bar.value) ?? 0;
    const centre = Math.round((row.top + row.bottom) / 2);
    const thickness = Math.min(LINE_HEIGHT, row.bottom - row.top - ROW_PADDING / 2);
    fillRect(canvas, g.plotLeft, centre - thickness / 2, xOf(value), centre + thickness / 2, BAR);
    const interval = intervalOf(bar);
    if (interval) {
      const capHalf = thickness * 0.35;
      fillRect(canvas, xOf(interval.low), centre - WHISKER_WIDTH / 2, xOf(interval.high) + WHISKER_WIDTH, centre + WHISKER_WIDTH / 2, WHISKER);
      fillRect(canvas, xOf(interval.low), centre - capHalf, xOf(interval.low) + WHISKER_WIDTH, centre + capHalf, WHISKER);
      fillRect(canvas, xOf(interval.high), centre - capHalf, xOf(interval.high) + WHISKER_WIDTH, centre + capHalf, WHISKER);
    }
    // The label's lines centred on the bar; the value on the bar's line at the right.
    const firstBaseline = centre - (row.lines.length * LINE_HEIGHT) / 2 + ASCENT - 4;
    row.lines.forEach((line, n) => drawText(canvas, line, g.labelLeft, firstBaseline + n * LINE_HEIGHT));
    drawText(canvas, barValueText(bar), g.valueLeft, centre - LINE_HEIGHT / 2 + ASCENT - 4);
  });

  const png = encodeCanvas(canvas, CHART_PALETTE);
  return { png, alt: altText(input), width: g.width, height: g.height };
}
