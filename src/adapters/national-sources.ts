/**
 * National mode: the tab where the association lists the municipalities' aggregates files (a
 * Drive link or id a row; the script writes each one's status beside it), and reading those
 * files from Drive by the id staff typed. The tab is made on first use, in national mode only, so
 * a municipality's workbook never shows it.
 */
import { t } from '../domain/messages';
import { escapeForSheet } from '../domain/sanitize';
import { activeWorkbook } from './tables';

const HEADER = [t('col.national_file'), t('col.national_status')];

export function sourcesTabName(): string {
  return t('tab.national_sources');
}

/** The typed references, in row order (blank rows kept as ''), or created: true when the tab was just made. */
export function readSources(): { created: boolean; refs: string[] } {
  const ss = activeWorkbook();
  const found = ss.getSheetByName(sourcesTabName());
  if (!found) {
    const sheet = ss.insertSheet(sourcesTabName());
    sheet.getRange(1, 1, 1, HEADER.length).setValues([HEADER]);
    sheet.setFrozenRows(1);
    return { created: true, refs: [] };
  }
  const last = found.getLastRow();
  if (last < 2) return { created: false, refs: [] };
  return {
    created: false,
    refs: found
      .getRange(2, 1, last - 1, 1)
      .getValues()
      .map((row) => String(row[0] ?? '').trim()),
  };
}

/** Writes every row's status in one write. */
export function writeSourceStatuses(statuses: readonly string[]): void {
  if (statuses.length === 0) return;
  const sheet = activeWorkbook().getSheetByName(sourcesTabName());
  sheet?.getRange(2, 2, statuses.length, 1).setValues(statuses.map((s) => [escapeForSheet(s)]));
}

/** The text of a Drive file, or null when it cannot be opened (no such id, no access). */
export function readDriveText(fileId: string): string | null {
  try {
    return DriveApp.getFileById(fileId).getBlob().getDataAsString('UTF-8');
  } catch (err) {
    console.warn(`national: file ${fileId} could not be read (${String(err)})`);
    return null;
  }
}
