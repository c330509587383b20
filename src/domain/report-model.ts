/**
 * The analysis report as plain data: what the feedback of a period says, computed in one pass
 * over the feedback table. Renderers (HTML, Docs) only lay it out. Every score of a group with
 * fewer respondents than the minimum group size is replaced by `{ suppressed: true }`, so no
 * renderer can show it by mistake.
 */
import { isDate } from './dates';
import { effectivePolarity, effectiveThemes } from './themes';
import { redactPersonalData } from './redact';
import { guardFor, type Release } from './disclosure';
import { decisionFigures, periodRelease, type DecisionFigures } from './report-decisions';
import {
  CHANNEL_INDEX,
  FORM_KEYS,
  LOW_SCORE_MAX,
  newBucket,
  scoreRecord,
  scoredItems,
  withholdBucket,
  type Accumulator,
  type Bucket,
  type ScoredItem,
} from './report-groups';
import { AGREE_MIN, CONFIDENCE_LEVEL, type Suppressed, type Summary, type Trend, compare, responseRate, summaryOf } from './stats';
import { CHANNELS, DRIVERS } from './types';
import type { ActionRecord, ActionStatus, Channel, Driver, FeedbackForm, FeedbackRecord, FormKey, Service } from './types';

/** A period: `from` inclusive, `to` exclusive (as dates.ts periods are). */
export interface ReportPeriod {
  from: Date;
  to: Date;
  label: string;
}

export interface ReportInput {
  /** The whole feedback table; records outside the periods are ignored. */
  records: readonly FeedbackRecord[];
  actions: readonly ActionRecord[];
  period: ReportPeriod;
  previous?: ReportPeriod;
  lastYear?: ReportPeriod;
  /** N2 invitations sent in the period. */
  invitationsSent: number;
  /** Desk applications submitted in the period, and N2 invitations sent in it, by service code (coverage). */
  deskApplications?: Record<string, number>;
  invitationsByService?: Record<string, number>;
  minGroupSize: number;
  services: readonly Service[];
  language: 'ka' | 'en';
  /** The internal report quotes comments and names action owners; the public one does not. */
  internal: boolean;
  /**
   * Every group figure output before (disclosure.ts): a figure that, with them, would reveal a
   * small group is withheld. Absent: nothing is checked against earlier outputs.
   */
  ledger?: readonly Release[];
}

/** A published score: a Summary plus how many distinct responses it rests on. */
export type Score = Suppressed | (Summary & { respondents: number });
export type PublishedScore = Exclude<Score, Suppressed>;

export interface DataBasis {
  /** Feedback rows received in the period. */
  total: number;
  byForm: Record<FeedbackForm, number>;
  /** Channels with at least one row, in vocabulary order. */
  byChannel: Array<{ channel: Channel; count: number }>;
  /** Rows logged from other channels (phone, social network, website, letter …): form 'other'. */
  otherChannels: number;
  invitationsSent: number;
  /**
   * N2 answers received in the period ÷ N2 invitations sent in it (answers are anonymous and carry
   * no case, so they cannot be matched to their invitation). Null without invitations, and null
   * when more answers than invitations arrived (answers to earlier invitations): a rate above
   * 100 % is no rate.
   */
  n2ResponseRate: number | null;
  /** More N2 answers than invitations in the period: the rate is not shown. */
  n2MoreAnswersThanInvitations: boolean;
}

export interface QuestionRow {
  itemId: string;
  form: FormKey;
  driver: Driver;
  /** The item's wording in the report language. */
  text: string;
  score: Score;
}

/** A service's overall score of one form (N1: handing in the application; N2: the service). */
export interface ServiceRow {
  form: FormKey;
  code: string;
  name: string;
  score: Score;
}

export type TrendSubject =
  | { kind: 'form'; form: FormKey }
  | { kind: 'driver'; form: FormKey; driver: Driver }
  | { kind: 'service'; form: FormKey; code: string; name: string };

export interface TrendRow {
  subject: TrendSubject;
  current: Score;
  /** Null when the report has no such comparison period. */
  previous: Score | null;
  lastYear: Score | null;
  vsPrevious: Trend;
  vsLastYear: Trend;
}

import { ProfileTally, type Profile } from './report-profile';
import { ThemeTally, type CountCell, type ThemeGroups, type ThemeRow } from './report-themes';
export { UNCATEGORISED, recordText, type CountCell, type ThemeGroups, type ThemeRow } from './report-themes';

