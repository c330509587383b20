/**
 * The assisted phone survey (issue 17, item 3): N2 for the people email does not reach. Once a
 * month the previous month's closed desk cases are drawn at random into a call list only the
 * coordinator (the workbook's owner) can open; the coordinator reads N2 over the phone and types
 * the answers into the phone-interview tab, which holds no case: an answer is form N2, channel
 * `phone`, like any other N2. The list's personal data is erased once every row has a final
 * outcome, and at the end of the month after the cases' month in any case.
 *
 * Small months: a draw from fewer than `minGroupSize` cases would let whoever knows the month's
 * desk cases narrow an answer down to a handful of people. Such a month is not drawn; its cases
 * are pooled into the next month's draw within the same quarter, and a quarter whose pool never
 * reaches the minimum is not called at all (recorded as `too_few`). The draw takes at least
 * `minGroupSize` people (or the whole pool), so that a month's phone answers can be large enough
 * to be reported at all.
 */
import { csvCell, parseCsv } from './csv';
import { dayKey, isDate, parseDateInput, periodOf } from './dates';
import { N2 } from './forms';
import { caseKey } from './invitation-log';
import { applyChannelOf, isClosedStatus } from './invitation-plan';
import { missingTypedAnswers, normalizeTypedForm, type Normalized, type TypedFormInput } from './normalize';
import { CALL_OUTCOMES, type CallOutcome } from './schema';

export { CALL_OUTCOMES, type CallOutcome };
const FINAL: ReadonlySet<CallOutcome> = new Set(['answered', 'refused', 'unreachable']);

/** An outcome cell: the Georgian word or the id; null when blank or unreadable. */
export function parseOutcome(value: unknown): CallOutcome | null {
  const text = String(value ?? '').trim();
  if (text === '') return null;
  return CALL_OUTCOMES.find((o) => o.id === text.toLowerCase() || o.ka === text)?.id ?? null;
}

export function isFinalOutcome(outcome: CallOutcome | null): boolean {
  return outcome !== null && FINAL.has(outcome);
}

/** 'YYYY-MM' of a date in municipal time. */
export function monthKeyOf(date: Date): string {
  const day = dayKey(date);
  return `${day.slice(0, 4)}-${day.slice(4, 6)}`;
}

/** The first instant of a month key (municipal time). */
export function monthStart(month: string): Date {
  const [year, m] = month.split('-').map(Number);
  // Noon UTC on the 15th is inside the month in every time zone; periodOf gives its start.
  return periodOf('month', new Date(Date.UTC(year, m - 1, 15, 12))).from;
}

/** The month key `offset` months after `month` (negative: before). */
export function addMonths(month: string, offset: number): string {
  const [year, m] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function isQuarterEnd(month: string): boolean {
  return Number(month.slice(5, 7)) % 3 === 0;
}

/** One row of the applications tab as the draw reads it; `phone` is '' where the tab has no phone column. */
export interface CaseRow {
  caseId: unknown;
  applicant: unknown;
  phone: unknown;
  service: unknown;
  status: unknown;
  closedAt: unknown;
  applyChannel: unknown;
}

/** A case that may be called. */
export interface DeskCase {
  caseId: string;
  applicant: string;
  phone: string;
  service: string;
  month: string;
}

const cellText = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim());

/** The month ('YYYY-MM') of a closing date as the tab holds it (a date, or typed); null when unreadable. */
function closingMonthOf(value: unknown): string | null {
  const closedAt = isDate(value) ? value : parseDateInput(value);
  return closedAt && !Number.isNaN(closedAt.getTime()) ? monthKeyOf(closedAt) : null;
}

/** Closed desk (chancellery) cases whose closing day falls in one of `months`; one per case number. */
export function eligibleDeskCases(rows: readonly CaseRow[], months: ReadonlySet<string>): DeskCase[] {
  const seen = new Set<string>();
  const cases: DeskCase[] = [];
  for (const row of rows) {
    const key = caseKey(row.caseId);
    if (key === '' || seen.has(key) || !isClosedStatus(row.status) || applyChannelOf(row.applyChannel) !== 'office') continue;
    const month = closingMonthOf(row.closedAt);
    if (!month || !months.has(month)) continue;
    seen.add(key);
    cases.push({ caseId: cellText(row.caseId), applicant: cellText(row.applicant), phone: cellText(row.phone), service: cellText(row.service), month });
  }
  return cases;
}

