/**
 * A document as Markdown (Document.getAs('text/markdown')).
 */
import { type DocModel, ORDERED_GLYPHS, cellText, textOf } from './model';

export function renderMarkdown(model: DocModel): string {
  const lines: string[] = [];
  const headingMarks: Record<string, string> = {
    TITLE: '# ',
    HEADING1: '# ',
    HEADING2: '## ',
    HEADING3: '### ',
    HEADING4: '#### ',
    HEADING5: '##### ',
    HEADING6: '###### ',
  };
  for (const block of model.body.children) {
    if (block.kind === 'table') {
      const rows = block.rows.map((r) => `| ${r.cells.map((c) => cellText(c).replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`);
      if (rows.length) rows.splice(1, 0, `|${block.rows[0].cells.map(() => ' --- |').join('')}`);
      lines.push(...rows, '');
      continue;
    }
    const text = textOf(block).replace(/\r/g, '  \n');
    if (block.kind === 'listItem') {
      lines.push(`${'  '.repeat(block.nesting)}${ORDERED_GLYPHS[block.glyph] ? '1.' : '-'} ${text}`);
    } else if (text !== '') {
      lines.push(`${headingMarks[block.heading] ?? ''}${text}`, '');
    }
  }
  return lines.join('\n');
}
