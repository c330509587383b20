/**
 * The scenario's `boxOpenings` (../shared/scenario.md, Additions): paper N1 forms dropped in the box
 * are typed in at the next opening, as that batch; `found` may differ from what is typed. A quarter
 * with three openings: the first found one form more than was typed (a lost form), the third holds
 * a form typed with a slip (2 for the 4 on paper). The manager's paper import flags the first; the
 * sample check, re-typed from paper, flags the second. Plays through the BUILT bundle.
 */
import { playScenario, type PlayResult } from '../../replay/player';
import { parseScenario } from '../../replay/scenario';
import { t } from '../../src/domain/messages';
import { TABS, paperCheckColumns } from '../../src/domain/schema';
import { columnLetter } from '../support/tabs';

const paper = (day: string, overall: number, service = 'newborn') => ({
  form: 'N1',
  channel: 'paper',
  submittedAt: `2026-${day}T11:00:00+04:00`,
  answers: { 'n1.service': service, 'n1.info_easy': 4, 'n1.overall': overall },
});

/** What the third batch's one form says on paper; the scenario's clerk typed 2 for its overall score. */
const ON_PAPER = { overall: 4 };

const scenario = {
  now: '2026-01-05T09:00:00+04:00',
  cases: [],
  responses: [
    paper('01-08', 5),
    paper('01-15', 4),
    paper('01-22', 3, 'firewood'),
    paper('01-29', 4),
    { form: 'N1', channel: 'kiosk', submittedAt: '2026-02-03T10:00:00+04:00', answers: { 'n1.service': 'newborn', 'n1.overall': 5 } },
    paper('02-05', 5),
    paper('02-12', 2),
    paper('02-19', 4),
    paper('03-10', 2),
    // Dropped after the last opening: still in the box at the end.
    paper('03-30', 3),
  ],
  boxOpenings: [
    { at: '2026-01-31T17:00:00+04:00', by: 'kancelaria@example.ge', found: 5 },
    { at: '2026-02-28T17:00:00+04:00', by: 'kancelaria@example.ge', found: 3 },
    { at: '2026-03-20T17:00:00+04:00', by: 'social@example.ge', found: 1 },
  ],
  report: { from: '2026-01-01', to: '2026-03-31' },
};

let result: PlayResult;

beforeAll(() => {
  result = playScenario(parseScenario(JSON.stringify(scenario)));
}, 120_000);

function tab(name: string): unknown[][] {
  return result.ws.spreadsheets.app.openById(result.spreadsheetId).getSheetByName(name)!.getDataRange().getValues();
}

test('each opening is logged with its number, date, who and forms found; its forms carry its number', () => {
  const log = tab(TABS.box.name);
  expect(log.slice(1).map((r) => [String(r[0]), String(r[2]), Number(r[3])])).toEqual([
    ['1', 'kancelaria@example.ge', 5],
    ['2', 'kancelaria@example.ge', 3],
    ['3', 'social@example.ge', 1],
  ]);
  const paperTab = tab(TABS.paper.name);
  const batchCol = paperTab[0].indexOf(TABS.paper.columns[1].header);
  expect(paperTab.slice(1).map((r) => String(r[batchCol]))).toEqual(['1', '1', '1', '1', '2', '2', '2', '3']);
  expect(result.record.warnings).toContain('1 paper form(s) dropped after the last box opening are still in the box; not typed');
  expect(result.record.responsesAccepted['N1/paper']).toBe(8);
});

test('the lost form is flagged: on the box log and in the paper import the manager clicked', () => {
  const fewer = t('box.fewer', { found: 5, typed: 4, missing: 1 });
  const log = tab(TABS.box.name);
  const status = log[0].indexOf(TABS.box.columns[5].header);
  expect(log.slice(1).map((r) => r[status])).toEqual([fewer, t('box.matches', { typed: 3 }), t('box.matches', { typed: 1 })]);
  const importAlert = result.record.alerts.find((a) => a.menuItem === t('menu.import_paper'));
  expect(importAlert?.message).toContain(t('box.summary_mismatch', { batch: '1', status: fewer }));
});

test('the mistyped form is flagged by the sample check, re-typed from paper by a second person', () => {
  const ui = result.ws.spreadsheets.ui;
  ui.answerNext({ button: 'OK', text: '3' });
  ui.clickMenuItem(t('menu.sample_check'));
  expect(ui.shown[ui.shown.length - 1].message).toBe(t('sample.created', { batch: '3', total: 1, count: 1, tab: TABS.paperCheck.name }));
  const columns = paperCheckColumns();
  const keys = columns.slice(2, columns.length - 1).map((c) => c.key);
  const service = tab(TABS.paper.name)[8][2];
  const retyped: Record<string, unknown> = { 'n1.service': service, 'n1.info_easy': 4, 'n1.overall': ON_PAPER.overall };
  const values = keys.map((key) => retyped[key] ?? '');
  result.ws.spreadsheets.userEdit(result.spreadsheetId, TABS.paperCheck.name, `C2:${columnLetter(2 + values.length - 1)}2`, [values]);
  ui.answerNext({ button: 'OK', text: '3' });
  ui.clickMenuItem(t('menu.sample_check'));
  const report = ui.shown[ui.shown.length - 1].message;
  expect(report).toMatch(/^• 9\. .*: განსხვავდება 1 ფორმაზე 1-დან \(100%\)$/m);
  expect(report).toMatch(/^• 3\. .*: განსხვავდება 0 ფორმაზე 1-დან \(0%\)$/m);
  const check = tab(TABS.paperCheck.name);
  expect(String(check[1][columns.length - 1])).toMatch(/^⚠ .*9\. /);
});
