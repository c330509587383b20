/**
 * Reads what every use case needs from the workbook: settings and services, one tab read each.
 */
import { TABS } from '../domain/schema';
import { parseServices, parseSettings, type Parsed } from '../domain/settings';
import type { Service, Settings } from '../domain/types';
import { readTable, cell, getTab } from '../adapters/tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function workbook(): Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error('No active spreadsheet: the script must be bound to the workbook');
  return ss;
}

export function loadSettings(ss: Spreadsheet): Parsed<Settings> {
  const table = readTable(getTab(ss, TABS.settings), TABS.settings.columns);
  return parseSettings(table.rows.map((r) => [String(cell(table, r, 'key')).trim(), cell(table, r, 'value')]));
}

export function loadServices(ss: Spreadsheet): Service[] {
  const table = readTable(getTab(ss, TABS.services), TABS.services.columns);
  return parseServices(table.rows.map((r) => ({ code: cell(table, r, 'code'), ka: cell(table, r, 'ka'), invite: cell(table, r, 'invite') })));
}
