/**
 * When N2 invitations go out, so that no answer can be tied to a case by its time: once a day, at
 * a set hour, all together and in random order; and a service's invitations wait until at least
 * `min` of them are due (the answers then have that many candidates) or the oldest has waited
 * `maxHoldDays` (nobody waits for ever; a lone invitation after that is the price of a small
 * service, said so in the README).
 */
import { dayKey, localHour } from './dates';

export interface BatchRule {
  /** A service's invitations go when at least this many are due… */
  min: number;
  /** …or when the oldest has waited this many days. */
  maxHoldDays: number;
}

export interface DueInvitation {
  service: string;
  /** Since when the case has been due (its closing date); null when unknown (counts as due from now). */
  dueSince: Date | null;
  /** Chosen by an earlier batch that could not send it (quota, a refusal): it goes, whatever its service's count. */
  carried?: boolean;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * Whether the daily batch is due: the hour has come (municipal time) and today's batch has not
 * run to its end yet (`lastBatchDay`, a dayKey, is what the last complete batch recorded).
 */
export function batchDue(now: Date, hour: number, lastBatchDay: string | null): boolean {
  return localHour(now) >= hour && dayKey(now) !== lastBatchDay;
}

/**
 * Splits the due invitations into today's batch (in random order) and those held back. A service
 * goes as a whole: all of its due invitations, or none.
 */
export function selectBatch<T extends DueInvitation>(due: readonly T[], rule: BatchRule, now: Date, random: () => number): { batch: T[]; held: T[] } {
  const byService = new Map<string, T[]>();
  for (const item of due) {
    const list = byService.get(item.service);
    if (list) list.push(item);
    else byService.set(item.service, [item]);
  }
  const oldEnough = (item: T): boolean => !!item.dueSince && now.getTime() - item.dueSince.getTime() >= rule.maxHoldDays * DAY_MS;
  const batch: T[] = [];
  const held: T[] = [];
  for (const list of byService.values()) {
    if (list.length >= rule.min || list.some(oldEnough)) batch.push(...list);
    else {
      batch.push(...list.filter((item) => item.carried));
      held.push(...list.filter((item) => !item.carried));
    }
  }
  return { batch: shuffle(batch, random), held };
}

/** Fisher–Yates: every order equally likely, so the order of sending says nothing of the order of closing. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The log as holding needs it (domain/invitations.ts Ledger). */
interface HoldLedger {
  put(record: { caseId: string; service: string; state: 'queued'; at: Date; note: string; ref?: string; channel?: 'email' | 'sms' }): void;
}

/**
 * Records the invitations not sent now as `queued` (each keeps the day it was first queued: the
 * log keeps a record's time while its state does not change) and says on each row why it waits.
 */
export function holdInvitations(
  held: ReadonlyArray<{ index: number; caseId: string; service: string; ref: string; channel?: 'email' | 'sms' }>,
  ledger: HoldLedger,
  now: Date,
  status: string,
): Map<number, { status: string; at: '' }> {
  const display = new Map<number, { status: string; at: '' }>();
  for (const send of held) {
    ledger.put({ caseId: send.caseId, service: send.service, state: 'queued', at: now, note: '', ref: send.ref, channel: send.channel });
    display.set(send.index, { status, at: '' });
  }
  return display;
}

/** Where today's batch stands after a run: already sent, still to come at its hour, or due now (not finished). */
export type BatchDayState = 'done' | 'later' | 'due';

export function batchDayState(now: Date, hour: number, lastBatchDay: string | null): BatchDayState {
  if (dayKey(now) === lastBatchDay) return 'done';
  return localHour(now) < hour ? 'later' : 'due';
}
