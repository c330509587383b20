import { blocksToHtmlFragment, blocksToText } from '../../src/domain/doc-blocks';
import { FORMS, likertItems } from '../../src/domain/forms';
import { POST_LIMIT, buildPublicReport, publicHtmlFragment, socialPost, type PublicReportInput } from '../../src/domain/public-report';
import { REDACTED } from '../../src/domain/redact';
import { buildReportModel } from '../../src/domain/report-model';
import type { ActionRecord, FeedbackRecord, Service } from '../../src/domain/types';
import { actionRecord, at, feedbackRecord } from '../support/records';

const Q1 = { from: at('2026-01-01T00:00:00+04:00'), to: at('2026-04-01T00:00:00+04:00'), label: '2026 წლის I კვარტალი' };
const SERVICES: Service[] = [
  { code: 'newborn', ka: 'ახალშობილთა დახმარება', invite: true },
  { code: 'firewood', ka: 'საშეშე მერქნით უზრუნველყოფა', invite: true },
];
const PDF_URL = 'https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/view?usp=drivesdk';

const record = feedbackRecord;

/** An action of the last meeting, due in May, with no public wording unless given. */
function action(fields: Partial<ActionRecord>): ActionRecord {
  return actionRecord({
    problem: 'რიგი კანცელარიაში',
    decision: 'მეორე ფანჯრის გახსნა',
    owner: 'კანცელარიის უფროსი',
    due: at('2026-05-01T00:00:00+04:00'),
    meetingDate: at('2026-04-05T00:00:00+04:00'),
    ...fields,
  });
}

/** Every personal datum planted below, in every format the redaction must catch. */
const PLANTED = {
  email: 'nino.beridze@gmail.com',
  mobile: '+995 555 12 34 56',
  mobileDashed: '599-123-456',
  tbilisi: '(032) 2 12 34 56',
  regional: '0439 22 12 34',
  personalNumber: '01001012345',
  nameKa: 'ნინო ბერიძე',
  surnameInflected: 'ბერიძემ',
  nameLatin: 'Levan Kapanadze',
};
const KNOWN_NAMES = ['ნინო ბერიძე', 'Levan Kapanadze', 'თამარ გელაშვილი'];
/** Pieces that must never reach a public text. */
const FORBIDDEN = [
  'nino.beridze',
  'gmail.com',
  '555 12 34 56',
  '599-123-456',
  '2 12 34 56',
  '22 12 34',
  '01001012345',
  'ნინო',
  'ბერიძ',
  'Levan',
  'Kapanadze',
  'გელაშვილ',
];

/**
 * 12 N1 responses: 10 for newborn (published), 2 for medical; 3 for firewood. Firewood and medical
 * are below the minimum of 5 but together reach it, so newborn may be published beside them.
 */
function scoredRecords(): FeedbackRecord[] {
  const records: FeedbackRecord[] = [];
  for (let i = 0; i < 12; i++) {
    const service = i >= 10 ? 'medical' : 'newborn';
    records.push(record({ service, answers: { 'n1.overall': i < 9 ? 5 : 2, 'n1.staff_helpful': 5, 'n1.wait_ok': i < 3 ? 4 : 1 } }));
  }
  for (let i = 0; i < 3; i++) records.push(record({ service: 'firewood', answers: { 'n1.overall': 1 } }));
  // One N2 response: every N2 question is a group of one.
  records.push(record({ form: 'N2', channel: 'email_link', answers: { 'n2.overall': 1, 'n2.trust': 1 } }));
  return records;
}

function plantedComments(): FeedbackRecord[] {
  return [
    record({
      quotable: true,
      answers: { 'n1.improve': `მომწერეთ ${PLANTED.email} ან დამირეკეთ ${PLANTED.mobile}, რიგი ძალიან დიდი იყო` },
    }),
    record({
      quotable: true,
      receivedAt: at('2026-03-01T10:00:00+04:00'),
      form: 'other',
      channel: 'phone',
      text: `${PLANTED.surnameInflected} თქვა, რომ ${PLANTED.mobileDashed} და ${PLANTED.tbilisi} არ პასუხობს; პ/ნ ${PLANTED.personalNumber}`,
    }),
    record({
      quotable: true,
      form: 'N2',
      channel: 'email_link',
      answers: { 'n2.liked': `${PLANTED.nameLatin} was kind, call ${PLANTED.regional}. <script>alert(1)</script>` },
    }),
    // Not marked quotable: never published, whatever it says.
    record({ answers: { 'n1.improve': 'არაციტირებადი შინაარსი XYZ' } }),
    // Quotable but outside the period.
    record({ quotable: true, receivedAt: at('2025-12-20T10:00:00+04:00'), answers: { 'n1.improve': 'წინა კვარტლის ციტატა QQQ' } }),
  ];
}

