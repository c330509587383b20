/**
 * What a spreadsheet does in the account's world (environment.ts): its own locale and time zone,
 * what a typed value becomes in them, formulas from '+' and '-', domain edit of protections, and
 * the answers a form's paragraph item takes.
 */
import { environment, type Environment, type EnvironmentName } from '../environment';
import { SpreadsheetService } from '../spreadsheet';
import type { Workspace } from '../workspace';
import { newCore, newWorkspace } from './support';

type Range = GoogleAppsScript.Spreadsheet.Range;

function sheetIn(env: Environment) {
  const core = newCore({ environment: env });
  const svc = new SpreadsheetService(core);
  const ss = svc.create('Book');
  svc.setActive(ss.getId());
  const book = svc.app.getActive();
  return { core, svc, ss, book, sheet: book.getSheets()[0] };
}

/** What a person typing `text` into A1 leaves there. */
function typed(svc: SpreadsheetService, ssId: string, text: unknown, user?: string): { value: unknown; formula: string } {
  svc.userEdit(ssId, 'Sheet1', 'A1', [[text]], user);
  const range = svc.byId(ssId).getRange('A1') as unknown as Range;
  return { value: range.getValue(), formula: range.getFormula() };
}

const iso = (value: unknown): string => (value as Date).toISOString();

describe('a new spreadsheet takes the locale and time zone of the account, not of the script', () => {
  test.each<[EnvironmentName, string, string]>([
    ['consumer', 'en_US', 'America/New_York'],
    ['workspace', 'en_US', 'America/New_York'],
    ['workspace-strict', 'ka_GE', 'America/New_York'],
  ])('%s: %s, %s', (name, locale, timeZone) => {
    const { book, core } = sheetIn(environment(name));
    expect(core.timeZone).toBe('Asia/Dubai');
    expect(book.getSpreadsheetLocale()).toBe(locale);
    expect(book.getSpreadsheetTimeZone()).toBe(timeZone);
  });

  test('both can be set; an unknown locale fails loudly', () => {
    const { book } = sheetIn(environment('consumer'));
    book.setSpreadsheetLocale('ka_GE');
    book.setSpreadsheetTimeZone('Asia/Tbilisi');
    expect(book.getSpreadsheetLocale()).toBe('ka_GE');
    expect(book.getSpreadsheetTimeZone()).toBe('Asia/Tbilisi');
    expect(() => book.setSpreadsheetLocale('xx_YY')).toThrow('does not know the spreadsheet locale "xx_YY"');
    expect(book.getSpreadsheetLocale()).toBe('ka_GE');
  });
});

