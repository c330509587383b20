/**
 * The FormApp fake: forms with their items, responses, a spreadsheet response destination and the
 * form-submit triggers a respondent's submission fires. The harness side (`respond`) plays a person
 * submitting the published form in a browser; `FormResponse.submit()` plays a script, which Google
 * treats differently (no trigger fires).
 * https://developers.google.com/apps-script/reference/forms
 */
import { gasError, type AuthMode, type Core, type TriggerRecord } from './core';
import type { FormDestinationStore } from './contracts';
import { enumValue, makeEnum } from './gas-enum';

// Google added these when forms gained a publish state; @types/google-apps-script 2.0.13 lacks them.
// https://developers.google.com/apps-script/reference/forms/form#setpublishedenabled
declare global {
  namespace GoogleAppsScript.Forms {
    interface Form {
      setPublished(enabled: boolean): Form;
      isPublished(): boolean;
    }
  }
}

type FormIface = GoogleAppsScript.Forms.Form;

const FORM_MIME_TYPE = 'application/vnd.google-apps.form';

/**
 * FormApp.openById's message when no form has the id (or the caller may not see it), as users
 * report it: https://github.com/boilermaker-ben/Google-Sheets-NFL-Pick-Ems-and-Survivor-Pool/issues/30
 */
const NOT_FOUND_MESSAGE =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

/**
 * Google rejects an invalid value written to a form (bad scale bounds, empty choice lists) with
 * this one generic message; projects quoting it: setPoints(0), unreachable navigation targets.
 */
const INVALID_FORM_DATA_MESSAGE = 'Invalid data updating form.';

/**
 * createResponse with a value the item cannot hold throws (documented per item type, e.g.
 * https://developers.google.com/apps-script/reference/forms/scale-item#createResponse(Integer));
 * the exact wording is not documented, this is our best rendering of it.
 */
const INVALID_RESPONSE_MESSAGE = 'Invalid response submitted to item.';

// Enum values are objects as on Google: `item.getType() == FormApp.ItemType.SCALE`, `String(type)` is 'SCALE'.
const ITEM_TYPES = makeEnum<typeof GoogleAppsScript.Forms.ItemType>([
  'CHECKBOX', 'CHECKBOX_GRID', 'DATE', 'DATETIME', 'DURATION', 'GRID', 'IMAGE', 'LIST', 'MULTIPLE_CHOICE',
  'PAGE_BREAK', 'PARAGRAPH_TEXT', 'SCALE', 'SECTION_HEADER', 'TEXT', 'TIME', 'VIDEO', 'FILE_UPLOAD',
]);
const DESTINATION_TYPES = makeEnum<typeof GoogleAppsScript.Forms.DestinationType>(['SPREADSHEET']);

export type SupportedItemType =
  | 'CHECKBOX'
  | 'LIST'
  | 'MULTIPLE_CHOICE'
  | 'PAGE_BREAK'
  | 'PARAGRAPH_TEXT'
  | 'SCALE'
  | 'SECTION_HEADER'
  | 'TEXT';

/** Layout items hold no answer and get no response column. */
const LAYOUT_TYPES: ReadonlySet<SupportedItemType> = new Set(['PAGE_BREAK', 'SECTION_HEADER']);

interface ItemState {
  id: number;
  /** The `entry.N` name of the item's field in the published form (what prefilled URLs use). */
  entryId: number;
  type: SupportedItemType;
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  hasOtherOption: boolean;
  lowerBound: number;
  upperBound: number;
  leftLabel: string;
  rightLabel: string;
}

type Answer = string | string[];

interface ResponseState {
  id: string | null;
  timestamp: number | null;
  respondentEmail: string;
  /** item id → answer; unanswered items have no entry (Google omits them from getItemResponses). */
  answers: Map<number, Answer>;
}

interface FormState {
  id: string;
  publishedId: string;
  title: string;
  description: string;
  confirmationMessage: string;
  collectsEmail: boolean;
  requiresLogin: boolean;
  limitOneResponsePerUser: boolean;
  allowResponseEdits: boolean;
  showLinkToRespondAgain: boolean;
  progressBar: boolean;
  acceptingResponses: boolean;
  published: boolean;
  destinationId: string | null;
  destinationSheetName: string | null;
  items: ItemState[];
  responses: ResponseState[];
}

