import { AUTH_MODE } from '../gas-enum';
import type { Core, TriggerRecord } from '../core';
import { SpreadsheetService } from '../spreadsheet';
import { newCore, OWNER, TIME_ZONE } from './support';

type Range = GoogleAppsScript.Spreadsheet.Range;

function setup() {
  const core = newCore({ now: '2026-01-05T09:00:00+04:00' });
  const svc = new SpreadsheetService(core);
  const ss = svc.create('Feedback');
  svc.setActive(ss.getId());
  const app = svc.app;
  const sheet = app.getActive().getSheets()[0];
  return { core, svc, ss, app, sheet };
}

/** Runs `fn` as the bundle's function `name`, with every call recorded. */
function withHandlers(core: Core, handlers: Record<string, (e: unknown) => unknown>) {
  const calls: Array<{ name: string; event: Record<string, unknown>; kind: string; authMode: string; user: string }> = [];
  core.hasHandler = (name) => name in handlers;
  core.invoker = (name, event) => {
    const exec = core.current()!;
    calls.push({ name, event: event as Record<string, unknown>, kind: exec.kind, authMode: exec.authMode, user: exec.user });
    return handlers[name](event);
  };
  return calls;
}

function trigger(id: string, handler: string, eventType: TriggerRecord['eventType'], sourceId: string): TriggerRecord {
  return { id, handler, eventType, sourceId, sourceKind: 'SPREADSHEETS', createdBy: OWNER };
}