export interface ActionRow {
  /** Internal: the decision; public: the public wording (the decision when none was written). */
  text: string;
  service: string;
  theme: string;
  due: Date | null;
  status: ActionStatus;
  /** Due before the period's end and not done. */
  overdue: boolean;
  /** Internal report only. */
  problem?: string;
  owner?: string;
}

export interface Methodology {
  minGroupSize: number;
  /** Answers of at least this value count as agreement (4 or 5 on the 1–5 scale). */
  agreeMin: number;
  scaleMin: number;
  scaleMax: number;
  confidenceLevel: number;
  interval: 'wilson';
  /** A change is reported only when the two 95 % intervals do not overlap. */
  trendRule: 'non_overlapping_intervals';
  /** A response counts as low when its overall or any other 1–5 answer is 2 or less. */
  lowScoreMax: number;
}

export interface ReportModel {
  language: 'ka' | 'en';
  /** Figures withheld although large enough, because with earlier outputs they would reveal a small group. */
  withheldByEarlierOutputs: number;
  internal: boolean;
  period: ReportPeriod;
  previous: ReportPeriod | null;
  lastYear: ReportPeriod | null;
  basis: DataBasis;
  /** Each form's overall satisfaction apart: N1 and N2 ask different questions at different moments. */
  satisfaction: { byForm: Array<{ form: FormKey; score: Score }> };
  /** Each form's drivers (only those it has items for). */
  drivers: Array<{ form: FormKey; driver: Driver; score: Score }>;
  questions: QuestionRow[];
  /** Every service once per form, forms in order. */
  services: ServiceRow[];
  /** Channels compared only within a form: each form's channels that had scored answers. */
  channels: Array<{ form: FormKey; channel: Channel; score: Score }>;
  trends: TrendRow[];
  problems: {
    /** Responses with a low score in the period. */
    lowScoreResponses: number;
    lowestQuestions: Array<QuestionRow & { score: PublishedScore }>;
    /** Problem texts of every channel (polarity `problem`, staff's correction first), by theme. */
    themes: ThemeRow[];
    texts: number;
    uncategorised: CountCell | null;
  };
  /** What people liked: praise texts of every channel, by theme. */
  praise: ThemeGroups;
  /** N2's problem share, how N1 respondents heard of the service, their age groups. */
  profile: Profile;
  actions: ActionRow[];
  methodology: Methodology;
  /** Coverage and response rates per service and channel (null without register counts). */
  coverage: DecisionFigures['coverage'];
  /** Each form's drivers within each service large enough. */
  serviceDrivers: DecisionFigures['serviceDrivers'];
  /** Before/after each completed action on what it targeted; `action` indexes `actions`. */
  actionEffects: DecisionFigures['actionEffects'];
  effectReleases: DecisionFigures['effectReleases'];
}

const MAX_PROBLEM_QUESTIONS = 3;

function scoreOf(acc: Accumulator | undefined, minGroupSize: number): Score {
  if (!acc || acc.respondents === 0) return { suppressed: true, noData: true };
  if (acc.withheld || acc.respondents < minGroupSize) return { suppressed: true };
  return { ...summaryOf(acc), respondents: acc.respondents };
}

function timeRange(period: ReportPeriod | undefined): [number, number] {
  return period ? [period.from.getTime(), period.to.getTime()] : [NaN, NaN];
}

function serviceName(service: Service, language: 'ka' | 'en'): string {
  return language === 'en' && service.en ? service.en : service.ka;
}

function actionRow(action: ActionRecord, periodEnd: number, internal: boolean): ActionRow {
  const overdue = action.status !== 'done' && isDate(action.due) && action.due.getTime() < periodEnd;
  const row: ActionRow = {
    text: internal ? action.decision : action.publicWording || action.decision,
    service: action.service,
    theme: action.theme,
    due: action.due,
    status: action.status,
    overdue,
  };
  if (internal) {
    row.problem = action.problem;
    row.owner = action.owner;
  }
  return row;
}

