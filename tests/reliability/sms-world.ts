/**
 * The reliability suite's SMS world (issue 17), what ./worlds.ts adds for it: a fake gateway
 * (one of the three providers, chosen by the seed) whose key the owner types into the menu
 * prompt; desk cases with a number and the consent tick; the gateway throttling (429), failing
 * (5xx) and accepting a message whose answer is lost (a timeout); Apps Script's URL Fetch quota
 * running out; and the invariants: no number got two SMS, every SMS case got one unless its row
 * and log say unknown, and a number whose SMS went is no longer in the tab.
 */
import { SmsGateways, type GatewayFault, type GatewayName } from '../../emulator';
import { t } from '../../src/domain/messages';
import type { Fixture } from '../support/workbook';
import { setSetting } from '../support/tabs';
import { between, pick } from './harness';

const KEYS: Record<GatewayName, string> = {
  smsoffice: 'rel-smsoffice-key-01',
  gosms: 'rel-gosms-key-01',
  twilio: `AC${'2'.repeat(32)}:rel-twilio-token-01`,
};

export interface SmsWorld {
  gateways: SmsGateways;
  provider: GatewayName;
  /** Faults pushed to the gateway (see gateways.met for those sends met), and whether the URL Fetch quota was cut. */
  faultsPushed: number;
  fetchQuotaShort: boolean;
}

/** SMS on, with the owner's key typed into the menu prompt, before any fault. */
export function setUpSms(f: Fixture, rnd: () => number): SmsWorld {
  const provider = pick(rnd, ['smsoffice', 'gosms', 'twilio'] as const);
  const gateways = new SmsGateways({ now: () => f.ws.core.now(), keys: { [provider]: KEYS[provider] }, perMinute: between(rnd, 3, 20) });
  f.ws.urlFetch.handler = gateways.handler;
  setSetting(f, 'smsProvider', provider);
  setSetting(f, 'smsSender', 'Ambrolauri');
  // Sometimes the municipality's own daily SMS budget is small.
  if (rnd() < 0.3) setSetting(f, 'smsPerDay', String(between(rnd, 2, 3)));
  f.ws.spreadsheets.ui.answerNext({ button: 'OK', text: KEYS[provider] });
  f.click(t('menu.sms_key'));
  return { gateways, provider, faultsPushed: 0, fetchQuotaShort: false };
}

/** A number for the case: nine digits from 5, unique per seed and case; or a mistyped one. */
export function phoneFor(seed: number, i: number, valid: boolean): string {
  const digits = `5${String(seed % 10_000).padStart(4, '0')}${String(i).padStart(4, '0')}`;
  return valid ? `+995 ${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : '12345';
}

export const msisdnOf = (phone: string): string => `995${phone.replace(/\D/g, '').slice(-9)}`;

/** The gateway's faults and the URL Fetch quota, as timeline actions. */
export function smsFaultActions(sms: SmsWorld, f: Fixture, rnd: () => number): Array<() => void> {
  const actions: Array<() => void> = [];
  const kinds: GatewayFault[] = ['throttle', 'server-error', 'timeout-after-accept'];
  // Some wait from the start for the first sends; more come later in the timeline.
  for (let i = between(rnd, 1, 2); i > 0; i--) {
    sms.gateways.faults.push(pick(rnd, kinds));
    sms.faultsPushed++;
  }
  for (let i = between(rnd, 0, 3); i > 0; i--)
    actions.push(() => {
      sms.gateways.faults.push(pick(rnd, kinds));
      sms.faultsPushed++;
    });
  if (rnd() < 0.3) {
    sms.fetchQuotaShort = true;
    f.ws.urlFetch.quotaPerDay = between(rnd, 0, 2);
  }
  return actions;
}

/**
 * The recovery phase: the URL Fetch quota back. Gateway faults still queued are met by the
 * recovery's first sends (each is one answer), so most sends meet them, and the recovery's
 * later batches must still invite every case once.
 */
export function endSmsFaults(f: Fixture): void {
  f.ws.urlFetch.quotaPerDay = null;
}

/** How many SMS the gateway accepted for a number. */
export function smsTo(sms: SmsWorld, phone: string): number {
  const target = msisdnOf(phone);
  return sms.gateways.accepted.filter((s) => s.to.replace(/\D/g, '') === target).length;
}
