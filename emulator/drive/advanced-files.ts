/**
 * The Advanced Drive service's `Drive.Files` (Drive API v3): create, get, update, list and
 * remove, with v3's partial responses (`fields`), its query language (the subset below) and the
 * OAuth scope rules of scopes.ts — under `drive.file` only the items the app created exist.
 * https://developers.google.com/workspace/drive/api/reference/rest/v3/files
 */
import type { Core, DriveEntry } from '../core';
import { decodeBytes, fromByteArray } from '../blob';
import { type DriveStore, FOLDER_MIME } from './store';
import { DRIVE, DRIVE_FILE, DRIVE_READONLY, type DriveAccess, type V3Method, apiError } from './scopes';

type FileSchema = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type FileList = GoogleAppsScript.Drive_v3.Drive.V3.Schema.FileList;
export type FilesMembers = 'create' | 'get' | 'update' | 'list' | 'remove';
export type AdvancedFiles = Pick<GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection, FilesMembers>;
type Args = Record<string, unknown> | undefined;

/**
 * "If you omit the fields parameter, the server returns a default set of fields specific to the
 * method", for files `kind`, `id`, `name` and `mimeType` (and `resourceKey`, which items made
 * after 2021 do not have) — Drive's "Create and manage files" guide, "Use the fields parameter"
 * (https://developers.google.com/workspace/drive/api/guides/create-file); list wraps them in
 * `kind`, `incompleteSearch` and `files`.
 */
const DEFAULT_FILE_FIELDS = 'kind,id,name,mimeType';
const DEFAULT_LIST_FIELDS = 'kind,incompleteSearch,files(kind,id,name,mimeType)';
/** Real v3 File fields this emulator does not model: asking for one fails loudly rather than silently returning nothing. */
const UNMODELLED = new Set([
  'description',
  'starred',
  'explicitlyTrashed',
  'owners',
  'permissions',
  'permissionIds',
  'capabilities',
  'shared',
  'ownedByMe',
  'fileExtension',
  'fullFileExtension',
  'originalFilename',
  'md5Checksum',
  'sha1Checksum',
  'sha256Checksum',
  'version',
  'thumbnailLink',
  'iconLink',
  'lastModifyingUser',
  'resourceKey',
  'exportLinks',
  'driveId',
  'viewedByMe',
  'viewedByMeTime',
  'modifiedByMe',
  'modifiedByMeTime',
  'sharingUser',
  'spaces',
  'headRevisionId',
  'quotaBytesUsed',
  'properties',
  'appProperties',
  'writersCanShare',
  'copyRequiresWriterPermission',
  'folderColorRgb',
  'hasThumbnail',
  'isAppAuthorized',
  'contentHints',
  'imageMediaMetadata',
  'videoMediaMetadata',
  'shortcutDetails',
  'contentRestrictions',
  'labelInfo',
  'linkShareMetadata',
  'trashedTime',
  'trashingUser',
  'sharedWithMeTime',
  'teamDriveId',
  'modifiedByMeTime',
]);

/** One selector of a `fields` list: a name, and for `files(…)` the fields inside. */
interface Selector {
  name: string;
  inner: Selector[] | null;
}

/** Parses `id,name,parents`, `files(id,name),nextPageToken`, `*`; anything else is Drive's 400. */
function parseFields(method: V3Method, fields: string): Selector[] {
  const text = fields.replace(/\s+/g, '');
  let pos = 0;
  const invalid = () => apiError(method, `Invalid field selection ${fields}`);
  const list = (): Selector[] => {
    const out: Selector[] = [];
    for (;;) {
      const m = /^(\*|[A-Za-z]+)/.exec(text.slice(pos));
      if (!m) throw invalid();
      pos += m[0].length;
      let inner: Selector[] | null = null;
      if (text[pos] === '(') {
        pos++;
        inner = list();
        if (text[pos] !== ')') throw invalid();
        pos++;
      }
      out.push({ name: m[0], inner });
      if (text[pos] !== ',') return out;
      pos++;
    }
  };
  const selectors = list();
  if (pos !== text.length) throw invalid();
  return selectors;
}

