/**
 * The self-check (უკუკავშირი ▸ სისტემის შემოწმება, and the end of setup) reports what is true in
 * each Google world a municipality may deploy into — a consumer account, a Workspace tenant, a
 * strict tenant that forbids link sharing, and one whose admin also turned the Forms override
 * off — and what is true after people and Google changed things: another account clicking it, a
 * setting above Google's limit, a probe that fails, a form closed or thrown away, a workbook
 * whose locale and zone were changed. Loads the built bundle.
 */
import { environment, type EnvironmentName, type Workspace } from '../../emulator';
import { MENU_ITEMS } from '../../src/app/menu';
import { PUBLIC_FOLDER } from '../../src/app/publish';
import { TRIGGERS } from '../../src/app/setup';
import { t, type MessageId } from '../../src/domain/messages';
import { TABS } from '../../src/domain/schema';
import { CHECK_HEADER, CHECK_MARKS, SELF_CHECK_TAB } from '../../src/domain/self-check';
import { formRecord, lastAlert, setSetting, tabValues } from '../support/tabs';
import { freshWorkbook, setUpWorkbook, type Fixture } from '../support/workbook';
import { ADMIN_USER, STAFF_USER } from '../support/workspace';

const SELF_CHECK = t('menu.self_check');
const SETUP = t('menu.setup');
const HANDLERS = TRIGGERS.map((w) => w.handler).join(', ');

interface Row {
  status: string;
  found: string;
  todo: string;
}

function world(name: EnvironmentName, changes: Parameters<typeof environment>[1] = {}): Fixture {
  return setUpWorkbook({ environment: environment(name, changes) });
}

/** The checklist as the tab shows it: each check's text → its status, finding and advice. */
function checklist(fx: Fixture): Map<string, Row> {
  const [header, ...rows] = tabValues(fx, SELF_CHECK_TAB).map((r) => r.map(String));
  expect(header).toEqual(CHECK_HEADER);
  const marks: string[] = Object.values(CHECK_MARKS);
  return new Map(rows.filter((r) => marks.includes(r[0])).map((r) => [r[1], { status: r[0], found: r[2], todo: r[3] }]));
}

/** The row of one check (by its message id and parameters), failing clearly when it is missing. */
function row(fx: Fixture, id: MessageId, params: Record<string, string> = {}): Row {
  const found = checklist(fx).get(t(id, params));
  if (!found) throw new Error(`no row "${t(id, params)}" in ${[...checklist(fx).keys()].join(' | ')}`);
  return found;
}

function statuses(fx: Fixture): string[] {
  return [...checklist(fx).values()].map((r) => r.status);
}

/** The same menu click by another person (a menu item runs as whoever clicked it). */
function clickAs(ws: Workspace, user: string, handler: string): void {
  ws.core.invoke(handler, 'menu', undefined, { rethrow: false, user });
}

function publicFolderSharing(fx: Fixture): string | undefined {
  return fx.ws.drive.index().find((r) => r.name === PUBLIC_FOLDER.name && !r.trashed)?.sharing.access;
}

describe('the menu item', () => {
  it('comes right after setup and calls menuSelfCheck', () => {
    expect(MENU_ITEMS[1]).toEqual({ caption: SELF_CHECK, handler: 'menuSelfCheck' });
    const fx = freshWorkbook();
    expect(fx.ws.spreadsheets.ui.menus[0].items[1]).toEqual({ caption: SELF_CHECK, functionName: 'menuSelfCheck' });
  });
});

