/**
 * Nothing output can be differenced. Every group figure the product outputs (analysis report,
 * agenda, public report) is a count over a set of days: a group key (overall, a form, a driver,
 * a question, a service, a channel, a theme) and a period. Two outputs of the same key combine by
 * addition and subtraction: the quarter minus two of its months is the third month; Q1 minus
 * 01.01–30.03 is 31 March; the same period built twice, once with late paper forms, gives the
 * late forms. The ledger keeps what was output; a new figure is released only when no combination
 * of it with the ledger's figures of its key (any rational combination, not only ±1) pins down a
 * set of days holding 1 to minGroupSize−1 people that the ledger alone did not.
 *
 * Periods are sets of whole days (a period's `to` is exclusive). The days a key's overlapping
 * periods cut each other into ("atoms") are the unknowns; each released figure is one equation.
 */
/** Days are counted in Tbilisi time (UTC+4, no daylight saving), as periods are. */
const TBILISI_OFFSET_MS = 4 * 3600_000;
const DAY_MS = 86_400_000;

export function dayNumber(date: Date): number {
  return Math.floor((date.getTime() + TBILISI_OFFSET_MS) / DAY_MS);
}

/** A figure output for a group: its key, its days [from, to) as day numbers, and how many people it counts. */
export interface Release {
  key: string;
  from: number;
  to: number;
  respondents: number;
}

/** Above this many atoms a key's periods are too tangled to check: a new figure there is withheld. */
export const MAX_ATOMS = 12;
const EPSILON = 1e-7;

function overlaps(a: Release, b: Release): boolean {
  return a.from < b.to && b.from < a.to;
}

/** The prior releases of the key whose periods are linked to the candidate's by a chain of overlaps. */
function linked(prior: readonly Release[], candidate: Release): Release[] {
  const pool = prior.filter((r) => r.key === candidate.key);
  const found: Release[] = [];
  let frontier: Release[] = [candidate];
  while (frontier.length > 0) {
    const next: Release[] = [];
    for (let i = pool.length - 1; i >= 0; i--) {
      if (frontier.some((f) => overlaps(f, pool[i]))) {
        next.push(pool[i]);
        found.push(pool[i]);
        pool.splice(i, 1);
      }
    }
    frontier = next;
  }
  return found;
}

/** Row-reduced equations: each row is atom coefficients plus the count, with a pivot column. */
interface Reduced {
  rows: number[][];
  pivots: number[];
}

/** Reduces `vector` (atom coefficients + count) against the rows; returns the remainder. */
function reduce(system: Reduced, vector: readonly number[]): number[] {
  const v = [...vector];
  system.rows.forEach((row, r) => {
    const factor = v[system.pivots[r]];
    if (Math.abs(factor) > EPSILON) for (let j = 0; j < v.length; j++) v[j] -= factor * row[j];
  });
  return v;
}

/** Adds an equation to the system; returns false when it adds nothing new on the atoms. */
function addEquation(system: Reduced, vector: readonly number[], atoms: number): boolean {
  const v = reduce(system, vector);
  let pivot = -1;
  for (let j = 0; j < atoms; j++) if (Math.abs(v[j]) > EPSILON) pivot = pivot < 0 ? j : pivot;
  if (pivot < 0) return false;
  const scale = v[pivot];
  for (let j = 0; j < v.length; j++) v[j] /= scale;
  // Keep the system fully reduced: clear the new pivot from the earlier rows.
  for (const row of system.rows) {
    const factor = row[pivot];
    if (Math.abs(factor) > EPSILON) for (let j = 0; j < row.length; j++) row[j] -= factor * v[j];
  }
  system.rows.push(v);
  system.pivots.push(pivot);
  return true;
}

/** Whether a derived count is a small group: neither nobody nor at least the minimum. */
function small(count: number, minGroupSize: number): boolean {
  const people = Math.abs(count);
  return people > 0.5 && people < minGroupSize - EPSILON;
}

/**
 * Whether releasing `candidate` would let a group of 1..minGroupSize−1 people be worked out from
 * it and the earlier releases (`prior`, any keys: only the candidate's own key is read).
 */
export function revealsSmallGroup(prior: readonly Release[], candidate: Release, minGroupSize: number): boolean {
  const related = linked(prior, candidate);
  if (related.length === 0) return false;
  const bounds = Array.from(new Set([candidate, ...related].flatMap((r) => [r.from, r.to]))).sort((a, b) => a - b);
  const atoms = bounds.length - 1;
  if (atoms > MAX_ATOMS) return true;
  const equation = (r: Release): number[] => [...bounds.slice(0, -1).map((start, i) => (start >= r.from && bounds[i + 1] <= r.to ? 1 : 0)), r.respondents];

  const before: Reduced = { rows: [], pivots: [] };
  for (const r of related) addEquation(before, equation(r), atoms);
  const remainder = reduce(before, equation(candidate));
  if (remainder.slice(0, atoms).every((x) => Math.abs(x) <= EPSILON)) {
    // The candidate's days were already pinned down: its count against theirs is what changed
    // since (late or corrected answers), itself a group.
    return small(remainder[atoms], minGroupSize);
  }
  const after: Reduced = { rows: before.rows.map((row) => [...row]), pivots: [...before.pivots] };
  addEquation(after, equation(candidate), atoms);
  // Every set of atoms the released figures now pin down, and the earlier ones did not.
  for (let mask = 1; mask < 1 << atoms; mask++) {
    const set = Array.from({ length: atoms }, (_, j) => ((mask >> j) & 1 ? 1 : 0));
    const now = reduce(after, [...set, 0]);
    if (now.slice(0, atoms).some((x) => Math.abs(x) > EPSILON)) continue;
    const then = reduce(before, [...set, 0]);
    if (then.slice(0, atoms).every((x) => Math.abs(x) <= EPSILON)) continue;
    if (small(-now[atoms], minGroupSize)) return true;
  }
  return false;
}

/** A period as days. */
export function periodDays(period: { from: Date; to: Date }): { from: number; to: number } {
  return { from: dayNumber(period.from), to: dayNumber(period.to) };
}

const releaseId = (r: Release): string => `${r.key}|${r.from}|${r.to}|${r.respondents}`;

/** Releases without repeats (the same figure output twice adds nothing). */
export function distinctReleases(releases: readonly Release[]): Release[] {
  const seen = new Set<string>();
  return releases.filter((r) => {
    const id = releaseId(r);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** The releases of `fresh` the ledger does not hold yet. */
export function newReleases(ledger: readonly Release[], fresh: readonly Release[]): Release[] {
  const held = new Set(ledger.map(releaseId));
  return distinctReleases(fresh).filter((r) => !held.has(releaseId(r)));
}

/** A guard for one period of a report: whether a group's figure may be output. */
export type ReleaseGuard = (key: string, respondents: number) => boolean;

export function guardFor(ledger: readonly Release[], period: { from: Date; to: Date }, minGroupSize: number): ReleaseGuard {
  const span = periodDays(period);
  return (key, respondents) => !revealsSmallGroup(ledger, { key, ...span, respondents }, minGroupSize);
}
