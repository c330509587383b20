/**
 * The attacker's side of src/domain/disclosure.ts, written independently of it (no linear
 * algebra): given every group figure the product has output, try every sum and difference of
 * figures of the same group key — periods taken as sets of days — and report each set of days
 * whose count comes out between 1 and minGroupSize − 1 (a small group recovered), and each pair
 * of figures for the same days that differ by such a count (a revision recovered).
 *
 * Two searches: every combination with coefficients −1, 0, +1 of the figures of one key whose
 * periods are linked by overlaps; and a closure that keeps adding what subtraction of a contained
 * set and addition of a disjoint one give, until nothing new comes out.
 */
import type { Release } from '../../src/domain/disclosure';

export interface Recovery {
  key: string;
  /** Days as [from, to) runs. */
  days: Array<[number, number]>;
  people: number;
  how: string;
}

/** Above this many figures in one linked set, the ±1 search is skipped (the closure still runs). */
const MAX_COMBINATION_FIGURES = 12;

function groupsByKey(releases: readonly Release[]): Map<string, Release[]> {
  const byKey = new Map<string, Release[]>();
  for (const r of releases) {
    const list = byKey.get(r.key);
    if (list) list.push(r);
    else byKey.set(r.key, [r]);
  }
  return byKey;
}

/** Splits a key's figures into sets linked by overlapping periods. */
function linkedSets(releases: readonly Release[]): Release[][] {
  const sets: Release[][] = [];
  const pool = [...releases];
  while (pool.length > 0) {
    const set = [pool.pop() as Release];
    let grew = true;
    while (grew) {
      grew = false;
      for (let i = pool.length - 1; i >= 0; i--) {
        if (set.some((r) => r.from < pool[i].to && pool[i].from < r.to)) {
          set.push(pool[i]);
          pool.splice(i, 1);
          grew = true;
        }
      }
    }
    sets.push(set);
  }
  return sets;
}

/** A day set as its runs. */
function runs(days: ReadonlySet<number>): Array<[number, number]> {
  const sorted = [...days].sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  for (const day of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === day) last[1] = day + 1;
    else out.push([day, day + 1]);
  }
  return out;
}

const isSmall = (people: number, minGroupSize: number): boolean => people !== 0 && Math.abs(people) < minGroupSize;

function plusMinusSearch(key: string, figures: readonly Release[], minGroupSize: number, found: Recovery[]): void {
  if (figures.length > MAX_COMBINATION_FIGURES) return;
  const first = Math.min(...figures.map((r) => r.from));
  const last = Math.max(...figures.map((r) => r.to));
  const total = 3 ** figures.length;
  for (let code = 1; code < total; code++) {
    const coefficient = new Array<number>(figures.length);
    let rest = code;
    for (let i = 0; i < figures.length; i++) {
      coefficient[i] = (rest % 3) - 1;
      rest = Math.floor(rest / 3);
    }
    if (coefficient.every((c) => c === 0)) continue;
    let people = 0;
    const perDay = new Map<number, number>();
    figures.forEach((r, i) => {
      if (coefficient[i] === 0) return;
      people += coefficient[i] * r.respondents;
      for (let day = r.from; day < r.to; day++) perDay.set(day, (perDay.get(day) ?? 0) + coefficient[i]);
    });
    const days = new Set<number>();
    let valid = true;
    for (let day = first; day < last && valid; day++) {
      const c = perDay.get(day) ?? 0;
      if (c === 1) days.add(day);
      else if (c !== 0) valid = false;
    }
    if (!valid || !isSmall(people, minGroupSize)) continue;
    const how = figures
      .map((r, i) => (coefficient[i] === 0 ? '' : `${coefficient[i] > 0 ? '+' : '−'}[${r.from},${r.to})=${r.respondents}`))
      .filter(Boolean)
      .join(' ');
    found.push({ key, days: runs(days), people, how: days.size === 0 ? `revision: ${how}` : how });
  }
}

function closureSearch(key: string, figures: readonly Release[], minGroupSize: number, found: Recovery[]): void {
  const known = new Map<string, { days: Set<number>; people: number }>();
  const id = (days: ReadonlySet<number>): string => [...days].sort((a, b) => a - b).join(',');
  const learn = (days: Set<number>, people: number, how: string): boolean => {
    if (days.size === 0) return false;
    const k = id(days);
    const before = known.get(k);
    if (before) {
      if (before.people !== people && isSmall(people - before.people, minGroupSize)) {
        found.push({ key, days: runs(days), people: people - before.people, how: `revision: ${how}` });
      }
      return false;
    }
    known.set(k, { days, people });
    if (isSmall(people, minGroupSize)) found.push({ key, days: runs(days), people, how });
    return true;
  };
  for (const r of figures) {
    const days = new Set<number>();
    for (let day = r.from; day < r.to; day++) days.add(day);
    learn(days, r.respondents, `[${r.from},${r.to})`);
  }
  let grew = true;
  while (grew && known.size < 2000) {
    grew = false;
    const entries = [...known.values()];
    for (const a of entries) {
      for (const b of entries) {
        if (a === b) continue;
        const inter = [...b.days].filter((d) => a.days.has(d)).length;
        if (inter === b.days.size && b.days.size < a.days.size) {
          const diff = new Set([...a.days].filter((d) => !b.days.has(d)));
          grew = learn(diff, a.people - b.people, 'difference') || grew;
        } else if (inter === 0) {
          grew = learn(new Set([...a.days, ...b.days]), a.people + b.people, 'sum') || grew;
        }
      }
    }
  }
}

/** Every small group (and revision) recoverable from the figures output. */
export function recoverableSmallGroups(releases: readonly Release[], minGroupSize: number): Recovery[] {
  const found: Recovery[] = [];
  for (const [key, figures] of groupsByKey(releases)) {
    for (const set of linkedSets(figures)) {
      plusMinusSearch(key, set, minGroupSize, found);
      closureSearch(key, set, minGroupSize, found);
    }
  }
  return found;
}