describe('on a consumer account', () => {
  let fx: Fixture;
  beforeAll(() => {
    fx = world('consumer');
  });

  it("is run by setup at its end: setup's message gives its one-line summary and points to the tab", () => {
    const message = lastAlert(fx);
    expect(message).toContain('სისტემა მზადაა');
    // the settings still hold the default cap of 1 500 a day, above the consumer account's 100
    expect(message).toContain(`${t('check.summary', { ok: 9, warn: 1, fail: 0 })} დეტალები და რა უნდა გაკეთდეს — ჩანართში „${SELF_CHECK_TAB}“.`);
    expect(checklist(fx).size).toBe(10);
  });

  it('finds a consumer account: 100 mails and 90 minutes of triggers a day', () => {
    const account = row(fx, 'check.account');
    expect(account.status).toBe('✓');
    expect(account.found).toBe(t('check.account_consumer', { email: ADMIN_USER, mail: '100' }));
    expect(account.todo).toBe(t('check.account_consumer_todo'));
    expect(row(fx, 'check.mail_left')).toEqual({ status: '✓', found: t('check.mail_left_ok', { left: '100', email: ADMIN_USER }), todo: '' });
  });

  it("warns that mailQuotaPerDay is above Google's limit, and is content once it is not", () => {
    fx.click(SELF_CHECK);
    expect(row(fx, 'check.mail_setting')).toEqual({
      status: '⚠',
      found: t('check.mail_setting_over', { value: '1 500', limit: '100' }),
      todo: t('check.mail_setting_todo', { tab: TABS.settings.name, limit: '100' }),
    });
    expect(lastAlert(fx)).toContain(`⚠ ${t('check.mail_setting')}`);
    setSetting(fx, 'mailQuotaPerDay', '100');
    fx.click(SELF_CHECK);
    expect(row(fx, 'check.mail_setting')).toEqual({ status: '✓', found: t('check.mail_setting_ok', { value: '100', limit: '100' }), todo: '' });
    expect(lastAlert(fx)).toBe(`${t('check.summary', { ok: 10, warn: 0, fail: 0 })}\n${t('check.see_tab', { tab: SELF_CHECK_TAB })}`);
  });

  it("reads the workbook's day-first locale and Tbilisi time, both forms open to anyone, the triggers once each, link sharing allowed", () => {
    expect(row(fx, 'check.locale')).toEqual({ status: '✓', found: t('check.locale_ok', { locale: 'ka_GE' }), todo: '' });
    expect(row(fx, 'check.time_zone')).toEqual({ status: '✓', found: t('check.time_zone_ok', { zone: 'Asia/Tbilisi' }), todo: '' });
    for (const form of ['N1', 'N2'] as const) {
      const check = row(fx, 'check.form', { form });
      expect(check.status).toBe('✓');
      expect(check.found).toBe(t('check.form_ok', { title: fx.ws.forms.snapshot(formRecord(fx, form).id).title }));
      // Not linked to the workbook: Google's raw responses, with their times, stay in the form.
      expect(fx.ws.forms.snapshot(formRecord(fx, form).id).destinationSpreadsheetId).toBeNull();
      expect(fx.ws.forms.snapshot(formRecord(fx, form).id).responders).toContain('anyone');
    }
    expect(row(fx, 'check.triggers')).toEqual({ status: '✓', found: t('check.triggers_ok', { count: '5', handlers: HANDLERS, owner: ADMIN_USER }), todo: '' });
    expect(row(fx, 'check.sharing')).toEqual({ status: '✓', found: t('check.sharing_ok', { folder: PUBLIC_FOLDER.name }), todo: '' });
    expect(publicFolderSharing(fx)).toBe('ANYONE_WITH_LINK');
  });

  it('rewrites the tab whole in one write, with a handful of calls per service and none per row', () => {
    const before = fx.ws.core.callSummary().byMethod;
    fx.click(SELF_CHECK);
    const after = fx.ws.core.callSummary().byMethod;
    const delta = (key: string): number => (after[key] ?? 0) - (before[key] ?? 0);
    expect(delta('SpreadsheetApp.setValues')).toBe(1);
    expect(delta('SpreadsheetApp.setValue')).toBe(0);
    expect(delta('Drive.Permissions.list')).toBe(2);
    // The one grant: the public folder shared by link again, to see that the policy still allows it; none on the forms.
    expect(delta('Drive.Permissions.create')).toBe(1);
    expect(delta('MailApp.getRemainingDailyQuota')).toBe(1);
    expect(delta('ScriptApp.getProjectTriggers')).toBe(1);
    const calls = Object.keys(after).reduce((n, key) => n + delta(key), 0);
    expect(calls).toBeLessThan(90);
    // the last row says when and by whom
    const values = tabValues(fx, SELF_CHECK_TAB);
    expect(String(values[values.length - 1][1])).toMatch(
      new RegExp(`^შემოწმდა \\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}, ანგარიშით ${ADMIN_USER.replace(/\./g, '\\.')}\\.$`),
    );
    expect(fx.ws.core.logs.filter((l) => l.startsWith('[ERROR]'))).toEqual([]);
  });
});

