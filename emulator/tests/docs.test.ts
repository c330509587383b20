import { DocsService, type DocsOptions } from '../docs';
import { BlobFake } from '../blob';
import type { CoreOptions } from '../core';
import { newCore } from './support';

function setup(options: { core?: Partial<CoreOptions>; docs?: DocsOptions } = {}) {
  const core = newCore(options.core);
  const docs = new DocsService(core, options.docs);
  return { core, docs, DocumentApp: docs.app };
}

/** A PNG header is all Docs needs to size an image: signature, IHDR length/type, width, height. */
function pngOf(width: number, height: number): GoogleAppsScript.Base.BlobSource {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  return new BlobFake(bytes, 'image/png', 'qr.png') as unknown as GoogleAppsScript.Base.BlobSource;
}

describe('DocumentApp', () => {
  test('a new document: one empty paragraph, US Letter with 1-inch margins, Drive-registered', () => {
    const { core, DocumentApp } = setup();
    const doc = DocumentApp.create('Report');
    const body = doc.getBody();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe('');
    expect([body.getPageWidth(), body.getPageHeight()]).toEqual([612, 792]);
    expect([body.getMarginTop(), body.getMarginLeft()]).toEqual([72, 72]);
    expect(core.drive.get(doc.getId())).toMatchObject({ kind: 'document', mimeType: 'application/vnd.google-apps.document' });
    expect(doc.getUrl()).toBe(`https://docs.google.com/document/d/${doc.getId()}/edit`);
  });

  test('headings are enum objects: compared by identity, printed by name', () => {
    const { DocumentApp } = setup();
    const paragraph = DocumentApp.create('d').getBody().appendParagraph('Title');
    expect(paragraph.getHeading()).toBe(DocumentApp.ParagraphHeading.NORMAL);
    paragraph.setHeading(DocumentApp.ParagraphHeading.HEADING2);
    expect(paragraph.getHeading()).toBe(DocumentApp.ParagraphHeading.HEADING2);
    expect(String(DocumentApp.ParagraphHeading.HEADING2)).toBe('HEADING2');
    expect(paragraph.getAlignment()).toBeNull();
    expect(paragraph.getType()).toBe(DocumentApp.ElementType.PARAGRAPH);
  });

  test('structure: paragraphs, list items, tables, images with alt text, page breaks and rules, as JSON', () => {
    const { docs, DocumentApp } = setup();
    const doc = DocumentApp.create('Report');
    const body = doc.getBody();
    const first = body.getChild(0).asParagraph();
    first.setText('Title'); // returns void in Apps Script, so no chaining
    first.setHeading(DocumentApp.ParagraphHeading.TITLE);
    body.appendParagraph('Intro').setAlignment(DocumentApp.HorizontalAlignment.CENTER);
    body.appendListItem('one').setGlyphType(DocumentApp.GlyphType.NUMBER);
    body.appendListItem('two').setNestingLevel(1);
    body.appendTable([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    const image = body.appendImage(pngOf(120, 80));
    image.setAltTitle('QR').setAltDescription('code');
    body.appendPageBreak();
    body.appendHorizontalRule();
    expect(docs.toJson(doc.getId())).toEqual({
      id: doc.getId(),
      name: 'Report',
      pageWidth: 612,
      pageHeight: 792,
      margins: { top: 72, bottom: 72, left: 72, right: 72 },
      body: [
        { type: 'paragraph', heading: 'TITLE', text: 'Title', alignment: null },
        { type: 'paragraph', heading: 'NORMAL', text: 'Intro', alignment: 'CENTER' },
        { type: 'listItem', text: 'one', nesting: 0, glyph: 'NUMBER' },
        { type: 'listItem', text: 'two', nesting: 1, glyph: 'BULLET' },
        {
          type: 'table',
          rows: [
            ['a', 'b'],
            ['c', 'd'],
          ],
        },
        { type: 'paragraph', heading: 'NORMAL', text: '', alignment: null },
        { type: 'image', altTitle: 'QR', altDescription: 'code', width: 120, height: 80, mimeType: 'image/png' },
        { type: 'pageBreak' },
        { type: 'hr' },
      ],
    });
    expect(body.getImages()[0].getAltTitle()).toBe('QR');
    expect(body.getListItems()[0].getListId()).toBe(body.getListItems()[1].getListId());
  });

  test('appendTable(string[][]) is one round trip; ragged rows are padded; the body keeps a paragraph after it', () => {
    const { core, DocumentApp } = setup();
    const body = DocumentApp.create('d').getBody();
    core.resetCalls();
    const rows = Array.from({ length: 200 }, (_, i) => [`row ${i}`, 'x', 'y']);
    rows.push(['short']);
    const table = body.appendTable(rows);
    expect(core.callSummary().byService.DocumentApp).toBe(1);
    expect(table.getNumRows()).toBe(201);
    expect(table.getRow(200).getNumCells()).toBe(3);
    expect(table.getCell(200, 2).getText()).toBe('');
    expect(table.getRow(0).getCell(0).getText()).toBe('row 0');
    expect(body.getNumChildren()).toBe(3);
    expect(body.getChild(2).getType()).toBe(DocumentApp.ElementType.PARAGRAPH);
  });

  test('table cells take backgrounds, text and paragraphs; border and column widths are kept', () => {
    const { docs, DocumentApp } = setup();
    const doc = DocumentApp.create('d');
    const table = doc.getBody().appendTable([['h1', 'h2']]);
    table.setBorderWidth(0).setColumnWidth(0, 100);
    const cell = table.getCell(0, 1);
    cell.setBackgroundColor('#eeeeee').setText('new');
    cell.appendParagraph('second');
    expect([table.getBorderWidth(), table.getColumnWidth(0), cell.getBackgroundColor()]).toEqual([0, 100, '#eeeeee']);
    expect(cell.getText()).toBe('new\nsecond');
    expect(docs.toHtml(doc.getId())).toContain('<td style="background:#eeeeee">');
  });

  test('page size: A4 in points, as scripts set it', () => {
    const { docs, DocumentApp } = setup();
    const doc = DocumentApp.create('d');
    doc.getBody().setPageWidth(595.276).setPageHeight(841.89).setMarginLeft(56).setMarginRight(56);
    expect(docs.toJson(doc.getId())).toMatchObject({ pageWidth: 595.276, pageHeight: 841.89, margins: { left: 56, right: 56 } });
    expect(docs.toHtml(doc.getId())).toContain('@page { size: 595.276pt 841.89pt;');
  });

  test('paragraph text: "\\n" becomes "\\r"; body text joins paragraphs with "\\n"', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('d').getBody();
    body.appendParagraph('a\nb');
    expect(body.getParagraphs()[1].getText()).toBe('a\rb');
    expect(body.getText()).toBe('\na\rb');
  });

  test('text styles by range: editAsText and appendText', () => {
    const { docs, DocumentApp } = setup();
    const doc = DocumentApp.create('d');
    const paragraph = doc.getBody().appendParagraph('Nombre: ');
    paragraph.editAsText().setBold(0, 5, true).setFontSize(14);
    paragraph.appendText('Zoë Ng').setItalic(true).setForegroundColor('#1155cc');
    const text = paragraph.editAsText();
    expect([text.isBold(0), text.isBold(7), text.getFontSize(3), text.isItalic(9)]).toEqual([true, null, 14, true]);
    expect(text.getText()).toBe('Nombre: Zoë Ng');
    expect(() => text.setBold(0, 99, true)).toThrow('Index (99) must be less than the content length (14).');
    expect(docs.toHtml(doc.getId())).toContain('<strong>');
  });

  test('setAttributes takes Attribute-keyed styles', () => {
    const { DocumentApp } = setup();
    const paragraph = DocumentApp.create('d').getBody().appendParagraph('x');
    const style: Record<string, unknown> = {};
    style[DocumentApp.Attribute.HEADING as unknown as string] = DocumentApp.ParagraphHeading.HEADING3;
    style[DocumentApp.Attribute.SPACING_AFTER as unknown as string] = 6;
    paragraph.setAttributes(style);
    expect(paragraph.getHeading()).toBe(DocumentApp.ParagraphHeading.HEADING3);
    expect(paragraph.getSpacingAfter()).toBe(6);
  });

  test('getAs: a real PDF (header, exact xref, %%EOF); other types fail as in Google', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('Übersicht');
    doc.getBody().appendParagraph('Grüße (hello)').setHeading(DocumentApp.ParagraphHeading.HEADING1);
    doc.getBody().appendPageBreak();
    doc.getBody().appendParagraph('page two');
    const blob = doc.getAs('application/pdf');
    expect([blob.getContentType(), blob.getName()]).toEqual(['application/pdf', 'Übersicht.pdf']);
    const pdf = Buffer.from(blob.getBytes()).toString('latin1');
    expect(pdf.startsWith('%PDF-1.4')).toBe(true);
    expect(pdf.endsWith('%%EOF\n')).toBe(true);
    // The built-in font shows printable ASCII only; the title keeps its Unicode (UTF-16).
    expect(pdf).toContain('(Gr??e \\(hello\\)) Tj');
    expect(pdf).toContain(`/Title <FEFF${Buffer.from('Übersicht', 'utf16le').swap16().toString('hex').toUpperCase()}>`);
    expect(pdf).toContain('/Count 2');
    const xrefAt = Number(/startxref\n(\d+)/.exec(pdf)![1]);
    expect(pdf.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const offsets = [...pdf.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((offset, i) => {
      expect(pdf.slice(offset).startsWith(`${i + 1} 0 obj`)).toBe(true);
    });
    expect(doc.getBlob().getContentType()).toBe('application/pdf');
    expect(() => doc.getAs('text/html')).toThrow('Converting from application/vnd.google-apps.document to text/html is not supported.');
  });

  test('saveAndClose closes that Document object; openById gives a working one', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('d');
    const body = doc.getBody();
    doc.saveAndClose();
    expect(() => body.appendParagraph('late')).toThrow('Document is closed, its contents cannot be updated.');
    const reopened = DocumentApp.openByUrl(doc.getUrl());
    reopened.getBody().appendParagraph('ok');
    expect(reopened.getBody().getNumChildren()).toBe(2);
  });

  test('errors users meet: missing document, child index, last paragraph', () => {
    const { DocumentApp } = setup();
    expect(() => DocumentApp.openById('missing')).toThrow("Document is missing (perhaps it was deleted, or you don't have read access?)");
    const body = DocumentApp.create('d').getBody();
    expect(() => body.getChild(3)).toThrow('Child index (3) must be less than the number of child elements (1).');
    expect(() => body.removeChild(body.getChild(0))).toThrow("Can't remove the last paragraph in a document section.");
    body.appendParagraph('x');
    body.clear();
    expect([body.getNumChildren(), body.getText()]).toEqual([1, '']);
    const copy = body.getParagraphs()[0].copy();
    body.appendParagraph(copy);
    expect(() => body.appendParagraph(copy)).toThrow('Element must be detached.');
  });

  test('a PDF transliteration given by the caller maps what the built-in font cannot show', () => {
    const pdfTransliterate = (text: string) => text.replace(/ü/g, 'ue').replace(/ß/g, 'ss');
    const { DocumentApp } = setup({ docs: { pdfTransliterate } });
    const doc = DocumentApp.create('d');
    doc.getBody().appendParagraph('Grüße, Ελλάδα');
    expect(Buffer.from(doc.getAs('application/pdf').getBytes()).toString('latin1')).toContain('(Gruesse, ??????) Tj');
  });

  test('toHtml: a self-contained page, text escaped, headings, lists, images inlined', () => {
    const { docs, DocumentApp } = setup();
    const doc = DocumentApp.create('<Report>');
    const body = doc.getBody();
    body.appendParagraph('Überschrift & <b>').setHeading(DocumentApp.ParagraphHeading.HEADING1);
    body.appendListItem('erste');
    body.appendImage(pngOf(10, 10)).setAltDescription('QR "code"');
    const html = docs.toHtml(doc.getId());
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('body { font-family: Arial, sans-serif; font-size: 11pt; }');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>&lt;Report&gt;</title>');
    expect(html).toContain('<h1>Überschrift &amp; &lt;b&gt;</h1>');
    expect(html).toContain('<ul><li style="margin-left:0em">erste</li>'.replace('<ul><li', '<ul>\n<li'));
    expect(html).toContain('src="data:image/png;base64,');
    expect(html).toContain('alt="QR &quot;code&quot;"');
    expect(docs.list()).toEqual([{ id: doc.getId(), name: '<Report>' }]);
  });

  test("toHtml declares the user's locale as its language, and the caller's fonts", () => {
    const { docs, DocumentApp } = setup({ core: { locale: 'de' }, docs: { htmlFontFamily: '"Noto Sans", sans-serif' } });
    const html = docs.toHtml(DocumentApp.create('d').getId());
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('body { font-family: "Noto Sans", sans-serif; font-size: 11pt; }');
    const french = setup({ core: { locale: 'de' }, docs: { htmlLanguage: 'fr' } });
    expect(french.docs.toHtml(french.DocumentApp.create('d').getId())).toContain('<html lang="fr">');
  });

  test('each mutating call is charged to DocumentApp', () => {
    const { core, DocumentApp } = setup();
    const body = DocumentApp.create('d').getBody();
    core.resetCalls();
    body.appendParagraph('a').setHeading(DocumentApp.ParagraphHeading.HEADING1);
    body.getText();
    expect(core.callSummary().byMethod).toEqual({ 'DocumentApp.Body.insertParagraph': 1, 'DocumentApp.Paragraph.setHeading': 1 });
  });
});
