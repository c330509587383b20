/**
 * The modelled cost of service calls: per call plus per cell moved, so that a read or write of a
 * large range takes longer on the simulated clock than a small one, as it does on Google.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../core';
import { APPS_SCRIPT_COST_SOURCES, APPS_SCRIPT_COSTS, costFrom, modelledMs, type CostTable } from '../costs';
import { SpreadsheetService } from '../spreadsheet';
import { DocsService } from '../docs';
import { newCore } from './support';

const COSTS_FOR_TEST: CostTable = {
  'SpreadsheetApp.read': 100,
  'SpreadsheetApp.read/cell': 0.5,
  'SpreadsheetApp.write': 200,
  'SpreadsheetApp.write/cell': 2,
  'SpreadsheetApp.getValue': 7,
  'SpreadsheetApp.getValue/cell': 1,
  'SpreadsheetApp.meta': 0,
  'SpreadsheetApp.clear/cell': 0.25,
  DocumentApp: 40,
  'DocumentApp/cell': 3,
};

function spreadsheet(costs: CostTable = COSTS_FOR_TEST) {
  const core = newCore({ now: '2026-01-05T09:00:00+04:00', costs });
  const svc = new SpreadsheetService(core);
  const ss = svc.create('Feedback');
  svc.setActive(ss.getId());
  const sheet = svc.app.getActive().getSheets()[0];
  return { core, sheet };
}

/** Clock advance of `fn` run inside one execution (outside one, calls are counted but free). */
function timed(core: Core, fn: () => void): number {
  return core.runExecution('job', 'direct', () => {
    const start = core.now();
    fn();
    return core.now() - start;
  });
}

describe('per-call plus per-cell cost', () => {
  test('fractions of a millisecond are carried, not lost: the clock stays whole', () => {
    const core = newCore({ costs: { 'X.read': 0, 'X.read/cell': 0.25 } });
    const spent = timed(core, () => {
      for (let i = 0; i < 10; i++) core.call('X', 'get', 'read', 1);
    });
    expect(spent).toBe(2);
    expect(Number.isInteger(core.now())).toBe(true);
  });

  test('Core.call adds the per-cell cost times the cells to the per-call cost', () => {
    const core = newCore({ costs: { 'X.read': 10, 'X.read/cell': 0.25 } });
    expect(timed(core, () => core.call('X', 'get', 'read', 400))).toBe(10 + 100);
    expect(timed(core, () => core.call('X', 'get', 'read'))).toBe(10);
    expect(core.callSummary().cellsByMethod).toEqual({ 'X.get': 400 });
  });

  test('per-cell keys are looked up like per-call keys: method, kind, service; none means free', () => {
    const table: CostTable = { default: 1, 'S.m/cell': 3, 'S.write/cell': 2, 'T/cell': 5 };
    expect(costFrom(table, 'S', 'm', 'write', 10)).toBe(1 + 30);
    expect(costFrom(table, 'S', 'other', 'write', 10)).toBe(1 + 20);
    expect(costFrom(table, 'T', 'any', undefined, 10)).toBe(1 + 50);
    expect(costFrom(table, 'U', 'any', 'read', 10)).toBe(1);
  });

  test('getValues is charged by the area read: 1,000 rows cost more than one row', () => {
    const { core, sheet } = spreadsheet();
    sheet.insertRowsAfter(1000, 1000);
    const small = timed(core, () => sheet.getRange(1, 1, 1, 10).getValues());
    const large = timed(core, () => sheet.getRange(1, 1, 1000, 10).getValues());
    expect(small).toBe(100 + 10 * 0.5);
    expect(large).toBe(100 + 10_000 * 0.5);
    expect(core.callSummary().cellsByMethod['SpreadsheetApp.getValues']).toBe(10_010);
  });

  test('display values and formulas are reads by area too', () => {
    const { core, sheet } = spreadsheet();
    expect(timed(core, () => sheet.getRange(1, 1, 20, 5).getDisplayValues())).toBe(100 + 100 * 0.5);
    expect(timed(core, () => sheet.getRange(1, 1, 20, 5).getFormulas())).toBe(100 + 100 * 0.5);
  });

  test('setValues, appendRow and setValue are charged by the cells written', () => {
    const { core, sheet } = spreadsheet();
    const rows = Array.from({ length: 50 }, (_, i) => [i, 'x', 'y', 'z']);
    expect(timed(core, () => sheet.getRange(1, 1, 50, 4).setValues(rows))).toBe(200 + 200 * 2);
    expect(timed(core, () => sheet.appendRow(['a', 'b', 'c']))).toBe(200 + 3 * 2);
    expect(timed(core, () => sheet.getRange(1, 6, 3, 2).setValue('same'))).toBe(200 + 6 * 2);
    expect(sheet.getRange(51, 1, 1, 3).getValues()).toEqual([['a', 'b', 'c']]);
  });

  test('getValue is one cell under its own key, so the naive loop is priced as a single-cell read', () => {
    const { core, sheet } = spreadsheet();
    sheet.getRange('B2').setValue(4);
    expect(timed(core, () => expect(sheet.getRange('B2').getValue()).toBe(4))).toBe(7 + 1);
    expect(core.callSummary().byMethod['SpreadsheetApp.getValue']).toBe(1);
  });

  test('clear is charged by area at its own per-cell rate; one-value formats by call only', () => {
    const { core, sheet } = spreadsheet();
    expect(timed(core, () => sheet.getRange(1, 1, 100, 4).clear())).toBe(200 + 400 * 0.25);
    expect(timed(core, () => sheet.getRange(1, 1, 100, 4).setNumberFormat('0.0'))).toBe(200);
    const colors = Array.from({ length: 100 }, () => ['#fff', '#000', '#fff', '#000']);
    expect(timed(core, () => sheet.getRange(1, 1, 100, 4).setBackgrounds(colors))).toBe(200 + 400 * 2);
  });

  test('a read too large for 6 minutes kills the execution, as on Google', () => {
    const { core, sheet } = spreadsheet({ 'SpreadsheetApp.read/cell': 20 });
    // 1,000 x 26 cells at 20 ms = 520 s, past the 360 s limit.
    expect(() => timed(core, () => sheet.getRange(1, 1, 1000, 26).getValues())).toThrow('Exceeded maximum execution time');
  });

  test('Docs: a table built from an array is one call plus its cells', () => {
    const core = newCore({ costs: COSTS_FOR_TEST });
    const body = new DocsService(core).app.create('d').getBody();
    const rows = Array.from({ length: 30 }, (_, i) => [`row ${i}`, 'x', 'y']);
    expect(timed(core, () => body.appendTable(rows))).toBe(40 + 90 * 3);
    expect(timed(core, () => body.appendParagraph('text'))).toBe(40);
  });

  test('the Apps Script table charges cells too', () => {
    expect(APPS_SCRIPT_COSTS['SpreadsheetApp.read/cell']).toBeGreaterThan(0);
    expect(APPS_SCRIPT_COSTS['SpreadsheetApp.write/cell']).toBeGreaterThan(0);
    const { core, sheet } = spreadsheet(APPS_SCRIPT_COSTS);
    sheet.insertRowsAfter(1000, 9000);
    const oneRow = timed(core, () => sheet.getRange(1, 1, 1, 20).getValues());
    const tenThousandRows = timed(core, () => sheet.getRange(1, 1, 10_000, 20).getValues());
    expect(tenThousandRows).toBeGreaterThan(oneRow);
  });
});

