/**
 * feedback.json (../shared/scenario.md, additional output): the feedback table as records, read by
 * the product's own reader of its table, so column order and header wording do not matter.
 * The replay part runs the BUILT bundle (run `npm run build` first; npm test does).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../replay/demo';
import { type FeedbackJsonRecord, feedbackJson, feedbackJsonRecord } from '../../replay/feedback-json';
import { FEEDBACK_HEADERS, recordToRow } from '../../src/domain/feedback-row';
import { safeName } from '../../replay/output';
import { TABS } from '../../src/domain/schema';
import { WORKBOOK_NAME } from '../../replay/player';
import { at, feedbackRecord } from '../support/records';

const CONTRACT_KEYS = ['id', 'form', 'channel', 'service', 'date', 'answers', 'text', 'themes', 'polarity', 'flags', 'quotable'];

describe('feedbackJson', () => {
  const records = [
    feedbackRecord({
      id: 'a',
      answers: { 'n1.overall': 2, 'n1.improve': 'რიგი ძალიან დიდი იყო', 'n1.wait_ok': null },
      themes: ['queue'],
      quotable: true,
    }),
    feedbackRecord({ id: 'b', form: 'N2', answers: { 'n2.overall': 5, 'n2.liked': 'თავაზიანები იყვნენ' }, themes: ['staff'], staffTags: ['information'] }),
    feedbackRecord({ id: 'c', form: 'other', channel: 'phone', service: 'unknown', text: 'ქირა ორი თვეა არ ჩარიცხულა', flags: ['შენიშვნა'] }),
    // Withdrawn: the row stays under its id, with no date.
    feedbackRecord({ id: 'd', receivedAt: new Date(Number.NaN), flags: ['გაუქმდა'] }),
  ];
  const table = (columns: readonly string[]) => [columns, ...records.map((r) => recordToRow(r, columns))];

  it('gives every record with the contract keys, its free texts with their item ids and the themes staff set', () => {
    const out = feedbackJson(table(FEEDBACK_HEADERS));
    expect(out.map((r) => Object.keys(r))).toEqual(records.map(() => CONTRACT_KEYS));
    expect(out[0]).toEqual({
      id: 'a',
      form: 'N1',
      channel: 'paper',
      service: 'newborn',
      // As stored: the table keeps the day only (no time that could tie an answer to an invitation).
      date: at('2026-02-10T00:00:00+04:00').toISOString(),
      answers: expect.objectContaining({ 'n1.overall': 2, 'n1.improve': 'რიგი ძალიან დიდი იყო', 'n1.wait_ok': null }),
      text: [{ item: 'n1.improve', text: 'რიგი ძალიან დიდი იყო' }],
      themes: ['queue'],
      polarity: 'problem',
      flags: [],
      quotable: true,
    });
    expect(out[1]).toMatchObject({ form: 'N2', text: [{ item: 'n2.liked', text: 'თავაზიანები იყვნენ' }], themes: ['information'] });
    expect(out[2]).toMatchObject({
      form: 'other',
      channel: 'phone',
      service: 'unknown',
      text: [{ item: 'text', text: 'ქირა ორი თვეა არ ჩარიცხულა' }],
      flags: ['შენიშვნა'],
    });
    expect(out[3]).toMatchObject({ id: 'd', date: null, flags: ['გაუქმდა'] });
  });

  it('reads the table by the product’s schema, whatever the order of its columns', () => {
    const shuffled = [...FEEDBACK_HEADERS].reverse();
    expect(feedbackJson(table(shuffled))).toEqual(feedbackJson(table(FEEDBACK_HEADERS)));
    expect(feedbackJson([FEEDBACK_HEADERS])).toEqual([]);
  });

  it('writes the polarity staff set, else the automatic one, and praise themes after the others', () => {
    expect(feedbackJsonRecord(feedbackRecord({ polarity: 'problem' })).polarity).toBe('problem');
    expect(feedbackJsonRecord(feedbackRecord({ polarity: 'problem', staffPolarity: 'suggestion' })).polarity).toBe('suggestion');
    expect(feedbackJsonRecord(feedbackRecord({ themes: ['queue'], praiseThemes: ['staff'] })).themes).toEqual(['queue', 'staff']);
    // Staff's tags replace every automatic theme.
    expect(feedbackJsonRecord(feedbackRecord({ themes: ['queue'], praiseThemes: ['staff'], staffTags: ['documents'] })).themes).toEqual(['documents']);
  });
});

describe('the replay writes feedback.json', () => {
  const work = mkdtempSync(join(tmpdir(), 'ukukavshiri-feedback-json-'));
  let records: FeedbackJsonRecord[];
  let tab: { values: unknown[][] };
  beforeAll(() => {
    const file = join(work, 'scenario.json');
    const out = join(work, 'out');
    writeFileSync(
      file,
      JSON.stringify({
        responses: [
          {
            form: 'N1',
            channel: 'kiosk',
            submittedAt: '2026-01-07T10:00:00+04:00',
            answers: { 'n1.service': 'newborn', 'n1.overall': 2, 'n1.improve': 'რიგი ძალიან დიდი იყო' },
          },
          {
            form: 'N2',
            channel: 'email_link',
            submittedAt: '2026-01-08T10:00:00+04:00',
            answers: { 'n2.service': 'newborn', 'n2.overall': 5, 'n2.liked': 'სწრაფად განიხილეს' },
          },
        ],
        otherFeedback: [{ channel: 'phone', service: 'newborn', receivedAt: '2026-01-09T10:00:00+04:00', text: 'ბინის ქირის დახმარება ორი თვეა არ ჩარიცხულა' }],
      }),
      'utf8',
    );
    const spy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(main(['--scenario', file, '--out', out])).toBe(0);
    } finally {
      spy.mockRestore();
    }
    records = JSON.parse(readFileSync(join(out, 'feedback.json'), 'utf8')) as FeedbackJsonRecord[];
    tab = JSON.parse(readFileSync(join(out, 'spreadsheets', safeName(WORKBOOK_NAME), `${safeName(TABS.feedback.name)}.json`), 'utf8'));
  }, 180_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds one record per row of the feedback tab, with every channel’s text and its item id', () => {
    const rows = tab.values.slice(1).filter((row) => row.some((v) => v !== ''));
    expect(records).toHaveLength(rows.length);
    expect(records).toHaveLength(3);
    for (const record of records) expect(Object.keys(record)).toEqual(CONTRACT_KEYS);
    const byForm = Object.fromEntries(records.map((r) => [r.form, r]));
    expect(byForm.N1).toMatchObject({ channel: 'kiosk', service: 'newborn', answers: expect.objectContaining({ 'n1.overall': 2 }) });
    expect(byForm.N1.text).toEqual([{ item: 'n1.improve', text: 'რიგი ძალიან დიდი იყო' }]);
    expect(byForm.N2).toMatchObject({ channel: 'email_link', service: 'newborn', answers: expect.objectContaining({ 'n2.overall': 5 }) });
    expect(byForm.N2.text).toEqual([{ item: 'n2.liked', text: 'სწრაფად განიხილეს' }]);
    expect(byForm.other).toMatchObject({ channel: 'phone', service: 'newborn', text: [{ item: 'text', text: 'ბინის ქირის დახმარება ორი თვეა არ ჩარიცხულა' }] });
    // An other-channel note is stored as its day: Tbilisi midnight.
    expect(byForm.other.date).toBe(new Date('2026-01-09T00:00:00+04:00').toISOString());
    for (const record of records) {
      expect(['problem', 'praise', 'suggestion', 'none']).toContain(record.polarity);
      expect(Array.isArray(record.themes)).toBe(true);
      expect(typeof record.quotable).toBe('boolean');
    }
  });
});
