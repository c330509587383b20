/**
 * Writes documents built as data (domain/doc-blocks.ts) into Google Docs. The body is cleared and
 * rewritten, so rebuilding a period updates its one Doc (src/adapters/drive-files.ts ensureDoc).
 * Each table goes in whole with appendTable(string[][]) and each chart with one appendImage, so
 * the number of calls follows the blocks, never the data rows.
 */
import { cellText, type DocBlock } from '../domain/doc-blocks';

type Document = GoogleAppsScript.Document.Document;
type Body = GoogleAppsScript.Document.Body;

/**
 * A PNG as a blob. Apps Script byte arrays are Java bytes (-128..127); the PNG encoders give
 * 0..255, so the upper half is wrapped.
 */
export function pngBlob(png: readonly number[], name: string): GoogleAppsScript.Base.Blob {
  return Utilities.newBlob(
    png.map((b) => (b > 127 ? b - 256 : b)),
    'image/png',
    name,
  );
}

/** A4 in points (Docs measures pages in points); a new Doc is US Letter. */
export const A4 = { width: 595.276, height: 841.89, margin: 42.5 } as const;

/**
 * Clears the Doc's body, lets `draw` append the new content, drops the empty paragraph clear()
 * leaves (a body is never empty) and saves. The Doc object is closed afterwards: read its id and
 * URL before, open it again to export it. Every Doc the product writes is A4 with the same
 * margins: it is printed in Georgia.
 */
export function rewriteBody(doc: Document, draw: (body: Body) => void): void {
  const body = doc.getBody();
  body.clear();
  body.setPageWidth(A4.width).setPageHeight(A4.height).setMarginTop(A4.margin).setMarginBottom(A4.margin).setMarginLeft(A4.margin).setMarginRight(A4.margin);
  const leading = body.getChild(0);
  draw(body);
  if (body.getNumChildren() > 1) body.removeChild(leading);
  doc.saveAndClose();
}

function heading(level: 1 | 2 | 3): GoogleAppsScript.Document.ParagraphHeading {
  const H = DocumentApp.ParagraphHeading;
  return level === 1 ? H.HEADING1 : level === 2 ? H.HEADING2 : H.HEADING3;
}

function appendBlock(body: Body, block: DocBlock, chartNumber: number): void {
  switch (block.kind) {
    case 'title':
      body.appendParagraph(block.text).setHeading(DocumentApp.ParagraphHeading.TITLE);
      return;
    case 'heading':
      body.appendParagraph(block.text).setHeading(heading(block.level));
      return;
    case 'paragraph':
      body.appendParagraph(block.text);
      return;
    case 'link':
      body.appendParagraph(block.text).editAsText().setLinkUrl(block.url);
      return;
    case 'bullets':
      for (const item of block.items) body.appendListItem(item);
      return;
    case 'table': {
      const table = body.appendTable([block.header, ...block.rows.map((row) => row.map(cellText))]);
      table.getRow(0).editAsText().setBold(true);
      return;
    }
    case 'chart': {
      const image = body.appendImage(pngBlob(block.png, `chart-${chartNumber}.png`));
      image.setAltTitle(block.alt.split(':')[0]);
      image.setAltDescription(block.alt);
      // Placed at the size it was drawn for (print resolution: domain/chart.ts).
      image.setWidth(block.widthPt).setHeight(Math.round((block.height * block.widthPt) / block.width));
      return;
    }
  }
}

/** Replaces the Doc's whole body with the blocks, then saves and closes it. */
export function writeBlocks(doc: Document, blocks: readonly DocBlock[]): void {
  rewriteBody(doc, (body) => {
    let charts = 0;
    for (const block of blocks) appendBlock(body, block, block.kind === 'chart' ? ++charts : charts);
  });
}
