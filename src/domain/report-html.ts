/**
 * The report layout as one self-contained HTML page: inline styles, charts as PNG data URIs with
 * alt text, every text escaped. Suppressed groups show a notice instead of figures.
 */
import { pngDataUri } from './png';
import type { ReportModel } from './report-model';
import { reportLayout, type Block, type Cell, type LayoutOptions, type ReportLayout } from './report-layout';
import type { ReportLabels } from './report-labels';
import { escapeHtml } from './sanitize';

export { reportLabels, type ReportLabels, type ReportTextId } from './report-labels';

function cellHtml(cell: Cell): string {
  if (typeof cell === 'string') return escapeHtml(cell);
  if ('spans' in cell) {
    return cell.spans.map((span) => (span.tone ? `<span class="${span.tone}">${escapeHtml(span.text)}</span>` : escapeHtml(span.text))).join(' ');
  }
  return cell.list.length ? `<ul>${cell.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>` : '';
}

function row(cells: readonly string[], tag: 'th' | 'td'): string {
  return `<tr>${cells.map((cell) => `<${tag}>${cell}</${tag}>`).join('')}</tr>`;
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'title':
      return `<h1>${escapeHtml(block.text)}</h1>`;
    case 'heading':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'table':
      return `<table><thead>${row(block.header.map(escapeHtml), 'th')}</thead><tbody>${block.rows.map((cells) => row(cells.map(cellHtml), 'td')).join('')}</tbody></table>`;
    case 'chart':
      return `<p><img src="${pngDataUri(block.png)}" alt="${escapeHtml(block.alt)}"></p>`;
  }
}

const STYLE =
  'body{font-family:"Noto Sans Georgian","Noto Sans",Arial,sans-serif;max-width:60em;margin:2em auto;color:#1a1a1a}' +
  'table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #bbb;padding:.3em .6em;text-align:left;vertical-align:top}' +
  'th{background:#eef2f7}.suppressed{color:#666;font-style:italic}.overdue{color:#b00020;font-weight:bold}';

export function renderLayoutHtml(layout: ReportLayout): string {
  return (
    `<!DOCTYPE html><html lang="${layout.language}"><head><meta charset="utf-8"><title>${escapeHtml(layout.title)} — ${escapeHtml(layout.periodLabel)}</title>` +
    `<style>${STYLE}</style></head><body>${layout.blocks.map(blockHtml).join('\n')}</body></html>`
  );
}

export function renderReportHtml(model: ReportModel, labels: ReportLabels, options: LayoutOptions = {}): string {
  return renderLayoutHtml(reportLayout(model, labels, options));
}
