/**
 * Creates and maintains the workbook's tabs from domain/schema.ts: headers, frozen header row,
 * dropdowns with their help, column widths, notes, protection of what only the script writes.
 * Safe to run again: a tab that exists keeps its data; missing header columns are added at the end.
 */
import { t } from '../domain/messages';
import {
  DATE_FORMAT,
  DATE_TIME_FORMAT,
  TABS,
  TAB_ORDER,
  WORKBOOK_LOCALE,
  WORKBOOK_LOCALE_FALLBACK,
  columnsOf,
  type ColumnRule,
  type ColumnSpec,
  type TabKey,
  type TabSpec,
} from '../domain/schema';
import { activeWorkbook } from './tables';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const PROTECTION_MARK = 'ukukavshiri:';

interface EnsuredTab {
  sheet: Sheet;
  created: boolean;
}

/**
 * The workbook reads and shows dates as staff in Georgia write them: the script's time zone
 * (Asia/Tbilisi, appsscript.json) and a day-first locale. A new file takes both from the account
 * (en_US and America/New_York by default), where 05.01.2026 is refused and 05/01/2026 becomes
 * 1 May, and a typed date is midnight in New York. Returns what was changed, for the log.
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setSpreadsheetLocale(String)
 */
export function ensureWorkbookSettings(): string[] {
  const ss = activeWorkbook();
  const changed: string[] = [];
  const timeZone = Session.getScriptTimeZone();
  if (ss.getSpreadsheetTimeZone() !== timeZone) {
    changed.push(`time zone ${ss.getSpreadsheetTimeZone()} → ${timeZone}`);
    ss.setSpreadsheetTimeZone(timeZone);
  }
  const before = ss.getSpreadsheetLocale();
  if (before !== WORKBOOK_LOCALE && before !== WORKBOOK_LOCALE_FALLBACK) {
    // Sheets may refuse a locale it does not offer (or ignore it): then the fallback.
    for (const locale of [WORKBOOK_LOCALE, WORKBOOK_LOCALE_FALLBACK]) {
      try {
        ss.setSpreadsheetLocale(locale);
      } catch (err) {
        console.warn(`setup: Sheets refused the locale ${locale} (${String(err)})`);
      }
      if (ss.getSpreadsheetLocale() === locale) break;
    }
    changed.push(`locale ${before} → ${ss.getSpreadsheetLocale()}`);
  }
  return changed;
}

/** The workbook's locale and time zone, and the script's (what ensureWorkbookSettings aligns). */
export function workbookDateSettings(): { locale: string; timeZone: string; scriptTimeZone: string } {
  const ss = activeWorkbook();
  return { locale: ss.getSpreadsheetLocale(), timeZone: ss.getSpreadsheetTimeZone(), scriptTimeZone: Session.getScriptTimeZone() };
}

/** Every tab of the product, made or brought up to date; the names of those made now. */
export function ensureTabs(): string[] {
  const ss = activeWorkbook();
  const created: string[] = [];
  // The services tab first: other tabs' dropdowns refer to its names column.
  const order: TabKey[] = ['services', ...TAB_ORDER.filter((k) => k !== 'services')];
  for (const key of order) ensureKeyedTab(ss, key, TAB_ORDER.indexOf(key), created);
  return created;
}

/** Tabs made only once a feature is turned on (the phone survey's), placed last; the names of those made now. */
export function ensureOptionalTabs(keys: readonly TabKey[]): string[] {
  const ss = activeWorkbook();
  const created: string[] = [];
  for (const key of keys) ensureKeyedTab(ss, key, ss.getSheets().length, created);
  return created;
}

function ensureKeyedTab(ss: Spreadsheet, key: TabKey, index: number, created: string[]): void {
  const spec = TABS[key];
  const tab = ensureTab(ss, spec, columnsOf(key), index);
  if (tab.created) created.push(spec.name);
  if (spec.note) {
    const a1 = tab.sheet.getRange(1, 1);
    if (a1.getNote() !== spec.note) a1.setNote(spec.note);
  }
}

/** The tab names a new spreadsheet starts with, in the locales staff use. */
const STARTER_TAB = /^(Sheet|Лист|ფურცელი)\d+$/;