describe('values', () => {
  test('getValues is always numRows x numColumns, with empty cells as empty strings', () => {
    const { sheet } = setup();
    sheet.getRange('B2').setValue(7);
    expect(sheet.getRange(1, 1, 3, 2).getValues()).toEqual([
      ['', ''],
      ['', 7],
      ['', ''],
    ]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:B2');
  });

  test('strings are parsed as typed: numbers, booleans, dates; plain-text format keeps them', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 1, 5).setValues([['5', 'TRUE', '1,234.5', '12%', 'Zürich']]);
    expect(sheet.getRange(1, 1, 1, 5).getValues()).toEqual([[5, true, 1234.5, 0.12, 'Zürich']]);
    sheet.getRange('A2').setNumberFormat('@').setValue('007');
    expect(sheet.getRange('A2').getValue()).toBe('007');
    const date = sheet.getRange('A3').setValue('2026-01-05').getValue() as Date;
    expect(date.toISOString()).toBe('2026-01-04T20:00:00.000Z'); // local midnight (UTC+4)
    expect(sheet.getRange('A3').getDisplayValue()).toBe('1/5/2026');
  });

  test('an exponent needs digits before it: "E-1" and "e5" stay text, "1e3" and ".5" are numbers', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 1, 5).setValues([['E-1', 'e5', '1e3', '.5', '-2.5E-1']]);
    expect(sheet.getRange(1, 1, 1, 5).getValues()).toEqual([['E-1', 'e5', 1000, 0.5, -0.25]]);
  });

  test('a month/day without a year becomes a date of the current year, not the text typed', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 1, 3).setValues([['1/2', '3/4', '13/2']]);
    const [first, second, notADate] = sheet.getRange(1, 1, 1, 3).getValues()[0];
    expect((first as Date).toISOString()).toBe('2026-01-01T20:00:00.000Z'); // 2 January 2026, local midnight (UTC+4)
    expect((second as Date).toISOString()).toBe('2026-03-03T20:00:00.000Z');
    expect(notADate).toBe('13/2');
    sheet.getRange('B2').setValue("'1/2");
    expect(sheet.getRange('B2').getValue()).toBe('1/2');
  });

  test("a string starting with '=' is a formula; an apostrophe keeps the text literal", () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('=1+2*3');
    sheet.getRange('A2').setValue('=COUNTA(B:B)');
    sheet.getRange('A3').setValue("'=x");
    sheet.getRange('A4').setValue("'5");
    expect(sheet.getRange('A1:A4').getFormulas()).toEqual([['=1+2*3'], ['=COUNTA(B:B)'], [''], ['']]);
    expect(sheet.getRange('A1:A4').getValues()).toEqual([[7], ['#ERROR!'], ['=x'], ['5']]);
  });

  test("setValues enters each string as typed too: '=…' is a formula, an apostrophe-prefixed text is not", () => {
    const { sheet } = setup();
    const texts = ['=1+1', "'=1+1", "'+SUM(A1)", "'-2+3", "'@x", "'\t=1", "'\r=1", "''quoted"];
    sheet.getRange(1, 1, texts.length, 1).setValues(texts.map((t) => [t]));
    expect(
      sheet
        .getRange(1, 1, texts.length, 1)
        .getFormulas()
        .map(([f]) => f),
    ).toEqual(['=1+1', '', '', '', '', '', '', '']);
    expect(
      sheet
        .getRange(1, 1, texts.length, 1)
        .getValues()
        .map(([v]) => v),
    ).toEqual([2, '=1+1', '+SUM(A1)', '-2+3', '@x', '\t=1', '\r=1', "'quoted"]);
  });

  test("setValues with the wrong shape throws Google's messages", () => {
    const { sheet } = setup();
    const range = sheet.getRange(1, 1, 2, 2);
    expect(() =>
      range.setValues([
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
    ).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 3 but the range has 2.');
    expect(() =>
      range.setValues([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toThrow('The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.');
    expect(() => range.setValues([1, 2] as unknown as unknown[][])).toThrow(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });

  test('a Date round-trips and displays in the spreadsheet time zone', () => {
    const { sheet, core } = setup();
    const when = new Date('2026-01-05T05:30:15Z');
    sheet.getRange('A1').setValue(when);
    const back = sheet.getRange('A1').getValue() as Date;
    expect(Object.prototype.toString.call(back)).toBe('[object Date]');
    expect(back.getTime()).toBe(when.getTime());
    expect(back).not.toBe(when);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('1/5/2026 9:30:15');
    // Dates are made by the core's factory, so script code gets its own realm's Date.
    class ScriptDate extends Date {}
    core.makeDate = (ms) => new ScriptDate(ms);
    expect(sheet.getRange('A1').getValue()).toBeInstanceOf(ScriptDate);
  });

  test('a cell holds at most 50,000 characters', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('x'.repeat(50_000));
    expect(() => sheet.getRange('A2').setValue('x'.repeat(50_001))).toThrow('Your input contains more than the maximum of 50000 characters in a single cell.');
  });

  test('ranges outside the sheet or with bad coordinates throw as in Google', () => {
    const { sheet } = setup();
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange('A1:?')).toThrow('Range not found');
  });

  test('appendRow writes below the last row and grows a full sheet', () => {
    const { ss, sheet } = setup();
    const small = ss.insertSheet('Small');
    small.deleteRows(3, 998);
    small.appendRow(['a', '1']);
    small.appendRow(['b', '2']);
    small.appendRow(['c', '3']);
    expect(small.getMaxRows()).toBe(3);
    small.appendRow(['d', '4']);
    expect(small.getMaxRows()).toBe(4);
    expect(small.getDataRange().getValues()).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 4],
    ]);
    expect(sheet.getLastRow()).toBe(0);
  });

  test('a spreadsheet holds at most 10 million cells', () => {
    const { sheet } = setup();
    expect(() => sheet.insertRowsAfter(1000, 400_000)).toThrow(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
  });
});

