import { CHART_PALETTE, barChartPng } from '../../src/domain/chart';
import { decodePng, rgbAt } from './png-reader';

const BAR = CHART_PALETTE[2];
const WHISKER = CHART_PALETTE[3];
const INK = CHART_PALETTE[4];

/** Vertical runs of bar colour in column x: [top, bottom) of each bar. */
function barRows(png: ReturnType<typeof decodePng>, x: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let y = 0; y < png.height; y++) {
    if (rgbAt(png, x, y) !== BAR) continue;
    if (runs.length && runs[runs.length - 1][1] === y) runs[runs.length - 1][1] = y + 1;
    else runs.push([y, y + 1]);
  }
  return runs;
}

function barLength(png: ReturnType<typeof decodePng>, y: number, fromX: number): number {
  let x = fromX;
  while (x < png.width && rgbAt(png, x, y) === BAR) x++;
  return x - fromX;
}

describe('barChartPng', () => {
  const bars = [
    { label: 'ease', value: 1 },
    { label: 'efficiency', value: 0.5, low: 0.4, high: 0.6 },
    { label: 'quality', value: 0.25 },
    { label: 'trust', value: 0.8, low: 0.7, high: 0.9 },
  ];
  const chart = barChartPng({ bars, width: 400, height: 200, title: 'Agree by driver' });
  const png = decodePng(chart.png);

  it('is a valid indexed PNG of the requested size', () => {
    expect(png).toMatchObject({ width: 400, height: 200, colorType: 3 });
  });

  it('draws bars in order with lengths proportional to their values', () => {
    const rows = barRows(png, 10);
    expect(rows.length).toBe(4);
    const full = barLength(png, rows[0][0], 8);
    const half = barLength(png, rows[1][0], 8);
    const quarter = barLength(png, rows[2][0], 8);
    expect(full).toBeGreaterThan(250);
    expect(Math.abs(half - full / 2)).toBeLessThanOrEqual(1);
    expect(Math.abs(quarter - full / 4)).toBeLessThanOrEqual(1);
    expect(Math.abs(barLength(png, rows[3][0], 8) - full * 0.8)).toBeLessThanOrEqual(1);
    const thickness = rows[0][1] - rows[0][0];
    expect(rows[1][1] - rows[1][0]).toBe(thickness);
  });

  it('draws the interval whisker with end caps across the bar end', () => {
    const rows = barRows(png, 10);
    const top = rows[1][0];
    const centre = Math.round((rows[1][0] + rows[1][1]) / 2);
    const full = barLength(png, rows[0][0], 8);
    const lowX = Math.round(8 + 0.4 * full);
    const highX = Math.round(8 + 0.6 * full);
    expect(rgbAt(png, lowX, centre)).toBe(WHISKER);
    expect(rgbAt(png, Math.round(8 + 0.55 * full), centre)).toBe(WHISKER);
    expect(rgbAt(png, highX, centre - 2)).toBe(WHISKER); // the cap
    expect(rgbAt(png, Math.round(8 + 0.65 * full), centre)).toBe(CHART_PALETTE[0]);
    expect(rgbAt(png, Math.round(8 + 0.55 * full), top)).toBe(CHART_PALETTE[0]); // beyond the bar, above the whisker
  });

  it('writes each percentage in pixel digits at the right', () => {
    for (const [top, bottom] of barRows(png, 10)) {
      let ink = 0;
      for (let y = top; y < bottom; y++) for (let x = 300; x < 400; x++) if (rgbAt(png, x, y) === INK) ink++;
      expect(ink).toBeGreaterThan(20);
    }
  });

  it('carries the labels and values in the alt text', () => {
    expect(chart.alt).toBe('Agree by driver: ease: 100%; efficiency: 50% (40%–60%); quality: 25%; trust: 80% (70%–90%)');
  });

  it('clamps out-of-range values and survives an empty list', () => {
    const clamped = barChartPng({ bars: [{ label: 'x', value: 1.7, low: -0.2, high: 2 }], width: 120, height: 40 });
    expect(clamped.alt).toBe('x: 100% (0%–100%)');
    expect(decodePng(clamped.png).width).toBe(120);
    const empty = barChartPng({ bars: [], width: 50, height: 30 });
    expect(decodePng(empty.png).height).toBe(30);
    expect(empty.alt).toBe('');
    const zero = decodePng(barChartPng({ bars: [{ label: 'none', value: 0 }], width: 120, height: 40 }).png);
    expect(barRows(zero, 10)).toEqual([]);
  });
});
