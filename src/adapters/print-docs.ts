/**
 * Google Docs for print: Docs kept by id in script properties and rewritten in
 * place (same id, same link, no copies), and the drawing of domain/paper-layout blocks on A4.
 */
import { WRITING_LINE, type PaperBlock } from '../domain/paper-layout';
import { encodeQr } from '../domain/qr';
import { qrToPng } from '../domain/png';
import { readString, writeString } from './config';

type Body = GoogleAppsScript.Document.Body;
type Folder = GoogleAppsScript.Drive.Folder;

/** A4 in points (Docs measures pages in points). */
export const A4 = { width: 595.276, height: 841.89, margin: 42.5 } as const;

/** The Doc stored under `propertyKey`, or a new one in `folder`; `created` tells which. */
export function ensureDoc(propertyKey: string, name: string, folder: Folder): { doc: GoogleAppsScript.Document.Document; created: boolean } {
  const id = readString(propertyKey);
  if (id) {
    try {
      if (!DriveApp.getFileById(id).isTrashed()) return { doc: DocumentApp.openById(id), created: false };
    } catch (err) {
      console.warn(`Document ${id} (${propertyKey}) cannot be opened (${String(err)}); making a new one`);
    }
  }
  const doc = DocumentApp.create(name);
  // Stored before anything else can fail, so a re-run rewrites this Doc instead of making another.
  writeString(propertyKey, doc.getId());
  DriveApp.getFileById(doc.getId()).moveTo(folder);
  return { doc, created: true };
}

/** Clears the body and draws the blocks on an A4 page. */
export function writeBlocks(doc: GoogleAppsScript.Document.Document, blocks: readonly PaperBlock[]): void {
  const body = doc.getBody();
  body.clear();
  body
    .setPageWidth(A4.width)
    .setPageHeight(A4.height)
    .setMarginTop(A4.margin)
    .setMarginBottom(A4.margin)
    .setMarginLeft(A4.margin)
    .setMarginRight(A4.margin);
  for (const block of blocks) drawBlock(body, block);
  // clear() leaves one empty paragraph at the top; it is not the last one, so it may go.
  if (body.getNumChildren() > 1) body.getChild(0).removeFromParent();
  doc.saveAndClose();
}

function drawBlock(body: Body, block: PaperBlock): void {
  const center = DocumentApp.HorizontalAlignment.CENTER;
  switch (block.kind) {
    case 'title':
      body.appendParagraph(block.text).setHeading(DocumentApp.ParagraphHeading.TITLE).setAlignment(center);
      return;
    case 'subtitle':
      body.appendParagraph(block.text).setHeading(DocumentApp.ParagraphHeading.SUBTITLE).setAlignment(center);
      return;
    case 'text': {
      const paragraph = body.appendParagraph(block.text);
      if (block.center) paragraph.setAlignment(center);
      if (block.emphasis === 'bold') paragraph.editAsText().setBold(true);
      if (block.emphasis === 'italic') paragraph.editAsText().setItalic(true);
      if (block.emphasis === 'small') paragraph.editAsText().setFontSize(9);
      return;
    }
    case 'question':
      body.appendParagraph(block.text).setSpacingBefore(10).editAsText().setBold(true);
      return;
    case 'ticks':
      if (block.layout === 'inline') {
        body.appendParagraph(block.options.join('    '));
        return;
      }
      drawGrid(body, block.options);
      return;
    case 'lines':
      for (let i = 0; i < block.count; i++) body.appendParagraph(WRITING_LINE).setSpacingBefore(6);
      return;
    case 'qr': {
      const png = qrToPng(encodeQr(block.url, 'M'), 8, 4);
      const image = body.appendImage(Utilities.newBlob(png, 'image/png', 'qr.png'));
      image.setWidth(block.sizePt).setHeight(block.sizePt).setAltTitle(block.alt).setAltDescription(block.alt).setLinkUrl(block.url);
      image.getParent().asParagraph().setAlignment(center);
      return;
    }
    case 'spacer':
      body.appendParagraph('');
      return;
  }
}

/** Long choice lists as a borderless two-column table: one call however long the list. */
function drawGrid(body: Body, options: readonly string[]): void {
  const half = Math.ceil(options.length / 2);
  const rows: string[][] = [];
  for (let i = 0; i < half; i++) rows.push([options[i], options[i + half] ?? '']);
  body.appendTable(rows).setBorderWidth(0);
}
