/**
 * SpreadsheetApp on the emulated Workspace: spreadsheets, tabs, ranges, data validation,
 * protections, the container UI, and what people do in a spreadsheet (open it, type into it),
 * which fires the simple and installable open/edit triggers as Google does.
 * https://developers.google.com/apps-script/reference/spreadsheet
 */
import { gasError, type AuthMode, type Core, type Execution, type TriggerRecord } from './core';
import type { FormDestinationStore } from './contracts';
import {
  a1, display, enter, enterAsText, isDate, parseA1, serialNumber,
  type CellValue, type Entry,
} from './spreadsheet/values';
import {
  DataValidationBuilderFake, DataValidationCriteria, DataValidationFake, type ValueSource,
} from './spreadsheet/validation';
import { PROTECTED_MESSAGE, ProtectionFake, ProtectionType, ofType, userOf } from './spreadsheet/protection';
import { makeEnum } from './gas-enum';
import { UiFake } from './spreadsheet/ui';
import {
  DEFAULT_COLUMNS, DEFAULT_ROWS, SheetModel, SpreadsheetModel, hasContent, type Area, type Cell,
} from './spreadsheet/model';

export { UiFake } from './spreadsheet/ui';
export { DataValidationFake, DataValidationBuilderFake } from './spreadsheet/validation';
export { ProtectionFake } from './spreadsheet/protection';

type G = typeof GoogleAppsScript.Spreadsheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Kind = 'read' | 'write' | 'meta';

const MIME_TYPE = 'application/vnd.google-apps.spreadsheet';
const SPREADSHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';
/** Google's limit and message (quotas page; message seen verbatim in Sheets API errors). */
const MAX_CELLS = 10_000_000;
/** Google's format for a cell with no number format set (Range.getNumberFormat). */
const GENERAL_FORMAT = '0.###############';

export interface SpreadsheetSnapshot {
  name: string;
  tabs: Array<{ name: string; values: unknown[][]; formulas: string[][] }>;
}

/** How one write enters values: a script or person typing, or a server-side write. */
interface WriteMode {
  user: string;
  /** Protections and validation rules apply (not to form responses, which Google writes itself). */
  guarded: boolean;
  enter: (raw: unknown, cell: Cell | undefined, timeZone: string) => Entry;
}

export class SpreadsheetService implements FormDestinationStore {
  readonly app: SpreadsheetAppFake;
  readonly ui: UiFake;
  private readonly models = new Map<string, SpreadsheetModel>();
  /** The spreadsheet the script is bound to (getActive); null for a standalone script. */
  private boundId: string | null = null;

  constructor(readonly core: Core) {
    this.ui = new UiFake(core);
    this.app = new SpreadsheetAppFake(this);
  }

  // --- harness API ---------------------------------------------------------------------------

  /** A new spreadsheet with one tab "Sheet1" (1000 x 26), owned by the running user, in Drive. */
  create(name: string, rows = DEFAULT_ROWS, columns = DEFAULT_COLUMNS): SpreadsheetFake {
    const now = this.core.now();
    const id = this.core.newId('1');
    const entry = {
      id, name, mimeType: MIME_TYPE, parents: [], createdAt: now, updatedAt: now, trashed: false,
      sharing: { access: 'PRIVATE', permission: 'NONE' }, kind: 'spreadsheet' as const,
    };
    this.core.drive.set(id, entry);
    const ss = new SpreadsheetModel(entry, this.activeUser(), this.core.timeZone);
    this.models.set(id, ss);
    const sheet = this.addSheet(ss, 'Sheet1', 0);
    sheet.maxRows = rows;
    sheet.maxColumns = columns;
    return this.spreadsheetView(ss);
  }

  /** Binds the script to this spreadsheet: getActive()/getActiveSpreadsheet() return it. */
  setActive(id: string): void {
    this.model(id);
    this.boundId = id;
  }

  byId(id: string): SpreadsheetFake {
    return this.spreadsheetView(this.model(id));
  }

  /** Every tab's getDataRange().getValues() and getFormulas(), uncharged. */
  snapshot(id: string): SpreadsheetSnapshot {
    const ss = this.model(id);
    return {
      name: ss.entry.name,
      tabs: ss.sheets.map((sheet) => {
        const area = dataArea(sheet);
        return {
          name: sheet.name,
          values: this.grid(sheet, area, (c) => copyValue(c, (ms) => new Date(ms))),
          formulas: this.grid(sheet, area, (c) => c?.formula ?? ''),
        };
      }),
    };
  }

