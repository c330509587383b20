/**
 * A Spreadsheet as a script sees it: its tabs, named ranges, editors and protections.
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet
 */
import { gasError } from '../core';
import { zonedParts, zonedToUtc } from '../dates';
import { isDate, parseA1 } from './values';
import { sheetLocale } from './locale';
import { ofType, userOf } from './protection';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, type SheetModel, type SpreadsheetModel } from './model';
import { type GRange, type GSheet, type GSpreadsheet, activeSheetOf, copyStored } from './cells';
import type { RangeFake } from './range';
import { SheetFake } from './sheet';
import type { SpreadsheetService } from './service';

type SpreadsheetMethods =
  | 'getId'
  | 'getName'
  | 'rename'
  | 'getUrl'
  | 'getSheetByName'
  | 'getSheets'
  | 'getNumSheets'
  | 'insertSheet'
  | 'deleteSheet'
  | 'getActiveSheet'
  | 'setActiveSheet'
  | 'toast'
  | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone'
  | 'getSpreadsheetLocale'
  | 'setSpreadsheetLocale'
  | 'getRange'
  | 'getRangeByName'
  | 'setNamedRange'
  | 'removeNamedRange'
  | 'getFormUrl'
  | 'addEditor'
  | 'addEditors'
  | 'getEditors'
  | 'getOwner'
  | 'getProtections'
  | 'getSheetById';

export class SpreadsheetFake implements Pick<GSpreadsheet, SpreadsheetMethods> {
  toString(): string {
    return 'Spreadsheet';
  }
  constructor(
    private readonly svc: SpreadsheetService,
    readonly model: SpreadsheetModel,
  ) {}

  private sheetModelOf(sheet: GSheet): SheetModel {
    const fake = sheet as unknown as SheetFake;
    if (!(fake instanceof SheetFake) || !this.model.sheets.includes(fake.model)) throw gasError('Invalid argument: sheet');
    return fake.model;
  }

