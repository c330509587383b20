/**
 * The harness side of SpreadsheetApp: every spreadsheet of the Workspace, what people do in one
 * (open it, type into it), which fires the simple and installable open/edit triggers as Google
 * does, the response tabs a form writes into, and snapshots.
 * https://developers.google.com/apps-script/reference/spreadsheet
 */
import { gasError, type Core, type Execution, type TriggerRecord } from '../core';
import type { FormDestinationStore } from '../contracts';
import { a1, enter, enterAsText, parseA1, type Entry, type Place } from './values';
import { PROTECTED_MESSAGE, userOf } from './protection';
import { UiFake } from './ui';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, SheetModel, SpreadsheetModel, type Area, type Cell } from './model';
import {
  type GRange,
  type GSheet,
  type GSpreadsheet,
  type Kind,
  MAX_CELLS,
  MIME_TYPE,
  checkBounds,
  checkShape,
  copyValue,
  dataArea,
  eventText,
  forEachCell,
} from './cells';
import { RangeFake } from './range';
import { SheetFake } from './sheet';
import { SpreadsheetAppFake } from './app';
import { SpreadsheetFake } from './spreadsheet';

export interface SpreadsheetSnapshot {
  name: string;
  /** `hidden`: the tab is hidden; `hiddenColumns`: 1-based columns hidden from view. */
  tabs: Array<{ name: string; values: unknown[][]; formulas: string[][]; hidden: boolean; hiddenColumns: number[] }>;
}

/** How one write enters values: a script or person typing, or a server-side write. */
interface WriteMode {
  user: string;
  /** Protections and validation rules apply (not to form responses, which Google writes itself). */
  guarded: boolean;
  enter: (raw: unknown, cell: Cell | undefined, place: Place) => Entry;
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

  /**
   * A new spreadsheet with one tab "Sheet1" (1000 x 26), owned by the running user, in Drive. Its
   * locale and time zone are the account's (core.environment), not the script's: nothing in a new
   * file says Tbilisi until a script or a person sets it (File ▸ Settings; the Sheets API's
   * SpreadsheetProperties.locale / timeZone,
   * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets#SpreadsheetProperties).
   */
  create(name: string, rows = DEFAULT_ROWS, columns = DEFAULT_COLUMNS): SpreadsheetFake {
    const now = this.core.now();
    const id = this.core.newId('1');
    const entry = {
      id,
      name,
      mimeType: MIME_TYPE,
      parents: [],
      createdAt: now,
      updatedAt: now,
      trashed: false,
      sharing: { access: 'PRIVATE', permission: 'NONE' },
      kind: 'spreadsheet' as const,
    };
    this.core.drive.set(id, entry);
    const ss = new SpreadsheetModel(entry, this.activeUser(), this.core.environment.timeZone, this.core.environment.locale);
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
          hidden: sheet.hidden,
          hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b),
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
    this.fire(
      'ON_EDIT',
      ss,
      'onEdit',
      (event) => {
        event.range = range;
        // value/oldValue: "Only available if the edited range is a single cell"; oldValue is
        // undefined when the cell had no previous content.
        if (single) {
          if (after !== undefined) event.value = after;
          if (before !== undefined) event.oldValue = before;
        }
      },
      user,
    );
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
      ...(ref.span ? { span: ref.span } : {}),
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
    return { user, guarded: true, enter: (raw, cell, place) => enter(raw, cell?.numberFormat, place, this.core.now()) };
  }

  private serverSide(): WriteMode {
    return { user: this.core.user, guarded: false, enter: (raw, _cell, place) => enterAsText(raw, place, this.core.now()) };
  }

  /**
   * Writes a block, all or nothing. A protected cell refuses the write; so does a rule that
   * rejects invalid data — for scripts as for people: Apps Script throws "The data you entered in
   * cell M2 violates the data validation rules set on this cell. …" on setValue(s) (seen in
   * Executions logs; e.g. a timer-driven sweep writing free text under a leftover dropdown).
   */
  write(ss: SpreadsheetModel, sheet: SheetModel, area: Area, raws: unknown[][], mode: WriteMode): void {
    const entries = raws.map((line, i) => line.map((raw, j) => mode.enter(raw, sheet.cell(area.row + i, area.column + j), ss)));
    if (mode.guarded) {
      entries.forEach((line, i) => {
        line.forEach((entry, j) => {
          const [r, c] = [area.row + i, area.column + j];
          if (ss.protections.some((p) => p.blocks(mode.user, sheet, r, c))) throw gasError(PROTECTED_MESSAGE);
          const rule = sheet.cell(r, c)?.validation;
          if (rule && !rule.spec.allowInvalid && entry.formula === '' && !rule.accepts(entry.value)) throw rule.rejection(a1(r, c));
        });
      });
    }
    entries.forEach((line, i) => {
      line.forEach((entry, j) => {
        const cell = sheet.ensureCell(area.row + i, area.column + j);
        cell.value = entry.value;
        cell.formula = entry.formula;
        if (entry.impliedFormat && !cell.numberFormat) cell.numberFormat = entry.impliedFormat;
      });
    });
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
