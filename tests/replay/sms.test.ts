/**
 * The sample quarter with SMS turned on (issue 17), replayed through the built bundle: the
 * administrator names the provider and types the test key into the product's own menu prompt;
 * desk applicants who ticked the consent get one SMS each (sms/<nnn>.json), email applicants
 * their mail; invitations and responses by channel; and no mobile number of a closed case left
 * once retention has run.
 */
import { parseInviteChannel } from '../../src/domain/invitation-log';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { playScenario, type PlayResult } from '../../replay/player';
import { writeOutput, type Summary } from '../../replay/output';
import { TABS } from '../../src/domain/schema';
import { parsePhone } from '../../src/domain/sms';
import { t } from '../../src/domain/messages';
import { smsSampleScenario } from './sms-sample';

const work = mkdtempSync(join(tmpdir(), 'ukukavshiri-sms-'));
const DAY = 86_400_000;
let result: PlayResult;
let summary: Summary;
const scenario = smsSampleScenario('twilio');

const tab = (name: string): unknown[][] => result.ws.spreadsheets.snapshot(result.spreadsheetId).tabs.find((t) => t.name === name)!.values;
const appCol = (key: string): number =>
  tab(TABS.applications.name)[0]
    .map(String)
    .indexOf(TABS.applications.columns.find((c) => c.key === key)!.header);
const logCol = (key: string): number =>
  tab(TABS.invitations.name)[0]
    .map(String)
    .indexOf(TABS.invitations.columns.find((c) => c.key === key)!.header);

beforeAll(() => {
  result = playScenario(scenario);
  summary = writeOutput(result, join(work, 'out'), 'sms-sample').summary;
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

test('the key went in through the menu prompt, into the script properties, and nothing failed', () => {
  expect(summary.errors).toEqual([]);
  expect(summary.triggerFailures).toEqual([]);
  expect(result.record.alerts.some((a) => a.message.includes('twilio') && a.menuItem.includes('SMS'))).toBe(true);
  expect(result.ws.properties.app.getScriptProperties().getProperty('sms.key')).toContain('AC');
});

test('every closed desk case with consent and a valid number got exactly one SMS of one segment, carrying no case number', () => {
  const closedAt = new Map(scenario.cases.map((c) => [String(c.id), c.closedAt]));
  const expected = scenario.cases.filter(
    (c) => c.channel === 'office' && c.smsConsent === true && parsePhone(c.phone).ok && typeof closedAt.get(String(c.id)) === 'string',
  );
  const perNumber = new Map<string, number>();
  for (const sms of result.gateways.accepted) perNumber.set(sms.to, (perNumber.get(sms.to) ?? 0) + 1);
  expect([...perNumber.values()].filter((n) => n > 1)).toEqual([]);
  // Services that invite nobody (the services tab's "invite") are the only ones left out.
  const invited = new Set(expected.map((c) => `+${(parsePhone(c.phone) as { msisdn: string }).msisdn}`));
  expect([...perNumber.keys()].every((to) => invited.has(to))).toBe(true);
  expect(result.gateways.accepted.length).toBeGreaterThan(expected.length * 0.8);
  for (const sms of result.gateways.accepted) {
    expect(sms.segments).toBe(1);
    expect(sms.text.length).toBeLessThanOrEqual(70);
    expect(sms.text).not.toMatch(/01-2026/);
  }
  const files = readdirSync(join(work, 'out', 'sms')).sort();
  expect(files).toHaveLength(result.gateways.accepted.length);
  const first = JSON.parse(readFileSync(join(work, 'out', 'sms', files[0]), 'utf8'));
  expect(Object.keys(first).sort()).toEqual(['provider', 'sentAt', 'text', 'to']);
  expect(first.provider).toBe('twilio');
});

test('invitations and responses by channel: the log says email or sms for each sent one, and the summary agrees', () => {
  const log = tab(TABS.invitations.name).slice(1);
  const sentBy = (channel: string) => log.filter((r) => r[logCol('status')] === 'გაგზავნილია' && parseInviteChannel(r[logCol('channel')]) === channel).length;
  expect(sentBy('sms')).toBe(result.gateways.accepted.length);
  expect(summary.invitations.byChannel).toEqual({ email: sentBy('email'), sms: sentBy('sms') });
  expect(summary.invitations.byChannel.sms).toBeGreaterThan(20);
  expect(summary.invitations.byChannel.email).toBeGreaterThan(20);
  // Answers stay anonymous: an SMS and a mail carry the same link, so N2 answers are one channel.
  const n2 = Object.entries(summary.responses.recorded).filter(([key]) => key.startsWith('N2/'));
  expect(n2.map(([key]) => key)).toEqual(['N2/email_link']);
  console.log(
    `SMS sample: invitations by channel ${JSON.stringify(summary.invitations.byChannel)}; responses recorded ${JSON.stringify(summary.responses.recorded)}; ` +
      `refused ${summary.invitations.refused}; numbers left at the end ${summary.sms.phonesLeft}`,
  );
});

test('no mobile number of a closed case is left once retention has run; numbers that got their SMS went at once', () => {
  const rows = tab(TABS.applications.name).slice(1);
  const withPhone = rows.filter((r) => String(r[appCol('phone')] ?? '') !== '');
  // Rows whose SMS went (accepted, delivered or not): the row shows the provider's word.
  const went = [
    t('sms.accepted', { provider: 'twilio', id: '' }).slice(0, 20),
    t('sms.delivered', { provider: 'twilio' }),
    t('sms.not_delivered_row', { reason: '' }).slice(0, 20),
  ];
  const sentStatus = (r: unknown[]) => went.some((prefix) => String(r[appCol('inviteStatus')]).startsWith(prefix));
  expect(rows.filter(sentStatus).length).toBe(result.gateways.accepted.length);
  expect(withPhone.filter(sentStatus)).toEqual([]);
  result.ws.script.runClockUntil(result.ws.core.now() + 31 * DAY);
  const after = tab(TABS.applications.name).slice(1);
  const closedWithPhone = after.filter((r) => r[appCol('status')] === 'დასრულებულია' && String(r[appCol('phone')] ?? '') !== '');
  const openWithPhone = after.filter((r) => r[appCol('status')] !== 'დასრულებულია' && String(r[appCol('phone')] ?? '') !== '');
  console.log(
    `SMS sample: numbers left before retention ${withPhone.length}; after: closed cases ${closedWithPhone.length}, open cases ${openWithPhone.length}`,
  );
  expect(closedWithPhone).toHaveLength(0);
});
