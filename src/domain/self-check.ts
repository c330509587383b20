/**
 * The self-check's verdicts: from what each probe of a real Google service found (or the error it
 * ended with), one row of the checklist — a status (✓ ⚠ ✗), what was checked, what was found and
 * what to do, in Georgian. Pure: the probes are src/adapters', the running src/app/self-check.ts's.
 */
import { sameAccount } from './owner';
import { formatDateTimeKa } from './dates';
import { groupedNumber } from './forms';
import { t } from './messages';
import { escapeForSheet } from './sanitize';
import { WORKBOOK_LOCALE, WORKBOOK_LOCALE_FALLBACK } from './schema';

/** What a probe returned, or the error it threw (a probe that throws never stops the others). */
export type Probe<T> = { ok: true; value: T } | { ok: false; error: string };

export type CheckStatus = 'ok' | 'warn' | 'fail';

/** The mark each status shows in the tab and the alert. */
export const CHECK_MARKS: Record<CheckStatus, string> = { ok: '✓', warn: '⚠', fail: '✗' };

/** The status column's background per status (the header's is the workbook's header colour). */
export const CHECK_COLOURS: Record<CheckStatus, string> = { ok: '#d9ead3', warn: '#fff2cc', fail: '#f4cccc' };

export interface CheckRow {
  status: CheckStatus;
  /** What was checked. */
  check: string;
  /** What was found. */
  found: string;
  /** What to do ('' when nothing). */
  todo: string;
}

export type AccountKind = 'consumer' | 'workspace';

/**
 * Google's daily mail recipients per account type (Apps Script quotas page: "Email recipients per
 * day: 100 / 1,500"; trigger runtime "90 min / day" and "6 hr / day").
 * https://developers.google.com/apps-script/guides/services/quotas
 */
export const GOOGLE_MAIL_PER_DAY: Record<AccountKind, number> = { consumer: 100, workspace: 1500 };

/** The script's time zone, as appsscript.json sets it. */
export const EXPECTED_TIME_ZONE = 'Asia/Tbilisi';

/** Addresses of consumer Google accounts: a Workspace account is always of its organisation's domain. */
const CONSUMER_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/**
 * The account type as far as the address and today's mail quota tell it: a gmail.com address is a
 * consumer account; more than a consumer's 100 recipients left today is Workspace. Otherwise
 * (a consumer account under another address, or Workspace with much mail sent today) null: the
 * caller asks Google another way.
 */
export function accountKindFrom(email: string, remainingMail: number | null): AccountKind | null {
  const domain = email.split('@')[1]?.toLowerCase() ?? '';
  if (CONSUMER_DOMAINS.has(domain)) return 'consumer';
  if (remainingMail !== null && remainingMail > GOOGLE_MAIL_PER_DAY.consumer) return 'workspace';
  return null;
}

function failed(check: string, error: string): CheckRow {
  return { status: 'fail', check, found: t('check.probe_failed', { reason: error }), todo: t('check.probe_failed_todo') };
}

export interface AccountFacts {
  email: string;
  kind: AccountKind | null;
}

export function accountRow(probe: Probe<AccountFacts>): CheckRow {
  const check = t('check.account');
  if (!probe.ok) return failed(check, probe.error);
  const { email, kind } = probe.value;
  if (kind === null) return { status: 'warn', check, found: t('check.account_unknown', { email }), todo: t('check.account_unknown_todo') };
  const mail = groupedNumber(GOOGLE_MAIL_PER_DAY[kind]);
  return kind === 'workspace'
    ? { status: 'ok', check, found: t('check.account_workspace', { email, mail }), todo: '' }
    : { status: 'ok', check, found: t('check.account_consumer', { email, mail }), todo: t('check.account_consumer_todo') };
}

/** The settings' daily cap against Google's limit for the account (the consumer's when unknown). */
export function mailSettingRow(setting: Probe<number>, kind: AccountKind | null, settingsTab: string): CheckRow {
  const check = t('check.mail_setting');
  if (!setting.ok) return failed(check, setting.error);
  const limit = groupedNumber(GOOGLE_MAIL_PER_DAY[kind ?? 'consumer']);
  const value = groupedNumber(setting.value);
  if (setting.value <= GOOGLE_MAIL_PER_DAY[kind ?? 'consumer']) return { status: 'ok', check, found: t('check.mail_setting_ok', { value, limit }), todo: '' };
  return { status: 'warn', check, found: t('check.mail_setting_over', { value, limit }), todo: t('check.mail_setting_todo', { tab: settingsTab, limit }) };
}