/** A 32-bit seed from a text (FNV-1a). */
function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** mulberry32: a small, well-mixed PRNG; the same seed gives the same sequence. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `size` of `cases` at random, reproducibly for a seed: the cases are put in case-number order
 * first, so the tab's row order does not change the draw, then shuffled (Fisher–Yates).
 */
export function drawSample<T extends { caseId: string }>(cases: readonly T[], size: number, seed: string): T[] {
  const ordered = [...cases].sort((a, b) => (caseKey(a.caseId) < caseKey(b.caseId) ? -1 : 1));
  const random = generator(seedOf(seed));
  for (let i = ordered.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ordered[i], ordered[j]] = [ordered[j], ordered[i]];
  }
  return ordered.slice(0, Math.max(0, Math.min(size, ordered.length)));
}

/** What the survey remembers of a month (script properties: the owner's only). */
export interface MonthState {
  /** `merged`: a pooled month whose cases a later month's draw took in (`into`). */
  status: 'drawn' | 'pooled' | 'merged' | 'too_few';
  into?: string;
  /** Cases the draw chose from (this month's and the pooled months'). */
  pool: number;
  /** People on the list. */
  drawn: number;
  /** The day the list was made (YYYYMMDD), for `drawn`. */
  drawnOn?: string;
  /** Months whose cases this draw took in (pooled earlier). */
  pooled?: string[];
  /** When the list's personal data was erased, and why. */
  erased?: { on: string; reason: 'done' | 'retention' };
}

export interface SurveyState {
  /** The deployment's own seed, made once: draws are random to staff, reproducible to a test. */
  seed: string;
  months: Record<string, MonthState>;
}

export type DrawPlan =
  | { kind: 'none'; month: string }
  | { kind: 'pool' | 'too_few'; month: string; pool: number }
  | { kind: 'draw'; month: string; pooled: string[]; pool: number; sample: DeskCase[] };

/**
 * The draw due at `now`: the previous month's, once. A month already in the state is never drawn
 * again (a trigger firing twice, a re-run after a crash: the seeded draw would pick the same people
 * anyway).
 */
export function planMonthlyDraw(input: { now: Date; state: SurveyState; rows: readonly CaseRow[]; sampleSize: number; minGroupSize: number }): DrawPlan {
  const month = addMonths(monthKeyOf(input.now), -1);
  if (input.state.months[month]) return { kind: 'none', month };
  const pooled: string[] = [];
  for (let back = 1; back <= 2; back++) {
    const earlier = addMonths(month, -back);
    if (Math.floor((Number(earlier.slice(5, 7)) - 1) / 3) !== Math.floor((Number(month.slice(5, 7)) - 1) / 3)) break;
    if (input.state.months[earlier]?.status === 'pooled') pooled.unshift(earlier);
  }
  const cases = eligibleDeskCases(input.rows, new Set([month, ...pooled]));
  if (cases.length < input.minGroupSize) return { kind: isQuarterEnd(month) ? 'too_few' : 'pool', month, pool: cases.length };
  const size = Math.max(input.sampleSize, input.minGroupSize);
  return { kind: 'draw', month, pooled, pool: cases.length, sample: drawSample(cases, size, `${input.state.seed}|${month}`) };
}

/** The state after a draw: the month drawn, and the pooled months it took in marked as merged into it. */
export function afterDraw(state: SurveyState, plan: Extract<DrawPlan, { kind: 'draw' }>, drawn: number, now: Date): SurveyState {
  const months = { ...state.months };
  for (const month of plan.pooled) months[month] = { ...months[month], status: 'merged', into: plan.month };
  months[plan.month] = { status: 'drawn', pool: plan.pool, drawn, drawnOn: dayKey(now), pooled: plan.pooled };
  return { ...state, months };
}

/** A row of the coordinator's call list. `number` is the row's number on the outcomes tab. */
export interface CallEntry {
  month: string;
  number: number;
  caseId: string;
  applicant: string;
  phone: string;
  service: string;
}

