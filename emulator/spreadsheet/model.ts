/**
 * The stored state of spreadsheets. Script-facing objects (Spreadsheet, Sheet, Range) are thin
 * views made afresh on each call, as Apps Script's are; the state lives here.
 */
import type { DriveEntry } from '../core';
import type { CellValue } from './values';
import type { DataValidationFake } from './validation';
import type { ProtectionFake } from './protection';

export interface Cell {
  value: CellValue;
  formula: string;
  numberFormat?: string;
  note?: string;
  background?: string;
  fontWeight?: 'normal' | 'bold';
  wrap?: boolean;
  horizontalAlignment?: string;
  validation?: DataValidationFake;
}

export interface Area {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /**
   * How getA1Notation names it when it was asked for as whole rows ("5:7"), whole columns ("D:F")
   * or a whole sheet (a sheet protection's range: ""), as live Apps Script does (gas-fakes
   * test/testsheetsdeveloper.js:42–60, test/testsheetspermissions.js:47). Absent: plain A1.
   */
  span?: 'rows' | 'columns' | 'sheet';
}

export function contains(area: Area, row: number, column: number): boolean {
  return row >= area.row && row < area.row + area.numRows && column >= area.column && column < area.column + area.numColumns;
}

/** New sheets are 1000 rows by 26 columns. */
export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

export class SheetModel {
  /** rows[r - 1][c - 1]; missing = empty cell. */
  rows: Array<Array<Cell | undefined> | undefined> = [];
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  formUrl: string | null = null;
  readonly columnWidths = new Map<number, number>();
  /** Columns hidden from view (1-based), as hideColumns leaves them. */
  readonly hiddenColumns = new Set<number>();
  readonly merges: Area[] = [];

  constructor(
    readonly id: number,
    public name: string,
  ) {}

  cell(row: number, column: number): Cell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  ensureCell(row: number, column: number): Cell {
    let line = this.rows[row - 1];
    if (!line) {
      line = [];
      this.rows[row - 1] = line;
    }
    let cell = line[column - 1];
    if (!cell) {
      cell = { value: '', formula: '' };
      line[column - 1] = cell;
    }
    return cell;
  }

  /** Google's getLastRow/getLastColumn: the last row/column holding a value or formula; 0 if none. */
  lastRow(): number {
    for (let r = this.rows.length; r > 0; r--) if (this.rows[r - 1]?.some(hasContent)) return r;
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const line of this.rows) {
      if (!line) continue;
      for (let c = line.length; c > last; c--) if (hasContent(line[c - 1])) last = c;
    }
    return last;
  }

  cellCount(): number {
    return this.maxRows * this.maxColumns;
  }
}

export function hasContent(cell: Cell | undefined): boolean {
  return !!cell && (cell.value !== '' || cell.formula !== '');
}

export class SpreadsheetModel {
  readonly sheets: SheetModel[] = [];
  activeSheet: SheetModel | null = null;
  /** The spreadsheet's own time zone (Spreadsheet.setSpreadsheetTimeZone), in which its date cells are read. */
  timeZone: string;
  /** The spreadsheet's own locale (Spreadsheet.setSpreadsheetLocale), which reads typed values (locale.ts). */
  locale: string;
  /** Users who may edit the file besides its owner (Spreadsheet.addEditor). */
  readonly editors: string[] = [];
  readonly namedRanges = new Map<string, { sheet: SheetModel; area: Area }>();
  readonly protections: ProtectionFake[] = [];
  private sheetCounter = 0;

  constructor(
    /** The Drive file: its name is the spreadsheet's name (a Drive rename shows here too). */
    readonly entry: DriveEntry,
    readonly owner: string,
    timeZone: string,
    locale: string,
  ) {
    this.timeZone = timeZone;
    this.locale = locale;
  }

  get id(): string {
    return this.entry.id;
  }

  /** The first tab has gid 0; later ones get large ids, as in Sheets. */
  nextSheetId(): number {
    const n = this.sheetCounter++;
    return n === 0 ? 0 : 100_000_000 + ((n * 2_654_435_761) % 1_900_000_000);
  }

  cellCount(): number {
    return this.sheets.reduce((sum, s) => sum + s.cellCount(), 0);
  }

  /** Names are unique regardless of case (sheetfu PR #26: "Google sheets internally ignores case"). */
  sheetNamed(name: string, ignoreCase = false): SheetModel | undefined {
    const key = ignoreCase ? name.toLowerCase() : name;
    return this.sheets.find((s) => (ignoreCase ? s.name.toLowerCase() : s.name) === key);
  }

  touch(now: number): void {
    this.entry.updatedAt = now;
  }
}
