/**
 * DriveApp over the core's Drive registry (`core.drive`), which Sheets, Forms and Docs fakes also
 * register their files into. Folders and blob files are owned here; native Google files export
 * through their DriveEntry's `exportAs` and copy through its `duplicate`.
 * https://developers.google.com/apps-script/reference/drive/drive-app
 */
import { type Core, type DriveEntry, gasError } from './core';
import { BlobFake, encodeString, fromByteArray } from './blob';
import { enumName, enumValue, makeEnum } from './gas-enum';

type GFile = GoogleAppsScript.Drive.File;
type GFolder = GoogleAppsScript.Drive.Folder;
type GFileIterator = GoogleAppsScript.Drive.FileIterator;
type GFolderIterator = GoogleAppsScript.Drive.FolderIterator;
type GAccess = GoogleAppsScript.Drive.Access;
type GPermission = GoogleAppsScript.Drive.Permission;
type GBlob = GoogleAppsScript.Base.Blob;

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

const FOLDER_MIME = MIME_TYPES.FOLDER;

/** https://developers.google.com/apps-script/reference/drive/access */
const ACCESS = makeEnum<typeof GoogleAppsScript.Drive.Access>([
  'ANYONE',
  'ANYONE_WITH_LINK',
  'DOMAIN',
  'DOMAIN_WITH_LINK',
  'PRIVATE',
]);
/** https://developers.google.com/apps-script/reference/drive/permission (FILE_ORGANIZER is newer than @types). */
const PERMISSION = makeEnum<typeof GoogleAppsScript.Drive.Permission>([
  'VIEW',
  'EDIT',
  'COMMENT',
  'OWNER',
  'ORGANIZER',
  'FILE_ORGANIZER',
  'NONE',
]);

/** https://github.com/chriskyfung/AutoFetcher-IG-Stories-to-GDrive/issues/112 (the message users see) */
const NOT_FOUND =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
/** Apps Script's iterator message when next() is called past the end. */
const ITERATOR_END = 'Cannot retrieve the next object: iterator has reached the end.';
const ITEMS_PER_PAGE = 100;

export interface DriveIndexRow {
  id: string;
  name: string;
  mimeType: string;
  folderPath: string;
  sharing: { access: string; permission: string };
  trashed: boolean;
  size: number;
}

type FileContent = GoogleAppsScript.Base.BlobSource | string;

/** The state behind every Drive wrapper: the registry, the root folder, and shared lookups. */
class DriveStore {
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
    const settable = ['VIEW', 'EDIT', 'COMMENT'].includes(permissionName ?? '') ||
      (permissionName === 'NONE' && accessName === 'ANYONE');
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

type Clause = (entry: DriveEntry, store: DriveStore) => boolean;

/** Invalid queries fail as the Drive API's 400 surfaces in Apps Script. */
function parseQuery(query: string): Clause[] {
  const invalid = () => gasError('Invalid argument: q');
  const quoted = String.raw`'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"`;
  const clausePattern = new RegExp(
    String.raw`^\s*(?:(title|mimeType)\s*(=|!=|contains)\s*(?:${quoted})|trashed\s*(=|!=)\s*(true|false)|(?:${quoted})\s+in\s+parents)\s*`,
    'i',
  );
  const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
  const clauses: Clause[] = [];
  let rest = query;
  for (;;) {
    const m = clausePattern.exec(rest);
    if (!m) throw invalid();
    if (m[1]) {
      const field = m[1].toLowerCase() === 'title' ? 'name' : 'mimeType';
      const op = m[2].toLowerCase();
      const value = unescape(m[3] ?? m[4] ?? '');
      clauses.push((e) => {
        const actual = field === 'name' ? e.name : e.mimeType;
        if (op === 'contains') return actual.toLowerCase().includes(value.toLowerCase());
        return op === '=' ? actual === value : actual !== value;
      });
    } else if (m[5]) {
      const wanted = (m[5] === '=') === (m[6].toLowerCase() === 'true');
      clauses.push((e, store) => store.isTrashed(e) === wanted);
    } else {
      const parentId = unescape(m[7] ?? m[8] ?? '');
      clauses.push((e, store) => store.parentsOf(e).includes(parentId));
    }
    rest = rest.slice(m[0].length);
    if (rest.trim() === '') return clauses;
    const and = /^and\s+/i.exec(rest);
    if (!and) throw invalid();
    rest = rest.slice(and[0].length);
  }
}

class DriveIterator implements Pick<GFileIterator, 'hasNext' | 'getContinuationToken'> {
  constructor(
    private readonly store: DriveStore,
    private readonly kind: 'file' | 'folder',
    private readonly ids: string[],
    private position: number,
  ) {}

