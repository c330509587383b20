/**
 * The groups a report counts answers in — for each form apart (N1 asks about handing in the
 * application, N2 about the service: never one pooled figure): its overall score, drivers,
 * services and channels; and each question — for one period, and the secondary suppression that withholds a group whose figure
 * would let a suppressed one be worked out. report-model.ts turns them into published scores.
 */
import { FORMS, likertItems } from './forms';
import { addScore, isScore, type Tally } from './stats';
import { CHANNELS, DRIVERS } from './types';
import type { Driver, FeedbackRecord, FormKey } from './types';

/** A response counts as low when any of its 1–5 answers is this or less. */
export const LOW_SCORE_MAX = 2;
export const FORM_KEYS: readonly FormKey[] = ['N1', 'N2'];

/** A stats.Tally plus distinct responses: a driver groups several items of one response. */
export interface Accumulator extends Tally {
  respondents: number;
  lastRecord: number;
  /** Withheld although large enough: publishing it would let a smaller group be worked out. */
  withheld: boolean;
}

export function newAccumulator(): Accumulator {
  return { n: 0, agree: 0, sum: 0, respondents: 0, lastRecord: -1, withheld: false };
}

export function add(acc: Accumulator, score: number, recordIndex: number): void {
  addScore(acc, score);
  if (acc.lastRecord !== recordIndex) {
    acc.respondents++;
    acc.lastRecord = recordIndex;
  }
}

/** A likert item resolved once, with the slots its answers count in. */
export interface ScoredItem {
  id: string;
  form: FormKey;
  driver: Driver;
  text: string;
  question: number;
  driverIndex: number;
  /** The satisfaction item of its form (n1.overall, n2.overall): the overall score. */
  overall: boolean;
}

export function scoredItems(language: 'ka' | 'en'): Record<FormKey, ScoredItem[]> {
  const byForm = {} as Record<FormKey, ScoredItem[]>;
  let question = 0;
  for (const form of FORM_KEYS) {
    byForm[form] = likertItems(FORMS[form]).map((item) => {
      const driver = item.driver as Driver;
      return {
        id: item.id,
        form,
        driver,
        text: language === 'en' ? item.en : item.ka,
        question: question++,
        driverIndex: DRIVERS.indexOf(driver),
        overall: driver === 'satisfaction',
      };
    });
  }
  return byForm;
}

/** The groups of one form in one period: every split is of that form's overall score. */
export interface FormBucket {
  overall: Accumulator;
  drivers: Accumulator[];
  services: Map<string, Accumulator>;
  channels: Accumulator[];
}

/** The groups of one period. */
export interface Bucket {
  forms: Record<FormKey, FormBucket>;
  questions: Accumulator[];
}

function newFormBucket(): FormBucket {
  return { overall: newAccumulator(), drivers: DRIVERS.map(newAccumulator), services: new Map(), channels: CHANNELS.map(newAccumulator) };
}

export function newBucket(questionCount: number): Bucket {
  return {
    forms: { N1: newFormBucket(), N2: newFormBucket() },
    questions: Array.from({ length: questionCount }, newAccumulator),
  };
}

export const CHANNEL_INDEX = new Map<string, number>(CHANNELS.map((channel, i) => [channel, i]));

/** Adds a record's valid answers to a bucket; returns whether any of them is low. */
export function scoreRecord(bucket: Bucket, record: FeedbackRecord, index: number, items: readonly ScoredItem[]): boolean {
  let low = false;
  const channel = CHANNEL_INDEX.get(record.channel);
  for (const item of items) {
    const value = record.answers[item.id];
    if (!isScore(value)) continue;
    if (value <= LOW_SCORE_MAX) low = true;
    const form = bucket.forms[item.form];
    add(bucket.questions[item.question], value, index);
    add(form.drivers[item.driverIndex], value, index);
    if (!item.overall) continue;
    add(form.overall, value, index);
    let service = form.services.get(record.service);
    if (!service) {
      service = newAccumulator();
      form.services.set(record.service, service);
    }
    add(service, value, index);
    if (channel !== undefined) add(form.channels[channel], value, index);
  }
  return low;
}

