import { FORMS, likertItems } from '../../src/domain/forms';
import { type ReportInput, type ReportModel, type Score, buildReportModel } from '../../src/domain/report-model';
import { reportLabels, renderReportHtml } from '../../src/domain/report-html';
import { wilson } from '../../src/domain/stats';
import type { ActionRecord, AnswerValue, Channel, FeedbackForm, FeedbackRecord, Service } from '../../src/domain/types';
import { DRIVERS } from '../../src/domain/types';
import { decodePng } from './png-reader';
import { periodDays } from '../../src/domain/disclosure';
import { modelReleases } from '../../src/domain/model-releases';
import { at, feedbackRecord } from '../support/records';

const JANUARY = { from: at('2026-01-01T00:00:00+04:00'), to: at('2026-02-01T00:00:00+04:00'), label: '2026 წლის იანვარი' };
const DECEMBER = { from: at('2025-12-01T00:00:00+04:00'), to: at('2026-01-01T00:00:00+04:00'), label: '2025 წლის დეკემბერი' };
const JANUARY_2025 = { from: at('2025-01-01T00:00:00+04:00'), to: at('2025-02-01T00:00:00+04:00'), label: '2025 წლის იანვარი' };

const SERVICES: Service[] = [
  { code: 'newborn', ka: 'ახალშობილთა დახმარება', en: 'Newborn allowance', invite: true },
  { code: 'firewood', ka: 'შეშა', en: 'Firewood', invite: true },
];

/** A record of mid-January (the report period below) unless given. */
function record(fields: Partial<FeedbackRecord> & { answers?: Record<string, AnswerValue> }): FeedbackRecord {
  return feedbackRecord({ receivedAt: at('2026-01-15T10:00:00+04:00'), ...fields });
}

/** `count` N1 records with the given overall score. */
function n1(count: number, overall: number, extra: Partial<FeedbackRecord> = {}): FeedbackRecord[] {
  return Array.from({ length: count }, () => record({ form: 'N1', answers: { 'n1.overall': overall }, ...extra }));
}

function input(records: FeedbackRecord[], overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    records,
    actions: [],
    period: JANUARY,
    invitationsSent: 0,
    minGroupSize: 5,
    services: SERVICES,
    language: 'ka',
    internal: true,
    ...overrides,
  };
}

function published(score: Score): Exclude<Score, { suppressed: true }> {
  if (score.suppressed) throw new Error('expected a published score');
  return score;
}

describe('buildReportModel: data basis and period', () => {
  it('counts only records inside [from, to), by form and channel', () => {
    const records = [
      record({ receivedAt: JANUARY.from, answers: { 'n1.overall': 5 } }),
      record({ receivedAt: at('2026-01-31T23:59:59+04:00'), form: 'N2', answers: { 'n2.overall': 4 } }),
      record({ receivedAt: JANUARY.to, answers: { 'n1.overall': 1 } }), // next period
      record({ receivedAt: at('2025-12-31T23:59:59+04:00'), answers: { 'n1.overall': 1 } }),
      record({ form: 'other', channel: 'phone', text: 'რიგი დიდია' }),
      record({ form: 'other', channel: 'letter' }),
      record({ form: 'N1', channel: 'kiosk', answers: { 'n1.overall': 3 } }),
      record({ receivedAt: new Date(NaN), answers: { 'n1.overall': 1 } }),
    ];
    const model = buildReportModel(input(records, { invitationsSent: 4 }));
    expect(model.basis).toEqual({
      total: 5,
      byForm: { N1: 2, N2: 1, other: 2 },
      byChannel: [
        { channel: 'paper', count: 1 },
        { channel: 'kiosk', count: 1 },
        { channel: 'email_link', count: 1 },
        { channel: 'phone', count: 1 },
        { channel: 'letter', count: 1 },
      ],
      otherChannels: 2,
      invitationsSent: 4,
      n2ResponseRate: 0.25,
      n2MoreAnswersThanInvitations: false,
    });
  });

  it('has no response rate without invitations', () => {
    expect(buildReportModel(input([])).basis.n2ResponseRate).toBeNull();
  });

  it('shows no rate above 100 %: more answers than invitations in the period is said so, not divided', () => {
    const answers = Array.from({ length: 37 }, () => record({ form: 'N2', channel: 'email_link', answers: { 'n2.overall': 4 } }));
    const basis = buildReportModel(input(answers, { invitationsSent: 13 })).basis;
    expect(basis.n2ResponseRate).toBeNull();
    expect(basis.n2MoreAnswersThanInvitations).toBe(true);
    const exact = buildReportModel(input(answers, { invitationsSent: 37 })).basis;
    expect([exact.n2ResponseRate, exact.n2MoreAnswersThanInvitations]).toEqual([1, false]);
  });
});

