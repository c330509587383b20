/**
 * A Range as a script sees it: values, formulas, formats, validation and protection of its cells;
 * each read or write is charged by the cells it moves.
 * https://developers.google.com/apps-script/reference/spreadsheet/range
 */
import { a1, columnLetters, display } from './values';
import { normalColour, shiftFormula } from './notation';
import { DataValidationFake, type ValueSource } from './validation';
import { ProtectionFake } from './protection';
import type { SheetModel, SpreadsheetModel, Area, Cell } from './model';
import { GENERAL_FORMAT, type GRange, type GSheet, cellsOf, checkBounds, checkCoordinates, checkShape, clearContent, clearFormat, copyValue } from './cells';
import type { SpreadsheetService } from './service';

type RangeMethods =
  | 'activate'
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFontWeight'
  | 'getFormula'
  | 'getFormulas'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getNote'
  | 'getNotes'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getRow'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'getWrap'
  | 'insertCheckboxes'
  | 'merge'
  | 'offset'
  | 'protect'
  | 'setBackground'
  | 'setBackgrounds'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'setFontWeight'
  | 'setFormula'
  | 'setFormulas'
  | 'setHorizontalAlignment'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setValue'
  | 'setValues'
  | 'setWrap';

export class RangeFake implements Pick<GRange, RangeMethods>, ValueSource {
  /** Apps Script objects print as their class name (gas-fakes test/ toString() checks, live). */
  toString(): string {
    return 'Range';
  }
  constructor(
    private readonly svc: SpreadsheetService,
    private readonly ss: SpreadsheetModel,
    readonly sheet: SheetModel,
    readonly area: Area,
  ) {}

  private self(): GRange {
    return this as unknown as GRange;
  }

  private read<T>(method: string, get: (cell: Cell | undefined) => T): T[][] {
    this.svc.charge(method, 'read', cellsOf(this.area));
    return this.svc.grid(this.sheet, this.area, get);
  }

  /**
   * `perCell` says whether the call carries one value per cell (setBackgrounds, clear) and so is
   * charged by area, or one value for the whole range (setBackground, setDataValidation).
   */
  private formatAll(method: string, change: (cell: Cell, i: number, j: number) => void, perCell = false): GRange {
    this.svc.charge(method, 'write', perCell ? cellsOf(this.area) : 0);
    this.svc.format(this.ss, this.sheet, this.area, change);
    return this.self();
  }

  /** The current values for a VALUE_IN_RANGE rule, uncharged (Google checks server-side). */
  peekValues(): unknown[][] {
    return this.svc.grid(this.sheet, this.area, (c) => c?.value ?? '');
  }

