/**
 * Collection: every channel's raw input becomes rows of the one normalized feedback table that
 * analysis reads. Sources: the N1 and N2 forms' own responses (read by the owner:
 * collect-online.ts), the paper tab and the other-channels tab (staff type them: collect-typed.ts).
 * Raw input is never changed or deleted; typed rows only get a status, the id of the feedback row
 * they became and a fingerprint of their content.
 *
 * Typed rows (paper forms, other channels) follow staff's hand:
 *   - a row is imported once it is complete (domain/normalize.ts missingPaper / missingOther);
 *     until then its status says what is missing, and the next collection looks again;
 *   - an imported row edited since (its content's fingerprint differs from the stored one) is a
 *     correction: its feedback row is rewritten in place with the same id — answers, text,
 *     service, date, themes and flags made anew, staff's tags and "quotable" kept — and its status
 *     says "corrected" with the day. An edit that leaves the row incomplete waits, said so;
 *   - an imported row cleared entirely withdraws its feedback row: kept with its id, emptied of
 *     values and date (so no report counts it) and flagged; typing a form into the row again
 *     restores it, as a correction.
 *
 * Idempotence: every feedback row carries its source's stable key (domain/collect-keys.ts) and a
 * key already in the table is never appended again, so a re-run, a duplicate trigger or a crash
 * between two writes ends the same. Cost: the new responses of each form (after the owner's
 * cursor: a Forms call each), one read of each typed tab, one read of the feedback ids, ONE append of all new feedback rows and one rewrite of the corrected
 * ones (a read of their block and a write per run of script columns), whatever their number.
 */
import { FORMS } from '../domain/forms';
import { t } from '../domain/messages';
import { missingOther, missingPaper, normalizeOtherFeedback, normalizePaperRow } from '../domain/normalize';
import { TABS } from '../domain/schema';
import type { FormKey } from '../domain/types';
import { readApplicantNames } from '../adapters/applications-tab';
import { storeCallbacks } from '../adapters/callback-list';
import { readFormRecord, writeAll } from '../adapters/config';
import { readOtherChannels, readPaperEntry, readPhoneInterviews } from '../adapters/entry-tabs';
import { writeCursors } from '../adapters/form-responses';
import { missingPhoneInterview, normalizePhoneInterview } from '../domain/phone-survey';
import { openFeedbackForAppend } from '../adapters/feedback-table';
import { LOCK_WAIT_MS, tryScriptLock, withScriptLock } from '../adapters/lock';
import { readServices } from '../adapters/services-tab';
import { readThemes } from '../adapters/themes-tab';
import { checkBoxBatches } from './box';
import { collectForm } from './collect-online';
import type { CollectResult, Run, Source } from './collect-run';
import { collectTyped } from './collect-typed';

export { MAX_RESPONSES_PER_RUN } from './collect-online';
export type { CollectResult, Source, SubmissionGap } from './collect-run';

const ALL_SOURCES: readonly Source[] = ['N1', 'N2', 'paper', 'otherChannels', 'phoneInterviews'];

// ---------------------------------------------------------------------------------------------
// Entry points

/**
 * Installable form-submit trigger of each form (the owner's): collects the form the event names
 * (both when the event names none: the workbook's trigger of an earlier version).
 */
export function handleFormResponse(formId: string): void {
  const forms = (Object.keys(FORMS) as FormKey[]).filter((form) => formId !== '' && readFormRecord(form)?.id === formId);
  // A trigger that cannot get the lock leaves the work to the hourly catch-up instead of failing.
  const run = tryScriptLock(LOCK_WAIT_MS, () => collect(forms.length ? forms : ['N1', 'N2']));
  if (!run.locked) console.warn('collect: another run holds the lock; the hourly catch-up will collect');
  console.info(`onFormResponse: ${JSON.stringify(run.locked ? run.value : null)}`);
}

/** The menu and the report: every source, the typed tabs included. */
export function collectAll(): CollectResult {
  return withScriptLock(() => collect(ALL_SOURCES, true));
}

/**
 * Hourly catch-up of what form triggers missed. Typed tabs are left to the menu and the report:
 * a row a clerk is still typing must not be imported half-filled.
 */
export function collectFormResponses(): CollectResult {
  return withScriptLock(() => collect(['N1', 'N2'], true));
}

/**
 * Setup, inside its lock: collects the online forms, which migrates a deployment whose forms an
 * earlier version linked to the workbook (collectForm: unlinked, tab collected, then deleted).
 */
export function collectOnlineInLock(): CollectResult {
  return collect(['N1', 'N2'], true);
}

