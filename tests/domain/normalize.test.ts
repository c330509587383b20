import { runInNewContext } from 'node:vm';
import { N1, N2, feedbackItemColumns } from '../../src/domain/forms';
import { normalizeFormResponse, normalizeOtherFeedback, normalizePaperRow, parseChannel, parseScore } from '../../src/domain/normalize';
import { FEEDBACK_HEADERS, feedbackLabel, feedbackTableRecords, recordToRow, rowToRecord } from '../../src/domain/feedback-row';
import { DEFAULT_THEMES } from '../../src/domain/themes';
import { CELL_LIMIT, TRUNCATION_MARKER } from '../../src/domain/sanitize';
import { DEFAULT_SERVICES } from '../../src/domain/services';
import type { FeedbackRecord } from '../../src/domain/types';

const services = DEFAULT_SERVICES;
import { startOfDay } from '../../src/domain/dates';
const at = new Date('2026-01-05T05:00:00Z');

function n1(answers: Record<string, unknown>) {
  return normalizeFormResponse({ form: N1, responseId: 'r1', timestamp: at, answers, channel: 'kiosk', services });
}
function n2(answers: Record<string, unknown>) {
  return normalizeFormResponse({ form: N2, responseId: 'r2', timestamp: at, answers, channel: 'email_link', services });
}

describe('parseScore', () => {
  test.each([
    [1, 1],
    [5, 5],
    ['4', 4],
    [' 3 ', 3],
    ['2.0', 2],
    ['\t5\n', 5],
  ])('%j → %j', (v, n) => expect(parseScore(v)).toBe(n));
  test.each([7, 0, -1, 2.5, '2.5', 'ხუთი', '', '4,5', '3-4', NaN, Infinity, true, null, '1e0', '0x3', ['4']])('%j is not a score', (v) =>
    expect(parseScore(v)).toBeNull(),
  );
});

