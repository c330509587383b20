/**
 * The phone survey's pure rules: the monthly draw (random, reproducible with a seed, only closed
 * desk cases of the month, never a month twice, small months pooled within the quarter), erasure
 * of the list, and phone-interview answers normalized as N2 / phone.
 */
import { t } from '../../src/domain/messages';
import {
  phoneHeldForDraw,
  addMonths,
  afterDraw,
  drawSample,
  eligibleDeskCases,
  monthsToErase,
  normalizePhoneInterview,
  parseCallList,
  planMonthlyDraw,
  renderCallList,
  type CaseRow,
  type SurveyState,
} from '../../src/domain/phone-survey';
import { DEFAULT_SERVICES } from '../../src/domain/services';

const CLOSED = t('status.closed');
const OFFICE = t('apply.office');
const EMAIL = t('apply.email');
const day = (iso: string): Date => new Date(`${iso}T12:00:00+04:00`);

function desk(id: string, closed: string, fields: Partial<CaseRow> = {}): CaseRow {
  return {
    caseId: id,
    applicant: `სახელი ${id}`,
    phone: `599 00 ${id.slice(-2)} 00`,
    service: 'newborn',
    status: CLOSED,
    closedAt: day(closed),
    applyChannel: OFFICE,
    ...fields,
  };
}

/** 20 January desk cases, and cases that must never be drawn. */
function rows(): CaseRow[] {
  const out: CaseRow[] = [];
  for (let i = 10; i < 30; i++) out.push(desk(`D-${i}`, `2026-01-${String(i - 8).padStart(2, '0')}`));
  out.push(desk('E-1', '2026-01-10', { applyChannel: EMAIL }));
  out.push(desk('O-1', '2026-01-10', { status: t('status.in_review') }));
  out.push(desk('F-1', '2026-02-03'));
  out.push(desk('X-1', '2025-12-31'));
  // Closed late on 31 January in Tbilisi is still January; 1 February 00:30 Tbilisi is February.
  out.push({ ...desk('L-1', ''), closedAt: new Date('2026-01-31T23:30:00+04:00') });
  out.push({ ...desk('L-2', ''), closedAt: new Date('2026-02-01T00:30:00+04:00') });
  return out;
}

const state = (seed: string, months: SurveyState['months'] = {}): SurveyState => ({ seed, months });

