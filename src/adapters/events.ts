/**
 * What the installable triggers' events say, as plain values: which tab and rows an edit touched,
 * which response tab a form submission wrote to.
 */

/** A staff edit: the tab's name and the sheet rows of the edited range (both inclusive). */
export interface SheetEdit {
  tab: string;
  /** Read only when asked: an edit of another tab needs no more calls. */
  rows(): { first: number; last: number };
  /**
   * A single cell's edit: its column (1-based) and the value before and after, as the event gives
   * them ("Only available if the edited range is a single cell"); null for a range.
   */
  cell(): { column: number; oldValue: string; value: string } | null;
}

export function sheetEditOf(e: GoogleAppsScript.Events.SheetsOnEdit): SheetEdit | null {
  const range = e?.range;
  if (!range) return null;
  return {
    tab: range.getSheet().getName(),
    rows: () => {
      const first = range.getRow();
      return { first, last: first + range.getNumRows() - 1 };
    },
    cell: () => {
      if (range.getNumRows() !== 1 || range.getNumColumns() !== 1) return null;
      const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
      return { column: range.getColumn(), oldValue: str(e.oldValue), value: str(e.value) };
    },
  };
}

/**
 * The id of the form a submission came to: a form's own trigger gives the form as `source`;
 * the workbook's form-submit trigger of an earlier version does not (then '').
 * https://developers.google.com/apps-script/guides/triggers/events#form-submit_1
 */
export function submittedFormId(e: GoogleAppsScript.Events.FormsOnFormSubmit | GoogleAppsScript.Events.SheetsOnFormSubmit): string {
  const source = (e as Partial<GoogleAppsScript.Events.FormsOnFormSubmit> | undefined)?.source;
  try {
    return source && typeof source.getId === 'function' ? source.getId() : '';
  } catch {
    return '';
  }
}
