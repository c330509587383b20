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

type Folder = GoogleAppsScript.Drive.Folder;
type File = GoogleAppsScript.Drive.File;
type Document = GoogleAppsScript.Document.Document;

const GOOGLE_DOC = 'application/vnd.google-apps.document';
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

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
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
      console.warn(`Drive item ${stored} of ${propertyKey} is gone (${errorText(err)}); making a new one`);
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
    sameName: () => liveOf(DriveApp.getRootFolder().getFoldersByName(name)),
    create: () => DriveApp.createFolder(name),
    idOf: (folder) => folder.getId(),
    createdAt: (folder) => folder.getDateCreated().getTime(),
  }).item;
}

/**
 * The folder stored under `propertyKey`, without making one: null when none is stored yet (or a
 * run stopped while making it). Throws when the stored folder cannot be opened — deleted, or not
 * shared with the account running now: the two look the same to a script.
 */
export function keptFolder(propertyKey: string): Folder | null {
  const stored = readString(propertyKey);
  if (!stored || markOf(stored) !== null) return null;
  return DriveApp.getFolderById(stored);
}

/**
 * The Google Doc kept under `propertyKey`, in `folder`, named `name` (renamed when the name
 * changed, e.g. the report language). DocumentApp.create puts a Doc in My Drive, so one a stopped
 * run left there is looked for too, and moved into the folder. `created` is also true for a Doc a
 * stopped run left: its content may be half-written.
 */
export function ensureDoc(propertyKey: string, name: string, folder: Folder): { doc: Document; created: boolean } {
  const {
    item: file,
    created,
    recovered,
  } = keep<File>(propertyKey, {
    byId: (id) => {
      const found = DriveApp.getFileById(id);
      return found.isTrashed() ? null : found;
    },
    sameName: () => [folder, DriveApp.getRootFolder()].flatMap((place) => liveOf(place.getFilesByName(name)).filter((f) => f.getMimeType() === GOOGLE_DOC)),
    create: () => DriveApp.getFileById(DocumentApp.create(name).getId()),
    idOf: (f) => f.getId(),
    createdAt: (f) => f.getDateCreated().getTime(),
  });
  if (created || recovered) file.moveTo(folder);
  const doc = DocumentApp.openById(file.getId());
  if (!created && doc.getName() !== name) doc.setName(name);
  return { doc, created: created || recovered };
}

/**
 * A text file (HTML, CSV, plain text) kept under `propertyKey` in `folder`: its content is
 * replaced in place (same id, same link).
 */
export function saveTextFile(propertyKey: string, folder: Folder, name: string, content: string, mimeType: string): File {
  const { item: file, created } = keep<File>(propertyKey, {
    byId: (id) => {
      const found = DriveApp.getFileById(id);
      return found.isTrashed() ? null : found;
    },
    sameName: () => liveOf(folder.getFilesByName(name)),
    create: () => folder.createFile(name, content, mimeType),
    idOf: (f) => f.getId(),
    createdAt: (f) => f.getDateCreated().getTime(),
  });
  if (created) return file;
  file.setContent(content);
  if (file.getName() !== name) file.setName(name);
  return file;
}

/**
 * Stores a blob as a new file kept under `propertyKey` (a PDF gets a new id each time), then
 * trashes the one it replaces — by its stored id, never by name. A run that stopped half-way is
 * finished by the next: the file it made and did not store is trashed, the one it was replacing
 * too, and a fresh one made.
 */
export function replaceBlobFile(propertyKey: string, folder: Folder, blob: GoogleAppsScript.Base.Blob, name: string): File {
  const stored = readString(propertyKey);
  const mark = markOf(stored);
  // `making:<ms>:<id>` carries the id the stopped run was replacing.
  const current = mark === null ? stored : (stored?.split(':')[2] ?? null);
  if (mark !== null) {
    for (const left of liveOf(folder.getFilesByName(name)).filter((f) => f.getId() !== current && madeSince(mark, f.getDateCreated().getTime()))) {
      console.warn(`${propertyKey}: trashing ${left.getId()}, made by a run that stopped before storing it`);
      left.setTrashed(true);
    }
  }
  writeString(propertyKey, `${MAKING}${Date.now()}${current ? `:${current}` : ''}`);
  const file = folder.createFile(blob.setName(name));
  if (current) trashById(current);
  writeString(propertyKey, file.getId());
  return file;
}

function trashById(id: string): void {
  try {
    const old = DriveApp.getFileById(id);
    if (!old.isTrashed()) old.setTrashed(true);
  } catch (err) {
    console.warn(`Replaced file ${id} is gone already (${errorText(err)})`);
  }
}
