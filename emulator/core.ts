/**
 * The heart of the emulated Workspace: one simulated clock, one registry of Drive files, one
 * trigger registry, the current execution (who runs, in which auth mode, since when) and the count
 * of service calls. Every fake service calls `core.call(...)` on each method that would be a round
 * trip to Google, so that calls can be counted and the 6-minute limit is enforced on the simulated
 * clock.
 */

import { type AccountType, type Environment, environment } from './environment';
import { AUTH_MODE } from './gas-enum';
import { costFrom, type CostTable } from './costs';

/** One trigger execution as the daily trigger runtime saw it (Core.triggerExecutions). */
export interface TriggerExecution {
  handler: string;
  kind: 'time' | 'installable';
  user: string;
  at: number;
  ms: number;
  outcome: 'ran' | 'stopped' | 'refused';
  periodStart: number;
}

/** Google's limit for one execution (quotas page, "Script runtime: 6 min / execution"). */
export const EXECUTION_LIMIT_MS = 6 * 60_000;
/** Google's limit for a simple trigger (triggers guide, restrictions: "cannot run for longer than 30 seconds"). */
export const SIMPLE_TRIGGER_LIMIT_MS = 30_000;
/**
 * Google's daily quota of trigger runtime per user, "Triggers total runtime: 90 min / day"
 * (consumer) and "6 hr / day" (Google Workspace); quotas "reset 24 hours after the first request".
 * https://developers.google.com/apps-script/guides/services/quotas#current_quotas
 */
export const TRIGGER_RUNTIME_PER_DAY_MS: Readonly<Record<AccountType, number>> = { consumer: 90 * 60_000, workspace: 6 * 3_600_000 };
/**
 * What a trigger meets once its owner's daily trigger runtime is spent. "If you exceed a quota …
 * your script throws an exception and execution stops" (quotas page); this wording is the one
 * owners report from failure mails of triggered scripts, e.g.
 * https://github.com/webdigi/GmailScheduler/commit/077cb359a2ddbc99af622ec76e439a65d76091fb
 */
export const TRIGGER_RUNTIME_EXCEEDED = 'Service using too much computer time for one day';
const QUOTA_PERIOD_MS = 24 * 3_600_000;

export type AuthMode = 'FULL' | 'LIMITED' | 'NONE';
export type ExecutionKind = 'simple' | 'installable' | 'menu' | 'time' | 'direct' | 'harness';

export interface Execution {
  id: number;
  handler: string;
  kind: ExecutionKind;
  authMode: AuthMode;
  startedAt: number;
  /** Real Apps Script limits: 30 s for simple triggers, 6 min for everything else. */
  limitMs: number;
  user: string;
  /**
   * For a trigger's execution: what was left of its owner's daily trigger runtime when it started;
   * past it the execution is stopped with TRIGGER_RUNTIME_EXCEEDED.
   */
  dailyRuntimeLeftMs?: number;
  /**
   * Set once the execution is stopped (time limit, or a test killing it). Google terminates the
   * runtime: no later code reaches a service, so every further call of a killed execution throws
   * again — a catch or finally block cannot write its way out.
   */
  killed?: boolean;
  /** Set when it was stopped because its owner's daily trigger runtime ran out. */
  outOfDailyRuntime?: boolean;
}

/** Thrown when an execution passes its time limit; Apps Script's own message. */
export class ExceededMaximumExecutionTime extends Error {
  constructor() {
    super('Exceeded maximum execution time');
    this.name = 'Exception';
  }
}

/**
 * Apps Script throws plain `Error`s whose message is the text users see; the fakes do the same.
 * https://developers.google.com/apps-script/guides/support/troubleshooting#common_errors
 */
export function gasError(message: string): Error {
  const e = new Error(message);
  e.name = 'Exception';
  return e;
}

