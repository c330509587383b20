/**
 * Writes a document built as data (domain/doc-blocks.ts) into a Google Doc: the body is cleared
 * and rewritten, so rebuilding a period updates its one Doc. Tables go in whole with
 * appendTable(string[][]), so the number of calls follows the blocks, not the data rows.
 */
import type { DocBlock } from '../domain/doc-blocks';
import { readString, writeString } from './config';

type Document = GoogleAppsScript.Document.Document;
type Folder = GoogleAppsScript.Drive.Folder;

const GOOGLE_DOC = 'application/vnd.google-apps.document';

function heading(block: DocBlock): GoogleAppsScript.Document.ParagraphHeading {
  const H = DocumentApp.ParagraphHeading;
  if (block.kind === 'title') return H.TITLE;
  if (block.kind === 'heading') return block.level === 1 ? H.HEADING1 : block.level === 2 ? H.HEADING2 : H.HEADING3;
  return H.NORMAL;
}

export function writeBlocks(doc: Document, blocks: readonly DocBlock[]): void {
  const body = doc.getBody();
  body.clear();
  // A cleared body keeps one empty paragraph; the first block goes into it rather than below it.
  let first: GoogleAppsScript.Document.Paragraph | null = body.getChild(0).asParagraph();
  for (const block of blocks) {
    if (first && (block.kind === 'title' || block.kind === 'heading' || block.kind === 'paragraph')) {
      first.setText(block.text);
      first.setHeading(heading(block));
      first = null;
      continue;
    }
    first = null;
    switch (block.kind) {
      case 'title':
      case 'heading':
        body.appendParagraph(block.text).setHeading(heading(block));
        break;
      case 'paragraph':
        body.appendParagraph(block.text);
        break;
      case 'link':
        body.appendParagraph(block.text).editAsText().setLinkUrl(block.url);
        break;
      case 'bullets':
        for (const item of block.items) body.appendListItem(item);
        break;
      case 'table': {
        const table = body.appendTable([block.header, ...block.rows]);
        table.getRow(0).editAsText().setBold(true);
        break;
      }
    }
  }
}

/**
 * The Doc remembered under `propertyKey`, or a new one in `folder`. A Doc someone trashed or
 * deleted is replaced; a Doc of that name already in the folder or in My Drive (a run that stopped
 * before it could remember the id) is adopted instead of duplicated.
 */
export function openOrCreateDoc(propertyKey: string, name: string, folder: Folder): Document {
  const id = readString(propertyKey);
  if (id) {
    try {
      if (!DriveApp.getFileById(id).isTrashed()) return DocumentApp.openById(id);
    } catch (err) {
      console.warn(`Document ${id} of ${propertyKey} is gone (${err instanceof Error ? err.message : String(err)}); making a new one`);
    }
  }
  // DocumentApp.create puts a Doc in My Drive; one left there by a stopped run is looked for too.
  for (const place of [folder, DriveApp.getRootFolder()]) {
    const existing = place.getFilesByName(name);
    while (existing.hasNext()) {
      const file = existing.next();
      if (file.isTrashed() || file.getMimeType() !== GOOGLE_DOC) continue;
      writeString(propertyKey, file.getId());
      if (place !== folder) file.moveTo(folder);
      return DocumentApp.openById(file.getId());
    }
  }
  const doc = DocumentApp.create(name);
  writeString(propertyKey, doc.getId());
  DriveApp.getFileById(doc.getId()).moveTo(folder);
  return doc;
}
