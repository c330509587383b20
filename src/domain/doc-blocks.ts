/**
 * A document as plain data — title, headings, paragraphs, bullet lists, tables, links, charts —
 * so the analysis report, the agenda and the public report are built and tested as pure values,
 * then written into a Google Doc by the one writer (src/adapters/doc-writer.ts) or rendered as
 * HTML here: a whole page (the report's copy) or a fragment for a website editor.
 */
import { pngDataUri } from './png';
import { escapeHtml } from './sanitize';

/** A piece of a cell's text; `tone` lets a renderer mark a notice (grey, red). */
export interface Span {
  text: string;
  tone?: 'suppressed' | 'overdue';
}

export type Cell = string | { spans: Span[] } | { list: string[] };

export type DocBlock =
  | { kind: 'title'; text: string }
  /** Level 1 is the Doc's HEADING1: a section under the title. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'table'; header: string[]; rows: Cell[][] }
  | { kind: 'link'; text: string; url: string }
  /**
   * A PNG (bytes 0..255) drawn `width` × `height` px, placed `widthPt` points wide (drawn for
   * print: width ≥ 300/72 × widthPt); `alt` says what it shows.
   */
  | { kind: 'chart'; png: number[]; alt: string; width: number; height: number; widthPt: number };

/** A cell as one line of text (lists one item a line), for renderers without rich cells. */
export function cellText(cell: Cell): string {
  if (typeof cell === 'string') return cell;
  if ('spans' in cell) return cell.spans.map((span) => span.text).join(' — ');
  return cell.list.map((item) => `• ${item}`).join('\n');
}

/** Every text of the blocks, one per line: what a reader of the document sees. */
export function blocksToText(blocks: readonly DocBlock[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'bullets':
        lines.push(...block.items);
        break;
      case 'table':
        for (const row of [block.header, ...block.rows]) lines.push(row.map(cellText).join(' | '));
        break;
      case 'link':
        lines.push(`${block.text} ${block.url}`);
        break;
      case 'chart':
        lines.push(block.alt);
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

/**
 * How blocks become HTML: `titleLevel` is the <h> of the title (headings follow below it);
 * `inline` puts the styles on the elements, for a fragment pasted where no stylesheet is.
 */
interface HtmlStyle {
  titleLevel: number;
  inline: boolean;
}

const CELL_STYLE = 'border:1px solid #c8c8c8;padding:4px 8px;text-align:left;vertical-align:top';
const TONE_STYLE: Record<NonNullable<Span['tone']>, string> = {
  suppressed: 'color:#666;font-style:italic',
  overdue: 'color:#b00020;font-weight:bold',
};

function spanHtml(span: Span, style: HtmlStyle): string {
  if (!span.tone) return escapeHtml(span.text);
  const attribute = style.inline ? `style="${TONE_STYLE[span.tone]}"` : `class="${span.tone}"`;
  return `<span ${attribute}>${escapeHtml(span.text)}</span>`;
}

function cellHtml(cell: Cell, style: HtmlStyle): string {
  if (typeof cell === 'string') return escapeHtml(cell);
  if ('spans' in cell) return cell.spans.map((span) => spanHtml(span, style)).join(' ');
  return cell.list.length ? `<ul>${cell.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>` : '';
}

function rowHtml(cells: readonly string[], tag: 'th' | 'td', style: HtmlStyle): string {
  const open = style.inline ? `<${tag} style="${CELL_STYLE}">` : `<${tag}>`;
  return `<tr>${cells.map((cell) => `${open}${cell}</${tag}>`).join('')}</tr>`;
}

function blockHtml(block: DocBlock, style: HtmlStyle): string {
  switch (block.kind) {
    case 'title':
      return `<h${style.titleLevel}>${escapeHtml(block.text)}</h${style.titleLevel}>`;
    case 'heading': {
      const level = Math.min(6, style.titleLevel + block.level);
      return `<h${level}>${escapeHtml(block.text)}</h${level}>`;
    }
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'bullets':
      return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    case 'table': {
      const head = rowHtml(block.header.map(escapeHtml), 'th', style);
      const body = block.rows
        .map((cells) =>
          rowHtml(
            cells.map((cell) => cellHtml(cell, style)),
            'td',
            style,
          ),
        )
        .join('');
      return `<table${style.inline ? ' style="border-collapse:collapse"' : ''}><thead>${head}</thead><tbody>${body}</tbody></table>`;
    }
    case 'link': {
      const url = safeUrl(block.url);
      return url ? `<p><a href="${escapeHtml(url)}">${escapeHtml(block.text)}</a></p>` : `<p>${escapeHtml(block.text)}</p>`;
    }
    case 'chart':
      // Shown at its print size (CSS: 96 px an inch, 72 pt), never wider than the page.
      return `<p><img src="${pngDataUri(block.png)}" alt="${escapeHtml(block.alt)}" width="${Math.round((block.widthPt * 96) / 72)}" style="max-width:100%;height:auto"></p>`;
  }
}

/** The blocks as the body of a page that has its own stylesheet (classes for the tones). */
export function blocksToHtml(blocks: readonly DocBlock[]): string {
  return blocks.map((block) => blockHtml(block, { titleLevel: 1, inline: false })).join('\n');
}

/**
 * A self-contained HTML fragment (no <html>, no external styles or scripts) for a website editor
 * to paste: inline styles only, every text escaped.
 */
export function blocksToHtmlFragment(blocks: readonly DocBlock[], lang: 'ka' | 'en' = 'ka'): string {
  const out = [`<section lang="${lang}" style="font-family:'Noto Sans Georgian',Sylfaen,sans-serif;line-height:1.5;max-width:48em">`];
  for (const block of blocks) out.push(blockHtml(block, { titleLevel: 2, inline: true }));
  out.push('</section>');
  return out.join('\n');
}
