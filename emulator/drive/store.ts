/**
 * The state behind DriveApp: the core's Drive registry (`core.drive`), which the Sheets, Forms and
 * Docs fakes also register their files into, the root folder, the global `MimeType`, DriveApp's
 * enums and the messages Google throws. Folders and blob files are owned here; native Google files
 * export through their DriveEntry's `exportAs` and copy through its `duplicate`.
 * https://developers.google.com/apps-script/reference/drive/drive-app
 */
import { type Core, type DriveEntry, type DrivePermission, gasError } from '../core';
import { encodeString, fromByteArray } from '../blob';
import { enumName, enumValue, makeEnum } from '../gas-enum';
import { DriveIterator, parseQuery } from './query';
import { FileFake, FolderFake } from './files';
import { guardDriveApp } from './scopes';

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
/** See DriveStore.checkSharingAllowed. */
export const ACTION_NOT_ALLOWED = 'Action not allowed';
/** Drive's roles for DriveApp's permissions (the Permission enum and the v3 roles). */
export const ROLE_OF_PERMISSION: Readonly<Record<string, DrivePermission['role'] | undefined>> = { VIEW: 'reader', COMMENT: 'commenter', EDIT: 'writer' };
/** Opaque, stable ids of the owner's and the domain's permission (Drive gives numeric strings). */
const OWNER_PERMISSION_ID = '01234567890123456789';
const DOMAIN_PERMISSION_ID = '09876543210987654321';

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

function isBlobSource(x: unknown): x is GoogleAppsScript.Base.BlobSource {
  return typeof x === 'object' && x !== null && typeof (x as { getBlob?: unknown }).getBlob === 'function';
}

