/**
 * The document model behind DocumentApp: documents as a tree of plain nodes (body → paragraphs,
 * list items, tables → rows → cells → paragraphs; paragraphs hold text runs, inline images, page
 * breaks, rules), DocumentApp's enums and the messages Google throws.
 * https://developers.google.com/apps-script/reference/document
 */
import { gasError } from '../core';
import { fromByteArray } from '../blob';
import { enumValue, makeEnum } from '../gas-enum';

export type GDocument = GoogleAppsScript.Document.Document;
export type GBody = GoogleAppsScript.Document.Body;
export type GElement = GoogleAppsScript.Document.Element;
export type GContainerElement = GoogleAppsScript.Document.ContainerElement;
export type GParagraph = GoogleAppsScript.Document.Paragraph;
export type GListItem = GoogleAppsScript.Document.ListItem;
export type GTable = GoogleAppsScript.Document.Table;
export type GTableRow = GoogleAppsScript.Document.TableRow;
export type GTableCell = GoogleAppsScript.Document.TableCell;
export type GText = GoogleAppsScript.Document.Text;
export type GInlineImage = GoogleAppsScript.Document.InlineImage;
export type GPageBreak = GoogleAppsScript.Document.PageBreak;
export type GHorizontalRule = GoogleAppsScript.Document.HorizontalRule;
export type GHeading = GoogleAppsScript.Document.ParagraphHeading;
export type GAlignment = GoogleAppsScript.Document.HorizontalAlignment;
export type GGlyph = GoogleAppsScript.Document.GlyphType;
export type GElementType = GoogleAppsScript.Document.ElementType;
export type GBlob = GoogleAppsScript.Base.Blob;
export type GBlobSource = GoogleAppsScript.Base.BlobSource;
// ---------------------------------------------------------------------------------------------
// Enums (https://developers.google.com/apps-script/reference/document/document-app#properties)

export const PARAGRAPH_HEADING = makeEnum<typeof GoogleAppsScript.Document.ParagraphHeading>([
  'NORMAL',
  'HEADING1',
  'HEADING2',
  'HEADING3',
  'HEADING4',
  'HEADING5',
  'HEADING6',
  'TITLE',
  'SUBTITLE',
]);
export const HORIZONTAL_ALIGNMENT = makeEnum<typeof GoogleAppsScript.Document.HorizontalAlignment>(['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY']);
export const GLYPH_TYPE = makeEnum<typeof GoogleAppsScript.Document.GlyphType>([
  'BULLET',
  'HOLLOW_BULLET',
  'SQUARE_BULLET',
  'NUMBER',
  'LATIN_UPPER',
  'LATIN_LOWER',
  'ROMAN_UPPER',
  'ROMAN_LOWER',
]);
export const ATTRIBUTE = makeEnum<typeof GoogleAppsScript.Document.Attribute>([
  'BACKGROUND_COLOR',
  'BOLD',
  'BORDER_COLOR',
  'BORDER_WIDTH',
  'CODE',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'HEADING',
  'HEIGHT',
  'HORIZONTAL_ALIGNMENT',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'INDENT_START',
  'ITALIC',
  'GLYPH_TYPE',
  'LEFT_TO_RIGHT',
  'LINE_SPACING',
  'LINK_URL',
  'LIST_ID',
  'MARGIN_BOTTOM',
  'MARGIN_LEFT',
  'MARGIN_RIGHT',
  'MARGIN_TOP',
  'NESTING_LEVEL',
  'MINIMUM_HEIGHT',
  'PADDING_BOTTOM',
  'PADDING_LEFT',
  'PADDING_RIGHT',
  'PADDING_TOP',
  'PAGE_HEIGHT',
  'PAGE_WIDTH',
  'SPACING_AFTER',
  'SPACING_BEFORE',
  'STRIKETHROUGH',
  'UNDERLINE',
  'VERTICAL_ALIGNMENT',
  'WIDTH',
]);
export const ELEMENT_TYPE = makeEnum<typeof GoogleAppsScript.Document.ElementType>([
  'BODY_SECTION',
  'COMMENT_SECTION',
  'DATE',
  'DOCUMENT',
  'EQUATION',
  'EQUATION_FUNCTION',
  'EQUATION_FUNCTION_ARGUMENT_SEPARATOR',
  'EQUATION_SYMBOL',
  'FOOTER_SECTION',
  'FOOTNOTE',
  'FOOTNOTE_SECTION',
  'HEADER_SECTION',
  'HORIZONTAL_RULE',
  'INLINE_DRAWING',
  'INLINE_IMAGE',
  'LIST_ITEM',
  'PAGE_BREAK',
  'PARAGRAPH',
  'PERSON',
  'RICH_LINK',
  'TABLE',
  'TABLE_CELL',
  'TABLE_OF_CONTENTS',
  'TABLE_ROW',
  'TEXT',
  'UNSUPPORTED',
]);
export const TEXT_ALIGNMENT = makeEnum<typeof GoogleAppsScript.Document.TextAlignment>(['NORMAL', 'SUPERSCRIPT', 'SUBSCRIPT']);
export const VERTICAL_ALIGNMENT = makeEnum<typeof GoogleAppsScript.Document.VerticalAlignment>(['BOTTOM', 'CENTER', 'TOP']);

