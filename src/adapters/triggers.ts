/**
 * Installs the project's triggers exactly once. A trigger is identified by its handler name (and
 * a form's trigger by its form); duplicates (two setups racing, or one added by hand) are deleted, so there is never a second
 * email from a second trigger.
 */
import { FORM_LIST } from '../domain/forms';
import { deleteKey, readFormRecord, readString, writeString } from './config';
import { activeWorkbook } from './tables';

/** Who installed the triggers (setup records it), and an earlier installer it replaced. */
const OWNER_KEY = 'triggers.owner';
const PREVIOUS_OWNER_KEY = 'triggers.previousOwner';

export type TriggerWish =
  | { handler: string; kind: 'onEdit' }
  /** One installable trigger on each online form (its source): the owner's, who alone may read the responses. */
  | { handler: string; kind: 'onFormSubmit' }
  | { handler: string; kind: 'hourly' }
  | { handler: string; kind: 'daily'; atHour: number };

/** One trigger to have: its wish and, for a form's trigger, the form's id. */
interface WantedTrigger {
  wish: TriggerWish;
  sourceId: string | null;
}

/** The ids of the online forms setup made (a form not made yet gets its trigger when it is). */
function onlineFormIds(): string[] {
  return FORM_LIST.map((def) => readFormRecord(def.key)?.id ?? '').filter((id) => id !== '');
}

/**
 * A trigger is identified by its handler and, for a form-submit trigger, by its source: the
 * form's id. The workbook's form-submit trigger of an earlier version (source: the workbook) is
 * not wanted and is deleted. 2 form triggers + edit + hourly + daily = 5 of the 20 a user may
 * have per script (https://developers.google.com/apps-script/guides/services/quotas).
 * https://developers.google.com/apps-script/reference/script/trigger#getTriggerSourceId()
 */
export function ensureTriggers(wishes: readonly TriggerWish[]): { created: string[]; removed: number } {
  const wanted: WantedTrigger[] = wishes.flatMap((wish): WantedTrigger[] =>
    wish.kind === 'onFormSubmit' ? onlineFormIds().map((sourceId) => ({ wish, sourceId })) : [{ wish, sourceId: null }],
  );
  const keyOf = (handler: string, sourceId: string | null): string => `${handler}\u0000${sourceId ?? ''}`;
  const wantedKeys = new Set(wanted.map((w) => keyOf(w.wish.handler, w.sourceId)));
  const existing = ScriptApp.getProjectTriggers();
  const seen = new Set<string>();
  let removed = 0;
  for (const trigger of existing) {
    const handler = trigger.getHandlerFunction();
    const formTrigger = wishes.some((w) => w.handler === handler && w.kind === 'onFormSubmit');
    const key = keyOf(handler, formTrigger ? trigger.getTriggerSourceId() : null);
    if (!wantedKeys.has(key) || seen.has(key)) {
      ScriptApp.deleteTrigger(trigger);
      removed++;
    } else {
      seen.add(key);
    }
  }
  const ss = activeWorkbook();
  const created: string[] = [];
  for (const { wish, sourceId } of wanted) {
    if (seen.has(keyOf(wish.handler, sourceId))) continue;
    const builder = ScriptApp.newTrigger(wish.handler);
    switch (wish.kind) {
      case 'onEdit':
        builder.forSpreadsheet(ss).onEdit().create();
        break;
      case 'onFormSubmit':
        builder
          .forForm(sourceId ?? '')
          .onFormSubmit()
          .create();
        break;
      case 'hourly':
        builder.timeBased().everyHours(1).create();
        break;
      case 'daily':
        builder.timeBased().everyDays(1).atHour(wish.atHour).create();
        break;
    }
    created.push(wish.handler);
  }
  return { created, removed };
}

/** The account the script runs as now (a menu click: the person who clicked). */
export function currentAccount(): string {
  return Session.getEffectiveUser().getEmail();
}

/**
 * Setup records who installed the triggers: they run as that account, and Google shows them to
 * no one else. When another account installs them, the first is kept as the previous owner (its
 * triggers may still run the same jobs), until the self-check, run by that account, finds it has
 * none left.
 */
export function recordTriggerOwner(email: string): void {
  const owner = readString(OWNER_KEY);
  if (owner === email) return;
  if (owner && owner.toLowerCase() !== email.toLowerCase()) {
    console.warn(`setup: triggers were installed by ${owner}; ${email} now installed its own, and ${owner}'s may still run the same jobs`);
    writeString(PREVIOUS_OWNER_KEY, owner);
  }
  writeString(OWNER_KEY, email);
}

/** Who setup recorded as the triggers' owner, and the earlier one it replaced (null when none). */
export function triggerOwners(): { owner: string | null; previousOwner: string | null } {
  return { owner: readString(OWNER_KEY), previousOwner: readString(PREVIOUS_OWNER_KEY) };
}

export function forgetPreviousTriggerOwner(): void {
  deleteKey(PREVIOUS_OWNER_KEY);
}

/** The handler of each of this project's triggers the running account owns (the only ones Google shows it). */
export function ownTriggerHandlers(): string[] {
  return ScriptApp.getProjectTriggers().map((trigger) => trigger.getHandlerFunction());
}