function reportInput(records: FeedbackRecord[], actions: ActionRecord[], overrides: Partial<PublicReportInput> = {}): PublicReportInput {
  const model = buildReportModel({
    records,
    actions: [],
    period: Q1,
    invitationsSent: 0,
    minGroupSize: 5,
    services: SERVICES,
    language: 'ka',
    internal: false,
  });
  return {
    model,
    records,
    actions,
    knownNames: KNOWN_NAMES,
    municipality: 'ამბროლაურის მუნიციპალიტეტის მერია',
    publishedAt: at('2026-04-10T12:00:00+04:00'),
    themeLabels: { waiting: 'რიგი და ლოდინი' },
    serviceNames: Object.fromEntries(SERVICES.map((s) => [s.code, s.ka])),
    minGroupSize: 5,
    ...overrides,
  };
}

function allOutputs(input: PublicReportInput): { text: string; html: string; post: string } {
  const report = buildPublicReport(input);
  return { text: blocksToText(report.blocks), html: publicHtmlFragment(report, PDF_URL), post: socialPost(report, PDF_URL) };
}

describe('public report: personal data', () => {
  const actions = [
    action({ status: 'done', publicWording: `გავხსენით მეორე ფანჯარა; კითხვებზე პასუხობს ${PLANTED.nameLatin}, ტელ. ${PLANTED.mobile}` }),
    action({ status: 'in_progress', publicWording: 'ვამატებთ პანდუსს შესასვლელთან' }),
    action({ decision: 'შიდა გადაწყვეტილება უფორმულირებოდ', publicWording: '' }),
  ];
  const input = reportInput([...scoredRecords(), ...plantedComments()], actions);
  const outputs = allOutputs(input);

  it.each(Object.entries({ text: outputs.text, html: outputs.html, post: outputs.post }))('no planted datum reaches the %s', (_, out) => {
    for (const piece of FORBIDDEN) expect(out).not.toContain(piece);
  });

  it('quotes the quotable comments of the period, redacted, and nothing else', () => {
    expect(outputs.text).toContain(REDACTED);
    expect(outputs.text).toContain('რიგი ძალიან დიდი იყო');
    expect(outputs.text).toContain('was kind');
    expect(outputs.text).not.toContain('არაციტირებადი');
    expect(outputs.text).not.toContain('QQQ');
  });

  it('publishes actions only in their public wording, redacted', () => {
    expect(outputs.text).toContain('გავხსენით მეორე ფანჯარა');
    expect(outputs.text).toContain('ვამატებთ პანდუსს შესასვლელთან');
    expect(outputs.text).not.toContain('შიდა გადაწყვეტილება');
    expect(outputs.text).not.toContain('მეორე ფანჯრის გახსნა'); // a decision, not a wording
    expect(outputs.text).not.toContain('კანცელარიის უფროსი'); // owners are internal
  });

  it('escapes the HTML fragment and links the PDF', () => {
    expect(outputs.html).not.toContain('<script>');
    expect(outputs.html).toContain('&lt;script&gt;');
    expect(outputs.html).toContain(`<a href="${PDF_URL}">`);
    expect(outputs.html.startsWith('<section')).toBe(true);
    expect(outputs.html).not.toMatch(/<html|<head|<body|<link|<style/);
  });
});

describe('public report: Georgian wording', () => {
  it('names the period without gluing a case ending onto its label (a year label is "2026 წელი")', () => {
    const year = { from: at('2026-01-01T00:00:00+04:00'), to: at('2027-01-01T00:00:00+04:00'), label: '2026 წელი' };
    const base = reportInput(scoredRecords(), []);
    const text = allOutputs({ ...base, model: { ...base.model, period: year } }).text;
    expect(text).toContain('რა გვითხარით ამ პერიოდში (2026 წელი) და რას ვცვლით');
    expect(text).not.toMatch(/წელი-ში|კვარტალი \d{4}-ში/);
  });
});

