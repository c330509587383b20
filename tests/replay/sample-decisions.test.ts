/**
 * The sample quarter (`npm run demo`) shows what its decisions led to: the documents list was
 * updated on 20.03 (the sample's done action, with its targets and completion date typed into the
 * actions tab), and the analysis report compares the N1 documents question and the documents
 * complaints before and after it; coverage per service rests on the desk applications typed.
 * Expected figures are recounted here from feedback.json and the scenario, not from the report's
 * code. Runs the BUILT bundle (run `npm run build` first; npm test does).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../replay/demo';
import type { FeedbackJsonRecord } from '../../replay/feedback-json';
import { safeName } from '../../replay/output';
import { WORKBOOK_NAME } from '../../replay/player';
import { sampleScenario } from '../../replay/sample';
import { TABS } from '../../src/domain/schema';
import type { DocJson, DocJsonItem } from '../../emulator';

const SUPPRESSED = '5-ზე ნაკლები პასუხი — არ ქვეყნდება';
const NO_DATA = 'მონაცემი არ არის';
const ms = (iso: string): number => new Date(`${iso}T00:00:00+04:00`).getTime();
const BEFORE: [number, number] = [ms('2026-03-08'), ms('2026-03-20')];
const AFTER: [number, number] = [ms('2026-03-20'), ms('2026-04-01')];

let work: string;
let out: string;
let records: FeedbackJsonRecord[];
let report: DocJson;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ukukavshiri-sample-decisions-'));
  out = join(work, 'out');
  expect(main(['--out', out])).toBe(0);
  records = JSON.parse(readFileSync(join(out, 'feedback.json'), 'utf8')) as FeedbackJsonRecord[];
  report = JSON.parse(readFileSync(join(out, 'docs', `${safeName('უკუკავშირის ანალიტიკური ანგარიში — 2026 წლის I კვარტალი')}.json`), 'utf8')) as DocJson;
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

type Table = Extract<DocJsonItem, { type: 'table' }>;
function tableAfter(heading: string): string[][] {
  const start = report.body.findIndex((item) => item.type === 'paragraph' && item.text.startsWith(heading));
  expect(start).toBeGreaterThanOrEqual(0);
  const table = report.body.slice(start).find((item): item is Table => item.type === 'table');
  if (!table) throw new Error(`no table after ${heading}`);
  return table.rows;
}

const inWindow = (record: FeedbackJsonRecord, [from, to]: [number, number]): boolean =>
  record.date !== null && new Date(record.date).getTime() >= from && new Date(record.date).getTime() < to;
const percent = (part: number, whole: number): string => `${Math.round((part / whole) * 100)}%`;

function questionCell(window: [number, number]): string {
  const answers = records
    .filter((r) => r.form === 'N1' && inWindow(r, window))
    .map((r) => r.answers['n1.docs_clear'])
    .filter((v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5);
  if (answers.length === 0) return NO_DATA;
  if (answers.length < 5) return SUPPRESSED;
  return `${percent(answers.filter((v) => v >= 4).length, answers.length)} (n = ${answers.length})`;
}

function themeCell(window: [number, number]): string {
  const all = records.filter((r) => inWindow(r, window));
  const count = all.filter((r) => r.polarity === 'problem' && r.themes.includes('documents')).length;
  if (all.length === 0) return NO_DATA;
  if (all.length < 5 || (count > 0 && count < 5)) return SUPPRESSED;
  return `${percent(count, all.length)} (${count} / ${all.length})`;
}

test('the actions tab holds the done action’s targets and completion date, and the check says what was understood', () => {
  const tab = JSON.parse(readFileSync(join(out, 'spreadsheets', safeName(WORKBOOK_NAME), `${safeName(TABS.actions.name)}.json`), 'utf8')) as {
    values: unknown[][];
  };
  const header = tab.values[0].map(String);
  const col = (key: string) => header.indexOf(TABS.actions.columns.find((c) => c.key === key)?.header ?? key);
  const done = tab.values.slice(1).filter((row) => row[col('targets')] !== '');
  expect(done).toHaveLength(1);
  expect(done[0][col('check')]).toBe('სამიზნეები: N1: საჭირო დოკუმენტების ახსნა, საჭირო დოკუმენტები');
});

test('before/after the documents list update (20.03): the question and the theme, recounted from feedback.json', () => {
  const rows = tableAfter('შესრულებული ღონისძიებები: მანამდე და შემდეგ');
  expect(rows[0]).toEqual(['სამიზნე', 'მანამდე (08.03.2026–19.03.2026)', 'შემდეგ (20.03.2026–31.03.2026)', 'შედეგი']);
  expect(rows[1].slice(0, 3)).toEqual(['N1: საჭირო დოკუმენტების ახსნა', questionCell(BEFORE), questionCell(AFTER)]);
  expect(rows[2].slice(0, 3)).toEqual(['საჭირო დოკუმენტები', themeCell(BEFORE), themeCell(AFTER)]);
  // Twelve days on each side of a small town's quarter: the report says it cannot tell yet.
  const verdicts = rows.slice(1).map((row) => row[3]);
  expect(verdicts.every((v) => v === 'ჯერ არ არის საკმარისი პასუხი, რომ ვთქვათ' || v === 'მკაფიო ცვლილება ჯერ არ ჩანს')).toBe(true);
});

test('N1 coverage: desk applications of the quarter, counted from the scenario, against the N1 forms received', () => {
  const scenario = sampleScenario();
  const [from, to] = [ms('2026-01-01'), ms('2026-04-01')];
  const desk = scenario.cases.filter(
    (c) => c.channel === 'office' && Date.parse(String(c.submittedAt)) >= from && Date.parse(String(c.submittedAt)) < to,
  ).length;
  const n1 = records.filter((r) => r.form === 'N1' && r.date !== null && new Date(r.date).getTime() >= from && new Date(r.date).getTime() < to).length;
  const rows = tableAfter('ფორმა N1 (განცხადების წარდგენა)');
  expect(rows[rows.length - 1]).toEqual(['ყველა სერვისი', String(desk), String(n1), percent(n1, desk)]);
  // Every service's count is a figure or a notice — never a count of 1 to 4 people.
  for (const row of rows.slice(1)) expect(row[2] === SUPPRESSED || row[2] === NO_DATA || Number(row[2]) === 0 || Number(row[2]) >= 5).toBe(true);
});
