/** Reliability, the staff world (two or three clerks acting at once: duplicate numbers, clicks, concurrent edits): see ./worlds.ts. */
import { RUNS, TIMEOUT_MS, runWorld } from './worlds';

describe('staff under injected faults', () => {
  test(
    `${RUNS} seeded runs keep every invariant`,
    () => {
      runWorld('staff');
    },
    TIMEOUT_MS,
  );
});
