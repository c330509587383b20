/** Reliability, the budget world (the owner's daily trigger runtime running out mid-day): see ./worlds.ts. */
import { RUNS, TIMEOUT_MS, runWorld } from './worlds';

describe('budget under injected faults', () => {
  test(
    `${RUNS} seeded runs keep every invariant`,
    () => {
      runWorld('budget');
    },
    TIMEOUT_MS,
  );
});
