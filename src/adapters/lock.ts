/**
 * The script lock: one execution at a time writes the workbook, sends invitations or builds a
 * period's documents, so two triggers or two clicks never do the same work twice.
 */

/** Long enough for a run of 10,000 rows to finish under a concurrent execution's wait. */
export const LOCK_WAIT_MS = 30_000;

/** Runs `work` under the script lock, waiting for it up to `waitMs`; throws when it stays busy. */
export function withScriptLock<T>(work: () => T, waitMs = LOCK_WAIT_MS): T {
  const lock = LockService.getScriptLock();
  lock.waitLock(waitMs);
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

/** Runs `work` under the script lock if it can be had within `waitMs`; otherwise does nothing. */
export function tryScriptLock<T>(waitMs: number, work: () => T): { locked: true; value: T } | { locked: false } {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) return { locked: false };
  try {
    return { locked: true, value: work() };
  } finally {
    lock.releaseLock();
  }
}