describe('buildReportModel: scores', () => {
  it('never pools n1.overall and n2.overall: each form has its own figure, skipping blanks and invalid values', () => {
    const records = [
      ...n1(3, 5),
      ...n1(1, 2),
      record({ form: 'N2', answers: { 'n2.overall': 4 } }),
      record({ form: 'N2', answers: { 'n2.overall': 1 } }),
      record({ answers: { 'n1.overall': null } }),
      record({ answers: { 'n1.overall': 7 } }),
      record({ answers: { 'n1.overall': '5' } }),
    ];
    const model = buildReportModel(input(records, { minGroupSize: 1 }));
    expect(model.satisfaction).not.toHaveProperty('overall');
    const [n1Score, n2Score] = model.satisfaction.byForm.map((entry) => published(entry.score));
    expect(n1Score).toMatchObject({ n: 4, agree: 3, respondents: 4 });
    expect(n1Score.low).toBeCloseTo(wilson(3, 4)!.low, 10);
    expect(n1Score.mean).toBeCloseTo((3 * 5 + 2) / 4, 10);
    expect(n2Score).toMatchObject({ n: 2, agree: 1, respondents: 2 });
    // A service's figure is per form as well: newborn has 4 N1 and 2 N2 answers, never 6 together.
    const newborn = model.services.filter((row) => row.code === 'newborn').map((row) => [row.form, published(row.score).n]);
    expect(newborn).toEqual([
      ['N1', 4],
      ['N2', 2],
    ]);
  });

  it('suppresses every group under the minimum size and keeps no numbers for it', () => {
    // The small groups add up to 5 (firewood 4 + other 1, kiosk 4 + email link 1), so no
    // published group has to be withheld to protect them.
    const records = [...n1(5, 5), ...n1(4, 1, { service: 'firewood', channel: 'kiosk' }), ...n1(1, 3, { service: 'other', channel: 'email_link' })];
    const model = buildReportModel(input(records));
    const firewood = model.services.find((row) => row.code === 'firewood' && row.form === 'N1')!;
    expect(firewood.score).toEqual({ suppressed: true });
    expect(published(model.services.find((row) => row.code === 'newborn' && row.form === 'N1')!.score).n).toBe(5);
    expect(model.channels).toEqual([
      { form: 'N1', channel: 'paper', score: expect.objectContaining({ suppressed: false, n: 5 }) },
      { form: 'N1', channel: 'kiosk', score: { suppressed: true } },
      { form: 'N1', channel: 'email_link', score: { suppressed: true } },
    ]);
    expect(model.satisfaction.byForm[1].score).toEqual({ suppressed: true, noData: true }); // no N2 at all: no data, not "too few"
    const n2Question = model.questions.find((q) => q.itemId === 'n2.overall')!;
    expect(n2Question.score).toEqual({ suppressed: true, noData: true });
    expect(JSON.stringify(firewood)).not.toMatch(/"n"|share|mean/);
  });

  it('withholds the smallest published groups when the suppressed ones could be worked out from the overall score', () => {
    // Overall 5 of 15 agree and newborn 5 of 12 would give away firewood: 0 of 3. Likewise N1 and
    // the paper channel would give away the one N2 response by email link.
    const records = [
      ...n1(12, 5).map((r, i) => ({ ...r, answers: { 'n1.overall': i < 5 ? 5 : 2 } })),
      ...n1(2, 1, { service: 'firewood' }),
      ...n1(6, 5, { service: 'canteen', channel: 'kiosk' }),
      record({ form: 'N2', channel: 'email_link', service: 'firewood', answers: { 'n2.overall': 1 } }),
    ];
    const model = buildReportModel(input(records, { previous: JANUARY }));
    // N1 overall 20 (5 + 6 agree); newborn 12, canteen 6, firewood 2: newborn and canteen with
    // N1's figure would give firewood away, so canteen, the smaller, is withheld.
    const service = (code: string): Score => model.services.find((row) => row.code === code && row.form === 'N1')!.score;
    expect(published(model.satisfaction.byForm[0].score).respondents).toBe(20);
    expect(service('firewood')).toEqual({ suppressed: true }); // 2
    expect(service('canteen')).toEqual({ suppressed: true }); // 6, the smallest published group
    expect(published(service('newborn')).respondents).toBe(12);
    expect(model.satisfaction.byForm[1].score).toEqual({ suppressed: true }); // the one N2 answer
    expect(published(model.questions.find((q) => q.itemId === 'n1.overall')!.score).respondents).toBe(20);
    // Channels are compared within a form: N1's paper 14 and kiosk 6 (both published: nothing hidden).
    expect(model.channels.map((entry) => [entry.form, entry.channel, entry.score.suppressed])).toEqual([
      ['N1', 'paper', false],
      ['N1', 'kiosk', false],
      ['N2', 'email_link', true],
    ]);
    // The comparison period is split the same way.
    const canteenTrend = model.trends.find((trend) => trend.subject.kind === 'service' && trend.subject.form === 'N1' && trend.subject.code === 'canteen')!;
    expect(canteenTrend.previous).toEqual({ suppressed: true });
  });

  it('withholds nothing more when the suppressed groups together reach the minimum', () => {
    const records = [...n1(12, 5), ...n1(3, 1, { service: 'firewood' }), ...n1(2, 1, { service: 'canteen' })];
    const model = buildReportModel(input(records));
    expect(published(model.services.find((row) => row.code === 'newborn')!.score).respondents).toBe(12);
    expect(published(model.satisfaction.byForm[0].score).respondents).toBe(17);
  });

  it('suppresses a driver by distinct responses, not by answers', () => {
    // Three responses with both "ease" items: six answers, but only three people.
    const records = Array.from({ length: 3 }, () => record({ answers: { 'n1.info_easy': 5, 'n1.docs_clear': 4, 'n1.overall': 5 } }));
    const model = buildReportModel(input(records, { minGroupSize: 4 }));
    expect(model.drivers.find((entry) => entry.driver === 'ease')!.score).toEqual({ suppressed: true });
    const lenient = buildReportModel(input(records, { minGroupSize: 3 }));
    expect(lenient.drivers.find((entry) => entry.driver === 'ease')!.score).toMatchObject({ n: 6, respondents: 3, agree: 6 });
  });

  it('lists every likert question of both forms with its driver and wording', () => {
    const model = buildReportModel(input([], { language: 'en' }));
    const expected = [...likertItems(FORMS.N1), ...likertItems(FORMS.N2)];
    expect(model.questions.map((q) => q.itemId)).toEqual(expected.map((item) => item.id));
    expect(model.questions.map((q) => q.driver)).toEqual(expected.map((item) => item.driver));
    expect(model.questions[0].text).toBe(expected[0].en);
    const ofForm = (form: string) => model.drivers.filter((entry) => entry.form === form).map((entry) => entry.driver);
    expect(ofForm('N1')).toEqual(DRIVERS.filter((driver) => likertItems(FORMS.N1).some((item) => item.driver === driver)));
    expect(ofForm('N2')).toEqual(DRIVERS.filter((driver) => likertItems(FORMS.N2).some((item) => item.driver === driver)));
  });

  it('adds services seen in the data but missing from the services tab', () => {
    const model = buildReportModel(input([...n1(5, 4, { service: 'unknown' })], { language: 'en' }));
    expect(model.services.filter((row) => row.form === 'N1').map((row) => [row.code, row.name])).toEqual([
      ['newborn', 'Newborn allowance'],
      ['firewood', 'Firewood'],
      ['unknown', 'unknown'],
    ]);
  });
});

