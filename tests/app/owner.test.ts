/**
 * One owner per deployment, in a workbook several staff accounts share (built bundle). Setup
 * records the account that ran it first; the triggers exist once, under it; mail goes out only
 * from its mailbox and quota. Another editor's setup changes nothing and names the owner; a
 * clerk's "send now" queues the work for the owner's next sweep; a second set of triggers someone
 * added by hand does nothing.
 */
import { TABS } from '../../src/domain/schema';
import { t } from '../../src/domain/messages';
import { DEFAULT_SERVICES } from '../../src/domain/services';
import { dataRows, lastAlert } from '../support/tabs';
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
  test("a clerk's click sends nothing from the clerk's mailbox: it queues, says who sends, and the owner's next sweep sends", () => {
    const f = setUpWorkbook();
    // The owner's quota is spent when the case is closed: the invitation waits.
    f.ws.mail.setDailyQuota(0);
    closeCase(f, 2, 'applicant2@example.ge');
    expect(f.ws.mail.sent).toHaveLength(0);
    f.ws.mail.setDailyQuota(100);
    f.clickAs(SEND, STAFF_USER);
    expect(f.ws.mail.sent).toHaveLength(0);
    expect(lastAlert(f)).toBe(t('invite.queued_for_owner', { me: STAFF_USER, owner: ADMIN_USER, tab: APPS, column: inviteColumn }));
    expect(props(f).getProperty('invitations.requested')).toContain(STAFF_USER);
    f.ws.core.invoke('hourlySweep', 'time', {});
    expect(f.ws.mail.sent.map((m) => [m.to, m.from])).toEqual([['applicant2@example.ge', ADMIN_USER]]);
    expect(props(f).getProperty('invitations.requested')).toBeNull();
    // The owner's own click sends at once.
    f.ws.mail.setDailyQuota(1);
    closeCase(f, 3, 'applicant3@example.ge');
    f.ws.mail.setDailyQuota(100);
    f.clickAs(SEND, ADMIN_USER);
    expect(f.ws.mail.sent.map((m) => m.from)).toEqual([ADMIN_USER, ADMIN_USER]);
  });

  test('clerks closing cases at once: every invitation goes once, from the owner, whose triggers alone ran', () => {
    const f = setUpWorkbook();
    closeCase(f, 2, 'a2@example.ge', STAFF_USER);
    closeCase(f, 3, 'a3@example.ge', SECOND_CLERK);
    f.clickAs(SEND, SECOND_CLERK);
    closeCase(f, 4, 'a4@example.ge', STAFF_USER);
    f.ws.core.invoke('hourlySweep', 'time', {});
    expect(f.ws.mail.sent.map((m) => [m.to, m.from])).toEqual([
      ['a2@example.ge', ADMIN_USER],
      ['a3@example.ge', ADMIN_USER],
      ['a4@example.ge', ADMIN_USER],
    ]);
    expect(new Set(f.ws.core.triggerExecutions.map((e) => e.user))).toEqual(new Set([ADMIN_USER]));
  });

  test('a second set of triggers a clerk added by hand sends nothing and does no job; the owner sends once', () => {
    const f = setUpWorkbook();
    // Apps Script ▸ Triggers ▸ Add, signed in as the clerk: the same handlers, run before the owner's.
    const copies = f.ws.core.triggers.map((tr) => ({ ...tr, id: `${tr.id}-clerk`, createdBy: STAFF_USER }));
    f.ws.core.triggers.unshift(...copies);
    f.ws.mail.setDailyQuota(100);
    closeCase(f, 2, 'applicant2@example.ge');
    expect(f.ws.mail.sent.map((m) => [m.to, m.from])).toEqual([['applicant2@example.ge', ADMIN_USER]]);
    expect(f.ws.core.logs.join('\n')).toContain(`${STAFF_USER} is not the deployment's owner (${ADMIN_USER}); nothing sent here`);
    // Its hourly and daily runs do nothing either (no report mail or Doc from the clerk's account).
    f.ws.core.invoke('hourlySweep', 'time', {}, { user: STAFF_USER });
    f.ws.core.invoke('dailyJobs', 'time', {}, { user: STAFF_USER });
    expect(f.ws.core.logs.join('\n')).toContain(
      `hourlySweep: these triggers belong to ${STAFF_USER}, not the deployment's owner (${ADMIN_USER}); nothing done`,
    );
    expect(f.ws.mail.sent).toHaveLength(1);
    const status = dataRows(f, APPS)[0][TABS.applications.columns.findIndex((c) => c.key === 'inviteStatus')];
    expect(status).toBe(t('invite.sent'));
  });
});
