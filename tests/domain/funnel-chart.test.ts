import { CHART_WIDTH_PT } from '../../src/domain/chart';
import { textWidth } from '../../src/domain/chart-text';
import { funnel } from '../../src/domain/funnel';
import { FUNNEL_PALETTE, funnelChartPng } from '../../src/domain/funnel-chart';
import { t } from '../../src/domain/messages';
import { FUNNEL_HEIGHT, FUNNEL_WIDTH } from '../../src/domain/national-report';
import { decodePng, rgbAt } from './png-reader';

const [WHITE, , NATIONAL, LIMIT95, LIMIT998, DOT, MUTED] = FUNNEL_PALETTE;
const INK = new Set(FUNNEL_PALETTE.slice(7));

const result = funnel([
  { municipality: 'ამბროლაური', respondents: 45, share: 0.8 },
  { municipality: 'ონი', respondents: 12, share: 0.5 },
  { municipality: 'ცაგერი', respondents: 140, share: 0.62 },
  { municipality: 'ლენტეხი', respondents: 80, share: 0.9 },
]);
const chart = funnelChartPng(result, { width: FUNNEL_WIDTH, height: FUNNEL_HEIGHT, title: 'test' });
const png = decodePng(chart.png);

function colours(): Set<number> {
  const seen = new Set<number>();
  for (let y = 0; y < png.height; y += 1) for (let x = 0; x < png.width; x += 1) seen.add(rgbAt(png, x, y));
  return seen;
}

describe('the funnel plot', () => {
  it('is drawn at print resolution: about 300 dpi at the width the report places it', () => {
    expect(png.width).toBe(FUNNEL_WIDTH);
    expect(png.height).toBe(FUNNEL_HEIGHT);
    expect(png.width / (CHART_WIDTH_PT / 72)).toBeGreaterThanOrEqual(300);
  });

  it('draws the national line, both limits, compared dots and the one municipality too small to compare', () => {
    const seen = colours();
    for (const colour of [NATIONAL, LIMIT95, LIMIT998, DOT, MUTED]) expect(seen.has(colour)).toBe(true);
    expect(result.points.filter((p) => p.verdict === 'too_few').map((p) => p.municipality)).toEqual(['ონი']);
  });

  it('names its axis in Georgian below the plot, centred, as wide as the words drawn with the glyph set', () => {
    // The lowest text line is the x-axis title: its ink spans the title's measured width.
    const bandTop = png.height - 24 - 52;
    let minX = png.width;
    let maxX = -1;
    for (let y = bandTop; y < png.height; y++)
      for (let x = 0; x < png.width; x++)
        if (INK.has(rgbAt(png, x, y))) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
        }
    const width = textWidth(t('national.axis_respondents'));
    expect(maxX - minX).toBeGreaterThan(width - 30);
    expect(maxX - minX).toBeLessThanOrEqual(width);
    expect(rgbAt(png, 0, 0)).toBe(WHITE);
  });

  it('carries every municipality, share and count in its alt text', () => {
    for (const p of result.points) expect(chart.alt).toContain(`${p.number}. ${p.municipality}: ${Math.round(p.share * 100)}%, ${p.respondents}`);
  });
});
