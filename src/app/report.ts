/**
 * The analysis report (menu "ანალიტიკური ანგარიშის მომზადება", and each month or quarter from
 * dailyJobs): the feedback of a period as a Google Doc in the reports folder, with an HTML copy
 * beside it. One Doc per period: building a period again rewrites its Doc in place.
 */
import { previousPeriod, periodOf, samePeriodLastYear, type Period } from '../domain/dates';
import { parseEmail } from '../domain/email';
import { PERIOD_INPUT_HELP, parsePeriodInput } from '../domain/period-input';
import { countInvitationsSent, feedbackRecords, parseActionRows, parseThemeRows } from '../domain/report-inputs';
import { buildReportModel, type ReportModel, type ReportPeriod } from '../domain/report-model';
import { renderLayoutHtml } from '../domain/report-html';
import { reportLabels } from '../domain/report-labels';
import { reportLayout } from '../domain/report-layout';
import { escapeHtml } from '../domain/sanitize';
import { TABS } from '../domain/schema';
import { DEFAULT_SERVICES, UNKNOWN_SERVICE, resolveService } from '../domain/services';
import type { Theme } from '../domain/themes';
import type { Service, Settings } from '../domain/types';
import { readJson, writeJson } from '../adapters/config';
import { ensureDoc, ensureFolder, saveTextFile, writeReportDoc } from '../adapters/report-doc';
import { getTab, readTable, cell } from '../adapters/tables';
import { collectAll } from './collect';
import { loadServices, loadSettings, workbook } from './context';
import { withScriptLock } from './feedback-data';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const FOLDER_KEY = 'folder.reports';
const FOLDER_NAME = 'უკუკავშირი — ანალიტიკური ანგარიშები';
const SCHEDULE_KEY = 'report.schedule';

/** Property keys of a period's Doc and HTML file: the period's first and last day. */
function periodKey(period: Period): string {
  const day = (date: Date): string => new Date(date.getTime() + 4 * 3600 * 1000).toISOString().slice(0, 10); // Tbilisi is UTC+4
  return `${day(period.from)}..${day(new Date(period.to.getTime() - 1))}`;
}

export interface ReportResult {
  docId: string;
  url: string;
  htmlFileId: string;
  created: boolean;
  /** Georgian note when the collection before the build failed (the report was built anyway). */
  collectionProblem: string | null;
  feedbackRows: number;
}

/** The last period of the given kind that has ended by `now`. */
export function lastCompletedPeriod(kind: Settings['reportPeriod'], now: Date): Period {
  return previousPeriod(periodOf(kind === 'monthly' ? 'month' : 'quarter', now));
}

function reportPeriod(period: Period, language: 'ka' | 'en'): ReportPeriod {
  return { from: period.from, to: period.to, label: language === 'en' ? period.labelEn : period.label };
}

/** Services with their English names where staff kept a default service; plus "unknown" when used. */
function reportServices(services: Service[], hasUnknown: boolean): Service[] {
  const withEnglish = services.map((service) => ({ ...service, en: service.en ?? DEFAULT_SERVICES.find((d) => d.code === service.code)?.en }));
  if (hasUnknown) withEnglish.push({ code: UNKNOWN_SERVICE, ka: 'სერვისი უცნობია', en: 'Service not known', invite: false });
  return withEnglish;
}

/** A tab's rows as objects of the given column keys (one read of the whole tab). */
function tabRows<K extends string>(ss: Spreadsheet, spec: (typeof TABS)[keyof typeof TABS], keys: readonly K[]): Array<Record<K, unknown>> {
  const table = readTable(getTab(ss, spec), spec.columns);
  return table.rows.map((row) => {
    const byKey = {} as Record<K, unknown>;
    for (const key of keys) byKey[key] = cell(table, row, key);
    return byKey;
  });
}

const ACTION_KEYS = ['problem', 'service', 'theme', 'decision', 'owner', 'due', 'status', 'meetingDate', 'publicWording'] as const;

interface ReportData {
  model: ReportModel;
  themes: Theme[];
  feedbackRows: number;
}

/** Reads every tab the report needs, once each, and builds the model. */
function modelFor(ss: Spreadsheet, period: Period, settings: Settings): ReportData {
  const services = loadServices(ss);
  const records = feedbackRecords(getTab(ss, TABS.feedback).getDataRange().getValues());
  const actions = parseActionRows(tabRows(ss, TABS.actions, ACTION_KEYS), (typed) => resolveService(typed, services)?.code ?? typed);
  const invitationsSent = countInvitationsSent(tabRows(ss, TABS.invitations, ['status', 'at'] as const), period);
  const themes = parseThemeRows(tabRows(ss, TABS.themes, ['id', 'label', 'keywords'] as const));
  const language = settings.language;
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
    internal: true,
  });
  return { model, themes, feedbackRows: records.length };
}

