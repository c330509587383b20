/**
 * The report layout written into a Google Doc, and the Drive files around it: the reports folder,
 * one Doc per period (rewritten in place), the HTML copy beside it. Each table goes in with one
 * appendTable call and each chart with one appendImage, so the number of calls depends on the
 * report's sections, never on the number of feedback rows.
 */
import { cellText, type Block, type ReportLayout } from '../domain/report-layout';
import { readString, writeString } from './config';

type Document = GoogleAppsScript.Document.Document;
type Body = GoogleAppsScript.Document.Body;
type Folder = GoogleAppsScript.Drive.Folder;
type File = GoogleAppsScript.Drive.File;

/** Charts are drawn 480 px wide; this fits them inside an A4 page's margins. */
const CHART_WIDTH_PT = 440;

/** Apps Script byte arrays are Java bytes (-128..127); the PNG encoder gives 0..255. */
function javaBytes(bytes: readonly number[]): number[] {
  return bytes.map((b) => (b > 127 ? b - 256 : b));
}

/** A Drive file or folder by id, or null when it is gone (deleted, trashed, no access). */
function live<T extends { isTrashed(): boolean }>(open: () => T): T | null {
  try {
    const item = open();
    return item.isTrashed() ? null : item;
  } catch (err) {
    console.warn(`Stored Drive id no longer opens: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

/** The folder whose id is kept under `propertyKey`, created once. */
export function ensureFolder(propertyKey: string, name: string): Folder {
  const id = readString(propertyKey);
  const existing = id ? live(() => DriveApp.getFolderById(id)) : null;
  if (existing) return existing;
  const folder = DriveApp.createFolder(name);
  writeString(propertyKey, folder.getId());
  return folder;
}

/** The Doc whose id is kept under `propertyKey`, or a new one in `folder`; renamed to `name`. */
export function ensureDoc(propertyKey: string, name: string, folder: Folder): { doc: Document; created: boolean } {
  const id = readString(propertyKey);
  if (id && live(() => DriveApp.getFileById(id))) {
    const doc = DocumentApp.openById(id);
    if (doc.getName() !== name) doc.setName(name);
    return { doc, created: false };
  }
  const doc = DocumentApp.create(name);
  DriveApp.getFileById(doc.getId()).moveTo(folder);
  writeString(propertyKey, doc.getId());
  return { doc, created: true };
}

/** A text file kept under `propertyKey`: its content replaced in place, or created in `folder`. */
export function saveTextFile(propertyKey: string, name: string, content: string, mimeType: string, folder: Folder): File {
  const id = readString(propertyKey);
  const existing = id ? live(() => DriveApp.getFileById(id)) : null;
  if (existing) {
    existing.setContent(content);
    if (existing.getName() !== name) existing.setName(name);
    return existing;
  }
  const file = folder.createFile(name, content, mimeType);
  writeString(propertyKey, file.getId());
  return file;
}

function appendBlock(body: Body, block: Block, chartIndex: number): void {
  const heading = DocumentApp.ParagraphHeading;
  switch (block.kind) {
    case 'title':
      body.appendParagraph(block.text).setHeading(heading.TITLE);
      return;
    case 'heading':
      body.appendParagraph(block.text).setHeading(block.level === 2 ? heading.HEADING1 : heading.HEADING2);
      return;
    case 'paragraph':
      body.appendParagraph(block.text);
      return;
    case 'table': {
      const table = body.appendTable([block.header, ...block.rows.map((row) => row.map(cellText))]);
      table.getRow(0).editAsText().setBold(true);
      return;
    }
    case 'chart': {
      const blob = Utilities.newBlob(javaBytes(block.png), 'image/png', `chart-${chartIndex}.png`);
      const image = body.appendImage(blob);
      image.setAltTitle(block.alt.split(':')[0]);
      image.setAltDescription(block.alt);
      image.setWidth(CHART_WIDTH_PT).setHeight(Math.round((block.height * CHART_WIDTH_PT) / block.width));
      return;
    }
  }
}

/** Replaces the Doc's whole body with the layout. */
export function writeReportDoc(doc: Document, layout: ReportLayout): void {
  const body = doc.getBody();
  body.clear();
  // clear() leaves one empty paragraph (a body is never empty); it goes once the content is in.
  const leading = body.getChild(0);
  let charts = 0;
  for (const block of layout.blocks) appendBlock(body, block, block.kind === 'chart' ? ++charts : charts);
  if (body.getNumChildren() > 1) body.removeChild(leading);
  doc.saveAndClose();
}
