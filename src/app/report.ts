/**
 * The analysis report (menu "ანალიტიკური ანგარიშის მომზადება", and each month or quarter from
 * dailyJobs): the feedback of a period as a Google Doc in the reports folder, with an HTML copy
 * beside it. One Doc per period: building a period again rewrites its Doc in place.
 */
import { periodOf, previousPeriod, type Period } from '../domain/dates';
import { reportLabels } from '../domain/report-labels';
import { renderLayoutHtml } from '../domain/report-html';
import { reportLayout } from '../domain/report-layout';
import { escapeHtml } from '../domain/sanitize';
import type { Settings } from '../domain/types';
import { readJson, writeJson } from '../adapters/config';
import { writeBlocks } from '../adapters/doc-writer';
import { sendMail } from '../adapters/mail';
import { ensureDoc, ensureFolder, saveTextFile } from '../adapters/drive-files';
import { workbook, loadSettings } from './context';
import { askPeriod, collectFirst, loadKnownNames, loadPeriodData, periodKey, withScriptLock } from './feedback-data';
import { withRedactedComments } from '../domain/report-model';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const FOLDER_KEY = 'folder.reports';
const FOLDER_NAME = 'უკუკავშირი — ანალიტიკური ანგარიშები';
const SCHEDULE_KEY = 'report.schedule';

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

/** Builds (or rebuilds in place) the analysis report of a period. */
export function buildReport(period: Period, ss: Spreadsheet = workbook()): ReportResult {
  const collectionProblem = collectFirst();
  return withScriptLock(() => writeReport(period, ss, collectionProblem));
}

function writeReport(period: Period, ss: Spreadsheet, collectionProblem: string | null): ReportResult {
  const data = loadPeriodData(ss, period, { internal: true });
  const { settings, themes, records } = data;
  const model = withRedactedComments(data.model, loadKnownNames(ss));
  const labels = reportLabels(settings.language, themes);
  const layout = reportLayout(model, labels, { organisation: settings.municipality, preparedAt: new Date() });
  const name = `${layout.title} — ${layout.periodLabel}`;
  const key = periodKey(period);
  const folder = ensureFolder(FOLDER_KEY, FOLDER_NAME);
  const { doc, created } = ensureDoc(`report.doc.${key}`, name, folder);
  const docId = doc.getId();
  const url = doc.getUrl();
  writeBlocks(doc, layout.blocks);
  const html = saveTextFile(`report.html.${key}`, folder, `${name}.html`, renderLayoutHtml(layout), 'text/html');
  console.info(`report ${key}: ${created ? 'created' : 'updated'} doc ${docId} from ${records.length} feedback rows`);
  return { docId, url, htmlFileId: html.getId(), created, collectionProblem, feedbackRows: records.length };
}

/** The menu item: asks for the period, builds, says where the report is. */
export function buildReportAction(): string {
  const answer = askPeriod('ანალიტიკური ანგარიში', 'რომელი პერიოდის ანგარიში მოვამზადო?');
  if (!answer.ok) return answer.cancelled ? 'ანგარიშის მომზადება გაუქმდა.' : `ანგარიში არ მომზადდა. ${answer.error}`;
  const result = buildReport(answer.period);
  return [
    `ანალიტიკური ანგარიში (${answer.period.label}) ${result.created ? 'მომზადდა' : 'განახლდა'}.`,
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
    const managers = settings.managers; // checked by loadSettings
    if (managers.length > 0) {
      const message = notice(settings, period, result.url, result.collectionProblem);
      const sent = sendMail({ to: managers.join(','), ...message, name: settings.senderName, replyTo: settings.replyTo });
      // Thrown so that the run is recorded as failed; the next daily run sends it again.
      if (!sent.ok) throw new Error(`report notice not sent: ${sent.message}`);
    } else {
      console.warn('report: no valid manager email in the settings; the report was built but nobody was told');
    }
    writeJson(SCHEDULE_KEY, { ...state, period: key, mailed: true } satisfies ScheduleState);
    return { period: key, docId: result.docId, mailedTo: managers.length };
  });
}
