/**
 * One owner per deployment, in a workbook several staff accounts share (built bundle). Setup
 * records the account that ran it first; the triggers exist once, under it; mail goes out only
 * from its mailbox and quota. Another editor's setup changes nothing and names the owner; a
 * clerk's click on "the day's batch" queues the request for the owner's next sweep, which runs the
 * day's batch under the batch's own rules; a second set of triggers someone added by hand does
 * nothing. Invitations go in the daily batch (tests/app/invite-batch.test.ts): these workbooks
 * batch from midnight with no minimum per service, and "a new day" clears the day's batch mark.
 */
import { TABS } from '../../src/domain/schema';
import { t } from '../../src/domain/messages';
import { DEFAULT_SERVICES } from '../../src/domain/services';
import { dataRows, lastAlert, setSetting } from '../support/tabs';
import { freshWorkbook, setUpWorkbook, type Fixture } from '../support/workbook';
import { ADMIN_USER, STAFF_USER } from '../support/workspace';

const SETUP = t('menu.setup');
const SEND = t('menu.send_invitations');
const APPS = TABS.applications.name;
const CLOSED = 'დასრულებულია';
const SECOND_CLERK = 'social@municipality.example.ge';
const inviteColumn = TABS.applications.columns.find((c) => c.key === 'inviteStatus')!.header;
const props = (f: Fixture) => f.ws.properties.app.getScriptProperties();

/** A clerk types a closed case into the applications tab (the owner's edit trigger runs). */
function closeCase(f: Fixture, row: number, email: string, user = STAFF_USER): void {
  const line = [`01-2026-${String(row).padStart(4, '0')}`, '02.01.2026', DEFAULT_SERVICES[0].ka, `განმცხადებელი ${row}`, email, 'ელფოსტა', CLOSED];
  f.ws.spreadsheets.userEdit(f.spreadsheetId, APPS, `A${row}:G${row}`, [line], user);
}

const ownersOfTriggers = (f: Fixture): string[] => [...new Set(f.ws.core.triggers.map((tr) => tr.createdBy))];

/** A set-up workbook whose daily batch is due from midnight, with no minimum per service. */
function batchingWorkbook(): Fixture {
  const f = setUpWorkbook();
  setSetting(f, 'inviteHour', '0');
  setSetting(f, 'inviteBatchMin', '1');
  return f;
}

/** A new day: no batch has run yet today. */
function newDay(f: Fixture): void {
  props(f).deleteProperty('invite.batchDay');
}

describe('setup', () => {
  test("another editor's setup installs nothing, changes nothing, and names the owner in Georgian", () => {
    const f = setUpWorkbook();
    const triggers = JSON.stringify(f.ws.core.triggers);
    const forms = f.ws.forms.list().length;
    const files = f.ws.drive.index().length;
    f.clickAs(SETUP, STAFF_USER);
    expect(lastAlert(f)).toBe(t('setup.not_owner', { owner: ADMIN_USER, me: STAFF_USER }));
    expect(lastAlert(f)).toContain(ADMIN_USER);
    expect(JSON.stringify(f.ws.core.triggers)).toBe(triggers);
    expect(ownersOfTriggers(f)).toEqual([ADMIN_USER]);
    expect(f.ws.forms.list()).toHaveLength(forms);
    expect(f.ws.drive.index()).toHaveLength(files);
    expect(props(f).getProperty('triggers.owner')).toBe(ADMIN_USER);
    // The owner running it again still finds one set.
    f.click(SETUP);
    expect(f.ws.core.triggers.filter((tr) => tr.handler === 'onWorkbookEdit')).toHaveLength(1);
    expect(ownersOfTriggers(f)).toEqual([ADMIN_USER]);
  });

  test('the owner is whoever runs it first', () => {
    const f = freshWorkbook();
    f.clickAs(SETUP, STAFF_USER);
    expect(props(f).getProperty('triggers.owner')).toBe(STAFF_USER);
    expect(ownersOfTriggers(f)).toEqual([STAFF_USER]);
    f.clickAs(SETUP, ADMIN_USER);
    expect(lastAlert(f)).toBe(t('setup.not_owner', { owner: STAFF_USER, me: ADMIN_USER }));
    f.clickAs(SETUP, STAFF_USER);
    expect(lastAlert(f)).toContain('სისტემა მზადაა');
    expect(ownersOfTriggers(f)).toEqual([STAFF_USER]);
  });
});

