/**
 * The Advanced Drive service (Drive API v3), the part scripts use to manage who may open a file or
 * answer a form: `Drive.Permissions.create` and `Drive.Permissions.list`; and `Drive.Files.remove`, which
 * deletes a file for good (DriveApp can only trash it, and Drive keeps a trashed file 30 days). A script sees it as the
 * global `Drive` only when its manifest enables it (`dependencies.enabledAdvancedServices`), as
 * in Apps Script.
 * https://developers.google.com/apps-script/advanced/drive
 * https://developers.google.com/workspace/drive/api/reference/rest/v3/permissions
 */
import { type Core, type DriveEntry, type DrivePermission, gasError } from '../core';
import { type DriveStore, ROLE_OF_PERMISSION } from './store';

type Schema = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission;
type PermissionList = GoogleAppsScript.Drive_v3.Drive.V3.Schema.PermissionList;
type PermissionsMembers = 'create' | 'list';

/** The part of the v3 service emulated: a script calling anything else does not compile against it. */
export interface AdvancedDrive {
  Permissions: Pick<GoogleAppsScript.Drive_v3.Drive.V3.Collection.PermissionsCollection, PermissionsMembers>;
  Files: Pick<GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection, 'remove'>;
}

const DRIVE_SCOPE = 'https://www.googleapis.com/auth/drive';
const ROLES: ReadonlyArray<DrivePermission['role']> = ['owner', 'organizer', 'fileOrganizer', 'writer', 'commenter', 'reader'];
const TYPES: ReadonlyArray<DrivePermission['type']> = ['user', 'group', 'domain', 'anyone'];
const PERMISSION_OF_ROLE: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(ROLE_OF_PERMISSION).map(([k, v]) => [v, k]));

/**
 * An advanced service's failure as Apps Script surfaces it: a GoogleJsonResponseException whose
 * message is "API call to drive.<resource>.<method> failed with error: <the API's message>", as
 * scripts report it (e.g. "API call to drive.permissions.insert failed with error: Invalid
 * permission value", "API call to drive.permissions.list failed with error: The user does not
 * have sufficient permissions for this file.").
 */
function apiError(method: string, message: string, resource = 'permissions'): Error {
  const e = new Error(`API call to drive.${resource}.${method} failed with error: ${message}`);
  e.name = 'GoogleJsonResponseException';
  return e;
}

export class AdvancedDriveFake implements AdvancedDrive {
  readonly Permissions: AdvancedDrive['Permissions'];
  readonly Files: AdvancedDrive['Files'];

  constructor(store: DriveStore) {
    const core = store.core;
    const entryOf = (method: string, fileId: string): DriveEntry => {
      const entry = store.find(String(fileId));
      // Drive's 404: "File not found: {fileId}." (https://developers.google.com/workspace/drive/api/guides/handle-errors#resolve_a_404_error_file_not_found_fileid)
      if (!entry || entry === store.root) throw apiError(method, `File not found: ${String(fileId)}.`);
      return entry;
    };
    this.Permissions = {
      create(resource: Schema, fileId: string, _optionalArgs?: Record<string, unknown>): Schema {
        core.requireFullAuth('Drive.Permissions.create', DRIVE_SCOPE);
        core.call('Drive', 'Permissions.create');
        const entry = entryOf('create', fileId);
        return createPermission(core, store, entry, resource ?? {});
      },
      list(fileId: string, _optionalArgs?: Record<string, unknown>): PermissionList {
        core.requireFullAuth('Drive.Permissions.list', DRIVE_SCOPE);
        core.call('Drive', 'Permissions.list');
        const entry = entryOf('list', fileId);
        return { kind: 'drive#permissionList', permissions: store.permissionsOf(entry).map(asSchema) };
      },
    } as AdvancedDrive['Permissions'];
    this.Files = {
      /**
       * files.delete: "Permanently deletes a file owned by the user without moving it to the trash"
       * (https://developers.google.com/workspace/drive/api/reference/rest/v3/files/delete); the
       * advanced service names it `remove` and its error "API call to drive.files.delete failed …".
       * Every item in this emulator belongs to the account that made it, the script's user; a
       * folder's children are not modelled as deleted with it (the product deletes files only).
       */
      remove(fileId: string, _optionalArgs?: Record<string, unknown>): void {
        core.requireFullAuth('Drive.Files.remove', DRIVE_SCOPE);
        core.call('Drive', 'Files.remove');
        const entry = store.find(String(fileId));
        if (!entry || entry === store.root) throw apiError('delete', `File not found: ${String(fileId)}.`, 'files');
        core.drive.delete(entry.id);
      },
    } as AdvancedDrive['Files'];
  }
}

/**
 * A user's or group's permission says whether that account was deleted ("deleted: Whether the
 * account associated with this permission has been deleted. This field only pertains to user and
 * group permissions", https://developers.google.com/workspace/drive/api/reference/rest/v3/permissions;
 * false for the owner on live Apps Script: gas-fakes test/testdrive.js:379–383).
 */
