/**
 * UrlFetchApp without a network: each request goes to a handler the harness registers (an SMS
 * gateway, a web hook), is recorded, and comes back as Google's HTTPResponse; failures, the
 * daily quota and authorization behave as on Google.
 * https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app
 */
import { type Core, gasError } from './core';
import { BlobFake, decodeBytes, encodeString, fromByteArray, toSignedBytes } from './blob';

/** A request as Apps Script builds it (UrlFetchApp.getRequest), what a handler receives. */
export interface FetchRequest {
  url: string;
  method: 'get' | 'delete' | 'patch' | 'post' | 'put';
  headers: Record<string, string>;
  contentType?: string;
  /** The body as sent: text, or the bytes of a byte-array or blob payload. */
  payload?: string;
  followRedirects: boolean;
  muteHttpExceptions: boolean;
}

/** What a handler answers: a status, a body, headers (Content-Type among them). */
export interface FetchReply {
  status: number;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
}

export type FetchHandler = (request: FetchRequest) => FetchReply;

export interface FetchRecord {
  at: number;
  user: string;
  request: FetchRequest;
  status: number | null;
}

/**
 * "URL Fetch calls: 20,000 / day" on a consumer account, "100,000 / day" on Google Workspace.
 * https://developers.google.com/apps-script/guides/services/quotas#current_quotas
 */
export const CONSUMER_FETCHES_PER_DAY = 20_000;
export const WORKSPACE_FETCHES_PER_DAY = 100_000;
/** Reported from real executions when the day's calls are used up. */
const QUOTA_EXCEEDED = 'Service invoked too many times for one day: urlfetch.';
/** Quotas are per user and reset 24 hours after the first request of the period (quotas page). */
const QUOTA_PERIOD_MS = 24 * 60 * 60 * 1000;
const EXTERNAL_REQUEST_SCOPE = 'https://www.googleapis.com/auth/script.external_request';
/** How much of a failed response the exception quotes (see fetch). */
const TRUNCATED_AT = 150;
const METHODS = ['get', 'delete', 'patch', 'post', 'put'] as const;

type Params = GoogleAppsScript.URL_Fetch.URLFetchRequestOptions;
type GResponse = GoogleAppsScript.URL_Fetch.HTTPResponse;

function isBlobSource(x: unknown): x is GoogleAppsScript.Base.BlobSource {
  return typeof x === 'object' && x !== null && typeof (x as { getBlob?: unknown }).getBlob === 'function';
}