/** A new spreadsheet's empty "Sheet1" would only confuse staff; it goes once our tabs exist. */
export function removeBlankStarterTab(): void {
  const ss = activeWorkbook();
  const ours = new Set(TAB_ORDER.map((k) => TABS[k].name));
  for (const sheet of ss.getSheets()) {
    if (ours.has(sheet.getName()) || sheet.getFormUrl()) continue;
    if (sheet.getLastRow() === 0 && sheet.getLastColumn() === 0 && STARTER_TAB.test(sheet.getName())) ss.deleteSheet(sheet);
  }
}

function ensureTab(ss: Spreadsheet, spec: TabSpec, columns: readonly ColumnSpec[], index: number): EnsuredTab {
  let sheet = ss.getSheetByName(spec.name);
  const created = !sheet;
  if (!sheet) sheet = ss.insertSheet(spec.name, Math.min(index, ss.getSheets().length));
  const lastColumn = sheet.getLastColumn();
  const header =
    lastColumn > 0
      ? sheet
          .getRange(1, 1, 1, lastColumn)
          .getValues()[0]
          .map((h) => String(h).trim())
      : [];
  renameLegacyHeaders(sheet, columns, header);
  const missing = columns.filter((c) => !header.includes(c.header));
  if (missing.length > 0) {
    const needed = header.length + missing.length - sheet.getMaxColumns();
    if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
    sheet.getRange(1, header.length + 1, 1, missing.length).setValues([missing.map((c) => c.header)]);
    header.push(...missing.map((c) => c.header));
  }
  sheet.getRange(1, 1, 1, header.length).setFontWeight('bold').setBackground('#e8eef7').setWrap(true);
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  // Widths only for columns this run added: a width staff set by hand survives setup run again.
  const sized = new Set((created ? columns : missing).map((c) => c.header));
  applyColumnRules(ss, sheet, spec, columns, header, sized);
  protectScriptColumns(sheet, spec, columns, header);
  hideMachineColumns(sheet, columns, header);
  return { sheet, created };
}

/**
 * A workbook set up by an earlier version shows a column under its former header (the feedback
 * tab's English keys, a paper question with its id in brackets): renamed in place, data kept, in
 * one write of the header row. Run again, it finds nothing to rename.
 */
function renameLegacyHeaders(sheet: Sheet, columns: readonly ColumnSpec[], header: string[]): void {
  const current = new Set(columns.map((c) => c.header));
  let renamed = false;
  for (const column of columns) {
    if (header.includes(column.header)) continue;
    const legacy = (column.legacyHeaders ?? []).find((h) => !current.has(h) && header.includes(h));
    if (legacy === undefined) continue;
    header[header.indexOf(legacy)] = column.header;
    renamed = true;
  }
  if (renamed) sheet.getRange(1, 1, 1, header.length).setValues([header]);
}

/** Columns only the machine reads (codes, fingerprints) are hidden from view; scripts still read them. */
function hideMachineColumns(sheet: Sheet, columns: readonly ColumnSpec[], header: readonly string[]): void {
  for (const column of columns) {
    const col = header.indexOf(column.header) + 1;
    if (column.hidden && col > 0 && !sheet.isColumnHiddenByUser(col)) sheet.hideColumns(col);
  }
}

function ruleFor(ss: Spreadsheet, rule: ColumnRule, strict: boolean): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(!strict);
  switch (rule.kind) {
    case 'list':
      return builder
        .requireValueInList([...rule.values], true)
        .setHelpText(t('help.list'))
        .build();
    case 'serviceList': {
      const services = ss.getSheetByName(TABS.services.name);
      if (!services) throw new Error('services tab must exist before lists refer to it');
      return builder
        .requireValueInRange(services.getRange('B2:B'), true)
        .setHelpText(t('help.service', { tab: TABS.services.name }))
        .build();
    }
    case 'checkbox':
      return SpreadsheetApp.newDataValidation().requireCheckbox().build();
    case 'date':
      return builder.requireDate().setHelpText(t('help.date')).build();
    case 'score':
      return builder.requireNumberBetween(1, 5).setHelpText(t('help.score')).build();
  }
}

