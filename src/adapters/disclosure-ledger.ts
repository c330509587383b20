/**
 * The disclosure ledger (domain/disclosure.ts): every group figure the product has output, one
 * row each, in a hidden tab only the script's owner may edit. Made the first time an output is
 * recorded. It holds counts already output (no answers, no text), so hiding it keeps the workbook
 * tidy rather than secret; protection keeps staff from deleting what guards the next output.
 */
import type { Release } from '../domain/disclosure';
import { t } from '../domain/messages';
import { activeWorkbook } from './tables';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HEADER = [t('col.ledger_group'), t('col.ledger_from'), t('col.ledger_to'), t('col.ledger_people'), t('col.ledger_output')];
const PROTECTION = 'ukukavshiri:ledger';

function ledgerTab(create: boolean): Sheet | null {
  const ss = activeWorkbook();
  const found = ss.getSheetByName(t('tab.disclosure_ledger'));
  if (found || !create) return found;
  const sheet = ss.insertSheet(t('tab.disclosure_ledger'), ss.getNumSheets());
  sheet.getRange(1, 1, 1, HEADER.length).setValues([HEADER]);
  sheet.hideSheet();
  const me = Session.getEffectiveUser();
  const protection = sheet.protect().setDescription(PROTECTION);
  protection.addEditor(me);
  protection.removeEditors(protection.getEditors().filter((u) => u.getEmail() !== me.getEmail()));
  try {
    if (protection.canDomainEdit()) protection.setDomainEdit(false);
  } catch (err) {
    console.warn(`ledger: could not close its protection to the domain (${String(err)})`);
  }
  return sheet;
}

/** Every release recorded so far (none before the first output). Rows this code cannot read are skipped. */
export function readLedger(): Release[] {
  const sheet = ledgerTab(false);
  if (!sheet) return [];
  const values = sheet.getDataRange().getValues();
  const releases: Release[] = [];
  for (const row of values.slice(1)) {
    const [key, from, to, respondents] = row;
    if (typeof key !== 'string' || key === '' || ![from, to, respondents].every((n) => typeof n === 'number' && Number.isInteger(n))) continue;
    releases.push({ key, from: from as number, to: to as number, respondents: respondents as number });
  }
  return releases;
}

/** Appends releases in one write; `output` says which output they were part of. */
export function recordReleases(releases: readonly Release[], output: string): void {
  if (releases.length === 0) return;
  const sheet = ledgerTab(true) as Sheet;
  const rows = releases.map((r) => [r.key, r.from, r.to, r.respondents, output]);
  sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, HEADER.length).setValues(rows);
}
