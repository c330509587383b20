/** The disclosure ledger a replay left (the hidden tab of every group figure output), as releases. */
import type { PlayResult } from '../../replay/player';
import type { Release } from '../../src/domain/disclosure';
import { t } from '../../src/domain/messages';

export const LEDGER = t('tab.disclosure_ledger');

/** The ledger's rows below its header: key, from, to, respondents, output … */
export function ledgerRows(result: PlayResult): unknown[][] {
  return (
    result.ws.spreadsheets
      .snapshot(result.spreadsheetId)
      .tabs.find((x) => x.name === LEDGER)
      ?.values.slice(1) ?? []
  );
}

export function ledgerReleases(result: PlayResult): Release[] {
  return ledgerRows(result).map(([key, from, to, respondents]) => ({ key: String(key), from: Number(from), to: Number(to), respondents: Number(respondents) }));
}
