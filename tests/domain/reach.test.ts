/**
 * Reports by reach: response rate per invitation channel and the N2 outcome by how people were
 * reached, checked against figures computed here by plain counting; small groups suppressed,
 * their complements withheld, and figures the ledger would let be differenced withheld.
 */
import { periodDays } from '../../src/domain/disclosure';
import { buildReach, HOW_INVITED_ITEM, reachOf, reachReleases, type ReachModel } from '../../src/domain/reach';
import type { AnswerValue, FeedbackRecord } from '../../src/domain/types';
import { feedbackRecord } from '../support/records';

const Q1 = { from: new Date('2026-01-01T00:00:00+04:00'), to: new Date('2026-04-01T00:00:00+04:00') };
const inQ1 = (i: number): Date => new Date(Date.parse('2026-01-05T12:00:00+04:00') + i * 86_400_000);

const EMAIL_OVERALL = [5, 5, 4, 4, 3, 2, 5, 4, 1, 2, 5, 5];
const EMAIL_TIMELY: Array<number | null> = [5, 1, 4, null, 3, 2, 5, 4, null, 2, 5, 4];
const PHONE_OVERALL = [4, 4, 5, 3, 2, 1];
const PHONE_TIMELY: Array<number | null> = [4, 2, 2, 3, 2, 1];

function n2(channel: FeedbackRecord['channel'], overall: number, timely: number | null, i: number, extra: Record<string, AnswerValue> = {}): FeedbackRecord {
  return feedbackRecord({ form: 'N2', channel, service: 'firewood', receivedAt: inQ1(i), answers: { 'n2.overall': overall, 'n2.timely': timely, ...extra } });
}

function records(): FeedbackRecord[] {
  const out: FeedbackRecord[] = [];
  EMAIL_OVERALL.forEach((o, i) => out.push(n2('email_link', o, EMAIL_TIMELY[i], i)));
  PHONE_OVERALL.forEach((o, i) => out.push(n2('phone', o, PHONE_TIMELY[i], 20 + i)));
  for (let i = 0; i < 9; i++) out.push(feedbackRecord({ form: 'N1', channel: i < 6 ? 'paper' : 'kiosk', receivedAt: inQ1(i), answers: { 'n1.overall': 4 } }));
  // Outside the period, and a phone note (not a survey answer): neither counts.
  out.push(n2('phone', 5, 5, 200));
  out.push(feedbackRecord({ form: 'other', channel: 'phone', receivedAt: inQ1(3), text: 'რიგი' }));
  return out;
}

const INVITED = { email: 20, sms: 0, phone: 8, desk: 30 };

/** Share of 4–5 among valid scores, counted plainly. */
const share = (values: ReadonlyArray<number | null>): { agree: number; n: number } => {
  const valid = values.filter((v): v is number => v !== null);
  return { agree: valid.filter((v) => v >= 4).length, n: valid.length };
};

function published(model: ReachModel, group: string, driver = 'satisfaction'): { share: number | null; respondents: number } | null {
  const row = model.outcomes.find((r) => r.group === group);
  if (!row) throw new Error(`no group ${group}`);
  const score = driver === 'satisfaction' ? row.satisfaction : row.drivers.find((d) => d.driver === driver)?.score;
  if (!score) throw new Error(`no driver ${driver}`);
  return score.suppressed ? null : { share: score.share, respondents: score.respondents };
}