describe('buildReportModel: trends', () => {
  it('compares with the previous period and the same period last year', () => {
    const records = [
      ...n1(40, 5), // January 2026: 40 of 40 agree
      ...n1(20, 5, { receivedAt: at('2025-12-10T12:00:00+04:00') }),
      ...n1(20, 1, { receivedAt: at('2025-12-11T12:00:00+04:00') }), // December: 50 %
      ...n1(36, 5, { receivedAt: at('2025-01-20T12:00:00+04:00') }),
      ...n1(4, 2, { receivedAt: at('2025-01-21T12:00:00+04:00') }), // January 2025: 90 %
    ];
    const model = buildReportModel(input(records, { previous: DECEMBER, lastYear: JANUARY_2025 }));
    const overall = model.trends[0];
    expect(overall.subject).toEqual({ kind: 'form', form: 'N1' });
    expect(published(overall.previous!).n).toBe(40);
    expect(overall.vsPrevious).toBe('up');
    expect(overall.vsLastYear).toBe('no_change'); // [91 %, 100 %] overlaps [77 %, 96 %]
    const firewood = model.trends.find((trend) => trend.subject.kind === 'service' && trend.subject.code === 'firewood')!;
    expect(firewood.vsPrevious).toBe('insufficient');
    expect(model.trends.filter((trend) => trend.subject.kind === 'driver').length).toBe(
      model.drivers.filter((entry) => entry.driver !== 'satisfaction').length,
    );
    // December records do not leak into the current period.
    expect(published(model.satisfaction.byForm[0].score).n).toBe(40);
  });

  it('has null comparisons when no comparison period is given', () => {
    const model = buildReportModel(input(n1(10, 5)));
    expect(model.previous).toBeNull();
    expect(model.trends[0]).toMatchObject({ previous: null, lastYear: null, vsPrevious: 'insufficient', vsLastYear: 'insufficient' });
  });
});

