/**
 * DocumentApp: documents as a tree of plain nodes (body → paragraphs, list items, tables → rows →
 * cells → paragraphs; paragraphs hold text runs, inline images, page breaks, rules). Scripts get
 * fresh wrapper objects on every access, as in Apps Script, so element identity is never relied on.
 * Every document is a Drive file (kind 'document') exporting to PDF, Markdown and HTML.
 * https://developers.google.com/apps-script/reference/document
 */
import { type Core, type DriveEntry, gasError } from './core';
import { BlobFake, encodeString, fromByteArray } from './blob';
import { enumName, enumValue, makeEnum } from './gas-enum';

type GDocument = GoogleAppsScript.Document.Document;
type GBody = GoogleAppsScript.Document.Body;
type GElement = GoogleAppsScript.Document.Element;
type GContainerElement = GoogleAppsScript.Document.ContainerElement;
type GParagraph = GoogleAppsScript.Document.Paragraph;
type GListItem = GoogleAppsScript.Document.ListItem;
type GTable = GoogleAppsScript.Document.Table;
type GTableRow = GoogleAppsScript.Document.TableRow;
type GTableCell = GoogleAppsScript.Document.TableCell;
type GText = GoogleAppsScript.Document.Text;
type GInlineImage = GoogleAppsScript.Document.InlineImage;
type GPageBreak = GoogleAppsScript.Document.PageBreak;
type GHorizontalRule = GoogleAppsScript.Document.HorizontalRule;
type GHeading = GoogleAppsScript.Document.ParagraphHeading;
type GAlignment = GoogleAppsScript.Document.HorizontalAlignment;
type GGlyph = GoogleAppsScript.Document.GlyphType;
type GElementType = GoogleAppsScript.Document.ElementType;
type GBlob = GoogleAppsScript.Base.Blob;
type GBlobSource = GoogleAppsScript.Base.BlobSource;

// ---------------------------------------------------------------------------------------------
// Enums (https://developers.google.com/apps-script/reference/document/document-app#properties)

const PARAGRAPH_HEADING = makeEnum<typeof GoogleAppsScript.Document.ParagraphHeading>([
  'NORMAL', 'HEADING1', 'HEADING2', 'HEADING3', 'HEADING4', 'HEADING5', 'HEADING6', 'TITLE', 'SUBTITLE',
]);
const HORIZONTAL_ALIGNMENT = makeEnum<typeof GoogleAppsScript.Document.HorizontalAlignment>([
  'LEFT', 'CENTER', 'RIGHT', 'JUSTIFY',
]);
const GLYPH_TYPE = makeEnum<typeof GoogleAppsScript.Document.GlyphType>([
  'BULLET', 'HOLLOW_BULLET', 'SQUARE_BULLET', 'NUMBER', 'LATIN_UPPER', 'LATIN_LOWER', 'ROMAN_UPPER', 'ROMAN_LOWER',
]);
const ATTRIBUTE = makeEnum<typeof GoogleAppsScript.Document.Attribute>([
  'BACKGROUND_COLOR', 'BOLD', 'BORDER_COLOR', 'BORDER_WIDTH', 'CODE', 'FONT_FAMILY', 'FONT_SIZE', 'FOREGROUND_COLOR',
  'HEADING', 'HEIGHT', 'HORIZONTAL_ALIGNMENT', 'INDENT_END', 'INDENT_FIRST_LINE', 'INDENT_START', 'ITALIC',
  'GLYPH_TYPE', 'LEFT_TO_RIGHT', 'LINE_SPACING', 'LINK_URL', 'LIST_ID', 'MARGIN_BOTTOM', 'MARGIN_LEFT',
  'MARGIN_RIGHT', 'MARGIN_TOP', 'NESTING_LEVEL', 'MINIMUM_HEIGHT', 'PADDING_BOTTOM', 'PADDING_LEFT',
  'PADDING_RIGHT', 'PADDING_TOP', 'PAGE_HEIGHT', 'PAGE_WIDTH', 'SPACING_AFTER', 'SPACING_BEFORE',
  'STRIKETHROUGH', 'UNDERLINE', 'VERTICAL_ALIGNMENT', 'WIDTH',
]);
const ELEMENT_TYPE = makeEnum<typeof GoogleAppsScript.Document.ElementType>([
  'BODY_SECTION', 'COMMENT_SECTION', 'DATE', 'DOCUMENT', 'EQUATION', 'EQUATION_FUNCTION',
  'EQUATION_FUNCTION_ARGUMENT_SEPARATOR', 'EQUATION_SYMBOL', 'FOOTER_SECTION', 'FOOTNOTE', 'FOOTNOTE_SECTION',
  'HEADER_SECTION', 'HORIZONTAL_RULE', 'INLINE_DRAWING', 'INLINE_IMAGE', 'LIST_ITEM', 'PAGE_BREAK', 'PARAGRAPH',
  'PERSON', 'RICH_LINK', 'TABLE', 'TABLE_CELL', 'TABLE_OF_CONTENTS', 'TABLE_ROW', 'TEXT', 'UNSUPPORTED',
]);
const TEXT_ALIGNMENT = makeEnum<typeof GoogleAppsScript.Document.TextAlignment>(['NORMAL', 'SUPERSCRIPT', 'SUBSCRIPT']);
const VERTICAL_ALIGNMENT = makeEnum<typeof GoogleAppsScript.Document.VerticalAlignment>(['BOTTOM', 'CENTER', 'TOP']);

const elementType = (name: string): GElementType => enumValue<GElementType>(ELEMENT_TYPE, name);

// ---------------------------------------------------------------------------------------------
// Google's messages

/** https://github.com/max-barry/google-drive-cms/issues/11 (current wording adds the access hint) */
const DOCUMENT_MISSING = "Document is missing (perhaps it was deleted, or you don't have read access?)";
const DOCUMENT_CLOSED = 'Document is closed, its contents cannot be updated.';
const LAST_PARAGRAPH = "Can't remove the last paragraph in a document section.";
const MUST_BE_DETACHED = 'Element must be detached.';
const childIndexError = (index: number, count: number) =>
  gasError(`Child index (${index}) must be less than the number of child elements (${count}).`);
const offsetError = (offset: number, length: number) =>
  gasError(`Index (${offset}) must be less than the content length (${length}).`);

// ---------------------------------------------------------------------------------------------
// The document model

/** A run of attributes over [start, end] (inclusive, as Apps Script's offsets are). */
interface StyleRange {
  start: number;
  end: number;
  attributes: Record<string, unknown>;
}

interface TextNode {
  kind: 'text';
  text: string;
  styles: StyleRange[];
}

