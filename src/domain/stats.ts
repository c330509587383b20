/**
 * Scores of 1–5 agreement answers: shares of "agree", their confidence intervals and
 * period-over-period comparison (small-group suppression is the report model's, by respondents).
 * Shares are fractions 0–1; renderers format them as percentages.
 */

/** "Agree" means a 4 or a 5 on the 1–5 scale (top-two-box). */
export const AGREE_MIN = 4;

/** z for a two-sided 95 % interval. */
export const Z95 = 1.96;
export const CONFIDENCE_LEVEL = 0.95;

export interface Interval {
  low: number;
  high: number;
}

/** A group's figures. `share`, `low`, `high` and `mean` are null when the group has no answers. */
export interface Summary {
  suppressed: false;
  /** Valid answers (1–5); skips and out-of-range values are not counted. */
  n: number;
  /** Answers of 4 or 5. */
  agree: number;
  share: number | null;
  low: number | null;
  high: number | null;
  mean: number | null;
}

/** A group too small to publish: it carries no numbers at all, so none can leak into a report. */
export interface Suppressed {
  suppressed: true;
  /** Nobody answered at all: "no data", not "too few to publish". */
  noData?: true;
}

export type Figure = Summary | Suppressed;

export type Trend = 'up' | 'down' | 'no_change' | 'insufficient';

/** A running count, so groups can be summed in one pass without keeping the answers. */
export interface Tally {
  n: number;
  agree: number;
  sum: number;
}

/** Whether a value is a valid answer: an integer 1–5. Skips (null, '') and typos (7) are not. */
export function isScore(value: unknown): value is number {
  return typeof value === 'number' && value >= 1 && value <= 5 && Math.floor(value) === value;
}

/**
 * Wilson score interval for a binomial proportion (E. B. Wilson, 1927):
 * (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n). Unlike p ± z·√(p(1−p)/n) it stays inside
 * [0, 1] and is not zero-width at 0/n or n/n, which matters for small service groups.
 * Returns null when n is 0 (no interval exists).
 */
export function wilson(successes: number, n: number, z: number = Z95): Interval | null {
  if (!(n > 0)) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    low: Math.max(0, (centre - margin) / denominator),
    high: Math.min(1, (centre + margin) / denominator),
  };
}

export function newTally(): Tally {
  return { n: 0, agree: 0, sum: 0 };
}

/** Adds one answer to a tally if it is a valid score; returns whether it was counted. */
export function addScore(tally: Tally, value: unknown): boolean {
  if (!isScore(value)) return false;
  tally.n++;
  tally.sum += value;
  if (value >= AGREE_MIN) tally.agree++;
  return true;
}

export function summaryOf(tally: Tally): Summary {
  const interval = wilson(tally.agree, tally.n);
  return {
    suppressed: false,
    n: tally.n,
    agree: tally.agree,
    share: tally.n > 0 ? tally.agree / tally.n : null,
    low: interval ? interval.low : null,
    high: interval ? interval.high : null,
    mean: tally.n > 0 ? tally.sum / tally.n : null,
  };
}

function tallyOf(values: readonly unknown[]): Tally {
  const tally = newTally();
  for (const value of values) addScore(tally, value);
  return tally;
}

/** Share of 4–5 among the valid 1–5 answers, as a fraction; null when there are none. */
export function agreeShare(values: readonly unknown[]): number | null {
  return summaryOf(tallyOf(values)).share;
}

/** Mean of the valid 1–5 answers; null when there are none. */
export function mean(values: readonly unknown[]): number | null {
  return summaryOf(tallyOf(values)).mean;
}

export function summarize(values: readonly unknown[]): Summary {
  return summaryOf(tallyOf(values));
}

/**
 * Whether the agree share moved between two periods. The rule: a change is reported only when
 * the two 95 % Wilson intervals do not overlap — current.low > previous.high is 'up',
 * current.high < previous.low is 'down', anything else 'no_change'. Non-overlap is a
 * conservative test (stricter than a 5 % two-sample test), so a reported change is a real one,
 * and small random swings in small groups are not read as trends. 'insufficient' when either
 * side is suppressed or empty.
 */
export function compare(current: Figure | undefined, previous: Figure | undefined): Trend {
  if (!current || !previous || current.suppressed || previous.suppressed) return 'insufficient';
  if (current.low === null || current.high === null || previous.low === null || previous.high === null) {
    return 'insufficient';
  }
  if (current.low > previous.high) return 'up';
  if (current.high < previous.low) return 'down';
  return 'no_change';
}

/**
 * Answers received in a period per invitation sent in it, as a fraction. Answers are anonymous and
 * cannot be matched to their invitation, so answers to invitations of an earlier period count
 * too: the figure is an estimate, and when answers outnumber invitations it is no rate at all —
 * null then, as when no invitation was sent. Never above 1.
 */
export function responseRate(responses: number, invitations: number): number | null {
  return invitations > 0 && responses <= invitations ? responses / invitations : null;
}
