/**
 * The analysis report as plain data: what the feedback of a period says, computed in one pass
 * over the feedback table. Renderers (HTML, Docs) only lay it out. Every score of a group with
 * fewer respondents than the minimum group size is replaced by `{ suppressed: true }`, so no
 * renderer can show it by mistake.
 */
import { isDate } from './dates';
import { FORMS, freeTextItems } from './forms';
import { effectivePolarity, effectiveThemes } from './themes';
import { redactPersonalData } from './redact';
import { guardFor, type Release, type ReleaseGuard } from './disclosure';
import { flaggedPersonal } from './arrival';
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
  /** N2 responses / N2 invitations sent in the period; null without invitations. */
  n2ResponseRate: number | null;
}

export interface QuestionRow {
  itemId: string;
  form: FormKey;
  driver: Driver;
  /** The item's wording in the report language. */
  text: string;
  score: Score;
}

export interface ServiceRow {
  code: string;
  name: string;
  score: Score;
}

export type TrendSubject = { kind: 'overall' } | { kind: 'driver'; driver: Driver } | { kind: 'service'; code: string; name: string };

export interface TrendRow {
  subject: TrendSubject;
  current: Score;
  /** Null when the report has no such comparison period. */
  previous: Score | null;
  lastYear: Score | null;
  vsPrevious: Trend;
  vsLastYear: Trend;
}

export type ThemeRow = { theme: string; suppressed: true } | { theme: string; suppressed: false; count: number; comments: string[] };

/** A count of people: suppressed below the minimum group size like every other figure. */
export type CountCell = { suppressed: true } | { suppressed: false; count: number };

/** Free texts of one polarity grouped by theme (../shared/themes.md, "Where they show"). */
export interface ThemeGroups {
  /** Texts of that polarity, any theme or none. */
  texts: number;
  /** Every theme with at least one text, most frequent first. */
  themes: ThemeRow[];
  /** Texts of that polarity with no theme (უკატეგორიო); null when there are none. */
  uncategorised: CountCell | null;
}

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
  satisfaction: { overall: Score; byForm: Array<{ form: FormKey; score: Score }> };
  drivers: Array<{ driver: Driver; score: Score }>;
  questions: QuestionRow[];
  services: ServiceRow[];
  channels: Array<{ channel: Channel; score: Score }>;
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
  actions: ActionRow[];
  methodology: Methodology;
}

const MAX_PROBLEM_QUESTIONS = 3;
const MAX_COMMENTS = 3;

/** The ledger key of texts without a theme. */
export const UNCATEGORISED = 'uncategorised';

/** Counts of texts by theme for one polarity, and which records each theme gathers (for quotes). */
class ThemeTally {
  texts = 0;
  uncategorised = 0;
  readonly counts = new Map<string, number>();
  readonly records = new Map<string, number[]>();

  add(themes: readonly string[], index: number, keepRecords: boolean): void {
    this.texts++;
    if (themes.length === 0) this.uncategorised++;
    for (const theme of themes) {
      this.counts.set(theme, (this.counts.get(theme) ?? 0) + 1);
      if (!keepRecords) continue;
      const list = this.records.get(theme);
      if (list) list.push(index);
      else this.records.set(theme, [index]);
    }
  }

  /**
   * The tally as rows: every count below the minimum group size suppressed, and every count that
   * with earlier outputs would reveal a small group (`guard`, disclosure ledger keys
   * `${prefix}:${theme}`, `${prefix}:uncategorised`).
   */
  groups(records: readonly FeedbackRecord[], minGroupSize: number, internal: boolean, guard: ReleaseGuard | undefined, prefix: string): ThemeGroups {
    const hidden = (key: string, count: number): boolean => count < minGroupSize || (!!guard && !guard(`${prefix}:${key}`, count));
    const themes = Array.from(this.counts.entries())
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(
        ([theme, count]): ThemeRow =>
          hidden(theme, count)
            ? { theme, suppressed: true }
            : { theme, suppressed: false, count, comments: internal ? representativeComments(records, this.records.get(theme) ?? []) : [] },
      );
    const uncategorised: CountCell | null =
      this.uncategorised === 0 ? null : hidden(UNCATEGORISED, this.uncategorised) ? { suppressed: true } : { suppressed: false, count: this.uncategorised };
    return { texts: this.texts, themes, uncategorised };
  }
}

function scoreOf(acc: Accumulator | undefined, minGroupSize: number): Score {
  if (!acc || acc.withheld || acc.respondents === 0 || acc.respondents < minGroupSize) return { suppressed: true };
  return { ...summaryOf(acc), respondents: acc.respondents };
}

