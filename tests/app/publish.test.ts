/**
 * Discuss and Inform, end to end on the built bundle: the meeting agenda, the overdue
 * highlight of the actions tab, and the public report — Doc, PDF shared by link, website HTML and
 * social post — with planted personal data and small groups that must never reach them.
 * Run `npm run build` first.
 */
import { feedbackColumnKey, recordToRow } from '../../src/domain/feedback-row';
import { OVERDUE_BACKGROUND } from '../../src/domain/agenda';
import { TABS } from '../../src/domain/schema';
import type { FeedbackRecord } from '../../src/domain/types';
import { environment, type DriveIndexRow } from '../../emulator';
import { appendTabRows, at, feedbackRecord, tabOf } from '../support/records';
import { failOnceAfter } from '../support/faults';
import { setUpWorkbook, type Fixture } from '../support/workbook';

const PUBLISH = 'საჯარო ანგარიშის გამოქვეყნება';
const AGENDA = 'სამუშაო შეხვედრის დღის წესრიგი';
const PUBLIC_DOC = 'საჯარო ანგარიში — 2026 წლის I კვარტალი';
const AGENDA_DOC = 'სამუშაო შეხვედრის დღის წესრიგი — 2026 წლის I კვარტალი';
const APRIL = Date.parse('2026-04-02T10:00:00+04:00');

/** Pieces of personal data planted in comments, names and action wording, in every format. */
const FORBIDDEN_TEXT = [
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
];
/** The same, as the emulator's PDF writes Georgian (transliterated to Latin). */
const FORBIDDEN_PDF = [
  'nino.beridze',
  'gmail.com',
  '555 12 34 56',
  '599-123-456',
  '2 12 34 56',
  '22 12 34',
  '01001012345',
  'nino',
  'beridz',
  'levan',
  'kapanadze',
];

const record = feedbackRecord;

function feedback(): FeedbackRecord[] {
  const rows: FeedbackRecord[] = [];
  // 10 for newborn and 2 for medical; with firewood's 3 the hidden services reach the minimum
  // together, so newborn can be published beside them without giving them away.
  for (let i = 0; i < 12; i++) {
    const service = i >= 10 ? 'medical' : 'newborn';
    rows.push(record({ service, answers: { 'n1.overall': i < 9 ? 5 : 2, 'n1.staff_helpful': 5, 'n1.wait_ok': i < 3 ? 4 : 1 }, themes: ['waiting'] }));
  }
  // Three responses for firewood and one N2 response: groups below the minimum of 5.
  for (let i = 0; i < 3; i++) rows.push(record({ service: 'firewood', answers: { 'n1.overall': 1 } }));
  rows.push(record({ form: 'N2', channel: 'email_link', answers: { 'n2.overall': 1, 'n2.trust': 1 } }));
  rows.push(
    record({ quotable: true, answers: { 'n1.improve': 'მომწერეთ nino.beridze@gmail.com ან დამირეკეთ +995 555 12 34 56, რიგი ძალიან დიდი იყო' } }),
    record({
      quotable: true,
      form: 'other',
      channel: 'phone',
      receivedAt: at('2026-03-01T10:00:00+04:00'),
      text: 'ბერიძემ თქვა, რომ 599-123-456 და (032) 2 12 34 56 არ პასუხობს; პ/ნ 01001012345',
    }),
    record({ quotable: true, form: 'N2', channel: 'email_link', answers: { 'n2.liked': 'Levan Kapanadze was kind, call 0439 22 12 34' } }),
    record({ answers: { 'n1.improve': 'არაციტირებადი შინაარსი XYZ' } }),
  );
  return rows;
}

const sheet = tabOf;
const writeRows = appendTabRows;

function actionRow(fields: { problem: string; decision: string; due: Date; status: string; publicWording: string }): unknown[] {
  const byKey: Record<string, unknown> = {
    ...fields,
    service: '',
    theme: 'waiting',
    owner: 'კანცელარიის უფროსი',
    meetingDate: at('2026-01-20T00:00:00+04:00'),
  };
  // The nine columns staff fill in here (A–I); targets, completion date and the check come after.
  return TABS.actions.columns.slice(0, 9).map((c) => byKey[c.key] ?? '');
}

