/**
 * The settings tab: one setting a row (key, value, description). Staff type the values; the keys
 * and descriptions are the script's.
 */
import { t } from '../domain/messages';
import { escapeForSheet } from '../domain/sanitize';
import { SETTING_CHOICES, SETTING_SPECS, TABS } from '../domain/schema';
import { choiceOf, parseSettings, type Parsed } from '../domain/settings';
import type { Settings } from '../domain/types';
import { appendRows, cell, readTab, text } from './tables';

/** The settings, defaults for what is missing or unreadable, and a Georgian note on each such value. */
export function readSettings(): Parsed<Settings> {
  const table = readTab(TABS.settings);
  return parseSettings(table.rows.map((r) => [String(cell(table, r, 'key')).trim(), cell(table, r, 'value')]));
}

/**
 * Adds each setting the tab does not have yet, with its default (or the municipality profile's
 * value) and description; a setting already in the tab is never overwritten: staff's word wins.
 * Gives each setting of a few choices a list of its Georgian words, and rewrites a code an earlier
 * version wrote (quarterly, en …) as its word. The list warns rather than refuses: a code typed
 * from an old instruction is still read.
 */
export function seedSettings(values: ReadonlyMap<string, string | number> = new Map()): void {
  const table = readTab(TABS.settings);
  const present = new Set(table.rows.map((r) => text(table, r, 'key')));
  appendRows(
    table,
    SETTING_SPECS.filter((s) => !present.has(s.key)).map((s) => [s.key, seedValue(values.get(s.key)) ?? s.default, s.ka]),
  );
  const valueColumn = table.index.value + 1;
  if (valueColumn < 1) return;
  table.rows.forEach((row, i) => {
    const key = text(table, row, 'key');
    if (key !== 'reportPeriod' && key !== 'language' && key !== 'mode' && key !== 'inviteDeskCases' && key !== 'phoneSurvey') return;
    const choices: ReadonlyArray<{ id: string; ka: string }> = SETTING_CHOICES[key];
    const range = table.sheet.getRange(i + 2, valueColumn);
    const id = choiceOf(choices, cell(table, row, 'value'));
    const word = choices.find((choice) => choice.id === id)?.ka;
    if (word && word !== text(table, row, 'value')) range.setValue(word);
    range.setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireValueInList(
          choices.map((choice) => choice.ka),
          true,
        )
        .setAllowInvalid(true)
        .setHelpText(t('help.list'))
        .build(),
    );
  });
}

/** A profile's value as the tab should hold it: a number as typed, text kept from reading as a formula. */
function seedValue(value: string | number | undefined): string | number | undefined {
  return typeof value === 'string' ? escapeForSheet(value) : value;
}
