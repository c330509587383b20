/**
 * The analysis report end to end on the emulated Workspace: a small hand-made quarter of
 * feedback is written straight into the feedback tab (as collection would leave it), the report
 * is built through the menu and by the daily job, and the Doc, its HTML copy and the managers'
 * mail are checked against figures computed by hand.
 */
import { FEEDBACK_HEADERS, recordToRow } from '../../src/domain/feedback-row';
import { TABS } from '../../src/domain/schema';
import type { AnswerValue, FeedbackRecord } from '../../src/domain/types';
import { appendTabRows, at, feedbackRecord, tabOf } from '../support/records';
import { failOnceAfter } from '../support/faults';
import type { DocJson, DocJsonItem } from '../../emulator';
import { setUpWorkbook, type Fixture } from '../support/workbook';
import { setSetting, typeOther } from '../support/tabs';

const MENU = 'ანალიტიკური ანგარიშის მომზადება';
const NEWBORN = 'ახალშობილთა ოჯახების ერთჯერადი ფინანსური დახმარება';
const FIREWOOD = 'სოციალურად დაუცველი ოჯახების საშეშე მერქნით უზრუნველყოფა';
const SUPPRESSED = '5-ზე ნაკლები პასუხი — არ ქვეყნდება';
const COMMENT = 'რიგი <b>ძალიან</b> გრძელია & ნელი';

function record(fields: Partial<FeedbackRecord> & { answers: Record<string, AnswerValue> }): FeedbackRecord {
  return feedbackRecord(fields);
}

/**
 * Q1 2026: 8 N1 paper responses for newborn, overall [5,5,5,4,4,3,2,1] and wait_ok
 * [5,4,3,2,2,2,1,1]; the five low ones (a score of 2 or less) carry the same comment under the
 * theme "waiting". 3 N2 responses for firewood (overall 5): a group of 3, suppressed.
 * Q4 2025: 10 N1 responses, overall 1. Nothing in Q1 2025.
 */
function quarterRecords(): FeedbackRecord[] {
  const overall = [5, 5, 5, 4, 4, 3, 2, 1];
  const wait = [5, 4, 3, 2, 2, 2, 1, 1];
  const records = overall.map((score, i) =>
    record({
      answers: { 'n1.overall': score, 'n1.wait_ok': wait[i], 'n1.improve': i >= 3 ? COMMENT : null },
      themes: i >= 3 ? ['waiting'] : [],
    }),
  );
  for (let i = 0; i < 3; i++) {
    records.push(record({ form: 'N2', channel: 'email_link', service: 'firewood', answers: { 'n2.overall': 5 }, receivedAt: at('2026-03-02T12:00:00+04:00') }));
  }
  for (let i = 0; i < 10; i++) records.push(record({ answers: { 'n1.overall': 1 }, receivedAt: at('2025-11-15T12:00:00+04:00') }));
  // The day after the quarter (Tbilisi time): not in Q1.
  records.push(record({ answers: { 'n1.overall': 1 }, receivedAt: at('2026-04-01T00:00:00+04:00') }));
  return records;
}

const sheet = tabOf;
const writeRows = appendTabRows;

function writeFeedback(f: Fixture, records: FeedbackRecord[]): void {
  writeRows(
    f,
    TABS.feedback.name,
    records.map((r) => recordToRow(r, FEEDBACK_HEADERS)),
  );
}

