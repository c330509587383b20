/**
 * A Sheet (tab) as a script sees it: its size, rows and columns, frozen rows, ranges.
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet
 */
import { gasError } from '../core';
import { ProtectionFake, ofType } from './protection';
import type { SheetModel, SpreadsheetModel, Cell } from './model';
import { type GRange, type GSheet, type GSpreadsheet, cellsOf, checkBounds, checkCoordinates, clearContent, clearFormat, dataArea, typeName } from './cells';
import type { SpreadsheetService } from './service';

type SheetMethods =
  | 'activate'
  | 'appendRow'
  | 'autoResizeColumns'
  | 'clear'
  | 'clearContents'
  | 'deleteRow'
  | 'deleteRows'
  | 'getColumnWidth'
  | 'getDataRange'
  | 'getFormUrl'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getParent'
  | 'getProtections'
  | 'getRange'
  | 'getSheetId'
  | 'getTabColor'
  | 'hideColumns'
  | 'hideSheet'
  | 'insertColumnsAfter'
  | 'insertRowsAfter'
  | 'isColumnHiddenByUser'
  | 'isSheetHidden'
  | 'protect'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setName'
  | 'setTabColor'
  | 'showColumns'
  | 'showSheet';

export class SheetFake implements Pick<GSheet, SheetMethods> {
  toString(): string {
    return 'Sheet';
  }
  constructor(
    private readonly svc: SpreadsheetService,
    private readonly ss: SpreadsheetModel,
    readonly model: SheetModel,
  ) {}

  private self(): GSheet {
    return this as unknown as GSheet;
  }

