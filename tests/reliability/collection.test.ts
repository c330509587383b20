/** Reliability, the collection world (forms answered, paper forms typed, imported and corrected, phone notes): see ./worlds.ts. */
import { RUNS, TIMEOUT_MS, runWorld } from './worlds';

describe('collection under injected faults', () => {
  test(
    `${RUNS} seeded runs keep every invariant`,
    () => {
      runWorld('collection');
    },
    TIMEOUT_MS,
  );
});