describe('normalizeFormResponse', () => {
  test('a full N1 response', () => {
    const { record, empty, problems } = n1({
      'n1.service': 'newborn',
      'n1.heard_from': 'სოფლის რწმუნებული',
      'n1.info_easy': 4,
      'n1.docs_clear': '5',
      'n1.wait_ok': ' 2 ',
      'n1.staff_helpful': 5,
      'n1.access_ok': 3,
      'n1.next_steps_clear': 4,
      'n1.overall': 4,
      'n1.improve': '  რიგი ძალიან დიდი იყო\r\n',
      'n1.age_group': '65 და მეტი',
    });
    expect(empty).toBe(false);
    expect(problems).toEqual([]);
    expect(record).toEqual<FeedbackRecord>({
      id: 'r1',
      receivedAt: at,
      form: 'N1',
      channel: 'kiosk',
      service: 'newborn',
      answers: {
        'n1.heard_from': 'სოფლის რწმუნებული',
        'n1.info_easy': 4,
        'n1.docs_clear': 5,
        'n1.wait_ok': 2,
        'n1.staff_helpful': 5,
        'n1.access_ok': 3,
        'n1.next_steps_clear': 4,
        'n1.overall': 4,
        'n1.improve': 'რიგი ძალიან დიდი იყო',
        'n1.age_group': '65 და მეტი',
      },
      text: '',
      themes: ['queue'],
      staffTags: [],
      polarity: 'problem',
      staffPolarity: null,
      praiseThemes: [],
      quotable: false,
      flags: [],
    });
  });

  test('skips are null, never zero; required skip flagged', () => {
    const { record } = n1({ 'n1.service': 'newborn', 'n1.info_easy': 3 });
    expect(record!.answers['n1.overall']).toBeNull();
    expect(record!.answers['n1.docs_clear']).toBeNull();
    expect(record!.flags).toEqual(['n1.overall: სავალდებულო პასუხი აკლია']);
  });

  test.each([7, 0, 'ხუთი', 2.5])('score %j is kept out of the scores with a Georgian flag', (bad) => {
    const { record, problems } = n1({ 'n1.service': 'newborn', 'n1.overall': bad, 'n1.wait_ok': 4 });
    expect(record!.answers['n1.overall']).toBeNull();
    expect(record!.answers['n1.wait_ok']).toBe(4);
    // A number is quoted as the workbook (locale ka_GE) shows it: 2,5.
    const shown = String(bad).replace('.', ',');
    expect(record!.flags).toEqual([`n1.overall: „${shown}“ არ არის შეფასება 1-დან 5-მდე — ქულებში არ ჩაითვალა`]);
    expect(problems).toBe(record!.flags);
  });

  test('a service is resolved from its Georgian name; an unknown one is flagged', () => {
    expect(n1({ 'n1.service': ' ახალშობილთა ოჯახების ერთჯერადი ფინანსური დახმარება ', 'n1.overall': 5 }).record!.service).toBe('newborn');
    const unknown = n1({ 'n1.service': 'ბინის რემონტი', 'n1.overall': 5 }).record!;
    expect(unknown.service).toBe('unknown');
    expect(unknown.flags).toEqual(['უცნობი სერვისი „ბინის რემონტი“ — ჩაიწერა როგორც „უცნობი“']);
    const missing = n1({ 'n1.overall': 5 }).record!;
    expect(missing.service).toBe('unknown');
    expect(missing.flags).toEqual(['n1.service: სავალდებულო პასუხი აკლია']);
  });

  test('"other" text of heard_from is kept as given; age group off the list is kept and flagged', () => {
    const { record } = n1({ 'n1.service': 'newborn', 'n1.overall': 4, 'n1.heard_from': 'მეზობლისგან', 'n1.age_group': '17' });
    expect(record!.answers['n1.heard_from']).toBe('მეზობლისგან');
    expect(record!.answers['n1.age_group']).toBe('17');
    expect(record!.flags).toEqual(['n1.age_group: „17“ არ არის ჩამონათვალში']);
  });

  test('yes/no: Georgian kept, booleans mapped', () => {
    expect(n2({ 'n2.service': 'rent', 'n2.overall': 3, 'n2.problem': 'დიახ' }).record!.answers['n2.problem']).toBe('დიახ');
    expect(n2({ 'n2.service': 'rent', 'n2.overall': 3, 'n2.problem': false }).record!.answers['n2.problem']).toBe('არა');
    expect(n2({ 'n2.service': 'rent', 'n2.overall': 3, 'n2.problem': 'კი' }).record!.flags).toEqual(['n2.problem: „კი“ არ არის ჩამონათვალში']);
  });

  test('free texts are cleaned, tagged, and capped with a flag; formulas stay text in the record', () => {
    const long = 'რიგი '.repeat(12000);
    const { record } = n2({
      'n2.service': 'rent',
      'n2.overall': 2,
      'n2.problem_text': '=HYPERLINK("http://x","y")\u0000',
      'n2.improve': long,
      'n2.liked': 'თანამშრომელი თავაზიანი იყო',
    });
    expect(record!.answers['n2.problem_text']).toBe('=HYPERLINK("http://x","y")');
    const improve = record!.answers['n2.improve'] as string;
    expect(improve.length).toBe(CELL_LIMIT - 1);
    expect(improve.endsWith(TRUNCATION_MARKER)).toBe(true);
    expect(record!.flags).toEqual(['n2.improve: ტექსტი 50 000 სიმბოლოზე გრძელი იყო და შემოკლდა']);
    // The liked text is praise, the rest a problem: the record's polarity is the problem (themes.md),
    // its themes those of the problem, and the staff it praised are kept for what people liked.
    expect(record!.polarity).toBe('problem');
    expect(record!.themes).toEqual(['queue']);
    expect(record!.praiseThemes).toEqual(['staff']);
  });

  test('an empty submission (nothing, or nothing but the service) is not stored', () => {
    for (const answers of [{}, { 'n2.service': 'rent' }, { 'n2.service': 'rent', 'n2.liked': '   ', 'n2.overall': '' }, { 'n2.trust': null }]) {
      const result = n2(answers);
      expect(result).toEqual({ record: null, empty: true, problems: ['ცარიელი ფორმა: პასუხები არ არის, ჩანაწერი არ შეიქმნა'] });
    }
  });

  test('a submission with only an invalid score is stored (flagged), not counted as empty', () => {
    const { record, empty } = n2({ 'n2.overall': 9 });
    expect(empty).toBe(false);
    expect(record!.answers['n2.overall']).toBeNull();
    expect(record!.flags).toHaveLength(2);
  });

  test('arrays from the Apps Script realm are read', () => {
    const foreign = runInNewContext('["ტელევიზია/რადიო"]');
    expect(n1({ 'n1.service': 'fire', 'n1.overall': 5, 'n1.heard_from': foreign }).record!.answers['n1.heard_from']).toBe('ტელევიზია/რადიო');
  });
});

