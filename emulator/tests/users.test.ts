/**
 * Several people in one workbook: each menu click, edit and installable trigger runs as someone,
 * and what Google keeps per user (triggers, mail quota, trigger runtime) is theirs alone.
 * - "Installable triggers always run under the account of the person who created them"
 *   (developers.google.com/apps-script/guides/triggers/installable#restrictions);
 * - ScriptApp.getProjectTriggers: "Gets all installable triggers associated with the current
 *   project and current user" (developers.google.com/apps-script/reference/script/script-app);
 * - "Quotas are per user" (developers.google.com/apps-script/guides/services/quotas): the daily
 *   mail recipients and the daily trigger runtime are each account's own.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newWorkspace, OWNER } from './support';

const CLERK = 'clerk@example.com';

/** A bundle whose menu item and triggers report who they run as, and send one mail each. */
const BUNDLE = `
function whoAmI() { return Session.getEffectiveUser().getEmail(); }
function myTriggers() { return ScriptApp.getProjectTriggers().map(function (t) { return t.getHandlerFunction(); }); }
function install() { ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create(); return myTriggers(); }
function sendOne() { MailApp.sendEmail('someone@example.org', 's', 'b'); return MailApp.getRemainingDailyQuota(); }
var editsSeenBy = [];
function onEditInstalled(e) { editsSeenBy.push(Session.getEffectiveUser().getEmail() + ' <- ' + e.user.getEmail()); }
function onOpen() { SpreadsheetApp.getUi().createMenu('M').addItem('Who', 'whoAmI').addItem('Triggers', 'myTriggers').addItem('Install', 'install').addItem('Send', 'sendOne').addToUi(); }
`;

function workspaceWithBundle() {
  const dir = mkdtempSync(join(tmpdir(), 'gas-users-'));
  writeFileSync(join(dir, 'Code.js'), BUNDLE);
  const ws = newWorkspace();
  const ss = ws.spreadsheets.create('Book');
  ws.spreadsheets.setActive(ss.getId());
  const context = ws.loadBundle(dir);
  rmSync(dir, { recursive: true, force: true });
  ws.spreadsheets.userOpen(ss.getId());
  return { ws, ss, context };
}

describe('named users', () => {
  test('a menu click runs as the person who clicked; without a name, as the harness user', () => {
    const { ws } = workspaceWithBundle();
    expect(ws.spreadsheets.ui.clickMenuItem('Who', CLERK)).toBe(CLERK);
    expect(ws.spreadsheets.ui.clickMenuItem('Who')).toBe(OWNER);
  });

  test('each account sees and installs only its own triggers; an installable trigger runs as its creator, whoever edits', () => {
    const { ws, ss, context } = workspaceWithBundle();
    expect(ws.spreadsheets.ui.clickMenuItem('Install', OWNER)).toEqual(['onEditInstalled']);
    // The clerk does not see the owner's trigger, so a "once only" check of theirs installs a second.
    expect(ws.spreadsheets.ui.clickMenuItem('Triggers', CLERK)).toEqual([]);
    expect(ws.spreadsheets.ui.clickMenuItem('Install', CLERK)).toEqual(['onEditInstalled']);
    expect(ws.core.triggers.map((t) => t.createdBy)).toEqual([OWNER, CLERK]);
    ws.spreadsheets.userEdit(ss.getId(), 'Sheet1', 'A1', [['x']], CLERK);
    // Both fire for the one edit, each as its own creator.
    expect(context.editsSeenBy).toEqual([`${OWNER} <- ${CLERK}`, `${CLERK} <- ${CLERK}`]);
  });

  test("mail sent from a clerk's click draws on the clerk's own quota, not the owner's", () => {
    const { ws } = workspaceWithBundle();
    ws.mail.setDailyQuota(2);
    expect(ws.spreadsheets.ui.clickMenuItem('Send', CLERK)).toBe(1);
    expect(ws.spreadsheets.ui.clickMenuItem('Send', CLERK)).toBe(0);
    expect(ws.spreadsheets.ui.clickMenuItem('Send', CLERK)).toBeUndefined(); // refused: the clerk's quota is spent
    expect(ws.core.logs.join('\n')).toContain('Service invoked too many times for one day: email.');
    expect(ws.spreadsheets.ui.clickMenuItem('Send', OWNER)).toBe(1);
    // Each message went out from the mailbox of the account that ran the code.
    expect(ws.mail.sent.map((m) => m.from)).toEqual([CLERK, CLERK, OWNER]);
  });

  test("trigger runtime is charged to each trigger's creator; a click charges no one", () => {
    const { ws, ss } = workspaceWithBundle();
    ws.spreadsheets.ui.clickMenuItem('Install', OWNER);
    ws.spreadsheets.ui.clickMenuItem('Install', CLERK);
    ws.core.triggerRuntimePerDayMs = 1;
    ws.spreadsheets.userEdit(ss.getId(), 'Sheet1', 'A1', [['x']], CLERK);
    const users = ws.core.triggerExecutions.map((e) => e.user);
    expect(users).toEqual([OWNER, CLERK]);
    expect(ws.core.triggerRuntimePeriod(OWNER)).not.toBeNull();
    expect(ws.core.triggerRuntimePeriod(CLERK)).not.toBeNull();
    expect(ws.core.triggerRuntimePeriod('nobody@example.com')).toBeNull();
  });
});