function seed(fx: Fixture): void {
  const header = sheet(fx, TABS.feedback.name)
    .getRange(1, 1, 1, sheet(fx, TABS.feedback.name).getLastColumn())
    .getValues()[0]
    .map((h) => feedbackColumnKey(String(h)));
  writeRows(
    fx,
    TABS.feedback.name,
    feedback().map((r) => recordToRow(r, header)),
  );
  const applications = [
    [
      '01-2026-0001',
      at('2026-01-10T00:00:00+04:00'),
      'ახალშობილთა ოჯახების ერთჯერადი ფინანსური დახმარება',
      'ნინო ბერიძე',
      'nino.beridze@gmail.com',
      'კანცელარია',
      'მიღებულია',
    ],
    ['01-2026-0002', at('2026-01-11T00:00:00+04:00'), 'ახალშობილთა ოჯახების ერთჯერადი ფინანსური დახმარება', 'Levan Kapanadze', '', 'კანცელარია', 'მიღებულია'],
  ];
  writeRows(fx, TABS.applications.name, applications);
  // Staff type the meeting's decisions into the actions tab.
  fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.actions.name, 'A2:I4', [
    actionRow({
      problem: 'რიგი',
      decision: 'მეორე ფანჯრის გახსნა',
      due: at('2026-02-01T00:00:00+04:00'),
      status: 'შესრულებულია',
      publicWording: 'გავხსენით მეორე ფანჯარა; კითხვებზე პასუხობს Levan Kapanadze',
    }),
    actionRow({
      problem: 'პანდუსი',
      decision: 'პანდუსის მოწყობა',
      due: at('2026-03-01T00:00:00+04:00'),
      status: 'დაგეგმილია',
      publicWording: 'ვაწყობთ პანდუსს შესასვლელთან',
    }),
    actionRow({
      problem: 'შიდა',
      decision: 'შიდა გადაწყვეტილება უფორმულირებოდ',
      due: at('2026-06-01T00:00:00+04:00'),
      status: 'მიმდინარეობს',
      publicWording: '',
    }),
  ]);
}

function click(fx: Fixture, caption: string, answer: string): string {
  fx.ws.spreadsheets.ui.answerNext({ button: 'OK', text: answer });
  fx.click(caption);
  const alerts = fx.ws.spreadsheets.ui.shown.filter((s) => s.kind === 'alert');
  return alerts[alerts.length - 1]?.message ?? '';
}

function live(fx: Fixture): DriveIndexRow[] {
  return fx.ws.drive.index().filter((row) => !row.trashed);
}

function one(rows: DriveIndexRow[], name: string): DriveIndexRow {
  const found = rows.filter((row) => row.name === name);
  expect(found.map((r) => r.name)).toEqual([name]);
  return found[0];
}

function docText(fx: Fixture, id: string): string {
  return fx.ws.docs
    .toJson(id)
    .body.map((item) => ('text' in item ? item.text : item.type === 'table' ? item.rows.map((r) => r.join(' | ')).join('\n') : ''))
    .join('\n');
}

function fileText(fx: Fixture, id: string, encoding: BufferEncoding = 'utf8'): string {
  const bytes = fx.ws.drive.contentOf(id);
  if (!bytes) throw new Error(`no content for ${id}`);
  return Buffer.from(bytes).toString(encoding);
}

interface Published {
  doc: DriveIndexRow;
  pdf: DriveIndexRow;
  html: DriveIndexRow;
  post: DriveIndexRow;
}

function publicFiles(fx: Fixture): Published {
  const rows = live(fx);
  return {
    doc: one(rows, PUBLIC_DOC),
    pdf: one(rows, `${PUBLIC_DOC}.pdf`),
    html: one(rows, `${PUBLIC_DOC} — ვებგვერდისთვის.html`),
    post: one(rows, `${PUBLIC_DOC} — პოსტი.txt`),
  };
}