function timeRange(period: ReportPeriod | undefined): [number, number] {
  return period ? [period.from.getTime(), period.to.getTime()] : [NaN, NaN];
}

/** Ids of the free-text items of each form, whose answers are a response's comments. */
const FREE_TEXT_IDS: Record<FormKey, string[]> = {
  N1: freeTextItems(FORMS.N1).map((item) => item.id),
  N2: freeTextItems(FORMS.N2).map((item) => item.id),
};

/** A record's own words: its free-text answers and the text logged from other channels, joined. */
export function recordText(record: FeedbackRecord): string {
  const parts: string[] = [];
  const ids = record.form === 'N1' || record.form === 'N2' ? FREE_TEXT_IDS[record.form] : [];
  for (const id of ids) {
    const value = record.answers[id];
    if (typeof value === 'string' && value.trim() !== '') parts.push(value.trim());
  }
  if (record.text && record.text.trim() !== '') parts.push(record.text.trim());
  return parts.join(' / ');
}

/** Comment order: those staff marked quotable first, then the most recent. */
function ranksBefore(a: FeedbackRecord, b: FeedbackRecord): boolean {
  if (a.quotable !== b.quotable) return a.quotable;
  return a.receivedAt.getTime() > b.receivedAt.getTime();
}

/**
 * The first three distinct comments in comment order, in one pass that keeps only the best three
 * so far: a theme may gather tens of thousands of records.
 */
function representativeComments(records: readonly FeedbackRecord[], indices: readonly number[]): string[] {
  const best: Array<{ record: FeedbackRecord; text: string }> = [];
  for (const index of indices) {
    const record = records[index];
    // Personal data flagged on arrival: quoted only once staff have read it and ticked "quotable".
    if (!record.quotable && flaggedPersonal(record)) continue;
    if (best.length === MAX_COMMENTS && !ranksBefore(record, best[MAX_COMMENTS - 1].record)) continue;
    const text = recordText(record);
    if (text === '') continue;
    const same = best.findIndex((entry) => entry.text === text);
    if (same >= 0) {
      if (!ranksBefore(record, best[same].record)) continue;
      best.splice(same, 1);
    }
    const at = best.findIndex((entry) => ranksBefore(record, entry.record));
    best.splice(at < 0 ? best.length : at, 0, { record, text });
    if (best.length > MAX_COMMENTS) best.pop();
  }
  return best.map((entry) => entry.text);
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
  const scoredChannels = CHANNELS.map(() => false);
  const seenServices = new Set<string>();
  let total = 0;
  let lowScoreResponses = 0;
  const problemTally = new ThemeTally();
  const praiseTally = new ThemeTally();

  for (let index = 0; index < records.length; index++) {
    const record = records[index];
    if (!isDate(record.receivedAt)) continue;
    const time = record.receivedAt.getTime();
    const items = record.form === 'N1' || record.form === 'N2' ? itemsByForm[record.form] : null;
    if (previous && items && time >= previousFrom && time < previousTo) scoreRecord(previous, record, index, items);
    if (lastYear && items && time >= lastYearFrom && time < lastYearTo) scoreRecord(lastYear, record, index, items);
    if (!(time >= from && time < to)) continue;

    total++;
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
    if (channel !== undefined) scoredChannels[channel] = true;
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

  return {
    language,
    withheldByEarlierOutputs,
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
    },
    satisfaction: {
      overall: score(current.overall),
      byForm: FORM_KEYS.map((form) => ({ form, score: score(current.formOverall[form]) })),
    },
    drivers: DRIVERS.map((driver, i) => ({ driver, score: score(current.drivers[i]) })),
    questions,
    services: serviceRows.map((row) => ({ ...row, score: score(current.services.get(row.code)) })),
    channels: CHANNELS.map((channel, i) => ({ channel, score: score(current.channels[i]) })).filter((_, i) => scoredChannels[i]),
    trends: [
      comparePeriods((bucket) => bucket.overall, { kind: 'overall' }),
      ...DRIVERS.map((driver, i) => comparePeriods((bucket) => bucket.drivers[i], { kind: 'driver', driver })),
      ...serviceRows.map((row) => comparePeriods((bucket) => bucket.services.get(row.code), { kind: 'service', code: row.code, name: row.name })),
    ],
    problems: { lowScoreResponses, lowestQuestions, themes: problems.themes, texts: problems.texts, uncategorised: problems.uncategorised },
    praise: praiseTally.groups(records, minGroupSize, input.internal, themeGuard, 'praise'),
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
