/**
 * Aggregates out, never rows (issue 18 item 3), on the sample quarter through the built bundle:
 * after the sample's own report and publication, staff export the months and the quarter through
 * the menu. Each export is one versioned JSON file in the public folder, readable by the national
 * workbook's reader; it holds group figures only, none below the minimum; its figures go into the
 * disclosure ledger, so the attacker's checker recovers no small group from everything output,
 * the exports included; exporting a period again replaces the file in place.
 */
import { MENU, clickMenu, playScenario, type PlayResult } from '../../replay/player';
import { sampleScenario } from '../../replay/sample';
import { AGGREGATES_FORMAT, AGGREGATES_VERSION, readAggregates, type AggregatesFile } from '../../src/domain/aggregates';
import { periodDays } from '../../src/domain/disclosure';
import { t } from '../../src/domain/messages';
import { recoverableSmallGroups } from '../support/differencing-checker';
import { ledgerReleases, ledgerRows } from '../support/ledger';

const EXPORT = t('menu.export_aggregates');

function exported(result: PlayResult): Array<{ id: string; name: string; folderPath: string; sharing: { access: string }; text: string }> {
  return result.ws.drive
    .index()
    .filter((row) => row.mimeType === 'application/json' && !row.trashed)
    .map((row) => ({ ...row, text: Buffer.from(result.ws.drive.contentOf(row.id) ?? new Uint8Array()).toString('utf8') }));
}

describe('the sample quarter exported as aggregates', () => {
  let result: PlayResult;
  const messages: string[] = [];
  beforeAll(() => {
    result = playScenario(sampleScenario());
    for (const period of ['2026-01', '2026-02', '2026-03', '2026-Q1', '2026-Q1']) messages.push(clickMenu(result, EXPORT, period));
    messages.push(clickMenu(result, MENU.buildReport, '2026-02-01..2026-03-31'));
  }, 240_000);

  test('one versioned file per period in the public folder, shared by link, replaced in place when exported again', () => {
    expect(messages.join('\n')).not.toContain(t('menu.failed'));
    const files = exported(result);
    expect(files.map((f) => f.name).sort()).toEqual(
      ['2026-01-01..2026-01-31', '2026-02-01..2026-02-28', '2026-03-01..2026-03-31', '2026-01-01..2026-03-31']
        .map((p) => t('file.aggregates', { period: p }))
        .sort(),
    );
    for (const f of files) {
      expect(f.folderPath).toContain(t('folder.public'));
      expect(f.sharing.access).toBe('ANYONE_WITH_LINK');
      const read = readAggregates(f.text);
      expect(read).toEqual({ ok: true, file: expect.objectContaining({ format: AGGREGATES_FORMAT, version: AGGREGATES_VERSION }) });
    }
    expect(messages[4]).toContain(files.find((f) => f.name.includes('2026-01-01..2026-03-31'))?.id);
    expect(messages[3]).toMatch(/აგრეგირებული მაჩვენებლები გავიდა/);
  });

  test('aggregates only: group figures at or above the minimum, no text, no row', () => {
    for (const f of exported(result)) {
      const file = JSON.parse(f.text) as AggregatesFile;
      expect(Object.keys(file).sort()).toEqual(['format', 'generatedAt', 'groups', 'minGroupSize', 'municipality', 'municipalityId', 'period', 'version']);
      expect(file.groups.length).toBeGreaterThan(10);
      for (const g of file.groups) {
        expect(g.key).toMatch(/^(form:N[12]|driver:N[12]:[a-z]+|service:N[12]:[a-z_]+|theme:[a-z_.0-9-]+)$/);
        if (!g.suppressed) expect(g.respondents).toBeGreaterThanOrEqual(file.minGroupSize);
        for (const key of Object.keys(g)) expect(['key', 'suppressed', 'respondents', 'answers', 'agree', 'share', 'mean']).toContain(key);
      }
    }
    const quarter = JSON.parse(exported(result).find((f) => f.name.includes('2026-01-01..2026-03-31'))?.text ?? '{}') as AggregatesFile;
    // Each form apart, never a pooled figure.
    expect(quarter.groups.find((g) => g.key === 'overall')).toBeUndefined();
    expect(quarter.groups.find((g) => g.key === 'form:N2')).toEqual(expect.objectContaining({ suppressed: false }));
    // Small services of the sample quarter stay hidden.
    expect(quarter.groups.some((g) => g.key.startsWith('service:') && g.suppressed)).toBe(true);
  });

  test("the exports' figures are in the ledger, and nothing output can be differenced", () => {
    const outputs = ledgerRows(result).map((row) => String(row[4]));
    expect(outputs.filter((o) => o.startsWith('aggregates ')).length).toBeGreaterThan(10);
    // The monthly exports match what the ledger holds for them: what the file says is what was recorded.
    const january = JSON.parse(exported(result).find((f) => f.name.includes('2026-01-01..2026-01-31'))?.text ?? '{}') as AggregatesFile;
    const days = periodDays({ from: new Date(january.period.from), to: new Date(january.period.to) });
    const held = new Set(ledgerReleases(result).map((r) => `${r.key}|${r.from}|${r.to}|${r.respondents}`));
    const published = january.groups.filter((g) => !g.suppressed);
    expect(published.length).toBeGreaterThan(5);
    for (const g of published) expect(held).toContain(`${g.key}|${days.from}|${days.to}|${g.respondents}`);
    expect(recoverableSmallGroups(ledgerReleases(result), 5)).toEqual([]);
  });
});