describe('public report', () => {
  let fx: Fixture;
  let first: Published;
  let message: string;

  beforeAll(() => {
    fx = setUpWorkbook();
    seed(fx);
    fx.ws.core.setNow(APRIL);
    message = click(fx, PUBLISH, '2026-Q1');
    first = publicFiles(fx);
  });

  it('tells the manager where the PDF is', () => {
    expect(message).toContain('საჯარო ანგარიში გამოქვეყნდა');
    expect(message).toContain(`https://drive.google.com/file/d/${first.pdf.id}/`);
  });

  it('makes the Doc, a PDF shared view-only by link, the HTML fragment and the post text', () => {
    expect(first.doc.mimeType).toBe('application/vnd.google-apps.document');
    expect(first.pdf.mimeType).toBe('application/pdf');
    expect(first.pdf.sharing).toEqual({ access: 'ANYONE_WITH_LINK', permission: 'VIEW' });
    expect(first.pdf.size).toBeGreaterThan(1000);
    expect(first.html.mimeType).toBe('text/html');
    expect(first.post.mimeType).toBe('text/plain');
    const folder = live(fx).find((row) => row.name === 'უკუკავშირი — საჯარო ანგარიშები');
    expect(folder?.sharing).toEqual({ access: 'ANYONE_WITH_LINK', permission: 'VIEW' });
    for (const file of [first.pdf, first.html, first.post]) expect(file.folderPath).toContain('უკუკავშირი — საჯარო ანგარიშები');
    // The editable source stays out of the public folder.
    expect(first.doc.folderPath).not.toContain('საჯარო ანგარიშები');
    expect(first.doc.sharing.access).not.toBe('ANYONE_WITH_LINK');
  });

  it('lets no planted personal datum reach the Doc, the PDF, the HTML or the post', () => {
    const outputs = {
      doc: docText(fx, first.doc.id),
      html: fileText(fx, first.html.id),
      post: fileText(fx, first.post.id),
    };
    for (const [where, text] of Object.entries(outputs)) {
      for (const piece of FORBIDDEN_TEXT) expect({ where, found: text.includes(piece), piece }).toEqual({ where, found: false, piece });
    }
    const pdf = fileText(fx, first.pdf.id, 'latin1').toLowerCase();
    for (const piece of FORBIDDEN_PDF) expect({ found: pdf.includes(piece), piece }).toEqual({ found: false, piece });
    // The quotes are there, redacted: the checks above looked at real content.
    expect(outputs.doc).toContain('[დამალულია]');
    expect(outputs.doc).toContain('რიგი ძალიან დიდი იყო');
    expect(outputs.html).toContain('[დამალულია]');
    expect(pdf).toContain('[damalulia]');
    expect(outputs.doc).not.toContain('არაციტირებადი');
  });

  it('publishes no figure for a group below the minimum size', () => {
    const doc = docText(fx, first.doc.id);
    const html = fileText(fx, first.html.id);
    for (const text of [doc, html]) {
      expect(text).not.toContain('საშეშე'); // firewood: 3 responses
      expect(text).not.toContain('ამ გამოცდილებამ გაზარდა ჩემი ნდობა'); // n2.trust: 1 response
      expect(text).not.toContain('მკურნალობისა'); // medical: 2 responses
      expect(text).toContain('ახალშობილთა ოჯახების ერთჯერადი ფინანსური დახმარება'); // 10 responses
      // 9 of the 15 N1 answers agree: 60 %; the one N2 answer is neither shown nor pooled in (9 of 16 would be 56 %).
      expect(text).toContain('კმაყოფილება განცხადების მიღებით (N1): 60% (15 მოპასუხიდან)');
      expect(text).not.toContain('56%');
    }
  });

  it('says what was done and planned in the public wording only', () => {
    const doc = docText(fx, first.doc.id);
    expect(doc).toContain('გავხსენით მეორე ფანჯარა');
    expect(doc).toContain('ვაწყობთ პანდუსს შესასვლელთან');
    expect(doc).not.toContain('შიდა გადაწყვეტილება');
    expect(doc).not.toContain('კანცელარიის უფროსი');
  });

  it('writes a post of at most 500 characters with the PDF link', () => {
    const post = fileText(fx, first.post.id);
    expect(post.length).toBeLessThanOrEqual(500);
    expect(post).toContain(`https://drive.google.com/file/d/${first.pdf.id}/`);
    expect(fileText(fx, first.html.id)).toContain(`href="https://drive.google.com/file/d/${first.pdf.id}/`);
  });

  it('re-publishing the period leaves one set of files: same Doc, one PDF, HTML and post overwritten', () => {
    fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.actions.name, 'G3', [['შესრულებულია']]);
    const docsBefore = fx.ws.docs.list().length;
    click(fx, PUBLISH, '2026-Q1');
    const again = publicFiles(fx);
    expect(again.doc.id).toBe(first.doc.id);
    expect(again.html.id).toBe(first.html.id);
    expect(again.post.id).toBe(first.post.id);
    expect(fx.ws.docs.list().length).toBe(docsBefore);
    expect(again.pdf.id).not.toBe(first.pdf.id);
    expect(fx.ws.drive.index().find((row) => row.id === first.pdf.id)?.trashed).toBe(true);
    const post = fileText(fx, again.post.id);
    expect(post).toContain('გაკეთდა 2 ცვლილება');
    expect(post).toContain(again.pdf.id);
    // The Doc was rewritten, not appended to.
    const doc = docText(fx, again.doc.id);
    expect(doc.split('მომხმარებელთა უკუკავშირი — 2026 წლის I კვარტალი').length - 1).toBe(1);
  });
});

