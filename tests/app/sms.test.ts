/**
 * The SMS invitation (issue 17), end to end on the emulated Workspace: the built bundle, the
 * consent ticked at the desk, the key typed into the owner's menu prompt, the day's batch sending
 * through a fake gateway behind UrlFetchApp, delivery reports, and the number cleared.
 */
import { inviteChannelLabel, parseInviteChannel } from '../../src/domain/invitation-log';
import { setUpWorkbook, type Fixture } from '../support/workbook';
import { SmsGateways, type GatewayName } from '../../emulator';
import { TABS } from '../../src/domain/schema';
import { DEFAULT_SERVICES } from '../../src/domain/services';
import { t } from '../../src/domain/messages';
import { columnLetter, dataRows, lastAlert, setSetting, tabValues } from '../support/tabs';
import { STAFF_USER } from '../support/workspace';

const APPS = TABS.applications.name;
const LOG = TABS.invitations.name;
const CLOSED = 'დასრულებულია';
const RECEIVED = 'მიღებულია';
const HOUR = 3600_000;
const col = (key: string): number => TABS.applications.columns.findIndex((c) => c.key === key);
const logCol = (key: string): number => TABS.invitations.columns.findIndex((c) => c.key === key);
const KEYS: Record<GatewayName, string> = {
  smsoffice: 'so-test-key-0001',
  gosms: 'gosms-test-key-0001',
  twilio: `AC${'1'.repeat(32)}:token-for-tests-0001`,
};
const ka = (code: string): string => DEFAULT_SERVICES.find((s) => s.code === code)!.ka;

function world(provider: GatewayName | '' = 'twilio', options: { perMinute?: number; undeliverable?: string[]; typeKey?: boolean } = {}) {
  const f = setUpWorkbook();
  const gateways = new SmsGateways({
    now: () => f.ws.core.now(),
    keys: { [provider || 'twilio']: KEYS[provider || 'twilio'] },
    perMinute: options.perMinute,
    undeliverable: new Set(options.undeliverable ?? []),
  });
  f.ws.urlFetch.handler = gateways.handler;
  setSetting(f, 'inviteHour', '0');
  setSetting(f, 'inviteBatchMin', '1');
  if (provider) {
    setSetting(f, 'smsProvider', provider);
    setSetting(f, 'smsSender', 'Ambrolauri');
    if (options.typeKey !== false) setKey(f, KEYS[provider]);
  }
  return { f, gateways };
}

function setKey(f: Fixture, key: string, user?: string): string {
  f.ws.spreadsheets.ui.answerNext({ button: 'OK', text: key });
  if (user) f.clickAs(t('menu.sms_key'), user);
  else f.click(t('menu.sms_key'));
  return lastAlert(f);
}

interface CaseInput {
  id: string;
  channel?: 'კანცელარია' | 'ელფოსტა';
  email?: string;
  phone?: string;
  consent?: boolean;
  service?: string;
}

/** A clerk types the case (A–G, then the phone and the tick), then closes it. */
function typeAndClose(f: Fixture, row: number, c: CaseInput): void {
  const line = [c.id, new Date(f.ws.core.now()), c.service ?? ka('newborn'), 'განმცხადებელი', c.email ?? '', c.channel ?? 'კანცელარია', RECEIVED];
  f.ws.spreadsheets.userEdit(f.spreadsheetId, APPS, `A${row}:G${row}`, [line], STAFF_USER);
  const phone = columnLetter(col('phone'));
  const consent = columnLetter(col('smsConsent'));
  f.ws.spreadsheets.userEdit(f.spreadsheetId, APPS, `${phone}${row}:${consent}${row}`, [[c.phone ?? '', c.consent ?? false]], STAFF_USER);
  f.ws.spreadsheets.userEdit(f.spreadsheetId, APPS, `G${row}`, [[CLOSED]], STAFF_USER);
}

function batch(f: Fixture): void {
  f.ws.properties.app.getScriptProperties().deleteProperty('invite.batchDay');
  f.ws.core.advance(HOUR);
  f.ws.core.invoke('hourlySweep', 'time', {});
}

const row = (f: Fixture, id: string): unknown[] => dataRows(f, APPS).find((r) => r[col('caseId')] === id)!;
const logRow = (f: Fixture, id: string): unknown[] => dataRows(f, LOG).find((r) => r[logCol('caseId')] === id)!;

