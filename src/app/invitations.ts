/**
 * Issue 4: the N2 invitation, sent once when a case is closed.
 *
 * The installable edit trigger acts on the edited rows at once; the hourly sweep sends whatever
 * it did not (rows closed by import or script, deferred, failed, left by a busy lock). Exactly
 * once is kept by the invitations log, one row per case: a batch of cases is marked `sending`
 * in one write before its first message and recorded `sent` after, and a run killed in between
 * is resolved by the next through MailApp's remaining quota (domain/invitations.ts
 * resolveMarkers). The applications tab only shows what the log says; the log is the authority.
 */
import { TABS } from '../domain/schema';
import {
  INVITE_TEXT,
  LOG_STATE_KA,
  attemptsOf,
  caseKey,
  composeInvitation,
  expiredEmailRows,
  failedNote,
  finalStatus,
  formatMarker,
  isClosedStatus,
  isFinal,
  isPermanentMailError,
  MAX_SEND_ATTEMPTS,
  parseLogState,
  parseMarker,
  planInvitations,
  resolveMarkers,
  sendAllowance,
  sentOnDay,
  summaryText,
  type ApplicationRow,
  type LogRecord,
  type PlannedSend,
} from '../domain/invitations';
import { parseServices } from '../domain/settings';
import { escapeForSheet, unescapeFromSheet } from '../domain/sanitize';
import { isDate } from '../domain/dates';
import { t } from '../domain/i18n';
import type { Service, Settings } from '../domain/types';
import { cell, getTab, readTable, rowFromKeys, text, writeColumns, type Table } from '../adapters/tables';
import { formKey, readJson, type FormRecord } from '../adapters/config';
import { remainingDailyQuota, sendMail } from '../adapters/mail';
import { loadSettings, workbook } from './context';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SweepResult {
  sent: number;
  deferred: number;
  failed: number;
  skipped: number;
  more: boolean;
  /** Rows staff should fix (bad email, no case number …) and refused sends. */
  problems: number;
  /** The run found another execution holding the lock and left everything for the next one. */
  locked?: boolean;
}

/** An edit trigger must not keep staff's edits waiting: it leaves the rows to the sweep instead. */
const EDIT_LOCK_WAIT_MS = 5_000;
const SWEEP_LOCK_WAIT_MS = 30_000;
/** Apps Script stops an execution at 6 minutes; a run stops sending well before. */
const TIME_BUDGET_MS = 4.5 * 60 * 1000;
/** Cases marked `sending` per log write; bounds what an unresolvable crash could leave unknown. */
const BATCH_SIZE = 50;

export function handleWorkbookEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const startedAt = new Date().getTime();
  const range = e && e.range;
  if (!range || range.getSheet().getName() !== TABS.applications.name) return;
  const firstRow = range.getRow();
  const lastRow = firstRow + range.getNumRows() - 1;
  if (lastRow < 2) return;
  // Data-row indexes (sheet row 2 is index 0). e.value is undefined for a block: the run re-reads.
  const result = runInvitations({ only: { first: Math.max(firstRow, 2) - 2, last: lastRow - 2 }, lockWaitMs: EDIT_LOCK_WAIT_MS, startedAt });
  console.info(`onWorkbookEdit invitations: ${JSON.stringify(result)}`);
}

export function sweepInvitations(): SweepResult {
  return runInvitations({ lockWaitMs: SWEEP_LOCK_WAIT_MS, startedAt: new Date().getTime() });
}

export function sendInvitationsAction(): string {
  const result = sweepInvitations();
  if (result.locked) return 'მოწვევებს ამ წუთას სხვა პროცესი აგზავნის. სცადეთ ერთ წუთში ხელახლა.';
  return summaryText(result);
}

