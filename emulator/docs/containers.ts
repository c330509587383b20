/**
 * Containers: the Body and a TableCell, which hold paragraphs, list items and tables.
 * https://developers.google.com/apps-script/reference/document/body
 * https://developers.google.com/apps-script/reference/document/table-cell
 */
import { gasError } from '../core';
import { enumName } from '../gas-enum';
import {
  type BlockNode,
  type BodyNode,
  type CellNode,
  type ContainerNode,
  type DocModel,
  type GBlobSource,
  type GBody,
  type GElement,
  type GElementType,
  type GHorizontalRule,
  type GInlineImage,
  type GListItem,
  type GPageBreak,
  type GParagraph,
  type GTable,
  type GTableCell,
  type GTableRow,
  type GText,
  LAST_PARAGRAPH,
  MUST_BE_DETACHED,
  type ParagraphNode,
  type TableNode,
  type TextNode,
  childIndexError,
  insertIndexError,
  elementType,
  imageFromBlob,
  newParagraph,
  newText,
  paragraphText,
  tableCells,
  tableFromCells,
  textOf,
} from './model';
import { type DocSession, nodeOf, toGas, wrapBlock } from './session';
import { InlineImageFake, MarkerFake } from './inline';
import { ListItemFake, ParagraphFake } from './paragraphs';
import { TableFake, TableRowFake } from './tables';
import { TEXT_STYLE_ATTRIBUTES, TextFake, normalizeAttributes } from './text';

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
        if (block.kind === 'table') for (const r of block.rows) for (const c of r.cells) walk(c.children);
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
        for (const r of block.rows) for (const c of r.cells) walk(c.children);
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
    if (index < 0 || index > this.node.children.length) throw insertIndexError(index, this.node.children.length);
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

  /**
   * A paragraph made from text here reports its named style's computed attributes, and takes the
   * body's text attributes (Body.setAttributes). Anything but text or a detached paragraph fits
   * no overload: insertParagraph(1, body) is refused with Google's signature message (gas-fakes
   * test/testdocsnext.js:231, live).
   */
  insertParagraph(childIndex: number, paragraph: string | GParagraph): GParagraph {
    if (typeof paragraph === 'object' && paragraph !== null && !(paragraph instanceof ParagraphFake)) {
      const given = String((paragraph as object).constructor?.name ?? 'Object').replace(/Fake$/, '');
      throw gasError(`The parameters (number,DocumentApp.${given}) don't match the method signature for DocumentApp.${this.label}.insertParagraph.`);
    }
    const node =
      typeof paragraph === 'string' || typeof paragraph !== 'object'
        ? { ...newParagraph('paragraph', paragraphText(paragraph), null), computed: true }
        : this.detachedBlock<ParagraphNode>(paragraph, 'paragraph');
    if (node.computed && this.node.kind === 'body' && this.node.textDefaults) Object.assign(node.attributes, this.node.textDefaults);
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
    const imageNode = image instanceof InlineImageFake ? { ...image.node, bytes: image.node.bytes.slice() } : imageFromBlob(image as GBlobSource);
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
export function firstRun(paragraph: ParagraphNode): TextNode {
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

export class BodyFake
  extends ContainerFake<GBody>
  implements
    Pick<
      GBody,
      | 'appendParagraph'
      | 'insertParagraph'
      | 'appendListItem'
      | 'insertListItem'
      | 'appendTable'
      | 'insertTable'
      | 'appendImage'
      | 'insertImage'
      | 'appendPageBreak'
      | 'insertPageBreak'
      | 'appendHorizontalRule'
      | 'insertHorizontalRule'
      | 'getParagraphs'
      | 'getListItems'
      | 'getTables'
      | 'getImages'
      | 'getNumChildren'
      | 'getChild'
      | 'getChildIndex'
      | 'getText'
      | 'setText'
      | 'editAsText'
      | 'clear'
      | 'removeChild'
      | 'getType'
      | 'setMarginTop'
      | 'setMarginBottom'
      | 'setMarginLeft'
      | 'setMarginRight'
      | 'getMarginTop'
      | 'getMarginBottom'
      | 'getMarginLeft'
      | 'getMarginRight'
      | 'setPageWidth'
      | 'setPageHeight'
      | 'getPageWidth'
      | 'getPageHeight'
      | 'setAttributes'
      | 'getAttributes'
    >
{
  /** What live Apps Script prints for a body (gas-fakes test/testdocs.js:144). */
  toString(): string {
    return 'DocumentBodySection';
  }
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

  /**
   * Page and margin attributes; text attributes (ITALIC, FONT_FAMILY …) style every paragraph of
   * the body and the paragraphs added later; paragraph attributes (alignment …) change neither
   * (gas-fakes test/testdocsstyles.js:62–98, run on live Apps Script).
   */
  setAttributes(attributes: unknown): GBody {
    const values = normalizeAttributes(attributes);
    const text = Object.fromEntries(Object.entries(values).filter(([key]) => TEXT_STYLE_ATTRIBUTES.includes(key)));
    if (Object.keys(text).length > 0) {
      const body = this.node as BodyNode;
      body.textDefaults = { ...body.textDefaults, ...text };
      for (const block of body.children) if (block.kind !== 'table') Object.assign(block.attributes, text);
    }
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

export class TableCellFake
  extends ContainerFake<GTableCell>
  implements
    Pick<
      GTableCell,
      | 'appendParagraph'
      | 'insertParagraph'
      | 'appendListItem'
      | 'appendTable'
      | 'appendImage'
      | 'appendHorizontalRule'
      | 'getNumChildren'
      | 'getChild'
      | 'getText'
      | 'setText'
      | 'editAsText'
      | 'clear'
      | 'removeChild'
      | 'getType'
      | 'setBackgroundColor'
      | 'getBackgroundColor'
      | 'setWidth'
      | 'getWidth'
      | 'setVerticalAlignment'
      | 'setPaddingTop'
      | 'setPaddingBottom'
      | 'setPaddingLeft'
      | 'setPaddingRight'
      | 'getParentRow'
      | 'getParentTable'
      | 'setAttributes'
      | 'getAttributes'
    >
{
  toString(): string {
    return 'TableCell';
  }
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
