/**
 * Google Docs for print: the drawing of domain/paper-layout blocks on A4 (alignment, emphasis,
 * tick boxes, writing lines, the QR code), rewritten in place by doc-writer's rewriteBody.
 */
import { WRITING_LINE, type PaperBlock } from '../domain/paper-layout';
import { encodeQr } from '../domain/qr';
import { qrToPng } from '../domain/png';
import { pngBlob, rewriteBody } from './doc-writer';

type Body = GoogleAppsScript.Document.Body;

/** Draws the blocks on an A4 page (rewriteBody), in place of the Doc's content. */
export function writePaperBlocks(doc: GoogleAppsScript.Document.Document, blocks: readonly PaperBlock[]): void {
  rewriteBody(doc, (body) => {
    for (const block of blocks) drawBlock(body, block);
  });
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
      const image = body.appendImage(pngBlob(qrToPng(encodeQr(block.url, 'M'), 8, 4), 'qr.png'));
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
