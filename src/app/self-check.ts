/**
 * The self-check (a menu item, run once after deployment, and by setup at its end): probes each
 * real Google service the product depends on, through the adapters, and writes the checklist to
 * its tab, one row per check, rewritten whole each run. A probe that throws becomes a ✗ row with
 * Google's reason; it never stops the others. A handful of calls per service, none per row.
 */
import { FORM_LIST } from '../domain/forms';
import { t } from '../domain/messages';
import { TABS } from '../domain/schema';
import {
  CHECK_WIDTHS,
  SELF_CHECK_TAB,
  accountKindFrom,
  accountRow,
  checkAlert,
  checkSheetColours,
  checkSheetRows,
  checkSummary,
  formRow,
  localeRow,
  mailLeftRow,
  mailSettingRow,
  sharingRow,
  waitingRow,
  timeZoneRow,
  triggersVerdict,
  type AccountKind,
  type CheckRow,
  type FormFacts,
  type Probe,
} from '../domain/self-check';
import { JOB_PROBLEMS_TAB, jobProblemCheckRows } from '../domain/job-problems';
import { HEADER_COLOUR, writeCheckTab } from '../adapters/check-tab';
import { readProblemRows } from '../adapters/problems-tab';
import { probeLinkSharing } from '../adapters/documents';
import { whoMayRespond } from '../adapters/form-access';
import { acceptsWorkspaceOnlyFormSettings, inspectForm } from '../adapters/google-forms';
import { remainingDailyQuota } from '../adapters/mail';
import { rawResponseTab } from '../adapters/response-tabs';
import { readSettings } from '../adapters/settings-tab';
import { currentAccount, forgetPreviousTriggerOwner, ownTriggerHandlers, triggerOwners } from '../adapters/triggers';
import { workbookDateSettings } from '../adapters/workbook';
import { PUBLIC_FOLDER } from './publish';
import { TRIGGERS } from './trigger-list';
import { runByOwner } from './owner';
import { queuedSendRequest } from './invitations';
import { waitingCallbacks } from '../adapters/callback-list';
import { errorMessage } from '../domain/errors';

export { SELF_CHECK_TAB };

export interface SelfCheckResult {
  rows: CheckRow[];
  /** One line: the count of each status. */
  summary: string;
  /** Why the tab could not be written; null when it was. */
  tabError: string | null;
}

/** Runs one probe; what it throws is logged (English) and becomes the row's reason. */
function probe<T>(name: string, run: () => T): Probe<T> {
  try {
    return { ok: true, value: run() };
  } catch (err) {
    console.warn(`self-check ${name}: ${errorMessage(err)}`);
    return { ok: false, error: errorMessage(err) };
  }
}

const found = <T>(p: Probe<T>): T | null => (p.ok ? p.value : null);

/** The account type: from the address and today's quota where they tell it, else by asking Forms. */
function accountKind(email: string, left: number | null): AccountKind | null {
  const known = accountKindFrom(email, left);
  if (known) return known;
  const workspace = acceptsWorkspaceOnlyFormSettings();
  return workspace === null ? null : workspace ? 'workspace' : 'consumer';
}

function formFacts(def: (typeof FORM_LIST)[number]): FormFacts {
  const form = inspectForm(def);
  if (form.state !== 'found') return form;
  const { record, ...facts } = form;
  return { ...facts, access: whoMayRespond(record.id), rawTab: rawResponseTab(record, t('tab.responses', { form: def.key })) };
}

/** Every check, in the order the tab lists them, and the account that ran them. */
export function selfCheckRows(): { rows: CheckRow[]; email: string } {
  const email = probe('account', currentAccount);
  const left = probe('mail quota', remainingDailyQuota);
  const account = probe('account type', () => {
    if (!email.ok) throw new Error(email.error);
    return { email: email.value, kind: accountKind(email.value, found(left)) };
  });
  const kind = found(account)?.kind ?? null;
  const rows: CheckRow[] = [
    accountRow(account),
    mailSettingRow(
      probe('mail setting', () => readSettings().value.mailQuotaPerDay),
      kind,
      TABS.settings.name,
    ),
    mailLeftRow(
      probe('mail left', () => {
        if (!left.ok) throw new Error(left.error);
        return { email: found(email) ?? '', left: left.value };
      }),
    ),
  ];
  const dates = probe('workbook locale and time zone', workbookDateSettings);
  rows.push(
    localeRow(dates.ok ? { ok: true, value: dates.value.locale } : dates),
    timeZoneRow(dates.ok ? { ok: true, value: { sheet: dates.value.timeZone, script: dates.value.scriptTimeZone } } : dates),
  );
  for (const def of FORM_LIST)
    rows.push(
      formRow(
        def.key,
        probe(`form ${def.key}`, () => formFacts(def)),
      ),
    );
  const triggers = triggersVerdict(
    probe('triggers', () => {
      if (!email.ok) throw new Error(email.error);
      return { me: email.value, ...triggerOwners(), mine: ownTriggerHandlers() };
    }),
    // A form-submit trigger on each form.
    TRIGGERS.flatMap((w) => (w.kind === 'onFormSubmit' ? FORM_LIST.map(() => w.handler) : [w.handler])),
  );
  if (triggers.forgetPrevious) probe('forget the previous trigger owner', forgetPreviousTriggerOwner);
  rows.push(triggers.row);
  rows.push(
    sharingRow(
      probe('link sharing', () => probeLinkSharing(PUBLIC_FOLDER, runByOwner())),
      PUBLIC_FOLDER.name,
    ),
  );
  rows.push(
    waitingRow(
      probe('waiting for the owner', () => ({ owner: triggerOwners().owner ?? '', sendRequest: queuedSendRequest(), callbacks: waitingCallbacks() })),
      new Date(),
    ),
  );
  // The lines failed hourly and daily jobs left (none when every job last succeeded).
  const problems = probe('job problems', () => readProblemRows(JOB_PROBLEMS_TAB) ?? []);
  if (problems.ok) rows.push(...jobProblemCheckRows(problems.value));
  return { rows, email: found(email) ?? '' };
}

/** Runs every check and rewrites the tab (one write); the tab's failure is reported, not thrown. */
export function runSelfCheck(): SelfCheckResult {
  const { rows, email } = selfCheckRows();
  const counts = rows.map((r) => r.status);
  console.info(
    `self-check: ${counts.filter((s) => s === 'ok').length} ok, ${counts.filter((s) => s === 'warn').length} warn, ${counts.filter((s) => s === 'fail').length} fail`,
  );
  let tabError: string | null = null;
  try {
    writeCheckTab(SELF_CHECK_TAB, checkSheetRows(rows, new Date(), email), checkSheetColours(rows, HEADER_COLOUR), CHECK_WIDTHS);
  } catch (err) {
    tabError = errorMessage(err);
    console.error(`self-check: the tab could not be written (${tabError})`);
  }
  return { rows, summary: checkSummary(rows), tabError };
}

/** The menu item: the short alert (the details are in the tab). */
export function selfCheckAction(): string {
  const result = runSelfCheck();
  return checkAlert(result.rows, SELF_CHECK_TAB, result.tabError);
}
