/**
 * OAuth scopes and Drive: the manifest's scopes are the token's; DriveApp needs `drive` (or
 * `drive.readonly` to read) and never takes `drive.file`; the Advanced Drive service under
 * `drive.file` sees only what the app created; v3's partial responses and query language.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobFake } from '../blob';
import { type Environment, environment } from '../environment';
import type { Workspace } from '../workspace';
import { TIME_ZONE, newWorkspace } from './support';

const AUTH = 'https://www.googleapis.com/auth/';
const DRIVE = `${AUTH}drive`;
const DRIVE_FILE = `${AUTH}drive.file`;
const DRIVE_READONLY = `${AUTH}drive.readonly`;
const OTHERS = [`${AUTH}forms`, `${AUTH}documents`, `${AUTH}spreadsheets.currentonly`];
const FOLDER = 'application/vnd.google-apps.folder';
const DOC = 'application/vnd.google-apps.document';
const FORM = 'application/vnd.google-apps.form';
const DRIVE_V3 = { dependencies: { enabledAdvancedServices: [{ userSymbol: 'Drive', serviceId: 'drive', version: 'v3' }] } };

function world(scopes?: string[], changes: Partial<Environment> = {}): Workspace {
  return newWorkspace({ scopes, environment: environment('consumer', { timeZone: TIME_ZONE, ...changes }) });
}
/** Runs `fn` as one script execution (scopes are checked only there). */
function asScript<T>(ws: Workspace, fn: () => T): T {
  return ws.core.runExecution('test', 'direct', fn);
}
function textBlob(text: string, name: string, type = 'text/plain'): GoogleAppsScript.Base.Blob {
  return new BlobFake(Buffer.from(text, 'utf8'), type, name) as unknown as GoogleAppsScript.Base.Blob;
}