describe('buildReportModel: main problems', () => {
  const lowWaiting = (text: string, extra: Partial<FeedbackRecord> = {}): FeedbackRecord =>
    record({ answers: { 'n1.overall': 4, 'n1.wait_ok': 1, 'n1.improve': text }, themes: ['waiting'], ...extra });

  function problemRecords(): FeedbackRecord[] {
    return [
      lowWaiting('რიგი ძალიან დიდი იყო', { receivedAt: at('2026-01-10T10:00:00+04:00') }),
      lowWaiting('დიდხანს ველოდე', { receivedAt: at('2026-01-20T10:00:00+04:00') }),
      lowWaiting('ლოდინი <script>', { receivedAt: at('2026-01-05T10:00:00+04:00'), quotable: true }),
      lowWaiting('', { receivedAt: at('2026-01-25T10:00:00+04:00') }),
      lowWaiting('რიგი', { receivedAt: at('2026-01-02T10:00:00+04:00'), themes: ['waiting', 'waiting'] }),
      // Staff tags override the automatic themes.
      ...Array.from({ length: 2 }, () => record({ answers: { 'n1.overall': 2 }, themes: ['waiting'], staffTags: ['documents'] })),
      // Praise is not a problem, whatever its theme: it is counted apart.
      ...Array.from({ length: 10 }, () => record({ answers: { 'n1.overall': 5, 'n1.wait_ok': 4 }, themes: ['online'], polarity: 'praise' })),
      // Staff's polarity wins: tagged a problem, corrected to praise.
      record({ answers: { 'n1.overall': 5 }, themes: ['online'], polarity: 'problem', staffPolarity: 'praise' }),
      // Other channels have no scores, and their problems count all the same.
      ...Array.from({ length: 5 }, () => record({ form: 'other', channel: 'phone', text: 'ქირის დახმარება ორი თვეა არ მოსულა', themes: ['payment_delay'] })),
      // A problem with no theme is counted as uncategorised, never dropped.
      ...Array.from({ length: 6 }, () => record({ form: 'other', channel: 'letter', text: 'ცუდად იყო', themes: [], polarity: 'problem' })),
      // N2: the money came late (a problem), the staff were kind (what they liked): staff is praise, not a problem.
      ...Array.from({ length: 2 }, () =>
        record({ form: 'N2', channel: 'email_link', answers: {}, themes: ['payment_delay'], polarity: 'problem', praiseThemes: ['staff'] }),
      ),
      // Suggestions and texts without evaluation are neither.
      record({ form: 'other', channel: 'social', text: 'ონლაინ რომ იყოს', themes: ['online'], polarity: 'suggestion' }),
    ];
  }

  it('groups problem texts of every channel by theme, praise apart, uncategorised counted, small groups suppressed', () => {
    const model = buildReportModel(input(problemRecords()));
    expect(model.problems.lowScoreResponses).toBe(7);
    expect(model.problems.lowestQuestions.map((q) => q.itemId)).toEqual(['n1.wait_ok', 'n1.overall']);
    expect(model.problems.themes).toEqual([
      { theme: 'payment_delay', suppressed: false, count: 7, comments: ['ქირის დახმარება ორი თვეა არ მოსულა'] },
      {
        theme: 'queue',
        suppressed: false,
        count: 5,
        comments: ['ლოდინი <script>', 'დიდხანს ველოდე', 'რიგი ძალიან დიდი იყო'],
      },
      { theme: 'documents', suppressed: true },
    ]);
    expect(model.problems.texts).toBe(5 + 2 + 5 + 2 + 6);
    expect(model.problems.themes.some((row) => row.theme === 'staff')).toBe(false);
    expect(model.problems.uncategorised).toEqual({ suppressed: false, count: 6 });
    expect(model.praise.texts).toBe(11 + 2);
    expect(model.praise.themes).toEqual([
      { theme: 'online', suppressed: false, count: 11, comments: [] },
      { theme: 'staff', suppressed: true },
    ]);
    expect(model.praise.uncategorised).toBeNull();
  });

  it('suppresses a small uncategorised count like any other count of people', () => {
    const model = buildReportModel(input([record({ form: 'other', channel: 'letter', text: 'ცუდად', polarity: 'problem' })]));
    expect(model.problems.uncategorised).toEqual({ suppressed: true });
    expect(model.problems.themes).toEqual([]);
  });

  it('quotes no comment in the public report', () => {
    const model = buildReportModel(input(problemRecords(), { internal: false }));
    expect(model.problems.themes[1]).toEqual({ theme: 'queue', suppressed: false, count: 5, comments: [] });
  });
});

