/**
 * LockService. A lock belongs to the execution that took it and is released when that execution
 * ends. The emulator runs one thing at a time, so contention is an execution started while
 * another (an outer one) holds the lock: the waiter waits out its whole timeout on the simulated
 * clock, because the holder cannot make progress meanwhile.
 * https://developers.google.com/apps-script/reference/lock/lock
 */
import { gasError, type Core } from './core';
import { passTime } from './utilities';

/** Google's message when waitLock gives up (as reported from real executions). */
const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';
/** Execution id used for calls made by the harness outside any execution. */
const NO_EXECUTION = 0;

class LockFake implements Pick<GoogleAppsScript.Lock.Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  /** Whether this Lock object acquired the lock (hasLock is false until tryLock/waitLock succeed). */
  private acquired = false;

  constructor(
    private readonly core: Core,
    private readonly holders: Map<string, number>,
    private readonly key: string,
  ) {}

  /** A negative timeout never acquires, even a free lock (gas-fakes test/testlock.js:64–75, run on live Apps Script). */
  tryLock(timeoutInMillis: number): boolean {
    this.core.call('LockService', 'tryLock');
    if (Number(timeoutInMillis) < 0) return false;
    const me = this.core.current()?.id ?? NO_EXECUTION;
    const holder = this.holders.get(this.key);
    if (holder === undefined || holder === me) {
      this.holders.set(this.key, me);
      this.acquired = true;
      return true;
    }
    passTime(this.core, Math.max(0, Number(timeoutInMillis) || 0));
    return false;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw gasError(LOCK_TIMEOUT);
  }

  /** Has no effect when the lock was not acquired. */
  releaseLock(): void {
    this.core.call('LockService', 'releaseLock');
    if (!this.hasLock()) return;
    this.holders.delete(this.key);
    this.acquired = false;
  }

  toString(): string {
    return 'Lock';
  }

  hasLock(): boolean {
    return this.acquired && this.holders.get(this.key) === (this.core.current()?.id ?? NO_EXECUTION);
  }
}

export class LockServiceFake {
  /** lock key → id of the execution holding it */
  private readonly holders = new Map<string, number>();
  readonly app: Pick<GoogleAppsScript.Lock.LockService, 'getScriptLock' | 'getDocumentLock' | 'getUserLock'>;

  constructor(private readonly core: Core) {
    core.releaseLocksOf = (executionId) => {
      for (const [key, holder] of [...this.holders]) if (holder === executionId) this.holders.delete(key);
    };
    this.app = {
      getScriptLock: () => this.lock('script'),
      // The project is bound to one spreadsheet, so there is one document lock.
      getDocumentLock: () => this.lock('document'),
      getUserLock: () => this.lock(`user:${core.current()?.user ?? core.user}`),
    };
  }

  /** Harness: which execution holds a lock ('script', 'document', 'user:<email>'), if any. */
  holderOf(key: string): number | undefined {
    return this.holders.get(key);
  }

  private lock(key: string): LockFake {
    this.core.call('LockService', 'getLock');
    return new LockFake(this.core, this.holders, key);
  }
}
