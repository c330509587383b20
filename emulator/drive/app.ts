/**
 * DriveApp: the root folder, creating, finding and searching files and folders, and its enums.
 * https://developers.google.com/apps-script/reference/drive/drive-app
 */
import { type DriveEntry, gasError } from '../core';
import { ACCESS, type DriveStore, FOLDER_MIME, type GFile, type GFileIterator, type GFolder, type GFolderIterator, NOT_FOUND, PERMISSION } from './store';
import { DriveIterator } from './query';

/**
 * An empty id: "Unexpected error" on live Apps Script (gas-fakes test/testdrive.js:764); the rest
 * is the wording Apps Script gives such failures.
 */
function emptyId(method: string): Error {
  return gasError(`Unexpected error while getting the method or property ${method} on object DriveApp.`);
}

export class DriveAppFake
  implements
    Pick<
      GoogleAppsScript.Drive.DriveApp,
      | 'Access'
      | 'Permission'
      | 'getRootFolder'
      | 'getFolderById'
      | 'getFileById'
      | 'getFiles'
      | 'getFolders'
      | 'getFilesByName'
      | 'getFoldersByName'
      | 'getFilesByType'
      | 'getTrashedFiles'
      | 'createFolder'
      | 'createFile'
      | 'searchFiles'
      | 'searchFolders'
      | 'continueFileIterator'
      | 'continueFolderIterator'
    >
{
  readonly Access = ACCESS;
  readonly Permission = PERMISSION;

  constructor(private readonly store: DriveStore) {}

  /** DriveApp prints as "Drive" on live Apps Script (gas-fakes test/testdrive.js:536). */
  toString(): string {
    return 'Drive';
  }

  getRootFolder(): GFolder {
    this.store.charge('getRootFolder');
    return this.store.folder(this.store.root.id);
  }

  getFolderById(id: string): GFolder {
    this.store.charge('getFolderById');
    if (id === '') throw emptyId('getFolderById');
    const entry = this.store.entry(id);
    if (entry.mimeType !== FOLDER_MIME) throw gasError(NOT_FOUND);
    return this.store.folder(entry.id);
  }

  getFileById(id: string): GFile {
    this.store.charge('getFileById');
    if (id === '') throw emptyId('getFileById');
    return this.store.file(this.store.entry(id).id);
  }

  private liveEntries(): DriveEntry[] {
    return this.store.live(this.store.all());
  }

  getFiles(): GFileIterator {
    this.store.charge('getFiles');
    return this.store.files(this.liveEntries());
  }

  getFolders(): GFolderIterator {
    this.store.charge('getFolders');
    return this.store.folders(this.liveEntries());
  }

  getFilesByName(name: string): GFileIterator {
    this.store.charge('getFilesByName');
    return this.store.files(this.liveEntries().filter((e) => e.name === String(name)));
  }

  getFoldersByName(name: string): GFolderIterator {
    this.store.charge('getFoldersByName');
    return this.store.folders(this.liveEntries().filter((e) => e.name === String(name)));
  }

  getFilesByType(mimeType: string): GFileIterator {
    this.store.charge('getFilesByType');
    return this.store.files(this.liveEntries().filter((e) => e.mimeType === String(mimeType)));
  }

  getTrashedFiles(): GFileIterator {
    this.store.charge('getTrashedFiles');
    return this.store.files(this.store.all().filter((e) => this.store.isTrashed(e)));
  }

  createFolder(name: string): GFolder {
    return this.store.createFolder(this.store.root.id, name);
  }

  /** createFile(blob), (name, content), (name, content, mimeType); anything else fails as Google's overloads do (store.ts). */
  createFile(...args: unknown[]): GFile {
    return this.store.createFile(this.store.root.id, 'DriveApp.createFile', args);
  }

  /** Unlike getFilesByName, a query sees trashed files unless it says `trashed = false`. */
  searchFiles(params: string): GFileIterator {
    this.store.charge('searchFiles');
    return this.store.files(this.store.search(params));
  }

  searchFolders(params: string): GFolderIterator {
    this.store.charge('searchFolders');
    return this.store.folders(this.store.search(params));
  }

  continueFileIterator(continuationToken: string): GFileIterator {
    this.store.charge('continueFileIterator');
    return DriveIterator.resume(this.store, continuationToken, 'file') as unknown as GFileIterator;
  }

  continueFolderIterator(continuationToken: string): GFolderIterator {
    this.store.charge('continueFolderIterator');
    return DriveIterator.resume(this.store, continuationToken, 'folder') as unknown as GFolderIterator;
  }
}
