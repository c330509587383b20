/**
 * The actions tab: the register of what the working meetings decided, which the agenda, the
 * reports and the public report read, and whose overdue rows are coloured.
 */
import { actionCheckText } from '../domain/action-targets';
import { parseAction } from '../domain/report-inputs';
import { escapeForSheet } from '../domain/sanitize';
import { TABS } from '../domain/schema';
import { resolveService } from '../domain/services';
import type { Theme } from '../domain/themes';
import type { ActionRecord, Service } from '../domain/types';
import { cell, readTab, writeColumns, type Table } from './tables';

/** One per data row, null for a row that holds no action; services typed by name become codes. */
function actionRows(table: Table, services: readonly Service[], themes?: readonly Theme[]): Array<ActionRecord | null> {
  const resolve = (typed: string): string => resolveService(typed, services)?.code ?? typed;
  return table.rows.map((row) => {
    const byKey: Record<string, unknown> = {};
    for (const column of TABS.actions.columns) byKey[column.key] = cell(table, row, column.key);
    return parseAction(byKey, resolve, themes);
  });
}

/** The actions of the register; targets named by staff's themes (the themes tab) as well as the defaults. */
export function readActions(services: readonly Service[], themes?: readonly Theme[]): ActionRecord[] {
  return actionRows(readTab(TABS.actions), services, themes).filter((a): a is ActionRecord => a !== null);
}

/**
 * Writes each action row's check (targets understood, or what to fix, in Georgian) where it
 * differs from the tab, in one write; a row with no action gets its check cleared. How many rows
 * have a warning.
 */
export function showActionChecks(themes: readonly Theme[]): number {
  const table = readTab(TABS.actions);
  const column = table.index.check;
  if (column === undefined || column < 0) return 0;
  const changed: number[] = [];
  let warnings = 0;
  actionRows(table, [], themes).forEach((action, index) => {
    const wanted = action ? actionCheckText(action, themes, TABS.themes.name) : '';
    if (wanted.includes('⚠')) warnings++;
    const row = table.rows[index];
    if (String(row[column] ?? '') === wanted) return;
    row[column] = escapeForSheet(wanted);
    changed.push(index);
  });
  writeColumns(table, ['check'], changed);
  return warnings;
}

/**
 * Sets the background of every data row of the tab in one call, as `paint` decides from each
 * row's action (null: a row with none) — so a row no longer marked loses its colour too. Returns
 * how many rows got a colour.
 */
export function paintActionRows(paint: (rows: ReadonlyArray<ActionRecord | null>, width: number) => Array<Array<string | null>>): number {
  const table = readTab(TABS.actions);
  const rows = actionRows(table, []);
  const height = table.sheet.getMaxRows() - 1;
  const width = table.header.length;
  if (height < 1 || width < 1) return 0;
  const all = rows.concat(new Array(Math.max(0, height - rows.length)).fill(null)).slice(0, height);
  const backgrounds = paint(all, width);
  table.sheet.getRange(2, 1, height, width).setBackgrounds(backgrounds);
  return backgrounds.filter((row) => row[0] !== null).length;
}