describe('publishing where the admin forbids sharing outside the organisation (workspace-strict)', () => {
  let fx: Fixture;
  let message: string;

  beforeAll(() => {
    fx = setUpWorkbook({ environment: environment('workspace-strict') });
    seed(fx);
    fx.ws.core.setNow(APRIL);
    message = click(fx, PUBLISH, '2026-Q1');
  });

  it('still makes the Doc, the PDF, the HTML fragment and the post', () => {
    const files = publicFiles(fx);
    expect(files.pdf.mimeType).toBe('application/pdf');
    expect(files.pdf.size).toBeGreaterThan(1000);
    expect(fileText(fx, files.html.id)).toContain(`href="https://drive.google.com/file/d/${files.pdf.id}/`);
    expect(fileText(fx, files.post.id)).toContain(files.pdf.id);
    expect(fx.ws.core.logs.filter((l) => l.startsWith('[ERROR]'))).toEqual([]);
  });

  it('shares nothing outside the organisation, and says why in the log', () => {
    const files = publicFiles(fx);
    for (const row of [files.pdf, files.html, files.post]) expect(row.sharing.access).toBe('PRIVATE');
    expect(fx.ws.core.logs.some((l) => l.includes('Cannot share') && l.includes('does not have sufficient permissions'))).toBe(true);
  });

  it('tells staff in Georgian how to publish by hand', () => {
    expect(message).toContain('საჯარო ანგარიში გამოქვეყნდა');
    expect(message).toContain('ჯერ მხოლოდ ორგანიზაციის შიგნით');
    expect(message).not.toContain('ხედვა ბმულით');
    expect(message).toContain('ბმულით საჯაროდ ვერ გაზიარდა');
    expect(message).toContain('ატვირთეთ მუნიციპალიტეტის ვებგვერდზე');
    expect(message).toContain('HTML ფრაგმენტი');
    expect(message).toContain(`https://drive.google.com/drive/folders/`);
  });

  it('where sharing is allowed, says none of it', () => {
    const open = setUpWorkbook({ environment: environment('workspace') });
    seed(open);
    open.ws.core.setNow(APRIL);
    const text = click(open, PUBLISH, '2026-Q1');
    expect(text).toContain('ხედვა ბმულით');
    expect(text).not.toContain('ბმულით საჯაროდ ვერ გაზიარდა');
    expect(publicFiles(open).pdf.sharing).toEqual({ access: 'ANYONE_WITH_LINK', permission: 'VIEW' });
  });
});