describe('sending', () => {
  test("a clerk's click sends nothing from the clerk's mailbox: it queues, says who sends, and the owner's next sweep runs the day's batch", () => {
    const f = batchingWorkbook();
    // Closing only queues the invitation for the day's batch.
    closeCase(f, 2, 'applicant2@example.ge');
    expect(f.ws.mail.sent).toHaveLength(0);
    newDay(f);
    f.clickAs(SEND, STAFF_USER);
    expect(f.ws.mail.sent).toHaveLength(0);
    expect(lastAlert(f)).toBe(t('invite.queued_for_owner', { me: STAFF_USER, owner: ADMIN_USER, hour: 0, tab: APPS, column: inviteColumn }));
    expect(props(f).getProperty('invitations.requested')).toContain(STAFF_USER);
    f.ws.core.invoke('hourlySweep', 'time', {});
    expect(f.ws.mail.sent.map((m) => [m.to, m.from])).toEqual([['applicant2@example.ge', ADMIN_USER]]);
    expect(props(f).getProperty('invitations.requested')).toBeNull();
    // The day's batch has gone: a clerk's request later that day does not send a case outside it.
    closeCase(f, 3, 'applicant3@example.ge');
    f.clickAs(SEND, STAFF_USER);
    f.ws.core.invoke('hourlySweep', 'time', {});
    expect(f.ws.mail.sent).toHaveLength(1);
    expect(props(f).getProperty('invitations.requested')).toBeNull();
    // The owner's own click runs the next day's batch at once.
    newDay(f);
    f.clickAs(SEND, ADMIN_USER);
    expect(f.ws.mail.sent.map((m) => [m.to, m.from])).toEqual([
      ['applicant2@example.ge', ADMIN_USER],
      ['applicant3@example.ge', ADMIN_USER],
    ]);
  });

  test('clerks closing cases at once: every invitation goes once, from the owner, whose triggers alone ran', () => {
    const f = batchingWorkbook();
    closeCase(f, 2, 'a2@example.ge', STAFF_USER);
    closeCase(f, 3, 'a3@example.ge', SECOND_CLERK);
    f.clickAs(SEND, SECOND_CLERK);
    closeCase(f, 4, 'a4@example.ge', STAFF_USER);
    expect(f.ws.mail.sent).toHaveLength(0);
    newDay(f);
    f.ws.core.invoke('hourlySweep', 'time', {});
    // The batch goes in random order.
    expect(f.ws.mail.sent.map((m) => [m.to, m.from]).sort()).toEqual([
      ['a2@example.ge', ADMIN_USER],
      ['a3@example.ge', ADMIN_USER],
      ['a4@example.ge', ADMIN_USER],
    ]);
    expect(new Set(f.ws.core.triggerExecutions.map((e) => e.user))).toEqual(new Set([ADMIN_USER]));
  });

  test('a second set of triggers a clerk added by hand sends nothing and does no job; the owner sends once', () => {
    const f = batchingWorkbook();
    // Apps Script ▸ Triggers ▸ Add, signed in as the clerk: the same handlers, run before the owner's.
    const copies = f.ws.core.triggers.map((tr) => ({ ...tr, id: `${tr.id}-clerk`, createdBy: STAFF_USER }));
    f.ws.core.triggers.unshift(...copies);
    f.ws.mail.setDailyQuota(100);
    closeCase(f, 2, 'applicant2@example.ge');
    expect(f.ws.mail.sent).toHaveLength(0);
    expect(f.ws.core.logs.join('\n')).toContain(`${STAFF_USER} is not the deployment's owner (${ADMIN_USER}); nothing sent here`);
    // Its hourly and daily runs do nothing either, even with the day's batch due (no invitation,
    // report mail or Doc from the clerk's account).
    newDay(f);
    f.ws.core.invoke('hourlySweep', 'time', {}, { user: STAFF_USER });
    f.ws.core.invoke('dailyJobs', 'time', {}, { user: STAFF_USER });
    expect(f.ws.core.logs.join('\n')).toContain(
      `hourlySweep: these triggers belong to ${STAFF_USER}, not the deployment's owner (${ADMIN_USER}); nothing done`,
    );
    expect(f.ws.mail.sent).toHaveLength(0);
    // The owner's sweep sends the day's batch, once.
    f.ws.core.invoke('hourlySweep', 'time', {});
    f.ws.core.invoke('hourlySweep', 'time', {});
    expect(f.ws.mail.sent.map((m) => [m.to, m.from])).toEqual([['applicant2@example.ge', ADMIN_USER]]);
    const status = dataRows(f, APPS)[0][TABS.applications.columns.findIndex((c) => c.key === 'inviteStatus')];
    expect(status).toBe(t('invite.sent'));
  });
});

