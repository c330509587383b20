/**
 * National mode (the association's workbook, issue 18): reads the municipalities' aggregates
 * files listed in a tab, checks each one's format, version and period, writes each row's status,
 * and builds the comparison report as a Google Doc (funnel plots, alphabetical lists, never a
 * ranking). It reads only files staff listed by id, and only aggregates: no rows reach this
 * workbook. One Doc per period, rewritten when built again.
 */
import { driveFileId, readAggregates, type AggregatesFile } from '../domain/aggregates';
import { periodKey, type Period } from '../domain/dates';
import { t } from '../domain/messages';
import { nationalReportBlocks } from '../domain/national-report';
import { openFolder } from '../adapters/documents';
import { withScriptLock } from '../adapters/lock';
import { type SourceRow, readDriveText, readSources, sourcesTabName, writeSourceStatuses } from '../adapters/national-sources';
import { readSettings } from '../adapters/settings-tab';
import { REPORTS_FOLDER } from './report';
import { askPeriod } from './ui';

export type NationalResult = { built: true; url: string; docId: string; used: number; skipped: number } | { built: false; message: string };

/** Reading stops here (of Apps Script's 6 minutes), leaving time for the Doc: the rest waits for the next run. */
export const READ_BUDGET_MS = 4 * 60_000;

/**
 * Reads the listed files: the usable ones (one per municipality) and each row's status and period.
 * A row whose file was read before and held another period is not read again (a file keeps its
 * period: the export replaces it in place), so five years of links cost one quarter's reads.
 */
export function readListedFiles(
  rows: readonly SourceRow[],
  period: Period,
  startedAt = Date.now(),
): { files: AggregatesFile[]; written: Array<{ status: string; period: string }>; problems: string[]; left: number } {
  const wanted = periodKey(period);
  const files: AggregatesFile[] = [];
  const seen = new Set<string>();
  const problems: string[] = [];
  let left = 0;
  const written = rows.map((row, i) => {
    if (row.ref === '') return { status: '', period: '' };
    if (row.period !== '' && row.period !== wanted) return { status: row.status, period: row.period };
    if (Date.now() - startedAt > READ_BUDGET_MS) {
      left++;
      return { status: t('national.status.not_yet'), period: row.period };
    }
    const id = driveFileId(row.ref);
    const text = id === null ? null : readDriveText(id);
    let status: string;
    let filePeriod = '';
    if (text === null) status = t('national.status.unreadable');
    else {
      const read = readAggregates(text);
      if (!read.ok) status = read.reason === 'version' ? t('national.status.version', { version: String(read.version) }) : t(`national.status.${read.reason}`);
      else {
        filePeriod = read.file.period.key;
        if (filePeriod !== wanted) return { status: t('national.status.other_period', { found: filePeriod, wanted }), period: filePeriod };
        if (seen.has(read.file.municipalityId ?? read.file.municipality)) status = t('national.status.duplicate');
        else {
          seen.add(read.file.municipalityId ?? read.file.municipality);
          files.push(read.file);
          return { status: t('national.status.ok', { municipality: read.file.municipality, period: read.file.period.label }), period: filePeriod };
        }
      }
    }
    problems.push(`${i + 2}: ${status}`);
    return { status, period: filePeriod };
  });
  return { files, written, problems, left };
}

export function buildNationalReport(period: Period): NationalResult {
  if (readSettings().value.mode !== 'national') return { built: false, message: t('national.not_national') };
  const startedAt = Date.now();
  return withScriptLock(() => {
    const sources = readSources();
    if (sources.created) return { built: false, message: t('national.sources_created', { tab: sourcesTabName() }) };
    if (!sources.rows.some((row) => row.ref !== '')) return { built: false, message: t('national.no_sources', { tab: sourcesTabName() }) };
    const { files, written, problems, left } = readListedFiles(sources.rows, period, startedAt);
    writeSourceStatuses(written);
    if (left > 0) return { built: false, message: t('national.partial', { read: files.length, left }) };
    const blocks = nationalReportBlocks({ periodLabel: period.label, files, problems });
    const doc = openFolder(REPORTS_FOLDER).doc(`nationalDoc.${periodKey(period)}`, t('file.national_report', { period: period.label }));
    doc.write(blocks);
    return { built: true, url: doc.url, docId: doc.id, used: files.length, skipped: problems.length };
  });
}

export function nationalReportAction(): string {
  if (readSettings().value.mode !== 'national') return t('national.not_national');
  const answer = askPeriod('menu.national_report', 'national.question');
  if (!answer.ok) return answer.cancelled ? t('national.cancelled') : t('national.not_built', { error: answer.error });
  const result = buildNationalReport(answer.period);
  if (!result.built) return result.message;
  return t('national.done', { period: answer.period.label, used: result.used, skipped: result.skipped, tab: sourcesTabName(), url: result.url });
}
