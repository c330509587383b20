/**
 * Nothing output can be differenced (src/domain/disclosure.ts): the guard on its own, the report
 * model with a ledger through a run of monthly, quarterly and overlapping outputs, and the
 * attacker's checker (tests/support/differencing-checker.ts) on everything output.
 */
import { dayNumber, revealsSmallGroup, type Release } from '../../src/domain/disclosure';
import { modelReleases } from '../../src/domain/model-releases';
import { parsePeriodInput } from '../../src/domain/period-input';
import { buildReportModel } from '../../src/domain/report-model';
import { previousPeriod, samePeriodLastYear, type Period } from '../../src/domain/dates';
import { parseSettings } from '../../src/domain/settings';
import { DEFAULT_SERVICES } from '../../src/domain/services';
import type { FeedbackRecord } from '../../src/domain/types';
import { recoverableSmallGroups } from '../support/differencing-checker';
import { feedbackRecord } from '../support/records';

const MIN = 5;
const day = (iso: string): number => dayNumber(new Date(`${iso}T00:00:00+04:00`));
const release = (key: string, from: string, toExclusive: string, respondents: number): Release => ({ key, from: day(from), to: day(toExclusive), respondents });

describe('revealsSmallGroup', () => {
  const jan = (n: number) => release('overall', '2026-01-01', '2026-02-01', n);
  const feb = (n: number) => release('overall', '2026-02-01', '2026-03-01', n);
  const mar = (n: number) => release('overall', '2026-03-01', '2026-04-01', n);
  const q1 = (n: number) => release('overall', '2026-01-01', '2026-04-01', n);

  test('the quarter after two of its months is refused when the third month is a small group', () => {
    expect(revealsSmallGroup([feb(30), mar(30)], q1(63), MIN)).toBe(true);
    expect(revealsSmallGroup([feb(30), mar(30)], q1(65), MIN)).toBe(false);
    // …and with no people at all in January nothing is revealed.
    expect(revealsSmallGroup([feb(30), mar(30)], q1(60), MIN)).toBe(false);
  });

  test('a month after the quarter and another month is refused the same way', () => {
    expect(revealsSmallGroup([q1(63), feb(30)], mar(30), MIN)).toBe(true);
    // March then comes out as 5: not a small group.
    expect(revealsSmallGroup([q1(65), feb(30)], jan(30), MIN)).toBe(false);
  });

  test('a period overlapping an output by one day is refused when that day holds 1 to 4 people', () => {
    const firstDays = release('overall', '2026-01-01', '2026-03-31', 62);
    expect(revealsSmallGroup([q1(63)], firstDays, MIN)).toBe(true);
    expect(revealsSmallGroup([q1(70)], firstDays, MIN)).toBe(false);
  });

  test('the same days output again with a few more people (late forms) is refused; unchanged or many more is not', () => {
    expect(revealsSmallGroup([q1(63)], q1(65), MIN)).toBe(true);
    expect(revealsSmallGroup([q1(63)], q1(63), MIN)).toBe(false);
    expect(revealsSmallGroup([q1(63)], q1(70), MIN)).toBe(false);
  });

  test('other keys and days not linked by overlaps do not matter', () => {
    expect(revealsSmallGroup([release('service:a', '2026-02-01', '2026-04-01', 60)], q1(63), MIN)).toBe(false);
    expect(revealsSmallGroup([release('overall', '2025-10-01', '2026-01-01', 60)], q1(63), MIN)).toBe(false);
  });

  test('what only a combination beyond ±1 gives is found too', () => {
    // A = days 1–2, B = days 2–3, C = days 1–3: A + B − C = day 2; with C twice over nothing else.
    const a = release('k', '2026-01-01', '2026-01-03', 20);
    const b = release('k', '2026-01-02', '2026-01-04', 21);
    expect(revealsSmallGroup([a, b], release('k', '2026-01-01', '2026-01-04', 38), MIN)).toBe(true);
  });
});

describe('minGroupSize', () => {
  test('below 5 is refused with a Georgian warning and 5 is used; above 5 is kept', () => {
    for (const value of ['1', '4']) {
      const parsed = parseSettings([['minGroupSize', value]]);
      expect(parsed.value.minGroupSize).toBe(5);
      expect(parsed.problems.join('\n')).toContain(`„minGroupSize“: ${value} ძალიან მცირეა`);
    }
    expect(parseSettings([['minGroupSize', '8']]).value.minGroupSize).toBe(8);
    expect(parseSettings([['minGroupSize', '8']]).problems).toEqual([]);
  });
});

