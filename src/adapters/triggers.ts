/**
 * Installs the project's triggers exactly once. A trigger is identified by its handler name;
 * duplicates (two setups racing, or one added by hand) are deleted, so there is never a second
 * email from a second trigger.
 */
import { activeWorkbook } from './tables';

export type TriggerWish =
  | { handler: string; kind: 'onEdit' | 'onFormSubmit' }
  | { handler: string; kind: 'hourly' }
  | { handler: string; kind: 'daily'; atHour: number };

export function ensureTriggers(wishes: readonly TriggerWish[]): { created: string[]; removed: number } {
  const ss = activeWorkbook();
  const existing = ScriptApp.getProjectTriggers();
  const seen = new Set<string>();
  let removed = 0;
  for (const trigger of existing) {
    const handler = trigger.getHandlerFunction();
    const wanted = wishes.some((w) => w.handler === handler);
    if (!wanted || seen.has(handler)) {
      ScriptApp.deleteTrigger(trigger);
      removed++;
    } else {
      seen.add(handler);
    }
  }
  const created: string[] = [];
  for (const wish of wishes) {
    if (seen.has(wish.handler)) continue;
    const builder = ScriptApp.newTrigger(wish.handler);
    switch (wish.kind) {
      case 'onEdit':
        builder.forSpreadsheet(ss).onEdit().create();
        break;
      case 'onFormSubmit':
        builder.forSpreadsheet(ss).onFormSubmit().create();
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
