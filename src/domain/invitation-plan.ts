/**
 * Which closed case gets its N2 invitation now, with which link, and what the row of every other
 * closed case says instead; and which applicants' addresses have been kept long enough.
 */
import { formatDateKa, isDate } from './dates';
import { parseEmail } from './email';
import { addressRef, caseKey, isFinal, type InviteChannel, type LogRecord, type LogState } from './invitation-log';
import { t } from './messages';
import { isBlankCell, matchKey, stripInvisible } from './sanitize';
import { APPLY_CHANNELS, CASE_STATUSES } from './schema';
import { UNKNOWN_SERVICE, resolveService } from './services';
import { composeSms, hasSmsConsent, parsePhone } from './sms';
import type { Service } from './types';

/** Whether a status cell says the case is closed (its Georgian word, or the id). */
export function isClosedStatus(raw: unknown): boolean {
  const key = matchKey(String(raw ?? ''));
  const closed = CASE_STATUSES.find((s) => s.id === 'closed');
  return key !== '' && !!closed && (key === matchKey(closed.ka) || key === closed.id);
}

/** One row of the applications tab, as the planner needs it. `index` is the data-row index. */
export interface ApplicationRow {
  index: number;
  caseId: unknown;
  service: unknown;
  email: unknown;
  status: unknown;
  closedAt: unknown;
  /** The day the application came in (shown in the invitation, the case number never). */
  submittedAt?: unknown;
  /** How the application came: the chancellery (desk) or email. */
  applyChannel?: unknown;
  /** A mobile number left at the desk (issue 17), and the consent tick for one SMS. */
  phone?: unknown;
  smsConsent?: unknown;
}

export interface PlannedSend {
  index: number;
  caseId: string;
  /** How the invitation goes: by email (to `email`) or by SMS (to `phone`). */
  channel: 'email' | 'sms';
  email: string;
  /** The mobile number as gateways take it (995XXXXXXXXX); '' for an email. */
  phone: string;
  service: string;
  serviceName: string | null;
  link: string;
  /** What the row shows once sent (plain "sent", or sent with a note). */
  sentStatus: string;
  /** Stored in the log with the case (no personal data). */
  sentNote: string;
  /** The address and service as a digest (addressRef), kept in the log with the case. */
  ref: string;
  /** The application's date, dd.mm.yyyy; null when the row has none. */
  appliedOn: string | null;
  /** Since when the case has been due: its closing date (null when it has none). */
  dueSince: Date | null;
}

/** What the row of a case shows, decided without sending. */
export interface RowOutcome {
  index: number;
  caseId: string;
  service: string;
  /** The Georgian status on the row. */
  status: string;
  /** What the log records (null: nothing to record). */
  log: { state: LogState; note: string; channel?: InviteChannel } | null;
  /** Counts as a problem in the menu summary (bad input staff should fix). */
  problem: boolean;
}

export interface Plan {
  sends: PlannedSend[];
  outcomes: RowOutcome[];
  /** Data-row indexes of closed rows with no closing date (the caller fills in now). */
  fillClosedAt: number[];
  /**
   * Log records to move to another case number: a case invited (or maybe invited) at this address
   * for this service whose number no longer stands on any row was renumbered, not a new case.
   */
  moves: Array<{ from: string; to: string }>;
}

export interface PlanInput {
  rows: readonly ApplicationRow[];
  log: ReadonlyMap<string, LogRecord>;
  services: readonly Service[];
  /** Service code → its prefilled N2 link (the services tab). */
  links: ReadonlyMap<string, string>;
  /** The N2 form's published URL, for a case whose service has no link; null before setup. */
  genericUrl: string | null;
  /** Only these rows may be sent (an edit trigger acts on the edited rows); all when absent. */
  only?: ReadonlySet<number>;
  /** Also invite desk cases that left an email (the setting inviteDeskCases); by the guideline, only email cases. */
  inviteDeskCases?: boolean;
  /** SMS invitations are on (a provider is set): desk cases with the consent tick get one. */
  smsOn?: boolean;
}

/** How a case came in, by the applications tab's channel column: 'office', 'email' or '' (not stated). */
export function applyChannelOf(raw: unknown): 'office' | 'email' | '' {
  const key = matchKey(String(raw ?? ''));
  if (key === '') return '';
  const found = APPLY_CHANNELS.find((c) => key === matchKey(c.ka) || key === c.id);
  return found ? found.id : '';
}

const text = (value: unknown): string => (value === null || value === undefined ? '' : stripInvisible(String(value)).trim());

const shorten = (value: string, max = 60): string => (value.length > max ? `${value.slice(0, max)}…` : value);

/** Whether `needle` stands in `hay` as a whole token (not inside a longer word or number). */
function containsToken(hay: string, needle: string): boolean {
  const word = /[\p{L}\p{N}]/u;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
    const before = hay.charAt(i - 1);
    const after = hay.charAt(i + needle.length);
    if ((before === '' || !word.test(before)) && (after === '' || !word.test(after))) return true;
  }
  return false;
}

