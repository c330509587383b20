/**
 * The state behind DriveApp: the core's Drive registry (`core.drive`), which the Sheets, Forms and
 * Docs fakes also register their files into, the root folder, the global `MimeType`, DriveApp's
 * enums and the messages Google throws. Folders and blob files are owned here; native Google files
 * export through their DriveEntry's `exportAs` and copy through its `duplicate`.
 * https://developers.google.com/apps-script/reference/drive/drive-app
 */
import { type Core, type DriveEntry, gasError } from '../core';
import { encodeString, fromByteArray } from '../blob';
import { enumName, enumValue, makeEnum } from '../gas-enum';
import { DriveIterator, parseQuery } from './query';
import { FileFake, FolderFake } from './files';

export type GFile = GoogleAppsScript.Drive.File;
export type GFolder = GoogleAppsScript.Drive.Folder;
export type GFileIterator = GoogleAppsScript.Drive.FileIterator;
export type GFolderIterator = GoogleAppsScript.Drive.FolderIterator;
export type GAccess = GoogleAppsScript.Drive.Access;
export type GPermission = GoogleAppsScript.Drive.Permission;
export type GBlob = GoogleAppsScript.Base.Blob;

/** The global `MimeType`: plain MIME strings. https://developers.google.com/apps-script/reference/base/mime-type */
export const MIME_TYPES: GoogleAppsScript.Base.MimeType = Object.freeze({
  GOOGLE_APPS_SCRIPT: 'application/vnd.google-apps.script',
  GOOGLE_DRAWINGS: 'application/vnd.google-apps.drawing',
  GOOGLE_DOCS: 'application/vnd.google-apps.document',
  GOOGLE_FORMS: 'application/vnd.google-apps.form',
  GOOGLE_SHEETS: 'application/vnd.google-apps.spreadsheet',
  GOOGLE_SITES: 'application/vnd.google-apps.site',
  GOOGLE_SLIDES: 'application/vnd.google-apps.presentation',
  FOLDER: 'application/vnd.google-apps.folder',
  SHORTCUT: 'application/vnd.google-apps.shortcut',
  BMP: 'image/bmp',
  GIF: 'image/gif',
  JPEG: 'image/jpeg',
  PNG: 'image/png',
  SVG: 'image/svg+xml',
  PDF: 'application/pdf',
  CSS: 'text/css',
  CSV: 'text/csv',
  HTML: 'text/html',
  JAVASCRIPT: 'application/javascript',
  PLAIN_TEXT: 'text/plain',
  RTF: 'application/rtf',
  OPENDOCUMENT_GRAPHICS: 'application/vnd.oasis.opendocument.graphics',
  OPENDOCUMENT_PRESENTATION: 'application/vnd.oasis.opendocument.presentation',
  OPENDOCUMENT_SPREADSHEET: 'application/vnd.oasis.opendocument.spreadsheet',
  OPENDOCUMENT_TEXT: 'application/vnd.oasis.opendocument.text',
  MICROSOFT_EXCEL: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  MICROSOFT_EXCEL_LEGACY: 'application/vnd.ms-excel',
  MICROSOFT_POWERPOINT: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  MICROSOFT_POWERPOINT_LEGACY: 'application/vnd.ms-powerpoint',
  MICROSOFT_WORD: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  MICROSOFT_WORD_LEGACY: 'application/msword',
  ZIP: 'application/zip',
});

export const FOLDER_MIME = MIME_TYPES.FOLDER;

/** https://developers.google.com/apps-script/reference/drive/access */
export const ACCESS = makeEnum<typeof GoogleAppsScript.Drive.Access>(['ANYONE', 'ANYONE_WITH_LINK', 'DOMAIN', 'DOMAIN_WITH_LINK', 'PRIVATE']);
/** https://developers.google.com/apps-script/reference/drive/permission (FILE_ORGANIZER is newer than @types). */
export const PERMISSION = makeEnum<typeof GoogleAppsScript.Drive.Permission>(['VIEW', 'EDIT', 'COMMENT', 'OWNER', 'ORGANIZER', 'FILE_ORGANIZER', 'NONE']);

/** https://github.com/chriskyfung/AutoFetcher-IG-Stories-to-GDrive/issues/112 (the message users see) */
export const NOT_FOUND = 'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
/** Apps Script's iterator message when next() is called past the end. */
export const ITERATOR_END = 'Cannot retrieve the next object: iterator has reached the end.';
export const ITEMS_PER_PAGE = 100;

export interface DriveIndexRow {
  id: string;
  name: string;
  mimeType: string;
  folderPath: string;
  sharing: { access: string; permission: string };
  trashed: boolean;
  size: number;
}

export type FileContent = GoogleAppsScript.Base.BlobSource | string;

/** The state behind every Drive wrapper: the registry, the root folder, and shared lookups. */
export class DriveStore {
  readonly root: DriveEntry;

  constructor(readonly core: Core) {
    const now = core.now();
    this.root = {
      id: core.newId('0A'),
      name: 'My Drive',
      mimeType: FOLDER_MIME,
      parents: [],
      createdAt: now,
      updatedAt: now,
      trashed: false,
      sharing: { access: 'PRIVATE', permission: 'NONE' },
      kind: 'folder',
    };
  }

  charge(method: string): void {
    this.core.call('DriveApp', method);
  }

  find(id: string): DriveEntry | undefined {
    return id === this.root.id ? this.root : this.core.drive.get(String(id));
  }

  entry(id: string): DriveEntry {
    const found = this.find(id);
    if (!found) throw gasError(NOT_FOUND);
    return found;
  }

  /** Parent folder ids; an entry with none lives in My Drive. */
  parentsOf(entry: DriveEntry): string[] {
    if (entry === this.root) return [];
    return entry.parents.length ? entry.parents : [this.root.id];
  }

