/** Issue 5: collection into the feedback table. PLACEHOLDER until implemented. */
export interface CollectResult { added: number; empty: number; problems: number }
export function handleFormResponse(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  void e;
  throw new Error('not implemented yet: handleFormResponse');
}
export function collectAll(): CollectResult {
  throw new Error('not implemented yet: collectAll');
}
export function importPaperAction(): string {
  throw new Error('not implemented yet: importPaperAction');
}
export function collectNowAction(): string {
  throw new Error('not implemented yet: collectNowAction');
}
