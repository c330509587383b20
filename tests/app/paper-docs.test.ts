/**
 * Offer: the printable paper N1 and the desk poster (menu "ქაღალდის ფორმა და QR
 * პლაკატი"), and the tabs where staff type in paper forms and other channels. The QR code is read
 * back with an independent decoder (jsQR) from the image stored in the Doc.
 */
import jsQR from 'jsqr';
import { N1, LIKERT_SCALE } from '../../src/domain/forms';
import { DEFAULT_SERVICES } from '../../src/domain/services';
import { LOGGED_CHANNELS, TABS, paperColumns } from '../../src/domain/schema';
import { MENU_ITEMS } from '../../src/app/menu';
import { PRINT_FOLDER } from '../../src/app/paper-docs';
import { PUBLIC_FOLDER } from '../../src/app/publish';
import { t } from '../../src/domain/messages';
import type { DocJson } from '../../emulator';
import { decodePng } from '../domain/png-reader';
import { freshWorkbook, setUpWorkbook, type Fixture } from '../support/workbook';

const caption = (handler: string): string => {
  const item = MENU_ITEMS.find((i) => i !== 'separator' && i.handler === handler);
  if (!item || item === 'separator') throw new Error(`no menu item for ${handler}`);
  return item.caption;
};
const PAPER_MENU = caption('menuPaperForms');
const SETUP_MENU = caption('menuSetup');
const CLERK = 'clerk@municipality.example.ge';

const prop = (fx: Fixture, key: string): string => {
  const value = fx.ws.properties.app.getScriptProperties().getProperty(key);
  if (!value) throw new Error(`no property ${key}`);
  return value;
};
const n1Url = (fx: Fixture): string => JSON.parse(prop(fx, 'form.N1')).publishedUrl;
const texts = (doc: DocJson): string[] =>
  doc.body.flatMap((b) => (b.type === 'paragraph' || b.type === 'listItem' ? [b.text] : b.type === 'table' ? b.rows.flat() : []));

/** Decodes every QR image of a Doc with jsQR, from the PNG bytes stored in the Doc. */
function decodeQrImages(fx: Fixture, docId: string): string[] {
  const images = fx.ws.docs.app.openById(docId).getBody().getImages();
  return images.map((image) => {
    const blob = image.getBlob();
    expect(blob.getContentType()).toBe('image/png');
    const png = decodePng(blob.getBytes().map((b) => b & 0xff));
    const result = jsQR(new Uint8ClampedArray(png.rgba), png.width, png.height, { inversionAttempts: 'dontInvert' });
    if (!result) throw new Error('QR code not readable');
    return result.data;
  });
}

function liveDrive(fx: Fixture): Array<{ id: string; name: string; mimeType: string; folderPath: string }> {
  return fx.ws.drive.index().filter((row) => !row.trashed);
}

