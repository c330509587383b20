/**
 * Tables and their rows (cells are containers, containers.ts).
 * https://developers.google.com/apps-script/reference/document/table
 * https://developers.google.com/apps-script/reference/document/table-row
 */
import { gasError } from '../core';
import {
  type CellNode,
  type GContainerElement,
  type GElement,
  type GElementType,
  type GTable,
  type GTableCell,
  type GTableRow,
  type GText,
  MUST_BE_DETACHED,
  type ParagraphNode,
  type RowNode,
  type TableNode,
  cellText,
  childIndexError,
  cloneBlock,
  elementType,
  newCell,
  textOf,
} from './model';
import { type DocSession, toGas, wrapContainer } from './session';
import { TableCellFake, firstRun } from './containers';
import { TextFake, normalizeAttributes } from './text';

export class TableFake
  implements
    Pick<
      GTable,
      | 'getNumRows'
      | 'getRow'
      | 'getCell'
      | 'getNumChildren'
      | 'getChild'
      | 'appendTableRow'
      | 'removeRow'
      | 'setBorderWidth'
      | 'getBorderWidth'
      | 'setBorderColor'
      | 'getBorderColor'
      | 'setColumnWidth'
      | 'getColumnWidth'
      | 'getText'
      | 'editAsText'
      | 'getType'
      | 'copy'
      | 'removeFromParent'
      | 'getParent'
      | 'setAttributes'
      | 'getAttributes'
      | 'asTable'
    >
{
  toString(): string {
    return 'Table';
  }
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
    const paragraphs = () => node.rows.flatMap((r) => r.cells.flatMap((c) => c.children.filter((b): b is ParagraphNode => b.kind !== 'table')));
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

export class TableRowFake
  implements
    Pick<
      GTableRow,
      | 'getCell'
      | 'getNumCells'
      | 'getNumChildren'
      | 'getChild'
      | 'appendTableCell'
      | 'getText'
      | 'getType'
      | 'setMinimumHeight'
      | 'getMinimumHeight'
      | 'getParentTable'
      | 'editAsText'
    >
{
  toString(): string {
    return 'TableRow';
  }
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
