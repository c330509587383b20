/**
 * UrlFetchApp without a network: requests go to the harness's handler, are recorded, and fail,
 * count against the daily quota and need authorization as on Google. Facts from Google's
 * reference (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app), its
 * quotas page, and the gas-fakes suite run on live Apps Script (test/testfetch.js:45–76).
 */
import { environment } from '../environment';
import { CONSUMER_FETCHES_PER_DAY, WORKSPACE_FETCHES_PER_DAY } from '../url-fetch';
import { newWorkspace } from './support';

function gateway(status = 200, body = '{"ok":true}') {
  const ws = newWorkspace();
  ws.urlFetch.handler = () => ({ status, body, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
  return { ws, UrlFetchApp: ws.urlFetch.app };
}

describe('getRequest: what fetch would send (gas-fakes test/testfetch.js:45–76)', () => {
  test('a plain URL is a GET with no headers', () => {
    const { UrlFetchApp } = gateway();
    const request = UrlFetchApp.getRequest('https://api.example.com/users/x');
    expect([request.url, request.method, request.headers]).toEqual(['https://api.example.com/users/x', 'get', {}]);
  });

  test('the method is lower-cased; content type, payload and headers are kept; a POST defaults to form encoding', () => {
    const { UrlFetchApp } = gateway();
    const request = UrlFetchApp.getRequest('https://api.example.com', {
      method: 'POST' as GoogleAppsScript.URL_Fetch.HttpMethod,
      contentType: 'application/json',
      payload: JSON.stringify({ hello: 'world' }),
      headers: { 'X-Custom': 'test' },
    });
    expect([request.method, request.contentType, request.payload, request.headers]).toEqual([
      'post',
      'application/json',
      '{"hello":"world"}',
      { 'X-Custom': 'test' },
    ]);
    expect(UrlFetchApp.getRequest('https://api.example.com', { method: 'post' }).contentType).toBe('application/x-www-form-urlencoded');
  });

  test('an object payload is sent form-encoded (the reference, `payload`)', () => {
    const { ws, UrlFetchApp } = gateway();
    UrlFetchApp.fetch('https://sms.example.com/send', { method: 'post', payload: { to: '+995 599 12 34 56', text: 'გამარჯობა' } });
    expect(ws.urlFetch.requests[0].request.payload).toBe(`to=${encodeURIComponent('+995 599 12 34 56')}&text=${encodeURIComponent('გამარჯობა')}`);
  });
});

describe('fetch and its response', () => {
  test('the handler answers; the response gives code, text, bytes, headers and a blob typed by Content-Type', () => {
    const { ws, UrlFetchApp } = gateway(200, '{"ok":true}');
    const response = UrlFetchApp.fetch('https://sms.example.com/api/send.json');
    expect(response.getResponseCode()).toBe(200);
    expect(JSON.parse(response.getContentText())).toEqual({ ok: true });
    expect(response.getContent()).toHaveLength(11);
    expect(response.getHeaders()).toEqual({ 'Content-Type': 'application/json; charset=utf-8' });
    const blob = response.getBlob();
    expect([blob.getContentType(), blob.getName(), blob.getDataAsString()]).toEqual(['application/json', 'send.json', '{"ok":true}']);
    expect(ws.urlFetch.requests.map((r) => [r.request.method, r.request.url, r.status])).toEqual([['get', 'https://sms.example.com/api/send.json', 200]]);
  });

  test('fetchAll answers each request in order', () => {
    const { UrlFetchApp } = gateway();
    const responses = UrlFetchApp.fetchAll([{ url: 'https://a.example.com' }, 'https://b.example.com']);
    expect(responses.map((r) => r.getResponseCode())).toEqual([200, 200]);
  });

  test('a code of 400 or more throws, naming the host and quoting the server, unless muteHttpExceptions', () => {
    const { UrlFetchApp } = gateway(401, '{"code": 20003, "message": "Authenticate"}');
    expect(() => UrlFetchApp.fetch('https://sms.example.com/send?to=1')).toThrow(
      'Request failed for https://sms.example.com returned code 401. Truncated server response: {"code": 20003, "message": "Authenticate"} (use muteHttpExceptions option to examine full response)',
    );
    const muted = UrlFetchApp.fetch('https://sms.example.com/send', { muteHttpExceptions: true });
    expect(muted.getResponseCode()).toBe(401);
  });

  test('a long failed response is cut short with "..."', () => {
    const { UrlFetchApp } = gateway(500, 'x'.repeat(400));
    expect(() => UrlFetchApp.fetch('https://sms.example.com/send')).toThrow(`Truncated server response: ${'x'.repeat(150)}... (use muteHttpExceptions`);
  });

  test('with no handler the host is unreachable: "DNS error"; a URL that is not http(s) is refused', () => {
    const ws = newWorkspace();
    expect(() => ws.urlFetch.app.fetch('https://nowhere.example.com')).toThrow('DNS error: https://nowhere.example.com');
    ws.urlFetch.handler = () => ({ status: 200 });
    expect(() => ws.urlFetch.app.fetch('ftp://files.example.com')).toThrow('Invalid argument: ftp://files.example.com');
  });
});

describe('quota and authorization', () => {
  test('20,000 calls a day on a consumer account, 100,000 on Workspace; the next one throws until 24 hours after the first', () => {
    expect([CONSUMER_FETCHES_PER_DAY, WORKSPACE_FETCHES_PER_DAY]).toEqual([20_000, 100_000]);
    expect(newWorkspace({ environment: environment('workspace', { domain: 'example.gov.ge' }) }).urlFetch.remaining()).toBe(100_000);
    const { ws, UrlFetchApp } = gateway();
    expect(ws.urlFetch.remaining()).toBe(20_000);
    ws.urlFetch.quotaPerDay = 2;
    UrlFetchApp.fetch('https://a.example.com');
    UrlFetchApp.fetch('https://a.example.com');
    expect(() => UrlFetchApp.fetch('https://a.example.com')).toThrow('Service invoked too many times for one day: urlfetch.');
    ws.core.setNow(ws.core.now() + 24 * 3_600_000);
    expect(UrlFetchApp.fetch('https://a.example.com').getResponseCode()).toBe(200);
  });

  test('a simple trigger (LIMITED authorization) may not fetch', () => {
    const { ws, UrlFetchApp } = gateway();
    expect(() => ws.core.runExecution('onOpen', 'simple', () => UrlFetchApp.fetch('https://a.example.com'))).toThrow(
      /^You do not have permission to call UrlFetchApp.fetch/,
    );
  });
});