  getId(): string {
    return this.model.id;
  }
  getName(): string {
    this.svc.charge('getName', 'meta');
    return this.model.entry.name;
  }
  rename(newName: string): void {
    this.svc.charge('rename', 'write');
    this.model.entry.name = String(newName);
    this.model.touch(this.svc.core.now());
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.model.id}/edit`;
  }
  getSheetByName(name: string): GSheet | null {
    this.svc.charge('getSheetByName', 'meta');
    const sheet = this.model.sheetNamed(String(name));
    return sheet ? this.svc.sheetView(this.model, sheet) : null;
  }
  getSheetById(id: number): GSheet | null {
    this.svc.charge('getSheetById', 'meta');
    const sheet = this.model.sheets.find((s) => s.id === id);
    return sheet ? this.svc.sheetView(this.model, sheet) : null;
  }
  getSheets(): GSheet[] {
    this.svc.charge('getSheets', 'meta');
    return this.model.sheets.map((s) => this.svc.sheetView(this.model, s));
  }
  getNumSheets(): number {
    this.svc.charge('getNumSheets', 'meta');
    return this.model.sheets.length;
  }
  /**
   * insertSheet([name][, index][, {template}]): the new tab becomes the active one. A taken name
   * (any case) fails with 'A sheet with the name "X" already exists. Please enter another name.'
   */
  insertSheet(first?: string | number | { template?: GSheet }, second?: number | { template?: GSheet }, third?: { template?: GSheet }): GSheet {
    this.svc.charge('insertSheet', 'write');
    const args = [first, second, third].filter((a) => a !== undefined);
    const name = typeof args[0] === 'string' ? (args.shift() as string) : null;
    const index = typeof args[0] === 'number' ? (args.shift() as number) : this.model.sheets.length;
    const template = (args[0] as { template?: GSheet } | undefined)?.template;
    let sheetName = name;
    if (sheetName === null) {
      let n = this.model.sheets.length + 1;
      while (this.model.sheetNamed(`Sheet${n}`, true)) n++;
      sheetName = `Sheet${n}`;
    } else if (this.model.sheetNamed(sheetName, true)) {
      throw gasError(`A sheet with the name "${sheetName}" already exists. Please enter another name.`);
    }
    if (index < 0 || index > this.model.sheets.length) throw gasError('Invalid argument: sheetIndex');
    const source = template ? this.sheetModelOf(template) : null;
    this.svc.ensureCapacity(this.model, source ? source.cellCount() : DEFAULT_ROWS * DEFAULT_COLUMNS);
    const sheet = this.svc.addSheet(this.model, sheetName, index);
    if (source) {
      sheet.maxRows = source.maxRows;
      sheet.maxColumns = source.maxColumns;
      sheet.frozenRows = source.frozenRows;
      sheet.frozenColumns = source.frozenColumns;
      sheet.rows = source.rows.map((line) => line?.map((cell) => (cell ? { ...cell, value: copyStored(cell.value) } : undefined)));
    }
    this.model.activeSheet = sheet;
    this.model.touch(this.svc.core.now());
    return this.svc.sheetView(this.model, sheet);
  }
  deleteSheet(sheet: GSheet): void {
    this.svc.charge('deleteSheet', 'write');
    const target = this.sheetModelOf(sheet);
    if (this.model.sheets.length === 1) throw gasError("You can't remove all the sheets in a document.");
    this.model.sheets.splice(this.model.sheets.indexOf(target), 1);
    for (const p of this.model.protections.filter((x) => x.sheet === target)) p.remove();
    for (const [name, named] of this.model.namedRanges) if (named.sheet === target) this.model.namedRanges.delete(name);
    if (this.model.activeSheet === target) this.model.activeSheet = null;
    this.model.touch(this.svc.core.now());
  }
  getActiveSheet(): GSheet {
    this.svc.charge('getActiveSheet', 'meta');
    return this.svc.sheetView(this.model, activeSheetOf(this.model));
  }
  setActiveSheet(sheet: GSheet): GSheet {
    this.svc.charge('setActiveSheet', 'meta');
    this.model.activeSheet = this.sheetModelOf(sheet);
    return sheet;
  }
  /** Shown only to someone who has the spreadsheet open; recorded in `ui.shown`. */
  toast(msg: string, title?: string, _timeoutSeconds?: number | null): void {
    this.svc.charge('toast', 'meta');
    this.svc.ui.record('toast', title === undefined ? '' : String(title), String(msg));
  }
  getSpreadsheetTimeZone(): string {
    this.svc.charge('getSpreadsheetTimeZone', 'meta');
    return this.model.timeZone;
  }
  /**
   * A date cell holds a serial number of days, with no zone of its own ("Sheets … treats date and
   * time values as decimal values … the days since December 30, 1899":
   * https://developers.google.com/sheets/api/guides/formats), read in the spreadsheet's zone. So a
   * new zone keeps what every date cell shows and moves the instant getValues returns (a date
   * copied between spreadsheets of different zones shifts by their difference:
   * https://gist.github.com/tanaikech/fd525434b51b8b0df3293c0067f071ca).
   */
  setSpreadsheetTimeZone(timezone: string): void {
    this.svc.charge('setSpreadsheetTimeZone', 'write');
    const from = this.model.timeZone;
    const to = String(timezone);
    if (from !== to) {
      for (const sheet of this.model.sheets) {
        for (const line of sheet.rows) {
          for (const cell of line ?? []) {
            if (cell && isDate(cell.value)) cell.value = rezoned(cell.value, from, to);
          }
        }
      }
    }
    this.model.timeZone = to;
  }
  getSpreadsheetLocale(): string {
    this.svc.charge('getSpreadsheetLocale', 'meta');
    return this.model.locale;
  }
  /**
   * The locale reads what is typed from now on; values already entered keep what they became
   * (a text that was no date in en_US stays text). An unknown code fails loudly (locale.ts).
   */
  setSpreadsheetLocale(locale: string): void {
    this.svc.charge('setSpreadsheetLocale', 'write');
    sheetLocale(String(locale));
    this.model.locale = String(locale);
  }
  /** 'Tab!A1:B2', or A1 notation on the active tab. */
  getRange(a1Notation: string): GRange {
    this.svc.charge('getRange', 'meta');
    const ref = parseA1(String(a1Notation));
    const sheet = ref.sheetName === null ? activeSheetOf(this.model) : this.model.sheetNamed(ref.sheetName);
    if (!sheet) throw gasError('Range not found');
    return this.svc.rangeView(this.model, sheet, this.svc.resolveA1(sheet, String(a1Notation), this.model));
  }
  getRangeByName(name: string): GRange | null {
    this.svc.charge('getRangeByName', 'meta');
    const named = this.model.namedRanges.get(String(name));
    return named ? this.svc.rangeView(this.model, named.sheet, named.area) : null;
  }
  setNamedRange(name: string, range: GRange): void {
    this.svc.charge('setNamedRange', 'write');
    const r = range as unknown as RangeFake;
    this.model.namedRanges.set(String(name), { sheet: r.sheet, area: r.area });
  }
  removeNamedRange(name: string): void {
    this.svc.charge('removeNamedRange', 'write');
    this.model.namedRanges.delete(String(name));
  }
  getFormUrl(): string | null {
    this.svc.charge('getFormUrl', 'meta');
    return this.model.sheets.find((s) => s.formUrl)?.formUrl ?? null;
  }
  addEditor(user: string | GoogleAppsScript.Base.User): GSpreadsheet {
    return this.addEditors([typeof user === 'string' ? user : user.getEmail()]);
  }
  addEditors(emailAddresses: string[]): GSpreadsheet {
    this.svc.charge('addEditors', 'write');
    for (const email of emailAddresses) if (!this.model.editors.includes(email) && email !== this.model.owner) this.model.editors.push(email);
    return this as unknown as GSpreadsheet;
  }
  getEditors(): GoogleAppsScript.Base.User[] {
    this.svc.charge('getEditors', 'meta');
    return [this.model.owner, ...this.model.editors].map(userOf);
  }
  getOwner(): GoogleAppsScript.Base.User {
    this.svc.charge('getOwner', 'meta');
    return userOf(this.model.owner);
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    this.svc.charge('getProtections', 'meta');
    return ofType(this.model.protections, type) as unknown as GoogleAppsScript.Spreadsheet.Protection[];
  }
}

/** The instant whose wall clock in `to` reads what `date`'s reads in `from`. */
function rezoned(date: Date, from: string, to: string): Date {
  const wall = zonedParts(date.getTime(), from);
  return new Date(zonedToUtc(wall, to) + wall.millisecond);
}
