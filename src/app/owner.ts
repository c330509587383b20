/**
 * Who is running, and whether that is the deployment's owner (domain/owner.ts): setup and
 * sending ask here before acting.
 */
import { ownerVerdict, type OwnerVerdict } from '../domain/owner';
import { currentAccount, triggerOwners } from '../adapters/triggers';
import { t } from '../domain/messages';

export interface RunningAccount {
  /** The account running now ('' when Google does not say). */
  me: string;
  verdict: OwnerVerdict;
}

export function runningAccount(): RunningAccount {
  let me = '';
  try {
    me = currentAccount();
  } catch (err) {
    console.warn(`owner: the running account is unknown (${err instanceof Error ? err.message : String(err)})`);
  }
  return { me, verdict: ownerVerdict(me, triggerOwners().owner) };
}

/**
 * Whether a time-driven run should do its work: only under the owner's triggers. A second set,
 * installed by another editor (before setup refused them, or by hand), would send mail from that
 * editor's mailbox and make Docs in their Drive; it does nothing and says so in the log (the
 * self-check, run by that editor, tells them to delete it).
 */
export function runsAsOwner(run: string): boolean {
  const running = runningAccount();
  if (running.verdict.owner) return true;
  console.warn(
    `${run}: these triggers belong to ${running.me || 'an unknown account'}, not the deployment's owner (${running.verdict.recorded}); nothing done`,
  );
  return false;
}

/**
 * A menu action that makes or changes the product's files in Drive, run only by the owner. Under
 * the `drive.file` scope the script reaches only the Drive items it made for the account running
 * it (the grant is the user's), so another editor's run would not see the owner's folders and Docs
 * and would start a second set in its own Drive, taking over the ids the owner's runs keep. Anyone
 * else is told, in Georgian, whose account to use; nothing is done.
 */
export function ownersDriveAction(name: string, action: () => string): () => string {
  return () => {
    const running = runningAccount();
    if (running.verdict.owner) return action();
    console.warn(`${name}: run by ${running.me || 'an unknown account'}, not the owner (${running.verdict.recorded}); Drive is the owner's: nothing done`);
    return t('menu.drive_owner_only', { owner: running.verdict.recorded, me: running.me || '?' });
  };
}

/** Whether the account running now is the deployment's owner (or no owner is recorded yet). */
export function runByOwner(): boolean {
  return runningAccount().verdict.owner;
}
