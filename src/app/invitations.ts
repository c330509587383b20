/**
 * The N2 invitation, sent once after a case is closed, in the daily batch.
 *
 * The installable edit trigger plans the edited rows at once but sends nothing: a due case is
 * queued in the log and its row says when it goes. The hourly sweep sends only once a day, on its
 * first run at or after the hour set in `inviteHour`: every due case of a service with enough of
 * them (domain/invite-batch.ts), in random order; a run stopped by the time budget is carried on
 * by the next sweep the same day. Exactly once is kept by the invitations log
 * (domain/invitations.ts); the applications tab only shows what the log says.
 */
import { t } from '../domain/messages';
import {
  expiredEmailRows,
  countSent,
  expiredPhoneRows,
  moveCase,
  overallText,
  planInvitations,
  resolveInterrupted,
  rowStatuses,
  sendInvitations,
  summaryText,
  touchesClosedCase,
  usedPhoneRows,
  type SendCounts,
} from '../domain/invitations';
import { caseKey } from '../domain/invitation-log';
import { phoneHeldForDraw } from '../domain/phone-survey';
import { readSurveyState } from '../adapters/call-list';
import { batchDayState, batchDue, holdInvitations, selectBatch } from '../domain/invite-batch';
import { dayKey } from '../domain/dates';
import { TABS } from '../domain/schema';
import { openApplications } from '../adapters/applications-tab';
import { deleteKey, readFormRecord, readJson, readString, writeJson, writeString } from '../adapters/config';
import type { SheetEdit } from '../adapters/events';
import { openInvitationLog } from '../adapters/invitation-log';
import { tryScriptLock } from '../adapters/lock';
import { remainingDailyQuota, sendMail } from '../adapters/mail';
import { readServices } from '../adapters/services-tab';
import { readSettings } from '../adapters/settings-tab';
import { runningAccount } from './owner';
import { checkDeliveries, smsPort } from './sms';

export interface SweepResult extends SendCounts {
  /** The run found another execution holding the lock and left everything for the next one. */
  locked?: boolean;
  /** Due invitations left waiting for the daily batch (or for more of their service). */
  held?: number;
  /**
   * The running account is not the deployment's owner (its address): nothing was sent from its
   * mailbox or quota; the owner's triggers send.
   */
  notOwner?: string;
}

/** Script property: a send asked for from the menu by someone other than the owner, for the owner's next sweep. */
const REQUESTED = 'invitations.requested';

/** An edit trigger must not keep staff's edits waiting: it leaves the rows to the sweep instead. */
const EDIT_LOCK_WAIT_MS = 5_000;
const SWEEP_LOCK_WAIT_MS = 30_000;
/** Apps Script stops an execution at 6 minutes; a run stops sending well before. */
const TIME_BUDGET_MS = 4.5 * 60 * 1000;

const MAILER = { remainingDailyQuota, send: sendMail };

/** Script property: the day (dayKey) whose batch of invitations ran to its end. */
const BATCH_DAY_KEY = 'invite.batchDay';

export function handleWorkbookEdit(edit: SheetEdit | null): void {
  const startedAt = Date.now();
  if (!edit || edit.tab !== TABS.applications.name) return;
  const { first, last } = edit.rows();
  if (last < 2) return;
  // Data-row indexes (sheet row 2 is index 0). The edited values are not used, but for a case
  // number changed in a single cell: the case's log record follows it to the new number.
  const renamed = renamedCase(edit);
  const result = runInvitations({
    only: { first: Math.max(first, 2) - 2, last: last - 2 },
    lockWaitMs: EDIT_LOCK_WAIT_MS,
    startedAt,
    renamed,
    mayBatch: false,
  });
  console.info(`onWorkbookEdit invitations: ${JSON.stringify(result)}`);
}

export function sweepInvitations(): SweepResult {
  const result = runInvitations({ lockWaitMs: SWEEP_LOCK_WAIT_MS, startedAt: Date.now(), mayBatch: true });
  if (!result.locked && !result.notOwner) serveQueuedRequest();
  return result;
}

/**
 * The menu item: the day's batch. The owner's click runs the sweep now, which sends the batch if
 * its hour has come and it has not gone yet today; it never sends a case outside the batch.
 * Anyone else's click sends nothing from their own mailbox and quota: it queues the request for
 * the owner's next hourly sweep, which runs the same batch under the same rules, and tells the
 * clerk so and who the owner is.
 */