describe('the monthly draw', () => {
  const now = day('2026-02-01');

  it('draws only desk cases closed in the previous month, at random but reproducibly for a seed', () => {
    const plan = planMonthlyDraw({ now, state: state('seed-a'), rows: rows(), sampleSize: 8, minGroupSize: 5 });
    if (plan.kind !== 'draw') throw new Error(plan.kind);
    expect(plan.month).toBe('2026-01');
    expect(plan.pool).toBe(21); // D-10…D-29 and L-1
    expect(plan.sample).toHaveLength(8);
    const allowed = new Set([...Array.from({ length: 20 }, (_, i) => `D-${i + 10}`), 'L-1']);
    for (const c of plan.sample) expect(allowed.has(c.caseId)).toBe(true);
    expect(new Set(plan.sample.map((c) => c.caseId)).size).toBe(8);
    // The same seed and month: the same people, whatever the order of the tab's rows.
    const again = planMonthlyDraw({ now, state: state('seed-a'), rows: rows().reverse(), sampleSize: 8, minGroupSize: 5 });
    expect(again.kind === 'draw' && again.sample.map((c) => c.caseId)).toEqual(plan.sample.map((c) => c.caseId));
    // Another seed: another sample (for these seeds).
    const other = planMonthlyDraw({ now, state: state('seed-b'), rows: rows(), sampleSize: 8, minGroupSize: 5 });
    expect(other.kind === 'draw' && other.sample.map((c) => c.caseId).join()).not.toBe(plan.sample.map((c) => c.caseId).join());
  });

  it('is random: over many seeds every eligible case is drawn, near its share of the time', () => {
    const cases = eligibleDeskCases(rows(), new Set(['2026-01']));
    const hits = new Map<string, number>();
    const runs = 2000;
    for (let s = 0; s < runs; s++) for (const c of drawSample(cases, 7, `s${s}|2026-01`)) hits.set(c.caseId, (hits.get(c.caseId) ?? 0) + 1);
    expect(hits.size).toBe(cases.length);
    const expected = (runs * 7) / cases.length; // ≈ 667
    for (const count of hits.values()) expect(Math.abs(count - expected)).toBeLessThan(expected * 0.2);
  });

  it('never draws a month twice', () => {
    const drawn = state('seed-a', { '2026-01': { status: 'drawn', pool: 21, drawn: 8 } });
    expect(planMonthlyDraw({ now, state: drawn, rows: rows(), sampleSize: 8, minGroupSize: 5 }).kind).toBe('none');
    // Later in February still the same month due: none.
    expect(planMonthlyDraw({ now: day('2026-02-27'), state: drawn, rows: rows(), sampleSize: 8, minGroupSize: 5 }).kind).toBe('none');
  });

  it('takes at least minGroupSize people, and the whole pool when it is smaller than the sample', () => {
    const few = rows().slice(0, 6);
    const plan = planMonthlyDraw({ now, state: state('x'), rows: few, sampleSize: 2, minGroupSize: 5 });
    expect(plan.kind === 'draw' && plan.sample.length).toBe(5);
    const all = planMonthlyDraw({ now, state: state('x'), rows: few, sampleSize: 50, minGroupSize: 5 });
    expect(all.kind === 'draw' && all.sample.length).toBe(6);
  });

  it('pools a month with fewer desk cases than minGroupSize into the next month of its quarter, and skips a quarter that stays small', () => {
    const jan = [desk('A-1', '2026-01-05'), desk('A-2', '2026-01-06'), desk('A-3', '2026-01-07')];
    const feb = [desk('B-1', '2026-02-05'), desk('B-2', '2026-02-06')];
    const first = planMonthlyDraw({ now: day('2026-02-01'), state: state('p'), rows: [...jan, ...feb], sampleSize: 10, minGroupSize: 5 });
    expect(first).toEqual({ kind: 'pool', month: '2026-01', pool: 3 });
    const pooled = state('p', { '2026-01': { status: 'pooled', pool: 3, drawn: 0 } });
    const second = planMonthlyDraw({ now: day('2026-03-01'), state: pooled, rows: [...jan, ...feb], sampleSize: 10, minGroupSize: 5 });
    if (second.kind !== 'draw') throw new Error(second.kind);
    expect(second.pooled).toEqual(['2026-01']);
    expect(second.sample.map((c) => c.caseId).sort()).toEqual(['A-1', 'A-2', 'A-3', 'B-1', 'B-2']);
    // January's cases went into February's draw: March does not take them again.
    const after = afterDraw(pooled, second, second.sample.length, day('2026-03-01'));
    expect(after.months['2026-01']).toMatchObject({ status: 'merged', into: '2026-02' });
    const marchTwo = [desk('C-1', '2026-03-05'), desk('C-2', '2026-03-06')];
    expect(planMonthlyDraw({ now: day('2026-04-01'), state: after, rows: [...jan, ...feb, ...marchTwo], sampleSize: 10, minGroupSize: 5 })).toEqual({
      kind: 'too_few',
      month: '2026-03',
      pool: 2,
    });
    // March alone, 2 cases, at the quarter's end: not called.
    const march = [desk('C-1', '2026-03-05'), desk('C-2', '2026-03-06')];
    const done = state('p', { '2026-01': { status: 'drawn', pool: 5, drawn: 5 }, '2026-02': { status: 'drawn', pool: 5, drawn: 5 } });
    expect(planMonthlyDraw({ now: day('2026-04-01'), state: done, rows: march, sampleSize: 10, minGroupSize: 5 })).toEqual({
      kind: 'too_few',
      month: '2026-03',
      pool: 2,
    });
    // A pooled month of the previous quarter is not carried over.
    const lastQuarter = state('p', { '2025-12': { status: 'pooled', pool: 4, drawn: 0 } });
    expect(planMonthlyDraw({ now: day('2026-02-01'), state: lastQuarter, rows: [...jan, desk('Z', '2025-12-10')], sampleSize: 10, minGroupSize: 5 }).kind).toBe(
      'pool',
    );
  });

  it('month arithmetic crosses years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 2)).toBe('2026-02');
  });
});