  /**
   * A person types or pastes `values` at `a1` of a tab. Refused like the UI refuses it (a
   * protected cell, a value a rejecting validation rule does not allow); otherwise written as
   * typed, then the simple onEdit and installable edit triggers fire with Google's edit event.
   * https://developers.google.com/apps-script/guides/triggers/events#edit
   */
  userEdit(spreadsheetId: string, sheetName: string, a1Notation: string, values: unknown[][], user = this.core.user): void {
    const ss = this.model(spreadsheetId);
    const sheet = this.sheetOf(ss, sheetName);
    const area = this.resolveA1(sheet, a1Notation);
    checkShape(values, area);
    const single = area.numRows === 1 && area.numColumns === 1;
    const before = single ? eventText(sheet.cell(area.row, area.column), ss.timeZone) : undefined;
    this.write(ss, sheet, area, values, this.typed(user));
    const after = single ? eventText(sheet.cell(area.row, area.column), ss.timeZone) : undefined;
    const range = this.rangeView(ss, sheet, area);
    this.fire('ON_EDIT', ss, 'onEdit', (event) => {
      event.range = range;
      // value/oldValue: "Only available if the edited range is a single cell"; oldValue is
      // undefined when the cell had no previous content.
      if (single) {
        if (after !== undefined) event.value = after;
        if (before !== undefined) event.oldValue = before;
      }
    }, user);
  }

  /** A person opens the spreadsheet: the page's menus are rebuilt by onOpen and ON_OPEN triggers. */
  userOpen(spreadsheetId: string, user = this.core.user): void {
    const ss = this.model(spreadsheetId);
    if (ss.id === this.boundId) this.ui.resetMenus();
    this.fire('ON_OPEN', ss, 'onOpen', () => undefined, user);
  }

  /** Links a response tab to its form (Sheet.getFormUrl), as Google does when a form writes here. */
  setFormUrl(spreadsheetId: string, sheetName: string, formUrl: string): void {
    this.sheetOf(this.model(spreadsheetId), sheetName).formUrl = formUrl;
  }

  // --- FormDestinationStore ----------------------------------------------------------------

  exists(spreadsheetId: string): boolean {
    return this.models.has(spreadsheetId);
  }

  createResponseSheet(spreadsheetId: string, questionTitles: string[], formUrl?: string): string {
    const ss = this.model(spreadsheetId);
    let n = 1;
    while (ss.sheetNamed(`Form Responses ${n}`, true)) n++;
    const header = ['Timestamp', ...questionTitles];
    this.ensureCapacity(ss, DEFAULT_ROWS * Math.max(DEFAULT_COLUMNS, header.length));
    const sheet = this.addSheet(ss, `Form Responses ${n}`, 0);
    sheet.maxColumns = Math.max(DEFAULT_COLUMNS, header.length);
    this.write(ss, sheet, { row: 1, column: 1, numRows: 1, numColumns: header.length }, [header], this.serverSide());
    sheet.frozenRows = 1;
    if (formUrl) sheet.formUrl = formUrl;
    return sheet.name;
  }

  responseSheetOf(spreadsheetId: string, formUrl: string): string | null {
    return this.model(spreadsheetId).sheets.find((s) => s.formUrl === formUrl)?.name ?? null;
  }

  unlinkResponseSheet(spreadsheetId: string, formUrl: string): void {
    for (const sheet of this.model(spreadsheetId).sheets) if (sheet.formUrl === formUrl) sheet.formUrl = null;
  }

