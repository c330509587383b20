/**
 * After each hourly or daily run: a failed job leaves (or refreshes) its line in the workbook's
 * tab of job problems; a job that succeeded takes its line away. One read when the tab exists,
 * one write when a line changes, nothing otherwise. Never throws: the run's own failure matters more.
 */
import { JOB_PROBLEMS_HEADER, JOB_PROBLEMS_TAB, JOB_PROBLEMS_WIDTHS, nextProblemRows, type JobOutcome } from '../domain/job-problems';
import { readProblemRows, writeProblemRows } from '../adapters/problems-tab';

export function recordJobOutcomes(outcomes: JobOutcome[]): void {
  try {
    const failed = outcomes.some((o) => o.error !== null);
    const rows = readProblemRows(JOB_PROBLEMS_TAB);
    if (rows === null && !failed) return;
    const next = nextProblemRows(rows ?? [], outcomes, new Date());
    if (next) writeProblemRows(JOB_PROBLEMS_TAB, JOB_PROBLEMS_HEADER, next, JOB_PROBLEMS_WIDTHS);
  } catch (err) {
    console.error(`job problems: the tab could not be updated (${err instanceof Error ? err.message : String(err)})`);
  }
}
