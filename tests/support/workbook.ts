/**
 * Shared test fixture: a fresh emulated Workspace with the built bundle loaded into a bound
 * workbook, set up through the menu as an administrator would.
 */
import { Workspace, type WorkspaceOptions } from '../../emulator/workspace';

export interface Fixture {
  ws: Workspace;
  spreadsheetId: string;
  /** Clicks a menu item by its Georgian caption, as a person would. */
  click(caption: string): void;
}

export function freshWorkbook(options: WorkspaceOptions = {}): Fixture {
  const ws = new Workspace({ now: '2026-01-05T09:00:00+04:00', ...options });
  const ss = ws.spreadsheets.create('უკუკავშირი — ამბროლაური');
  const spreadsheetId = ss.getId();
  ws.spreadsheets.setActive(spreadsheetId);
  ws.loadBundle();
  ws.spreadsheets.userOpen(spreadsheetId);
  return { ws, spreadsheetId, click: (caption) => ws.spreadsheets.ui.clickMenuItem(caption) };
}

export function setUpWorkbook(options: WorkspaceOptions = {}): Fixture {
  const fixture = freshWorkbook(options);
  fixture.click('სისტემის მომზადება / განახლება');
  return fixture;
}
