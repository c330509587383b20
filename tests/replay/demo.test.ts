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
import { TABS, TAB_ORDER } from '../../src/domain/schema';
import { MENU_ITEMS } from '../../src/app/menu';
import { MENU, WORKBOOK_NAME } from '../../replay/player';
import { safeName, type Summary } from '../../replay/output';
import { N1, N2, LIKERT_SCALE } from '../../src/domain/forms';
import type { FormSnapshot } from '../../emulator';
import type { DocJson } from '../../emulator';
import type { DriveIndexRow } from '../../emulator';
import jsQR from 'jsqr';
import { decodePng } from '../domain/png-reader';

const root = join(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'ukukavshiri-demo-'));
const out = join(work, 'out');

const PUBLIC_WORDING = 'დილის რიგი რომ შემცირდეს, კანცელარიაში მეორე თანამშრომელი იმუშავებს';
const INTERNAL_DECISION = 'მომწოდებელს გაეგზავნა გაფრთხილება, ხელშეკრულება გადაიხედება';
const FORMULA_TEXT = '=HYPERLINK("http://evil.example","დააჭირეთ")';

const SCENARIO = {
  now: '2026-01-05T09:00:00+04:00',
  settings: { municipality: 'ტესტის მუნიციპალიტეტის მერია', senderName: 'ტესტის მერია', replyTo: 'info@test.example.ge', minGroupSize: 5, mailQuotaPerDay: 50 },
  services: [{ code: 'student_fee', ka: 'სტუდენტების სწავლის საფასურის თანადაფინანსება' }],
  cases: [
    {
      id: '01-2026-0001',
      service: 'newborn',
      applicant: 'ნინო ბერიძე',
      email: 'nino.beridze@example.ge',
      submittedAt: '2026-01-06T10:00:00+04:00',
      closedAt: '2026-01-12T12:00:00+04:00',
      channel: 'email',
    },
    {
      id: '01-2026-0002',
      service: 'მკურნალობისა და ოპერაციების თანადაფინანსება',
      applicant: 'გიორგი ლომიძე',
      email: 'giorgi.lomidze@example.ge',
      submittedAt: '2026-01-06T11:00:00+04:00',
      closedAt: '2026-01-15T15:00:00+04:00',
      channel: 'email',
    },
    {
      id: '01-2026-0003',
      service: 'firewood',
      applicant: 'თამარ ჩიხლაძე',
      email: 'tamar.chikhladze@example.ge',
      submittedAt: '2026-01-07T10:00:00+04:00',
      closedAt: null,
      channel: 'email',
    },
    {
      id: '01-2026-0004',
      service: 'funeral',
      applicant: 'ზურაბ ნოზაძე',
      email: 'zurab.nozadze@example.ge',
      submittedAt: '2026-01-07T12:00:00+04:00',
      closedAt: '2026-01-09T12:00:00+04:00',
      channel: 'email',
    },
    {
      id: '01-2026-0005',
      service: 'student_fee',
      applicant: 'ლიკა ფიფია',
      email: 'lika.pipia@@example.ge',
      submittedAt: '2026-01-08T10:00:00+04:00',
      closedAt: '2026-01-14T10:00:00+04:00',
      channel: 'email',
    },
    {
      id: '01-2026-0006',
      service: 'ბავშვთა ბაღის შეღავათი',
      applicant: 'ია ბაქრაძე',
      email: 'ia.bakradze@example.ge',
      submittedAt: '2026-01-08T11:00:00+04:00',
      closedAt: '2026-01-13T11:00:00+04:00',
      channel: 'email',
    },
    {
      id: '01-2026-0007',
      service: 'canteen',
      applicant: 'გურამ ჯაფარიძე',
      email: '',
      submittedAt: '2026-01-08T12:00:00+04:00',
      closedAt: '2026-01-10T12:00:00+04:00',
      channel: 'office',
    },
  ],
  responses: [
    {
      form: 'N2',
      channel: 'email_link',
      submittedAt: '2026-01-13T09:00:00+04:00',
      answers: { 'n2.service': 'newborn', 'n2.timely': 4, 'n2.overall': 5, 'n2.liked': 'სწრაფად განიხილეს.' },
    },
    { form: 'N1', channel: 'kiosk', submittedAt: '2026-01-06T11:30:00+04:00', answers: { 'n1.service': 'medical', 'n1.wait_ok': 3, 'n1.overall': 4 } },
    { form: 'N1', channel: 'kiosk', submittedAt: '2026-01-06T11:40:00+04:00', answers: { 'n1.service': 'medical', 'n1.overall': 7 } },
    // Formula-looking free text from a respondent: it must reach the feedback table as text.
    {
      form: 'N1',
      channel: 'kiosk',
      submittedAt: '2026-01-06T11:50:00+04:00',
      answers: { 'n1.service': 'medical', 'n1.overall': 2, 'n1.improve': FORMULA_TEXT },
    },
    {
      form: 'N1',
      channel: 'paper',
      submittedAt: '2026-01-07T10:30:00+04:00',
      answers: { 'n1.service': 'firewood', 'n1.staff_helpful': 5, 'n1.overall': 3, 'n1.age_group': '65 და მეტი' },
    },
    { form: 'N1', channel: 'paper', submittedAt: '2026-01-07T10:40:00+04:00', answers: { 'n1.service': 'firewood', 'n1.overall': 7 } },
  ],
  otherFeedback: [{ channel: 'phone', service: 'firewood', receivedAt: '2026-01-09T10:00:00+04:00', text: 'შეშა ჯერ არ მიუტანიათ.' }],
  actions: [
    {
      problem: 'რიგი დილით',
      decision: 'მეორე ოპერატორი',
      owner: 'კანცელარია',
      due: '2026-02-15',
      status: 'planned',
      service: 'one_time_aid',
      publicWording: PUBLIC_WORDING,
    },
    // No public wording: an internal decision the public report must leave out.
    { problem: 'შეშა ნედლი მოიტანეს', decision: INTERNAL_DECISION, owner: 'შესყიდვები', due: '2026-01-20', status: 'done', service: 'firewood' },
  ],
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
  expect(summary.refusedInput.items.map((r) => r.what)).toEqual(expect.arrayContaining(['case 01-2026-0006', 'closing case 01-2026-0006']));
  expect(summary.responses.submitted).toEqual({ 'N1/kiosk': 2, 'N1/paper': 1, 'N2/email_link': 1 });
  const refusedResponses = summary.refusedInput.items.filter((r) => /N1|paper/.test(r.what));
  expect(refusedResponses).toHaveLength(2);
  expect(summary.otherFeedbackLogged).toBe(1);
  expect(summary.actionsLogged).toBe(2);
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
    const form = readJson<{
      collectsEmail: boolean;
      requiresLogin: boolean;
      publishedUrl: string;
      destinationSpreadsheetId: string | null;
      items: Array<{ type: string; lowerBound?: number; upperBound?: number }>;
    }>('forms', `${name}.json`);
    expect(form.collectsEmail).toBe(false);
    expect(form.requiresLogin).toBe(false);
    expect(form.publishedUrl).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/.+\/viewform$/);
    // Linked to no spreadsheet: Google's raw responses, with their times, stay in the form (README, Anonymity).
    expect(form).toHaveProperty('destinationSpreadsheetId', null);
    const scales = form.items.filter((i) => i.type === 'SCALE');
    expect(scales.length).toBeGreaterThanOrEqual(7);
    for (const scale of scales) expect([scale.lowerBound, scale.upperBound]).toEqual([1, 5]);
  }
});