export interface DriveEntry {
  id: string;
  name: string;
  mimeType: string;
  /** ids of parent folders; empty = My Drive root */
  parents: string[];
  createdAt: number;
  updatedAt: number;
  trashed: boolean;
  sharing: { access: string; permission: string };
  /** Whether `sharing` came from the parent folder (Drive propagates it down) rather than being set on the item. */
  sharingInherited?: boolean;
  /**
   * Permissions besides the owner's and the link/domain sharing above (which `sharing` holds, as
   * DriveApp sees it): people, groups, and the published view of a form (who may respond).
   */
  permissions?: DrivePermission[];
  /** The bytes of a stored blob file (text, HTML, CSV, PDF, PNG). Native Google files have none. */
  bytes?: Uint8Array;
  /** Native Google files export through this (e.g. a Doc to PDF or HTML). */
  exportAs?: (mimeType: string) => { bytes: Uint8Array; mimeType: string; name: string };
  /** Native Google files copy through this (File.makeCopy): the owning fake registers the copy. */
  duplicate?: (name: string) => DriveEntry;
  /** Lets the dump find the fake behind a native file (Spreadsheet, Form, Document). */
  kind: 'folder' | 'file' | 'spreadsheet' | 'form' | 'document';
  /**
   * Whether this script project (the "app" of the `drive.file` scope) created the item: made
   * during a script execution through DriveApp or the Advanced Drive service (and, when the
   * environment's `builtinCreatesCountForDriveFile` says so, FormApp/DocumentApp/SpreadsheetApp).
   * Items the harness makes outside an execution (a person's file, one shared with the account)
   * are not the app's. `drive.file` "lets apps access only the files they created or that a user
   * explicitly shared with the app" (https://developers.google.com/workspace/drive/api/guides/api-specific-auth).
   * The grant is the user's, not the file's: the scope covers "the specific Google Drive files you
   * use with this app" (its consent text), so a file the app made for the owner is not the app's for
   * another editor running the same script, even when the owner shares it with them. Hence the
   * accounts for which the app holds the item; none: not the app's for anyone.
   */
  appUsers?: string[];
}

/**
 * A Drive permission as the Drive API v3 describes it (a subset of Schema.Permission).
 * `view: 'published'` puts the permission on a form's published view: who may respond, not who
 * may open the form's editor (Forms' "Publish and manage responders" guide,
 * https://developers.google.com/workspace/forms/api/guides/publish-form).
 * https://developers.google.com/workspace/drive/api/reference/rest/v3/permissions
 */
export interface DrivePermission {
  id: string;
  type: 'user' | 'group' | 'domain' | 'anyone';
  role: 'owner' | 'organizer' | 'fileOrganizer' | 'writer' | 'commenter' | 'reader';
  emailAddress?: string;
  domain?: string;
  allowFileDiscovery?: boolean;
  view?: 'published';
}

export type TriggerEventType = 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT' | 'CLOCK';

export interface TriggerRecord {
  id: string;
  handler: string;
  eventType: TriggerEventType;
  /** spreadsheet or form id for source triggers; null for time-driven */
  sourceId: string | null;
  sourceKind: 'SPREADSHEETS' | 'FORMS' | 'CLOCK';
  /** time-driven schedule, as configured through ClockTriggerBuilder */
  schedule?: ClockSchedule;
  /** next time (ms) a time-driven trigger is due */
  nextRunAt?: number;
  createdBy: string;
}

export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onMonthDay?: number;
  onWeekDay?: number;
  at?: number;
  after?: number;
  timeZone?: string;
}

/** A hook tests use to inject faults into service calls (failures, nested executions). */
export type FaultHook = (service: string, method: string, core: Core) => void;

/** How the harness runs a named global function of the loaded bundle. */
export type Invoker = (handler: string, event: unknown) => unknown;

/** What a caller decides about one emulated Workspace; nothing is assumed. */
export interface CoreOptions {
  /** The account the script runs as (see Core.user). */
  user: string;
  /** Start of the simulated clock (ms since epoch, an ISO string, or a Date). */
  now: number | string | Date;
  /** The script's time zone (appsscript.json `timeZone`), e.g. `Europe/Berlin`. */
  timeZone: string;
  /** Modelled cost of each call and cell; APPS_SCRIPT_COSTS (costs.ts) is the sourced table. */
  costs: CostTable;
  /** Seed of the ids Google derives per project (script id, Utilities.getUuid). */
  seed: string;
  /** The user's language, as Session.getActiveUserLocale returns it; default `en`. */
  locale?: string;
  /** The Google world of this deployment (environment.ts); default: a new consumer account. */
  environment?: Environment;
  /**
   * The OAuth scopes the script's token carries. Default: what `loadBundle` reads from the
   * manifest's `oauthScopes`; a manifest without them means Apps Script's automatic detection,
   * i.e. every scope the code needs is granted (null here). Given, it overrides the manifest.
   * https://developers.google.com/apps-script/concepts/scopes#setting_explicit_scopes
   */
  scopes?: string[];
}