/** Brings the feedback table up to date before a document is built; a failure is logged and becomes a note. */
export function collectFirst(): string | null {
  try {
    collectAll();
    return null;
  } catch (err) {
    console.error(`collection before the build failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return t('collect.failed_before_build');
  }
}

export function collectNowAction(): string {
  const r = collectAll();
  const recorded = Object.values(r.sources ?? {}).reduce((sum, s) => sum + s.recorded, 0);
  return [
    t('collect.overall', { total: recorded, before: recorded - r.added, added: r.added }),
    r.problems ? t('collect.with_notes', { count: r.problems }) : '',
    r.empty ? t('collect.empty', { count: r.empty }) : '',
    r.corrected ? t('collect.corrected', { count: r.corrected }) : '',
    r.incomplete ? t('collect.incomplete', { count: r.incomplete, column: statusHeader() }) : '',
    r.more ? t('collect.more') : '',
    ...(r.box ?? []),
    ...(r.gaps ?? []).map((gap) =>
      t('collect.gap', { form: gap.form, submitted: gap.submitted, accounted: gap.accounted, missing: gap.submitted - gap.accounted }),
    ),
  ]
    .filter((line) => line !== '')
    .join('\n');
}

export function importPaperAction(): string {
  const r = withScriptLock(() => collect(['paper']));
  const paper = r.sources?.paper ?? { recorded: 0, added: 0 };
  return [
    t('paper.overall', { total: paper.recorded, before: paper.recorded - paper.added, added: paper.added }),
    r.problems ? t('paper.with_notes', { count: r.problems, column: statusHeader() }) : '',
    r.empty ? t('paper.empty', { count: r.empty }) : '',
    r.corrected ? t('paper.corrected', { count: r.corrected }) : '',
    r.incomplete ? t('collect.incomplete', { count: r.incomplete, column: statusHeader() }) : '',
    ...(r.box ?? []),
  ]
    .filter((line) => line !== '')
    .join('\n');
}

function statusHeader(): string {
  return TABS.paper.columns.find((c) => c.key === 'status')?.header ?? '';
}

// ---------------------------------------------------------------------------------------------
// The run

function collect(sources: readonly Source[], reconcile = false): CollectResult {
  const services = readServices().services;
  const themes = readThemes();
  const feedback = openFeedbackForAppend({ services, themes });
  const run: Run = {
    reconcile,
    services,
    themes,
    known: feedback.ids,
    records: [],
    corrections: [],
    result: { added: 0, empty: 0, problems: 0 },
    after: [],
    state: {},
    cursors: {},
    afterCursors: [],
    knownNames: applicantNames(),
    callbacks: [],
  };
  for (const source of sources) {
    const before = run.records.length;
    const recorded = collectSource(run, source);
    run.result.sources = { ...run.result.sources, [source]: { recorded, added: run.records.length - before } };
  }
  // Order matters for a crash: feedback rows first (keyed, so a re-run skips them), then the
  // typed rows' statuses, then the cursors (so a crash before them only means a re-read).
  feedback.append(run.records);
  feedback.update(run.corrections);
  for (const write of run.after) write();
  // After the rows; the list is keyed by feedback id, so a request written twice is one line.
  // Requests waiting for the owner are filed by the hourly and menu runs (reconcile), so that a
  // form-submit run with none of its own costs no call for them.
  if (run.callbacks.length > 0 || reconcile) storeCallbacks(run.callbacks);
  if (Object.keys(run.state).length) writeAll(run.state);
  // The cursors last: a crash before them only means the same responses are read (and skipped) again.
  writeCursors(run.cursors);
  for (const step of run.afterCursors) step();
  // Typed against found per box opening, from the paper tab already read (one read of the box tab).
  if (run.paperTab) run.result.box = checkBoxBatches(run.paperTab);
  run.result.added = run.records.length;
  if (run.corrections.length) run.result.corrected = run.corrections.length;
  return run.result;
}

/** Collects one source; returns how many of its responses the feedback table now holds. */
function collectSource(run: Run, source: Source): number {
  if (source === 'paper') {
    run.paperTab = readPaperEntry();
    return collectTyped(run, run.paperTab, {
      tab: 'paper',
      prefix: 'paper',
      contentKeys: FORMS.N1.items.map((item) => item.id),
      missing: missingPaper,
      withdrawn: { form: 'N1', channel: 'paper' },
      normalize: (cells, id, now) =>
        normalizePaperRow({ id, receivedAt: cells.receivedAt, answers: cells, enteredAt: now, services: run.services, themes: run.themes }),
    });
  }
  if (source === 'otherChannels')
    return collectTyped(run, readOtherChannels(), {
      tab: 'otherChannels',
      prefix: 'other',
      contentKeys: ['channel', 'service', 'text'],
      missing: missingOther,
      withdrawn: { form: 'other', channel: 'other' },
      normalize: (cells, id, now) =>
        normalizeOtherFeedback({
          id,
          channel: cells.channel,
          service: cells.service,
          receivedAt: cells.receivedAt,
          text: cells.text,
          enteredAt: now,
          services: run.services,
          themes: run.themes,
        }),
    });
  if (source === 'phoneInterviews')
    // N2 read over the phone (the phone survey): no tab until the survey is turned on.
    return collectTyped(run, readPhoneInterviews(), {
      tab: 'phoneInterviews',
      prefix: 'phone',
      contentKeys: FORMS.N2.items.map((item) => item.id),
      missing: missingPhoneInterview,
      withdrawn: { form: 'N2', channel: 'phone' },
      normalize: (cells, id, now) =>
        normalizePhoneInterview({ id, receivedAt: cells.receivedAt, answers: cells, enteredAt: now, services: run.services, themes: run.themes }),
    });
  collectForm(run, FORMS[source]);
  let stored = 0;
  for (const id of run.known) if (id.startsWith(`${source}-`)) stored++;
  return stored;
}

/** Applicants' names; none when the applications tab is missing (setup repairs it): collection goes on. */
function applicantNames(): string[] {
  try {
    return readApplicantNames();
  } catch (err) {
    console.warn(`collect: applicants' names not read (${err instanceof Error ? err.message : String(err)}); names are not screened this run`);
    return [];
  }
}
