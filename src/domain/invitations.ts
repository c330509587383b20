/**
 * N2 invitations, the pure rules: which closed case gets an invitation, what the message says,
 * how the invitations log records each case, and how a run killed mid-send is resolved. Nothing
 * here touches a Google global; src/app/invitations.ts does the reading, sending and writing.
 */
import { CASE_STATUSES } from './schema';
import { parseEmail } from './email';
import { UNKNOWN_SERVICE, resolveService } from './services';
import { escapeHtml, matchKey, stripInvisible } from './sanitize';
import { formatDateKa, isDate } from './dates';
import { t } from './i18n';
import type { Service } from './types';

/**
 * What the invitations log (TABS.invitations) says of a case. `sent` and `unknown` are final: the
 * case is never invited again, whatever happens to its row. `sending` is the durable marker
 * written before a batch of sends, so that a run killed mid-batch can be resolved by the next.
 */
export type LogState = 'sending' | 'sent' | 'unknown' | 'failed' | 'deferred' | 'queued' | 'skipped';

/** The log's status column, in Georgian (the tab is read by staff). */
export const LOG_STATE_KA: Record<LogState, string> = {
  sending: 'იგზავნება',
  sent: t('invite.sent'),
  unknown: 'შედეგი უცნობია',
  failed: 'ვერ გაიგზავნა',
  deferred: 'გადადებულია',
  queued: 'რიგშია',
  skipped: 'არ გაიგზავნა',
};

/** A send error is retried by later sweeps this many times in all, then reported for good. */
export const MAX_SEND_ATTEMPTS = 3;

/** Row statuses the i18n table does not have (the applications tab; Georgian only). */
export const INVITE_TEXT = {
  queued: 'გაგზავნის რიგშია: გაიგზავნება შემდეგი გაშვებისას',
  noCaseId: 'არ გაიგზავნა: განცხადების ნომერი მითითებული არ არის',
  duplicateCaseId: 'არ გაიგზავნა: განცხადების ეს ნომერი ზემოთ სხვა სტრიქონშიც არის — ერთ განცხადებაზე მოწვევა ერთხელ იგზავნება',
  noForm: 'არ გაიგზავნა: N2 ფორმა ჯერ არ არის შექმნილი — გაუშვით „სისტემის მომზადება / განახლება“',
  noServiceLink: 'გაგზავნილია ზოგადი ბმულით: სერვისს N2 ბმული არ აქვს — გაუშვით „სისტემის მომზადება / განახლება“',
  unknown:
    'გაგზავნის შედეგი უცნობია: გაგზავნისას შესრულება შეწყდა და ვერ დადგინდა, წავიდა თუ არა წერილი; განმეორებით არ იგზავნება, რომ განმცხადებელმა ორჯერ არ მიიღოს',
  failedFinal: `ვერ გაიგზავნა ${MAX_SEND_ATTEMPTS} მცდელობის შემდეგ: {reason} — შეამოწმეთ მისამართი`,
  mailRefused: 'Google-მა წერილი არ მიიღო ({message})',
} as const;

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
const ATTEMPTS = /^მცდელობა (\d+): /;

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
  return `მცდელობა ${attempts}: ${reason}`;
}

