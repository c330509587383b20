import { CHART_PALETTE, CHART_WIDTH_PT, CHART_WIDTH_PX, barChartPng, chartGeometry } from '../../src/domain/chart';
import { CHART_GLYPHS } from '../../src/domain/chart-font';
import { drawTextRuns, glyphFor, hasGlyphs, textWidth, wrapText } from '../../src/domain/chart-text';
import { decodePng, rgbAt } from './png-reader';

const WHITE = CHART_PALETTE[0];
const BAR = CHART_PALETTE[2];
const WHISKER = CHART_PALETTE[3];
const INK = new Set(CHART_PALETTE.slice(4));

type Png = ReturnType<typeof decodePng>;

function barLength(png: Png, y: number, fromX: number): number {
  let x = fromX;
  while (x < png.width && rgbAt(png, x, y) === BAR) x++;
  return x - fromX;
}

/** The text pixels of a box, as a set of "x,y" relative to its corner. */
function inkIn(png: Png, left: number, top: number, right: number, bottom: number): Set<string> {
  const ink = new Set<string>();
  for (let y = Math.max(0, top); y < Math.min(png.height, bottom); y++)
    for (let x = Math.max(0, left); x < Math.min(png.width, right); x++) if (INK.has(rgbAt(png, x, y))) ink.add(`${x - left},${y - top}`);
  return ink;
}

/** The same text drawn alone, as pixels relative to the same corner. */
function textPixels(text: string, left: number, baseline: number, boxLeft: number, boxTop: number): Set<string> {
  const pixels = new Set<string>();
  drawTextRuns(text, left, baseline, (x, y) => pixels.add(`${x - boxLeft},${y - boxTop}`));
  return pixels;
}

const MKHEDRULI = 'აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ';

describe('the chart glyph set (Noto Sans Georgian / Noto Sans, prepared at build time)', () => {
  it('holds every Mkhedruli letter, digit, Latin letter and the punctuation labels use, each drawn (no boxes)', () => {
    expect(hasGlyphs(`${MKHEDRULI}0123456789ABCXYZabcxyz%()–—.,:;„“"'/+-| `)).toBe(true);
    expect(glyphFor('|').levels.some((level) => level > 0)).toBe(true);
    expect(glyphFor(' ').advance).toBeGreaterThan(5);
    const bitmaps = new Set<string>();
    for (const char of MKHEDRULI) {
      const glyph = glyphFor(char);
      expect(glyph.levels.some((level) => level > 0)).toBe(true);
      bitmaps.add(`${glyph.width}:${Array.from(glyph.levels).join('')}`);
    }
    // 33 letters, 33 different shapes: a missing-glyph box would repeat.
    expect(bitmaps.size).toBe(MKHEDRULI.length);
    expect(glyphFor('ი').advance).toBeLessThan(glyphFor('შ').advance);
  });

  it('draws Mtavruli capitals as their Mkhedruli letters and anything else missing as "?"', () => {
    expect(glyphFor('Მ')).toBe(glyphFor('მ'));
    expect(glyphFor('☃')).toBe(glyphFor('?'));
    expect(hasGlyphs('☃')).toBe(false);
    expect(CHART_GLYPHS.length).toBeGreaterThan(100);
  });

  it('wraps a long label at spaces into two lines and ends what does not fit with "…"', () => {
    const label = 'მკვეთრად გამოხატული შეზღუდული შესაძლებლობის მქონე პირთა ფინანსური დახმარება';
    const lines = wrapText(label, 600, 2);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(600);
    expect(lines[0].startsWith('მკვეთრად')).toBe(true);
    expect(lines[1].endsWith('…')).toBe(true);
    expect(wrapText('ეფექტიანობა', 600, 2)).toEqual(['ეფექტიანობა']);
  });
});

