/**
 * Data validation rules: the builder scripts use, the rule object, and the check Sheets applies
 * when a value is entered into a cell that carries a rule.
 * https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
 */
import { gasError } from '../core';
import { enumName, enumValue, makeEnum } from '../gas-enum';
import { isDate, type CellValue } from './values';

const CRITERIA = [
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
] as const;
type Criteria = (typeof CRITERIA)[number];

export const DataValidationCriteria = makeEnum<typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria>(CRITERIA);

/** What a VALUE_IN_RANGE rule needs from the range it names: its current values, uncharged. */
export interface ValueSource {
  peekValues(): unknown[][];
}

interface RuleSpec {
  criteria: Criteria | null;
  args: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

type EnumCriteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

export class DataValidationFake
  implements Pick<GoogleAppsScript.Spreadsheet.DataValidation, 'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'>
{
  toString(): string {
    return 'DataValidation';
  }
  constructor(readonly spec: Readonly<RuleSpec> & { criteria: Criteria }) {}

  copy(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return new DataValidationBuilderFake({ ...this.spec, args: [...this.spec.args] }) as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  }
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }
  getCriteriaType(): EnumCriteria {
    return enumValue<EnumCriteria>(DataValidationCriteria, this.spec.criteria);
  }
  getCriteriaValues(): unknown[] {
    return [...this.spec.args];
  }
  /** Google returns null when no help text is set (reference page), though the typings say string. */
  getHelpText(): string {
    return this.spec.helpText as string;
  }

  /** Whether `value` satisfies the rule. Empty cells always do; custom formulas are not evaluated. */
  accepts(value: CellValue): boolean {
    if (value === '') return true;
    const a = this.spec.args;
    const num = (i: number) => Number(a[i]);
    const time = (i: number) => (isDate(a[i]) ? (a[i] as Date).getTime() : NaN);
    const n = typeof value === 'number' ? value : NaN;
    const t = isDate(value) ? value.getTime() : NaN;
    const text = String(value);
    switch (this.spec.criteria) {
      case 'VALUE_IN_LIST':
        return (a[0] as unknown[]).map(String).includes(text);
      case 'VALUE_IN_RANGE':
        return (a[0] as ValueSource).peekValues().some((row) => row.some((v) => v !== '' && String(v) === text));
      case 'CHECKBOX':
        return a.length === 0 ? typeof value === 'boolean' : a.some((v) => String(v) === text);
      case 'NUMBER_BETWEEN':
        return n >= num(0) && n <= num(1);
      case 'NUMBER_NOT_BETWEEN':
        return n < num(0) || n > num(1);
      case 'NUMBER_EQUAL_TO':
        return n === num(0);
      case 'NUMBER_NOT_EQUAL_TO':
        return !Number.isNaN(n) && n !== num(0);
      case 'NUMBER_GREATER_THAN':
        return n > num(0);
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        return n >= num(0);
      case 'NUMBER_LESS_THAN':
        return n < num(0);
      case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
        return n <= num(0);
      case 'DATE_IS_VALID_DATE':
        return !Number.isNaN(t);
      case 'DATE_AFTER':
        return t > time(0);
      case 'DATE_BEFORE':
        return t < time(0);
      case 'DATE_ON_OR_AFTER':
        return t >= time(0);
      case 'DATE_ON_OR_BEFORE':
        return t <= time(0);
      case 'DATE_EQUAL_TO':
        return t === time(0);
      case 'DATE_BETWEEN':
        return t >= time(0) && t <= time(1);
      case 'DATE_NOT_BETWEEN':
        return t < time(0) || t > time(1);
      case 'TEXT_CONTAINS':
        return text.includes(String(a[0]));
      case 'TEXT_DOES_NOT_CONTAIN':
        return !text.includes(String(a[0]));
      case 'TEXT_EQUAL_TO':
        return text === String(a[0]);
      case 'TEXT_IS_VALID_EMAIL':
        return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
      case 'TEXT_IS_VALID_URL':
        return /^https?:\/\/[^\s]+\.[^\s]+$/.test(text);
      case 'CUSTOM_FORMULA':
        return true;
    }
  }

  /**
   * Google's rejection, as Apps Script reports it for a write into a cell whose rule rejects
   * invalid data (seen verbatim in Executions logs, e.g. "The data you entered in cell M2 violates
   * the data validation rules set on this cell. Please enter one of the following values: Publish,
   * Add to T0xx, Reject."). The list suffix is known for VALUE_IN_LIST rules only.
   */
  rejection(cellA1: string): Error {
    const base = `The data you entered in cell ${cellA1} violates the data validation rules set on this cell.`;
    if (this.spec.criteria !== 'VALUE_IN_LIST') return gasError(base);
    return gasError(`${base} Please enter one of the following values: ${(this.spec.args[0] as unknown[]).join(', ')}.`);
  }
}

type BuilderMethods =
  | 'build'
  | 'copy'
  | 'getAllowInvalid'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getHelpText'
  | 'requireCheckbox'
  | 'requireDate'
  | 'requireDateAfter'
  | 'requireDateBefore'
  | 'requireDateBetween'
  | 'requireDateEqualTo'
  | 'requireDateNotBetween'
  | 'requireDateOnOrAfter'
  | 'requireDateOnOrBefore'
  | 'requireFormulaSatisfied'
  | 'requireNumberBetween'
  | 'requireNumberEqualTo'
  | 'requireNumberGreaterThan'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireNumberLessThan'
  | 'requireNumberLessThanOrEqualTo'
  | 'requireNumberNotBetween'
  | 'requireNumberNotEqualTo'
  | 'requireTextContains'
  | 'requireTextDoesNotContain'
  | 'requireTextEqualTo'
  | 'requireTextIsEmail'
  | 'requireTextIsUrl'
  | 'requireValueInList'
  | 'requireValueInRange'
  | 'setAllowInvalid'
  | 'setHelpText'
  | 'withCriteria';

