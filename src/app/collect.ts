/**
 * Collection: every channel's raw input becomes rows of the one normalized feedback table that
 * analysis reads. Sources: the N1 and N2 response tabs (Google writes them), the paper tab and
 * the other-channels tab (staff type them). Raw rows are never changed or deleted; typed rows
 * only get a status and the id of the feedback row they became.
 *
 * Idempotence: every feedback row carries its source's stable key (domain/collect-keys.ts) and a
 * key already in the table is never appended again, so a re-run, a duplicate trigger or a crash
 * between two writes ends the same. Cost: one read of the new rows of each response tab (a
 * watermark in the script properties says where they start), one read of each typed tab, one
 * read of the feedback ids and ONE append of all new feedback rows, whatever their number.
 */
import { FORMS } from '../domain/forms';
import { t } from '../domain/messages';
import { normalizeFormResponse, normalizeOtherFeedback, normalizePaperRow, type Normalized } from '../domain/normalize';
import { capCell, isBlankCell } from '../domain/sanitize';
import { TABS } from '../domain/schema';
import type { Theme } from '../domain/themes';
import type { FeedbackRecord, FormDefinition, FormKey, Service } from '../domain/types';
import { START, answersOfRow, keyRows, mapResponseColumns, rememberTitles, typedRowKey, type TitleHistory, type Watermark } from '../domain/collect-keys';
import { isDate } from '../domain/dates';
import { readFormRecord, readJson, writeAll } from '../adapters/config';
import { readOtherChannels, readPaperEntry, type EntryTab } from '../adapters/entry-tabs';
import { submittedCount } from '../adapters/form-submissions';
import { openFeedbackForAppend } from '../adapters/feedback-table';
import { currentItemTitles } from '../adapters/google-forms';
import { LOCK_WAIT_MS, tryScriptLock, withScriptLock } from '../adapters/lock';
import { openResponseTab } from '../adapters/response-tabs';
import { readServices } from '../adapters/services-tab';
import { readThemes } from '../adapters/themes-tab';

export interface CollectResult {
  /** Feedback rows appended. */
  added: number;
  /** Submissions with no answer: counted, not stored. */
  empty: number;
  /** Rows stored with notes (an unknown service, a score out of range, a cut text …). */
  problems: number;
  /** A response tab had more new rows than one run takes; the next run carries on. */
  more?: boolean;
  /** Forms that hold more responses than reached the feedback table (or were counted empty). */
  gaps?: SubmissionGap[];
}

/** A form's submissions against what collection accounts for. */
export interface SubmissionGap {
  form: FormKey;
  /** Responses the form holds. */
  submitted: number;
  /** Feedback rows from the form, plus empty submissions, plus rows waiting for the next run. */
  accounted: number;
}

export type Source = FormKey | 'paper' | 'otherChannels';
const ALL_SOURCES: readonly Source[] = ['N1', 'N2', 'paper', 'otherChannels'];

/** What the collector remembers about one response tab (script property `collect.N1` …). */
interface FormState {
  mark: Watermark;
  /** Empty submissions counted so far in this tab. */
  empty: number;
  titles: TitleHistory;
  /** The response tab's column count when the live titles were last read (a new column: read again). */
  columns?: number;
  /** Headers still unmatched after the last such read (a column typed by hand): no read again for them. */
  unknown?: string[];
}

const stateKey = (form: FormKey): string => `collect.${form}`;

/**
 * New responses one run takes from each response tab. One run writes them all in one setValues;
 * at ~33 cells a row that write alone would pass the 6-minute limit near 75,000 rows (npm run
 * bench), and a killed run would be killed again at every retry. The watermark carries on.
 */
export const MAX_RESPONSES_PER_RUN = 25_000;

/** One collection run: what it has read so far, and what it writes at the end. */
interface Run {
  services: Service[];
  themes: Theme[];
  /** Keys already in the feedback table, and those this run adds. */
  known: Set<string>;
  records: FeedbackRecord[];
  result: CollectResult;
  /** Writes to make after the feedback rows are safely appended. */
  after: Array<() => void>;
  /** Script properties to save at the very end (watermarks, title histories, counts). */
  state: Record<string, string>;
  /** Whether to compare each form's own response count with what was collected (menu, hourly). */
  reconcile: boolean;
}

// ---------------------------------------------------------------------------------------------
// Entry points