describe('barChartPng', () => {
  const bars = [
    { label: 'სიმარტივე', value: 1 },
    { label: 'ეფექტიანობა', value: 0.5, low: 0.4, high: 0.6 },
    { label: 'ხარისხი', value: 0.25 },
    { label: 'სანდოობა', value: 0.8, low: 0.7, high: 0.9 },
  ];
  const chart = barChartPng({ bars, width: CHART_WIDTH_PX, title: 'ფაქტორები' });
  const png = decodePng(chart.png);
  const geometry = chartGeometry(bars, CHART_WIDTH_PX);
  const centre = (i: number): number => Math.round((geometry.rows[i].top + geometry.rows[i].bottom) / 2);

  it('is drawn for print: at 440 pt in the Doc it has at least 300 pixels an inch', () => {
    expect(png).toMatchObject({ width: chart.width, height: chart.height, colorType: 3 });
    expect(chart.width).toBeGreaterThanOrEqual((300 / 72) * CHART_WIDTH_PT);
    expect(chart.height).toBe(geometry.height);
  });

  it('draws bars in order with lengths proportional to their values', () => {
    const full = barLength(png, centre(0) - 22, geometry.plotLeft);
    expect(full).toBeGreaterThan(700);
    expect(Math.abs(barLength(png, centre(1) - 22, geometry.plotLeft) - full / 2)).toBeLessThanOrEqual(2);
    expect(Math.abs(barLength(png, centre(2) - 22, geometry.plotLeft) - full / 4)).toBeLessThanOrEqual(2);
    expect(Math.abs(barLength(png, centre(3) - 22, geometry.plotLeft) - full * 0.8)).toBeLessThanOrEqual(2);
  });

  it('draws the interval whisker with end caps across the bar end', () => {
    const span = geometry.plotRight - geometry.plotLeft;
    const xOf = (share: number): number => Math.round(geometry.plotLeft + share * span);
    const y = centre(1);
    expect(rgbAt(png, xOf(0.4) + 1, y)).toBe(WHISKER);
    expect(rgbAt(png, xOf(0.55), y)).toBe(WHISKER);
    expect(rgbAt(png, xOf(0.6) + 1, y - 12)).toBe(WHISKER); // the cap
    expect(rgbAt(png, xOf(0.65), y)).not.toBe(WHISKER);
    expect(rgbAt(png, xOf(0.55), y - 12)).not.toBe(WHISKER); // beyond the bar, above the whisker: no cap
  });

  it('names each bar on its left in Georgian, exactly as the label is spelt', () => {
    bars.forEach((bar, i) => {
      const row = geometry.rows[i];
      expect(row.lines).toEqual([bar.label]);
      const box = [geometry.labelLeft, row.top, geometry.plotLeft, row.bottom] as const;
      const drawn = inkIn(png, ...box);
      const baseline = centre(i) - 52 / 2 + 41 - 4;
      const expected = textPixels(bar.label, geometry.labelLeft, baseline, box[0], box[1]);
      expect(drawn.size).toBeGreaterThan(200);
      expect(drawn).toEqual(expected);
    });
  });

  it('writes each share and its interval at the right of its bar', () => {
    const expectedTexts = ['100%', '50% (40–60%)', '25%', '80% (70–90%)'];
    expectedTexts.forEach((text, i) => {
      const row = geometry.rows[i];
      const drawn = inkIn(png, geometry.valueLeft, row.top, png.width, row.bottom);
      const baseline = centre(i) - 52 / 2 + 41 - 4;
      expect(drawn).toEqual(textPixels(text, geometry.valueLeft, baseline, geometry.valueLeft, row.top));
    });
  });

  it('labels the axis 0–100% below the bars', () => {
    const axis = inkIn(png, geometry.plotLeft - 40, geometry.axisTop, geometry.plotRight + 80, png.height);
    expect(axis.size).toBeGreaterThan(500);
    expect(rgbAt(png, 2, 2)).toBe(WHITE);
  });

  it('carries the labels and values in the alt text', () => {
    expect(chart.alt).toBe('ფაქტორები: სიმარტივე: 100%; ეფექტიანობა: 50% (40%–60%); ხარისხი: 25%; სანდოობა: 80% (70%–90%)');
  });

  it('clamps out-of-range values and survives an empty list', () => {
    const clamped = barChartPng({ bars: [{ label: 'x', value: 1.7, low: -0.2, high: 2 }], width: 600 });
    expect(clamped.alt).toBe('x: 100% (0%–100%)');
    expect(decodePng(clamped.png).width).toBe(600);
    const empty = barChartPng({ bars: [], width: 300 });
    expect(decodePng(empty.png).width).toBe(300);
    expect(empty.alt).toBe('');
  });
});