function decodeQueryValue(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/**
 * A link is fit to send when it is an https address that carries neither the case number nor any
 * email address: the response must not be traceable to the case. The case number is looked for
 * as a whole value in the path and the query values, so that a short number ("1") is not "found"
 * inside the form's own id.
 */
export function isAnonymousLink(link: string, caseId: string, email: string): boolean {
  if (!/^https:\/\/\S+$/.test(link) || link.includes('@') || /%40/i.test(link)) return false;
  if (email !== '' && link.toLowerCase().includes(email.toLowerCase())) return false;
  const id = caseId.trim().toLowerCase();
  if (id === '') return true;
  const [beforeQuery, ...rest] = link.split('?');
  const segments = beforeQuery.split('/').map((p) => decodeQueryValue(p).toLowerCase());
  const values = rest
    .join('?')
    .split(/[&#]/)
    .map((pair) => decodeQueryValue(pair.slice(pair.indexOf('=') + 1)).toLowerCase());
  return !segments.some((seg) => seg === id) && !values.some((value) => containsToken(value, id));
}

/** The digest of a row's address and service; '' when it has no valid address. */
function rowRef(row: ApplicationRow, services: readonly Service[]): string {
  const email = parseEmail(row.email);
  if (!email.ok) return '';
  const resolved = resolveService(text(row.service), services);
  return addressRef(email.email, resolved ? resolved.code : UNKNOWN_SERVICE);
}

/**
 * Which row holds each case number: the row the log's record was invited at (its address and
 * service), else the first. Every other row with that number is a duplicate, refused with a reason.
 */
export function caseOwners(rows: readonly ApplicationRow[], log: ReadonlyMap<string, LogRecord>, services: readonly Service[]): Map<string, number> {
  const byKey = new Map<string, ApplicationRow[]>();
  for (const row of rows) {
    const key = caseKey(row.caseId);
    if (key === '') continue;
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  const owners = new Map<string, number>();
  for (const [key, list] of byKey) {
    const ref = log.get(key)?.ref ?? '';
    const match = list.length > 1 && ref !== '' ? list.find((row) => rowRef(row, services) === ref) : undefined;
    owners.set(key, (match ?? list[0]).index);
  }
  return owners;
}

/**
 * Decides, for every closed row, whether it gets an invitation now and what it shows otherwise.
 * A case number counts once: only the row that holds it (caseOwners) may be invited; any other
 * row with the same number, closed or not, shows why it is refused.
 */
export function planInvitations(input: PlanInput): Plan {
  const sends: PlannedSend[] = [];
  const outcomes: RowOutcome[] = [];
  const fillClosedAt: number[] = [];
  const moves: Array<{ from: string; to: string }> = [];
  const owners = caseOwners(input.rows, input.log, input.services);
  // Final records whose case number stands on no row: a renumbered case, found by its address.
  const orphans = new Map<string, LogRecord>();
  for (const [key, record] of input.log) if (record.ref && isFinal(record) && !owners.has(key)) orphans.set(record.ref, record);
  for (const row of input.rows) {
    const key = caseKey(row.caseId);
    const caseId = text(row.caseId);
    const resolved = resolveService(text(row.service), input.services);
    const service = resolved ? resolved.code : UNKNOWN_SERVICE;
    if (key !== '' && owners.get(key) !== row.index) {
      outcomes.push({ index: row.index, caseId, service, status: t('invite.duplicate_case_id'), log: null, problem: true });
      continue;
    }
    if (!isClosedStatus(row.status)) continue;
    const edited = !input.only || input.only.has(row.index);
    if (edited && isBlankCell(row.closedAt) && !isDate(row.closedAt)) fillClosedAt.push(row.index);
    const record = input.log.get(key);
    // Cases already waiting (deferred by the quota, or refused once) go first, in row order, also
    // when an edit trigger runs for other rows: a case closed today never jumps the queue.
    const eligible = edited || record?.state === 'deferred' || record?.state === 'failed' || record?.state === 'queued';
    if (isFinal(record) || !eligible) continue; // shown from the log by the caller
    const skip = (status: string, note: string, problem = true, channel?: InviteChannel): void => {
      outcomes.push({ index: row.index, caseId, service, status, log: key ? { state: 'skipped', note, channel } : null, problem });
    };
    if (key === '') {
      skip(t('invite.no_case_id'), '');
      continue;
    }
    if (resolved && !resolved.invite) {
      skip(t('invite.skipped_opted_out'), t('invite.skipped_opted_out'), false);
      continue;
    }
    const route = routeOf(row, input);
    // By the guideline N2 is for those who applied by email and were answered by email; a desk
    // applicant is offered N1 at the desk. Not a failure, and not counted as a problem.
    if (route === null) {
      skip(t('invite.not_applicable_desk'), t('invite.not_applicable_desk'), false);
      continue;
    }
    const email = parseEmail(row.email);
    const phone = parsePhone(row.phone);
    if (route === 'email' && !email.ok) {
      if (email.reason === 'empty') skip(t('invite.skipped_no_email'), t('invite.skipped_no_email'));
      // Neither the row's status nor the log ever quotes an address, not even a malformed one.
      else skip(t('invite.skipped_invalid_email'), t('log.invalid_email'));
      continue;
    }
    if (route === 'sms' && !phone.ok) {
      // Nor a number: the reason only.
      const why = phone.reason === 'empty' ? t('sms.skipped_no_phone') : t('sms.skipped_invalid_phone');
      skip(why, why, true, 'sms');
      continue;
    }
    const contact = route === 'sms' ? (phone.ok ? phone.msisdn : '') : email.ok ? email.email : '';
    const ref = addressRef(contact, service);
    const renumbered = orphans.get(ref);
    if (renumbered) {
      // Already invited under its former number: the record moves, nothing is sent again.
      orphans.delete(ref);
      moves.push({ from: renumbered.caseId, to: caseId });
      continue;
    }
    const ownLink = resolved ? (input.links.get(resolved.code) ?? '') : '';
    let link = ownLink;
    let sentStatus: string = t('invite.sent');
    if (!resolved) {
      sentStatus = t('invite.sent_unknown_service', { value: shorten(text(row.service)) });
      link = input.genericUrl ?? '';
    } else if (!isAnonymousLink(ownLink, caseId, contact)) {
      sentStatus = t('invite.no_service_link');
      link = input.genericUrl ?? '';
    }
    if (!input.genericUrl || !isAnonymousLink(link, caseId, contact)) {
      skip(t('invite.no_form'), t('invite.no_form'));
      continue;
    }
    // One UCS-2 segment: only a short (forms.gle) link fits; the form's long address does not.
    if (route === 'sms' && composeSms(link) === null) {
      skip(t('sms.link_too_long'), t('sms.link_too_long'), true, 'sms');
      continue;
    }
    sends.push({
      index: row.index,
      caseId,
      channel: route,
      email: route === 'email' ? contact : '',
      phone: route === 'sms' ? contact : '',
      service,
      serviceName: resolved ? resolved.ka : null,
      link,
      sentStatus,
      sentNote: sentStatus === t('invite.sent') ? '' : sentStatus,
      ref,
      appliedOn: isDate(row.submittedAt) ? formatDateKa(row.submittedAt) : null,
      dueSince: isDate(row.closedAt) ? row.closedAt : null,
    });
  }
  return { sends, outcomes, fillClosedAt, moves };
}

/**
 * How a closed case is invited, or null when N2 is not for it. An email case (or one whose way
 * in is not stated) by email; a desk case by SMS when SMS is on and the applicant ticked the
 * consent (N2 reaches desk applicants by SMS: most of them do not use email), else by email when
 * inviteDeskCases and it left an address. An email case with the consent but no usable address
 * gets the SMS. A case with both never gets both: one invitation per case.
 */
export function routeOf(row: ApplicationRow, input: Pick<PlanInput, 'inviteDeskCases' | 'smsOn'>): 'email' | 'sms' | null {
  const sms = input.smsOn === true && hasSmsConsent(row.smsConsent);
  if (applyChannelOf(row.applyChannel) === 'office') {
    if (sms) return 'sms';
    return input.inviteDeskCases && parseEmail(row.email).ok ? 'email' : null;
  }
  if (parseEmail(row.email).ok || !sms) return 'email';
  return 'sms';
}

/**
 * Rows whose mobile number has done its work: the log holds the case's SMS invitation as final
 * (sent, unknown, or refused for good) at this very number. Cleared right after sending.
 */
export function usedPhoneRows(rows: readonly ApplicationRow[], log: ReadonlyMap<string, LogRecord>, services: readonly Service[]): number[] {
  return rows
    .filter((row) => {
      const phone = parsePhone(row.phone);
      const record = log.get(caseKey(row.caseId));
      if (!phone.ok || !record || record.channel !== 'sms' || !isFinal(record)) return false;
      const resolved = resolveService(text(row.service), services);
      return record.ref === addressRef(phone.msisdn, resolved ? resolved.code : UNKNOWN_SERVICE);
    })
    .map((row) => row.index);
}

/**
 * Rows whose mobile number is cleared by retention: as expiredEmailRows, whatever became of the
 * SMS (none sent, a typo, no consent …).
 */
export function expiredPhoneRows(rows: readonly ApplicationRow[], log: ReadonlyMap<string, LogRecord>, now: Date, days: number): number[] {
  return expiredEmailRows(
    rows.map((row) => ({ ...row, email: row.phone })),
    log,
    now,
    days,
  );
}

/**
 * Rows whose applicant email is cleared: every closed case closed more than `days` days ago,
 * whatever became of its invitation (sent, unknown, refused, invalid, opted out, several
 * addresses …). The closing date is the row's; without one, the log's time.
 */
export function expiredEmailRows(rows: readonly ApplicationRow[], log: ReadonlyMap<string, LogRecord>, now: Date, days: number): number[] {
  const cutoff = now.getTime() - days * 24 * 3600 * 1000;
  return rows
    .filter((row) => {
      if (!isClosedStatus(row.status) || text(row.email) === '') return false;
      const closedAt = isDate(row.closedAt) ? row.closedAt : (log.get(caseKey(row.caseId))?.at ?? null);
      return !!closedAt && closedAt.getTime() <= cutoff;
    })
    .map((row) => row.index);
}
