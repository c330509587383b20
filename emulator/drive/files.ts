/**
 * Files and folders as a script sees them.
 * https://developers.google.com/apps-script/reference/drive/file
 * https://developers.google.com/apps-script/reference/drive/folder
 */
import { type DriveEntry, gasError } from '../core';
import { BlobFake, encodeString } from '../blob';
import {
  type DriveStore,
  type GAccess,
  type GBlob,
  type GFile,
  type GFileIterator,
  type GFolder,
  type GFolderIterator,
  type GPermission,
  FOLDER_MIME,
  MIME_TYPES,
} from './store';

/** Both File and Folder: identity, name, dates, sharing, trash, parents. */
abstract class DriveItemFake {
  constructor(
    protected readonly store: DriveStore,
    private readonly id: string,
  ) {}

  protected get entry(): DriveEntry {
    return this.store.entry(this.id);
  }

  getId(): string {
    return this.id;
  }

  /** A file or folder prints as its name: the root folder as "My Drive" (gas-fakes test/testdrive.js, live). */
  toString(): string {
    return this.entry.name;
  }

  getName(): string {
    return this.entry.name;
  }

  getDateCreated(): GoogleAppsScript.Base.Date {
    return new Date(this.entry.createdAt);
  }

  getLastUpdated(): GoogleAppsScript.Base.Date {
    return new Date(this.entry.updatedAt);
  }

  getSharingAccess(): GAccess {
    return this.store.sharingAccess(this.entry);
  }

  getSharingPermission(): GPermission {
    return this.store.sharingPermission(this.entry);
  }

  isTrashed(): boolean {
    return this.store.isTrashed(this.entry);
  }

  getParents(): GFolderIterator {
    const parents = this.store.parentsOf(this.entry).map((id) => this.store.find(id));
    return this.store.folders(parents.filter((p): p is DriveEntry => p !== undefined));
  }

  protected rename(name: string): void {
    this.store.charge('setName');
    const entry = this.entry;
    entry.name = String(name);
    this.store.touch(entry);
  }

  protected trash(trashed: boolean): void {
    this.store.charge('setTrashed');
    const entry = this.entry;
    entry.trashed = Boolean(trashed);
    this.store.touch(entry);
  }

  protected move(destination: GFolder): void {
    this.store.charge('moveTo');
    const target = this.store.folderEntry(destination);
    const entry = this.entry;
    entry.parents = target === this.store.root ? [] : [target.id];
    this.store.inherit(entry);
    if (entry.mimeType === FOLDER_MIME) this.store.propagate(entry);
    this.store.touch(entry);
  }
}

export class FileFake
  extends DriveItemFake
  implements
    Pick<
      GFile,
      | 'getId'
      | 'getName'
      | 'setName'
      | 'getMimeType'
      | 'getBlob'
      | 'getAs'
      | 'getUrl'
      | 'getDownloadUrl'
      | 'setContent'
      | 'setSharing'
      | 'getSharingAccess'
      | 'getSharingPermission'
      | 'setTrashed'
      | 'isTrashed'
      | 'moveTo'
      | 'makeCopy'
      | 'getParents'
      | 'getDateCreated'
      | 'getLastUpdated'
      | 'getSize'
    >
{
  setName(name: string): GFile {
    this.rename(name);
    return this as unknown as GFile;
  }

  getMimeType(): string {
    return this.entry.mimeType;
  }

  /** A native Google file's blob is its PDF export. */
  getBlob(): GBlob {
    const entry = this.entry;
    if (entry.exportAs && !entry.bytes) return this.getAs(MIME_TYPES.PDF);
    this.store.charge('getBlob');
    return new BlobFake(entry.bytes ?? new Uint8Array(), entry.mimeType, entry.name) as unknown as GBlob;
  }

  /**
   * Native files convert only to PDF, Docs also to Markdown; stored blobs convert as Blob.getAs does.
   * https://developers.google.com/apps-script/reference/drive/file#getAs(String)
   */
  getAs(contentType: string): GBlob {
    const entry = this.entry;
    const target = String(contentType);
    if (!entry.exportAs || entry.bytes) {
      this.store.charge('getAs');
      return new BlobFake(entry.bytes ?? new Uint8Array(), entry.mimeType, entry.name).getAs(target) as unknown as GBlob;
    }
    const allowed = entry.kind === 'document' ? [MIME_TYPES.PDF, 'text/markdown'] : [MIME_TYPES.PDF];
    if (!allowed.includes(target)) throw gasError(`Converting from ${entry.mimeType} to ${target} is not supported.`);
    this.store.charge('getAs');
    const exported = entry.exportAs(target);
    return new BlobFake(exported.bytes, exported.mimeType, exported.name) as unknown as GBlob;
  }

  /** The links Drive reports as a file's alternateLink, by type. */
  getUrl(): string {
    return this.store.urlOf(this.entry);
  }

  /**
   * Only files with stored content have a download link; Drive leaves it empty for native files.
   * https://developers.google.com/drive/api/reference/rest/v2/files (downloadUrl)
   */
  getDownloadUrl(): string {
    const entry = this.entry;
    if (!entry.bytes) return null as unknown as string;
    return `https://drive.google.com/uc?id=${entry.id}&export=download`;
  }

  setContent(content: string): GFile {
    const entry = this.entry;
    if (!entry.bytes && entry.exportAs) throw gasError(`Cannot set the content of a ${entry.mimeType} file.`);
    this.store.charge('setContent');
    entry.bytes = encodeString(String(content));
    this.store.touch(entry);
    return this as unknown as GFile;
  }

  setSharing(accessType: GAccess, permissionType: GPermission): GFile {
    this.store.setSharing(this.entry, accessType, permissionType);
    return this as unknown as GFile;
  }

  setTrashed(trashed: boolean): GFile {
    this.trash(trashed);
    return this as unknown as GFile;
  }

  moveTo(destination: GFolder): GFile {
    this.move(destination);
    return this as unknown as GFile;
  }

  /** makeCopy(), (destination), (name), (name, destination); a copy is named "Copy of …" by default. */
  makeCopy(nameOrDestination?: string | GFolder, destination?: GFolder): GFile {
    const entry = this.entry;
    const name = typeof nameOrDestination === 'string' ? nameOrDestination : `Copy of ${entry.name}`;
    const folder = typeof nameOrDestination === 'object' && nameOrDestination !== null ? nameOrDestination : destination;
    const parents = folder ? [this.store.folderEntry(folder).id].filter((id) => id !== this.store.root.id) : [...entry.parents];
    this.store.charge('makeCopy');
    let copy: DriveEntry;
    if (entry.bytes) {
      copy = this.store.register(name, entry.mimeType, this.store.root.id, { bytes: entry.bytes.slice(), kind: entry.kind });
    } else if (entry.duplicate) {
      copy = entry.duplicate(name);
    } else {
      throw gasError(`The emulator cannot copy a ${entry.mimeType} file.`);
    }
    copy.parents = parents;
    copy.appUsers = this.store.core.appUsersOfNew();
    this.store.inherit(copy);
    return this.store.file(copy.id);
  }

  /** Stored bytes; native Google files take no storage quota and report 0. */
  getSize(): number {
    return this.entry.bytes?.length ?? 0;
  }
}