describe('spreadsheet and tabs', () => {
  test('the spreadsheet is a Drive file with a Sheets URL', () => {
    const { core, ss } = setup();
    const entry = core.drive.get(ss.getId())!;
    expect(entry).toMatchObject({ name: 'Feedback', kind: 'spreadsheet', mimeType: 'application/vnd.google-apps.spreadsheet' });
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    expect(ss.getSpreadsheetTimeZone()).toBe(TIME_ZONE);
  });

  test('insertSheet refuses a taken name, in any case', () => {
    const { ss } = setup();
    ss.insertSheet('Cases');
    expect(() => ss.insertSheet('Cases')).toThrow('A sheet with the name "Cases" already exists. Please enter another name.');
    expect(() => ss.insertSheet('cases')).toThrow('A sheet with the name "cases" already exists. Please enter another name.');
    const first = ss.insertSheet('First', 0);
    expect(first.getIndex()).toBe(1);
    expect(ss.getActiveSheet().getName()).toBe('First');
  });

  test("the last tab can't be deleted", () => {
    const { svc } = setup();
    const lone = svc.create('Lone');
    expect(() => lone.deleteSheet(lone.getSheets()[0])).toThrow("You can't remove all the sheets in a document.");
  });

  test('openById of an unknown id fails like Google; openById needs authorization', () => {
    const { app, core, ss } = setup();
    expect(() => app.openById('nope')).toThrow('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    core.runExecution('onEdit', 'simple', () => {
      expect(() => app.openById(ss.getId())).toThrow('You do not have permission to call SpreadsheetApp.openById.');
    });
  });

  test('snapshot gives what getDataRange().getValues() and getFormulas() give', () => {
    const { svc, ss, sheet } = setup();
    sheet.getRange('A1:B2').setValues([
      ['Score', '=1+1'],
      [4, ''],
    ]);
    expect(svc.snapshot(ss.getId())).toEqual({
      name: 'Feedback',
      tabs: [
        {
          name: 'Sheet1',
          values: [
            ['Score', 2],
            [4, ''],
          ],
          formulas: [
            ['', '=1+1'],
            ['', ''],
          ],
          hidden: false,
          hiddenColumns: [],
        },
      ],
    });
  });

  test('reads, writes and metadata calls are charged', () => {
    const { core, sheet } = setup();
    core.resetCalls();
    const range = sheet.getRange('A1:B2');
    range.setValues([
      [1, 2],
      [3, 4],
    ]);
    range.getValues();
    expect(core.callSummary().byMethod).toMatchObject({
      'SpreadsheetApp.getRange': 1,
      'SpreadsheetApp.setValues': 1,
      'SpreadsheetApp.getValues': 1,
    });
  });
});

describe('data validation', () => {
  function strictList(app: SetupApp) {
    return app.newDataValidation().requireValueInList(['open', 'closed'], true).setAllowInvalid(false).build();
  }
  type SetupApp = ReturnType<typeof setup>['app'];

  test('the builder records criteria, values, allowInvalid and help text', () => {
    const { app } = setup();
    const rule = app.newDataValidation().requireNumberBetween(1, 5).setHelpText('1–5').build();
    expect(String(rule.getCriteriaType())).toBe('NUMBER_BETWEEN');
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.NUMBER_BETWEEN);
    expect(rule.getCriteriaValues()).toEqual([1, 5]);
    expect(rule.getAllowInvalid()).toBe(true);
    expect(rule.getHelpText()).toBe('1–5');
    expect(rule.copy().setAllowInvalid(false).build().getAllowInvalid()).toBe(false);
  });

  test("a rejecting rule refuses a person's invalid entry; a warning rule keeps it", () => {
    const { svc, ss, sheet, app } = setup();
    sheet.getRange('B2').setDataValidation(strictList(app));
    sheet.getRange('C2').setDataValidation(app.newDataValidation().requireValueInList(['a', 'b']).build());
    expect(() => svc.userEdit(ss.getId(), 'Sheet1', 'B2', [['maybe']])).toThrow(
      'The data you entered in cell B2 violates the data validation rules set on this cell. Please enter one of the following values: open, closed.',
    );
    expect(sheet.getRange('B2').getValue()).toBe('');
    svc.userEdit(ss.getId(), 'Sheet1', 'B2', [['open']]);
    svc.userEdit(ss.getId(), 'Sheet1', 'C2', [['other']]);
    expect(sheet.getRange('B2:C2').getValues()).toEqual([['open', 'other']]);
  });

  test('script writes are checked too: Apps Script throws on an invalid setValue(s)', () => {
    const { sheet, app } = setup();
    sheet.getRange('B2').setDataValidation(strictList(app));
    expect(() => sheet.getRange('A2:B2').setValues([['x', 'maybe']])).toThrow(
      'The data you entered in cell B2 violates the data validation rules set on this cell.',
    );
    expect(sheet.getRange('A2').getValue()).toBe(''); // all or nothing
    sheet.getRange('A2:B2').setValues([['x', 'closed']]);
    sheet.getRange('B2').setValue('');
    expect(sheet.getRange('A2:B2').getValues()).toEqual([['x', '']]);
  });

  test('insertCheckboxes sets FALSE and a checkbox rule', () => {
    const { sheet } = setup();
    const range = sheet.getRange('D1:D2').insertCheckboxes();
    expect(range.getValues()).toEqual([[false], [false]]);
    expect(String(range.getDataValidation()!.getCriteriaType())).toBe('CHECKBOX');
  });
});