describe('typed dates are read in the spreadsheet locale', () => {
  test('en_US: month first; 05.01.2026 stays text and 05/01/2026 is 1 May', () => {
    const { svc, ss } = sheetIn(environment('consumer'));
    expect(iso(typed(svc, ss.getId(), '1/5/2026').value)).toBe('2026-01-05T05:00:00.000Z');
    expect(iso(typed(svc, ss.getId(), '05/01/2026').value)).toBe('2026-05-01T04:00:00.000Z');
    expect(typed(svc, ss.getId(), '05.01.2026').value).toBe('05.01.2026');
    expect(iso(typed(svc, ss.getId(), '2026-01-05').value)).toBe('2026-01-05T05:00:00.000Z');
  });

  test('en_US: a strict date rule refuses 05.01.2026, which is text there', () => {
    const { svc, ss, sheet } = sheetIn(environment('consumer'));
    sheet.getRange('A1').setDataValidation(svc.app.newDataValidation().requireDate().setAllowInvalid(false).build());
    expect(() => svc.userEdit(ss.getId(), 'Sheet1', 'A1', [['05.01.2026']])).toThrow('violates the data validation rules');
    svc.userEdit(ss.getId(), 'Sheet1', 'A1', [['1/5/2026']]);
    expect(iso(sheet.getRange('A1').getValue())).toBe('2026-01-05T05:00:00.000Z');
  });

  test.each(['ka_GE', 'en_GB', 'de_DE', 'ru_RU'])('%s: day first, dd.mm.yyyy and dd.mm.yyyy hh:mm', (locale) => {
    const { svc, ss, book } = sheetIn(environment('consumer', { locale, timeZone: 'Asia/Tbilisi' }));
    expect(book.getSpreadsheetLocale()).toBe(locale);
    expect(iso(typed(svc, ss.getId(), '05.01.2026').value)).toBe('2026-01-04T20:00:00.000Z');
    expect(iso(typed(svc, ss.getId(), '05/01/2026').value)).toBe('2026-01-04T20:00:00.000Z');
    expect(iso(typed(svc, ss.getId(), '05.01.2026 14:30').value)).toBe('2026-01-05T10:30:00.000Z');
    expect(iso(typed(svc, ss.getId(), '5.1.2026 9:05:30').value)).toBe('2026-01-05T05:05:30.000Z');
    expect(typed(svc, ss.getId(), '31.02.2026').value).toBe('31.02.2026');
  });

  test('a typed date is midnight in the spreadsheet zone, whatever the script zone', () => {
    const tbilisi = sheetIn(environment('consumer', { locale: 'ka_GE', timeZone: 'Asia/Tbilisi' }));
    const newYork = sheetIn(environment('consumer', { locale: 'ka_GE', timeZone: 'America/New_York' }));
    expect(iso(typed(tbilisi.svc, tbilisi.ss.getId(), '05.01.2026').value)).toBe('2026-01-04T20:00:00.000Z');
    expect(iso(typed(newYork.svc, newYork.ss.getId(), '05.01.2026').value)).toBe('2026-01-05T05:00:00.000Z');
  });

  test('a new zone keeps what a date cell shows and moves the instant it holds', () => {
    const { svc, ss, book, sheet } = sheetIn(environment('consumer'));
    typed(svc, ss.getId(), '1/5/2026 9:30');
    expect(iso(sheet.getRange('A1').getValue())).toBe('2026-01-05T14:30:00.000Z');
    book.setSpreadsheetTimeZone('Asia/Tbilisi');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('1/5/2026 9:30:00');
    expect(iso(sheet.getRange('A1').getValue())).toBe('2026-01-05T05:30:00.000Z');
    // What a script writes as a Date is an instant, shown in the zone.
    sheet.getRange('A2').setValue(new Date('2026-01-05T05:30:00Z'));
    expect(sheet.getRange('A2').getDisplayValue()).toBe('1/5/2026 9:30:00');
  });

  test('a new locale reads what is typed from then on; what was entered stays', () => {
    const { svc, ss, book, sheet } = sheetIn(environment('consumer', { timeZone: 'Asia/Tbilisi' }));
    typed(svc, ss.getId(), '05.01.2026');
    book.setSpreadsheetLocale('ka_GE');
    expect(sheet.getRange('A1').getValue()).toBe('05.01.2026');
    svc.userEdit(ss.getId(), 'Sheet1', 'A2', [['05.01.2026']]);
    expect(iso(sheet.getRange('A2').getValue())).toBe('2026-01-04T20:00:00.000Z');
  });
});