describe('on a Workspace account', () => {
  let fx: Fixture;
  beforeAll(() => {
    fx = world('workspace');
  });

  it('finds Workspace: 1,500 mails and 6 hours of triggers a day, and nothing to do', () => {
    expect(row(fx, 'check.account')).toEqual({
      status: '✓',
      found: t('check.account_workspace', { email: 'admin@example.ge', mail: '1 500' }),
      todo: '',
    });
    expect(statuses(fx)).toEqual(new Array(10).fill('✓'));
    expect(lastAlert(fx)).toContain(t('check.summary', { ok: 10, warn: 0, fail: 0 }));
  });

  it("warns of a mailQuotaPerDay above Workspace's 1,500", () => {
    setSetting(fx, 'mailQuotaPerDay', '2000');
    fx.click(SELF_CHECK);
    expect(row(fx, 'check.mail_setting')).toEqual({
      status: '⚠',
      found: t('check.mail_setting_over', { value: '2 000', limit: '1 500' }),
      todo: t('check.mail_setting_todo', { tab: TABS.settings.name, limit: '1 500' }),
    });
  });
});

describe('on a strict Workspace tenant (link sharing forbidden, the Forms override on)', () => {
  let fx: Fixture;
  beforeAll(() => {
    fx = world('workspace-strict');
    fx.click(SELF_CHECK);
  });

  it('reports link sharing refused, with the hand-publishing instruction', () => {
    expect(row(fx, 'check.sharing')).toEqual({
      status: '⚠',
      found: t('check.sharing_refused'),
      todo: t('check.sharing_todo', { folder: PUBLIC_FOLDER.name }),
    });
    expect(publicFolderSharing(fx)).toBe('PRIVATE');
    expect(lastAlert(fx)).toBe(
      [
        t('check.summary', { ok: 9, warn: 1, fail: 0 }),
        t('check.attention', { list: `⚠ ${t('check.sharing')}` }),
        t('check.see_tab', { tab: SELF_CHECK_TAB }),
      ].join('\n'),
    );
  });

  it('and both forms open to anyone with the link', () => {
    for (const form of ['N1', 'N2']) expect(row(fx, 'check.form', { form }).status).toBe('✓');
  });
});

describe('where the admin also turned the Forms override off', () => {
  let fx: Fixture;
  beforeAll(() => {
    fx = world('workspace-strict', { formsExternalResponses: 'blocked' });
    fx.click(SELF_CHECK);
  });

  it('reports each form ✗ not open to citizens, with its editor link and what the admin must do', () => {
    for (const form of ['N1', 'N2'] as const) {
      const url = `https://docs.google.com/forms/d/${formRecord(fx, form).id}/edit`;
      expect(row(fx, 'check.form', { form })).toEqual({ status: '✗', found: `${t('check.form_not_open')}.`, todo: t('check.form_open_todo', { url }) });
      expect(row(fx, 'check.form', { form }).todo).toContain('Anyone with the link');
      expect(row(fx, 'check.form', { form }).todo).toContain('Admin console');
    }
    expect(row(fx, 'check.sharing').status).toBe('⚠');
    // the alert lists the failures first
    expect(lastAlert(fx).split('\n').slice(0, 5)).toEqual([
      t('check.summary', { ok: 7, warn: 1, fail: 2 }),
      'საყურადღებო:',
      `✗ ${t('check.form', { form: 'N1' })}`,
      `✗ ${t('check.form', { form: 'N2' })}`,
      `⚠ ${t('check.sharing')}`,
    ]);
  });
});