/** Collection first, so the table is current; its failure is reported, not fatal. */
function collectFirst(): string | null {
  try {
    collectAll();
    return null;
  } catch (err) {
    console.error(`report: collection before the build failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return 'ყურადღება: უკუკავშირის შეგროვება ვერ შესრულდა, ამიტომ ბოლო პასუხები შეიძლება ანგარიშში არ იყოს.';
  }
}

/** Builds (or rebuilds in place) the analysis report of a period. */
export function buildReport(period: Period, ss: Spreadsheet = workbook()): ReportResult {
  const collectionProblem = collectFirst();
  return withScriptLock(() => writeReport(period, ss, collectionProblem));
}


function writeReport(period: Period, ss: Spreadsheet, collectionProblem: string | null): ReportResult {
  const settings = loadSettings(ss).value;
  const { model, themes, feedbackRows } = modelFor(ss, period, settings);
  const labels = reportLabels(settings.language, themes);
  const layout = reportLayout(model, labels, { organisation: settings.municipality, preparedAt: new Date() });
  const name = `${layout.title} — ${layout.periodLabel}`;
  const key = periodKey(period);
  const folder = ensureFolder(FOLDER_KEY, FOLDER_NAME);
  const { doc, created } = ensureDoc(`report.doc.${key}`, name, folder);
  const docId = doc.getId();
  const url = doc.getUrl();
  writeReportDoc(doc, layout);
  const html = saveTextFile(`report.html.${key}`, `${name}.html`, renderLayoutHtml(layout), 'text/html', folder);
  console.info(`report ${key}: ${created ? 'created' : 'updated'} doc ${docId} from ${feedbackRows} feedback rows`);
  return { docId, url, htmlFileId: html.getId(), created, collectionProblem, feedbackRows };
}

/** The menu item: asks for the period, builds, says where the report is. */
export function buildReportAction(): string {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt('ანალიტიკური ანგარიში', `რომელი პერიოდის ანგარიში მოვამზადო?\n${PERIOD_INPUT_HELP}`, ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return 'ანგარიშის მომზადება გაუქმდა.';
  const parsed = parsePeriodInput(answer.getResponseText(), new Date());
  if (!parsed.ok) return `ანგარიში არ მომზადდა. ${parsed.error}`;
  const result = buildReport(parsed.period);
  return [
    `ანალიტიკური ანგარიში (${parsed.period.label}) ${result.created ? 'მომზადდა' : 'განახლდა'}.`,
    result.url,
    ...(result.collectionProblem ? [result.collectionProblem] : []),
  ].join('\n');
}

interface ScheduleState {
  /** When the schedule first ran: periods that ended before it predate the system and are skipped. */
  since: number;
  /** The last period built automatically, and whether its notice went out. */
  period: string | null;
  mailed: boolean;
}

export interface ScheduledReportResult {
  period: string;
  docId: string;
  mailedTo: number;
}

/** The managers' notice: plain text and HTML, every value escaped. */
function notice(settings: Settings, period: Period, url: string, collectionProblem: string | null): { subject: string; body: string; htmlBody: string } {
  const label = settings.language === 'en' ? period.labelEn : period.label;
  const subject = `ანალიტიკური ანგარიში — ${label}`;
  const lines = [
    'გამარჯობა,',
    `უკუკავშირის ანალიტიკური ანგარიში პერიოდისთვის „${label}“ მომზადდა (${settings.municipality}).`,
    'ანგარიში შიდა გამოყენებისთვისაა: მასში ციტირებულია მომხმარებელთა კომენტარები.',
    ...(collectionProblem ? [collectionProblem] : []),
  ];
  const body = [...lines, '', url].join('\n');
  const htmlBody =
    lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('') + `<p><a href="${escapeHtml(url)}">${escapeHtml(`ანგარიშის გახსნა — ${label}`)}</a></p>`;
  return { subject, body, htmlBody };
}

/**
 * dailyJobs: builds the last completed month or quarter once, then tells the managers. The state
 * is saved before the mail goes, so a re-run after a failed send sends once more and builds nothing new.
 */
export function runScheduledReport(): ScheduledReportResult | null {
  const ss = workbook();
  const settings = loadSettings(ss).value;
  const period = lastCompletedPeriod(settings.reportPeriod, new Date());
  const key = `${settings.reportPeriod}:${periodKey(period)}`;
  const due = (state: ScheduleState): boolean => period.to.getTime() > state.since && !(state.period === key && state.mailed);
  const stored = readJson<ScheduleState>(SCHEDULE_KEY);
  if (!stored) {
    writeJson(SCHEDULE_KEY, { since: Date.now(), period: null, mailed: false } satisfies ScheduleState);
    return null; // the first run only starts the schedule: earlier periods predate the system
  }
  if (!due(stored)) return null;

  const collectionProblem = collectFirst();
  return withScriptLock(() => {
    // Read again under the lock: a second run that waited must not build and mail a second time.
    const state = readJson<ScheduleState>(SCHEDULE_KEY) ?? stored;
    if (!due(state)) return null;
    // A period built but not announced (the send failed) is written again into the same Doc.
    const result = writeReport(period, ss, collectionProblem);
    writeJson(SCHEDULE_KEY, { ...state, period: key, mailed: false } satisfies ScheduleState);
    const managers = validManagers(settings);
    if (managers.length > 0) {
      const message = notice(settings, period, result.url, result.collectionProblem);
      MailApp.sendEmail({
        to: managers.join(','),
        subject: message.subject,
        body: message.body,
        htmlBody: message.htmlBody,
        name: settings.senderName,
        ...(settings.replyTo ? { replyTo: settings.replyTo } : {}),
      });
    } else {
      console.warn('report: no valid manager email in the settings; the report was built but nobody was told');
    }
    writeJson(SCHEDULE_KEY, { ...state, period: key, mailed: true } satisfies ScheduleState);
    return { period: key, docId: result.docId, mailedTo: managers.length };
  });
}

function validManagers(settings: Settings): string[] {
  const emails: string[] = [];
  for (const raw of settings.managers) {
    const parsed = parseEmail(raw);
    if (parsed.ok) emails.push(parsed.email);
    else console.warn(`report: manager address skipped (${parsed.reason})`);
  }
  return emails;
}
