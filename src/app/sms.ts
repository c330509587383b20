/**
 * The SMS invitation's use cases (issue 17): the owner types the gateway's key into a menu
 * prompt (kept in the script properties, never in a cell); the invitation run gets the gateway
 * as a port; the hourly sweep reads the providers' delivery reports into the log.
 */
import { t } from '../domain/messages';
import { caseKey, type LogRecord } from '../domain/invitation-log';
import type { Ledger, SmsPort } from '../domain/invitations';
import { isPlausibleKey } from '../domain/sms-providers';
import { TABS } from '../domain/schema';
import type { Settings } from '../domain/types';
import { fetchDelivery, readSmsKey, sendSms, writeSmsKey } from '../adapters/sms-gateway';
import { readSettings } from '../adapters/settings-tab';
import { prompt } from '../adapters/ui';
import { runningAccount } from './owner';

/** A run reads at most this many delivery reports (one URL fetch each). */
const DELIVERY_CHECKS_PER_RUN = 50;
/** A report not final after this many days is not asked for again. */
const DELIVERY_WINDOW_DAYS = 3;

/**
 * The menu item: only the owner (whose triggers send, and who alone may edit the settings) sets
 * the key. Any other editor is told who may.
 */
export function setSmsKeyAction(): string {
  const running = runningAccount();
  if (!running.verdict.owner) return t('sms.key_not_owner', { owner: running.verdict.recorded });
  const provider = readSettings().value.smsProvider;
  if (provider === '') return t('sms.key_no_provider', { tab: TABS.settings.name });
  const typed = prompt(t('sms.key_title'), t('sms.key_question', { provider }));
  if (typed === null) return t('sms.key_cancelled');
  if (!isPlausibleKey(provider, typed)) return t('sms.key_invalid', { provider });
  writeSmsKey({ provider, secret: typed.trim() });
  console.info(`sms: a ${provider} key was set by the owner`);
  return t('sms.key_saved', { provider });
}

/** The gateway for this run; null when SMS is off or no key is set for the provider. */
export function smsPort(settings: Pick<Settings, 'smsProvider' | 'smsSender'>): SmsPort | null {
  if (settings.smsProvider === '') return null;
  const key = readSmsKey(settings.smsProvider);
  if (!key) return null;
  return { provider: key.provider, send: (msisdn, text) => sendSms(key, settings.smsSender, msisdn, text) };
}

const ACCEPTED_ID = /\(id ([^)\s]+)\)/;

/**
 * Reads the delivery reports of SMS accepted in the last days into the log notes (the row then
 * shows them): delivered, or not and why. smsoffice has no public report call: its rows stay
 * "accepted". Returns how many reports changed a note.
 */
export function checkDeliveries(ledger: Ledger, settings: Pick<Settings, 'smsProvider'>, now: Date): { delivered: number; undelivered: number } {
  const result = { delivered: 0, undelivered: 0 };
  if (settings.smsProvider === '' || settings.smsProvider === 'smsoffice') return result;
  const key = readSmsKey(settings.smsProvider);
  if (!key) return result;
  const since = now.getTime() - DELIVERY_WINDOW_DAYS * 24 * 3600 * 1000;
  const pending: Array<{ record: LogRecord; id: string }> = [];
  for (const record of ledger.records.values()) {
    const id = ACCEPTED_ID.exec(record.note)?.[1];
    if (record.state === 'sent' && record.channel === 'sms' && id && id !== '?' && record.at && record.at.getTime() >= since) pending.push({ record, id });
  }
  for (const { record, id } of pending.slice(0, DELIVERY_CHECKS_PER_RUN)) {
    const delivery = fetchDelivery(key, id);
    if (!delivery) continue;
    const note = delivery.delivered ? t('sms.delivered', { provider: key.provider }) : t('sms.not_delivered_row', { reason: delivery.reason });
    // The day it went stays: only the note changes.
    ledger.put({ ...record, note });
    if (delivery.delivered) result.delivered++;
    else result.undelivered++;
    console.info(`sms: delivery of case ${caseKey(record.caseId)}: ${delivery.delivered ? 'delivered' : 'not delivered'}`);
  }
  if (result.delivered + result.undelivered > 0) ledger.flush();
  return result;
}
