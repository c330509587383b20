/**
 * N2 invitations, the send protocol: at most once per case, kept by the invitations log. Each
 * case is marked `sending` in the log right before its message and recorded `sent` right after
 * (that record goes out with the next case's marker, in the same write), so a run killed in
 * between leaves one case whose outcome cannot be known: the next run records it `unknown`
 * (resolveInterrupted), never sent again and never shown as sent. The log and the mail service
 * come in as ports; src/app/invitations.ts reads the tabs, plans (invitation-plan.ts) and hands
 * over here.
 */
import {
  MAX_SEND_ATTEMPTS,
  attemptsOf,
  caseKey,
  failedNote,
  finalStatus,
  formatMarker,
  isFinal,
  resolveMarkers,
  sendAllowance,
  sentOnDay,
  type LogRecord,
} from './invitation-log';
import { isClosedStatus, type ApplicationRow, type Plan, type PlannedSend } from './invitation-plan';
import { composeInvitation, type OutgoingMail, type SendOutcome } from './mails';
import { t } from './messages';
import { composeSms, type SmsOutcome } from './sms';
import { TABS } from './schema';
import type { Settings } from './types';

export { caseOwners, expiredEmailRows, expiredPhoneRows, planInvitations, usedPhoneRows, type ApplicationRow } from './invitation-plan';

/** The invitations log as the protocol uses it (adapters/invitation-log.ts keeps it in its tab). */
export interface Ledger {
  /** By case key. */
  readonly records: ReadonlyMap<string, LogRecord>;
  put(record: LogRecord): void;
  /** Writes every change in one write; retried when Google fails transiently. */
  flush(): void;
}

/** The mail service as the protocol uses it (adapters/mail.ts). */
export interface Mailer {
  remainingDailyQuota(): number;
  send(mail: OutgoingMail): SendOutcome;
}

/** The SMS gateway as the protocol uses it (adapters/sms-gateway.ts). */
export interface SmsPort {
  /** Its name, as the log notes say who accepted a message. */
  provider: string;
  send(msisdn: string, text: string): SmsOutcome;
}

export interface SendRun {
  ledger: Ledger;
  mail: Mailer;
  /** The SMS gateway; null when SMS is off or has no key (SMS sends are then not planned into a run). */
  sms?: SmsPort | null;
  settings: Pick<Settings, 'municipality' | 'senderName' | 'replyTo' | 'mailQuotaPerDay'> & Partial<Pick<Settings, 'contactPhone' | 'smsPerDay'>>;
  /** When the execution began, in ms: the time budget counts from here. */
  startedAt: number;
  /** A run stops sending this long after it began, well before Apps Script's 6-minute limit. */
  budgetMs: number;
  now(): Date;
  warn(message: string): void;
}

export interface SendCounts {
  sent: number;
  deferred: number;
  failed: number;
  skipped: number;
  /** Cases a killed run left mid-send, found by this run: recorded unknown, never resent. */
  unknown: number;
  /** Rows staff should fix (bad email, no case number …) and refused sends. */
  problems: number;
  /** Cases left for the next run (the time budget ran out). */
  more: boolean;
}

/** What a row of the applications tab shows: the status, and when the invitation went. */
export interface RowDisplay {
  status: string;
  at: Date | '';
}

/**
 * Cases a killed run left `sending`: whether the message went out cannot be known, so each is
 * recorded `unknown` (never resent, shown as such on its row) before anything else is sent.
 * Returns how many.
 */
export function resolveInterrupted(run: Pick<SendRun, 'ledger' | 'now' | 'warn'>): number {
  const { ledger } = run;
  const leftovers = [...ledger.records.values()].filter((r) => r.state === 'sending');
  if (leftovers.length === 0) return 0;
  const outcomes = resolveMarkers(leftovers.map((r) => ({ caseId: caseKey(r.caseId) })));
  for (const record of leftovers) {
    const outcome = outcomes.get(caseKey(record.caseId)) ?? 'unknown';
    ledger.put({ ...record, state: 'unknown', note: t('log.interrupted') });
    run.warn(`invitation of case ${record.caseId} was interrupted; resolved as ${outcome}`);
  }
  ledger.flush();
  return leftovers.length;
}

