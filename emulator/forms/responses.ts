/**
 * Form responses as a script sees them: a response and its item responses.
 * https://developers.google.com/apps-script/reference/forms/form-response
 */
import { gasError } from '../core';
import {
  type Answer,
  type FormState,
  INVALID_RESPONSE_MESSAGE,
  type ItemState,
  OTHER_OPTION,
  type ResponseState,
  encodePrefillValue,
  publishedUrlOf,
} from './model';
import type { FormsStore } from './store';
import { ItemFake } from './items';

export class ItemResponseFake implements Pick<GoogleAppsScript.Forms.ItemResponse, 'getItem' | 'getResponse'> {
  /** Prints as its class name, as Apps Script objects do. */
  toString(): string {
    return 'ItemResponse';
  }
  constructor(
    private readonly store: FormsStore,
    readonly form: FormState,
    readonly item: ItemState,
    readonly answer: Answer,
  ) {}
  getItem(): GoogleAppsScript.Forms.Item {
    return new ItemFake(this.store, this.form, this.item).asItem();
  }
  /** Strings for every item but checkboxes (string[]) — scale answers too, e.g. '4'. */
  getResponse(): string[] | string {
    return Array.isArray(this.answer) ? [...this.answer] : this.answer;
  }
}

type FormResponseMethods =
  | 'getId'
  | 'getTimestamp'
  | 'getItemResponses'
  | 'getResponseForItem'
  | 'getRespondentEmail'
  | 'withItemResponse'
  | 'toPrefilledUrl'
  | 'submit'
  | 'getEditResponseUrl';

export class FormResponseFake implements Pick<GoogleAppsScript.Forms.FormResponse, FormResponseMethods> {
  /** Prints as its class name, as Apps Script objects do. */
  toString(): string {
    return 'FormResponse';
  }
  constructor(
    private readonly store: FormsStore,
    private readonly form: FormState,
    private readonly state: ResponseState,
  ) {}

  private self(): GoogleAppsScript.Forms.FormResponse {
    return this as unknown as GoogleAppsScript.Forms.FormResponse;
  }

  /** null until submitted: https://developers.google.com/apps-script/reference/forms/form-response#getId() */
  getId(): string {
    return this.state.id as string;
  }
  getTimestamp(): GoogleAppsScript.Base.Date {
    return (this.state.timestamp === null ? null : new Date(this.state.timestamp)) as GoogleAppsScript.Base.Date;
  }
  /** '' when the form does not collect email. */
  getRespondentEmail(): string {
    return this.state.respondentEmail;
  }
  getItemResponses(): GoogleAppsScript.Forms.ItemResponse[] {
    this.store.charge('getItemResponses');
    return this.form.items.filter((item) => this.state.answers.has(item.id)).map((item) => this.itemResponse(item, this.state.answers.get(item.id) as Answer));
  }
  /** null when the item was not answered. */
  getResponseForItem(item: GoogleAppsScript.Forms.Item): GoogleAppsScript.Forms.ItemResponse {
    this.store.charge('getResponseForItem');
    const state = this.form.items.find((candidate) => candidate.id === item.getId());
    const answer = state ? this.state.answers.get(state.id) : undefined;
    return (state && answer !== undefined ? this.itemResponse(state, answer) : null) as GoogleAppsScript.Forms.ItemResponse;
  }
  withItemResponse(response: GoogleAppsScript.Forms.ItemResponse): GoogleAppsScript.Forms.FormResponse {
    this.store.charge('withItemResponse');
    if (!(response instanceof ItemResponseFake) || response.form !== this.form) throw gasError(INVALID_RESPONSE_MESSAGE);
    this.state.answers.set(response.item.id, response.answer);
    return this.self();
  }
  /**
   * Google's prefilled link: the published URL, `usp=pp_url`, one `entry.N=value` per answer
   * (repeated for checkboxes; "Other" text as `__other_option__` plus `entry.N.other_option_response`).
   */
  toPrefilledUrl(): string {
    this.store.charge('toPrefilledUrl');
    const params: string[] = ['usp=pp_url'];
    for (const item of this.form.items) {
      const answer = this.state.answers.get(item.id);
      if (answer === undefined) continue;
      for (const value of Array.isArray(answer) ? answer : [answer]) {
        const isOther = (item.type === 'CHECKBOX' || item.type === 'MULTIPLE_CHOICE') && !item.choices.includes(value);
        if (isOther) {
          params.push(`entry.${item.entryId}=${OTHER_OPTION}`);
          params.push(`entry.${item.entryId}.other_option_response=${encodePrefillValue(value)}`);
        } else {
          params.push(`entry.${item.entryId}=${encodePrefillValue(value)}`);
        }
      }
    }
    return `${publishedUrlOf(this.form)}?${params.join('&')}`;
  }
  /**
   * Stores the response and writes the destination row, but fires no form-submit trigger: only a
   * respondent's submission in the browser does (../shared/toolchain.md, Google's trigger guide).
   * "Throws a scripting exception if the response has already been submitted."
   * https://developers.google.com/apps-script/reference/forms/form-response#submit()
   */
  submit(): GoogleAppsScript.Forms.FormResponse {
    this.store.charge('submit');
    if (this.state.id !== null) throw gasError('This response has already been submitted.');
    this.store.record(this.form, this.state);
    return this.self();
  }
  getEditResponseUrl(): string {
    this.store.charge('getEditResponseUrl');
    return `${publishedUrlOf(this.form)}?edit2=${this.state.id ?? ''}`;
  }

  private itemResponse(item: ItemState, answer: Answer): GoogleAppsScript.Forms.ItemResponse {
    return new ItemResponseFake(this.store, this.form, item, answer) as unknown as GoogleAppsScript.Forms.ItemResponse;
  }
}
