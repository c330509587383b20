/**
 * The call-back list: requests to be contacted (domain/arrival.ts), in a CSV file in a folder of
 * the workbook owner's Drive that is never shared, so only the owner — the coordinator — can open
 * it. A tab would not do: protection stops edits, not reading, and any editor can show a hidden
 * tab. A run by another account (a staff member's menu click) cannot open the owner's file: its
 * requests wait in the script properties until the next run as the owner (the hourly sweep).
 */
import { mergeCallbacks, parseCallbacks, renderCallbacks, type CallbackRequest } from '../domain/arrival';
import { t } from '../domain/messages';
import { deleteKey, readJson, readString, writeJson, writeString } from './config';
import { errorMessage } from '../domain/errors';
import { getItem, isNotFound, readText } from './drive-api';
import { ensureFolder, saveTextFile } from './drive-files';
import { activeWorkbook } from './tables';

const FOLDER_KEY = 'folder.coordinator';
const FILE_KEY = 'callbacks.file';
const PENDING_KEY = 'callbacks.pending';
/** When the oldest waiting request started to wait (ISO); cleared with the wait. */
const PENDING_SINCE_KEY = 'callbacks.pendingSince';

/** Whether this run is the workbook owner's: only the owner's Drive holds the list. */
function runByOwner(): boolean {
  const owner = activeWorkbook().getOwner();
  const me = Session.getEffectiveUser().getEmail();
  return owner !== null && me !== '' && owner.getEmail() === me;
}

/**
 * The requests already in the list: none when there is no list yet, or it is trashed or gone
 * ("File not found"); null when it is there but cannot be read now (an outage, or a read Google
 * refuses) — then it must not be overwritten, or the requests in it would be lost.
 */
function storedList(): CallbackRequest[] | null {
  const id = readString(FILE_KEY);
  if (!id || id.startsWith('making:')) return [];
  try {
    return getItem(id).trashed ? [] : parseCallbacks(readText(id));
  } catch (err) {
    const reason = errorMessage(err);
    if (isNotFound(err)) {
      console.warn(`callbacks: stored list ${id} is gone (${reason}); a new one is made`);
      return [];
    }
    console.error(`callbacks: stored list ${id} cannot be read (${reason}); it is left as it is and the new requests wait`);
    return null;
  }
}

export interface CallbackOutcome {
  /** Requests now in the coordinator's list from this run (with those that were waiting). */
  stored: number;
  /** Requests waiting for a run as the owner. */
  waiting: number;
}

/** Adds requests to the coordinator's list (and any that were waiting); none: only drains the wait. */
export function storeCallbacks(fresh: readonly CallbackRequest[]): CallbackOutcome {
  const waiting = readJson<CallbackRequest[]>(PENDING_KEY) ?? [];
  const all = mergeCallbacks(waiting, fresh);
  if (all.length === 0) return { stored: 0, waiting: 0 };
  if (!runByOwner()) {
    keepWaiting(all);
    console.warn(`callbacks: ${all.length} request(s) wait for a run as the workbook's owner`);
    return { stored: 0, waiting: all.length };
  }
  const stored = storedList();
  if (stored === null) {
    // The list is kept unread rather than rewritten without what it holds; the next run tries again.
    keepWaiting(all);
    return { stored: 0, waiting: all.length };
  }
  const folder = ensureFolder(FOLDER_KEY, t('folder.coordinator'));
  saveTextFile(FILE_KEY, folder, t('file.callbacks'), renderCallbacks(mergeCallbacks(stored, all)), 'text/csv');
  if (waiting.length > 0) deleteKey(PENDING_KEY);
  deleteKey(PENDING_SINCE_KEY);
  return { stored: all.length, waiting: 0 };
}

/** Stores the requests that wait, and since when the oldest of them waits. */
function keepWaiting(requests: readonly CallbackRequest[]): void {
  writeJson(PENDING_KEY, requests);
  if (!readString(PENDING_SINCE_KEY)) writeString(PENDING_SINCE_KEY, new Date().toISOString());
}

/** How many requests wait for the owner's run, and since when (null: not recorded). */
export function waitingCallbacks(): { count: number; since: Date | null } {
  const count = (readJson<CallbackRequest[]>(PENDING_KEY) ?? []).length;
  const since = readString(PENDING_SINCE_KEY);
  const at = since ? new Date(since) : null;
  return { count, since: count > 0 && at && !Number.isNaN(at.getTime()) ? at : null };
}
