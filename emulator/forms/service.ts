/**
 * The harness side of FormApp: the app a script sees, a respondent submitting the published form
 * in a browser (`respond`, which fires the form-submit triggers; `FormResponse.submit()` plays a
 * script, which Google treats differently: no trigger fires), and snapshots of every form.
 */
import type { Core, TriggerRecord } from '../core';
import type { FormDestinationStore } from '../contracts';
import { FormAppFake, type FormAppMembers } from './app';
import { FormFake } from './form';
import {
  type FormIface,
  type FormItemSnapshot,
  type FormSnapshot,
  type FormState,
  type ItemState,
  FORM_MIME_TYPE,
  NEED_PERMISSION_MESSAGE,
  OTHER_OPTION,
  type RespondOptions,
  type ResponseState,
  isDate,
  publishedUrlOf,
  questionItems,
} from './model';
import { FormResponseFake } from './responses';
import { validationFailure } from './items';
import { FormsStore } from './store';

export class FormsService {
  readonly app: Pick<GoogleAppsScript.Forms.FormApp, FormAppMembers>;
  private readonly store: FormsStore;

  constructor(core: Core, destinations: FormDestinationStore) {
    this.store = new FormsStore(core, destinations);
    const app = new FormAppFake(this.store);
    this.app = app;
    // Drive's files.create with the form MIME type makes the same empty, unpublished form. Its
    // title is the file's name, as a form made in Drive's UI is titled what its file is called
    // (no Google page says what the API does; this is the emulator's reading, unlike
    // FormApp.create, whose blank title was seen live).
    core.nativeCreators.set(FORM_MIME_TYPE, (name) => {
      const state = app.build(name);
      state.title = name;
      const entry = core.drive.get(state.id);
      if (!entry) throw new Error('Emulator: the new form has no Drive file');
      return entry;
    });
  }

