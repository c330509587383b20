/**
 * The product's documents in Drive, by folder: each Doc and file kept under a script-property
 * key and rewritten in place (drive-files.ts), Docs drawn from blocks (doc-writer.ts for reports,
 * print-docs.ts for the A4 print material).
 */
import type { DocBlock } from '../domain/doc-blocks';
import type { PaperBlock } from '../domain/paper-layout';
import { writeBlocks } from './doc-writer';
import type { SharingFacts } from '../domain/self-check';
import { errorMessage } from '../domain/errors';
import { shareViewWithLink } from './drive-api';
import { ensureDoc, ensureFolder, keptFolder, replaceBlobFile, saveTextFile } from './drive-files';
import { writePaperBlocks } from './print-docs';

/** A folder of the product: its script-property key and its name. */
export interface FolderPlace {
  key: string;
  name: string;
}

export interface KeptDoc {
  id: string;
  url: string;
  /** Made by this run (not found again). */
  created: boolean;
  /** Replaces the Doc's content with a report's blocks. */
  write(blocks: readonly DocBlock[]): void;
  /** Replaces the Doc's content with print material drawn on A4. */
  writePrint(blocks: readonly PaperBlock[]): void;
}

export interface DocFolder {
  url(): string;
  /**
   * Lets anyone with the link view what the folder holds. Where the account's admin forbids
   * sharing outside the organisation Google refuses: then false (the reason is logged).
   */
  shareByLink(): boolean;
  /** The Google Doc kept under `key`, named `name` (renamed when the name changed). */
  doc(key: string, name: string): KeptDoc;
  /** A text file kept under `key`, its content replaced in place (same id, same link); its id. */
  saveText(key: string, name: string, content: string, mimeType: string): string;
  /**
   * The Doc as a PDF kept under `key` (a new file replaces the last one), viewable by anyone with
   * the link where the account may share so (`shared`).
   */
  savePdf(key: string, doc: KeptDoc, name: string): { id: string; url: string; shared: boolean };
}

/**
 * Shares an item view-only with anyone who has the link (permissions.create, type anyone). Google
 * refuses where the domain's admin forbids it; that is reported, not thrown, so the rest of the
 * work still gets done.
 */
function shareViewByLink(id: string, what: string): boolean {
  try {
    shareViewWithLink(id);
    return true;
  } catch (err) {
    console.warn(`Cannot share ${what} ${id} with anyone who has the link (${errorMessage(err)}); the domain's sharing policy may forbid it`);
    return false;
  }
}

export function openFolder(place: FolderPlace): DocFolder {
  const folder = ensureFolder(place.key, place.name);
  return {
    url: () => folder.url,
    shareByLink: () => shareViewByLink(folder.id, `folder ${place.key}`),
    doc(key, name): KeptDoc {
      const { doc, created } = ensureDoc(key, name, folder);
      // Read before writing: the Doc is closed once written.
      const id = doc.getId();
      const url = doc.getUrl();
      return {
        id,
        url,
        created,
        write: (blocks) => writeBlocks(doc, blocks),
        writePrint: (blocks) => writePaperBlocks(doc, blocks),
      };
    },
    saveText: (key, name, content, mimeType) => saveTextFile(key, folder, name, content, mimeType).id,
    savePdf(key, doc, name) {
      const pdf = replaceBlobFile(key, folder, DocumentApp.openById(doc.id).getAs('application/pdf'), name);
      const shared = shareViewByLink(pdf.id, 'PDF');
      return { id: pdf.id, url: pdf.url, shared };
    },
  };
}

/**
 * Whether the account may share by link, tried on the product's folder whose purpose is to be
 * shared by link (so nothing ends up shared that was not meant to be): the folder is shared again,
 * view only. Made first when it does not exist yet (publishing would make it), or is in the trash
 * — by the owner's run only (`mayCreate`): another account's folder would be in its own Drive.
 * A stored folder this account cannot open is reported, never replaced by a new one.
 */
export function probeLinkSharing(place: FolderPlace, mayCreate: boolean): SharingFacts {
  let folderId: string;
  try {
    const kept = keptFolder(place.key);
    if (kept && !kept.trashed) folderId = kept.id;
    else if (mayCreate) folderId = ensureFolder(place.key, place.name).id;
    else throw new Error('no folder yet, and only the owner account makes it');
  } catch (err) {
    const reason = errorMessage(err);
    console.warn(`self-check: folder ${place.key} cannot be opened from this account (${reason})`);
    return { state: 'unreachable', reason };
  }
  try {
    shareViewWithLink(folderId);
    return { state: 'shared' };
  } catch (err) {
    const reason = errorMessage(err);
    console.warn(`self-check: sharing folder ${place.key} by link refused (${reason}); the domain's sharing policy may forbid it`);
    return { state: 'refused', reason };
  }
}
