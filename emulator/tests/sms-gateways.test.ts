/**
 * The fake SMS gateways behind UrlFetchApp: each answers in its provider's shape (smsoffice's
 * {Success, ErrorCode} with HTTP 200 even on errors; gosms's JSON with errorCode and a 4xx;
 * Twilio's 201 Message resource and {code, message} errors, basic auth), throttles, fails, loses
 * an answer after accepting, and reports delivery a minute later.
 */
import { SmsGateways, segmentsOf } from '../sms-gateways';
import { newWorkspace } from './support';

const TWILIO = `AC${'a'.repeat(32)}:secret-token`;

function world(perMinute?: number) {
  const ws = newWorkspace();
  const gateways = new SmsGateways({
    now: () => ws.core.now(),
    keys: { smsoffice: 'so-key', gosms: 'go-key', twilio: TWILIO },
    perMinute,
    undeliverable: new Set(['995599000000']),
  });
  ws.urlFetch.handler = gateways.handler;
  const fetch = (url: string, params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {}) =>
    ws.core.runExecution('test', 'menu', () => ws.urlFetch.app.fetch(url, { muteHttpExceptions: true, ...params }));
  return { ws, gateways, fetch };
}

const twilioAuth = (secret = TWILIO) => ({ Authorization: `Basic ${Buffer.from(secret).toString('base64')}` });
const sid = TWILIO.split(':')[0];

describe('smsoffice.ge', () => {
  test('accepts with the right key and a Georgian number; refuses with ErrorCode, HTTP 200', () => {
    const { gateways, fetch } = world();
    const ok = fetch('https://smsoffice.ge/api/v2/send/', {
      method: 'post',
      payload: { key: 'so-key', destination: '995599123456', sender: 'Town', content: 'გამარჯობა' },
    });
    expect([ok.getResponseCode(), JSON.parse(ok.getContentText())]).toEqual([
      200,
      { Success: true, Message: 'accepted for sending', Output: 'so-1', ErrorCode: 0 },
    ]);
    const badKey = fetch('https://smsoffice.ge/api/v2/send/?key=x&destination=995599123456&sender=T&content=a');
    expect([badKey.getResponseCode(), JSON.parse(badKey.getContentText()).ErrorCode]).toEqual([200, 80]);
    const badNumber = fetch('https://smsoffice.ge/api/v2/send/', {
      method: 'post',
      payload: { key: 'so-key', destination: '37411222333', sender: 'T', content: 'a' },
    });
    expect(JSON.parse(badNumber.getContentText()).ErrorCode).toBe(10);
    expect(gateways.accepted.map((s) => [s.to, s.text, s.segments])).toEqual([['995599123456', 'გამარჯობა', 1]]);
  });
});

describe('gosms.ge', () => {
  test('sends, reports delivery a minute later, and refuses a bad key with 401 and errorCode 100', () => {
    const { ws, fetch } = world();
    const send = (body: object) =>
      fetch('https://api.gosms.ge/api/sendsms', { method: 'post', contentType: 'application/json', payload: JSON.stringify(body) });
    const ok = JSON.parse(send({ api_key: 'go-key', from: 'Town', to: '995599123456', text: 'hi' }).getContentText());
    expect(ok).toMatchObject({ success: true, to: '995599123456', segment: 1, encode: 'default' });
    const check = () =>
      JSON.parse(
        fetch('https://api.gosms.ge/api/checksms', {
          method: 'post',
          contentType: 'application/json',
          payload: JSON.stringify({ api_key: 'go-key', messageId: ok.messageId }),
        }).getContentText(),
      ).status;
    expect(check()).toBe('PENDING');
    ws.core.advance(61_000);
    expect(check()).toBe('DELIVERED');
    const bad = send({ api_key: 'nope', to: '995599123456', text: 'x' });
    expect([bad.getResponseCode(), JSON.parse(bad.getContentText()).errorCode]).toEqual([401, 100]);
    const badPhone = send({ api_key: 'go-key', to: '599', text: 'x' });
    expect([badPhone.getResponseCode(), JSON.parse(badPhone.getContentText()).errorCode]).toEqual([400, 105]);
  });
});

