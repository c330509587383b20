/**
 * The SMS gateways' HTTP APIs, as requests to build and answers to read (pure: the adapter,
 * adapters/sms-gateway.ts, sends them with UrlFetchApp). Sources, read 2026-11:
 *
 * - smsoffice.ge, API v2: `https://smsoffice.ge/api/v2/send/` with `key`, `destination`
 *   (995XXXXXXXXX), `sender`, `content`, `urgent`, as GET query or form POST; it answers HTTP 200
 *   with JSON `{Success, Message, Output, ErrorCode}`, ErrorCode 0 meaning "accepted for sending,
 *   not yet delivered". Only public client code documents it (e.g. github.com/gabisonia/
 *   SimpleSmsOfficeClient, and the ErrorCode table quoted in several open-source clients:
 *   10 destination has non-Georgian numbers, 20 balance too low, 40 text over 150 characters,
 *   60 content empty, 70 destination empty, 75 every number stop-listed, 76 numbers malformed,
 *   80 key not found, 99 other). We found no public delivery-report call: the row says
 *   "accepted", delivery is seen in smsoffice's own report. Its answer to throttling is not
 *   documented; a 429 is read as throttling, as for the others.
 * - gosms.ge: `POST https://api.gosms.ge/api/sendsms` with JSON `{api_key, from, to, text,
 *   urgent}`, answering `{success, messageId, from, to, text, balance, segment, …}`;
 *   `POST https://api.gosms.ge/api/checksms` with `{api_key, messageId}` answering `{success,
 *   messageId, status, …}` (gosms-ge/gosmsge-node and the Python client `gosms`); error codes
 *   of gosmsge-node: 100 invalid key, 101 invalid sender, 102 balance, 103 parameters,
 *   105 invalid phone, 109 too many requests, 110 account locked. The error body is modelled
 *   as `{success: false, errorCode, message}` with a 4xx status (the clients read errorCode).
 * - Twilio Messages API: `POST https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages.json`,
 *   form fields `To` (E.164), `From`, `Body`, HTTP basic auth AccountSid:AuthToken; 201 with the
 *   Message resource (`sid`, `status` queued/accepted); errors are `{code, message, more_info,
 *   status}` (20003 authentication, 20429 too many requests, 21211 invalid To, 21408/21612
 *   region or route not permitted); `GET …/Messages/{sid}.json` gives its `status`
 *   (delivered, undelivered, failed, sent …) and `error_code`.
 *   https://www.twilio.com/docs/messaging/api/message-resource
 */
import { t } from './messages';
import type { Delivery, SmsOutcome } from './sms';
import type { SmsProvider } from './types';

export interface HttpCall {
  url: string;
  method: 'get' | 'post';
  contentType?: string;
  /** A form (object) or a JSON/text body. */
  payload?: string | Record<string, string>;
  headers?: Record<string, string>;
}

export interface SmsKey {
  provider: SmsProvider;
  /** smsoffice, gosms: the API key; twilio: "AccountSid:AuthToken". */
  secret: string;
}

export const SMSOFFICE_SEND = 'https://smsoffice.ge/api/v2/send/';
export const GOSMS_SEND = 'https://api.gosms.ge/api/sendsms';
export const GOSMS_CHECK = 'https://api.gosms.ge/api/checksms';
export const TWILIO_API = 'https://api.twilio.com/2010-04-01/Accounts';

/** Whether a key typed in the menu prompt has the provider's shape (a Twilio key is "AC…:token"). */
export function isPlausibleKey(provider: SmsProvider, typed: string): boolean {
  const key = typed.trim();
  if (key === '' || /\s/.test(key)) return false;
  if (provider === 'twilio') return /^AC[0-9a-zA-Z]{8,}:[^:]{8,}$/.test(key);
  return key.length >= 8;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of an ASCII text (HTTP basic auth), without Utilities: the domain touches no Google global. */
export function base64Ascii(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const [a, b, c] = [text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2)];
    const n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (Number.isNaN(b) ? '=' : B64[(n >> 6) & 63]) + (Number.isNaN(c) ? '=' : B64[n & 63]);
  }
  return out;
}

function twilioParts(secret: string): { sid: string; auth: string } {
  const sid = secret.split(':')[0];
  return { sid, auth: `Basic ${base64Ascii(secret)}` };
}