describe('triggers belong to one account', () => {
  let fx: Fixture;
  beforeAll(() => {
    fx = world('consumer');
  });

  it('a second staff account clicking it sees that they belong to the administrator', () => {
    clickAs(fx.ws, STAFF_USER, 'menuSelfCheck');
    expect(row(fx, 'check.triggers')).toEqual({
      status: '⚠',
      found: t('check.triggers_other_owner', { me: STAFF_USER, owner: ADMIN_USER }),
      todo: t('check.triggers_other_owner_todo', { owner: ADMIN_USER }),
    });
    // the rest is about the clicking account
    expect(row(fx, 'check.account').found).toContain(STAFF_USER);
    expect(lastAlert(fx)).toContain(`⚠ ${t('check.triggers')}`);
  });

  it('triggers a staff member added by hand run every job twice: their check says ✗ and how to delete them', () => {
    // Apps Script ▸ Triggers ▸ Add, signed in as staff: the same handlers, owned by staff.
    const copies = fx.ws.core.triggers.map((tr) => ({ ...tr, id: `${tr.id}-staff`, createdBy: STAFF_USER }));
    fx.ws.core.triggers.push(...copies);
    clickAs(fx.ws, STAFF_USER, 'menuSelfCheck');
    expect(row(fx, 'check.triggers')).toEqual({
      status: '✗',
      found: t('check.triggers_twice', { me: STAFF_USER, owner: ADMIN_USER, handlers: HANDLERS }),
      todo: t('check.triggers_twice_todo', { me: STAFF_USER, owner: ADMIN_USER }),
    });
    fx.ws.core.triggers.splice(0, fx.ws.core.triggers.length, ...fx.ws.core.triggers.filter((tr) => tr.createdBy !== STAFF_USER));
    clickAs(fx.ws, STAFF_USER, 'menuSelfCheck');
    expect(row(fx, 'check.triggers').status).toBe('⚠');
    fx.click(SELF_CHECK);
    expect(row(fx, 'check.triggers').status).toBe('✓');
  });

  it('a new administrator: setup refuses them while another owner is recorded; after the hand-over it is theirs', () => {
    const former = 'former.admin@municipality.example.ge';
    const fresh = world('consumer');
    const props = fresh.ws.properties.app.getScriptProperties();
    // The workbook was first set up by another account, whose triggers still run.
    props.setProperty('triggers.owner', former);
    const theirs = fresh.ws.core.triggers.map((tr) => ({ ...tr, id: `${tr.id}-former`, createdBy: former }));
    fresh.ws.core.triggers.push(...theirs);
    const before = JSON.stringify(fresh.ws.core.triggers);
    fresh.click(SETUP);
    expect(lastAlert(fresh)).toBe(t('setup.not_owner', { owner: former, me: ADMIN_USER }));
    expect(props.getProperty('triggers.owner')).toBe(former);
    expect(JSON.stringify(fresh.ws.core.triggers)).toBe(before);
    // The hand-over the dialog describes: the former owner's triggers deleted, the recorded owner
    // removed from the script properties; then setup makes the new administrator the owner.
    fresh.ws.core.triggers.splice(0, fresh.ws.core.triggers.length, ...fresh.ws.core.triggers.filter((tr) => tr.createdBy !== former));
    props.deleteProperty('triggers.owner');
    fresh.click(SETUP);
    expect(props.getProperty('triggers.owner')).toBe(ADMIN_USER);
    expect(row(fresh, 'check.triggers')).toEqual({
      status: '✓',
      found: t('check.triggers_ok', { count: '5', handlers: HANDLERS, owner: ADMIN_USER }),
      todo: '',
    });
  });

  it('a workbook whose earlier version let a second administrator take over: the former one is told to check for their own triggers, and once gone the note goes', () => {
    const former = 'former.admin@municipality.example.ge';
    const fresh = world('consumer');
    const props = fresh.ws.properties.app.getScriptProperties();
    // What the former setup recorded when the owner changed: the previous owner's triggers may still run.
    props.setProperty('triggers.previousOwner', former);
    const theirs = fresh.ws.core.triggers.map((tr) => ({ ...tr, id: `${tr.id}-former`, createdBy: former }));
    fresh.ws.core.triggers.push(...theirs);
    fresh.click(SELF_CHECK);
    expect(row(fresh, 'check.triggers')).toEqual({
      status: '⚠',
      found: `${t('check.triggers_ok', { count: '5', handlers: HANDLERS, owner: ADMIN_USER })} ${t('check.triggers_previous', { previous: former })}`,
      todo: t('check.triggers_previous_todo', { previous: former }),
    });
    clickAs(fresh.ws, former, 'menuSelfCheck');
    expect(row(fresh, 'check.triggers')).toEqual({
      status: '✗',
      found: t('check.triggers_twice', { me: former, owner: ADMIN_USER, handlers: HANDLERS }),
      todo: t('check.triggers_twice_todo', { me: former, owner: ADMIN_USER }),
    });
    // The former administrator deletes theirs and checks again: the note is gone for everyone.
    fresh.ws.core.triggers.splice(0, fresh.ws.core.triggers.length, ...fresh.ws.core.triggers.filter((tr) => tr.createdBy !== former));
    clickAs(fresh.ws, former, 'menuSelfCheck');
    expect(row(fresh, 'check.triggers')).toEqual({ status: '✓', found: t('check.triggers_previous_gone', { me: former, owner: ADMIN_USER }), todo: '' });
    expect(props.getProperty('triggers.previousOwner')).toBeNull();
    fresh.click(SELF_CHECK);
    expect(row(fresh, 'check.triggers')).toEqual({
      status: '✓',
      found: t('check.triggers_ok', { count: '5', handlers: HANDLERS, owner: ADMIN_USER }),
      todo: '',
    });
  });

  it('a missing or doubled trigger is ✗, and setup mends it', () => {
    const fresh = world('consumer');
    const daily = fresh.ws.core.triggers.find((tr) => tr.handler === 'dailyJobs');
    fresh.ws.core.triggers.splice(fresh.ws.core.triggers.indexOf(daily!), 1);
    fresh.ws.core.triggers.push({ ...fresh.ws.core.triggers[0], id: 'copy' });
    fresh.click(SELF_CHECK);
    expect(row(fresh, 'check.triggers')).toEqual({
      status: '✗',
      found: `${ADMIN_USER}: ${t('check.triggers_missing', { handlers: 'dailyJobs' })}; ${t('check.triggers_duplicated', { handlers: 'onWorkbookEdit' })}.`,
      todo: t('check.triggers_setup_todo', { me: ADMIN_USER }),
    });
    fresh.click(SETUP);
    expect(row(fresh, 'check.triggers').status).toBe('✓');
  });
});

