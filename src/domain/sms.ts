/**
 * The SMS invitation (issue 17): who may get one, the number as gateways want it, and the text.
 * A desk applicant who ticked the consent box gets one SMS when the case is closed; the text
 * fits one UCS-2 segment (Georgian is not in GSM-7: 70 characters, 3GPP TS 23.038) and carries
 * only the form's short link prefilled with the service — never the case number.
 */
import { t } from './messages';
import { stripInvisible } from './sanitize';

/** One UCS-2 segment: a longer message is split (and billed) as several of 67. */
export const SMS_SEGMENT_UCS2 = 70;

export type PhoneParse = { ok: true; msisdn: string } | { ok: false; reason: 'empty' | 'invalid' };

/**
 * A Georgian mobile number as gateways take it: 995 and the nine digits, the first a 5
 * (Georgia's mobile numbers, ComCom's numbering plan: 5XX XXX XXX). Staff type it any way:
 * "+995 599 12 34 56", "599-12-34-56", "(0)599123456", "00995 599…".
 */
export function parsePhone(raw: unknown): PhoneParse {
  // An apostrophe Sheets kept in a plain-text cell ("'+995 …") is not part of the number.
  const typed = stripInvisible(raw === null || raw === undefined ? '' : String(raw))
    .trim()
    .replace(/^'/, '');
  if (typed === '') return { ok: false, reason: 'empty' };
  // One number only, and nothing but digits and the usual separators.
  if (!/^[+\d\s\-().]+$/.test(typed)) return { ok: false, reason: 'invalid' };
  let digits = typed.replace(/\D/g, '');
  if (digits.startsWith('00995')) digits = digits.slice(2);
  if (digits.startsWith('0') && digits.length === 10) digits = digits.slice(1);
  if (digits.length === 9) digits = `995${digits}`;
  return /^9955\d{8}$/.test(digits) ? { ok: true, msisdn: digits } : { ok: false, reason: 'invalid' };
}

/** Whether the consent cell is ticked (a checkbox's true; a typed word also counts). */
export function hasSmsConsent(raw: unknown): boolean {
  if (raw === true) return true;
  const key = String(raw ?? '')
    .trim()
    .toLowerCase();
  return key === 'true' || key === 'yes' || key === 'კი' || key === '✓';
}

/** UTF-16 code units: what a UCS-2 segment counts (Georgian letters are one each). */
export function ucs2Length(text: string): number {
  return text.length;
}

/** The SMS: a short Georgian line and the link; null when it would not fit one segment. */
export function composeSms(link: string): string | null {
  const text = `${t('sms.text')} ${link}`;
  return ucs2Length(text) <= SMS_SEGMENT_UCS2 ? text : null;
}

/** What the gateway said of one send, in the protocol's terms (domain/invitations.ts). */
export type SmsOutcome =
  | { ok: true; id: string; status: string }
  | {
      ok: false;
      /**
       * quota: Apps Script's URL Fetch calls for the day are used up (nothing was sent).
       * throttled: the gateway asks to slow down (429): nothing was sent; the rest wait.
       * account: the key is refused or the balance is empty: nothing was sent; the rest wait.
       * permanent: this number or message is refused: retrying will not help.
       * transient: the gateway failed (5xx) or could not be reached: nothing was sent.
       * ambiguous: the request may have reached the gateway (a timeout, Google's own failure):
       *   whether the SMS went cannot be known — recorded unknown, never resent.
       */
      kind: 'quota' | 'throttled' | 'account' | 'permanent' | 'transient' | 'ambiguous';
      /** Georgian, for the row and the log: never the number. */
      reason: string;
      /** English, for the execution log. */
      detail: string;
    };

/** What a delivery report says, or null when the provider has not decided yet. */
export type Delivery = { delivered: true } | { delivered: false; reason: string } | null;

/**
 * How an exception thrown by UrlFetchApp.fetch is read. Google's wording: the day's calls used
 * up ("Service invoked too many times for one day: urlfetch."), an unreachable host ("DNS error:
 * …", "Address unavailable: …") or a refused URL ("Invalid argument: …") — the request never
 * left; anything else (a timeout, "We're sorry, a server error occurred") may have reached the
 * gateway.
 */
export function classifyFetchError(message: string): SmsOutcome {
  const detail = message.slice(0, 300);
  if (/too many times for one day:\s*urlfetch/i.test(message)) return { ok: false, kind: 'quota', reason: t('sms.fetch_quota'), detail };
  if (
    /^(exception:\s*)?(dns error|address unavailable|invalid argument|bad request|unexpected error while getting the method or property fetch)/i.test(message)
  )
    return { ok: false, kind: 'transient', reason: t('sms.unreachable'), detail };
  return { ok: false, kind: 'ambiguous', reason: t('sms.unreachable'), detail };
}