  activate(): GRange {
    this.svc.charge('activate', 'meta');
    this.ss.activeSheet = this.sheet;
    return this.self();
  }
  /** Contents and formats go; data validation rules and notes stay. */
  clear(): GRange {
    return this.formatAll(
      'clear',
      (cell) => {
        clearContent(cell);
        clearFormat(cell);
      },
      true,
    );
  }
  clearContent(): GRange {
    return this.formatAll('clearContent', clearContent, true);
  }
  clearDataValidations(): GRange {
    return this.formatAll('clearDataValidations', (cell) => delete cell.validation);
  }
  getA1Notation(): string {
    const { row, column, numRows, numColumns, span } = this.area;
    if (span === 'sheet') return '';
    if (span === 'rows') return `${row}:${row + numRows - 1}`;
    if (span === 'columns') return `${columnLetters(column)}:${columnLetters(column + numColumns - 1)}`;
    return a1(row, column, numRows, numColumns);
  }
  getBackground(): string {
    return this.getBackgrounds()[0][0];
  }
  getBackgrounds(): string[][] {
    return this.read('getBackgrounds', (c) => c?.background ?? '#ffffff');
  }
  getColumn(): number {
    return this.area.column;
  }
  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    return this.getDataValidations()[0][0];
  }
  getDataValidations(): Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | null>> {
    return this.read('getDataValidations', (c) => (c?.validation ?? null) as unknown as GoogleAppsScript.Spreadsheet.DataValidation | null);
  }
  getDisplayValue(): string {
    return this.getDisplayValues()[0][0];
  }
  getDisplayValues(): string[][] {
    return this.read('getDisplayValues', (c) => (c ? display(c.value, c.numberFormat, this.ss) : ''));
  }
  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return this.read('getFontWeights', (c) => c?.fontWeight ?? 'normal')[0][0];
  }
  getFormula(): string {
    return this.getFormulas()[0][0];
  }
  getFormulas(): string[][] {
    return this.read('getFormulas', (c) => c?.formula ?? '');
  }
  getLastColumn(): number {
    return this.area.column + this.area.numColumns - 1;
  }
  getLastRow(): number {
    return this.area.row + this.area.numRows - 1;
  }
  getNote(): string {
    return this.getNotes()[0][0];
  }
  getNotes(): string[][] {
    return this.read('getNotes', (c) => c?.note ?? '');
  }
  getNumColumns(): number {
    return this.area.numColumns;
  }
  getNumRows(): number {
    return this.area.numRows;
  }
  getNumberFormat(): string {
    return this.getNumberFormats()[0][0];
  }
  getNumberFormats(): string[][] {
    return this.read('getNumberFormats', (c) => c?.numberFormat ?? GENERAL_FORMAT);
  }
  getRow(): number {
    return this.area.row;
  }
  getSheet(): GSheet {
    return this.svc.sheetView(this.ss, this.sheet);
  }
  /** Charged as its own method: a one-cell read has its own cost (costs.ts). */
  getValue(): unknown {
    return this.read('getValue', (c) => copyValue(c, (ms) => this.svc.core.makeDate(ms)))[0][0];
  }
  /** Exactly numRows x numColumns: '' for empty cells, numbers, booleans, strings, Dates. */
  getValues(): unknown[][] {
    return this.read('getValues', (c) => copyValue(c, (ms) => this.svc.core.makeDate(ms)));
  }
  getWrap(): boolean {
    return this.read('getWraps', (c) => c?.wrap ?? true)[0][0];
  }
  /**
   * Checkboxes: a CHECKBOX rule on every cell, and every value set to the unchecked value
   * (FALSE by default; '' when only a checked value is given).
   * https://developers.google.com/apps-script/reference/spreadsheet/range#insertcheckboxes
   */
  insertCheckboxes(...values: unknown[]): GRange {
    const rule = new DataValidationFake({ criteria: 'CHECKBOX', args: values, allowInvalid: true, helpText: null });
    const unchecked = values.length === 0 ? false : values.length === 1 ? '' : values[1];
    this.formatAll('insertCheckboxes', (cell) => (cell.validation = rule));
    this.svc.write(this.ss, this.sheet, this.area, this.fill(unchecked), this.svc.typed());
    return this.self();
  }
  /** Merging keeps only the upper-left value, as Sheets warns it will. */
  merge(): GRange {
    this.svc.charge('merge', 'write');
    this.svc.format(this.ss, this.sheet, this.area, (cell, i, j) => {
      if (i > 0 || j > 0) clearContent(cell);
    });
    this.sheet.merges.push({ ...this.area });
    return this.self();
  }
  offset(rowOffset: number, columnOffset: number, numRows = this.area.numRows, numColumns = this.area.numColumns): GRange {
    const area = { row: this.area.row + rowOffset, column: this.area.column + columnOffset, numRows, numColumns };
    checkCoordinates(area);
    checkBounds(this.sheet, area);
    return this.svc.rangeView(this.ss, this.sheet, area);
  }
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.svc.charge('protect', 'write');
    const protection = new ProtectionFake(this.svc.core, this.ss, 'RANGE', this.sheet, { ...this.area }, (s, a) => this.svc.rangeView(this.ss, s, a));
    this.ss.protections.push(protection);
    return protection as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }
  setBackground(color: string | null): GRange {
    return this.formatAll('setBackground', (cell) => {
      if (color === null) delete cell.background;
      else cell.background = normalColour(color);
    });
  }
  setBackgrounds(colors: Array<Array<string | null>>): GRange {
    checkShape(colors, this.area);
    return this.formatAll(
      'setBackgrounds',
      (cell, i, j) => {
        const color = colors[i][j];
        if (color === null) delete cell.background;
        else cell.background = normalColour(color);
      },
      true,
    );
  }
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): GRange {
    const fake = rule as unknown as DataValidationFake | null;
    return this.formatAll('setDataValidation', (cell) => {
      if (fake) cell.validation = fake;
      else delete cell.validation;
    });
  }
  setDataValidations(rules: Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | null>>): GRange {
    checkShape(rules, this.area);
    return this.formatAll(
      'setDataValidations',
      (cell, i, j) => {
        const rule = rules[i][j] as unknown as DataValidationFake | null;
        if (rule) cell.validation = rule;
        else delete cell.validation;
      },
      true,
    );
  }
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GRange {
    return this.formatAll('setFontWeight', (cell) => (cell.fontWeight = fontWeight ?? 'normal'));
  }
  /** One formula for the range: each cell gets it with its relative references moved (notation.ts). */
  setFormula(formula: string): GRange {
    this.svc.charge('setFormula', 'write', cellsOf(this.area));
    const text = String(formula);
    const formulas = Array.from({ length: this.area.numRows }, (_, i) => Array.from({ length: this.area.numColumns }, (_, j) => shiftFormula(text, i, j)));
    this.svc.write(this.ss, this.sheet, this.area, formulas, this.svc.typed());
    return this.self();
  }
  setFormulas(formulas: string[][]): GRange {
    this.svc.charge('setFormulas', 'write', cellsOf(this.area));
    checkShape(formulas, this.area, 'setFormulas');
    this.svc.write(this.ss, this.sheet, this.area, formulas, this.svc.typed());
    return this.self();
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): GRange {
    return this.formatAll('setHorizontalAlignment', (cell) => (cell.horizontalAlignment = alignment ?? 'normal'));
  }
  setNote(note: string | null): GRange {
    return this.formatAll('setNote', (cell) => {
      if (note) cell.note = String(note);
      else delete cell.note;
    });
  }
  setNotes(notes: Array<Array<string | null>>): GRange {
    checkShape(notes, this.area, 'setNotes');
    return this.formatAll(
      'setNotes',
      (cell, i, j) => {
        const note = notes[i][j];
        if (note) cell.note = String(note);
        else delete cell.note;
      },
      true,
    );
  }
  setNumberFormat(numberFormat: string): GRange {
    return this.formatAll('setNumberFormat', (cell) => setFormat(cell, numberFormat));
  }
  setNumberFormats(numberFormats: string[][]): GRange {
    checkShape(numberFormats, this.area, 'setNumberFormats');
    return this.formatAll('setNumberFormats', (cell, i, j) => setFormat(cell, numberFormats[i][j]), true);
  }
  /** Every cell of the range gets the value. */
  setValue(value: unknown): GRange {
    this.svc.charge('setValue', 'write', cellsOf(this.area));
    this.svc.write(this.ss, this.sheet, this.area, this.fill(value), this.svc.typed());
    return this.self();
  }
  setValues(values: unknown[][]): GRange {
    this.svc.charge('setValues', 'write', cellsOf(this.area));
    checkShape(values, this.area, 'setValues');
    this.svc.write(this.ss, this.sheet, this.area, values, this.svc.typed());
    return this.self();
  }
  setWrap(isWrapEnabled: boolean): GRange {
    return this.formatAll('setWrap', (cell) => (cell.wrap = isWrapEnabled));
  }

  private fill(value: unknown): unknown[][] {
    return Array.from({ length: this.area.numRows }, () => new Array<unknown>(this.area.numColumns).fill(value));
  }
}

/**
 * 'general' is no stored format: the cell reads back Google's default '0.###############'
 * (gas-fakes test/testsheets.js:2126–2135, run on live Apps Script).
 */
function setFormat(cell: Cell, numberFormat: string): void {
  const format = String(numberFormat);
  if (format.toLowerCase() === 'general') delete cell.numberFormat;
  else cell.numberFormat = format;
}
