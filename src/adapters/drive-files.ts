/**
 * The product's own Drive folders, Docs and files, each kept under a script-property key and found
 * again only by the id stored there — never by its name: a folder or Doc a person made with the
 * same name is theirs, and is left alone. When the stored item is gone (trashed, deleted) a new
 * one is made.
 *
 * A run can stop between making an item and storing its id. So before making one the key holds
 * when the making began (`making:<ms>`), and the next run takes the item of that name it finds
 * where the product makes it, created in the minutes after that mark — the stopped run's, no one
 * else's — instead of making a second. An item made before the mark never qualifies.
 */
import { readString, writeString } from './config';
import { errorMessage } from '../domain/errors';
import { createItem, DOC_MIME, type DriveItem, FOLDER_MIME, getItem, isNotFound, listItems, textBlob, updateItem } from './drive-api';

type Document = GoogleAppsScript.Document.Document;

const MAKING = 'making:';
/**
 * How long after its mark an item can have been made by the stopped run: one execution (6 min,
 * developers.google.com/apps-script/guides/services/quotas#current_limitations), plus a minute
 * either way because Drive's clock, which dates the item, is not the script's.
 */
const SKEW_MS = 60_000;
const WINDOW_MS = 6 * 60_000 + SKEW_MS;

export interface Kept<T> {
  item: T;
  /** Made by this call. */
  created: boolean;
  /** Made by a run that stopped before storing its id, and taken over by this call. */
  recovered: boolean;
}

interface Finders<T> {
  /** The item of a stored id, or null when it is trashed. May throw when it is deleted. */
  byId(id: string): T | null;
  /** Live items of the item's name where the product makes it (what a stopped run may have left). */
  sameName(): T[];
  create(): T;
  idOf(item: T): string;
  createdAt(item: T): number;
}

/** When a making mark was set, or null when the key holds an id (or nothing). */
function markOf(stored: string | null): number | null {
  if (!stored?.startsWith(MAKING)) return null;
  const at = Number(stored.slice(MAKING.length).split(':')[0]);
  return Number.isFinite(at) ? at : null;
}

/** Whether an item was made in the window of a making mark, i.e. by the run that set it. */
function madeSince(mark: number, createdAt: number): boolean {
  return createdAt >= mark - SKEW_MS && createdAt <= mark + WINDOW_MS;
}

/** The one way an item is kept under a key: stored id, else the stopped run's item, else made. */
function keep<T>(propertyKey: string, find: Finders<T>): Kept<T> {
  const stored = readString(propertyKey);
  const mark = markOf(stored);
  if (stored && mark === null) {
    try {
      const item = find.byId(stored);
      if (item) return { item, created: false, recovered: false };
      console.warn(`Drive item ${stored} of ${propertyKey} is in the trash; making a new one`);
    } catch (err) {
      // Only Drive's "File not found" means gone (deleted, or never this app's); any other failure
      // (an outage) stops the run, to be re-run, rather than making a second item.
      if (!isNotFound(err)) throw err;
      console.warn(`Drive item ${stored} of ${propertyKey} is gone (${errorMessage(err)}); making a new one`);
    }
  }
  if (mark !== null) {
    const left = find.sameName().find((item) => madeSince(mark, find.createdAt(item)));
    if (left) {
      writeString(propertyKey, find.idOf(left));
      console.warn(`${propertyKey}: taking over ${find.idOf(left)}, made by a run that stopped before storing it`);
      return { item: left, created: false, recovered: true };
    }
  }
  writeString(propertyKey, `${MAKING}${Date.now()}`);
  const item = find.create();
  writeString(propertyKey, find.idOf(item));
  return { item, created: true, recovered: false };
}

/** Finders of a Drive item kept under a key: by its id, else by name and type where it is made. */
function itemFinders(name: string, mimeType: string | null, parentId: string | undefined, create: () => DriveItem): Finders<DriveItem> {
  return {
    byId: (id) => {
      const item = getItem(id);
      return item.trashed ? null : item;
    },
    sameName: () => listItems(name, mimeType, parentId),
    create,
    idOf: (item) => item.id,
    createdAt: (item) => item.createdMs,
  };
}

/** The folder kept under `propertyKey`, in My Drive. */
export function ensureFolder(propertyKey: string, name: string): DriveItem {
  return keep(
    propertyKey,
    itemFinders(name, FOLDER_MIME, undefined, () => createItem(name, FOLDER_MIME)),
  ).item;
}

/**
 * The folder stored under `propertyKey`, without making one: null when none is stored yet (or a
 * run stopped while making it). Throws when the stored folder cannot be opened — deleted, not
 * shared with the account running now, or not made by this app: the three look the same to a script.
 */
export function keptFolder(propertyKey: string): DriveItem | null {
  const stored = readString(propertyKey);
  if (!stored || markOf(stored) !== null) return null;
  return getItem(stored);
}

/**
 * The Google Doc kept under `propertyKey`, in `folder`, named `name` (renamed when the name
 * changed, e.g. the report language). Made in the folder by files.create, then opened with
 * DocumentApp. `created` is also true for a Doc a stopped run left: its content may be half-written.
 */
export function ensureDoc(propertyKey: string, name: string, folder: DriveItem): { doc: Document; created: boolean } {
  const { item, created, recovered } = keep(
    propertyKey,
    itemFinders(name, DOC_MIME, folder.id, () => createItem(name, DOC_MIME, folder.id)),
  );
  const doc = DocumentApp.openById(item.id);
  if (!created && doc.getName() !== name) doc.setName(name);
  return { doc, created: created || recovered };
}

/**
 * A text file (HTML, CSV, plain text) kept under `propertyKey` in `folder`: its content is
 * replaced in place (same id, same link).
 */
export function saveTextFile(propertyKey: string, folder: DriveItem, name: string, content: string, mimeType: string): DriveItem {
  const { item, created } = keep(
    propertyKey,
    itemFinders(name, null, folder.id, () => createItem(name, mimeType, folder.id, textBlob(content, mimeType, name))),
  );
  if (created) return item;
  updateItem(item.id, item.name === name ? {} : { name }, textBlob(content, mimeType, name));
  return { ...item, name };
}

/**
 * Stores a blob as a new file kept under `propertyKey` (a PDF gets a new id each time), then
 * trashes the one it replaces — by its stored id, never by name. A run that stopped half-way is
 * finished by the next: the file it made and did not store is trashed, the one it was replacing
 * too, and a fresh one made.
 */
export function replaceBlobFile(propertyKey: string, folder: DriveItem, blob: GoogleAppsScript.Base.Blob, name: string): DriveItem {
  const stored = readString(propertyKey);
  const mark = markOf(stored);
  // `making:<ms>:<id>` carries the id the stopped run was replacing.
  const current = mark === null ? stored : (stored?.split(':')[2] ?? null);
  if (mark !== null) {
    for (const left of listItems(name, null, folder.id).filter((f) => f.id !== current && madeSince(mark, f.createdMs))) {
      console.warn(`${propertyKey}: trashing ${left.id}, made by a run that stopped before storing it`);
      updateItem(left.id, { trashed: true });
    }
  }
  writeString(propertyKey, `${MAKING}${Date.now()}${current ? `:${current}` : ''}`);
  const file = createItem(name, blob.getContentType() ?? 'application/octet-stream', folder.id, blob.setName(name));
  if (current) trashById(current);
  writeString(propertyKey, file.id);
  return file;
}

function trashById(id: string): void {
  try {
    if (!getItem(id).trashed) updateItem(id, { trashed: true });
  } catch (err) {
    console.warn(`Replaced file ${id} is gone already (${errorMessage(err)})`);
  }
}