describe("a staff member's folder and Doc with the product's names", () => {
  it('are left alone: the product makes and keeps its own', () => {
    const fx = setUpWorkbook();
    seed(fx);
    fx.ws.core.setNow(APRIL);
    // Before the first publication, someone made a folder of that name (with a draft in it) and a
    // Doc named as the report, by hand, in the same My Drive.
    const drive = fx.ws.drive.app;
    const theirs = drive.createFolder('უკუკავშირი — საჯარო ანგარიშები');
    const draft = theirs.createFile('ჩემი მონახაზი.txt', 'ჩემი ტექსტი');
    const theirDoc = fx.ws.docs.app.create(PUBLIC_DOC);
    theirDoc.getBody().appendParagraph('ჩემი ჩანაწერები');
    theirDoc.saveAndClose();
    click(fx, PUBLISH, '2026-Q1');
    click(fx, PUBLISH, '2026-Q1');
    // theirs: untouched, private, not used
    expect(String(drive.getFolderById(theirs.getId()).getSharingAccess())).toBe('PRIVATE');
    const inTheirs = [...iterate(drive.getFolderById(theirs.getId()).getFiles())].map((f) => f.getId());
    expect(inTheirs).toEqual([draft.getId()]);
    expect(Buffer.from(fx.ws.drive.contentOf(draft.getId()) ?? []).toString('utf8')).toBe('ჩემი ტექსტი');
    expect(docText(fx, theirDoc.getId())).toContain('ჩემი ჩანაწერები');
    expect(docText(fx, theirDoc.getId())).not.toContain('მომხმარებელთა უკუკავშირი');
    // ours: a folder of its own, holding the public files
    const folders = live(fx).filter((row) => row.mimeType === 'application/vnd.google-apps.folder' && row.name === theirs.getName());
    expect(folders).toHaveLength(2);
    const ours = folders.find((row) => row.id !== theirs.getId());
    expect(ours?.sharing.access).toBe('ANYONE_WITH_LINK');
    const pdfs = live(fx).filter((row) => row.name === `${PUBLIC_DOC}.pdf`);
    expect(pdfs).toHaveLength(1);
    const reportDocs = live(fx).filter((row) => row.name === PUBLIC_DOC);
    expect(reportDocs).toHaveLength(2);
    expect(reportDocs.find((row) => row.id !== theirDoc.getId())?.folderPath).toContain('სამუშაო');
  });
});

describe('a run that stopped between making a folder and storing its id', () => {
  it('does not, on a mark it left long ago, take a folder of the name someone makes later', () => {
    const fx = setUpWorkbook();
    seed(fx);
    fx.ws.core.setNow(APRIL);
    // The stopped run marked the key a day ago and made nothing; today a person makes the folder.
    fx.ws.properties.app.getScriptProperties().setProperty('folder.public', `making:${APRIL - 24 * 3_600_000}`);
    const theirs = fx.ws.drive.app.createFolder('უკუკავშირი — საჯარო ანგარიშები');
    click(fx, PUBLISH, '2026-Q1');
    expect([...iterate(fx.ws.drive.app.getFolderById(theirs.getId()).getFiles())]).toEqual([]);
    expect(fx.ws.properties.app.getScriptProperties().getProperty('folder.public')).not.toBe(theirs.getId());
    publicFiles(fx);
  });
});

function* iterate<T>(it: { hasNext(): boolean; next(): T }): Generator<T> {
  while (it.hasNext()) yield it.next();
}

describe('publishing after a run that stopped half-way', () => {
  it('ends with one Doc and one set of public files, whichever call the stop hit', () => {
    const fx = setUpWorkbook();
    seed(fx);
    fx.ws.core.setNow(APRIL);
    const before = fx.ws.core.callSummary().total;
    click(fx, PUBLISH, '2026-Q1');
    const callsPerRun = fx.ws.core.callSummary().total - before;
    expect(callsPerRun).toBeGreaterThan(20);
    for (let n = 1; n <= callsPerRun; n += 1) {
      fx.ws.core.killAfterCalls = n;
      fx.ws.spreadsheets.ui.answerNext({ button: 'OK', text: '2026-Q1' });
      fx.click(PUBLISH);
      fx.ws.core.killAfterCalls = null;
      click(fx, PUBLISH, '2026-Q1');
      const files = publicFiles(fx);
      expect({ n, post: fileText(fx, files.post.id).includes(files.pdf.id) }).toEqual({ n, post: true });
      expect({
        n,
        docs: live(fx).filter((row) => row.mimeType === 'application/vnd.google-apps.folder' && row.name === 'უკუკავშირი — საჯარო ანგარიშები').length,
      }).toEqual({ n, docs: 1 });
    }
  });
});

