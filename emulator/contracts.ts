/**
 * What one fake service needs from another. Each fake is built by its own module; these small
 * interfaces keep the modules apart (Forms writes responses into a spreadsheet; Utilities, Drive,
 * Docs and Mail hand each other blobs).
 */

/** Implemented by the Spreadsheet fake (spreadsheet/service.ts); used by the Forms fake. */
export interface FormDestinationStore {
  /** True when a spreadsheet with this id exists. */
  exists(spreadsheetId: string): boolean;
  /**
   * Creates the response tab Google creates when a form's destination is set: named
   * "Form Responses 1" (then 2, 3 … when the name is taken), inserted as the first tab,
   * header row `Timestamp` followed by one column per question title, frozen header row.
   * Returns the tab's name.
   */
  createResponseSheet(spreadsheetId: string, questionTitles: string[], formUrl?: string): string;
  /**
   * The current name of the tab linked to the form at `formUrl` (Sheet.getFormUrl), or null.
   * Google tracks the tab itself, not its name: a renamed response tab keeps receiving rows.
   */
  responseSheetOf?(spreadsheetId: string, formUrl: string): string | null;
  /** Form.removeDestination: the tab stays, but no longer belongs to the form. */
  unlinkResponseSheet?(spreadsheetId: string, formUrl: string): void;
  /**
   * Appends one response row as Google does (no edit trigger fires): the header row is extended
   * with any title not there yet (a renamed or new question gets a new column at the end; old
   * columns are kept), values are written under their titles, the timestamp as a Date.
   * Returns the 1-based row number and the A1 notation of the written row.
   */
  appendResponseRow(
    spreadsheetId: string,
    sheetName: string,
    timestamp: Date,
    answersByTitle: Array<[string, unknown]>,
  ): { row: number; a1: string; values: unknown[] };
  /** A Range object over cells of a tab, for trigger events (`e.range`). */
  rangeFor(spreadsheetId: string, sheetName: string, a1: string): GoogleAppsScript.Spreadsheet.Range;
  /** The Spreadsheet object, for trigger events (`e.source`). */
  spreadsheetFor(spreadsheetId: string): GoogleAppsScript.Spreadsheet.Spreadsheet;
}

/** The bytes-and-type object shared by Utilities, Drive, Docs and Mail (blob.ts). */
export interface BlobLike {
  getBytes(): number[];
  getDataAsString(charset?: string): string;
  getContentType(): string | null;
  getName(): string | null;
}
