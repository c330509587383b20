/**
 * The product's one gateway to Drive: the Advanced Drive service (Drive API v3, enabled in
 * appsscript.json), under the `drive.file` scope — "per-file access to files created or opened by
 * the app" (developers.google.com/workspace/drive/api/guides/api-specific-auth). DriveApp is not
 * used: it accepts only the full `drive` scope (or `drive.readonly` for reading), which would let
 * the script, and so anyone who may edit its code, open the owner's whole Drive.
 *
 * Everything the product keeps in Drive is made here through files.create — folders, Google Docs,
 * Google Forms and blob files alike — so that it is certainly "created by the app": whether files
 * made by DocumentApp.create or FormApp.create count as the app's for `drive.file`, Google does not
 * say. Every method used lists `drive.file` among its scopes in the v3 reference
 * (developers.google.com/workspace/drive/api/reference/rest/v3/files/create, /get, /update,
 * /list, /delete; /permissions/create, /list).
 */
import { errorMessage } from '../domain/errors';

type Schema = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;

export const FOLDER_MIME = 'application/vnd.google-apps.folder';
export const DOC_MIME = 'application/vnd.google-apps.document';
export const FORM_MIME = 'application/vnd.google-apps.form';

/**
 * v3 answers only kind, id, name and mimeType unless `fields` asks for more
 * (developers.google.com/workspace/drive/api/guides/fields-parameter).
 */
const FIELDS = 'id,name,mimeType,trashed,createdTime,webViewLink';

/** A Drive item as the product needs it. */
export interface DriveItem {
  id: string;
  name: string;
  mimeType: string;
  trashed: boolean;
  /** When Drive made it (ms since the epoch). */
  createdMs: number;
  /** The address that opens it in Drive (or in Docs, Forms). */
  url: string;
}

/** The Advanced Drive service; a project whose manifest does not enable it has no `Drive` global at all. */
export function driveService(): GoogleAppsScript.Drive {
  if (typeof Drive === 'undefined' || !Drive) throw new Error('the Advanced Drive service (Drive v3) is not enabled in appsscript.json');
  return Drive;
}

/** Whether Drive answered "File not found": the item is deleted, or (under `drive.file`) not this app's for this account. */
export function isNotFound(err: unknown): boolean {
  return /not found/i.test(errorMessage(err));
}

function asItem(file: Schema): DriveItem {
  return {
    id: String(file.id ?? ''),
    name: String(file.name ?? ''),
    mimeType: String(file.mimeType ?? ''),
    trashed: file.trashed === true,
    createdMs: file.createdTime ? Date.parse(file.createdTime) : 0,
    url: String(file.webViewLink ?? ''),
  };
}

/** A string inside a Drive query: backslash and quote escaped (developers.google.com/workspace/drive/api/guides/search-files). */
function quoted(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * The item of an id. Throws when there is none — or, under `drive.file`, when the app did not make
 * it: Drive answers "File not found" for both.
 */
export function getItem(id: string): DriveItem {
  return asItem(driveService().Files.get(id, { fields: FIELDS }));
}

/** Makes an item (a folder, a Google Doc or Form, or a file of `content`) in `parentId`, or in My Drive. */
export function createItem(name: string, mimeType: string, parentId?: string, content?: GoogleAppsScript.Base.Blob): DriveItem {
  const resource: Schema = { name, mimeType, ...(parentId ? { parents: [parentId] } : {}) };
  const drive = driveService();
  if (content) return asItem(drive.Files.create(resource, content, { fields: FIELDS }));
  // Without content the advanced service takes only the resource, so the fields come from a get.
  return getItem(String(drive.Files.create(resource).id));
}

/**
 * Live items of a name (and MIME type) that this app can see, in `parentId` when given. Under
 * `drive.file` a search returns only what the app made or was given — never a person's item of the
 * same name, which is what the product wants anyway.
 */
export function listItems(name: string, mimeType: string | null, parentId?: string): DriveItem[] {
  const terms = [`name = ${quoted(name)}`, 'trashed = false'];
  if (mimeType) terms.push(`mimeType = ${quoted(mimeType)}`);
  if (parentId) terms.push(`${quoted(parentId)} in parents`);
  const items: DriveItem[] = [];
  let pageToken: string | undefined;
  do {
    const page = driveService().Files.list({
      q: terms.join(' and '),
      fields: `nextPageToken,files(${FIELDS})`,
      pageSize: 100,
      ...(pageToken ? { pageToken } : {}),
    });
    for (const file of page.files ?? []) items.push(asItem(file));
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return items;
}

/** Renames an item, moves it to the trash, and/or replaces a file's content (same id, same link). */
export function updateItem(id: string, changes: { name?: string; trashed?: boolean }, content?: GoogleAppsScript.Base.Blob): void {
  const drive = driveService();
  if (content) drive.Files.update(changes, id, content);
  else drive.Files.update(changes, id);
}

/** Deletes an item for good (files.delete, named `remove` in the advanced service): no 30 days in the trash. */
export function deleteItem(id: string): void {
  driveService().Files.remove(id);
}

/**
 * Lets anyone with the link view an item (not listed in search: allowFileDiscovery false). Throws
 * where the domain's admin forbids sharing outside the organisation.
 */
export function shareViewWithLink(id: string): void {
  driveService().Permissions.create({ type: 'anyone', role: 'reader', allowFileDiscovery: false }, id);
}

/**
 * The content of a file the app may read, as text: files.get with `alt: 'media'`, which the
 * advanced service answers with the body as a string (its type in @types/google-apps-script).
 */
export function readText(id: string): string {
  return driveService().Files.get(id, { alt: 'media' });
}

/** A blob of text to write into a file. */
export function textBlob(content: string, mimeType: string, name: string): GoogleAppsScript.Base.Blob {
  return Utilities.newBlob(content, mimeType, name);
}