  appendResponseRow(
    spreadsheetId: string,
    sheetName: string,
    timestamp: Date,
    answersByTitle: Array<[string, unknown]>,
  ): { row: number; a1: string; values: unknown[] } {
    const ss = this.model(spreadsheetId);
    const sheet = this.sheetOf(ss, sheetName);
    const header: string[] = [];
    for (let c = 1; c <= sheet.lastColumn(); c++) header.push(String(sheet.cell(1, c)?.value ?? ''));
    const row: unknown[] = header.map(() => '');
    row[0] = timestamp;
    const used = new Set<number>([0]);
    for (const [title, answer] of answersByTitle) {
      // The k-th question of a title goes to the k-th column of that title; a new title gets a
      // new column at the end (old columns stay).
      let column = header.findIndex((h, i) => h === title && !used.has(i));
      if (column < 0) {
        column = header.length;
        header.push(title);
        row.push('');
      }
      used.add(column);
      row[column] = Array.isArray(answer) ? answer.join(', ') : answer;
    }
    if (header.length > sheet.maxColumns) {
      this.ensureCapacity(ss, (header.length - sheet.maxColumns) * sheet.maxRows);
      sheet.maxColumns = header.length;
    }
    this.write(ss, sheet, { row: 1, column: 1, numRows: 1, numColumns: header.length }, [header], this.serverSide());
    const rowNumber = sheet.lastRow() + 1;
    this.growRowsTo(ss, sheet, rowNumber);
    const area = { row: rowNumber, column: 1, numRows: 1, numColumns: row.length };
    this.write(ss, sheet, area, [row], this.serverSide());
    return {
      row: rowNumber,
      a1: a1(rowNumber, 1, 1, row.length),
      values: this.grid(sheet, area, (c) => copyValue(c, (ms) => this.core.makeDate(ms)))[0],
    };
  }

  rangeFor(spreadsheetId: string, sheetName: string, a1Notation: string): GRange {
    const ss = this.model(spreadsheetId);
    const sheet = this.sheetOf(ss, sheetName);
    return this.rangeView(ss, sheet, this.resolveA1(sheet, a1Notation));
  }

  spreadsheetFor(spreadsheetId: string): GSpreadsheet {
    return this.spreadsheetView(this.model(spreadsheetId)) as unknown as GSpreadsheet;
  }

  // --- used by the script-facing objects -----------------------------------------------------

  /** Charges one call; `cells` is the area it reads or writes, which Google's time grows with. */
  charge(method: string, kind: Kind, cells = 0): void {
    this.core.call('SpreadsheetApp', method, kind, cells);
  }

  /** Who is acting: the running execution's user, else the harness's user. */
  activeUser(): string {
    return this.core.current()?.user ?? this.core.user;
  }

  boundSpreadsheet(): SpreadsheetModel | null {
    return this.boundId ? this.model(this.boundId) : null;
  }

  find(id: string): SpreadsheetModel | undefined {
    return this.models.get(id);
  }