  /** The long URL a forms.gle link opens (what a browser is redirected to); null for an unknown link. */
  expandShortLink(url: string): string | null {
    return this.store.shortLinks.get(url.split(/[?#]/)[0]) ?? null;
  }

  /**
   * A respondent submits the published form in a browser. Values from `prefilledUrl` are filled in
   * first, then `answers` (keyed by item title or item id) on top. Refused, as the form page would
   * refuse it, when the respondent may not open the form ("You need permission": see mayRespond),
   * when the form is closed or unpublished, a required question is unanswered, a scale value is
   * off the scale, a choice is not offered, or a paragraph answer breaks its validation. Records
   * the response, appends the destination row (not for an answer longer than a cell:
   * RESPONSE_CELL_LIMIT), then fires the form's ON_FORM_SUBMIT triggers and the destination
   * spreadsheet's, each with the event object Google documents.
   * https://developers.google.com/apps-script/guides/triggers/events#form-submit
   */
  respond(formId: string, answers: Record<string, string | number | string[]>, options: RespondOptions = {}): GoogleAppsScript.Forms.FormResponse {
    const form = this.store.form(formId);
    if (!this.mayRespond(form, options.respondent)) throw new Error(NEED_PERMISSION_MESSAGE);
    if (!form.published || !form.acceptingResponses) {
      throw new Error(`The form ${form.title} is no longer accepting responses.`);
    }
    const raw = new Map<ItemState, unknown>();
    if (options.prefilledUrl) this.readPrefilledUrl(form, options.prefilledUrl, raw);
    for (const [key, value] of Object.entries(answers)) raw.set(this.itemFor(form, key), value);

    const response: ResponseState = { id: null, timestamp: null, respondentEmail: '', answers: new Map() };
    for (const [item, value] of raw) {
      const answer = this.store.normalizeAnswer(item, value, (reason) => new Error(`"${item.title}": ${reason}`));
      // The form page refuses an answer its item's rule does not allow (ParagraphTextItem.setValidation).
      const refused = typeof answer === 'string' ? validationFailure(item, answer) : null;
      if (refused) throw new Error(`"${item.title}": ${refused}`);
      if (answer !== undefined) response.answers.set(item.id, answer);
    }
    const missing = questionItems(form).find((item) => item.required && !response.answers.has(item.id));
    if (missing) throw new Error(`"${missing.title}": This is a required question`);
    if (form.collectsEmail) {
      const email = options.email ?? options.respondent;
      if (!email) throw new Error('"Email": This is a required question');
      response.respondentEmail = email;
    }

    const written = this.store.record(form, response);
    const deliveries = options.duplicateEvent ? 2 : 1;
    const formResponse = new FormResponseFake(this.store, form, response) as unknown as GoogleAppsScript.Forms.FormResponse;
    const source = new FormFake(this.store, form) as unknown as FormIface;
    for (let i = 0; i < deliveries; i++) {
      this.store.core.fireTriggers('ON_FORM_SUBMIT', form.id, (trigger: TriggerRecord | null, authMode: GoogleAppsScript.Script.AuthMode) => ({
        authMode,
        response: formResponse,
        source,
        triggerUid: trigger?.id,
      }));
    }
    if (written && form.destinationId) {
      const spreadsheetId = form.destinationId;
      const event = this.sheetsEvent(form, response, spreadsheetId, written.sheetName, written.row);
      for (let i = 0; i < deliveries; i++) {
        this.store.core.fireTriggers('ON_FORM_SUBMIT', spreadsheetId, (trigger: TriggerRecord | null, authMode: GoogleAppsScript.Script.AuthMode) => ({
          authMode,
          ...event,
          triggerUid: trigger?.id,
        }));
      }
    }
    return formResponse;
  }

  /**
   * Harness: responses that came in the past (a backlog for a bench or a test), stored as the
   * form stores them — each with its own id and the time given, answers keyed by item title or id —
   * without the form page's checks, without a destination row and without firing a trigger.
   * Times must not precede the form's last response (Google records in submission order).
   */
  importResponses(formId: string, responses: ReadonlyArray<{ at: number; answers: Record<string, string | number | string[]> }>): void {
    const form = this.store.form(formId);
    let last = form.responses.length ? (form.responses[form.responses.length - 1].timestamp as number) : -Infinity;
    for (const { at, answers } of responses) {
      if (at < last) throw new Error(`importResponses: ${new Date(at).toISOString()} precedes the form's last response`);
      last = at;
      const state: ResponseState = { id: this.store.core.newId('2_ABaOnu'), timestamp: at, respondentEmail: '', answers: new Map() };
      for (const [key, value] of Object.entries(answers)) {
        const item = this.itemFor(form, key);
        const answer = this.store.normalizeAnswer(item, value, (reason) => new Error(`"${item.title}": ${reason}`));
        if (answer !== undefined) state.answers.set(item.id, answer);
      }
      form.responses.push(state);
    }
  }

  /**
   * Whether `respondent` (an account's address; undefined: someone signed in to nothing) may open
   * the published form: the owner always; anyone when a permission on the published view admits
   * anyone; a member of a domain the published view admits; a person it names. A form that
   * requires sign-in (setRequireLogin(true)) admits only the owner's domain.
   * https://developers.google.com/workspace/forms/api/guides/publish-form
   * https://support.google.com/docs/answer/160166
   */
  private mayRespond(form: FormState, respondent: string | undefined): boolean {
    const core = this.store.core;
    const who = respondent?.trim().toLowerCase();
    if (who && who === core.user.toLowerCase()) return true;
    const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1);
    if (form.requiresLogin && (!who || domainOf(who) !== core.environment.domain.toLowerCase())) return false;
    const responders = (core.drive.get(form.id)?.permissions ?? []).filter((p) => p.view === 'published');
    return responders.some((p) => {
      if (p.type === 'anyone') return true;
      if (!who) return false;
      if (p.type === 'domain') return domainOf(who) === String(p.domain).toLowerCase();
      return String(p.emailAddress).toLowerCase() === who;
    });
  }

  /** A form as data: its settings, items and response count. */
  snapshot(formId: string): FormSnapshot {
    const form = this.store.form(formId);
    return {
      id: form.id,
      title: form.title,
      name: this.store.core.drive.get(form.id)?.name ?? '',
      description: form.description,
      publishedUrl: publishedUrlOf(form),
      editUrl: `https://docs.google.com/forms/d/${form.id}/edit`,
      collectsEmail: form.collectsEmail,
      requiresLogin: form.requiresLogin,
      acceptingResponses: form.acceptingResponses,
      published: form.published,
      confirmationMessage: form.confirmationMessage,
      destinationSpreadsheetId: form.destinationId,
      items: form.items.map((item) => this.itemSnapshot(item)),
      responseCount: form.responses.length,
      responders: (this.store.core.drive.get(form.id)?.permissions ?? [])
        .filter((p) => p.view === 'published')
        .map((p) => (p.type === 'anyone' ? 'anyone' : p.type === 'domain' ? `domain:${p.domain}` : `${p.type}:${p.emailAddress}`)),
    };
  }

  /** Every form made so far, in creation order. */
  list(): FormSnapshot[] {
    return [...this.store.forms.keys()].map((id) => this.snapshot(id));
  }

  private itemSnapshot(item: ItemState): FormItemSnapshot {
    const base: FormItemSnapshot = {
      id: item.id,
      entryId: item.entryId,
      title: item.title,
      helpText: item.helpText,
      type: item.type,
      required: item.required,
    };
    switch (item.type) {
      case 'SCALE':
        return { ...base, lowerBound: item.lowerBound, upperBound: item.upperBound, leftLabel: item.leftLabel, rightLabel: item.rightLabel };
      case 'LIST':
        return { ...base, choices: [...item.choices] };
      case 'PARAGRAPH_TEXT':
        return item.validation ? { ...base, validation: { ...item.validation } } : base;
      case 'MULTIPLE_CHOICE':
      case 'CHECKBOX':
        return { ...base, choices: [...item.choices], hasOtherOption: item.hasOtherOption };
      default:
        return base;
    }
  }

  private itemFor(form: FormState, key: string): ItemState {
    const item = form.items.find((candidate) => candidate.title === key) ?? form.items.find((candidate) => String(candidate.id) === key);
    if (!item) throw new Error(`Form ${form.title} has no item titled or numbered "${key}"`);
    return item;
  }

  /** Reads entry.N values (repeated for checkboxes, "Other" text from entry.N.other_option_response). */
  private readPrefilledUrl(form: FormState, url: string, into: Map<ItemState, unknown>): void {
    // A forms.gle link opens the long URL it was made from (Form.shortenFormUrl).
    const long = url.startsWith('https://forms.gle/') ? this.store.shortLinks.get(url.split(/[?#]/)[0]) : url;
    if (!long) throw new Error(`Short link ${url} leads nowhere`);
    const parsed = new URL(long);
    if (!parsed.pathname.includes(form.publishedId)) throw new Error(`Prefilled URL is not a link to form ${form.title}`);
    for (const item of questionItems(form)) {
      const name = `entry.${item.entryId}`;
      const other = parsed.searchParams.get(`${name}.other_option_response`) ?? '';
      const values = parsed.searchParams.getAll(name).map((value) => (value === OTHER_OPTION ? other : value));
      if (values.length === 0) continue;
      into.set(item, item.type === 'CHECKBOX' ? values : values[0]);
    }
  }

  /**
   * The Sheets form-submit event: `values` in sheet column order and `namedValues` title → [value],
   * every value a string as the sheet displays it.
   */
  private sheetsEvent(
    form: FormState,
    response: ResponseState,
    spreadsheetId: string,
    sheetName: string,
    written: { a1: string; values: unknown[] },
  ): { namedValues: Record<string, string[]>; range: GoogleAppsScript.Spreadsheet.Range; values: string[] } {
    const display = (value: unknown): string =>
      isDate(value) ? this.store.formatTimestamp(value) : value === null || value === undefined ? '' : String(value);
    const namedValues: Record<string, string[]> = {
      Timestamp: [this.store.formatTimestamp(new Date(response.timestamp as number))],
    };
    if (form.collectsEmail) namedValues['Email Address'] = [response.respondentEmail];
    for (const item of questionItems(form)) {
      const answer = response.answers.get(item.id);
      namedValues[item.title] = [answer === undefined ? '' : Array.isArray(answer) ? answer.join(', ') : answer];
    }
    return {
      namedValues,
      range: this.store.destinations.rangeFor(spreadsheetId, sheetName, written.a1),
      values: written.values.map(display),
    };
  }
}