describe('buildReportModel: theme counts and earlier outputs', () => {
  const praised = (n: number): FeedbackRecord[] =>
    Array.from({ length: n }, () => record({ form: 'other', channel: 'phone', text: 'თავაზიანები', themes: ['staff'], polarity: 'praise' }));
  const unthemed = (n: number): FeedbackRecord[] =>
    Array.from({ length: n }, () => record({ form: 'other', channel: 'letter', text: 'ცუდად', themes: [], polarity: 'problem' }));

  it('records the praise and uncategorised counts it outputs', () => {
    const keys = modelReleases(buildReportModel(input([...praised(7), ...unthemed(6)]))).map((r) => `${r.key}=${r.respondents}`);
    expect(keys).toEqual(expect.arrayContaining(['praise:staff=7', 'theme:uncategorised=6']));
  });

  it('withholds a count that, beside the same period output before, would reveal the two texts added since', () => {
    const ledger = [
      { key: 'praise:staff', ...periodDays(JANUARY), respondents: 7 },
      { key: 'theme:uncategorised', ...periodDays(JANUARY), respondents: 6 },
    ];
    const model = buildReportModel(input([...praised(9), ...unthemed(8)], { ledger }));
    expect(model.praise.themes).toEqual([{ theme: 'staff', suppressed: true }]);
    expect(model.problems.uncategorised).toEqual({ suppressed: true });
    expect(buildReportModel(input([...praised(9), ...unthemed(8)])).praise.themes[0]).toMatchObject({ suppressed: false, count: 9 });
  });
});

