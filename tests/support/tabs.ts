/**
 * Reading the workbook and the script properties as a test does, and the few things a person
 * types that many tests need (a setting). One copy, shared by every end-to-end test.
 */
import type { FormRecord } from '../../src/adapters/config';
import type { FormKey } from '../../src/domain/types';
import { TABS, paperColumns } from '../../src/domain/schema';
import { feedbackColumnKey, rowToRecord } from '../../src/domain/feedback-row';
import type { Fixture } from './workbook';
import type { SpreadsheetSnapshot } from '../../emulator';

/** A tab's values and formulas as Google would show them, header row included. */
export function tabSnapshot(fx: Fixture, name: string): SpreadsheetSnapshot['tabs'][number] {
  const found = fx.ws.spreadsheets.snapshot(fx.spreadsheetId).tabs.find((t) => t.name === name);
  if (!found) throw new Error(`no tab ${name}`);
  return found;
}

/** A tab's values, header row included. */
export function tabValues(fx: Fixture, name: string): unknown[][] {
  return tabSnapshot(fx, name).values;
}

/** A tab's data rows: no header, no empty row. */
export function dataRows(fx: Fixture, name: string): unknown[][] {
  return tabValues(fx, name)
    .slice(1)
    .filter((row) => row.some((v) => v !== ''));
}

/** What setup remembered of a form (script property `form.N1` …). */
export function formRecord(fx: Fixture, key: FormKey): FormRecord {
  const raw = fx.ws.properties.app.getScriptProperties().getProperty(`form.${key}`);
  if (!raw) throw new Error(`no record of form ${key}`);
  return JSON.parse(raw) as FormRecord;
}

/**
 * The form's own responses, as its owner reads them (the raw store: Google's timestamps, answers
 * by Google item id). Read in an execution of the form's owner: no one else may open the form.
 */
export function formResponses(fx: Fixture, key: FormKey): Array<{ id: string; timestamp: Date; answers: Record<number, unknown> }> {
  const record = formRecord(fx, key);
  return fx.ws.core.runExecution('test: the owner reads the form', 'direct', () =>
    fx.ws.forms.app
      .openById(record.id)
      .getResponses()
      .map((r) => {
        const answers: Record<number, unknown> = {};
        for (const ir of r.getItemResponses()) answers[ir.getItem().getId()] = ir.getResponse();
        return { id: r.getId(), timestamp: new Date(r.getTimestamp().getTime()), answers };
      }),
  );
}

/** An administrator types a value into the settings tab, next to its key. */
export function setSetting(fx: Fixture, key: string, value: string): void {
  const index = tabValues(fx, TABS.settings.name).findIndex((row) => row[0] === key);
  if (index < 1) throw new Error(`no setting ${key}`);
  fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.settings.name, `B${index + 1}`, [[value]]);
}

/** The message of the last alert the workbook showed, or ''. */
export function lastAlert(fx: Fixture): string {
  const shown = fx.ws.spreadsheets.ui.shown;
  return shown.length ? String(shown[shown.length - 1].message) : '';
}

/** The column letters of a 0-based column index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * The feedback tab's data rows as objects by column key (found through the Georgian labels). Form
 * and channel are given as their codes, read back from the Georgian names the tab shows
 * (tests/app/georgian-tabs.test.ts checks what it shows); service and themes are the hidden code columns.
 */
export function feedbackRows(fx: Fixture): Array<Record<string, unknown>> {
  const [header, ...rows] = tabSnapshot(fx, TABS.feedback.name).values;
  const keys = header.map((h) => feedbackColumnKey(String(h)));
  return rows
    .filter((row) => row.some((v) => v !== ''))
    .map((row) => {
      const byKey: Record<string, unknown> = Object.fromEntries(keys.map((key, i) => [key, row[i]]));
      const record = rowToRecord(row, keys);
      return { ...byKey, form: record.form, channel: record.channel };
    });
}

/** The 0-based column of a feedback key in the tab as it stands. */
export function feedbackColumn(fx: Fixture, key: string): number {
  return tabSnapshot(fx, TABS.feedback.name).values[0].findIndex((h) => feedbackColumnKey(String(h)) === key);
}

/** Staff type (or retype) the content cells of one paper row; keys left out are typed blank. */
export function typePaper(fx: Fixture, row: number, byKey: Record<string, unknown>): void {
  const columns = paperColumns().filter((c) => !['status', 'feedbackId', 'fingerprint'].includes(c.key));
  const values = columns.map((c) => (c.key in byKey ? byKey[c.key] : ''));
  fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.paper.name, `A${row}:${columnLetter(values.length - 1)}${row}`, [values]);
}

/** Staff type one other-channel note: date, channel, service, text. */
export function typeOther(fx: Fixture, row: number, values: [unknown, string, string, string]): void {
  fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.otherChannels.name, `A${row}:D${row}`, [values]);
}

/** The header of a paper-tab column by its key (a question's item id: "n1.overall"). */
export function paperHeader(key: string): string {
  const column = paperColumns().find((c) => c.key === key);
  if (!column) throw new Error(`no paper column ${key}`);
  return column.header;
}
