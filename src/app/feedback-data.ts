/**
 * What the analysis report, the meeting agenda and the public report read from the workbook — the
 * feedback table, the actions register, the invitations log, themes, applicants' names (for
 * redaction) — one whole-tab read each, the report model of a period built from them, and the
 * period prompt, period key, collection and lock the three share.
 */
import { previousPeriod, samePeriodLastYear, type Period } from '../domain/dates';
import { parsePeriodInput, PERIOD_INPUT_HELP } from '../domain/period-input';
import { countInvitationsSent, feedbackRecords, parseAction, parseThemeRows } from '../domain/report-inputs';
import { buildReportModel, type ReportModel, type ReportPeriod } from '../domain/report-model';
import { TABS } from '../domain/schema';
import { DEFAULT_SERVICES, UNKNOWN_SERVICE, resolveService } from '../domain/services';
import { DEFAULT_THEMES, type Theme } from '../domain/themes';
import type { ActionRecord, FeedbackRecord, Service, Settings } from '../domain/types';
import { cell, getTab, readTable, text, type Table } from '../adapters/tables';
import { collectAll } from './collect';
import { loadServices, loadSettings } from './context';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type PeriodAnswer = { ok: true; period: Period } | { ok: false; cancelled: boolean; error: string };

/** Asks for the period in Georgian: the period, or whether the person cancelled or typed something unreadable. */
export function askPeriod(title: string, question: string): PeriodAnswer {
  const ui = SpreadsheetApp.getUi();
  const response = ui.prompt(title, `${question}\n${PERIOD_INPUT_HELP}`, ui.ButtonSet.OK_CANCEL);
  if (response.getSelectedButton() !== ui.Button.OK) return { ok: false, cancelled: true, error: '' };
  const parsed = parsePeriodInput(response.getResponseText(), new Date());
  return parsed.ok ? { ok: true, period: parsed.period } : { ok: false, cancelled: false, error: parsed.error };
}

/**
 * A stable key of a period for script properties, its first and last day (Tbilisi, UTC+4): the
 * same days map to the same Doc however the period was typed.
 */
export function periodKey(period: Pick<Period, 'from' | 'to'>): string {
  const day = (date: Date): string => new Date(date.getTime() + 4 * 3600 * 1000).toISOString().slice(0, 10);
  return `${day(period.from)}..${day(new Date(period.to.getTime() - 1))}`;
}

/** Brings the feedback table up to date first; a failure is logged and the build goes on, with this note. */
export function collectFirst(): string | null {
  try {
    collectAll();
    return null;
  } catch (err) {
    console.error(`collection before the build failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return 'ყურადღება: უკუკავშირის შეგროვება ვერ შესრულდა, ამიტომ ბოლო პასუხები შეიძლება ანგარიშში არ იყოს.';
  }
}

/** Runs `work` under the script lock, so two clicks cannot make two Docs or two PDFs. */
export function withScriptLock<T>(work: () => T): T {
  const lock = LockService.getScriptLock();
  lock.waitLock(30_000);
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

/** A tab's rows as objects of the given column keys (one read of the whole tab). */
function tabRows<K extends string>(sheet: GoogleAppsScript.Spreadsheet.Sheet, spec: (typeof TABS)[keyof typeof TABS], keys: readonly K[]): Array<Record<K, unknown>> {
  const table = readTable(sheet, spec.columns);
  return table.rows.map((row) => {
    const byKey = {} as Record<K, unknown>;
    for (const key of keys) byKey[key] = cell(table, row, key);
    return byKey;
  });
}

export function loadFeedback(ss: Spreadsheet): FeedbackRecord[] {
  return feedbackRecords(getTab(ss, TABS.feedback).getDataRange().getValues());
}

export interface ActionsTable {
  table: Table;
  /** One per data row, null for a row that holds no action. */
  rows: Array<ActionRecord | null>;
  actions: ActionRecord[];
}

/** The actions register; services typed by name are resolved to their codes. */
export function loadActions(ss: Spreadsheet, services: readonly Service[]): ActionsTable {
  const table = readTable(getTab(ss, TABS.actions), TABS.actions.columns);
  const resolve = (typed: string): string => resolveService(typed, services)?.code ?? typed;
  const rows = table.rows.map((row) => {
    const byKey: Record<string, unknown> = {};
    for (const column of TABS.actions.columns) byKey[column.key] = cell(table, row, column.key);
    return parseAction(byKey, resolve);
  });
  return { table, rows, actions: rows.filter((a): a is ActionRecord => a !== null) };
}

/** Applicants' names as staff typed them: the only personal names the product knows. */
export function loadKnownNames(ss: Spreadsheet): string[] {
  const table = readTable(getTab(ss, TABS.applications), TABS.applications.columns);
  const names = new Set<string>();
  for (const row of table.rows) {
    const name = text(table, row, 'applicant');
    if (name !== '') names.add(name);
  }
  return Array.from(names);
}

/** The themes as staff keep them; the default themes when the tab is missing or empty. */
export function loadThemes(ss: Spreadsheet): Theme[] {
  const sheet = ss.getSheetByName(TABS.themes.name);
  return sheet ? parseThemeRows(tabRows(sheet, TABS.themes, ['id', 'label', 'keywords'] as const)) : DEFAULT_THEMES;
}

/** Theme id → Georgian label: staff's labels over the defaults, so an old theme id still reads well. */
export function themeLabels(themes: readonly Theme[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const theme of [...DEFAULT_THEMES, ...themes]) labels[theme.id] = theme.ka;
  return labels;
}

/** Services with their English names where staff kept a default service; plus "unknown" when used. */
function reportServices(services: readonly Service[], hasUnknown: boolean): Service[] {
  const withEnglish = services.map((service) => ({ ...service, en: service.en ?? DEFAULT_SERVICES.find((d) => d.code === service.code)?.en }));
  if (hasUnknown) withEnglish.push({ code: UNKNOWN_SERVICE, ka: 'სერვისი უცნობია', en: 'Service not known', invite: false });
  return withEnglish;
}

function reportPeriod(period: Period, language: 'ka' | 'en'): ReportPeriod {
  return { from: period.from, to: period.to, label: language === 'en' ? period.labelEn : period.label };
}

export interface PeriodData {
  settings: Settings;
  services: Service[];
  records: FeedbackRecord[];
  actions: ActionRecord[];
  themes: Theme[];
  model: ReportModel;
}

/**
 * Reads every tab a period's documents need, once each, and builds the report model: the same
 * figures (the N2 response rate from the invitations log, the trend periods) for the analysis
 * report, the agenda and the public report. `language` defaults to the settings'.
 */
export function loadPeriodData(ss: Spreadsheet, period: Period, options: { internal: boolean; language?: 'ka' | 'en' }): PeriodData {
  const settings = loadSettings(ss).value;
  const services = loadServices(ss);
  const records = loadFeedback(ss);
  const { actions } = loadActions(ss, services);
  const themes = loadThemes(ss);
  const invitationsSent = countInvitationsSent(tabRows(getTab(ss, TABS.invitations), TABS.invitations, ['status', 'at'] as const), period);
  const language = options.language ?? settings.language;
  const model = buildReportModel({
    records,
    actions,
    period: reportPeriod(period, language),
    previous: reportPeriod(previousPeriod(period), language),
    lastYear: reportPeriod(samePeriodLastYear(period), language),
    invitationsSent,
    minGroupSize: settings.minGroupSize,
    services: reportServices(services, records.some((r) => r.service === UNKNOWN_SERVICE)),
    language,
    internal: options.internal,
  });
  return { settings, services, records, actions, themes, model };
}