function pick(method: V3Method, resource: Record<string, unknown>, selectors: Selector[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { name, inner } of selectors) {
    if (name === '*') {
      for (const [k, v] of Object.entries(resource)) out[k] = Array.isArray(v) && inner ? v.map((x) => pick(method, x, inner)) : v;
      continue;
    }
    if (!(name in resource)) {
      if (UNMODELLED.has(name)) throw new Error(`Emulator: the Drive v3 field ${name} is not emulated.`);
      if (['nextPageToken', 'size', 'webContentLink'].includes(name)) continue; // absent on this item or page, as Drive omits them
      throw apiError(method, `Invalid field selection ${name}`);
    }
    const value = resource[name];
    out[name] = inner && Array.isArray(value) ? value.map((x) => pick(method, x as Record<string, unknown>, inner)) : value;
  }
  return out;
}

/**
 * A v3 query (files.list `q`), the subset a product needs: `name = '…'` (with `\'` and `\\`
 * escapes), `mimeType = '…'` / `!=`, `'<id>' in parents` (`root` for My Drive), `trashed = true|false`,
 * joined by `and`. Anything else fails as Drive answers a query it cannot parse: 400 "Invalid
 * Value" (https://developers.google.com/workspace/drive/api/guides/search-files). Unlike DriveApp's
 * searchFiles (v2 syntax, `title`), v3 says `name`.
 */