/** Installable form-submit trigger: collects the response tab the event names (both if unsure). */
export function handleFormResponse(tabName: string): void {
  const forms = (Object.keys(FORMS) as FormKey[]).filter((form) => readFormRecord(form)?.responseSheet === tabName);
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
  return [
    t('collect.added', { count: r.added }),
    r.problems ? t('collect.with_notes', { count: r.problems }) : '',
    r.empty ? t('collect.empty', { count: r.empty }) : '',
    r.more ? t('collect.more') : '',
    ...(r.gaps ?? []).map((gap) =>
      t('collect.gap', { form: gap.form, submitted: gap.submitted, accounted: gap.accounted, missing: gap.submitted - gap.accounted }),
    ),
  ]
    .filter((line) => line !== '')
    .join('\n');
}

export function importPaperAction(): string {
  const r = withScriptLock(() => collect(['paper']));
  const statusColumn = TABS.paper.columns.find((c) => c.key === 'status')?.header ?? '';
  return [
    t('paper.added', { count: r.added }),
    r.problems ? t('paper.with_notes', { count: r.problems, column: statusColumn }) : '',
    r.empty ? t('paper.empty', { count: r.empty }) : '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// The run

function collect(sources: readonly Source[], reconcile = false): CollectResult {
  const feedback = openFeedbackForAppend();
  const run: Run = {
    reconcile,
    services: readServices().services,
    themes: readThemes(),
    known: feedback.ids,
    records: [],
    result: { added: 0, empty: 0, problems: 0 },
    after: [],
    state: {},
  };
  for (const source of sources) {
    if (source === 'paper')
      collectTyped(
        run,
        readPaperEntry(),
        FORMS.N1.items.map((item) => item.id),
        'paper',
        (cells, id, now) => normalizePaperRow({ id, receivedAt: cells.receivedAt, answers: cells, enteredAt: now, services: run.services, themes: run.themes }),
      );
    else if (source === 'otherChannels')
      collectTyped(run, readOtherChannels(), ['channel', 'service', 'text'], 'other', (cells, id, now) =>
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
      );
    else collectForm(run, FORMS[source]);
  }
  // Order matters for a crash: feedback rows first (keyed, so a re-run skips them), then the
  // typed rows' statuses, then the watermarks (so a crash before them only means a re-read).
  feedback.append(run.records);
  for (const write of run.after) write();
  if (Object.keys(run.state).length) writeAll(run.state);
  run.result.added = run.records.length;
  return run.result;
}

/** Adds a normalized input to the run; returns the Georgian status its typed row should show. */
function accept(run: Run, normalized: Normalized): { status: string; id: string } {
  const record = normalized.record;
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

// ---------------------------------------------------------------------------------------------
// Online forms

function initialState(def: FormDefinition): FormState {
  const titles: TitleHistory = {};
  for (const item of def.items) titles[item.id] = [item.ka];
  return { mark: { ...START }, empty: 0, titles };
}

function collectForm(run: Run, def: FormDefinition): void {
  const record = readFormRecord(def.key);
  if (!record) {
    console.warn(`collect: form ${def.key} is not set up yet`);
    return;
  }
  const tab = openResponseTab(record);
  if (!tab) {
    console.warn(`collect: the response tab of ${def.key} ("${record.responseSheet}") is missing`);
    return;
  }
  // Counted before the tab is read: a response arriving meanwhile is then ahead, never a false gap.
  const submitted = run.reconcile ? submittedCount(record) : null;
  const state = readJson<FormState>(stateKey(def.key)) ?? initialState(def);
  const { lastRow, lastColumn } = tab.extent();
  // The live form's titles cost a Forms call per item (~30 for N1): the runs that reconcile (hourly,
  // menu) read them, a submission trusts the remembered ones unless the tab gained a column
  // (a question re-worded or added) or a column matches no remembered title.
  const refreshTitles = (): boolean => {
    state.columns = lastColumn;
    return rememberTitles(state.titles, currentItemTitles(record));
  };
  const columnsChanged = state.columns !== lastColumn;
  const refreshed = run.reconcile || columnsChanged;
  let stateChanged = refreshed ? refreshTitles() || columnsChanged : false;

  if (lastRow < 2 || lastColumn < 1) {
    if (stateChanged) run.state[stateKey(def.key)] = JSON.stringify(state);
    reconcileForm(run, def.key, submitted, state.empty, 0);
    return;
  }
  const header = tab.header(lastColumn);
  const itemOrder = def.items.map((item) => item.id);
  let map = mapResponseColumns(header, state.titles, itemOrder);
  // Headers still unmatched after a refresh (a column typed by hand) do not make every submission read again.
  const sameUnknown = (): boolean => map.unknown.join('\n') === (state.unknown ?? []).join('\n');
  if (map.unknown.length && !refreshed && !sameUnknown()) {
    refreshTitles();
    map = mapResponseColumns(header, state.titles, itemOrder);
    state.unknown = map.unknown;
    stateChanged = true;
  } else if (refreshed && !sameUnknown()) {
    state.unknown = map.unknown;
    stateChanged = true;
  }
  if (map.unknown.length) console.warn(`collect: ${def.key} columns not matched to any item: ${map.unknown.join(' | ')}`);

  // An incremental read starts at the watermark's own row (the anchor), so it takes one row more.
  let readTo = lastRow;
  const read = (from: number, anchor: number): unknown[][] => {
    const to = Math.min(lastRow, from + anchor + MAX_RESPONSES_PER_RUN - 1);
    readTo = to;
    if (to < lastRow) run.result.more = true;
    return lastRow >= from ? tab.rows(from, to, lastColumn) : [];
  };
  let full = state.mark.row < 2 || lastRow < state.mark.row;
  let keyed = full ? keyRows(def.key, read(2, 0), 2, START) : keyRows(def.key, read(state.mark.row, 1), state.mark.row, state.mark);
  if (!keyed) {
    // The tab no longer looks as it did (rows deleted or sorted by hand): read it all again.
    // Keys do not depend on row positions, so nothing is imported twice.
    console.warn(`collect: ${def.key} response tab changed under the watermark; reading it all`);
    full = true;
    keyed = keyRows(def.key, read(2, 0), 2, START) as NonNullable<ReturnType<typeof keyRows>>;
  }
  let empty = 0;
  for (const { key, row } of keyed.keyed) {
    const normalized = normalizeFormResponse({
      form: def,
      responseId: key,
      timestamp: isDate(row[0]) && !Number.isNaN(row[0].getTime()) ? row[0] : new Date(),
      answers: answersOfRow(row, map),
      channel: def.onlineChannel,
      services: run.services,
      themes: run.themes,
    });
    if (!normalized.record) empty++;
    accept(run, normalized);
  }
  // A full read recounts every empty submission of the tab; an incremental one adds to the count.
  state.empty = full ? empty : state.empty + empty;
  if (keyed.keyed.length || full) stateChanged = true;
  state.mark = keyed.next;
  if (stateChanged) run.state[stateKey(def.key)] = JSON.stringify(state);
  reconcileForm(run, def.key, submitted, state.empty, lastRow - readTo);
}

/**
 * Compares what respondents submitted (the form's own count) with what collection accounts for:
 * the form's rows in the feedback table, its empty submissions, and rows left for the next run.
 * A response that never reached the response tab — Google does not write an answer longer than
 * a cell — shows up only here; it is logged and reported, never silently lost.
 */
function reconcileForm(run: Run, form: FormKey, submitted: number | null, empty: number, pending: number): void {
  if (submitted === null) return;
  const prefix = `${form}-`;
  let stored = 0;
  for (const id of run.known) if (id.startsWith(prefix)) stored++;
  const accounted = stored + empty + pending;
  if (submitted <= accounted) return;
  console.warn(
    `collect: form ${form} holds ${submitted} responses but only ${accounted} are accounted for ` +
      `(${stored} in the feedback table, ${empty} empty, ${pending} waiting); ${submitted - accounted} never reached the response tab or were removed from it`,
  );
  run.result.gaps = [...(run.result.gaps ?? []), { form, submitted, accounted }];
}

// ---------------------------------------------------------------------------------------------
// Typed-in tabs

/**
 * Runs `normalize` over the rows of a typed tab that have content (the date received and the
 * `contentKeys`) and no feedback id yet, and queues one write of the status and feedback-id
 * columns for the rows whose status changes.
 */
function collectTyped(
  run: Run,
  tab: EntryTab | null,
  contentKeys: readonly string[],
  prefix: string,
  normalize: (cells: Record<string, unknown>, id: string, now: Date) => Normalized,
): void {
  if (!tab) return;
  const now = new Date();
  const updates: Array<{ sheetRow: number; status: string; feedbackId: string }> = [];
  for (const row of tab.rows) {
    const values = ['receivedAt', ...contentKeys].map((key) => row.cells[key] ?? '');
    if (values.every(isBlankCell) || row.feedbackId !== '') continue;
    const id = typedRowKey(prefix, row.sheetRow, values);
    const { status, id: feedbackId } = accept(run, normalize(row.cells, id, now));
    if (row.status === status && feedbackId === '') continue;
    updates.push({ sheetRow: row.sheetRow, status, feedbackId });
  }
  if (updates.length) run.after.push(() => tab.recordStatuses(updates));
}
