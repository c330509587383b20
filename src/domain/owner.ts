/**
 * One owner per deployment. Installable triggers run as the account that created them, and only
 * that account sees them; mail goes out from whoever runs the code, against their own daily quota.
 * So setup (which installs the triggers) and sending (which spends a mailbox and its quota) are
 * the owner's alone: setup records the owner the first time, and everyone else is told who it is.
 */

/** Two account addresses are the same account (Google addresses are case-insensitive). */
export function sameAccount(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.trim() !== '' && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Whether `me` may act as the deployment's owner: yes when no owner is recorded yet (the first
 * setup makes its runner the owner), else only the owner. An unknown address ('' — Google did not
 * say who is running) is never the owner of a recorded deployment.
 */
export type OwnerVerdict = { owner: true } | { owner: false; recorded: string };

export function ownerVerdict(me: string, recorded: string | null): OwnerVerdict {
  if (recorded === null || recorded.trim() === '') return { owner: true };
  return sameAccount(me, recorded) ? { owner: true } : { owner: false, recorded: recorded.trim() };
}
