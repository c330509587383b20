/**
 * Issue 16, item 7 — the report leads to decisions: coverage and response rates per service and
 * channel, drivers per service, before/after each completed action on its targets. Expected
 * figures are counted here from the seeded records, independently of the product's code; every
 * output of a run of periods goes through the attacker's checker.
 */
import { parseTargets, actionCheckText } from '../../src/domain/action-targets';
import { effectWindows } from '../../src/domain/action-effects';
import { customPeriod, periodOf } from '../../src/domain/dates';
import { newReleases, periodDays, type Release } from '../../src/domain/disclosure';
import { modelReleases } from '../../src/domain/model-releases';
import { buildReportModel, type ReportInput, type ReportModel } from '../../src/domain/report-model';
import { reportLabels } from '../../src/domain/report-labels';
import { reportLayout } from '../../src/domain/report-layout';
import { summaryText } from '../../src/domain/report-summary';
import { blocksToText } from '../../src/domain/doc-blocks';
import { buildAgenda } from '../../src/domain/agenda';
import { wilson } from '../../src/domain/stats';
import { DEFAULT_THEMES } from '../../src/domain/themes';
import type { ActionRecord, Channel, FeedbackRecord, Service } from '../../src/domain/types';
import { recoverableSmallGroups } from '../support/differencing-checker';
import { actionRecord, at, feedbackRecord } from '../support/records';

const Q1 = periodOf('quarter', at('2026-02-01T00:00:00+04:00'));
const SERVICES: Service[] = ['newborn', 'firewood', 'medical', 'funeral', 'canteen'].map((code) => ({ code, ka: `სერვისი ${code}`, invite: true }));
const MIN = 5;

function input(records: FeedbackRecord[], overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    records,
    actions: [],
    period: { from: Q1.from, to: Q1.to, label: Q1.label },
    invitationsSent: 0,
    minGroupSize: MIN,
    services: SERVICES,
    language: 'ka',
    internal: true,
    ...overrides,
  };
}