describe('public report: small groups', () => {
  const records = [...scoredRecords(), ...plantedComments()];
  const outputs = allOutputs(reportInput(records, []));

  it('never names a service, or shows a question, with fewer respondents than the minimum', () => {
    for (const out of [outputs.text, outputs.html]) {
      expect(out).not.toContain('საშეშე'); // 3 firewood responses
      for (const item of likertItems(FORMS.N2)) expect(out).not.toContain(item.ka.replace(/\.$/, '')); // 1 N2 response
      expect(out).toContain('ახალშობილთა დახმარება'); // 12 newborn responses
    }
  });

  it('shows the published figures: the satisfied share of each form apart, valued and hard questions', () => {
    // 12 newborn + 3 firewood = 15 N1 overall answers, 9 of them 4–5: 60 %; the one N2 answer is not pooled in.
    expect(outputs.text).toContain('კმაყოფილება განცხადების მიღებით (N1): 60% (15 მოპასუხიდან)');
    expect(outputs.text).toContain('კმაყოფილება მომსახურებით (N2): გამოსაქვეყნებლად პასუხები ჯერ საკმარისი არ არის');
    expect(outputs.text).not.toContain('56%');
    const valued = outputs.text.indexOf('რა მოგეწონათ');
    const hard = outputs.text.indexOf('რა გაგიჭირდათ');
    const staff = outputs.text.indexOf('კანცელარიის თანამშრომელი იყო თავაზიანი და დამეხმარა');
    const wait = outputs.text.indexOf('განცხადების წარდგენას (რიგში ლოდინის ჩათვლით) გონივრული დრო დასჭირდა');
    expect(valued).toBeGreaterThan(0);
    expect(staff).toBeGreaterThan(valued);
    expect(staff).toBeLessThan(hard);
    expect(wait).toBeGreaterThan(hard);
    expect(outputs.text).toContain('ეთანხმება 100% (12 პასუხი)');
    expect(outputs.text).toContain('ეთანხმება 25% (12 პასუხი)');
  });

  it('charts the services its table shows, each bar named as its row and in the same order, drawn for print', () => {
    const report = buildPublicReport(reportInput(records, []));
    const index = report.blocks.findIndex((b) => b.kind === 'chart');
    const chart = report.blocks[index];
    const table = report.blocks[index + 1];
    if (chart?.kind !== 'chart' || table?.kind !== 'table') throw new Error('expected a chart followed by the services table');
    expect(table.header[0]).toBe('სერვისი');
    const labels = chart.alt
      .split(': ')
      .slice(1)
      .join(': ')
      .split('; ')
      .map((part) => part.split(': ')[0]);
    expect(labels).toEqual(table.rows.map((row) => row[0]));
    expect(labels).toContain('ახალშობილთა დახმარება');
    expect(chart.width).toBeGreaterThanOrEqual((300 / 72) * chart.widthPt);
  });

  it('withholds a service whose figure would give away a small one by subtraction from the overall', () => {
    // 12 newborn and 3 firewood: overall and newborn together would tell how the 3 answered.
    const records = [
      ...Array.from({ length: 12 }, () => record({ answers: { 'n1.overall': 5 } })),
      ...Array.from({ length: 3 }, () => record({ service: 'firewood', answers: { 'n1.overall': 1 } })),
    ];
    const out = allOutputs(reportInput(records, []));
    expect(out.text).toContain('კმაყოფილება განცხადების მიღებით (N1): 80% (15 მოპასუხიდან)');
    expect(out.text).toContain('კმაყოფილება მომსახურებით (N2): მონაცემი არ არის');
    expect(out.text).not.toContain('ახალშობილთა დახმარება');
    expect(out.text).not.toContain('100%');
  });

  it('withholds every figure when the whole period is below the minimum', () => {
    const few = [record({ answers: { 'n1.overall': 5 } }), record({ answers: { 'n1.overall': 1 } })];
    const out = allOutputs(reportInput(few, []));
    expect(out.text).toContain('5-ზე ნაკლები');
    expect(out.text).not.toMatch(/\d+%/);
    expect(out.post).not.toMatch(/\d+%/);
    expect(out.post).not.toMatch(/მიღებულია 2 /);
  });
});

