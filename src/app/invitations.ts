/**
 * The N2 invitation, sent once when a case is closed.
 *
 * The installable edit trigger acts on the edited rows at once; the hourly sweep sends whatever
 * it did not (rows closed by import or script, deferred, failed, left by a busy lock). Exactly
 * once is kept by the invitations log (domain/invitations.ts); the applications tab only shows
 * what the log says.
 */
import { t } from '../domain/messages';
import {
  expiredEmailRows,
  moveCase,
  planInvitations,
  resolveInterrupted,
  rowStatuses,
  sendInvitations,
  summaryText,
  touchesClosedCase,
  type SendCounts,
} from '../domain/invitations';
import { caseKey } from '../domain/invitation-log';
import { TABS } from '../domain/schema';
import { openApplications } from '../adapters/applications-tab';
import { deleteKey, readFormRecord, readJson, writeJson } from '../adapters/config';
import type { SheetEdit } from '../adapters/events';
import { openInvitationLog } from '../adapters/invitation-log';
import { tryScriptLock } from '../adapters/lock';
import { remainingDailyQuota, sendMail } from '../adapters/mail';
import { readServices } from '../adapters/services-tab';
import { readSettings } from '../adapters/settings-tab';
import { runningAccount } from './owner';

export interface SweepResult extends SendCounts {
  /** The run found another execution holding the lock and left everything for the next one. */
  locked?: boolean;
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

export function handleWorkbookEdit(edit: SheetEdit | null): void {
  const startedAt = Date.now();
  if (!edit || edit.tab !== TABS.applications.name) return;
  const { first, last } = edit.rows();
  if (last < 2) return;
  // Data-row indexes (sheet row 2 is index 0). The edited values are not used, but for a case
  // number changed in a single cell: the case's log record follows it to the new number.
  const renamed = renamedCase(edit);
  const result = runInvitations({ only: { first: Math.max(first, 2) - 2, last: last - 2 }, lockWaitMs: EDIT_LOCK_WAIT_MS, startedAt, renamed });
  console.info(`onWorkbookEdit invitations: ${JSON.stringify(result)}`);
}

export function sweepInvitations(): SweepResult {
  const result = runInvitations({ lockWaitMs: SWEEP_LOCK_WAIT_MS, startedAt: Date.now() });
  if (!result.locked && !result.notOwner) serveQueuedRequest();
  return result;
}

/**
 * The menu item. The owner's click sends now. Anyone else's click sends nothing from their own
 * mailbox and quota: it queues the request for the owner's next hourly sweep, which sends every
 * pending invitation, and tells the clerk so and who the owner is.
 */
export function sendInvitationsAction(): string {
  const running = runningAccount();
  if (!running.verdict.owner) {
    writeJson(REQUESTED, { by: running.me, at: new Date().toISOString() });
    console.info(`invitations: ${running.me || 'an unknown account'} asked to send; queued for the owner's (${running.verdict.recorded}) next sweep`);
    const column = TABS.applications.columns.find((c) => c.key === 'inviteStatus')?.header ?? '';
    return t('invite.queued_for_owner', { me: running.me || '?', owner: running.verdict.recorded, tab: TABS.applications.name, column });
  }
  const result = sweepInvitations();
  if (result.locked) return t('invite.busy');
  return summaryText(result);
}

/** A request queued from the menu is served by the owner's sweep that just ran: noted and cleared. */
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
    const cleared = applications.clearEmails(expiredEmailRows(applications.rows, log.records, new Date(), settings.emailRetentionDays));
    if (cleared) console.info(`clearExpiredEmails: cleared ${cleared} addresses`);
    return cleared;
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
    const ledger = openInvitationLog();
    const ports = { ledger, mail: MAILER, now: () => new Date(), warn: (message: string) => console.warn(message) };
    // Sends a killed run left unfinished are recorded unknown before anything else is sent.
    const unknown = resolveInterrupted(ports);
    const settings = readSettings().value;
    const { services, links } = readServices();
    const renamed = options.renamed;
    // The old number must stand on no row any more: fixing a duplicate's number moves nothing.
    if (renamed && !rows.some((r) => caseKey(r.caseId) === caseKey(renamed.from)) && caseKey(rows[renamed.index]?.caseId) === caseKey(renamed.to)) {
      if (moveCase(ledger, renamed.from, renamed.to, new Date())) console.info('invitations: a case number was corrected; its log record moved');
    }
    const genericUrl = readFormRecord('N2')?.publishedUrl ?? null;
    const plan = planInvitations({ rows, log: ledger.records, services, links, genericUrl, only });
    applications.fillClosedAt(plan.fillClosedAt, new Date());
    const { counts, display } = sendInvitations(plan, { ...ports, settings, startedAt: options.startedAt, budgetMs: TIME_BUDGET_MS });
    applications.showInviteStatuses(rowStatuses(rows, ledger.records, display));
    return { ...counts, unknown: counts.unknown + unknown };
  });
  if (run.locked) return run.value;
  // Another run is sending. Nothing is lost: the closed rows stay pending for the hourly sweep.
  console.warn('invitations: lock busy; rows are left for the next sweep');
  return { ...nothing, more: true, locked: true };
}