export function mailLeftRow(probe: Probe<{ email: string; left: number }>): CheckRow {
  const check = t('check.mail_left');
  if (!probe.ok) return failed(check, probe.error);
  const { email, left } = probe.value;
  if (left > 0) return { status: 'ok', check, found: t('check.mail_left_ok', { left: groupedNumber(left), email }), todo: '' };
  return { status: 'warn', check, found: t('check.mail_left_none', { email }), todo: t('check.mail_left_todo') };
}

/** The locales setup gives the workbook: both read 05.01.2026 as 5 January. */
export function localeRow(probe: Probe<string>): CheckRow {
  const check = t('check.locale');
  if (!probe.ok) return failed(check, probe.error);
  const locale = probe.value;
  if (locale === WORKBOOK_LOCALE || locale === WORKBOOK_LOCALE_FALLBACK) return { status: 'ok', check, found: t('check.locale_ok', { locale }), todo: '' };
  return { status: 'fail', check, found: t('check.locale_bad', { locale }), todo: t('check.locale_todo') };
}

export function timeZoneRow(probe: Probe<{ sheet: string; script: string }>): CheckRow {
  const check = t('check.time_zone');
  if (!probe.ok) return failed(check, probe.error);
  const { sheet, script } = probe.value;
  if (sheet !== script) return { status: 'fail', check, found: t('check.time_zone_sheet', { sheet, script }), todo: t('check.time_zone_sheet_todo') };
  if (script !== EXPECTED_TIME_ZONE) {
    return {
      status: 'warn',
      check,
      found: t('check.time_zone_script', { script, expected: EXPECTED_TIME_ZONE }),
      todo: t('check.time_zone_script_todo', { expected: EXPECTED_TIME_ZONE }),
    };
  }
  return { status: 'ok', check, found: t('check.time_zone_ok', { zone: sheet }), todo: '' };
}

/** Who may answer a form: anyone with the link, only the organisation, or unknown (and why). */
export type FormAccess = { open: true } | { open: false } | { open: null; reason: string };

export type FormFacts =
  | { state: 'missing' }
  | { state: 'gone'; reason: string }
  | {
      state: 'found';
      editUrl: string;
      trashed: boolean;
      /** null: Google does not say (a form from before publishing existed is always published). */
      published: boolean | null;
      accepting: boolean;
      title: string;
      access: FormAccess;
      /**
       * A tab of Google's raw responses (exact timestamps) still in the workbook, which every
       * editor can read; null as it should be: the form itself keeps its responses.
       */
      rawTab: string | null;
    };

export function formRow(form: string, probe: Probe<FormFacts>): CheckRow {
  const check = t('check.form', { form });
  if (!probe.ok) return failed(check, probe.error);
  const facts = probe.value;
  if (facts.state === 'missing') return { status: 'fail', check, found: t('check.form_missing'), todo: t('check.form_setup_todo') };
  if (facts.state === 'gone') return { status: 'fail', check, found: t('check.form_gone', { reason: facts.reason }), todo: t('check.form_setup_todo') };
  const url = facts.editUrl;
  const failures: Array<[string, string]> = [];
  const warnings: Array<[string, string]> = [];
  if (facts.trashed) failures.push([t('check.form_trashed'), t('check.form_restore_todo')]);
  if (facts.published === false) failures.push([t('check.form_unpublished'), t('check.form_publish_todo', { url })]);
  if (!facts.accepting) failures.push([t('check.form_closed'), t('check.form_accept_todo', { url })]);
  if (facts.access.open === false) failures.push([t('check.form_not_open'), t('check.form_open_todo', { url })]);
  if (facts.access.open === null) warnings.push([t('check.form_access_unknown', { reason: facts.access.reason }), t('check.form_open_todo', { url })]);
  if (facts.rawTab !== null) failures.push([t('check.form_raw_tab', { tab: facts.rawTab }), t('check.form_raw_tab_todo')]);
  if (!facts.title.trim()) warnings.push([t('check.form_untitled'), t('check.form_setup_todo')]);
  const problems = [...failures, ...warnings];
  if (problems.length === 0) {
    return { status: 'ok', check, found: t('check.form_ok', { title: facts.title }), todo: '' };
  }
  return {
    status: failures.length ? 'fail' : 'warn',
    check,
    found: `${problems.map(([found]) => found).join('; ')}.`,
    todo: [...new Set(problems.map(([, todo]) => todo))].join(' '),
  };
}

