/**
 * The analysis report (a menu item, and each month or quarter from dailyJobs): the feedback of a
 * period as a Google Doc in the reports folder, with an HTML copy beside it. One Doc per period:
 * building a period again rewrites its Doc in place.
 */
import { periodKey, periodOf, previousPeriod, type Period } from '../domain/dates';
import { composeReportNotice } from '../domain/mails';
import { t } from '../domain/messages';
import { reportLabels } from '../domain/report-labels';
import { renderLayoutHtml } from '../domain/report-html';
import { reportLayout } from '../domain/report-layout';
import { withRedactedComments } from '../domain/report-model';
import type { Settings } from '../domain/types';
import { showActionChecks } from '../adapters/actions-tab';
import { readApplicantNames } from '../adapters/applications-tab';
import { readJson, writeJson } from '../adapters/config';
import { openFolder, type FolderPlace } from '../adapters/documents';
import { withScriptLock } from '../adapters/lock';
import { sendMail } from '../adapters/mail';
import { readSettings } from '../adapters/settings-tab';
import { summaryText } from '../domain/report-summary';
import { collectFirst } from './collect';
import { loadPeriodData, recordOutput } from './period-data';
import { loadReach, recordReach } from './reach';
import { reachBlocks } from '../domain/reach-layout';
import { askPeriod } from './ui';

export const REPORTS_FOLDER: FolderPlace = { key: 'folder.reports', name: t('folder.reports') };
const SCHEDULE_KEY = 'report.schedule';

export interface ReportResult {
  docId: string;
  url: string;
  htmlFileId: string;
  created: boolean;
  /** Georgian note when the collection before the build failed (the report was built anyway). */
  collectionProblem: string | null;
  feedbackRows: number;
  /** Figures withheld because earlier outputs would difference them. */
  withheld: number;
  minGroupSize: number;
  /** The report's summary paragraph (published figures only), for the managers' email. */
  summary: string;
}

/** The last period of the given kind that has ended by `now`. */
export function lastCompletedPeriod(kind: Settings['reportPeriod'], now: Date): Period {
  return previousPeriod(periodOf(kind === 'monthly' ? 'month' : 'quarter', now));
}

/** Builds (or rebuilds in place) the analysis report of a period. */
export function buildReport(period: Period): ReportResult {
  const collectionProblem = collectFirst();
  return withScriptLock(() => writeReport(period, collectionProblem));
}

function writeReport(period: Period, collectionProblem: string | null): ReportResult {
  const data = loadPeriodData(period, { internal: true });
  const { settings, themes, records } = data;
  const model = withRedactedComments(data.model, readApplicantNames());
  const labels = reportLabels(settings.language, themes);
  const layout = reportLayout(model, labels, { organisation: settings.municipality, preparedAt: new Date() });
  // Reach by invitation channel (issue 17), before the satisfaction section.
  const reach = loadReach(period, data);
  const at = layout.blocks.findIndex((block) => block.kind === 'heading' && block.level === 1 && block.text === labels.text('satisfaction'));
  layout.blocks.splice(at < 0 ? layout.blocks.length : at, 0, ...reachBlocks(reach, labels, settings.minGroupSize));
  const name = `${layout.title} — ${layout.periodLabel}`;
  const key = periodKey(period);
  const folder = openFolder(REPORTS_FOLDER);
  const doc = folder.doc(`report.doc.${key}`, name);
  doc.write(layout.blocks);
  const htmlFileId = folder.saveText(`report.html.${key}`, `${name}.html`, renderLayoutHtml(layout), 'text/html');
  recordOutput(data, `report ${key}`);
  showActionChecks(themes);
  recordReach(reach, period, data, `report ${key}`);
  console.info(`report ${key}: ${doc.created ? 'created' : 'updated'} doc ${doc.id} from ${records.length} feedback rows`);
  return {
    docId: doc.id,
    url: doc.url,
    htmlFileId,
    created: doc.created,
    collectionProblem,
    feedbackRows: records.length,
    withheld: model.withheldByEarlierOutputs,
    minGroupSize: settings.minGroupSize,
    summary: summaryText(model, labels),
  };
}

/** The menu item: asks for the period, builds, says where the report is. */
export function buildReportAction(): string {
  const answer = askPeriod('report.dialog', 'report.question');
  if (!answer.ok) return answer.cancelled ? t('report.cancelled') : t('report.not_built', { error: answer.error });
  const result = buildReport(answer.period);
  return [
    t(result.created ? 'report.created' : 'report.updated', { period: answer.period.label }),
    result.url,
    ...(result.withheld > 0 ? [t('disclosure.withheld', { count: result.withheld, min: result.minGroupSize })] : []),
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

/**
 * dailyJobs: builds the last completed month or quarter once, then tells the managers. The state
 * is saved before the mail goes, so a re-run after a failed send sends once more and builds nothing new.
 */
export function runScheduledReport(): ScheduledReportResult | null {
  const settings = readSettings().value;
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
    const result = writeReport(period, collectionProblem);
    writeJson(SCHEDULE_KEY, { ...state, period: key, mailed: false } satisfies ScheduleState);
    const managers = settings.managers; // addresses already checked by readSettings
    if (managers.length > 0) {
      const message = composeReportNotice({
        municipality: settings.municipality,
        periodLabel: settings.language === 'en' ? period.labelEn : period.label,
        url: result.url,
        keyFigures: result.summary,
        collectionProblem: result.collectionProblem,
      });
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
