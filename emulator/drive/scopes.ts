/**
 * OAuth scopes and Drive: which scope each DriveApp and Drive v3 call needs, and what the
 * `drive.file` scope lets the Advanced Drive service see. Checked only inside a script execution
 * (the harness acts as a person or as Google).
 * https://developers.google.com/workspace/drive/api/guides/api-specific-auth
 */
import { createHash } from 'node:crypto';
import type { Core, DriveEntry } from '../core';

const AUTH = 'https://www.googleapis.com/auth/';
export const DRIVE = `${AUTH}drive`;
export const DRIVE_READONLY = `${AUTH}drive.readonly`;
export const DRIVE_FILE = `${AUTH}drive.file`;
const APPDATA = `${AUTH}drive.appdata`;
const MEET_READONLY = `${AUTH}drive.meet.readonly`;
const METADATA = `${AUTH}drive.metadata`;
const METADATA_READONLY = `${AUTH}drive.metadata.readonly`;
const PHOTOS_READONLY = `${AUTH}drive.photos.readonly`;
const SCRIPTS = `${AUTH}drive.scripts`;

/**
 * DriveApp needs the full Drive scope to change anything and `drive.readonly` or `drive` to read;
 * it never accepts `drive.file` ("Scripts that use this method require authorization with one or
 * more of the following scopes: https://www.googleapis.com/auth/drive" on Folder.createFile and
 * every other writing method, https://developers.google.com/apps-script/reference/drive/folder#createfileblob;
 * reading methods list drive.readonly and drive, e.g. DriveApp.getFileById). The alternatives are
 * listed as Apps Script prints them.
 */
const DRIVEAPP_READ = [DRIVE_READONLY, DRIVE];
const DRIVEAPP_WRITE = [DRIVE];
const DRIVEAPP_WRITES: ReadonlySet<string> = new Set([
  'createFile',
  'createFolder',
  'setTrashed',
  'setSharing',
  'setContent',
  'setName',
  'moveTo',
  'makeCopy',
  'addFile',
  'removeFile',
]);
/** Not service calls: printing an object and its enum properties. */
const UNCHECKED: ReadonlySet<PropertyKey> = new Set(['toString', 'constructor', 'Access', 'Permission']);

/**
 * A DriveApp object (the app, a File, a Folder) whose every method first checks the scope, as
 * Apps Script does per call ("… to call DriveApp.File.setContent", "… DriveApp.getFileById").
 * `instanceof` still sees the fake behind the proxy.
 */
export function guardDriveApp<T extends object>(core: Core, target: T, className: string): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof value !== 'function' || typeof prop !== 'string' || UNCHECKED.has(prop)) return value;
      const fn = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => {
        core.requireScope(`${className}.${prop}`, DRIVEAPP_WRITES.has(prop) ? DRIVEAPP_WRITE : DRIVEAPP_READ);
        return fn.apply(obj, args);
      };
    },
  });
}

/**
 * The scopes each Drive API v3 method accepts: its reference's "Authorization scopes" (the
 * discovery document, https://www.googleapis.com/discovery/v1/apis/drive/v3/rest; e.g.
 * https://developers.google.com/workspace/drive/api/reference/rest/v3/files/create#authorization-scopes).
 */
export const V3_SCOPES = {
  'files.create': [DRIVE, APPDATA, DRIVE_FILE],
  'files.get': [DRIVE, APPDATA, DRIVE_FILE, MEET_READONLY, METADATA, METADATA_READONLY, PHOTOS_READONLY, DRIVE_READONLY],
  'files.list': [DRIVE, APPDATA, DRIVE_FILE, MEET_READONLY, METADATA, METADATA_READONLY, PHOTOS_READONLY, DRIVE_READONLY],
  'files.update': [DRIVE, APPDATA, DRIVE_FILE, METADATA, SCRIPTS],
  'files.delete': [DRIVE, APPDATA, DRIVE_FILE],
  'permissions.create': [DRIVE, DRIVE_FILE],
  'permissions.list': [DRIVE, DRIVE_FILE, MEET_READONLY, METADATA, METADATA_READONLY, PHOTOS_READONLY, DRIVE_READONLY],
} as const;
export type V3Method = keyof typeof V3_SCOPES;