/** The request that sends one SMS to `msisdn` (995XXXXXXXXX). */
export function sendRequest(key: SmsKey, sender: string, msisdn: string, text: string): HttpCall {
  switch (key.provider) {
    case 'smsoffice':
      return {
        url: SMSOFFICE_SEND,
        method: 'post',
        payload: { key: key.secret, destination: msisdn, sender, content: text, urgent: 'true' },
      };
    case 'gosms':
      return {
        url: GOSMS_SEND,
        method: 'post',
        contentType: 'application/json',
        payload: JSON.stringify({ api_key: key.secret, from: sender, to: msisdn, text, urgent: true }),
      };
    case 'twilio': {
      const { sid, auth } = twilioParts(key.secret);
      return {
        url: `${TWILIO_API}/${encodeURIComponent(sid)}/Messages.json`,
        method: 'post',
        payload: { To: `+${msisdn}`, From: sender, Body: text },
        headers: { Authorization: auth },
      };
    }
  }
}

/** The request asking for a sent message's delivery; null when the provider has none. */
export function statusRequest(key: SmsKey, id: string): HttpCall | null {
  if (key.provider === 'gosms')
    return { url: GOSMS_CHECK, method: 'post', contentType: 'application/json', payload: JSON.stringify({ api_key: key.secret, messageId: id }) };
  if (key.provider === 'twilio') {
    const { sid, auth } = twilioParts(key.secret);
    return { url: `${TWILIO_API}/${encodeURIComponent(sid)}/Messages/${encodeURIComponent(id)}.json`, method: 'get', headers: { Authorization: auth } };
  }
  return null;
}

function json(body: string): Record<string, unknown> {
  try {
    const value = JSON.parse(body) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

type Failure = Extract<SmsOutcome, { ok: false }>;
const fail = (kind: Failure['kind'], reason: string, detail: string): Failure => ({ ok: false, kind, reason, detail });

/** What the gateway's answer to a send means. */
export function readSendResponse(provider: SmsProvider, status: number, body: string): SmsOutcome {
  const data = json(body);
  const detail = `${provider} HTTP ${status}: ${body.slice(0, 200)}`;
  if (status === 429) return fail('throttled', t('sms.throttled'), detail);
  if (status >= 500) return fail('transient', t('sms.gateway_error', { code: status }), detail);
  if (provider === 'smsoffice') {
    if (status === 200 && data.Success === true) return { ok: true, id: String(data.Output ?? ''), status: 'accepted' };
    const code = Number(data.ErrorCode);
    if (code === 80 || status === 401 || status === 403) return fail('account', t('sms.bad_key'), detail);
    if (code === 20) return fail('account', t('sms.no_balance'), detail);
    if (code === 10 || code === 70 || code === 75 || code === 76) return fail('permanent', t('sms.bad_number'), detail);
    return fail('permanent', t('sms.refused', { code: Number.isFinite(code) ? code : status }), detail);
  }
  if (provider === 'gosms') {
    if (status < 300 && data.success === true) return { ok: true, id: String(data.messageId ?? ''), status: 'accepted' };
    const code = Number(data.errorCode);
    if (code === 109) return fail('throttled', t('sms.throttled'), detail);
    if (code === 100 || code === 101 || code === 110 || status === 401 || status === 403) return fail('account', t('sms.bad_key'), detail);
    if (code === 102) return fail('account', t('sms.no_balance'), detail);
    if (code === 105 || code === 113) return fail('permanent', t('sms.bad_number'), detail);
    return fail('permanent', t('sms.refused', { code: Number.isFinite(code) ? code : status }), detail);
  }
  if (status === 201 || status === 200) return { ok: true, id: String(data.sid ?? ''), status: String(data.status ?? 'queued') };
  const code = Number(data.code);
  if (code === 20429) return fail('throttled', t('sms.throttled'), detail);
  if (status === 401 || status === 403 || code === 20003) return fail('account', t('sms.bad_key'), detail);
  if (code === 21211 || code === 21614 || code === 21408 || code === 21612) return fail('permanent', t('sms.bad_number'), detail);
  return fail('permanent', t('sms.refused', { code: Number.isFinite(code) ? code : status }), detail);
}

/** What a delivery report says: delivered, not delivered (why, in Georgian), or not yet known. */
export function readDelivery(provider: SmsProvider, status: number, body: string): Delivery {
  if (status !== 200) return null;
  const data = json(body);
  const word = String(data.status ?? '').toLowerCase();
  if (word === 'delivered') return { delivered: true };
  if (provider === 'twilio' && (word === 'undelivered' || word === 'failed'))
    return { delivered: false, reason: t('sms.undelivered', { code: String(data.error_code ?? word) }) };
  if (provider === 'gosms' && (word === 'undelivered' || word === 'failed' || word === 'expired' || word === 'rejected'))
    return { delivered: false, reason: t('sms.undelivered', { code: word }) };
  return null;
}