/**
 * Moves a case's log record to its corrected number (the edit trigger saw the number change from
 * `from` to `to`), so that the case keeps what it was sent. The old number's row of the log says
 * where the case went. Nothing moves onto a number that already has a record of its own.
 */
export function moveCase(ledger: Ledger, from: string, to: string, now: Date): boolean {
  const record = ledger.records.get(caseKey(from));
  const target = ledger.records.get(caseKey(to));
  if (!record || caseKey(to) === '' || caseKey(from) === caseKey(to) || (target && target.state !== 'skipped')) return false;
  ledger.put({ ...record, caseId: to.trim() });
  ledger.put({ caseId: record.caseId, service: record.service, state: 'skipped', at: now, note: t('log.renumbered', { caseId: to.trim() }), ref: '' });
  return true;
}

/**
 * Records what the plan decided without sending (renumbered cases moved in the log first), then
 * sends its invitations one by one: each case is marked `sending` right before its message.
 */
export function sendInvitations(
  plan: Pick<Plan, 'sends' | 'outcomes'> & Partial<Pick<Plan, 'moves'>>,
  run: SendRun,
): { counts: SendCounts; display: Map<number, RowDisplay> } {
  const counts: SendCounts = { sent: 0, deferred: 0, failed: 0, skipped: 0, unknown: 0, more: false, problems: 0 };
  const display = new Map<number, RowDisplay>();
  const now = run.now();
  for (const move of plan.moves ?? []) {
    if (moveCase(run.ledger, move.from, move.to, now)) run.warn(`a case was renumbered; its invitation record moved to the new number`);
  }
  for (const outcome of plan.outcomes) {
    display.set(outcome.index, { status: outcome.status, at: '' });
    counts.skipped++;
    if (outcome.problem) counts.problems++;
    if (outcome.log)
      run.ledger.put({
        caseId: outcome.caseId,
        service: outcome.service,
        state: outcome.log.state,
        at: now,
        note: outcome.log.note,
        channel: outcome.log.channel,
      });
  }
  sendEach(plan.sends, run, counts, display);
  run.ledger.flush();
  return { counts, display };
}

type Channel = PlannedSend['channel'];

/** A channel that stopped sending for this run: its other cases are left in this state. */
interface Halt {
  state: 'queued' | 'deferred';
  status: string;
}

