/**
 * Form items as a script sees them: one handle class per supported item type over the item's
 * state, typed against its Google interface.
 * https://developers.google.com/apps-script/reference/forms/item
 */
import { gasError } from '../core';
import { enumValue } from '../gas-enum';
import {
  type Answer,
  type FormState,
  INVALID_FORM_DATA_MESSAGE,
  INVALID_RESPONSE_MESSAGE,
  ITEM_TYPES,
  type ItemState,
  type SupportedItemType,
  type TextValidationSpec,
} from './model';
import type { FormsStore } from './store';
import { ItemResponseFake } from './responses';

class ChoiceFake implements Pick<GoogleAppsScript.Forms.Choice, 'getValue'> {
  toString(): string {
    return 'Choice';
  }
  constructor(private readonly value: string) {}
  getValue(): string {
    return this.value;
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
  | 'getId'
  | 'getTitle'
  | 'setTitle'
  | 'getHelpText'
  | 'setHelpText'
  | 'getType'
  | 'getIndex'
  | 'isRequired'
  | 'setRequired'
  | 'setBounds'
  | 'setLabels'
  | 'getLowerBound'
  | 'getUpperBound'
  | 'getLeftLabel'
  | 'getRightLabel'
  | 'createResponse';

export class ScaleItemFake extends QuestionHandle<GoogleAppsScript.Forms.ScaleItem> implements Pick<GoogleAppsScript.Forms.ScaleItem, ScaleMethods> {
  toString(): string {
    return 'ScaleItem';
  }
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
  | 'getId'
  | 'getTitle'
  | 'setTitle'
  | 'getHelpText'
  | 'setHelpText'
  | 'getType'
  | 'getIndex'
  | 'isRequired'
  | 'setRequired'
  | 'createChoice'
  | 'getChoices'
  | 'setChoiceValues'
  | 'setChoices'
  | 'createResponse';

export class ListItemFake extends ChoiceHandle<GoogleAppsScript.Forms.ListItem> implements Pick<GoogleAppsScript.Forms.ListItem, ChoiceMethods> {
  toString(): string {
    return 'ListItem';
  }
  /** Throws unless the value is one of the choices (documented). */
  createResponse(response: string): GoogleAppsScript.Forms.ItemResponse {
    this.charge('createResponse');
    return this.responseFor(this.normalizeForScript(response));
  }
}

export class MultipleChoiceItemFake
  extends OtherOptionHandle<GoogleAppsScript.Forms.MultipleChoiceItem>
  implements Pick<GoogleAppsScript.Forms.MultipleChoiceItem, ChoiceMethods | 'hasOtherOption' | 'showOtherOption'>
{
  toString(): string {
    return 'MultipleChoiceItem';
  }
  /** Throws unless the value is a choice or the item shows "Other" (documented). */
  createResponse(response: string): GoogleAppsScript.Forms.ItemResponse {
    this.charge('createResponse');
    return this.responseFor(this.normalizeForScript(response));
  }
}

export class CheckboxItemFake
  extends OtherOptionHandle<GoogleAppsScript.Forms.CheckboxItem>
  implements Pick<GoogleAppsScript.Forms.CheckboxItem, ChoiceMethods | 'hasOtherOption' | 'showOtherOption'>
{
  toString(): string {
    return 'CheckboxItem';
  }
  createResponse(responses: string[]): GoogleAppsScript.Forms.ItemResponse {
    this.charge('createResponse');
    if (!Array.isArray(responses)) throw gasError(INVALID_RESPONSE_MESSAGE);
    return this.responseFor(this.normalizeForScript(responses));
  }
}

type TextMethods = 'getId' | 'getTitle' | 'setTitle' | 'getHelpText' | 'setHelpText' | 'getType' | 'getIndex' | 'isRequired' | 'setRequired' | 'createResponse';

export class ParagraphTextItemFake
  extends QuestionHandle<GoogleAppsScript.Forms.ParagraphTextItem>
  implements Pick<GoogleAppsScript.Forms.ParagraphTextItem, TextMethods | 'setValidation' | 'clearValidation'>
{
  toString(): string {
    return 'ParagraphTextItem';
  }
  createResponse(response: string): GoogleAppsScript.Forms.ItemResponse {
    this.charge('createResponse');
    return this.responseFor(this.normalizeForScript(response));
  }
  /** https://developers.google.com/apps-script/reference/forms/paragraph-text-item#setValidation(ParagraphTextValidation) */
  setValidation(validation: GoogleAppsScript.Forms.ParagraphTextValidation): GoogleAppsScript.Forms.ParagraphTextItem {
    this.charge('setValidation');
    if (!(validation instanceof ParagraphTextValidationFake)) throw gasError(INVALID_FORM_DATA_MESSAGE);
    this.state.validation = { ...validation.spec };
    return this.self();
  }
  clearValidation(): GoogleAppsScript.Forms.ParagraphTextItem {
    this.charge('clearValidation');
    delete this.state.validation;
    return this.self();
  }
}

/** A built paragraph rule, as setValidation takes it. */
export class ParagraphTextValidationFake {
  toString(): string {
    return 'ParagraphTextValidation';
  }
  constructor(readonly spec: Readonly<TextValidationSpec>) {}
}

type ValidationBuilder = GoogleAppsScript.Forms.ParagraphTextValidationBuilder;

/**
 * FormApp.createParagraphTextValidation(): the length rules a paragraph answer can carry.
 * https://developers.google.com/apps-script/reference/forms/paragraph-text-validation-builder
 * Pattern rules are not emulated (absent, so a script calling one fails loudly).
 */
export class ParagraphTextValidationBuilderFake
  implements Pick<ValidationBuilder, 'requireTextLengthLessThanOrEqualTo' | 'requireTextLengthGreaterThanOrEqualTo' | 'setHelpText' | 'build'>
{
  toString(): string {
    return 'ParagraphTextValidationBuilder';
  }
  private spec: TextValidationSpec = { helpText: null };

  requireTextLengthLessThanOrEqualTo(number: number): ValidationBuilder {
    this.spec = { ...this.spec, maxLength: lengthArgument(number) };
    return this as unknown as ValidationBuilder;
  }
  requireTextLengthGreaterThanOrEqualTo(number: number): ValidationBuilder {
    this.spec = { ...this.spec, minLength: lengthArgument(number) };
    return this as unknown as ValidationBuilder;
  }
  setHelpText(text: string): ValidationBuilder {
    this.spec = { ...this.spec, helpText: String(text) };
    return this as unknown as ValidationBuilder;
  }
  build(): GoogleAppsScript.Forms.ParagraphTextValidation {
    return new ParagraphTextValidationFake({ ...this.spec }) as unknown as GoogleAppsScript.Forms.ParagraphTextValidation;
  }
}

/** The length is an Integer (reference page); anything else is refused with Google's generic message. */
function lengthArgument(value: unknown): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw gasError(INVALID_FORM_DATA_MESSAGE);
  return n;
}

/**
 * What the form page says when an answer breaks its item's rule: the rule's help text, else
 * Google's default for a length rule. The default's wording is the emulator's own (Forms shows
 * its own sentence; it is not documented).
 */
export function validationFailure(item: ItemState, answer: string): string | null {
  const rule = item.validation;
  if (!rule) return null;
  const length = answer.length;
  if (rule.maxLength !== undefined && length > rule.maxLength) return rule.helpText ?? `Must be at most ${rule.maxLength} characters`;
  if (rule.minLength !== undefined && length < rule.minLength) return rule.helpText ?? `Must be at least ${rule.minLength} characters`;
  return null;
}

export class TextItemFake extends QuestionHandle<GoogleAppsScript.Forms.TextItem> implements Pick<GoogleAppsScript.Forms.TextItem, TextMethods> {
  toString(): string {
    return 'TextItem';
  }
  createResponse(response: string): GoogleAppsScript.Forms.ItemResponse {
    this.charge('createResponse');
    return this.responseFor(this.normalizeForScript(response));
  }
}

type LayoutMethods = 'getId' | 'getTitle' | 'setTitle' | 'getHelpText' | 'setHelpText' | 'getType' | 'getIndex';

export class SectionHeaderItemFake
  extends ItemHandle<GoogleAppsScript.Forms.SectionHeaderItem>
  implements Pick<GoogleAppsScript.Forms.SectionHeaderItem, LayoutMethods>
{
  toString(): string {
    return 'SectionHeaderItem';
  }
}

export class PageBreakItemFake extends ItemHandle<GoogleAppsScript.Forms.PageBreakItem> implements Pick<GoogleAppsScript.Forms.PageBreakItem, LayoutMethods> {
  toString(): string {
    return 'PageBreakItem';
  }
}

type ItemMethods =
  | LayoutMethods
  | 'asScaleItem'
  | 'asListItem'
  | 'asMultipleChoiceItem'
  | 'asCheckboxItem'
  | 'asParagraphTextItem'
  | 'asTextItem'
  | 'asSectionHeaderItem'
  | 'asPageBreakItem';

/** The generic Item that getItems() returns; as…Item() gives the typed view. */
export class ItemFake extends ItemHandle<GoogleAppsScript.Forms.Item> implements Pick<GoogleAppsScript.Forms.Item, ItemMethods> {
  toString(): string {
    return 'Item';
  }
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