describe('printable paper N1 and QR poster', () => {
  let fx: Fixture;
  let paperId: string;
  let posterId: string;
  beforeEach(() => {
    fx = setUpWorkbook();
    paperId = prop(fx, 'print.paper.N1');
    posterId = prop(fx, 'print.poster.N1');
  });

  it('setup makes both Docs, A4 with margins, in one print folder', () => {
    const docs = liveDrive(fx).filter((r) => r.mimeType === 'application/vnd.google-apps.document');
    expect(docs.map((d) => d.id).sort()).toEqual([paperId, posterId].sort());
    const folders = liveDrive(fx).filter((r) => r.mimeType === 'application/vnd.google-apps.folder');
    // The print folder, and the public reports' folder the self-check at setup's end shares by link (still empty).
    expect(folders.map((f) => f.name)).toEqual([PRINT_FOLDER.name, PUBLIC_FOLDER.name]);
    expect(liveDrive(fx).filter((r) => r.folderPath.includes(PUBLIC_FOLDER.name))).toEqual([]);
    for (const doc of docs) expect(doc.folderPath).toContain(PRINT_FOLDER.name);
    for (const id of [paperId, posterId]) {
      const json = fx.ws.docs.toJson(id);
      expect(json.pageWidth).toBeCloseTo(595.276, 2);
      expect(json.pageHeight).toBeCloseTo(841.89, 2);
      for (const margin of Object.values(json.margins)) expect(margin).toBeGreaterThan(20);
    }
  });

  it('holds the title, the intro with the anonymity note and every N1 question with its answer boxes', () => {
    const json = fx.ws.docs.toJson(paperId);
    const all = texts(json);
    const joined = all.join('\n');
    expect(json.body.some((b) => b.type === 'paragraph' && b.heading === 'TITLE' && b.text === N1.title)).toBe(true);
    expect(all).toContain(N1.intro);
    expect(N1.intro).toContain('ანონიმურია');
    // The paper says answering does not affect the application (the online form says it its own way).
    expect(all).toContain(t('form.paper_no_effect'));
    // every question once, in the definition's order
    const positions = N1.items.map((item) => all.findIndex((t) => t.includes(item.ka)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const item of N1.items) expect(all.filter((t) => t.includes(item.ka))).toHaveLength(1);
    // required questions are marked
    for (const item of N1.items.filter((i) => i.required)) expect(all.find((t) => t.includes(item.ka))).toMatch(/\*$/);
    // likert: one grid, the numbers 1–5 as its header, a circle to mark under each, a row per likert item
    const tables = json.body.flatMap((b) => (b.type === 'table' ? [b.rows] : []));
    const grid = tables.find((rows) => rows[0].join('|') === '|1|2|3|4|5');
    expect(grid).toBeDefined();
    expect(grid!.slice(1).map((row) => row.slice(1).join(''))).toEqual(N1.items.filter((i) => i.type === 'likert').map(() => '○○○○○'));
    expect(joined).toContain(LIKERT_SCALE.minLabel);
    expect(joined).toContain(LIKERT_SCALE.midLabel);
    expect(joined).toContain(LIKERT_SCALE.maxLabel);
    // choices beside a circle each, "other" with a line and last; the services of the services tab, "other" last
    for (const item of N1.items.filter((i) => i.type === 'choice')) {
      for (const choice of item.choices ?? []) expect(all).toContain(choice);
    }
    expect(joined).toMatch(/სხვა: _{5,}/);
    const serviceTable = tables[0];
    const columns = serviceTable[0].length / 2;
    const listed: string[] = [];
    for (let c = 0; c < columns; c++) for (const row of serviceTable) if (row[2 * c + 1]) listed.push(row[2 * c + 1]);
    expect(listed).toEqual(DEFAULT_SERVICES.map((service) => service.ka));
    expect(serviceTable.every((row) => row.every((cell, i) => i % 2 === 1 || cell === '○' || cell === ''))).toBe(true);
    // the form says answering does not affect the application
    expect(all).toContain(t('form.paper_no_effect'));
    // lines for free text, and where to drop the form
    expect(all.filter((t) => /^_{40,}$/.test(t)).length).toBeGreaterThanOrEqual(2);
    expect(joined).toContain('უკუკავშირის ყუთში');
    expect(joined).toContain('კანცელარი');
  });

  it('carries a QR code, with the link as alt text, that decodes to the online N1 form', () => {
    const url = n1Url(fx);
    expect(url).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/.+\/viewform$/);
    const images = fx.ws.docs.toJson(paperId).body.filter((b) => b.type === 'image');
    expect(images).toHaveLength(1);
    expect(images[0]).toMatchObject({ mimeType: 'image/png' });
    expect(images[0].type === 'image' && images[0].altDescription).toContain(url);
    expect(decodeQrImages(fx, paperId)).toEqual([url]);
    // the respondent who scans it reaches the N1 form itself
    const formId = JSON.parse(prop(fx, 'form.N1')).id;
    expect(fx.ws.forms.snapshot(formId).publishedUrl).toBe(url);
  });

  it('the poster: an invitation, the anonymity promise and a big QR code of the N1 form', () => {
    const json = fx.ws.docs.toJson(posterId);
    const joined = texts(json).join('\n');
    expect(joined).toContain('თქვენი აზრი მნიშვნელოვანია');
    expect(joined).toContain('ანონიმურია');
    const images = json.body.filter((b) => b.type === 'image');
    expect(images).toHaveLength(1);
    expect(images[0].type === 'image' && images[0].width).toBeGreaterThanOrEqual(300);
    expect(decodeQrImages(fx, posterId)).toEqual([n1Url(fx)]);
  });

  it('the menu rewrites the same Docs in place: same ids, no copies, nothing doubled', () => {
    const before = fx.ws.docs.toJson(paperId);
    const driveBefore = liveDrive(fx)
      .map((r) => r.id)
      .sort();
    fx.click(PAPER_MENU);
    fx.click(PAPER_MENU);
    const message = fx.ws.spreadsheets.ui.shown.at(-1)!.message;
    expect(message).toContain('მზადაა');
    expect(message).toContain(`https://docs.google.com/document/d/${paperId}/edit`);
    expect(
      liveDrive(fx)
        .map((r) => r.id)
        .sort(),
    ).toEqual(driveBefore);
    expect(fx.ws.docs.list()).toHaveLength(2);
    expect(fx.ws.docs.toJson(paperId)).toEqual(before);
    expect(decodeQrImages(fx, posterId)).toEqual([n1Url(fx)]);
    fx.click(SETUP_MENU);
    expect(fx.ws.docs.list()).toHaveLength(2);
  });

  it('a Doc staff threw away is made again, once', () => {
    fx.ws.drive.app.getFileById(posterId).setTrashed(true);
    fx.click(PAPER_MENU);
    const newPoster = prop(fx, 'print.poster.N1');
    expect(newPoster).not.toBe(posterId);
    expect(prop(fx, 'print.paper.N1')).toBe(paperId);
    const live = liveDrive(fx).filter((r) => r.mimeType === 'application/vnd.google-apps.document');
    expect(live.map((r) => r.id).sort()).toEqual([paperId, newPoster].sort());
    fx.click(PAPER_MENU);
    expect(prop(fx, 'print.poster.N1')).toBe(newPoster);
  });

  it('before setup, the menu says in Georgian to run setup first and makes nothing', () => {
    const bare = freshWorkbook();
    bare.click(PAPER_MENU);
    expect(bare.ws.spreadsheets.ui.shown[0].message).toContain('ჯერ გაუშვით');
    expect(bare.ws.docs.list()).toHaveLength(0);
  });
});