export const elementType = (name: string): GElementType => enumValue<GElementType>(ELEMENT_TYPE, name);

// ---------------------------------------------------------------------------------------------
// Google's messages

/** https://github.com/max-barry/google-drive-cms/issues/11 (current wording adds the access hint) */
export const DOCUMENT_MISSING = "Document is missing (perhaps it was deleted, or you don't have read access?)";
export const DOCUMENT_CLOSED = 'Document is closed, its contents cannot be updated.';
export const LAST_PARAGRAPH = "Can't remove the last paragraph in a document section.";
export const MUST_BE_DETACHED = 'Element must be detached.';
export const childIndexError = (index: number, count: number) => gasError(`Child index (${index}) must be less than the number of child elements (${count}).`);
/** Inserting may also append: "must be less than or equal to" (gas-fakes test/testdocsnext.js:227–228, live). */
export const insertIndexError = (index: number, count: number) =>
  gasError(`Child index (${index}) must be less than or equal to the number of child elements (${count}).`);
export const offsetError = (offset: number, length: number) => gasError(`Index (${offset}) must be less than the content length (${length}).`);

// ---------------------------------------------------------------------------------------------
// The document model

/** A run of attributes over [start, end] (inclusive, as Apps Script's offsets are). */
interface StyleRange {
  start: number;
  end: number;
  attributes: Record<string, unknown>;
}

export interface TextNode {
  kind: 'text';
  text: string;
  styles: StyleRange[];
}

export interface ImageNode {
  kind: 'image';
  bytes: Uint8Array;
  mimeType: string;
  name: string | null;
  width: number;
  height: number;
  altTitle: string | null;
  altDescription: string | null;
  linkUrl: string | null;
}

interface MarkerNode {
  kind: 'pageBreak' | 'hr';
}

type InlineNode = TextNode | ImageNode | MarkerNode;

export interface ParagraphNode {
  kind: 'paragraph' | 'listItem';
  parent: ContainerNode | null;
  inlines: InlineNode[];
  heading: string;
  alignment: string | null;
  /** Paragraph-level attributes set through setAttributes/setSpacing…, by Attribute name. */
  attributes: Record<string, unknown>;
  glyph: string;
  nesting: number;
  listId: string;
  /** Added by appendParagraph/insertParagraph: reports its named style's computed paragraph attributes (ParagraphFake.getAttributes). */
  computed?: boolean;
}

export interface TableNode {
  kind: 'table';
  parent: ContainerNode | null;
  rows: RowNode[];
  attributes: Record<string, unknown>;
  columnWidths: Array<number | null>;
}

export interface RowNode {
  kind: 'row';
  table: TableNode | null;
  cells: CellNode[];
  attributes: Record<string, unknown>;
}

export interface CellNode {
  kind: 'cell';
  row: RowNode | null;
  children: BlockNode[];
  attributes: Record<string, unknown>;
}

export interface BodyNode {
  kind: 'body';
  children: BlockNode[];
  /** Text attributes Body.setAttributes gave every paragraph; paragraphs added later get them too. */
  textDefaults?: Record<string, unknown>;
}

export type BlockNode = ParagraphNode | TableNode;
export type ContainerNode = BodyNode | CellNode;

export interface DocModel {
  id: string;
  body: BodyNode;
  /** Google's default for a new document is US Letter with 1-inch margins (points). */
  pageWidth: number;
  pageHeight: number;
  margins: { top: number; bottom: number; left: number; right: number };
  listCounter: number;
}

export const LETTER = { width: 612, height: 792 };

export function newText(text: string): TextNode {
  return { kind: 'text', text, styles: [] };
}

export function newParagraph(kind: 'paragraph' | 'listItem', text: string, parent: ContainerNode | null): ParagraphNode {
  return {
    kind,
    parent,
    inlines: text === '' ? [] : [newText(text)],
    heading: 'NORMAL',
    alignment: null,
    attributes: {},
    glyph: 'BULLET',
    nesting: 0,
    listId: '',
  };
}

