/**
 * `npm run demo -- --national 3`, small: three municipalities of different sizes replayed from
 * seeds, each exporting its quarter's aggregates through the menu; the association's workbook in
 * national mode reads the three files and builds the comparison report. Checked: the files are
 * aggregates (checked and read), the report is a Doc with a funnel plot per indicator, its lists
 * are alphabetical, the wording is the verdict the limits give, and the smallest is not compared.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../../replay/demo';
import { type NationalRun, playNational, writeNationalOutput } from '../../replay/national';
import { Z95, Z998, limits } from '../../src/domain/funnel';
import { t } from '../../src/domain/messages';
import { FUNNEL_HEIGHT, FUNNEL_WIDTH } from '../../src/domain/national-report';
import { decodePng } from '../domain/png-reader';

const out = mkdtempSync(join(tmpdir(), 'ukukavshiri-national-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

let run: NationalRun;
beforeAll(() => {
  run = playNational({ count: 3, seed: 7, maxCases: 160 });
  writeNationalOutput(run, out);
}, 300_000);

test('--national takes a count', () => {
  expect(parseArgs(['--national', '3']).national).toBe(3);
  expect(() => parseArgs(['--national', 'x'])).toThrow(/--national needs a whole number/);
});

test('three municipalities of different sizes each exported one aggregates file', () => {
  expect(run.municipalities).toHaveLength(3);
  expect(new Set(run.municipalities.map((m) => m.cases)).size).toBe(3);
  for (const m of run.municipalities) {
    expect(m.file.municipality).toBe(m.name);
    expect(m.file.period.key).toBe('2026-01-01..2026-03-31');
    expect(m.text).not.toMatch(/@|applicant|"text"|comment/);
  }
  expect(readdirSync(join(out, 'municipalities'))).toHaveLength(3);
});

test("the association's workbook: the first run makes the list tab, the second reads all three and builds the Doc", () => {
  expect(run.messages[0]).toContain(t('tab.national_sources'));
  expect(run.messages[1]).toMatch(/შედარების ანგარიში მომზადდა .*: 3 მუნიციპალიტეტი, 0 ფაილი გამოტოვებულია/);
  const tab = run.association.ws.spreadsheets.snapshot(run.association.spreadsheetId).tabs.find((x) => x.name === t('tab.national_sources'));
  expect(tab?.values.slice(1).map((r) => String(r[1]).split(':')[0])).toEqual(['წაკითხულია', 'წაკითხულია', 'წაკითხულია']);
  expect(run.reportDocId).not.toBeNull();
});

test('the report: funnel plots, alphabetical lists, the verdict the limits give, never a rank', () => {
  const html = run.association.ws.docs.toHtml(run.reportDocId as string);
  const summary = JSON.parse(readFileSync(join(out, 'national.json'), 'utf8'));
  const overall = summary.indicators.find((i: { key: string }) => i.key === 'form:N2');
  expect(overall.points).toHaveLength(3);
  // Alphabetical, by code point (Georgian alphabet order).
  const names = overall.points.map((p: { municipality: string }) => p.municipality);
  expect(names).toEqual([...names].sort());
  for (const p of overall.points) {
    const wide = limits(overall.national, p.respondents, Z998);
    const narrow = limits(overall.national, p.respondents, Z95);
    const expected =
      p.respondents < 30
        ? 'too_few'
        : p.share > wide.high
          ? 'above_998'
          : p.share < wide.low
            ? 'below_998'
            : p.share > narrow.high
              ? 'above_95'
              : p.share < narrow.low
                ? 'below_95'
                : 'within';
    expect(p.verdict).toBe(expected);
    expect(html).toContain(t(`national.verdict.${p.verdict}` as never));
  }
  expect(html).toContain(t('national.not_a_ranking'));
  expect(html).not.toMatch(/რეიტინგში|ადგილი|rank/i);
  // One chart per indicator with figures: PNGs of the funnel's size.
  const pngs = [...html.matchAll(/src="data:image\/png;base64,([^"]+)"/g)].map((m) => decodePng([...Buffer.from(m[1], 'base64')]));
  expect(pngs.length).toBeGreaterThanOrEqual(3);
  const colours = (png: { rgba: Uint8Array }) => {
    const seen = new Set<number>();
    for (let i = 0; i < png.rgba.length; i += 4) seen.add((png.rgba[i] << 16) | (png.rgba[i + 1] << 8) | png.rgba[i + 2]);
    return seen;
  };
  for (const png of pngs) {
    expect([png.width, png.height]).toEqual([FUNNEL_WIDTH, FUNNEL_HEIGHT]);
    // The 95 % limits (blue), the 99.8 % limits (red) and the municipalities' dots (green) are drawn.
    for (const colour of [0x2b6cb0, 0xc53030, 0x2f855a]) expect(colours(png)).toContain(colour);
  }
});
