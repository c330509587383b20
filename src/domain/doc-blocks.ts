/**
 * A document as plain data — title, headings, paragraphs, bullet lists, tables, links — so the
 * agenda and the public report are built and tested as pure values, then written into a Google
 * Doc (src/adapters/doc-writer.ts) or rendered as an HTML fragment here.
 */
import { escapeHtml } from './sanitize';

export type DocBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][] }
  | { kind: 'link'; text: string; url: string };

/** Every text of the blocks, one per line: what a reader of the document sees. */
export function blocksToText(blocks: readonly DocBlock[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'bullets':
        lines.push(...block.items);
        break;
      case 'table':
        for (const row of [block.header, ...block.rows]) lines.push(row.join(' | '));
        break;
      case 'link':
        lines.push(`${block.text} ${block.url}`);
        break;
      default:
        lines.push(block.text);
    }
  }
  return lines.join('\n');
}

/** Only web links go into an href: a text cannot smuggle in a javascript: URL. */
function safeUrl(url: string): string | null {
  return /^https:\/\/[^\s"'<>]+$/.test(url) ? url : null;
}

const CELL_STYLE = 'border:1px solid #c8c8c8;padding:4px 8px;text-align:left;vertical-align:top';

/**
 * A self-contained HTML fragment (no <html>, no external styles or scripts) for a website editor
 * to paste: inline styles only, every text escaped.
 */
export function blocksToHtmlFragment(blocks: readonly DocBlock[], lang: 'ka' | 'en' = 'ka'): string {
  const out: string[] = [`<section lang="${lang}" style="font-family:'Noto Sans Georgian',Sylfaen,sans-serif;line-height:1.5;max-width:48em">`];
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        out.push(`<h2>${escapeHtml(block.text)}</h2>`);
        break;
      case 'heading':
        out.push(`<h${block.level + 2}>${escapeHtml(block.text)}</h${block.level + 2}>`);
        break;
      case 'paragraph':
        out.push(`<p>${escapeHtml(block.text)}</p>`);
        break;
      case 'bullets':
        out.push(`<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`);
        break;
      case 'table': {
        const head = block.header.map((h) => `<th style="${CELL_STYLE}">${escapeHtml(h)}</th>`).join('');
        const body = block.rows.map((row) => `<tr>${row.map((c) => `<td style="${CELL_STYLE}">${escapeHtml(c)}</td>`).join('')}</tr>`).join('');
        out.push(`<table style="border-collapse:collapse"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`);
        break;
      }
      case 'link': {
        const url = safeUrl(block.url);
        out.push(url ? `<p><a href="${escapeHtml(url)}">${escapeHtml(block.text)}</a></p>` : `<p>${escapeHtml(block.text)}</p>`);
        break;
      }
    }
  }
  out.push('</section>');
  return out.join('\n');
}