export function sendInvitationsAction(): string {
  const running = runningAccount();
  if (!running.verdict.owner) {
    writeJson(REQUESTED, { by: running.me, at: new Date().toISOString() });
    console.info(`invitations: ${running.me || 'an unknown account'} asked to send; queued for the owner's (${running.verdict.recorded}) next sweep`);
    const column = TABS.applications.columns.find((c) => c.key === 'inviteStatus')?.header ?? '';
    const hour = readSettings().value.inviteHour;
    return t('invite.queued_for_owner', { me: running.me || '?', owner: running.verdict.recorded, hour, tab: TABS.applications.name, column });
  }
  const result = sweepInvitations();
  if (result.locked) return t('invite.busy');
  // The answer speaks of the whole, not only this click: the hourly sweep may have sent them all.
  const hour = readSettings().value.inviteHour;
  const overall = overallText({
    sentNow: result.sent,
    sentInAll: countSent(openInvitationLog().records),
    batch: batchDayState(new Date(), hour, readString(BATCH_DAY_KEY)),
    hour,
  });
  return `${summaryText(result)}\n${overall}`;
}

/** A clerk's request to send that waits for the owner's sweep, or null. */
export function queuedSendRequest(): { by: string; at: Date } | null {
  const request = readJson<{ by?: string; at?: string }>(REQUESTED);
  if (!request) return null;
  const at = new Date(request.at ?? '');
  return { by: request.by ?? '', at: Number.isNaN(at.getTime()) ? new Date(0) : at };
}

/**
 * A request queued from the menu is served by the owner's sweep that just ran: noted and cleared.
 * That sweep ran the day's batch if it was due; the request never sends a case outside the batch.
 */
function serveQueuedRequest(): void {
  const request = readJson<{ by?: string; at?: string }>(REQUESTED);
  if (!request) return;
  deleteKey(REQUESTED);
  console.info(`invitations: the send ${request.by ?? 'someone'} asked for at ${request.at ?? '?'} was done by this run`);
}

/** Clears applicants' emails from closed cases invited more than emailRetentionDays ago; one write. */
export function clearExpiredEmails(): number {
  const run = tryScriptLock(SWEEP_LOCK_WAIT_MS, () => {
    const settings = readSettings().value;
    const applications = openApplications();
    const log = openInvitationLog();
    const now = new Date();
    const cleared = applications.clearEmails(expiredEmailRows(applications.rows, log.records, now, settings.emailRetentionDays));
    if (cleared) console.info(`clearExpiredEmails: cleared ${cleared} addresses`);
    // Mobile numbers too (issue 17), on the same days: whatever became of the SMS.
    // With the phone survey on, a desk case's number waits for its month's draw (domain/phone-survey.ts).
    const survey = settings.phoneSurvey ? readSurveyState() : null;
    const byIndex = new Map(applications.rows.map((row) => [row.index, row]));
    const held = (index: number): boolean => {
      const row = byIndex.get(index);
      return !!row && phoneHeldForDraw(row, survey, now);
    };
    const expired = expiredPhoneRows(applications.rows, log.records, now, settings.emailRetentionDays).filter((index) => !settings.phoneSurvey || !held(index));
    const phones = applications.clearPhones(expired);
    if (phones) console.info(`clearExpiredEmails: cleared ${phones} mobile numbers`);
    return cleared + phones;
  });
  if (!run.locked) console.warn('clearExpiredEmails: lock busy; will run again tomorrow');
  return run.locked ? run.value : 0;
}

/** A case number changed by hand in one cell: from what, to what. */
function renamedCase(edit: SheetEdit): { from: string; to: string; index: number } | null {
  const column = TABS.applications.columns.findIndex((c) => c.key === 'caseId') + 1;
  const cell = edit.cell();
  if (!cell || cell.column !== column || cell.oldValue.trim() === '' || cell.value.trim() === '') return null;
  return { from: cell.oldValue, to: cell.value, index: edit.rows().first - 2 };
}

interface RunOptions {
  /** Data-row indexes an edit touched; absent for the sweep (every row). */
  only?: { first: number; last: number };
  lockWaitMs: number;
  startedAt: number;
  /** A case number the edit changed. */
  renamed?: { from: string; to: string; index: number } | null;
  /** Whether this run may send the daily batch (the sweep, once its hour has come); else it only queues. */
  mayBatch: boolean;
}

