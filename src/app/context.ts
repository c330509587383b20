/**
 * Reads what every use case needs from the workbook: settings and services, one tab read each.
 */
import { TABS } from '../domain/schema';
import { parseServices, parseSettings, type Parsed } from '../domain/settings';
import type { Service, Settings } from '../domain/types';
import { parseEmail } from '../domain/email';
import { readTable, cell, getTab } from '../adapters/tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function workbook(): Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error('No active spreadsheet: the script must be bound to the workbook');
  return ss;
}

/**
 * The settings, with the reply-to and managers' addresses checked: a mistyped address is left out
 * (a malformed Reply-To would reach every applicant) and named in `problems`, which setup shows.
 */
export function loadSettings(ss: Spreadsheet): Parsed<Settings> {
  const table = readTable(getTab(ss, TABS.settings), TABS.settings.columns);
  const parsed = parseSettings(table.rows.map((r) => [String(cell(table, r, 'key')).trim(), cell(table, r, 'value')]));
  const problems = [...parsed.problems];
  const replyTo = parsed.value.replyTo === '' ? null : parseEmail(parsed.value.replyTo);
  if (replyTo && !replyTo.ok) problems.push(`პარამეტრი „replyTo“: „${parsed.value.replyTo}“ ელფოსტის მისამართი არ არის; საპასუხო მისამართი არ მიეთითება`);
  const managers: string[] = [];
  for (const raw of parsed.value.managers) {
    const manager = parseEmail(raw);
    if (manager.ok) managers.push(manager.email);
    else problems.push(`პარამეტრი „managers“: „${raw}“ ელფოსტის მისამართი არ არის და გამოტოვებულია`);
  }
  return { value: { ...parsed.value, replyTo: replyTo?.ok ? replyTo.email : '', managers }, problems };
}

export function loadServices(ss: Spreadsheet): Service[] {
  const table = readTable(getTab(ss, TABS.services), TABS.services.columns);
  return parseServices(table.rows.map((r) => ({ code: cell(table, r, 'code'), ka: cell(table, r, 'ka'), invite: cell(table, r, 'invite') })));
}