describe('paper entry tab and other-channels tab', () => {
  let fx: Fixture;
  let header: string[];
  const col = (key: string): string => {
    const i = header.findIndex((h) => h === key || paperColumns().some((c) => c.key === key && c.header === h));
    if (i < 0) throw new Error(`no column ${key}`);
    return String.fromCharCode(65 + i);
  };
  beforeEach(() => {
    fx = setUpWorkbook();
    header = (fx.ws.spreadsheets.snapshot(fx.spreadsheetId).tabs.find((t) => t.name === TABS.paper.name)!.values[0] as unknown[]).map(String);
  });

  it('has a Georgian how-to note on the header', () => {
    const note = fx.ws.spreadsheets.byId(fx.spreadsheetId).getSheetByName(TABS.paper.name)!.getRange('A1').getNote();
    expect(note).toContain('ერთი ფორმა = ერთი სტრიქონი');
    expect(note).toContain('1–5');
    expect(note).toContain('ცარიელი = პასუხი არ არის');
  });

  it('refuses a score of 7 or a made-up service as the clerk types, and accepts a valid form', () => {
    const edit = (a1: string, values: unknown[][]): void => fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.paper.name, a1, values, CLERK);
    expect(() => edit(`${col('n1.overall')}2`, [[7]])).toThrow(/invalid|violates|data validation/i);
    expect(() => edit(`${col('n1.info_easy')}2`, [[0]])).toThrow();
    expect(() => edit(`${col('n1.service')}2`, [['ასეთი სერვისი არ არსებობს']])).toThrow();
    expect(() => edit(`${col('n1.age_group')}2`, [['17']])).toThrow();
    // the whole refused write leaves the row empty
    expect(fx.ws.spreadsheets.snapshot(fx.spreadsheetId).tabs.find((t) => t.name === TABS.paper.name)!.values).toHaveLength(1);

    const row: unknown[] = header.map(() => '');
    row[0] = new Date('2026-01-05T10:00:00+04:00');
    const put = (key: string, value: unknown): void => {
      row[col(key).charCodeAt(0) - 65] = value;
    };
    put('n1.service', DEFAULT_SERVICES[0].ka);
    put('n1.heard_from', 'სხვა: მეზობელმა მითხრა'); // "other" is free text
    put('n1.info_easy', 4);
    put('n1.overall', 5);
    put('n1.improve', 'რიგი გრძელი იყო');
    put('n1.age_group', '65 და მეტი');
    const width = N1.items.length + 1;
    edit(`A2:${String.fromCharCode(64 + width)}2`, [row.slice(0, width)]);
    const stored = fx.ws.spreadsheets.snapshot(fx.spreadsheetId).tabs.find((t) => t.name === TABS.paper.name)!.values[1];
    expect(stored[col('n1.overall').charCodeAt(0) - 65]).toBe(5);
    expect(stored[col('n1.service').charCodeAt(0) - 65]).toBe(DEFAULT_SERVICES[0].ka);
    // the status column is the script's, not the clerk's
    expect(() => edit(`${col('სტატუსი')}2`, [['ok']])).toThrow();
  });

  it('other channels: a known channel and service are accepted, unknown ones refused', () => {
    const edit = (a1: string, values: unknown[][]): void => fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.otherChannels.name, a1, values, CLERK);
    expect(() => edit('B2', [['ფოსტის მტრედი']])).toThrow();
    expect(() => edit('C2', [['უცნობი სერვისი']])).toThrow();
    expect(() => edit('A2', [['ხვალ']])).toThrow();
    edit('A2:D2', [[new Date('2026-01-06T11:00:00+04:00'), LOGGED_CHANNELS[0].ka, DEFAULT_SERVICES[2].ka, 'დარეკა და მადლობა გადაგვიხადა']]);
    const values = fx.ws.spreadsheets.snapshot(fx.spreadsheetId).tabs.find((t) => t.name === TABS.otherChannels.name)!.values;
    expect(values[1].slice(1, 4)).toEqual([LOGGED_CHANNELS[0].ka, DEFAULT_SERVICES[2].ka, 'დარეკა და მადლობა გადაგვიხადა']);
    expect(() => edit('E2', [['done']])).toThrow();
  });
});
