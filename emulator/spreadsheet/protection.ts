/**
 * Protected ranges and sheets.
 * https://developers.google.com/apps-script/reference/spreadsheet/protection
 * Until a script changes the editors, a new protection "mirrors those of the spreadsheet itself,
 * which effectively means that the range remains unprotected" (Range.protect / Sheet.protect).
 */
import { type Core, gasError } from '../core';
import { enumName, enumValue, makeEnum } from '../gas-enum';
import { contains, type Area, type SheetModel, type SpreadsheetModel } from './model';

export const ProtectionType = makeEnum<typeof GoogleAppsScript.Spreadsheet.ProtectionType>(['RANGE', 'SHEET']);

/** The protections of one type ('RANGE' | 'SHEET'), given Google's enum value. */
export function ofType<T extends { type: string }>(protections: T[], type: unknown): T[] {
  return protections.filter((p) => p.type === enumName(type));
}

/** What users see when they edit a protected cell, in the UI and from the Sheets API. */
export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

type Protection = GoogleAppsScript.Spreadsheet.Protection;
type User = GoogleAppsScript.Base.User;
type Methods =
  | 'addEditor'
  | 'addEditors'
  | 'canDomainEdit'
  | 'canEdit'
  | 'getDescription'
  | 'getEditors'
  | 'getProtectionType'
  | 'getRange'
  | 'getUnprotectedRanges'
  | 'isWarningOnly'
  | 'remove'
  | 'removeEditor'
  | 'removeEditors'
  | 'setDescription'
  | 'setDomainEdit'
  | 'setUnprotectedRanges'
  | 'setWarningOnly';

export function userOf(email: string): User {
  const user = { getEmail: () => email, getUserLoginId: () => email, toString: () => email };
  return user;
}

function emailOf(user: string | User): string {
  return typeof user === 'string' ? user : user.getEmail();
}

export class ProtectionFake implements Pick<Protection, Methods> {
  toString(): string {
    return 'Protection';
  }
  private description = '';
  private warningOnly = false;
  /** null = mirrors the spreadsheet's editors (nobody is kept out). */
  private editors: string[] | null = null;
  private unprotected: Area[] = [];
  /**
   * Whether everyone in the owner's Workspace domain may edit the protected cells. Only documents
   * within a domain have it ("domainUsersCanEdit: True if anyone in the document's domain has edit
   * access to the protected range. Domain protection is only supported on documents within a
   * domain": https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#Editors).
   * A new protection mirrors the spreadsheet's editors (Range.protect), which on Workspace is
   * taken to include the domain: removing every named editor leaves it, which is why Google's own
   * sample ends with `if (protection.canDomainEdit()) protection.setDomainEdit(false)`
   * (https://developers.google.com/apps-script/reference/spreadsheet/protection). That a new
   * protection starts with domain edit on is the emulator's reading of those two pages.
   */
  private domainEdit: boolean;

  constructor(
    private readonly core: Core,
    private readonly ss: SpreadsheetModel,
    readonly type: 'RANGE' | 'SHEET',
    readonly sheet: SheetModel,
    /** The protected cells; for a sheet protection, the whole sheet. */
    private readonly area: Area | null,
    private readonly rangeOf: (sheet: SheetModel, area: Area) => GoogleAppsScript.Spreadsheet.Range,
  ) {
    this.domainEdit = core.environment.account === 'workspace';
  }

  /** Whether this protection keeps `user` from writing the cell. */
  blocks(user: string, sheet: SheetModel, row: number, column: number): boolean {
    if (sheet !== this.sheet || this.warningOnly || this.allows(user)) return false;
    if (this.area) return contains(this.area, row, column);
    return !this.unprotected.some((a) => contains(a, row, column));
  }

  private allows(user: string): boolean {
    return user === this.ss.owner || this.editors === null || this.editors.includes(user) || (this.domainEdit && this.inDomain(user));
  }

  private inDomain(user: string): boolean {
    const domain = this.core.environment.domain;
    return domain !== '' && user.toLowerCase().endsWith(`@${domain.toLowerCase()}`);
  }

  private effectiveUser(): string {
    return this.core.current()?.user ?? this.core.user;
  }

  private spreadsheetEditors(): string[] {
    return [this.ss.owner, ...this.ss.editors];
  }

  addEditor(user: string | User): Protection {
    return this.addEditors([emailOf(user)]);
  }
  addEditors(emails: string[]): Protection {
    const editors = this.editors ?? this.spreadsheetEditors();
    for (const email of emails) if (!editors.includes(email)) editors.push(email);
    this.editors = editors;
    return this as unknown as Protection;
  }
  /** "Neither the owner of the spreadsheet nor the current user can be removed." */
  removeEditor(user: string | User): Protection {
    return this.removeEditors([user]);
  }
  removeEditors(users: Array<string | User>): Protection {
    const keep = new Set([this.ss.owner, this.effectiveUser()]);
    const removed = new Set(users.map(emailOf).filter((e) => !keep.has(e)));
    this.editors = (this.editors ?? this.spreadsheetEditors()).filter((e) => !removed.has(e));
    return this as unknown as Protection;
  }
  /** A warning-only protection keeps nobody out, so it names no editors (gas-fakes test/testsheets.js:2917, live). */
  getEditors(): User[] {
    if (this.warningOnly) return [];
    return (this.editors ?? this.spreadsheetEditors()).map(userOf);
  }
  canDomainEdit(): boolean {
    return this.domainEdit;
  }
  /**
   * Outside a Workspace domain there is no domain to grant or withhold: Google refuses. Its
   * exception's wording is not documented; this message is the Sheets API's sentence on it.
   */
  setDomainEdit(editable: boolean): Protection {
    if (this.core.environment.account !== 'workspace') throw gasError('Domain protection is only supported on documents within a domain.');
    this.domainEdit = Boolean(editable);
    return this as unknown as Protection;
  }
  canEdit(): boolean {
    return this.allows(this.effectiveUser());
  }
  getDescription(): string {
    return this.description;
  }
  setDescription(description: string): Protection {
    this.description = description;
    return this as unknown as Protection;
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): Protection {
    this.warningOnly = warningOnly;
    return this as unknown as Protection;
  }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return enumValue<GoogleAppsScript.Spreadsheet.ProtectionType>(ProtectionType, this.type);
  }
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    // A sheet protection's range is the whole sheet, with no A1 notation (""): gas-fakes test/testsheetspermissions.js:47, live.
    return this.rangeOf(this.sheet, this.area ?? { row: 1, column: 1, numRows: this.sheet.maxRows, numColumns: this.sheet.maxColumns, span: 'sheet' });
  }
  getUnprotectedRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.unprotected.map((a) => this.rangeOf(this.sheet, a));
  }
  setUnprotectedRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): Protection {
    this.unprotected = ranges.map((r) => ({ row: r.getRow(), column: r.getColumn(), numRows: r.getNumRows(), numColumns: r.getNumColumns() }));
    return this as unknown as Protection;
  }
  remove(): void {
    const i = this.ss.protections.indexOf(this);
    if (i >= 0) this.ss.protections.splice(i, 1);
  }
}
