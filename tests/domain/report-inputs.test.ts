import { FEEDBACK_HEADERS, recordToRow } from '../../src/domain/feedback-row';
import { countInvitationsSent, feedbackRecords, parseAction, parseActionRows, parseActionStatus } from '../../src/domain/report-inputs';
import type { FeedbackRecord } from '../../src/domain/types';

const Q1 = { from: new Date('2026-01-01T00:00:00+04:00'), to: new Date('2026-04-01T00:00:00+04:00') };

describe('countInvitationsSent', () => {
  it('counts sent rows inside [from, to) only', () => {
    const rows = [
      { status: 'გაგზავნილია', at: new Date('2026-01-01T00:00:00+04:00') }, // first instant: in
      { status: ' გაგზავნილია ', at: '2026-02-10T10:00:00+04:00' },
      { status: 'sent', at: '15.03.2026 09:30' },
      { status: 'გაგზავნილია', at: new Date('2026-04-01T00:00:00+04:00') }, // the end is exclusive
      { status: 'გაგზავნილია', at: '2025-12-31T23:59:00+04:00' },
      { status: 'ვერ გაიგზავნა', at: '2026-02-10T10:00:00+04:00' },
      { status: 'იგზავნება', at: '2026-02-10T10:00:00+04:00' },
      { status: 'გაგზავნილია', at: '' },
      { status: '', at: '2026-02-10T10:00:00+04:00' },
    ];
    expect(countInvitationsSent(rows, Q1)).toBe(3);
  });
});

describe('feedbackRecords', () => {
  it('reads the tab by its header, skipping blank rows, whatever the column order', () => {
    const record: FeedbackRecord = {
      id: 'a1',
      receivedAt: new Date('2026-02-01T10:00:00+04:00'),
      form: 'N1',
      channel: 'kiosk',
      service: 'newborn',
      answers: { 'n1.overall': 4 },
      text: '',
      themes: ['waiting'],
      staffTags: [],
      polarity: 'problem',
      staffPolarity: null,
      praiseThemes: [],
      quotable: true,
      flags: [],
    };
    const header = [...FEEDBACK_HEADERS].reverse();
    const values = [header, recordToRow(record, header), header.map(() => ''), recordToRow({ ...record, id: 'a2' }, header)];
    const records = feedbackRecords(values);
    expect(records.map((r) => r.id)).toEqual(['a1', 'a2']);
    expect(records[0]).toMatchObject({
      channel: 'kiosk',
      service: 'newborn',
      answers: expect.objectContaining({ 'n1.overall': 4 }),
      quotable: true,
      themes: ['waiting'],
    });
    expect(feedbackRecords([header])).toEqual([]);
    expect(feedbackRecords([])).toEqual([]);
  });
});

describe('parseActionRows', () => {
  const row = (fields: Record<string, unknown>) => ({
    problem: 'რიგი',
    service: 'ახალშობილთა დახმარება',
    theme: 'waiting',
    decision: 'ფანჯარა',
    owner: 'ნინო',
    due: '01.02.2026',
    status: 'მიმდინარეობს',
    meetingDate: '',
    publicWording: "'=გასაჯაროება",
    ...fields,
  });

  it('reads statuses, dates and escaped texts; skips empty rows; resolves services', () => {
    const actions = parseActionRows([row({}), row({ problem: '', decision: '' }), row({ status: 'ხვალ', due: 'ორშაბათს', service: '' })], (typed) =>
      typed === 'ახალშობილთა დახმარება' ? 'newborn' : typed,
    );
    expect(actions).toHaveLength(2);
    expect(actions[0]).toMatchObject({ service: 'newborn', status: 'in_progress', publicWording: '=გასაჯაროება' });
    expect(actions[0].due?.getTime()).toBe(new Date('2026-02-01T00:00:00+04:00').getTime());
    expect(actions[1]).toMatchObject({ service: '', status: 'planned', due: null });
  });

  it('reads one row the same way the list does: null for a row with no problem and no decision', () => {
    expect(parseAction(row({ problem: '', decision: '  ' }))).toBeNull();
    expect(parseAction(row({ status: ' IN_PROGRESS ', owner: "'+ნინო" }))).toMatchObject({
      status: 'in_progress',
      owner: '+ნინო',
      service: 'ახალშობილთა დახმარება',
    });
    expect(parseAction({ decision: 'მხოლოდ გადაწყვეტილება' })).toMatchObject({
      problem: '',
      decision: 'მხოლოდ გადაწყვეტილება',
      status: 'planned',
      due: null,
      meetingDate: null,
    });
  });

  it('knows every status by its Georgian name and its id', () => {
    expect(['დაგეგმილია', 'მიმდინარეობს', 'შესრულებულია', 'done', ''].map(parseActionStatus)).toEqual(['planned', 'in_progress', 'done', 'done', 'planned']);
  });
});