/** A small deterministic generator (LCG), so the seeded quarter is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const day = (iso: string): Date => at(`${iso}T12:00:00+04:00`);

describe('action targets typed by staff', () => {
  it('reads short question names, ids and theme names, in any spacing and case, and reports the rest', () => {
    const parsed = parseTargets(' n1:საჭირო დოკუმენტების ახსნა ,  საჭირო დოკუმენტები; N2.TIMELY\nრიგი და ლოდინი მერიაში, ლოდინი, documents ');
    expect(parsed.targets).toEqual([
      { kind: 'question', id: 'n1.docs_clear' },
      { kind: 'theme', id: 'documents' },
      { kind: 'question', id: 'n2.timely' },
      { kind: 'theme', id: 'queue' },
    ]);
    expect(parsed.unknown).toEqual(['ლოდინი']);
  });

  it('a theme staff added in the themes tab is a target by its name', () => {
    const own = [...DEFAULT_THEMES, { id: 'heating', ka: 'გათბობა, შეშა', en: 'Heating', keywords: [] }];
    expect(parseTargets('გათბობა, შეშა', own).targets).toEqual([{ kind: 'theme', id: 'heating' }]);
  });

  it('the row check says what was understood, what to fix, and that a done action needs its date', () => {
    const themes = DEFAULT_THEMES;
    const ok = parseTargets('N1: საჭირო დოკუმენტების ახსნა, საჭირო დოკუმენტები');
    expect(actionCheckText({ status: 'done', completedAt: day('2026-03-20'), targets: ok.targets, unknownTargets: [] }, themes, 'თემები')).toBe(
      'სამიზნეები: N1: საჭირო დოკუმენტების ახსნა, საჭირო დოკუმენტები',
    );
    const bad = actionCheckText({ status: 'done', completedAt: null, targets: [], unknownTargets: ['დოკუმენტბი'] }, themes, 'თემები');
    expect(bad).toMatch(/^⚠ ვერ ამოვიცანი: „დოკუმენტბი“/);
    expect(bad).toContain('⚠ შეავსეთ შესრულების თარიღი');
    expect(actionCheckText({ status: 'planned', targets: [], unknownTargets: [] }, themes, 'თემები')).toBe('');
  });
});

describe('coverage and response rates per service and channel', () => {
  const n1 = (service: string, count: number, channel: Channel = 'paper'): FeedbackRecord[] =>
    Array.from({ length: count }, () => feedbackRecord({ form: 'N1', channel, service, answers: { 'n1.overall': 4 } }));
  const n2 = (service: string, count: number): FeedbackRecord[] =>
    Array.from({ length: count }, () => feedbackRecord({ form: 'N2', service, answers: { 'n2.overall': 4 } }));

  it('N1 forms ÷ desk applications and N2 answers ÷ invitations, with suppression and its complement', () => {
    // newborn 9 (6 paper, 3 kiosk) of 12, firewood 6 of 10, medical 2 of 4, canteen 0 of 3.
    const records = [...n1('newborn', 6), ...n1('newborn', 3, 'kiosk'), ...n1('firewood', 6), ...n1('medical', 2), ...n2('newborn', 8), ...n2('firewood', 7)];
    const model = buildReportModel(
      input(records, {
        deskApplications: { newborn: 12, firewood: 10, medical: 4, canteen: 3 },
        invitationsByService: { newborn: 10, firewood: 5 },
        invitationsSent: 15,
      }),
    );
    const [formN1, formN2] = model.coverage ?? [];
    const row = (form: typeof formN1, code: string) => form.services.find((r) => r.key === code);
    // medical's 2 are hidden; alone they would be the total 17 minus the shown ones, so the next
    // smallest (firewood, 6) is hidden with them.
    expect(row(formN1, 'newborn')).toEqual({
      key: 'newborn',
      base: 12,
      forms: { suppressed: false, count: 9 },
      rate: { suppressed: false, rate: 9 / 12, more: false },
    });
    expect(row(formN1, 'firewood')?.forms).toEqual({ suppressed: true });
    expect(row(formN1, 'medical')?.forms).toEqual({ suppressed: true });
    // Nobody answered of a service with applicants: 0 %, not "no data".
    expect(row(formN1, 'canteen')).toEqual({
      key: 'canteen',
      base: 3,
      forms: { suppressed: false, count: 0 },
      rate: { suppressed: false, rate: 0, more: false },
    });
    expect(formN1.base).toBe(29);
    expect(formN1.rate).toEqual({ suppressed: false, rate: 17 / 29, more: false });
    // Channels: the share of desk applicants who answered that way.
    // kiosk's 3 are hidden, and so is paper's 14: N1's 17 minus 14 would give them back.
    expect(formN1.channels).toEqual([
      { key: 'paper', base: 29, forms: { suppressed: true }, rate: { suppressed: true } },
      { key: 'kiosk', base: 29, forms: { suppressed: true }, rate: { suppressed: true } },
    ]);
    const twoChannels = buildReportModel(
      input([...n1('newborn', 6), ...n1('newborn', 5, 'kiosk')], { deskApplications: { newborn: 20 }, invitationsByService: {} }),
    );
    expect(twoChannels.coverage?.[0].channels.map((row) => row.rate)).toEqual([
      { suppressed: false, rate: 6 / 20, more: false },
      { suppressed: false, rate: 5 / 20, more: false },
    ]);
    // N2: firewood answered more than it was invited in the period: no rate above 100 %.
    expect(row(formN2, 'newborn')).toEqual({
      key: 'newborn',
      base: 10,
      forms: { suppressed: false, count: 8 },
      rate: { suppressed: false, rate: 0.8, more: false },
    });
    expect(row(formN2, 'firewood')?.rate).toEqual({ suppressed: false, rate: null, more: true });
    expect(formN2.rate).toEqual({ suppressed: false, rate: 15 / 15, more: false });

    // The summary, which the managers' email carries: 17 of 29 desk applicants, 15 of 15 invited.
    expect(summaryText(model, reportLabels('ka'))).toContain(
      `N1 ფორმა შეავსო კანცელარიაში მომართულთა ${Math.round((17 / 29) * 100)}%-მა. N2 მოწვევას უპასუხა მოწვეულთა 100%-მა.`,
    );
    const text = blocksToText(reportLayout(model, reportLabels('ka')).blocks);
    expect(text).toContain('სერვისი newborn | 12 | 9 | 75%');
    expect(text).toContain('სერვისი canteen | 3 | 0 | 0%');
    expect(text).toContain('სერვისი medical | 4 | 5-ზე ნაკლები პასუხი — არ ქვეყნდება | 5-ზე ნაკლები პასუხი — არ ქვეყნდება');
    // Every count shown is recorded for the ledger; the hidden ones are not.
    const keys = modelReleases(model).map((r) => `${r.key}=${r.respondents}`);
    expect(keys).toEqual(expect.arrayContaining(['forms:N1:service:newborn=9', 'forms:N1:service:canteen=0', 'forms:N2:service:newborn=8']));
    expect(keys.some((k) => k.startsWith('forms:N1:service:medical') || k.startsWith('forms:N1:service:firewood'))).toBe(false);
  });

  it('without register counts the section is not built (no figure made up)', () => {
    expect(buildReportModel(input(n1('newborn', 6))).coverage).toBeNull();
  });
});

describe('drivers per service, each form apart', () => {
  it('scores a service’s drivers where the group is large enough and hides the rest with their complement', () => {
    const timely: Record<string, number[]> = { newborn: [5, 4, 4, 2, 1, 5], medical: [1, 2, 2, 1, 3, 2, 4], firewood: [5, 5, 5], funeral: [4, 1] };
    const records = Object.entries(timely).flatMap(([service, values]) =>
      values.map((value) => feedbackRecord({ form: 'N2', service, answers: { 'n2.timely': value, 'n2.overall': 3 } })),
    );
    // N1 answers of medical never count in N2's drivers.
    records.push(...Array.from({ length: 9 }, () => feedbackRecord({ form: 'N1', service: 'medical', answers: { 'n1.wait_ok': 5 } })));
    const model = buildReportModel(input(records));
    const cell = (form: string, code: string, driver: string) =>
      model.serviceDrivers.find((row) => row.form === form && row.code === code)?.cells.find((c) => c.driver === driver)?.score;
    const agree = (values: number[]) => values.filter((v) => v >= 4).length;
    const medical = cell('N2', 'medical', 'efficiency');
    expect(medical).toMatchObject({ suppressed: false, respondents: 7, n: 7, agree: agree(timely.medical), share: agree(timely.medical) / 7 });
    const interval = wilson(agree(timely.medical), 7);
    expect(medical).toMatchObject({ low: interval?.low, high: interval?.high });
    expect(cell('N2', 'newborn', 'efficiency')).toMatchObject({ suppressed: false, respondents: 6, share: agree(timely.newborn) / 6 });
    // firewood 3 + funeral 2 = 5 hidden: enough, nothing else needs hiding.
    expect(model.serviceDrivers.some((row) => row.form === 'N2' && (row.code === 'firewood' || row.code === 'funeral'))).toBe(false);
    expect(cell('N1', 'medical', 'efficiency')).toMatchObject({ suppressed: false, respondents: 9, share: 1 });
    // Medical's efficiency is below N2's as a whole? 1/7 agree against 5/18: the intervals overlap.
    expect(model.serviceDrivers.find((row) => row.form === 'N2' && row.code === 'medical')?.cells.find((c) => c.driver === 'efficiency')?.vsForm).toBe(
      'no_change',
    );
    expect(modelReleases(model).map((r) => `${r.key}=${r.respondents}`)).toEqual(
      expect.arrayContaining(['driver:N2:efficiency:service:medical=7', 'driver:N2:efficiency:service:newborn=6', 'driver:N1:efficiency:service:medical=9']),
    );
  });

  it('two services, one too small: the other is hidden too (the form’s figure minus it would give the small one)', () => {
    const records = [
      ...Array.from({ length: 8 }, () => feedbackRecord({ form: 'N2', service: 'newborn', answers: { 'n2.timely': 5 } })),
      ...Array.from({ length: 2 }, () => feedbackRecord({ form: 'N2', service: 'firewood', answers: { 'n2.timely': 1 } })),
    ];
    expect(buildReportModel(input(records)).serviceDrivers.filter((row) => row.form === 'N2')).toEqual([]);
  });
});

describe('before and after each completed action', () => {
  const docs = (iso: string, value: number) => feedbackRecord({ form: 'N1', receivedAt: day(iso), answers: { 'n1.docs_clear': value } });
  const note = (iso: string, themes: string[], polarity: 'problem' | 'praise') =>
    feedbackRecord({ form: 'other', channel: 'phone', receivedAt: day(iso), text: 'x', themes, polarity });

  const BEFORE = [4, 5, 4, 1, 2, 2, 3, 1, 2, 3];
  const AFTER = [5, 5, 4, 4, 5, 4, 5, 5, 4, 5, 2, 4];
  const agreeOf = (values: number[]) => values.filter((v) => v >= 4).length;
  const meanOf = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

  /** Before 01.03 (29.01–28.02): the BEFORE answers and 6 documents complaints. After (01.03–31.03): the AFTER answers and 20 notes of praise. */
  function seeded(): FeedbackRecord[] {
    const before = BEFORE.map((value, i) => docs(`2026-02-${String(10 + i).padStart(2, '0')}`, value));
    const after = AFTER.map((value, i) => docs(`2026-03-${String(2 + i * 2).padStart(2, '0')}`, value));
    const complaints = Array.from({ length: 6 }, (_, i) => note(`2026-02-${String(3 + i).padStart(2, '0')}`, ['documents'], 'problem'));
    const praise = Array.from({ length: 20 }, (_, i) => note(`2026-03-${String(3 + i).padStart(2, '0')}`, ['staff'], 'praise'));
    // Outside both windows: January (6 answers: fewer would be given away by the quarter's figure
    // minus the two windows — the ledger withholds a window then, see below), and after the period.
    const outside = [
      ...[10, 11, 12, 13, 14, 15].map((d) => docs(`2026-01-${d}`, 1)),
      docs('2026-04-02', 1),
      ...[20, 21, 22, 23, 24].map((d) => note(`2026-01-${d}`, ['documents'], 'problem')),
    ];
    return [...before, ...after, ...complaints, ...praise, ...outside];
  }

  const actions: ActionRecord[] = [
    actionRecord({
      decision: 'დოკუმენტების სია განახლდა',
      status: 'done',
      completedAt: at('2026-03-01T00:00:00+04:00'),
      targets: [
        { kind: 'question', id: 'n1.docs_clear' },
        { kind: 'theme', id: 'documents' },
      ],
    }),
    actionRecord({ decision: 'ბოლო კვირას', status: 'done', completedAt: at('2026-03-25T00:00:00+04:00'), targets: [{ kind: 'question', id: 'n2.timely' }] }),
    actionRecord({ decision: 'აპრილში', status: 'done', completedAt: at('2026-04-10T00:00:00+04:00'), targets: [{ kind: 'question', id: 'n1.docs_clear' }] }),
    actionRecord({
      decision: 'მიმდინარე',
      status: 'in_progress',
      completedAt: at('2026-03-01T00:00:00+04:00'),
      targets: [{ kind: 'question', id: 'n1.docs_clear' }],
    }),
    actionRecord({ decision: 'თარიღის გარეშე', status: 'done', completedAt: null, targets: [{ kind: 'question', id: 'n1.docs_clear' }] }),
  ];

  it('windows: after from the completion day to the period end (at most a period), before as many days', () => {
    expect(effectWindows(at('2026-03-01T00:00:00+04:00'), Q1)).toEqual({
      before: { from: at('2026-01-29T00:00:00+04:00'), to: at('2026-03-01T00:00:00+04:00') },
      after: { from: at('2026-03-01T00:00:00+04:00'), to: Q1.to },
    });
    // Done in the previous quarter: after is one quarter's length from it.
    const december = effectWindows(at('2025-12-15T00:00:00+04:00'), Q1);
    expect(december?.after.to.getTime()).toBe(at('2025-12-15T00:00:00+04:00').getTime() + (Q1.to.getTime() - Q1.from.getTime()));
    expect(effectWindows(at('2025-09-01T00:00:00+04:00'), Q1)).toBeNull();
    expect(effectWindows(Q1.to, Q1)).toBeNull();
  });

  it('compares the targeted question and theme with n’s; only done actions with a date in reach', () => {
    const records = seeded();
    const model = buildReportModel(input(records, { actions }));
    expect(model.actionEffects.map((effect) => effect.action)).toEqual([0, 1]);
    const [docsEffect, late] = model.actionEffects;
    const [b, a] = [agreeOf(BEFORE), agreeOf(AFTER)];
    expect([b, a]).toEqual([3, 11]);
    const before = wilson(b, BEFORE.length);
    const after = wilson(a, AFTER.length);
    expect(docsEffect.questions).toEqual([
      {
        itemId: 'n1.docs_clear',
        before: { suppressed: false, n: 10, agree: b, share: b / 10, low: before?.low, high: before?.high, mean: meanOf(BEFORE), respondents: 10 },
        after: { suppressed: false, n: 12, agree: a, share: a / 12, low: after?.low, high: after?.high, mean: meanOf(AFTER), respondents: 12 },
        verdict: 'up',
      },
    ]);
    // Documents complaints: 6 of the 16 pieces of feedback before, 0 of the 32 after.
    const themeBefore = wilson(6, 16);
    expect(docsEffect.themes).toEqual([
      {
        theme: 'documents',
        before: { suppressed: false, count: 6, total: 16, share: 6 / 16, low: themeBefore?.low, high: themeBefore?.high },
        after: { suppressed: false, count: 0, total: 32, share: 0, low: 0, high: wilson(0, 32)?.high },
        verdict: 'down',
      },
    ]);
    // Nobody answered N2's timeliness around 25.03: no data, never "improved".
    expect(late.questions[0]).toMatchObject({ before: { suppressed: true, noData: true }, after: { suppressed: true, noData: true }, verdict: 'insufficient' });

    const text = blocksToText(reportLayout(model, reportLabels('ka')).blocks);
    expect(text).toContain('სამიზნე | მანამდე (29.01.2026–28.02.2026) | შემდეგ (01.03.2026–31.03.2026) | შედეგი');
    expect(text).toContain('N1: საჭირო დოკუმენტების ახსნა | 30% (n = 10) | 92% (n = 12) | გაუმჯობესდა');
    expect(text).toContain('საჭირო დოკუმენტები | 38% (6 / 16) | 0% (0 / 32) | გაუმჯობესდა');
    expect(text).toContain('N2: განხილვის ვადა | მონაცემი არ არის | მონაცემი არ არის | ჯერ არ არის საკმარისი პასუხი, რომ ვთქვათ');
    expect(text).toContain('შესრულებული ღონისძიებები სამიზნით: 2; გაუმჯობესება ჩანს — 1, ჯერ არ ჩანს — 1.');

    // The English report says the same, with the question's own wording.
    const english = blocksToText(reportLayout(buildReportModel(input(records, { actions, language: 'en' })), reportLabels('en')).blocks);
    expect(english).toContain('Before (29.01.2026–28.02.2026) | After (01.03.2026–31.03.2026) | Result');
    expect(english).toContain('the required documents were clearly explained | 30% (n = 10) | 92% (n = 12) | Improved');
    expect(english).toContain('| Not enough answers yet to tell');

    const agenda = blocksToText(
      buildAgenda({
        model,
        actions,
        municipality: 'მ',
        preparedAt: at('2026-04-02T10:00:00+04:00'),
        themeLabels: {},
        serviceNames: {},
        knownNames: [],
        minGroupSize: MIN,
      }),
    );
    expect(agenda).toContain('განსახილველია — გაუმჯობესება ჯერ არ ჩანს: „ბოლო კვირას“ (ჯერ არ არის საკმარისი პასუხი, რომ ვთქვათ).');
    expect(agenda).not.toContain('„დოკუმენტების სია განახლდა“ (');
  });

  it('a side below the minimum is suppressed and the verdict says there are too few answers', () => {
    // Six of the ten answers before go: four are left, fewer than the minimum.
    const february = (record: FeedbackRecord) => record.receivedAt >= at('2026-02-01T00:00:00+04:00') && record.receivedAt < at('2026-02-16T00:00:00+04:00');
    const records = seeded().filter((record) => !(record.answers['n1.docs_clear'] !== undefined && february(record)));
    const model = buildReportModel(input(records, { actions: [actions[0]] }));
    expect(model.actionEffects[0].questions[0]).toMatchObject({
      before: { suppressed: true },
      after: { suppressed: false, respondents: 12 },
      verdict: 'insufficient',
    });
    expect(model.actionEffects[0].questions[0].before).not.toHaveProperty('noData');
  });

  it('a window the ledger would difference is withheld: 12 published for 01.03–30.03 leave 31.03’s 2', () => {
    const records = seeded();
    records.push(docs('2026-03-31', 5), docs('2026-03-31', 4));
    // Of the after window's 14 answers, 12 fall on 01.03–30.03 — give the ledger that figure.
    const ledger: Release[] = [
      { key: 'question:n1.docs_clear', ...periodDays({ from: at('2026-03-01T00:00:00+04:00'), to: at('2026-03-31T00:00:00+04:00') }), respondents: 12 },
    ];
    const model = buildReportModel(input(records, { actions: [actions[0]], ledger }));
    expect(model.actionEffects[0].questions[0]).toMatchObject({ after: { suppressed: true }, verdict: 'insufficient' });
    // Counted among the figures staff are told were withheld because of earlier outputs.
    expect(model.withheldByEarlierOutputs).toBe(1);
  });
});

