/**
 * One collection run's shared state and the two steps every source goes through (screened for
 * personal data on arrival, then accepted once by its key): used by the collector of the online
 * forms (collect-online.ts), of the typed tabs (collect-typed.ts) and by collect.ts, which runs them.
 */
import { screenArrival, type CallbackRequest } from '../domain/arrival';
import { t } from '../domain/messages';
import type { Normalized } from '../domain/normalize';
import { capCell } from '../domain/sanitize';
import type { Theme } from '../domain/themes';
import type { FeedbackRecord, FormKey, Service } from '../domain/types';
import type { EntryTab } from '../adapters/entry-tabs';
import type { ResponseCursor } from '../adapters/form-responses';

export interface CollectResult {
  /** Feedback rows appended. */
  added: number;
  /** Submissions with no answer: counted, not stored. */
  empty: number;
  /** Rows stored with notes (an unknown service, a score out of range, a cut text …). */
  problems: number;
  /** Feedback rows rewritten because their typed row was corrected (or withdrawn: cleared). */
  corrected?: number;
  /** Typed rows not imported yet because they are incomplete. */
  incomplete?: number;
  /** A response tab had more new rows than one run takes; the next run carries on. */
  more?: boolean;
  /** Forms that hold more responses than reached the feedback table (or were counted empty). */
  gaps?: SubmissionGap[];
  /**
   * Each source this run looked at: how many of its responses the feedback table holds now, and
   * how many of them this run added — so the menu can say "31 recorded, all by earlier runs; 0 new".
   */
  sources?: Partial<Record<Source, { recorded: number; added: number }>>;
  /** Paper forms typed against forms found, per opening of the box (app/box.ts): the menu's lines. */
  box?: string[];
}

/** A form's submissions against what collection accounts for. */
export interface SubmissionGap {
  form: FormKey;
  /** Responses the form holds. */
  submitted: number;
  /** Feedback rows from the form, plus empty submissions, plus rows waiting for the next run. */
  accounted: number;
}

export type Source = FormKey | 'paper' | 'otherChannels' | 'phoneInterviews';

/** One collection run: what it has read so far, and what it writes at the end. */
export interface Run {
  services: Service[];
  themes: Theme[];
  /** Keys already in the feedback table, and those this run adds. */
  known: Set<string>;
  records: FeedbackRecord[];
  /** Feedback rows to rewrite in place (typed rows corrected or cleared since their import). */
  corrections: FeedbackRecord[];
  result: CollectResult;
  /** Writes to make after the feedback rows are safely appended. */
  after: Array<() => void>;
  /** Script properties to save at the very end (a linked form's tab state: title histories, counts). */
  state: Record<string, string>;
  /** Each form's cursor after this run (the owner's user properties), saved after the rows. */
  cursors: Record<string, ResponseCursor>;
  /** A migrated form's tab deleted and forgotten: only once its rows and cursor are saved. */
  afterCursors: Array<() => void>;
  /** Whether to compare each form's own response count with what was collected (menu, hourly). */
  reconcile: boolean;
  /** Applicants' names, read once: a text naming one is flagged on arrival. */
  knownNames: string[];
  /** Requests to be contacted found in this run, for the coordinator's list. */
  callbacks: CallbackRequest[];
  /** The paper tab as this run read it, for the box check after the writes. */
  paperTab?: EntryTab | null;
}

/**
 * Personal data on arrival (domain/arrival.ts): flags it, and moves a request to be contacted to
 * the coordinator's list, its contact details hidden in the feedback row.
 */
export function screen(run: Run, record: FeedbackRecord): FeedbackRecord {
  const screened = screenArrival(record, run.knownNames);
  if (screened.callback) run.callbacks.push(screened.callback);
  return screened.record;
}

/** Adds a normalized input to the run; returns the Georgian status its typed row should show. */
export function accept(run: Run, normalized: Normalized): { status: string; id: string } {
  const record = normalized.record ? screen(run, normalized.record) : null;
  if (!record) {
    run.result.empty++;
    return { status: t('row.skipped_empty'), id: '' };
  }
  if (record.flags.length) run.result.problems++;
  if (!run.known.has(record.id)) {
    run.known.add(record.id);
    run.records.push(record);
  }
  const status = record.flags.length ? t('row.recorded_with_notes', { notes: record.flags.join('; ') }) : t('row.recorded');
  return { status: capCell(status).text, id: record.id };
}
