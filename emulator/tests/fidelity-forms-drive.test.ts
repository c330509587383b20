/**
 * FormApp and DriveApp as live Apps Script behaves, for the methods the product calls. Each
 * expectation is an assertion of the gas-fakes suite run on live Apps Script
 * (github.com/brucemcpherson/gas-fakes, test/<file>:<line>) or Google's reference, restated in our
 * own tests.
 */
import { newWorkspace } from './support';

function forms() {
  const ws = newWorkspace();
  return { ws, FormApp: ws.forms.app, DriveApp: ws.drive.app };
}

describe('FormApp.create and open (gas-fakes test/testform.js:55–103)', () => {
  test('the name goes to the Drive file; the form title stays empty, also when reopened', () => {
    const { FormApp, DriveApp } = forms();
    const form = FormApp.create('Survey file');
    expect(DriveApp.getFileById(form.getId()).getName()).toBe('Survey file');
    expect(form.getTitle()).toBe('');
    expect(FormApp.openById(form.getId()).getTitle()).toBe('');
    expect(FormApp.openByUrl(form.getEditUrl()).getTitle()).toBe('');
    form.setTitle('Shown title').setDescription('About');
    const reopened = FormApp.openById(form.getId());
    expect([reopened.getTitle(), reopened.getDescription()]).toEqual(['Shown title', 'About']);
  });

  test('its URLs: the editor URL carries the id, the published one ends in /viewform', () => {
    const { FormApp } = forms();
    const form = FormApp.create('F');
    expect(form.getEditUrl()).toContain(form.getId());
    expect(form.getPublishedUrl()).toContain('/viewform');
  });

  test('a URL that is no form is refused with "Invalid argument: url"', () => {
    const { FormApp } = forms();
    expect(() => FormApp.openByUrl('http://invalid.url/')).toThrow('Invalid argument: url');
  });

  test('closing a form to responses does not unpublish it (test/testform.js:110–120)', () => {
    const { FormApp } = forms();
    const form = FormApp.create('F');
    form.setPublished(true);
    form.setAcceptingResponses(false);
    expect(form.isPublished()).toBe(true);
    expect(form.isAcceptingResponses()).toBe(false);
  });

  test('a form and its items print as their class names', () => {
    const { FormApp } = forms();
    const form = FormApp.create('F');
    const items: object[] = [form.addCheckboxItem(), form.addMultipleChoiceItem(), form.addListItem(), form.addScaleItem(), form.addTextItem()];
    items.push(form.addSectionHeaderItem(), form.addPageBreakItem());
    expect([String(form), ...items.map(String)]).toEqual([
      'Form',
      'CheckboxItem',
      'MultipleChoiceItem',
      'ListItem',
      'ScaleItem',
      'TextItem',
      'SectionHeaderItem',
      'PageBreakItem',
    ]);
  });
});

describe('new items (gas-fakes test/testform.js:210–455)', () => {
  test('checkbox, multiple-choice and list items start with one empty choice, until replaced', () => {
    const { FormApp } = forms();
    const form = FormApp.create('F');
    for (const item of [form.addCheckboxItem(), form.addMultipleChoiceItem(), form.addListItem()]) {
      expect(item.getChoices().map((c) => c.getValue())).toEqual(['']);
      expect(item.isRequired()).toBe(false);
    }
    const list = form.addListItem().setChoiceValues(['Option X', 'Option Y']);
    expect(list.getChoices().map((c) => c.getValue())).toEqual(['Option X', 'Option Y']);
    const box = form.addCheckboxItem();
    box.setChoices(['Red', 'Green'].map((v) => box.createChoice(v)));
    expect(
      form
        .getItemById(box.getId())
        .asCheckboxItem()
        .getChoices()
        .map((c) => c.getValue()),
    ).toEqual(['Red', 'Green']);
  });

  test('items count from index 0, have numeric ids, and moveItem reorders them', () => {
    const { FormApp } = forms();
    const form = FormApp.create('F');
    const a = form.addCheckboxItem().setTitle('A');
    const b = form.addSectionHeaderItem().setTitle('B');
    const c = form.addScaleItem().setTitle('C');
    expect([a.getIndex(), b.getIndex(), c.getIndex()]).toEqual([0, 1, 2]);
    expect([a, b, c].every((item) => typeof item.getId() === 'number')).toBe(true);
    form.moveItem(2, 0);
    expect([c.getIndex(), a.getIndex(), b.getIndex()]).toEqual([0, 1, 2]);
  });

  test('a scale runs 1–5 until setBounds; 0–10 is allowed (test/testform.js:360–371)', () => {
    const { FormApp } = forms();
    const scale = FormApp.create('F').addScaleItem();
    expect([scale.getLowerBound(), scale.getUpperBound()]).toEqual([1, 5]);
    scale.setBounds(0, 10).setLabels('Bad', 'Good');
    expect([scale.getLowerBound(), scale.getUpperBound(), scale.getLeftLabel()]).toEqual([0, 10, 'Bad']);
  });

  test('setDestination with something that is no DestinationType fits no overload (test/testform.js:535–542)', () => {
    const { FormApp } = forms();
    const form = FormApp.create('F');
    expect(() => form.setDestination('UNSUPPORTED_TYPE' as unknown as GoogleAppsScript.Forms.DestinationType, 'some-id')).toThrow(/parameters/);
  });
});

