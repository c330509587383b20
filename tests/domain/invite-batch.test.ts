/**
 * Issue #15: no response can be tied to a case by time (the daily batch rule), N2 by the
 * guideline (desk cases are not applicable), and what the invitation says.
 */
import { batchDue, selectBatch, shuffle } from '../../src/domain/invite-batch';
import { applyChannelOf, planInvitations, type ApplicationRow } from '../../src/domain/invitation-plan';
import { composeInvitation } from '../../src/domain/mails';
import { N1, N2 } from '../../src/domain/forms';
import { t } from '../../src/domain/messages';
import { DEFAULT_SERVICES } from '../../src/domain/services';

const DAY = 24 * 3600_000;
const now = new Date('2026-01-10T11:30:00+04:00');
const due = (service: string, daysAgo: number, extra: { carried?: boolean } = {}) => ({
  service,
  dueSince: new Date(now.getTime() - daysAgo * DAY),
  ...extra,
});
const rule = { min: 3, maxHoldDays: 7 };
const seeded = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};

describe('the daily batch', () => {
  test('a service goes once at least inviteBatchMin are due; one with fewer waits', () => {
    const items = [due('a', 1), due('a', 0), due('a', 2), due('b', 1), due('b', 0)];
    const { batch, held } = selectBatch(items, rule, now, Math.random);
    expect(batch.map((x) => x.service).sort()).toEqual(['a', 'a', 'a']);
    expect(held.map((x) => x.service)).toEqual(['b', 'b']);
  });

  test('after inviteMaxHoldDays the whole service goes, however few', () => {
    const { batch, held } = selectBatch([due('b', 7), due('b', 1)], rule, now, Math.random);
    expect(batch).toHaveLength(2);
    expect(held).toEqual([]);
    expect(selectBatch([due('b', 6.9)], rule, now, Math.random).batch).toEqual([]);
  });

  test('a case an earlier batch chose but could not send goes, whatever its service count', () => {
    const { batch, held } = selectBatch([due('b', 1, { carried: true }), due('b', 0)], rule, now, Math.random);
    expect(batch).toEqual([expect.objectContaining({ carried: true })]);
    expect(held).toHaveLength(1);
  });

  test('a case with no closing date counts as due from now: never released at once', () => {
    expect(selectBatch([{ service: 'c', dueSince: null }], rule, now, Math.random).batch).toEqual([]);
  });

  test('the order is random: every position is reached, so it says nothing of the order of closing', () => {
    const items = Array.from({ length: 5 }, (_, i) => i);
    const firstSeen = new Set<number>();
    const random = seeded(7);
    for (let k = 0; k < 200; k++) firstSeen.add(shuffle(items, random)[0]);
    expect([...firstSeen].sort()).toEqual(items);
    expect(shuffle(items, random).sort()).toEqual(items);
  });

  test('due once a day, at or after the hour in Tbilisi, until that day’s batch has run', () => {
    const at = (iso: string) => new Date(iso);
    expect(batchDue(at('2026-01-10T10:59:00+04:00'), 11, null)).toBe(false);
    expect(batchDue(at('2026-01-10T11:00:00+04:00'), 11, null)).toBe(true);
    expect(batchDue(at('2026-01-10T18:00:00+04:00'), 11, '20260109')).toBe(true);
    expect(batchDue(at('2026-01-10T18:00:00+04:00'), 11, '20260110')).toBe(false);
    // 23:30 in Tbilisi is still the same day there (19:30 UTC)
    expect(batchDue(at('2026-01-10T23:30:00+04:00'), 11, '20260110')).toBe(false);
  });
});

