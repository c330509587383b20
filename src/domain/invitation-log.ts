/**
 * The invitations log, one record per case: what it says of a case, how a case being sent is
 * marked, and how a run killed mid-send is resolved from MailApp's remaining quota. The log is
 * the authority on whether a case was invited; the applications tab only shows what it says.
 */
import { formatDateKa } from './dates';
import { t } from './messages';
import { matchKey } from './sanitize';

/**
 * What the log says of a case. `sent` and `unknown` are final: the case is never invited again,
 * whatever happens to its row. `sending` is the durable marker written before a batch of sends,
 * so that a run killed mid-batch can be resolved by the next.
 */
export type LogState = 'sending' | 'sent' | 'unknown' | 'failed' | 'deferred' | 'queued' | 'skipped';

/** The log's status column, in Georgian (the tab is read by staff). */
export const LOG_STATE_KA: Record<LogState, string> = {
  sending: t('log.sending'),
  sent: t('invite.sent'),
  unknown: t('log.unknown'),
  failed: t('log.failed'),
  deferred: t('log.deferred'),
  queued: t('log.queued'),
  skipped: t('log.skipped'),
};

/** A send error is retried by later sweeps this many times in all, then reported for good. */
export const MAX_SEND_ATTEMPTS = 3;

export interface SendMarker {
  /** Identifies one batch: every marker of a batch was written in one write. */
  batch: string;
  /** Position in the batch: sends go out in this order and stop at the first failure. */
  seq: number;
  /** MailApp's remaining daily quota just before the batch's first send. */
  quotaBefore: number;
}

export interface LogRecord {
  caseId: string;
  /** A service code, or `unknown`. */
  service: string;
  state: LogState;
  at: Date | null;
  /** Georgian, for staff; never personal data. Carries the marker while `sending`, the attempts while `failed`. */
  note: string;
}

const MARKER = /^batch=([^;]+);seq=(\d+);quota=(-?\d+)(?: \| ([\s\S]*))?$/;
const ATTEMPTS = new RegExp(`^${t('log.attempt')} (\\d+): `);

/** The log note of a case being sent: the marker, then the note the case keeps once sent. */
export function formatMarker(marker: SendMarker, note = ''): string {
  const base = `batch=${marker.batch};seq=${marker.seq};quota=${marker.quotaBefore}`;
  return note ? `${base} | ${note}` : base;
}

export function parseMarker(note: string): (SendMarker & { note: string }) | null {
  const m = MARKER.exec(note.trim());
  return m ? { batch: m[1], seq: Number(m[2]), quotaBefore: Number(m[3]), note: m[4] ?? '' } : null;
}

export function failedNote(attempts: number, reason: string): string {
  return `${t('log.attempt')} ${attempts}: ${reason}`;
}

export function attemptsOf(record: LogRecord | undefined): number {
  if (record?.state !== 'failed') return 0;
  const m = ATTEMPTS.exec(record.note);
  return m ? Number(m[1]) : 1;
}

export function parseLogState(text: unknown): LogState | null {
  const key = matchKey(String(text ?? ''));
  for (const [state, ka] of Object.entries(LOG_STATE_KA) as Array<[LogState, string]>) {
    if (matchKey(ka) === key) return state;
  }
  return null;
}

/** A case number as a key: invisible characters and outer spaces dropped, Latin case folded. */
export function caseKey(raw: unknown): string {
  return matchKey(raw === null || raw === undefined ? '' : String(raw));
}

/** Final: the case is never invited again (a reopened and re-closed case included). */
export function isFinal(record: LogRecord | undefined): boolean {
  if (!record) return false;
  return record.state === 'sent' || record.state === 'unknown' || (record.state === 'failed' && attemptsOf(record) >= MAX_SEND_ATTEMPTS);
}

/** What a row shows for a case the log holds as final. */
export function finalStatus(record: LogRecord): string {
  if (record.state === 'sent') return record.note || t('invite.sent');
  if (record.state === 'unknown') return t('invite.unknown');
  return t('invite.failed_final', { attempts: MAX_SEND_ATTEMPTS, reason: record.note.replace(ATTEMPTS, '') });
}

/** Google's mail quota is counted over 24 hours (Apps Script quotas page). */
const QUOTA_PERIOD_MS = 24 * 3600 * 1000;

export type MarkerOutcome = 'sent' | 'not_sent' | 'unknown';

/**
 * Decides, for the cases a killed run left marked `sending`, whether each message went out. Sends
 * of a batch go out in `seq` order and the batch stops at its first failure, so if the quota
 * dropped by d since the batch began, exactly the first d were sent. Anything that breaks this
 * reasoning (the quota period reset or a day passed, more used than the batch holds, two batches
 * outstanding) makes every case of the batch `unknown`: not resent, and reported on its row.
 */
export function resolveMarkers(
  markers: ReadonlyArray<{ caseId: string; marker: SendMarker | null; markedAt?: Date | null }>,
  remainingNow: number,
  now?: Date,
): Map<string, MarkerOutcome> {
  const outcome = new Map<string, MarkerOutcome>();
  const batches = new Set(markers.map((m) => m.marker?.batch ?? ''));
  const readable = markers.every((m) => m.marker !== null);
  // A quota period lasts a day: a marker that old has certainly seen the quota reset since.
  const stale = !!now && markers.some((m) => !m.markedAt || now.getTime() - m.markedAt.getTime() >= QUOTA_PERIOD_MS);
  if (batches.size !== 1 || !readable || stale) {
    for (const m of markers) outcome.set(m.caseId, 'unknown');
    return outcome;
  }
  const quotaBefore = (markers[0].marker as SendMarker).quotaBefore;
  const used = quotaBefore - remainingNow;
  const seqs = markers.map((m) => (m.marker as SendMarker).seq);
  const contiguous = [...seqs].sort((a, b) => a - b).every((s, i) => s === i);
  if (used < 0 || used > markers.length || !contiguous) {
    for (const m of markers) outcome.set(m.caseId, 'unknown');
    return outcome;
  }
  for (const m of markers) outcome.set(m.caseId, (m.marker as SendMarker).seq < used ? 'sent' : 'not_sent');
  return outcome;
}

/**
 * Invitations that went out (or may have) on the calendar day of `now` in municipal time, by the
 * log: the settings' daily cap (mailQuotaPerDay) counts against these.
 */
export function sentOnDay(records: Iterable<LogRecord>, now: Date, timeZone = 'Asia/Tbilisi'): number {
  const today = formatDateKa(now, timeZone);
  let count = 0;
  for (const record of records) {
    const maybeSent = record.state === 'sent' || record.state === 'unknown' || record.state === 'sending';
    if (maybeSent && record.at && formatDateKa(record.at, timeZone) === today) count++;
  }
  return count;
}

/**
 * How many invitations a run may still send now: what MailApp has left, and no more than the
 * daily cap less what went out today. Google's quota is the hard limit; the cap lets a
 * municipality keep part of it for other mail (e.g. the managers' report notice).
 */
export function sendAllowance(googleRemaining: number, dailyCap: number, sentToday: number): number {
  return Math.max(0, Math.min(googleRemaining, dailyCap - sentToday));
}