function parseV3Query(store: DriveStore, q: string): Array<(e: DriveEntry) => boolean> {
  const invalid = () => apiError('files.list', 'Invalid Value');
  const pattern = /^\s*(?:(name|mimeType)\s*(=|!=)\s*'((?:[^'\\]|\\.)*)'|trashed\s*(=|!=)\s*(true|false)|'((?:[^'\\]|\\.)*)'\s+in\s+parents)\s*/;
  const unquote = (s: string) => s.replace(/\\(.)/g, '$1');
  const clauses: Array<(e: DriveEntry) => boolean> = [];
  let rest = q;
  for (;;) {
    const m = pattern.exec(rest);
    if (!m) throw invalid();
    if (m[1]) {
      const value = unquote(m[3]);
      const field = m[1] as 'name' | 'mimeType';
      clauses.push((e) => (m[2] === '=') === (e[field] === value));
    } else if (m[4]) {
      const wanted = (m[4] === '=') === (m[5] === 'true');
      clauses.push((e) => store.isTrashed(e) === wanted);
    } else {
      const id = unquote(m[6]);
      const parentId = id === 'root' ? store.root.id : id;
      clauses.push((e) => store.parentsOf(e).includes(parentId));
    }
    rest = rest.slice(m[0].length);
    if (rest.trim() === '') return clauses;
    const and = /^and\s+/.exec(rest);
    if (!and) throw invalid();
    rest = rest.slice(and[0].length);
  }
}

function isBlob(x: unknown): x is GoogleAppsScript.Base.Blob {
  return typeof x === 'object' && x !== null && typeof (x as { getBytes?: unknown }).getBytes === 'function';
}

export function advancedFiles(core: Core, store: DriveStore, access: DriveAccess): AdvancedFiles {
  const rfc3339 = (ms: number) => new Date(ms).toISOString();
  /** Every field this emulator models, as v3 names them. */
  const resourceOf = (entry: DriveEntry): Record<string, unknown> => {
    const r: Record<string, unknown> = {
      kind: 'drive#file',
      id: entry.id,
      name: entry.name,
      mimeType: entry.mimeType,
      parents: entry === store.root ? [] : store.parentsOf(entry),
      trashed: store.isTrashed(entry),
      createdTime: rfc3339(entry.createdAt),
      modifiedTime: rfc3339(entry.updatedAt),
      webViewLink: store.urlOf(entry),
    };
    // Only blob files have a size and a download link (native Google files take no quota).
    if (entry.bytes) {
      r.size = String(entry.bytes.length);
      r.webContentLink = `https://drive.google.com/uc?id=${entry.id}&export=download`;
    }
    return r;
  };
  const answer = (method: V3Method, entry: DriveEntry, args: Args): FileSchema =>
    pick(method, resourceOf(entry), parseFields(method, String(args?.fields ?? DEFAULT_FILE_FIELDS))) as FileSchema;
  const find = (id: string): DriveEntry | undefined => (id === 'root' ? store.root : store.find(id));
  /** A folder the app may put things in (My Drive always). */
  const targetFolder = (method: V3Method, id: string): DriveEntry => {
    if (find(id) === store.root) return store.root;
    const folder = access.requireWrite(method, find(id), id);
    if (folder.mimeType !== FOLDER_MIME) throw apiError(method, `The specified parent is not a folder.`);
    return folder;
  };
  const parentsFrom = (method: V3Method, ids: unknown): string[] => {
    const list = Array.isArray(ids) ? ids.map(String) : [];
    if (list.length > 1) throw apiError(method, 'A shared drive item must have exactly one parent.');
    return list.map((id) => targetFolder(method, id).id).filter((id) => id !== store.root.id);
  };

  return {
    /**
     * files.create: a folder, an empty Google Doc or Form (made by the Docs or Forms fake, so
     * DocumentApp/FormApp open it), or a file with the blob's bytes; in `parents` (My Drive when
     * none). Named "Untitled" without a name (create-file guide). The item is the app's.
     */
    create(resource: FileSchema, mediaData?: GoogleAppsScript.Base.Blob, optionalArgs?: Record<string, unknown>): FileSchema {
      core.requireFullAuth('Drive.Files.create', DRIVE);
      core.call('Drive', 'Files.create');
      access.requireMethod('files.create');
      const r = resource ?? {};
      const parents = parentsFrom('files.create', r.parents);
      const name = r.name === undefined || r.name === null ? (isBlob(mediaData) ? (mediaData.getName() ?? 'Untitled') : 'Untitled') : String(r.name);
      const mimeType = r.mimeType
        ? String(r.mimeType)
        : isBlob(mediaData)
          ? (mediaData.getContentType() ?? 'application/octet-stream')
          : 'application/octet-stream';
      let entry: DriveEntry;
      const native = core.nativeCreators.get(mimeType);
      if (mimeType === FOLDER_MIME) {
        entry = store.register(name, FOLDER_MIME, store.root.id);
      } else if (native) {
        if (isBlob(mediaData)) throw new Error(`Emulator: converting an upload to ${mimeType} is not emulated.`);
        entry = native(name);
      } else if (mimeType.startsWith('application/vnd.google-apps.')) {
        throw new Error(`Emulator: creating a ${mimeType} through Drive.Files.create is not emulated.`);
      } else {
        const bytes = isBlob(mediaData) ? fromByteArray(mediaData.getBytes()) : new Uint8Array();
        entry = store.register(name, mimeType, store.root.id, { bytes });
      }
      entry.parents = parents;
      entry.appUsers = core.appUsersOfNew(true);
      store.inherit(entry);
      return answer('files.create', entry, optionalArgs);
    },

    /** files.get: the item's fields; with `alt: 'media'`, a blob file's content as a string. */
    get(fileId: string, optionalArgs?: Record<string, unknown>): FileSchema {
      core.requireFullAuth('Drive.Files.get', DRIVE);
      core.call('Drive', 'Files.get');
      access.requireMethod('files.get');
      const id = String(fileId);
      const entry = access.requireRead('files.get', find(id), id);
      if (optionalArgs?.alt !== 'media') return answer('files.get', entry, optionalArgs);
      // Content needs a scope that reads content, not only metadata.
      if (core.current() && !core.hasScope(DRIVE, DRIVE_READONLY) && !(core.hasScope(DRIVE_FILE) && core.appHolds(entry))) {
        throw apiError('files.get', 'Request had insufficient authentication scopes.');
      }
      // "Only files with binary content can be downloaded. Use Export with Docs Editors files." (reason fileNotDownloadable, handle-errors guide)
      if (!entry.bytes) throw apiError('files.get', 'Only files with binary content can be downloaded. Use Export with Docs Editors files.');
      return decodeBytes(entry.bytes) as unknown as FileSchema;
    },

    /**
     * files.update with patch semantics: `name`, `trashed`, new content from a blob (blob files
     * only), `addParents`/`removeParents` (comma-separated ids). An item has one parent in My
     * Drive: adding one without removing the other is refused ("Increasing the number of parents
     * is not allowed", reason cannotAddParent; Drive's single-parent model,
     * https://developers.google.com/workspace/drive/api/guides/ref-single-parent).
     */
    update(resource: FileSchema, fileId: string, mediaData?: GoogleAppsScript.Base.Blob, optionalArgs?: Record<string, unknown>): FileSchema {
      core.requireFullAuth('Drive.Files.update', DRIVE);
      core.call('Drive', 'Files.update');
      access.requireMethod('files.update');
      const id = String(fileId);
      const entry = access.requireWrite('files.update', find(id), id);
      const r = resource ?? {};
      // "The parents field is not directly writable in update requests. Use the addParents and
      // removeParents parameters instead." (reason fieldNotWritable; files.update's reference:
      // parents are changed through addParents/removeParents).
      if (r.parents !== undefined)
        throw apiError(
          'files.update',
          'The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.',
        );
      const split = (v: unknown) =>
        v === undefined || v === null || v === ''
          ? []
          : String(v)
              .split(',')
              .map((s) => s.trim());
      const adding = split(optionalArgs?.addParents).map((p) => targetFolder('files.update', p).id);
      const removing = split(optionalArgs?.removeParents).map((p) => (p === 'root' ? store.root.id : p));
      if (adding.length || removing.length) {
        const parents = store.parentsOf(entry).filter((p) => !removing.includes(p));
        for (const p of adding) if (!parents.includes(p)) parents.push(p);
        if (parents.length > 1) throw apiError('files.update', 'Increasing the number of parents is not allowed.');
        entry.parents = parents.filter((p) => p !== store.root.id);
        store.inherit(entry);
        if (entry.mimeType === FOLDER_MIME) store.propagate(entry);
      }
      if (r.name !== undefined && r.name !== null) entry.name = String(r.name);
      if (r.trashed !== undefined && r.trashed !== null) entry.trashed = Boolean(r.trashed);
      if (isBlob(mediaData)) {
        if (!entry.bytes && entry.exportAs) throw new Error(`Emulator: uploading content into a ${entry.mimeType} is not emulated.`);
        entry.bytes = fromByteArray(mediaData.getBytes());
      }
      store.touch(entry);
      return answer('files.update', entry, optionalArgs);
    },

    /**
     * files.list: every item the token can see matching `q` (trashed ones too unless `q` says
     * `trashed = false`, as the search guide says), oldest first, in pages. Under `drive.file`
     * only the app's items exist.
     */
    list(optionalArgs?: Record<string, unknown>): FileList {
      core.requireFullAuth('Drive.Files.list', DRIVE);
      core.call('Drive', 'Files.list');
      access.requireMethod('files.list');
      const clauses = optionalArgs?.q === undefined || optionalArgs.q === '' ? [] : parseV3Query(store, String(optionalArgs.q));
      const files = store.all().filter((e) => access.readable(e) && clauses.every((matches) => matches(e)));
      // Pages of `pageSize` (default 100, at most 1000: the reference's bounds); `nextPageToken`
      // leads on while more remain. The token here is the offset, opaque to scripts.
      const size = Math.min(Math.max(Number(optionalArgs?.pageSize ?? 100) || 100, 1), 1000);
      const start = optionalArgs?.pageToken === undefined ? 0 : Number.parseInt(Buffer.from(String(optionalArgs.pageToken), 'base64').toString('utf8'), 10);
      if (!Number.isInteger(start) || start < 0) throw apiError('files.list', 'Invalid Value');
      const page = files.slice(start, start + size);
      const list: Record<string, unknown> = { kind: 'drive#fileList', incompleteSearch: false, files: page.map(resourceOf) };
      if (start + size < files.length) list.nextPageToken = Buffer.from(String(start + size)).toString('base64');
      return pick('files.list', list, parseFields('files.list', String(optionalArgs?.fields ?? DEFAULT_LIST_FIELDS))) as FileList;
    },

    /**
     * files.delete: "Permanently deletes a file owned by the user without moving it to the trash"
     * (https://developers.google.com/workspace/drive/api/reference/rest/v3/files/delete); the
     * advanced service names it `remove` and its error "API call to drive.files.delete failed …".
     * A folder's children are not modelled as deleted with it (the product deletes files only).
     */
    remove(fileId: string, _optionalArgs?: Record<string, unknown>): void {
      core.requireFullAuth('Drive.Files.remove', DRIVE);
      core.call('Drive', 'Files.remove');
      access.requireMethod('files.delete');
      const id = String(fileId);
      const entry = find(id);
      if (entry === store.root) throw apiError('files.delete', `File not found: ${id}.`);
      access.requireWrite('files.delete', entry, id);
      core.drive.delete(id);
    },
  } as AdvancedFiles;
}
