import { OVERDUE_BACKGROUND, buildAgenda, isOverdue, overdueBackgrounds, responseRateLine } from '../../src/domain/agenda';
import { parseAction } from '../../src/domain/report-inputs';
import type { DocBlock } from '../../src/domain/doc-blocks';
import { buildReportModel } from '../../src/domain/report-model';
import type { FeedbackRecord } from '../../src/domain/types';
import { actionRecord as action, at, feedbackRecord } from '../support/records';

const NOW = at('2026-04-02T10:00:00+04:00');

describe('actions register', () => {
  it('reads Georgian and id statuses; a blank status is planned; empty rows are no action', () => {
    expect(parseAction({ problem: 'p', decision: 'd', status: 'შესრულებულია', due: '31.03.2026' })).toMatchObject({
      status: 'done',
      due: at('2026-03-31T00:00:00+04:00'),
    });
    expect(parseAction({ problem: 'p', status: 'in_progress' })?.status).toBe('in_progress');
    expect(parseAction({ decision: 'd', status: '' })?.status).toBe('planned');
    expect(parseAction({ problem: '', decision: ' ', status: 'planned' })).toBeNull();
  });

  it('is overdue only when open and due before today (Tbilisi)', () => {
    expect(isOverdue(action({ due: at('2026-04-01T00:00:00+04:00') }), NOW)).toBe(true);
    expect(isOverdue(action({ due: at('2026-04-02T00:00:00+04:00') }), NOW)).toBe(false); // due today
    expect(isOverdue(action({ due: at('2026-04-01T00:00:00+04:00'), status: 'done' }), NOW)).toBe(false);
    expect(isOverdue(action({ due: null }), NOW)).toBe(false);
  });

  it('colours whole overdue rows and resets the others', () => {
    const rows = [action({ due: at('2026-03-01T00:00:00+04:00') }), null, action({ due: at('2026-05-01T00:00:00+04:00') })];
    expect(overdueBackgrounds(rows, 2, NOW)).toEqual([
      [OVERDUE_BACKGROUND, OVERDUE_BACKGROUND],
      [null, null],
      [null, null],
    ]);
  });
});

describe('meeting agenda', () => {
  const records: FeedbackRecord[] = Array.from({ length: 8 }, (_, i) => ({
    id: `r${i}`,
    receivedAt: at('2026-02-10T10:00:00+04:00'),
    form: 'N1',
    channel: 'paper',
    service: 'newborn',
    answers: { 'n1.overall': i < 6 ? 5 : 1, 'n1.docs_clear': 1 },
    text: '',
    themes: [],
    staffTags: ['documents'],
    polarity: 'problem',
    staffPolarity: null,
    praiseThemes: [],
    quotable: false,
    flags: [],
  }));
  records[0].answers['n1.improve'] = 'ნინო ბერიძემ მითხრა, რომ საბუთები დაიკარგა, 555123456';
  // Six letters with a problem and no theme: counted as uncategorised. Two praising the staff: too few to name.
  for (let i = 0; i < 8; i++) {
    records.push({
      ...records[0],
      id: `o${i}`,
      form: 'other',
      channel: 'letter',
      answers: {},
      text: 'ცუდად იყო',
      staffTags: [],
      polarity: i < 6 ? 'problem' : 'praise',
      themes: i < 6 ? [] : ['staff'],
    });
  }
  const model = buildReportModel({
    records,
    actions: [],
    period: { from: at('2026-01-01T00:00:00+04:00'), to: at('2026-04-01T00:00:00+04:00'), label: '2026 წლის I კვარტალი' },
    invitationsSent: 0,
    minGroupSize: 5,
    services: [{ code: 'newborn', ka: 'ახალშობილთა დახმარება', invite: true }],
    language: 'ka',
    internal: true,
  });
  const blocks = buildAgenda({
    model,
    actions: [
      action({ decision: 'ვადაგადაცილებული გადაწყვეტილება', due: at('2026-03-01T00:00:00+04:00') }),
      action({ decision: 'მომავალი გადაწყვეტილება', due: at('2026-06-01T00:00:00+04:00'), status: 'in_progress' }),
      action({ decision: 'დასრულებული გადაწყვეტილება', status: 'done' }),
    ],
    municipality: 'ამბროლაურის მერია',
    preparedAt: NOW,
    themeLabels: { documents: 'დოკუმენტები' },
    serviceNames: { newborn: 'ახალშობილთა დახმარება' },
    knownNames: ['ნინო ბერიძე'],
    minGroupSize: 5,
  });
  const tables = blocks.filter((b): b is Extract<DocBlock, { kind: 'table' }> => b.kind === 'table');

  it('lists the main problems with their evidence', () => {
    const questions = tables.find((t) => t.header[0] === 'შეკითხვა');
    expect(questions?.rows[0][0]).toContain('n1.docs_clear');
    expect(questions?.rows[0][1]).toMatch(/^0% \(95% ინტ\.: 0%–\d+%\)$/);
    expect(questions?.rows[0][2]).toBe('1,0'); // the mean, with the Georgian decimal comma
    const themes = tables.find((t) => t.header[0] === 'თემა');
    expect(themes?.rows[0].slice(0, 2)).toEqual(['დოკუმენტები', '8']);
    // Comments in the agenda are redacted too.
    expect(themes?.rows[0][2]).toContain('საბუთები დაიკარგა');
    expect(themes?.rows[0][2]).not.toMatch(/ნინო|ბერიძ|555123456/);
    expect(themes?.header.slice(0, 2)).toEqual(['თემა', 'ტექსტები']);
    expect(themes?.rows[1]).toEqual(['უკატეგორიო', '6', '']);
    expect(blocks.some((b) => b.kind === 'paragraph' && b.text.startsWith('რა მოეწონათ'))).toBe(false);
  });

  it('lists open actions, overdue first and marked, and leaves done ones out', () => {
    const open = tables.find((t) => t.header.includes('გადაწყვეტილება') && t.rows.some((r) => r[1] !== ''));
    expect(open?.rows.map((r) => r[1])).toEqual(['ვადაგადაცილებული გადაწყვეტილება', 'მომავალი გადაწყვეტილება']);
    expect(open?.rows[0][4]).toContain('ვადაგადაცილებულია');
    expect(open?.rows[1][4]).not.toContain('ვადაგადაცილებულია');
  });

  it('ends with an empty decisions table and says where decisions go', () => {
    const decisions = tables[tables.length - 1];
    expect(decisions.header).toEqual(['პრობლემა', 'გადაწყვეტილება', 'პასუხისმგებელი', 'ვადა']);
    expect(decisions.rows.length).toBeGreaterThan(0);
    expect(decisions.rows.every((r) => r.every((c) => c === ''))).toBe(true);
    expect(blocks.some((b) => b.kind === 'paragraph' && b.text.includes('„ღონისძიებები“'))).toBe(true);
  });
});