export interface FormItemSnapshot {
  id: number;
  entryId: number;
  title: string;
  helpText: string;
  type: SupportedItemType;
  required: boolean;
  choices?: string[];
  hasOtherOption?: boolean;
  lowerBound?: number;
  upperBound?: number;
  leftLabel?: string;
  rightLabel?: string;
}

export interface FormSnapshot {
  id: string;
  title: string;
  description: string;
  publishedUrl: string;
  editUrl: string;
  collectsEmail: boolean;
  requiresLogin: boolean;
  acceptingResponses: boolean;
  published: boolean;
  confirmationMessage: string;
  destinationSpreadsheetId: string | null;
  items: FormItemSnapshot[];
  responseCount: number;
}

export interface RespondOptions {
  /** A link made by toPrefilledUrl() (or by hand); its entry.N values are filled in first. */
  prefilledUrl?: string;
  /** The respondent's address, asked for when the form collects email. */
  email?: string;
  /** Deliver every form-submit trigger twice, as Google has been seen to do. */
  duplicateEvent?: boolean;
}

function publishedUrlOf(form: FormState): string {
  return `https://docs.google.com/forms/d/e/${form.publishedId}/viewform`;
}

/**
 * What Sheet.getFormUrl() of a response tab returns: a link to the form by its id.
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getFormUrl()
 */
function sheetFormUrlOf(form: FormState): string {
  return `https://docs.google.com/forms/d/${form.id}/viewform`;
}