describe('a first publication that failed right after making something', () => {
  it.each([
    ['Drive', 'Files.create', 1],
    ['Drive', 'Files.create', 2],
    ['Drive', 'Files.create', 3],
    ['Drive', 'Files.create', 4],
  ])('after %s.%s (call %s): the next run adopts it, no duplicate', (service, method, nth) => {
    const fx = setUpWorkbook();
    seed(fx);
    fx.ws.core.setNow(APRIL);
    const fired = failOnceAfter(fx, service, method, nth);
    const failed = click(fx, PUBLISH, '2026-Q1');
    fx.ws.core.faultHook = null;
    expect(fired()).toBe(true);
    expect(failed).toContain('შეცდომა');
    click(fx, PUBLISH, '2026-Q1');
    publicFiles(fx);
    const folders = live(fx)
      .filter((row) => row.mimeType === 'application/vnd.google-apps.folder')
      .map((row) => row.name);
    expect(folders.filter((name) => name.startsWith('უკუკავშირი — ს'))).toEqual(
      expect.arrayContaining(['უკუკავშირი — სამუშაო დოკუმენტები', 'უკუკავშირი — საჯარო ანგარიშები']),
    );
    expect(new Set(folders).size).toBe(folders.length);
  });
});

describe('meeting agenda and overdue actions', () => {
  let fx: Fixture;

  beforeAll(() => {
    fx = setUpWorkbook();
    seed(fx);
    fx.ws.core.setNow(APRIL);
  });

  function backgrounds(): string[] {
    return sheet(fx, TABS.actions.name)
      .getRange(2, 1, 3, TABS.actions.columns.length)
      .getBackgrounds()
      .map((row) => row[0]);
  }

  it('builds the agenda with the period’s main problems, the open actions and an empty decisions table', () => {
    const message = click(fx, AGENDA, '2026-Q1');
    expect(message).toContain('დღის წესრიგი მზადაა');
    const doc = one(live(fx), AGENDA_DOC);
    const body = fx.ws.docs.toJson(doc.id).body;
    expect(body[0]).toMatchObject({ type: 'paragraph', heading: 'TITLE', text: AGENDA_DOC });
    const tables = body.filter((item): item is Extract<typeof item, { type: 'table' }> => item.type === 'table');
    const problems = tables.find((t) => t.rows[0][0] === 'შეკითხვა');
    expect(problems?.rows[1][0]).toContain('n1.wait_ok');
    const open = tables.find((t) => t.rows.slice(1).some((r) => r[1] === 'პანდუსის მოწყობა'));
    expect(open?.rows.slice(1).map((r) => r[1])).toEqual(['პანდუსის მოწყობა', 'შიდა გადაწყვეტილება უფორმულირებოდ']);
    expect(open?.rows[1][4]).toContain('ვადაგადაცილებულია');
    const decisions = tables[tables.length - 1];
    expect(decisions.rows[0]).toEqual(['პრობლემა', 'გადაწყვეტილება', 'პასუხისმგებელი', 'ვადა']);
    expect(
      decisions.rows
        .slice(1)
        .flat()
        .every((c) => c === ''),
    ).toBe(true);
  });

  it('marks the overdue open action in the actions tab', () => {
    // Row 2 is done, row 3 was due 01.03.2026 and is open, row 4 is due in June.
    expect(backgrounds()).toEqual(['#ffffff', OVERDUE_BACKGROUND, '#ffffff']);
  });

  it('rebuilding the agenda updates the same Doc', () => {
    const before = one(live(fx), AGENDA_DOC).id;
    const count = fx.ws.docs.list().length;
    click(fx, AGENDA, '2026-Q1');
    expect(one(live(fx), AGENDA_DOC).id).toBe(before);
    expect(fx.ws.docs.list().length).toBe(count);
    expect(docText(fx, before).split(AGENDA_DOC).length - 1).toBe(1);
  });

  it('the daily job clears the mark once the action is done', () => {
    fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.actions.name, 'G3', [['შესრულებულია']]);
    try {
      fx.ws.run('dailyJobs', 'time');
    } catch {
      // Other daily jobs may fail in this bare workbook; each job runs regardless (runJobs).
    }
    expect(backgrounds()).toEqual(['#ffffff', '#ffffff', '#ffffff']);
  });

  it('a bad period gets a Georgian explanation and makes nothing', () => {
    const count = fx.ws.docs.list().length;
    const message = click(fx, PUBLISH, '2026-Q5');
    expect(message).toContain('მაგალითად: 2026 წლის I კვარტალი (ან 2026-Q1)');
    expect(fx.ws.docs.list().length).toBe(count);
    expect(live(fx).some((row) => row.name.endsWith('.pdf'))).toBe(false);
  });
});