describe('protection', () => {
  test('a protected range refuses people who are not its editors', () => {
    const { svc, ss, sheet } = setup();
    ss.addEditor('staff@example.com');
    const protection = sheet.getRange('A1:C1').protect().setDescription('header');
    // Until editors change, a protection mirrors the spreadsheet's editors.
    svc.userEdit(ss.getId(), 'Sheet1', 'A1', [['Case']], 'staff@example.com');
    protection.removeEditors(protection.getEditors().map((u) => u.getEmail()));
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
    expect(() => svc.userEdit(ss.getId(), 'Sheet1', 'B1', [['x']], 'staff@example.com')).toThrow(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
    svc.userEdit(ss.getId(), 'Sheet1', 'A2', [['free']], 'staff@example.com');
    svc.userEdit(ss.getId(), 'Sheet1', 'B1', [['owner']]);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['Case', 'owner'],
      ['free', ''],
    ]);
    protection.setWarningOnly(true);
    svc.userEdit(ss.getId(), 'Sheet1', 'C1', [['warned']], 'staff@example.com');
    expect(ss.getProtections(svc.app.ProtectionType.RANGE)).toHaveLength(1);
    protection.remove();
    expect(sheet.getProtections(svc.app.ProtectionType.RANGE)).toHaveLength(0);
  });
});

