/**
 * SpreadsheetApp: the bound spreadsheet, opening and creating others, the UI, and its enums.
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app
 */
import { gasError } from '../core';
import { DataValidationBuilderFake, DataValidationCriteria } from './validation';
import { ProtectionType } from './protection';
import { makeEnum } from '../gas-enum';
import { type G, type GSheet, type GSpreadsheet, SPREADSHEETS_SCOPE, activeSheetOf } from './cells';
import type { SpreadsheetService } from './service';

const BorderStyle = makeEnum<G['BorderStyle']>(['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE']);
const WrapStrategy = makeEnum<G['WrapStrategy']>(['WRAP', 'OVERFLOW', 'CLIP']);

type AppMethods =
  | 'getActive'
  | 'getActiveSpreadsheet'
  | 'getActiveSheet'
  | 'openById'
  | 'openByUrl'
  | 'create'
  | 'getUi'
  | 'flush'
  | 'newDataValidation'
  | 'DataValidationCriteria'
  | 'ProtectionType'
  | 'BorderStyle'
  | 'WrapStrategy';

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
    const ss = this.svc.create(String(name), rows, columns);
    const entry = this.svc.core.drive.get(ss.getId());
    if (entry) entry.appUsers = this.svc.core.appUsersOfNew(this.svc.core.builtinCreateIsApps());
    return ss as unknown as GSpreadsheet;
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