describe('what people and Google changed since setup', () => {
  it('a workbook switched to en_US and New York time: ✗ locale and ✗ time zone, until setup runs again', () => {
    const fx = world('consumer');
    const ss = fx.ws.spreadsheets.byId(fx.spreadsheetId);
    ss.setSpreadsheetLocale('en_US');
    ss.setSpreadsheetTimeZone('America/New_York');
    fx.click(SELF_CHECK);
    expect(row(fx, 'check.locale')).toEqual({ status: '✗', found: t('check.locale_bad', { locale: 'en_US' }), todo: t('check.locale_todo') });
    expect(row(fx, 'check.time_zone')).toEqual({
      status: '✗',
      found: t('check.time_zone_sheet', { sheet: 'America/New_York', script: 'Asia/Tbilisi' }),
      todo: t('check.time_zone_sheet_todo'),
    });
    fx.click(SETUP);
    expect(row(fx, 'check.locale').status).toBe('✓');
    expect(row(fx, 'check.time_zone').status).toBe('✓');
  });

  it('a form that stopped accepting responses, one thrown in the trash, one linked to the workbook by hand: each ✗ with what to do', () => {
    const fx = world('consumer');
    const n1 = formRecord(fx, 'N1');
    const n2 = formRecord(fx, 'N2');
    fx.ws.forms.app.openById(n1.id).setAcceptingResponses(false);
    fx.ws.drive.app.getFileById(n2.id).setTrashed(true);
    fx.click(SELF_CHECK);
    const url = `https://docs.google.com/forms/d/${n1.id}/edit`;
    expect(row(fx, 'check.form', { form: 'N1' })).toEqual({ status: '✗', found: `${t('check.form_closed')}.`, todo: t('check.form_accept_todo', { url }) });
    expect(row(fx, 'check.form', { form: 'N2' })).toEqual({ status: '✗', found: `${t('check.form_trashed')}.`, todo: t('check.form_restore_todo') });

    fx.ws.forms.app.openById(n1.id).setAcceptingResponses(true);
    // Someone links N1 to the workbook by hand (Responses ▸ Link to Sheets): Google's raw tab, with its times, is back.
    fx.ws.forms.app.openById(n1.id).setDestination(fx.ws.forms.app.DestinationType.SPREADSHEET, fx.spreadsheetId);
    const tab = fx.ws.spreadsheets
      .byId(fx.spreadsheetId)
      .getSheets()
      .find((sheet) => (sheet.getFormUrl() ?? '') !== '')!
      .getName();
    fx.click(SELF_CHECK);
    expect(row(fx, 'check.form', { form: 'N1' })).toEqual({
      status: '✗',
      found: `${t('check.form_raw_tab', { tab })}.`,
      todo: t('check.form_raw_tab_todo'),
    });
    // Setup, as the row says: the tab's rows collected, the tab deleted, the form unlinked.
    fx.click(SETUP);
    expect(fx.ws.spreadsheets.byId(fx.spreadsheetId).getSheetByName(tab)).toBeNull();
    expect(fx.ws.forms.snapshot(n1.id).destinationSpreadsheetId).toBeNull();
    expect(row(fx, 'check.form', { form: 'N1' }).status).toBe('✓');
  });
});

