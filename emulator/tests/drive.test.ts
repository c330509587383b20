import { DriveService } from '../drive';
import { DocsService } from '../docs';
import { BlobFake } from '../blob';
import { newCore } from './support';

function setup() {
  const core = newCore();
  const drive = new DriveService(core);
  const docs = new DocsService(core);
  return { core, drive, docs, DriveApp: drive.app, MimeType: drive.mimeTypes };
}

const NOT_FOUND = 'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

describe('DriveApp', () => {
  test('folders and text files: createFile(name, content, mimeType) stores UTF-8 bytes the harness can read', () => {
    const { drive, DriveApp, MimeType } = setup();
    const folder = DriveApp.createFolder('Berichte');
    const file = folder.createFile('post.html', '<p>Grüße — merci</p>', MimeType.HTML);
    expect(file.getMimeType()).toBe('text/html');
    expect(file.getName()).toBe('post.html');
    expect(Buffer.from(drive.contentOf(file.getId())!).toString('utf8')).toBe('<p>Grüße — merci</p>');
    expect(file.getSize()).toBe(Buffer.byteLength('<p>Grüße — merci</p>'));
    expect(file.getBlob().getDataAsString()).toBe('<p>Grüße — merci</p>');
    expect(DriveApp.createFile('note.txt', 'x').getMimeType()).toBe('text/plain');
    expect(folder.getFiles().next().getId()).toBe(file.getId());
    expect(DriveApp.getRootFolder().getFolders().next().getName()).toBe('Berichte');
  });

  test('createFile(blob) takes the blob name, type and bytes; setContent replaces text', () => {
    const { DriveApp } = setup();
    const blob = new BlobFake(new Uint8Array([0x89, 0x50, 1, 2]), 'image/png', 'qr.png');
    const file = DriveApp.createFile(blob as unknown as GoogleAppsScript.Base.BlobSource);
    expect([file.getName(), file.getMimeType(), file.getSize()]).toEqual(['qr.png', 'image/png', 4]);
    const text = DriveApp.createFile('a.csv', 'x,y', 'text/csv');
    text.setContent('a,b\n1,2');
    expect(text.getBlob().getDataAsString()).toBe('a,b\n1,2');
  });

  test('URL formats follow Google per type', () => {
    const { DriveApp, docs } = setup();
    const folder = DriveApp.createFolder('F');
    const file = folder.createFile('a.txt', 'x');
    const docId = docs.app.create('Report').getId();
    expect(file.getUrl()).toBe(`https://drive.google.com/file/d/${file.getId()}/view?usp=drivesdk`);
    expect(file.getDownloadUrl()).toBe(`https://drive.google.com/uc?id=${file.getId()}&export=download`);
    expect(folder.getUrl()).toBe(`https://drive.google.com/drive/folders/${folder.getId()}`);
    expect(DriveApp.getFileById(docId).getUrl()).toBe(`https://docs.google.com/document/d/${docId}/edit`);
    expect(DriveApp.getFileById(docId).getDownloadUrl()).toBeNull();
  });

  test('sharing: enum values compare by identity and print their names; private files report NONE', () => {
    const { DriveApp } = setup();
    const file = DriveApp.createFile('a.txt', 'x');
    expect(file.getSharingAccess()).toBe(DriveApp.Access.PRIVATE);
    expect(String(file.getSharingPermission())).toBe('NONE');
    file.setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.VIEW);
    expect(file.getSharingAccess()).toBe(DriveApp.Access.ANYONE_WITH_LINK);
    expect(file.getSharingPermission()).toBe(DriveApp.Permission.VIEW);
    expect(String(file.getSharingAccess())).toBe('ANYONE_WITH_LINK');
  });

  test('sharing: OWNER cannot be set, NONE only with ANYONE (Permission enum docs)', () => {
    const { DriveApp } = setup();
    const file = DriveApp.createFile('a.txt', 'x');
    expect(() => file.setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.OWNER)).toThrow('Invalid argument: permissionType');
    expect(() => file.setSharing(DriveApp.Access.DOMAIN, DriveApp.Permission.NONE)).toThrow('Invalid argument: permissionType');
    file.setSharing(DriveApp.Access.ANYONE, DriveApp.Permission.NONE);
    expect(String(file.getSharingAccess())).toBe('ANYONE');
  });

  test('trash: trashed files leave getFilesByName and folder listings; a trashed folder trashes its contents', () => {
    const { DriveApp } = setup();
    const folder = DriveApp.createFolder('F');
    const inside = folder.createFile('same.txt', '1');
    const outside = DriveApp.createFile('same.txt', '2');
    expect(count(DriveApp.getFilesByName('same.txt'))).toBe(2);
    outside.setTrashed(true);
    expect(outside.isTrashed()).toBe(true);
    expect(count(DriveApp.getFilesByName('same.txt'))).toBe(1);
    folder.setTrashed(true);
    expect(inside.isTrashed()).toBe(true);
    expect(count(DriveApp.getFilesByName('same.txt'))).toBe(0);
    expect(count(DriveApp.getTrashedFiles())).toBe(2);
  });

  test('searchFiles: title clauses, trashed files included unless the query excludes them', () => {
    const { DriveApp } = setup();
    DriveApp.createFile("it's.txt", 'x').setTrashed(true);
    DriveApp.createFile("it's.txt", 'y');
    expect(count(DriveApp.searchFiles("title = 'it\\'s.txt'"))).toBe(2);
    expect(count(DriveApp.searchFiles("title = 'it\\'s.txt' and trashed = false"))).toBe(1);
    expect(count(DriveApp.searchFiles('title contains "IT"'))).toBe(2);
    expect(() => DriveApp.searchFiles('name = "x"')).toThrow('Invalid argument: q');
  });

  test("iterators: next() past the end throws Google's message; a continuation token resumes", () => {
    const { DriveApp } = setup();
    const folder = DriveApp.createFolder('F');
    for (const n of ['a', 'b', 'c']) folder.createFile(n, n);
    const files = folder.getFiles();
    expect(files.next().getName()).toBe('a');
    const resumed = DriveApp.continueFileIterator(files.getContinuationToken());
    expect([resumed.next().getName(), resumed.next().getName(), resumed.hasNext()]).toEqual(['b', 'c', false]);
    expect(() => resumed.next()).toThrow('Cannot retrieve the next object: iterator has reached the end.');
  });

  test('unknown ids throw the message users see', () => {
    const { DriveApp } = setup();
    expect(() => DriveApp.getFileById('nope')).toThrow(NOT_FOUND);
    const file = DriveApp.createFile('a.txt', 'x');
    expect(() => DriveApp.getFolderById(file.getId())).toThrow(NOT_FOUND);
  });

  test('moveTo, addFile, getParents and makeCopy', () => {
    const { DriveApp } = setup();
    const a = DriveApp.createFolder('A');
    const b = DriveApp.createFolder('B');
    const file = DriveApp.createFile('x.txt', 'x');
    expect(file.getParents().next().getId()).toBe(DriveApp.getRootFolder().getId());
    file.moveTo(a);
    expect(file.getParents().next().getName()).toBe('A');
    b.addFile(file);
    expect(count(file.getParents())).toBe(2);
    const copy = file.makeCopy(b);
    expect(copy.getName()).toBe('Copy of x.txt');
    expect(copy.getParents().next().getName()).toBe('B');
    expect(file.makeCopy('named').getName()).toBe('named');
  });

  test('dates follow the simulated clock', () => {
    const { core, DriveApp } = setup();
    const file = DriveApp.createFile('a.txt', 'x');
    core.advance(60_000);
    file.setName('b.txt');
    expect(file.getDateCreated().getTime()).toBe(Date.UTC(2026, 0, 5, 5, 0, 0));
    expect(file.getLastUpdated().getTime() - file.getDateCreated().getTime()).toBe(60_000);
  });

  test('a Google Doc exports to PDF only (and Markdown), and copies into a document DocumentApp can open', () => {
    const { DriveApp, docs } = setup();
    const doc = docs.app.create('Report');
    doc.getBody().appendParagraph('Hello');
    const file = DriveApp.getFileById(doc.getId());
    const pdf = file.getAs('application/pdf');
    expect(pdf.getName()).toBe('Report.pdf');
    expect(pdf.getDataAsString('ISO-8859-1').startsWith('%PDF-1.4')).toBe(true);
    expect(file.getBlob().getContentType()).toBe('application/pdf');
    expect(file.getAs('text/markdown').getDataAsString()).toContain('Hello');
    expect(() => file.getAs('text/html')).toThrow('Converting from application/vnd.google-apps.document to text/html is not supported.');
    const copy = file.makeCopy('Report 2');
    expect(docs.app.openById(copy.getId()).getBody().getText()).toBe('\nHello');
  });

  test('index() lists every item with folder path, sharing, trash state and size; calls are charged', () => {
    const { core, drive, DriveApp } = setup();
    const folder = DriveApp.createFolder('Site');
    const file = folder.createFile('post.txt', 'abc');
    file.setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.VIEW);
    expect(drive.index().find((row) => row.id === file.getId())).toEqual({
      id: file.getId(),
      name: 'post.txt',
      mimeType: 'text/plain',
      folderPath: 'My Drive/Site',
      sharing: { access: 'ANYONE_WITH_LINK', permission: 'VIEW' },
      trashed: false,
      size: 3,
    });
    expect(core.calls.get('DriveApp.createFile')).toBe(1);
    expect(core.calls.get('DriveApp.setSharing')).toBe(1);
  });
});

function count(iterator: { hasNext(): boolean; next(): unknown }): number {
  let n = 0;
  while (iterator.hasNext()) {
    iterator.next();
    n++;
  }
  return n;
}
