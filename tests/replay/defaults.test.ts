/**
 * The replay contract's defaults (../shared/scenario.md): "every key but `cases` or `responses`
 * may be missing". Two bare scenarios — only cases, only responses — replay through the BUILT
 * bundle (run `npm run build` first; npm test does) with the defaults filled in: the clock starts
 * an hour before the first event (or at the contract's example time), the report covers that
 * calendar quarter, and the settings tab keeps its own defaults.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../replay/demo';
import { WORKBOOK_NAME } from '../../replay/player';
import type { Summary } from '../../replay/output';
import { SETTING_SPECS, TABS } from '../../src/domain/schema';

const work = mkdtempSync(join(tmpdir(), 'ukukavshiri-defaults-'));
const DEFAULT_MUNICIPALITY = SETTING_SPECS.find((s) => s.key === 'municipality')!.default;

function replay(name: string, scenario: unknown): { code: number; out: string; summary: Summary; read: <T>(...parts: string[]) => T } {
  const file = join(work, `${name}.json`);
  const out = join(work, name);
  writeFileSync(file, JSON.stringify(scenario), 'utf8');
  const spy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  let code: number;
  try {
    code = main(['--scenario', file, '--out', out]);
  } finally {
    spy.mockRestore();
  }
  const read = <T>(...parts: string[]): T => JSON.parse(readFileSync(join(out, ...parts), 'utf8')) as T;
  return { code, out, summary: read<Summary>('summary.json'), read };
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a scenario with only "cases"', () => {
  let run: ReturnType<typeof replay>;
  beforeAll(() => {
    run = replay('cases-only', {
      cases: [
        {
          id: '05-2026-0001',
          service: 'newborn',
          applicant: 'ნინო ბერიძე',
          email: 'nino.beridze@example.ge',
          submittedAt: '2026-05-04T10:00:00+04:00',
          closedAt: '2026-05-08T12:00:00+04:00',
          channel: 'email',
        },
        // No closedAt, no channel: still open at the end.
        { id: '05-2026-0002', service: 'firewood', applicant: 'გიორგი ლომიძე', email: '', submittedAt: '2026-05-05T10:00:00+04:00' },
        // A closing time nobody could act on: the case stays open, and the replay says why.
        {
          id: '05-2026-0003',
          service: 'canteen',
          applicant: 'ია ბაქრაძე',
          email: 'ia.bakradze@example.ge',
          submittedAt: '2026-05-06T10:00:00+04:00',
          closedAt: 'next week',
        },
      ],
    });
  }, 120_000);

  test('replays with exit code 0, no step error and no failing trigger', () => {
    expect(run.code).toBe(0);
    expect(run.summary.errors).toEqual([]);
    expect(run.summary.triggerFailures).toEqual([]);
    expect([run.summary.cases, run.summary.casesEntered, run.summary.closed]).toEqual([3, 3, 1]);
  });

  test('an unreadable closedAt leaves the case open, with a warning in summary.json and on the index page', () => {
    const warning = run.summary.warnings.find((w) => w.includes('05-2026-0003'));
    expect(warning).toMatch(/closedAt "next week" is not a time/);
    expect(readFileSync(join(run.out, 'index.html'), 'utf8')).toContain('closedAt &quot;next week&quot; is not a time');
  });

  test('the clock starts an hour before the first event and the report covers its calendar quarter', () => {
    expect(run.summary.simulated.from).toBe(new Date(Date.parse('2026-05-04T10:00:00+04:00') - 3_600_000).toISOString());
    expect(run.summary.report).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    // The manager's menu items ran for that quarter.
    expect(run.summary.documents).toEqual(
      expect.arrayContaining(['უკუკავშირის ანალიტიკური ანგარიში — 2026 წლის II კვარტალი', 'საჯარო ანგარიში — 2026 წლის II კვარტალი']),
    );
  });

  test('settings keep the workbook defaults: the invitation names the default municipality', () => {
    const mails = readdirSync(join(run.out, 'mail')).map((f) => run.read<{ to: string; subject: string; sentAt: string }>('mail', f));
    const invitation = mails.filter((m) => m.to === 'nino.beridze@example.ge');
    expect(invitation).toHaveLength(1);
    expect(invitation[0].subject).toContain(DEFAULT_MUNICIPALITY);
    expect(invitation[0].sentAt >= '2026-05-08').toBe(true);
    const settings = run.read<{ values: unknown[][] }>('spreadsheets', WORKBOOK_NAME, `${TABS.settings.name}.json`);
    expect(settings.values.find((r) => r[0] === 'municipality')?.[1]).toBe(DEFAULT_MUNICIPALITY);
  });

  test('every output path of the contract is written', () => {
    const entries = readdirSync(run.out).sort();
    expect(entries).toEqual([
      'docs',
      'drive',
      'environment.json',
      'feedback.json',
      'forms',
      'index.html',
      'mail',
      'spreadsheets',
      'summary.json',
      'triggers.json',
    ]);
    expect(readdirSync(join(run.out, 'forms')).sort()).toEqual(['N1.json', 'N2.json']);
    expect(run.read<unknown[]>('triggers.json').length).toBeGreaterThanOrEqual(4);
  });
});

describe('a scenario with only "responses"', () => {
  let run: ReturnType<typeof replay>;
  beforeAll(() => {
    run = replay('responses-only', {
      responses: [
        // No submittedAt: played at the start, the contract's example time.
        { form: 'N1', channel: 'kiosk', answers: { 'n1.service': 'newborn', 'n1.overall': 4 } },
        { form: 'N1', channel: 'paper', submittedAt: '2026-01-07T10:00:00+04:00', answers: { 'n1.service': 'canteen', 'n1.overall': 5 } },
      ],
    });
  }, 120_000);

  test('replays both responses into the feedback table, with the default start and quarter', () => {
    expect(run.code).toBe(0);
    expect(run.summary.errors).toEqual([]);
    expect(run.summary.cases).toBe(0);
    expect(run.summary.responses.submitted).toEqual({ 'N1/kiosk': 1, 'N1/paper': 1 });
    expect(run.summary.responses.recorded).toEqual({ 'N1/kiosk': 1, 'N1/paper': 1 });
    expect(run.summary.feedbackRows).toBe(2);
    // Without "now", the clock starts an hour before the first timed event.
    expect(run.summary.simulated.from).toBe(new Date(Date.parse('2026-01-07T10:00:00+04:00') - 3_600_000).toISOString());
    expect(run.summary.report).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(run.summary.mailsSent).toBe(0);
  });
});

describe('a case closed before it was submitted (a typing slip in the scenario)', () => {
  let run: ReturnType<typeof replay>;
  beforeAll(() => {
    run = replay('closed-before-submitted', {
      cases: [
        {
          id: '05-2026-0009',
          service: 'newborn',
          applicant: 'ნინო ბერიძე',
          email: 'nino.beridze@example.ge',
          submittedAt: '2026-05-08T10:00:00+04:00',
          closedAt: '2026-05-04T12:00:00+04:00',
          channel: 'email',
        },
      ],
    });
  }, 120_000);

  test('staff close it right after typing it in, the invitation goes out, and the replay warns', () => {
    expect(run.code).toBe(0);
    expect(run.summary.refusedInput.items).toEqual([]);
    expect([run.summary.casesEntered, run.summary.closed, run.summary.invitations.sent]).toEqual([1, 1, 1]);
    expect(run.summary.warnings).toEqual(['case 05-2026-0009: closedAt is before submittedAt; it was closed right after it was entered']);
  });
});
