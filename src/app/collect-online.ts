/**
 * The online forms' part of a collection run: new responses read from each form (the raw store
 * only its owner opens: adapters/form-responses.ts), keyed by day and place in the day, and the
 * migration of a form an earlier version linked to the workbook.
 */
import { normalizeFormResponse } from '../domain/normalize';
import type { FormDefinition, FormKey } from '../domain/types';
import {
  START,
  answersOfRow,
  keyRows,
  legacyResponseKey,
  mapResponseColumns,
  rememberTitles,
  responseKey,
  type TitleHistory,
  type Watermark,
} from '../domain/collect-keys';
import { dayKey, isDate } from '../domain/dates';
import { deleteKey, formKey, readFormRecord, readJson, writeJson, type FormRecord } from '../adapters/config';
import {
  FIRST_CURSOR,
  hasDestination,
  openOwnForm,
  readCursor,
  responseCount,
  responsesSince,
  unlinkDestination,
  type OwnForm,
  type ResponseCursor,
} from '../adapters/form-responses';
import { currentItemTitles } from '../adapters/google-forms';
import { deleteResponseTab, openResponseTab, rawResponseTab, type ResponseTab } from '../adapters/response-tabs';
import { accept, type Run } from './collect-run';

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
 * New responses one run takes from each form. Each costs a Forms call (getItemResponses), taken as
 * 200 ms (emulator/costs.ts: no published figure): 1,000 are ~200 s, well inside the 6-minute
 * limit with the rest of the run, so a killed run is not killed again at every retry. A form's
 * own trigger takes one at a time; only a backlog (triggers missing for a while) reaches the cap,
 * and the next run carries on from the cursor.
 */
export const MAX_RESPONSES_PER_RUN = 1_000;

function initialState(def: FormDefinition): FormState {
  const titles: TitleHistory = {};
  for (const item of def.items) titles[item.id] = [item.ka];
  return { mark: { ...START }, empty: 0, titles };
}

/**
 * One online form: its new responses, read from the form itself (the raw store only its owner can
 * open: adapters/form-responses.ts), keyed by day and place in the day, never by time. A form an
 * earlier version linked to the workbook is first unlinked, its response tab collected to the end
 * and its cursor seeded from that tab, then the tab deleted (migrateLinkedForm).
 */
export function collectForm(run: Run, def: FormDefinition): void {
  const record = readFormRecord(def.key);
  if (!record) {
    console.warn(`collect: form ${def.key} is not set up yet`);
    return;
  }
  // Only the owner (and editors) may open it: a staff member's run leaves it to the owner's triggers.
  const form = openOwnForm(record);
  if (!form) return;
  // Counted before the responses are read: one arriving meanwhile is then ahead, never a false gap.
  const submitted = run.reconcile ? responseCount(form) : null;
  let cursor = readCursor(def.key);
  // Linked by an earlier version (its record names the tab), or by hand since (checked by the
  // hourly and menu runs only: one Forms call, not on every submission).
  if (record.responseSheet || (run.reconcile && hasDestination(form))) cursor = migrateLinkedForm(run, def, record, form, cursor);
  const start: ResponseCursor = cursor ?? { ...FIRST_CURSOR, seen: [] };
  const seen = new Set(start.seen);
  const all = responsesSince(form, record, start.after, (id, ms) => seen.has(id) || (start.after !== null && ms < start.after));
  const next: ResponseCursor = { ...start, seen: [...start.seen] };
  let taken = 0;
  let pending = 0;
  let lastMs = Number.NaN;
  let msOccurrence = 0;
  for (const response of all) {
    const ms = response.timestamp.getTime();
    // Already collected: before the cursor, or at its instant and seen there (getResponses(date) includes it).
    if (seen.has(response.id) || (start.after !== null && ms < start.after)) continue;
    if (taken >= MAX_RESPONSES_PER_RUN) {
      pending++;
      continue;
    }
    taken++;
    const day = dayKey(response.timestamp);
    if (day !== next.day) {
      next.day = day;
      next.count = 0;
    }
    msOccurrence = ms === lastMs ? msOccurrence + 1 : 0;
    lastMs = ms;
    const key = responseKey(def.key, response.timestamp, next.count);
    next.count++;
    next.seen = next.after === ms ? [...next.seen, response.id] : [response.id];
    next.after = ms;
    // Collected before keys lost their time: known under the old key, not imported again.
    if (run.known.has(legacyResponseKey(def.key, response.timestamp, msOccurrence))) continue;
    const normalized = normalizeFormResponse({
      form: def,
      responseId: key,
      timestamp: response.timestamp,
      answers: response.answers,
      channel: def.onlineChannel,
      services: run.services,
      themes: run.themes,
    });
    if (!normalized.record) next.empty++;
    accept(run, normalized);
  }
  if (pending) run.result.more = true;
  if (JSON.stringify(next) !== JSON.stringify(cursor)) run.cursors[def.key] = next;
  reconcileForm(run, def.key, submitted, next.empty, pending);
}