  activate(): GSheet {
    this.svc.charge('activate', 'meta');
    this.ss.activeSheet = this.model;
    return this.self();
  }
  /** Writes below the last row with content, adding a row to the sheet when it is full. */
  appendRow(rowContents: unknown[]): GSheet {
    this.svc.charge('appendRow', 'write', Array.isArray(rowContents) ? rowContents.length : 0);
    if (!Array.isArray(rowContents))
      throw gasError(`The parameters (${typeName(rowContents)}) don't match the method signature for SpreadsheetApp.Sheet.appendRow.`);
    const row = this.model.lastRow() + 1;
    this.svc.growRowsTo(this.ss, this.model, row);
    if (rowContents.length > this.model.maxColumns) {
      this.svc.ensureCapacity(this.ss, (rowContents.length - this.model.maxColumns) * this.model.maxRows);
      this.model.maxColumns = rowContents.length;
    }
    if (rowContents.length > 0) {
      this.svc.write(this.ss, this.model, { row, column: 1, numRows: 1, numColumns: rowContents.length }, [rowContents], this.svc.typed());
    }
    return this.self();
  }
  /** Column widths are not modelled; the call is charged like the real one. */
  autoResizeColumns(_startColumn: number, _numColumns: number): GSheet {
    this.svc.charge('autoResizeColumns', 'write');
    return this.self();
  }
  /** Contents and formats go; data validation rules and notes stay. */
  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): GSheet {
    const area = { row: 1, column: 1, numRows: this.model.maxRows, numColumns: this.model.maxColumns };
    this.svc.charge('clear', 'write', cellsOf(area));
    this.svc.format(this.ss, this.model, area, (cell) => {
      if (!options?.formatOnly) clearContent(cell);
      if (!options?.contentsOnly) clearFormat(cell);
    });
    return this.self();
  }
  clearContents(): GSheet {
    return this.clear({ contentsOnly: true });
  }
  deleteRow(rowPosition: number): GSheet {
    this.deleteRows(rowPosition, 1);
    return this.self();
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.svc.charge('deleteRows', 'write');
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.model.maxRows) throw gasError('Those rows are out of bounds.');
    if (howMany >= this.model.maxRows - this.model.frozenRows && rowPosition > this.model.frozenRows) {
      throw gasError('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this.model.rows.splice(rowPosition - 1, howMany);
    this.model.maxRows -= howMany;
    this.ss.touch(this.svc.core.now());
  }
  getColumnWidth(columnPosition: number): number {
    this.svc.charge('getColumnWidth', 'meta');
    return this.model.columnWidths.get(columnPosition) ?? 100;
  }
  /** A1 to the last row and column with content; A1 alone on an empty sheet. */
  getDataRange(): GRange {
    this.svc.charge('getDataRange', 'meta');
    return this.svc.rangeView(this.ss, this.model, dataArea(this.model));
  }
  getFormUrl(): string | null {
    this.svc.charge('getFormUrl', 'meta');
    return this.model.formUrl;
  }
  getFrozenColumns(): number {
    this.svc.charge('getFrozenColumns', 'meta');
    return this.model.frozenColumns;
  }
  getFrozenRows(): number {
    this.svc.charge('getFrozenRows', 'meta');
    return this.model.frozenRows;
  }
  /** 1-based position among the tabs. */
  getIndex(): number {
    this.svc.charge('getIndex', 'meta');
    return this.ss.sheets.indexOf(this.model) + 1;
  }
  getLastColumn(): number {
    this.svc.charge('getLastColumn', 'meta');
    return this.model.lastColumn();
  }
  getLastRow(): number {
    this.svc.charge('getLastRow', 'meta');
    return this.model.lastRow();
  }
  getMaxColumns(): number {
    this.svc.charge('getMaxColumns', 'meta');
    return this.model.maxColumns;
  }
  getMaxRows(): number {
    this.svc.charge('getMaxRows', 'meta');
    return this.model.maxRows;
  }
  getName(): string {
    this.svc.charge('getName', 'meta');
    return this.model.name;
  }
  getParent(): GSpreadsheet {
    return this.svc.spreadsheetView(this.ss) as unknown as GSpreadsheet;
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    this.svc.charge('getProtections', 'meta');
    return ofType(this.ss.protections, type).filter((p) => p.sheet === this.model) as unknown as GoogleAppsScript.Spreadsheet.Protection[];
  }
  /**
   * getRange(row, column[, numRows[, numColumns]]) or getRange(a1Notation), with Google's
   * messages for bad coordinates.
   */
  getRange(first: number | string, column?: number, numRows = 1, numColumns = 1): GRange {
    this.svc.charge('getRange', 'meta');
    if (typeof first === 'string') return this.svc.rangeView(this.ss, this.model, this.svc.resolveA1(this.model, first, this.ss));
    if (typeof first !== 'number' || typeof column !== 'number') {
      const shown = [first, column]
        .filter((a) => a !== undefined)
        .map(typeName)
        .join(',');
      throw gasError(`The parameters (${shown}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`);
    }
    const area = { row: first, column, numRows, numColumns };
    checkCoordinates(area);
    checkBounds(this.model, area);
    return this.svc.rangeView(this.ss, this.model, area);
  }
  getSheetId(): number {
    return this.model.id;
  }
  getSheetName(): string {
    return this.getName();
  }
  getTabColor(): string | null {
    this.svc.charge('getTabColor', 'meta');
    return this.model.tabColor;
  }
  /**
   * Hides columns from view; their values stay readable by scripts (getValues reads them).
   * https://developers.google.com/apps-script/reference/spreadsheet/sheet#hideColumns(Integer,Integer)
   */
  hideColumns(columnIndex: number, numColumns = 1): void {
    this.svc.charge('hideColumns', 'write');
    this.checkColumns(columnIndex, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.model.hiddenColumns.add(c);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    this.svc.charge('showColumns', 'write');
    this.checkColumns(columnIndex, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.model.hiddenColumns.delete(c);
  }
  /** https://developers.google.com/apps-script/reference/spreadsheet/sheet#isColumnHiddenByUser(Integer) */
  isColumnHiddenByUser(columnPosition: number): boolean {
    this.svc.charge('isColumnHiddenByUser', 'meta');
    return this.model.hiddenColumns.has(columnPosition);
  }
  private checkColumns(columnIndex: number, numColumns: number): void {
    if (
      !Number.isInteger(columnIndex) ||
      columnIndex < 1 ||
      !Number.isInteger(numColumns) ||
      numColumns < 1 ||
      columnIndex + numColumns - 1 > this.model.maxColumns
    ) {
      throw gasError('Those columns are out of bounds.');
    }
  }
  hideSheet(): GSheet {
    this.svc.charge('hideSheet', 'write');
    this.model.hidden = true;
    return this.self();
  }
  insertColumnsAfter(afterPosition: number, howMany: number): GSheet {
    this.svc.charge('insertColumnsAfter', 'write');
    this.svc.ensureCapacity(this.ss, howMany * this.model.maxRows);
    for (const line of this.model.rows) if (line && line.length > afterPosition) line.splice(afterPosition, 0, ...new Array<Cell | undefined>(howMany));
    // Hidden columns right of the insertion move with their data.
    const hidden = [...this.model.hiddenColumns];
    this.model.hiddenColumns.clear();
    for (const c of hidden) this.model.hiddenColumns.add(c > afterPosition ? c + howMany : c);
    this.model.maxColumns += howMany;
    return this.self();
  }
  insertRowsAfter(afterPosition: number, howMany: number): GSheet {
    this.svc.charge('insertRowsAfter', 'write');
    this.svc.ensureCapacity(this.ss, howMany * this.model.maxColumns);
    if (this.model.rows.length > afterPosition) this.model.rows.splice(afterPosition, 0, ...new Array<Cell[] | undefined>(howMany));
    this.model.maxRows += howMany;
    return this.self();
  }
  isSheetHidden(): boolean {
    this.svc.charge('isSheetHidden', 'meta');
    return this.model.hidden;
  }
  /** The sheet's protection; an existing one is returned rather than a second made. */
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.svc.charge('protect', 'write');
    const existing = this.ss.protections.find((p) => p.sheet === this.model && p.type === 'SHEET');
    const protection = existing ?? new ProtectionFake(this.svc.core, this.ss, 'SHEET', this.model, null, (s, a) => this.svc.rangeView(this.ss, s, a));
    if (!existing) this.ss.protections.push(protection);
    return protection as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }
  setColumnWidth(columnPosition: number, width: number): GSheet {
    return this.setColumnWidths(columnPosition, 1, width);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): GSheet {
    this.svc.charge('setColumnWidths', 'write');
    for (let c = startColumn; c < startColumn + numColumns; c++) this.model.columnWidths.set(c, width);
    return this.self();
  }
  setFrozenColumns(columns: number): void {
    this.svc.charge('setFrozenColumns', 'write');
    this.model.frozenColumns = columns;
  }
  setFrozenRows(rows: number): void {
    this.svc.charge('setFrozenRows', 'write');
    this.model.frozenRows = rows;
  }
  setName(name: string): GSheet {
    this.svc.charge('setName', 'write');
    const other = this.ss.sheetNamed(String(name), true);
    if (other && other !== this.model) throw gasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.model.name = String(name);
    return this.self();
  }
  setTabColor(color: string | null): GSheet {
    this.svc.charge('setTabColor', 'write');
    this.model.tabColor = color;
    return this.self();
  }
  showSheet(): GSheet {
    this.svc.charge('showSheet', 'write');
    this.model.hidden = false;
    return this.self();
  }
}
