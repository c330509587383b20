/** The SMS invitation's pure parts (issue 17): numbers, the text, the route, the gateways' requests and answers. */
import { classifyFetchError, composeSms, hasSmsConsent, parsePhone, SMS_SEGMENT_UCS2 } from '../../src/domain/sms';
import { base64Ascii, isPlausibleKey, readDelivery, readSendResponse, sendRequest, statusRequest } from '../../src/domain/sms-providers';
import { routeOf } from '../../src/domain/invitation-plan';
import { parseSettings } from '../../src/domain/settings';
import { t } from '../../src/domain/messages';

describe('parsePhone', () => {
  test.each([
    ['+995 599 12 34 56', '995599123456'],
    ['599-12-34-56', '995599123456'],
    ['(0)599123456', '995599123456'],
    ['00995 599 123 456', '995599123456'],
    ["'+995 555 000 111", '995555000111'],
    ['\u200b599123456 ', '995599123456'],
  ])('%s → %s', (typed, msisdn) => {
    expect(parsePhone(typed)).toEqual({ ok: true, msisdn });
  });
  test.each(['12345', '322 12 34 56', '599 12 34 5', '599123456, 577123456', 'ნომერი 599123456', '+1 202 555 0100'])('%s is refused', (typed) => {
    expect(parsePhone(typed)).toEqual({ ok: false, reason: 'invalid' });
  });
  test('blank is empty', () => {
    expect(parsePhone('  ')).toEqual({ ok: false, reason: 'empty' });
    expect(parsePhone(null)).toEqual({ ok: false, reason: 'empty' });
  });
});

test('consent: a ticked box (true) or a typed yes; nothing else', () => {
  expect([true, 'TRUE', 'კი', 'yes'].map(hasSmsConsent)).toEqual([true, true, true, true]);
  expect([false, '', 'FALSE', 'არა', null, 1].map(hasSmsConsent)).toEqual([false, false, false, false, false, false]);
});

test('the text fits one UCS-2 segment with a forms.gle link, and not with a long form address', () => {
  const text = composeSms('https://forms.gle/AbCdEfGhIjKlMnOpQ');
  expect(text).toBe(`${t('sms.text')} https://forms.gle/AbCdEfGhIjKlMnOpQ`);
  expect(text!.length).toBeLessThanOrEqual(SMS_SEGMENT_UCS2);
  expect(composeSms('https://docs.google.com/forms/d/e/1FAIpQLSf-abcdefghijklmnop/viewform?usp=pp_url&entry.1=x')).toBeNull();
});

describe('routeOf: one invitation per case, by the channel the case came in', () => {
  const on = { smsOn: true, inviteDeskCases: false };
  const desk = {
    applyChannel: 'კანცელარია',
    email: 'a@example.ge',
    phone: '599123456',
    smsConsent: true,
    index: 0,
    caseId: '1',
    service: '',
    status: '',
    closedAt: '',
  };
  test('a desk case with consent: SMS, even when it left an address and inviteDeskCases is on', () => {
    expect(routeOf(desk, on)).toBe('sms');
    expect(routeOf(desk, { ...on, inviteDeskCases: true })).toBe('sms');
  });
  test('a desk case without consent: nothing, or email under inviteDeskCases', () => {
    expect(routeOf({ ...desk, smsConsent: false }, on)).toBeNull();
    expect(routeOf({ ...desk, smsConsent: false }, { ...on, inviteDeskCases: true })).toBe('email');
  });
  test('SMS off: the consent changes nothing', () => {
    expect(routeOf(desk, { smsOn: false })).toBeNull();
  });
  test('an email case: email; SMS only when its address is missing or unusable and it ticked the consent', () => {
    const email = { ...desk, applyChannel: 'ელფოსტა' };
    expect(routeOf(email, on)).toBe('email');
    expect(routeOf({ ...email, email: 'not an address' }, on)).toBe('sms');
    expect(routeOf({ ...email, email: '', smsConsent: false }, on)).toBe('email');
  });
});