describe('granted scopes', () => {
  const bundle = (manifest: object | null, code: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'gas-scopes-'));
    writeFileSync(join(dir, 'Code.js'), code);
    if (manifest) writeFileSync(join(dir, 'appsscript.json'), JSON.stringify(manifest));
    return dir;
  };
  const code = [
    'function makeFolder() { return DriveApp.createFolder("F").getId(); }',
    'function readFile(id) { return DriveApp.getFileById(id).getName(); }',
    'function apiFolder() { return Drive.Files.create({ name: "A", mimeType: "application/vnd.google-apps.folder" }).id; }',
  ].join('\n');

  test("come from the manifest's oauthScopes: DriveApp refuses drive.file with Apps Script's message, the Drive API takes it", () => {
    const dir = bundle({ ...DRIVE_V3, oauthScopes: [DRIVE_FILE] }, code);
    try {
      const ws = newWorkspace();
      ws.loadBundle(dir);
      expect([...(ws.core.scopes ?? [])]).toEqual([DRIVE_FILE]);
      expect(() => ws.run('makeFolder')).toThrow(
        'Specified permissions are not sufficient to call DriveApp.createFolder. Required permissions: https://www.googleapis.com/auth/drive',
      );
      const id = ws.drive.app.createFile('theirs.txt', 'x').getId();
      expect(() => ws.run('readFile', 'direct', id)).toThrow(
        'Specified permissions are not sufficient to call DriveApp.getFileById. Required permissions: (https://www.googleapis.com/auth/drive.readonly || https://www.googleapis.com/auth/drive)',
      );
      const folderId = ws.run('apiFolder');
      expect(ws.drive.index().find((row) => row.id === folderId)?.mimeType).toBe(FOLDER);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('without oauthScopes Apps Script detects them: everything is granted; WorkspaceOptions.scopes overrides the manifest', () => {
    const dir = bundle(DRIVE_V3, code);
    try {
      const detected = newWorkspace();
      detected.loadBundle(dir);
      expect(detected.core.scopes).toBeNull();
      expect(typeof detected.run('makeFolder')).toBe('string');
      const fixed = world([DRIVE_READONLY]);
      fixed.loadBundle(dir);
      expect(() => fixed.run('makeFolder')).toThrow('Required permissions: https://www.googleapis.com/auth/drive');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('DriveApp and the Drive scopes', () => {
  test('drive.readonly reads any file but cannot change one; File methods are checked too; the harness is not', () => {
    const ws = world([DRIVE_READONLY, ...OTHERS]);
    const file = ws.drive.app.createFile('theirs.txt', 'hello'); // a person's file: the harness is unchecked
    asScript(ws, () => {
      const seen = ws.drive.app.getFileById(file.getId());
      expect([seen.getName(), seen.isTrashed(), seen.getBlob().getDataAsString()]).toEqual(['theirs.txt', false, 'hello']);
      expect(() => seen.setTrashed(true)).toThrow(
        'Specified permissions are not sufficient to call DriveApp.File.setTrashed. Required permissions: https://www.googleapis.com/auth/drive',
      );
      expect(() => ws.drive.app.getRootFolder().createFile('mine.txt', 'x')).toThrow('call DriveApp.Folder.createFile.');
    });
    expect(ws.drive.app.getFileById(file.getId()).isTrashed()).toBe(false);
  });

  test('drive.file alone: even reading through DriveApp is refused', () => {
    const ws = world([DRIVE_FILE, ...OTHERS]);
    asScript(ws, () => {
      const made = ws.drive.advanced.Files.create({ name: 'mine.txt' }, textBlob('x', 'mine.txt'));
      expect(() => ws.drive.app.getFileById(String(made.id))).toThrow('call DriveApp.getFileById.');
      expect(() => ws.drive.app.getFilesByName('mine.txt')).toThrow('call DriveApp.getFilesByName.');
    });
  });
});

describe('Drive.Files under drive.file', () => {
  test('creates a folder, a Doc, a form and a blob file there, then gets, updates, lists and shares them', () => {
    const ws = world([DRIVE_FILE, ...OTHERS]);
    const Files = ws.drive.advanced.Files;
    asScript(ws, () => {
      const root = String(Files.get('root').id);
      const folder = Files.create({ name: 'Reports', mimeType: FOLDER, parents: [root] });
      const doc = Files.create({ name: 'Agenda', mimeType: DOC, parents: [String(folder.id)] });
      const form = Files.create({ name: 'N1', mimeType: FORM, parents: [String(folder.id)] });
      const csv = Files.create({ name: 'calls.csv', mimeType: 'text/csv', parents: [String(folder.id)] }, textBlob('a,b', 'x.csv'));

      // The Doc opens in DocumentApp (one empty paragraph) and renders in the harness's views.
      const opened = ws.docs.app.openById(String(doc.id));
      opened.getBody().appendParagraph('Item 1');
      expect(ws.docs.toHtml(String(doc.id))).toContain('Item 1');
      // The form opens in FormApp, unpublished as FormApp.create makes it, titled with its name.
      const f = ws.forms.app.openById(String(form.id));
      expect([f.getTitle(), (f as unknown as { isPublished(): boolean }).isPublished()]).toEqual(['N1', false]);
      expect(ws.drive.advanced.Permissions.create({ type: 'anyone', view: 'published', role: 'reader' }, String(form.id)).view).toBe('published');
      f.addTextItem().setTitle('Q');
      (f as unknown as { setPublished(on: boolean): void }).setPublished(true);

      expect(Files.get(String(csv.id), { fields: 'name,parents,size,trashed' })).toEqual({
        name: 'calls.csv',
        parents: [folder.id],
        size: '3',
        trashed: false,
      });
      expect(Files.get(String(csv.id), { alt: 'media' })).toBe('a,b');
      Files.update({ name: 'calls-2.csv' }, String(csv.id), textBlob('c,d', 'y.csv'));
      expect(Files.get(String(csv.id), { alt: 'media' })).toBe('c,d');
      Files.update({ trashed: true }, String(doc.id));

      const names = (q: string) => (Files.list({ q, fields: 'files(name)' }).files ?? []).map((x) => x.name);
      expect(names(`'${folder.id}' in parents and trashed = false`)).toEqual(['N1', 'calls-2.csv']);
      expect(names(`mimeType = '${FOLDER}'`)).toEqual(['Reports']);
      expect(ws.drive.advanced.Permissions.list(String(csv.id)).permissions?.[0].role).toBe('owner');

      // Moving takes removeParents with addParents: a My Drive item has one parent.
      const sub = Files.create({ name: 'Old', mimeType: FOLDER });
      expect(() => Files.update({}, String(csv.id), null as unknown as GoogleAppsScript.Base.Blob, { addParents: String(sub.id) })).toThrow(
        'API call to drive.files.update failed with error: Increasing the number of parents is not allowed.',
      );
      Files.update({}, String(csv.id), null as unknown as GoogleAppsScript.Base.Blob, { addParents: String(sub.id), removeParents: String(folder.id) });
      expect(Files.get(String(csv.id), { fields: 'parents' }).parents).toEqual([sub.id]);
    });
    const formId = ws.forms.list()[0].id;
    ws.forms.respond(formId, { Q: 'fine' }); // a respondent answers the published form
    expect([ws.forms.snapshot(formId).responseCount, ws.forms.snapshot(formId).name]).toEqual([1, 'N1']);
    expect(ws.drive.index().find((row) => row.id === formId)?.folderPath).toBe('My Drive/Reports');
    expect(ws.core.callSummary().byMethod['Drive.Files.create']).toBe(5);
    expect(ws.core.callSummary().byMethod['Drive.Files.update']).toBe(4);
  });

  test('a file the app did not create does not exist for it: 404 on get, update, delete and permissions, absent from list', () => {
    const ws = world([DRIVE_FILE, ...OTHERS]);
    const theirs = ws.drive.app.createFile('municipality.json', '{}', 'application/json').getId();
    const theirFolder = ws.drive.app.createFolder('Made in the UI').getId();
    const notFound = (method: string) => `API call to drive.${method} failed with error: File not found: ${theirs}.`;
    const { Files, Permissions } = ws.drive.advanced;
    asScript(ws, () => {
      Files.create({ name: 'mine.json', mimeType: 'application/json' }, textBlob('{}', 'mine.json'));
      expect(() => Files.get(theirs)).toThrow(notFound('files.get'));
      expect(() => Files.update({ name: 'x' }, theirs)).toThrow(notFound('files.update'));
      expect(() => Files.remove(theirs)).toThrow(notFound('files.delete'));
      expect(() => Permissions.list(theirs)).toThrow(notFound('permissions.list'));
      expect(() => Permissions.create({ type: 'anyone', role: 'reader' }, theirs)).toThrow(notFound('permissions.create'));
      expect(() => Files.create({ name: 'in theirs', mimeType: FOLDER, parents: [theirFolder] })).toThrow(`File not found: ${theirFolder}.`);
      expect((Files.list({ fields: 'files(name)' }).files ?? []).map((f) => f.name)).toEqual(['mine.json']);
    });
    // Outside an execution nothing is checked: the harness still sees everything.
    expect(Files.get(theirs).name).toBe('municipality.json');
    expect(ws.drive.createdByApp(theirs)).toBe(false);
    // Once a person opens it with the app (the Picker), drive.file covers it.
    ws.drive.openWithApp(theirs);
    expect(asScript(ws, () => Files.get(theirs).name)).toBe('municipality.json');
  });

  test("the app's hold is per account: what the owner's run made is 'File not found' to another editor's run of the same script", () => {
    const ws = world([DRIVE_FILE, ...OTHERS]);
    const { Files } = ws.drive.advanced;
    const owner = ws.core.user;
    const folder = asScript(ws, () => Files.create({ name: 'Reports', mimeType: FOLDER }).id as string);
    expect(ws.drive.appUsers(folder)).toEqual([owner]);
    const asClerk = <T>(fn: () => T): T => ws.core.runExecution('test', 'direct', fn, 'clerk@example.ge');
    expect(() => asClerk(() => Files.get(folder))).toThrow(`File not found: ${folder}.`);
    expect(asClerk(() => Files.list({ q: "name = 'Reports'" }).files)).toEqual([]);
    // What the clerk's run makes is the clerk's, and not the owner's.
    const theirs = asClerk(() => Files.create({ name: 'Reports', mimeType: FOLDER }).id as string);
    expect(() => asScript(ws, () => Files.get(theirs))).toThrow(`File not found: ${theirs}.`);
    // Opened with the app by the clerk (the Picker), the owner's folder is the clerk's too.
    ws.drive.openWithApp(folder, 'clerk@example.ge');
    expect(asClerk(() => Files.get(folder).name)).toBe('Reports');
  });

  test('drive.readonly with drive.file reads a file it did not create but cannot trash it (403 appNotAuthorizedToFile)', () => {
    const ws = world([DRIVE_READONLY, DRIVE_FILE, ...OTHERS]);
    const theirs = ws.drive.app.createFile('theirs.txt', 'x').getId();
    asScript(ws, () => {
      expect(ws.drive.advanced.Files.get(theirs).name).toBe('theirs.txt');
      expect(ws.drive.advanced.Files.list({ q: "name = 'theirs.txt'" }).files).toHaveLength(1);
      expect(() => ws.drive.advanced.Files.update({ trashed: true }, theirs)).toThrow(
        new RegExp(`^API call to drive\\.files\\.update failed with error: The user has not granted the app \\d{12} write access to the file ${theirs}\\.$`),
      );
    });
    expect(ws.drive.app.getFileById(theirs).isTrashed()).toBe(false);
  });

  test('no Drive scope at all: the API answers 403 insufficient scopes', () => {
    const ws = world(OTHERS);
    asScript(ws, () => {
      expect(() => ws.drive.advanced.Files.list()).toThrow('API call to drive.files.list failed with error: Request had insufficient authentication scopes.');
      expect(() => ws.drive.advanced.Files.create({ name: 'x' })).toThrow(
        'API call to drive.files.create failed with error: Request had insufficient authentication scopes.',
      );
    });
  });

  test.each([
    [false, 'absent'],
    [true, 'the app’s'],
  ])('FormApp.create / DocumentApp.create with builtinCreatesCountForDriveFile %s: the file is %s', (counts) => {
    const ws = world([DRIVE_FILE, ...OTHERS], { builtinCreatesCountForDriveFile: counts });
    asScript(ws, () => {
      const ids = [ws.forms.app.create('Form').getId(), ws.docs.app.create('Doc').getId()];
      for (const id of ids) {
        if (counts) expect(ws.drive.advanced.Files.get(id).id).toBe(id);
        else expect(() => ws.drive.advanced.Files.get(id)).toThrow(`File not found: ${id}.`);
      }
    });
  });
});

describe('Drive v3 responses', () => {
  test('only kind, id, name and mimeType unless fields asks; RFC 3339 times; webViewLink is the file’s URL', () => {
    const ws = world([DRIVE, ...OTHERS]);
    asScript(ws, () => {
      const made = ws.drive.advanced.Files.create({ name: 'Agenda', mimeType: DOC });
      expect(made).toEqual({ kind: 'drive#file', id: made.id, name: 'Agenda', mimeType: DOC });
      const all = ws.drive.advanced.Files.get(String(made.id), { fields: '*' });
      expect(Date.parse(String(all.createdTime))).toBeLessThanOrEqual(ws.core.now());
      expect(all.modifiedTime).toBe(all.createdTime);
      expect(all.createdTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(all.webViewLink).toBe(ws.drive.app.getFileById(String(made.id)).getUrl());
      expect(all.parents).toEqual([ws.drive.app.getRootFolder().getId()]);
      expect(ws.drive.advanced.Files.list()).toEqual({
        kind: 'drive#fileList',
        incompleteSearch: false,
        files: [{ kind: 'drive#file', id: made.id, name: 'Agenda', mimeType: DOC }],
      });
      expect(() => ws.drive.advanced.Files.get(String(made.id), { fields: 'id,nmae' })).toThrow('Invalid field selection nmae');
    });
  });

  test('list pages: pageSize and nextPageToken; update refuses a parents field', () => {
    const ws = world([DRIVE, ...OTHERS]);
    const { Files } = ws.drive.advanced;
    asScript(ws, () => {
      for (let i = 0; i < 5; i++) Files.create({ name: `f${i}` }, textBlob('x', 'x.txt'));
      const first = Files.list({ pageSize: 2, fields: 'nextPageToken,files(name)' });
      expect(first.files?.map((f) => f.name)).toEqual(['f0', 'f1']);
      const names: string[] = [];
      let token: string | undefined;
      do {
        const page = Files.list({ pageSize: 2, pageToken: token, fields: 'nextPageToken,files(name)' });
        names.push(...(page.files ?? []).map((f) => String(f.name)));
        token = page.nextPageToken;
      } while (token);
      expect(names).toEqual(['f0', 'f1', 'f2', 'f3', 'f4']);
      expect(Files.list().files).toHaveLength(5);
      const id = String(Files.list().files?.[0].id);
      expect(() => Files.update({ parents: ['x'] }, id)).toThrow('The parents field is not directly writable in update requests.');
    });
  });

  test("queries: name with \\' escapes, and anything outside the subset is Drive's 400 Invalid Value", () => {
    const ws = world([DRIVE, ...OTHERS]);
    asScript(ws, () => {
      ws.drive.advanced.Files.create({ name: "Mayor's report" }, textBlob('x', 'r.txt'));
      expect(ws.drive.advanced.Files.list({ q: "name = 'Mayor\\'s report' and trashed = false" }).files).toHaveLength(1);
      expect(() => ws.drive.advanced.Files.list({ q: "title = 'x'" })).toThrow('API call to drive.files.list failed with error: Invalid Value');
      expect(() => ws.drive.advanced.Files.list({ q: "name contains 'x'" })).toThrow('Invalid Value');
    });
  });
});