type Builder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

export class DataValidationBuilderFake implements Pick<Builder, BuilderMethods> {
  toString(): string {
    return 'DataValidationBuilder';
  }
  private spec: RuleSpec;

  /** A new builder allows invalid data (shows a warning) until setAllowInvalid(false). */
  constructor(spec: RuleSpec = { criteria: null, args: [], allowInvalid: true, helpText: null }) {
    this.spec = spec;
  }

  private set(criteria: Criteria, args: unknown[]): Builder {
    this.spec = { ...this.spec, criteria, args };
    return this as unknown as Builder;
  }

  build(): GoogleAppsScript.Spreadsheet.DataValidation {
    const criteria = this.spec.criteria;
    if (!criteria) throw gasError('You must specify a criteria type before building a data validation rule.');
    return new DataValidationFake({ ...this.spec, criteria, args: [...this.spec.args] }) as unknown as GoogleAppsScript.Spreadsheet.DataValidation;
  }
  copy(): Builder {
    return new DataValidationBuilderFake({ ...this.spec, args: [...this.spec.args] }) as unknown as Builder;
  }
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }
  getCriteriaType(): EnumCriteria {
    return (this.spec.criteria ? enumValue<EnumCriteria>(DataValidationCriteria, this.spec.criteria) : null) as EnumCriteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.spec.args];
  }
  getHelpText(): string | null {
    return this.spec.helpText;
  }
  requireCheckbox(...values: unknown[]): Builder {
    return this.set('CHECKBOX', values);
  }
  requireDate(): Builder {
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: Date): Builder {
    return this.set('DATE_AFTER', [date]);
  }
  requireDateBefore(date: Date): Builder {
    return this.set('DATE_BEFORE', [date]);
  }
  requireDateBetween(start: Date, end: Date): Builder {
    return this.set('DATE_BETWEEN', [start, end]);
  }
  requireDateEqualTo(date: Date): Builder {
    return this.set('DATE_EQUAL_TO', [date]);
  }
  requireDateNotBetween(start: Date, end: Date): Builder {
    return this.set('DATE_NOT_BETWEEN', [start, end]);
  }
  requireDateOnOrAfter(date: Date): Builder {
    return this.set('DATE_ON_OR_AFTER', [date]);
  }
  requireDateOnOrBefore(date: Date): Builder {
    return this.set('DATE_ON_OR_BEFORE', [date]);
  }
  requireFormulaSatisfied(formula: string): Builder {
    return this.set('CUSTOM_FORMULA', [formula]);
  }
  requireNumberBetween(start: number, end: number): Builder {
    return this.set('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberEqualTo(n: number): Builder {
    return this.set('NUMBER_EQUAL_TO', [n]);
  }
  requireNumberGreaterThan(n: number): Builder {
    return this.set('NUMBER_GREATER_THAN', [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): Builder {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThan(n: number): Builder {
    return this.set('NUMBER_LESS_THAN', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number): Builder {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberNotBetween(start: number, end: number): Builder {
    return this.set('NUMBER_NOT_BETWEEN', [start, end]);
  }
  requireNumberNotEqualTo(n: number): Builder {
    return this.set('NUMBER_NOT_EQUAL_TO', [n]);
  }
  requireTextContains(text: string): Builder {
    return this.set('TEXT_CONTAINS', [text]);
  }
  requireTextDoesNotContain(text: string): Builder {
    return this.set('TEXT_DOES_NOT_CONTAIN', [text]);
  }
  requireTextEqualTo(text: string): Builder {
    return this.set('TEXT_EQUAL_TO', [text]);
  }
  requireTextIsEmail(): Builder {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): Builder {
    return this.set('TEXT_IS_VALID_URL', []);
  }
  /**
   * Criteria values are [values, showDropdown]; the dropdown shows unless told otherwise. Google
   * keeps the values as strings: [9, false, 'z'] reads back ['9', 'false', 'z'] (gas-fakes
   * test/testsheetsdatavalidations.js:411–417, run on live Apps Script).
   */
  requireValueInList(values: string[], showDropdown = true): Builder {
    if (!Array.isArray(values)) throw gasError('Invalid argument: values');
    return this.set('VALUE_IN_LIST', [values.map((v) => String(v)), showDropdown]);
  }
  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown = true): Builder {
    return this.set('VALUE_IN_RANGE', [range, showDropdown]);
  }
  setAllowInvalid(allowInvalidData: boolean): Builder {
    this.spec = { ...this.spec, allowInvalid: allowInvalidData };
    return this as unknown as Builder;
  }
  setHelpText(helpText: string): Builder {
    this.spec = { ...this.spec, helpText };
    return this as unknown as Builder;
  }
  withCriteria(criteria: EnumCriteria, args: unknown[]): Builder {
    const name = enumName(criteria) as Criteria | null;
    if (!name || !CRITERIA.includes(name)) throw gasError('Invalid argument: criteria');
    return this.set(name, Array.isArray(args) ? [...args] : []);
  }
}