function runInvitations(options: RunOptions): SweepResult {
  const nothing: SweepResult = { sent: 0, deferred: 0, failed: 0, skipped: 0, unknown: 0, more: false, problems: 0 };
  const run = tryScriptLock(options.lockWaitMs, (): SweepResult => {
    const applications = openApplications();
    const rows = applications.rows;
    let only: Set<number> | undefined;
    if (options.only) {
      if (!touchesClosedCase(rows, options.only)) return nothing;
      const { first, last } = options.only;
      only = new Set(rows.filter((r) => r.index >= first && r.index <= last).map((r) => r.index));
    }
    // Mail goes out from the running account's mailbox, against its quota: only the owner's.
    // (An edit runs the owner's installable trigger, as the owner; a second set of triggers
    // installed by another editor, or another editor's click, sends nothing.)
    const running = runningAccount();
    if (!running.verdict.owner) {
      console.warn(`invitations: ${running.me || 'an unknown account'} is not the deployment's owner (${running.verdict.recorded}); nothing sent here`);
      return { ...nothing, more: true, notOwner: running.verdict.recorded };
    }
    const { services, links } = readServices();
    const ledger = openInvitationLog(services);
    const ports = { ledger, mail: MAILER, now: () => new Date(), warn: (message: string) => console.warn(message) };
    // Sends a killed run left unfinished are recorded unknown before anything else is sent.
    const unknown = resolveInterrupted(ports);
    const settings = readSettings().value;
    const renamed = options.renamed;
    // The old number must stand on no row any more: fixing a duplicate's number moves nothing.
    if (renamed && !rows.some((r) => caseKey(r.caseId) === caseKey(renamed.from)) && caseKey(rows[renamed.index]?.caseId) === caseKey(renamed.to)) {
      if (moveCase(ledger, renamed.from, renamed.to, new Date())) console.info('invitations: a case number was corrected; its log record moved');
    }
    const genericUrl = readFormRecord('N2')?.publishedUrl ?? null;
    const plan = planInvitations({
      rows,
      log: ledger.records,
      services,
      links,
      genericUrl,
      only,
      inviteDeskCases: settings.inviteDeskCases,
      smsOn: settings.smsProvider !== '',
    });
    // SMS on, but its key not yet typed in the menu: those cases wait, queued, and their rows say why.
    const sms = smsPort(settings);
    const keyless = sms ? [] : plan.sends.filter((send) => send.channel === 'sms');
    plan.sends = plan.sends.filter((send) => !keyless.includes(send));
    const now = new Date();
    applications.fillClosedAt(plan.fillClosedAt, now);
    // Not the batch's time: every due case waits for it. The batch: services with too few wait on.
    const batchNow = options.mayBatch && batchDue(now, settings.inviteHour, readString(BATCH_DAY_KEY));
    const stateOf = (send: { caseId: string }) => ledger.records.get(caseKey(send.caseId))?.state;
    const carried = (send: { caseId: string }): boolean => stateOf(send) === 'deferred' || stateOf(send) === 'failed';
    const due = plan.sends.map((send) => ({
      ...send,
      dueSince: send.dueSince ?? ledger.records.get(caseKey(send.caseId))?.at ?? null,
      carried: carried(send),
    }));
    const selected = batchNow
      ? selectBatch(due, { min: settings.inviteBatchMin, maxHoldDays: settings.inviteMaxHoldDays }, now, Math.random)
      : { batch: [], held: due };
    // Cases an earlier batch could not send (quota, a refusal) go first: a case closed today never jumps the queue.
    const batch = [...selected.batch.filter(carried), ...selected.batch.filter((send) => !carried(send))];
    const held = selected.held;
    const waiting = batchNow
      ? t('invite.waiting_group', { min: settings.inviteBatchMin, days: settings.inviteMaxHoldDays })
      : t('invite.waiting_batch', { hour: settings.inviteHour });
    // A case deferred by the quota or refused once keeps its state and its row's reason until it goes.
    const keptWaiting = held.filter(carried);
    // Outside the batch, a case already queued keeps what its row says (e.g. waiting for more of its service).
    const newlyHeld = held.filter((send) => !keptWaiting.includes(send) && (batchNow || stateOf(send) !== 'queued'));
    const heldDisplay = holdInvitations(newlyHeld, ledger, now, waiting);
    for (const [index, shown] of holdInvitations(keyless, ledger, now, t('sms.waiting_key', { menu: t('menu.sms_key') }))) heldDisplay.set(index, shown);
    const { counts, display } = sendInvitations({ ...plan, sends: batch }, { ...ports, sms, settings, startedAt: options.startedAt, budgetMs: TIME_BUDGET_MS });
    for (const [index, shown] of heldDisplay) if (!display.has(index)) display.set(index, shown);
    // The providers' delivery reports, read by the sweep (the edit trigger sends nothing).
    if (options.mayBatch) checkDeliveries(ledger, settings, now);
    applications.showInviteStatuses(rowStatuses(rows, ledger.records, display));
    // A number that has done its work goes at once (the day's retention clears the rest).
    const phones = applications.clearPhones(usedPhoneRows(rows, ledger.records, services));
    if (phones) console.info(`invitations: cleared ${phones} mobile numbers after their SMS`);
    // A batch stopped by the time budget is carried on by the next sweep the same day; one that
    // ran out of quota is not: the rest go in tomorrow's batch, never alone later today.
    if (batchNow && !counts.more) writeString(BATCH_DAY_KEY, dayKey(now));
    const deferred = counts.deferred + keptWaiting.filter((send) => stateOf(send) === 'deferred').length;
    return { ...counts, deferred, unknown: counts.unknown + unknown, held: held.length - keptWaiting.length + keyless.length };
  });
  if (run.locked) return run.value;
  // Another run is sending. Nothing is lost: the closed rows stay pending for the hourly sweep.
  console.warn('invitations: lock busy; rows are left for the next sweep');
  return { ...nothing, more: true, locked: true };
}