describe('buildReportModel: actions and methodology', () => {
  const action = (fields: Partial<ActionRecord>): ActionRecord => ({
    problem: 'გრძელი რიგი',
    service: 'newborn',
    theme: 'waiting',
    decision: 'მეორე ფანჯრის გახსნა',
    owner: 'ნინო',
    due: at('2026-01-20T00:00:00+04:00'),
    status: 'planned',
    meetingDate: at('2025-12-20T00:00:00+04:00'),
    publicWording: 'კანცელარიაში დამატებითი ფანჯარა გაიხსნება',
    ...fields,
  });

  it('flags actions due before the period end and not done', () => {
    const actions = [action({}), action({ status: 'done' }), action({ due: at('2026-02-10T00:00:00+04:00') }), action({ due: null, status: 'in_progress' })];
    const model = buildReportModel(input([], { actions }));
    expect(model.actions.map((row) => row.overdue)).toEqual([true, false, false, false]);
    expect(model.actions[0]).toMatchObject({ text: 'მეორე ფანჯრის გახსნა', owner: 'ნინო', problem: 'გრძელი რიგი' });
  });

  it('uses the public wording and names no owner in the public report', () => {
    const model = buildReportModel(input([], { actions: [action({}), action({ publicWording: '' })], internal: false }));
    expect(model.actions[0]).not.toHaveProperty('owner');
    expect(model.actions[0]).not.toHaveProperty('problem');
    expect(model.actions.map((row) => row.text)).toEqual(['კანცელარიაში დამატებითი ფანჯარა გაიხსნება', 'მეორე ფანჯრის გახსნა']);
  });

  it('states the method', () => {
    expect(buildReportModel(input([], { minGroupSize: 7 })).methodology).toEqual({
      minGroupSize: 7,
      agreeMin: 4,
      scaleMin: 1,
      scaleMax: 5,
      confidenceLevel: 0.95,
      interval: 'wilson',
      trendRule: 'non_overlapping_intervals',
      lowScoreMax: 2,
    });
  });
});