describe("Drive is the owner's (drive.file: the script reaches only what it made for the account running it)", () => {
  const driveItems = (f: Fixture) => f.ws.drive.index().filter((row) => row.id !== f.spreadsheetId && !row.trashed);

  test.each([
    ['menu.paper_form', null],
    ['menu.build_report', '2026-Q1'],
    ['menu.prepare_meeting', '2026-Q1'],
    ['menu.publish_report', '2026-Q1'],
    ['menu.export_aggregates', '2026-Q1'],
  ] as const)("a clerk's %s makes nothing in anyone's Drive, changes no kept id, and names the owner", (item, period) => {
    const f = setUpWorkbook();
    const before = driveItems(f).map((row) => row.id);
    const kept = JSON.stringify(props(f).getProperties());
    if (period) f.ws.spreadsheets.ui.answerNext({ button: 'OK', text: period });
    f.clickAs(t(item), STAFF_USER);
    expect(lastAlert(f)).toBe(t('menu.drive_owner_only', { owner: ADMIN_USER, me: STAFF_USER }));
    expect(driveItems(f).map((row) => row.id)).toEqual(before);
    expect(JSON.stringify(props(f).getProperties())).toBe(kept);
    // The owner's click does it, in the owner's Drive.
    if (period) f.ws.spreadsheets.ui.answerNext({ button: 'OK', text: period });
    f.clickAs(t(item), ADMIN_USER);
    expect(lastAlert(f)).not.toBe(t('menu.drive_owner_only', { owner: ADMIN_USER, me: ADMIN_USER }));
    const made = driveItems(f).filter((row) => !before.includes(row.id));
    for (const row of made) expect({ name: row.name, for: f.ws.drive.appUsers(row.id) }).toEqual({ name: row.name, for: [ADMIN_USER] });
  });

  test("a clerk's self-check makes no public folder; it says the folder is not reachable from that account", () => {
    const f = setUpWorkbook();
    const folders = () => driveItems(f).filter((row) => row.mimeType === 'application/vnd.google-apps.folder').length;
    // Setup's own check (the owner's) made the public folder; without it, a clerk's check must not make one.
    const publicFolder = props(f).getProperty('folder.public');
    if (publicFolder) props(f).deleteProperty('folder.public');
    const before = folders();
    f.clickAs(t('menu.self_check'), STAFF_USER);
    expect(folders()).toBe(before);
    expect(props(f).getProperty('folder.public')).toBeNull();
  });
});