describe('nothing output can be differenced', () => {
  it('a seeded quarter, its months and overlapping periods, built in turn with the ledger: the checker recovers nothing', () => {
    const rand = random(20260316);
    const codes = SERVICES.map((s) => s.code);
    const records: FeedbackRecord[] = [];
    for (let i = 0; i < 260; i++) {
      const receivedAt = new Date(Q1.from.getTime() + Math.floor(rand() * 90) * 86_400_000 + 11 * 3_600_000);
      const service = codes[Math.floor(rand() * rand() * codes.length)];
      const score = () => 1 + Math.floor(rand() * 5);
      const kind = rand();
      if (kind < 0.4) {
        records.push(
          feedbackRecord({
            form: 'N1',
            channel: rand() < 0.5 ? 'paper' : 'kiosk',
            service,
            receivedAt,
            answers: { 'n1.overall': score(), 'n1.docs_clear': score(), 'n1.wait_ok': score() },
          }),
        );
      } else if (kind < 0.85) {
        records.push(
          feedbackRecord({ form: 'N2', service, receivedAt, answers: { 'n2.overall': score(), 'n2.timely': score(), 'n2.kept_informed': score() } }),
        );
      } else {
        records.push(
          feedbackRecord({
            form: 'other',
            channel: 'phone',
            service,
            receivedAt,
            text: 't',
            themes: rand() < 0.5 ? ['documents'] : ['queue'],
            polarity: 'problem',
          }),
        );
      }
    }
    const desk = Object.fromEntries(codes.map((code) => [code, 10 + Math.floor(rand() * 30)]));
    const invited = Object.fromEntries(codes.map((code) => [code, 10 + Math.floor(rand() * 30)]));
    const done: ActionRecord[] = [
      actionRecord({
        status: 'done',
        completedAt: at('2026-02-20T00:00:00+04:00'),
        targets: [
          { kind: 'question', id: 'n1.docs_clear' },
          { kind: 'theme', id: 'documents' },
        ],
      }),
      actionRecord({
        status: 'done',
        completedAt: at('2026-03-10T00:00:00+04:00'),
        targets: [
          { kind: 'question', id: 'n2.timely' },
          { kind: 'theme', id: 'queue' },
        ],
      }),
    ];
    const periods = [
      Q1,
      periodOf('month', at('2026-01-15T00:00:00+04:00')),
      periodOf('month', at('2026-02-15T00:00:00+04:00')),
      periodOf('month', at('2026-03-15T00:00:00+04:00')),
      Q1,
      customPeriod(at('2026-01-01T00:00:00+04:00'), at('2026-03-30T00:00:00+04:00')),
      customPeriod(at('2026-02-01T00:00:00+04:00'), at('2026-03-31T00:00:00+04:00')),
    ];
    const run = (remember: boolean): { ledger: Release[]; models: ReportModel[] } => {
      let ledger: Release[] = [];
      const models: ReportModel[] = [];
      for (const period of periods) {
        const model = buildReportModel(
          input(records, {
            period: { from: period.from, to: period.to, label: period.label },
            actions: done,
            deskApplications: desk,
            invitationsByService: invited,
            ledger: remember ? ledger : undefined,
          }),
        );
        models.push(model);
        ledger = [...ledger, ...newReleases(ledger, modelReleases(model))];
      }
      return { ledger, models };
    };
    // Without the ledger the same outputs would give small groups away — decision figures among them.
    const careless = recoverableSmallGroups(run(false).ledger, MIN);
    expect(careless.some((found) => found.key.startsWith('forms:') || found.key.includes(':service:') || found.key.startsWith('question:'))).toBe(true);
    const { ledger, models } = run(true);
    // The run did publish decision figures of every kind…
    expect(ledger.some((r) => r.key.startsWith('forms:'))).toBe(true);
    expect(ledger.some((r) => /^driver:N[12]:\w+:service:/.test(r.key))).toBe(true);
    expect(models[0].actionEffects.length).toBe(2);
    // A window of the action done on 20.02 (after: 20.02–31.03), beside the periods' own figures.
    const twentieth = periodDays({ from: at('2026-02-20T00:00:00+04:00'), to: Q1.to });
    expect(ledger.some((r) => r.key === 'question:n1.docs_clear' && r.from === twentieth.from && r.to === twentieth.to)).toBe(true);
    // …and none of it, with everything else output, gives away a small group.
    expect(recoverableSmallGroups(ledger, MIN)).toEqual([]);
  });
});