function sendEach(sends: PlannedSend[], run: SendRun, counts: SendCounts, display: Map<number, RowDisplay>): void {
  const { ledger } = run;
  const elapsed = (): number => run.now().getTime() - run.startedAt;
  const halted = new Map<Channel, Halt>();
  const leave = (send: PlannedSend, halt: Halt): void => {
    ledger.put({ caseId: send.caseId, service: send.service, state: halt.state, at: run.now(), note: '', ref: send.ref, channel: send.channel });
    display.set(send.index, { status: halt.status, at: '' });
    if (halt.state === 'deferred') counts.deferred++;
    else counts.more = true;
  };
  if (sends.length === 0) return;
  // Google's quota and the settings' daily cap, read once; each message sent counts down both.
  // SMS have their own cap (smsPerDay); Apps Script's URL Fetch quota cannot be read, only met.
  let quota = sends.some((send) => send.channel === 'email') ? run.mail.remainingDailyQuota() : 0;
  let sentToday = sentOnDay(ledger.records.values(), run.now());
  let smsToday = sentOnDay(ledger.records.values(), run.now(), undefined, 'sms');
  // A random run id: the log is readable by every editor, and a time in it would date the sends.
  const runId = Math.floor(Math.random() * 36 ** 6).toString(36);
  const queued: Halt = { state: 'queued', status: t('invite.queued') };
  for (let i = 0; i < sends.length; i++) {
    const send = sends[i];
    if (elapsed() > run.budgetMs) {
      for (const rest of sends.slice(i)) leave(rest, halted.get(rest.channel) ?? queued);
      return;
    }
    const halt = halted.get(send.channel);
    if (halt) {
      leave(send, halt);
      continue;
    }
    const sms = send.channel === 'sms' ? run.sms : null;
    const text = send.channel === 'sms' ? composeSms(send.link) : null;
    if (send.channel === 'sms' && (!sms || text === null)) {
      // Not planned so (app/invitations.ts holds SMS without a key; the plan refuses a long link).
      leave(send, queued);
      continue;
    }
    const allowance =
      send.channel === 'email'
        ? sendAllowance(quota, run.settings.mailQuotaPerDay, sentToday)
        : (run.settings.smsPerDay ?? Number.POSITIVE_INFINITY) - smsToday;
    if (allowance <= 0) {
      const stop: Halt = {
        state: 'deferred',
        status: send.channel === 'email' ? t('invite.deferred_quota') : t('sms.deferred', { reason: t('invite.deferred_quota') }),
      };
      halted.set(send.channel, stop);
      leave(send, stop);
      continue;
    }
    const before = ledger.records.get(caseKey(send.caseId));
    // The marker goes out with the previous case's `sent`, in one write, before this message.
    ledger.put({
      caseId: send.caseId,
      service: send.service,
      state: 'sending',
      at: run.now(),
      note: formatMarker({ batch: runId, seq: i, quotaBefore: send.channel === 'email' ? quota : smsToday }, send.sentNote),
      ref: send.ref,
      channel: send.channel,
    });
    ledger.flush();
    if (sms && text !== null) {
      const outcome = sms.send(send.phone, text);
      if (outcome.ok) smsToday++;
      recordSms(send, outcome, before, run, counts, display, halted);
      continue;
    }
    const message = composeInvitation({
      municipality: run.settings.municipality,
      serviceName: send.serviceName,
      link: send.link,
      appliedOn: send.appliedOn,
      contactPhone: run.settings.contactPhone,
    });
    const outcome = run.mail.send({ to: send.email, ...message, name: run.settings.senderName, replyTo: run.settings.replyTo });
    if (outcome.ok) {
      const at = run.now();
      ledger.put({ caseId: send.caseId, service: send.service, state: 'sent', at, note: send.sentNote, ref: send.ref, channel: 'email' });
      display.set(send.index, { status: send.sentStatus, at });
      counts.sent++;
      quota--;
      sentToday++;
      continue;
    }
    if (outcome.quota) {
      const stop: Halt = { state: 'deferred', status: t('invite.deferred_quota') };
      halted.set('email', stop);
      leave(send, stop);
      continue;
    }
    // Refused: recorded and retried by later sweeps; only a refused address counts towards the cap.
    const attempts = attemptsOf(before) + (outcome.permanent ? 1 : 0);
    const record: LogRecord = {
      caseId: send.caseId,
      service: send.service,
      state: 'failed',
      at: run.now(),
      note: failedNote(attempts, t('log.mail_refused')),
      ref: send.ref,
      channel: 'email',
    };
    ledger.put(record);
    const reason = t('invite.mail_refused', { message: outcome.message });
    display.set(send.index, { status: attempts >= MAX_SEND_ATTEMPTS ? finalStatus(record) : t('invite.failed_retrying', { reason }), at: '' });
    counts.failed++;
    counts.problems++;
    run.warn(`invitation refused for case ${send.caseId}: ${outcome.message}`);
  }
}

/**
 * What the gateway's answer makes of one SMS: sent (the provider's id kept for its delivery
 * report); nothing sent and the other SMS of the run wait (the day's URL Fetch calls used up,
 * throttling, a refused key or an empty balance); refused and retried (the number: counted
 * towards the attempts; the gateway failing: not); or unknown, when the request may have reached
 * the gateway — never sent again, as a killed run's marker.
 */