describe('triggers', () => {
  test("a person's single-cell edit fires onEdit (LIMITED) and installable triggers with value/oldValue", () => {
    const { core, svc, ss, sheet } = setup();
    sheet.getRange('A1').setValue(3);
    const calls = withHandlers(core, { onEdit: () => undefined, onStatusEdit: () => undefined });
    core.triggers.push(trigger('4034124084959907503', 'onStatusEdit', 'ON_EDIT', ss.getId()));
    svc.userEdit(ss.getId(), 'Sheet1', 'A1', [[5]]);
    expect(calls.map((c) => [c.name, c.kind, c.authMode])).toEqual([
      ['onEdit', 'simple', 'LIMITED'],
      ['onStatusEdit', 'installable', 'FULL'],
    ]);
    const [simple, installable] = calls.map((c) => c.event);
    expect(simple).toMatchObject({ authMode: AUTH_MODE.LIMITED, value: '5', oldValue: '3' });
    expect(simple).not.toHaveProperty('triggerUid');
    expect((simple.range as Range).getA1Notation()).toBe('A1');
    expect((simple.source as GoogleAppsScript.Spreadsheet.Spreadsheet).getId()).toBe(ss.getId());
    expect((simple.user as GoogleAppsScript.Base.User).getEmail()).toBe(OWNER);
    expect(installable).toMatchObject({ authMode: AUTH_MODE.FULL, triggerUid: '4034124084959907503', value: '5', oldValue: '3' });
  });

  test("a clerk's edit: onEdit runs as the clerk, an installable trigger as the account that created it", () => {
    // "Installable triggers always run under the account of the person who created them."
    // https://developers.google.com/apps-script/guides/triggers/installable#restrictions
    const { core, svc, ss } = setup();
    const calls = withHandlers(core, { onEdit: () => undefined, onStatusEdit: () => undefined });
    core.triggers.push({ ...trigger('1', 'onStatusEdit', 'ON_EDIT', ss.getId()), createdBy: 'it@example.com' });
    svc.userEdit(ss.getId(), 'Sheet1', 'A1', [[5]], 'clerk@example.com');
    expect(calls.map((c) => [c.name, c.user])).toEqual([
      ['onEdit', 'clerk@example.com'],
      ['onStatusEdit', 'it@example.com'],
    ]);
    expect((calls[0].event.user as GoogleAppsScript.Base.User).getEmail()).toBe('clerk@example.com');
  });

  test('a first entry has no oldValue; a multi-cell paste has neither value nor oldValue', () => {
    const { core, svc, ss } = setup();
    const calls = withHandlers(core, { onEdit: () => undefined });
    svc.userEdit(ss.getId(), 'Sheet1', 'B2', [['new']]);
    svc.userEdit(ss.getId(), 'Sheet1', 'A1:B1', [['x', 'y']]);
    expect(calls[0].event).toHaveProperty('value', 'new');
    expect(calls[0].event).not.toHaveProperty('oldValue');
    expect(calls[1].event).not.toHaveProperty('value');
    expect(calls[1].event).not.toHaveProperty('oldValue');
    expect((calls[1].event.range as Range).getA1Notation()).toBe('A1:B1');
  });

  test('a person typing "=…" enters a formula', () => {
    const { svc, ss, sheet } = setup();
    svc.userEdit(ss.getId(), 'Sheet1', 'A1', [['=2*21']]);
    expect(sheet.getRange('A1').getFormula()).toBe('=2*21');
    expect(sheet.getRange('A1').getValue()).toBe(42);
  });

  test('script writes never fire edit triggers', () => {
    const { core, ss, sheet } = setup();
    const calls = withHandlers(core, { onEdit: () => undefined, installed: () => undefined });
    core.triggers.push(trigger('1', 'installed', 'ON_EDIT', ss.getId()));
    sheet.getRange('A1').setValue(1);
    sheet.getRange('A2:B2').setValues([[1, 2]]);
    sheet.appendRow(['x']);
    expect(calls).toHaveLength(0);
  });

  test('a handler that throws is recorded as a trigger failure, not thrown at the person', () => {
    const { core, svc, ss } = setup();
    withHandlers(core, {
      onEdit: () => {
        throw new Error('boom');
      },
    });
    svc.userEdit(ss.getId(), 'Sheet1', 'A1', [[1]]);
    expect(core.triggerFailures.map((f) => f.message)).toEqual(['boom']);
  });

  test("opening fires onOpen, which builds the menu; a click runs the item's function", () => {
    const { core, svc, ss, app } = setup();
    const calls = withHandlers(core, {
      onOpen: () => {
        const sub = app.getUi().createMenu('Reports').addItem('Build report', 'buildReport');
        app.getUi().createMenu('Tools').addItem('Set up', 'setup').addSeparator().addSubMenu(sub).addToUi();
      },
      setup: () => 'done',
      buildReport: () => 'report',
    });
    svc.userOpen(ss.getId());
    svc.userOpen(ss.getId());
    expect(calls[0].event).toMatchObject({ authMode: AUTH_MODE.LIMITED });
    expect(svc.ui.menus).toEqual([
      {
        caption: 'Tools',
        items: [
          { caption: 'Set up', functionName: 'setup' },
          { separator: true },
          { caption: 'Reports', items: [{ caption: 'Build report', functionName: 'buildReport' }] },
        ],
      },
    ]);
    expect(svc.ui.clickMenuItem('Build report')).toBe('report');
    expect(calls.map((c) => [c.name, c.kind])).toContainEqual(['buildReport', 'menu']);
  });
});

