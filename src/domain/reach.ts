/**
 * Reports by reach (issue 17, item 4): how many of the people invited on each channel answered,
 * and how the N2 outcome (satisfaction and its drivers) differs between people reached by email,
 * by SMS and by phone.
 *
 * - email: N2 answers through the emailed link ÷ email invitations sent in the period (the log);
 * - sms: N2 answers that carry the SMS marker ÷ SMS invitations sent (the log's `sms` rows). An
 *   answer through a link sent by SMS cannot be told from an emailed one unless the link says so:
 *   the SMS link is the N2 form prefilled with the service and a hidden "how invited" answer
 *   (`n2.how_invited` = `sms`), the same for everyone invited by SMS, so it identifies nobody.
 *   Until that marker (or an `sms` channel) reaches the feedback table, SMS answers count as email;
 * - phone: N2 interviews typed from the phone survey ÷ people called (a call-list row with an
 *   outcome, on a list made in the period);
 * - desk: N1 forms (paper, kiosk, online by the desk's QR) ÷ applications handed in at the desk.
 *
 * Answers are anonymous, so a rate is answers received in the period over invitations made in it:
 * an estimate, and no rate when answers outnumber invitations. Every answer count and every score
 * below `minGroupSize` is suppressed; a split whose hidden groups add up to fewer than the minimum
 * withholds more (the N2 total minus the shown groups would give them back); and each figure goes
 * through the disclosure ledger under its own key.
 */
import { withholdComplements } from './report-groups';
import { periodDays, revealsSmallGroup, type Release } from './disclosure';
import { FORMS, likertItems } from './forms';
import type { Score } from './report-model';
import { addScore, newTally, summaryOf, type Tally } from './stats';
import { DRIVERS, type Driver, type FeedbackRecord } from './types';

export type ReachChannel = 'email' | 'sms' | 'phone' | 'desk';
export const REACH_CHANNELS: readonly ReachChannel[] = ['email', 'sms', 'phone', 'desk'];
/** The groups N2 outcomes are compared between. */
export type ReachGroup = 'email' | 'sms' | 'phone';
export const REACH_GROUPS: readonly ReachGroup[] = ['email', 'sms', 'phone'];
/** The N2 answer a link sent by SMS carries prefilled (hidden from the respondent's choice: the same for all). */
export const HOW_INVITED_ITEM = 'n2.how_invited';

/** The channel a record's respondent was reached on; null for notes from other channels. */
export function reachOf(record: FeedbackRecord): ReachChannel | null {
  if (record.form === 'N1') return 'desk';
  if (record.form !== 'N2') return null;
  if (record.channel === 'phone') return 'phone';
  const marker = String(record.answers[HOW_INVITED_ITEM] ?? '')
    .trim()
    .toLowerCase();
  if ((record.channel as string) === 'sms' || marker === 'sms') return 'sms';
  return 'email';
}

/**
 * The ledger key of a group's satisfaction. People interviewed by phone are exactly the N2 answers
 * of channel `phone`, which the report's channel table already shows: the same key, so the ledger
 * compares the two (it compares figures of one key only). The email group leaves out answers
 * marked as invited by SMS, so it is not the channel `email_link` group: a key of its own.
 */
export function satisfactionKey(group: ReachGroup): string {
  return group === 'phone' ? 'channel:N2:phone' : `reach_form:N2:${group}`;
}

export interface ReachInput {
  records: readonly FeedbackRecord[];
  period: { from: Date; to: Date };
  /** People invited (or called, or applications at the desk) on each channel in the period. */
  invited: Record<ReachChannel, number>;
  minGroupSize: number;
  ledger?: readonly Release[];
}

export interface ReachRateRow {
  channel: ReachChannel;
  invited: number;
  /** Null: suppressed (fewer than the minimum, or withheld by the ledger). */
  answers: number | null;
  /** Null without invitations, when suppressed, or when answers outnumber invitations. */
  rate: number | null;
  moreAnswers: boolean;
  /**
   * SMS only: no answer of the period carries the SMS marker, so the SMS-invited answered through
   * the same link as email and are counted there; the email row's invited include them.
   */
  countedWithEmail?: boolean;
  /** Email only: the row holds the unmarked SMS answers and invitations too. */
  withSms?: boolean;
}

export interface ReachOutcomeRow {
  group: ReachGroup;
  satisfaction: Score;
  drivers: Array<{ driver: Driver; score: Score }>;
}

export interface ReachModel {
  rates: ReachRateRow[];
  /** N2 by reach group; only groups with at least one answer or invitation. */
  outcomes: ReachOutcomeRow[];
}

interface Group {
  key: string;
  tally: Tally;
  respondents: number;
  withheld: boolean;
}

const newGroup = (key: string): Group => ({ key, tally: newTally(), respondents: 0, withheld: false });

function scoreOf(group: Group, min: number): Score {
  if (group.respondents === 0) return { suppressed: true, noData: true };
  if (group.respondents < min || group.withheld) return { suppressed: true };
  return { ...summaryOf(group.tally), respondents: group.respondents };
}

