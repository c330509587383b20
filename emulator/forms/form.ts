/**
 * A Form as a script sees it: its settings, items, responses and destination.
 * https://developers.google.com/apps-script/reference/forms/form
 */
import { gasError } from '../core';
import { enumName } from '../gas-enum';
import {
  CheckboxItemFake,
  ItemFake,
  ListItemFake,
  MultipleChoiceItemFake,
  PageBreakItemFake,
  ParagraphTextItemFake,
  ScaleItemFake,
  SectionHeaderItemFake,
  TextItemFake,
} from './items';
import {
  DESTINATION_TYPES,
  type FormIface,
  type FormState,
  type ItemState,
  NOT_FOUND_MESSAGE,
  type ResponseState,
  WORKSPACE_ONLY_MESSAGE,
  type SupportedItemType,
  isDate,
  publishedUrlOf,
  questionItems,
  sheetFormUrlOf,
} from './model';
import { FormResponseFake } from './responses';
import type { FormsStore } from './store';

type FormMethods =
  | 'getId'
  | 'getTitle'
  | 'setTitle'
  | 'getDescription'
  | 'setDescription'
  | 'setConfirmationMessage'
  | 'getConfirmationMessage'
  | 'setCollectEmail'
  | 'collectsEmail'
  | 'setRequireLogin'
  | 'requiresLogin'
  | 'setLimitOneResponsePerUser'
  | 'hasLimitOneResponsePerUser'
  | 'setAllowResponseEdits'
  | 'canEditResponse'
  | 'setShowLinkToRespondAgain'
  | 'hasRespondAgainLink'
  | 'setProgressBar'
  | 'hasProgressBar'
  | 'setAcceptingResponses'
  | 'isAcceptingResponses'
  | 'setPublished'
  | 'isPublished'
  | 'getPublishedUrl'
  | 'getEditUrl'
  | 'shortenFormUrl'
  | 'setDestination'
  | 'getDestinationId'
  | 'getDestinationType'
  | 'removeDestination'
  | 'addScaleItem'
  | 'addListItem'
  | 'addMultipleChoiceItem'
  | 'addCheckboxItem'
  | 'addParagraphTextItem'
  | 'addTextItem'
  | 'addSectionHeaderItem'
  | 'addPageBreakItem'
  | 'getItems'
  | 'getItemById'
  | 'deleteItem'
  | 'moveItem'
  | 'getResponses'
  | 'getResponse'
  | 'createResponse'
  | 'deleteAllResponses';

type ItemView = new (store: FormsStore, form: FormState, item: ItemState) => object;

export class FormFake implements Pick<FormIface, FormMethods> {
  /** Apps Script objects print as their class name (gas-fakes test/testform.js:214 and others, live). */
  toString(): string {
    return 'Form';
  }
  constructor(
    private readonly store: FormsStore,
    private readonly state: FormState,
  ) {}

  private self(): FormIface {
    return this as unknown as FormIface;
  }

  private set<K extends keyof FormState>(method: string, key: K, value: FormState[K]): FormIface {
    this.store.charge(method);
    this.state[key] = value;
    return this.self();
  }

  private get<K extends keyof FormState>(method: string, key: K): FormState[K] {
    this.store.charge(method);
    return this.state[key];
  }

  getId(): string {
    return this.state.id;
  }

