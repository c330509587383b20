/**
 * The funnel plot as an indexed PNG at print resolution: respondents across, share up; the national
 * figure as a line, the 95 % and 99.8 % control limits as curves around it, each municipality a
 * dot with its number (the report's alphabetical list beside the chart names it). The axes, their
 * ticks and a legend are written in Georgian with the charts' glyph set (chart-text.ts); the alt
 * text carries every name and figure for screen readers.
 */
import { drawText, encodeCanvas, fillRect, newCanvas, type Canvas } from './chart-canvas';
import { ASCENT, LINE_HEIGHT, textWidth } from './chart-text';
import { Z95, Z998, limits, type FunnelResult } from './funnel';
import { t } from './messages';

const WHITE = 0;
const GRID = 1;
const NATIONAL = 2;
const LIMIT95 = 3;
const LIMIT998 = 4;
const DOT = 5;
const MUTED = 6;
const INK = 7;
const INK_2 = 8;
const INK_1 = 9;
export const FUNNEL_PALETTE: readonly number[] = [0xffffff, 0xdddddd, 0x1a1a1a, 0x2b6cb0, 0xc53030, 0x2f855a, 0x9a9a9a, 0x222222, 0x6f6f6f, 0xbdbdbd];
const INK_BY_LEVEL = [WHITE, INK_1, INK_2, INK];

const PADDING = 24;
const GAP = 20;
const LINE = 4;
const GRID_WIDTH = 2;
const DOT_RADIUS = 10;
const SWATCH = 48;

/** A tick step of 1, 2 or 5 × 10^k giving about `count` ticks up to `max`. */
function niceStep(max: number, count: number): number {
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
}

/** The legend across the top: a swatch and its words for each line and mark; returns its height. */
function drawLegend(c: Canvas, top: number): number {
  const entries: Array<[number, string]> = [
    [NATIONAL, t('national.legend_national')],
    [LIMIT95, t('national.legend_95')],
    [LIMIT998, t('national.legend_998')],
    [MUTED, t('national.legend_too_few')],
  ];
  let x = PADDING;
  let y = top;
  for (const [colour, words] of entries) {
    const width = SWATCH + GAP / 2 + textWidth(words) + GAP * 2;
    if (x + width > c.width - PADDING && x > PADDING) {
      x = PADDING;
      y += LINE_HEIGHT;
    }
    const middle = y + LINE_HEIGHT / 2;
    if (colour === MUTED) fillRect(c, x + SWATCH / 2 - DOT_RADIUS, middle - DOT_RADIUS, x + SWATCH / 2 + DOT_RADIUS, middle + DOT_RADIUS, MUTED);
    else fillRect(c, x, middle - LINE, x + SWATCH, middle + LINE, colour);
    drawText(c, words, x + SWATCH + GAP / 2, y + ASCENT);
    x += width;
  }
  return y + LINE_HEIGHT - top;
}

export function funnelChartPng(result: FunnelResult, size: { width: number; height: number; title: string }): { png: number[]; alt: string } {
  const { width, height } = size;
  const c = newCanvas(width, height, INK_BY_LEVEL);
  const legendHeight = drawLegend(c, PADDING);
  const yTitleTop = PADDING + legendHeight + GAP;
  drawText(c, t('national.axis_share'), PADDING, yTitleTop + ASCENT);
  const left = PADDING + textWidth('100%') + GAP;
  const right = width - PADDING - textWidth('0000') / 2;
  const top = yTitleTop + LINE_HEIGHT + GAP;
  const bottom = height - PADDING - 2 * LINE_HEIGHT - GAP;

  const p0 = result.national ?? 0.5;
  const maxN = Math.max(result.minRespondents * 2, ...result.points.map((p) => p.respondents)) * 1.08;
  // The share axis shows the limits at the smallest compared size and every point, in steps of 10 %.
  const spread = limits(p0, result.minRespondents, Z998);
  const shares = [spread.low, spread.high, ...result.points.map((p) => p.share)];
  const yLow = Math.max(0, Math.floor(Math.min(...shares) * 10) / 10);
  const yHigh = Math.min(1, Math.ceil(Math.max(...shares) * 10) / 10);
  const xOf = (n: number) => left + (n / maxN) * (right - left);
  const yOf = (share: number) => bottom - ((share - yLow) / Math.max(0.1, yHigh - yLow)) * (bottom - top);

  // Below the minimum the area is shaded: nothing there is compared.
  for (let x = left + 2; x < xOf(result.minRespondents); x += 8) for (let y = top; y < bottom; y += 8) fillRect(c, x, y, x + 2, y + 2, GRID);
  for (let s = Math.round(yLow * 10); s <= Math.round(yHigh * 10); s++) {
    const y = yOf(s / 10);
    fillRect(c, left, y - GRID_WIDTH / 2, right, y + GRID_WIDTH / 2, GRID);
    const label = `${s * 10}%`;
    drawText(c, label, left - GAP / 2 - textWidth(label), y - LINE_HEIGHT / 2 + ASCENT - 4);
  }
  const step = niceStep(maxN, 6);
  for (let n = 0; n <= maxN; n += step) {
    const x = xOf(n);
    fillRect(c, x - GRID_WIDTH / 2, top, x + GRID_WIDTH / 2, bottom + GAP / 2, GRID);
    drawText(c, String(n), x - textWidth(String(n)) / 2, bottom + GAP / 2 + ASCENT);
  }
  const xTitle = t('national.axis_respondents');
  drawText(c, xTitle, (left + right) / 2 - textWidth(xTitle) / 2, bottom + GAP + LINE_HEIGHT + ASCENT);
  fillRect(c, left, bottom, right, bottom + LINE / 2, INK);
  fillRect(c, left, top, left + LINE / 2, bottom, INK);

  if (result.national !== null) {
    for (let x = Math.ceil(xOf(1)); x < right; x++) {
      const n = ((x - left) / (right - left)) * maxN;
      for (const [z, colour] of [
        [Z95, LIMIT95],
        [Z998, LIMIT998],
      ] as const) {
        const lim = limits(p0, n, z);
        for (const share of [lim.low, lim.high])
          if (share >= yLow && share <= yHigh) fillRect(c, x, yOf(share) - LINE / 2, x + 1, yOf(share) + LINE / 2, colour);
      }
    }
    const y = yOf(p0);
    fillRect(c, left, y - LINE / 2, right, y + LINE / 2, NATIONAL);
  }
  for (const p of result.points) {
    const x = xOf(p.respondents);
    const y = yOf(p.share);
    fillRect(c, x - DOT_RADIUS, y - DOT_RADIUS, x + DOT_RADIUS, y + DOT_RADIUS, p.verdict === 'too_few' ? MUTED : DOT);
    drawText(c, String(p.number), x + DOT_RADIUS + 6, y - LINE_HEIGHT / 2 + ASCENT - 4);
  }
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  const alt = [
    size.title,
    result.national === null ? '' : `${pct(result.national)} (${result.respondents})`,
    result.points.map((p) => `${p.number}. ${p.municipality}: ${pct(p.share)}, ${p.respondents}`).join('; '),
  ]
    .filter(Boolean)
    .join(' — ');
  return { png: encodeCanvas(c, FUNNEL_PALETTE), alt };
}