  /** Drive reports an item as trashed when it or any folder above it is trashed. */
  isTrashed(entry: DriveEntry, seen = new Set<string>()): boolean {
    if (entry.trashed) return true;
    if (seen.has(entry.id)) return false;
    seen.add(entry.id);
    return this.parentsOf(entry).some((id) => {
      const parent = this.find(id);
      return parent !== undefined && this.isTrashed(parent, seen);
    });
  }

  all(): DriveEntry[] {
    return [...this.core.drive.values()];
  }

  childrenOf(folderId: string): DriveEntry[] {
    return this.all().filter((e) => this.parentsOf(e).includes(folderId));
  }

  touch(entry: DriveEntry): void {
    entry.updatedAt = this.core.now();
  }

  register(name: string, mimeType: string, parentId: string, extra: Partial<DriveEntry> = {}): DriveEntry {
    const now = this.core.now();
    const entry: DriveEntry = {
      id: this.core.newId(),
      name: String(name),
      mimeType,
      parents: parentId === this.root.id ? [] : [parentId],
      createdAt: now,
      updatedAt: now,
      trashed: false,
      sharing: { access: 'PRIVATE', permission: 'NONE' },
      kind: mimeType === FOLDER_MIME ? 'folder' : 'file',
      ...extra,
    };
    this.core.drive.set(entry.id, entry);
    return entry;
  }

  /** createFile(blob) and createFile(name, content[, mimeType]) of DriveApp and Folder. */
  createFile(parentId: string, source: FileContent, content?: string, mimeType?: string): GFile {
    this.charge('createFile');
    if (typeof source === 'string') {
      const bytes = encodeString(content === undefined ? '' : String(content));
      return this.file(this.register(source, mimeType ?? MIME_TYPES.PLAIN_TEXT, parentId, { bytes }).id);
    }
    const blob = source.getBlob();
    const bytes = fromByteArray(blob.getBytes());
    const type = blob.getContentType() ?? 'application/octet-stream';
    return this.file(this.register(blob.getName() ?? 'Untitled', type, parentId, { bytes }).id);
  }

  createFolder(parentId: string, name: string): GFolder {
    this.charge('createFolder');
    return this.folder(this.register(name, FOLDER_MIME, parentId).id);
  }

  file(id: string): GFile {
    return new FileFake(this, id) as unknown as GFile;
  }

  folder(id: string): GFolder {
    return new FolderFake(this, id) as unknown as GFolder;
  }

  files(entries: DriveEntry[], position = 0): GFileIterator {
    const ids = entries.filter((e) => e.mimeType !== FOLDER_MIME).map((e) => e.id);
    return new DriveIterator(this, 'file', ids, position) as unknown as GFileIterator;
  }

  folders(entries: DriveEntry[], position = 0): GFolderIterator {
    const ids = entries.filter((e) => e.mimeType === FOLDER_MIME).map((e) => e.id);
    return new DriveIterator(this, 'folder', ids, position) as unknown as GFolderIterator;
  }

  live(entries: DriveEntry[]): DriveEntry[] {
    return entries.filter((e) => !this.isTrashed(e));
  }

  folderPath(entry: DriveEntry): string {
    const names: string[] = [];
    const seen = new Set<string>();
    let parentId = this.parentsOf(entry)[0];
    while (parentId !== undefined && !seen.has(parentId)) {
      seen.add(parentId);
      const parent = this.find(parentId);
      if (!parent) break;
      names.unshift(parent.name);
      parentId = this.parentsOf(parent)[0];
    }
    return names.join('/');
  }

  /**
   * Sharing as File.setSharing accepts it: OWNER, ORGANIZER and FILE_ORGANIZER can be read but not
   * set, NONE only together with Access.ANYONE.
   * https://developers.google.com/apps-script/reference/drive/permission
   */
  setSharing(entry: DriveEntry, access: GAccess, permission: GPermission): void {
    const accessName = enumName(access);
    const permissionName = enumName(permission);
    if (!accessName) throw gasError('Invalid argument: accessType');
    const settable = ['VIEW', 'EDIT', 'COMMENT'].includes(permissionName ?? '') || (permissionName === 'NONE' && accessName === 'ANYONE');
    if (!permissionName || !settable) throw gasError('Invalid argument: permissionType');
    this.charge('setSharing');
    // A private item has no link or domain permission to report.
    entry.sharing = { access: accessName, permission: accessName === 'PRIVATE' ? 'NONE' : permissionName };
    this.touch(entry);
  }

  sharingAccess(entry: DriveEntry): GAccess {
    return enumValue<GAccess>(ACCESS, entry.sharing.access) ?? enumValue<GAccess>(ACCESS, 'PRIVATE');
  }

  sharingPermission(entry: DriveEntry): GPermission {
    return enumValue<GPermission>(PERMISSION, entry.sharing.permission) ?? enumValue<GPermission>(PERMISSION, 'NONE');
  }

  /** Drive v2 query syntax, the subset scripts use: title/mimeType/trashed/parents clauses joined by `and`. */
  search(query: string): DriveEntry[] {
    const clauses = parseQuery(String(query));
    return this.all().filter((e) => clauses.every((matches) => matches(e, this)));
  }

  /** Resolves a Folder passed back in by a script to its entry. */
  folderEntry(folder: GFolder): DriveEntry {
    const fake = folder as unknown as FolderFake;
    if (!(fake instanceof FolderFake)) throw gasError('Invalid argument: destination');
    return this.entry(fake.getId());
  }

  fileEntry(file: GFile): DriveEntry {
    const fake = file as unknown as FileFake;
    if (!(fake instanceof FileFake)) throw gasError('Invalid argument: child');
    return this.entry(fake.getId());
  }
}