export class Core {
  /** Simulated time in ms since epoch. */
  private nowMs: number;
  readonly timeZone: string;
  readonly calls = new Map<string, number>();
  /** Cells (or table cells) moved by the calls, by `Service.method`, for calls that say so. */
  readonly cells = new Map<string, number>();
  readonly costs: CostTable;
  readonly drive = new Map<string, DriveEntry>();
  /**
   * How the Drive API makes a native Google file of a MIME type (files.create with
   * `application/vnd.google-apps.form` or `.document`): the Forms and Docs fakes register here.
   */
  readonly nativeCreators = new Map<string, (name: string) => DriveEntry>();
  readonly triggers: TriggerRecord[] = [];
  readonly logs: string[] = [];
  /** Executions currently running; the last is the innermost (a nested one models concurrency). */
  readonly executions: Execution[] = [];
  faultHook: FaultHook | null = null;
  invoker: Invoker | null = null;
  /**
   * The account running the script: the owner of the files it creates, the installer of the
   * triggers it creates, the person acting in harness calls unless another is named.
   */
  user: string;
  /** The user's language (Session.getActiveUserLocale), e.g. `en`. */
  readonly locale: string;
  /** Mixed into the ids Google derives per project (script id, UUIDs), so runs repeat. */
  readonly seed: string;
  /** The Google world the fakes behave as (account type, sharing policy, new-sheet locale …). */
  readonly environment: Environment;
  /**
   * The scopes granted to the script (see CoreOptions.scopes); null: every scope (automatic
   * detection). Only calls made inside a script execution are checked: the harness acts as a
   * person or as Google itself.
   */
  scopes: ReadonlySet<string> | null = null;
  /** Whether charging a call advances the clock (the modelled wall time). */
  advanceClockOnCalls = true;
  /**
   * The daily trigger runtime of each account; null follows the account type
   * (TRIGGER_RUNTIME_PER_DAY_MS). Tests may set a figure of their own.
   */
  triggerRuntimePerDayMs: number | null = null;
  /** Trigger runtime each account has spent in its current quota period. */
  readonly triggerRuntime = new Map<string, { periodStart: number; usedMs: number }>();
  /**
   * Harness: every execution of a time-driven or installable trigger, in order, with the runtime
   * charged to its owner: `ran` (ended, even by the handler's own exception), `stopped` (ended by
   * TRIGGER_RUNTIME_EXCEEDED mid-run) or `refused` (the budget was spent before it started: it
   * never ran, 0 ms). `periodStart` is the start of the owner's quota period it was charged to.
   */
  readonly triggerExecutions: TriggerExecution[] = [];
  /** The fraction of a millisecond charged but not yet on the clock. */
  private carriedMs = 0;
  private idCounter = 0;
  private executionCounter = 0;

  constructor(options: CoreOptions) {
    this.nowMs = new Date(options.now).getTime();
    if (Number.isNaN(this.nowMs)) throw new Error(`Core: not a time: ${String(options.now)}`);
    this.timeZone = options.timeZone;
    this.costs = options.costs;
    this.user = options.user;
    this.seed = options.seed;
    this.locale = options.locale ?? 'en';
    this.environment = options.environment ?? environment('consumer');
    if (options.scopes) this.setScopes(options.scopes);
  }

  /** Grants exactly these scopes (full URLs); null grants everything (automatic detection). */
  setScopes(scopes: readonly string[] | null): void {
    this.scopes = scopes === null ? null : new Set(scopes.map(String));
  }

  /** Whether any of `alternatives` is granted (always, with automatic detection). */
  hasScope(...alternatives: string[]): boolean {
    const granted = this.scopes;
    return granted === null || alternatives.some((scope) => granted.has(scope));
  }