function questionItems(form: FormState): ItemState[] {
  return form.items.filter((item) => !LAYOUT_TYPES.has(item.type));
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * Encodes a prefilled value the way Google's own pre-filled links read: UTF-8 percent-encoding,
 * spaces as '+', and ':', '/', ',', '(' and ')' left as they are. Seen in "Get pre-filled link"
 * output that public projects quote: `entry.N=Horus+Heresy+(30k)`, `entry.N=https://maps.app.goo.gl/…`,
 * `entry.N=Ajustando+layout+da+p%C3%A1gina+de+busca`.
 */
function encodePrefillValue(value: string): string {
  return encodeURIComponent(value)
    .replace(/%20/g, '+')
    .replace(/%3A/gi, ':')
    .replace(/%2F/gi, '/')
    .replace(/%2C/gi, ',');
}

/** Google's sentinel for "the answer is the text typed next to Other". */
const OTHER_OPTION = '__other_option__';

/** Shared state and the operations the fake classes and the harness both need. */
class FormsStore {
  readonly forms = new Map<string, FormState>();
  private readonly usedNumericIds = new Set<number>();
  private numericIdCounter = 0;

  constructor(
    readonly core: Core,
    readonly destinations: FormDestinationStore,
  ) {}

  charge(method: string): void {
    this.core.call('FormApp', method);
  }

  /** Item and entry ids: deterministic, unique, 9–10 digit positive integers like Google's. */
  newNumericId(): number {
    let id: number;
    do {
      this.numericIdCounter++;
      id = 100_000_000 + ((this.numericIdCounter * 2_654_435_761) % 2_000_000_000);
    } while (this.usedNumericIds.has(id));
    this.usedNumericIds.add(id);
    return id;
  }

  /** A published form id: a different opaque id, 56 characters starting '1FAIpQL' as Google's do. */
  newPublishedId(): string {
    return ('1FAIpQLS' + this.core.newId('') + this.core.newId('')).slice(0, 56);
  }

  form(id: string): FormState {
    const form = this.forms.get(String(id));
    if (!form) throw gasError(NOT_FOUND_MESSAGE);
    return form;
  }

  /** Stores a submitted response and writes its row to the destination spreadsheet, if any. */
  record(form: FormState, response: ResponseState): { sheetName: string; row: { row: number; a1: string; values: unknown[] } } | null {
    response.id = this.core.newId('2_ABaOnu');
    response.timestamp = this.core.now();
    form.responses.push(response);
    if (!form.destinationId || !form.destinationSheetName) return null;
    // Google follows the linked tab through renames (it is tracked by the tab, not its name).
    const linked = this.destinations.responseSheetOf?.(form.destinationId, sheetFormUrlOf(form));
    if (linked) form.destinationSheetName = linked;
    const answersByTitle: Array<[string, unknown]> = [];
    if (form.collectsEmail) answersByTitle.push(['Email Address', response.respondentEmail]);
    for (const item of questionItems(form)) {
      answersByTitle.push([item.title, this.cellValue(item, response.answers.get(item.id))]);
    }
    const row = this.destinations.appendResponseRow(
      form.destinationId,
      form.destinationSheetName,
      new Date(response.timestamp),
      answersByTitle,
    );
    return { sheetName: form.destinationSheetName, row };
  }

  /** How Google writes an answer into the response sheet: scales as numbers, checkboxes joined. */
  private cellValue(item: ItemState, answer: Answer | undefined): unknown {
    if (answer === undefined) return '';
    if (Array.isArray(answer)) return answer.join(', ');
    if (item.type === 'SCALE') return Number(answer);
    return answer;
  }

  /** A Sheets timestamp as e.values / e.namedValues give it (the sheet's en_US display format). */
  formatTimestamp(date: Date): string {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: this.core.timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(date);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('month')}/${part('day')}/${part('year')} ${Number(part('hour'))}:${part('minute')}:${part('second')}`;
  }

  /** Checks an answer as the item would take it; returns the stored form or throws `fail(reason)`. */
  normalizeAnswer(item: ItemState, raw: unknown, fail: (reason: string) => Error): Answer | undefined {
    if (raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0)) return undefined;
    switch (item.type) {
      case 'SCALE': {
        const value = typeof raw === 'number' ? raw : Number(String(raw));
        if (!Number.isInteger(value) || value < item.lowerBound || value > item.upperBound) {
          throw fail(`${String(raw)} is not on the scale ${item.lowerBound}–${item.upperBound}`);
        }
        return String(value);
      }
      case 'LIST':
      case 'MULTIPLE_CHOICE': {
        if (Array.isArray(raw)) throw fail('takes one choice, not a list');
        const value = String(raw);
        if (!item.choices.includes(value) && !item.hasOtherOption) throw fail(`"${value}" is not one of its choices`);
        return value;
      }
      case 'CHECKBOX': {
        const values = (Array.isArray(raw) ? raw : [raw]).map(String);
        const others = values.filter((v) => !item.choices.includes(v));
        if (others.length > (item.hasOtherOption ? 1 : 0)) throw fail(`"${others.join('", "')}" not among its choices`);
        return values;
      }
      case 'TEXT':
      case 'PARAGRAPH_TEXT':
        if (Array.isArray(raw)) throw fail('takes text, not a list');
        return String(raw);
      default:
        throw fail('is not a question');
    }
  }
}

class ChoiceFake implements Pick<GoogleAppsScript.Forms.Choice, 'getValue'> {
  constructor(private readonly value: string) {}
  getValue(): string {
    return this.value;
  }
}

class ItemResponseFake implements Pick<GoogleAppsScript.Forms.ItemResponse, 'getItem' | 'getResponse'> {
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

/** What every item handle shares. `Full` is the Google interface its chainable setters return. */
abstract class ItemHandle<Full> {
  constructor(
    protected readonly store: FormsStore,
    protected readonly form: FormState,
    protected readonly state: ItemState,
  ) {}

  protected self(): Full {
    return this as unknown as Full;
  }

  protected charge(method: string): void {
    this.store.charge(method);
  }

  getId(): number {
    return this.state.id;
  }
  getTitle(): string {
    this.charge('getTitle');
    return this.state.title;
  }
  setTitle(title: string): Full {
    this.charge('setTitle');
    this.state.title = String(title);
    return this.self();
  }
  getHelpText(): string {
    this.charge('getHelpText');
    return this.state.helpText;
  }
  setHelpText(text: string): Full {
    this.charge('setHelpText');
    this.state.helpText = String(text);
    return this.self();
  }
  getType(): GoogleAppsScript.Forms.ItemType {
    this.charge('getType');
    return enumValue<GoogleAppsScript.Forms.ItemType>(ITEM_TYPES, this.state.type);
  }
  getIndex(): number {
    this.charge('getIndex');
    return this.form.items.indexOf(this.state);
  }

  protected responseFor(answer: Answer | undefined): GoogleAppsScript.Forms.ItemResponse {
    if (answer === undefined) throw gasError(INVALID_RESPONSE_MESSAGE);
    return new ItemResponseFake(this.store, this.form, this.state, answer) as unknown as GoogleAppsScript.Forms.ItemResponse;
  }

  protected normalizeForScript(raw: unknown): Answer | undefined {
    return this.store.normalizeAnswer(this.state, raw, () => gasError(INVALID_RESPONSE_MESSAGE));
  }
}

abstract class QuestionHandle<Full> extends ItemHandle<Full> {
  isRequired(): boolean {
    this.charge('isRequired');
    return this.state.required;
  }
  setRequired(enabled: boolean): Full {
    this.charge('setRequired');
    this.state.required = Boolean(enabled);
    return this.self();
  }
}

abstract class ChoiceHandle<Full> extends QuestionHandle<Full> {
  createChoice(value: string): GoogleAppsScript.Forms.Choice {
    return new ChoiceFake(String(value)) as unknown as GoogleAppsScript.Forms.Choice;
  }
  getChoices(): GoogleAppsScript.Forms.Choice[] {
    this.charge('getChoices');
    return this.state.choices.map((value) => this.createChoice(value));
  }
  /** An empty list is refused: https://developers.google.com/apps-script/reference/forms/list-item#setChoiceValues(String) */
  setChoiceValues(values: string[]): Full {
    this.charge('setChoiceValues');
    if (!Array.isArray(values) || values.length === 0) throw gasError(INVALID_FORM_DATA_MESSAGE);
    this.state.choices = values.map(String);
    return this.self();
  }
  setChoices(choices: GoogleAppsScript.Forms.Choice[]): Full {
    this.charge('setChoices');
    if (!Array.isArray(choices) || choices.length === 0) throw gasError(INVALID_FORM_DATA_MESSAGE);
    this.state.choices = choices.map((choice) => String(choice.getValue()));
    return this.self();
  }
}

/** Multiple-choice and checkbox items may offer "Other"; lists may not. */
abstract class OtherOptionHandle<Full> extends ChoiceHandle<Full> {
  hasOtherOption(): boolean {
    this.charge('hasOtherOption');
    return this.state.hasOtherOption;
  }
  showOtherOption(enabled: boolean): Full {
    this.charge('showOtherOption');
    this.state.hasOtherOption = Boolean(enabled);
    return this.self();
  }
}

type ScaleMethods =
  | 'getId' | 'getTitle' | 'setTitle' | 'getHelpText' | 'setHelpText' | 'getType' | 'getIndex' | 'isRequired'
  | 'setRequired' | 'setBounds' | 'setLabels' | 'getLowerBound' | 'getUpperBound' | 'getLeftLabel' | 'getRightLabel'
  | 'createResponse';

class ScaleItemFake extends QuestionHandle<GoogleAppsScript.Forms.ScaleItem>
  implements Pick<GoogleAppsScript.Forms.ScaleItem, ScaleMethods>
{
  /**
   * "The lower bound must be 0 or 1. The upper bound must be between 3 and 10, inclusive."
   * https://developers.google.com/apps-script/reference/forms/scale-item#setBounds(Integer,Integer)
   */
  setBounds(lower: number, upper: number): GoogleAppsScript.Forms.ScaleItem {
    this.charge('setBounds');
    const low = Math.trunc(Number(lower));
    const high = Math.trunc(Number(upper));
    if ((low !== 0 && low !== 1) || !(high >= 3 && high <= 10)) throw gasError(INVALID_FORM_DATA_MESSAGE);
    this.state.lowerBound = low;
    this.state.upperBound = high;
    return this.self();
  }
  setLabels(lower: string, upper: string): GoogleAppsScript.Forms.ScaleItem {
    this.charge('setLabels');
    this.state.leftLabel = String(lower);
    this.state.rightLabel = String(upper);
    return this.self();
  }
  getLowerBound(): number {
    this.charge('getLowerBound');
    return this.state.lowerBound;
  }
  getUpperBound(): number {
    this.charge('getUpperBound');
    return this.state.upperBound;
  }
  getLeftLabel(): string {
    this.charge('getLeftLabel');
    return this.state.leftLabel;
  }
  getRightLabel(): string {
    this.charge('getRightLabel');
    return this.state.rightLabel;
  }
  /** Throws when the value is outside the bounds (documented). */
  createResponse(response: number): GoogleAppsScript.Forms.ItemResponse {
    this.charge('createResponse');
    return this.responseFor(this.normalizeForScript(response));
  }
}

type ChoiceMethods =
  | 'getId' | 'getTitle' | 'setTitle' | 'getHelpText' | 'setHelpText' | 'getType' | 'getIndex' | 'isRequired'
  | 'setRequired' | 'createChoice' | 'getChoices' | 'setChoiceValues' | 'setChoices' | 'createResponse';

class ListItemFake extends ChoiceHandle<GoogleAppsScript.Forms.ListItem>
  implements Pick<GoogleAppsScript.Forms.ListItem, ChoiceMethods>
{
  /** Throws unless the value is one of the choices (documented). */
  createResponse(response: string): GoogleAppsScript.Forms.ItemResponse {
    this.charge('createResponse');
    return this.responseFor(this.normalizeForScript(response));
  }
}

class MultipleChoiceItemFake extends OtherOptionHandle<GoogleAppsScript.Forms.MultipleChoiceItem>
  implements Pick<GoogleAppsScript.Forms.MultipleChoiceItem, ChoiceMethods | 'hasOtherOption' | 'showOtherOption'>
{
  /** Throws unless the value is a choice or the item shows "Other" (documented). */
  createResponse(response: string): GoogleAppsScript.Forms.ItemResponse {
    this.charge('createResponse');
    return this.responseFor(this.normalizeForScript(response));
  }
}

class CheckboxItemFake extends OtherOptionHandle<GoogleAppsScript.Forms.CheckboxItem>
  implements Pick<GoogleAppsScript.Forms.CheckboxItem, ChoiceMethods | 'hasOtherOption' | 'showOtherOption'>
{
  createResponse(responses: string[]): GoogleAppsScript.Forms.ItemResponse {
    this.charge('createResponse');
    if (!Array.isArray(responses)) throw gasError(INVALID_RESPONSE_MESSAGE);
    return this.responseFor(this.normalizeForScript(responses));
  }
}

type TextMethods =
  | 'getId' | 'getTitle' | 'setTitle' | 'getHelpText' | 'setHelpText' | 'getType' | 'getIndex' | 'isRequired'
  | 'setRequired' | 'createResponse';

class ParagraphTextItemFake extends QuestionHandle<GoogleAppsScript.Forms.ParagraphTextItem>
  implements Pick<GoogleAppsScript.Forms.ParagraphTextItem, TextMethods>
{
  createResponse(response: string): GoogleAppsScript.Forms.ItemResponse {
    this.charge('createResponse');
    return this.responseFor(this.normalizeForScript(response));
  }
}

class TextItemFake extends QuestionHandle<GoogleAppsScript.Forms.TextItem>
  implements Pick<GoogleAppsScript.Forms.TextItem, TextMethods>
{
  createResponse(response: string): GoogleAppsScript.Forms.ItemResponse {
    this.charge('createResponse');
    return this.responseFor(this.normalizeForScript(response));
  }
}

type LayoutMethods = 'getId' | 'getTitle' | 'setTitle' | 'getHelpText' | 'setHelpText' | 'getType' | 'getIndex';

class SectionHeaderItemFake extends ItemHandle<GoogleAppsScript.Forms.SectionHeaderItem>
  implements Pick<GoogleAppsScript.Forms.SectionHeaderItem, LayoutMethods> {}

class PageBreakItemFake extends ItemHandle<GoogleAppsScript.Forms.PageBreakItem>
  implements Pick<GoogleAppsScript.Forms.PageBreakItem, LayoutMethods> {}

type ItemMethods =
  | LayoutMethods
  | 'asScaleItem' | 'asListItem' | 'asMultipleChoiceItem' | 'asCheckboxItem' | 'asParagraphTextItem' | 'asTextItem'
  | 'asSectionHeaderItem' | 'asPageBreakItem';

/** The generic Item that getItems() returns; as…Item() gives the typed view. */
class ItemFake extends ItemHandle<GoogleAppsScript.Forms.Item> implements Pick<GoogleAppsScript.Forms.Item, ItemMethods> {
  asItem(): GoogleAppsScript.Forms.Item {
    return this.self();
  }

  /**
   * Casting to another type fails as Google's does, with the message projects quote from it:
   * "Invalid conversion for item type: PAGE_BREAK".
   */
  private cast<T>(type: SupportedItemType, view: new (s: FormsStore, f: FormState, i: ItemState) => object): T {
    this.charge(`as${type}`);
    if (this.state.type !== type) throw gasError(`Invalid conversion for item type: ${this.state.type}`);
    return new view(this.store, this.form, this.state) as unknown as T;
  }

  asScaleItem(): GoogleAppsScript.Forms.ScaleItem {
    return this.cast('SCALE', ScaleItemFake);
  }
  asListItem(): GoogleAppsScript.Forms.ListItem {
    return this.cast('LIST', ListItemFake);
  }
  asMultipleChoiceItem(): GoogleAppsScript.Forms.MultipleChoiceItem {
    return this.cast('MULTIPLE_CHOICE', MultipleChoiceItemFake);
  }
  asCheckboxItem(): GoogleAppsScript.Forms.CheckboxItem {
    return this.cast('CHECKBOX', CheckboxItemFake);
  }
  asParagraphTextItem(): GoogleAppsScript.Forms.ParagraphTextItem {
    return this.cast('PARAGRAPH_TEXT', ParagraphTextItemFake);
  }
  asTextItem(): GoogleAppsScript.Forms.TextItem {
    return this.cast('TEXT', TextItemFake);
  }
  asSectionHeaderItem(): GoogleAppsScript.Forms.SectionHeaderItem {
    return this.cast('SECTION_HEADER', SectionHeaderItemFake);
  }
  asPageBreakItem(): GoogleAppsScript.Forms.PageBreakItem {
    return this.cast('PAGE_BREAK', PageBreakItemFake);
  }
}

type FormResponseMethods =
  | 'getId' | 'getTimestamp' | 'getItemResponses' | 'getResponseForItem' | 'getRespondentEmail' | 'withItemResponse'
  | 'toPrefilledUrl' | 'submit' | 'getEditResponseUrl';

class FormResponseFake implements Pick<GoogleAppsScript.Forms.FormResponse, FormResponseMethods> {
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
    return this.form.items
      .filter((item) => this.state.answers.has(item.id))
      .map((item) => this.itemResponse(item, this.state.answers.get(item.id) as Answer));
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

type FormMethods =
  | 'getId' | 'getTitle' | 'setTitle' | 'getDescription' | 'setDescription' | 'setConfirmationMessage'
  | 'getConfirmationMessage' | 'setCollectEmail' | 'collectsEmail' | 'setRequireLogin' | 'requiresLogin'
  | 'setLimitOneResponsePerUser' | 'hasLimitOneResponsePerUser' | 'setAllowResponseEdits' | 'canEditResponse'
  | 'setShowLinkToRespondAgain' | 'hasRespondAgainLink' | 'setProgressBar' | 'hasProgressBar'
  | 'setAcceptingResponses' | 'isAcceptingResponses' | 'setPublished' | 'isPublished' | 'getPublishedUrl'
  | 'getEditUrl' | 'shortenFormUrl' | 'setDestination' | 'getDestinationId' | 'getDestinationType'
  | 'removeDestination' | 'addScaleItem' | 'addListItem' | 'addMultipleChoiceItem' | 'addCheckboxItem'
  | 'addParagraphTextItem' | 'addTextItem' | 'addSectionHeaderItem' | 'addPageBreakItem' | 'getItems'
  | 'getItemById' | 'deleteItem' | 'moveItem' | 'getResponses' | 'getResponse' | 'createResponse'
  | 'deleteAllResponses';

type ItemView = new (store: FormsStore, form: FormState, item: ItemState) => object;

class FormFake implements Pick<FormIface, FormMethods> {
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
  setRequireLogin(requireLogin: boolean): FormIface {
    return this.set('setRequireLogin', 'requiresLogin', Boolean(requireLogin));
  }
  hasLimitOneResponsePerUser(): boolean {
    return this.get('hasLimitOneResponsePerUser', 'limitOneResponsePerUser');
  }
  setLimitOneResponsePerUser(enabled: boolean): FormIface {
    return this.set('setLimitOneResponsePerUser', 'limitOneResponsePerUser', Boolean(enabled));
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
  /** Google's short links are forms.gle/<opaque>; ours reuse the tail of the published id. */
  shortenFormUrl(_url: string): string {
    this.store.charge('shortenFormUrl');
    return `https://forms.gle/${this.state.publishedId.slice(-17)}`;
  }

  /**
   * Links a spreadsheet: Google adds a "Form Responses N" tab with one column per question.
   * https://developers.google.com/apps-script/reference/forms/form#setDestination(DestinationType,String)
   */
  setDestination(type: GoogleAppsScript.Forms.DestinationType, id: string): FormIface {
    this.store.charge('setDestination');
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
      choices: [],
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
    return this.state.items
      .filter((item) => wanted === null || item.type === wanted)
      .map((item) => this.itemView(item));
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
   * Responses submitted at or after `timestamp`. Google's page says "after"; we include the
   * boundary, the reading under which a script that remembers the last timestamp it processed
   * sees that response again — so handlers must de-duplicate, as they must anyway.
   * https://developers.google.com/apps-script/reference/forms/form#getResponses(Date)
   */
  getResponses(timestamp?: GoogleAppsScript.Base.Date): GoogleAppsScript.Forms.FormResponse[] {
    this.store.charge('getResponses');
    if (timestamp !== undefined && !isDate(timestamp)) throw gasError('Invalid argument: timestamp');
    const since = timestamp === undefined ? -Infinity : (timestamp as Date).getTime();
    return this.state.responses
      .filter((response) => (response.timestamp as number) >= since)
      .map((response) => this.responseView(response));
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

type FormAppMembers = 'create' | 'openById' | 'openByUrl' | 'getActiveForm' | 'ItemType' | 'DestinationType';

class FormAppFake implements Pick<GoogleAppsScript.Forms.FormApp, FormAppMembers> {
  readonly ItemType = ITEM_TYPES;
  readonly DestinationType = DESTINATION_TYPES;

  constructor(private readonly store: FormsStore) {}

  /**
   * A new form collects no email, needs no sign-in and accepts responses. It is created
   * unpublished: forms made through the API after June 30, 2026 must be published before they
   * take responses (setPublished(true)).
   * https://developers.google.com/workspace/forms/api/guides/api-changes-to-google-forms
   */
  create(title: string): FormIface {
    this.store.charge('create');
    const core = this.store.core;
    const id = core.newId();
    const state: FormState = {
      id,
      publishedId: this.store.newPublishedId(),
      title: String(title),
      description: '',
      confirmationMessage: '',
      collectsEmail: false,
      requiresLogin: false,
      limitOneResponsePerUser: false,
      allowResponseEdits: false,
      showLinkToRespondAgain: true,
      progressBar: false,
      acceptingResponses: true,
      published: false,
      destinationId: null,
      destinationSheetName: null,
      items: [],
      responses: [],
    };
    this.store.forms.set(id, state);
    core.drive.set(id, {
      id,
      name: String(title),
      mimeType: FORM_MIME_TYPE,
      parents: [],
      createdAt: core.now(),
      updatedAt: core.now(),
      trashed: false,
      sharing: { access: 'PRIVATE', permission: 'NONE' },
      kind: 'form',
    });
    return new FormFake(this.store, state) as unknown as FormIface;
  }
  openById(id: string): FormIface {
    this.store.charge('openById');
    return new FormFake(this.store, this.store.form(id)) as unknown as FormIface;
  }
  /** Takes the editor URL (…/forms/d/<id>/edit); the respondent's /d/e/<publishedId>/ URL is not a form id. */
  openByUrl(url: string): FormIface {
    this.store.charge('openByUrl');
    const match = /\/forms\/d\/([A-Za-z0-9_-]+)/.exec(String(url));
    if (!match || match[1] === 'e') throw gasError(NOT_FOUND_MESSAGE);
    return new FormFake(this.store, this.store.form(match[1])) as unknown as FormIface;
  }
  /** The project's scripts are standalone or spreadsheet-bound, never bound to a form. */
  getActiveForm(): FormIface {
    this.store.charge('getActiveForm');
    return null as unknown as FormIface;
  }
}

export class FormsService {
  readonly app: Pick<GoogleAppsScript.Forms.FormApp, FormAppMembers>;
  private readonly store: FormsStore;

  constructor(core: Core, destinations: FormDestinationStore) {
    this.store = new FormsStore(core, destinations);
    this.app = new FormAppFake(this.store);
  }

  /**
   * A respondent submits the published form in a browser. Values from `prefilledUrl` are filled in
   * first, then `answers` (keyed by item title or item id) on top. Refused, as the form page would
   * refuse it, when the form is closed or unpublished, a required question is unanswered, a scale
   * value is off the scale, or a choice is not offered. Records the response, appends the
   * destination row, then fires the form's ON_FORM_SUBMIT triggers and the destination
   * spreadsheet's, each with the event object Google documents.
   * https://developers.google.com/apps-script/guides/triggers/events#form-submit
   */
  respond(
    formId: string,
    answers: Record<string, string | number | string[]>,
    options: RespondOptions = {},
  ): GoogleAppsScript.Forms.FormResponse {
    const form = this.store.form(formId);
    if (!form.published || !form.acceptingResponses) {
      throw new Error(`The form ${form.title} is no longer accepting responses.`);
    }
    const raw = new Map<ItemState, unknown>();
    if (options.prefilledUrl) this.readPrefilledUrl(form, options.prefilledUrl, raw);
    for (const [key, value] of Object.entries(answers)) raw.set(this.itemFor(form, key), value);

    const response: ResponseState = { id: null, timestamp: null, respondentEmail: '', answers: new Map() };
    for (const [item, value] of raw) {
      const answer = this.store.normalizeAnswer(item, value, (reason) => new Error(`"${item.title}": ${reason}`));
      if (answer !== undefined) response.answers.set(item.id, answer);
    }
    const missing = questionItems(form).find((item) => item.required && !response.answers.has(item.id));
    if (missing) throw new Error(`"${missing.title}": This is a required question`);
    if (form.collectsEmail) {
      if (!options.email) throw new Error('"Email": This is a required question');
      response.respondentEmail = options.email;
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

  /** What the replay writes to forms/<name>.json. */
  snapshot(formId: string): FormSnapshot {
    const form = this.store.form(formId);
    return {
      id: form.id,
      title: form.title,
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
      case 'MULTIPLE_CHOICE':
      case 'CHECKBOX':
        return { ...base, choices: [...item.choices], hasOtherOption: item.hasOtherOption };
      default:
        return base;
    }
  }

  private itemFor(form: FormState, key: string): ItemState {
    const item =
      form.items.find((candidate) => candidate.title === key) ??
      form.items.find((candidate) => String(candidate.id) === key);
    if (!item) throw new Error(`Form ${form.title} has no item titled or numbered "${key}"`);
    return item;
  }

  /** Reads entry.N values (repeated for checkboxes, "Other" text from entry.N.other_option_response). */
  private readPrefilledUrl(form: FormState, url: string, into: Map<ItemState, unknown>): void {
    const parsed = new URL(url);
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