test('every tab of the workbook is written with values and formulas of the same shape', () => {
  const folder = join(out, 'spreadsheets', WORKBOOK_NAME);
  // Every tab setup makes (the phone survey's are made only once it is turned on).
  for (const tab of TAB_ORDER.map((key) => TABS[key])) {
    const file = join(folder, `${tab.name}.json`);
    expect(existsSync(file)).toBe(true);
    const { values, formulas } = JSON.parse(readFileSync(file, 'utf8')) as { values: unknown[][]; formulas: string[][] };
    expect(values.length).toBeGreaterThan(0);
    expect(formulas.map((r) => r.length)).toEqual(values.map((r) => r.length));
  }
  const applications = JSON.parse(readFileSync(join(folder, `${TABS.applications.name}.json`), 'utf8')) as { values: unknown[][] };
  const ids = applications.values
    .slice(1)
    .map((r) => r[0])
    .filter(Boolean);
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

// --- the contract's output table, path by path and field by field -----------------------------

const FORM_TYPES: Record<string, string> = {
  service: 'LIST',
  likert: 'SCALE',
  choice: 'MULTIPLE_CHOICE',
  yesno: 'MULTIPLE_CHOICE',
  paragraph: 'PARAGRAPH_TEXT',
};
const tabJson = (name: string) => readJson<{ values: unknown[][]; formulas: string[][] }>('spreadsheets', WORKBOOK_NAME, `${name}.json`);
const docTexts = (doc: DocJson): string[] =>
  doc.body.flatMap((b) => (b.type === 'paragraph' || b.type === 'listItem' ? [b.text] : b.type === 'table' ? b.rows.flat() : []));
const docNamed = (prefix: string): DocJson => {
  const file = readdirSync(join(out, 'docs')).find((f) => f.startsWith(prefix) && f.endsWith('.json'));
  if (!file) throw new Error(`docs/ has no ${prefix}….json`);
  return readJson<DocJson>('docs', file);
};

test('summary.json holds every count the contract names, consistent with the other files', () => {
  const feedback = tabJson(TABS.feedback.name);
  const feedbackRows = feedback.values.slice(1).filter((r) => r.some((v) => v !== ''));
  expect(summary.cases).toBe(SCENARIO.cases.length);
  expect(summary.closed).toBe(5);
  expect(summary.invitations.sent + summary.invitations.refused).toBe(summary.closed);
  for (const refused of summary.invitations.refusedCases)
    expect(refused).toEqual({ caseId: expect.any(String), service: expect.any(String), reason: expect.stringMatching(/\S/) });
  // Responses by form and channel: as submitted, and as the feedback table holds them.
  expect(summary.responses.recorded).toEqual({ 'N1/kiosk': 2, 'N1/paper': 1, 'N2/email_link': 1, 'other/phone': 1 });
  expect(summary.feedbackRows).toBe(feedbackRows.length);
  expect(Object.values(summary.responses.recorded).reduce((a, b) => a + b, 0)).toBe(summary.feedbackRows);
  // Documents created: the paper form, the poster, the report, the agenda, the public report.
  expect(summary.documentsCreated).toBe(5);
  expect(summary.documents).toHaveLength(5);
  expect(summary.errors).toEqual([]);
  expect(summary.triggerFailures).toEqual([]);
});

test('forms/<name>.json: title, description, URL, no email, no sign-in, destination and every item as the annex defines it', () => {
  const workbookId = readJson<DriveIndexRow[]>('drive', 'index.json').find(
    (r) => r.mimeType === 'application/vnd.google-apps.spreadsheet' && r.name === WORKBOOK_NAME,
  )?.id;
  expect(workbookId).toBeTruthy();
  for (const def of [N1, N2]) {
    const form = readJson<FormSnapshot>('forms', `${def.key}.json`);
    expect(form).toEqual(
      expect.objectContaining({
        title: def.title,
        description: def.onlineIntro ?? def.intro,
        collectsEmail: false,
        requiresLogin: false,
        // The destination is reported, and there is none: the forms are not linked to the workbook.
        destinationSpreadsheetId: null,
      }),
    );
    expect(form.publishedUrl).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/.+\/viewform$/);
    expect(form.items.map((i) => i.title)).toEqual(def.items.map((i) => i.ka));
    def.items.forEach((item, i) => {
      const got = form.items[i];
      expect({ id: item.id, type: got.type, required: got.required }).toEqual({ id: item.id, type: FORM_TYPES[item.type], required: item.required });
      if (item.type === 'likert') {
        expect([got.lowerBound, got.upperBound, got.leftLabel, got.rightLabel]).toEqual([
          LIKERT_SCALE.min,
          LIKERT_SCALE.max,
          LIKERT_SCALE.minLabel,
          LIKERT_SCALE.maxLabel,
        ]);
      }
      if (item.type === 'choice' || item.type === 'yesno') {
        // The annex's trailing "other" is Google's own other option, not a listed choice.
        expect(got.choices).toEqual((item.choices ?? []).filter((c) => !(item.hasOther && c === 'სხვა')));
        expect(Boolean(got.hasOtherOption)).toBe(Boolean(item.hasOther));
      }
      if (item.type === 'service') {
        // The services tab as the administrator left it, the added local subprogram included.
        expect(got.choices).toEqual(expect.arrayContaining(['ახალშობილთა ოჯახების ერთჯერადი ფინანსური დახმარება', SCENARIO.services[0].ka]));
      }
    });
  }
});

test('spreadsheets/<name>/<tab>.json: values and formulas; typed input is kept, and formula-looking text stays text', () => {
  const actions = tabJson(TABS.actions.name);
  const header = actions.values[0].map(String);
  const col = (key: string) => header.indexOf(TABS.actions.columns.find((c) => c.key === key)!.header);
  expect(
    actions.values
      .slice(1)
      .filter((r) => r[col('problem')] !== '')
      .map((r) => r[col('publicWording')]),
  ).toEqual([PUBLIC_WORDING, '']);
  const feedback = tabJson(TABS.feedback.name);
  expect(feedback.values.flat()).toContain(FORMULA_TEXT);
  expect(feedback.formulas.flat().filter((f) => f !== '')).toEqual([]);
});

test('docs/<name>.html and .json for every Doc: headings, tables as text, images with alt text; the paper form and poster carry a QR of N1', () => {
  const files = readdirSync(join(out, 'docs'));
  for (const name of summary.documents) {
    const base = safeName(name);
    expect(files).toEqual(expect.arrayContaining([`${base}.html`, `${base}.json`]));
    const html = readFileSync(join(out, 'docs', `${base}.html`), 'utf8');
    expect(html).toMatch(/<html[\s>]/i);
    const doc = readJson<DocJson>('docs', `${base}.json`);
    expect(doc.name).toBe(name);
    expect(doc.body.some((b) => b.type === 'paragraph' && b.heading !== 'NORMAL')).toBe(true);
  }
  const n1Url = readJson<FormSnapshot>('forms', 'N1.json').publishedUrl;
  for (const prefix of ['N1 — ქაღალდის ფორმა', 'N1 — QR პლაკატი']) {
    const doc = docNamed(prefix);
    const images = doc.body.filter((b) => b.type === 'image');
    expect(images).toHaveLength(1);
    expect(images[0].type === 'image' && images[0].altDescription).toContain(n1Url);
    // The HTML rendering embeds the PNG; an independent decoder reads the N1 link back from it.
    const htmlFile = readdirSync(join(out, 'docs')).find((f) => f.startsWith(prefix) && f.endsWith('.html'))!;
    const src = /<img src="data:image\/png;base64,([^"]+)"/.exec(readFileSync(join(out, 'docs', htmlFile), 'utf8'))?.[1];
    expect(src).toBeTruthy();
    const png = decodePng([...Buffer.from(src!, 'base64')]);
    expect(jsQR(new Uint8ClampedArray(png.rgba), png.width, png.height)?.data).toBe(n1Url);
  }
  // The paper form holds every N1 question.
  const paper = docTexts(docNamed('N1 — ქაღალდის ფორმა')).join('\n');
  for (const item of N1.items) expect(paper).toContain(item.ka);
  // Every image of every Doc has alt text; the analysis report's tables are text.
  for (const name of summary.documents) {
    for (const image of readJson<DocJson>('docs', `${safeName(name)}.json`).body.filter((b) => b.type === 'image')) {
      expect({ name, alt: image.type === 'image' ? image.altDescription : null }).toEqual({ name, alt: expect.stringMatching(/\S/) });
    }
  }
  const tables = docNamed('უკუკავშირის ანალიტიკური ანგარიში').body.filter((b) => b.type === 'table');
  expect(tables.length).toBeGreaterThan(0);
  for (const table of tables) {
    if (table.type === 'table') for (const row of table.rows) for (const cell of row) expect(typeof cell).toBe('string');
  }
});