export interface TriggerFacts {
  /** The account running the check. */
  me: string;
  /** Who setup recorded as having installed the triggers; null before any setup recorded it. */
  owner: string | null;
  /** An earlier installer that setup replaced (its triggers may still run); null when none. */
  previousOwner: string | null;
  /** The handlers of this account's own triggers of the project (Google shows no one else's). */
  mine: string[];
}

export interface TriggerVerdict {
  row: CheckRow;
  /** The earlier installer ran the check and has none left: its note can go. */
  forgetPrevious: boolean;
}

const same = sameAccount;

/**
 * Triggers run as the account that installed them, and ScriptApp.getProjectTriggers shows the
 * caller only its own: the expected handlers are counted where the caller is their owner; anyone
 * else learns whose they are, and is told to delete their own if they have some too (each job
 * would run twice).
 */
export function triggersVerdict(probe: Probe<TriggerFacts>, expected: readonly string[]): TriggerVerdict {
  const check = t('check.triggers');
  if (!probe.ok) return { row: failed(check, probe.error), forgetPrevious: false };
  const { me, owner, previousOwner, mine } = probe.value;
  const ours = mine.filter((h) => expected.includes(h));
  const list = (handlers: readonly string[]) => [...new Set(handlers)].join(', ');
  if (owner !== null && !same(owner, me)) {
    if (ours.length > 0) {
      return {
        row: {
          status: 'fail',
          check,
          found: t('check.triggers_twice', { me, owner, handlers: list(ours) }),
          todo: t('check.triggers_twice_todo', { me, owner }),
        },
        forgetPrevious: false,
      };
    }
    if (same(previousOwner, me))
      return { row: { status: 'ok', check, found: t('check.triggers_previous_gone', { me, owner }), todo: '' }, forgetPrevious: true };
    return {
      row: { status: 'warn', check, found: t('check.triggers_other_owner', { me, owner }), todo: t('check.triggers_other_owner_todo', { owner }) },
      forgetPrevious: false,
    };
  }
  if (owner === null && ours.length === 0) {
    return { row: { status: 'fail', check, found: t('check.triggers_none', { me }), todo: t('check.triggers_setup_todo', { me }) }, forgetPrevious: false };
  }
  // A handler may be wanted more than once (a form-submit trigger on each form).
  const count = (list: readonly string[], h: string): number => list.filter((o) => o === h).length;
  const missing = [...new Set(expected)].filter((h) => count(ours, h) < count(expected, h));
  const duplicated = [...new Set(expected)].filter((h) => count(ours, h) > count(expected, h));
  if (missing.length || duplicated.length) {
    const found = [
      missing.length ? t('check.triggers_missing', { handlers: list(missing) }) : '',
      duplicated.length ? t('check.triggers_duplicated', { handlers: list(duplicated) }) : '',
    ]
      .filter(Boolean)
      .join('; ');
    return { row: { status: 'fail', check, found: `${me}: ${found}.`, todo: t('check.triggers_setup_todo', { me }) }, forgetPrevious: false };
  }
  const found = t('check.triggers_ok', { count: expected.length, handlers: list(expected), owner: owner ?? me });
  if (previousOwner !== null && !same(previousOwner, me)) {
    return {
      row: {
        status: 'warn',
        check,
        found: `${found} ${t('check.triggers_previous', { previous: previousOwner })}`,
        todo: t('check.triggers_previous_todo', { previous: previousOwner }),
      },
      forgetPrevious: false,
    };
  }
  return { row: { status: 'ok', check, found, todo: '' }, forgetPrevious: false };
}

/** What sharing the public folder by link came to. */
export type SharingFacts = { state: 'shared' } | { state: 'refused'; reason: string } | { state: 'unreachable'; reason: string };

export function sharingRow(probe: Probe<SharingFacts>, folder: string): CheckRow {
  const check = t('check.sharing');
  if (!probe.ok) return failed(check, probe.error);
  const facts = probe.value;
  if (facts.state === 'shared') return { status: 'ok', check, found: t('check.sharing_ok', { folder }), todo: '' };
  if (facts.state === 'refused') return { status: 'warn', check, found: t('check.sharing_refused'), todo: t('check.sharing_todo', { folder }) };
  return { status: 'warn', check, found: t('check.sharing_unreachable', { folder, reason: facts.reason }), todo: t('check.sharing_unreachable_todo') };
}

/**
 * What waits for the owner's runs: a clerk's request to send the day's invitations, and call-back
 * requests that could not reach the owner's list yet. The owner's hourly sweep takes both.
 */
