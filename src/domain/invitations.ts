/**
 * N2 invitations, the send protocol: exactly once per case, kept by the invitations log. A batch
 * of cases is marked `sending` in one log write before its first message and recorded `sent`
 * after, so a run killed in between is resolved by the next from MailApp's remaining quota
 * (resolveInterrupted). The log and the mail service come in as ports; src/app/invitations.ts
 * reads the tabs, plans (invitation-plan.ts) and hands over here.
 */
import {
  MAX_SEND_ATTEMPTS,
  attemptsOf,
  caseKey,
  failedNote,
  finalStatus,
  formatMarker,
  isFinal,
  parseMarker,
  resolveMarkers,
  sendAllowance,
  sentOnDay,
  type LogRecord,
} from './invitation-log';
import { isClosedStatus, type ApplicationRow, type Plan, type PlannedSend } from './invitation-plan';
import { composeInvitation } from './mails';
import { t } from './messages';
import { TABS } from './schema';
import type { Settings } from './types';

export { expiredEmailRows, planInvitations, type ApplicationRow } from './invitation-plan';

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
  send(mail: {
    to: string;
    subject: string;
    body: string;
    htmlBody: string;
    name: string;
    replyTo: string;
  }): { ok: true } | { ok: false; quota: boolean; permanent: boolean; message: string };
}