  /**
   * Throws Apps Script's message when a script calls a built-in service method none of whose
   * scopes the manifest grants: "Specified permissions are not sufficient to call
   * DriveApp.createFolder. Required permissions: https://www.googleapis.com/auth/drive", and for a
   * method several scopes allow, "Required permissions: (https://www.googleapis.com/auth/drive.readonly
   * || https://www.googleapis.com/auth/drive)" — the wording scripts with explicit `oauthScopes`
   * report (zidooka.com, "How to Fix 'Specified permissions are not sufficient to call xxx' in GAS",
   * quoting DriveApp.getRootFolder: github.com/yamachi4u/zidooka_writing, drafts/gas-specified-permissions-error-en.md;
   * the DriveApp.createFolder form is quoted by several public projects that tried `drive.file`).
   * Harness calls outside an execution are not checked.
   */
  requireScope(what: string, alternatives: string[]): void {
    if (!this.current() || this.hasScope(...alternatives)) return;
    const required = alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' || ')})`;
    throw gasError(`Specified permissions are not sufficient to call ${what}. Required permissions: ${required}`);
  }

  now(): number {
    return this.nowMs;
  }

  /** Moves the clock to `ms` (never backwards unless `allowBackwards`, used by clock-jump tests). */
  setNow(ms: number, allowBackwards = false): void {
    if (ms < this.nowMs && !allowBackwards) return;
    this.nowMs = ms;
  }

  advance(ms: number): void {
    this.nowMs += ms;
  }

  /** A deterministic id in the alphabet and length Google uses for Drive ids (44 chars). */
  newId(prefix = '1'): string {
    this.idCounter++;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // xorshift32 seeded by the counter: deterministic, and as varied-looking as Google's ids.
    let x = (this.idCounter * 0x9e3779b1) | 0 || 1;
    let body = '';
    while (body.length < 44 - prefix.length) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      body += alphabet[(x >>> 0) % 64];
    }
    return prefix + body;
  }

  current(): Execution | null {
    return this.executions.length ? this.executions[this.executions.length - 1] : null;
  }

  /**
   * Whether a file FormApp/DocumentApp/SpreadsheetApp.create makes now counts as the app's for
   * `drive.file`: only inside an execution, and only in a world that reads it so
   * (Environment.builtinCreatesCountForDriveFile).
   */
  builtinCreateIsApps(): boolean {
    return this.current() !== null && this.environment.builtinCreatesCountForDriveFile;
  }

  /** The accounts the app holds an item for when it is made now: the running account, inside an execution. */
  appUsersOfNew(countsAsApps = this.current() !== null): string[] {
    const exec = this.current();
    return exec && countsAsApps ? [exec.user] : [];
  }

  /** Whether the app holds an item for the account running now (what `drive.file` reaches). */
  appHolds(entry: DriveEntry): boolean {
    const exec = this.current();
    return exec !== null && (entry.appUsers ?? []).includes(exec.user);
  }

  /**
   * Charges one service call: counts it, advances the clock by its modelled cost, injects a fault
   * if a test asked for one, and enforces the execution time limit.
   * `key` is `Service.method`; the per-call cost is looked up by key, then by `Service.kind`, then
   * service, then `default`. `cells` is how many cells the call reads or writes (a range's area, a
   * table's cells): each adds the per-cell cost found the same way under `<key>/cell`, or nothing.
   */
  call(service: string, method: string, kind?: 'read' | 'write' | 'meta', cells = 0): void {
    const key = `${service}.${method}`;
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
    if (cells > 0) this.cells.set(key, (this.cells.get(key) ?? 0) + cells);
    if (this.faultHook) this.faultHook(service, method, this);
    const exec = this.current();
    if (!exec) return;
    if (exec.killed) throw new ExceededMaximumExecutionTime();
    if (this.killAfterCalls !== null && --this.killAfterCalls < 0) {
      this.killAfterCalls = null;
      exec.killed = true;
      throw new ExceededMaximumExecutionTime();
    }
    if (!this.advanceClockOnCalls) return;
    // The clock stays in whole milliseconds (Dates and trigger times are integers); fractions of
    // per-cell costs are carried to the next call so that none is lost.
    const cost = this.costOf(service, method, kind, cells) + this.carriedMs;
    const whole = Math.floor(cost);
    this.carriedMs = cost - whole;
    this.nowMs += whole;
    if (this.nowMs - exec.startedAt > exec.limitMs) {
      exec.killed = true;
      throw new ExceededMaximumExecutionTime();
    }
    if (exec.dailyRuntimeLeftMs !== undefined && this.nowMs - exec.startedAt > exec.dailyRuntimeLeftMs) {
      exec.killed = true;
      exec.outOfDailyRuntime = true;
      throw gasError(TRIGGER_RUNTIME_EXCEEDED);
    }
  }

  /** The daily trigger runtime of an account (TRIGGER_RUNTIME_PER_DAY_MS unless set). */
  triggerRuntimeBudgetMs(): number {
    return this.triggerRuntimePerDayMs ?? TRIGGER_RUNTIME_PER_DAY_MS[this.environment.account];
  }

  /** The trigger runtime `user` has in the current quota period (it starts with their first trigger run). */
  private triggerRuntimeOf(user: string): { periodStart: number; usedMs: number } {
    let usage = this.triggerRuntime.get(user);
    if (!usage || this.nowMs - usage.periodStart >= QUOTA_PERIOD_MS) {
      usage = { periodStart: this.nowMs, usedMs: 0 };
      this.triggerRuntime.set(user, usage);
    }
    return usage;
  }

  /**
   * The quota period of `user`'s trigger runtime: it starts with their first trigger run after the
   * previous one ended and lasts 24 hours ("Quotas are per user and reset 24 hours after the first
   * request", quotas page) — a rolling day, not midnight in any time zone. Null before any run.
   */
  triggerRuntimePeriod(user: string = this.user): { start: number; resetsAt: number; usedMs: number; budgetMs: number } | null {
    const usage = this.triggerRuntime.get(user);
    if (!usage || this.nowMs - usage.periodStart >= QUOTA_PERIOD_MS) return null;
    return { start: usage.periodStart, resetsAt: usage.periodStart + QUOTA_PERIOD_MS, usedMs: usage.usedMs, budgetMs: this.triggerRuntimeBudgetMs() };
  }

  /** Trigger runtime `user` may still spend in the current quota period (ms). */
  triggerRuntimeLeft(user: string = this.user): number {
    const usage = this.triggerRuntime.get(user);
    if (!usage || this.nowMs - usage.periodStart >= QUOTA_PERIOD_MS) return this.triggerRuntimeBudgetMs();
    return Math.max(0, this.triggerRuntimeBudgetMs() - usage.usedMs);
  }

  /** Modelled milliseconds of one call moving `cells` cells (see call for the lookup order). */
  costOf(service: string, method: string, kind?: 'read' | 'write' | 'meta', cells = 0): number {
    return costFrom(this.costs, service, method, kind, cells);
  }

  /**
   * Fault injection: the current (or next) execution is killed at its n-th next service call,
   * before that call takes effect — as when Google stops a script mid-run.
   */
  killAfterCalls: number | null = null;

  /** Milliseconds the current execution has run (what a script measures to stop in time). */
  elapsed(): number {
    const exec = this.current();
    return exec ? this.nowMs - exec.startedAt : 0;
  }

  /**
   * Total calls, calls grouped by service (the part before the first dot) and by method, and the
   * cells moved by method (only methods that move cells appear).
   */
  callSummary(): {
    total: number;
    byService: Record<string, number>;
    byMethod: Record<string, number>;
    cellsByMethod: Record<string, number>;
  } {
    const byService: Record<string, number> = {};
    const byMethod: Record<string, number> = {};
    let total = 0;
    for (const [key, n] of this.calls) {
      total += n;
      byMethod[key] = n;
      const service = key.split('.')[0];
      byService[service] = (byService[service] ?? 0) + n;
    }
    return { total, byService, byMethod, cellsByMethod: Object.fromEntries(this.cells) };
  }

  resetCalls(): void {
    this.calls.clear();
    this.cells.clear();
  }

  /**
   * Throws as Apps Script does when a simple trigger (AuthMode.LIMITED) calls a service that needs
   * authorization, e.g. MailApp: "You do not have permission to call MailApp.sendEmail. Required
   * permissions: https://www.googleapis.com/auth/script.send_mail".
   * https://developers.google.com/apps-script/guides/triggers#restrictions
   */
  requireFullAuth(what: string, scope: string): void {
    const exec = this.current();
    if (exec && exec.authMode !== 'FULL') {
      throw gasError(`You do not have permission to call ${what}. Required permissions: ${scope}`);
    }
  }

  /**
   * Runs `fn` as one execution of `handler`. Simple triggers run in LIMITED mode for at most 30 s;
   * everything else in FULL mode for at most 6 minutes.
   * https://developers.google.com/apps-script/guides/services/quotas#current_limitations
   */
  runExecution<T>(handler: string, kind: ExecutionKind, fn: () => T, user?: string): T {
    const runAs = user ?? this.user;
    // Time-driven and installable triggers draw on their owner's daily trigger runtime; once it is
    // spent they do not run until the quota period ends.
    const usage = kind === 'time' || kind === 'installable' ? this.triggerRuntimeOf(runAs) : null;
    const record = (ms: number, outcome: TriggerExecution['outcome'], at = this.nowMs): void => {
      if (usage) this.triggerExecutions.push({ handler, kind: kind as TriggerExecution['kind'], user: runAs, at, ms, outcome, periodStart: usage.periodStart });
    };
    if (usage && usage.usedMs >= this.triggerRuntimeBudgetMs()) {
      record(0, 'refused');
      throw gasError(TRIGGER_RUNTIME_EXCEEDED);
    }
    const exec: Execution = {
      id: ++this.executionCounter,
      handler,
      kind,
      authMode: kind === 'simple' ? 'LIMITED' : 'FULL',
      startedAt: this.nowMs,
      limitMs: kind === 'simple' ? SIMPLE_TRIGGER_LIMIT_MS : EXECUTION_LIMIT_MS,
      user: runAs,
    };
    if (usage) exec.dailyRuntimeLeftMs = this.triggerRuntimeBudgetMs() - usage.usedMs;
    this.executions.push(exec);
    try {
      return fn();
    } finally {
      if (usage) {
        usage.usedMs += this.nowMs - exec.startedAt;
        record(this.nowMs - exec.startedAt, exec.outOfDailyRuntime ? 'stopped' : 'ran', exec.startedAt);
      }
      this.executions.splice(this.executions.indexOf(exec), 1);
      this.releaseLocksOf?.(exec.id);
    }
  }

  /**
   * Makes the Date objects fakes hand to script code. The harness points it at the bundle's own
   * `Date` (another vm realm), so that `value instanceof Date` holds in script code as in Apps Script.
   */
  makeDate: (ms: number) => Date = (ms) => new Date(ms);

  /** Set by the LockService fake: an ended execution's locks are released (as Google does). */
  releaseLocksOf: ((executionId: number) => void) | null = null;

  log(line: string): void {
    this.logs.push(line);
  }

  /** Set by the harness when a bundle is loaded: is there a global function of that name? */
  hasHandler: (name: string) => boolean = () => false;

  /** Errors thrown by trigger handlers. Google logs them and emails the owner; nothing else sees them. */
  readonly triggerFailures: Array<{ handler: string; at: number; message: string }> = [];

  /**
   * Runs a global function of the bundle as one execution. A trigger's exception never reaches
   * the user who caused the event: it is recorded (Google's "failure notification" email).
   */
  invoke(handler: string, kind: ExecutionKind, event: unknown, options: { rethrow?: boolean; user?: string } = {}): unknown {
    if (!this.invoker) throw new Error('No bundle loaded: Core.invoker is not set');
    const invoker = this.invoker;
    try {
      return this.runExecution(handler, kind, () => invoker(handler, event), options.user);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.log(`[${handler}] ${message}`);
      if (options.rethrow) throw err;
      this.triggerFailures.push({ handler, at: this.nowMs, message });
      return undefined;
    }
  }

  /**
   * Fires the installable triggers of `eventType` bound to `sourceId` (each its own execution, in
   * creation order), and the simple trigger of the same kind when `simpleName` is given and the
   * bundle defines it. `makeEvent` builds each handler's event object (with its triggerUid).
   * The simple trigger runs as the person who caused the event (`actingUser`); an installable one
   * "always run[s] under the account of the person who created [it]", whoever caused the event
   * (https://developers.google.com/apps-script/guides/triggers/installable#restrictions).
   */
  fireTriggers(
    eventType: TriggerEventType,
    sourceId: string,
    makeEvent: (trigger: TriggerRecord | null, authMode: GoogleAppsScript.Script.AuthMode) => unknown,
    simpleName?: string,
    actingUser?: string,
  ): void {
    if (simpleName && this.hasHandler(simpleName)) {
      this.invoke(simpleName, 'simple', makeEvent(null, AUTH_MODE.LIMITED), { user: actingUser });
    }
    for (const trigger of this.triggers.filter((t) => t.eventType === eventType && t.sourceId === sourceId)) {
      this.invoke(trigger.handler, 'installable', makeEvent(trigger, AUTH_MODE.FULL), { user: trigger.createdBy });
    }
  }
}
