/**
 * The invitations log, one record per case: what it says of a case, how a case being sent is
 * marked, and how a run killed mid-send is resolved. One case at a time is marked `sending`, right
 * before its message, and recorded `sent` right after; a marker a killed run left behind is
 * `unknown`, never guessed from the mail quota (which other scripts and mail of the account
 * share). The log is the authority on whether a case was invited; the applications tab only
 * shows what it says.
 */
import { formatDateKa } from './dates';
import { t } from './messages';
import { matchKey } from './sanitize';

/**
 * What the log says of a case. `sent` and `unknown` are final: the case is never invited again,
 * whatever happens to its row. `sending` is the durable marker written right before one case's
 * message: a run that finds one left behind cannot know whether it went out, and records `unknown`.
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
  /** The run that wrote the marker. */
  batch: string;
  /** The message's position in that run. */
  seq: number;
  /** MailApp's remaining daily quota when marked: kept for staff, never used to decide. */
  quotaBefore: number;
}

/**
 * How an invitation went, shown in the log's channel column by its Georgian name (staff read the
 * log) and read back to its code for the reports by reach: email, sms, and the phone survey's and
 * the desk's. A record written before the column existed was an email.
 */
export type InviteChannel = 'email' | 'sms' | 'phone' | 'desk';
export const INVITE_CHANNELS: readonly InviteChannel[] = ['email', 'sms', 'phone', 'desk'];

const INVITE_CHANNEL_KA: Record<InviteChannel, string> = {
  email: t('invite_channel.email'),
  sms: t('invite_channel.sms'),
  phone: t('invite_channel.phone'),
  desk: t('invite_channel.desk'),
};

/** The Georgian name the log shows for a channel. */
export function inviteChannelLabel(channel: InviteChannel): string {
  return INVITE_CHANNEL_KA[channel];
}

/** The channel of a log cell: its Georgian name or its code; blank or unknown (a log of an earlier version) is email. */
export function parseInviteChannel(raw: unknown): InviteChannel {
  const key = matchKey(String(raw ?? ''));
  return INVITE_CHANNELS.find((channel) => channel === key || matchKey(INVITE_CHANNEL_KA[channel]) === key) ?? 'email';
}

export interface LogRecord {
  caseId: string;
  /** A service code, or `unknown`. */
  service: string;
  state: LogState;
  at: Date | null;
  /** Georgian, for staff; never personal data. Carries the marker while `sending`, the attempts while `failed`. */
  note: string;
  /**
   * Which address and service the case was (being) invited at, as a one-way digest
   * (addressRef), so that a case whose number was changed is recognised; '' when unknown.
   */
  ref?: string;
  /** How the invitation goes or went; absent: email. */
  channel?: InviteChannel;
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

export type MarkerOutcome = 'sent' | 'not_sent' | 'unknown';

/**
 * Decides, for the cases a killed run left marked `sending`, whether each message went out: it
 * cannot be known. Only one case is marked at a time, right before its own message, so at most
 * one case per killed run is left; it is `unknown`: never resent, never shown as sent, and
 * reported on its row. (The mail quota cannot tell: every script and every mail of the account
 * draws on it.)
 */
export function resolveMarkers(markers: ReadonlyArray<{ caseId: string }>): Map<string, MarkerOutcome> {
  return new Map(markers.map((m) => [m.caseId, 'unknown' as const]));
}

const REF = /\s*\[ref:([0-9a-f]{8})\]$/;

/**
 * A one-way digest of an address and a service (32-bit FNV-1a, hex): the log recognises a case
 * invited at this address for this service without holding the address.
 */
export function addressRef(email: string, service: string): string {
  const input = `${email.trim().toLowerCase()}|${service}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    hash ^= input.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The log's note cell: the note, then the address digest. */
export function encodeNote(note: string, ref = ''): string {
  return ref ? `${note} [ref:${ref}]`.trim() : note;
}

export function decodeNote(cell: string): { note: string; ref: string } {
  const m = REF.exec(cell);
  return m ? { note: cell.slice(0, m.index), ref: m[1] } : { note: cell, ref: '' };
}

/**
 * Invitations that went out (or may have) on the calendar day of `now` in municipal time, by the
 * log: the settings' daily cap (mailQuotaPerDay) counts against these.
 */
export function sentOnDay(records: Iterable<LogRecord>, now: Date, timeZone = 'Asia/Tbilisi', channel: InviteChannel = 'email'): number {
  const today = formatDateKa(now, timeZone);
  let count = 0;
  for (const record of records) {
    if ((record.channel ?? 'email') !== channel) continue;
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