function applyColumnRules(ss: Spreadsheet, sheet: Sheet, spec: TabSpec, columns: readonly ColumnSpec[], header: string[], sized: Set<string>): void {
  const rows = sheet.getMaxRows() - 1;
  for (const column of columns) {
    const col = header.indexOf(column.header) + 1;
    if (column.width && sized.has(column.header)) sheet.setColumnWidth(col, column.width);
    // Plain text: what staff type stays as typed ("12%", "1/2", "5" are words, not numbers or
    // dates; "=IMPORTXML(…)", "+995 …" and "- …" are not formulas).
    if (column.plainText && rows >= 1) sheet.getRange(2, col, rows, 1).setNumberFormat('@');
    const dates = column.dates ?? (column.rule?.kind === 'date' ? 'date' : undefined);
    if (dates && rows >= 1) sheet.getRange(2, col, rows, 1).setNumberFormat(dates === 'date' ? DATE_FORMAT : DATE_TIME_FORMAT);
    if (!column.rule || rows < 1) continue;
    sheet.getRange(2, col, rows, 1).setDataValidation(ruleFor(ss, column.rule, spec.strictValidation === true));
  }
}

/** Protects what staff must not edit; a protection this code made is recognised by its description. */
function protectScriptColumns(sheet: Sheet, spec: TabSpec, columns: readonly ColumnSpec[], header: string[]): void {
  const ours = [...sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET), ...sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)].filter((p) =>
    p.getDescription().startsWith(PROTECTION_MARK),
  );
  // Protections made before they were closed to the domain are closed now.
  for (const protection of ours) closeToDomain(protection);
  const existing = new Set(ours.map((p) => p.getDescription()));
  const me = Session.getEffectiveUser();
  const lockDown = (protection: GoogleAppsScript.Spreadsheet.Protection): void => {
    protection.addEditor(me);
    protection.removeEditors(protection.getEditors().filter((u) => u.getEmail() !== me.getEmail()));
    closeToDomain(protection);
  };
  if (spec.protectedTab) {
    const description = `${PROTECTION_MARK}${spec.key}`;
    if (existing.has(description)) {
      // Run again, setup also reopens the staff columns over rows the tab gained since.
      reopenStaffColumns(sheet, spec, columns, header);
      return;
    }
    const protection = sheet.protect().setDescription(description);
    const ranges = staffRanges(sheet, columns, header);
    if (ranges.length > 0) protection.setUnprotectedRanges(ranges);
    lockDown(protection);
    return;
  }
  for (const column of columns.filter((c) => c.scriptOnly)) {
    const description = `${PROTECTION_MARK}${spec.key}.${column.key}`;
    if (existing.has(description)) continue;
    const col = header.indexOf(column.header) + 1;
    lockDown(sheet.getRange(1, col, sheet.getMaxRows(), 1).protect().setDescription(description));
  }
}

/**
 * On Workspace, a protection lets everyone in the domain edit until told otherwise; Google's own
 * sample ends with this check. A consumer account has no domain (canDomainEdit is false there),
 * so this is best effort: a refusal is logged, not thrown.
 * https://developers.google.com/apps-script/reference/spreadsheet/protection
 */
function closeToDomain(protection: GoogleAppsScript.Spreadsheet.Protection): void {
  try {
    if (protection.canDomainEdit()) protection.setDomainEdit(false);
  } catch (err) {
    console.warn(`setup: could not close protection "${protection.getDescription()}" to the domain (${String(err)})`);
  }
}

/** The staff-editable columns of a protected tab, from row 2 to the tab's last row. */
function staffRanges(sheet: Sheet, columns: readonly ColumnSpec[], header: readonly string[]): GoogleAppsScript.Spreadsheet.Range[] {
  const rows = sheet.getMaxRows() - 1;
  if (rows < 1) return [];
  return columns.filter((c) => c.staffEditable && header.indexOf(c.header) >= 0).map((c) => sheet.getRange(2, header.indexOf(c.header) + 1, rows, 1));
}

/**
 * Rows inserted below a range do not join it, so rows the script adds under a protected tab fall
 * outside the unprotected ranges set at setup and staff could no longer tick "quotable" there.
 * Call after the tab grew: sets the staff-editable columns to the tab's full height in one call.
 */
export function reopenStaffColumns(sheet: Sheet, spec: TabSpec, columns: readonly ColumnSpec[], header: readonly string[]): void {
  const description = `${PROTECTION_MARK}${spec.key}`;
  const protection = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).find((p) => p.getDescription() === description);
  const ranges = staffRanges(sheet, columns, header);
  if (protection && ranges.length > 0) protection.setUnprotectedRanges(ranges);
}