describe('reports by reach', () => {
  it('rates: answers of each channel ÷ people invited, called or applying at the desk', () => {
    const model = buildReach({ records: records(), period: Q1, invited: INVITED, minGroupSize: 5 });
    const rate = (channel: string) => model.rates.find((r) => r.channel === channel);
    expect(rate('email')).toMatchObject({ invited: 20, answers: EMAIL_OVERALL.length, rate: EMAIL_OVERALL.length / 20 });
    expect(rate('phone')).toMatchObject({ invited: 8, answers: PHONE_OVERALL.length, rate: PHONE_OVERALL.length / 8 });
    expect(rate('desk')).toMatchObject({ invited: 30, answers: 9, rate: 9 / 30 });
    expect(rate('sms')).toMatchObject({ invited: 0, answers: 0, rate: null });
  });

  it('SMS invitations whose answers carry no marker: one rate for both links, never a false 0 % for SMS', () => {
    const model = buildReach({ records: records(), period: Q1, invited: { ...INVITED, sms: 10 }, minGroupSize: 5 });
    const rate = (channel: string) => model.rates.find((r) => r.channel === channel);
    expect(rate('email')).toMatchObject({ invited: 30, answers: EMAIL_OVERALL.length, rate: EMAIL_OVERALL.length / 30, withSms: true });
    expect(rate('sms')).toMatchObject({ invited: 10, answers: null, rate: null, countedWithEmail: true });
  });

  it('outcomes: N2 satisfaction and drivers by email and by phone, as counted by hand', () => {
    const model = buildReach({ records: records(), period: Q1, invited: INVITED, minGroupSize: 5 });
    const email = share(EMAIL_OVERALL);
    const phone = share(PHONE_OVERALL);
    expect(published(model, 'email')).toEqual({ share: email.agree / email.n, respondents: email.n });
    expect(published(model, 'phone')).toEqual({ share: phone.agree / phone.n, respondents: phone.n });
    const emailTimely = share(EMAIL_TIMELY);
    const phoneTimely = share(PHONE_TIMELY);
    expect(published(model, 'email', 'efficiency')).toEqual({ share: emailTimely.agree / emailTimely.n, respondents: emailTimely.n });
    expect(published(model, 'phone', 'efficiency')).toEqual({ share: phoneTimely.agree / phoneTimely.n, respondents: phoneTimely.n });
    // No answers to a driver: no data, not a number.
    const ease = model.outcomes.find((r) => r.group === 'phone')?.drivers.find((d) => d.driver === 'ease')?.score;
    expect(ease).toEqual({ suppressed: true, noData: true });
    // No SMS invitation and no SMS answer: no SMS column.
    expect(model.outcomes.map((r) => r.group)).toEqual(['email', 'phone']);
  });

  it('reads the SMS marker when the link carries it, and suppresses a small group and the group that would give it back', () => {
    const withSms = [...records(), ...[5, 4, 1].map((o, i) => n2('email_link', o, null, 40 + i, { [HOW_INVITED_ITEM]: 'sms' }))];
    expect(reachOf(withSms[withSms.length - 1])).toBe('sms');
    const model = buildReach({ records: withSms, period: Q1, invited: { ...INVITED, sms: 10 }, minGroupSize: 5 });
    const rate = (channel: string) => model.rates.find((r) => r.channel === channel);
    // 3 SMS answers: below 5. Phone (6) alone would give them back (N2 total − email − phone).
    expect(rate('sms')).toMatchObject({ invited: 10, answers: null, rate: null });
    expect(rate('phone')).toMatchObject({ answers: null, rate: null });
    expect(rate('email')).toMatchObject({ answers: 12 });
    expect(published(model, 'sms')).toBeNull();
    expect(published(model, 'phone')).toBeNull();
    expect(published(model, 'email')).not.toBeNull();
  });

  it('withholds a figure the disclosure ledger says would single people out, and records what it shows', () => {
    const first = buildReach({ records: records(), period: Q1, invited: INVITED, minGroupSize: 5 });
    const ledger = reachReleases(first, Q1);
    expect(ledger).toContainEqual({ key: 'channel:N2:phone', ...periodDays(Q1), respondents: 6 });
    // One phone answer on 31 March: Q1 minus 01.01–30.03 would be that one person.
    const moved = records().map((r, i) =>
      r.channel === 'phone' && r.form === 'N2' && i === 12 ? { ...r, receivedAt: new Date('2026-03-31T12:00:00+04:00') } : r,
    );
    const q1 = buildReach({ records: moved, period: Q1, invited: INVITED, minGroupSize: 5 });
    const q1Ledger = reachReleases(q1, Q1);
    const almost = { from: Q1.from, to: new Date('2026-03-31T00:00:00+04:00') };
    const second = buildReach({ records: moved, period: almost, invited: INVITED, minGroupSize: 5, ledger: q1Ledger });
    expect(published(second, 'phone')).toBeNull();
    expect(second.rates.find((r) => r.channel === 'phone')?.answers).toBeNull();
    // Without the ledger it would have been shown: the ledger is what withholds it.
    const unguarded = buildReach({ records: moved, period: almost, invited: INVITED, minGroupSize: 5 });
    expect(published(unguarded, 'phone')).toEqual({ share: expect.any(Number), respondents: 5 });
  });
});