/** How Apps Script names an argument's type in its "don't match the method signature" message. */
function driveTypeName(x: unknown): string {
  if (typeof x === 'string') return 'String';
  if (x === null || x === undefined) return 'null';
  if (isBlobSource(x)) return 'Blob';
  return typeof x === 'number' ? 'number' : 'Object';
}

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

  /** getFileById(null) and the like: "Invalid argument: id" (gas-fakes test/testdrive.js:755–763, live). */
  entry(id: string): DriveEntry {
    if (id === null || id === undefined) throw gasError('Invalid argument: id');
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

  /**
   * A new file or folder. One made in a folder shared by link or with the domain inherits that
   * access (see inherit), so the PDF saved into a public folder is public before anyone shares it.
   */
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
      // DriveApp and the Drive API create as the app when a script runs them (see DriveEntry).
      appUsers: this.core.appUsersOfNew(),
      ...extra,
    };
    this.inherit(entry);
    this.core.drive.set(entry.id, entry);
    return entry;
  }

  /**
   * Link and domain sharing flows down from the parent folder: "All child files and folders
   * automatically inherit permissions from their parent folder", and moving an item
   * "re-evaluates and applies the new parent's permissions to the item" (Drive's sharing guide,
   * "How permissions propagate": https://developers.google.com/workspace/drive/api/guides/manage-sharing).
   * Sharing the item has of its own (set on it) stays; inherited sharing follows its parent.
   */
  inherit(entry: DriveEntry): void {
    const parentId = entry.parents[0];
    const parent = parentId === undefined ? undefined : this.find(parentId);
    const fromParent = parent && parent.sharing.access !== 'PRIVATE' ? parent.sharing : null;
    if (entry.sharingInherited || entry.sharing.access === 'PRIVATE') {
      entry.sharing = fromParent ? { ...fromParent } : { access: 'PRIVATE', permission: 'NONE' };
      entry.sharingInherited = fromParent !== null;
    }
  }

  /** Re-applies a folder's sharing to everything below it. */
  propagate(folder: DriveEntry, seen = new Set<string>()): void {
    if (seen.has(folder.id)) return;
    seen.add(folder.id);
    for (const child of this.childrenOf(folder.id)) {
      if (child.parents[0] !== folder.id) continue;
      this.inherit(child);
      if (child.mimeType === FOLDER_MIME) this.propagate(child, seen);
    }
  }

  /**
   * createFile(blob) and createFile(name, content[, mimeType]) of DriveApp and Folder. Live Apps
   * Script refuses the calls no overload fits with its signature message (a name alone, a blob and
   * a name, nothing), a null name with "Invalid argument: name", and a blob without a name
   * (gas-fakes test/testdrive.js:140–146).
   */
  createFile(parentId: string, method: string, args: unknown[]): GFile {
    this.charge('createFile');
    const [source, content, mimeType] = args;
    const fits = args.length === 1 ? isBlobSource(source) : (args.length === 2 || args.length === 3) && (source === null || typeof source === 'string');
    if (!fits) throw gasError(`The parameters (${args.map(driveTypeName).join(',')}) don't match the method signature for ${method}.`);
    if (source === null || source === undefined) throw gasError('Invalid argument: name');
    if (typeof source === 'string') {
      const bytes = encodeString(content === undefined || content === null ? '' : String(content));
      const type = mimeType === undefined || mimeType === null ? MIME_TYPES.PLAIN_TEXT : String(mimeType);
      return this.file(this.register(source, type, parentId, { bytes }).id);
    }
    const blob = (source as GoogleAppsScript.Base.BlobSource).getBlob();
    const name = blob.getName();
    if (name === null || name === undefined || name === '') throw gasError('Blob object must have non-null name for this operation.');
    const bytes = fromByteArray(blob.getBytes());
    const type = blob.getContentType() ?? 'application/octet-stream';
    return this.file(this.register(name, type, parentId, { bytes }).id);
  }

  createFolder(parentId: string, name: string): GFolder {
    this.charge('createFolder');
    return this.folder(this.register(name, FOLDER_MIME, parentId).id);
  }

  /** Every File and Folder a script gets checks the OAuth scope of each call (scopes.ts). */
  file(id: string): GFile {
    return guardDriveApp(this.core, new FileFake(this, id), 'DriveApp.File') as unknown as GFile;
  }

  folder(id: string): GFolder {
    return guardDriveApp(this.core, new FolderFake(this, id), 'DriveApp.Folder') as unknown as GFolder;
  }

  /** The link Drive reports for an item (DriveApp's getUrl, v3's webViewLink), by type. */
  urlOf(entry: DriveEntry): string {
    const { id, kind } = entry;
    switch (kind) {
      case 'document':
        return `https://docs.google.com/document/d/${id}/edit`;
      case 'spreadsheet':
        return `https://docs.google.com/spreadsheets/d/${id}/edit`;
      case 'form':
        return `https://docs.google.com/forms/d/${id}/edit`;
      case 'folder':
        return `https://drive.google.com/drive/folders/${id}`;
      default:
        return `https://drive.google.com/file/d/${id}/view?usp=drivesdk`;
    }
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
    // NONE goes with PRIVATE too: setSharing(PRIVATE, NONE) makes a file private again (gas-fakes test/testdrivesharing.js:29–31, live).
    const accessName = enumName(access);
    const permissionName = enumName(permission);
    if (!accessName) throw gasError('Invalid argument: accessType');
    const settable =
      ['VIEW', 'EDIT', 'COMMENT'].includes(permissionName ?? '') || (permissionName === 'NONE' && (accessName === 'ANYONE' || accessName === 'PRIVATE'));
    if (!permissionName || !settable) throw gasError('Invalid argument: permissionType');
    this.charge('setSharing');
    this.checkSharingAllowed(accessName);
    // A private item has no link or domain permission to report.
    entry.sharing = { access: accessName, permission: accessName === 'PRIVATE' ? 'NONE' : permissionName };
    entry.sharingInherited = false;
    this.touch(entry);
    // The folder's children that took their access from it follow (see inherit).
    if (entry.mimeType === FOLDER_MIME) this.propagate(entry);
  }

  /**
   * The environment's refusals, per DriveApp's Access enum: ANYONE and ANYONE_WITH_LINK — "Domain
   * administrators can prohibit this setting … If the setting is disabled, passing this value to
   * File.setSharing(accessType, permissionType) throws an exception"; DOMAIN and DOMAIN_WITH_LINK —
   * "available only for users of a Google Workspace domain. For other types of Google accounts,
   * passing this value … throws an exception".
   * https://developers.google.com/apps-script/reference/drive/access
   * The reference gives no wording; "Action not allowed" is the exception Apps Script raises for a
   * Drive action the account's policy refuses (as scripts report it, e.g. on setSharing and
   * setOwner: `error == 'Exception: Action not allowed'`).
   */
  checkSharingAllowed(accessName: string): void {
    const { sharing, account } = this.core.environment;
    if ((accessName === 'ANYONE' || accessName === 'ANYONE_WITH_LINK') && sharing === 'blocked') throw gasError(ACTION_NOT_ALLOWED);
    if ((accessName === 'DOMAIN' || accessName === 'DOMAIN_WITH_LINK') && account !== 'workspace') throw gasError(ACTION_NOT_ALLOWED);
  }

  /**
   * The permissions Drive API v3 lists for an item: the owner's, the link or domain sharing
   * DriveApp sets (`anyoneWithLink`/`anyone` for ANYONE_WITH_LINK/ANYONE), then the others.
   * https://developers.google.com/workspace/drive/api/reference/rest/v3/permissions
   */
  permissionsOf(entry: DriveEntry): DrivePermission[] {
    const list: DrivePermission[] = [{ id: OWNER_PERMISSION_ID, type: 'user', role: 'owner', emailAddress: this.core.user }];
    const role = ROLE_OF_PERMISSION[entry.sharing.permission];
    const domain = this.core.environment.domain;
    if (role) {
      switch (entry.sharing.access) {
        case 'ANYONE_WITH_LINK':
          list.push({ id: 'anyoneWithLink', type: 'anyone', role, allowFileDiscovery: false });
          break;
        case 'ANYONE':
          list.push({ id: 'anyone', type: 'anyone', role, allowFileDiscovery: true });
          break;
        case 'DOMAIN_WITH_LINK':
          list.push({ id: DOMAIN_PERMISSION_ID, type: 'domain', domain, role, allowFileDiscovery: false });
          break;
        case 'DOMAIN':
          list.push({ id: DOMAIN_PERMISSION_ID, type: 'domain', domain, role, allowFileDiscovery: true });
          break;
      }
    }
    return [...list, ...(entry.permissions ?? []).map((p) => ({ ...p }))];
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