describe('buildReportModel on 10,000 generated records', () => {
  /** A deterministic generator: about 10 % of answers skipped, some invalid. */
  function generate(count: number): FeedbackRecord[] {
    let state = 42;
    const random = (): number => {
      state = (state * 1664525 + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    const services = ['newborn', 'firewood', 'unknown', 'medical'];
    const channels: Channel[] = ['paper', 'kiosk'];
    const records: FeedbackRecord[] = [];
    for (let i = 0; i < count; i++) {
      const form: FeedbackForm = random() < 0.45 ? 'N1' : random() < 0.8 ? 'N2' : 'other';
      const answers: Record<string, AnswerValue> = {};
      if (form !== 'other') {
        for (const item of likertItems(FORMS[form])) {
          const roll = random();
          answers[item.id] = roll < 0.1 ? null : roll < 0.12 ? 9 : 1 + Math.floor(random() * 5);
        }
      }
      records.push(
        record({
          form,
          channel: form === 'N1' ? channels[Math.floor(random() * 2)] : form === 'N2' ? 'email_link' : 'social',
          service: services[Math.floor(random() * services.length)],
          receivedAt: new Date(JANUARY_2025.from.getTime() + random() * (JANUARY.to.getTime() - JANUARY_2025.from.getTime() + 5e9)),
          answers,
          themes: random() < 0.3 ? ['queue'] : random() < 0.5 ? ['documents', 'staff'] : [],
          polarity: random() < 0.5 ? 'problem' : 'praise',
        }),
      );
    }
    return records;
  }

  /** The obvious computation, one filter per figure. */
  function reference(records: FeedbackRecord[], from: Date, to: Date, pick: (r: FeedbackRecord) => unknown[]): { n: number; agree: number; sum: number } {
    const values = records
      .filter((r) => r.receivedAt >= from && r.receivedAt < to)
      .flatMap(pick)
      .filter((v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5);
    return { n: values.length, agree: values.filter((v) => v >= 4).length, sum: values.reduce((a, b) => a + b, 0) };
  }

  const records = generate(10000);
  const model = buildReportModel(input(records, { previous: DECEMBER, lastYear: JANUARY_2025, invitationsSent: 1000 }));
  /** A form's overall answer only: N1 and N2 are never pooled. */
  const overallOf =
    (form: 'N1' | 'N2') =>
    (r: FeedbackRecord): unknown[] =>
      r.form === form ? [r.answers[form === 'N1' ? 'n1.overall' : 'n2.overall']] : [];

  function expectMatches(score: Score | null, expected: { n: number; agree: number; sum: number }): void {
    const figure = published(score!);
    expect({ n: figure.n, agree: figure.agree }).toEqual({ n: expected.n, agree: expected.agree });
    expect(figure.mean).toBeCloseTo(expected.sum / expected.n, 10);
  }

  it('matches the reference for the basis, overall, drivers, questions, services and channels', () => {
    const inJanuary = records.filter((r) => r.receivedAt >= JANUARY.from && r.receivedAt < JANUARY.to);
    expect(model.basis.total).toBe(inJanuary.length);
    expect(model.basis.byForm.N2).toBe(inJanuary.filter((r) => r.form === 'N2').length);
    expect(model.basis.n2ResponseRate).toBeCloseTo(model.basis.byForm.N2 / 1000, 12);
    for (const { form, score } of model.satisfaction.byForm) expectMatches(score, reference(records, JANUARY.from, JANUARY.to, overallOf(form)));
    for (const { form, driver, score } of model.drivers) {
      const ids = likertItems(FORMS[form])
        .filter((item) => item.driver === driver)
        .map((item) => item.id);
      expectMatches(
        score,
        reference(records, JANUARY.from, JANUARY.to, (r) => ids.map((id) => r.answers[id])),
      );
    }
    for (const question of model.questions) {
      expectMatches(
        question.score,
        reference(records, JANUARY.from, JANUARY.to, (r) => [r.answers[question.itemId]]),
      );
    }
    for (const service of model.services) {
      expectMatches(
        service.score,
        reference(records, JANUARY.from, JANUARY.to, (r) => (r.service === service.code ? overallOf(service.form)(r) : [])),
      );
    }
    for (const channel of model.channels) {
      expectMatches(
        channel.score,
        reference(records, JANUARY.from, JANUARY.to, (r) => (r.channel === channel.channel ? overallOf(channel.form)(r) : [])),
      );
    }
    expect(model.channels.map((entry) => `${entry.form}:${entry.channel}`)).toEqual(['N1:paper', 'N1:kiosk', 'N2:email_link']);
    expect(model.services.length).toBe(2 * 4);
  });

  it('matches the reference for the comparison periods and the low-score themes', () => {
    for (const form of ['N1', 'N2'] as const) {
      const trend = model.trends.find((row) => row.subject.kind === 'form' && row.subject.form === form)!;
      expectMatches(trend.previous, reference(records, DECEMBER.from, DECEMBER.to, overallOf(form)));
      expectMatches(trend.lastYear, reference(records, JANUARY_2025.from, JANUARY_2025.to, overallOf(form)));
    }
    const likertIds = [...likertItems(FORMS.N1), ...likertItems(FORMS.N2)].map((item) => item.id);
    const low = records.filter(
      (r) =>
        r.receivedAt >= JANUARY.from &&
        r.receivedAt < JANUARY.to &&
        likertIds.some((id) => {
          const v = r.answers[id];
          return typeof v === 'number' && v >= 1 && v <= 2;
        }),
    );
    expect(model.problems.lowScoreResponses).toBe(low.length);
    // Problems by theme count problem texts of every form in the period, scored or not.
    const problems = records.filter((r) => r.receivedAt >= JANUARY.from && r.receivedAt < JANUARY.to && r.polarity === 'problem');
    const queue = model.problems.themes.find((theme) => theme.theme === 'queue');
    expect(queue).toMatchObject({ suppressed: false, count: problems.filter((r) => r.themes.includes('queue')).length });
    expect(model.problems.uncategorised).toEqual({ suppressed: false, count: problems.filter((r) => r.themes.length === 0).length });
  });
});

describe('renderReportHtml', () => {
  function reportModel(internal: boolean, language: 'ka' | 'en' = 'ka'): ReportModel {
    const records = [
      ...n1(6, 5),
      ...n1(3, 2, { themes: ['waiting'], answers: { 'n1.overall': 2, 'n1.improve': 'რიგი <b>დიდია</b> & ნელა' } }),
      // Two small services together reach the minimum, so newborn can be published beside them.
      ...n1(3, 2, { service: 'canteen', themes: ['waiting'], answers: { 'n1.overall': 2, 'n1.improve': 'რიგი <b>დიდია</b> & ნელა' } }),
      ...n1(2, 1, { service: 'firewood' }),
    ];
    const services = [...SERVICES, { code: 'fire', ka: 'ხანძარი "<x>"', invite: true }];
    return buildReportModel(input(records, { internal, services, previous: DECEMBER, language }));
  }

  it('is a self-contained page in the report language with escaped text', () => {
    const html = renderReportHtml(reportModel(true), reportLabels('ka'));
    expect(html.startsWith('<!DOCTYPE html><html lang="ka">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('რიგი &lt;b&gt;დიდია&lt;/b&gt; &amp; ნელა');
    expect(html).not.toContain('<b>დიდია');
    expect(html).toContain('ხანძარი &quot;&lt;x&gt;&quot;');
    expect(html).toContain('კმაყოფილება განცხადების მიღებით');
    expect(html).not.toMatch(/<(script|link)\b/);
    expect(html).not.toMatch(/src="http/);
  });

  it('embeds decodable PNG charts with alt text', () => {
    const html = renderReportHtml(reportModel(true, 'en'), reportLabels('en'));
    const images = [...html.matchAll(/<img src="data:image\/png;base64,([^"]+)" alt="([^"]*)" width="(\d+)"/g)];
    // N1's drivers and N1's services: N2 has no answers, December none either (no trend of one bar).
    expect(images.map((image) => image[2].split(':')[0])).toEqual(['Satisfaction drivers — N1', 'By service — N1']);
    for (const [, base64, , shown] of images) {
      // Shown 440 pt (587 CSS px) wide and drawn for print at 300 dpi and more.
      expect(shown).toBe('587');
      expect(decodePng(Array.from(Buffer.from(base64, 'base64'))).width).toBeGreaterThanOrEqual((300 / 72) * 440);
    }
    expect(images[0][2]).toContain('Satisfied with how the application was received: 43% ('); // 6 of 14, the suppressed service included
    // The suppressed firewood group is neither charted nor given a figure.
    expect(images[1][2]).not.toContain('Firewood');
    expect(html).toMatch(/<td>Firewood<\/td><td><span class="suppressed">Fewer than 5 responses — not shown<\/span>/);
  });

  it('leaves comments and owners out of the public report', () => {
    const internal = renderReportHtml(reportModel(true), reportLabels('ka'));
    const publicHtml = renderReportHtml(reportModel(false), reportLabels('ka'));
    expect(internal.match(/დიდია/g)!.length).toBe(1); // the same comment six times is quoted once
    expect(publicHtml).not.toContain('დიდია');
    expect(publicHtml).toContain('მომხმარებელთა უკუკავშირი — საჯარო ანგარიში');
    expect(publicHtml).toContain('წინა პერიოდი (2025 წლის დეკემბერი)');
  });
});