describe('DriveApp sharing (gas-fakes test/testdrivesharing.js:10–31)', () => {
  test('a new file is private; sharing goes to link, to anyone, and back to PRIVATE with NONE', () => {
    const { DriveApp } = forms();
    const file = DriveApp.createFile('a.txt', 'x');
    const state = () => [String(file.getSharingAccess()), String(file.getSharingPermission())];
    expect(state()).toEqual(['PRIVATE', 'NONE']);
    file.setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.VIEW);
    expect(state()).toEqual(['ANYONE_WITH_LINK', 'VIEW']);
    file.setSharing(DriveApp.Access.ANYONE, DriveApp.Permission.EDIT);
    expect(state()).toEqual(['ANYONE', 'EDIT']);
    file.setSharing(DriveApp.Access.PRIVATE, DriveApp.Permission.NONE);
    expect(state()).toEqual(['PRIVATE', 'NONE']);
  });
});

describe("DriveApp's argument checks (gas-fakes test/testdrive.js:139–146, 755–770)", () => {
  const signature = (given: string) => new RegExp(`^The parameters \\(${given}\\) don't match the method signature for DriveApp.createFile`);

  test('createFile fits (blob), (name, content) and (name, content, mimeType) only', () => {
    const { DriveApp, ws } = forms();
    const create = DriveApp.createFile.bind(DriveApp) as unknown as (...args: unknown[]) => unknown;
    expect(() => create()).toThrow(signature(''));
    expect(() => create('')).toThrow(signature('String'));
    expect(() => create('name.txt')).toThrow(signature('String'));
    expect(() => create(ws.utilities.newBlob('x', 'text/plain', 'b.txt'), '')).toThrow(signature('Blob,String'));
    expect(() => create(null, '')).toThrow('Invalid argument: name');
    expect(() => create(ws.utilities.newBlob(''))).toThrow('Blob object must have non-null name for this operation.');
    expect(DriveApp.createFile('empty.txt', '').getSize()).toBe(0);
    expect(DriveApp.createFile(ws.utilities.newBlob('x', 'text/plain', 'b.txt')).getName()).toBe('b.txt');
  });

  test('a null or undefined id is an invalid argument; an empty one an unexpected error', () => {
    const { DriveApp } = forms();
    const byId = DriveApp.getFileById.bind(DriveApp) as unknown as (id: unknown) => unknown;
    const folderById = DriveApp.getFolderById.bind(DriveApp) as unknown as (id: unknown) => unknown;
    for (const lookup of [byId, folderById]) {
      expect(() => lookup(null)).toThrow('Invalid argument: id');
      expect(() => lookup(undefined)).toThrow('Invalid argument: id');
      expect(() => lookup('')).toThrow(/^Unexpected error/);
    }
  });

  test('DriveApp prints as "Drive", the root folder as "My Drive", a file as its name (test/testdrive.js:24, 536–537)', () => {
    const { DriveApp } = forms();
    expect([String(DriveApp), String(DriveApp.getRootFolder()), String(DriveApp.createFile('n.txt', 'x'))]).toEqual(['Drive', 'My Drive', 'n.txt']);
  });
});

describe('Drive v3 permissions (gas-fakes test/testdrive.js:370–383)', () => {
  test("a private file lists one permission, its owner's, with an id, and not deleted", () => {
    const { ws, DriveApp } = forms();
    const file = DriveApp.createFile('p.txt', 'x');
    const { permissions = [] } = ws.drive.advanced.Permissions.list(file.getId());
    expect(permissions).toHaveLength(1);
    const [owner] = permissions;
    expect([owner.type, owner.role, owner.emailAddress, owner.deleted, owner.kind]).toEqual(['user', 'owner', 'owner@example.com', false, 'drive#permission']);
    expect(typeof owner.id === 'string' && owner.id !== '').toBe(true);
  });
});
