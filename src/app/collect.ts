/**
 * Collection: every channel's raw input becomes rows of the one normalized feedback table that
 * analysis reads. Sources: the N1 and N2 response tabs (Google writes them), the paper tab and
 * the other-channels tab (staff type them). Raw rows are never changed or deleted; typed rows
 * only get a status, the id of the feedback row they became and a fingerprint of their content.
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
 * between two writes ends the same. Cost: one read of the new rows of each response tab (a
 * watermark in the script properties says where they start), one read of each typed tab, one
 * read of the feedback ids, ONE append of all new feedback rows and one rewrite of the corrected
 * ones (a read of their block and a write per run of script columns), whatever their number.
 */
import { screenArrival, type CallbackRequest } from '../domain/arrival';
import { FORMS } from '../domain/forms';
import { t } from '../domain/messages';
import {
  describeMissing,
  missingOther,
  missingPaper,
  normalizeFormResponse,
  normalizeOtherFeedback,
  normalizePaperRow,
  withdrawnRecord,
  type Normalized,
} from '../domain/normalize';
import { capCell, isBlankCell } from '../domain/sanitize';
import { TABS, columnsOf, type TabKey } from '../domain/schema';
import type { Theme } from '../domain/themes';
import type { Channel, FeedbackForm, FeedbackRecord, FormDefinition, FormKey, Service } from '../domain/types';
import {
  START,
  answersOfRow,
  contentFingerprint,
  fingerprintCell,
  keyRows,
  mapResponseColumns,
  rememberTitles,
  storedFingerprint,
  typedRowKey,
  unclaimedTypedIds,
  type TitleHistory,
  type Watermark,
} from '../domain/collect-keys';
import { formatDateKa, isDate } from '../domain/dates';
import { readApplicantNames } from '../adapters/applications-tab';
import { storeCallbacks } from '../adapters/callback-list';
import { readFormRecord, readJson, writeAll } from '../adapters/config';
import { readOtherChannels, readPaperEntry, readPhoneInterviews, type EntryTab, type StatusUpdate } from '../adapters/entry-tabs';
import { missingPhoneInterview, normalizePhoneInterview } from '../domain/phone-survey';
import { checkBoxBatches } from './box';
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
const ALL_SOURCES: readonly Source[] = ['N1', 'N2', 'paper', 'otherChannels', 'phoneInterviews'];

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
  /** Feedback rows to rewrite in place (typed rows corrected or cleared since their import). */
  corrections: FeedbackRecord[];
  result: CollectResult;
  /** Writes to make after the feedback rows are safely appended. */
  after: Array<() => void>;
  /** Script properties to save at the very end (watermarks, title histories, counts). */
  state: Record<string, string>;
  /** Whether to compare each form's own response count with what was collected (menu, hourly). */
  reconcile: boolean;
  /** Applicants' names, read once: a text naming one is flagged on arrival. */
  knownNames: string[];
  /** Requests to be contacted found in this run, for the coordinator's list. */
  callbacks: CallbackRequest[];
  /** The paper tab as this run read it, for the box check after the writes. */
  paperTab?: EntryTab | null;
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
  const feedback = openFeedbackForAppend();
  const run: Run = {
    reconcile,
    services: readServices().services,
    themes: readThemes(),
    known: feedback.ids,
    records: [],
    corrections: [],
    result: { added: 0, empty: 0, problems: 0 },
    after: [],
    state: {},
    knownNames: applicantNames(),
    callbacks: [],
  };
  for (const source of sources) {
    const before = run.records.length;
    const recorded = collectSource(run, source);
    run.result.sources = { ...run.result.sources, [source]: { recorded, added: run.records.length - before } };
  }
  // Order matters for a crash: feedback rows first (keyed, so a re-run skips them), then the
  // typed rows' statuses, then the watermarks (so a crash before them only means a re-read).
  feedback.append(run.records);
  feedback.update(run.corrections);
  for (const write of run.after) write();
  // After the rows; the list is keyed by feedback id, so a request written twice is one line.
  // Requests waiting for the owner are filed by the hourly and menu runs (reconcile), so that a
  // form-submit run with none of its own costs no call for them.
  if (run.callbacks.length > 0 || reconcile) storeCallbacks(run.callbacks);
  if (Object.keys(run.state).length) writeAll(run.state);
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

/**
 * Personal data on arrival (domain/arrival.ts): flags it, and moves a request to be contacted to
 * the coordinator's list, its contact details hidden in the feedback row.
 */
function screen(run: Run, record: FeedbackRecord): FeedbackRecord {
  const screened = screenArrival(record, run.knownNames);
  if (screened.callback) run.callbacks.push(screened.callback);
  return screened.record;
}