export class FolderFake
  extends DriveItemFake
  implements
    Pick<
      GFolder,
      | 'getId'
      | 'getName'
      | 'setName'
      | 'createFolder'
      | 'createFile'
      | 'getFiles'
      | 'getFolders'
      | 'getFilesByName'
      | 'getFoldersByName'
      | 'getFilesByType'
      | 'addFile'
      | 'removeFile'
      | 'getUrl'
      | 'setSharing'
      | 'getSharingAccess'
      | 'getSharingPermission'
      | 'setTrashed'
      | 'isTrashed'
      | 'getParents'
      | 'moveTo'
      | 'searchFiles'
      | 'getDateCreated'
      | 'getLastUpdated'
    >
{
  setName(name: string): GFolder {
    this.rename(name);
    return this as unknown as GFolder;
  }

  createFolder(name: string): GFolder {
    return this.store.createFolder(this.getId(), name);
  }

  /** createFile(blob), (name, content), (name, content, mimeType); anything else fails as Google's overloads do (store.ts). */
  createFile(...args: unknown[]): GFile {
    return this.store.createFile(this.getId(), 'DriveApp.Folder.createFile', args);
  }

  private liveChildren(): DriveEntry[] {
    this.store.charge('listChildren');
    return this.store.live(this.store.childrenOf(this.getId()));
  }

  getFiles(): GFileIterator {
    return this.store.files(this.liveChildren());
  }

  getFolders(): GFolderIterator {
    return this.store.folders(this.liveChildren());
  }

  getFilesByName(name: string): GFileIterator {
    return this.store.files(this.liveChildren().filter((e) => e.name === String(name)));
  }

  getFoldersByName(name: string): GFolderIterator {
    return this.store.folders(this.liveChildren().filter((e) => e.name === String(name)));
  }

  getFilesByType(mimeType: string): GFileIterator {
    return this.store.files(this.liveChildren().filter((e) => e.mimeType === String(mimeType)));
  }

  searchFiles(params: string): GFileIterator {
    this.store.charge('searchFiles');
    const inFolder = this.store.search(params).filter((e) => this.store.parentsOf(e).includes(this.getId()));
    return this.store.files(inFolder);
  }

  /** Adds a parent without removing the others (a Drive item may have several). */
  addFile(child: GFile): GFolder {
    this.store.charge('addFile');
    const entry = this.store.fileEntry(child);
    const parents = this.store.parentsOf(entry);
    if (!parents.includes(this.getId())) entry.parents = [...parents, this.getId()];
    return this as unknown as GFolder;
  }

  /** Removing the last parent of a file leaves it in My Drive here (Drive would orphan it). */
  removeFile(child: GFile): GFolder {
    this.store.charge('removeFile');
    const entry = this.store.fileEntry(child);
    entry.parents = this.store.parentsOf(entry).filter((id) => id !== this.getId() && id !== this.store.root.id);
    return this as unknown as GFolder;
  }

  getUrl(): string {
    return `https://drive.google.com/drive/folders/${this.getId()}`;
  }

  setSharing(accessType: GAccess, permissionType: GPermission): GFolder {
    this.store.setSharing(this.entry, accessType, permissionType);
    return this as unknown as GFolder;
  }

  setTrashed(trashed: boolean): GFolder {
    this.trash(trashed);
    return this as unknown as GFolder;
  }

  moveTo(destination: GFolder): GFolder {
    this.move(destination);
    return this as unknown as GFolder;
  }
}
