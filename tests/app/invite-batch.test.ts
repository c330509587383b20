/**
 * Issue #15, end to end with the product's defaults: invitations go out in the daily batch at
 * inviteHour (11:00), a service waits until inviteBatchMin (3) are due or inviteMaxHoldDays (7)
 * have passed, desk cases are not invited, and no tab staff can open holds a time finer than the
 * day. (The send protocol itself — once, quota, kills — is tests/app/invitations.test.ts.)
 */
import { setUpWorkbook, type Fixture } from '../support/workbook';
import { TABS } from '../../src/domain/schema';
import { DEFAULT_SERVICES } from '../../src/domain/services';
import { t } from '../../src/domain/messages';
import { dataRows, feedbackRows, formRecord, setSetting } from '../support/tabs';

const APPS = TABS.applications.name;
const LOG = TABS.invitations.name;
const CLOSED = 'დასრულებულია';
const ka = (code: string): string => DEFAULT_SERVICES.find((s) => s.code === code)!.ka;
const column = (key: string): number => TABS.applications.columns.findIndex((c) => c.key === key);

function caseRow(i: number, service: string, channel = 'ელფოსტა'): unknown[] {
  return [`01-2026-${String(i).padStart(4, '0')}`, '02.01.2026', ka(service), `განმცხადებელი ${i}`, `applicant${i}@example.ge`, channel, CLOSED];
}

const statusOf = (f: Fixture, i: number): unknown => dataRows(f, APPS)[i - 1][column('inviteStatus')];
const mailed = (f: Fixture): string[] => f.ws.mail.sent.map((m) => m.to).sort();

describe('the daily batch with the defaults', () => {
  let f: Fixture;
  beforeAll(() => {
    f = setUpWorkbook();
    setSetting(f, 'contactPhone', '0439 22 11 33');
    f.ws.core.setNow(Date.parse('2026-01-05T08:00:00+04:00'));
    // Three firewood cases, two newborn ones, one desk case: all closed before the batch hour.
    f.ws.spreadsheets.userEdit(f.spreadsheetId, APPS, 'A2:G7', [
      caseRow(1, 'firewood'),
      caseRow(2, 'newborn'),
      caseRow(3, 'firewood'),
      caseRow(4, 'newborn'),
      caseRow(5, 'firewood'),
      caseRow(6, 'newborn', 'კანცელარია'),
    ]);
  });

  test('closing a case sends nothing: the row says the batch hour', () => {
    expect(f.ws.mail.sent).toEqual([]);
    expect(statusOf(f, 1)).toBe(t('invite.waiting_batch', { hour: 11 }));
  });

  test('a desk case is not applicable — N1 at the desk — and is not a problem', () => {
    expect(statusOf(f, 6)).toBe(t('invite.not_applicable_desk'));
  });

  test('at 11:00 the service with three due goes, together; the one with two waits for more', () => {
    f.ws.script.runClockUntil(Date.parse('2026-01-05T10:30:00+04:00'));
    expect(f.ws.mail.sent).toEqual([]);
    f.ws.script.runClockUntil(Date.parse('2026-01-05T12:30:00+04:00'));
    expect(mailed(f)).toEqual(['applicant1@example.ge', 'applicant3@example.ge', 'applicant5@example.ge']);
    // sent in one run: the same minute
    expect(new Set(f.ws.mail.sent.map((m) => Math.floor(m.sentAt / 60_000))).size).toBe(1);
    expect(statusOf(f, 2)).toBe(t('invite.waiting_group', { min: 3, days: 7 }));
    // the mail: the application day, the phone, the short link; no case number
    const mail = f.ws.mail.sent[0];
    expect(mail.body).toContain('02.01.2026');
    expect(mail.body).toContain('0439 22 11 33');
    expect(mail.body).toMatch(/https:\/\/forms\.gle\//);
    expect(mail.body).not.toContain('01-2026-');
  });

  test('no tab holds the invitation’s time: the applications tab and the log keep the day only', () => {
    const midnight = Date.parse('2026-01-05T00:00:00+04:00');
    const sentAt = dataRows(f, APPS)[0][column('inviteAt')] as Date;
    expect(sentAt.getTime()).toBe(midnight);
    const logAt = TABS.invitations.columns.findIndex((c) => c.key === 'at');
    for (const row of dataRows(f, LOG))
      if (row[logAt] instanceof Date) expect((row[logAt] as Date).getTime() % (24 * 3600_000)).toBe(midnight % (24 * 3600_000));
  });

  test('later sweeps the same day send nothing; a case closed after the batch waits for tomorrow’s', () => {
    f.ws.spreadsheets.userEdit(f.spreadsheetId, APPS, 'A8:G10', [caseRow(7, 'firewood'), caseRow(8, 'firewood'), caseRow(9, 'firewood')]);
    f.ws.script.runClockUntil(Date.parse('2026-01-05T23:30:00+04:00'));
    expect(f.ws.mail.sent).toHaveLength(3);
    f.ws.script.runClockUntil(Date.parse('2026-01-06T11:30:00+04:00'));
    expect(f.ws.mail.sent).toHaveLength(6);
  });

  test('after inviteMaxHoldDays the two newborn cases go, in the day’s batch; the desk case never', () => {
    f.ws.script.runClockUntil(Date.parse('2026-01-11T12:00:00+04:00'));
    expect(f.ws.mail.sent).toHaveLength(6);
    f.ws.script.runClockUntil(Date.parse('2026-01-12T12:00:00+04:00'));
    expect(f.ws.mail.sent.map((m) => m.to)).toEqual(expect.arrayContaining(['applicant2@example.ge', 'applicant4@example.ge']));
    expect(f.ws.mail.sent).toHaveLength(8);
    expect(f.ws.mail.sent.filter((m) => m.to === 'applicant6@example.ge')).toEqual([]);
    expect(statusOf(f, 2)).toBe(t('invite.sent'));
  });

  test('an online answer is stored with its day only and an id without its time', () => {
    const n2 = formRecord(f, 'N2');
    const link = String(dataRows(f, TABS.services.name).find((r) => r[0] === 'firewood')![3]);
    f.ws.forms.respond(n2.id, { [String(n2.items['n2.overall'])]: 4 }, { prefilledUrl: link });
    const [row] = feedbackRows(f);
    expect((row.received_at as Date).getTime()).toBe(Date.parse('2026-01-12T00:00:00+04:00'));
    expect(String(row.id)).toBe('N2-20260112-0');
  });
});
