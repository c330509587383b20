/**
 * What the report reads from the workbook, as pure functions of the rows a tab read returns:
 * the feedback table as records, the actions tab as decisions (for the report, the agenda and
 * the public report alike), the invitations log as a count, the themes tab as theme labels. A row staff typed badly is read as well as it can be, never
 * thrown at.
 */
import { parseDateInput, type Period } from './dates';
import { parseLogState } from './invitations';
import { rowToRecord } from './normalize';
import { ACTION_STATUSES } from './schema';
import { matchKey, unescapeFromSheet } from './sanitize';
import { DEFAULT_THEMES, parseKeywords, type Theme } from './themes';
import type { ActionRecord, ActionStatus, FeedbackRecord } from './types';

function isBlankRow(row: readonly unknown[]): boolean {
  return row.every((value) => value === '' || value === null || value === undefined);
}

function textOf(value: unknown): string {
  return value === null || value === undefined ? '' : unescapeFromSheet(String(value)).trim();
}

/** The feedback tab (header row first) as records; columns are found by their header. */
export function feedbackRecords(values: readonly (readonly unknown[])[]): FeedbackRecord[] {
  if (values.length < 2) return [];
  const header = values[0].map((h) => String(h).trim());
  const records: FeedbackRecord[] = [];
  for (let i = 1; i < values.length; i++) {
    if (!isBlankRow(values[i])) records.push(rowToRecord(values[i], header));
  }
  return records;
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
export type ActionRowInput = Partial<Record<'problem' | 'service' | 'theme' | 'decision' | 'owner' | 'due' | 'status' | 'meetingDate' | 'publicWording', unknown>>;

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
 * Themes as staff keep them (id, Georgian label, keywords). A default theme keeps its English
 * label; a theme staff added is labelled by its Georgian name in both languages.
 */
export function parseThemeRows(rows: ReadonlyArray<{ id: unknown; label: unknown; keywords: unknown }>): Theme[] {
  const themes: Theme[] = [];
  for (const row of rows) {
    const id = textOf(row.id);
    if (id === '' || themes.some((theme) => theme.id === id)) continue;
    const known = DEFAULT_THEMES.find((theme) => theme.id === id);
    const ka = textOf(row.label) || known?.ka || id;
    themes.push({ id, ka, en: known?.en ?? ka, keywords: parseKeywords(textOf(row.keywords)) });
  }
  return themes.length ? themes : DEFAULT_THEMES;
}