describe('agenda: N2 response rate', () => {
  const Q1 = { from: at('2026-01-01T00:00:00+04:00'), to: at('2026-04-01T00:00:00+04:00'), label: '2026 წლის I კვარტალი' };
  const n2 = (count: number): FeedbackRecord[] => Array.from({ length: count }, () => feedbackRecord({ form: 'N2', answers: { 'n2.overall': 4 } }));
  const modelOf = (responses: number, invitationsSent: number) =>
    buildReportModel({
      records: n2(responses),
      actions: [],
      period: Q1,
      invitationsSent,
      minGroupSize: 5,
      services: [{ code: 'newborn', ka: 'ახალშობილთა დახმარება', invite: true }],
      language: 'ka',
      internal: true,
    });
  const bullets = (responses: number, invitationsSent: number): string[] => {
    const blocks = buildAgenda({
      model: modelOf(responses, invitationsSent),
      actions: [],
      municipality: 'მერია',
      preparedAt: NOW,
      themeLabels: {},
      serviceNames: {},
      knownNames: [],
      minGroupSize: 5,
    });
    const first = blocks.find((b): b is Extract<DocBlock, { kind: 'bullets' }> => b.kind === 'bullets');
    return first?.items ?? [];
  };

  it('shows N2 responses over the invitations sent, as in the analysis report', () => {
    // 6 responses to 8 invitations: 75 %.
    expect(bullets(6, 8)).toContain('N2 გამოხმაურების მაჩვენებელი: 75% (6 პასუხი 8 მოწვევაზე)');
    expect(responseRateLine(modelOf(0, 4), 5)).toBe('N2 გამოხმაურების მაჩვენებელი: 0% (0 პასუხი 4 მოწვევაზე)');
  });

  it('withholds the rate of fewer respondents than the minimum, and says when nothing was sent', () => {
    const few = responseRateLine(modelOf(3, 8), 5);
    expect(few).toBe('N2 გამოხმაურების მაჩვენებელი: 5-ზე ნაკლები პასუხი — არ ქვეყნდება (8 მოწვევა)');
    expect(few).not.toMatch(/%/);
    expect(responseRateLine(modelOf(6, 0), 5)).toBe('N2 გამოხმაურების მაჩვენებელი: — (პერიოდში N2 მოწვევა არ გაგზავნილა)');
  });
});
