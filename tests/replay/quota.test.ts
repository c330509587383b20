/**
 * The replay's clock and the daily mail allowance (../shared/scenario.md, step 4: "time-driven
 * triggers run on their schedules as the clock passes them; the mail quota resets daily"). With a
 * daily cap of one message (the settings' mailQuotaPerDay, which the product honours under Google's
 * own quota of the account), three applications closed in the same hour are all invited, one a
 * day, by the hourly sweep on the following days — none twice, none lost. Loads the BUILT bundle.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../replay/demo';
import { isoDay } from '../../replay/player';
import type { Summary } from '../../replay/output';

const work = mkdtempSync(join(tmpdir(), 'ukukavshiri-quota-'));
const out = join(work, 'out');
const ADDRESSES = ['a1@example.ge', 'a2@example.ge', 'a3@example.ge'];

let code: number;
let summary: Summary;
let mails: Array<{ to: string; sentAt: string }>;

beforeAll(() => {
  const file = join(work, 'quota.json');
  writeFileSync(
    file,
    JSON.stringify({
      settings: { mailQuotaPerDay: 1 },
      cases: ADDRESSES.map((email, i) => ({
        id: `02-2026-000${i + 1}`,
        service: 'newborn',
        applicant: 'ნინო ბერიძე',
        email,
        submittedAt: '2026-02-02T10:00:00+04:00',
        closedAt: `2026-02-03T10:${String(i * 5).padStart(2, '0')}:00+04:00`,
        channel: 'email',
      })),
    }),
    'utf8',
  );
  const spy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    code = main(['--scenario', file, '--out', out]);
  } finally {
    spy.mockRestore();
  }
  summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
  mails = readdirSync(join(out, 'mail'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(out, 'mail', f), 'utf8')) as { to: string; sentAt: string });
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

test('every closed case is invited exactly once, at most one message a day, on consecutive days', () => {
  expect(code).toBe(0);
  expect(summary.errors).toEqual([]);
  expect(summary.warnings).toEqual([]);
  expect(summary.closed).toBe(3);
  expect(mails.map((m) => m.to).sort()).toEqual(ADDRESSES);
  const days = mails.map((m) => isoDay(Date.parse(m.sentAt)));
  expect(new Set(days).size).toBe(mails.length);
  expect(days).toEqual(['2026-02-03', '2026-02-04', '2026-02-05']);
  expect(summary.invitations).toEqual(expect.objectContaining({ sent: 3, refused: 0 }));
});
