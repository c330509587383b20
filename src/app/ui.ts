/**
 * Menu actions: the use case runs; the person who clicked sees a Georgian message, the log gets
 * the English details. Nothing is thrown at the user. The documents' one question is the period.
 */
import type { Period } from '../domain/dates';
import { t, type MessageId } from '../domain/messages';
import { PERIOD_INPUT_HELP, parsePeriodInput } from '../domain/period-input';
import { alert, prompt } from '../adapters/ui';

export function runMenuAction(name: string, action: () => string): void {
  let message: string;
  try {
    message = action();
    console.info(`${name}: done`);
  } catch (err) {
    const detail = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
    console.error(`${name} failed: ${detail}`);
    // Georgian for the person; Google's English wording stays in the execution log.
    message = t('menu.failed');
  }
  alert(message);
}

export type PeriodAnswer = { ok: true; period: Period } | { ok: false; cancelled: boolean; error: string };

/** Asks for the period: the period, or whether the person cancelled or typed something unreadable. */
export function askPeriod(title: MessageId, question: MessageId): PeriodAnswer {
  const typed = prompt(t(title), `${t(question)}\n${PERIOD_INPUT_HELP}`);
  if (typed === null) return { ok: false, cancelled: true, error: '' };
  const parsed = parsePeriodInput(typed, new Date());
  return parsed.ok ? { ok: true, period: parsed.period } : { ok: false, cancelled: false, error: parsed.error };
}
