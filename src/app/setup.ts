/**
 * Setup (menu "სისტემის მომზადება / განახლება"): the tabs, the two Google Forms, the N2 links per
 * service and the triggers. Every step checks what exists first, so running it again changes
 * nothing but what staff edited since (the services list reaches both forms in place).
 */
import { FORM_LIST, serviceItem } from '../domain/forms';
import { DEFAULT_SERVICES } from '../domain/services';
import { DEFAULT_THEMES } from '../domain/themes';
import { FEEDBACK_HEADERS } from '../domain/normalize';
import { SETTING_SPECS, TABS, TAB_ORDER, type ColumnSpec, type TabKey } from '../domain/schema';
import type { FormDefinition, FormKey, Service } from '../domain/types';
import { escapeForSheet } from '../domain/sanitize';
import { ensureTab } from '../adapters/workbook';
import { appendRows, getTab, readTable, writeColumns, text } from '../adapters/tables';
import { createForm, discardForm, openForm, prefilledServiceUrls, syncServiceChoices } from '../adapters/google-forms';
import { deleteKey, formKey, readJson, readString, writeJson, writeString, type FormRecord } from '../adapters/config';
import { ensureTriggers, type TriggerWish } from '../adapters/triggers';
import { loadServices, loadSettings, workbook } from './context';
import { paperColumns } from './paper';
import { PRINT_FOLDER_NAME, ensurePrintMaterial } from './paper-docs';

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
  /** Print Docs made or rewritten (their inputs changed), e.g. 'paper.N1'. */
  printDocs: string[];
  /** Georgian notes on settings that could not be used as typed (a default or nothing was used instead). */
  settingsProblems: string[];
}

/**
 * How-to notes on the header of the tabs staff type into (shown when the pointer rests on A1).
 * Paper entry is typed straight from the form, top to bottom, so the columns follow its order.
 */
export const TAB_NOTES: Partial<Record<TabKey, string>> = {
  paper:
    'როგორ შევიტანოთ ქაღალდის ფორმები:\n' +
    '• ერთი ფორმა = ერთი სტრიქონი; სვეტები მიჰყვება ფორმის კითხვებს თანმიმდევრობით.\n' +
    '• ქულა 1–5 (მხოლოდ რიცხვი); ცარიელი = პასუხი არ არის (არა ნული).\n' +
    '• სერვისი და სხვა სიები — აირჩიეთ ჩამონათვალიდან; არასწორ მნიშვნელობას ცხრილი არ მიიღებს.\n' +
    '• ტექსტი გადაწერეთ ისე, როგორც წერია; სახელები და ტელეფონები არ ჩაწეროთ.\n' +
    '• სტატუსს და ჩანაწერის ID-ს სისტემა წერს. შემდეგ: მენიუ „ქაღალდის ფორმების შეტანა“.',
  otherChannels:
    'ტელეფონით, სოციალურ ქსელში, ვებგვერდზე ან წერილით მიღებული უკუკავშირი: ერთი შეტყობინება = ერთი სტრიქონი ' +
    '(თარიღი, არხი, სერვისი, შინაარსი). პირადი მონაცემები (სახელი, ტელეფონი, ელფოსტა, პირადი ნომერი) არ ჩაწეროთ.',
};