/**
 * Secondary suppression. The overall score is split three ways (by form, service and channel); if
 * the suppressed groups of a split added up to fewer than the minimum, subtracting the published
 * groups from the overall score would reveal them (15 respondents overall, 12 for one service: the
 * other 3 are known). So the smallest published groups are withheld as well until the hidden ones
 * together reach the minimum. A group withheld because earlier outputs would difference it
 * (disclosure.ts) is hidden too, and must not be the only one: alone, the overall score minus the
 * published groups would give its figure back.
 */
export function withholdComplements(groups: ReadonlyArray<Pick<Accumulator, 'respondents' | 'withheld'>>, minGroupSize: number): void {
  const answered = groups.filter((group) => group.respondents > 0).sort((a, b) => a.respondents - b.respondents);
  let hidden = 0;
  let hiddenGroups = 0;
  let differenced = false;
  for (const group of answered) {
    if (group.respondents < minGroupSize || group.withheld) {
      hidden += group.respondents;
      hiddenGroups++;
      differenced ||= group.withheld;
    }
  }
  for (const group of answered) {
    const enough = hidden === 0 || (hidden >= minGroupSize && !(differenced && hiddenGroups === 1));
    if (enough) return;
    if (group.respondents < minGroupSize || group.withheld) continue;
    group.withheld = true;
    hidden += group.respondents;
    hiddenGroups++;
  }
}

/**
 * The same rule for plain counts of people that split a published total (the data basis: answers
 * by form, by channel): which of them may be shown. A count below the minimum is hidden, and the
 * smallest shown ones join it until the hidden ones together reach the minimum, so that the total
 * minus the shown counts gives no small group back.
 */
export function shownCounts(counts: readonly number[], minGroupSize: number): boolean[] {
  const groups = counts.map((respondents) => ({ respondents, withheld: false }));
  withholdComplements(groups, minGroupSize);
  return groups.map((group) => group.respondents === 0 || (group.respondents >= minGroupSize && !group.withheld));
}

/** The key a group's figure is recorded under in the disclosure ledger (disclosure.ts). */
export type GroupGuard = (key: string, respondents: number) => boolean;

/**
 * Withholds every publishable group the guard refuses (its figure, with earlier outputs, would
 * reveal a small group), then applies withholdComplements to each split of the period's overall score.
 */
export function withholdBucket(bucket: Bucket, items: readonly ScoredItem[], minGroupSize: number, guard?: GroupGuard): void {
  const check = (key: string, group: Accumulator): void => {
    if (guard && !group.withheld && group.respondents >= minGroupSize && !guard(key, group.respondents)) group.withheld = true;
  };
  for (const item of items) check(`question:${item.id}`, bucket.questions[item.question]);
  const satisfaction = DRIVERS.indexOf('satisfaction');
  for (const key of FORM_KEYS) {
    const form = bucket.forms[key];
    check(`form:${key}`, form.overall);
    form.drivers.forEach((group, i) => check(`driver:${key}:${DRIVERS[i]}`, group));
    form.services.forEach((group, code) => check(`service:${key}:${code}`, group));
    form.channels.forEach((group, i) => check(`channel:${key}:${CHANNELS[i]}`, group));
    // Groups that are the same people under two keys stand or fall together: the form's overall
    // score, its satisfaction driver and its overall question.
    const overallItem = items.find((item) => item.form === key && item.overall);
    const question = overallItem ? bucket.questions[overallItem.question] : null;
    const same = form.overall.withheld || form.drivers[satisfaction].withheld || !!question?.withheld;
    form.overall.withheld = form.drivers[satisfaction].withheld = same;
    withholdComplements(Array.from(form.services.values()), minGroupSize);
    withholdComplements(form.channels, minGroupSize);
    if (question) question.withheld = same;
  }
}
