/**
 * SpreadsheetApp as live Apps Script behaves, for the methods the product calls. Each expectation
 * is a fact from outside this project: an assertion of the gas-fakes suite that its author runs on
 * live Apps Script (github.com/brucemcpherson/gas-fakes, test/<file>:<line>), or Google's
 * reference. The facts are restated here in our own tests; no code of that suite is used.
 */
import { newWorkspace } from './support';

function sheetOf() {
  const ws = newWorkspace();
  const app = ws.spreadsheets.app;
  const ss = app.create('Book');
  return { ws, app, ss, sheet: ss.getSheets()[0] };
}

describe('A1 and R1C1 notation (gas-fakes test/testsheetsdeveloper.js:30–60, test/testsheets.js:219–250)', () => {
  test('whole rows and whole columns keep their notation and span the sheet', () => {
    const { sheet } = sheetOf();
    const rows = sheet.getRange('5:7');
    expect([rows.getA1Notation(), rows.getNumRows(), rows.getNumColumns()]).toEqual(['5:7', 3, sheet.getMaxColumns()]);
    const columns = sheet.getRange('D:F');
    expect([columns.getA1Notation(), columns.getNumRows(), columns.getNumColumns()]).toEqual(['D:F', sheet.getMaxRows(), 3]);
  });

  test('inverted ranges are put in order; $ and a sheet prefix are dropped from the notation', () => {
    const { sheet } = sheetOf();
    expect(['C5:B2', '5:2', 'D:B', '$C$3', `${sheet.getName()}!E10:F12`].map((a1) => sheet.getRange(a1).getA1Notation())).toEqual([
      'B2:C5',
      '2:5',
      'B:D',
      'C3',
      'E10:F12',
    ]);
  });

  test('getRange reads R1C1: a cell, a range, an inverted one, lower case', () => {
    const { sheet } = sheetOf();
    const cell = sheet.getRange('R5C3');
    expect([cell.getA1Notation(), cell.getRow(), cell.getColumn()]).toEqual(['C5', 5, 3]);
    const range = sheet.getRange('R2C2:R4C5');
    expect([range.getA1Notation(), range.getNumRows(), range.getNumColumns()]).toEqual(['B2:E4', 3, 4]);
    expect(sheet.getRange('R10C5:R1C2').getA1Notation()).toBe('B1:E10');
    expect(sheet.getRange('r1c1:r2c2').getA1Notation()).toBe('A1:B2');
  });
});

describe('setFormula on many cells (gas-fakes test/testsheets.js:2175–2184)', () => {
  test('relative references move with each cell, as a fill does', () => {
    const { sheet } = sheetOf();
    const range = sheet.getRange('C51:D52');
    range.setFormula('=A1');
    expect(range.getFormulas()).toEqual([
      ['=A1', '=B1'],
      ['=A2', '=B2'],
    ]);
  });

  test('$-anchored parts stay; text in quotes and function names are not references', () => {
    const { sheet } = sheetOf();
    const range = sheet.getRange('B2:C3');
    range.setFormula('=SUM($A$1,A$1,$A1,LOG10(A1),"A1")');
    expect(range.getFormulas()).toEqual([
      ['=SUM($A$1,A$1,$A1,LOG10(A1),"A1")', '=SUM($A$1,B$1,$A1,LOG10(B1),"A1")'],
      ['=SUM($A$1,A$1,$A2,LOG10(A2),"A1")', '=SUM($A$1,B$1,$A2,LOG10(B2),"A1")'],
    ]);
  });

  test('one cell gets the formula as written', () => {
    const { sheet } = sheetOf();
    expect(sheet.getRange('E5').setFormula('=A1+B2').getFormula()).toBe('=A1+B2');
  });
});

describe('formats read back as Google stores them', () => {
  test("'general' reads back as '0.###############'; other formats as set (gas-fakes test/testsheets.js:2122–2135)", () => {
    const { sheet } = sheetOf();
    const range = sheet.getRange('A1:D1');
    range.setNumberFormats([['0.0000', '#,##0.00', '$#.##0.00', 'general']]);
    expect(range.getNumberFormats()).toEqual([['0.0000', '#,##0.00', '$#.##0.00', '0.###############']]);
    expect(sheet.getRange('F1').setNumberFormat('General').getNumberFormat()).toBe('0.###############');
  });

  test('a named colour reads back as lower-case hex, whatever its case (gas-fakes test/testsheetssets.js:260–332)', () => {
    const { sheet } = sheetOf();
    expect(sheet.getRange('A1').setBackground('LIGHTCORAL').getBackground()).toBe('#f08080');
    const range = sheet.getRange('A2:C2');
    range.setBackgrounds([['red', 'rebeccapurple', '#ABC']]);
    expect(range.getBackgrounds()).toEqual([['#ff0000', '#663399', '#aabbcc']]);
  });
});

