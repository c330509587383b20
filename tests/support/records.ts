/**
 * Records the report, agenda and public-report tests build their periods from: a feedback record
 * as collection leaves it and an action as the actions tab gives it, with plain defaults each test
 * overrides; and the script-style write the app tests seed a tab with.
 */
import type { ActionRecord, FeedbackRecord } from '../../src/domain/types';
import type { Fixture } from './workbook';

export const at = (iso: string): Date => new Date(iso);

let nextId = 0;

/** N1 on paper for newborn, received 10 February 2026, no answers; the channel follows the form. */
export function feedbackRecord(fields: Partial<FeedbackRecord> = {}): FeedbackRecord {
  const form = fields.form ?? 'N1';
  return {
    id: `rec-${nextId++}`,
    receivedAt: at('2026-02-10T10:00:00+04:00'),
    form,
    channel: form === 'N1' ? 'paper' : form === 'N2' ? 'email_link' : 'phone',
    service: 'newborn',
    answers: {},
    text: '',
    themes: [],
    staffTags: [],
    // A record given themes reads as a problem unless the test says otherwise (themes.md polarity).
    polarity: (fields.themes?.length ?? 0) > 0 || (fields.staffTags?.length ?? 0) > 0 ? 'problem' : 'none',
    staffPolarity: null,
    praiseThemes: [],
    quotable: false,
    flags: [],
    ...fields,
  };
}

/** A planned action about the queue for newborn, without dates or public wording. */
export function actionRecord(fields: Partial<ActionRecord> = {}): ActionRecord {
  return {
    problem: 'რიგი',
    service: 'newborn',
    theme: 'waiting',
    decision: 'მეორე ფანჯარა',
    owner: 'კანცელარია',
    due: null,
    status: 'planned',
    meetingDate: null,
    publicWording: '',
    ...fields,
  };
}

export function tabOf(fx: Fixture, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const found = fx.ws.spreadsheets.spreadsheetFor(fx.spreadsheetId).getSheetByName(name);
  if (!found) throw new Error(`no tab ${name}`);
  return found;
}

/** One script-style write of rows below the last row (the harness is not a person: no validation). */
export function appendTabRows(fx: Fixture, tab: string, rows: unknown[][]): void {
  const target = tabOf(fx, tab);
  const first = target.getLastRow() + 1;
  const missing = first + rows.length - 1 - target.getMaxRows();
  if (missing > 0) target.insertRowsAfter(target.getMaxRows(), missing);
  target.getRange(first, 1, rows.length, rows[0].length).setValues(rows);
}