describe('N2 by the guideline', () => {
  const NEWBORN = DEFAULT_SERVICES.find((s) => s.code === 'newborn')!;
  const FORM = 'https://docs.google.com/forms/d/e/FORMID/viewform';
  const links = new Map([['newborn', 'https://forms.gle/abc']]);
  let n = 0;
  const row = (applyChannel: string, email = `p${++n}@example.ge`): ApplicationRow => ({
    index: n,
    caseId: `01-2026-${n}`,
    service: NEWBORN.ka,
    email,
    status: 'დასრულებულია',
    closedAt: new Date('2026-01-05T10:00:00Z'),
    submittedAt: new Date('2026-01-02T08:00:00Z'),
    applyChannel,
  });
  const plan = (rows: ApplicationRow[], inviteDeskCases = false) =>
    planInvitations({ rows, log: new Map(), services: DEFAULT_SERVICES, links, genericUrl: FORM, inviteDeskCases });

  test('the applications tab records the channel as its Georgian word (or the id)', () => {
    expect(applyChannelOf('კანცელარია')).toBe('office');
    expect(applyChannelOf(' ელფოსტა ')).toBe('email');
    expect(applyChannelOf('office')).toBe('office');
    expect(applyChannelOf('')).toBe('');
  });

  test('a case that came by email is invited; a desk case is "not applicable — N1 at the desk", not a problem', () => {
    const result = plan([row('ელფოსტა'), row('კანცელარია'), row('კანცელარია', '')]);
    expect(result.sends).toHaveLength(1);
    expect(result.outcomes.map((o) => [o.status, o.problem])).toEqual([
      [t('invite.not_applicable_desk'), false],
      [t('invite.not_applicable_desk'), false],
    ]);
    expect(t('invite.not_applicable_desk')).toMatch(/N1/);
  });

  test('the setting widens it to desk cases that left an email; one without an email is still not applicable', () => {
    const result = plan([row('კანცელარია'), row('კანცელარია', '')], true);
    expect(result.sends).toHaveLength(1);
    expect(result.outcomes.map((o) => o.status)).toEqual([t('invite.not_applicable_desk')]);
  });

  test('the plan carries the application day (not the case number) and the closing day', () => {
    const [send] = plan([row('ელფოსტა')]).sends;
    expect(send.appliedOn).toBe('02.01.2026');
    expect(send.dueSince?.toISOString()).toBe('2026-01-05T10:00:00.000Z');
  });
});

describe('the invitation', () => {
  const mail = composeInvitation({
    municipality: 'ამბროლაურის მერია',
    serviceName: 'ახალშობილის დახმარება',
    link: 'https://forms.gle/abc',
    appliedOn: '02.01.2026',
    contactPhone: '0439 22 11 33',
  });

  test('carries the short link, the application date, the contact phone and that results are published', () => {
    for (const part of [mail.body, mail.htmlBody]) {
      expect(part).toContain('https://forms.gle/abc');
      expect(part).toContain('02.01.2026');
      expect(part).toContain('0439 22 11 33');
      expect(part).toContain(t('invitation.published'));
    }
  });

  test('tells the truth about anonymity: no longer "your answer is not linked to your application"', () => {
    expect(mail.body).not.toContain('არ უკავშირდება თქვენს განცხადებას');
    expect(mail.body).toContain('დღეში ერთხელ');
    expect(mail.body).toContain('განცხადების ნომრის გარეშე');
  });

  test('without a phone set, no contact line', () => {
    const plain = composeInvitation({ municipality: 'მერია', serviceName: null, link: 'https://forms.gle/x' });
    expect(plain.body).not.toContain(t('invitation.contact', { phone: '' }).slice(0, 10));
  });
});

describe('the forms’ texts', () => {
  test('the online N1 does not send people to the box; the paper says answering does not affect the application', () => {
    expect(N1.intro).toContain('ყუთში');
    expect(N1.onlineIntro).toBeDefined();
    expect(N1.onlineIntro).not.toContain('ყუთ');
    expect(N1.paperNote).toBe(t('form.paper_no_effect'));
    expect(N1.paperNote).toContain('გავლენას არ ახდენს');
    // The online N2 no longer promises that the answer "is not linked to your application".
    expect(N2.onlineIntro).not.toContain('არ უკავშირდება');
  });
});