describe('the gateways', () => {
  const twilio = { provider: 'twilio' as const, secret: `AC${'f'.repeat(32)}:tok12345678` };
  test('requests: smsoffice form, gosms JSON, Twilio form with basic auth and E.164', () => {
    expect(sendRequest({ provider: 'smsoffice', secret: 'k' }, 'Town', '995599123456', 'ტექსტი')).toEqual({
      url: 'https://smsoffice.ge/api/v2/send/',
      method: 'post',
      payload: { key: 'k', destination: '995599123456', sender: 'Town', content: 'ტექსტი', urgent: 'true' },
    });
    const go = sendRequest({ provider: 'gosms', secret: 'k' }, 'Town', '995599123456', 'x');
    expect(JSON.parse(go.payload as string)).toEqual({ api_key: 'k', from: 'Town', to: '995599123456', text: 'x', urgent: true });
    const tw = sendRequest(twilio, 'Town', '995599123456', 'x');
    expect(tw.url).toBe(`https://api.twilio.com/2010-04-01/Accounts/AC${'f'.repeat(32)}/Messages.json`);
    expect(tw.payload).toEqual({ To: '+995599123456', From: 'Town', Body: 'x' });
    expect(tw.headers).toEqual({ Authorization: `Basic ${Buffer.from(twilio.secret).toString('base64')}` });
    expect(statusRequest({ provider: 'smsoffice', secret: 'k' }, '1')).toBeNull();
  });
  test('base64 of ASCII matches Node for every padding', () => {
    for (const s of ['', 'a', 'ab', 'abc', 'AC12:tok', `AC${'9'.repeat(32)}:x`]) expect(base64Ascii(s)).toBe(Buffer.from(s).toString('base64'));
  });
  test('answers: accepted, throttled, the key or balance, the number, the gateway failing', () => {
    expect(readSendResponse('smsoffice', 200, '{"Success":true,"Output":"77","ErrorCode":0}')).toEqual({ ok: true, id: '77', status: 'accepted' });
    expect(readSendResponse('smsoffice', 200, '{"Success":false,"ErrorCode":80}')).toMatchObject({ ok: false, kind: 'account' });
    expect(readSendResponse('smsoffice', 200, '{"Success":false,"ErrorCode":20}')).toMatchObject({ ok: false, kind: 'account', reason: t('sms.no_balance') });
    expect(readSendResponse('smsoffice', 200, '{"Success":false,"ErrorCode":10}')).toMatchObject({ ok: false, kind: 'permanent' });
    expect(readSendResponse('gosms', 429, '{"errorCode":109}')).toMatchObject({ ok: false, kind: 'throttled' });
    expect(readSendResponse('gosms', 400, '{"errorCode":105}')).toMatchObject({ ok: false, kind: 'permanent', reason: t('sms.bad_number') });
    expect(readSendResponse('twilio', 201, '{"sid":"SM1","status":"queued"}')).toEqual({ ok: true, id: 'SM1', status: 'queued' });
    expect(readSendResponse('twilio', 401, '{"code":20003}')).toMatchObject({ ok: false, kind: 'account' });
    expect(readSendResponse('twilio', 503, 'oops')).toMatchObject({ ok: false, kind: 'transient' });
    expect(readSendResponse('twilio', 502, '<html>')).toMatchObject({ ok: false, kind: 'transient' });
  });
  test('delivery reports', () => {
    expect(readDelivery('twilio', 200, '{"status":"delivered"}')).toEqual({ delivered: true });
    expect(readDelivery('twilio', 200, '{"status":"undelivered","error_code":30003}')).toEqual({
      delivered: false,
      reason: t('sms.undelivered', { code: '30003' }),
    });
    expect(readDelivery('twilio', 200, '{"status":"sent"}')).toBeNull();
    expect(readDelivery('gosms', 200, '{"status":"DELIVERED"}')).toEqual({ delivered: true });
    expect(readDelivery('gosms', 404, '{}')).toBeNull();
  });
  test("what UrlFetchApp throws: the day's quota, an unreachable host (not sent), anything else (maybe sent)", () => {
    expect(classifyFetchError('Service invoked too many times for one day: urlfetch.')).toMatchObject({ kind: 'quota' });
    expect(classifyFetchError('DNS error: https://api.gosms.ge/api/sendsms')).toMatchObject({ kind: 'transient' });
    expect(classifyFetchError('Address unavailable: https://smsoffice.ge/api/v2/send/')).toMatchObject({ kind: 'transient' });
    expect(classifyFetchError('Timeout: https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json')).toMatchObject({ kind: 'ambiguous' });
    expect(classifyFetchError("We're sorry, a server error occurred. Please wait a bit and try again.")).toMatchObject({ kind: 'ambiguous' });
  });
  test('keys: a Twilio key is AccountSid:AuthToken; no key has spaces', () => {
    expect(isPlausibleKey('twilio', twilio.secret)).toBe(true);
    expect(isPlausibleKey('twilio', 'abcdefgh12345')).toBe(false);
    expect(isPlausibleKey('gosms', 'abcdefgh12345')).toBe(true);
    expect(isPlausibleKey('smsoffice', 'has a space')).toBe(false);
  });
});

test('settings: SMS is off by default; a provider is read in any case, with or without .ge; an unknown one is named', () => {
  expect(parseSettings([]).value.smsProvider).toBe('');
  expect(parseSettings([['smsProvider', 'SMSOffice.ge']]).value.smsProvider).toBe('smsoffice');
  const bad = parseSettings([['smsProvider', 'magti']]);
  expect(bad.value.smsProvider).toBe('');
  expect(bad.problems).toContain(t('settings.bad_sms_provider', { value: 'magti' }));
  expect(parseSettings([]).value.smsPerDay).toBe(200);
});
