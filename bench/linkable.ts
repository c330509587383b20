/**
 * The linkable share (issue #15): of the N2 answers, how many a member of staff could tie to one
 * case by time alone — answers with exactly one candidate invitation of the same service in the
 * day window before them, judged only from what the workbook shows staff: the invitations log
 * (service, time sent), the feedback tab (service, received_at) and, where the workbook holds it,
 * Google's raw N2 response tab (its timestamp). Each time is taken as finely as the tab shows it:
 * a value at midnight (Tbilisi) is a date, anything else a time.
 *
 * The window: with both times known to the second, the 24 hours before the answer; when either is
 * a date, the answer's day and the day before (the least a person can be sure holds those 24 hours).
 *
 * Usage: npm run linkable [-- demo-out]   (a replay's output directory; default demo-out)
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { dayKey, startOfDay } from '../src/domain/dates';
import { N2 } from '../src/domain/forms';
import { LOG_STATE_KA } from '../src/domain/invitation-log';
import { t } from '../src/domain/messages';
import { TABS } from '../src/domain/schema';
import { feedbackColumnKey } from '../src/domain/feedback-row';

export interface TabJson {
  values: unknown[][];
}

export interface LinkableFigures {
  answers: number;
  /** Answers with exactly one candidate invitation. */
  linkable: number;
  share: number;
  /** Answers with no candidate at all (the window held no invitation of the service). */
  noCandidate: number;
  /** Where the answers' times were read from. */
  answerSource: 'raw response tab' | 'feedback tab';
  /** Whether any time shown was finer than a day. */
  answerTimes: 'time' | 'date';
  invitationTimes: 'time' | 'date';
}

interface Stamp {
  at: Date;
  /** Only the day is shown. */
  dayOnly: boolean;
}

const DAY_MS = 24 * 3600_000;

function stampOf(value: unknown): Stamp | null {
  const at = value instanceof Date ? value : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : null;
  if (!at || Number.isNaN(at.getTime())) return null;
  return { at, dayOnly: startOfDay(at).getTime() === at.getTime() };
}

function inWindow(answer: Stamp, invitation: Stamp): boolean {
  if (!answer.dayOnly && !invitation.dayOnly) {
    const gap = answer.at.getTime() - invitation.at.getTime();
    return gap >= 0 && gap < DAY_MS;
  }
  const a = dayKey(answer.at);
  const before = dayKey(new Date(startOfDay(answer.at).getTime() - DAY_MS / 2));
  const i = dayKey(invitation.at);
  return i === a || i === before;
}

function rowsOf(tab: TabJson | undefined): { header: string[]; rows: unknown[][] } {
  if (!tab || tab.values.length === 0) return { header: [], rows: [] };
  return { header: tab.values[0].map(String), rows: tab.values.slice(1).filter((r) => r.some((v) => v !== '' && v !== null)) };
}

/** The figures from the workbook's tabs (tab name → its JSON, as the replay writes them). */
export function linkableShare(tabs: Record<string, TabJson>): LinkableFigures {
  const log = rowsOf(tabs[TABS.invitations.name]);
  // A log written before the service names were shown holds the codes under the former header.
  const header = (key: string): string => {
    const column = TABS.invitations.columns.find((c) => c.key === key)!;
    return log.header.includes(column.header) ? column.header : (column.legacyHeaders?.find((h) => log.header.includes(h)) ?? column.header);
  };
  const sentWords = new Set([LOG_STATE_KA.sent, LOG_STATE_KA.unknown]);
  const invitations = log.rows
    .filter((r) => sentWords.has(String(r[log.header.indexOf(header('status'))]).trim()))
    .map((r) => ({ service: String(r[log.header.indexOf(header('service'))]), stamp: stampOf(r[log.header.indexOf(header('at'))]) }))
    .filter((x): x is { service: string; stamp: Stamp } => x.stamp !== null);

  // Services' Georgian names → codes (the raw tab holds the name the respondent chose).
  const services = rowsOf(tabs[TABS.services.name]);
  const codeOf = new Map(services.rows.map((r) => [String(r[1]).trim(), String(r[0]).trim()]));

  let answers: Array<{ service: string; stamp: Stamp }> = [];
  let answerSource: LinkableFigures['answerSource'] = 'feedback tab';
  const raw = rowsOf(tabs[t('tab.responses', { form: 'N2' })]);
  const serviceColumn = raw.header.indexOf(N2.items[0].ka);
  if (raw.rows.length && serviceColumn >= 0) {
    answerSource = 'raw response tab';
    answers = raw.rows
      .map((r) => ({ service: codeOf.get(String(r[serviceColumn]).trim()) ?? String(r[serviceColumn]), stamp: stampOf(r[0]) }))
      .filter((x): x is { service: string; stamp: Stamp } => x.stamp !== null);
  } else {
    const feedback = rowsOf(tabs[TABS.feedback.name]);
    // Columns by key, whether the header shows the Georgian label or (an older workbook) the key.
    const keys = feedback.header.map(feedbackColumnKey);
    const col = (name: string) => keys.indexOf(name);
    answers = feedback.rows
      .filter((r) => r[col('form')] === 'N2')
      .map((r) => ({ service: String(r[col('service')]), stamp: stampOf(r[col('received_at')]) }))
      .filter((x): x is { service: string; stamp: Stamp } => x.stamp !== null);
  }

  let linkable = 0;
  let noCandidate = 0;
  for (const answer of answers) {
    const candidates = invitations.filter((i) => i.service === answer.service && inWindow(answer.stamp, i.stamp)).length;
    if (candidates === 1) linkable++;
    if (candidates === 0) noCandidate++;
  }
  return {
    answers: answers.length,
    linkable,
    share: answers.length ? linkable / answers.length : 0,
    noCandidate,
    answerSource,
    answerTimes: answers.some((a) => !a.stamp.dayOnly) ? 'time' : 'date',
    invitationTimes: invitations.some((i) => !i.stamp.dayOnly) ? 'time' : 'date',
  };
}

/** Reads a replay output directory's workbook tabs. */
export function readWorkbookTabs(outDir: string): Record<string, TabJson> {
  const root = join(outDir, 'spreadsheets');
  const [workbook] = readdirSync(root);
  const tabs: Record<string, TabJson> = {};
  for (const file of readdirSync(join(root, workbook))) {
    if (file.endsWith('.json')) tabs[file.slice(0, -5)] = JSON.parse(readFileSync(join(root, workbook, file), 'utf8')) as TabJson;
  }
  return tabs;
}

if (require.main === module) {
  const dir = process.argv[2] ?? 'demo-out';
  if (!existsSync(join(dir, 'spreadsheets'))) {
    console.error(`${dir} holds no replay output: run npm run demo first`);
    process.exit(2);
  }
  const figures = linkableShare(readWorkbookTabs(dir));
  console.log(JSON.stringify(figures, null, 2));
  console.log(`linkable share: ${figures.linkable} of ${figures.answers} N2 answers (${(figures.share * 100).toFixed(1)} %)`);
}
