/**
 * The SMS gateway over UrlFetchApp (issue 17), thin: one message, one fetch. The requests and
 * the reading of answers are domain/sms-providers.ts. Every fetch mutes HTTP exceptions, so a
 * 4xx/5xx comes back as a code to read (without it Apps Script throws "Request failed for …
 * returned code N"); what still throws (the day's URL Fetch calls used up, an unreachable host)
 * is classified by domain/sms.ts. The API key lives in the script properties, set from the menu
 * (app/sms.ts), never in a cell.
 */
import { classifyFetchError, type Delivery, type SmsOutcome } from '../domain/sms';
import { readDelivery, readSendResponse, sendRequest, statusRequest, type HttpCall, type SmsKey } from '../domain/sms-providers';
import type { SmsProvider } from '../domain/types';
import { readJson, writeJson } from './config';
import { errorMessage } from '../domain/errors';

/** Script property holding `{provider, secret}`. */
const KEY_PROPERTY = 'sms.key';

/** The key stored for `provider`; null when none is, or it was set for another provider. */
export function readSmsKey(provider: SmsProvider): SmsKey | null {
  const stored = readJson<Partial<SmsKey>>(KEY_PROPERTY);
  return stored && stored.provider === provider && typeof stored.secret === 'string' && stored.secret !== '' ? { provider, secret: stored.secret } : null;
}

export function writeSmsKey(key: SmsKey): void {
  writeJson(KEY_PROPERTY, key);
}

function fetch(call: HttpCall): { status: number; body: string } {
  const options: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = { method: call.method, muteHttpExceptions: true, followRedirects: true };
  if (call.payload !== undefined) options.payload = call.payload;
  if (call.contentType) options.contentType = call.contentType;
  if (call.headers) options.headers = call.headers;
  const response = UrlFetchApp.fetch(call.url, options);
  return { status: response.getResponseCode(), body: response.getContentText() };
}

/** Sends one SMS; never throws. */
export function sendSms(key: SmsKey, sender: string, msisdn: string, text: string): SmsOutcome {
  let answer: { status: number; body: string };
  try {
    answer = fetch(sendRequest(key, sender, msisdn, text));
  } catch (err) {
    return classifyFetchError(errorMessage(err));
  }
  return readSendResponse(key.provider, answer.status, answer.body);
}

/** The delivery of a sent message, by the provider's report; null when not known (yet), or on any failure. */
export function fetchDelivery(key: SmsKey, id: string): Delivery {
  const call = statusRequest(key, id);
  if (!call) return null;
  try {
    const answer = fetch(call);
    return readDelivery(key.provider, answer.status, answer.body);
  } catch (err) {
    console.warn(`SMS delivery report for ${id} not read: ${errorMessage(err)}`);
    return null;
  }
}