/** Clears applicants' emails from closed cases invited more than emailRetentionDays ago; one write. */
export function clearExpiredEmails(): number {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(SWEEP_LOCK_WAIT_MS)) {
    console.warn('clearExpiredEmails: lock busy; will run again tomorrow');
    return 0;
  }
  try {
    const ss = workbook();
    const settings = loadSettings(ss).value;
    const apps = readTable(getTab(ss, TABS.applications), TABS.applications.columns);
    const log = openLog(ss);
    const expired = expiredEmailRows(applicationRows(apps), log.records, new Date(), settings.emailRetentionDays);
    const column = apps.index.email;
    if (expired.length === 0 || column < 0) return 0;
    for (const i of expired) apps.rows[i][column] = '';
    writeColumns(apps, ['email'], expired);
    console.info(`clearExpiredEmails: cleared ${expired.length} addresses`);
    return expired.length;
  } finally {
    lock.releaseLock();
  }
}

// ---------------------------------------------------------------------------------------------

interface RunOptions {
  /** Data-row indexes an edit touched; absent for the sweep (every row). */
  only?: { first: number; last: number };
  lockWaitMs: number;
  startedAt: number;
}

interface Display {
  status: string;
  at: Date | '';
}

function runInvitations(options: RunOptions): SweepResult {
  const result: SweepResult = { sent: 0, deferred: 0, failed: 0, skipped: 0, more: false, problems: 0 };
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(options.lockWaitMs)) {
    // Another run is sending. Nothing is lost: the closed rows stay pending for the hourly sweep.
    console.warn('invitations: lock busy; rows are left for the next sweep');
    return { ...result, more: true, locked: true };
  }
  try {
    const ss = workbook();
    const apps = readTable(getTab(ss, TABS.applications), TABS.applications.columns);
    const rows = applicationRows(apps);
    let only: Set<number> | undefined;
    if (options.only) {
      only = new Set(rows.filter((r) => r.index >= options.only!.first && r.index <= options.only!.last).map((r) => r.index));
      if (!rows.some((r) => only!.has(r.index) && isClosedStatus(r.status))) return result;
    }
    // Interrupted sends are resolved first, while the quota still tells what went out.
    const log = openLog(ss);
    resolveLeftovers(log);
    const settings = loadSettings(ss).value;
    const { services, links } = loadServiceLinks(ss);
    const genericUrl = readJson<FormRecord>(formKey('N2'))?.publishedUrl ?? null;
    const plan = planInvitations({ rows, log: log.records, services, links, genericUrl, only });
    fillClosedAt(apps, plan.fillClosedAt);

    const display = new Map<number, Display>();
    const now = new Date();
    for (const outcome of plan.outcomes) {
      display.set(outcome.index, { status: outcome.status, at: '' });
      result.skipped++;
      if (outcome.problem) result.problems++;
      if (outcome.log) log.put({ caseId: outcome.caseId, service: outcome.service, state: outcome.log.state, at: now, note: outcome.log.note });
    }
    sendAll(plan.sends, { log, display, result, settings, startedAt: options.startedAt });
    withRetry(() => log.flush());
    showStatuses(apps, rows, log, display);
    return result;
  } finally {
    lock.releaseLock();
  }
}

interface SendContext {
  log: InvitationLog;
  display: Map<number, Display>;
  result: SweepResult;
  settings: Settings;
  startedAt: number;
}

/**
 * Sends in batches. Before a batch's first message its cases are marked `sending` (one log write,
 * with the quota left); a batch stops at its first refused message, so that the quota tells a
 * later run exactly which of the batch went out if this one is killed.
 */
