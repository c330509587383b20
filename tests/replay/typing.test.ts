/**
 * The replay types dates as staff in Georgia do (../shared/scenario.md: "Staff type dates the way
 * staff in Georgia do, dd.mm.yyyy … not ISO: the replay types them so"): a moment as its Tbilisi
 * day, a calendar date (an action's `due`) as that day, and the workbook reads each as that date.
 * Plays through the BUILT bundle (run `npm run build` first; npm test does).
 */
import { isoDay, Player, typedCalendarDate, typedDate } from '../../replay/player';
import { parseScenario } from '../../replay/scenario';
import { TABS } from '../../src/domain/schema';

test('typedDate is the Tbilisi day as dd.mm.yyyy; isoDay the same day for the replay itself', () => {
  // 22:30 UTC on 5 January is 02:30 on 6 January in Tbilisi (UTC+4).
  const lateEvening = Date.parse('2026-01-05T22:30:00Z');
  expect(typedDate(lateEvening)).toBe('06.01.2026');
  expect(isoDay(lateEvening)).toBe('2026-01-06');
  expect(typedDate(Date.parse('2026-12-31T12:00:00+04:00'))).toBe('31.12.2026');
  expect(typedCalendarDate('2026-03-20')).toBe('20.03.2026');
  // Bad data is typed as written.
  expect(typedCalendarDate('next week')).toBe('next week');
  expect(typedCalendarDate(undefined)).toBe('');
});

describe('a replay', () => {
  const typed: Array<{ tab: string; values: unknown[][] }> = [];
  let player: Player;

  beforeAll(() => {
    player = new Player(
      parseScenario(
        JSON.stringify({
          now: '2026-01-05T09:00:00+04:00',
          cases: [
            {
              id: '01-2026-0001',
              service: 'newborn',
              applicant: 'ნინო',
              email: 'nino@example.ge',
              submittedAt: '2026-01-05T22:30:00Z',
              closedAt: null,
              channel: 'office',
            },
          ],
          responses: [{ form: 'N1', channel: 'paper', submittedAt: '2026-01-07T10:00:00+04:00', answers: { 'n1.service': 'newborn', 'n1.overall': 4 } }],
          otherFeedback: [{ channel: 'phone', service: 'newborn', receivedAt: '2026-01-08T11:00:00+04:00', text: 'რიგი გრძელი იყო' }],
          actions: [{ problem: 'რიგი', decision: 'მეორე ფანჯარა', owner: 'კანცელარია', due: '2026-03-20', status: 'planned', service: 'newborn' }],
          report: { from: '2026-01-01', to: '2026-01-31' },
        }),
      ),
    );
    const sheets = player.ws.spreadsheets;
    const userEdit = sheets.userEdit.bind(sheets);
    jest.spyOn(sheets, 'userEdit').mockImplementation((id, tab, a1, values, user) => {
      typed.push({ tab, values });
      userEdit(id, tab, a1, values, user);
    });
    player.play();
  }, 120_000);

  test('types every date as dd.mm.yyyy, never ISO', () => {
    const cells = typed.flatMap((t) => t.values.flat().map((v) => ({ tab: t.tab, v })));
    const dates = cells.filter((c) => typeof c.v === 'string' && /\d{2}\.\d{2}\.\d{4}|\d{4}-\d{2}-\d{2}/.test(c.v));
    expect(dates).toEqual([
      { tab: TABS.applications.name, v: '06.01.2026' },
      { tab: TABS.paper.name, v: '07.01.2026' },
      { tab: TABS.otherChannels.name, v: '08.01.2026' },
      { tab: TABS.actions.name, v: '20.03.2026' },
    ]);
  });

  test('and the workbook reads each as that day (midnight in Tbilisi), not as text', () => {
    const tabs = player.ws.spreadsheets.snapshot(player.spreadsheetId).tabs;
    const cell = (tab: string, header: string): unknown => {
      const values = tabs.find((t) => t.name === tab)!.values;
      return values[1][values[0].indexOf(header)];
    };
    const header = (tab: typeof TABS.applications, key: string) => tab.columns.find((c) => c.key === key)!.header;
    const midnight = (day: string) => new Date(`${day}T00:00:00+04:00`).getTime();
    expect((cell(TABS.applications.name, header(TABS.applications, 'submittedAt')) as Date).getTime()).toBe(midnight('2026-01-06'));
    expect((cell(TABS.otherChannels.name, header(TABS.otherChannels, 'receivedAt')) as Date).getTime()).toBe(midnight('2026-01-08'));
    expect((cell(TABS.actions.name, header(TABS.actions, 'due')) as Date).getTime()).toBe(midnight('2026-03-20'));
  });
});