function seedQuarter(f: Fixture): void {
  writeFeedback(f, quarterRecords());
  // The invitations log: 6 sent in Q1, one sent in December, one that failed in Q1.
  const invitations = Array.from({ length: 6 }, (_, i) => [`01-2026-${i}`, 'firewood', 'გაგზავნილია', at(`2026-01-1${i}T10:00:00+04:00`), '']);
  invitations.push(['12-2025-1', 'firewood', 'გაგზავნილია', at('2025-12-20T10:00:00+04:00'), '']);
  invitations.push(['01-2026-9', 'firewood', 'ვერ გაიგზავნა', at('2026-01-20T10:00:00+04:00'), '']);
  writeRows(f, TABS.invitations.name, invitations);
  writeRows(f, TABS.actions.name, [
    [
      'გრძელი რიგი',
      NEWBORN,
      'waiting',
      'მეორე ფანჯრის გახსნა',
      'ნინო ბერიძე',
      at('2026-02-01T00:00:00+04:00'),
      'მიმდინარეობს',
      at('2026-01-10T00:00:00+04:00'),
      '',
    ],
    ['ინფორმაცია', NEWBORN, 'information', 'ბროშურა', 'გიორგი', at('2026-03-01T00:00:00+04:00'), 'შესრულებულია', '', ''],
  ]);
}

function buildFromMenu(f: Fixture, text: string): string {
  f.ws.spreadsheets.ui.answerNext({ button: 'OK', text });
  f.click(MENU);
  const shown = f.ws.spreadsheets.ui.shown;
  return shown[shown.length - 1].message;
}

function reportDocs(f: Fixture): Array<{ id: string; name: string }> {
  return f.ws.docs.list().filter((doc) => doc.name.startsWith('უკუკავშირის ანალიტიკური ანგარიში') || doc.name.startsWith('Feedback analysis report'));
}

function onlyReport(f: Fixture): DocJson {
  const docs = reportDocs(f);
  expect(docs).toHaveLength(1);
  return f.ws.docs.toJson(docs[0].id);
}

type Table = Extract<DocJsonItem, { type: 'table' }>;
type Image = Extract<DocJsonItem, { type: 'image' }>;

