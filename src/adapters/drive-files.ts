/**
 * The product's own Drive folders and files: found again by the id kept in script properties,
 * and one file per name in a folder — writing a file again replaces it, never adds a second.
 */
import { readString, writeString } from './config';

type Folder = GoogleAppsScript.Drive.Folder;
type File = GoogleAppsScript.Drive.File;

/**
 * The folder remembered under `propertyKey`, made in My Drive when missing or trashed. A folder of
 * that name already in My Drive (a run stopped between making it and remembering it) is adopted.
 */
export function ensureFolder(propertyKey: string, name: string): Folder {
  const id = readString(propertyKey);
  if (id) {
    try {
      const folder = DriveApp.getFolderById(id);
      if (!folder.isTrashed()) return folder;
    } catch (err) {
      console.warn(`Folder ${id} of ${propertyKey} is gone (${err instanceof Error ? err.message : String(err)}); making a new one`);
    }
  }
  const found = DriveApp.getRootFolder().getFoldersByName(name);
  while (found.hasNext()) {
    const folder = found.next();
    if (folder.isTrashed()) continue;
    writeString(propertyKey, folder.getId());
    return folder;
  }
  const folder = DriveApp.createFolder(name);
  writeString(propertyKey, folder.getId());
  return folder;
}

/** Live files of a name in a folder (Drive's name search also returns trashed files). */
function filesNamed(folder: Folder, name: string): File[] {
  const files: File[] = [];
  const found = folder.getFilesByName(name);
  while (found.hasNext()) {
    const file = found.next();
    if (!file.isTrashed()) files.push(file);
  }
  return files;
}

/** Writes a text file: the existing file of that name is overwritten (same id, same link). */
export function upsertTextFile(folder: Folder, name: string, content: string, mimeType: string): File {
  const [keep, ...extra] = filesNamed(folder, name);
  extra.forEach((file) => file.setTrashed(true));
  if (keep) return keep.setContent(content);
  return folder.createFile(name, content, mimeType);
}

/**
 * Stores a blob as the one file of its name: the new file is made first, then every older file of
 * that name is trashed, so a run that stops half-way leaves the old file, never none or two.
 */
export function replaceBlobFile(folder: Folder, blob: GoogleAppsScript.Base.Blob, name: string): File {
  const older = filesNamed(folder, name);
  const file = folder.createFile(blob.setName(name));
  older.forEach((f) => f.setTrashed(true));
  return file;
}
