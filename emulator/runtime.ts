/**
 * Session, Logger and console as Apps Script gives them to a script. The bundle logs only through
 * these, so every line lands in `core.logs` (the emulated execution log).
 */
import type { Core } from './core';

class UserFake implements Pick<GoogleAppsScript.Base.User, 'getEmail' | 'getUserLoginId'> {
  constructor(private readonly email: string) {}

  getEmail(): string {
    return this.email;
  }

  /** Deprecated alias of getEmail() that Google still serves. */
  getUserLoginId(): string {
    return this.email;
  }

  /** A user prints as its email (gas-fakes test/testsession.js:21, live). */
  toString(): string {
    return this.email;
  }
}

/**
 * https://developers.google.com/apps-script/reference/base/session
 * https://developers.google.com/apps-script/reference/base/user#getEmail()
 */
export class SessionFake
  implements
    Pick<GoogleAppsScript.Base.Session, 'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getTemporaryActiveUserKey' | 'getActiveUserLocale'>
{
  constructor(private readonly core: Core) {}

  /**
   * Blank in any context that runs without the user's authorization, such as a simple onOpen or
   * onEdit trigger (the script owner is a consumer account, not a same-domain Workspace user).
   */
  getActiveUser(): UserFake {
    const exec = this.core.current();
    if (exec && exec.authMode !== 'FULL') return new UserFake('');
    return new UserFake(exec?.user ?? this.core.user);
  }

  /** Under an installable trigger: the account that created the trigger. */
  getEffectiveUser(): UserFake {
    return new UserFake(this.core.current()?.user ?? this.core.user);
  }

  getScriptTimeZone(): string {
    return this.core.timeZone;
  }

  /** The caller's `locale` option (e.g. `en`). */
  getActiveUserLocale(): string {
    return this.core.locale;
  }

  /** Stable per user and project, reveals nothing about them (a hash of the seed and the address). */
  getTemporaryActiveUserKey(): string {
    const email = this.core.current()?.user ?? this.core.user;
    let h = 0x811c9dc5;
    for (const ch of `${this.core.seed}:${email}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    return `temp${h.toString(36)}`;
  }
}

export function createSession(core: Core): SessionFake {
  return new SessionFake(core);
}

/** Logger.log('%s of %s', a, b) fills placeholders the way Apps Script's Logger does. */
function formatLogArgs(args: unknown[]): string {
  if (args.length === 0) return '';
  const [first, ...rest] = args;
  if (typeof first === 'string' && rest.length) {
    let i = 0;
    const text = first.replace(/%[sdifoO]/g, (m) => (i < rest.length ? stringify(rest[i++]) : m));
    return [text, ...rest.slice(i).map(stringify)].join(' ');
  }
  return args.map(stringify).join(' ');
}

function stringify(x: unknown): string {
  if (typeof x === 'string') return x;
  if (x instanceof Error || Object.prototype.toString.call(x) === '[object Error]') return String(x);
  if (x !== null && typeof x === 'object' && Object.prototype.toString.call(x) !== '[object Date]') {
    try {
      return JSON.stringify(x);
    } catch {
      return String(x);
    }
  }
  return String(x);
}

/**
 * https://developers.google.com/apps-script/reference/base/logger
 * getLog() returns this execution's lines, each prefixed with a timestamp, like Google does.
 */
export class LoggerFake implements Pick<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'> {
  private lines: string[] = [];

  constructor(private readonly core: Core) {}

  log(format: unknown, ...values: unknown[]): LoggerFake {
    const line = formatLogArgs([format, ...values]);
    this.lines.push(`${new Date(this.core.now()).toISOString()} INFO: ${line}`);
    this.core.log(line);
    return this;
  }

  getLog(): string {
    return this.lines.map((l) => `${l}\n`).join('');
  }

  clear(): void {
    this.lines = [];
  }
}

export function createLogger(core: Core): LoggerFake {
  return new LoggerFake(core);
}

export interface ConsoleFake {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  time(label: string): void;
  timeEnd(label: string): void;
}

/** console.* lines go to the execution log with their level (Cloud Logging severities). */
export function createConsole(core: Core): ConsoleFake {
  const timers = new Map<string, number>();
  const write =
    (level: string) =>
    (...args: unknown[]) =>
      core.log(`[${level}] ${formatLogArgs(args)}`);
  return {
    log: write('INFO'),
    info: write('INFO'),
    warn: write('WARNING'),
    error: write('ERROR'),
    time(label: string) {
      timers.set(label, core.now());
    },
    timeEnd(label: string) {
      const start = timers.get(label);
      if (start === undefined) return;
      timers.delete(label);
      core.log(`[INFO] ${label}: ${core.now() - start}ms`);
    },
  };
}