describe('normalizePaperRow', () => {
  const entered = new Date('2026-02-01T08:00:00Z');
  test('channel paper, typed date in Tbilisi time', () => {
    const { record } = normalizePaperRow({
      id: 'paper-2',
      receivedAt: '28.01.2026',
      answers: { 'n1.service': 'სხვა', 'n1.overall': '5' },
      enteredAt: entered,
      services,
    });
    expect(record).toMatchObject({ id: 'paper-2', form: 'N1', channel: 'paper', service: 'other', flags: [] });
    expect(record!.receivedAt.toISOString()).toBe('2026-01-27T20:00:00.000Z');
    expect(record!.answers['n1.overall']).toBe(5);
  });
  test('a bad date is flagged and the entry time stands in; a blank date is the entry time', () => {
    const bad = normalizePaperRow({ id: 'p', receivedAt: '31.02.2026', answers: { 'n1.service': 'fire', 'n1.overall': 4 }, enteredAt: entered, services });
    expect(bad.record!.receivedAt).toBe(entered);
    expect(bad.record!.flags).toEqual(['არასწორი თარიღი „31.02.2026“ — გამოიყენეთ ფორმატი დდ.თთ.წწწწ; ჩაიწერა შეტანის თარიღი']);
    const blank = normalizePaperRow({ id: 'p', receivedAt: '', answers: { 'n1.service': 'fire', 'n1.overall': 4 }, enteredAt: entered, services });
    expect(blank.record!.receivedAt).toBe(entered);
    expect(blank.record!.flags).toEqual([]);
  });
  test('an empty paper row is not stored', () => {
    const result = normalizePaperRow({ id: 'p', receivedAt: '01.02.2026', answers: { 'n1.service': 'fire' }, enteredAt: entered, services });
    expect(result.record).toBeNull();
    expect(result.empty).toBe(true);
  });
});

describe('normalizeOtherFeedback', () => {
  const entered = new Date('2026-02-01T08:00:00Z');
  const base = { id: 'o1', enteredAt: entered, services, receivedAt: '2026-01-30' };

  test('channel by id or Georgian name; service optional', () => {
    const { record } = normalizeOtherFeedback({ ...base, channel: 'ტელეფონი', service: '', text: 'ცნობის გამო ორჯერ მომიწია მოსვლა' });
    expect(record).toMatchObject({ form: 'other', channel: 'phone', service: 'unknown', answers: {}, themes: ['documents'], flags: [] });
    expect(record!.text).toBe('ცნობის გამო ორჯერ მომიწია მოსვლა');
    expect(normalizeOtherFeedback({ ...base, channel: 'letter', service: 'firewood', text: 'x' }).record).toMatchObject({
      channel: 'letter',
      service: 'firewood',
    });
  });

  test('an unknown channel becomes other, flagged; an unknown service is flagged', () => {
    const { record } = normalizeOtherFeedback({ ...base, channel: 'მტრედი', service: 'xyz', text: 'ტექსტი' });
    expect(record!.channel).toBe('other');
    expect(record!.flags).toEqual(['უცნობი არხი „მტრედი“ — ჩაიწერა როგორც „სხვა“', 'უცნობი სერვისი „xyz“ — ჩაიწერა როგორც „უცნობი“']);
  });

  test('an empty text is not stored', () => {
    expect(normalizeOtherFeedback({ ...base, channel: 'phone', service: 'rent', text: ' \n ' })).toMatchObject({ record: null, empty: true });
  });
});

