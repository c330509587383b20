/**
 * The themes tab: the themes free-text feedback is tagged with, their Georgian labels and the
 * word stems that find them.
 */
import { TABS } from '../domain/schema';
import { themesOfTab, type Theme } from '../domain/themes';
import { cell, findTab, readTab, readTable, appendRows } from './tables';

/** The themes by the one rule collection and reports share (domain/themes.ts themesOfTab). */
export function readThemes(): Theme[] {
  const sheet = findTab(TABS.themes);
  if (!sheet) return themesOfTab(null);
  const table = readTable(sheet, TABS.themes.columns);
  return themesOfTab(table.rows.map((row) => ({ id: cell(table, row, 'id'), label: cell(table, row, 'label'), keywords: cell(table, row, 'keywords') })));
}

/** Fills an empty tab with the given themes. */
export function seedThemes(themes: readonly Theme[]): void {
  const table = readTab(TABS.themes);
  if (table.rows.length === 0)
    appendRows(
      table,
      themes.map((th) => [th.id, th.ka, th.keywords.join(', ')]),
    );
}