function asSchema(p: DrivePermission): Schema {
  return { kind: 'drive#permission', ...p, ...(p.type === 'user' || p.type === 'group' ? { deleted: false } : {}) };
}

/**
 * permissions.create as the Drive API answers it. `type` and `role` are required; a `domain`
 * permission needs `domain`, a `user`/`group` one `emailAddress`. `view: 'published'` (the only
 * view there is) grants a form's published view: who may respond (Forms' "Publish and manage
 * responders" guide: `{type: 'anyone', view: 'published', role: 'reader'}`). The admin's policy
 * applies: where "anyone with the link" is forbidden, an `anyone` permission is refused (Drive's
 * reason `publishOutNotPermitted`; its message text is not documented, so Drive's generic 403
 * sentence is used); a consumer account has no domain to share with.
 * https://developers.google.com/workspace/forms/api/guides/publish-form
 * https://developers.google.com/workspace/drive/api/reference/rest/v3/permissions/create
 */
function createPermission(core: Core, store: DriveStore, entry: DriveEntry, resource: Schema): Schema {
  const type = String(resource.type ?? '') as DrivePermission['type'];
  const role = String(resource.role ?? '') as DrivePermission['role'];
  if (!type) throw apiError('create', 'The permission type field is required.');
  if (!TYPES.includes(type)) throw apiError('create', `Invalid permission type: ${type}`);
  if (!role) throw apiError('create', 'The permission role field is required.');
  if (!ROLES.includes(role) || role === 'owner' || role === 'organizer' || role === 'fileOrganizer') throw apiError('create', 'Invalid permission value');
  const view = resource.view === undefined ? undefined : String(resource.view);
  if (view !== undefined && (view !== 'published' || entry.kind !== 'form' || role !== 'reader')) throw apiError('create', 'Invalid permission value');
  const { sharing, formsExternalResponses, account, domain: ownDomain } = core.environment;
  // A form's published view follows the Forms override, which stays on when link sharing is off.
  const anyoneRefused = view === 'published' ? formsExternalResponses === 'blocked' : sharing === 'blocked';
  if (type === 'anyone' && anyoneRefused) throw apiError('create', 'The user does not have sufficient permissions for this file.');
  if (type === 'domain' && account !== 'workspace') throw apiError('create', 'Invalid permission value');
  const domain = type === 'domain' ? String(resource.domain ?? '') : undefined;
  if (type === 'domain' && !domain) throw apiError('create', 'The domain field is required for a domain permission.');
  const emailAddress = type === 'user' || type === 'group' ? String(resource.emailAddress ?? '') : undefined;
  if ((type === 'user' || type === 'group') && !emailAddress) throw apiError('create', 'The emailAddress field is required for a user or group permission.');

  // Link and domain sharing of the file itself is what DriveApp's setSharing sets: the same state.
  if (view === undefined && (type === 'anyone' || (type === 'domain' && domain === ownDomain))) {
    const discoverable = resource.allowFileDiscovery === true;
    const access = type === 'anyone' ? (discoverable ? 'ANYONE' : 'ANYONE_WITH_LINK') : discoverable ? 'DOMAIN' : 'DOMAIN_WITH_LINK';
    entry.sharing = { access, permission: PERMISSION_OF_ROLE[role] ?? 'VIEW' };
    entry.sharingInherited = false;
    store.touch(entry);
    if (entry.kind === 'folder') store.propagate(entry);
    const listed = store.permissionsOf(entry).find((p) => p.type === type && p.view === undefined && (type === 'anyone' || p.domain === domain));
    return asSchema(listed as DrivePermission);
  }

  // Anything else is one more permission; the same grantee on the same view is updated in place.
  entry.permissions ??= [];
  const permissions = entry.permissions;
  const same = permissions.find(
    (p) => p.type === type && p.view === view && p.domain === domain && (p.emailAddress ?? '').toLowerCase() === (emailAddress ?? '').toLowerCase(),
  );
  const permission: DrivePermission = same ?? { id: core.newId('0'), type, role };
  permission.role = role;
  if (domain !== undefined) permission.domain = domain;
  if (emailAddress !== undefined) permission.emailAddress = emailAddress;
  if (view === 'published') permission.view = 'published';
  if (resource.allowFileDiscovery !== undefined && (type === 'anyone' || type === 'domain'))
    permission.allowFileDiscovery = Boolean(resource.allowFileDiscovery);
  if (!same) permissions.push(permission);
  store.touch(entry);
  return asSchema({ ...permission });
}

/** Thrown when a manifest enables a version of the Drive service the emulator does not have. */
export function unsupportedDriveVersion(version: string): Error {
  return gasError(`Emulator: only Drive API v3 is emulated as an advanced service, not ${version}.`);
}
