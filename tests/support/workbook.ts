/**
 * Shared test fixture: a fresh emulated Workspace with the built bundle loaded into a bound
 * workbook, set up through the menu as an administrator would.
 */
import type { Workspace, WorkspaceOptions } from '../../emulator';
import { DIST_DIR, newWorkspace } from './workspace';

export interface Fixture {
  ws: Workspace;
  spreadsheetId: string;
  /** Clicks a menu item by its Georgian caption, as a person would. */
  click(caption: string): void;
  /** The same click by another person: the menu item runs as them (their mailbox, quota and triggers). */
  clickAs(caption: string, user: string): void;
}

/**
 * A bound workbook with the bundle loaded and opened once. Options replace this project's
 * defaults (./workspace.ts); `costs` replaces the whole table.
 */
export function freshWorkbook(options: Partial<WorkspaceOptions> = {}): Fixture {
  const ws = newWorkspace(options);
  const ss = ws.spreadsheets.create('უკუკავშირი — ამბროლაური');
  const spreadsheetId = ss.getId();
  ws.spreadsheets.setActive(spreadsheetId);
  ws.loadBundle(DIST_DIR);
  ws.spreadsheets.userOpen(spreadsheetId);
  return {
    ws,
    spreadsheetId,
    click: (caption) => ws.spreadsheets.ui.clickMenuItem(caption),
    clickAs: (caption, user) => ws.spreadsheets.ui.clickMenuItem(caption, user),
  };
}

export function setUpWorkbook(options: Partial<WorkspaceOptions> = {}): Fixture {
  const fixture = freshWorkbook(options);
  fixture.click('სისტემის მომზადება / განახლება');
  return fixture;
}