/** Paragraphs cannot hold "\n"; Apps Script turns it into a line break "\r". (Paragraph class doc) */
export function paragraphText(text: unknown): string {
  return String(text).replace(/\n/g, '\r');
}

export function textOf(block: BlockNode): string {
  if (block.kind === 'table') return block.rows.map((r) => r.cells.map(cellText).join('\n')).join('\n');
  return block.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('');
}

export function cellText(cell: CellNode): string {
  return cell.children.map(textOf).join('\n');
}

export function cloneBlock(block: BlockNode, parent: ContainerNode | null): BlockNode {
  if (block.kind === 'table') {
    const table: TableNode = { ...block, parent, rows: [], attributes: { ...block.attributes }, columnWidths: [...block.columnWidths] };
    table.rows = block.rows.map((r) => cloneRow(r, table));
    return table;
  }
  return {
    ...block,
    parent,
    attributes: { ...block.attributes },
    inlines: block.inlines.map((i) => (i.kind === 'text' ? { ...i, styles: i.styles.map((s) => ({ ...s, attributes: { ...s.attributes } })) } : { ...i })),
  };
}

function cloneRow(row: RowNode, table: TableNode | null): RowNode {
  const copy: RowNode = { kind: 'row', table, cells: [], attributes: { ...row.attributes } };
  copy.cells = row.cells.map((c) => {
    const cell: CellNode = { kind: 'cell', row: copy, children: [], attributes: { ...c.attributes } };
    cell.children = c.children.map((b) => cloneBlock(b, cell));
    return cell;
  });
  return copy;
}

export function newCell(row: RowNode, text: string): CellNode {
  const cell: CellNode = { kind: 'cell', row, children: [], attributes: {} };
  cell.children = [newParagraph('paragraph', paragraphText(text), cell)];
  return cell;
}

/**
 * A table from a string matrix. Ragged rows are padded with empty cells to the widest row, so the
 * table stays rectangular as a Docs table must.
 */
export function tableFromCells(cells: unknown, parent: ContainerNode | null): TableNode {
  if (!Array.isArray(cells) || !cells.every((row) => Array.isArray(row))) throw gasError('Invalid argument: cells');
  const matrix = cells as unknown[][];
  const width = Math.max(0, ...matrix.map((row) => row.length));
  const table: TableNode = { kind: 'table', parent, rows: [], attributes: {}, columnWidths: [] };
  table.rows = matrix.map((values) => {
    const row: RowNode = { kind: 'row', table, cells: [], attributes: {} };
    for (let c = 0; c < width; c++) row.cells.push(newCell(row, c < values.length ? String(values[c] ?? '') : ''));
    return row;
  });
  return table;
}

/** Pixel size from the image header (PNG, GIF, JPEG), as Docs sizes a newly inserted image. */
function imageSize(bytes: Uint8Array): { width: number; height: number } {
  const be16 = (i: number) => (bytes[i] << 8) | bytes[i + 1];
  const be32 = (i: number) => ((bytes[i] << 24) >>> 0) + (bytes[i + 1] << 16) + (bytes[i + 2] << 8) + bytes[i + 3];
  if (bytes.length > 24 && bytes[0] === 0x89 && bytes[1] === 0x50) return { width: be32(16), height: be32(20) };
  if (bytes.length > 10 && bytes[0] === 0x47 && bytes[1] === 0x49) {
    return { width: bytes[6] | (bytes[7] << 8), height: bytes[8] | (bytes[9] << 8) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) break;
      const marker = bytes[i + 1];
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: be16(i + 7), height: be16(i + 5) };
      }
      i += 2 + be16(i + 2);
    }
  }
  return { width: 100, height: 100 };
}

export function imageFromBlob(source: GBlobSource): ImageNode {
  const blob = source.getBlob();
  const bytes = fromByteArray(blob.getBytes());
  const mimeType = blob.getContentType() ?? 'application/octet-stream';
  if (!mimeType.startsWith('image/')) throw gasError('Invalid image data.');
  return { kind: 'image', bytes, mimeType, name: blob.getName(), ...imageSize(bytes), altTitle: null, altDescription: null, linkUrl: null };
}
/** Cells of a table node (rows may differ in length). */
export function tableCells(table: TableNode): number {
  return table.rows.reduce((sum, row) => sum + row.cells.length, 0);
}
export const ORDERED_GLYPHS: Record<string, string> = { NUMBER: '1', LATIN_UPPER: 'A', LATIN_LOWER: 'a', ROMAN_UPPER: 'I', ROMAN_LOWER: 'i' };