  model(id: string): SpreadsheetModel {
    const ss = this.models.get(id);
    if (!ss) throw gasError('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    return ss;
  }

  spreadsheetView(ss: SpreadsheetModel): SpreadsheetFake {
    return new SpreadsheetFake(this, ss);
  }

  sheetView(ss: SpreadsheetModel, sheet: SheetModel): GSheet {
    return new SheetFake(this, ss, sheet) as unknown as GSheet;
  }

  rangeView(ss: SpreadsheetModel, sheet: SheetModel, area: Area): GRange {
    return new RangeFake(this, ss, sheet, area) as unknown as GRange;
  }

  /** Google's getUi() works only where a person is looking at the spreadsheet. */
  isUserFacing(exec: Execution | null): boolean {
    if (!this.boundId) return false;
    if (!exec) return true;
    if (exec.kind === 'time') return false;
    if (exec.kind !== 'installable') return true;
    return this.core.triggers.some((t) => t.handler === exec.handler && t.sourceKind === 'SPREADSHEETS' && t.eventType !== 'ON_FORM_SUBMIT');
  }

  addSheet(ss: SpreadsheetModel, name: string, index: number): SheetModel {
    const sheet = new SheetModel(ss.nextSheetId(), name);
    ss.sheets.splice(index, 0, sheet);
    return sheet;
  }

  sheetOf(ss: SpreadsheetModel, name: string): SheetModel {
    const sheet = ss.sheetNamed(name);
    if (!sheet) throw new Error(`No tab "${name}" in spreadsheet "${ss.entry.name}"`);
    return sheet;
  }

  /** A1 notation on a tab (a sheet prefix names another tab of the same spreadsheet). */
  resolveA1(sheet: SheetModel, notation: string, ss?: SpreadsheetModel): Area {
    const ref = parseA1(notation);
    const target = ref.sheetName !== null && ss ? ss.sheetNamed(ref.sheetName) : sheet;
    if (!target) throw gasError('Range not found');
    const area = {
      row: ref.row,
      column: ref.column,
      numRows: (ref.lastRow ?? target.maxRows) - ref.row + 1,
      numColumns: (ref.lastColumn ?? target.maxColumns) - ref.column + 1,
    };
    checkBounds(target, area);
    return area;
  }

  ensureCapacity(ss: SpreadsheetModel, addedCells: number): void {
    if (ss.cellCount() + addedCells > MAX_CELLS) {
      throw gasError(`This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`);
    }
  }

  growRowsTo(ss: SpreadsheetModel, sheet: SheetModel, rows: number): void {
    if (rows <= sheet.maxRows) return;
    this.ensureCapacity(ss, (rows - sheet.maxRows) * sheet.maxColumns);
    sheet.maxRows = rows;
  }

  /** How scripts and people enter values: parsed as typed, subject to protections and rules. */
  typed(user = this.activeUser()): WriteMode {
    return { user, guarded: true, enter: (raw, cell, timeZone) => enter(raw, cell?.numberFormat, timeZone, this.core.now()) };
  }

  private serverSide(): WriteMode {
    return { user: this.core.user, guarded: false, enter: (raw, _cell, timeZone) => enterAsText(raw, timeZone, this.core.now()) };
  }

  /**
   * Writes a block, all or nothing. A protected cell refuses the write; so does a rule that
   * rejects invalid data — for scripts as for people: Apps Script throws "The data you entered in
   * cell M2 violates the data validation rules set on this cell. …" on setValue(s) (seen in
   * Executions logs; e.g. a timer-driven sweep writing free text under a leftover dropdown).
   */
  write(ss: SpreadsheetModel, sheet: SheetModel, area: Area, raws: unknown[][], mode: WriteMode): void {
    const entries = raws.map((line, i) => line.map((raw, j) => mode.enter(raw, sheet.cell(area.row + i, area.column + j), ss.timeZone)));
    if (mode.guarded) {
      entries.forEach((line, i) =>
        line.forEach((entry, j) => {
          const [r, c] = [area.row + i, area.column + j];
          if (ss.protections.some((p) => p.blocks(mode.user, sheet, r, c))) throw gasError(PROTECTED_MESSAGE);
          const rule = sheet.cell(r, c)?.validation;
          if (rule && !rule.spec.allowInvalid && entry.formula === '' && !rule.accepts(entry.value)) throw rule.rejection(a1(r, c));
        }),
      );
    }
    entries.forEach((line, i) =>
      line.forEach((entry, j) => {
        const cell = sheet.ensureCell(area.row + i, area.column + j);
        cell.value = entry.value;
        cell.formula = entry.formula;
        if (entry.impliedFormat && !cell.numberFormat) cell.numberFormat = entry.impliedFormat;
      }),
    );
    ss.touch(this.core.now());
  }

  /** Applies `change` to every cell of an area (formats, notes, rules), after the protection check. */
  format(ss: SpreadsheetModel, sheet: SheetModel, area: Area, change: (cell: Cell, i: number, j: number) => void): void {
    const user = this.activeUser();
    forEachCell(area, (r, c) => {
      if (ss.protections.some((p) => p.blocks(user, sheet, r, c))) throw gasError(PROTECTED_MESSAGE);
    });
    forEachCell(area, (r, c) => change(sheet.ensureCell(r, c), r - area.row, c - area.column));
    ss.touch(this.core.now());
  }

  grid<T>(sheet: SheetModel, area: Area, read: (cell: Cell | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < area.numRows; i++) {
      const line: T[] = [];
      for (let j = 0; j < area.numColumns; j++) line.push(read(sheet.cell(area.row + i, area.column + j)));
      out.push(line);
    }
    return out;
  }

  private fire(
    eventType: 'ON_EDIT' | 'ON_OPEN',
    ss: SpreadsheetModel,
    simpleName: string,
    complete: (event: Record<string, unknown>) => void,
    user: string,
  ): void {
    const source = this.spreadsheetView(ss);
    const makeEvent = (trigger: TriggerRecord | null, authMode: GoogleAppsScript.Script.AuthMode) => {
      // triggerUid: "ID of trigger that produced this event (installable triggers only)".
      const event: Record<string, unknown> = { authMode, source, user: userOf(user) };
      if (trigger) event.triggerUid = trigger.id;
      complete(event);
      return event;
    };
    // Simple triggers run only in the script bound to this spreadsheet.
    this.core.fireTriggers(eventType, ss.id, makeEvent, ss.id === this.boundId ? simpleName : undefined, user);
  }
}

// ---------------------------------------------------------------------------------------------

const BorderStyle = makeEnum<G['BorderStyle']>(['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE']);
const WrapStrategy = makeEnum<G['WrapStrategy']>(['WRAP', 'OVERFLOW', 'CLIP']);

type AppMethods =
  | 'getActive' | 'getActiveSpreadsheet' | 'getActiveSheet' | 'openById' | 'openByUrl' | 'create' | 'getUi' | 'flush'
  | 'newDataValidation' | 'DataValidationCriteria' | 'ProtectionType' | 'BorderStyle' | 'WrapStrategy';

export class SpreadsheetAppFake implements Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, AppMethods> {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly ProtectionType = ProtectionType;
  readonly BorderStyle = BorderStyle;
  readonly WrapStrategy = WrapStrategy;