function recordSms(
  send: PlannedSend,
  outcome: SmsOutcome,
  before: LogRecord | undefined,
  run: SendRun,
  counts: SendCounts,
  display: Map<number, RowDisplay>,
  halted: Map<Channel, Halt>,
): void {
  const { ledger } = run;
  const base = { caseId: send.caseId, service: send.service, ref: send.ref, channel: 'sms' as const };
  if (outcome.ok) {
    const at = run.now();
    const note = t('sms.accepted', { provider: run.sms?.provider ?? '', id: outcome.id || '?' });
    ledger.put({ ...base, state: 'sent', at, note });
    display.set(send.index, { status: note, at });
    counts.sent++;
    return;
  }
  run.warn(`SMS invitation of case ${send.caseId} not sent (${outcome.kind}): ${outcome.detail}`);
  if (outcome.kind === 'quota' || outcome.kind === 'throttled' || outcome.kind === 'account') {
    const stop: Halt = { state: 'deferred', status: t('sms.deferred', { reason: outcome.reason }) };
    halted.set('sms', stop);
    ledger.put({ ...base, state: 'deferred', at: run.now(), note: '' });
    display.set(send.index, { status: stop.status, at: '' });
    counts.deferred++;
    if (outcome.kind === 'account') counts.problems++;
    return;
  }
  if (outcome.kind === 'ambiguous') {
    ledger.put({ ...base, state: 'unknown', at: run.now(), note: outcome.reason });
    display.set(send.index, { status: t('invite.unknown'), at: '' });
    counts.unknown++;
    return;
  }
  const attempts = attemptsOf(before) + (outcome.kind === 'permanent' ? 1 : 0);
  const record: LogRecord = { ...base, state: 'failed', at: run.now(), note: failedNote(attempts, outcome.reason) };
  ledger.put(record);
  display.set(send.index, {
    status: attempts >= MAX_SEND_ATTEMPTS ? finalStatus(record) : t('sms.failed_retrying', { reason: outcome.reason }),
    at: '',
  });
  counts.failed++;
  counts.problems++;
}

/**
 * What each row should show: this run's outcome, else the log's final word on the case; a row
 * that is not closed shows nothing. Rows absent from the map are left as they are.
 */
export function rowStatuses(
  rows: readonly ApplicationRow[],
  records: ReadonlyMap<string, LogRecord>,
  display: ReadonlyMap<number, RowDisplay>,
): Map<number, RowDisplay> {
  const wanted = new Map<number, RowDisplay>();
  for (const row of rows) {
    const shown = display.get(row.index);
    if (shown) {
      wanted.set(row.index, shown);
      continue;
    }
    const key = caseKey(row.caseId);
    const record = records.get(key);
    if (record && key !== '' && isFinal(record)) wanted.set(row.index, { status: finalStatus(record), at: record.state === 'failed' ? '' : (record.at ?? '') });
    else if (!isClosedStatus(row.status)) wanted.set(row.index, { status: '', at: '' });
  }
  return wanted;
}

/** Whether an edit touched a closed case: otherwise the edit trigger has nothing to do. */
export function touchesClosedCase(rows: readonly ApplicationRow[], only: { first: number; last: number }): boolean {
  return rows.some((r) => r.index >= only.first && r.index <= only.last && isClosedStatus(r.status));
}

/** The Georgian summary the menu item shows. */
export function summaryText(result: { sent: number; deferred: number; problems: number; more: boolean; unknown?: number; held?: number }): string {
  const lines = [
    t('invite.summary_sent', { count: result.sent }),
    ...(result.held ? [t('invite.summary_held', { count: result.held })] : []),
    t('invite.summary_deferred', { count: result.deferred }),
    t('invite.summary_problems', { count: result.problems }),
  ];
  if (result.unknown) lines.push(t('invite.summary_unknown', { count: result.unknown }));
  const column = TABS.applications.columns.find((c) => c.key === 'inviteStatus')?.header ?? '';
  if (result.problems > 0) lines.push(t('invite.summary_where', { tab: TABS.applications.name, column }));
  if (result.more) lines.push(t('invite.summary_more'));
  return lines.join('\n');
}

/**
 * What the menu's answer adds about the whole, not only this click (issue 19): how many invitations
 * had gone before it (by the hourly sweep or earlier clicks), and where today's batch stands.
 */
export function overallText(overall: { sentNow: number; sentInAll: number; batch: 'done' | 'later' | 'due'; hour: number }): string {
  const lines = [t('invite.overall_before', { count: Math.max(0, overall.sentInAll - overall.sentNow), total: overall.sentInAll })];
  if (overall.batch === 'done') lines.push(t('invite.overall_batch_done', { hour: overall.hour }));
  if (overall.batch === 'later') lines.push(t('invite.overall_batch_later', { hour: overall.hour }));
  return lines.join('\n');
}

/** Invitations the log records as sent, over all time. */
export function countSent(records: ReadonlyMap<string, { state: string }>): number {
  let sent = 0;
  for (const record of records.values()) if (record.state === 'sent') sent++;
  return sent;
}