function sendAll(sends: PlannedSend[], ctx: SendContext): void {
  const { log, display, result } = ctx;
  const elapsed = (): number => new Date().getTime() - ctx.startedAt;
  const leave = (from: number, state: 'queued' | 'deferred'): void => {
    for (const send of sends.slice(from)) {
      log.put({ caseId: send.caseId, service: send.service, state, at: new Date(), note: '' });
      display.set(send.index, { status: state === 'deferred' ? t('invite.deferred_quota') : INVITE_TEXT.queued, at: '' });
      if (state === 'deferred') result.deferred++;
    }
    if (state === 'queued' && from < sends.length) result.more = true;
  };
  let i = 0;
  while (i < sends.length) {
    if (elapsed() > TIME_BUDGET_MS) return leave(i, 'queued');
    const quota = remainingDailyQuota();
    // The settings' daily cap counts today's invitations from the log; the marker keeps Google's
    // own remaining quota, which is what tells a later run what a killed batch sent.
    const allowance = sendAllowance(quota, ctx.settings.mailQuotaPerDay, sentOnDay(log.records.values(), new Date()));
    if (allowance <= 0) return leave(i, 'deferred');
    const batch = sends.slice(i, i + Math.min(BATCH_SIZE, allowance));
    const before = new Map(batch.map((s) => [caseKey(s.caseId), log.records.get(caseKey(s.caseId))]));
    const batchId = `${ctx.startedAt.toString(36)}.${i}`;
    const markedAt = new Date();
    batch.forEach((send, seq) =>
      log.put({ caseId: send.caseId, service: send.service, state: 'sending', at: markedAt, note: formatMarker({ batch: batchId, seq, quotaBefore: quota }, send.sentNote) }),
    );
    withRetry(() => log.flush());
    let done = 0;
    let stop: 'quota' | 'time' | null = null;
    for (const send of batch) {
      if (elapsed() > TIME_BUDGET_MS) {
        stop = 'time';
        break;
      }
      const message = composeInvitation({ municipality: ctx.settings.municipality, serviceName: send.serviceName, link: send.link });
      const outcome = sendMail({ to: send.email, ...message, name: ctx.settings.senderName, replyTo: ctx.settings.replyTo });
      if (outcome.ok) {
        done++;
        const at = new Date();
        log.put({ caseId: send.caseId, service: send.service, state: 'sent', at, note: send.sentNote });
        display.set(send.index, { status: send.sentStatus, at });
        result.sent++;
        continue;
      }
      if (outcome.quota) {
        stop = 'quota';
        break;
      }
      // Refused: recorded and retried by later sweeps; only a refused address counts towards the cap.
      done++;
      const attempts = attemptsOf(before.get(caseKey(send.caseId))) + (isPermanentMailError(outcome.message) ? 1 : 0);
      const record: LogRecord = { caseId: send.caseId, service: send.service, state: 'failed', at: new Date(), note: failedNote(attempts, 'Google-მა წერილი არ მიიღო') };
      log.put(record);
      const reason = INVITE_TEXT.mailRefused.replace('{message}', outcome.message);
      display.set(send.index, { status: attempts >= MAX_SEND_ATTEMPTS ? finalStatus(record) : `${t('invite.failed', 'ka', { reason })} — ხელახლა ვცდით`, at: '' });
      result.failed++;
      result.problems++;
      console.warn(`invitation refused for case ${send.caseId}: ${outcome.message}`);
      break;
    }
    i += done;
    if (stop === 'quota') leave(i, 'deferred');
    else if (stop === 'time') leave(i, 'queued');
    // The rest of a batch cut short by a refusal goes in the next batch, under a fresh marker.
    else for (const send of batch.slice(done)) log.put({ ...(before.get(caseKey(send.caseId)) ?? emptyRecord(send)), state: 'queued', note: '' });
    // The batch's outcome is recorded at once, while the quota still tells what was sent.
    withRetry(() => log.flush());
    if (stop) return;
  }
}

/**
 * Retries a write that Google failed transiently ("Service Spreadsheets timed out …"), so that
 * what was sent gets recorded; an execution that is being killed fails every try and stops here.
 */
function withRetry(write: () => void, tries = 3): void {
  for (let attempt = 1; ; attempt++) {
    try {
      write();
      return;
    } catch (err) {
      if (attempt >= tries) throw err;
      console.warn(`write failed (attempt ${attempt}), retrying: ${String((err as Error)?.message ?? err)}`);
    }
  }
}

function emptyRecord(send: PlannedSend): LogRecord {
  return { caseId: send.caseId, service: send.service, state: 'queued', at: new Date(), note: '' };
}

