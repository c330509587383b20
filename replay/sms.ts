/**
 * The replay's SMS world (issue 17; ../shared/scenario.md, additions): fake gateways behind the
 * emulated UrlFetchApp, the test key the administrator types into the product's own menu prompt,
 * and `sms/<nnn>.json`, one file per SMS a gateway accepted.
 */
import { SmsGateways, type AcceptedSms, type GatewayName, type Workspace } from '../emulator';
import { parseSmsProvider } from '../src/domain/settings';

/** The keys the fake gateways accept in a replay (Twilio's is AccountSid:AuthToken). */
export const TEST_SMS_KEYS: Readonly<Record<GatewayName, string>> = {
  smsoffice: 'replay-smsoffice-key-0001',
  gosms: 'replay-gosms-key-0001',
  twilio: `AC${'0'.repeat(31)}1:replay-twilio-token-0001`,
};

/** The gateways, answering every URL the bundle fetches; they accept no key until the scenario names a provider. */
export function installGateways(ws: Workspace): SmsGateways {
  const gateways = new SmsGateways({ now: () => ws.core.now() });
  ws.urlFetch.handler = gateways.handler;
  return gateways;
}

/** `settings.sms` of a scenario: the provider (a gateway's name) and the sender, or null when absent or unreadable. */
export function smsSettings(raw: unknown): { provider: GatewayName; sender: string } | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { provider, sender } = raw as { provider?: unknown; sender?: unknown };
  const parsed = parseSmsProvider(typeof provider === 'string' ? provider : '');
  if (!parsed) return null;
  return { provider: parsed, sender: typeof sender === 'string' ? sender : '' };
}

/** sms/<nnn>.json: sentAt (the simulated clock), to, text, provider. */
export function smsRecord(sms: AcceptedSms): { sentAt: string; to: string; text: string; provider: string } {
  return { sentAt: new Date(sms.at).toISOString(), to: sms.to, text: sms.text, provider: sms.provider };
}