export function buildReach(input: ReachInput): ReachModel {
  const min = input.minGroupSize;
  const from = input.period.from.getTime();
  const to = input.period.to.getTime();
  const span = periodDays(input.period);
  const ledger = input.ledger ?? [];
  const refused = (key: string, respondents: number): boolean => ledger.length > 0 && revealsSmallGroup(ledger, { key, ...span, respondents }, min);

  const answers: Record<ReachChannel, number> = { email: 0, sms: 0, phone: 0, desk: 0 };
  // The satisfaction "driver" is the overall score (n2.overall): keyed as the group's form score.
  const keyOf = (g: ReachGroup, d: Driver): string => (d === 'satisfaction' ? satisfactionKey(g) : `reach_driver:N2:${g}:${d}`);
  const drivers = new Map(REACH_GROUPS.map((g) => [g, DRIVERS.map((d) => newGroup(keyOf(g, d)))]));
  const overallOf = (g: ReachGroup): Group => (drivers.get(g) as Group[])[DRIVERS.indexOf('satisfaction')];
  const items = likertItems(FORMS.N2);
  for (const record of input.records) {
    const at = record.receivedAt.getTime();
    if (!(at >= from && at < to)) continue;
    const reach = reachOf(record);
    if (!reach) continue;
    answers[reach]++;
    if (reach === 'desk') continue;
    const counted = new Set<Group>();
    for (const item of items) {
      const value = record.answers[item.id];
      const group = (drivers.get(reach) as Group[])[DRIVERS.indexOf(item.driver as Driver)];
      if (!addScore(group.tally, value) || counted.has(group)) continue;
      counted.add(group);
      group.respondents++;
    }
  }

  // The N2 answer counts split the N2 total as well: the same rule.
  const counts = new Map(
    REACH_CHANNELS.map((channel) => {
      const group = newGroup(`reach:${channel}`);
      group.respondents = answers[channel];
      group.withheld = group.respondents >= min && refused(group.key, group.respondents);
      return [channel, group];
    }),
  );
  withholdComplements(
    REACH_GROUPS.map((g) => counts.get(g) as Group),
    min,
  );
  // Unmarked SMS answers are in the email count: one rate for both links, never a false 0 % for SMS.
  const smsUnmarked = answers.sms === 0 && input.invited.sms > 0;
  const rates = REACH_CHANNELS.map((channel): ReachRateRow => {
    if (channel === 'sms' && smsUnmarked) return { channel, invited: input.invited.sms, answers: null, rate: null, moreAnswers: false, countedWithEmail: true };
    const count = answers[channel];
    const invited = input.invited[channel] + (channel === 'email' && smsUnmarked ? input.invited.sms : 0);
    const hidden = count > 0 && (count < min || (counts.get(channel) as Group).withheld);
    const rate = hidden || invited <= 0 || count > invited ? null : count / invited;
    const row: ReachRateRow = { channel, invited, answers: hidden ? null : count, rate, moreAnswers: !hidden && invited > 0 && count > invited };
    return channel === 'email' && smsUnmarked ? { ...row, withSms: true } : row;
  });

  // Each split of an N2 total (the satisfaction, each driver) by group.
  DRIVERS.forEach((_, i) => {
    const split = REACH_GROUPS.map((g) => (drivers.get(g) as Group[])[i]);
    for (const group of split) if (group.respondents >= min && refused(group.key, group.respondents)) group.withheld = true;
    withholdComplements(split, min);
  });
  const present = REACH_GROUPS.filter((g) => answers[g] > 0 || input.invited[g] > 0);
  const n2Drivers = new Set(items.map((item) => item.driver as Driver));
  const outcomes = present.map((group) => ({
    group,
    satisfaction: scoreOf(overallOf(group), min),
    drivers: DRIVERS.filter((d) => d !== 'satisfaction' && n2Drivers.has(d)).map((driver) => ({
      driver,
      score: scoreOf((drivers.get(group) as Group[])[DRIVERS.indexOf(driver)], min),
    })),
  }));
  return { rates, outcomes };
}

/** The reach figures an output shows, as releases for the disclosure ledger. */
export function reachReleases(model: ReachModel, period: { from: Date; to: Date }): Release[] {
  const span = periodDays(period);
  const releases: Release[] = [];
  for (const row of model.rates) if (row.answers !== null && row.answers > 0) releases.push({ key: `reach:${row.channel}`, ...span, respondents: row.answers });
  for (const row of model.outcomes) {
    if (!row.satisfaction.suppressed) releases.push({ key: satisfactionKey(row.group), ...span, respondents: row.satisfaction.respondents });
    for (const d of row.drivers)
      if (!d.score.suppressed) releases.push({ key: `reach_driver:N2:${row.group}:${d.driver}`, ...span, respondents: d.score.respondents });
  }
  return releases;
}