/**
 * Cases a killed run left `sending`: each is decided sent, not sent (queued again) or unknown
 * (never resent), and the decision is written before anything else is sent.
 */
function resolveLeftovers(log: InvitationLog): void {
  const leftovers = [...log.records.values()].filter((r) => r.state === 'sending');
  if (leftovers.length === 0) return;
  const remaining = remainingDailyQuota();
  const outcomes = resolveMarkers(
    leftovers.map((r) => ({ caseId: caseKey(r.caseId), marker: parseMarker(r.note), markedAt: r.at })),
    remaining,
    new Date(),
  );
  for (const record of leftovers) {
    const outcome = outcomes.get(caseKey(record.caseId));
    const keptNote = parseMarker(record.note)?.note ?? '';
    if (outcome === 'sent') log.put({ ...record, state: 'sent', note: keptNote });
    else if (outcome === 'not_sent') log.put({ ...record, state: 'queued', note: '' });
    else log.put({ ...record, state: 'unknown', note: 'შესრულება გაგზავნისას შეწყდა; შედეგი ვერ დადგინდა' });
    console.warn(`invitation of case ${record.caseId} was interrupted; resolved as ${outcome ?? 'unknown'}`);
  }
  withRetry(() => log.flush());
}

/**
 * Fills the closing date of rows set closed without one, in one write however they are spread.
 * The column is read again just before: the rows in between go back as staff left them, and a
 * date typed meanwhile is kept.
 */
function fillClosedAt(apps: Table, indexes: number[]): void {
  const column = apps.index.closedAt;
  if (indexes.length === 0 || column < 0) return;
  const first = Math.min(...indexes);
  const fresh = apps.sheet.getRange(first + 2, column + 1, Math.max(...indexes) - first + 1, 1).getValues();
  fresh.forEach(([value], k) => (apps.rows[first + k][column] = value));
  const now = new Date();
  const blank = indexes.filter((i) => apps.rows[i][column] === '' || apps.rows[i][column] === null);
  for (const i of blank) apps.rows[i][column] = now;
  writeColumns(apps, ['closedAt'], blank);
}

/** Writes what each row should show (this run's outcome, or the log's final word) in one write. */
function showStatuses(apps: Table, rows: ApplicationRow[], log: InvitationLog, display: Map<number, Display>): void {
  const statusCol = apps.index.inviteStatus;
  const atCol = apps.index.inviteAt;
  if (statusCol < 0) return;
  const changed: number[] = [];
  for (const row of rows) {
    let wanted: Display | null = display.get(row.index) ?? null;
    if (!wanted) {
      const record = log.records.get(caseKey(row.caseId));
      if (record && caseKey(row.caseId) !== '' && isFinal(record)) wanted = { status: finalStatus(record), at: record.state === 'failed' ? '' : record.at ?? '' };
      else if (!isClosedStatus(row.status)) wanted = { status: '', at: '' };
    }
    if (!wanted) continue;
    const line = apps.rows[row.index];
    const status = escapeForSheet(wanted.status);
    const currentAt = atCol >= 0 ? line[atCol] : '';
    const sameAt = wanted.at === '' ? currentAt === '' || currentAt === null : isDate(currentAt) && currentAt.getTime() === wanted.at.getTime();
    if (String(line[statusCol] ?? '') === wanted.status && sameAt) continue;
    line[statusCol] = status;
    if (atCol >= 0) line[atCol] = wanted.at;
    changed.push(row.index);
  }
  writeColumns(apps, ['inviteStatus', 'inviteAt'], changed);
}

function applicationRows(apps: Table): ApplicationRow[] {
  return apps.rows.map((row, index) => ({
    index,
    caseId: cell(apps, row, 'caseId'),
    service: cell(apps, row, 'service'),
    email: cell(apps, row, 'email'),
    status: cell(apps, row, 'status'),
    closedAt: cell(apps, row, 'closedAt'),
  }));
}