describe('the Apps Script cost table (costs.ts)', () => {
  test('every figure names a public source and a basis; per-cell figures are well under a per-call one', () => {
    for (const [key, entry] of Object.entries(APPS_SCRIPT_COST_SOURCES)) {
      expect(entry.source).toMatch(/^https?:\/\//);
      expect(entry.basis.length).toBeGreaterThan(20);
      if (key.endsWith('/cell')) expect(entry.ms).toBeLessThan(1);
    }
    expect(APPS_SCRIPT_COST_SOURCES['SpreadsheetApp.read/cell']).toBeDefined();
    expect(APPS_SCRIPT_COST_SOURCES['SpreadsheetApp.write/cell']).toBeDefined();
    expect(Object.keys(APPS_SCRIPT_COSTS).sort()).toEqual(Object.keys(APPS_SCRIPT_COST_SOURCES).sort());
  });

  test("the README's table shows every figure as costs.ts has it, with its source", () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `([^`]+)` \| ([\d.]+) \| (estimate|measured) \| \[[^\]]+\]\(([^)]+)\) \|$/gm)];
    const shown = Object.fromEntries(rows.map(([, key, ms, kind, source]) => [key, { ms: Number(ms), estimate: kind === 'estimate', source }]));
    const table = Object.fromEntries(Object.entries(APPS_SCRIPT_COST_SOURCES).map(([key, { ms, estimate, source }]) => [key, { ms, estimate, source }]));
    expect(shown).toEqual(table);
  });

  test('modelledMs of the counted calls and cells equals what the clock charged', () => {
    const { core, sheet } = spreadsheet(APPS_SCRIPT_COSTS);
    core.resetCalls();
    const spent = timed(core, () => {
      sheet.getRange(1, 1, 300, 10).setValues(Array.from({ length: 300 }, () => new Array(10).fill(1)));
      sheet.getRange(1, 1, 300, 10).getValues();
      sheet.getRange(2, 2).getValue();
      sheet.getRange(3, 3).setValue(5);
      sheet.appendRow([1, 2, 3]);
      sheet.getRange(1, 1, 10, 10).clearContent();
      sheet.getLastRow();
    });
    const summary = core.callSummary();
    // The clock moves in whole milliseconds and carries the fraction to the next call.
    expect(Math.abs(modelledMs(summary.byMethod, summary.cellsByMethod) - spent)).toBeLessThan(1);
    expect(Number.isInteger(core.now())).toBe(true);
  });
});
