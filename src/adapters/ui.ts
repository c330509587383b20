/**
 * The workbook's user interface: the custom menu, the message a menu item ends with, and the
 * one question the documents ask (the period).
 */

export type MenuEntry = { caption: string; handler: string } | 'separator';

/** Builds the menu; runs in the simple onOpen trigger, so it touches nothing that needs authorization. */
export function addMenu(title: string, entries: readonly MenuEntry[]): void {
  const menu = SpreadsheetApp.getUi().createMenu(title);
  for (const entry of entries) {
    if (entry === 'separator') menu.addSeparator();
    else menu.addItem(entry.caption, entry.handler);
  }
  menu.addToUi();
}

export function alert(message: string): void {
  SpreadsheetApp.getUi().alert(message);
}

/** Asks with OK and Cancel; the text typed, or null when the person cancelled. */
export function prompt(title: string, question: string): string | null {
  const ui = SpreadsheetApp.getUi();
  const response = ui.prompt(title, question, ui.ButtonSet.OK_CANCEL);
  return response.getSelectedButton() === ui.Button.OK ? response.getResponseText() : null;
}
