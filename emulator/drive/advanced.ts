/**
 * The Advanced Drive service (Drive API v3): `Drive.Permissions.create` and `list` (who may open a
 * file or answer a form), and `Drive.Files` (advanced-files.ts: create, get, update, list, remove —
 * the way to work in Drive under the `drive.file` scope, which DriveApp does not accept). Every
 * call obeys the token's scopes (scopes.ts). A script sees it as the
 * global `Drive` only when its manifest enables it (`dependencies.enabledAdvancedServices`), as
 * in Apps Script.
 * https://developers.google.com/apps-script/advanced/drive
 * https://developers.google.com/workspace/drive/api/reference/rest/v3/permissions
 */
import { type Core, type DriveEntry, type DrivePermission, gasError } from '../core';
import { type DriveStore, ROLE_OF_PERMISSION } from './store';
import { type AdvancedFiles, advancedFiles } from './advanced-files';
import { DRIVE, DriveAccess, apiError } from './scopes';

type Schema = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission;
type PermissionList = GoogleAppsScript.Drive_v3.Drive.V3.Schema.PermissionList;
type PermissionsMembers = 'create' | 'list';

/** The part of the v3 service emulated: a script calling anything else does not compile against it. */
export interface AdvancedDrive {
  Permissions: Pick<GoogleAppsScript.Drive_v3.Drive.V3.Collection.PermissionsCollection, PermissionsMembers>;
  Files: AdvancedFiles;
}

const ROLES: ReadonlyArray<DrivePermission['role']> = ['owner', 'organizer', 'fileOrganizer', 'writer', 'commenter', 'reader'];
const TYPES: ReadonlyArray<DrivePermission['type']> = ['user', 'group', 'domain', 'anyone'];
const PERMISSION_OF_ROLE: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(ROLE_OF_PERMISSION).map(([k, v]) => [v, k]));

export class AdvancedDriveFake implements AdvancedDrive {
  readonly Permissions: AdvancedDrive['Permissions'];
  readonly Files: AdvancedDrive['Files'];

  constructor(store: DriveStore) {
    const core = store.core;
    const access = new DriveAccess(core, store.root);
    const find = (id: string): DriveEntry | undefined => {
      const entry = store.find(id);
      return entry === store.root ? undefined : entry;
    };
    this.Permissions = {
      /** permissions.create needs `drive` or `drive.file` and write access to the item (scopes.ts). */
      create(resource: Schema, fileId: string, _optionalArgs?: Record<string, unknown>): Schema {
        core.requireFullAuth('Drive.Permissions.create', DRIVE);
        core.call('Drive', 'Permissions.create');
        access.requireMethod('permissions.create');
        const entry = access.requireWrite('permissions.create', find(String(fileId)), String(fileId));
        return createPermission(core, store, entry, resource ?? {});
      },
      list(fileId: string, _optionalArgs?: Record<string, unknown>): PermissionList {
        core.requireFullAuth('Drive.Permissions.list', DRIVE);
        core.call('Drive', 'Permissions.list');
        access.requireMethod('permissions.list');
        const entry = access.requireRead('permissions.list', find(String(fileId)), String(fileId));
        return { kind: 'drive#permissionList', permissions: store.permissionsOf(entry).map(asSchema) };
      },
    } as AdvancedDrive['Permissions'];
    this.Files = advancedFiles(core, store, access);
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
  if (!type) throw apiError('permissions.create', 'The permission type field is required.');
  if (!TYPES.includes(type)) throw apiError('permissions.create', `Invalid permission type: ${type}`);
  if (!role) throw apiError('permissions.create', 'The permission role field is required.');
  if (!ROLES.includes(role) || role === 'owner' || role === 'organizer' || role === 'fileOrganizer')
    throw apiError('permissions.create', 'Invalid permission value');
  const view = resource.view === undefined ? undefined : String(resource.view);
  if (view !== undefined && (view !== 'published' || entry.kind !== 'form' || role !== 'reader'))
    throw apiError('permissions.create', 'Invalid permission value');
  const { sharing, formsExternalResponses, account, domain: ownDomain } = core.environment;
  // A form's published view follows the Forms override, which stays on when link sharing is off.
  const anyoneRefused = view === 'published' ? formsExternalResponses === 'blocked' : sharing === 'blocked';
  if (type === 'anyone' && anyoneRefused) throw apiError('permissions.create', 'The user does not have sufficient permissions for this file.');
  if (type === 'domain' && account !== 'workspace') throw apiError('permissions.create', 'Invalid permission value');
  const domain = type === 'domain' ? String(resource.domain ?? '') : undefined;
  if (type === 'domain' && !domain) throw apiError('permissions.create', 'The domain field is required for a domain permission.');
  const emailAddress = type === 'user' || type === 'group' ? String(resource.emailAddress ?? '') : undefined;
  if ((type === 'user' || type === 'group') && !emailAddress)
    throw apiError('permissions.create', 'The emailAddress field is required for a user or group permission.');

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
