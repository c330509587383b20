import type { Fixture } from './workbook';

/**
 * Makes the call right after the `nth` (default first) `service.method` call fail once, as a
 * Google outage would stop a run just after it made something. Returns whether the failure happened.
 */
export function failOnceAfter(fx: Fixture, service: string, method: string, nth = 1): () => boolean {
  let seen = 0;
  let fired = false;
  fx.ws.core.faultHook = (s, m) => {
    if (seen >= nth && !fired) {
      fired = true;
      throw new Error('Service unavailable: Drive');
    }
    if (s === service && m === method) seen++;
  };
  return () => fired;
}

/**
 * Kills the given handler's execution at its first call after its first setValues (the feedback
 * rows' write), as Google would stop a run between two writes. Clear `fx.ws.core.faultHook` after.
 */
export function killAfterFirstWrite(fx: Fixture, handler: string): void {
  let armed = true;
  fx.ws.core.faultHook = (service, method, core) => {
    if (armed && service === 'SpreadsheetApp' && method === 'setValues' && core.current()?.handler === handler) {
      armed = false;
      core.killAfterCalls = 1;
    }
  };
}
