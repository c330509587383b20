/**
 * The lines failed hourly and daily jobs leave in the workbook: one per job, with the last failure
 * time, how many runs in a row failed, Google's reason and what to do, in Georgian. A job that
 * next succeeds takes its line away. Pure: the tab is src/adapters/problems-tab.ts's.
 */
import { formatDateTimeKa } from './dates';
import { t, type MessageId } from './messages';
import { escapeForSheet } from './sanitize';
import type { CheckRow } from './self-check';

export const JOB_PROBLEMS_TAB = t('tab.job_problems');

export const JOB_PROBLEMS_HEADER = [t('job.col_job'), t('job.col_when'), t('job.col_count'), t('job.col_what'), t('job.col_todo')];

export const JOB_PROBLEMS_WIDTHS = [260, 140, 90, 420, 420] as const;

/** A job's outcome in one run: null when it succeeded, else the error's message. */
export interface JobOutcome {
  run: string;
  job: string;
  error: string | null;
}

/** Each job's Georgian name, by run and job (as src/main.ts names them). */
const JOB_LABELS: Record<string, MessageId> = {
  'hourlySweep/services': 'job.hourlySweep.services',
  'hourlySweep/invitations': 'job.hourlySweep.invitations',
  'hourlySweep/collect': 'job.hourlySweep.collect',
  'dailyJobs/clearExpiredEmails': 'job.dailyJobs.clearExpiredEmails',
  'dailyJobs/scheduledReport': 'job.dailyJobs.scheduledReport',
  'dailyJobs/highlightOverdueActions': 'job.dailyJobs.highlightOverdueActions',
};

/** The job's Georgian name (its English id when the catalogue has none). */
export function jobLabel(run: string, job: string): string {
  const id = JOB_LABELS[`${run}/${job}`];
  return id ? t(id) : `${run}/${job}`;
}

/** What to do, by Google's reason: the mail quota, a missing permission, or anything else. */
export function jobAdvice(error: string): string {
  if (/too many times|quota|limit/i.test(error)) return t('job.todo_quota');
  if (/permission|authori[sz]|access denied|not allowed/i.test(error)) return t('job.todo_permission');
  return t('job.todo_other');
}

/**
 * The tab's rows (without the header) after one run's outcomes, or null when nothing changed
 * (every job succeeded and none had a line).
 */
export function nextProblemRows(rows: string[][], outcomes: JobOutcome[], now: Date): string[][] | null {
  const next = rows.filter((r) => String(r[0] ?? '') !== '').map((r) => r.map((c) => String(c ?? '')));
  let changed = next.length !== rows.length;
  for (const { run, job, error } of outcomes) {
    const label = jobLabel(run, job);
    const at = next.findIndex((r) => r[0] === label);
    if (error === null) {
      if (at >= 0) {
        next.splice(at, 1);
        changed = true;
      }
      continue;
    }
    const count = at >= 0 ? (Number(next[at][2]) || 0) + 1 : 1;
    const line = [label, formatDateTimeKa(now), String(count), escapeForSheet(t('job.failed', { reason: error })), jobAdvice(error)];
    if (at >= 0) next[at] = line;
    else next.push(line);
    changed = true;
  }
  return changed ? next : null;
}

/** The self-check's rows for the lines in the tab: one ✗ per failing job. */
export function jobProblemCheckRows(rows: string[][]): CheckRow[] {
  return rows
    .filter((r) => String(r[0] ?? '') !== '')
    .map((r) => ({
      status: 'fail' as const,
      check: t('check.job_problem', { job: String(r[0]) }),
      found: t('check.job_problem_found', { when: String(r[1]), what: String(r[3]), count: String(r[2]) }),
      todo: String(r[4]),
    }));
}
