import type { Fixture } from './workbook';

/**
 * Makes the call right after the first `service.method` call fail once, as a Google outage would
 * stop a run just after it made something. Returns whether the failure happened.
 */
export function failOnceAfter(fx: Fixture, service: string, method: string): () => boolean {
  let armed = false;
  let fired = false;
  fx.ws.core.faultHook = (s, m) => {
    if (armed && !fired) {
      fired = true;
      throw new Error('Service unavailable: Drive');
    }
    if (s === service && m === method) armed = true;
  };
  return () => fired;
}
