/**
 * Fake SMS gateways behind UrlFetchApp (ws.urlFetch.handler = gateways.handler): smsoffice.ge,
 * gosms.ge and Twilio, answering as their public APIs do (the shapes and sources are listed in
 * the project's src/domain/sms-providers.ts; this package imports nothing from it). Each checks
 * its key, refuses a malformed number, throttles (429) past a rate, can be told to fail (5xx),
 * to time out after accepting (the message goes, the answer is lost), and reports delivery.
 * Every accepted message is kept, in order, with its UCS-2 segment count.
 */
import { gasError } from './core';
import type { FetchHandler, FetchReply, FetchRequest } from './url-fetch';

export type GatewayName = 'smsoffice' | 'gosms' | 'twilio';

export interface AcceptedSms {
  provider: GatewayName;
  id: string;
  /** The clock's time when the gateway accepted it (ms). */
  at: number;
  /** As the request gave it (995…, or +995… for Twilio). */
  to: string;
  from: string;
  text: string;
  /** UCS-2 when any character is outside GSM-7's basic set: 70 a segment, 67 each when split. */
  segments: number;
  delivered: boolean;
}

/** A fault the next send request meets (one each, in order). */
export type GatewayFault = 'server-error' | 'throttle' | 'timeout-after-accept';

export interface GatewayOptions {
  now(): number;
  /** Keys each gateway accepts (Twilio: "AccountSid:AuthToken"). */
  keys?: Partial<Record<GatewayName, string>>;
  /** More sends than this in one minute are refused with 429 (per gateway). */
  perMinute?: number;
  /** Numbers (995…) whose messages are not delivered (phone off, no such subscriber). */
  undeliverable?: ReadonlySet<string>;
}

const json = (status: number, body: unknown): FetchReply => ({
  status,
  body: JSON.stringify(body),
  headers: { 'Content-Type': 'application/json; charset=utf-8' },
});

/** GSM 03.38 basic set: a text with anything else goes as UCS-2. */
const GSM7 = /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà]*$/;

export function segmentsOf(text: string): number {
  const [single, part] = GSM7.test(text) ? [160, 153] : [70, 67];
  return text.length <= single ? 1 : Math.ceil(text.length / part);
}

export class SmsGateways {
  readonly accepted: AcceptedSms[] = [];
  /** Every request the gateways received, answered or not. */
  readonly received: Array<{ provider: GatewayName | null; url: string; at: number }> = [];
  /** Faults the next send requests meet, first first. */
  readonly faults: GatewayFault[] = [];
  /** Faults send requests met (queued ones, and throttling past the rate), in order. */
  readonly met: GatewayFault[] = [];
  keys: Partial<Record<GatewayName, string>>;
  private readonly sendTimes = new Map<GatewayName, number[]>();
  private seq = 0;

  constructor(private readonly options: GatewayOptions) {
    this.keys = { ...(options.keys ?? {}) };
  }

  readonly handler: FetchHandler = (request) => this.answer(request);

  private answer(request: FetchRequest): FetchReply {
    const url = new URL(request.url);
    const provider: GatewayName | null =
      url.hostname === 'smsoffice.ge' ? 'smsoffice' : url.hostname === 'api.gosms.ge' ? 'gosms' : url.hostname === 'api.twilio.com' ? 'twilio' : null;
    this.received.push({ provider, url: request.url, at: this.options.now() });
    // An unknown host does not resolve.
    if (!provider) throw gasError(`DNS error: ${request.url}`);
    if (provider === 'smsoffice') return this.smsoffice(request, url);
    if (provider === 'gosms') return this.gosms(request, url);
    return this.twilio(request, url);
  }

  /** The next fault, or throttling past the rate; null: go ahead. */
  private gate(provider: GatewayName): GatewayFault | null {
    const fault = this.faults.shift() ?? null;
    if (fault) {
      this.met.push(fault);
      return fault;
    }
    const now = this.options.now();
    const times = (this.sendTimes.get(provider) ?? []).filter((t) => now - t < 60_000);
    this.sendTimes.set(provider, times);
    if (this.options.perMinute !== undefined && times.length >= this.options.perMinute) {
      this.met.push('throttle');
      return 'throttle';
    }
    times.push(now);
    return null;
  }

  private accept(provider: GatewayName, id: string, to: string, from: string, text: string): AcceptedSms {
    const digits = to.replace(/\D/g, '');
    const sms: AcceptedSms = {
      provider,
      id,
      at: this.options.now(),
      to,
      from,
      text,
      segments: segmentsOf(text),
      delivered: !this.options.undeliverable?.has(digits),
    };
    this.accepted.push(sms);
    return sms;
  }

  /** A timeout after the gateway took the message: it goes; the script never hears back. */
  private lostAnswer(url: string): never {
    throw gasError(`Timeout: ${url}`);
  }