describe('ui', () => {
  test('alerts and prompts are answered from the queue and recorded', () => {
    const { core, app, svc } = setup();
    core.runExecution('setup', 'menu', () => {
      const ui = app.getUi();
      svc.ui.answerNext({ button: 'YES' });
      expect(ui.alert('Setup', 'Create the tabs?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
      svc.ui.answerNext({ button: 'OK', text: '2026-01' });
      const answer = ui.prompt('Month?', ui.ButtonSet.OK_CANCEL);
      expect(answer.getSelectedButton()).toBe(ui.Button.OK);
      expect(answer.getResponseText()).toBe('2026-01');
      // Nothing queued: alerts are acknowledged, prompts cancelled.
      expect(ui.alert('Done')).toBe(ui.Button.OK);
      expect(ui.prompt('Name?', ui.ButtonSet.OK_CANCEL).getSelectedButton()).toBe(ui.Button.CANCEL);
    });
    expect(svc.ui.shown.map((s) => [s.kind, s.title, s.message])).toEqual([
      ['alert', 'Setup', 'Create the tabs?'],
      ['prompt', '', 'Month?'],
      ['alert', '', 'Done'],
      ['prompt', '', 'Name?'],
    ]);
  });

  test('getUi() is refused in time-driven and form-submit executions', () => {
    const { core, app, ss } = setup();
    const message = 'Cannot call SpreadsheetApp.getUi() from this context.';
    core.runExecution('nightly', 'time', () => expect(() => app.getUi()).toThrow(message));
    core.triggers.push({ ...trigger('2', 'onSubmit', 'ON_FORM_SUBMIT', ss.getId()) });
    core.runExecution('onSubmit', 'installable', () => expect(() => app.getUi()).toThrow(message));
    core.triggers.push(trigger('3', 'onOpenInstalled', 'ON_OPEN', ss.getId()));
    core.runExecution('onOpenInstalled', 'installable', () => expect(app.getUi()).toBe(app.getUi()));
  });

  test('a simple trigger cannot open a sidebar', () => {
    const { core, app } = setup();
    const html = { getContent: () => '<p>hi</p>', getTitle: () => 'Help' } as GoogleAppsScript.HTML.HtmlOutput;
    core.runExecution('onOpen', 'simple', () => {
      expect(() => app.getUi().showSidebar(html)).toThrow('You do not have permission to call Ui.showSidebar.');
    });
  });

  test('toasts are recorded', () => {
    const { ss, svc } = setup();
    ss.toast('Saved', 'Tools');
    expect(svc.ui.shown).toEqual([{ kind: 'toast', title: 'Tools', message: 'Saved', at: expect.any(Number) }]);
  });
});

describe('form destination', () => {
  test('response tabs are created first with a frozen header, and rows follow the titles', () => {
    const { svc, ss } = setup();
    const id = ss.getId();
    expect(svc.createResponseSheet(id, ['Service', 'Score'])).toBe('Form Responses 1');
    expect(svc.createResponseSheet(id, ['Other'])).toBe('Form Responses 2');
    const tab = ss.getSheetByName('Form Responses 1')!;
    expect(tab.getIndex()).toBe(2);
    expect(tab.getFrozenRows()).toBe(1);
    const at = new Date('2026-01-06T08:00:00Z');
    const result = svc.appendResponseRow(id, 'Form Responses 1', at, [
      ['Score', 4],
      ['Comment', '=not a formula'],
    ]);
    expect(result.row).toBe(2);
    expect(result.a1).toBe('A2:D2');
    expect(tab.getDataRange().getValues()).toEqual([
      ['Timestamp', 'Service', 'Score', 'Comment'],
      [at, '', 4, '=not a formula'],
    ]);
    expect(tab.getRange('D2').getFormula()).toBe('');
  });
});

describe('time zone', () => {
  test("typed dates are read in the spreadsheet's own time zone", () => {
    const { ss, sheet } = setup();
    ss.setSpreadsheetTimeZone('Europe/London');
    const date = sheet.getRange('A1').setValue('1/5/2026 9:30').getValue() as Date;
    expect(date.toISOString()).toBe('2026-01-05T09:30:00.000Z');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('1/5/2026 9:30:00');
  });
});