interface ImageNode {
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

interface ParagraphNode {
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
}

interface TableNode {
  kind: 'table';
  parent: ContainerNode | null;
  rows: RowNode[];
  attributes: Record<string, unknown>;
  columnWidths: Array<number | null>;
}

interface RowNode {
  kind: 'row';
  table: TableNode | null;
  cells: CellNode[];
  attributes: Record<string, unknown>;
}

interface CellNode {
  kind: 'cell';
  row: RowNode | null;
  children: BlockNode[];
  attributes: Record<string, unknown>;
}

interface BodyNode {
  kind: 'body';
  children: BlockNode[];
}

type BlockNode = ParagraphNode | TableNode;
type ContainerNode = BodyNode | CellNode;

interface DocModel {
  id: string;
  body: BodyNode;
  /** Google's default for a new document is US Letter with 1-inch margins (points). */
  pageWidth: number;
  pageHeight: number;
  margins: { top: number; bottom: number; left: number; right: number };
  listCounter: number;
}

const LETTER = { width: 612, height: 792 };

function newText(text: string): TextNode {
  return { kind: 'text', text, styles: [] };
}

function newParagraph(kind: 'paragraph' | 'listItem', text: string, parent: ContainerNode | null): ParagraphNode {
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
function paragraphText(text: unknown): string {
  return String(text).replace(/\n/g, '\r');
}

function textOf(block: BlockNode): string {
  if (block.kind === 'table') return block.rows.map((r) => r.cells.map(cellText).join('\n')).join('\n');
  return block.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('');
}

function cellText(cell: CellNode): string {
  return cell.children.map(textOf).join('\n');
}

function cloneBlock(block: BlockNode, parent: ContainerNode | null): BlockNode {
  if (block.kind === 'table') {
    const table: TableNode = { ...block, parent, rows: [], attributes: { ...block.attributes }, columnWidths: [...block.columnWidths] };
    table.rows = block.rows.map((r) => cloneRow(r, table));
    return table;
  }
  return {
    ...block,
    parent,
    attributes: { ...block.attributes },
    inlines: block.inlines.map((i) =>
      i.kind === 'text' ? { ...i, styles: i.styles.map((s) => ({ ...s, attributes: { ...s.attributes } })) } : { ...i },
    ),
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

function newCell(row: RowNode, text: string): CellNode {
  const cell: CellNode = { kind: 'cell', row, children: [], attributes: {} };
  cell.children = [newParagraph('paragraph', paragraphText(text), cell)];
  return cell;
}

/**
 * A table from a string matrix. Ragged rows are padded with empty cells to the widest row, so the
 * table stays rectangular as a Docs table must.
 */
function tableFromCells(cells: unknown, parent: ContainerNode | null): TableNode {
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

function imageFromBlob(source: GBlobSource): ImageNode {
  const blob = source.getBlob();
  const bytes = fromByteArray(blob.getBytes());
  const mimeType = blob.getContentType() ?? 'application/octet-stream';
  if (!mimeType.startsWith('image/')) throw gasError('Invalid image data.');
  return { kind: 'image', bytes, mimeType, name: blob.getName(), ...imageSize(bytes), altTitle: null, altDescription: null, linkUrl: null };
}

// ---------------------------------------------------------------------------------------------
// Sessions: one per Document object a script holds; saveAndClose ends it.

class DocSession {
  closed = false;

  constructor(
    readonly store: DocsStore,
    readonly model: DocModel,
  ) {}

  /**
   * Charges one DocumentApp round trip for a change and marks the file updated; `cells` is the
   * number of table cells the change carries (a table built from an array), charged per cell.
   */
  write(method: string, cells = 0): void {
    if (this.closed) throw gasError(DOCUMENT_CLOSED);
    this.store.core.call('DocumentApp', method, undefined, cells);
    const entry = this.store.core.drive.get(this.model.id);
    if (entry) entry.updatedAt = this.store.core.now();
  }
}

/** Cells of a table node (rows may differ in length). */
function tableCells(table: TableNode): number {
  return table.rows.reduce((sum, row) => sum + row.cells.length, 0);
}

function toGas<T>(fake: object): T {
  return fake as unknown as T;
}

function wrapBlock(session: DocSession, node: BlockNode): GElement {
  if (node.kind === 'table') return toGas(new TableFake(session, node));
  return node.kind === 'listItem' ? toGas(new ListItemFake(session, node)) : toGas(new ParagraphFake(session, node));
}

function wrapContainer(session: DocSession, node: ContainerNode): GContainerElement {
  return node.kind === 'body' ? toGas(new BodyFake(session, node)) : toGas(new TableCellFake(session, node));
}

/** The node behind a wrapper a script hands back (appendParagraph(paragraph), removeChild …). */
function nodeOf(element: unknown): BlockNode | ImageNode {
  if (element instanceof ParagraphLikeFake || element instanceof TableFake) return element.node;
  if (element instanceof InlineImageFake) return element.node;
  throw gasError('Invalid argument: element');
}

// ---------------------------------------------------------------------------------------------
// Text

/** What a Text object edits: one run, a paragraph's runs, or every paragraph of a body. */
interface TextScope {
  runs(): TextNode[];
  separator: string;
  replace(text: string): void;
}

const TEXT_STYLE_ATTRIBUTES = [
  'BOLD', 'ITALIC', 'UNDERLINE', 'STRIKETHROUGH', 'FONT_SIZE', 'FONT_FAMILY', 'FOREGROUND_COLOR',
  'BACKGROUND_COLOR', 'LINK_URL',
];

/** Attribute maps keyed by Attribute enum values (names when used as keys); enum values stored by name. */
function normalizeAttributes(attributes: unknown): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  if (typeof attributes !== 'object' || attributes === null) return result;
  for (const [key, value] of Object.entries(attributes as Record<string, unknown>)) {
    result[key] = enumName(value) ?? value;
  }
  return result;
}

class TextFake
  implements
    Pick<
      GText,
      | 'getText' | 'setText' | 'appendText' | 'insertText' | 'deleteText' | 'editAsText' | 'getType'
      | 'setBold' | 'setItalic' | 'setUnderline' | 'setStrikethrough' | 'setFontSize' | 'setFontFamily'
      | 'setForegroundColor' | 'setBackgroundColor' | 'setLinkUrl' | 'setAttributes'
      | 'isBold' | 'isItalic' | 'isUnderline' | 'getFontSize' | 'getFontFamily' | 'getForegroundColor'
      | 'getBackgroundColor' | 'getLinkUrl' | 'getAttributes'
    >
{
  constructor(
    private readonly session: DocSession,
    private readonly scope: TextScope,
  ) {}

  private self(): GText {
    return toGas(this);
  }

  getType(): GElementType {
    return elementType('TEXT');
  }

  getText(): string {
    return this.scope.runs().map((r) => r.text).join(this.scope.separator);
  }

  editAsText(): GText {
    return this.self();
  }

  setText(text: string): GText {
    this.session.write('Text.setText');
    this.scope.replace(String(text));
    return this.self();
  }

  appendText(text: string): GText {
    return this.insertText(this.getText().length, text);
  }

  /** Inserts into the run holding `offset` (at a run boundary, the earlier run grows). */
  insertText(offset: number, text: string): GText {
    const length = this.getText().length;
    if (offset < 0 || offset > length) throw offsetError(offset, length + 1);
    this.session.write('Text.insertText');
    const inserted = String(text);
    const runs = this.scope.runs();
    if (runs.length === 0) {
      this.scope.replace(inserted);
      return this.self();
    }
    const { run, local } = this.locate(offset, true);
    run.text = run.text.slice(0, local) + inserted + run.text.slice(local);
    for (const s of run.styles) {
      if (s.start >= local) s.start += inserted.length;
      if (s.end >= local) s.end += inserted.length;
    }
    return this.self();
  }

  deleteText(startOffset: number, endOffsetInclusive: number): GText {
    this.checkRange(startOffset, endOffsetInclusive);
    this.session.write('Text.deleteText');
    this.forEachRunSlice(startOffset, endOffsetInclusive, (run, from, to) => {
      const removed = to - from + 1;
      run.text = run.text.slice(0, from) + run.text.slice(to + 1);
      run.styles = run.styles
        .map((s) => ({
          ...s,
          start: s.start > to ? s.start - removed : Math.min(s.start, from),
          end: s.end > to ? s.end - removed : Math.min(s.end, from - 1),
        }))
        .filter((s) => s.end >= s.start);
    });
    return this.self();
  }

  private locate(offset: number, preferEarlier = false): { run: TextNode; local: number } {
    const runs = this.scope.runs();
    let start = 0;
    for (const run of runs) {
      const end = start + run.text.length;
      if (offset < end || (preferEarlier && offset === end)) return { run, local: offset - start };
      start = end + this.scope.separator.length;
    }
    const last = runs[runs.length - 1];
    return { run: last, local: last.text.length };
  }

  private checkRange(start: number, end: number): void {
    const length = this.getText().length;
    if (start < 0 || start >= length) throw offsetError(start, length);
    if (end < start || end >= length) throw offsetError(end, length);
  }

  private forEachRunSlice(start: number, end: number, fn: (run: TextNode, from: number, to: number) => void): void {
    let offset = 0;
    for (const run of this.scope.runs()) {
      const from = Math.max(start, offset) - offset;
      const to = Math.min(end, offset + run.text.length - 1) - offset;
      if (from <= to) fn(run, from, to);
      offset += run.text.length + this.scope.separator.length;
    }
  }

  /** Applies attributes to [start, end], or to all text when no range is given. */
  private style(method: string, attributes: Record<string, unknown>, start?: number, end?: number): GText {
    const length = this.getText().length;
    if (start !== undefined && end !== undefined) this.checkRange(start, end);
    this.session.write(`Text.${method}`);
    if (length === 0) return this.self();
    this.forEachRunSlice(start ?? 0, end ?? length - 1, (run, from, to) => {
      run.styles.push({ start: from, end: to, attributes: { ...attributes } });
    });
    return this.self();
  }

  /** Resolves the (value) and (start, end, value) overloads every style setter has. */
  private styleOverload(method: string, attribute: string, args: unknown[]): GText {
    if (args.length >= 3) return this.style(method, { [attribute]: args[2] }, Number(args[0]), Number(args[1]));
    return this.style(method, { [attribute]: args[0] });
  }

  setBold(...args: [boolean] | [number, number, boolean]): GText {
    return this.styleOverload('setBold', 'BOLD', args);
  }

  setItalic(...args: [boolean] | [number, number, boolean]): GText {
    return this.styleOverload('setItalic', 'ITALIC', args);
  }

  setUnderline(...args: [boolean] | [number, number, boolean]): GText {
    return this.styleOverload('setUnderline', 'UNDERLINE', args);
  }

  setStrikethrough(...args: [boolean] | [number, number, boolean]): GText {
    return this.styleOverload('setStrikethrough', 'STRIKETHROUGH', args);
  }

  setFontSize(...args: [number] | [number, number, number]): GText {
    return this.styleOverload('setFontSize', 'FONT_SIZE', args);
  }

  setFontFamily(...args: [string] | [number, number, string]): GText {
    return this.styleOverload('setFontFamily', 'FONT_FAMILY', args);
  }

  setForegroundColor(...args: [string] | [number, number, string]): GText {
    return this.styleOverload('setForegroundColor', 'FOREGROUND_COLOR', args);
  }

  setBackgroundColor(...args: [string] | [number, number, string]): GText {
    return this.styleOverload('setBackgroundColor', 'BACKGROUND_COLOR', args);
  }

  setLinkUrl(...args: [string] | [number, number, string]): GText {
    return this.styleOverload('setLinkUrl', 'LINK_URL', args);
  }

  setAttributes(...args: [unknown] | [number, number, unknown]): GText {
    const ranged = args.length >= 3;
    const attributes = normalizeAttributes(ranged ? args[2] : args[0]);
    return ranged
      ? this.style('setAttributes', attributes, Number(args[0]), Number(args[1]))
      : this.style('setAttributes', attributes);
  }

  /** The attributes in effect at `offset` (default: the first character); later ranges win. */
  getAttributes(offset?: number | null): Record<string, unknown> {
    const result: Record<string, unknown> = Object.fromEntries(TEXT_STYLE_ATTRIBUTES.map((a) => [a, null]));
    if (this.getText().length === 0) return result;
    const { run, local } = this.locate(offset ?? 0);
    for (const s of run.styles) if (local >= s.start && local <= s.end) Object.assign(result, s.attributes);
    return result;
  }

  private attributeAt(attribute: string, offset?: number | null): unknown {
    return this.getAttributes(offset)[attribute] ?? null;
  }

  isBold(offset?: number | null): boolean {
    return this.attributeAt('BOLD', offset) as boolean;
  }

  isItalic(offset?: number | null): boolean {
    return this.attributeAt('ITALIC', offset) as boolean;
  }

  isUnderline(offset?: number | null): boolean {
    return this.attributeAt('UNDERLINE', offset) as boolean;
  }

  getFontSize(offset?: number | null): number {
    return this.attributeAt('FONT_SIZE', offset) as number;
  }

  getFontFamily(offset?: number | null): string {
    return this.attributeAt('FONT_FAMILY', offset) as string;
  }

  getForegroundColor(offset?: number | null): string {
    return this.attributeAt('FOREGROUND_COLOR', offset) as string;
  }

  getBackgroundColor(offset?: number | null): string {
    return this.attributeAt('BACKGROUND_COLOR', offset) as string;
  }

  getLinkUrl(offset?: number | null): string {
    return this.attributeAt('LINK_URL', offset) as string;
  }
}

// ---------------------------------------------------------------------------------------------
// Containers: Body and TableCell

abstract class ContainerFake<Self> {
  constructor(
    protected readonly session: DocSession,
    readonly node: ContainerNode,
  ) {}

  protected self(): Self {
    return toGas(this);
  }

  protected abstract readonly label: string;

  getNumChildren(): number {
    return this.node.children.length;
  }

  getChild(childIndex: number): GElement {
    const child = this.node.children[childIndex];
    if (!child) throw childIndexError(childIndex, this.node.children.length);
    return wrapBlock(this.session, child);
  }

  getChildIndex(child: GElement): number {
    const index = this.node.children.indexOf(nodeOf(child) as BlockNode);
    if (index < 0) throw gasError('Element does not contain the specified child element.');
    return index;
  }

  getText(): string {
    return this.node.children.map(textOf).join('\n');
  }

  /** Every paragraph and list item below this container, tables included. */
  private paragraphNodes(): ParagraphNode[] {
    const found: ParagraphNode[] = [];
    const walk = (blocks: BlockNode[]) => {
      for (const block of blocks) {
        if (block.kind === 'table') block.rows.forEach((r) => r.cells.forEach((c) => walk(c.children)));
        else found.push(block);
      }
    };
    walk(this.node.children);
    return found;
  }

  getParagraphs(): GParagraph[] {
    return this.paragraphNodes().map((p) => wrapBlock(this.session, p) as unknown as GParagraph);
  }

  getListItems(): GListItem[] {
    return this.paragraphNodes()
      .filter((p) => p.kind === 'listItem')
      .map((p) => toGas<GListItem>(new ListItemFake(this.session, p)));
  }

  getTables(): GTable[] {
    const found: GTable[] = [];
    const walk = (blocks: BlockNode[]) => {
      for (const block of blocks) {
        if (block.kind !== 'table') continue;
        found.push(toGas(new TableFake(this.session, block)));
        block.rows.forEach((r) => r.cells.forEach((c) => walk(c.children)));
      }
    };
    walk(this.node.children);
    return found;
  }

  getImages(): GInlineImage[] {
    const images: GInlineImage[] = [];
    for (const paragraph of this.paragraphNodes()) {
      for (const inline of paragraph.inlines) {
        if (inline.kind === 'image') images.push(toGas(new InlineImageFake(this.session, inline, paragraph)));
      }
    }
    return images;
  }

  /** Inserts a block; a body always ends with a paragraph, so a table appended last gets one after it. */
  protected insertBlock(index: number, block: BlockNode, method: string): void {
    if (index < 0 || index > this.node.children.length) throw childIndexError(index, this.node.children.length + 1);
    this.session.write(`${this.label}.${method}`, block.kind === 'table' ? tableCells(block) : 0);
    block.parent = this.node;
    this.node.children.splice(index, 0, block);
    if (this.node.kind === 'body' && block.kind === 'table' && index === this.node.children.length - 1) {
      this.node.children.push(newParagraph('paragraph', '', this.node));
    }
  }

  private detachedBlock<T extends BlockNode>(element: unknown, kind: T['kind']): T {
    const node = nodeOf(element);
    if (node.kind !== kind) throw gasError('Invalid argument: element');
    if ((node as BlockNode).parent) throw gasError(MUST_BE_DETACHED);
    return node as T;
  }

  insertParagraph(childIndex: number, paragraph: string | GParagraph): GParagraph {
    const node =
      typeof paragraph === 'string' || typeof paragraph !== 'object'
        ? newParagraph('paragraph', paragraphText(paragraph), null)
        : this.detachedBlock<ParagraphNode>(paragraph, 'paragraph');
    this.insertBlock(childIndex, node, 'insertParagraph');
    return toGas(new ParagraphFake(this.session, node));
  }

  appendParagraph(paragraph: string | GParagraph): GParagraph {
    return this.insertParagraph(this.node.children.length, paragraph);
  }

  insertListItem(childIndex: number, listItem: string | GListItem): GListItem {
    let node: ParagraphNode;
    if (typeof listItem === 'string' || typeof listItem !== 'object') {
      node = newParagraph('listItem', paragraphText(listItem), null);
      node.listId = this.neighbourListId(childIndex) ?? this.newListId();
    } else {
      node = this.detachedBlock<ParagraphNode>(listItem, 'listItem');
    }
    this.insertBlock(childIndex, node, 'insertListItem');
    return toGas(new ListItemFake(this.session, node));
  }

  appendListItem(listItem: string | GListItem): GListItem {
    return this.insertListItem(this.node.children.length, listItem);
  }

  /** A new item right after a list item joins that list, as typing in Docs does. */
  private neighbourListId(index: number): string | null {
    const previous = this.node.children[index - 1];
    return previous && previous.kind === 'listItem' ? previous.listId : null;
  }

  private newListId(): string {
    this.session.model.listCounter++;
    return `kix.list${this.session.model.listCounter}`;
  }

  /** One round trip however large the matrix (the reason to build tables from arrays), plus its cells. */
  insertTable(childIndex: number, cellsOrTable?: string[][] | GTable | null): GTable {
    let node: TableNode;
    if (cellsOrTable === undefined || cellsOrTable === null) node = tableFromCells([], null);
    else if (Array.isArray(cellsOrTable)) node = tableFromCells(cellsOrTable, null);
    else node = this.detachedBlock<TableNode>(cellsOrTable, 'table');
    this.insertBlock(childIndex, node, 'insertTable');
    return toGas(new TableFake(this.session, node));
  }

  appendTable(cellsOrTable?: string[][] | GTable | null): GTable {
    return this.insertTable(this.node.children.length, cellsOrTable);
  }

  /** An image becomes the only content of a new paragraph. */
  insertImage(childIndex: number, image: GBlobSource | GInlineImage): GInlineImage {
    const imageNode =
      image instanceof InlineImageFake ? { ...image.node, bytes: image.node.bytes.slice() } : imageFromBlob(image as GBlobSource);
    const paragraph = newParagraph('paragraph', '', null);
    paragraph.inlines.push(imageNode);
    this.insertBlock(childIndex, paragraph, 'insertImage');
    return toGas(new InlineImageFake(this.session, imageNode, paragraph));
  }

  appendImage(image: GBlobSource | GInlineImage): GInlineImage {
    return this.insertImage(this.node.children.length, image);
  }

  insertHorizontalRule(childIndex: number): GHorizontalRule {
    const paragraph = newParagraph('paragraph', '', null);
    paragraph.inlines.push({ kind: 'hr' });
    this.insertBlock(childIndex, paragraph, 'insertHorizontalRule');
    return toGas(new MarkerFake(this.session, 'hr', paragraph));
  }

  appendHorizontalRule(): GHorizontalRule {
    return this.insertHorizontalRule(this.node.children.length);
  }

  removeChild(child: GElement): Self {
    const node = nodeOf(child) as BlockNode;
    const index = this.node.children.indexOf(node);
    if (index < 0) throw gasError('Element does not contain the specified child element.');
    const isLastParagraph = this.node.kind === 'body' && index === this.node.children.length - 1 && node.kind !== 'table';
    if (isLastParagraph) throw gasError(LAST_PARAGRAPH);
    this.session.write(`${this.label}.removeChild`);
    this.node.children.splice(index, 1);
    node.parent = null;
    return this.self();
  }

  /** Clearing leaves one empty paragraph: a section is never empty. */
  clear(): Self {
    this.session.write(`${this.label}.clear`);
    this.node.children = [newParagraph('paragraph', '', this.node)];
    return this.self();
  }

  /** One paragraph per line of text. */
  setText(text: string): Self {
    this.session.write(`${this.label}.setText`);
    this.node.children = String(text)
      .split('\n')
      .map((line) => newParagraph('paragraph', line, this.node));
    return this.self();
  }

  editAsText(): GText {
    const node = this.node;
    return toGas(
      new TextFake(this.session, {
        runs: () => node.children.flatMap((b) => (b.kind === 'table' ? [] : [firstRun(b)])),
        separator: '\n',
        replace: (text) => {
          node.children = text.split('\n').map((line) => newParagraph('paragraph', line, node));
        },
      }),
    );
  }

  getAttributes(): Record<string, unknown> {
    return { ...(this.node.kind === 'cell' ? this.node.attributes : {}) };
  }
}

/** A paragraph's text merged into one run, so a whole-paragraph Text edits one sequence. */
function firstRun(paragraph: ParagraphNode): TextNode {
  const runs = paragraph.inlines.filter((i): i is TextNode => i.kind === 'text');
  if (runs.length === 1) return runs[0];
  const merged = newText('');
  for (const run of runs) {
    merged.styles.push(...run.styles.map((s) => ({ ...s, start: s.start + merged.text.length, end: s.end + merged.text.length })));
    merged.text += run.text;
  }
  paragraph.inlines = [merged, ...paragraph.inlines.filter((i) => i.kind !== 'text')];
  return merged;
}

class BodyFake
  extends ContainerFake<GBody>
  implements
    Pick<
      GBody,
      | 'appendParagraph' | 'insertParagraph' | 'appendListItem' | 'insertListItem' | 'appendTable' | 'insertTable'
      | 'appendImage' | 'insertImage' | 'appendPageBreak' | 'insertPageBreak' | 'appendHorizontalRule'
      | 'insertHorizontalRule' | 'getParagraphs' | 'getListItems' | 'getTables' | 'getImages' | 'getNumChildren'
      | 'getChild' | 'getChildIndex' | 'getText' | 'setText' | 'editAsText' | 'clear' | 'removeChild' | 'getType'
      | 'setMarginTop' | 'setMarginBottom' | 'setMarginLeft' | 'setMarginRight' | 'getMarginTop' | 'getMarginBottom'
      | 'getMarginLeft' | 'getMarginRight' | 'setPageWidth' | 'setPageHeight' | 'getPageWidth' | 'getPageHeight'
      | 'setAttributes' | 'getAttributes'
    >
{
  protected readonly label = 'Body';

  getType(): GElementType {
    return elementType('BODY_SECTION');
  }

  insertPageBreak(childIndex: number): GPageBreak {
    const paragraph = newParagraph('paragraph', '', null);
    paragraph.inlines.push({ kind: 'pageBreak' });
    this.insertBlock(childIndex, paragraph, 'insertPageBreak');
    return toGas(new MarkerFake(this.session, 'pageBreak', paragraph));
  }

  appendPageBreak(): GPageBreak {
    return this.insertPageBreak(this.node.children.length);
  }

  private get model(): DocModel {
    return this.session.model;
  }

  private setPage(method: string, apply: () => void): GBody {
    this.session.write(`Body.${method}`);
    apply();
    return this.self();
  }

  setMarginTop(points: number): GBody {
    return this.setPage('setMarginTop', () => (this.model.margins.top = Number(points)));
  }

  setMarginBottom(points: number): GBody {
    return this.setPage('setMarginBottom', () => (this.model.margins.bottom = Number(points)));
  }

  setMarginLeft(points: number): GBody {
    return this.setPage('setMarginLeft', () => (this.model.margins.left = Number(points)));
  }

  setMarginRight(points: number): GBody {
    return this.setPage('setMarginRight', () => (this.model.margins.right = Number(points)));
  }

  setPageWidth(points: number): GBody {
    return this.setPage('setPageWidth', () => (this.model.pageWidth = Number(points)));
  }

  setPageHeight(points: number): GBody {
    return this.setPage('setPageHeight', () => (this.model.pageHeight = Number(points)));
  }

  getMarginTop(): number {
    return this.model.margins.top;
  }

  getMarginBottom(): number {
    return this.model.margins.bottom;
  }

  getMarginLeft(): number {
    return this.model.margins.left;
  }

  getMarginRight(): number {
    return this.model.margins.right;
  }

  getPageWidth(): number {
    return this.model.pageWidth;
  }

  getPageHeight(): number {
    return this.model.pageHeight;
  }

  /** Page and margin attributes; other keys have no body-level meaning here. */
  setAttributes(attributes: unknown): GBody {
    const values = normalizeAttributes(attributes);
    return this.setPage('setAttributes', () => {
      const number = (key: string) => (typeof values[key] === 'number' ? (values[key] as number) : undefined);
      this.model.pageWidth = number('PAGE_WIDTH') ?? this.model.pageWidth;
      this.model.pageHeight = number('PAGE_HEIGHT') ?? this.model.pageHeight;
      this.model.margins.top = number('MARGIN_TOP') ?? this.model.margins.top;
      this.model.margins.bottom = number('MARGIN_BOTTOM') ?? this.model.margins.bottom;
      this.model.margins.left = number('MARGIN_LEFT') ?? this.model.margins.left;
      this.model.margins.right = number('MARGIN_RIGHT') ?? this.model.margins.right;
    });
  }

  getAttributes(): Record<string, unknown> {
    const m = this.model;
    return {
      PAGE_WIDTH: m.pageWidth,
      PAGE_HEIGHT: m.pageHeight,
      MARGIN_TOP: m.margins.top,
      MARGIN_BOTTOM: m.margins.bottom,
      MARGIN_LEFT: m.margins.left,
      MARGIN_RIGHT: m.margins.right,
    };
  }
}

class TableCellFake
  extends ContainerFake<GTableCell>
  implements
    Pick<
      GTableCell,
      | 'appendParagraph' | 'insertParagraph' | 'appendListItem' | 'appendTable' | 'appendImage'
      | 'appendHorizontalRule' | 'getNumChildren' | 'getChild' | 'getText' | 'setText'
      | 'editAsText' | 'clear' | 'removeChild' | 'getType' | 'setBackgroundColor' | 'getBackgroundColor'
      | 'setWidth' | 'getWidth' | 'setVerticalAlignment' | 'setPaddingTop' | 'setPaddingBottom' | 'setPaddingLeft'
      | 'setPaddingRight' | 'getParentRow' | 'getParentTable' | 'setAttributes' | 'getAttributes'
    >
{
  protected readonly label = 'TableCell';

  private get cell(): CellNode {
    return this.node as CellNode;
  }

  getType(): GElementType {
    return elementType('TABLE_CELL');
  }

  private setAttribute(method: string, attribute: string, value: unknown): GTableCell {
    this.session.write(`TableCell.${method}`);
    this.cell.attributes[attribute] = enumName(value) ?? value;
    return this.self();
  }

  setBackgroundColor(color: string): GTableCell {
    return this.setAttribute('setBackgroundColor', 'BACKGROUND_COLOR', color);
  }

  getBackgroundColor(): string {
    return (this.cell.attributes.BACKGROUND_COLOR as string | undefined) ?? (null as unknown as string);
  }

  setWidth(width: number): GTableCell {
    return this.setAttribute('setWidth', 'WIDTH', Number(width));
  }

  getWidth(): number {
    return (this.cell.attributes.WIDTH as number | undefined) ?? (null as unknown as number);
  }

  setVerticalAlignment(alignment: GoogleAppsScript.Document.VerticalAlignment): GTableCell {
    return this.setAttribute('setVerticalAlignment', 'VERTICAL_ALIGNMENT', alignment);
  }

  setPaddingTop(padding: number): GTableCell {
    return this.setAttribute('setPaddingTop', 'PADDING_TOP', Number(padding));
  }

  setPaddingBottom(padding: number): GTableCell {
    return this.setAttribute('setPaddingBottom', 'PADDING_BOTTOM', Number(padding));
  }

  setPaddingLeft(padding: number): GTableCell {
    return this.setAttribute('setPaddingLeft', 'PADDING_LEFT', Number(padding));
  }

  setPaddingRight(padding: number): GTableCell {
    return this.setAttribute('setPaddingRight', 'PADDING_RIGHT', Number(padding));
  }

  setAttributes(attributes: unknown): GTableCell {
    this.session.write('TableCell.setAttributes');
    Object.assign(this.cell.attributes, normalizeAttributes(attributes));
    return this.self();
  }

  getParentRow(): GTableRow {
    if (!this.cell.row) throw gasError('Element has no parent.');
    return toGas(new TableRowFake(this.session, this.cell.row));
  }

  getParentTable(): GTable {
    const table = this.cell.row?.table;
    if (!table) throw gasError('Element has no parent.');
    return toGas(new TableFake(this.session, table));
  }
}

// ---------------------------------------------------------------------------------------------
// Paragraphs and list items

abstract class ParagraphLikeFake<Self> {
  constructor(
    protected readonly session: DocSession,
    readonly node: ParagraphNode,
  ) {}

  protected self(): Self {
    return toGas(this);
  }

  protected abstract readonly label: string;

  protected change(method: string, apply: () => void): Self {
    this.session.write(`${this.label}.${method}`);
    apply();
    return this.self();
  }

  getText(): string {
    return textOf(this.node);
  }

  setText(text: string): void {
    this.change('setText', () => {
      this.node.inlines = [newText(paragraphText(text))];
    });
  }

  appendText(text: string | GText): GText {
    const run = newText(paragraphText(text instanceof TextFake ? text.getText() : text));
    this.change('appendText', () => this.node.inlines.push(run));
    return toGas(new TextFake(this.session, { runs: () => [run], separator: '', replace: (t) => (run.text = paragraphText(t)) }));
  }

  editAsText(): GText {
    const node = this.node;
    return toGas(
      new TextFake(this.session, {
        runs: () => (node.inlines.some((i) => i.kind === 'text') ? [firstRun(node)] : []),
        separator: '',
        replace: (text) => {
          node.inlines = [newText(paragraphText(text)), ...node.inlines.filter((i) => i.kind !== 'text')];
        },
      }),
    );
  }

  getNumChildren(): number {
    return this.node.inlines.length;
  }

  getChild(childIndex: number): GElement {
    const inline = this.node.inlines[childIndex];
    if (!inline) throw childIndexError(childIndex, this.node.inlines.length);
    if (inline.kind === 'image') return toGas(new InlineImageFake(this.session, inline, this.node));
    if (inline.kind === 'text') {
      return toGas(new TextFake(this.session, { runs: () => [inline], separator: '', replace: (t) => (inline.text = paragraphText(t)) }));
    }
    return toGas(new MarkerFake(this.session, inline.kind, this.node));
  }

  setHeading(heading: GHeading): Self {
    const name = enumName(heading);
    if (!name || !(name in PARAGRAPH_HEADING)) throw gasError('Invalid argument: heading');
    return this.change('setHeading', () => (this.node.heading = name));
  }

  getHeading(): GHeading {
    return enumValue<GHeading>(PARAGRAPH_HEADING, this.node.heading);
  }

  setAlignment(alignment: GAlignment): Self {
    const name = enumName(alignment);
    if (!name || !(name in HORIZONTAL_ALIGNMENT)) throw gasError('Invalid argument: alignment');
    return this.change('setAlignment', () => (this.node.alignment = name));
  }

  /** Null until set: the paragraph inherits its named style's alignment. */
  getAlignment(): GAlignment {
    return (this.node.alignment ? enumValue(HORIZONTAL_ALIGNMENT, this.node.alignment) : null) as GAlignment;
  }

  private setNumber(method: string, attribute: string, value: number): Self {
    return this.change(method, () => (this.node.attributes[attribute] = Number(value)));
  }

  setSpacingBefore(spacingBefore: number): Self {
    return this.setNumber('setSpacingBefore', 'SPACING_BEFORE', spacingBefore);
  }

  setSpacingAfter(spacingAfter: number): Self {
    return this.setNumber('setSpacingAfter', 'SPACING_AFTER', spacingAfter);
  }

  setLineSpacing(multiplier: number): Self {
    return this.setNumber('setLineSpacing', 'LINE_SPACING', multiplier);
  }

  setIndentStart(indentStart: number): Self {
    return this.setNumber('setIndentStart', 'INDENT_START', indentStart);
  }

  setIndentFirstLine(indentFirstLine: number): Self {
    return this.setNumber('setIndentFirstLine', 'INDENT_FIRST_LINE', indentFirstLine);
  }

  getSpacingBefore(): number {
    return (this.node.attributes.SPACING_BEFORE as number | undefined) ?? (null as unknown as number);
  }

  getSpacingAfter(): number {
    return (this.node.attributes.SPACING_AFTER as number | undefined) ?? (null as unknown as number);
  }

  getLineSpacing(): number {
    return (this.node.attributes.LINE_SPACING as number | undefined) ?? (null as unknown as number);
  }

  /**
   * HEADING and HORIZONTAL_ALIGNMENT move the paragraph's own settings; text attributes (BOLD,
   * FONT_SIZE …) apply to all of its text; the rest are recorded.
   */
  setAttributes(attributes: unknown): Self {
    const values = normalizeAttributes(attributes);
    return this.change('setAttributes', () => {
      for (const [key, value] of Object.entries(values)) {
        if (key === 'HEADING' && typeof value === 'string') this.node.heading = value;
        else if (key === 'HORIZONTAL_ALIGNMENT') this.node.alignment = (value as string | null) ?? null;
        else if (key === 'GLYPH_TYPE' && typeof value === 'string') this.node.glyph = value;
        else if (key === 'NESTING_LEVEL' && typeof value === 'number') this.node.nesting = value;
        else this.node.attributes[key] = value;
      }
    });
  }

  getAttributes(): Record<string, unknown> {
    return {
      ...this.node.attributes,
      HEADING: this.getHeading(),
      HORIZONTAL_ALIGNMENT: this.getAlignment(),
    };
  }

  appendInlineImage(image: GBlobSource | GInlineImage): GInlineImage {
    const imageNode =
      image instanceof InlineImageFake ? { ...image.node, bytes: image.node.bytes.slice() } : imageFromBlob(image as GBlobSource);
    this.change('appendInlineImage', () => this.node.inlines.push(imageNode));
    return toGas(new InlineImageFake(this.session, imageNode, this.node));
  }

  appendPageBreak(): GPageBreak {
    this.change('appendPageBreak', () => this.node.inlines.push({ kind: 'pageBreak' }));
    return toGas(new MarkerFake(this.session, 'pageBreak', this.node));
  }

  appendHorizontalRule(): GHorizontalRule {
    this.change('appendHorizontalRule', () => this.node.inlines.push({ kind: 'hr' }));
    return toGas(new MarkerFake(this.session, 'hr', this.node));
  }

  clear(): Self {
    return this.change('clear', () => (this.node.inlines = []));
  }

  getParent(): GContainerElement {
    if (!this.node.parent) return null as unknown as GContainerElement;
    return wrapContainer(this.session, this.node.parent);
  }

  removeFromParent(): Self {
    const parent = this.node.parent;
    if (!parent) return this.self();
    const index = parent.children.indexOf(this.node);
    if (parent.kind === 'body' && index === parent.children.length - 1) throw gasError(LAST_PARAGRAPH);
    return this.change('removeFromParent', () => {
      parent.children.splice(index, 1);
      this.node.parent = null;
    });
  }

  /** A detached deep copy, ready for appendParagraph/insertListItem. */
  copy(): Self {
    const copy = cloneBlock(this.node, null) as ParagraphNode;
    return toGas(this.node.kind === 'listItem' ? new ListItemFake(this.session, copy) : new ParagraphFake(this.session, copy));
  }

  asParagraph(): GParagraph {
    return toGas(this);
  }

  asListItem(): GListItem {
    return toGas(this);
  }

  asText(): GText {
    return this.editAsText();
  }
}

class ParagraphFake
  extends ParagraphLikeFake<GParagraph>
  implements
    Pick<
      GParagraph,
      | 'getText' | 'setText' | 'appendText' | 'editAsText' | 'setHeading' | 'getHeading' | 'setAlignment'
      | 'getAlignment' | 'setSpacingBefore' | 'setSpacingAfter' | 'setLineSpacing' | 'getSpacingBefore'
      | 'getSpacingAfter' | 'getLineSpacing' | 'setIndentStart' | 'setIndentFirstLine' | 'setAttributes'
      | 'getAttributes' | 'appendInlineImage' | 'appendPageBreak' | 'appendHorizontalRule' | 'getNumChildren'
      | 'getChild' | 'clear' | 'getParent' | 'removeFromParent' | 'copy' | 'getType' | 'asParagraph' | 'asText'
    >
{
  protected readonly label = 'Paragraph';

  getType(): GElementType {
    return elementType('PARAGRAPH');
  }
}

class ListItemFake
  extends ParagraphLikeFake<GListItem>
  implements
    Pick<
      GListItem,
      | 'getText' | 'setText' | 'appendText' | 'editAsText' | 'setHeading' | 'getHeading' | 'setAlignment'
      | 'getAlignment' | 'setSpacingBefore' | 'setSpacingAfter' | 'setLineSpacing' | 'setIndentStart'
      | 'setIndentFirstLine' | 'setAttributes' | 'getAttributes' | 'appendInlineImage' | 'getNumChildren'
      | 'getChild' | 'clear' | 'getParent' | 'removeFromParent' | 'copy' | 'getType' | 'asListItem'
      | 'setGlyphType' | 'getGlyphType' | 'setNestingLevel' | 'getNestingLevel' | 'getListId' | 'setListId'
    >
{
  protected readonly label = 'ListItem';

  getType(): GElementType {
    return elementType('LIST_ITEM');
  }

  setGlyphType(glyphType: GGlyph): GListItem {
    const name = enumName(glyphType);
    if (!name || !(name in GLYPH_TYPE)) throw gasError('Invalid argument: glyphType');
    return this.change('setGlyphType', () => (this.node.glyph = name));
  }

  getGlyphType(): GGlyph {
    return enumValue<GGlyph>(GLYPH_TYPE, this.node.glyph);
  }

  /** Nesting levels run 0–8 in Docs lists. */
  setNestingLevel(nestingLevel: number): GListItem {
    const level = Number(nestingLevel);
    if (!Number.isInteger(level) || level < 0 || level > 8) throw gasError('Invalid argument: nestingLevel');
    return this.change('setNestingLevel', () => (this.node.nesting = level));
  }

  getNestingLevel(): number {
    return this.node.nesting;
  }

  getListId(): string {
    return this.node.listId;
  }

  setListId(listItem: GListItem): GListItem {
    const other = nodeOf(listItem);
    if (other.kind !== 'listItem') throw gasError('Invalid argument: listItem');
    return this.change('setListId', () => (this.node.listId = other.listId));
  }
}

// ---------------------------------------------------------------------------------------------
// Tables

class TableFake
  implements
    Pick<
      GTable,
      | 'getNumRows' | 'getRow' | 'getCell' | 'getNumChildren' | 'getChild' | 'appendTableRow' | 'removeRow'
      | 'setBorderWidth' | 'getBorderWidth' | 'setBorderColor' | 'getBorderColor' | 'setColumnWidth'
      | 'getColumnWidth' | 'getText' | 'editAsText' | 'getType' | 'copy' | 'removeFromParent' | 'getParent'
      | 'setAttributes' | 'getAttributes' | 'asTable'
    >
{
  constructor(
    private readonly session: DocSession,
    readonly node: TableNode,
  ) {}

  private self(): GTable {
    return toGas(this);
  }

  private change(method: string, apply: () => void): GTable {
    this.session.write(`Table.${method}`);
    apply();
    return this.self();
  }

  getType(): GElementType {
    return elementType('TABLE');
  }

  getNumRows(): number {
    return this.node.rows.length;
  }

  getNumChildren(): number {
    return this.node.rows.length;
  }

  getRow(rowIndex: number): GTableRow {
    const row = this.node.rows[rowIndex];
    if (!row) throw childIndexError(rowIndex, this.node.rows.length);
    return toGas(new TableRowFake(this.session, row));
  }

  getChild(childIndex: number): GElement {
    return toGas(this.getRow(childIndex));
  }

  getCell(rowIndex: number, cellIndex: number): GTableCell {
    return this.getRow(rowIndex).getCell(cellIndex);
  }

  appendTableRow(tableRow?: GTableRow): GTableRow {
    let row: RowNode;
    if (tableRow instanceof TableRowFake) {
      if (tableRow.node.table) throw gasError(MUST_BE_DETACHED);
      row = tableRow.node;
    } else {
      row = { kind: 'row', table: null, cells: [], attributes: {} };
    }
    this.change('appendTableRow', () => {
      row.table = this.node;
      this.node.rows.push(row);
    });
    return toGas(new TableRowFake(this.session, row));
  }

  removeRow(rowIndex: number): GTableRow {
    const row = this.node.rows[rowIndex];
    if (!row) throw childIndexError(rowIndex, this.node.rows.length);
    this.change('removeRow', () => {
      this.node.rows.splice(rowIndex, 1);
      row.table = null;
    });
    return toGas(new TableRowFake(this.session, row));
  }

  setBorderWidth(width: number): GTable {
    return this.change('setBorderWidth', () => (this.node.attributes.BORDER_WIDTH = Number(width)));
  }

  /** Docs' default table border is 1 pt black. */
  getBorderWidth(): number {
    return (this.node.attributes.BORDER_WIDTH as number | undefined) ?? 1;
  }

  setBorderColor(color: string): GTable {
    return this.change('setBorderColor', () => (this.node.attributes.BORDER_COLOR = String(color)));
  }

  getBorderColor(): string {
    return (this.node.attributes.BORDER_COLOR as string | undefined) ?? '#000000';
  }

  setColumnWidth(columnIndex: number, width: number): GTable {
    return this.change('setColumnWidth', () => (this.node.columnWidths[columnIndex] = Number(width)));
  }

  getColumnWidth(columnIndex: number): number {
    return this.node.columnWidths[columnIndex] ?? (null as unknown as number);
  }

  getText(): string {
    return textOf(this.node);
  }

  editAsText(): GText {
    const node = this.node;
    const paragraphs = () =>
      node.rows.flatMap((r) => r.cells.flatMap((c) => c.children.filter((b): b is ParagraphNode => b.kind !== 'table')));
    return toGas(
      new TextFake(this.session, {
        runs: () => paragraphs().map(firstRun),
        separator: '\n',
        replace: () => {
          throw gasError('Invalid argument: text');
        },
      }),
    );
  }

  setAttributes(attributes: unknown): GTable {
    return this.change('setAttributes', () => Object.assign(this.node.attributes, normalizeAttributes(attributes)));
  }

  getAttributes(): Record<string, unknown> {
    return { BORDER_WIDTH: this.getBorderWidth(), BORDER_COLOR: this.getBorderColor(), ...this.node.attributes };
  }

  copy(): GTable {
    return toGas(new TableFake(this.session, cloneBlock(this.node, null) as TableNode));
  }

  removeFromParent(): GTable {
    const parent = this.node.parent;
    if (!parent) return this.self();
    return this.change('removeFromParent', () => {
      parent.children.splice(parent.children.indexOf(this.node), 1);
      this.node.parent = null;
    });
  }

  getParent(): GContainerElement {
    return this.node.parent ? wrapContainer(this.session, this.node.parent) : (null as unknown as GContainerElement);
  }

  asTable(): GTable {
    return this.self();
  }
}

class TableRowFake
  implements
    Pick<
      GTableRow,
      | 'getCell' | 'getNumCells' | 'getNumChildren' | 'getChild' | 'appendTableCell' | 'getText' | 'getType'
      | 'setMinimumHeight' | 'getMinimumHeight' | 'getParentTable' | 'editAsText'
    >
{
  constructor(
    private readonly session: DocSession,
    readonly node: RowNode,
  ) {}

  getType(): GElementType {
    return elementType('TABLE_ROW');
  }

  getNumCells(): number {
    return this.node.cells.length;
  }

  getNumChildren(): number {
    return this.node.cells.length;
  }

  getCell(cellIndex: number): GTableCell {
    const cell = this.node.cells[cellIndex];
    if (!cell) throw childIndexError(cellIndex, this.node.cells.length);
    return toGas(new TableCellFake(this.session, cell));
  }

  getChild(childIndex: number): GElement {
    return toGas(this.getCell(childIndex));
  }

  appendTableCell(textContentsOrCell?: string | GTableCell | null): GTableCell {
    let cell: CellNode;
    if (textContentsOrCell instanceof TableCellFake) {
      cell = textContentsOrCell.node as CellNode;
      if (cell.row) throw gasError(MUST_BE_DETACHED);
    } else {
      cell = newCell(this.node, textContentsOrCell === undefined || textContentsOrCell === null ? '' : String(textContentsOrCell));
    }
    this.session.write('TableRow.appendTableCell');
    cell.row = this.node;
    this.node.cells.push(cell);
    return toGas(new TableCellFake(this.session, cell));
  }

  getText(): string {
    return this.node.cells.map(cellText).join('\n');
  }

  editAsText(): GText {
    const node = this.node;
    return toGas(
      new TextFake(this.session, {
        runs: () => node.cells.flatMap((c) => c.children.filter((b): b is ParagraphNode => b.kind !== 'table').map(firstRun)),
        separator: '\n',
        replace: () => {
          throw gasError('Invalid argument: text');
        },
      }),
    );
  }

  setMinimumHeight(minHeight: number): GTableRow {
    this.session.write('TableRow.setMinimumHeight');
    this.node.attributes.MINIMUM_HEIGHT = Number(minHeight);
    return toGas(this);
  }

  getMinimumHeight(): number {
    return (this.node.attributes.MINIMUM_HEIGHT as number | undefined) ?? 0;
  }

  getParentTable(): GTable {
    if (!this.node.table) throw gasError('Element has no parent.');
    return toGas(new TableFake(this.session, this.node.table));
  }
}

// ---------------------------------------------------------------------------------------------
// Inline elements

class InlineImageFake
  implements
    Pick<
      GInlineImage,
      | 'getAltTitle' | 'setAltTitle' | 'getAltDescription' | 'setAltDescription' | 'getWidth' | 'setWidth'
      | 'getHeight' | 'setHeight' | 'getBlob' | 'getAs' | 'getLinkUrl' | 'setLinkUrl' | 'getType' | 'getParent'
    >
{
  constructor(
    private readonly session: DocSession,
    readonly node: ImageNode,
    private readonly paragraph: ParagraphNode,
  ) {}

  private change(method: string, apply: () => void): GInlineImage {
    this.session.write(`InlineImage.${method}`);
    apply();
    return toGas(this);
  }

  getType(): GElementType {
    return elementType('INLINE_IMAGE');
  }

  /** Unset alt text reads as null in Apps Script. */
  getAltTitle(): string {
    return this.node.altTitle as string;
  }

  setAltTitle(title: string): GInlineImage {
    return this.change('setAltTitle', () => (this.node.altTitle = String(title)));
  }

  getAltDescription(): string {
    return this.node.altDescription as string;
  }

  setAltDescription(description: string): GInlineImage {
    return this.change('setAltDescription', () => (this.node.altDescription = String(description)));
  }

  getWidth(): number {
    return this.node.width;
  }

  setWidth(width: number): GInlineImage {
    return this.change('setWidth', () => (this.node.width = Math.round(Number(width))));
  }

  getHeight(): number {
    return this.node.height;
  }

  setHeight(height: number): GInlineImage {
    return this.change('setHeight', () => (this.node.height = Math.round(Number(height))));
  }

  getLinkUrl(): string {
    return this.node.linkUrl as string;
  }

  setLinkUrl(url: string): GInlineImage {
    return this.change('setLinkUrl', () => (this.node.linkUrl = String(url)));
  }

  getBlob(): GBlob {
    return toGas(new BlobFake(this.node.bytes, this.node.mimeType, this.node.name));
  }

  getAs(contentType: string): GBlob {
    return toGas(new BlobFake(this.node.bytes, this.node.mimeType, this.node.name).getAs(contentType));
  }

  getParent(): GContainerElement {
    return toGas(wrapBlock(this.session, this.paragraph));
  }
}

class MarkerFake implements Pick<GPageBreak, 'getType' | 'getParent'> {
  constructor(
    private readonly session: DocSession,
    private readonly kind: 'pageBreak' | 'hr',
    private readonly paragraph: ParagraphNode,
  ) {}

  getType(): GElementType {
    return elementType(this.kind === 'pageBreak' ? 'PAGE_BREAK' : 'HORIZONTAL_RULE');
  }

  getParent(): GContainerElement {
    return toGas(wrapBlock(this.session, this.paragraph));
  }
}

// ---------------------------------------------------------------------------------------------
// Document and DocumentApp

class DocumentFake
  implements
    Pick<GDocument, 'getId' | 'getName' | 'setName' | 'getUrl' | 'getBody' | 'saveAndClose' | 'getAs' | 'getBlob'>
{
  constructor(private readonly session: DocSession) {}

  private get entry(): DriveEntry {
    const entry = this.session.store.core.drive.get(this.session.model.id);
    if (!entry) throw gasError(DOCUMENT_MISSING);
    return entry;
  }

  getId(): string {
    return this.session.model.id;
  }

  getName(): string {
    return this.entry.name;
  }

  setName(name: string): GDocument {
    this.session.write('Document.setName');
    this.entry.name = String(name);
    return toGas(this);
  }

  getUrl(): string {
    return `https://docs.google.com/document/d/${this.getId()}/edit`;
  }

  getBody(): GBody {
    return toGas(new BodyFake(this.session, this.session.model.body));
  }

  /** Later edits through this Document object fail; DocumentApp.openById gives a fresh one. */
  saveAndClose(): void {
    this.session.write('Document.saveAndClose');
    this.session.closed = true;
  }

  /**
   * Only PDF (and, since 2024, Markdown) are valid targets.
   * https://developers.google.com/apps-script/reference/document/document#getAs(String)
   */
  getAs(contentType: string): GBlob {
    const target = String(contentType);
    if (target !== 'application/pdf' && target !== 'text/markdown') {
      throw gasError(`Converting from application/vnd.google-apps.document to ${target} is not supported.`);
    }
    this.session.store.core.call('DocumentApp', 'Document.getAs');
    const exported = this.session.store.export(this.session.model, target);
    return toGas(new BlobFake(exported.bytes, exported.mimeType, exported.name));
  }

  /** A document's blob is its PDF. */
  getBlob(): GBlob {
    return this.getAs('application/pdf');
  }
}

class DocumentAppFake
  implements
    Pick<
      GoogleAppsScript.Document.DocumentApp,
      | 'Attribute' | 'ElementType' | 'GlyphType' | 'HorizontalAlignment' | 'ParagraphHeading' | 'TextAlignment'
      | 'VerticalAlignment' | 'create' | 'openById' | 'openByUrl' | 'getActiveDocument'
    >
{
  readonly Attribute = ATTRIBUTE;
  readonly ElementType = ELEMENT_TYPE;
  readonly GlyphType = GLYPH_TYPE;
  readonly HorizontalAlignment = HORIZONTAL_ALIGNMENT;
  readonly ParagraphHeading = PARAGRAPH_HEADING;
  readonly TextAlignment = TEXT_ALIGNMENT;
  readonly VerticalAlignment = VERTICAL_ALIGNMENT;

  constructor(private readonly store: DocsStore) {}

  create(name: string): GDocument {
    this.store.core.call('DocumentApp', 'create');
    return this.store.open(this.store.create(String(name)).id);
  }

  openById(id: string): GDocument {
    this.store.core.call('DocumentApp', 'openById');
    return this.store.open(String(id));
  }

  /** Accepts the /document/d/<id>/ form Drive and Docs hand out. */
  openByUrl(url: string): GDocument {
    this.store.core.call('DocumentApp', 'openByUrl');
    const match = /\/document\/d\/([A-Za-z0-9_-]+)/.exec(String(url)) ?? /[?&]id=([A-Za-z0-9_-]+)/.exec(String(url));
    if (!match) throw gasError('Invalid argument: url');
    return this.store.open(match[1]);
  }

  /** A standalone script has no active document. */
  getActiveDocument(): GDocument {
    return null as unknown as GDocument;
  }
}

class DocsStore {
  readonly models = new Map<string, DocModel>();

  constructor(readonly core: Core) {}

  create(name: string, parents: string[] = []): DriveEntry {
    const id = this.core.newId();
    const body: BodyNode = { kind: 'body', children: [] };
    // A new document holds one empty paragraph.
    body.children.push(newParagraph('paragraph', '', body));
    this.models.set(id, {
      id,
      body,
      pageWidth: LETTER.width,
      pageHeight: LETTER.height,
      margins: { top: 72, bottom: 72, left: 72, right: 72 },
      listCounter: 0,
    });
    return this.register(id, name, parents);
  }

  private register(id: string, name: string, parents: string[]): DriveEntry {
    const now = this.core.now();
    const entry: DriveEntry = {
      id,
      name,
      mimeType: 'application/vnd.google-apps.document',
      parents,
      createdAt: now,
      updatedAt: now,
      trashed: false,
      sharing: { access: 'PRIVATE', permission: 'NONE' },
      kind: 'document',
      exportAs: (mimeType) => this.export(this.model(id), mimeType),
      duplicate: (copyName) => this.duplicate(id, copyName),
    };
    this.core.drive.set(id, entry);
    return entry;
  }

  private duplicate(id: string, name: string): DriveEntry {
    const source = this.model(id);
    const copyId = this.core.newId();
    const body: BodyNode = { kind: 'body', children: [] };
    body.children = source.body.children.map((b) => cloneBlock(b, body));
    this.models.set(copyId, { ...source, id: copyId, body, margins: { ...source.margins } });
    return this.register(copyId, name, [...(this.core.drive.get(id)?.parents ?? [])]);
  }

  model(id: string): DocModel {
    const model = this.models.get(id);
    if (!model) throw gasError(DOCUMENT_MISSING);
    return model;
  }

  open(id: string): GDocument {
    return toGas(new DocumentFake(new DocSession(this, this.model(id))));
  }

  name(id: string): string {
    return this.core.drive.get(id)?.name ?? '';
  }

  export(model: DocModel, mimeType: string): { bytes: Uint8Array; mimeType: string; name: string } {
    const name = this.name(model.id);
    if (mimeType === 'application/pdf') return { bytes: renderPdf(model, name), mimeType, name: `${name}.pdf` };
    if (mimeType === 'text/markdown') return { bytes: encodeString(renderMarkdown(model)), mimeType, name: `${name}.md` };
    if (mimeType === 'text/html') return { bytes: encodeString(renderHtml(model, name)), mimeType, name: `${name}.html` };
    throw gasError(`Converting from application/vnd.google-apps.document to ${mimeType} is not supported.`);
  }
}

// ---------------------------------------------------------------------------------------------
// Harness views: JSON, HTML, Markdown, PDF

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
function bodyItems(model: DocModel): DocJsonItem[] {
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

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
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

const HEADING_TAGS: Record<string, string> = {
  HEADING1: 'h1', HEADING2: 'h2', HEADING3: 'h3', HEADING4: 'h4', HEADING5: 'h5', HEADING6: 'h6', TITLE: 'h1', SUBTITLE: 'p',
};
const ORDERED_GLYPHS: Record<string, string> = { NUMBER: '1', LATIN_UPPER: 'A', LATIN_LOWER: 'a', ROMAN_UPPER: 'I', ROMAN_LOWER: 'i' };

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
      const border = Number(block.attributes.BORDER_WIDTH ?? 1);
      const rows = block.rows.map((r) => {
        const cells = r.cells.map((c) => {
          const bg = c.attributes.BACKGROUND_COLOR ? ` style="background:${escapeHtml(String(c.attributes.BACKGROUND_COLOR))}"` : '';
          return `<td${bg}>${blocksHtml(c.children)}</td>`;
        });
        return `<tr>${cells.join('')}</tr>`;
      });
      out.push(`<table style="border-collapse:collapse" border="${border}">${rows.join('')}</table>`);
      continue;
    }
    const tag = HEADING_TAGS[block.heading] ?? 'p';
    const classes = block.heading === 'TITLE' ? ' class="title"' : block.heading === 'SUBTITLE' ? ' class="subtitle"' : '';
    const align = block.alignment ? ` style="text-align:${block.alignment === 'JUSTIFY' ? 'justify' : block.alignment.toLowerCase()}"` : '';
    out.push(`<${tag}${classes}${align}>${inlineHtml(block)}</${tag}>`);
  }
  closeList();
  return out.join('\n');
}

function renderHtml(model: DocModel, name: string): string {
  const m = model.margins;
  return [
    '<!DOCTYPE html>',
    '<html lang="ka">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(name)}</title>`,
    '<style>',
    `@page { size: ${model.pageWidth}pt ${model.pageHeight}pt; margin: ${m.top}pt ${m.right}pt ${m.bottom}pt ${m.left}pt; }`,
    'body { font-family: "Noto Sans Georgian", Arial, sans-serif; font-size: 11pt; }',
    `main { max-width: ${model.pageWidth - m.left - m.right}pt; margin: 0 auto; }`,
    'td { padding: 5pt; vertical-align: top; } .title { font-size: 26pt; } .subtitle { font-size: 15pt; color: #666; }',
    '.page-break { display: block; break-after: page; }',
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

function renderMarkdown(model: DocModel): string {
  const lines: string[] = [];
  const headingMarks: Record<string, string> = {
    TITLE: '# ', HEADING1: '# ', HEADING2: '## ', HEADING3: '### ', HEADING4: '#### ', HEADING5: '##### ', HEADING6: '###### ',
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

/** Georgian → Latin (national transliteration), so the built-in PDF font can show the text. */
const GEORGIAN_LATIN: Record<string, string> = {
  ა: 'a', ბ: 'b', გ: 'g', დ: 'd', ე: 'e', ვ: 'v', ზ: 'z', თ: 't', ი: 'i', კ: "k'", ლ: 'l', მ: 'm', ნ: 'n', ო: 'o',
  პ: "p'", ჟ: 'zh', რ: 'r', ს: 's', ტ: "t'", უ: 'u', ფ: 'p', ქ: 'k', ღ: 'gh', ყ: "q'", შ: 'sh', ჩ: 'ch', ც: 'ts',
  ძ: 'dz', წ: "ts'", ჭ: "ch'", ხ: 'kh', ჯ: 'j', ჰ: 'h',
};

function pdfString(text: string): string {
  const latin = [...text].map((ch) => GEORGIAN_LATIN[ch] ?? ch).join('');
  const printable = latin.replace(/[^\x20-\x7e]/g, '?');
  return `(${printable.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

function pdfUtf16(text: string): string {
  const hex = Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();
  return `<FEFF${hex}>`;
}

const FONT_SIZES: Record<string, number> = {
  TITLE: 26, SUBTITLE: 15, HEADING1: 20, HEADING2: 16, HEADING3: 14, HEADING4: 12, HEADING5: 11, HEADING6: 11, NORMAL: 11,
};

/**
 * A real, minimal PDF 1.4: one Helvetica text line per wrapped line, pages of the document's size
 * and margins, page breaks honoured; images appear as their alt text. Valid structure (xref offsets
 * exact) so PDF readers and text extractors accept it.
 */
function renderPdf(model: DocModel, name: string): Uint8Array {
  type Line = { text: string; size: number; indent: number };
  const pages: Line[][] = [[]];
  const usable = model.pageWidth - model.margins.left - model.margins.right;
  const push = (text: string, size: number, indent = 0) => {
    const perLine = Math.max(10, Math.floor((usable - indent) / (size * 0.5)));
    const words = text.split(/\s+/);
    let line = '';
    for (const word of words) {
      if (line && (line + ' ' + word).length > perLine) {
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
        `BT /F1 ${line.size} Tf ${(model.margins.left + line.indent).toFixed(2)} ${y.toFixed(2)} Td ${pdfString(line.text)} Tj ET`,
      );
    }
    return out.map((ops) => ops.join('\n'));
  });

  const objects: string[] = [];
  const pageIds = streams.map((_, i) => 5 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = `<< /Title ${pdfUtf16(name)} /Producer (ukukavshiri emulator) >>`;
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

// ---------------------------------------------------------------------------------------------

export class DocsService {
  readonly app: GoogleAppsScript.Document.DocumentApp;
  private readonly store: DocsStore;

  constructor(core: Core) {
    this.store = new DocsStore(core);
    this.app = toGas(new DocumentAppFake(this.store));
  }

  /** Every document made, for the dump. */
  list(): Array<{ id: string; name: string }> {
    return [...this.store.models.keys()].map((id) => ({ id, name: this.store.name(id) }));
  }

  /** The body as data: paragraphs with heading level, list items, tables as text, images with alt text. */
  toJson(docId: string): DocJson {
    const model = this.store.model(docId);
    return {
      id: model.id,
      name: this.store.name(docId),
      pageWidth: model.pageWidth,
      pageHeight: model.pageHeight,
      margins: { ...model.margins },
      body: bodyItems(model),
    };
  }

  /** A self-contained HTML page (UTF-8, lang="ka", images inlined, page size as CSS @page). */
  toHtml(docId: string): string {
    return renderHtml(this.store.model(docId), this.store.name(docId));
  }

  /** The PDF File.getAs / Document.getAs would return, without charging a call. */
  toPdf(docId: string): Uint8Array {
    return renderPdf(this.store.model(docId), this.store.name(docId));
  }
}