describe('Twilio', () => {
  const url = `https://api.twilio.com/2010-04-01/Accounts/${sid}/Messages.json`;

  test('201 with the Message resource under basic auth; 401 code 20003 without; 400 code 21211 for a bad To', () => {
    const { fetch } = world();
    const ok = fetch(url, { method: 'post', payload: { To: '+995599123456', From: 'Town', Body: 'გამარჯობა' }, headers: twilioAuth() });
    expect(ok.getResponseCode()).toBe(201);
    expect(JSON.parse(ok.getContentText())).toMatchObject({ status: 'queued', to: '+995599123456', num_segments: '1' });
    const denied = fetch(url, { method: 'post', payload: { To: '+995599123456', From: 'T', Body: 'x' }, headers: twilioAuth(`${sid}:wrong`) });
    expect([denied.getResponseCode(), JSON.parse(denied.getContentText()).code]).toEqual([401, 20003]);
    const badTo = fetch(url, { method: 'post', payload: { To: '599123456', From: 'T', Body: 'x' }, headers: twilioAuth() });
    expect([badTo.getResponseCode(), JSON.parse(badTo.getContentText()).code]).toEqual([400, 21211]);
  });

  test('delivery: sent, then delivered, or undelivered (30003) for a number that cannot be reached', () => {
    const { ws, fetch } = world();
    const send = (to: string) =>
      JSON.parse(fetch(url, { method: 'post', payload: { To: to, From: 'T', Body: 'x' }, headers: twilioAuth() }).getContentText()).sid as string;
    const [a, b] = [send('+995599123456'), send('+995599000000')];
    const status = (id: string) =>
      JSON.parse(fetch(`https://api.twilio.com/2010-04-01/Accounts/${sid}/Messages/${id}.json`, { headers: twilioAuth() }).getContentText());
    expect(status(a).status).toBe('sent');
    ws.core.advance(61_000);
    expect(status(a)).toMatchObject({ status: 'delivered', error_code: null });
    expect(status(b)).toMatchObject({ status: 'undelivered', error_code: 30003 });
  });

  test('throttles past its rate (429, code 20429); fails on demand (500); a lost answer throws after the message went', () => {
    const { gateways, fetch } = world(2);
    const send = () => fetch(url, { method: 'post', payload: { To: '+995599123456', From: 'T', Body: 'x' }, headers: twilioAuth() });
    expect([send().getResponseCode(), send().getResponseCode(), send().getResponseCode()]).toEqual([201, 201, 429]);
    expect(gateways.accepted).toHaveLength(2);
    const { ws: other, gateways: g2, fetch: fetch2 } = world();
    g2.faults.push('server-error', 'timeout-after-accept');
    const send2 = () => fetch2(url, { method: 'post', payload: { To: '+995599123456', From: 'T', Body: 'x' }, headers: twilioAuth() });
    expect(send2().getResponseCode()).toBe(500);
    expect(() => send2()).toThrow(/^Timeout: https:\/\/api\.twilio\.com/);
    expect(g2.accepted).toHaveLength(1);
    expect(g2.met).toEqual(['server-error', 'timeout-after-accept']);
    expect(other.urlFetch.requests).toHaveLength(2);
  });

  test('without muteHttpExceptions a refusal throws as Google words it', () => {
    const { ws } = world();
    expect(() =>
      ws.core.runExecution('test', 'menu', () => ws.urlFetch.app.fetch(url, { method: 'post', payload: { To: '+995599123456', From: 'T', Body: 'x' } })),
    ).toThrow(/^Request failed for https:\/\/api\.twilio\.com returned code 401\. Truncated server response: /);
  });
});

test('segments: 70 UCS-2 characters in one, 67 each when split; GSM-7 160 / 153', () => {
  expect([segmentsOf('ა'.repeat(70)), segmentsOf('ა'.repeat(71)), segmentsOf('a'.repeat(160)), segmentsOf('a'.repeat(161))]).toEqual([1, 2, 1, 2]);
  expect(segmentsOf('ა'.repeat(134))).toBe(2);
  expect(segmentsOf('ა'.repeat(135))).toBe(3);
});