/**
 * A form an earlier version linked to the workbook (its record names a response tab). In this
 * order, each step safe to repeat after a crash:
 *  1. the destination is removed: Google writes nothing more into the tab;
 *  2. the tab is collected to its end as before (keys already in the feedback table are skipped);
 *  3. the form's cursor is seeded after the tab's last row, with that day's count, so the form's
 *     next responses continue the tab's keys: nothing collected twice, nothing skipped;
 *  4. after this run's feedback rows and the cursor are saved, the tab is deleted, then the record
 *     forgets it. A crash before 4 leaves the tab and the record: the next run finds the cursor
 *     saved (no second seeding) and deletes the tab.
 * Returns the cursor to read the form from.
 */
function migrateLinkedForm(run: Run, def: FormDefinition, linkedRecord: FormRecord, form: OwnForm, cursor: ResponseCursor | null): ResponseCursor | null {
  let record = linkedRecord;
  if (!record.responseSheet) {
    // Linked by hand: the tab's name is remembered first, as unlinking loses the tab's link to the form.
    const name = rawResponseTab(record, '');
    if (name) {
      record = { ...record, responseSheet: name };
      writeJson(formKey(def.key), record);
    }
  }
  if (unlinkDestination(form)) console.info(`collect: form ${def.key} no longer writes into the workbook`);
  const tab = openResponseTab(record);
  let seeded = cursor;
  if (!seeded && tab) {
    const tabEnd = collectTab(run, def, record, tab);
    seeded = seedCursor(form, record, tabEnd);
  }
  run.cursors[def.key] = seeded ?? { ...FIRST_CURSOR, seen: [] };
  run.afterCursors.push(() => {
    if (deleteResponseTab(record)) console.info(`collect: the raw response tab of ${def.key} is deleted; its responses stay in the form`);
    writeJson(formKey(def.key), { ...record, responseSheet: '' } satisfies FormRecord);
    deleteKey(stateKey(def.key));
  });
  return seeded;
}

/**
 * The cursor after a tab's last row: every response up to that row's time is collected. A sheet
 * may hold Google's time to the whole second, so responses within that second count as the tab's
 * (a response after the unlink within the same second as the tab's last one is the one case this
 * misses; the reconciliation then reports it).
 */
function seedCursor(form: OwnForm, record: FormRecord, end: TabEnd): ResponseCursor {
  if (end.lastMs === null) return { ...FIRST_CURSOR, seen: [], empty: end.empty };
  const tolerance = end.lastMs % 1000 === 0 ? 999 : 0;
  const last = end.lastMs;
  const inTab = responsesSince(form, record, last, (_id, ms) => ms > last + tolerance);
  const after = inTab.reduce((max, r) => Math.max(max, r.timestamp.getTime()), end.lastMs);
  return {
    after,
    seen: inTab.filter((r) => r.timestamp.getTime() === after).map((r) => r.id),
    day: end.day,
    count: end.count,
    empty: end.empty,
  };
}

/** Where a response tab ended: its last row's time, that day's key and row count, its empty submissions. */
interface TabEnd {
  lastMs: number | null;
  day: string;
  count: number;
  empty: number;
}

/** Collects a linked form's response tab to its end (the way every version before the migration read it). */
function collectTab(run: Run, def: FormDefinition, record: FormRecord, tab: ResponseTab): TabEnd {
  const state = readJson<FormState>(stateKey(def.key)) ?? initialState(def);
  const { lastRow, lastColumn } = tab.extent();
  if (lastRow < 2 || lastColumn < 1) return { lastMs: null, day: '', count: 0, empty: state.empty };
  rememberTitles(state.titles, currentItemTitles(record));
  const map = mapResponseColumns(
    tab.header(lastColumn),
    state.titles,
    def.items.map((item) => item.id),
  );
  if (map.unknown.length) console.warn(`collect: ${def.key} columns not matched to any item: ${map.unknown.join(' | ')}`);
  let full = state.mark.row < 2 || lastRow < state.mark.row;
  let keyed = full
    ? keyRows(def.key, tab.rows(2, lastRow, lastColumn), 2, START)
    : keyRows(def.key, tab.rows(state.mark.row, lastRow, lastColumn), state.mark.row, state.mark);
  if (!keyed) {
    // The tab no longer looks as it did (rows deleted or sorted by hand): read it all again.
    full = true;
    keyed = keyRows(def.key, tab.rows(2, lastRow, lastColumn), 2, START) as NonNullable<ReturnType<typeof keyRows>>;
  }
  let empty = 0;
  let lastMs: number | null = null;
  for (const { key, legacyKey, row } of keyed.keyed) {
    if (isDate(row[0]) && !Number.isNaN(row[0].getTime())) lastMs = row[0].getTime();
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
  if (lastMs === null) {
    // Nothing new since the watermark: the time of the tab's last row.
    const last = tab.rows(lastRow, lastRow, lastColumn)[0]?.[0];
    if (isDate(last) && !Number.isNaN(last.getTime())) lastMs = last.getTime();
  }
  return { lastMs, day: keyed.next.tailStamp, count: keyed.next.tailCount, empty: full ? empty : state.empty + empty };
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
