/**
 * Issue 16, item 7 end to end on the emulated Workspace: staff name an action's targets and its
 * completion date in the actions tab (a typo gets a Georgian message on its row), the register
 * holds desk applications and invitations, and the analysis report built from the menu shows
 * coverage per service and channel and the before/after of the completed action — figures
 * counted here by hand from what was seeded.
 */
import { FEEDBACK_HEADERS, recordToRow } from '../../src/domain/feedback-row';
import { TABS } from '../../src/domain/schema';
import type { DocJson, DocJsonItem } from '../../emulator';
import type { FeedbackRecord } from '../../src/domain/types';
import { appendTabRows, at, feedbackRecord } from '../support/records';
import { dataRows, tabValues } from '../support/tabs';
import { setUpWorkbook, type Fixture } from '../support/workbook';

const REPORT_MENU = 'ანალიტიკური ანგარიშის მომზადება';
const AGENDA_MENU = 'სამუშაო შეხვედრის დღის წესრიგი';
const NEWBORN = 'ახალშობილთა ოჯახების ერთჯერადი ფინანსური დახმარება';
const FIREWOOD = 'სოციალურად დაუცველი ოჯახების საშეშე მერქნით უზრუნველყოფა';
const MEDICAL = 'მკურნალობისა და ოპერაციების თანადაფინანსება';

const day = (iso: string): Date => at(`${iso}T11:00:00+04:00`);
const docs = (iso: string, value: number): FeedbackRecord => feedbackRecord({ receivedAt: day(iso), answers: { 'n1.overall': 4, 'n1.docs_clear': value } });

/** N1 answers to the documents question: 6 in January, 6 before 01.03 (Feb), 7 after (Mar). */
const JANUARY = [3, 3, 3, 3, 3, 3];
const BEFORE = [1, 2, 2, 1, 3, 4];
const AFTER = [5, 5, 4, 4, 5, 2, 4];

/** Writes a row by column key, in the tab's header order. */
function rowByKey(f: Fixture, tab: (typeof TABS)[keyof typeof TABS], byKey: Record<string, unknown>): unknown[] {
  const header = tabValues(f, tab.name)[0];
  return header.map((h) => {
    const column = tab.columns.find((c) => c.header === h);
    return column && column.key in byKey ? byKey[column.key] : '';
  });
}

function seed(f: Fixture): void {
  const records = [
    ...JANUARY.map((v, i) => docs(`2026-01-${10 + i}`, v)),
    ...BEFORE.map((v, i) => docs(`2026-02-${10 + i}`, v)),
    ...AFTER.map((v, i) => docs(`2026-03-${10 + i}`, v)),
    ...Array.from({ length: 6 }, (_, i) =>
      feedbackRecord({ channel: 'kiosk', service: 'firewood', receivedAt: day(`2026-01-2${i}`), answers: { 'n1.overall': 5 } }),
    ),
    ...Array.from({ length: 5 }, (_, i) => feedbackRecord({ form: 'N2', service: 'newborn', receivedAt: day(`2026-01-1${i}`), answers: { 'n2.overall': 4 } })),
  ];
  appendTabRows(
    f,
    TABS.feedback.name,
    records.map((r) => recordToRow(r, FEEDBACK_HEADERS)),
  );
  // Desk applications of Q1: newborn 25, firewood 12, medical 3; email ones and a case with no channel do not count.
  const applications: unknown[][] = [];
  const application = (i: number, service: string, channel: string, submitted: string) =>
    rowByKey(f, TABS.applications, {
      caseId: `01-2026-${1000 + i}`,
      submittedAt: day(submitted),
      service,
      applicant: 'ა ბ',
      applyChannel: channel,
      status: 'მიღებულია',
    });
  let n = 0;
  for (const [service, count] of [
    [NEWBORN, 25],
    [FIREWOOD, 12],
    [MEDICAL, 3],
  ] as const) {
    for (let i = 0; i < count; i++) applications.push(application(n++, service, 'კანცელარია', '2026-02-02'));
  }
  applications.push(
    application(n++, NEWBORN, 'ელფოსტა', '2026-02-02'),
    application(n++, NEWBORN, '', '2026-02-02'),
    application(n++, NEWBORN, 'კანცელარია', '2025-12-20'),
  );
  appendTabRows(f, TABS.applications.name, applications);
  // Invitations: 6 sent to newborn applicants in Q1, one failed.
  const invitations = Array.from({ length: 6 }, (_, i) => [`01-2026-${i}`, 'newborn', 'გაგზავნილია', day(`2026-01-0${i + 2}`), '']);
  invitations.push(['01-2026-9', 'newborn', 'ვერ გაიგზავნა', day('2026-01-20'), '']);
  appendTabRows(f, TABS.invitations.name, invitations);
  const action = (fields: Record<string, unknown>) =>
    rowByKey(f, TABS.actions, { problem: 'დოკუმენტები', service: NEWBORN, decision: 'სია განახლდა', owner: 'ნინო', status: 'შესრულებულია', ...fields });
  appendTabRows(f, TABS.actions.name, [
    action({ targets: 'N1: საჭირო დოკუმენტების ახსნა, საჭირო დოკუმენტები', completedAt: at('2026-03-01T00:00:00+04:00') }),
    action({ decision: 'ბროშურა', targets: 'დოკუმენტბი; N1: ინფორმაციის მოძიება', completedAt: '' }),
    action({ decision: 'მეორე ფანჯარა', status: 'მიმდინარეობს', targets: '' }),
  ]);
}