describe('robust: a probe that fails is ✗ with its reason, and the others still report', () => {
  it("Google's mail service failing", () => {
    const fx = world('workspace');
    fx.ws.core.faultHook = (service, method) => {
      if (service === 'MailApp' && method === 'getRemainingDailyQuota') throw new Error('Service unavailable: Mail');
    };
    fx.click(SELF_CHECK);
    fx.ws.core.faultHook = null;
    expect(row(fx, 'check.mail_left')).toEqual({
      status: '✗',
      found: t('check.probe_failed', { reason: 'Service unavailable: Mail' }),
      todo: t('check.probe_failed_todo'),
    });
    // without the quota the account type is asked of Forms instead
    expect(row(fx, 'check.account').status).toBe('✓');
    expect(row(fx, 'check.account').found).toContain('Workspace');
    expect(statuses(fx).filter((s) => s === '✓')).toHaveLength(9);
  });

  it("Drive's permissions list failing: who may answer the forms is ⚠ unknown", () => {
    const fx = world('consumer');
    fx.ws.core.faultHook = (service, method) => {
      if (service === 'Drive' && method === 'Permissions.list') throw new Error('API call to drive.permissions.list failed with error: Internal Error');
    };
    fx.click(SELF_CHECK);
    fx.ws.core.faultHook = null;
    const n1 = row(fx, 'check.form', { form: 'N1' });
    expect(n1.status).toBe('⚠');
    expect(n1.found).toBe(`${t('check.form_access_unknown', { reason: 'API call to drive.permissions.list failed with error: Internal Error' })}.`);
    expect(checklist(fx).size).toBe(10);
  });

  it('clicked before setup: the missing forms, triggers and settings are ✗ with what to do, and nothing breaks', () => {
    const fx = freshWorkbook();
    fx.click(SELF_CHECK);
    expect(fx.ws.core.triggerFailures).toEqual([]);
    expect(row(fx, 'check.form', { form: 'N1' })).toEqual({ status: '✗', found: t('check.form_missing'), todo: t('check.form_setup_todo') });
    expect(row(fx, 'check.triggers')).toEqual({
      status: '✗',
      found: t('check.triggers_none', { me: ADMIN_USER }),
      todo: t('check.triggers_setup_todo', { me: ADMIN_USER }),
    });
    expect(row(fx, 'check.mail_setting').status).toBe('✗');
    expect(row(fx, 'check.mail_setting').found).toContain(TABS.settings.name);
    // no form to ask and a consumer's 100 left: the account type is not known yet
    expect(row(fx, 'check.account')).toEqual({
      status: '⚠',
      found: t('check.account_unknown', { email: ADMIN_USER }),
      todo: t('check.account_unknown_todo'),
    });
    expect(lastAlert(fx)).toContain(t('check.see_tab', { tab: SELF_CHECK_TAB }));
  });
});

describe("what waits for the owner's runs", () => {
  test("a clerk's send request is fine for an hour, flagged once the owner's sweep has not taken it for two, and gone when it has", () => {
    const fx = setUpWorkbook({ now: '2026-01-12T09:00:00+04:00' });
    fx.click(t('menu.self_check'));
    expect(row(fx, 'check.waiting')).toEqual({ status: '✓', found: t('check.waiting_none'), todo: '' });

    // A clerk asks for the day's batch: queued for the owner's hourly sweep.
    clickAs(fx.ws, STAFF_USER, 'menuSendInvitations');
    fx.ws.core.setNow(Date.parse('2026-01-12T09:30:00+04:00'));
    fx.click(t('menu.self_check'));
    // Since the clerk's click (the emulated clock moves with each call: a minute or two after 09:00).
    const clicked = /12\.01\.2026 09:0\d/.exec(row(fx, 'check.waiting').found)?.[0] ?? 'no time';
    const since = t('check.waiting_item_since', { what: t('check.waiting_send', { by: STAFF_USER }), since: clicked });
    expect(row(fx, 'check.waiting')).toEqual({ status: '✓', found: t('check.waiting_recent', { items: since }), todo: '' });

    // Three hours on, no sweep has run (the owner's triggers are not firing): a warning saying what to do.
    fx.ws.core.setNow(Date.parse('2026-01-12T12:00:00+04:00'));
    fx.click(t('menu.self_check'));
    expect(row(fx, 'check.waiting')).toEqual({
      status: '⚠',
      found: t('check.waiting_stale', { items: since }),
      todo: t('check.waiting_todo', { owner: ADMIN_USER }),
    });

    // The owner's sweep takes it.
    fx.ws.core.invoke('hourlySweep', 'time', {});
    fx.click(t('menu.self_check'));
    expect(row(fx, 'check.waiting').status).toBe('✓');
    expect(row(fx, 'check.waiting').found).toBe(t('check.waiting_none'));
  });
});