describe('agenda figures from the same model as the analysis report', () => {
  it('shows the N2 response rate from the invitations log, and one Doc however the period is typed', () => {
    const fx = setUpWorkbook();
    const header = sheet(fx, TABS.feedback.name)
      .getRange(1, 1, 1, sheet(fx, TABS.feedback.name).getLastColumn())
      .getValues()[0]
      .map((h) => feedbackColumnKey(String(h)));
    const n2 = Array.from({ length: 6 }, () => record({ form: 'N2', channel: 'email_link', answers: { 'n2.overall': 4 } }));
    writeRows(
      fx,
      TABS.feedback.name,
      n2.map((r) => recordToRow(r, header)),
    );
    // Eight invitations sent in Q1, one sent in December, one that failed: the rate is 6 / 8.
    const invitations = Array.from({ length: 8 }, (_, i) => [`01-2026-${i}`, 'newborn', 'გაგზავნილია', at(`2026-01-1${i}T10:00:00+04:00`), '']);
    invitations.push(['12-2025-1', 'newborn', 'გაგზავნილია', at('2025-12-20T10:00:00+04:00'), '']);
    invitations.push(['01-2026-9', 'newborn', 'ვერ გაიგზავნა', at('2026-01-20T10:00:00+04:00'), '']);
    writeRows(fx, TABS.invitations.name, invitations);
    fx.ws.core.setNow(APRIL);

    click(fx, AGENDA, '2026-Q1');
    const doc = one(live(fx), AGENDA_DOC);
    expect(docText(fx, doc.id)).toContain('N2 გამოხმაურების მაჩვენებელი: 75% (6 პასუხი 8 მოწვევაზე)');

    // The same days typed as dates: the same Doc, rewritten.
    click(fx, AGENDA, '01.01.2026..31.03.2026');
    const agendas = live(fx).filter((row) => row.name.startsWith('სამუშაო შეხვედრის დღის წესრიგი'));
    expect(agendas.map((row) => row.id)).toEqual([doc.id]);
  });

  it('tells the manager when the period cannot be read, and when the prompt was cancelled', () => {
    const fx = setUpWorkbook();
    fx.ws.core.setNow(APRIL);
    expect(click(fx, AGENDA, '2026-13')).toMatch(/^დღის წესრიგი არ მომზადდა\. თვე 13 არ არსებობს\. მაგალითად: 2026 წლის I კვარტალი \(ან 2026-Q1\)/);
    fx.ws.spreadsheets.ui.answerNext({ button: 'CANCEL' });
    fx.click(PUBLISH);
    expect(fx.ws.spreadsheets.ui.shown.slice(-1)[0].message).toBe('გამოქვეყნება გაუქმდა.');
    expect(fx.ws.docs.list().filter((d) => !d.name.includes('ქაღალდის') && !d.name.includes('პლაკატი'))).toEqual([]);
  });
});