  constructor(private readonly svc: SpreadsheetService) {}

  /** The bound spreadsheet; null in a standalone script, as in Apps Script. */
  getActive(): GSpreadsheet {
    this.svc.charge('getActive', 'meta');
    const ss = this.svc.boundSpreadsheet();
    return (ss ? this.svc.spreadsheetView(ss) : null) as unknown as GSpreadsheet;
  }
  getActiveSpreadsheet(): GSpreadsheet {
    return this.getActive();
  }
  getActiveSheet(): GSheet {
    const ss = this.svc.boundSpreadsheet();
    if (!ss) return null as unknown as GSheet;
    this.svc.charge('getActiveSheet', 'meta');
    return this.svc.sheetView(ss, activeSheetOf(ss));
  }
  /**
   * Opening another file needs authorization: in a simple trigger, "You do not have permission to
   * call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets"
   * (github.com/peterherrmann/BetterLog/issues/29). An unknown id: "Unexpected error while getting
   * the method or property openById on object SpreadsheetApp."
   */
  openById(id: string): GSpreadsheet {
    this.svc.core.requireFullAuth('SpreadsheetApp.openById', SPREADSHEETS_SCOPE);
    this.svc.charge('openById', 'meta');
    return this.svc.spreadsheetView(this.svc.model(String(id))) as unknown as GSpreadsheet;
  }
  openByUrl(url: string): GSpreadsheet {
    this.svc.core.requireFullAuth('SpreadsheetApp.openByUrl', SPREADSHEETS_SCOPE);
    this.svc.charge('openByUrl', 'meta');
    const id = /\/spreadsheets\/d\/([\w-]+)/.exec(String(url))?.[1];
    const ss = id ? this.svc.find(id) : undefined;
    if (!ss) throw gasError('Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.');
    return this.svc.spreadsheetView(ss) as unknown as GSpreadsheet;
  }
  create(name: string, rows?: number, columns?: number): GSpreadsheet {
    this.svc.core.requireFullAuth('SpreadsheetApp.create', SPREADSHEETS_SCOPE);
    this.svc.charge('create', 'write');
    return this.svc.create(String(name), rows, columns) as unknown as GSpreadsheet;
  }
  /**
   * "Cannot call SpreadsheetApp.getUi() from this context." — from time-driven and form-submit
   * triggers and standalone scripts (reported e.g. in github.com/davepar/gcalendarsync/issues/93,
   * LesterCovax/crypto-sheets/issues/50).
   */
  getUi(): GoogleAppsScript.Base.Ui {
    if (!this.svc.isUserFacing(this.svc.core.current())) throw gasError('Cannot call SpreadsheetApp.getUi() from this context.');
    return this.svc.ui as unknown as GoogleAppsScript.Base.Ui;
  }
  flush(): void {
    this.svc.charge('flush', 'meta');
  }
  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return new DataValidationBuilderFake() as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  }
}

// ---------------------------------------------------------------------------------------------

type SpreadsheetMethods =
  | 'getId' | 'getName' | 'rename' | 'getUrl' | 'getSheetByName' | 'getSheets' | 'getNumSheets' | 'insertSheet'
  | 'deleteSheet' | 'getActiveSheet' | 'setActiveSheet' | 'toast' | 'getSpreadsheetTimeZone' | 'setSpreadsheetTimeZone'
  | 'getRange' | 'getRangeByName' | 'setNamedRange' | 'removeNamedRange' | 'getFormUrl' | 'addEditor' | 'addEditors'
  | 'getEditors' | 'getOwner' | 'getProtections' | 'getSheetById';

