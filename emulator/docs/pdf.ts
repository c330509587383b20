/**
 * A document as a real, minimal PDF (Document.getAs('application/pdf'), getBlob).
 */
import { type DocModel, ORDERED_GLYPHS, cellText, textOf } from './model';

/** What the PDF's producer field says. */
const PRODUCER = 'apps-script-workspace-emulator';

/**
 * Maps text the built-in font cannot show (anything outside printable ASCII) to text it can, e.g.
 * a transliteration; what is still outside printable ASCII prints as '?'.
 */
export type PdfTransliterate = (text: string) => string;

function pdfString(text: string, transliterate: PdfTransliterate): string {
  const printable = transliterate(text).replace(/[^\x20-\x7e]/g, '?');
  return `(${printable.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

function pdfUtf16(text: string): string {
  const hex = Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();
  return `<FEFF${hex}>`;
}

const FONT_SIZES: Record<string, number> = {
  TITLE: 26,
  SUBTITLE: 15,
  HEADING1: 20,
  HEADING2: 16,
  HEADING3: 14,
  HEADING4: 12,
  HEADING5: 11,
  HEADING6: 11,
  NORMAL: 11,
};

/**
 * A real, minimal PDF 1.4: one Helvetica text line per wrapped line, pages of the document's size
 * and margins, page breaks honoured; images appear as their alt text. Valid structure (xref offsets
 * exact) so PDF readers and text extractors accept it.
 */
export function renderPdf(model: DocModel, name: string, transliterate: PdfTransliterate = (text) => text): Uint8Array {
  type Line = { text: string; size: number; indent: number };
  const pages: Line[][] = [[]];
  const usable = model.pageWidth - model.margins.left - model.margins.right;
  const push = (text: string, size: number, indent = 0) => {
    const perLine = Math.max(10, Math.floor((usable - indent) / (size * 0.5)));
    const words = text.split(/\s+/);
    let line = '';
    for (const word of words) {
      if (line && `${line} ${word}`.length > perLine) {
        pages[pages.length - 1].push({ text: line, size, indent });
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    pages[pages.length - 1].push({ text: line, size, indent });
  };
  for (const block of model.body.children) {
    if (block.kind === 'table') {
      for (const row of block.rows) push(row.cells.map((c) => cellText(c).replace(/\n/g, ' ')).join(' | '), 10);
      continue;
    }
    const size = FONT_SIZES[block.heading] ?? 11;
    const text = textOf(block).replace(/\r/g, ' ');
    const prefix = block.kind === 'listItem' ? (ORDERED_GLYPHS[block.glyph] ? '- ' : '* ') : '';
    if (text !== '' || block.inlines.length === 0) push(prefix + text, size, block.kind === 'listItem' ? 18 * (block.nesting + 1) : 0);
    for (const inline of block.inlines) {
      if (inline.kind === 'image') push(`[${inline.altTitle ?? inline.altDescription ?? 'image'}]`, 9);
      else if (inline.kind === 'hr') push('-'.repeat(40), 9);
      else if (inline.kind === 'pageBreak') pages.push([]);
    }
  }

  const streams = pages.flatMap((lines) => {
    const out: string[][] = [[]];
    let y = model.pageHeight - model.margins.top;
    for (const line of lines) {
      const height = line.size * 1.3;
      if (y - height < model.margins.bottom && out[out.length - 1].length) {
        out.push([]);
        y = model.pageHeight - model.margins.top;
      }
      y -= height;
      out[out.length - 1].push(
        `BT /F1 ${line.size} Tf ${(model.margins.left + line.indent).toFixed(2)} ${y.toFixed(2)} Td ${pdfString(line.text, transliterate)} Tj ET`,
      );
    }
    return out.map((ops) => ops.join('\n'));
  });

  const objects: string[] = [];
  const pageIds = streams.map((_, i) => 5 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = `<< /Title ${pdfUtf16(name)} /Producer (${PRODUCER}) >>`;
  streams.forEach((content, i) => {
    const pageId = pageIds[i];
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${model.pageWidth} ${model.pageHeight}] ` +
      `/Resources << /Font << /F1 3 0 R >> >> /Contents ${pageId + 1} 0 R >>`;
    objects[pageId + 1] = `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  });

  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(pdf, 'latin1');
    pdf += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xrefAt = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) pdf += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}
