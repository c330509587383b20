/**
 * A document's body as data, for the harness: paragraphs with heading level, list items, tables as
 * text, images with alt text.
 */
import { type DocModel, cellText, textOf } from './model';

export type DocJsonItem =
  | { type: 'paragraph'; heading: string; text: string; alignment: string | null }
  | { type: 'listItem'; text: string; nesting: number; glyph: string }
  | { type: 'table'; rows: string[][] }
  | { type: 'image'; altTitle: string | null; altDescription: string | null; width: number; height: number; mimeType: string }
  | { type: 'pageBreak' }
  | { type: 'hr' };

export interface DocJson {
  id: string;
  name: string;
  pageWidth: number;
  pageHeight: number;
  margins: { top: number; bottom: number; left: number; right: number };
  body: DocJsonItem[];
}

/** A paragraph's text first (when it has any, or nothing else), then its images, breaks and rules. */
export function bodyItems(model: DocModel): DocJsonItem[] {
  const items: DocJsonItem[] = [];
  for (const block of model.body.children) {
    if (block.kind === 'table') {
      items.push({ type: 'table', rows: block.rows.map((r) => r.cells.map(cellText)) });
      continue;
    }
    const text = textOf(block);
    const others = block.inlines.filter((i) => i.kind !== 'text');
    if (text !== '' || others.length === 0) {
      items.push(
        block.kind === 'listItem'
          ? { type: 'listItem', text, nesting: block.nesting, glyph: block.glyph }
          : { type: 'paragraph', heading: block.heading, text, alignment: block.alignment },
      );
    }
    for (const inline of others) {
      if (inline.kind === 'image') {
        const { altTitle, altDescription, width, height, mimeType } = inline;
        items.push({ type: 'image', altTitle, altDescription, width, height, mimeType });
      } else {
        items.push({ type: inline.kind === 'pageBreak' ? 'pageBreak' : 'hr' });
      }
    }
  }
  return items;
}