test('the public report says "you said, we did" with the staff-written wording only; internal decisions stay out', () => {
  const texts = docTexts(docNamed('საჯარო ანგარიში'));
  const heading = texts.indexOf('თქვენ გვითხარით — ჩვენ ვცვლით');
  expect(heading).toBeGreaterThan(0);
  expect(texts.slice(heading).some((t) => t.startsWith(PUBLIC_WORDING))).toBe(true);
  const everything = texts.join('\n');
  expect(everything).not.toContain(INTERNAL_DECISION);
  expect(everything).not.toContain('შეშა ნედლი მოიტანეს');
  // The same wording reaches the website fragment in Drive.
  const fragment = readdirSync(join(out, 'drive', 'files')).find((f) => f.includes('ვებგვერდისთვის'));
  expect(fragment).toBeTruthy();
  const html = readFileSync(join(out, 'drive', 'files', fragment!), 'utf8');
  expect(html).toContain(PUBLIC_WORDING);
  expect(html).not.toContain(INTERNAL_DECISION);
});

test('drive/index.json lists every file with MIME type, folder and sharing, PDFs too; drive/files holds each text file', () => {
  const index = readJson<DriveIndexRow[]>('drive', 'index.json');
  for (const row of index) expect(Object.keys(row)).toEqual(expect.arrayContaining(['name', 'mimeType', 'folderPath', 'sharing']));
  const pdf = index.find((r) => r.mimeType === 'application/pdf');
  expect(pdf).toEqual(expect.objectContaining({ sharing: expect.objectContaining({ access: 'ANYONE_WITH_LINK' }) }));
  const files = readdirSync(join(out, 'drive', 'files'));
  const textRows = index.filter((r) => !r.trashed && /^text\/(plain|html|csv)$/.test(r.mimeType));
  expect(textRows.map((r) => r.mimeType)).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
  for (const row of textRows) {
    const file = files.find((f) => f === safeName(row.name));
    expect({ name: row.name, written: Boolean(file) }).toEqual({ name: row.name, written: true });
    expect(readFileSync(join(out, 'drive', 'files', file!)).length).toBe(row.size);
  }
  expect(
    readFileSync(join(out, 'drive', 'files', safeName(pdf!.name)))
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-');
});

test('triggers.json: handler, kind and schedule of each installed trigger, each installed once', () => {
  const triggers = readJson<Array<{ handler: string; kind: string; sourceId: string | null; schedule: Record<string, unknown> | null }>>('triggers.json');
  // Once each: a handler and its source (the form-submit handler has a trigger on each form).
  expect(new Set(triggers.map((t) => `${t.handler} ${t.sourceId}`)).size).toBe(triggers.length);
  const formIds = ['N1', 'N2'].map((name) => readJson<{ id: string }>('forms', `${name}.json`).id);
  expect(triggers.filter((t) => t.handler === 'onFormResponse').map((t) => t.sourceId)).toEqual(expect.arrayContaining(formIds));
  for (const t of triggers) {
    expect(t.kind).toMatch(/\S/);
    if (t.kind === 'time-driven') expect(t.schedule).not.toBeNull();
    else expect(t.schedule).toBeNull();
  }
  expect(triggers.find((t) => t.handler === 'onWorkbookEdit')?.kind).toMatch(/ON_EDIT/);
  expect(triggers.find((t) => t.handler === 'onFormResponse')?.kind).toMatch(/ON_FORM_SUBMIT/);
});

test('the index page shows a typed date as the Tbilisi day it was typed, not the UTC evening before', () => {
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  // Case 01-2026-0001 was submitted 2026-01-06; staff typed that date.
  const row = /<td>01-2026-0001<\/td><td>([^<]*)<\/td>/.exec(html);
  expect(row?.[1]).toBe('2026-01-06');
  expect(html).toContain(PUBLIC_WORDING);
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
