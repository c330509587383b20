/**
 * Google Docs for print: the drawing of domain/paper-layout blocks on A4 (type sizes, the answer
 * boxes as table cells, writing lines, the page break, the QR code), rewritten in place by
 * doc-writer's rewriteBody. Every text gets its size set: a Doc's default is 11 pt.
 */
import { ANSWER_MARK, PAPER_TYPE, WRITING_LINE, type PaperBlock } from '../domain/paper-layout';
import { encodeQr } from '../domain/qr';
import { qrToPng } from '../domain/png';
import { A4, pngBlob, rewriteBody } from './doc-writer';

type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type Table = GoogleAppsScript.Document.Table;

/** The text width of an A4 page inside the margins. */
const TEXT_WIDTH = A4.width - 2 * A4.margin;
const BORDER_COLOR = '#555555';

/** Draws the blocks on an A4 page (rewriteBody), in place of the Doc's content. */
export function writePaperBlocks(doc: GoogleAppsScript.Document.Document, blocks: readonly PaperBlock[]): void {
  rewriteBody(doc, (body) => {
    for (const block of blocks) drawBlock(body, block);
  });
}

/** Size and spacing of a paragraph (before, after, in points). */
function styled(paragraph: Paragraph, sizePt: number, before = 0, after = 3): Paragraph {
  paragraph.setSpacingBefore(before).setSpacingAfter(after).setLineSpacing(1.15);
  if (paragraph.getText() !== '') paragraph.editAsText().setFontSize(sizePt);
  return paragraph;
}

function drawBlock(body: Body, block: PaperBlock): void {
  const center = DocumentApp.HorizontalAlignment.CENTER;
  switch (block.kind) {
    case 'title':
      styled(body.appendParagraph(block.text).setHeading(DocumentApp.ParagraphHeading.TITLE).setAlignment(center), PAPER_TYPE.titlePt, 0, 6)
        .editAsText()
        .setBold(true);
      return;
    case 'subtitle':
      styled(body.appendParagraph(block.text).setHeading(DocumentApp.ParagraphHeading.SUBTITLE).setAlignment(center), PAPER_TYPE.bodyPt, 0, 2);
      return;
    case 'text': {
      // 'small' is for the poster's footnotes; the paper form has none.
      const paragraph = styled(body.appendParagraph(block.text), block.emphasis === 'small' ? 9 : PAPER_TYPE.bodyPt);
      if (block.center) paragraph.setAlignment(center);
      if (block.emphasis === 'bold') paragraph.editAsText().setBold(true);
      if (block.emphasis === 'italic') paragraph.editAsText().setItalic(true);
      return;
    }
    case 'question':
      styled(body.appendParagraph(block.text), PAPER_TYPE.bodyPt, 8, 4).editAsText().setBold(true);
      return;
    case 'choices':
      drawChoices(body, block.options, block.columns);
      return;
    case 'scaleGrid':
      drawScaleGrid(body, block.numbers, block.rows);
      return;
    case 'lines':
      for (let i = 0; i < block.count; i++) styled(body.appendParagraph(WRITING_LINE), PAPER_TYPE.bodyPt, 10, 0);
      return;
    case 'qr': {
      const image = body.appendImage(pngBlob(qrToPng(encodeQr(block.url, 'M'), 8, 4), 'qr.png'));
      image.setWidth(block.sizePt).setHeight(block.sizePt).setAltTitle(block.alt).setAltDescription(block.alt).setLinkUrl(block.url);
      image.getParent().asParagraph().setAlignment(center).setSpacingBefore(0).setSpacingAfter(0);
      return;
    }
    case 'pageBreak':
      body.appendPageBreak();
      return;
    case 'spacer':
      body.appendParagraph('');
      return;
  }
}

/** Each cell's one paragraph: its size, centred or not, no spacing. */
function styleCell(table: Table, row: number, column: number, sizePt: number, centered: boolean, bold = false): void {
  const cell = table.getCell(row, column);
  cell.setPaddingTop(2).setPaddingBottom(2).setPaddingLeft(4).setPaddingRight(4).setVerticalAlignment(DocumentApp.VerticalAlignment.CENTER);
  const paragraph = styled(cell.getChild(0).asParagraph(), sizePt, 0, 0);
  if (centered) paragraph.setAlignment(DocumentApp.HorizontalAlignment.CENTER);
  if (bold && paragraph.getText() !== '') paragraph.editAsText().setBold(true);
}

/** Options as a table: a box (a circle to mark) beside each option, `columns` options a row. */
function drawChoices(body: Body, options: readonly string[], columns: number): void {
  const perColumn = Math.ceil(options.length / columns);
  const rows: string[][] = [];
  for (let r = 0; r < perColumn; r++) {
    const row: string[] = [];
    for (let c = 0; c < columns; c++) {
      const option = options[c * perColumn + r];
      row.push(option === undefined ? '' : ANSWER_MARK, option ?? '');
    }
    rows.push(row);
  }
  const table = body.appendTable(rows).setBorderWidth(1).setBorderColor(BORDER_COLOR);
  const labelWidth = TEXT_WIDTH / columns - PAPER_TYPE.optionBoxPt;
  for (let c = 0; c < columns; c++) table.setColumnWidth(2 * c, PAPER_TYPE.optionBoxPt).setColumnWidth(2 * c + 1, labelWidth);
  rows.forEach((row, r) => {
    table.getRow(r).setMinimumHeight(PAPER_TYPE.optionRowPt);
    row.forEach((_, c) => styleCell(table, r, c, c % 2 === 0 ? PAPER_TYPE.markPt : PAPER_TYPE.optionPt, c % 2 === 0));
  });
}

/**
 * Scale questions as one grid: a header row with the scale's numbers over the answer columns
 * (the scale's words stand just above the grid), then a row per question, a box under each number.
 */
function drawScaleGrid(body: Body, numbers: readonly number[], questions: readonly string[]): void {
  const rows = [['', ...numbers.map(String)], ...questions.map((q) => [q, ...numbers.map(() => ANSWER_MARK)])];
  const table = body.appendTable(rows).setBorderWidth(1).setBorderColor(BORDER_COLOR);
  table.setColumnWidth(0, TEXT_WIDTH - numbers.length * PAPER_TYPE.boxWidthPt);
  numbers.forEach((_, i) => table.setColumnWidth(i + 1, PAPER_TYPE.boxWidthPt));
  styleCell(table, 0, 0, PAPER_TYPE.bodyPt, false);
  numbers.forEach((_, i) => styleCell(table, 0, i + 1, PAPER_TYPE.titlePt, true, true));
  questions.forEach((_, q) => {
    table.getRow(q + 1).setMinimumHeight(PAPER_TYPE.boxHeightPt);
    styleCell(table, q + 1, 0, PAPER_TYPE.bodyPt, false);
    numbers.forEach((_, i) => styleCell(table, q + 1, i + 1, PAPER_TYPE.markPt, true));
  });
}
