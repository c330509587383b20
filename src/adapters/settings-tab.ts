/**
 * The settings tab: one setting a row (key, value, description). Staff type the values; the keys
 * and descriptions are the script's.
 */
import { SETTING_SPECS, TABS } from '../domain/schema';
import { parseSettings, type Parsed } from '../domain/settings';
import type { Settings } from '../domain/types';
import { appendRows, cell, readTab, text } from './tables';

/** The settings, defaults for what is missing or unreadable, and a Georgian note on each such value. */
export function readSettings(): Parsed<Settings> {
  const table = readTab(TABS.settings);
  return parseSettings(table.rows.map((r) => [String(cell(table, r, 'key')).trim(), cell(table, r, 'value')]));
}

/** Adds each setting the tab does not have yet, with its default and description. */
export function seedSettings(): void {
  const table = readTab(TABS.settings);
  const present = new Set(table.rows.map((r) => text(table, r, 'key')));
  appendRows(
    table,
    SETTING_SPECS.filter((s) => !present.has(s.key)).map((s) => [s.key, s.default, s.ka]),
  );
}