describe('SMS invitations', () => {
  test('off until a provider is set: a desk case with consent gets nothing, and no URL is fetched', () => {
    const { f, gateways } = world('');
    typeAndClose(f, 2, { id: '01-2026-0201', phone: '+995 599 12 34 56', consent: true });
    batch(f);
    expect(gateways.accepted).toEqual([]);
    expect(f.ws.urlFetch.requests).toEqual([]);
    expect(row(f, '01-2026-0201')[col('inviteStatus')]).toBe(t('invite.not_applicable_desk'));
  });

  test.each(['smsoffice', 'gosms', 'twilio'] as const)(
    '%s: a desk case with consent gets one SMS of one UCS-2 segment, with the service link only',
    (provider) => {
      const { f, gateways } = world(provider);
      typeAndClose(f, 2, { id: '01-2026-0042', phone: '599 12-34-56', consent: true });
      typeAndClose(f, 3, { id: '01-2026-0043', phone: '599 65 43 21', consent: false });
      batch(f);
      batch(f);
      expect(gateways.accepted).toHaveLength(1);
      const [sms] = gateways.accepted;
      expect(sms.to.replace(/\D/g, '')).toBe('995599123456');
      expect(sms.from).toBe('Ambrolauri');
      expect(sms.segments).toBe(1);
      expect(sms.text.length).toBeLessThanOrEqual(70);
      expect(sms.text).toMatch(/^შეაფასეთ მერიის მომსახურება: https:\/\/forms\.gle\/\w+$/);
      expect(sms.text).not.toContain('0042');
      // The short link opens N2 with the service filled in, and nothing else of the case.
      const long = f.ws.forms.expandShortLink(sms.text.split(' ').pop()!) ?? '';
      expect(long).toMatch(/^https:\/\/docs\.google\.com\/forms\/.*viewform\?/);
      expect(decodeURIComponent(long.replace(/\+/g, ' '))).toContain(ka('newborn'));
      expect(long).not.toContain('0042');
      expect(long).not.toMatch(/599|995/);
      // The log says it went by SMS, the row says who accepted it, and the number is gone.
      expect(logRow(f, '01-2026-0042')[logCol('channel')]).toBe(inviteChannelLabel('sms'));
      expect(logRow(f, '01-2026-0042')[logCol('status')]).toBe(t('invite.sent'));
      expect(String(row(f, '01-2026-0042')[col('inviteStatus')])).toContain('SMS');
      expect(row(f, '01-2026-0042')[col('phone')]).toBe('');
      // Without consent: nothing, and the number stays until retention.
      expect(row(f, '01-2026-0043')[col('inviteStatus')]).toBe(t('invite.not_applicable_desk'));
      expect(row(f, '01-2026-0043')[col('phone')]).not.toBe('');
      // The key is in no cell of the workbook.
      const everything = JSON.stringify(f.ws.spreadsheets.snapshot(f.spreadsheetId));
      expect(everything).not.toContain(KEYS[provider].split(':').pop());
    },
  );

  test('the delivery report reaches the row in Georgian (Twilio, gosms): delivered, or not and why', () => {
    const { f, gateways } = world('twilio', { undeliverable: ['995599000001'] });
    typeAndClose(f, 2, { id: '01-2026-0201', phone: '599123456', consent: true });
    typeAndClose(f, 3, { id: '01-2026-0202', phone: '599000001', consent: true });
    batch(f);
    expect(gateways.accepted).toHaveLength(2);
    f.ws.core.advance(2 * HOUR);
    f.ws.core.invoke('hourlySweep', 'time', {});
    expect(row(f, '01-2026-0201')[col('inviteStatus')]).toBe(t('sms.delivered', { provider: 'twilio' }));
    expect(String(row(f, '01-2026-0202')[col('inviteStatus')])).toBe(t('sms.not_delivered_row', { reason: t('sms.undelivered', { code: '30003' }) }));
    expect(gateways.accepted).toHaveLength(2);
  });

  test('an email case gets email, a desk case with consent SMS; the log carries each one channel', () => {
    const { f, gateways } = world('gosms');
    setSetting(f, 'inviteDeskCases', 'yes');
    typeAndClose(f, 2, { id: '01-2026-0101', channel: 'ელფოსტა', email: 'nino@example.ge', phone: '599111111', consent: true });
    typeAndClose(f, 3, { id: '01-2026-0201', channel: 'კანცელარია', email: 'levan@example.ge', phone: '599222222', consent: true });
    typeAndClose(f, 4, { id: '01-2026-0202', channel: 'კანცელარია', email: 'keti@example.ge' });
    batch(f);
    expect(f.ws.mail.sent.map((m) => m.to).sort()).toEqual(['keti@example.ge', 'nino@example.ge']);
    expect(gateways.accepted.map((s) => s.to)).toEqual(['995599222222']);
    expect(['01-2026-0101', '01-2026-0201', '01-2026-0202'].map((id) => parseInviteChannel(logRow(f, id)[logCol('channel')]))).toEqual([
      'email',
      'sms',
      'email',
    ]);
  });

  test('without the key the cases wait, saying so; typed later by the owner, they go once', () => {
    const { f, gateways } = world('smsoffice', { typeKey: false });
    typeAndClose(f, 2, { id: '01-2026-0201', phone: '599123456', consent: true });
    batch(f);
    expect(gateways.accepted).toHaveLength(0);
    expect(row(f, '01-2026-0201')[col('inviteStatus')]).toBe(t('sms.waiting_key', { menu: t('menu.sms_key') }));
    // A clerk may not set it; a malformed key is refused; the owner's is kept in the script properties.
    expect(setKey(f, KEYS.smsoffice, STAFF_USER)).toContain(t('sms.key_not_owner', { owner: '' }).slice(0, 20));
    expect(setKey(f, 'has spaces in it')).toBe(t('sms.key_invalid', { provider: 'smsoffice' }));
    expect(setKey(f, KEYS.smsoffice)).toBe(t('sms.key_saved', { provider: 'smsoffice' }));
    batch(f);
    batch(f);
    expect(gateways.accepted).toHaveLength(1);
  });

  test('a malformed number is named on the row, never quoted, and nothing is fetched', () => {
    const { f } = world('twilio');
    typeAndClose(f, 2, { id: '01-2026-0201', phone: '12345', consent: true });
    typeAndClose(f, 3, { id: '01-2026-0202', phone: '', consent: true });
    batch(f);
    expect(row(f, '01-2026-0201')[col('inviteStatus')]).toBe(t('sms.skipped_invalid_phone'));
    expect(row(f, '01-2026-0202')[col('inviteStatus')]).toBe(t('sms.skipped_no_phone'));
    expect(JSON.stringify(tabValues(f, LOG))).not.toContain('12345');
    expect(f.ws.urlFetch.requests).toEqual([]);
  });

  test('throttling (429) defers the rest to the next batch; a 5xx is retried; a lost answer is unknown and never resent', () => {
    const { f, gateways } = world('twilio');
    for (let i = 0; i < 4; i++) typeAndClose(f, 2 + i, { id: `01-2026-030${i}`, phone: `59900000${i}`, consent: true });
    gateways.faults.push('throttle');
    batch(f);
    expect(gateways.accepted).toHaveLength(0);
    expect(dataRows(f, APPS).filter((r) => String(r[col('inviteStatus')]).startsWith(t('sms.deferred', { reason: '' }).slice(0, 12)))).toHaveLength(4);
    gateways.faults.push('server-error', 'timeout-after-accept');
    batch(f);
    // One failed (retried later), one went but its answer was lost (unknown), two sent.
    expect(gateways.accepted).toHaveLength(3);
    for (let i = 0; i < 3; i++) batch(f);
    expect(gateways.accepted).toHaveLength(4);
    const perNumber = new Map<string, number>();
    for (const s of gateways.accepted) perNumber.set(s.to, (perNumber.get(s.to) ?? 0) + 1);
    expect([...perNumber.values()].every((n) => n === 1)).toBe(true);
    expect(dataRows(f, APPS).filter((r) => r[col('inviteStatus')] === t('invite.unknown'))).toHaveLength(1);
    // Every number has done its work: none is left.
    expect(dataRows(f, APPS).map((r) => r[col('phone')])).toEqual(['', '', '', '']);
  });

  test('retention clears every number of a closed case, whether an SMS went or not', () => {
    const { f } = world('twilio');
    typeAndClose(f, 2, { id: '01-2026-0201', phone: '599123456', consent: false });
    typeAndClose(f, 3, { id: '01-2026-0202', phone: '599654321', consent: true });
    batch(f);
    expect(row(f, '01-2026-0201')[col('phone')]).not.toBe('');
    f.ws.script.runClockUntil(f.ws.core.now() + 32 * 24 * HOUR);
    expect(dataRows(f, APPS).map((r) => r[col('phone')])).toEqual(['', '']);
  });
});