describe('data validation (gas-fakes test/testsheetsdatavalidations.js:330–432)', () => {
  test('requireValueInList keeps its values as strings and shows the dropdown by default', () => {
    const { app } = sheetOf();
    const builder = app.newDataValidation().requireValueInList([9, false, 'z'] as unknown as string[]);
    expect(String(builder.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(builder.getCriteriaValues()).toEqual([['9', 'false', 'z'], true]);
  });

  test('a list rule accepts what was typed as the string of a listed value', () => {
    const { ws, ss, sheet, app } = sheetOf();
    sheet.getRange('A1').setDataValidation(app.newDataValidation().requireValueInList(['1', '2']).setAllowInvalid(false).build());
    ws.spreadsheets.userEdit(ss.getId(), sheet.getName(), 'A1', [[2]]);
    expect(sheet.getRange('A1').getValue()).toBe(2);
    expect(() => ws.spreadsheets.userEdit(ss.getId(), sheet.getName(), 'A1', [[3]])).toThrow();
  });

  test('builders and rules print as their class names', () => {
    const { app } = sheetOf();
    const builder = app.newDataValidation().requireCheckbox();
    expect([String(builder), String(builder.build())]).toEqual(['DataValidationBuilder', 'DataValidation']);
  });
});

describe('protections (gas-fakes test/testsheets.js:2905–2918, test/testsheetspermissions.js:35–47)', () => {
  test('a warning-only sheet protection names no editors and lets its user edit', () => {
    const { sheet } = sheetOf();
    const protection = sheet
      .protect()
      .setDescription('sample1')
      .setWarningOnly(true)
      .setUnprotectedRanges([sheet.getRange('A1:B1')]);
    expect(protection.getDescription()).toBe('sample1');
    expect(protection.getUnprotectedRanges()[0].getA1Notation()).toBe('A1:B1');
    expect(protection.canEdit()).toBe(true);
    expect(protection.getEditors()).toHaveLength(0);
    expect(String(protection.getProtectionType())).toBe('SHEET');
    expect(protection.isWarningOnly()).toBe(true);
  });

  test('a sheet protection covers the whole sheet, and its range has no A1 notation', () => {
    const { sheet } = sheetOf();
    const range = sheet.protect().getRange();
    expect([range.getA1Notation(), range.getNumRows(), range.getNumColumns()]).toEqual(['', sheet.getMaxRows(), sheet.getMaxColumns()]);
  });

  // A new protection's editors "mirror those of the spreadsheet itself" (the owner among them):
  // https://developers.google.com/apps-script/reference/spreadsheet/range#protect()
  test('a range protection that is not warning-only names the owner among its editors', () => {
    const { sheet } = sheetOf();
    const protection = sheet.getRange('A1:A3').protect();
    expect(protection.getEditors().map((u) => u.getEmail())).toContain('owner@example.com');
    expect(String(protection.getEditors()[0])).toBe('owner@example.com');
  });
});

describe('Apps Script objects print as their class names (gas-fakes test/testsheets.js, toString checks)', () => {
  test('Spreadsheet, Sheet, Range', () => {
    const { ss, sheet } = sheetOf();
    expect([String(ss), String(sheet), String(sheet.getRange('A1'))]).toEqual(['Spreadsheet', 'Sheet', 'Range']);
  });
});

describe('rows and columns (gas-fakes test/testsheetstext.js:144–230)', () => {
  test('appendRow writes the next row; the last row and column follow the content', () => {
    const { ss } = sheetOf();
    const sheet = ss.insertSheet('temp');
    const data = ['sample1', 'sample2', 'sample3'];
    sheet.appendRow(data);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([1, 3]);
    expect(sheet.getRange(1, 1, 1, 3).getValues()).toEqual([data]);
  });

  test('columns inserted inside the content move it right and are blank; blank rows leave the last row', () => {
    const { ss } = sheetOf();
    const sheet = ss.insertSheet('temp');
    sheet.appendRow(['a', 'b', 'c']);
    sheet.insertColumnsAfter(2, 2);
    expect(sheet.getLastColumn()).toBe(5);
    expect(sheet.getDataRange().getValues()).toEqual([['a', 'b', '', '', 'c']]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getLastRow()).toBe(1);
    sheet.deleteRows(2, 2);
    expect(sheet.getLastRow()).toBe(1);
    sheet.hideSheet();
    sheet.showSheet();
    expect(sheet.isSheetHidden()).toBe(false);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#hideColumns(Integer,Integer)
  test('hidden columns keep their values for scripts, move with an insertion to their left, and show again', () => {
    const { ss } = sheetOf();
    const sheet = ss.insertSheet('temp');
    sheet.appendRow(['a', 'b', 'c']);
    sheet.hideColumns(2);
    expect([1, 2, 3].map((c) => sheet.isColumnHiddenByUser(c))).toEqual([false, true, false]);
    expect(sheet.getDataRange().getValues()).toEqual([['a', 'b', 'c']]);
    sheet.insertColumnsAfter(1, 1);
    expect([2, 3].map((c) => sheet.isColumnHiddenByUser(c))).toEqual([false, true]);
    sheet.showColumns(3);
    expect(sheet.isColumnHiddenByUser(3)).toBe(false);
    expect(() => sheet.hideColumns(0)).toThrow('out of bounds');
  });
});