export class SpreadsheetFake implements Pick<GSpreadsheet, SpreadsheetMethods> {
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
  insertSheet(
    first?: string | number | { template?: GSheet },
    second?: number | { template?: GSheet },
    third?: { template?: GSheet },
  ): GSheet {
    this.svc.charge('insertSheet', 'write');
    const args = [first, second, third].filter((a) => a !== undefined);
    const name = typeof args[0] === 'string' ? args.shift() as string : null;
    const index = typeof args[0] === 'number' ? args.shift() as number : this.model.sheets.length;
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
  setSpreadsheetTimeZone(timezone: string): void {
    this.svc.charge('setSpreadsheetTimeZone', 'write');
    this.model.timeZone = String(timezone);
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

// ---------------------------------------------------------------------------------------------

type SheetMethods =
  | 'activate' | 'appendRow' | 'autoResizeColumns' | 'clear' | 'clearContents' | 'deleteRow' | 'deleteRows'
  | 'getColumnWidth' | 'getDataRange' | 'getFormUrl' | 'getFrozenColumns' | 'getFrozenRows' | 'getIndex'
  | 'getLastColumn' | 'getLastRow' | 'getMaxColumns' | 'getMaxRows' | 'getName' | 'getParent' | 'getProtections'
  | 'getRange' | 'getSheetId' | 'getTabColor' | 'hideSheet' | 'insertColumnsAfter' | 'insertRowsAfter'
  | 'isSheetHidden' | 'protect' | 'setColumnWidth' | 'setColumnWidths' | 'setFrozenColumns' | 'setFrozenRows'
  | 'setName' | 'setTabColor' | 'showSheet';

export class SheetFake implements Pick<GSheet, SheetMethods> {
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
    if (!Array.isArray(rowContents)) throw gasError(`The parameters (${typeName(rowContents)}) don't match the method signature for SpreadsheetApp.Sheet.appendRow.`);
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
      const shown = [first, column].filter((a) => a !== undefined).map(typeName).join(',');
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
  hideSheet(): GSheet {
    this.svc.charge('hideSheet', 'write');
    this.model.hidden = true;
    return this.self();
  }
  insertColumnsAfter(afterPosition: number, howMany: number): GSheet {
    this.svc.charge('insertColumnsAfter', 'write');
    this.svc.ensureCapacity(this.ss, howMany * this.model.maxRows);
    for (const line of this.model.rows) if (line && line.length > afterPosition) line.splice(afterPosition, 0, ...new Array<Cell | undefined>(howMany));
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

// ---------------------------------------------------------------------------------------------

type RangeMethods =
  | 'activate' | 'clear' | 'clearContent' | 'clearDataValidations' | 'getA1Notation' | 'getBackground' | 'getBackgrounds'
  | 'getColumn' | 'getDataValidation' | 'getDataValidations' | 'getDisplayValue' | 'getDisplayValues' | 'getFontWeight'
  | 'getFormula' | 'getFormulas' | 'getLastColumn' | 'getLastRow' | 'getNote' | 'getNotes' | 'getNumColumns'
  | 'getNumRows' | 'getNumberFormat' | 'getNumberFormats' | 'getRow' | 'getSheet' | 'getValue' | 'getValues' | 'getWrap'
  | 'insertCheckboxes' | 'merge' | 'offset' | 'protect' | 'setBackground' | 'setBackgrounds' | 'setDataValidation'
  | 'setDataValidations' | 'setFontWeight' | 'setFormula' | 'setFormulas' | 'setHorizontalAlignment' | 'setNote'
  | 'setNotes' | 'setNumberFormat' | 'setNumberFormats' | 'setValue' | 'setValues' | 'setWrap';

export class RangeFake implements Pick<GRange, RangeMethods>, ValueSource {
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
    return a1(this.area.row, this.area.column, this.area.numRows, this.area.numColumns);
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
    return this.read('getDisplayValues', (c) => (c ? display(c.value, c.numberFormat, this.ss.timeZone) : ''));
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
  /** Charged as its own method: a one-cell read has its own cost (bench/costs.ts). */
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
    return this.formatAll('setBackground', (cell) => (color === null ? delete cell.background : (cell.background = color)));
  }
  setBackgrounds(colors: Array<Array<string | null>>): GRange {
    checkShape(colors, this.area);
    return this.formatAll(
      'setBackgrounds',
      (cell, i, j) => {
        const color = colors[i][j];
        if (color === null) delete cell.background;
        else cell.background = color;
      },
      true,
    );
  }
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): GRange {
    const fake = rule as unknown as DataValidationFake | null;
    return this.formatAll('setDataValidation', (cell) => (fake ? (cell.validation = fake) : delete cell.validation));
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
  setFormula(formula: string): GRange {
    this.svc.charge('setFormula', 'write', cellsOf(this.area));
    this.svc.write(this.ss, this.sheet, this.area, this.fill(formula), this.svc.typed());
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
    return this.formatAll('setNote', (cell) => (note ? (cell.note = String(note)) : delete cell.note));
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
    return this.formatAll('setNumberFormat', (cell) => (cell.numberFormat = String(numberFormat)));
  }
  setNumberFormats(numberFormats: string[][]): GRange {
    checkShape(numberFormats, this.area, 'setNumberFormats');
    return this.formatAll('setNumberFormats', (cell, i, j) => (cell.numberFormat = String(numberFormats[i][j])), true);
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

// ---------------------------------------------------------------------------------------------

function activeSheetOf(ss: SpreadsheetModel): SheetModel {
  return ss.activeSheet ?? ss.sheets[0];
}

function dataArea(sheet: SheetModel): Area {
  return { row: 1, column: 1, numRows: Math.max(1, sheet.lastRow()), numColumns: Math.max(1, sheet.lastColumn()) };
}

/** How many cells an area covers: what a read or write of it moves. */
function cellsOf(area: Area): number {
  return area.numRows * area.numColumns;
}

function forEachCell(area: Area, visit: (row: number, column: number) => void): void {
  for (let r = area.row; r < area.row + area.numRows; r++) for (let c = area.column; c < area.column + area.numColumns; c++) visit(r, c);
}

function clearContent(cell: Cell): void {
  cell.value = '';
  cell.formula = '';
}

function clearFormat(cell: Cell): void {
  for (const key of ['numberFormat', 'background', 'fontWeight', 'wrap', 'horizontalAlignment'] as const) delete cell[key];
}

function copyStored(value: CellValue): CellValue {
  return isDate(value) ? new Date(value.getTime()) : value;
}

function copyValue(cell: Cell | undefined, makeDate: (ms: number) => Date): unknown {
  if (!cell) return '';
  return isDate(cell.value) ? makeDate(cell.value.getTime()) : cell.value;
}

/**
 * e.value / e.oldValue are strings: a number as typed, TRUE/FALSE, a date as its serial
 * number; undefined when the cell is empty.
 */
function eventText(cell: Cell | undefined, timeZone: string): string | undefined {
  if (!hasContent(cell)) return undefined;
  const value = cell!.value;
  if (isDate(value)) return String(serialNumber(value, timeZone));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

function typeName(x: unknown): string {
  if (x === null || x === undefined) return 'null';
  if (Array.isArray(x)) return `${x.length && !Array.isArray(x[0]) ? typeName(x[0]) : 'Object'}[]`;
  if (typeof x === 'string') return 'String';
  if (isDate(x)) return 'Date';
  return typeof x === 'object' ? 'Object' : typeof x;
}

/** Google's messages for zero or negative coordinates. */
function checkCoordinates(area: Area): void {
  if (area.row < 1) throw gasError('The starting row of the range is too small.');
  if (area.column < 1) throw gasError('The starting column of the range is too small.');
  if (area.numRows < 1) throw gasError('The number of rows in the range must be at least 1.');
  if (area.numColumns < 1) throw gasError('The number of columns in the range must be at least 1.');
}

function checkBounds(sheet: SheetModel, area: Area): void {
  if (area.row + area.numRows - 1 > sheet.maxRows || area.column + area.numColumns - 1 > sheet.maxColumns) {
    throw gasError('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

/**
 * A 2-D array must match the range exactly, with Google's messages:
 * "The number of rows in the data does not match the number of rows in the range. The data has 3
 * but the range has 2." (and the same for columns, row by row).
 */
function checkShape(data: unknown, area: Area, method = 'setValues'): asserts data is unknown[][] {
  if (!Array.isArray(data) || data.some((line) => !Array.isArray(line))) {
    throw gasError(`The parameters (${typeName(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
  }
  if (data.length !== area.numRows) {
    throw gasError(`The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${area.numRows}.`);
  }
  for (const line of data as unknown[][]) {
    if (line.length !== area.numColumns) {
      throw gasError(`The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${area.numColumns}.`);
    }
  }
}