export function callEntries(month: string, sample: readonly DeskCase[]): CallEntry[] {
  return sample.map((c, i) => ({ month, number: i + 1, caseId: c.caseId, applicant: c.applicant, phone: c.phone, service: c.service }));
}

/**
 * The months whose list is to be erased now: every row has a final outcome (the month's calls
 * are done), or the retention has run out — the end of the month after the cases' month (when the
 * list was made and called). `outcomes` holds each drawn month's rows' outcomes.
 */
export function monthsToErase(
  state: SurveyState,
  outcomes: ReadonlyMap<string, ReadonlyArray<CallOutcome | null>>,
  now: Date,
): Array<{ month: string; reason: 'done' | 'retention' }> {
  const current = monthKeyOf(now);
  const due: Array<{ month: string; reason: 'done' | 'retention' }> = [];
  for (const [month, entry] of Object.entries(state.months)) {
    if (entry.status !== 'drawn' || entry.erased) continue;
    const rows = outcomes.get(month) ?? [];
    if (rows.length >= entry.drawn && rows.length > 0 && rows.every(isFinalOutcome)) due.push({ month, reason: 'done' });
    else if (current > addMonths(month, 1)) due.push({ month, reason: 'retention' });
  }
  return due;
}

const CSV_HEADER = ['month', 'number', 'case', 'applicant', 'phone', 'service'] as const;

/** The call list as CSV (UTF-8), by month and number. */
export function renderCallList(entries: readonly CallEntry[]): string {
  const sorted = [...entries].sort((a, b) => (a.month === b.month ? a.number - b.number : a.month < b.month ? -1 : 1));
  const lines = sorted.map((e) => [e.month, String(e.number), e.caseId, e.applicant, e.phone, e.service].map(csvCell).join(','));
  return `${[CSV_HEADER.join(','), ...lines].join('\n')}\n`;
}

/** Reads back what renderCallList wrote; lines it cannot read are skipped. */
export function parseCallList(csv: string): CallEntry[] {
  const rows = parseCsv(csv);
  return rows
    .slice(1)
    .filter((r) => r.length === CSV_HEADER.length && /^\d{4}-\d{2}$/.test(r[0]))
    .map((r) => ({ month: r[0], number: Number(r[1]), caseId: r[2], applicant: r[3], phone: r[4], service: r[5] }));
}

/** The list with a month's rows replaced (a re-run after a crash writes the same month again). */
export function withMonth(entries: readonly CallEntry[], month: string, fresh: readonly CallEntry[]): CallEntry[] {
  return [...entries.filter((e) => e.month !== month), ...fresh];
}

/** The list without the given months' rows: their personal data erased. */
export function withoutMonths(entries: readonly CallEntry[], months: ReadonlySet<string>): CallEntry[] {
  return entries.filter((e) => !months.has(e.month));
}

/** A phone-interview row is complete with the interview's date and one answer at least. */
export function missingPhoneInterview(cells: Record<string, unknown>): string[] {
  return missingTypedAnswers(N2, cells);
}

/** An N2 read over the phone: the rules of the online N2, channel `phone`; no case, no caller. */
export function normalizePhoneInterview(input: TypedFormInput): Normalized {
  return normalizeTypedForm(N2, 'phone', input);
}

/**
 * Whether a closed desk case's phone waits for the survey's draw, which retention would otherwise
 * clear first (a case closed on 2 January reaches its 30 days on 1 February, the draw's day): its
 * closing month is not drawn yet, or pooled into a later draw. Never past the end of the month
 * after it, when the month's own list is erased too.
 */
export function phoneHeldForDraw(row: { status: unknown; closedAt: unknown; applyChannel?: unknown }, state: SurveyState | null, now: Date): boolean {
  if (!isClosedStatus(row.status) || applyChannelOf(row.applyChannel) !== 'office') return false;
  const month = closingMonthOf(row.closedAt);
  if (!month) return false;
  const status = state?.months[month]?.status;
  if (status && status !== 'pooled') return false;
  return now.getTime() < monthStart(addMonths(month, 2)).getTime();
}
