/**
 * Google's raw response store: the forms themselves. The forms are not linked to the workbook
 * (issue 15): Google would write every answer into a tab there with the second it came, which
 * every editor of the workbook can read. The owner's triggers read new responses here, through
 * FormApp, and the collector writes only date-coarsened rows into the workbook.
 *
 * Who can read this store: the form's owner and editors only ("View & manage form responses",
 * https://support.google.com/docs/answer/139706); FormApp.openById by anyone else fails with "No
 * item with the given ID could be found…" (users report it:
 * https://github.com/stevenschmatz/export-google-form/issues/5). The forms are never shared with
 * staff, so front-line staff cannot.
 *
 * The cursor (how far collection has read) holds a response's exact time, so it lives in the
 * owner's user properties — readable by that account only, not by staff who edit the bound
 * script and could read its script properties.
 * https://developers.google.com/apps-script/reference/properties/properties-service#getUserProperties()
 */
import type { FormRecord } from './config';
import { errorMessage } from '../domain/errors';

type Form = GoogleAppsScript.Forms.Form;

/** A form the running account opened as its owner or editor: opaque to src/app. */
export type OwnForm = Form;

/** A response as the collector needs it: Google's id, its time, its answers by annex item id. */
export interface OnlineResponse {
  id: string;
  timestamp: Date;
  answers: Record<string, unknown>;
}

/**
 * How far collection has read a form: responses up to `after` (ms) are collected, those at
 * exactly `after` only when listed in `seen` (getResponses(date) may return the boundary response
 * again); `day`/`count`: the last collected response's day and how many of that day were
 * collected (the next one of that day gets occurrence `count`); `empty`: empty submissions so far.
 */
export interface ResponseCursor {
  after: number | null;
  seen: string[];
  day: string;
  count: number;
  empty: number;
}

export const FIRST_CURSOR: ResponseCursor = { after: null, seen: [], day: '', count: 0, empty: 0 };

const cursorKey = (form: string): string => `responses.${form}`;

const userProps = (): GoogleAppsScript.Properties.Properties => PropertiesService.getUserProperties();

/** The running account's cursor of a form; null when this account has never collected it. */
export function readCursor(form: string): ResponseCursor | null {
  const raw = userProps().getProperty(cursorKey(form));
  if (!raw) return null;
  try {
    return JSON.parse(raw) as ResponseCursor;
  } catch {
    console.warn(`User property ${cursorKey(form)} is not valid JSON; reading the form from its first response`);
    return null;
  }
}

/** Saves the cursors of several forms in one call. */
export function writeCursors(cursors: Record<string, ResponseCursor>): void {
  const values: Record<string, string> = {};
  for (const [form, cursor] of Object.entries(cursors)) values[cursorKey(form)] = JSON.stringify(cursor);
  if (Object.keys(values).length) userProps().setProperties(values);
}

/** The form, when the running account may open it (its owner or an editor); null otherwise, logged. */
export function openOwnForm(record: FormRecord): Form | null {
  try {
    return FormApp.openById(record.id);
  } catch (err) {
    console.warn(`collect: form ${record.id} cannot be opened by this account (${errorMessage(err)}); its responses are left to the owner's triggers`);
    return null;
  }
}

/**
 * Responses submitted at or after `after` (all when null), oldest first, with their answers by
 * annex item id; those `collected` says are already collected are left out before their answers
 * are read (getResponses(date) returns the response at the cursor's instant again). One
 * getResponses call, then one getItemResponses per new response: a submission's trigger reads
 * one, and the hourly sweep only those the triggers missed.
 * https://developers.google.com/apps-script/reference/forms/form#getResponses(Date)
 */
export function responsesSince(
  form: Form,
  record: FormRecord,
  after: number | null,
  collected: (id: string, ms: number) => boolean = () => false,
): OnlineResponse[] {
  const annexOf = new Map<number, string>();
  for (const [annexId, itemId] of Object.entries(record.items)) annexOf.set(itemId, annexId);
  const raw = after === null ? form.getResponses() : form.getResponses(new Date(after));
  const fresh = raw.map((response) => ({ response, id: response.getId(), ms: response.getTimestamp().getTime() })).filter(({ id, ms }) => !collected(id, ms));
  const responses = fresh.map(({ response, id, ms }) => {
    const answers: Record<string, unknown> = {};
    for (const itemResponse of response.getItemResponses()) {
      const annexId = annexOf.get(itemResponse.getItem().getId());
      if (annexId !== undefined) answers[annexId] = itemResponse.getResponse();
    }
    return { id, timestamp: new Date(ms), answers };
  });
  // Google lists responses in the order they came; sorted anyway, as the keys depend on it.
  return responses.sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
}

/** How many responses the form holds (the reconciliation's count); null when it cannot be opened. */
export function responseCount(form: Form | null): number | null {
  if (!form) return null;
  try {
    return form.getResponses().length;
  } catch (err) {
    console.warn(`collect: the form's responses cannot be counted (${errorMessage(err)})`);
    return null;
  }
}

/**
 * Stops Google writing the form's responses into a spreadsheet (a form linked by an earlier
 * version). True when it was linked. Form.getDestinationId throws when there is none.
 * https://developers.google.com/apps-script/reference/forms/form#removeDestination()
 */
export function unlinkDestination(form: Form): boolean {
  const linked = hasDestination(form);
  if (linked) form.removeDestination();
  return linked;
}

/** Whether Google writes the form's responses into a spreadsheet (getDestinationId throws when not). */
export function hasDestination(form: Form): boolean {
  try {
    return Boolean(form.getDestinationId());
  } catch {
    return false;
  }
}
