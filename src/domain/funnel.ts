/**
 * Funnel plots for the association's comparison (issue 18): each municipality's share against its
 * number of respondents, with control limits around the national figure. A small municipality's
 * share swings by chance; the limits widen as the number of respondents falls, so a point inside
 * them is "not distinguishable from the national figure" whatever its place in a list would be.
 * Limits: the normal approximation to the binomial, p0 ± z·√(p0(1−p0)/n), with z for 95 % (1.96)
 * and 99.8 % (3.09), as in Spiegelhalter's funnel plots (Statistics in Medicine 2005;24:1185–1202).
 * n is the number of respondents (a person's answers to several questions of a driver are not
 * independent, so counting answers would draw the limits too narrow).
 */

export const Z95 = 1.959964;
export const Z998 = 3.090232;
/**
 * Fewer respondents than this and a municipality is shown, not compared: at 30 the 95 % limits
 * around 80 % are ±14 points, already wide; below it a difference says nothing useful, and small
 * counts are what hurt staff in league tables.
 */
export const NATIONAL_MIN_RESPONDENTS = 30;

export interface FunnelPoint {
  municipality: string;
  respondents: number;
  share: number;
}

export type Verdict = 'too_few' | 'within' | 'above_95' | 'below_95' | 'above_998' | 'below_998';

export interface FunnelResult {
  /** The pooled national share of the municipalities with a published figure; null without any. */
  national: number | null;
  /** Respondents behind the national figure. */
  respondents: number;
  /** Alphabetical (Georgian collation), never by share. */
  points: Array<FunnelPoint & { verdict: Verdict; number: number }>;
  minRespondents: number;
}

export function limits(p0: number, n: number, z: number): { low: number; high: number } {
  const half = n > 0 ? z * Math.sqrt((p0 * (1 - p0)) / n) : 1;
  return { low: Math.max(0, p0 - half), high: Math.min(1, p0 + half) };
}

export function verdictOf(p0: number, point: FunnelPoint, minRespondents: number): Verdict {
  if (point.respondents < minRespondents) return 'too_few';
  const wide = limits(p0, point.respondents, Z998);
  if (point.share > wide.high) return 'above_998';
  if (point.share < wide.low) return 'below_998';
  const narrow = limits(p0, point.respondents, Z95);
  if (point.share > narrow.high) return 'above_95';
  if (point.share < narrow.low) return 'below_95';
  return 'within';
}

/**
 * Orders by name, as a reader looks a municipality up: the order says nothing about its share.
 * Mkhedruli's code points follow the alphabet (ა U+10D0 … ჰ U+10F0), so code-point order is
 * Georgian alphabetical order, the same in every runtime (no Intl collation needed).
 */
export function alphabetical<T extends { municipality: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.municipality < b.municipality ? -1 : a.municipality > b.municipality ? 1 : 0));
}

export function funnel(points: readonly FunnelPoint[], minRespondents = NATIONAL_MIN_RESPONDENTS): FunnelResult {
  const valid = points.filter((p) => Number.isFinite(p.share) && p.share >= 0 && p.share <= 1 && p.respondents > 0);
  const respondents = valid.reduce((sum, p) => sum + p.respondents, 0);
  const national = respondents > 0 ? valid.reduce((sum, p) => sum + p.share * p.respondents, 0) / respondents : null;
  return {
    national,
    respondents,
    minRespondents,
    points: alphabetical(valid).map((p, i) => ({ ...p, number: i + 1, verdict: national === null ? 'too_few' : verdictOf(national, p, minRespondents) })),
  };
}
