/**
 * National mode: the tab where the association lists the municipalities' aggregates files (a
 * Drive link or id a row; the script writes each one's status beside it), and reading those
 * files from Drive by the id staff typed. The tab is made on first use, in national mode only, so
 * a municipality's workbook never shows it.
 */
import { t } from '../domain/messages';
import { escapeForSheet } from '../domain/sanitize';
import { errorMessage } from '../domain/errors';
import { readText } from './drive-api';
import { activeWorkbook } from './tables';

const HEADER = [t('col.national_file'), t('col.national_status'), t('col.national_period')];

export function sourcesTabName(): string {
  return t('tab.national_sources');
}

export interface SourceRow {
  ref: string;
  status: string;
  /** The period the file held when last read (script-written): a file of another period is not read again. */
  period: string;
}

/** The listed files, in row order (blank rows kept), or created: true when the tab was just made. */
export function readSources(): { created: boolean; rows: SourceRow[] } {
  const ss = activeWorkbook();
  const found = ss.getSheetByName(sourcesTabName());
  if (!found) {
    const sheet = ss.insertSheet(sourcesTabName());
    sheet.getRange(1, 1, 1, HEADER.length).setValues([HEADER]);
    sheet.setFrozenRows(1);
    return { created: true, rows: [] };
  }
  const last = found.getLastRow();
  if (last < 2) return { created: false, rows: [] };
  return {
    created: false,
    rows: found
      .getRange(2, 1, last - 1, HEADER.length)
      .getValues()
      .map((row) => ({ ref: String(row[0] ?? '').trim(), status: String(row[1] ?? ''), period: String(row[2] ?? '').trim() })),
  };
}

/** Writes every row's status and period in one write. */
export function writeSourceStatuses(rows: ReadonlyArray<{ status: string; period: string }>): void {
  if (rows.length === 0) return;
  const sheet = activeWorkbook().getSheetByName(sourcesTabName());
  sheet?.getRange(2, 2, rows.length, 2).setValues(rows.map((r) => [escapeForSheet(r.status), escapeForSheet(r.period)]));
}

/**
 * The text of a Drive file, or null when it cannot be opened (no such id, no access). The files
 * were made by the municipalities' scripts, not by this one, so `drive.file` cannot open them: the
 * association's deployment adds `drive.readonly` to its manifest (scripts/national-scopes.json;
 * README, "OAuth scopes"), under which files.get reads any file shared with the account and still
 * cannot change one.
 */
export function readDriveText(fileId: string): string | null {
  try {
    return readText(fileId);
  } catch (err) {
    console.warn(`national: file ${fileId} could not be read (${errorMessage(err)})`);
    return null;
  }
}
