/**
 * The themes tab: the themes free-text feedback is tagged with, their Georgian labels and the
 * word stems that find them.
 */
import { TABS } from '../domain/schema';
import { themesOfTab, themesTabMigration, type Theme } from '../domain/themes';
import { cell, findTab, readTab, readTable, appendRows, text, writeColumns } from './tables';

/** The themes by the one rule collection and reports share (domain/themes.ts themesOfTab). */
export function readThemes(): Theme[] {
  const sheet = findTab(TABS.themes);
  if (!sheet) return themesOfTab(null);
  const table = readTable(sheet, TABS.themes.columns);
  return themesOfTab(table.rows.map((row) => ({ id: cell(table, row, 'id'), label: cell(table, row, 'label'), keywords: cell(table, row, 'keywords') })));
}

/**
 * Fills an empty tab with the given themes; a tab of the first version gets today's codes once
 * (domain/themes.ts themesTabMigration): one write of the id column, one append.
 */
export function seedThemes(themes: readonly Theme[]): void {
  const table = readTab(TABS.themes);
  const asRow = (th: Theme): unknown[] => [th.id, th.ka, th.keywords.join(', ')];
  if (table.rows.length === 0) {
    appendRows(table, themes.map(asRow));
    return;
  }
  const migration = themesTabMigration(table.rows.map((row) => text(table, row, 'id')));
  for (const { index, id } of migration.renamed) table.rows[index][table.index.id] = id;
  writeColumns(
    table,
    ['id'],
    migration.renamed.map((entry) => entry.index),
  );
  appendRows(table, migration.added.map(asRow));
}
