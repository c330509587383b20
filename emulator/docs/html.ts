/**
 * A document as a self-contained HTML page (UTF-8, images inlined, page size as CSS @page): the
 * harness's view and the Drive export to text/html.
 */
import { type BlockNode, type DocModel, ORDERED_GLYPHS, type ParagraphNode, type TableNode, type TextNode } from './model';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Text runs as HTML, splitting where the recorded styles change. */
function runHtml(run: TextNode): string {
  if (run.styles.length === 0) return escapeHtml(run.text).replace(/\r/g, '<br>');
  const cuts = new Set<number>([0, run.text.length]);
  for (const s of run.styles) {
    cuts.add(Math.max(0, s.start));
    cuts.add(Math.min(run.text.length, s.end + 1));
  }
  const points = [...cuts].sort((a, b) => a - b);
  let html = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const attrs: Record<string, unknown> = {};
    for (const s of run.styles) if (from >= s.start && from <= s.end) Object.assign(attrs, s.attributes);
    let piece = escapeHtml(run.text.slice(from, to)).replace(/\r/g, '<br>');
    const css: string[] = [];
    if (attrs.FONT_SIZE) css.push(`font-size:${Number(attrs.FONT_SIZE)}pt`);
    if (attrs.FONT_FAMILY) css.push(`font-family:${escapeHtml(String(attrs.FONT_FAMILY))}`);
    if (attrs.FOREGROUND_COLOR) css.push(`color:${escapeHtml(String(attrs.FOREGROUND_COLOR))}`);
    if (attrs.BACKGROUND_COLOR) css.push(`background:${escapeHtml(String(attrs.BACKGROUND_COLOR))}`);
    if (attrs.UNDERLINE) css.push('text-decoration:underline');
    if (attrs.STRIKETHROUGH) css.push('text-decoration:line-through');
    if (attrs.BOLD) piece = `<strong>${piece}</strong>`;
    if (attrs.ITALIC) piece = `<em>${piece}</em>`;
    if (css.length) piece = `<span style="${css.join(';')}">${piece}</span>`;
    if (attrs.LINK_URL) piece = `<a href="${escapeHtml(String(attrs.LINK_URL))}">${piece}</a>`;
    html += piece;
  }
  return html;
}

function inlineHtml(paragraph: ParagraphNode): string {
  return paragraph.inlines
    .map((inline) => {
      if (inline.kind === 'text') return runHtml(inline);
      if (inline.kind !== 'image') return inline.kind === 'hr' ? '<hr>' : '<span class="page-break"></span>';
      const src = `data:${inline.mimeType};base64,${Buffer.from(inline.bytes).toString('base64')}`;
      const title = inline.altTitle === null ? '' : ` title="${escapeHtml(inline.altTitle)}"`;
      return `<img src="${src}" alt="${escapeHtml(inline.altDescription ?? inline.altTitle ?? '')}"${title} width="${inline.width}" height="${inline.height}">`;
    })
    .join('');
}

/** The font size set on every character of a paragraph's text (the largest if several), else null. */
function wholeTextSize(paragraph: ParagraphNode): number | null {
  let largest: number | null = null;
  for (const inline of paragraph.inlines) {
    if (inline.kind !== 'text' || inline.text === '') continue;
    const sized = inline.styles.filter((s) => typeof s.attributes.FONT_SIZE === 'number');
    for (let i = 0; i < inline.text.length; i++) {
      const style = sized.filter((s) => i >= s.start && i <= s.end).pop();
      if (!style) return null;
      largest = Math.max(largest ?? 0, style.attributes.FONT_SIZE as number);
    }
  }
  return largest;
}