describe('number formats and the locale decide what a cell shows', () => {
  test('dd.mm.yyyy and dd.mm.yyyy hh:mm; without a format, the locale default', () => {
    const { svc, ss, book, sheet } = sheetIn(environment('workspace-strict', { timeZone: 'Asia/Tbilisi' }));
    typed(svc, ss.getId(), '05.01.2026 14:30');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('05.01.2026 14:30:00');
    sheet.getRange('A1').setNumberFormat('dd.mm.yyyy');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('05.01.2026');
    sheet.getRange('A1').setNumberFormat('dd.mm.yyyy hh:mm');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('05.01.2026 14:30');
    book.setSpreadsheetLocale('en_US');
    sheet.getRange('A1').setNumberFormat('0.###############');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('1/5/2026 14:30:00');
  });

  test('a decimal-comma locale reads 3,5 as a number and shows it so; en_US keeps 3,5 as text', () => {
    const strict = sheetIn(environment('workspace-strict'));
    expect(typed(strict.svc, strict.ss.getId(), '3,5').value).toBe(3.5);
    expect(strict.sheet.getRange('A1').getDisplayValue()).toBe('3,5');
    expect(typed(strict.svc, strict.ss.getId(), '1.5').value).toBe('1.5');
    const us = sheetIn(environment('consumer'));
    expect(typed(us.svc, us.ss.getId(), '3,5').value).toBe('3,5');
    expect(typed(us.svc, us.ss.getId(), '3.5').value).toBe(3.5);
  });
});

describe("typed text starting with '+', '-' or '=' is a formula", () => {
  test.each<[string, string]>([
    ['+995 599 12 34 56', '=+995 599 12 34 56'],
    ['- slow queue', '=- slow queue'],
    ['-ცუდი', '=-ცუდი'],
    ['=IMPORTXML("http://example.com","//a")', '=IMPORTXML("http://example.com","//a")'],
  ])('%s becomes the formula %s, an error value', (text, formula) => {
    const { svc, ss } = sheetIn(environment('consumer'));
    expect(typed(svc, ss.getId(), text)).toEqual({ value: '#ERROR!', formula });
  });

  test('numbers with a sign stay numbers; a lone sign stays text', () => {
    const { svc, ss } = sheetIn(environment('consumer'));
    expect(typed(svc, ss.getId(), '+5')).toEqual({ value: 5, formula: '' });
    expect(typed(svc, ss.getId(), '-5')).toEqual({ value: -5, formula: '' });
    expect(typed(svc, ss.getId(), '-')).toEqual({ value: '-', formula: '' });
  });

  test('a plain-text cell or a leading apostrophe keeps the text as typed', () => {
    const { svc, ss, sheet } = sheetIn(environment('consumer'));
    sheet.getRange('A1').setNumberFormat('@');
    for (const text of ['+995 599 12 34 56', '- slow queue', '=IMPORTXML("http://example.com","//a")', '05/01/2026']) {
      expect(typed(svc, ss.getId(), text)).toEqual({ value: text, formula: '' });
    }
    sheet.getRange('A1').setNumberFormat('0');
    expect(typed(svc, ss.getId(), "'+995 599 12 34 56")).toEqual({ value: '+995 599 12 34 56', formula: '' });
  });

  test('a script writing the text (setValue parses as typed) gets the formula too', () => {
    const { sheet } = sheetIn(environment('consumer'));
    sheet.getRange('B2').setValue('+995 599 12 34 56');
    expect(sheet.getRange('B2').getFormula()).toBe('=+995 599 12 34 56');
  });
});

describe('protections and the Workspace domain', () => {
  function protectedBook(name: EnvironmentName) {
    const { core, svc, ss, sheet } = sheetIn(environment(name));
    const protection = sheet.getRange('A1:A10').protect();
    protection.removeEditors(protection.getEditors());
    return { core, svc, ss, protection };
  }

  test('consumer: no domain; canDomainEdit is false and setDomainEdit is refused', () => {
    const { svc, ss, protection } = protectedBook('consumer');
    expect(protection.canDomainEdit()).toBe(false);
    expect(() => protection.setDomainEdit(false)).toThrow('Domain protection is only supported on documents within a domain.');
    expect(() => svc.userEdit(ss.getId(), 'Sheet1', 'A1', [['x']], 'clerk@example.ge')).toThrow('protected cell');
  });

  test('Workspace: domain users may edit a protection until setDomainEdit(false); others never', () => {
    const { svc, ss, protection } = protectedBook('workspace');
    expect(protection.canDomainEdit()).toBe(true);
    svc.userEdit(ss.getId(), 'Sheet1', 'A1', [['domain clerk']], 'clerk@example.ge');
    expect(() => svc.userEdit(ss.getId(), 'Sheet1', 'A2', [['outsider']], 'someone@gmail.com')).toThrow('protected cell');
    protection.setDomainEdit(false);
    expect(protection.canDomainEdit()).toBe(false);
    expect(() => svc.userEdit(ss.getId(), 'Sheet1', 'A1', [['again']], 'clerk@example.ge')).toThrow('protected cell');
  });
});

