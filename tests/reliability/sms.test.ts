/** Reliability, the SMS world (desk cases with a number and consent, a fake gateway that throttles, fails and loses answers, the URL Fetch quota): see ./worlds.ts and ./sms-world.ts. */
import { RUNS, TIMEOUT_MS, runWorld } from './worlds';

describe('SMS invitations under injected faults', () => {
  test(
    `${RUNS} seeded runs keep every invariant`,
    () => {
      runWorld('sms');
    },
    TIMEOUT_MS,
  );
});
