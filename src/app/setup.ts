/**
 * Setup (menu "სისტემის მომზადება / განახლება"): the tabs, the two Google Forms, the N2 links per
 * service and the triggers. Every step checks what exists first, so running it again changes
 * nothing but what staff edited since (the services list reaches both forms in place).
 */
import { FORMS } from '../domain/forms';
import { DEFAULT_SERVICES } from '../domain/services';
import { DEFAULT_THEMES } from '../domain/themes';
import { FEEDBACK_HEADERS } from '../domain/normalize';
import { SETTING_SPECS, TABS, TAB_ORDER, type ColumnSpec, type TabKey } from '../domain/schema';
import type { FormDefinition, FormKey, Service } from '../domain/types';
import { escapeForSheet } from '../domain/sanitize';
import { ensureTab } from '../adapters/workbook';
import { appendRows, getTab, readTable, writeColumns, text } from '../adapters/tables';
import { createForm, openForm, prefilledServiceUrl, syncServiceChoices } from '../adapters/google-forms';
import { formKey, readJson, writeJson, type FormRecord } from '../adapters/config';
import { ensureTriggers, type TriggerWish } from '../adapters/triggers';
import { loadServices, workbook } from './context';
import { paperColumns } from './paper';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Entry points the triggers call (src/main.ts exports them under these names). */
export const TRIGGERS: TriggerWish[] = [
  { handler: 'onWorkbookEdit', kind: 'onEdit' },
  { handler: 'onFormResponse', kind: 'onFormSubmit' },
  { handler: 'hourlySweep', kind: 'hourly' },
  { handler: 'dailyJobs', kind: 'daily', atHour: 6 },
];

export function columnsOf(key: TabKey): readonly ColumnSpec[] {
  if (key === 'feedback') {
    return FEEDBACK_HEADERS.map((h) => ({
      key: h,
      header: h,
      staffEditable: h === 'staff_tags' || h === 'quotable',
      rule: h === 'quotable' ? ({ kind: 'checkbox' } as const) : undefined,
    }));
  }
  if (key === 'paper') return paperColumns();
  return TABS[key].columns;
}

export interface SetupResult {
  createdTabs: string[];
  createdForms: FormKey[];
  triggersCreated: string[];
}

export function setupWorkbook(ss: Spreadsheet = workbook()): SetupResult {
  const lock = LockService.getScriptLock();
  lock.waitLock(30_000);
  try {
    const createdTabs: string[] = [];
    // services first: other tabs' dropdowns refer to its names column.
    const order: TabKey[] = ['services', ...TAB_ORDER.filter((k) => k !== 'services')];
    for (const key of order) {
      const { created } = ensureTab(ss, TABS[key], columnsOf(key), TAB_ORDER.indexOf(key));
      if (created) createdTabs.push(TABS[key].name);
    }
    seedDefaults(ss);
    const services = loadServices(ss);
    const createdForms: FormKey[] = [];
    for (const def of Object.values(FORMS)) {
      if (ensureForm(ss, def, services)) createdForms.push(def.key);
    }
    writeServiceLinks(ss, services);
    const { created } = ensureTriggers(ss, TRIGGERS);
    return { createdTabs, createdForms, triggersCreated: created };
  } finally {
    lock.releaseLock();
  }
}

/** Fills settings, services and themes with their defaults where staff have not filled them. */
function seedDefaults(ss: Spreadsheet): void {
  const settings = readTable(getTab(ss, TABS.settings), TABS.settings.columns);
  const present = new Set(settings.rows.map((r) => text(settings, r, 'key')));
  appendRows(
    settings,
    SETTING_SPECS.filter((s) => !present.has(s.key)).map((s) => [s.key, s.default, s.ka]),
  );
  const services = readTable(getTab(ss, TABS.services), TABS.services.columns);
  if (services.rows.length === 0) {
    appendRows(services, DEFAULT_SERVICES.map((s) => [s.code, s.ka, s.invite, '']));
  }
  const themes = readTable(getTab(ss, TABS.themes), TABS.themes.columns);
  if (themes.rows.length === 0) {
    appendRows(themes, DEFAULT_THEMES.map((th) => [th.id, th.ka, th.keywords.join(', ')]));
  }
}

/** Returns true when the form had to be created. */
function ensureForm(ss: Spreadsheet, def: FormDefinition, services: Service[]): boolean {
  const stored = readJson<FormRecord>(formKey(def.key));
  const form = openForm(stored);
  if (form && stored) {
    syncServiceChoices(form, def, stored, services);
    return false;
  }
  const before = new Set(ss.getSheets().map((s) => s.getName()));
  const made = createForm(def, services, ss.getId());
  SpreadsheetApp.flush();
  const responseSheet = ss.getSheets().find((s) => !before.has(s.getName()));
  if (!responseSheet) throw new Error(`Google did not create the response tab of form ${def.key}`);
  const name = `${def.key} — პასუხები`;
  const clash = ss.getSheetByName(name);
  if (clash && clash.getSheetId() !== responseSheet.getSheetId()) clash.setName(`${name} (ძველი ${clash.getSheetId()})`);
  responseSheet.setName(name);
  // Google's form keeps writing here; the warning stops staff from editing raw responses by hand.
  responseSheet.protect().setDescription(`ukukavshiri:raw.${def.key}`).setWarningOnly(true);
  writeJson(formKey(def.key), { ...made, responseSheet: name } satisfies FormRecord);
  return true;
}

/** Writes each service's prefilled N2 link (the only thing a link carries is the service). */
function writeServiceLinks(ss: Spreadsheet, services: Service[]): void {
  const record = readJson<FormRecord>(formKey('N2'));
  const form = openForm(record);
  if (!form || !record) return;
  const table = readTable(getTab(ss, TABS.services), TABS.services.columns);
  const byName = new Map(services.map((s) => [s.code, s]));
  const changed: number[] = [];
  table.rows.forEach((row, i) => {
    const service = byName.get(text(table, row, 'code'));
    if (!service) return;
    const link = escapeForSheet(prefilledServiceUrl(form, FORMS.N2, record, service.ka));
    if (text(table, row, 'n2Link') !== link) {
      row[table.index.n2Link] = link;
      changed.push(i);
    }
  });
  writeColumns(table, ['n2Link'], changed);
}