/** A seeded quarter: several small services, most days a few answers, a few late paper forms. */
function quarter(seed: number): FeedbackRecord[] {
  let state = seed;
  const random = (): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const services = DEFAULT_SERVICES.slice(0, 6).map((s) => s.code);
  const records: FeedbackRecord[] = [];
  for (let d = 0; d < 90; d++) {
    const count = Math.floor(random() * 3);
    for (let i = 0; i < count; i++) {
      const service = services[Math.min(services.length - 1, Math.floor(random() ** 2 * services.length))];
      const form = random() < 0.7 ? 'N1' : 'N2';
      const score = 1 + Math.floor(random() * 5);
      records.push(
        feedbackRecord({
          form,
          service,
          receivedAt: new Date(Date.parse('2026-01-01T12:00:00+04:00') + d * 86_400_000),
          answers: form === 'N1' ? { 'n1.overall': score, 'n1.wait_ok': 1 + Math.floor(random() * 5) } : { 'n2.overall': score },
        }),
      );
    }
  }
  return records;
}

const NOW = new Date('2026-04-15T12:00:00+04:00');
function period(text: string): Period {
  const parsed = parsePeriodInput(text, NOW);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.period;
}

/** Outputs the periods in turn, each with the ledger of the earlier ones (or none); what was output. */
function outputAll(records: readonly FeedbackRecord[], periods: readonly string[], guarded: boolean): { ledger: Release[]; withheld: number } {
  const ledger: Release[] = [];
  let withheld = 0;
  for (const text of periods) {
    const p = period(text);
    const model = buildReportModel({
      records,
      actions: [],
      period: { from: p.from, to: p.to, label: p.label },
      previous: { ...previousPeriod(p), label: '' },
      lastYear: { ...samePeriodLastYear(p), label: '' },
      invitationsSent: 0,
      minGroupSize: MIN,
      services: DEFAULT_SERVICES,
      language: 'ka',
      internal: true,
      ledger: guarded ? ledger : undefined,
    });
    withheld += model.withheldByEarlierOutputs;
    for (const r of modelReleases(model))
      if (!ledger.some((l) => l.key === r.key && l.from === r.from && l.to === r.to && l.respondents === r.respondents)) ledger.push(r);
  }
  return { ledger, withheld };
}

const PERIODS = ['2026-01', '2026-02', '2026-03', '2026-Q1', '01.01.2026..30.03.2026', '15.01.2026..14.03.2026', '2026-02-01..2026-03-31'];

describe.each([1, 2, 3])('a quarter of small services (seed %i), monthly, quarterly and overlapping outputs', (seed) => {
  const records = quarter(seed);

  test('without the ledger, the checker recovers small groups (the threat is real)', () => {
    expect(recoverableSmallGroups(outputAll(records, PERIODS, false).ledger, MIN).length).toBeGreaterThan(0);
  });

  test('with the ledger, nothing output can be differenced into a small group', () => {
    const { ledger, withheld } = outputAll(records, PERIODS, true);
    expect(withheld).toBeGreaterThan(0);
    expect(recoverableSmallGroups(ledger, MIN)).toEqual([]);
  });

  test('late paper forms for January after its report: the rebuilt figures that would give them away are withheld', () => {
    const first = outputAll(records, ['2026-01'], true).ledger;
    const late = [...records, ...[0, 1].map(() => feedbackRecord({ receivedAt: new Date('2026-01-20T12:00:00+04:00'), answers: { 'n1.overall': 4 } }))];
    const p = period('2026-01');
    const model = buildReportModel({
      records: late,
      actions: [],
      period: { from: p.from, to: p.to, label: p.label },
      invitationsSent: 0,
      minGroupSize: MIN,
      services: DEFAULT_SERVICES,
      language: 'ka',
      internal: true,
      ledger: first,
    });
    expect(model.satisfaction.byForm.find((entry) => entry.form === 'N1')!.score.suppressed).toBe(true);
    expect(recoverableSmallGroups([...first, ...modelReleases(model)], MIN)).toEqual([]);
  });
});
