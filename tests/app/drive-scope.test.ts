/**
 * Issue 15 item 7: the product under the manifest's `drive.file` — Drive only for what it made.
 * Every other test runs under the same manifest (dist/appsscript.json); these show what is
 * specific to the scope: no DriveApp at all, the same result whether or not Google counts files
 * made by FormApp/DocumentApp as the app's (a world switch: Google does not say), and a person's
 * Drive left unseen. Run `npm run build` first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { environment } from '../../emulator';
import { feedbackColumnKey, recordToRow } from '../../src/domain/feedback-row';
import { t } from '../../src/domain/messages';
import { TABS } from '../../src/domain/schema';
import { appendTabRows, feedbackRecord, tabOf } from '../support/records';
import { setUpWorkbook, type Fixture } from '../support/workbook';

const AUTH = 'https://www.googleapis.com/auth/';
const FORM_MIME = 'application/vnd.google-apps.form';
const FOLDER_MIME = 'application/vnd.google-apps.folder';
const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };

function workspaceWorld(builtinCreatesCountForDriveFile: boolean): Fixture {
  return setUpWorkbook({ environment: environment('workspace', { builtinCreatesCountForDriveFile }) });
}

function click(fx: Fixture, caption: string, answer?: string): string {
  if (answer !== undefined) fx.ws.spreadsheets.ui.answerNext({ button: 'OK', text: answer });
  fx.click(caption);
  const alerts = fx.ws.spreadsheets.ui.shown.filter((s) => s.kind === 'alert');
  return alerts[alerts.length - 1]?.message ?? '';
}

/** What the product made in Drive, by MIME type and name (ids differ between worlds). */
function madeItems(fx: Fixture): string[] {
  return fx.ws.drive
    .index()
    .filter((row) => !row.trashed)
    .map((row) => `${row.mimeType} ${row.folderPath}/${row.name} ${row.sharing.access}`)
    .sort();
}

function checkRows(fx: Fixture): string[][] {
  return tabOf(fx, t('tab.self_check'))
    .getDataRange()
    .getDisplayValues()
    .map((row) => row.map(String));
}

/** A quarter's feedback big enough to publish: 12 N1 answers for one service. */
function seedQuarter(fx: Fixture): void {
  const feedback = tabOf(fx, TABS.feedback.name);
  const header = feedback
    .getRange(1, 1, 1, feedback.getLastColumn())
    .getValues()[0]
    .map((h) => feedbackColumnKey(String(h)));
  const records = Array.from({ length: 12 }, (_, i) => feedbackRecord({ service: 'newborn', answers: { 'n1.overall': i < 9 ? 5 : 2, 'n1.staff_helpful': 5 } }));
  appendTabRows(
    fx,
    TABS.feedback.name,
    records.map((r) => recordToRow(r, header)),
  );
}

test('the token carries drive.file and no wider Drive scope, as the manifest says', () => {
  const fx = setUpWorkbook();
  expect(manifest.oauthScopes).toContain(`${AUTH}drive.file`);
  const granted = [...(fx.ws.core.scopes ?? [])];
  expect(granted).toEqual(expect.arrayContaining([`${AUTH}drive.file`]));
  expect(granted).not.toContain(`${AUTH}drive`);
  expect(granted).not.toContain(`${AUTH}drive.readonly`);
});

describe.each([false, true])("whether Google counts FormApp/DocumentApp files as the app's: %s", (builtins) => {
  it('setup opens both forms to anyone, a report gets its PDF, publishing shares by link — not one DriveApp call', () => {
    const fx = workspaceWorld(builtins);
    const forms = fx.ws.drive.index().filter((row) => row.mimeType === FORM_MIME && !row.trashed);
    expect(forms).toHaveLength(2);
    for (const form of forms) {
      expect(fx.ws.drive.createdByApp(form.id)).toBe(true);
      expect(fx.ws.drive.permissions(form.id)).toEqual(
        expect.arrayContaining([expect.objectContaining({ type: 'anyone', view: 'published', role: 'reader' })]),
      );
    }
    // The self-check says so too: no ✗ row.
    expect(checkRows(fx).filter((row) => row.some((cell) => cell.includes('✗')))).toEqual([]);

    seedQuarter(fx);
    fx.ws.core.setNow(Date.parse('2026-04-02T10:00:00+04:00'));
    fx.ws.core.resetCalls();
    click(fx, t('menu.publish_report'), '2026-Q1');
    const summary = fx.ws.core.callSummary();
    expect(summary.byService.DriveApp ?? 0).toBe(0);
    expect(summary.byMethod['Drive.Files.create'] ?? 0).toBeGreaterThan(0);
    const items = madeItems(fx);
    expect(items.filter((line) => line.startsWith('application/pdf'))).toHaveLength(1);
    expect(items.filter((line) => line.startsWith(FOLDER_MIME) && line.includes('ANYONE_WITH_LINK'))).toHaveLength(1);
    // Everything the product made, it can reach again under drive.file (the bound workbook is the owner's, not made by the script).
    for (const row of fx.ws.drive.index().filter((item) => item.id !== fx.spreadsheetId))
      expect({ name: row.name, app: fx.ws.drive.createdByApp(row.id) }).toEqual({ name: row.name, app: true });
  });
});

test('both worlds end with the same Drive', () => {
  const made = [false, true].map((builtins) => {
    const fx = workspaceWorld(builtins);
    click(fx, t('menu.paper_form'));
    return madeItems(fx);
  });
  expect(made[0].length).toBeGreaterThan(3);
  expect(made[1]).toEqual(made[0]);
});

test("a person's folder of the product's name is neither seen nor touched; the product makes its own", () => {
  const fx = setUpWorkbook();
  // Made by a person in Drive's UI (outside any script run): not the app's.
  const theirs = fx.ws.drive.app.createFolder(t('folder.print'));
  theirs.createFile('მათი.txt', 'პირადი');
  click(fx, t('menu.paper_form'));
  const folders = fx.ws.drive.index().filter((row) => row.mimeType === FOLDER_MIME && row.name === t('folder.print') && !row.trashed);
  expect(folders).toHaveLength(2);
  const ours = folders.find((row) => row.id !== theirs.getId());
  expect(ours && fx.ws.drive.createdByApp(ours.id)).toBe(true);
  expect(fx.ws.drive.createdByApp(theirs.getId())).toBe(false);
  const inTheirs = [...iterate(theirs.getFiles())].map((file) => file.getName());
  expect(inTheirs).toEqual(['მათი.txt']);
});

function* iterate<T>(it: { hasNext(): boolean; next(): T }): Generator<T> {
  while (it.hasNext()) yield it.next();
}