/** An object payload is sent form-encoded, as the reference says of `payload`. */
function formEncoded(payload: Record<string, unknown>): string {
  return Object.entries(payload)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

/**
 * The request Apps Script would send: the method in lower case (default get), the headers as
 * given, the content type of a request with a body defaulting to
 * 'application/x-www-form-urlencoded' (gas-fakes test/testfetch.js:45–76, live; the reference's
 * `contentType` default).
 */
export function buildRequest(url: string, params: Params = {}): FetchRequest {
  const method = String(params.method ?? 'get').toLowerCase() as FetchRequest['method'];
  if (!METHODS.includes(method)) throw gasError(`Invalid argument: method`);
  const request: FetchRequest = {
    url: String(url),
    method,
    headers: { ...((params.headers as Record<string, string> | undefined) ?? {}) },
    followRedirects: params.followRedirects !== false,
    muteHttpExceptions: params.muteHttpExceptions === true,
  };
  const { payload } = params;
  if (method !== 'get' || payload !== undefined) request.contentType = params.contentType ?? 'application/x-www-form-urlencoded';
  if (typeof payload === 'string') request.payload = payload;
  else if (Array.isArray(payload)) request.payload = decodeBytes(fromByteArray(payload as number[]));
  else if (isBlobSource(payload)) request.payload = payload.getBlob().getDataAsString();
  else if (typeof payload === 'object' && payload !== null) request.payload = formEncoded(payload as Record<string, unknown>);
  return request;
}

class HttpResponseFake implements Pick<GResponse, 'getResponseCode' | 'getContentText' | 'getContent' | 'getBlob' | 'getHeaders' | 'getAllHeaders'> {
  constructor(
    private readonly url: string,
    private readonly status: number,
    private readonly bytes: Uint8Array,
    private readonly headers: Record<string, string>,
  ) {}
  toString(): string {
    return 'HTTPResponse';
  }
  getResponseCode(): number {
    return this.status;
  }
  getContentText(charset?: string): string {
    return decodeBytes(this.bytes, charset ?? 'UTF-8');
  }
  getContent(): number[] {
    return toSignedBytes(this.bytes);
  }
  /** Named after the URL's last path segment, typed by the response's Content-Type. */
  getBlob(): GoogleAppsScript.Base.Blob {
    const type = this.contentType()?.split(';')[0].trim() ?? null;
    const name = new URL(this.url).pathname.split('/').filter(Boolean).pop() ?? 'response';
    return new BlobFake(this.bytes, type, name) as unknown as GoogleAppsScript.Base.Blob;
  }
  getHeaders(): object {
    return { ...this.headers };
  }
  getAllHeaders(): object {
    return { ...this.headers };
  }
  private contentType(): string | undefined {
    const key = Object.keys(this.headers).find((k) => k.toLowerCase() === 'content-type');
    return key ? this.headers[key] : undefined;
  }
}

export class UrlFetchService {
  /** Every request scripts made, answered or not, in order. */
  readonly requests: FetchRecord[] = [];
  /** Answers requests; without one every fetch fails as an unreachable host does. */
  handler: FetchHandler | null = null;
  /** The daily quota; null follows the account type. */
  quotaPerDay: number | null = null;
  private readonly usage = new Map<string, { periodStart: number; calls: number }>();
  readonly app: Pick<GoogleAppsScript.URL_Fetch.UrlFetchApp, 'fetch' | 'fetchAll' | 'getRequest'>;

  constructor(private readonly core: Core) {
    const service = this;
    this.app = {
      fetch(url: string, params?: Params): GResponse {
        return service.fetch('fetch', buildRequest(url, params));
      },
      fetchAll(requests: Array<GoogleAppsScript.URL_Fetch.URLFetchRequest | string>): GResponse[] {
        return requests.map((r) => service.fetch('fetchAll', typeof r === 'string' ? buildRequest(r) : buildRequest(r.url, r)));
      },
      /** The request fetch would send (url, method, headers, contentType, payload). */
      getRequest(url: string, params?: Params): GoogleAppsScript.URL_Fetch.URLFetchRequest {
        const { url: target, method: verb, headers, contentType, payload } = buildRequest(url, params);
        return { url: target, method: verb, headers, ...(contentType === undefined ? {} : { contentType }), ...(payload === undefined ? {} : { payload }) };
      },
    } as UrlFetchService['app'];
  }

  private dailyQuota(): number {
    return this.quotaPerDay ?? (this.core.environment.account === 'workspace' ? WORKSPACE_FETCHES_PER_DAY : CONSUMER_FETCHES_PER_DAY);
  }

  /** Calls left in the user's current 24-hour period. */
  remaining(user = this.core.current()?.user ?? this.core.user): number {
    const usage = this.usage.get(user);
    if (!usage || this.core.now() - usage.periodStart >= QUOTA_PERIOD_MS) return this.dailyQuota();
    return Math.max(0, this.dailyQuota() - usage.calls);
  }

  /**
   * A response code of 400 or more throws unless muteHttpExceptions. Google's wording, as public
   * reports quote it, names the scheme and host only and cuts a long response short with "...":
   * "Request failed for https://api.notion.com returned code 502. Truncated server response:
   * error code: 500 (use muteHttpExceptions option to examine full response)"; where it cuts
   * (150 characters here) is the emulator's reading of those reports. An unreachable host throws
   * "DNS error: <url>" (the wording scripts report; the emulator has no network at all).
   */
  private fetch(method: string, request: FetchRequest): GResponse {
    this.core.requireFullAuth(`UrlFetchApp.${method}`, EXTERNAL_REQUEST_SCOPE);
    this.core.call('UrlFetchApp', method);
    const user = this.core.current()?.user ?? this.core.user;
    if (this.remaining(user) <= 0) throw gasError(QUOTA_EXCEEDED);
    const usage = this.usage.get(user);
    if (!usage || this.core.now() - usage.periodStart >= QUOTA_PERIOD_MS) this.usage.set(user, { periodStart: this.core.now(), calls: 1 });
    else usage.calls++;
    const record: FetchRecord = { at: this.core.now(), user, request, status: null };
    this.requests.push(record);
    if (!/^https?:\/\//i.test(request.url)) throw gasError(`Invalid argument: ${request.url}`);
    if (!this.handler) throw gasError(`DNS error: ${request.url}`);
    const reply = this.handler(request);
    record.status = reply.status;
    const bytes = typeof reply.body === 'string' ? encodeString(reply.body) : (reply.body ?? new Uint8Array());
    const response = new HttpResponseFake(request.url, reply.status, bytes, reply.headers ?? {});
    if (reply.status >= 400 && !request.muteHttpExceptions) {
      const text = response.getContentText();
      const shown = text.length > TRUNCATED_AT ? `${text.slice(0, TRUNCATED_AT)}...` : text;
      throw gasError(
        `Request failed for ${new URL(request.url).origin} returned code ${reply.status}. Truncated server response: ${shown} (use muteHttpExceptions option to examine full response)`,
      );
    }
    return response as unknown as GResponse;
  }
}
