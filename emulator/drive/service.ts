/**
 * The harness side of DriveApp: the app and `MimeType` a script sees, and views of every file.
 */
import type { Core, DrivePermission } from '../core';
import { type AdvancedDrive, AdvancedDriveFake } from './advanced';
import { DriveAppFake } from './app';
import { guardDriveApp } from './scopes';
import { type DriveIndexRow, DriveStore, MIME_TYPES } from './store';

export class DriveService {
  readonly app: GoogleAppsScript.Drive.DriveApp;
  readonly mimeTypes: GoogleAppsScript.Base.MimeType = MIME_TYPES;
  /** The Advanced Drive service (v3), the global `Drive` of a project whose manifest enables it. */
  readonly advanced: AdvancedDrive;
  private readonly store: DriveStore;

  constructor(core: Core) {
    this.store = new DriveStore(core);
    this.app = guardDriveApp(core, new DriveAppFake(this.store), 'DriveApp') as unknown as GoogleAppsScript.Drive.DriveApp;
    this.advanced = new AdvancedDriveFake(this.store);
  }

  /** The permissions of an item as the Drive API lists them (owner, link or domain sharing, the rest). */
  permissions(id: string): DrivePermission[] {
    return this.store.permissionsOf(this.store.entry(id));
  }

  /** Whether the script project created the item for some account (what `drive.file` lets the Drive API see). */
  createdByApp(id: string): boolean {
    return (this.store.entry(id).appUsers ?? []).length > 0;
  }

  /** The accounts for which the app holds the item. */
  appUsers(id: string): string[] {
    return [...(this.store.entry(id).appUsers ?? [])];
  }

  /**
   * A person opens the item with the app (Drive's "Open with", the Google Picker): from then on
   * `drive.file` covers it — the scope lets an app reach files "that you open with an app or that
   * the user shares with an app while using the Google Picker API or the app's file picker"
   * (https://developers.google.com/workspace/drive/api/guides/api-specific-auth).
   */
  openWithApp(id: string, user: string = this.store.core.user): void {
    const entry = this.store.entry(id);
    entry.appUsers = [...new Set([...(entry.appUsers ?? []), user])];
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