const HEADING_TAGS: Record<string, string> = {
  HEADING1: 'h1',
  HEADING2: 'h2',
  HEADING3: 'h3',
  HEADING4: 'h4',
  HEADING5: 'h5',
  HEADING6: 'h6',
  TITLE: 'h1',
  SUBTITLE: 'p',
};
function blocksHtml(blocks: BlockNode[]): string {
  const out: string[] = [];
  let openList: string | null = null;
  const closeList = () => {
    if (openList) out.push(`</${openList}>`);
    openList = null;
  };
  for (const block of blocks) {
    if (block.kind === 'listItem') {
      const ordered = ORDERED_GLYPHS[block.glyph];
      const tag = ordered ? 'ol' : 'ul';
      if (openList !== tag) {
        closeList();
        out.push(ordered ? `<ol type="${ordered}">` : '<ul>');
        openList = tag;
      }
      out.push(`<li style="margin-left:${block.nesting * 2}em">${inlineHtml(block)}</li>`);
      continue;
    }
    closeList();
    if (block.kind === 'table') {
      out.push(tableHtml(block));
      continue;
    }
    const tag = HEADING_TAGS[block.heading] ?? 'p';
    const classes = block.heading === 'TITLE' ? ' class="title"' : block.heading === 'SUBTITLE' ? ' class="subtitle"' : '';
    const css: string[] = [];
    if (block.alignment) css.push(`text-align:${block.alignment === 'JUSTIFY' ? 'justify' : block.alignment.toLowerCase()}`);
    // Spacing set on the paragraph (setSpacingBefore/After, points; setLineSpacing, a multiple).
    const points = (key: string) => (typeof block.attributes[key] === 'number' ? (block.attributes[key] as number) : null);
    if (points('SPACING_BEFORE') !== null) css.push(`margin-top:${points('SPACING_BEFORE')}pt`);
    if (points('SPACING_AFTER') !== null) css.push(`margin-bottom:${points('SPACING_AFTER')}pt`);
    if (points('LINE_SPACING') !== null) css.push(`line-height:${points('LINE_SPACING')}`);
    // Docs sizes a line by its text; a heading whose whole text was given a size is that size.
    const size = wholeTextSize(block);
    if (size !== null && block.heading !== 'NORMAL') css.push(`font-size:${size}pt`);
    const style = css.length ? ` style="${css.join(';')}"` : '';
    out.push(`<${tag}${classes}${style}>${inlineHtml(block)}</${tag}>`);
  }
  closeList();
  return out.join('\n');
}

/**
 * A table as the Doc lays it out: border width and colour, column widths (Table.setColumnWidth,
 * else TableCell.setWidth), each row's minimum height, each cell's padding, background and
 * vertical alignment, in points. A row is never split across pages (as Docs keeps a row whole
 * unless it is taller than a page).
 */
function tableHtml(table: TableNode): string {
  const border = Number(table.attributes.BORDER_WIDTH ?? 1);
  // A border colour set on the table draws each cell's border in it (the default: the HTML border).
  const color = table.attributes.BORDER_COLOR && border > 0 ? escapeHtml(String(table.attributes.BORDER_COLOR)) : null;
  const rows = table.rows.map((r) => {
    const cells = r.cells.map((c, index) => {
      const css: string[] = color ? [`border:${border}pt solid ${color}`] : [];
      const width = table.columnWidths[index] ?? (typeof c.attributes.WIDTH === 'number' ? c.attributes.WIDTH : null);
      if (typeof width === 'number') css.push(`width:${width}pt`);
      for (const side of ['TOP', 'BOTTOM', 'LEFT', 'RIGHT']) {
        const padding = c.attributes[`PADDING_${side}`];
        if (typeof padding === 'number') css.push(`padding-${side.toLowerCase()}:${padding}pt`);
      }
      if (c.attributes.BACKGROUND_COLOR) css.push(`background:${escapeHtml(String(c.attributes.BACKGROUND_COLOR))}`);
      const vertical = c.attributes.VERTICAL_ALIGNMENT;
      if (vertical === 'CENTER') css.push('vertical-align:middle');
      if (vertical === 'BOTTOM') css.push('vertical-align:bottom');
      return `<td${css.length ? ` style="${css.join(';')}"` : ''}>${blocksHtml(c.children)}</td>`;
    });
    const minHeight = r.attributes.MINIMUM_HEIGHT;
    const height = typeof minHeight === 'number' && minHeight > 0 ? ` style="height:${minHeight}pt"` : '';
    return `<tr${height}>${cells.join('')}</tr>`;
  });
  const widths =
    table.columnWidths.length > 0 && table.columnWidths.every((w) => typeof w === 'number')
      ? `;table-layout:fixed;width:${table.columnWidths.reduce<number>((sum, w) => sum + (w ?? 0), 0)}pt`
      : '';
  return `<table style="border-collapse:collapse${widths}" border="${border}">${rows.join('')}</table>`;
}

/** What the page declares that the document does not say: its language and its fonts. */
export interface HtmlView {
  /** The `lang` attribute (a BCP 47 tag, e.g. `en`). */
  language: string;
  /** The body's CSS font-family list. */
  fontFamily: string;
}

export function renderHtml(model: DocModel, name: string, view: HtmlView): string {
  const m = model.margins;
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(view.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(name)}</title>`,
    '<style>',
    `@page { size: ${model.pageWidth}pt ${model.pageHeight}pt; margin: ${m.top}pt ${m.right}pt ${m.bottom}pt ${m.left}pt; }`,
    `body { font-family: ${view.fontFamily}; font-size: 11pt; }`,
    `main { max-width: ${model.pageWidth - m.left - m.right}pt; margin: 0 auto; }`,
    'td { padding: 5pt; vertical-align: top; } .title { font-size: 26pt; } .subtitle { font-size: 15pt; color: #666; }',
    '.page-break { display: block; break-after: page; } tr { break-inside: avoid; }',
    '</style>',
    '</head>',
    '<body>',
    '<main>',
    blocksHtml(model.body.children),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
