/**
 * What the report reads from the workbook, as pure functions of the rows a tab read returns:
 * the feedback table as records, the actions tab as decisions (for the report, the agenda and
 * the public report alike), the invitations log as a count, the services as the report names
 * them. A row staff typed badly is read as well as it can be, never thrown at.
 */
import { parseDateInput, type Period } from './dates';
import { parseLogState } from './invitation-log';
import { feedbackTableRecords, type FeedbackVocabulary } from './feedback-row';
import { ACTION_STATUSES } from './schema';
import { reportText } from './report-labels';
import { matchKey, unescapeFromSheet } from './sanitize';
import { DEFAULT_SERVICES, UNKNOWN_SERVICE } from './services';
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

/** A status as staff pick it (Georgian) or as an id; anything unreadable counts as planned. */
export function parseActionStatus(value: unknown): ActionStatus {
  const text = matchKey(textOf(value));
  const found = ACTION_STATUSES.find((status) => status.id === text || matchKey(status.ka) === text);
  return found ? found.id : 'planned';
}

/** A row of the actions tab: values by column key (schema.ts TABS.actions), missing keys blank. */
export type ActionRowInput = Partial<
  Record<'problem' | 'service' | 'theme' | 'decision' | 'owner' | 'due' | 'status' | 'meetingDate' | 'publicWording', unknown>
>;

/**
 * A row of the actions tab as an action; null for a row with neither a problem nor a decision. A
 * blank or unreadable status counts as planned: an action nobody closed is still open. The
 * service is kept as typed (the dropdown shows Georgian names) unless `resolve` maps it to a code.
 */
export function parseAction(row: ActionRowInput, resolve: (service: string) => string = (s) => s): ActionRecord | null {
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
  };
}

/** The actions tab as actions; rows with neither a problem nor a decision are skipped. */
export function parseActionRows(rows: readonly ActionRowInput[], resolve?: (service: string) => string): ActionRecord[] {
  return rows.map((row) => parseAction(row, resolve)).filter((action): action is ActionRecord => action !== null);
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