/** The services tab in one read: the services and each one's prefilled N2 link. */
function loadServiceLinks(ss: Spreadsheet): { services: Service[]; links: Map<string, string> } {
  const table = readTable(getTab(ss, TABS.services), TABS.services.columns);
  const services = parseServices(table.rows.map((r) => ({ code: cell(table, r, 'code'), ka: cell(table, r, 'ka'), invite: cell(table, r, 'invite') })));
  const links = new Map<string, string>();
  for (const row of table.rows) {
    const code = text(table, row, 'code');
    const link = unescapeFromSheet(text(table, row, 'n2Link'));
    if (code && link && !links.has(code)) links.set(code, link);
  }
  return { services, links };
}

// --- the invitations log ----------------------------------------------------------------------

interface InvitationLog {
  /** By case key. */
  records: Map<string, LogRecord>;
  put(record: LogRecord): void;
  /** Writes every changed row in one write. */
  flush(): void;
}

function openLog(ss: Spreadsheet): InvitationLog {
  const table = readTable(getTab(ss, TABS.invitations), TABS.invitations.columns);
  const records = new Map<string, LogRecord>();
  const rowOf = new Map<string, number>();
  /** The record each sheet row holds (null: a row this code cannot read, kept as it is). */
  const byRow: Array<LogRecord | null> = table.rows.map((row, i) => {
    const key = caseKey(text(table, row, 'caseId'));
    const state = parseLogState(text(table, row, 'status'));
    if (key === '' || !state || records.has(key)) return null;
    const at = cell(table, row, 'at');
    const record: LogRecord = { caseId: text(table, row, 'caseId'), service: text(table, row, 'service'), state, at: isDate(at) ? new Date(at.getTime()) : null, note: text(table, row, 'note') };
    records.set(key, record);
    rowOf.set(key, i);
    return record;
  });
  const changed = new Set<number>();
  let maxRows: number | null = null;

  const render = (record: LogRecord): unknown[] =>
    rowFromKeys(table, {
      caseId: escapeForSheet(record.caseId),
      service: escapeForSheet(record.service),
      status: LOG_STATE_KA[record.state],
      at: record.at ?? '',
      note: escapeForSheet(record.note),
    });

  return {
    records,
    put(record: LogRecord): void {
      const key = caseKey(record.caseId);
      const existing = records.get(key);
      if (existing && sameRecord(existing, record)) return;
      // A status that did not change keeps the time it was first recorded.
      const kept: LogRecord = existing && existing.state === record.state && existing.note === record.note ? { ...record, at: existing.at } : record;
      records.set(key, kept);
      let index = rowOf.get(key);
      if (index === undefined) {
        index = table.rows.length;
        table.rows.push([]);
        byRow.push(kept);
        rowOf.set(key, index);
      } else {
        byRow[index] = kept;
      }
      changed.add(index);
    },
    flush(): void {
      if (changed.size === 0) return;
      const indexes = [...changed];
      const first = Math.min(...indexes);
      const last = Math.max(...indexes);
      const width = table.header.length;
      if (maxRows === null) maxRows = table.sheet.getMaxRows();
      if (last + 2 > maxRows) {
        table.sheet.insertRowsAfter(maxRows, last + 2 - maxRows + 100);
        maxRows = last + 2 + 100;
      }
      const block: unknown[][] = [];
      for (let i = first; i <= last; i++) {
        const record = byRow[i];
        const line = record ? render(record) : table.rows[i].map((v) => (typeof v === 'string' ? escapeForSheet(v) : v));
        block.push(Array.from({ length: width }, (_, j) => (line[j] === undefined || line[j] === null ? '' : line[j])));
      }
      table.sheet.getRange(first + 2, 1, block.length, width).setValues(block);
      changed.clear();
    },
  };
}

function sameRecord(a: LogRecord, b: LogRecord): boolean {
  return a.state === b.state && a.note === b.note && a.service === b.service && a.caseId === b.caseId;
}
