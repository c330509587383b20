/**
 * What the report reads from the workbook, as pure functions of the rows a tab read returns:
 * the feedback table as records, the actions tab as decisions (for the report, the agenda and
 * the public report alike), the invitations log as a count, the services as the report names
 * them. A row staff typed badly is read as well as it can be, never thrown at.
 */
import { parseTargets } from './action-targets';
import { parseDateInput, type Period } from './dates';
import { parseLogState } from './invitation-log';
import { feedbackTableRecords, type FeedbackVocabulary } from './feedback-row';
import { applyChannelOf } from './invitation-plan';
import { ACTION_STATUSES } from './schema';
import { reportText } from './report-labels';
import { matchKey, unescapeFromSheet } from './sanitize';
import { DEFAULT_SERVICES, UNKNOWN_SERVICE } from './services';
import type { Theme } from './themes';
import type { ActionRecord, ActionStatus, FeedbackRecord, Service } from './types';

function textOf(value: unknown): string {
  return value === null || value === undefined ? '' : unescapeFromSheet(String(value)).trim();
}

/** The feedback tab (header row first) as records; columns are found by their label or key. */
export function feedbackRecords(values: readonly (readonly unknown[])[], vocabulary?: FeedbackVocabulary): FeedbackRecord[] {
  return feedbackTableRecords(values, vocabulary);
}

/**
 * N2 invitations sent in the period: log rows whose status is sent (as the log writes it in
 * Georgian, or the id 'sent') and whose time is inside it.
 */
export function countInvitationsSent(rows: ReadonlyArray<{ status: unknown; at: unknown }>, period: Pick<Period, 'from' | 'to'>): number {
  const from = period.from.getTime();
  const to = period.to.getTime();
  let count = 0;
  for (const row of rows) {
    if (parseLogState(row.status) !== 'sent' && matchKey(textOf(row.status)) !== 'sent') continue;
    const at = parseDateInput(row.at);
    if (at && at.getTime() >= from && at.getTime() < to) count++;
  }
  return count;
}

/**
 * N2 invitations sent in the period by service, counted as countInvitationsSent counts them; a
 * service the log names by code or name becomes its code (`resolve`), else it is kept as written.
 */
export function countInvitationsByService(
  rows: ReadonlyArray<{ status: unknown; at: unknown; service: unknown }>,
  period: Pick<Period, 'from' | 'to'>,
  resolve: (service: string) => string = (s) => s,
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) {
    if (countInvitationsSent([row], period) === 0) continue;
    const code = resolve(textOf(row.service)) || UNKNOWN_SERVICE;
    counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

/**
 * Desk applications (channel *კანცელარია*) submitted in the period, by service code: the base of
 * N1 coverage. A case with no channel stated is not counted: nobody knows it came to the desk.
 */
export function countDeskApplications(
  rows: ReadonlyArray<{ submittedAt: unknown; service: unknown; applyChannel: unknown }>,
  period: Pick<Period, 'from' | 'to'>,
  resolve: (service: string) => string = (s) => s,
): Record<string, number> {
  const counts: Record<string, number> = {};
  const from = period.from.getTime();
  const to = period.to.getTime();
  for (const row of rows) {
    if (applyChannelOf(row.applyChannel) !== 'office') continue;
    const at = parseDateInput(row.submittedAt);
    if (!at || at.getTime() < from || at.getTime() >= to) continue;
    const code = resolve(textOf(row.service)) || UNKNOWN_SERVICE;
    counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

/** A status as staff pick it (Georgian) or as an id; anything unreadable counts as planned. */
export function parseActionStatus(value: unknown): ActionStatus {
  const text = matchKey(textOf(value));
  const found = ACTION_STATUSES.find((status) => status.id === text || matchKey(status.ka) === text);
  return found ? found.id : 'planned';
}

/** A row of the actions tab: values by column key (schema.ts TABS.actions), missing keys blank. */
export type ActionRowInput = Partial<
  Record<'problem' | 'service' | 'theme' | 'decision' | 'owner' | 'due' | 'status' | 'meetingDate' | 'publicWording' | 'targets' | 'completedAt', unknown>
>;

/**
 * A row of the actions tab as an action; null for a row with neither a problem nor a decision. A
 * blank or unreadable status counts as planned: an action nobody closed is still open. The
 * service is kept as typed (the dropdown shows Georgian names) unless `resolve` maps it to a code.
 */
export function parseAction(row: ActionRowInput, resolve: (service: string) => string = (s) => s, themes?: readonly Theme[]): ActionRecord | null {
  const problem = textOf(row.problem);
  const decision = textOf(row.decision);
  if (problem === '' && decision === '') return null;
  const service = textOf(row.service);
  return {
    problem,
    service: service === '' ? '' : resolve(service),
    theme: textOf(row.theme),
    decision,
    owner: textOf(row.owner),
    due: parseDateInput(row.due),
    status: parseActionStatus(row.status),
    meetingDate: parseDateInput(row.meetingDate),
    publicWording: textOf(row.publicWording),
    completedAt: parseDateInput(row.completedAt),
    ...(() => {
      const parsed = parseTargets(textOf(row.targets), themes);
      return { targets: parsed.targets, unknownTargets: parsed.unknown };
    })(),
  };
}

/** The actions tab as actions; rows with neither a problem nor a decision are skipped. */
export function parseActionRows(rows: readonly ActionRowInput[], resolve?: (service: string) => string, themes?: readonly Theme[]): ActionRecord[] {
  return rows.map((row) => parseAction(row, resolve, themes)).filter((action): action is ActionRecord => action !== null);
}

/**
 * The services as the report names them: a service staff kept from the defaults keeps its English
 * name; "service not known" is added when a record has it.
 */
export function reportServices(services: readonly Service[], records: readonly FeedbackRecord[]): Service[] {
  const named = services.map((service) => ({ ...service, en: service.en ?? DEFAULT_SERVICES.find((d) => d.code === service.code)?.en }));
  if (records.some((record) => record.service === UNKNOWN_SERVICE)) {
    named.push({ code: UNKNOWN_SERVICE, ka: reportText('unknownService', 'ka'), en: reportText('unknownService', 'en'), invite: false });
  }
  return named;
}