export function attemptsOf(record: LogRecord | undefined): number {
  if (!record || record.state !== 'failed') return 0;
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

export function isClosedStatus(raw: unknown): boolean {
  const key = matchKey(String(raw ?? ''));
  const closed = CASE_STATUSES.find((s) => s.id === 'closed');
  return key !== '' && !!closed && (key === matchKey(closed.ka) || key === closed.id);
}

/** Final: the case is never invited again (a reopened and re-closed case included). */
export function isFinal(record: LogRecord | undefined): boolean {
  if (!record) return false;
  return record.state === 'sent' || record.state === 'unknown' || (record.state === 'failed' && attemptsOf(record) >= MAX_SEND_ATTEMPTS);
}

/** Google's mail quota is counted over 24 hours (Apps Script quotas page). */
const QUOTA_PERIOD_MS = 24 * 3600 * 1000;

export type MarkerOutcome = 'sent' | 'not_sent' | 'unknown';

/**
 * Decides, for the cases a killed run left marked `sending`, whether each message went out. Sends
 * of a batch go out in `seq` order and the batch stops at its first failure, so if the quota
 * dropped by d since the batch began, exactly the first d were sent. Anything that breaks this
 * reasoning (the quota period reset or a day passed, more used than the batch holds, two batches
 * outstanding)
 * makes every case of the batch `unknown`: not resent, and reported on its row.
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

/** One row of the applications tab, as the planner needs it. `index` is the data-row index. */
export interface ApplicationRow {
  index: number;
  caseId: unknown;
  service: unknown;
  email: unknown;
  status: unknown;
  closedAt: unknown;
}

export interface PlannedSend {
  index: number;
  caseId: string;
  email: string;
  service: string;
  serviceName: string | null;
  link: string;
  /** What the row shows once sent (plain "sent", or sent with a note). */
  sentStatus: string;
  /** Stored in the log with the case (no personal data). */
  sentNote: string;
}

/** What the row of a case shows, decided without sending. */
export interface RowOutcome {
  index: number;
  caseId: string;
  service: string;
  /** The Georgian status on the row. */
  status: string;
  /** What the log records (null: nothing to record). */
  log: { state: LogState; note: string } | null;
  /** Counts as a problem in the menu summary (bad input staff should fix). */
  problem: boolean;
}

export interface Plan {
  sends: PlannedSend[];
  outcomes: RowOutcome[];
  /** Data-row indexes of closed rows with no closing date (the caller fills in now). */
  fillClosedAt: number[];
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
}

const text = (value: unknown): string => (value === null || value === undefined ? '' : stripInvisible(String(value)).trim());

const shorten = (value: string, max = 60): string => (value.length > max ? value.slice(0, max) + '…' : value);

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

/**
 * Decides, for every closed row, whether it gets an invitation now and what it shows otherwise.
 * A case number counts once: only its first closed row may be invited.
 */
export function planInvitations(input: PlanInput): Plan {
  const sends: PlannedSend[] = [];
  const outcomes: RowOutcome[] = [];
  const fillClosedAt: number[] = [];
  const seen = new Set<string>();
  for (const row of input.rows) {
    if (!isClosedStatus(row.status)) continue;
    const key = caseKey(row.caseId);
    const first = key !== '' && !seen.has(key);
    if (key !== '') seen.add(key);
    const edited = !input.only || input.only.has(row.index);
    if (edited && text(row.closedAt) === '' && !isDate(row.closedAt)) fillClosedAt.push(row.index);
    const caseId = text(row.caseId);
    const resolved = resolveService(text(row.service), input.services);
    const service = resolved ? resolved.code : UNKNOWN_SERVICE;
    const record = input.log.get(key);
    // Cases already waiting (deferred by the quota, or refused once) go first, in row order, also
    // when an edit trigger runs for other rows: a case closed today never jumps the queue.
    const eligible = edited || record?.state === 'deferred' || record?.state === 'failed' || record?.state === 'queued';
    if (key !== '' && !first) {
      outcomes.push({ index: row.index, caseId, service, status: INVITE_TEXT.duplicateCaseId, log: null, problem: true });
      continue;
    }
    if (isFinal(record) || !eligible) continue; // shown from the log by the caller
    const skip = (status: string, note: string, problem = true): void => {
      outcomes.push({ index: row.index, caseId, service, status, log: key ? { state: 'skipped', note } : null, problem });
    };
    if (key === '') {
      skip(INVITE_TEXT.noCaseId, '');
      continue;
    }
    if (resolved && !resolved.invite) {
      skip(t('invite.skipped_opted_out'), t('invite.skipped_opted_out'), false);
      continue;
    }
    const email = parseEmail(row.email);
    if (!email.ok) {
      if (email.reason === 'empty') skip(t('invite.skipped_no_email'), t('invite.skipped_no_email'));
      // The log never holds an address, not even a malformed one.
      else skip(t('invite.skipped_invalid_email', 'ka', { value: shorten(text(row.email)) }), 'ელფოსტის მისამართი არასწორია');
      continue;
    }
    const ownLink = resolved ? input.links.get(resolved.code) ?? '' : '';
    let link = ownLink;
    let sentStatus: string = t('invite.sent');
    if (!resolved) {
      sentStatus = t('invite.sent_unknown_service', 'ka', { value: shorten(text(row.service)) });
      link = input.genericUrl ?? '';
    } else if (!isAnonymousLink(ownLink, caseId, email.email)) {
      sentStatus = INVITE_TEXT.noServiceLink;
      link = input.genericUrl ?? '';
    }
    if (!input.genericUrl || !isAnonymousLink(link, caseId, email.email)) {
      skip(INVITE_TEXT.noForm, INVITE_TEXT.noForm);
      continue;
    }
    sends.push({
      index: row.index,
      caseId,
      email: email.email,
      service,
      serviceName: resolved ? resolved.ka : null,
      link,
      sentStatus,
      sentNote: sentStatus === t('invite.sent') ? '' : sentStatus,
    });
  }
  return { sends, outcomes, fillClosedAt };
}

/** What a row shows for a case the log holds as final. */
export function finalStatus(record: LogRecord): string {
  if (record.state === 'sent') return record.note || t('invite.sent');
  if (record.state === 'unknown') return INVITE_TEXT.unknown;
  return INVITE_TEXT.failedFinal.replace('{reason}', record.note.replace(ATTEMPTS, ''));
}

export interface InvitationMessage {
  subject: string;
  body: string;
  htmlBody: string;
}

/**
 * The N2 invitation, Georgian, plain text and HTML. It names no person and no case: the same
 * text and link go to every applicant of a service. Every interpolated value is HTML-escaped.
 */
export function composeInvitation(input: { municipality: string; serviceName: string | null; link: string }): InvitationMessage {
  const municipality = input.municipality.trim();
  const done = input.serviceName
    ? `თქვენი განცხადების განხილვა დასრულდა (სერვისი: „${input.serviceName}“).`
    : 'თქვენი განცხადების განხილვა დასრულდა.';
  const why = 'გვსურს, ჩვენი მომსახურება უკეთესი გავხადოთ, ამიტომ გთხოვთ, შეაფასოთ, როგორ მოგემსახურეთ. თქვენი აზრი გვეხმარება სერვისების გაუმჯობესებაში.';
  const time = 'კითხვარის შევსებას მხოლოდ 2 წუთი დასჭირდება.';
  const anonymity =
    'კითხვარი ანონიმურია: ის არ ითხოვს სახელს, პირად ნომერს ან საკონტაქტო მონაცემებს, ბმული ამ სერვისის ყველა მომხმარებლისთვის ერთნაირია და თქვენი პასუხი არ უკავშირდება თქვენს განცხადებას.';
  const voluntary = 'მონაწილეობა ნებაყოფლობითია და არანაირ გავლენას არ ახდენს თქვენს განცხადებაზე ან მომავალ მომსახურებაზე.';
  const subject = `${municipality}: შეაფასეთ მიღებული მომსახურება (2 წუთი)`;
  const body = [
    'გამარჯობა,',
    `${municipality} გწერთ: ${done}`,
    why,
    time,
    anonymity,
    `კითხვარის ბმული:\n${input.link}`,
    voluntary,
    `მადლობა,\n${municipality}`,
  ].join('\n\n');
  const p = (s: string): string => `<p>${escapeHtml(s)}</p>`;
  const htmlBody = [
    '<div style="font-family: \'Noto Sans Georgian\', Arial, sans-serif; font-size: 15px; line-height: 1.5">',
    p('გამარჯობა,'),
    p(`${municipality} გწერთ: ${done}`),
    p(why),
    `<p><strong>${escapeHtml(time)}</strong></p>`,
    p(anonymity),
    `<p><a href="${escapeHtml(input.link)}" style="display: inline-block; padding: 10px 18px; background: #1a56a8; color: #ffffff; text-decoration: none; border-radius: 4px">კითხვარის გახსნა</a></p>`,
    `<p style="font-size: 13px; color: #555555">თუ ღილაკი არ იხსნება, გადადით ბმულზე: ${escapeHtml(input.link)}</p>`,
    p(voluntary),
    `<p>მადლობა,<br>${escapeHtml(municipality)}</p>`,
    '</div>',
  ].join('\n');
  return { subject, body, htmlBody };
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

/** Google's message when the daily mail quota is used up. */
export function isQuotaError(message: string): boolean {
  return /too many times for one day:\s*email/i.test(message);
}

/**
 * A refusal that will not go away by retrying (the address itself). Anything else (Google's
 * "Service unavailable", "server error") is transient and does not count towards the attempts.
 */
export function isPermanentMailError(message: string): boolean {
  return /invalid email|no recipient|invalid argument/i.test(message);
}

/** The Georgian summary the menu item shows. */
export function summaryText(result: { sent: number; deferred: number; problems: number; more: boolean }): string {
  const lines = [`გაიგზავნა: ${result.sent}`, `გადაიდო (დღიური ლიმიტი): ${result.deferred}`, `პრობლემური სტრიქონები: ${result.problems}`];
  if (result.problems > 0) lines.push('პრობლემის მიზეზი ჩანს „განცხადებები“ ჩანართის სვეტში „მოწვევის სტატუსი“.');
  if (result.more) lines.push('ყველა მოწვევა ჯერ არ გაიგზავნა; დანარჩენი ავტომატურად გაიგზავნება მომდევნო საათობრივი გაშვებისას.');
  return lines.join('\n');
}

/**
 * Rows whose applicant email is cleared: closed cases whose invitation went out (or may have)
 * more than `days` days ago. The log's time is the invitation's.
 */
export function expiredEmailRows(
  rows: readonly ApplicationRow[],
  log: ReadonlyMap<string, LogRecord>,
  now: Date,
  days: number,
): number[] {
  const cutoff = now.getTime() - days * 24 * 3600 * 1000;
  return rows
    .filter((row) => {
      if (!isClosedStatus(row.status) || text(row.email) === '') return false;
      const record = log.get(caseKey(row.caseId));
      return !!record && (record.state === 'sent' || record.state === 'unknown') && !!record.at && record.at.getTime() <= cutoff;
    })
    .map((row) => row.index);
}