describe('parseChannel', () => {
  test('ids and Georgian names', () => {
    expect(parseChannel('social')).toBe('social');
    expect(parseChannel(' PHONE ')).toBe('phone');
    expect(parseChannel('სოციალური ქსელი')).toBe('social');
    expect(parseChannel('ონლაინ (QR)')).toBe('kiosk');
    expect(parseChannel('fax')).toBeNull();
    expect(parseChannel('')).toBeNull();
  });
});

describe('feedback table rows', () => {
  test('FEEDBACK_HEADERS', () => {
    expect(FEEDBACK_HEADERS.slice(0, 6)).toEqual(['id', 'received_at', 'form', 'channel', 'service_name', 'service']);
    expect(FEEDBACK_HEADERS.slice(6, -10)).toEqual(feedbackItemColumns());
    expect(FEEDBACK_HEADERS.slice(-10)).toEqual([
      'text',
      'theme_names',
      'themes',
      'polarity',
      'praise_theme_names',
      'praise_themes',
      'staff_tags',
      'staff_polarity',
      'quotable',
      'flags',
    ]);
  });

  const n2Record = n2({
    'n2.service': 'rent',
    'n2.overall': 7,
    'n2.trust': 4,
    'n2.problem': 'დიახ',
    'n2.problem_text': '=1+1 რიგი',
    'n2.liked': "'ციტატა'",
  }).record!;
  n2Record.staffTags = ['documents', 'queue'];
  n2Record.staffPolarity = 'praise';
  n2Record.quotable = true;
  const other = normalizeOtherFeedback({
    id: 'o1',
    channel: 'social',
    service: 'canteen',
    receivedAt: '01.01.2026',
    text: '@everyone თანხა მცირეა',
    enteredAt: at,
    services,
  }).record!;
  const paper = normalizePaperRow({ id: 'p1', receivedAt: '', answers: { 'n1.service': 'fire', 'n1.overall': 4 }, enteredAt: at, services }).record!;

  test.each([
    ['N2', n2Record],
    ['other', other],
    ['paper N1', paper],
  ])('%s record round-trips', (_name, record) => {
    const row = recordToRow(record);
    expect(row).toHaveLength(FEEDBACK_HEADERS.length);
    // Everything but the time of day: the row keeps the day only.
    expect(rowToRecord(row)).toEqual({ ...record, receivedAt: startOfDay(record.receivedAt) });
  });

  test('an online answer’s time never reaches the row: the day only, in Tbilisi', () => {
    const late = new Date('2026-01-05T19:59:00Z'); // 23:59 in Tbilisi
    const row = recordToRow({ ...n2Record, receivedAt: late });
    expect((row[FEEDBACK_HEADERS.indexOf('received_at')] as Date).toISOString()).toBe('2026-01-04T20:00:00.000Z');
  });

  test('cells: formulas escaped, lists joined, blanks empty, dates as Date', () => {
    const row = recordToRow(n2Record);
    const cell = (column: string): unknown => row[FEEDBACK_HEADERS.indexOf(column)];
    expect(cell('n2.problem_text')).toBe("'=1+1 რიგი");
    expect(cell('n2.liked')).toBe("''ციტატა'");
    expect(cell('n2.overall')).toBe('');
    expect(cell('n2.trust')).toBe(4);
    expect(cell('n1.overall')).toBe('');
    // Staff's themes, the service and the channel show by their Georgian names; codes stay in the hidden columns.
    expect(cell('staff_tags')).toBe('საჭირო დოკუმენტები, რიგი და ლოდინი მერიაში');
    expect(cell('service')).toBe('rent');
    expect(cell('service_name')).toBe(DEFAULT_SERVICES.find((s) => s.code === 'rent')!.ka);
    expect(cell('channel')).toBe('ელფოსტის ბმული');
    expect(recordToRow(other)[FEEDBACK_HEADERS.indexOf('form')]).toBe('სხვა არხი');
    // Polarities show in Georgian: staff read and correct them there.
    expect(cell('polarity')).toBe('პრობლემა');
    expect(cell('staff_polarity')).toBe('შექება');
    expect(cell('quotable')).toBe(true);
    expect(cell('received_at')).toEqual(startOfDay(at));
    expect(cell('flags')).toBe(n2Record.flags.join('\n'));
    expect(recordToRow(other)[FEEDBACK_HEADERS.indexOf('text')]).toBe("'@everyone თანხა მცირეა");
  });

  test('rows as Sheets gives them back (apostrophe dropped, checkbox, foreign Date, staff-typed tags) are read', () => {
    const row = recordToRow(n2Record).map((value) => (typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value));
    row[FEEDBACK_HEADERS.indexOf('received_at')] = runInNewContext('new Date(Date.UTC(2026, 0, 4, 20))');
    row[FEEDBACK_HEADERS.indexOf('staff_tags')] = 'documents;queue, ';
    row[FEEDBACK_HEADERS.indexOf('staff_polarity')] = ' praise ';
    row[FEEDBACK_HEADERS.indexOf('quotable')] = 'TRUE';
    row[FEEDBACK_HEADERS.indexOf('n2.trust')] = '4';
    const back = rowToRecord(row);
    expect(back).toEqual({ ...n2Record, receivedAt: startOfDay(n2Record.receivedAt) });
    expect(back.answers['n2.liked']).toBe("'ციტატა'");
    expect(back.answers['n2.problem_text']).toBe('=1+1 რიგი');
  });

  test('a theme staff type by its Georgian label (any case, Mtavruli, stray spaces) is read back as its code; codes still read', () => {
    const staffTheme = { id: 'roads', ka: 'გზები სოფლამდე', en: 'გზები სოფლამდე', keywords: [] };
    const vocabulary = { services, themes: [...DEFAULT_THEMES, staffTheme] };
    const row = recordToRow(n2Record, FEEDBACK_HEADERS, vocabulary);
    row[FEEDBACK_HEADERS.indexOf('staff_tags')] = '  ᲠᲘᲒᲘ და ლოდინი   მერიაში ; გზები სოფლამდე, documents, ';
    expect(rowToRecord(row, FEEDBACK_HEADERS, vocabulary).staffTags).toEqual(['queue', 'roads', 'documents']);
    // A word that names no theme is kept as typed (a new theme staff have not added yet).
    row[FEEDBACK_HEADERS.indexOf('staff_tags')] = 'ახალი თემა';
    expect(rowToRecord(row, FEEDBACK_HEADERS, vocabulary).staffTags).toEqual(['ახალი თემა']);
  });

  test('the header row: Georgian labels, or the English keys of an older workbook, give the same records', () => {
    const records = [n2Record, other, paper];
    const labelled = [FEEDBACK_HEADERS.map(feedbackLabel), ...records.map((r) => recordToRow(r))];
    const legacy = [[...FEEDBACK_HEADERS], ...records.map((r) => recordToRow(r))];
    expect(FEEDBACK_HEADERS.map(feedbackLabel).filter((label) => /[a-z_]{3,}/.test(label))).toEqual([]);
    expect(new Set(FEEDBACK_HEADERS.map(feedbackLabel)).size).toBe(FEEDBACK_HEADERS.length);
    expect(feedbackTableRecords(labelled)).toEqual(feedbackTableRecords(legacy));
    expect(feedbackTableRecords(labelled).map((r) => r.service)).toEqual(['rent', 'canteen', 'fire']);
  });

  test('columns in another order (staff moved them) and missing columns', () => {
    const columns = [...FEEDBACK_HEADERS].reverse();
    expect(rowToRecord(recordToRow(other, columns), columns)).toEqual(other);
    const slim = ['id', 'form', 'n1.overall'];
    const back = rowToRecord(recordToRow(paper, slim), slim);
    expect(back.answers).toEqual({ 'n1.overall': 4 });
    expect(back.service).toBe('unknown');
    expect(back.channel).toBe('other');
  });
});
