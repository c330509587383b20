/** Reliability, the invitations world (cases typed, closed, re-edited and renumbered, other mail of the account): see ./worlds.ts. */
import { RUNS, TIMEOUT_MS, runWorld } from './worlds';

describe('invitations under injected faults', () => {
  test(
    `${RUNS} seeded runs keep every invariant`,
    () => {
      runWorld('invitations');
    },
    TIMEOUT_MS,
  );
});