  /**
   * Charges the call, then throws on a consumer account, as the Workspace-only settings do. Google's exact exception text
   * is not documented and no public report of it was found; this wording is the reference's own
   * ("This feature is available only for forms created by Google Workspace users").
   */
  private requireWorkspace(method: string): void {
    this.store.charge(method);
    if (this.store.core.environment.account !== 'workspace') throw gasError(WORKSPACE_ONLY_MESSAGE);
  }
  getTitle(): string {
    return this.get('getTitle', 'title');
  }
  setTitle(title: string): FormIface {
    return this.set('setTitle', 'title', String(title));
  }
  getDescription(): string {
    return this.get('getDescription', 'description');
  }
  setDescription(description: string): FormIface {
    return this.set('setDescription', 'description', String(description));
  }
  getConfirmationMessage(): string {
    return this.get('getConfirmationMessage', 'confirmationMessage');
  }
  setConfirmationMessage(message: string): FormIface {
    return this.set('setConfirmationMessage', 'confirmationMessage', String(message));
  }
  collectsEmail(): boolean {
    return this.get('collectsEmail', 'collectsEmail');
  }
  setCollectEmail(collect: boolean): FormIface {
    return this.set('setCollectEmail', 'collectsEmail', Boolean(collect));
  }
  requiresLogin(): boolean {
    return this.get('requiresLogin', 'requiresLogin');
  }
  /**
   * Google documents this setting as available only to Google Workspace users (and deprecated in
   * favour of the form's publish settings): on a consumer account the call throws, which is why
   * public scripts wrap it in try/catch (e.g. `try { f.setRequireLogin(false); } catch (e) {}`).
   * https://developers.google.com/apps-script/reference/forms/form#setRequireLogin(Boolean)
   */
  setRequireLogin(requireLogin: boolean): FormIface {
    this.requireWorkspace('setRequireLogin');
    this.state.requiresLogin = Boolean(requireLogin);
    return this.self();
  }
  hasLimitOneResponsePerUser(): boolean {
    return this.get('hasLimitOneResponsePerUser', 'limitOneResponsePerUser');
  }
  /** One response per user needs sign-in, a Workspace setting: refused on a consumer account as setRequireLogin is. */
  setLimitOneResponsePerUser(enabled: boolean): FormIface {
    this.requireWorkspace('setLimitOneResponsePerUser');
    this.state.limitOneResponsePerUser = Boolean(enabled);
    return this.self();
  }
  canEditResponse(): boolean {
    return this.get('canEditResponse', 'allowResponseEdits');
  }
  setAllowResponseEdits(enabled: boolean): FormIface {
    return this.set('setAllowResponseEdits', 'allowResponseEdits', Boolean(enabled));
  }
  hasRespondAgainLink(): boolean {
    return this.get('hasRespondAgainLink', 'showLinkToRespondAgain');
  }
  setShowLinkToRespondAgain(enabled: boolean): FormIface {
    return this.set('setShowLinkToRespondAgain', 'showLinkToRespondAgain', Boolean(enabled));
  }
  hasProgressBar(): boolean {
    return this.get('hasProgressBar', 'progressBar');
  }
  setProgressBar(enabled: boolean): FormIface {
    return this.set('setProgressBar', 'progressBar', Boolean(enabled));
  }
  isAcceptingResponses(): boolean {
    return this.get('isAcceptingResponses', 'acceptingResponses');
  }
  setAcceptingResponses(enabled: boolean): FormIface {
    return this.set('setAcceptingResponses', 'acceptingResponses', Boolean(enabled));
  }
  isPublished(): boolean {
    return this.get('isPublished', 'published');
  }
  setPublished(enabled: boolean): FormIface {
    return this.set('setPublished', 'published', Boolean(enabled));
  }
  getPublishedUrl(): string {
    this.store.charge('getPublishedUrl');
    return publishedUrlOf(this.state);
  }
  getEditUrl(): string {
    this.store.charge('getEditUrl');
    return `https://docs.google.com/forms/d/${this.state.id}/edit`;
  }
  /**
   * "Converts a long URL for a form to a short URL. Throws an exception if the long URL does not
   * belong to Google Forms." Google's short links are forms.gle/<opaque>; a prefilled URL gets its
   * own short link, which opens the form with those values filled in (as the editor's "Get
   * pre-filled link ▸ Shorten URL" does).
   * https://developers.google.com/apps-script/reference/forms/form#shortenFormUrl(String)
   */
  shortenFormUrl(url: string): string {
    this.store.charge('shortenFormUrl');
    const text = String(url);
    if (!/^https:\/\/docs\.google\.com\/forms\//.test(text)) throw gasError('Invalid argument: url');
    return this.store.shortLinkFor(text);
  }

  /**
   * Links a spreadsheet: Google adds a "Form Responses N" tab with one column per question.
   * https://developers.google.com/apps-script/reference/forms/form#setDestination(DestinationType,String)
   */
  setDestination(type: GoogleAppsScript.Forms.DestinationType, id: string): FormIface {
    this.store.charge('setDestination');
    // A type that is no DestinationType fits no overload (gas-fakes test/testform.js:535–542, live: "parameters").
    if (enumName(type) === null)
      throw gasError(
        `The parameters (${typeof type === 'string' ? 'String' : 'Object'},String) don't match the method signature for FormApp.Form.setDestination.`,
      );
    if (String(type) !== 'SPREADSHEET') throw gasError('Invalid argument: type');
    if (!this.store.destinations.exists(String(id))) throw gasError(NOT_FOUND_MESSAGE);
    const titles = questionItems(this.state).map((item) => item.title);
    if (this.state.collectsEmail) titles.unshift('Email Address');
    this.state.destinationSheetName = this.store.destinations.createResponseSheet(String(id), titles, sheetFormUrlOf(this.state));
    this.state.destinationId = String(id);
    return this.self();
  }
  /** Google throws when no destination is set, rather than returning null. */
  getDestinationId(): string {
    this.store.charge('getDestinationId');
    if (!this.state.destinationId) throw gasError('The form currently has no response destination.');
    return this.state.destinationId;
  }
  getDestinationType(): GoogleAppsScript.Forms.DestinationType {
    this.store.charge('getDestinationType');
    if (!this.state.destinationId) throw gasError('The form currently has no response destination.');
    return DESTINATION_TYPES.SPREADSHEET;
  }
  removeDestination(): FormIface {
    this.store.charge('removeDestination');
    if (this.state.destinationId) this.store.destinations.unlinkResponseSheet?.(this.state.destinationId, sheetFormUrlOf(this.state));
    this.state.destinationId = null;
    this.state.destinationSheetName = null;
    return this.self();
  }

  private addItem<T>(method: string, type: SupportedItemType, view: ItemView): T {
    this.store.charge(method);
    const item: ItemState = {
      id: this.store.newNumericId(),
      entryId: this.store.newNumericId(),
      type,
      title: '',
      helpText: '',
      required: false,
      // A new checkbox, multiple-choice or list item has one choice, empty, until setChoices /
      // setChoiceValues replace it (gas-fakes test/testform.js:214–222, 245–253, 410–418, live).
      choices: type === 'CHECKBOX' || type === 'MULTIPLE_CHOICE' || type === 'LIST' ? [''] : [],
      hasOtherOption: false,
      // A new scale runs 1–5 until setBounds (scale-item#setBounds).
      lowerBound: 1,
      upperBound: 5,
      leftLabel: '',
      rightLabel: '',
    };
    this.state.items.push(item);
    return new view(this.store, this.state, item) as unknown as T;
  }

  addScaleItem(): GoogleAppsScript.Forms.ScaleItem {
    return this.addItem('addScaleItem', 'SCALE', ScaleItemFake);
  }
  addListItem(): GoogleAppsScript.Forms.ListItem {
    return this.addItem('addListItem', 'LIST', ListItemFake);
  }
  addMultipleChoiceItem(): GoogleAppsScript.Forms.MultipleChoiceItem {
    return this.addItem('addMultipleChoiceItem', 'MULTIPLE_CHOICE', MultipleChoiceItemFake);
  }
  addCheckboxItem(): GoogleAppsScript.Forms.CheckboxItem {
    return this.addItem('addCheckboxItem', 'CHECKBOX', CheckboxItemFake);
  }
  addParagraphTextItem(): GoogleAppsScript.Forms.ParagraphTextItem {
    return this.addItem('addParagraphTextItem', 'PARAGRAPH_TEXT', ParagraphTextItemFake);
  }
  addTextItem(): GoogleAppsScript.Forms.TextItem {
    return this.addItem('addTextItem', 'TEXT', TextItemFake);
  }
  addSectionHeaderItem(): GoogleAppsScript.Forms.SectionHeaderItem {
    return this.addItem('addSectionHeaderItem', 'SECTION_HEADER', SectionHeaderItemFake);
  }
  addPageBreakItem(): GoogleAppsScript.Forms.PageBreakItem {
    return this.addItem('addPageBreakItem', 'PAGE_BREAK', PageBreakItemFake);
  }

  getItems(itemType?: GoogleAppsScript.Forms.ItemType): GoogleAppsScript.Forms.Item[] {
    this.store.charge('getItems');
    const wanted = itemType === undefined ? null : String(itemType);
    return this.state.items.filter((item) => wanted === null || item.type === wanted).map((item) => this.itemView(item));
  }
  /** null when no item has the id (documented). */
  getItemById(id: number): GoogleAppsScript.Forms.Item {
    this.store.charge('getItemById');
    const item = this.state.items.find((candidate) => candidate.id === Number(id));
    return (item ? this.itemView(item) : null) as GoogleAppsScript.Forms.Item;
  }
  deleteItem(indexOrItem: number | GoogleAppsScript.Forms.Item): void {
    this.store.charge('deleteItem');
    this.state.items.splice(this.indexOf(indexOrItem), 1);
  }
  moveItem(from: number | GoogleAppsScript.Forms.Item, toIndex: number): GoogleAppsScript.Forms.Item {
    this.store.charge('moveItem');
    const index = this.indexOf(from);
    const target = Number(toIndex);
    const count = this.state.items.length;
    if (!Number.isInteger(target) || target < 0 || target >= count) throw this.indexError(target, count);
    const [item] = this.state.items.splice(index, 1);
    this.state.items.splice(target, 0, item);
    return this.itemView(item);
  }

  /** "Cannot access item at index: N. Number of items: M", as Google answers a stale index. */
  private indexError(index: number, count: number): Error {
    return gasError(`Cannot access item at index: ${index}. Number of items: ${count}`);
  }

  private indexOf(indexOrItem: number | GoogleAppsScript.Forms.Item): number {
    const count = this.state.items.length;
    if (typeof indexOrItem === 'number') {
      if (!Number.isInteger(indexOrItem) || indexOrItem < 0 || indexOrItem >= count) throw this.indexError(indexOrItem, count);
      return indexOrItem;
    }
    const index = this.state.items.findIndex((item) => item.id === indexOrItem.getId());
    if (index === -1) throw gasError(NOT_FOUND_MESSAGE);
    return index;
  }

  private itemView(item: ItemState): GoogleAppsScript.Forms.Item {
    return new ItemFake(this.store, this.state, item).asItem();
  }

  /**
   * Responses submitted at or after `timestamp`. Google's page says "after"; the emulator includes
   * the boundary, the reading under which a script that remembers the last timestamp it processed
   * sees that response again — so handlers must de-duplicate, as they must anyway.
   * https://developers.google.com/apps-script/reference/forms/form#getResponses(Date)
   */
  getResponses(timestamp?: GoogleAppsScript.Base.Date): GoogleAppsScript.Forms.FormResponse[] {
    this.store.charge('getResponses');
    if (timestamp !== undefined && !isDate(timestamp)) throw gasError('Invalid argument: timestamp');
    const since = timestamp === undefined ? -Infinity : (timestamp as Date).getTime();
    return this.state.responses.filter((response) => (response.timestamp as number) >= since).map((response) => this.responseView(response));
  }
  getResponse(responseId: string): GoogleAppsScript.Forms.FormResponse {
    this.store.charge('getResponse');
    const response = this.state.responses.find((candidate) => candidate.id === String(responseId));
    if (!response) throw gasError('Invalid argument: responseId');
    return this.responseView(response);
  }
  createResponse(): GoogleAppsScript.Forms.FormResponse {
    this.store.charge('createResponse');
    return this.responseView({ id: null, timestamp: null, respondentEmail: '', answers: new Map() });
  }
  /** Deletes the form's stored responses; rows already in the destination sheet stay (as on Google). */
  deleteAllResponses(): FormIface {
    this.store.charge('deleteAllResponses');
    this.state.responses.length = 0;
    return this.self();
  }

  private responseView(response: ResponseState): GoogleAppsScript.Forms.FormResponse {
    return new FormResponseFake(this.store, this.state, response) as unknown as GoogleAppsScript.Forms.FormResponse;
  }
}