describe('the call list', () => {
  it('round-trips through CSV, formula-looking text kept as text', () => {
    const entries = [
      { month: '2026-01', number: 1, caseId: '=HYPERLINK("x")', applicant: 'ნინო, "ბერიძე"', phone: '+995 599 12 34 56', service: 'newborn' },
      { month: '2026-01', number: 2, caseId: 'A-2', applicant: 'გიორგი', phone: '', service: 'firewood' },
    ];
    const csv = renderCallList(entries);
    expect(csv.split('\n')[1].startsWith(`2026-01,1,"'=HYPERLINK`)).toBe(true);
    expect(parseCallList(csv)).toEqual(entries);
  });

  it('is erased when every row has a final outcome, or at the end of the month after the cases', () => {
    const s = state('x', {
      '2026-01': { status: 'drawn', pool: 9, drawn: 3 },
      '2026-02': { status: 'drawn', pool: 9, drawn: 2 },
      '2025-12': { status: 'drawn', pool: 9, drawn: 2, erased: { on: '20260110', reason: 'done' } },
      '2025-11': { status: 'pooled', pool: 2, drawn: 0 },
    });
    const outcomes = new Map([
      ['2026-01', ['answered', 'refused', 'called'] as const],
      ['2026-02', ['answered', 'unreachable'] as const],
    ]);
    // In February: January has a row to call again; February's rows are all final.
    expect(monthsToErase(s, outcomes, day('2026-02-20'))).toEqual([{ month: '2026-02', reason: 'done' }]);
    // 1 March: January's retention is over whatever its ticks say.
    expect(monthsToErase(s, outcomes, day('2026-03-01'))).toEqual([
      { month: '2026-01', reason: 'retention' },
      { month: '2026-02', reason: 'done' },
    ]);
    // A list whose rows are not all on the tab yet is not done.
    expect(monthsToErase(s, new Map([['2026-01', ['answered'] as const]]), day('2026-02-20'))).toEqual([]);
  });
});

describe('a phone interview typed in', () => {
  it('is form N2, channel phone, with the N2 answers, and no case', () => {
    const result = normalizePhoneInterview({
      id: 'phone-r2-0000abcd',
      receivedAt: '12.02.2026',
      answers: {
        'n2.service': DEFAULT_SERVICES[0].ka,
        'n2.overall': 4,
        'n2.timely': '2',
        'n2.problem': 'დიახ',
        'n2.problem_text': 'თანხა დაგვიანდა',
        receivedAt: '12.02.2026',
        caseId: 'D-10',
      },
      enteredAt: day('2026-02-13'),
      services: DEFAULT_SERVICES,
    });
    const record = result.record;
    if (!record) throw new Error('no record');
    expect(record.form).toBe('N2');
    expect(record.channel).toBe('phone');
    expect(record.service).toBe(DEFAULT_SERVICES[0].code);
    expect(record.answers['n2.overall']).toBe(4);
    expect(record.answers['n2.timely']).toBe(2);
    expect(record.answers['n2.problem_text']).toBe('თანხა დაგვიანდა');
    expect(record.text).toBe('');
    expect(JSON.stringify(record)).not.toContain('D-10');
    expect(record.receivedAt.toISOString()).toBe(new Date('2026-02-12T00:00:00+04:00').toISOString());
    expect(record.flags).toEqual([]);
  });
});

describe("a desk case's phone under retention", () => {
  const row = { status: CLOSED, closedAt: new Date('2026-01-02T10:00:00+04:00'), applyChannel: OFFICE };
  const feb1 = new Date('2026-02-01T08:00:00+04:00');
  it("waits for its month's draw (closed on 2 January, 30 days run out on the draw's day)", () => {
    expect(phoneHeldForDraw(row, null, feb1)).toBe(true);
    expect(phoneHeldForDraw(row, { seed: 's', months: { '2026-01': { status: 'pooled', pool: 3, drawn: 0 } } }, feb1)).toBe(true);
  });
  it('is let go once the month is drawn or left uncalled, at the latest when the month after ends, and never for an email case', () => {
    expect(phoneHeldForDraw(row, { seed: 's', months: { '2026-01': { status: 'drawn', pool: 12, drawn: 6 } } }, feb1)).toBe(false);
    expect(phoneHeldForDraw(row, { seed: 's', months: { '2026-01': { status: 'too_few', pool: 2, drawn: 0 } } }, feb1)).toBe(false);
    expect(phoneHeldForDraw(row, null, new Date('2026-03-01T00:30:00+04:00'))).toBe(false);
    expect(phoneHeldForDraw({ ...row, applyChannel: t('apply.email') }, null, feb1)).toBe(false);
    expect(phoneHeldForDraw({ ...row, status: t('status.in_review') }, null, feb1)).toBe(false);
  });
});
