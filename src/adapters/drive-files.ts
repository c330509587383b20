/**
 * The product's own Drive folders, Docs and files, each kept under a script-property key: found
 * again by the stored id; when that is gone (trashed, deleted) or was never stored because a run
 * stopped between making the item and remembering it, an item of the same name is adopted before
 * a new one is made. So a re-run, or a run after a crash, rewrites the same item: no duplicates.
 */
import { readString, writeString } from './config';

type Folder = GoogleAppsScript.Drive.Folder;
type File = GoogleAppsScript.Drive.File;
type Document = GoogleAppsScript.Document.Document;

const GOOGLE_DOC = 'application/vnd.google-apps.document';

export interface Kept<T> {
  item: T;
  /** Made by this call (not found by id, not adopted by name). */
  created: boolean;
}

interface Finders<T> {
  /** The item of a stored id, or null when it is trashed. May throw when it is deleted. */
  byId(id: string): T | null;
  /** A live item of the expected name, left by a run that stopped before storing its id. */
  byName(): T | null;
  create(): T;
  idOf(item: T): string;
}

/** The one way an item is kept under a key: stored id, else adopted by name, else made. */
function keep<T>(propertyKey: string, find: Finders<T>): Kept<T> {
  const id = readString(propertyKey);
  if (id) {
    try {
      const item = find.byId(id);
      if (item) return { item, created: false };
    } catch (err) {
      console.warn(`Drive item ${id} of ${propertyKey} is gone (${err instanceof Error ? err.message : String(err)}); looking for it by name`);
    }
  }
  const adopted = find.byName();
  if (adopted) {
    writeString(propertyKey, find.idOf(adopted));
    return { item: adopted, created: false };
  }
  const item = find.create();
  // Stored before anything else can fail, so a re-run finds this item instead of making another.
  writeString(propertyKey, find.idOf(item));
  return { item, created: true };
}

/** Live items an iterator gives (Drive's name search also returns trashed files). */
function liveOf<T extends { isTrashed(): boolean }>(found: { hasNext(): boolean; next(): T }): T[] {
  const items: T[] = [];
  while (found.hasNext()) {
    const item = found.next();
    if (!item.isTrashed()) items.push(item);
  }
  return items;
}

/** The folder kept under `propertyKey`, in My Drive. */
export function ensureFolder(propertyKey: string, name: string): Folder {
  return keep<Folder>(propertyKey, {
    byId: (id) => {
      const folder = DriveApp.getFolderById(id);
      return folder.isTrashed() ? null : folder;
    },
    byName: () => liveOf(DriveApp.getRootFolder().getFoldersByName(name))[0] ?? null,
    create: () => DriveApp.createFolder(name),
    idOf: (folder) => folder.getId(),
  }).item;
}

/**
 * The Google Doc kept under `propertyKey`, in `folder`, named `name` (renamed when the name
 * changed, e.g. the report language). DocumentApp.create puts a Doc in My Drive, so one left
 * there by a stopped run is adopted too and moved into the folder.
 */
export function ensureDoc(propertyKey: string, name: string, folder: Folder): { doc: Document; created: boolean } {
  const { item: file, created } = keep<File>(propertyKey, {
    byId: (id) => {
      const found = DriveApp.getFileById(id);
      return found.isTrashed() ? null : found;
    },
    byName: () => {
      for (const place of [folder, DriveApp.getRootFolder()]) {
        const doc = liveOf(place.getFilesByName(name)).find((f) => f.getMimeType() === GOOGLE_DOC);
        if (!doc) continue;
        if (place !== folder) doc.moveTo(folder);
        return doc;
      }
      return null;
    },
    create: () => DriveApp.getFileById(DocumentApp.create(name).getId()),
    idOf: (f) => f.getId(),
  });
  if (created) file.moveTo(folder);
  const doc = DocumentApp.openById(file.getId());
  if (!created && doc.getName() !== name) doc.setName(name);
  return { doc, created };
}

/**
 * A text file (HTML, CSV, plain text) kept under `propertyKey` in `folder`: its content is
 * replaced in place (same id, same link); extra live files of its name are trashed.
 */
export function saveTextFile(propertyKey: string, folder: Folder, name: string, content: string, mimeType: string): File {
  const { item: file, created } = keep<File>(propertyKey, {
    byId: (id) => {
      const found = DriveApp.getFileById(id);
      return found.isTrashed() ? null : found;
    },
    byName: () => {
      const [first, ...extra] = liveOf(folder.getFilesByName(name));
      extra.forEach((f) => f.setTrashed(true));
      return first ?? null;
    },
    create: () => folder.createFile(name, content, mimeType),
    idOf: (f) => f.getId(),
  });
  if (created) return file;
  file.setContent(content);
  if (file.getName() !== name) file.setName(name);
  return file;
}

/**
 * Stores a blob as the one file of its name: the new file is made first, then every older file of
 * that name is trashed, so a run that stops half-way leaves the old file, never none or two.
 */
export function replaceBlobFile(folder: Folder, blob: GoogleAppsScript.Base.Blob, name: string): File {
  const older = liveOf(folder.getFilesByName(name));
  const file = folder.createFile(blob.setName(name));
  older.forEach((f) => f.setTrashed(true));
  return file;
}
