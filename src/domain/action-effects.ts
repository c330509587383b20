/**
 * Before and after each completed action (issue 16, item 7): for every action marked done with a
 * completion date and targets (action-targets.ts), the targeted questions' scores and the
 * targeted themes' problem shares in two windows of equal length — *after*: from the completion
 * day to the end of the report period, at most one period long; *before*: as many days right
 * before the completion day. So an action completed in the report period or in the one before it
 * is compared; one completed after the period is not yet, and an older one was compared in
 * earlier reports. Equal windows side by side keep the season and the mix of services alike;
 * answers of every service count (a question is asked of everyone; the action's own service is
 * often too small alone).
 *
 * Every figure is a group: a question's respondents (ledger key `question:<id>`) and a theme's
 * problem texts (`theme:<code>`), the same keys as the period's own figures, so the ledger
 * (disclosure.ts) checks each window against the period and every earlier output: a window that
 * would let a small group be worked out is withheld. A change is claimed only when the two 95 %
 * intervals do not overlap (stats.ts compare); with a side too small the verdict says so.
 */
import { dayNumber, revealsSmallGroup, type Release } from './disclosure';
import { isDate, startOfDay } from './dates';
import { add as addAnswer, newAccumulator, type Accumulator, type ScoredItem } from './report-groups';
import { compare, isScore, summaryOf, wilson, type Summary, type Suppressed, type Trend } from './stats';
import { effectivePolarity, effectiveThemes } from './themes';
import type { ActionRecord, FeedbackRecord } from './types';

const DAY_MS = 86_400_000;

export type WindowScore = Suppressed | (Summary & { respondents: number });

/** Problem texts of a theme among all feedback of a window. */
export type ThemeShare = { suppressed: true; noData?: true } | { suppressed: false; count: number; total: number; share: number; low: number; high: number };

export interface ActionEffect {
  /** The action's index in the register as read. */
  action: number;
  completedAt: Date;
  before: { from: Date; to: Date };
  after: { from: Date; to: Date };
  questions: Array<{ itemId: string; before: WindowScore; after: WindowScore; verdict: Trend }>;
  themes: Array<{ theme: string; before: ThemeShare; after: ThemeShare; verdict: Trend }>;
}

export interface ActionEffectsInput {
  records: readonly FeedbackRecord[];
  actions: readonly ActionRecord[];
  period: { from: Date; to: Date };
  items: readonly ScoredItem[];
  minGroupSize: number;
  /** Every figure output before and by this report: a window is checked against all of them. */
  prior: readonly Release[];
}

/** The two windows of an action completed on `completedAt`, or null when it is not compared in this period. */
export function effectWindows(
  completedAt: Date,
  period: { from: Date; to: Date },
): { before: { from: Date; to: Date }; after: { from: Date; to: Date } } | null {
  const day = startOfDay(completedAt).getTime();
  const length = period.to.getTime() - period.from.getTime();
  if (day >= period.to.getTime() || day < period.from.getTime() - length) return null;
  const afterTo = Math.min(period.to.getTime(), day + length);
  const days = Math.round((afterTo - day) / DAY_MS);
  return {
    before: { from: new Date(day - days * DAY_MS), to: new Date(day) },
    after: { from: new Date(day), to: new Date(afterTo) },
  };
}

function themeShare(count: number, total: number, allowed: boolean): ThemeShare {
  if (!allowed) return { suppressed: true };
  const interval = wilson(count, total) as { low: number; high: number };
  return { suppressed: false, count, total, share: count / total, low: interval.low, high: interval.high };
}

function compareShares(after: ThemeShare, before: ThemeShare): Trend {
  if (after.suppressed || before.suppressed) return 'insufficient';
  return compare(
    { suppressed: false, n: after.total, agree: after.count, share: after.share, low: after.low, high: after.high, mean: null },
    {
      suppressed: false,
      n: before.total,
      agree: before.count,
      share: before.share,
      low: before.low,
      high: before.high,
      mean: null,
    },
  );
}

/** The effects, the window figures they release (for the ledger), and how many the ledger withheld. */
export function buildActionEffects(input: ActionEffectsInput): { effects: ActionEffect[]; releases: Release[]; withheld: number } {
  const released: Release[] = [...input.prior];
  const fresh: Release[] = [];
  let withheld = 0;
  const effects: ActionEffect[] = [];
  // A count of nobody is a figure too (a window of 0 beside a period of 6 gives the rest away).
  const allow = (key: string, window: { from: Date; to: Date }, respondents: number): boolean => {
    const release: Release = { key, from: dayNumber(window.from), to: dayNumber(window.to), respondents };
    if (revealsSmallGroup(released, release, input.minGroupSize)) {
      withheld++;
      return false;
    }
    released.push(release);
    fresh.push(release);
    return true;
  };
  input.actions.forEach((action, index) => {
    const targets = action.targets ?? [];
    if (action.status !== 'done' || !isDate(action.completedAt) || targets.length === 0) return;
    const windows = effectWindows(action.completedAt, input.period);
    if (!windows) return;
    const sides = [windows.before, windows.after] as const;
    const within = (record: FeedbackRecord, side: { from: Date; to: Date }): boolean =>
      isDate(record.receivedAt) && record.receivedAt.getTime() >= side.from.getTime() && record.receivedAt.getTime() < side.to.getTime();
    const effect: ActionEffect = { action: index, completedAt: action.completedAt, ...windows, questions: [], themes: [] };
    for (const target of targets) {
      if (target.kind === 'question') {
        const item = input.items.find((entry) => entry.id === target.id);
        if (!item) continue;
        const scores = sides.map((side): WindowScore => {
          const acc: Accumulator = newAccumulator();
          input.records.forEach((record, i) => {
            const value = record.form === item.form && within(record, side) ? record.answers[item.id] : undefined;
            if (isScore(value)) addAnswer(acc, value, i);
          });
          if (acc.respondents > 0 && acc.respondents < input.minGroupSize) return { suppressed: true };
          if (!allow(`question:${item.id}`, side, acc.respondents)) return { suppressed: true };
          if (acc.respondents === 0) return { suppressed: true, noData: true };
          return { ...summaryOf(acc), respondents: acc.respondents };
        });
        effect.questions.push({ itemId: item.id, before: scores[0], after: scores[1], verdict: compare(scores[1], scores[0]) });
      } else {
        const shares = sides.map((side): ThemeShare => {
          let total = 0;
          let count = 0;
          for (const record of input.records) {
            if (!within(record, side)) continue;
            total++;
            if (effectivePolarity(record) === 'problem' && effectiveThemes(record).includes(target.id)) count++;
          }
          if (total === 0) return { suppressed: true, noData: true };
          // Below the minimum, neither the count nor the feedback it is a share of is shown.
          if ((count > 0 && count < input.minGroupSize) || total < input.minGroupSize) return { suppressed: true };
          return themeShare(count, total, allow(`theme:${target.id}`, side, count));
        });
        effect.themes.push({ theme: target.id, before: shares[0], after: shares[1], verdict: compareShares(shares[1], shares[0]) });
      }
    }
    effects.push(effect);
  });
  return { effects, releases: fresh, withheld };
}