export interface WaitingFacts {
  owner: string;
  sendRequest: { by: string; at: Date } | null;
  callbacks: { count: number; since: Date | null };
}

/** Two sweeps' time: anything older means the owner's hourly run is not taking it. */
export const WAITING_LIMIT_MS = 2 * 3600_000;

export function waitingRow(probe: Probe<WaitingFacts>, now: Date, timeZone = EXPECTED_TIME_ZONE): CheckRow {
  const check = t('check.waiting');
  if (!probe.ok) return failed(check, probe.error);
  const { owner, sendRequest, callbacks } = probe.value;
  const items: Array<{ what: string; since: Date | null }> = [];
  if (sendRequest) items.push({ what: t('check.waiting_send', { by: sendRequest.by || '?' }), since: sendRequest.at });
  if (callbacks.count > 0) items.push({ what: t('check.waiting_callbacks', { count: callbacks.count }), since: callbacks.since });
  if (items.length === 0) return { status: 'ok', check, found: t('check.waiting_none'), todo: '' };
  const found = items
    .map((item) => (item.since ? t('check.waiting_item_since', { what: item.what, since: formatDateTimeKa(item.since, timeZone) }) : item.what))
    .join('; ');
  // Unknown since when: as old as can be (the list of an earlier version kept no time).
  const stale = items.some((item) => item.since === null || now.getTime() - item.since.getTime() > WAITING_LIMIT_MS);
  if (!stale) return { status: 'ok', check, found: t('check.waiting_recent', { items: found }), todo: '' };
  return { status: 'warn', check, found: t('check.waiting_stale', { items: found }), todo: t('check.waiting_todo', { owner: owner || '?' }) };
}

/** The tab the checklist is written to. */
export const SELF_CHECK_TAB = t('tab.self_check');

/** The tab's header (status, what was checked, what was found, what to do). */
export const CHECK_HEADER: readonly string[] = [t('col.status'), t('col.check'), t('col.check_found'), t('col.check_todo')];

/** Column widths of the tab, in pixels. */
export const CHECK_WIDTHS: readonly number[] = [80, 300, 480, 480];

/**
 * The whole tab, as one block: the header, a row per check, an empty row, and when and by whom
 * it was checked. Texts are escaped, so none is read as a number, a date or a formula.
 */
export function checkSheetRows(rows: readonly CheckRow[], when: Date, email: string, timeZone = EXPECTED_TIME_ZONE): string[][] {
  const body = rows.map((r) => [CHECK_MARKS[r.status], r.check, r.found, r.todo].map(escapeForSheet));
  const footer = ['', escapeForSheet(t('check.checked_at', { when: formatDateTimeKa(when, timeZone), email })), '', ''];
  return [[...CHECK_HEADER], ...body, ['', '', '', ''], footer];
}

/** The status column's backgrounds for checkSheetRows' block. */
export function checkSheetColours(rows: readonly CheckRow[], header: string): string[][] {
  return [[header], ...rows.map((r) => [CHECK_COLOURS[r.status]]), ['#ffffff'], ['#ffffff']];
}

export function checkCounts(rows: readonly CheckRow[]): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = { ok: 0, warn: 0, fail: 0 };
  for (const row of rows) counts[row.status]++;
  return counts;
}

/** One line: "სისტემის შემოწმება: ✓ 7 · ⚠ 1 · ✗ 1." */
export function checkSummary(rows: readonly CheckRow[]): string {
  const counts = checkCounts(rows);
  return t('check.summary', { ok: counts.ok, warn: counts.warn, fail: counts.fail });
}

/**
 * The short alert: the summary, the checks that need attention, and where the details are; when
 * the tab could not be written, what to do for each of them instead.
 */
export function checkAlert(rows: readonly CheckRow[], tab: string, tabError: string | null): string {
  const problems = rows.filter((r) => r.status !== 'ok').sort((a, b) => (a.status === b.status ? 0 : a.status === 'fail' ? -1 : 1));
  const lines = [checkSummary(rows)];
  if (tabError !== null) {
    const list = problems.map((r) => `${CHECK_MARKS[r.status]} ${r.check}: ${r.found} ${r.todo}`.trim()).join('\n');
    lines.push(t('check.tab_not_written', { tab, reason: tabError, list }));
    return lines.join('\n');
  }
  if (problems.length) lines.push(t('check.attention', { list: problems.map((r) => `${CHECK_MARKS[r.status]} ${r.check}`).join('\n') }));
  lines.push(t('check.see_tab', { tab }));
  return lines.join('\n');
}