function click(f: Fixture, menu: string, period: string): string {
  f.ws.spreadsheets.ui.answerNext({ button: 'OK', text: period });
  f.click(menu);
  const shown = f.ws.spreadsheets.ui.shown;
  return shown[shown.length - 1].message;
}

type Table = Extract<DocJsonItem, { type: 'table' }>;

function tableAfter(doc: DocJson, heading: string): string[][] {
  const start = doc.body.findIndex((item) => item.type === 'paragraph' && item.text === heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const table = doc.body.slice(start).find((item): item is Table => item.type === 'table');
  if (!table) throw new Error(`no table after ${heading}`);
  return table.rows;
}

const percent = (part: number, whole: number): string => `${Math.round((part / whole) * 100)}%`;
const agree = (values: number[]): number => values.filter((v) => v >= 4).length;

describe('the report leads to decisions', () => {
  let f: Fixture;
  let report: DocJson;
  beforeAll(() => {
    f = setUpWorkbook({ now: '2026-04-03T10:00:00+04:00' });
    seed(f);
    click(f, REPORT_MENU, '2026-Q1');
    const doc = f.ws.docs.list().find((d) => d.name.startsWith('უკუკავშირის ანალიტიკური ანგარიში'));
    if (!doc) throw new Error('no report');
    report = f.ws.docs.toJson(doc.id);
  });

  it('N1 coverage per service and channel against desk applications; N2 against invitations', () => {
    const n1 = tableAfter(report, 'ფორმა N1 (განცხადების წარდგენა)');
    expect(n1[0]).toEqual(['სერვისი', 'განცხადებები კანცელარიაში', 'N1 ფორმები', 'მოცვა']);
    const newbornForms = JANUARY.length + BEFORE.length + AFTER.length;
    expect(n1).toContainEqual([NEWBORN, '25', String(newbornForms), percent(newbornForms, 25)]);
    expect(n1).toContainEqual([FIREWOOD, '12', '6', percent(6, 12)]);
    expect(n1).toContainEqual([MEDICAL, '3', '0', '0%']);
    expect(n1[n1.length - 1]).toEqual(['ყველა სერვისი', '40', String(newbornForms + 6), percent(newbornForms + 6, 40)]);
    const body = report.body;
    const channels = body
      .slice(body.indexOf(body.find((item) => item.type === 'table' && item.rows === n1) as DocJsonItem) + 1)
      .find((item): item is Table => item.type === 'table');
    expect(channels?.rows).toEqual([
      ['არხი', 'განცხადებები კანცელარიაში', 'რაოდენობა', 'მოცვა'],
      ['ქაღალდის ფორმა', '40', String(newbornForms), percent(newbornForms, 40)],
      ['ონლაინ (QR)', '40', '6', percent(6, 40)],
    ]);
    const n2 = tableAfter(report, 'ფორმა N2 (მომსახურების დასრულება)');
    expect(n2).toContainEqual([NEWBORN, '6', '5', percent(5, 6)]);
  });

  it('before and after the completed action, with n’s and an honest verdict', () => {
    const rows = tableAfter(report, 'შესრულებული ღონისძიებები: მანამდე და შემდეგ');
    expect(rows[0]).toEqual(['სამიზნე', 'მანამდე (29.01.2026–28.02.2026)', 'შემდეგ (01.03.2026–31.03.2026)', 'შედეგი']);
    // 1 of 6 agreed before, 6 of 7 after: the 95% intervals still overlap — no claim of improvement.
    expect(rows[1]).toEqual([
      'N1: საჭირო დოკუმენტების ახსნა',
      `${percent(agree(BEFORE), BEFORE.length)} (n = ${BEFORE.length})`,
      `${percent(agree(AFTER), AFTER.length)} (n = ${AFTER.length})`,
      'მკაფიო ცვლილება ჯერ არ ჩანს',
    ]);
    expect(rows[2]).toEqual(['საჭირო დოკუმენტები', '0% (0 / 6)', '0% (0 / 7)', 'მკაფიო ცვლილება ჯერ არ ჩანს']);
  });

  it('each action row says, in Georgian, what was understood or what to fix', () => {
    const header = tabValues(f, TABS.actions.name)[0];
    const check = header.indexOf('შემოწმება');
    const rows = dataRows(f, TABS.actions.name).map((row) => String(row[check]));
    expect(rows[0]).toBe('სამიზნეები: N1: საჭირო დოკუმენტების ახსნა, საჭირო დოკუმენტები');
    expect(rows[1]).toMatch(/^⚠ ვერ ამოვიცანი: „დოკუმენტბი“\. ჩაწერეთ შეკითხვის ან თემის სახელი/);
    expect(rows[1]).toContain('⚠ შეავსეთ შესრულების თარიღი');
    expect(rows[2]).toBe('');
  });

  it('the agenda puts the action with no improvement yet back on the table', () => {
    click(f, AGENDA_MENU, '2026-Q1');
    const agenda = f.ws.docs.list().find((d) => d.name.startsWith('სამუშაო შეხვედრის დღის წესრიგი'));
    if (!agenda) throw new Error('no agenda');
    const texts = f.ws.docs
      .toJson(agenda.id)
      .body.filter((item): item is Extract<DocJsonItem, { type: 'paragraph' }> => item.type === 'paragraph')
      .map((item) => item.text);
    expect(texts).toContain('განსახილველია — გაუმჯობესება ჯერ არ ჩანს: „სია განახლდა“ (მკაფიო ცვლილება ჯერ არ ჩანს).');
  });
});
