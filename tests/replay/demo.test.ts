/**
 * The replay contract end to end (../shared/scenario.md): a small hand-made scenario is played
 * through the BUILT bundle (run `npm run build` first; npm test does) and the output folder is
 * checked file by file. The CLI's exit code 2 is checked on a real process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../replay/demo';
import { TABS } from '../../src/domain/schema';
import { MENU_ITEMS } from '../../src/app/menu';
import { MENU, WORKBOOK_NAME } from '../../replay/player';
import type { Summary } from '../../replay/output';

const root = join(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'ukukavshiri-demo-'));
const out = join(work, 'out');

const SCENARIO = {
  now: '2026-01-05T09:00:00+04:00',
  settings: { municipality: 'ტესტის მუნიციპალიტეტის მერია', senderName: 'ტესტის მერია', replyTo: 'info@test.example.ge', minGroupSize: 5, mailQuotaPerDay: 50 },
  services: [{ code: 'student_fee', ka: 'სტუდენტების სწავლის საფასურის თანადაფინანსება' }],
  cases: [
    { id: '01-2026-0001', service: 'newborn', applicant: 'ნინო ბერიძე', email: 'nino.beridze@example.ge', submittedAt: '2026-01-06T10:00:00+04:00', closedAt: '2026-01-12T12:00:00+04:00', channel: 'email' },
    { id: '01-2026-0002', service: 'მკურნალობისა და ოპერაციების თანადაფინანსება', applicant: 'გიორგი ლომიძე', email: 'giorgi.lomidze@example.ge', submittedAt: '2026-01-06T11:00:00+04:00', closedAt: '2026-01-15T15:00:00+04:00', channel: 'email' },
    { id: '01-2026-0003', service: 'firewood', applicant: 'თამარ ჩიხლაძე', email: 'tamar.chikhladze@example.ge', submittedAt: '2026-01-07T10:00:00+04:00', closedAt: null, channel: 'email' },
    { id: '01-2026-0004', service: 'funeral', applicant: 'ზურაბ ნოზაძე', email: 'zurab.nozadze@example.ge', submittedAt: '2026-01-07T12:00:00+04:00', closedAt: '2026-01-09T12:00:00+04:00', channel: 'email' },
    { id: '01-2026-0005', service: 'student_fee', applicant: 'ლიკა ფიფია', email: 'lika.pipia@@example.ge', submittedAt: '2026-01-08T10:00:00+04:00', closedAt: '2026-01-14T10:00:00+04:00', channel: 'email' },
    { id: '01-2026-0006', service: 'ბავშვთა ბაღის შეღავათი', applicant: 'ია ბაქრაძე', email: 'ia.bakradze@example.ge', submittedAt: '2026-01-08T11:00:00+04:00', closedAt: '2026-01-13T11:00:00+04:00', channel: 'email' },
    { id: '01-2026-0007', service: 'canteen', applicant: 'გურამ ჯაფარიძე', email: '', submittedAt: '2026-01-08T12:00:00+04:00', closedAt: '2026-01-10T12:00:00+04:00', channel: 'office' },
  ],
  responses: [
    { form: 'N2', channel: 'email_link', submittedAt: '2026-01-13T09:00:00+04:00', answers: { 'n2.service': 'newborn', 'n2.timely': 4, 'n2.overall': 5, 'n2.liked': 'სწრაფად განიხილეს.' } },
    { form: 'N1', channel: 'kiosk', submittedAt: '2026-01-06T11:30:00+04:00', answers: { 'n1.service': 'medical', 'n1.wait_ok': 3, 'n1.overall': 4 } },
    { form: 'N1', channel: 'kiosk', submittedAt: '2026-01-06T11:40:00+04:00', answers: { 'n1.service': 'medical', 'n1.overall': 7 } },
    { form: 'N1', channel: 'paper', submittedAt: '2026-01-07T10:30:00+04:00', answers: { 'n1.service': 'firewood', 'n1.staff_helpful': 5, 'n1.overall': 3, 'n1.age_group': '65 და მეტი' } },
    { form: 'N1', channel: 'paper', submittedAt: '2026-01-07T10:40:00+04:00', answers: { 'n1.service': 'firewood', 'n1.overall': 7 } },
  ],
  otherFeedback: [{ channel: 'phone', service: 'firewood', receivedAt: '2026-01-09T10:00:00+04:00', text: 'შეშა ჯერ არ მიუტანიათ.' }],
  actions: [{ problem: 'რიგი დილით', decision: 'მეორე ოპერატორი', owner: 'კანცელარია', due: '2026-02-15', status: 'planned', service: 'one_time_aid' }],
  report: { from: '2026-01-01', to: '2026-01-31' },
};

const EMAILS = SCENARIO.cases.map((c) => c.email).filter(Boolean);
const readJson = <T>(...parts: string[]): T => JSON.parse(readFileSync(join(out, ...parts), 'utf8')) as T;

let exitCode: number;
let summary: Summary;
const logged: string[] = [];

beforeAll(() => {
  const file = join(work, 'scenario.json');
  writeFileSync(file, JSON.stringify(SCENARIO), 'utf8');
  const spy = jest.spyOn(console, 'log').mockImplementation((line: string) => void logged.push(line));
  try {
    exitCode = main(['--scenario', file, '--out', out]);
  } finally {
    spy.mockRestore();
  }
  summary = readJson<Summary>('summary.json');
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

test('the replay completes, prints its stages and ends with where to look', () => {
  expect(exitCode).toBe(0);
  const text = logged.join('\n');
  expect(text).toMatch(/1\. administrator/);
  expect(text).toMatch(/5\. manager/);
  expect(text).toContain('index.html');
});

test('every menu item the replay clicks exists in the product menu', () => {
  const captions = MENU_ITEMS.flatMap((item) => (item === 'separator' ? [] : [item.caption]));
  for (const caption of Object.values(MENU)) expect(captions).toContain(caption);
});

test('summary.json counts cases, closures and refused input as played', () => {
  expect(summary.cases).toBe(7);
  // The unknown service is refused by the applications tab's dropdown, so that case never exists.
  expect(summary.casesEntered).toBe(6);
  expect(summary.closed).toBe(5);
  expect(summary.refusedInput.items.map((r) => r.what)).toEqual(
    expect.arrayContaining(['case 01-2026-0006', 'closing case 01-2026-0006']),
  );
  expect(summary.responses.submitted).toEqual({ 'N1/kiosk': 1, 'N1/paper': 1, 'N2/email_link': 1 });
  const refusedResponses = summary.refusedInput.items.filter((r) => /N1|paper/.test(r.what));
  expect(refusedResponses).toHaveLength(2);
  expect(summary.otherFeedbackLogged).toBe(1);
  expect(summary.actionsLogged).toBe(1);
  expect(summary.mailsSent).toBe(readdirSync(join(out, 'mail')).length);
  expect(summary.documentsCreated).toBe(readdirSync(join(out, 'docs')).filter((f) => f.endsWith('.json')).length);
});

test('one invitation per eligible closed case and none for the others', () => {
  const mails = readdirSync(join(out, 'mail'))
    .sort()
    .map((f) => readJson<{ to: string; sentAt: string; body: string; subject: string; htmlBody: unknown; name: unknown; replyTo: unknown }>('mail', f));
  const toCases = mails.filter((m) => EMAILS.includes(m.to));
  expect(toCases.map((m) => m.to).sort()).toEqual(['giorgi.lomidze@example.ge', 'nino.beridze@example.ge']);
  for (const mail of mails) {
    expect(Object.keys(mail)).toEqual(expect.arrayContaining(['sentAt', 'to', 'subject', 'body', 'htmlBody', 'name', 'replyTo']));
    expect(new Date(mail.sentAt).toISOString()).toBe(mail.sentAt);
    expect(mail.sentAt >= '2026-01-05').toBe(true);
    // The link carries no case id.
    for (const c of SCENARIO.cases) expect(mail.body).not.toContain(c.id);
  }
  expect(summary.invitations.sent).toBe(2);
  // Closed but not invited: the funeral case (invitations off), the malformed address, no address.
  expect(summary.invitations.refusedCases.map((r) => r.caseId).sort()).toEqual(['01-2026-0004', '01-2026-0005', '01-2026-0007']);
  for (const refused of summary.invitations.refusedCases) expect(refused.reason).not.toBe('');
});

test('forms/N1.json and forms/N2.json are anonymous Google Forms with the annex items', () => {
  for (const name of ['N1', 'N2']) {
    const form = readJson<{ collectsEmail: boolean; requiresLogin: boolean; publishedUrl: string; destinationSpreadsheetId: string; items: Array<{ type: string; lowerBound?: number; upperBound?: number }> }>('forms', `${name}.json`);
    expect(form.collectsEmail).toBe(false);
    expect(form.requiresLogin).toBe(false);
    expect(form.publishedUrl).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/.+\/viewform$/);
    expect(form.destinationSpreadsheetId).toBeTruthy();
    const scales = form.items.filter((i) => i.type === 'SCALE');
    expect(scales.length).toBeGreaterThanOrEqual(7);
    for (const scale of scales) expect([scale.lowerBound, scale.upperBound]).toEqual([1, 5]);
  }
});

test('every tab of the workbook is written with values and formulas of the same shape', () => {
  const folder = join(out, 'spreadsheets', WORKBOOK_NAME);
  for (const tab of Object.values(TABS)) {
    const file = join(folder, `${tab.name}.json`);
    expect(existsSync(file)).toBe(true);
    const { values, formulas } = JSON.parse(readFileSync(file, 'utf8')) as { values: unknown[][]; formulas: string[][] };
    expect(values.length).toBeGreaterThan(0);
    expect(formulas.map((r) => r.length)).toEqual(values.map((r) => r.length));
  }
  const applications = JSON.parse(readFileSync(join(folder, `${TABS.applications.name}.json`), 'utf8')) as { values: unknown[][] };
  const ids = applications.values.slice(1).map((r) => r[0]).filter(Boolean);
  expect(ids).toEqual(['01-2026-0001', '01-2026-0002', '01-2026-0003', '01-2026-0004', '01-2026-0005', '01-2026-0007']);
  // Dates are written as ISO strings.
  expect(String(applications.values[1][1])).toMatch(/^2026-01-0\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
});

test('drive, triggers and the index page are written', () => {
  const index = readJson<Array<{ name: string; mimeType: string }>>('drive', 'index.json');
  expect(index.some((row) => row.mimeType === 'application/vnd.google-apps.spreadsheet')).toBe(true);
  const triggers = readJson<Array<{ handler: string; kind: string; schedule: unknown }>>('triggers.json');
  expect(triggers.map((t) => t.handler)).toEqual(expect.arrayContaining(['onWorkbookEdit', 'onFormResponse', 'hourlySweep', 'dailyJobs']));
  expect(triggers.find((t) => t.handler === 'hourlySweep')?.schedule).toEqual(expect.objectContaining({ everyHours: 1 }));
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  expect(html).toContain('<html lang="ka">');
  expect(html).toContain('<meta charset="utf-8">');
  expect(html).toContain('Noto Sans Georgian');
  expect(html).not.toMatch(/<script|https?:\/\/[^"']*\.(css|js|woff2?)/i);
  expect(html).toContain('href="forms/N1.json"');
});

describe('a scenario the replay cannot play ends with exit code 2 and a clear message', () => {
  const run = (content: string) => {
    const file = join(work, `bad-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, content, 'utf8');
    return spawnSync(process.execPath, [join(root, 'scripts', 'run-tool.mjs'), 'replay/demo.ts', '--scenario', file, '--out', join(work, 'bad-out')], {
      cwd: root,
      encoding: 'utf8',
    });
  };

  test('not valid JSON', () => {
    const result = run('{"cases": [ {"id": "01-2026-0001",, } ]');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/is not valid JSON/);
    expect(existsSync(join(work, 'bad-out'))).toBe(false);
  }, 60_000);

  test('valid JSON of the wrong shape', () => {
    const result = run(JSON.stringify({ cases: { id: '01-2026-0001' }, responses: ['N1'] }));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/is not a scenario/);
    expect(result.stderr).toMatch(/"cases" must be a list, found an object/);
    expect(result.stderr).toMatch(/"responses"\[0\] must be an object, found a string/);
  }, 60_000);
});
