/**
 * The settings tab: one setting a row (key, value, description). Staff type the values; the keys
 * and descriptions are the script's.
 */
import { escapeForSheet } from '../domain/sanitize';
import { SETTING_SPECS, TABS } from '../domain/schema';
import { parseSettings, type Parsed } from '../domain/settings';
import type { Settings } from '../domain/types';
import { appendRows, cell, readTab, text } from './tables';

/** The settings, defaults for what is missing or unreadable, and a Georgian note on each such value. */
export function readSettings(): Parsed<Settings> {
  const table = readTab(TABS.settings);
  return parseSettings(table.rows.map((r) => [String(cell(table, r, 'key')).trim(), cell(table, r, 'value')]));
}

/**
 * Adds each setting the tab does not have yet, with its default (or the municipality profile's
 * value) and description. A setting already in the tab is never overwritten: staff's word wins.
 */
export function seedSettings(values: ReadonlyMap<string, string | number> = new Map()): void {
  const table = readTab(TABS.settings);
  const present = new Set(table.rows.map((r) => text(table, r, 'key')));
  appendRows(
    table,
    SETTING_SPECS.filter((s) => !present.has(s.key)).map((s) => [s.key, seedValue(values.get(s.key)) ?? s.default, s.ka]),
  );
}

/** A profile's value as the tab should hold it: a number as typed, text kept from reading as a formula. */
function seedValue(value: string | number | undefined): string | number | undefined {
  return typeof value === 'string' ? escapeForSheet(value) : value;
}