/**
 * An advanced service's failure as Apps Script surfaces it: a GoogleJsonResponseException whose
 * message is "API call to drive.<resource>.<method> failed with error: <the API's message>", as
 * scripts report it (e.g. "API call to drive.permissions.insert failed with error: Invalid
 * permission value", "API call to drive.permissions.list failed with error: The user does not
 * have sufficient permissions for this file.").
 */
export function apiError(method: V3Method | string, message: string): Error {
  const e = new Error(`API call to drive.${method} failed with error: ${message}`);
  e.name = 'GoogleJsonResponseException';
  return e;
}

/** The Cloud project number of the script (the "app" Drive names in its 403s); fixed per seed. */
export function appIdOf(core: Core): string {
  const hex = createHash('sha256').update(`${core.seed}-project`).digest('hex').slice(0, 10);
  return String(100_000_000_000 + (Number.parseInt(hex, 16) % 900_000_000_000));
}

/**
 * What a token may do to Drive items, as the Drive API decides it. With `drive`, everything the
 * user can reach; with `drive.readonly`, read everything; with `drive.file`, read and change the
 * items the app created (or a user opened with it). Inside no execution, everything.
 */
export class DriveAccess {
  /** `root`: My Drive, which every Drive scope may read and create in. */
  constructor(
    private readonly core: Core,
    private readonly root: DriveEntry,
  ) {}

  private checked(): boolean {
    return this.core.current() !== null && this.core.scopes !== null;
  }

  /** Drive's 403 `insufficientPermissions` when the token has none of the method's scopes. */
  requireMethod(method: V3Method): void {
    if (!this.checked() || this.core.hasScope(...V3_SCOPES[method])) return;
    // The API's answer to a token without the method's scopes ("Request had insufficient
    // authentication scopes.", reason insufficientPermissions, e.g.
    // https://github.com/GoogleCloudPlatform/genai-for-marketing/issues/45).
    throw apiError(method, 'Request had insufficient authentication scopes.');
  }

  readable(entry: DriveEntry): boolean {
    if (!this.checked() || entry === this.root) return true;
    return this.core.hasScope(DRIVE, DRIVE_READONLY, METADATA, METADATA_READONLY) || (this.core.hasScope(DRIVE_FILE) && this.core.appHolds(entry));
  }

  writable(entry: DriveEntry): boolean {
    if (!this.checked() || entry === this.root) return true;
    return this.core.hasScope(DRIVE) || (this.core.hasScope(DRIVE_FILE) && this.core.appHolds(entry));
  }

  /**
   * A file the token cannot see is "not found" (Drive's 404, "File not found: {fileId}.",
   * https://developers.google.com/workspace/drive/api/guides/handle-errors#resolve_a_404_error_file_not_found_fileid);
   * one it can read but not change is refused with Drive's 403 `appNotAuthorizedToFile`, "The user
   * has not granted the app {appId} write access to the file {fileId}." (same guide, "Resolve a 403
   * error: The user has not granted the app {appId} {verb} access to the file {fileId}").
   */
  requireRead(method: V3Method, entry: DriveEntry | undefined, id: string): DriveEntry {
    if (!entry || !this.readable(entry)) throw apiError(method, `File not found: ${id}.`);
    return entry;
  }

  requireWrite(method: V3Method, entry: DriveEntry | undefined, id: string): DriveEntry {
    const found = this.requireRead(method, entry, id);
    if (!this.writable(found)) throw apiError(method, `The user has not granted the app ${appIdOf(this.core)} write access to the file ${id}.`);
    return found;
  }
}