export interface SendRun {
  ledger: Ledger;
  mail: Mailer;
  settings: Pick<Settings, 'municipality' | 'senderName' | 'replyTo' | 'mailQuotaPerDay'>;
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

/** Cases marked `sending` per log write; bounds what an unresolvable crash could leave unknown. */
const BATCH_SIZE = 50;

/**
 * Cases a killed run left `sending`: each is decided sent, not sent (queued again) or unknown
 * (never resent), and the decision is written before anything else is sent.
 */
export function resolveInterrupted(run: Pick<SendRun, 'ledger' | 'mail' | 'now' | 'warn'>): void {
  const { ledger } = run;
  const leftovers = [...ledger.records.values()].filter((r) => r.state === 'sending');
  if (leftovers.length === 0) return;
  const remaining = run.mail.remainingDailyQuota();
  const outcomes = resolveMarkers(
    leftovers.map((r) => ({ caseId: caseKey(r.caseId), marker: parseMarker(r.note), markedAt: r.at })),
    remaining,
    run.now(),
  );
  for (const record of leftovers) {
    const outcome = outcomes.get(caseKey(record.caseId));
    const keptNote = parseMarker(record.note)?.note ?? '';
    if (outcome === 'sent') ledger.put({ ...record, state: 'sent', note: keptNote });
    else if (outcome === 'not_sent') ledger.put({ ...record, state: 'queued', note: '' });
    else ledger.put({ ...record, state: 'unknown', note: t('log.interrupted') });
    run.warn(`invitation of case ${record.caseId} was interrupted; resolved as ${outcome ?? 'unknown'}`);
  }
  ledger.flush();
}

/**
 * Records what the plan decided without sending, then sends its invitations in batches. Before
 * a batch's first message its cases are marked `sending` (one log write, with the quota left); a
 * batch stops at its first refused message, so that the quota tells a later run exactly which
 * of the batch went out if this one is killed.
 */
export function sendInvitations(plan: Pick<Plan, 'sends' | 'outcomes'>, run: SendRun): { counts: SendCounts; display: Map<number, RowDisplay> } {
  const counts: SendCounts = { sent: 0, deferred: 0, failed: 0, skipped: 0, more: false, problems: 0 };
  const display = new Map<number, RowDisplay>();
  const now = run.now();
  for (const outcome of plan.outcomes) {
    display.set(outcome.index, { status: outcome.status, at: '' });
    counts.skipped++;
    if (outcome.problem) counts.problems++;
    if (outcome.log) run.ledger.put({ caseId: outcome.caseId, service: outcome.service, state: outcome.log.state, at: now, note: outcome.log.note });
  }
  sendBatches(plan.sends, run, counts, display);
  run.ledger.flush();
  return { counts, display };
}

function sendBatches(sends: PlannedSend[], run: SendRun, counts: SendCounts, display: Map<number, RowDisplay>): void {
  const { ledger } = run;
  const elapsed = (): number => run.now().getTime() - run.startedAt;
  const leave = (from: number, state: 'queued' | 'deferred'): void => {
    for (const send of sends.slice(from)) {
      ledger.put({ caseId: send.caseId, service: send.service, state, at: run.now(), note: '' });
      display.set(send.index, { status: state === 'deferred' ? t('invite.deferred_quota') : t('invite.queued'), at: '' });
      if (state === 'deferred') counts.deferred++;
    }
    if (state === 'queued' && from < sends.length) counts.more = true;
  };
  let i = 0;
  while (i < sends.length) {
    if (elapsed() > run.budgetMs) {
      leave(i, 'queued');
      return;
    }
    const quota = run.mail.remainingDailyQuota();
    // The settings' daily cap counts today's invitations from the log; the marker keeps Google's
    // own remaining quota, which is what tells a later run what a killed batch sent.
    const allowance = sendAllowance(quota, run.settings.mailQuotaPerDay, sentOnDay(ledger.records.values(), run.now()));
    if (allowance <= 0) {
      leave(i, 'deferred');
      return;
    }
    const batch = sends.slice(i, i + Math.min(BATCH_SIZE, allowance));
    const before = new Map(batch.map((s) => [caseKey(s.caseId), ledger.records.get(caseKey(s.caseId))]));
    const batchId = `${run.startedAt.toString(36)}.${i}`;
    const markedAt = run.now();
    batch.forEach((send, seq) =>
      ledger.put({
        caseId: send.caseId,
        service: send.service,
        state: 'sending',
        at: markedAt,
        note: formatMarker({ batch: batchId, seq, quotaBefore: quota }, send.sentNote),
      }),
    );
    ledger.flush();
    let done = 0;
    let stop: 'quota' | 'time' | null = null;
    for (const send of batch) {
      if (elapsed() > run.budgetMs) {
        stop = 'time';
        break;
      }
      const message = composeInvitation({ municipality: run.settings.municipality, serviceName: send.serviceName, link: send.link });
      const outcome = run.mail.send({ to: send.email, ...message, name: run.settings.senderName, replyTo: run.settings.replyTo });
      if (outcome.ok) {
        done++;
        const at = run.now();
        ledger.put({ caseId: send.caseId, service: send.service, state: 'sent', at, note: send.sentNote });
        display.set(send.index, { status: send.sentStatus, at });
        counts.sent++;
        continue;
      }
      if (outcome.quota) {
        stop = 'quota';
        break;
      }
      // Refused: recorded and retried by later sweeps; only a refused address counts towards the cap.
      done++;
      const attempts = attemptsOf(before.get(caseKey(send.caseId))) + (outcome.permanent ? 1 : 0);
      const record: LogRecord = {
        caseId: send.caseId,
        service: send.service,
        state: 'failed',
        at: run.now(),
        note: failedNote(attempts, t('log.mail_refused')),
      };
      ledger.put(record);
      const reason = t('invite.mail_refused', { message: outcome.message });
      display.set(send.index, { status: attempts >= MAX_SEND_ATTEMPTS ? finalStatus(record) : t('invite.failed_retrying', { reason }), at: '' });
      counts.failed++;
      counts.problems++;
      run.warn(`invitation refused for case ${send.caseId}: ${outcome.message}`);
      break;
    }
    i += done;
    if (stop === 'quota') leave(i, 'deferred');
    else if (stop === 'time') leave(i, 'queued');
    // The rest of a batch cut short by a refusal goes in the next batch, under a fresh marker.
    else
      for (const send of batch.slice(done)) ledger.put({ ...(before.get(caseKey(send.caseId)) ?? queuedRecord(send, run.now())), state: 'queued', note: '' });
    // The batch's outcome is recorded at once, while the quota still tells what was sent.
    ledger.flush();
    if (stop) return;
  }
}

function queuedRecord(send: PlannedSend, at: Date): LogRecord {
  return { caseId: send.caseId, service: send.service, state: 'queued', at, note: '' };
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
export function summaryText(result: { sent: number; deferred: number; problems: number; more: boolean }): string {
  const lines = [
    t('invite.summary_sent', { count: result.sent }),
    t('invite.summary_deferred', { count: result.deferred }),
    t('invite.summary_problems', { count: result.problems }),
  ];
  const column = TABS.applications.columns.find((c) => c.key === 'inviteStatus')?.header ?? '';
  if (result.problems > 0) lines.push(t('invite.summary_where', { tab: TABS.applications.name, column }));
  if (result.more) lines.push(t('invite.summary_more'));
  return lines.join('\n');
}