/** The menu item: sets up (or updates) and says in Georgian what it did and what to check. */
export function setupAction(): string {
  const result = setupWorkbook();
  return [
    'სისტემა მზადაა.',
    result.createdTabs.length ? `შეიქმნა ჩანართები: ${result.createdTabs.join(', ')}.` : 'ჩანართები უკვე არსებობდა.',
    result.createdForms.length ? `შეიქმნა ფორმები: ${result.createdForms.join(', ')}.` : 'ფორმების სერვისების სია განახლდა.',
    result.printDocs.length ? `ქაღალდის ფორმა და QR პლაკატი განახლდა (Drive: „${PRINT_FOLDER_NAME}“).` : '',
    result.settingsProblems.length ? `შეამოწმეთ ჩანართი „${TABS.settings.name}“:\n${result.settingsProblems.map((p) => `• ${p}`).join('\n')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export function setupWorkbook(ss: Spreadsheet = workbook()): SetupResult {
  const lock = LockService.getScriptLock();
  lock.waitLock(30_000);
  try {
    const createdTabs: string[] = [];
    // services first: other tabs' dropdowns refer to its names column.
    const order: TabKey[] = ['services', ...TAB_ORDER.filter((k) => k !== 'services')];
    for (const key of order) {
      const { sheet, created } = ensureTab(ss, TABS[key], columnsOf(key), TAB_ORDER.indexOf(key));
      if (created) createdTabs.push(TABS[key].name);
      const note = TAB_NOTES[key];
      if (note) ensureHeaderNote(sheet, note);
    }
    seedDefaults(ss);
    removeBlankStarterTab(ss);
    const services = loadServices(ss);
    const createdForms: FormKey[] = [];
    for (const def of FORM_LIST) {
      if (ensureForm(ss, def, services)) createdForms.push(def.key);
    }
    writeServiceLinks(ss, services);
    const { created } = ensureTriggers(ss, TRIGGERS);
    // Last, because the print material shows the N1 link and the services just synced.
    const print = ensurePrintMaterial(ss, true);
    return {
      createdTabs,
      createdForms,
      triggersCreated: created,
      printDocs: [...print.created, ...print.rewritten],
      settingsProblems: loadSettings(ss).problems,
    };
  } finally {
    lock.releaseLock();
  }
}

/**
 * A staff edit of the services tab reaches both forms' service lists, the N2 links and the printed
 * form at once (installable edit trigger). Forms are only updated, never created, here; when the
 * lock is busy the edit is left for the next setup run, which does the same.
 */
export function syncServicesAfterEdit(e: GoogleAppsScript.Events.SheetsOnEdit): boolean {
  if (!e || !e.range || e.range.getSheet().getName() !== TABS.services.name) return false;
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(10_000)) {
    console.warn('services edit: lock busy; the forms will follow at the next setup run');
    return false;
  }
  try {
    const ss = e.source;
    const services = loadServices(ss);
    for (const def of FORM_LIST) {
      const stored = readJson<FormRecord>(formKey(def.key));
      const form = openForm(stored);
      if (form && stored) syncServiceChoices(form, def, stored, services);
    }
    writeServiceLinks(ss, services);
    ensurePrintMaterial(ss, true);
    return true;
  } finally {
    lock.releaseLock();
  }
}

function ensureHeaderNote(sheet: GoogleAppsScript.Spreadsheet.Sheet, note: string): void {
  const a1 = sheet.getRange(1, 1);
  if (a1.getNote() !== note) a1.setNote(note);
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
  // A run killed while making this form left it half-made: discard it rather than keep two.
  const pendingKey = `${formKey(def.key)}.pending`;
  const pending = readString(pendingKey);
  if (pending && pending !== stored?.id) discardForm(pending);
  const before = new Set(ss.getSheets().map((s) => s.getName()));
  const made = createForm(def, services, ss.getId(), (id) => writeString(pendingKey, id));
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
  deleteKey(pendingKey);
  return true;
}

/**
 * Writes each service's prefilled link of the emailed form (N2: the form whose service item is
 * prefilled). The only thing a link carries is the service.
 */
function writeServiceLinks(ss: Spreadsheet, services: Service[]): void {
  const def = FORM_LIST.find((candidate) => serviceItem(candidate)?.prefilled);
  if (!def) return;
  const record = readJson<FormRecord>(formKey(def.key));
  const form = openForm(record);
  if (!form || !record) return;
  const table = readTable(getTab(ss, TABS.services), TABS.services.columns);
  const byName = new Map(services.map((s) => [s.code, s]));
  const changed: number[] = [];
  const links = prefilledServiceUrls(form, def, record, services.map((s) => s.ka));
  table.rows.forEach((row, i) => {
    const service = byName.get(text(table, row, 'code'));
    if (!service) return;
    const link = escapeForSheet(links.get(service.ka) ?? record.publishedUrl);
    if (text(table, row, 'n2Link') !== link) {
      row[table.index.n2Link] = link;
      changed.push(i);
    }
  });
  writeColumns(table, ['n2Link'], changed);
}

/** A new spreadsheet's empty "Sheet1" would only confuse staff; it goes once our tabs exist. */
function removeBlankStarterTab(ss: Spreadsheet): void {
  const ours = new Set(TAB_ORDER.map((k) => TABS[k].name));
  for (const sheet of ss.getSheets()) {
    if (ours.has(sheet.getName()) || sheet.getFormUrl()) continue;
    if (sheet.getLastRow() === 0 && sheet.getLastColumn() === 0 && /^(Sheet|Лист|ფურცელი)\d+$/.test(sheet.getName())) ss.deleteSheet(sheet);
  }
}
