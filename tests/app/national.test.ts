/**
 * National mode through the menu, with the files staff get wrong: a municipality's workbook
 * refuses the comparison; the association's first run makes the list tab; then each listed row
 * gets its status (read, another period, unknown version, not JSON, not a file, listed twice) and
 * only good files of the asked quarter reach the Doc. A file of another period is not read again.
 */
import { AGGREGATES_FORMAT, AGGREGATES_VERSION } from '../../src/domain/aggregates';
import { t } from '../../src/domain/messages';
import { lastAlert, setSetting } from '../support/tabs';
import { grantNationalScopes } from '../../replay/national-manifest';
import { setUpWorkbook, type Fixture } from '../support/workbook';

const Q1 = '2026-01-01..2026-03-31';
const file = (municipality: string, period = Q1, version = AGGREGATES_VERSION) =>
  JSON.stringify({
    format: AGGREGATES_FORMAT,
    version,
    municipality,
    municipalityId: null,
    period: { key: period, from: '', to: '', label: period },
    generatedAt: '',
    minGroupSize: 5,
    groups: [{ key: 'form:N2', suppressed: false, respondents: 120, answers: 120, agree: 90, share: 0.75, mean: 4 }],
  });

function national(fx: Fixture): string {
  fx.ws.spreadsheets.ui.answerNext({ button: 'OK', text: '2026-Q1' });
  fx.click(t('menu.national_report'));
  return lastAlert(fx);
}

const statuses = (fx: Fixture) =>
  (fx.ws.spreadsheets.snapshot(fx.spreadsheetId).tabs.find((x) => x.name === t('tab.national_sources'))?.values ?? []).slice(1).map((r) => [r[1], r[2]]);

test("a municipality's workbook does not compare; the association's lists files and says what became of each", () => {
  const fx = setUpWorkbook({ now: '2026-04-02T10:00:00+04:00' });
  fx.click(t('menu.national_report'));
  expect(lastAlert(fx)).toBe(t('national.not_national'));

  setSetting(fx, 'mode', 'national');
  // Deployed as the association's (scripts/national-scopes.json): drive.readonly reads shared files.
  grantNationalScopes(fx.ws);
  expect(national(fx)).toBe(t('national.sources_created', { tab: t('tab.national_sources') }));
  expect(national(fx)).toBe(t('national.no_sources', { tab: t('tab.national_sources') }));

  const make = (name: string, text: string) => fx.ws.drive.app.createFile(name, text, 'application/json').getId();
  const oni = make('oni.json', file('ონი'));
  const refs = [
    [`https://drive.google.com/file/d/${make('ambrolauri.json', file('ამბროლაური'))}/view`],
    [oni],
    [make('old.json', file('ცაგერი', '2025-10-01..2025-12-31'))],
    [make('v99.json', file('ლენტეხი', Q1, 99))],
    [make('note.json', 'this is not json')],
    ['not a link'],
    [oni],
  ];
  fx.ws.spreadsheets.userEdit(fx.spreadsheetId, t('tab.national_sources'), `A2:A${refs.length + 1}`, refs);
  const message = national(fx);
  // The file of another quarter is not a problem (five years are listed together): not counted as skipped.
  expect(message).toMatch(/შედარების ანგარიში მომზადდა .*: 2 მუნიციპალიტეტი, 4 ფაილი გამოტოვებულია/);
  expect(statuses(fx)).toEqual([
    [t('national.status.ok', { municipality: 'ამბროლაური', period: Q1 }), Q1],
    [t('national.status.ok', { municipality: 'ონი', period: Q1 }), Q1],
    [t('national.status.other_period', { found: '2025-10-01..2025-12-31', wanted: Q1 }), '2025-10-01..2025-12-31'],
    [t('national.status.version', { version: '99' }), ''],
    [t('national.status.not_json'), ''],
    [t('national.status.unreadable'), ''],
    [t('national.status.duplicate'), Q1],
  ]);
  const doc = fx.ws.docs.list().find((d) => d.name.startsWith(t('file.national_report', { period: '' })));
  const html = fx.ws.docs.toHtml(doc?.id as string);
  expect(html).toContain('ამბროლაური');
  expect(html).not.toContain('ცაგერი');
  expect(html).not.toContain('ლენტეხი');

  // Built again: the other period's file is not opened again; the Doc is rewritten, not duplicated.
  fx.ws.core.resetCalls();
  national(fx);
  // Five rows read (the old quarter's file is not; 'not a link' has no id), plus the report's folder and Doc found again.
  expect(fx.ws.core.callSummary().byMethod['Drive.Files.get']).toBe(5 + 2);
  expect(fx.ws.docs.list().filter((d) => d.name.startsWith(t('file.national_report', { period: '' })))).toHaveLength(1);
});

test("deployed with a municipality's manifest (drive.file only), the association's workbook cannot open the shared files, and says so on each row", () => {
  const fx = setUpWorkbook({ now: '2026-04-02T10:00:00+04:00' });
  setSetting(fx, 'mode', 'national');
  national(fx);
  // Shared with the association by a municipality's script: not made by this app.
  const shared = fx.ws.drive.app.createFile('ambrolauri.json', file('ამბროლაური'), 'application/json').getId();
  fx.ws.spreadsheets.userEdit(fx.spreadsheetId, t('tab.national_sources'), 'A2:A2', [[shared]]);
  national(fx);
  expect(statuses(fx)).toEqual([[t('national.status.unreadable'), '']]);
  expect(fx.ws.core.logs.some((line) => line.includes(`national: file ${shared} could not be read`) && /not found/i.test(line))).toBe(true);
  // The same file, once the deployment has the association's scopes.
  grantNationalScopes(fx.ws);
  national(fx);
  expect(statuses(fx)).toEqual([[t('national.status.ok', { municipality: 'ამბროლაური', period: Q1 }), Q1]]);
});