  hasNext(): boolean {
    return this.position < this.ids.length;
  }

  /** Drive pages results; a script pays one round trip per page, not per item. */
  next(): GFile | GFolder {
    if (!this.hasNext()) throw gasError(ITERATOR_END);
    if (this.position > 0 && this.position % ITEMS_PER_PAGE === 0) this.store.charge(`${this.kind}Iterator.nextPage`);
    const id = this.ids[this.position++];
    return this.kind === 'file' ? this.store.file(id) : this.store.folder(id);
  }

  /** Opaque to scripts; resumes the same result list (DriveApp.continueFileIterator). */
  getContinuationToken(): string {
    return Buffer.from(JSON.stringify({ kind: this.kind, ids: this.ids, position: this.position })).toString('base64');
  }

  static resume(store: DriveStore, token: string, kind: 'file' | 'folder'): DriveIterator {
    try {
      const state = JSON.parse(Buffer.from(String(token), 'base64').toString('utf8')) as {
        kind: string;
        ids: string[];
        position: number;
      };
      if (state.kind === kind && Array.isArray(state.ids) && typeof state.position === 'number') {
        return new DriveIterator(store, kind, state.ids, state.position);
      }
    } catch {
      // falls through to the invalid-argument error below
    }
    throw gasError('Invalid argument: continuationToken');
  }
}

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
    this.store.touch(entry);
  }
}

class FileFake
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
    const { id, kind } = this.entry;
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
    return this.store.file(copy.id);
  }

  /** Stored bytes; native Google files take no storage quota and report 0. */
  getSize(): number {
    return this.entry.bytes?.length ?? 0;
  }
}

class FolderFake
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

  createFile(source: FileContent, content?: string, mimeType?: string): GFile {
    return this.store.createFile(this.getId(), source, content, mimeType);
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

class DriveAppFake
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

  getRootFolder(): GFolder {
    this.store.charge('getRootFolder');
    return this.store.folder(this.store.root.id);
  }

  getFolderById(id: string): GFolder {
    this.store.charge('getFolderById');
    const entry = this.store.entry(id);
    if (entry.mimeType !== FOLDER_MIME) throw gasError(NOT_FOUND);
    return this.store.folder(entry.id);
  }

  getFileById(id: string): GFile {
    this.store.charge('getFileById');
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

  createFile(source: FileContent, content?: string, mimeType?: string): GFile {
    return this.store.createFile(this.store.root.id, source, content, mimeType);
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

export class DriveService {
  readonly app: GoogleAppsScript.Drive.DriveApp;
  readonly mimeTypes: GoogleAppsScript.Base.MimeType = MIME_TYPES;
  private readonly store: DriveStore;

  constructor(core: Core) {
    this.store = new DriveStore(core);
    this.app = new DriveAppFake(this.store) as unknown as GoogleAppsScript.Drive.DriveApp;
  }

  /** Every item made in Drive, for drive/index.json. */
  index(): DriveIndexRow[] {
    return this.store.all().map((e) => ({
      id: e.id,
      name: e.name,
      mimeType: e.mimeType,
      folderPath: this.store.folderPath(e),
      sharing: { ...e.sharing },
      trashed: this.store.isTrashed(e),
      size: e.bytes?.length ?? 0,
    }));
  }

  /** The stored bytes of a blob file (text, HTML, CSV, PDF, PNG); undefined for folders and native files. */
  contentOf(id: string): Uint8Array | undefined {
    return this.store.find(id)?.bytes?.slice();
  }
}