describe('public report: themes', () => {
  const labels = { payment_delay: 'ჩარიცხვა და მიწოდება', staff: 'თანამშრომლების მოპყრობა', access: 'შენობა და მისასვლელობა' };
  const records = [
    // Phone notes: no scores, and their problems count all the same.
    ...Array.from({ length: 6 }, () => record({ form: 'other', channel: 'phone', text: 'ქირის თანხა არ მოსულა', themes: ['payment_delay'] })),
    ...Array.from({ length: 5 }, () => record({ answers: { 'n1.overall': 5, 'n1.improve': 'თავაზიანები იყვნენ' }, themes: ['staff'], polarity: 'praise' })),
    // Two letters about the building: fewer than the minimum, never named.
    ...Array.from({ length: 2 }, () => record({ form: 'other', channel: 'letter', text: 'კიბეა', themes: ['access'] })),
  ];
  const out = allOutputs(reportInput(records, [], { themeLabels: labels }));

  it('names the problems of every channel under what was hard, the praise under what people liked', () => {
    const valued = out.text.indexOf('რა მოგეწონათ');
    const hard = out.text.indexOf('რა გაგიჭირდათ');
    const praise = out.text.indexOf('ყველაზე ხშირად შეგვაქეთ: თანამშრომლების მოპყრობა (5)');
    const problems = out.text.indexOf('ყველაზე ხშირად გვწერდით პრობლემაზე, რომელიც ეხებოდა: ჩარიცხვა და მიწოდება (6)');
    expect(praise).toBeGreaterThan(valued);
    expect(praise).toBeLessThan(hard);
    expect(problems).toBeGreaterThan(hard);
  });

  it('never names a theme fewer people than the minimum wrote about', () => {
    expect(out.text).not.toContain('შენობა და მისასვლელობა');
    expect(out.html).not.toContain('შენობა და მისასვლელობა');
  });
});

describe('public report: social-network post', () => {
  it('gives key figures and the whole PDF link', () => {
    const report = buildPublicReport(reportInput(scoredRecords(), [action({ status: 'done', publicWording: 'გავხსენით მეორე ფანჯარა' })]));
    const post = socialPost(report, PDF_URL);
    expect(post).toContain('კმაყოფილება განცხადების მიღებით: 60%');
    expect(post).not.toContain('56%');
    // Forms filled in are counted apart from notes logged from other channels.
    expect(post).toContain('შევსებული შეფასების ფორმები: 16.');
    expect(post).toContain('გაკეთდა 1 ცვლილება');
    expect(post.endsWith(PDF_URL)).toBe(true);
    expect(post.length).toBeLessThanOrEqual(POST_LIMIT);
  });

  it('stays within 500 characters with a very long municipality name, keeping the link', () => {
    const longName = 'ამბროლაურის მუნიციპალიტეტის მერიის სოციალური სამსახური '.repeat(12);
    const report = buildPublicReport(reportInput(scoredRecords(), [], { municipality: longName }));
    const post = socialPost(report, PDF_URL);
    expect(post.length).toBeLessThanOrEqual(POST_LIMIT);
    expect(post).toContain(PDF_URL);
  });

  it('drops optional sentences before it drops the period', () => {
    const name = 'მ'.repeat(300);
    const report = buildPublicReport(reportInput(scoredRecords(), [action({ status: 'done', publicWording: 'x' })], { municipality: name }));
    const post = socialPost(report, PDF_URL);
    expect(post.length).toBeLessThanOrEqual(POST_LIMIT);
    expect(post).toContain('2026 წლის I კვარტალი');
    expect(post).toContain(PDF_URL);
  });
});

describe('doc blocks as HTML', () => {
  it('escapes every text and refuses non-https links', () => {
    const html = blocksToHtmlFragment([
      { kind: 'title', text: 'A & B' },
      { kind: 'table', header: ['<th>'], rows: [['"quoted"']] },
      { kind: 'link', text: 'click', url: 'javascript:alert(1)' },
    ]);
    expect(html).toContain('A &amp; B');
    expect(html).toContain('&lt;th&gt;');
    expect(html).toContain('&quot;quoted&quot;');
    expect(html).not.toContain('javascript:');
  });
});