/** Adds a normalized input to the run; returns the Georgian status its typed row should show. */
function accept(run: Run, normalized: Normalized): { status: string; id: string } {
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
  for (const { key, legacyKey, row } of keyed.keyed) {
    // Collected before keys lost their time: known under the old key, not imported again.
    if (run.known.has(legacyKey)) continue;
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

/** How one typed tab is read. */
interface TypedSource {
  tab: TabKey;
  /** Prefix of its feedback ids. */
  prefix: string;
  /** The columns besides the date received that make a row's content (and its fingerprint). */
  contentKeys: readonly string[];
  /** What a row still lacks before it is imported (column keys, or 'answer'). */
  missing: (cells: Record<string, unknown>) => string[];
  /** Form and channel of the feedback row of a row cleared after its import. */
  withdrawn: { form: FeedbackForm; channel: Channel };
  normalize: (cells: Record<string, unknown>, id: string, now: Date) => Normalized;
}

/**
 * Goes through the rows of a typed tab: imports the complete rows not imported yet, corrects the
 * feedback rows of imported rows edited since (fingerprint of their content against the stored
 * one), withdraws those of imported rows cleared, and queues one write of the status, feedback-id
 * and fingerprint columns for the rows whose cells change. No service call per row.
 */
function collectTyped(run: Run, tab: EntryTab | null, source: TypedSource): number {
  if (!tab) return 0;
  // Rows whose form the feedback table holds once this run is written (imported, not withdrawn).
  let recorded = 0;
  const now = new Date();
  const today = formatDateKa(now);
  const headers = new Map(columnsOf(source.tab).map((c) => [c.key, c.header]));
  const missingText = (keys: readonly string[]): string => describeMissing(keys, (key) => headers.get(key) ?? key);
  const updates: StatusUpdate[] = [];
  const set = (row: EntryTab['rows'][number], update: Omit<StatusUpdate, 'sheetRow'>): void => {
    const status = capCell(update.status).text;
    if (row.status === status && row.feedbackId === update.feedbackId && row.fingerprint === update.fingerprint) return;
    updates.push({ sheetRow: row.sheetRow, ...update, status });
  };
  const orphans = unclaimedTypedIds(source.prefix, run.known, new Set(tab.rows.map((row) => row.feedbackId).filter((id) => id !== '')));
  for (const row of tab.rows) {
    const values = ['receivedAt', ...source.contentKeys].map((key) => row.cells[key] ?? '');
    const blank = values.every(isBlankCell);
    const fp = contentFingerprint(values);
    // A row whose feedback row was written by a run stopped before the status write.
    const feedbackId = row.feedbackId !== '' || blank ? row.feedbackId : (orphans.get(row.sheetRow) ?? '');

    if (feedbackId === '') {
      // Not imported yet: a blank row has nothing to say; an incomplete one says what it lacks.
      if (blank) {
        if (row.status !== '') set(row, { status: '', feedbackId: '', fingerprint: '' });
        continue;
      }
      const missing = source.missing(row.cells);
      if (missing.length) {
        run.result.incomplete = (run.result.incomplete ?? 0) + 1;
        set(row, { status: t('row.incomplete', { missing: missingText(missing) }), feedbackId: '', fingerprint: '' });
        continue;
      }
      const { status, id } = accept(run, source.normalize(row.cells, typedRowKey(source.prefix, row.sheetRow, values), now));
      if (id) recorded++;
      set(row, { status, feedbackId: id, fingerprint: id ? fingerprintCell(fp) : '' });
      continue;
    }

    // A cleared row's feedback row is withdrawn (below, or by an earlier run): no longer recorded.
    if (!blank) recorded++;
    // Imported: unchanged since, nothing to do (but finish what a stopped run left).
    if (storedFingerprint(feedbackId, row.fingerprint) === fp) {
      if (feedbackId !== row.feedbackId) {
        const { status } = accept(run, source.normalize(row.cells, feedbackId, now));
        set(row, { status, feedbackId, fingerprint: fingerprintCell(fp) });
      }
      continue;
    }
    if (blank) {
      const flag = t('error.withdrawn', { date: today, tab: TABS[source.tab].name });
      run.corrections.push(withdrawnRecord(feedbackId, source.withdrawn.form, source.withdrawn.channel, flag));
      set(row, { status: t('row.withdrawn', { date: today, id: feedbackId }), feedbackId, fingerprint: fingerprintCell(fp) });
      continue;
    }
    const missing = source.missing(row.cells);
    if (missing.length) {
      // A correction half-typed: the feedback row keeps its last complete values until it is done.
      run.result.incomplete = (run.result.incomplete ?? 0) + 1;
      set(row, { status: t('row.correction_incomplete', { missing: missingText(missing) }), feedbackId, fingerprint: row.fingerprint });
      continue;
    }
    const normalizedRecord = source.normalize(row.cells, feedbackId, now).record;
    if (!normalizedRecord) continue; // cannot happen for a complete row
    const record = screen(run, normalizedRecord);
    if (record.flags.length) run.result.problems++;
    if (run.known.has(record.id)) run.corrections.push(record);
    else {
      // Its feedback row is gone (removed by hand): the corrected one takes its place.
      run.known.add(record.id);
      run.records.push(record);
    }
    const base = record.flags.length ? t('row.recorded_with_notes', { notes: record.flags.join('; ') }) : t('row.recorded');
    set(row, { status: t('row.corrected', { status: base, date: today }), feedbackId, fingerprint: fingerprintCell(fp) });
  }
  if (updates.length) run.after.push(() => tab.recordStatuses(updates));
  return recorded;
}