describe('a paragraph item can limit the length of its answer', () => {
  function formWith(ws: Workspace) {
    const ss = ws.spreadsheets.create('Responses');
    const form = ws.forms.app.create('Feedback');
    form.setPublished(true);
    const item = form.addParagraphTextItem().setTitle('improve');
    form.setDestination(ws.forms.app.DestinationType.SPREADSHEET, ss.getId());
    return { form, item, ss };
  }

  test('the form page refuses a longer answer with the rule help text, or a default, and records nothing', () => {
    const ws = newWorkspace();
    const { form, item } = formWith(ws);
    item.setValidation(ws.forms.app.createParagraphTextValidation().requireTextLengthLessThanOrEqualTo(10).setHelpText('Ten at most.').build());
    expect(() => ws.forms.respond(form.getId(), { improve: 'x'.repeat(11) })).toThrow('"improve": Ten at most.');
    ws.forms.respond(form.getId(), { improve: 'x'.repeat(10) });
    expect(ws.forms.snapshot(form.getId()).responseCount).toBe(1);
    expect(ws.forms.snapshot(form.getId()).items[0].validation).toEqual({ maxLength: 10, helpText: 'Ten at most.' });
    item.setValidation(ws.forms.app.createParagraphTextValidation().requireTextLengthLessThanOrEqualTo(3).build());
    expect(() => ws.forms.respond(form.getId(), { improve: 'four' })).toThrow('"improve": Must be at most 3 characters');
    item.clearValidation();
    ws.forms.respond(form.getId(), { improve: 'four' });
    expect(ws.forms.snapshot(form.getId()).responseCount).toBe(2);
  });

  test("Google writes answers as text: '+…', '-…' and '=…' stay text in the response tab", () => {
    const ws = newWorkspace({ environment: environment('workspace-strict') });
    const { form, ss } = formWith(ws);
    const answers = ['+995 599 12 34 56', '- slow queue', '=1+1'];
    for (const improve of answers) ws.forms.respond(form.getId(), { improve }, { respondent: ws.core.user });
    const tab = ws.spreadsheets.snapshot(ss.getId()).tabs.find((t) => t.name === 'Form Responses 1');
    expect(tab?.values.slice(1).map((row) => row[1])).toEqual(answers);
    expect(tab?.formulas.flat().filter((f) => f !== '')).toEqual([]);
  });

  test('a length that is not a whole number is refused', () => {
    const ws = newWorkspace();
    expect(() => ws.forms.app.createParagraphTextValidation().requireTextLengthLessThanOrEqualTo(2.5)).toThrow('Invalid data updating form.');
  });

  test('an answer longer than a cell: the form keeps the response, the response tab never gets its row', () => {
    const ws = newWorkspace();
    const { form, ss } = formWith(ws);
    ws.forms.respond(form.getId(), { improve: 'short' });
    ws.forms.respond(form.getId(), { improve: 'x'.repeat(60_000) });
    expect(form.getResponses()).toHaveLength(2);
    const tab = ws.spreadsheets.snapshot(ss.getId()).tabs.find((t) => t.name === 'Form Responses 1');
    expect(tab?.values.slice(1).map((row) => row[1])).toEqual(['short']);
    expect(ws.core.logs.at(-1)).toMatch(/was not written to its response tab: "improve" holds 60000 characters/);
  });
});
