/**
 * The assisted phone survey's monthly run (dailyJobs, as the owner): erases the call lists whose
 * calls are done or whose retention ran out — whether the survey is on or not — and, when it is
 * on, draws the previous month's desk cases into the coordinator's call list once
 * (domain/phone-survey.ts). The answers come in through the phone-interview tab, collected with
 * the other typed tabs (app/collect.ts).
 */
import { dayKey } from '../domain/dates';
import { afterDraw, callEntries, monthsToErase, planMonthlyDraw, type SurveyState } from '../domain/phone-survey';
import { PHONE_SURVEY_TABS, TABS } from '../domain/schema';
import type { SheetEdit } from '../adapters/events';
import {
  addMonthCalls,
  eraseMonthList,
  newSeed,
  outcomesByMonth,
  readCalls,
  readCaseRows,
  readSurveyState,
  writeMonthList,
  writeSurveyState,
} from '../adapters/call-list';
import { LOCK_WAIT_MS, tryScriptLock, withScriptLock } from '../adapters/lock';
import { readSettings } from '../adapters/settings-tab';
import { ensureOptionalTabs } from '../adapters/workbook';

export interface PhoneSurveyResult {
  /** The survey is off: nothing was drawn (lists already made are still erased by their rules). */
  off?: true;
  /** The month drawn now, how many people were put on its list and from how many cases. */
  drawn?: { month: string; people: number; pool: number; pooled: string[] };
  /** A month with fewer desk cases than the minimum group size: pooled into the next, or (quarter end) not called. */
  notDrawn?: { month: string; pool: number; reason: 'pool' | 'too_few' };
  /** Months whose list's personal data was erased now, and why. */
  erased: Array<{ month: string; reason: 'done' | 'retention' }>;
}

/**
 * The edit trigger, for an edit of the calls tab: the coordinator's last tick erases the month's
 * list at once rather than at the next daily run. Any other tab: nothing read, false.
 */
export function eraseAfterCallsEdit(edit: SheetEdit | null, now: Date = new Date()): boolean {
  if (!edit || edit.tab !== TABS.phoneCalls.name) return false;
  const run = tryScriptLock(LOCK_WAIT_MS, () => {
    const state = readSurveyState();
    return state ? eraseDue(state, now) : [];
  });
  // Without the lock the daily run erases it.
  if (run.locked && run.value.length) console.info(`phone survey: erased after the last tick: ${JSON.stringify(run.value)}`);
  return true;
}

export function runPhoneSurvey(now: Date = new Date()): PhoneSurveyResult {
  return withScriptLock(() => surveyRun(now));
}

function surveyRun(now: Date): PhoneSurveyResult {
  const settings = readSettings().value;
  const result: PhoneSurveyResult = { erased: [] };
  let state = readSurveyState();
  if (state) result.erased = eraseDue(state, now);
  if (!settings.phoneSurvey) return { ...result, off: true };

  ensureOptionalTabs(PHONE_SURVEY_TABS);
  if (!state) {
    state = { seed: newSeed(), months: {} };
    writeSurveyState(state);
  }
  const plan = planMonthlyDraw({
    now,
    state,
    rows: readCaseRows(),
    sampleSize: settings.phoneSurveySample ?? settings.minGroupSize,
    minGroupSize: settings.minGroupSize,
  });
  if (plan.kind === 'none') return result;
  if (plan.kind === 'draw') {
    // The list first, then its rows on the outcomes tab, then the state: a run stopped in between
    // draws the same people again (the same seed) into the same file and adds no second rows.
    const entries = callEntries(plan.month, plan.sample);
    writeMonthList(plan.month, entries);
    addMonthCalls(plan.month, entries.length, now);
    writeSurveyState(afterDraw(state, plan, entries.length, now));
    console.info(`phone survey: ${entries.length} of ${plan.pool} desk cases of ${[...plan.pooled, plan.month].join(', ')} drawn`);
    return { ...result, drawn: { month: plan.month, people: entries.length, pool: plan.pool, pooled: plan.pooled } };
  }
  state.months[plan.month] = { status: plan.kind === 'pool' ? 'pooled' : 'too_few', pool: plan.pool, drawn: 0 };
  writeSurveyState(state);
  console.info(`phone survey: ${plan.month} has ${plan.pool} desk case(s), fewer than the minimum group size: ${plan.kind}`);
  return { ...result, notDrawn: { month: plan.month, pool: plan.pool, reason: plan.kind } };
}

/** Erases the lists due (every row final, or retention over); each recorded in the state as it goes. */
function eraseDue(state: SurveyState, now: Date): PhoneSurveyResult['erased'] {
  const due = monthsToErase(state, outcomesByMonth(readCalls()), now);
  const erased: PhoneSurveyResult['erased'] = [];
  for (const { month, reason } of due) {
    if (!eraseMonthList(month)) continue;
    state.months[month] = { ...state.months[month], erased: { on: dayKey(now), reason } };
    writeSurveyState(state);
    erased.push({ month, reason });
  }
  return erased;
}