  private smsoffice(request: FetchRequest, url: URL): FetchReply {
    const form = new URLSearchParams(request.method === 'get' ? url.search : (request.payload ?? ''));
    const key = form.get('key') ?? '';
    const destination = form.get('destination') ?? '';
    const content = form.get('content') ?? '';
    if (!url.pathname.startsWith('/api/v2/send')) return json(404, { Success: false, Message: 'Not found', Output: null, ErrorCode: 99 });
    if (!this.keys.smsoffice || key !== this.keys.smsoffice) return json(200, { Success: false, Message: 'key not found', Output: null, ErrorCode: 80 });
    if (destination === '') return json(200, { Success: false, Message: 'destination is empty', Output: null, ErrorCode: 70 });
    if (!/^9955\d{8}$/.test(destination)) return json(200, { Success: false, Message: 'destination has non-Georgian numbers', Output: null, ErrorCode: 10 });
    if (content === '') return json(200, { Success: false, Message: 'content is empty', Output: null, ErrorCode: 60 });
    const fault = this.gate('smsoffice');
    if (fault === 'throttle') return { status: 429, body: 'Too Many Requests' };
    if (fault === 'server-error') return { status: 503, body: '<html>Service Unavailable</html>' };
    const id = `so-${++this.seq}`;
    this.accept('smsoffice', id, destination, form.get('sender') ?? '', content);
    if (fault === 'timeout-after-accept') this.lostAnswer(request.url);
    return json(200, { Success: true, Message: 'accepted for sending', Output: id, ErrorCode: 0 });
  }

  private gosms(request: FetchRequest, url: URL): FetchReply {
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(request.payload ?? '{}') as Record<string, unknown>;
    } catch {
      return json(400, { success: false, errorCode: 103, message: 'Invalid parameters' });
    }
    if (body.api_key !== this.keys.gosms || !this.keys.gosms) return json(401, { success: false, errorCode: 100, message: 'Invalid API key' });
    if (url.pathname === '/api/checksms') {
      const sms = this.accepted.find((s) => s.provider === 'gosms' && s.id === String(body.messageId));
      if (!sms) return json(404, { success: false, errorCode: 104, message: 'Message not found' });
      return json(200, {
        success: true,
        messageId: sms.id,
        from: sms.from,
        to: sms.to,
        text: sms.text,
        status: this.deliveryWord(sms, 'DELIVERED', 'UNDELIVERED', 'PENDING'),
      });
    }
    if (url.pathname !== '/api/sendsms') return json(404, { success: false, errorCode: 103, message: 'Not found' });
    const to = String(body.to ?? '');
    if (!/^9955\d{8}$/.test(to)) return json(400, { success: false, errorCode: 105, message: 'Invalid phone number' });
    const fault = this.gate('gosms');
    if (fault === 'throttle') return json(429, { success: false, errorCode: 109, message: 'Too many requests' });
    if (fault === 'server-error') return json(500, { success: false, message: 'Internal server error' });
    const text = String(body.text ?? '');
    const sms = this.accept('gosms', String(100000 + ++this.seq), to, String(body.from ?? ''), text);
    if (fault === 'timeout-after-accept') this.lostAnswer(request.url);
    return json(200, {
      success: true,
      userId: 1,
      messageId: sms.id,
      from: sms.from,
      to,
      text,
      balance: 1000 - this.accepted.length,
      sendAt: new Date(sms.at).toISOString(),
      segment: sms.segments,
      smsCharacters: text.length,
      encode: GSM7.test(text) ? 'default' : 'unicode',
    });
  }

  private twilio(request: FetchRequest, url: URL): FetchReply {
    const [sid, token] = (this.keys.twilio ?? ':').split(':');
    const auth = Object.entries(request.headers).find(([k]) => k.toLowerCase() === 'authorization')?.[1] ?? '';
    const given = auth.startsWith('Basic ') ? Buffer.from(auth.slice(6), 'base64').toString('utf8') : '';
    const path = url.pathname.split('/').filter(Boolean); // 2010-04-01, Accounts, {sid}, Messages(.json|/{id}.json)
    const authenticate = json(401, { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 });
    if (!this.keys.twilio || given !== `${sid}:${token}` || path[2] !== sid) return authenticate;
    if (request.method === 'get' && path[3] === 'Messages' && path[4]) {
      const sms = this.accepted.find((s) => s.provider === 'twilio' && `${s.id}.json` === path[4]);
      if (!sms) return json(404, { code: 20404, message: 'The requested resource was not found', status: 404 });
      const status = this.deliveryWord(sms, 'delivered', 'undelivered', 'sent');
      return json(200, {
        sid: sms.id,
        status,
        to: sms.to,
        from: sms.from,
        body: sms.text,
        num_segments: String(sms.segments),
        error_code: status === 'undelivered' ? 30003 : null,
      });
    }
    if (request.method !== 'post' || path[3] !== 'Messages.json')
      return json(404, { code: 20404, message: 'The requested resource was not found', status: 404 });
    const form = new URLSearchParams(request.payload ?? '');
    const to = form.get('To') ?? '';
    if (!/^\+\d{8,15}$/.test(to)) return json(400, { code: 21211, message: `The 'To' number ${to} is not a valid phone number.`, status: 400 });
    const fault = this.gate('twilio');
    if (fault === 'throttle') return json(429, { code: 20429, message: 'Too Many Requests', status: 429 });
    if (fault === 'server-error') return json(500, { code: 20500, message: 'An internal server error has occurred', status: 500 });
    const id = `SM${(++this.seq).toString(16).padStart(32, '0')}`;
    const sms = this.accept('twilio', id, to, form.get('From') ?? '', form.get('Body') ?? '');
    if (fault === 'timeout-after-accept') this.lostAnswer(request.url);
    return json(201, {
      sid: id,
      status: 'queued',
      to,
      from: sms.from,
      body: sms.text,
      num_segments: String(sms.segments),
      error_code: null,
      error_message: null,
    });
  }

  /** A minute after it was accepted, a message is delivered (or not, to an undeliverable number). */
  private deliveryWord(sms: AcceptedSms, delivered: string, undelivered: string, pending: string): string {
    if (this.options.now() - sms.at < 60_000) return pending;
    return sms.delivered ? delivered : undelivered;
  }
}