/** The first table after the heading with this text. */
function tableAfter(doc: DocJson, heading: string): string[][] {
  const start = doc.body.findIndex((item) => item.type === 'paragraph' && item.heading.startsWith('HEADING') && item.text === heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const table = doc.body.slice(start).find((item): item is Table => item.type === 'table');
  if (!table) throw new Error(`no table after ${heading}`);
  return table.rows;
}

function rowOf(rows: string[][], first: string): string[] {
  const row = rows.find((r) => r[0] === first);
  if (!row) throw new Error(`no row ${first} in ${JSON.stringify(rows.map((r) => r[0]))}`);
  return row;
}

describe('notes from other channels reach the problems', () => {
  it('phone and social-network notes, without scores, are read: typed, collected, counted under their theme', () => {
    const f = setUpWorkbook({ now: '2026-04-03T10:00:00+04:00' });
    const notes = [
      ['ტელეფონი', 'ქირის დახმარება ორი თვეა არ მოსულა'],
      ['ტელეფონი', 'თანხა ჯერ არ ჩამრიცხეს'],
      ['სოციალური ქსელი', 'tanxa ar charicxula jer'],
      ['სოციალური ქსელი', 'ᲨᲔᲨᲐ ᲯᲔᲠ ᲐᲠ ᲛᲝᲣᲢᲐᲜᲘᲐᲗ'],
      ['წერილი', 'დახმარება დაგვიანებით ჩაირიცხა'],
      // Praise is not a problem.
      ['ტელეფონი', 'თანხა დროულად ჩაირიცხა, მადლობა'],
    ];
    notes.forEach(([channel, text], i) => typeOther(f, i + 2, ['2026-02-1' + i, channel, '', text]));
    buildFromMenu(f, '2026-Q1');
    const doc = onlyReport(f);
    expect(rowOf(tableAfter(doc, 'პრობლემები თემების მიხედვით'), 'ჩარიცხვა და მიწოდება')[1]).toBe('5');
    expect(doc.body).toContainEqual(
      expect.objectContaining({ type: 'paragraph', text: expect.stringContaining('ყველა არხიდან (ფორმები, ტელეფონი, სოციალური ქსელი, ვებგვერდი, წერილი): 5') }),
    );
    expect(rowOf(tableAfter(doc, 'შექება თემების მიხედვით'), 'ჩარიცხვა და მიწოდება')[1]).toBe(SUPPRESSED);
  });
});

describe('analysis report from the menu', () => {
  let f: Fixture;
  beforeEach(() => {
    f = setUpWorkbook({ now: '2026-04-03T10:00:00+04:00' });
    seedQuarter(f);
  });

  it('builds the quarter with the figures computed by hand', () => {
    const message = buildFromMenu(f, '2026-Q1');
    expect(message).toContain('ანალიტიკური ანგარიში (2026 წლის I კვარტალი) მომზადდა');
    expect(message).toMatch(/https:\/\/docs\.google\.com\/document\/d\//);
    const doc = onlyReport(f);
    expect(doc.name).toBe('უკუკავშირის ანალიტიკური ანგარიში — 2026 წლის I კვარტალი');
    expect([doc.pageWidth, doc.pageHeight]).toEqual([595.276, 841.89]); // A4, as printed in Georgia

    // Data basis: 11 rows in Q1 (the row of 1 April is outside); N2 rate 3 / 6 sent.
    const basis = tableAfter(doc, 'მონაცემთა საფუძველი');
    expect(rowOf(basis, 'უკუკავშირი სულ')[1]).toBe('11');
    expect(rowOf(basis, 'ფორმა N1 (განცხადების წარდგენა)')[1]).toBe('8');
    // 3 N2 answers: a count of people below the minimum, suppressed like every other, and the rate resting on them too.
    expect(rowOf(basis, 'ფორმა N2 (მომსახურების დასრულება)')[1]).toBe(SUPPRESSED);
    expect(rowOf(basis, 'გაგზავნილი მოწვევები (N2)')[1]).toBe('6');
    expect(rowOf(basis, 'N2 გამოხმაურების მაჩვენებელი')[1]).toBe(SUPPRESSED);

    // N1 and N2 apart, never pooled: N1 5 of 8 agree = 63 %, Wilson [31 %, 86 %]; N2 (3) suppressed.
    const overall = tableAfter(doc, 'კმაყოფილება: N1 და N2 ცალ-ცალკე');
    expect(rowOf(overall, 'N1: კმაყოფილება განცხადების მიღებით').slice(0, 4)).toEqual(['N1: კმაყოფილება განცხადების მიღებით', '63%', '31%–86%', '8']);
    expect(rowOf(overall, 'N2: კმაყოფილება მომსახურებით')).toEqual(['N2: კმაყოფილება მომსახურებით', SUPPRESSED, '', '', '']);
    expect(overall.flat()).not.toContain('73%');

    // Drivers: efficiency is wait_ok, 2 of 8 agree, mean 20 / 8 = 2.5; ease has no answers.
    const drivers = tableAfter(doc, 'კმაყოფილების ფაქტორები');
    expect(rowOf(drivers, 'ეფექტიანობა').slice(1, 5)).toEqual(['25%', '7%–59%', '8', '2,5']);
    expect(rowOf(drivers, 'სიმარტივე')[1]).toBe('მონაცემი არ არის'); // nobody answered: no data, not "too few"

    // By service and by channel, within a form: N1's newborn / paper (8) are all of N1: published.
    // N2's firewood / email link (3) suppressed.
    const services = tableAfter(doc, 'სერვისების მიხედვით');
    expect(rowOf(services, NEWBORN).slice(1, 4)).toEqual(['63%', '31%–86%', '8']);
    expect(rowOf(tableAfter(doc, 'N2: კმაყოფილება მომსახურებით'), FIREWOOD)).toEqual([FIREWOOD, SUPPRESSED, '', '', '']);
    const channels = tableAfter(doc, 'არხების მიხედვით');
    expect(rowOf(channels, 'ქაღალდის ფორმა')[1]).toBe('63%');

    // Trend: Q4 2025 was 0 of 10 ([0 %, 28 %]); Q1's [43 %, 90 %] lies above it: improved.
    // Q1 2025 had nothing: not enough data.
    const trends = tableAfter(doc, 'დინამიკა');
    expect(trends[0]).toEqual([
      '',
      'მიმდინარე პერიოდი',
      'წინა პერიოდი (2025 წლის IV კვარტალი)',
      'ცვლილება',
      'გასული წლის იგივე პერიოდი (2025 წლის I კვარტალი)',
      'ცვლილება',
    ]);
    expect(rowOf(trends, 'N1: კმაყოფილება განცხადების მიღებით')).toEqual([
      'N1: კმაყოფილება განცხადების მიღებით',
      '63% (n = 8)',
      '0% (n = 10)',
      'გაუმჯობესდა',
      'მონაცემი არ არის', // nobody answered in Q1 2025: no data, not "too few"
      'არასაკმარისი მონაცემები',
    ]);

    // Main problems: wait_ok is the lowest question; the queue has 5 problem texts, its comment quoted once.
    const lowest = tableAfter(doc, 'ყველაზე დაბალი შეფასების შეკითხვები');
    expect(lowest[1][0]).toContain('გონივრული დრო');
    const themes = tableAfter(doc, 'პრობლემები თემების მიხედვით');
    expect(themes[0]).toEqual(['თემა', 'ტექსტები', 'კომენტარები']);
    expect(themes[1]).toEqual(['რიგი და ლოდინი მერიაში', '5', `• ${COMMENT}`]);
    expect(doc.body).toContainEqual(expect.objectContaining({ type: 'paragraph', text: 'დაბალი შეფასების (1–2) პასუხები: 5' }));

    // Actions with status; the open one due 1 February is overdue at the end of March.
    const actions = tableAfter(doc, 'ღონისძიებები');
    expect(actions[1]).toEqual(['გრძელი რიგი', 'მეორე ფანჯრის გახსნა', NEWBORN, 'ნინო ბერიძე', '01.02.2026', 'მიმდინარეობს — ვადაგადაცილებულია']);
    expect(actions[2]).toEqual(['ინფორმაცია', 'ბროშურა', NEWBORN, 'გიორგი', '01.03.2026', 'შესრულებულია']);

    // Structure: a title, section headings, a methodology note naming the minimum group size.
    expect(doc.body[0]).toMatchObject({ type: 'paragraph', heading: 'TITLE', text: 'უკუკავშირის ანალიტიკური ანგარიში' });
    const headings = doc.body.filter((item) => item.type === 'paragraph' && item.heading === 'HEADING1').map((item) => (item as { text: string }).text);
    expect(headings).toEqual([
      'მოკლედ',
      'მონაცემთა საფუძველი',
      'ვინ გვიპასუხა',
      'მოცვა და გამოხმაურება სერვისებისა და არხების მიხედვით',
      'ვისამდე მივაღწიეთ: მოწვევის არხების მიხედვით',
      'კმაყოფილება: N1 და N2 ცალ-ცალკე',
      'კმაყოფილების ფაქტორები',
      'შეკითხვების მიხედვით',
      'სერვისების მიხედვით',
      'ფაქტორები სერვისების მიხედვით',
      'არხების მიხედვით',
      'დინამიკა',
      'ძირითადი პრობლემები',
      'რა მოეწონათ',
      'ღონისძიებები',
      'მეთოდოლოგია',
    ]);
    expect(doc.body).toContainEqual(expect.objectContaining({ type: 'paragraph', text: expect.stringContaining('5-ზე ნაკლები პასუხია') }));
    // Reach: the log's rows without a channel cell are email; 3 N2 answers by email are too few to show.
    expect(rowOf(tableAfter(doc, 'ვისამდე მივაღწიეთ: მოწვევის არხების მიხედვით'), 'ელფოსტა (N2)')).toEqual([
      'ელფოსტა (N2)',
      '6',
      'ნაკლებია 5-ზე — არ ქვეყნდება',
      '',
    ]);
  });

  it('names a theme the themes tab no longer holds by its default label, as the agenda and the public report do', () => {
    // Staff replaced the default themes with their own; feedback tagged "waiting" before still reads well.
    const themes = sheet(f, TABS.themes.name);
    const rows = themes.getLastRow() - 1;
    themes.getRange(2, 1, rows, 3).setValues([['parking', 'პარკინგი', 'პარკ'], ...Array.from({ length: rows - 1 }, () => ['', '', ''])]);
    buildFromMenu(f, '2026-Q1');
    expect(tableAfter(onlyReport(f), 'პრობლემები თემების მიხედვით')[1][0]).toBe('რიგი და ლოდინი მერიაში');
  });

  it('draws the driver, service and trend charts as PNG images with alt text, without suppressed groups', () => {
    buildFromMenu(f, '2026-Q1');
    const images = onlyReport(f).body.filter((item): item is Image => item.type === 'image');
    expect(images).toHaveLength(3); // N1's drivers, N1's services, N1's trend: N2 (3 answers) is hidden
    for (const image of images) {
      expect(image.mimeType).toBe('image/png');
      expect(image.width).toBe(440);
    }
    expect(images[0].altDescription).toMatch(/^კმაყოფილების ფაქტორები — N1: /);
    expect(images[0].altDescription).toContain('ეფექტიანობა: 25% (7%–59%)');
    expect(images[0].altDescription).not.toContain('სიმარტივე'); // no answers: not charted
    expect(images.some((image) => `${image.altDescription}`.includes(FIREWOOD))).toBe(false);
    expect(images[2].altDescription).toBe(
      'კმაყოფილება განცხადების მიღებით: კმაყოფილება პერიოდების მიხედვით: მიმდინარე პერიოდი (2026 წლის I კვარტალი): 63% (31%–86%); წინა პერიოდი (2025 წლის IV კვარტალი): 0% (0%–28%)',
    );
  });

  it('writes the HTML rendering next to the Doc, escaped', () => {
    buildFromMenu(f, '2026-Q1');
    const index = f.ws.drive.index();
    const doc = index.find((row) => row.name === 'უკუკავშირის ანალიტიკური ანგარიში — 2026 წლის I კვარტალი')!;
    const html = index.filter((row) => row.name.endsWith('.html'));
    expect(html).toHaveLength(1);
    expect(html[0]).toMatchObject({ name: `${doc.name}.html`, mimeType: 'text/html', folderPath: doc.folderPath });
    expect(doc.folderPath).toBe('My Drive/უკუკავშირი — ანალიტიკური ანგარიშები');
    expect(doc.sharing.access).toBe('PRIVATE');
    const text = Buffer.from(f.ws.drive.contentOf(html[0].id)!).toString('utf8');
    expect(text.startsWith('<!DOCTYPE html><html lang="ka">')).toBe(true);
    expect(text).toContain('<td>N1: კმაყოფილება განცხადების მიღებით</td><td>63%</td><td>31%–86%</td><td>8</td>');
    expect(text).toContain('რიგი &lt;b&gt;ძალიან&lt;/b&gt; გრძელია &amp; ნელი');
    expect(text).not.toContain('<b>ძალიან');
    expect(text.match(/<img src="data:image\/png;base64,/g)).toHaveLength(3); // N1's drivers, services and trend
  });

  it('rebuilds a period into the same Doc and HTML file, with the new figures', () => {
    buildFromMenu(f, '2026-Q1');
    const [first] = reportDocs(f);
    writeFeedback(
      f,
      Array.from({ length: 4 }, () => record({ form: 'N2', channel: 'email_link', service: 'firewood', answers: { 'n2.overall': 4 } })),
    );
    const message = buildFromMenu(f, '01.01.2026..31.03.2026'); // the same period typed as dates
    expect(message).toContain('განახლდა');
    const doc = onlyReport(f);
    expect(doc.id).toBe(first.id);
    // Firewood now has 7 responses, all agreeing: published.
    expect(rowOf(tableAfter(doc, 'N2: კმაყოფილება მომსახურებით'), FIREWOOD).slice(1, 4)).toEqual(['100%', '65%–100%', '7']);
    expect(rowOf(tableAfter(doc, 'მონაცემთა საფუძველი'), 'უკუკავშირი სულ')[1]).toBe('15');
    const live = f.ws.drive.index().filter((row) => !row.trashed);
    expect(live.filter((row) => row.name.endsWith('.html'))).toHaveLength(1);
    expect(live.filter((row) => row.mimeType === 'application/vnd.google-apps.folder' && row.name.includes('ანალიტიკური'))).toHaveLength(1);
  });

  it('writes the report in English when the settings say so', () => {
    setSetting(f, 'language', 'en');
    buildFromMenu(f, '2026-Q1');
    const doc = onlyReport(f);
    expect(doc.name).toBe('Feedback analysis report — Q1 2026');
    const satisfied = 'N1: Satisfied with how the application was received';
    expect(rowOf(tableAfter(doc, 'Satisfaction: N1 and N2 apart'), satisfied).slice(0, 4)).toEqual([satisfied, '63%', '31%–86%', '8']);
    expect(rowOf(tableAfter(doc, 'N2: Satisfied with the service'), 'firewood')[1]).toBe('Fewer than 5 responses — not shown');
  });

  it.each([
    ['2026-Q5', 'პერიოდი ვერ წავიკითხე'],
    ['2026-13', 'თვე 13 არ არსებობს'],
    ['31.03.2026..01.01.2026', 'დასაწყისი მის დასასრულზე გვიანაა'],
    ['2027', 'ჯერ არ დაწყებულა'],
    ['', 'არ არის მითითებული'],
  ])('refuses the period %j with a Georgian alert and builds nothing', (text, reason) => {
    const message = buildFromMenu(f, text);
    expect(message).toContain('ანგარიში არ მომზადდა.');
    expect(message).toContain(reason);
    expect(message).toContain('მაგალითად: 2026 წლის I კვარტალი (ან 2026-Q1)');
    expect(reportDocs(f)).toHaveLength(0);
  });

  it('does nothing when the prompt is cancelled', () => {
    f.ws.spreadsheets.ui.answerNext({ button: 'CANCEL' });
    f.click(MENU);
    expect(f.ws.spreadsheets.ui.shown.slice(-1)[0].message).toBe('ანგარიშის მომზადება გაუქმდა.');
    expect(reportDocs(f)).toHaveLength(0);
  });

  it('builds the report even when the collection before it fails', () => {
    f.ws.core.faultHook = (service, method, core) => {
      // Collection runs first and reads the form records from the script properties (after the
      // owner check, which reads them too: the stack tells the two apart).
      if (core.current()?.handler === 'menuBuildReport' && service === 'PropertiesService' && !collectionFailed && /collectAll/.test(new Error().stack ?? '')) {
        collectionFailed = true;
        throw new Error('Service unavailable: Properties');
      }
      void method;
    };
    let collectionFailed = false;
    const message = buildFromMenu(f, '2026-Q1');
    expect(collectionFailed).toBe(true);
    expect(message).toContain('მომზადდა');
    expect(message).toContain('შეგროვება ვერ შესრულდა');
    expect(reportDocs(f)).toHaveLength(1);
  });

  it('calls Google a fixed number of times whatever the number of feedback rows', () => {
    buildFromMenu(f, '2026-Q1');
    const countCalls = (): number => {
      f.ws.core.resetCalls();
      buildFromMenu(f, '2026-Q1');
      const calls = f.ws.core.callSummary().byService;
      return (calls.SpreadsheetApp ?? 0) + (calls.DocumentApp ?? 0) + (calls.DriveApp ?? 0);
    };
    const few = countCalls();
    // Same period last year: read with the rest, and no new table or chart in this quarter's report.
    const lastYear = at('2025-02-15T12:00:00+04:00');
    writeFeedback(
      f,
      Array.from({ length: 2000 }, (_, i) => record({ answers: { 'n1.overall': 1 + (i % 5) }, service: i % 2 ? 'newborn' : 'firewood', receivedAt: lastYear })),
    );
    // The build that first shows last year's figures also appends them to the disclosure ledger
    // (one write); rebuilding the same report appends nothing, as in `few`.
    buildFromMenu(f, '2026-Q1');
    expect(countCalls()).toBe(few);
  });
});

describe('scheduled report (dailyJobs)', () => {
  it('builds the last completed quarter once and mails the managers once', () => {
    const f = setUpWorkbook({ now: '2026-01-05T09:00:00+04:00' });
    seedQuarter(f);
    setSetting(f, 'managers', 'director@example.ge, deputy@example.ge, not-an-email');
    setSetting(f, 'municipality', 'მერია <script>alert(1)</script>');

    f.ws.script.runClockUntil(at('2026-03-31T23:00:00+04:00').getTime());
    expect(reportDocs(f)).toHaveLength(0); // Q4 2025 predates the system; Q1 is not over
    expect(f.ws.mail.sent).toHaveLength(0);

    f.ws.script.runClockUntil(at('2026-04-01T12:00:00+04:00').getTime());
    const docs = reportDocs(f);
    expect(docs.map((d) => d.name)).toEqual(['უკუკავშირის ანალიტიკური ანგარიში — 2026 წლის I კვარტალი']);
    expect(f.ws.mail.sent).toHaveLength(1);
    const mail = f.ws.mail.sent[0];
    expect(mail.to).toBe('director@example.ge,deputy@example.ge');
    expect(mail.subject).toBe('ანალიტიკური ანგარიში — 2026 წლის I კვარტალი');
    expect(mail.htmlBody).toContain(`https://docs.google.com/document/d/${docs[0].id}/edit`);
    expect(mail.body).toContain(`https://docs.google.com/document/d/${docs[0].id}/edit`);
    expect(mail.htmlBody).toContain('მერია &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.htmlBody).not.toContain('<script>');
    // The key figures are in the mail itself, each form apart (N1: 5 of 8 agree), never pooled (8 of 11: 73 %).
    for (const text of [mail.body, mail.htmlBody]) {
      expect(text).toContain('კმაყოფილება განცხადების მიღებით: 63% (n = 8).');
      expect(text).toContain('N1 — 8, N2 — 5-ზე ნაკლები პასუხი — არ ქვეყნდება');
      expect(text).not.toContain('73%');
    }

    f.ws.script.runClockUntil(at('2026-04-20T12:00:00+04:00').getTime());
    expect(reportDocs(f)).toHaveLength(1);
    expect(f.ws.mail.sent).toHaveLength(1);
  });

  it('builds each month when the settings say monthly, and retries only the mail after a failed send', () => {
    const f = setUpWorkbook({ now: '2026-01-05T09:00:00+04:00' });
    seedQuarter(f);
    setSetting(f, 'managers', 'director@example.ge');
    setSetting(f, 'reportPeriod', 'monthly');
    let failMail = true;
    f.ws.core.faultHook = (service, method) => {
      if (service === 'MailApp' && method === 'sendEmail' && failMail) {
        failMail = false;
        throw new Error('Service invoked too many times for one day: email.');
      }
    };
    f.ws.script.runClockUntil(at('2026-02-01T12:00:00+04:00').getTime());
    expect(reportDocs(f).map((d) => d.name)).toEqual(['უკუკავშირის ანალიტიკური ანგარიში — 2026 წლის იანვარი']);
    expect(f.ws.mail.sent).toHaveLength(0); // the send failed

    f.ws.script.runClockUntil(at('2026-03-01T12:00:00+04:00').getTime());
    expect(
      reportDocs(f)
        .map((d) => d.name)
        .sort(),
    ).toEqual(['უკუკავშირის ანალიტიკური ანგარიში — 2026 წლის თებერვალი', 'უკუკავშირის ანალიტიკური ანგარიში — 2026 წლის იანვარი']);
    expect(f.ws.mail.sent.map((m) => m.subject)).toEqual(['ანალიტიკური ანგარიში — 2026 წლის იანვარი', 'ანალიტიკური ანგარიში — 2026 წლის თებერვალი']);
  });
});

describe('the report Doc and its HTML copy are kept per period', () => {
  let f: Fixture;
  beforeEach(() => {
    f = setUpWorkbook({ now: '2026-04-03T10:00:00+04:00' });
    seedQuarter(f);
  });

  it.each([
    ['Drive', 'Files.create', 1],
    ['Drive', 'Files.create', 2],
    ['Drive', 'Files.create', 3],
  ])('a build that failed right after %s.%s (call %s) is finished by the next one, without a duplicate', (service, method, nth) => {
    const fired = failOnceAfter(f, service, method, nth);
    buildFromMenu(f, '2026-Q1');
    f.ws.core.faultHook = null;
    expect(fired()).toBe(true);
    buildFromMenu(f, '2026-Q1');
    onlyReport(f);
    const live = f.ws.drive.index().filter((row) => !row.trashed);
    expect(live.filter((row) => row.name.endsWith('.html'))).toHaveLength(1);
    expect(live.filter((row) => row.mimeType === 'application/vnd.google-apps.folder' && row.name.includes('ანალიტიკური'))).toHaveLength(1);
    for (const row of live.filter((r) => r.name.startsWith('უკუკავშირის ანალიტიკური ანგარიში'))) {
      expect(row.folderPath).toBe('My Drive/უკუკავშირი — ანალიტიკური ანგარიშები');
    }
  });

  it('switching the language renames the same Doc and HTML file instead of making new ones', () => {
    buildFromMenu(f, '2026-Q1');
    const [georgian] = reportDocs(f);
    setSetting(f, 'language', 'en');
    buildFromMenu(f, '2026-Q1');
    const doc = onlyReport(f);
    expect(doc.id).toBe(georgian.id);
    expect(doc.name).toBe('Feedback analysis report — Q1 2026');
    const html = f.ws.drive.index().filter((row) => !row.trashed && row.name.endsWith('.html'));
    expect(html.map((row) => row.name)).toEqual(['Feedback analysis report — Q1 2026.html']);
  });
});

describe('comments quoted in the internal report', () => {
  it('are redacted: no applicant name, phone number or email reaches the Doc or its HTML', () => {
    const f = setUpWorkbook();
    writeRows(f, TABS.applications.name, [
      ['01-2026-0001', at('2026-01-05T10:00:00+04:00'), NEWBORN, 'ნინო ბერიძე', 'nino@example.ge', 'კანცელარია', 'მიღებულია'],
    ]);
    const leak = 'ბერიძე ნინო ელოდა 3 საათი, დარეკეთ 599 12 34 56 ან მისწერეთ nino.b@example.ge';
    writeFeedback(
      f,
      Array.from({ length: 6 }, () => record({ answers: { 'n1.overall': 1, 'n1.improve': leak }, themes: ['waiting'] })),
    );
    buildFromMenu(f, '2026-Q1');
    const doc = JSON.stringify(onlyReport(f).body);
    const htmlFile = f.ws.drive.index().find((file) => file.mimeType === 'text/html' && file.name.startsWith('უკუკავშირის ანალიტიკური ანგარიში'))!;
    const html = Buffer.from(f.ws.drive.contentOf(htmlFile.id)!).toString('utf8');
    for (const text of [doc, html]) {
      expect(text).toContain('ელოდა 3 საათი');
      expect(text).toContain('[დამალულია]');
      for (const secret of ['ბერიძე', 'ნინო', '599 12 34 56', 'nino.b@example.ge']) expect(text).not.toContain(secret);
    }
  });
});