export function buildReportModel(input: ReportInput): ReportModel {
  const { records, minGroupSize, language } = input;
  const itemsByForm = scoredItems(language);
  const allItems = FORM_KEYS.reduce<ScoredItem[]>((list, form) => list.concat(itemsByForm[form]), []);
  const current = newBucket(allItems.length);
  const previous = input.previous ? newBucket(allItems.length) : null;
  const lastYear = input.lastYear ? newBucket(allItems.length) : null;
  const [from, to] = timeRange(input.period);
  const [previousFrom, previousTo] = timeRange(input.previous);
  const [lastYearFrom, lastYearTo] = timeRange(input.lastYear);

  const byForm: Record<FeedbackForm, number> = { N1: 0, N2: 0, other: 0 };
  const channelCounts = CHANNELS.map(() => 0);
  const scoredChannels: Record<FormKey, boolean[]> = { N1: CHANNELS.map(() => false), N2: CHANNELS.map(() => false) };
  const seenServices = new Set<string>();
  let total = 0;
  let lowScoreResponses = 0;
  const problemTally = new ThemeTally();
  const praiseTally = new ThemeTally();
  const profileTally = new ProfileTally();
  const periodRecords: Array<{ record: FeedbackRecord; index: number }> = [];

  for (let index = 0; index < records.length; index++) {
    const record = records[index];
    if (!isDate(record.receivedAt)) continue;
    const time = record.receivedAt.getTime();
    const items = record.form === 'N1' || record.form === 'N2' ? itemsByForm[record.form] : null;
    if (previous && items && time >= previousFrom && time < previousTo) scoreRecord(previous, record, index, items);
    if (lastYear && items && time >= lastYearFrom && time < lastYearTo) scoreRecord(lastYear, record, index, items);
    if (!(time >= from && time < to)) continue;

    total++;
    periodRecords.push({ record, index });
    profileTally.add(record);
    if (Object.prototype.hasOwnProperty.call(byForm, record.form)) byForm[record.form]++;
    const channel = CHANNEL_INDEX.get(record.channel);
    if (channel !== undefined) channelCounts[channel]++;
    // Every channel's words count, scored or not: a phone call about rent aid is a problem too.
    const polarity = effectivePolarity(record);
    if (polarity === 'problem') problemTally.add(effectiveThemes(record), index, input.internal);
    else if (polarity === 'praise') praiseTally.add(effectiveThemes(record), index, input.internal);
    // What people liked beside a problem (N2's "liked"): praise, unless staff retagged the record.
    if (polarity !== 'praise' && record.staffTags.length === 0 && record.praiseThemes.length > 0) {
      praiseTally.add(effectiveThemes({ themes: record.praiseThemes, staffTags: [] }), index, input.internal);
    }
    if (!items) continue;
    if (channel !== undefined && (record.form === 'N1' || record.form === 'N2')) scoredChannels[record.form][channel] = true;
    seenServices.add(record.service);
    if (scoreRecord(current, record, index, items)) lowScoreResponses++;
  }

  let withheldByEarlierOutputs = 0;
  const guard = (period: ReportPeriod | undefined) => {
    if (!input.ledger || !period) return undefined;
    const allowed = guardFor(input.ledger, period, minGroupSize);
    return (key: string, respondents: number): boolean => {
      const ok = allowed(key, respondents);
      if (!ok) withheldByEarlierOutputs++;
      return ok;
    };
  };
  withholdBucket(current, allItems, minGroupSize, guard(input.period));
  if (previous) withholdBucket(previous, allItems, minGroupSize, guard(input.previous));
  if (lastYear) withholdBucket(lastYear, allItems, minGroupSize, guard(input.lastYear));
  const themeGuard = guard(input.period);
  const score = (acc: Accumulator | undefined): Score => scoreOf(acc, minGroupSize);
  const questions: QuestionRow[] = allItems.map((item) => ({
    itemId: item.id,
    form: item.form,
    driver: item.driver,
    text: item.text,
    score: score(current.questions[item.question]),
  }));

  const serviceRows: Array<{ code: string; name: string }> = input.services.map((service) => ({ code: service.code, name: serviceName(service, language) }));
  const listed = new Set(serviceRows.map((row) => row.code));
  seenServices.forEach((code) => {
    if (!listed.has(code)) serviceRows.push({ code, name: code });
  });

  const formDrivers = (form: FormKey): Driver[] => DRIVERS.filter((driver) => itemsByForm[form].some((item) => item.driver === driver));
  const comparePeriods = (pick: (bucket: Bucket) => Accumulator | undefined, subject: TrendSubject): TrendRow => {
    const now = score(pick(current));
    const before = previous ? score(pick(previous)) : null;
    const yearAgo = lastYear ? score(pick(lastYear)) : null;
    return {
      subject,
      current: now,
      previous: before,
      lastYear: yearAgo,
      vsPrevious: compare(now, before ?? undefined),
      vsLastYear: compare(now, yearAgo ?? undefined),
    };
  };

  const published = (row: QuestionRow): row is QuestionRow & { score: PublishedScore } => !row.score.suppressed;
  const lowestQuestions = questions
    .filter(published)
    .sort((a, b) => (a.score.share ?? 0) - (b.score.share ?? 0) || (a.score.mean ?? 0) - (b.score.mean ?? 0))
    .slice(0, MAX_PROBLEM_QUESTIONS);

  const problems = problemTally.groups(records, minGroupSize, input.internal, themeGuard, 'theme');
  const drivers = FORM_KEYS.flatMap((form) =>
    formDrivers(form).map((driver) => ({ form, driver, score: score(current.forms[form].drivers[DRIVERS.indexOf(driver)]) })),
  );
  const { effectsWithheld, ...decisions } = decisionFigures({
    records,
    periodRecords,
    actions: input.actions,
    period: input.period,
    itemsByForm,
    serviceOrder: serviceRows.map((row) => row.code),
    formDrivers: drivers,
    deskApplications: input.deskApplications,
    invitationsByService: input.invitationsByService,
    minGroupSize,
    guard: themeGuard,
    prior: [
      ...(input.ledger ?? []),
      ...questions.flatMap((q) => (q.score.suppressed ? [] : [periodRelease(`question:${q.itemId}`, input.period, q.score.respondents)])),
      ...problems.themes.flatMap((row) => (row.suppressed ? [] : [periodRelease(`theme:${row.theme}`, input.period, row.count)])),
    ],
  });

  return {
    language,
    withheldByEarlierOutputs: withheldByEarlierOutputs + effectsWithheld,
    internal: input.internal,
    period: input.period,
    previous: input.previous ?? null,
    lastYear: input.lastYear ?? null,
    basis: {
      total,
      byForm,
      byChannel: CHANNELS.map((channel, i) => ({ channel, count: channelCounts[i] })).filter((row) => row.count > 0),
      otherChannels: byForm.other,
      invitationsSent: input.invitationsSent,
      n2ResponseRate: responseRate(byForm.N2, input.invitationsSent),
      n2MoreAnswersThanInvitations: input.invitationsSent > 0 && byForm.N2 > input.invitationsSent,
    },
    satisfaction: {
      byForm: FORM_KEYS.map((form) => ({ form, score: score(current.forms[form].overall) })),
    },
    drivers,
    questions,
    services: FORM_KEYS.flatMap((form) => serviceRows.map((row) => ({ form, ...row, score: score(current.forms[form].services.get(row.code)) }))),
    channels: FORM_KEYS.flatMap((form) =>
      CHANNELS.map((channel, i) => ({ form, channel, score: score(current.forms[form].channels[i]) })).filter((_, i) => scoredChannels[form][i]),
    ),
    trends: FORM_KEYS.flatMap((form) => [
      comparePeriods((bucket) => bucket.forms[form].overall, { kind: 'form', form }),
      ...formDrivers(form)
        .filter((driver) => driver !== 'satisfaction')
        .map((driver) => comparePeriods((bucket) => bucket.forms[form].drivers[DRIVERS.indexOf(driver)], { kind: 'driver', form, driver })),
      ...serviceRows.map((row) =>
        comparePeriods((bucket) => bucket.forms[form].services.get(row.code), { kind: 'service', form, code: row.code, name: row.name }),
      ),
    ]),
    problems: { lowScoreResponses, lowestQuestions, themes: problems.themes, texts: problems.texts, uncategorised: problems.uncategorised },
    praise: praiseTally.groups(records, minGroupSize, input.internal, themeGuard, 'praise'),
    profile: profileTally.profile(minGroupSize, themeGuard ?? (() => true)),
    actions: input.actions.map((action) => actionRow(action, to, input.internal)),
    methodology: {
      minGroupSize,
      agreeMin: AGREE_MIN,
      scaleMin: 1,
      scaleMax: 5,
      confidenceLevel: CONFIDENCE_LEVEL,
      interval: 'wilson',
      trendRule: 'non_overlapping_intervals',
      lowScoreMax: LOW_SCORE_MAX,
    },
    ...decisions,
  };
}

/**
 * The internal report quotes comments for managers; a comment can still name a person or give a
 * phone number, so quotes leave the model only redacted, as in the agenda and the public report.
 */
export function withRedactedComments(model: ReportModel, knownNames: readonly string[]): ReportModel {
  const redacted = (rows: readonly ThemeRow[]): ThemeRow[] =>
    rows.map((row) => (row.suppressed ? row : { ...row, comments: row.comments.map((comment) => redactPersonalData(comment, knownNames)) }));
  return {
    ...model,
    problems: { ...model.problems, themes: redacted(model.problems.themes) },
    praise: { ...model.praise, themes: redacted(model.praise.themes) },
  };
}
