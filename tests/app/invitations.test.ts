/**
 * The N2 invitation, end to end on the emulated Workspace: the built bundle, set up through the menu, with
 * staff editing the applications tab and Google firing the triggers.
 */
import { setUpWorkbook, type Fixture } from '../support/workbook';
import { APPS_SCRIPT_COSTS, environment, gasError } from '../../emulator';
import { TABS } from '../../src/domain/schema';
import { DEFAULT_SERVICES } from '../../src/domain/services';
import { t } from '../../src/domain/messages';
import type { WorkspaceOptions } from '../../emulator';
import { dataRows, setSetting } from '../support/tabs';

const APPS = TABS.applications.name;
const LOG = TABS.invitations.name;
const CLOSED = 'დასრულებულია';
const IN_REVIEW = 'განხილვაშია';
const HOUR = 3600 * 1000;
const ka = (code: string): string => DEFAULT_SERVICES.find((s) => s.code === code)!.ka;
const SENT = t('invite.sent');
const DEFERRED = t('invite.deferred_quota');
const UNKNOWN = t('invite.unknown');

const column = (key: string): number => TABS.applications.columns.findIndex((c) => c.key === key);
const logColumn = (key: string): number => TABS.invitations.columns.findIndex((c) => c.key === key);

function caseId(i: number): string {
  return `01-2026-${String(i).padStart(4, '0')}`;
}

/** A row of the applications tab, columns A–G, as staff type it. */
function caseRow(i: number, over: { service?: string; email?: string; status?: string; id?: string } = {}): unknown[] {
  return [
    over.id ?? caseId(i),
    '2026-01-02',
    over.service ?? ka('newborn'),
    `განმცხადებელი ${i}`,
    over.email ?? `applicant${i}@example.ge`,
    'ელფოსტა',
    over.status ?? CLOSED,
  ];
}

/**
 * Invitations go out in the day's batch, never from the edit trigger (tests/app/invite-batch.test.ts).
 * The send protocol's tests here run the workbook with inviteHour 0 and inviteBatchMin 1, and
 * after each edit they play "the next batch": the hourly sweep with no batch run yet today.
 */
function dailyBatch(f: Fixture): void {
  f.ws.properties.app.getScriptProperties().deleteProperty('invite.batchDay');
  f.ws.run('menuSendInvitations', 'menu');
}

/** The day's batch as Google runs it: the hourly trigger, at or after inviteHour, no batch run yet today. */
function batchTrigger(f: Fixture): void {
  f.ws.properties.app.getScriptProperties().deleteProperty('invite.batchDay');
  hourlySweep(f);
}

function paste(f: Fixture, firstRow: number, rows: unknown[][], batch = true): void {
  f.ws.spreadsheets.userEdit(f.spreadsheetId, APPS, `A${firstRow}:G${firstRow + rows.length - 1}`, rows);
  if (batch) dailyBatch(f);
}

function setStatus(f: Fixture, sheetRow: number, status: string, batch = true): void {
  f.ws.spreadsheets.userEdit(f.spreadsheetId, APPS, `G${sheetRow}`, [[status]]);
  if (batch) dailyBatch(f);
}

const apps = (f: Fixture) => dataRows(f, APPS);
const statusOf = (f: Fixture, i: number): unknown => apps(f).find((r) => r[column('caseId')] === caseId(i))![column('inviteStatus')];
const logOf = (f: Fixture, i: number): unknown[] | undefined => dataRows(f, LOG).find((r) => r[logColumn('caseId')] === caseId(i));

function mailsTo(f: Fixture, address: string): number {
  return f.ws.mail.sent.filter((m) => m.to === address).length;
}

/** Every recipient got at most one message; returns how many distinct recipients there were. */
function expectNoDuplicates(f: Fixture): number {
  const counts = new Map<string, number>();
  for (const m of f.ws.mail.sent) counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
  expect([...counts.values()].filter((c) => c > 1)).toEqual([]);
  return counts.size;
}

/** The deployment's account sends a message of its own (another script, the managers' notice). */
function otherMailOfTheAccount(f: Fixture): void {
  f.ws.core.runExecution('otherScript', 'time', () => f.ws.mail.app.sendEmail('someone@example.org', 'other', 'other mail'));
}

/** The hourly time-driven trigger, as Google runs it (its failures are recorded, not thrown). */
function hourlySweep(f: Fixture): void {
  f.ws.core.invoke('hourlySweep', 'time', {});
}

/** Errors of the invitation code: a failed edit trigger, or the sweep job failing. */
function invitationFailures(f: Fixture): string[] {
  return [
    ...f.ws.core.triggerFailures.filter((x) => x.handler === 'onWorkbookEdit').map((x) => x.message),
    ...f.ws.core.logs.filter((l) => /\/invitations failed/.test(l)),
  ];
}

function serviceLink(f: Fixture, code: string): string {
  return String(dataRows(f, TABS.services.name).find((r) => r[0] === code)![3]);
}

function workbook(options: Partial<WorkspaceOptions> = {}): Fixture {
  const f = setUpWorkbook(options);
  setSetting(f, 'inviteHour', '0');
  setSetting(f, 'inviteBatchMin', '1');
  return f;
}

describe('closing a case', () => {
  test('sends one Georgian invitation with the service link, the sender name and reply-to', () => {
    const f = workbook();
    setSetting(f, 'replyTo', 'feedback@ambrolauri.gov.ge');
    setSetting(f, 'municipality', 'ამბროლაურის მუნიციპალიტეტის მერია');
    paste(f, 2, [caseRow(1, { status: IN_REVIEW })]);
    expect(f.ws.mail.sent).toHaveLength(0);
    setStatus(f, 2, CLOSED);

    expect(f.ws.mail.sent).toHaveLength(1);
    const mail = f.ws.mail.sent[0];
    const link = serviceLink(f, 'newborn');
    // Forms' own short link, which opens the service's prefilled form.
    expect(link).toMatch(/^https:\/\/forms\.gle\//);
    expect(f.ws.forms.expandShortLink(link)).toMatch(/^https:\/\/docs\.google\.com\/forms\/.*entry\./);
    expect(mail).toMatchObject({ to: 'applicant1@example.ge', name: 'ამბროლაურის მერია', replyTo: 'feedback@ambrolauri.gov.ge' });
    expect(mail.subject).toContain('ამბროლაურის მუნიციპალიტეტის მერია');
    expect(mail.body).toContain(link);
    expect(mail.body).toContain('2 წუთი');
    expect(mail.body).toContain('ანონიმურია');
    expect(mail.htmlBody).toContain(link.replace(/&/g, '&amp;'));
    // The link is the same for every applicant of the service: no case number, no address.
    expect(link).not.toContain(caseId(1));
    expect(link).not.toContain('applicant1');
    expect(link).not.toContain('%40');
    expect(mail.body).not.toContain(caseId(1));
    expect(mail.body).not.toContain('განმცხადებელი 1');

    const row = apps(f)[0];
    expect(row[column('inviteStatus')]).toBe(SENT);
    expect(row[column('inviteAt')]).toBeInstanceOf(Date);
    // Closed without a date: the closing date is filled with the time of the edit.
    expect(row[column('closedAt')]).toBeInstanceOf(Date);
    const log = logOf(f, 1)!;
    expect(log.slice(0, 3)).toEqual([caseId(1), 'newborn', SENT]);
    expect(JSON.stringify(dataRows(f, LOG))).not.toContain('@');
  });

  test('a mistyped reply-to address is left out of the invitation, which still goes', () => {
    const f = workbook();
    setSetting(f, 'replyTo', 'feedback ambrolauri.gov.ge');
    paste(f, 2, [caseRow(1)]);
    expect(f.ws.mail.sent).toHaveLength(1);
    expect(f.ws.mail.sent[0].to).toBe('applicant1@example.ge');
    expect(f.ws.mail.sent[0].replyTo).toBeUndefined();
    expect(statusOf(f, 1)).toBe(SENT);
  });

  test('a closing date typed by staff is kept', () => {
    const f = workbook();
    f.ws.spreadsheets.userEdit(f.spreadsheetId, APPS, 'A2:H2', [[...caseRow(1), '2026-01-03']]);
    dailyBatch(f);
    const closedAt = apps(f)[0][column('closedAt')] as Date;
    expect(closedAt.toISOString()).toBe('2026-01-02T20:00:00.000Z');
    expect(f.ws.mail.sent).toHaveLength(1);
  });

  test('a case reopened and closed again is not invited twice', () => {
    const f = workbook();
    paste(f, 2, [caseRow(1)]);
    expect(f.ws.mail.sent).toHaveLength(1);
    setStatus(f, 2, IN_REVIEW);
    expect(statusOf(f, 1)).toBe(SENT);
    setStatus(f, 2, CLOSED);
    setStatus(f, 2, CLOSED);
    hourlySweep(f);
    f.ws.run('menuSendInvitations', 'menu');
    expect(f.ws.mail.sent).toHaveLength(1);
    expect(statusOf(f, 1)).toBe(SENT);
  });

  test('setup run twice still gives one edit trigger and one invitation', () => {
    const f = workbook();
    f.click('სისტემის მომზადება / განახლება');
    expect(f.ws.core.triggers.filter((x) => x.handler === 'onWorkbookEdit')).toHaveLength(1);
    paste(f, 2, [caseRow(1)]);
    hourlySweep(f);
    expect(f.ws.mail.sent).toHaveLength(1);
  });

  test('a simple onEdit never sends mail; the sweep sends what no edit trigger saw', () => {
    const f = workbook();
    // No installable edit trigger: as for rows written by an import or a script.
    const edit = f.ws.core.triggers.findIndex((x) => x.handler === 'onWorkbookEdit');
    f.ws.core.triggers.splice(edit, 1);
    paste(f, 2, [caseRow(1), caseRow(2)], false);
    expect(f.ws.mail.sent).toHaveLength(0);
    expect(apps(f)[0][column('closedAt')]).toBe('');

    f.ws.script.runClockUntil(f.ws.core.now() + HOUR + 1);
    expect(f.ws.mail.sent.map((m) => m.to).sort()).toEqual(['applicant1@example.ge', 'applicant2@example.ge']);
    expect(apps(f)[0][column('closedAt')]).toBeInstanceOf(Date);
    expect(statusOf(f, 2)).toBe(SENT);
  });
});

describe('bad input', () => {
  test('each bad row gets a clear Georgian status and the rest of the paste goes out', () => {
    const f = workbook();
    // A case typed before its service was renamed: its service no longer matches any.
    paste(f, 2, [caseRow(1, { service: ka('other'), status: IN_REVIEW })]);
    const otherRow = dataRows(f, TABS.services.name).findIndex((r) => r[0] === 'other') + 2;
    f.ws.spreadsheets.userEdit(f.spreadsheetId, TABS.services.name, `B${otherRow}`, [['სხვა დახმარება']]);
    setStatus(f, 2, CLOSED);
    // A service written in by a script or an import (no edit trigger fires) has no N2 link yet;
    // one typed by staff gets its link at the next hourly sweep (tests/app/setup.test.ts).
    f.ws.spreadsheets
      .byId(f.spreadsheetId)
      .getSheetByName(TABS.services.name)!
      .getRange('A17:C17')
      .setValues([['new_aid', 'ახალი დახმარება', true]]);

    paste(f, 3, [
      caseRow(2, { email: '' }),
      caseRow(3, { email: 'nino.example.ge' }),
      caseRow(4, { service: ka('funeral') }),
      caseRow(5),
      caseRow(6, { id: '' }),
      caseRow(7, { id: caseId(5), email: 'other@example.ge' }),
      caseRow(8, { service: 'ახალი დახმარება' }),
      caseRow(9, { email: '=HYPERLINK("http://x")' }),
    ]);

    const rows = apps(f);
    const status = (i: number) => rows[i][column('inviteStatus')];
    expect(status(0)).toBe(t('invite.sent_unknown_service', { value: ka('other') }));
    expect(status(1)).toBe(t('invite.skipped_no_email'));
    expect(status(2)).toBe(t('invite.skipped_invalid_email'));
    expect(status(3)).toBe(t('invite.skipped_opted_out'));
    expect(status(4)).toBe(SENT);
    expect(status(5)).toBe(t('invite.no_case_id'));
    expect(status(6)).toBe(t('invite.duplicate_case_id'));
    expect(status(7)).toBe(t('invite.no_service_link'));
    expect(String(status(8))).toMatch(/^არ გაიგზავნა: ელფოსტის მისამართი არასწორია/);

    const form = JSON.parse(f.ws.properties.app.getScriptProperties().getProperty('form.N2')!) as { publishedUrl: string };
    const toUnknown = f.ws.mail.sent.find((m) => m.to === 'applicant1@example.ge')!;
    expect(toUnknown.body).toContain(`${form.publishedUrl}\n`);
    expect(f.ws.mail.sent.find((m) => m.to === 'applicant8@example.ge')!.body).toContain(`${form.publishedUrl}\n`);
    expect(f.ws.mail.sent.map((m) => m.to).sort()).toEqual(['applicant1@example.ge', 'applicant5@example.ge', 'applicant8@example.ge']);
    expect(mailsTo(f, 'applicant4@example.ge')).toBe(0);

    // The sweep changes nothing for them: a funeral case is never invited.
    hourlySweep(f);
    expect(f.ws.mail.sent).toHaveLength(3);

    // Staff fix an address: the edit queues it, the next day's batch sends it.
    f.ws.spreadsheets.userEdit(f.spreadsheetId, APPS, 'E4', [['nino@example.ge']]);
    expect(mailsTo(f, 'nino@example.ge')).toBe(0);
    expect(statusOf(f, 3)).toBe(t('invite.waiting_batch', { hour: 0 }));
    dailyBatch(f);
    expect(mailsTo(f, 'nino@example.ge')).toBe(1);
    expect(statusOf(f, 3)).toBe(SENT);
    expect(invitationFailures(f)).toEqual([]);
  });

  test('a service name or municipality with <script> is escaped in the HTML', () => {
    const f = workbook();
    setSetting(f, 'municipality', '<script>alert("x")</script> მერია');
    f.ws.spreadsheets.userEdit(f.spreadsheetId, TABS.services.name, 'A17:C17', [['x', 'დახმარება <script>alert(1)</script>', true]]);
    f.click('სისტემის მომზადება / განახლება');
    paste(f, 2, [caseRow(1, { service: 'დახმარება <script>alert(1)</script>' })]);
    const mail = f.ws.mail.sent[0];
    expect(mail.htmlBody).not.toContain('<script');
    expect(mail.htmlBody).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(mail.htmlBody).toContain('დახმარება &lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('volume and quota', () => {
  test('a 500-row paste sends 500 messages once each; its run reads each tab once, the sweeps send what did not fit', () => {
    const small = workbook({ mailQuotaPerDay: 1000 });
    small.ws.core.resetCalls();
    paste(
      small,
      2,
      Array.from({ length: 5 }, (_, i) => caseRow(i + 1)),
    );
    const smallCalls = small.ws.core.callSummary().byMethod;

    const f = workbook({ mailQuotaPerDay: 1000 });
    f.ws.core.resetCalls();
    paste(
      f,
      2,
      Array.from({ length: 500 }, (_, i) => caseRow(i + 1)),
    );
    const calls = f.ws.core.callSummary().byMethod;

    // At 1.2 s a message (Google's figure, emulator/costs.ts) the paste's run stops inside its time
    // budget with part of the 500 sent; the rest wait for the hourly sweep.
    const sentByPaste = f.ws.mail.sent.length;
    expect(sentByPaste).toBeGreaterThan(150);
    expect(sentByPaste).toBeLessThan(500);
    expect(calls['MailApp.sendEmail']).toBe(sentByPaste);
    expect(f.ws.core.logs.some((l) => /Exceeded maximum execution time/.test(l))).toBe(false);
    // One read of each tab whatever the size; per message one log write (the case's `sending`
    // marker, carrying the previous case's `sent`) — two when the batch's random order puts the
    // two rows far apart (adapters/invitation-log.ts SPLIT_GAP) — and otherwise not with rows.
    expect(calls['SpreadsheetApp.getValues']).toBe(smallCalls['SpreadsheetApp.getValues']);
    expect(calls['SpreadsheetApp.setValues']).toBeLessThanOrEqual(smallCalls['SpreadsheetApp.setValues'] - 5 + 2 * sentByPaste);

    f.ws.script.runClockUntil(f.ws.core.now() + 3 * HOUR);
    expect(f.ws.mail.sent).toHaveLength(500);
    expect(expectNoDuplicates(f)).toBe(500);
    expect(apps(f).every((r) => r[column('inviteStatus')] === SENT && r[column('closedAt')] instanceof Date)).toBe(true);
    expect(f.ws.mail.sent.every((m) => !m.body.includes('01-2026-'))).toBe(true);

    f.ws.run('menuSendInvitations', 'menu');
    expect(f.ws.mail.sent).toHaveLength(500);
    expect(dataRows(f, LOG).filter((r) => r[logColumn('status')] === SENT)).toHaveLength(500);
  });

  test('closing dates of scattered closed rows are filled in one write; dates typed on the rows between are kept', () => {
    const typed = new Date('2026-01-03T00:00:00+04:00');
    const pasteScattered = (n: number): { f: Fixture; setValues: number } => {
      const f = workbook({ mailQuotaPerDay: 1000 });
      // every other row closed without a date; the rows between are open, with a date staff typed
      const rows = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? [...caseRow(i + 1), ''] : [...caseRow(i + 1, { status: IN_REVIEW }), '2026-01-03']));
      f.ws.core.resetCalls();
      f.ws.spreadsheets.userEdit(f.spreadsheetId, APPS, `A2:H${n + 1}`, rows);
      dailyBatch(f);
      // One log write per message is the send protocol's; the rest must not grow with rows.
      return { f, setValues: f.ws.core.callSummary().byMethod['SpreadsheetApp.setValues'] - f.ws.mail.sent.length };
    };
    const small = pasteScattered(10);
    const large = pasteScattered(40);
    expect(large.f.ws.mail.sent).toHaveLength(20);
    expect(large.setValues).toBe(small.setValues);
    apps(large.f).forEach((r, i) => {
      const closedAt = r[column('closedAt')];
      expect(closedAt).toBeInstanceOf(Date);
      if (i % 2 === 1) expect((closedAt as Date).getTime()).toBe(typed.getTime());
      else expect((closedAt as Date).getTime()).not.toBe(typed.getTime());
    });
  });

  test('when the daily quota is used up the rest are deferred and go out in the next batches', () => {
    const f = workbook({ mailQuotaPerDay: 2 });
    paste(
      f,
      2,
      Array.from({ length: 5 }, (_, i) => caseRow(i + 1)),
    );
    // The batch goes in random order: which two went is chance, that two went and three wait is not.
    expect(f.ws.mail.sent).toHaveLength(2);
    const statuses = [1, 2, 3, 4, 5].map((i) => statusOf(f, i));
    expect(statuses.filter((x) => x === SENT)).toHaveLength(2);
    expect(statuses.filter((x) => x === DEFERRED)).toHaveLength(3);
    expect(f.ws.core.triggerFailures.filter((x) => x.handler === 'onWorkbookEdit')).toEqual([]);

    // The same day, after the batch: the menu sends nothing more and says why.
    f.ws.run('menuSendInvitations', 'menu');
    const shown = f.ws.spreadsheets.ui.shown.at(-1)!;
    expect(shown.message).toContain('გაიგზავნა: 0');
    expect(shown.message).toContain('გადაიდო (დღიური ლიმიტი): 3');
    expect(f.ws.mail.sent).toHaveLength(2);

    // The next days' batches (the hourly trigger at or after inviteHour) send the rest, once each.
    f.ws.script.runClockUntil(f.ws.core.now() + 5 * 24 * HOUR);
    expect(expectNoDuplicates(f)).toBe(5);
    expect([1, 2, 3, 4, 5].map((i) => statusOf(f, i))).toEqual([SENT, SENT, SENT, SENT, SENT]);
    expect(invitationFailures(f)).toEqual([]);
  });

  test("the settings' daily cap (mailQuotaPerDay) defers the rest until the next day in Tbilisi", () => {
    const f = workbook({ mailQuotaPerDay: 1000 });
    setSetting(f, 'mailQuotaPerDay', '3');
    // 09:00 in Tbilisi on 5 January: three go out, the rest wait although Google would send them
    paste(
      f,
      2,
      Array.from({ length: 5 }, (_, i) => caseRow(i + 1)),
    );
    expect(f.ws.mail.sent).toHaveLength(3);
    expect([1, 2, 3, 4, 5].map((i) => statusOf(f, i)).filter((x) => x === DEFERRED)).toHaveLength(2);
    expect(f.ws.mail.app.getRemainingDailyQuota()).toBe(997);
    // the day's batch counts today's invitations from the log
    paste(f, 7, [caseRow(6)]);
    expect(f.ws.spreadsheets.ui.shown.at(-1)!.message).toContain('გადაიდო (დღიური ლიმიტი): 3');
    // 23:30 in Tbilisi (19:30 UTC): still the same calendar day
    f.ws.script.runClockUntil(Date.parse('2026-01-05T23:30:00+04:00'));
    expect(f.ws.mail.sent).toHaveLength(3);
    // 00:30 in Tbilisi is still 5 January in UTC: the cap follows the municipality's day
    f.ws.script.runClockUntil(Date.parse('2026-01-06T00:30:00+04:00') + HOUR);
    expect(f.ws.mail.sent).toHaveLength(6);
    expect(expectNoDuplicates(f)).toBe(6);
    expect([1, 2, 3, 4, 5, 6].map((i) => statusOf(f, i))).toEqual([SENT, SENT, SENT, SENT, SENT, SENT]);
    expect(invitationFailures(f)).toEqual([]);
  });

  test('a case held back by the cap goes in the next batch, before one closed that day', () => {
    const f = workbook({ mailQuotaPerDay: 1000 });
    setSetting(f, 'mailQuotaPerDay', '1');
    paste(f, 2, [caseRow(1), caseRow(2)]);
    const first = f.ws.mail.sent.map((m) => m.to);
    expect(first).toHaveLength(1);
    const heldBack = first[0] === 'applicant1@example.ge' ? 2 : 1;
    expect(statusOf(f, heldBack)).toBe(DEFERRED);
    // the next morning staff close another case; the day's batch has room for one
    f.ws.core.setNow(Date.parse('2026-01-06T09:00:00+04:00'));
    paste(f, 4, [caseRow(3)], false);
    dailyBatch(f);
    expect(statusOf(f, heldBack)).toBe(SENT);
    expect(statusOf(f, 3)).toBe(DEFERRED);
    expect(f.ws.mail.sent.map((m) => m.to)).toEqual([...first, `applicant${heldBack}@example.ge`]);
  });

  test("Google's quota exception defers the rest, and nothing escapes to the user", () => {
    const f = workbook({ mailQuotaPerDay: 100 });
    let sends = 0;
    f.ws.core.faultHook = (service, method) => {
      if (service === 'MailApp' && method === 'sendEmail' && ++sends === 2) throw gasError('Service invoked too many times for one day: email.');
    };
    paste(f, 2, [caseRow(1), caseRow(2), caseRow(3)]);
    f.ws.core.faultHook = null;
    expect(f.ws.mail.sent).toHaveLength(1);
    expect([1, 2, 3].map((i) => statusOf(f, i)).filter((x) => x === DEFERRED)).toHaveLength(2);
    expect(f.ws.core.triggerFailures).toEqual([]);
    dailyBatch(f);
    expect(expectNoDuplicates(f)).toBe(3);
  });

  test('a refused send is reported on its row and retried by the next batch; the batch goes on', () => {
    const f = workbook();
    let sends = 0;
    let refused = '';
    f.ws.core.faultHook = (service, method) => {
      if (service === 'MailApp' && method === 'sendEmail' && ++sends === 1) throw gasError('Service unavailable: Gmail');
    };
    paste(f, 2, [caseRow(1), caseRow(2), caseRow(3)]);
    f.ws.core.faultHook = null;
    expect(f.ws.mail.sent).toHaveLength(2);
    const failed = [1, 2, 3].filter((i) => /^ვერ გაიგზავნა: .*Service unavailable: Gmail/.test(String(statusOf(f, i))));
    expect(failed).toHaveLength(1);
    refused = `applicant${failed[0]}@example.ge`;
    expect(f.ws.mail.sent.map((m) => m.to)).not.toContain(refused);
    // Later the same day nothing goes; the next batch retries it.
    hourlySweep(f);
    expect(f.ws.mail.sent).toHaveLength(2);
    dailyBatch(f);
    expect(expectNoDuplicates(f)).toBe(3);
    expect(statusOf(f, failed[0])).toBe(SENT);
  });

  test('a sweep stops before the time limit and carries on at its next run', () => {
    // Slow mail (30 s a message): 4.5 minutes hold 9 messages.
    const f = workbook({ mailQuotaPerDay: 1000, costs: { ...APPS_SCRIPT_COSTS, 'MailApp.sendEmail': 30_000 } });
    const edit = f.ws.core.triggers.findIndex((x) => x.handler === 'onWorkbookEdit');
    f.ws.core.triggers.splice(edit, 1);
    paste(
      f,
      2,
      Array.from({ length: 20 }, (_, i) => caseRow(i + 1)),
      false,
    );
    f.ws.run('menuSendInvitations', 'menu');
    const first = f.ws.mail.sent.length;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(20);
    expect(f.ws.spreadsheets.ui.shown.at(-1)!.message).toContain('მომდევნო');
    const statuses = Array.from({ length: 20 }, (_, i) => statusOf(f, i + 1));
    expect(statuses.filter((x) => x === t('invite.queued'))).toHaveLength(20 - first);
    expect(f.ws.core.logs.some((l) => /Exceeded maximum execution time/.test(l))).toBe(false);
    f.ws.script.runClockUntil(f.ws.core.now() + 3 * HOUR);
    expect(expectNoDuplicates(f)).toBe(20);
  });
});

describe('exactly once under concurrency and crashes', () => {
  test('an edit trigger started during the batch’s send leaves its row to the next batch; no duplicate, no loss', () => {
    const f = workbook();
    paste(f, 2, [caseRow(1), caseRow(2, { status: IN_REVIEW })], false);
    let fired = false;
    f.ws.core.faultHook = (service, method, core) => {
      if (service !== 'MailApp' || method !== 'sendEmail' || fired) return;
      fired = true;
      // Staff close the second case while the first one's invitation is being sent.
      f.ws.spreadsheets.userEdit(f.spreadsheetId, APPS, 'G3', [[CLOSED]]);
      expect(core.executions).toHaveLength(1);
    };
    dailyBatch(f);
    f.ws.core.faultHook = null;
    expect(fired).toBe(true);
    expect(f.ws.mail.sent.map((m) => m.to)).toEqual(['applicant1@example.ge']);
    expect(f.ws.core.logs.some((l) => /lock busy/.test(l))).toBe(true);

    // Later sweeps the same day send nothing; the next batch sends it, once.
    hourlySweep(f);
    expect(f.ws.mail.sent).toHaveLength(1);
    dailyBatch(f);
    expect(expectNoDuplicates(f)).toBe(2);
    expect(statusOf(f, 2)).toBe(SENT);
  });

  test('a sweep started during the batch’s send does not send the same cases again', () => {
    const f = workbook();
    let nested = 0;
    f.ws.core.faultHook = (service, method, core) => {
      if (service === 'MailApp' && method === 'sendEmail' && core.executions.length === 1 && nested < 2) {
        nested++;
        core.invoke('hourlySweep', 'time', {});
        f.ws.run('menuSendInvitations', 'menu');
      }
    };
    paste(f, 2, [caseRow(1), caseRow(2), caseRow(3)]);
    f.ws.core.faultHook = null;
    expect(nested).toBe(2);
    expect(f.ws.spreadsheets.ui.shown.some((x) => x.message.includes('სხვა პროცესი'))).toBe(true);
    hourlySweep(f);
    dailyBatch(f);
    expect(expectNoDuplicates(f)).toBe(3);
    expect(f.ws.mail.sent).toHaveLength(3);
  });

  /** Runs `act` with the execution it starts killed at its n-th service call. */
  function killedAt(n: number, viaSweep: boolean): Fixture {
    const f = workbook();
    if (viaSweep) {
      const edit = f.ws.core.triggers.findIndex((x) => x.handler === 'onWorkbookEdit');
      f.ws.core.triggers.splice(edit, 1);
      paste(
        f,
        2,
        Array.from({ length: 4 }, (_, i) => caseRow(i + 1)),
        false,
      );
      f.ws.core.killAfterCalls = n;
      f.ws.core.invoke('menuSendInvitations', 'menu', {});
    } else {
      paste(
        f,
        2,
        Array.from({ length: 4 }, (_, i) => caseRow(i + 1)),
        false,
      );
      f.ws.core.killAfterCalls = n;
      batchTrigger(f);
    }
    const killed = f.ws.core.killAfterCalls === null;
    f.ws.core.killAfterCalls = null;
    if (killed) hourlySweep(f);
    return f;
  }

  test.each([false, true])('killed at every possible call (sweep: %s), the next sweep leaves each case invited exactly once', (viaSweep) => {
    // How many calls one uninterrupted run makes.
    const probe = workbook();
    if (viaSweep) {
      probe.ws.core.triggers.splice(
        probe.ws.core.triggers.findIndex((x) => x.handler === 'onWorkbookEdit'),
        1,
      );
      paste(
        probe,
        2,
        Array.from({ length: 4 }, (_, i) => caseRow(i + 1)),
        false,
      );
    } else
      paste(
        probe,
        2,
        Array.from({ length: 4 }, (_, i) => caseRow(i + 1)),
        false,
      );
    probe.ws.core.resetCalls();
    if (viaSweep) probe.ws.core.invoke('menuSendInvitations', 'menu', {});
    else batchTrigger(probe);
    const total = probe.ws.core.callSummary().total;
    expect(total).toBeGreaterThan(10);

    for (let n = 0; n <= total; n++) {
      const f = killedAt(n, viaSweep);
      const context = `killed at call ${n} of ${total}`;
      expectNoDuplicates(f);
      // A case is sent (one mail), or — the one being sent when the run died — unknown (at most one).
      const seen = [1, 2, 3, 4].map((i) => ({ status: statusOf(f, i), mails: mailsTo(f, `applicant${i}@example.ge`) }));
      const wrong = seen.filter((c) => !((c.status === SENT && c.mails === 1) || (c.status === UNKNOWN && c.mails <= 1)));
      expect({ context, wrong }).toEqual({ context, wrong: [] });
      expect({ context, unknown: seen.filter((c) => c.status === UNKNOWN).length <= 1 }).toEqual({ context, unknown: true });
    }
  });

  test('killed right after a send: that case is unknown and never resent; the next sweep sends exactly the rest', () => {
    for (const killAtSend of [1, 50, 70]) {
      const f = workbook({ mailQuotaPerDay: 1000 });
      let sends = 0;
      f.ws.core.faultHook = (service, method, core) => {
        // killAfterCalls = 1: this send goes out, the execution dies at its next call.
        if (service === 'MailApp' && method === 'sendEmail' && ++sends === killAtSend) core.killAfterCalls = 1;
      };
      paste(
        f,
        2,
        Array.from({ length: 120 }, (_, i) => caseRow(i + 1)),
        false,
      );
      batchTrigger(f);
      f.ws.core.faultHook = null;
      f.ws.core.killAfterCalls = null;
      expect(f.ws.mail.sent).toHaveLength(killAtSend);
      // The killed run is the hourly trigger: Google records it failed.
      expect(f.ws.core.triggerFailures.map((x) => x.handler)).toEqual(['hourlySweep']);
      // The killed batch did not finish: the next hourly run the same day carries it on.
      f.ws.script.runClockUntil(f.ws.core.now() + HOUR + 1);
      expect(expectNoDuplicates(f)).toBe(120);
      expect(f.ws.mail.sent).toHaveLength(120);
      const unknownCase = f.ws.mail.sent[killAtSend - 1].to.replace(/^applicant(\d+)@.*$/, '$1');
      expect(statusOf(f, Number(unknownCase))).toBe(UNKNOWN);
      expect(apps(f).filter((r) => r[column('inviteStatus')] === SENT)).toHaveLength(119);
    }
  });

  test('killed after its first message, then other mail of the account: the next sweep shows unknown, not sent, and sends nothing twice', () => {
    const f = workbook({ environment: environment('consumer', { otherMailPerDay: 3 }) });
    f.ws.core.faultHook = (service, method, core) => {
      if (service === 'MailApp' && method === 'sendEmail') core.killAfterCalls = 1;
    };
    paste(f, 2, [caseRow(1), caseRow(2), caseRow(3)], false);
    batchTrigger(f);
    f.ws.core.faultHook = null;
    f.ws.core.killAfterCalls = null;
    expect(f.ws.mail.sent).toHaveLength(1);
    const first = Number(f.ws.mail.sent[0].to.replace(/^applicant(\d+)@.*$/, '$1'));
    const others = [1, 2, 3].filter((i) => i !== first);
    // The same account sends one other message (the managers' notice, another script …).
    otherMailOfTheAccount(f);
    hourlySweep(f);
    expect(statusOf(f, first)).toBe(UNKNOWN);
    expect(logOf(f, first)![logColumn('status')]).toBe(t('log.unknown'));
    expect(others.map((i) => statusOf(f, i))).toEqual([SENT, SENT]);
    expect([1, 2, 3].map((i) => mailsTo(f, `applicant${i}@example.ge`))).toEqual([1, 1, 1]);
    // The menu's summary counts it once, when found; later sweeps never resend it.
    hourlySweep(f);
    f.ws.script.runClockUntil(f.ws.core.now() + 26 * HOUR);
    expect(mailsTo(f, `applicant${first}@example.ge`)).toBe(1);
    expect(statusOf(f, first)).toBe(UNKNOWN);
  });

  test('the run that finds an unfinished send counts it as unknown in its result', () => {
    const f = workbook();
    f.ws.core.faultHook = (service, method, core) => {
      if (service === 'MailApp' && method === 'sendEmail') core.killAfterCalls = 1;
    };
    paste(f, 2, [caseRow(1)], false);
    batchTrigger(f);
    f.ws.core.faultHook = null;
    f.ws.core.killAfterCalls = null;
    f.ws.run('menuSendInvitations', 'menu');
    expect(f.ws.spreadsheets.ui.shown.at(-1)!.message).toContain(t('invite.summary_unknown', { count: 1 }));
    expect(statusOf(f, 1)).toBe(UNKNOWN);
  });
});

describe('the menu answer speaks of the whole (issue 19)', () => {
  test('after the hourly sweep sent the batch, a click says none new, how many went before, and that the batch is done', () => {
    const f = workbook();
    paste(f, 2, [caseRow(1), caseRow(2), caseRow(3)], false);
    batchTrigger(f);
    expect(f.ws.mail.sent).toHaveLength(3);
    f.ws.run('menuSendInvitations', 'menu');
    const answer = f.ws.spreadsheets.ui.shown.at(-1)!.message;
    expect(answer).toContain(t('invite.summary_sent', { count: 0 }));
    expect(answer).toContain(t('invite.overall_before', { count: 3, total: 3 }));
    expect(answer).toContain(t('invite.overall_batch_done', { hour: 0 }));
    expect(f.ws.mail.sent).toHaveLength(3);
  });

  test('before the batch hour a click says when the batch goes and that it sends nothing now', () => {
    const f = workbook();
    setSetting(f, 'inviteHour', '23');
    // The next morning, 08:00 in Tbilisi: well before the batch hour.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tbilisi' }).format(new Date(f.ws.core.now()));
    f.ws.core.setNow(new Date(`${today}T08:00:00+04:00`).getTime() + 24 * HOUR);
    paste(f, 2, [caseRow(1)], false);
    f.ws.run('menuSendInvitations', 'menu');
    const answer = f.ws.spreadsheets.ui.shown.at(-1)!.message;
    expect(f.ws.mail.sent).toHaveLength(0);
    expect(answer).toContain(t('invite.overall_batch_later', { hour: 23 }));
    expect(answer).toContain(t('invite.overall_before', { count: 0, total: 0 }));
  });
});

describe('case numbers', () => {
  test('a case number corrected after closing keeps its invitation: one mail, and the log follows the number', () => {
    const f = workbook();
    paste(f, 2, [caseRow(1)]);
    expect(mailsTo(f, 'applicant1@example.ge')).toBe(1);
    f.ws.spreadsheets.userEdit(f.spreadsheetId, APPS, 'A2', [['01-2026-0999']]);
    hourlySweep(f);
    f.ws.run('menuSendInvitations', 'menu');
    expect(mailsTo(f, 'applicant1@example.ge')).toBe(1);
    expect(apps(f)[0][column('inviteStatus')]).toBe(SENT);
    const sentRows = dataRows(f, LOG).filter((r) => r[logColumn('status')] === SENT);
    expect(sentRows.map((r) => r[logColumn('caseId')])).toEqual(['01-2026-0999']);
  });

  test('a corrected number the edit trigger never saw (a block paste) is recognised by its address: no second mail', () => {
    const f = workbook();
    paste(f, 2, [caseRow(1), caseRow(2)]);
    // Both rows pasted again with new numbers: no oldValue for a range.
    paste(f, 2, [caseRow(1, { id: '01-2026-0101' }), caseRow(2, { id: '01-2026-0102' })]);
    hourlySweep(f);
    expect(f.ws.mail.sent).toHaveLength(2);
    expect(apps(f).map((r) => r[column('inviteStatus')])).toEqual([SENT, SENT]);
  });

  test('"0042" stays "0042" in the tab and the log: a later sweep does not take it for a new case', () => {
    const f = workbook();
    paste(f, 2, [caseRow(1, { id: '0042' })]);
    hourlySweep(f);
    f.ws.run('menuSendInvitations', 'menu');
    expect(f.ws.mail.sent).toHaveLength(1);
    expect(apps(f)[0][column('caseId')]).toBe('0042');
    expect(dataRows(f, LOG).map((r) => r[logColumn('caseId')])).toEqual(['0042']);
  });

  test('fixing the number of a refused duplicate moves nothing: the first row keeps its record, the fixed row is invited', () => {
    const f = workbook();
    paste(f, 2, [caseRow(1)]);
    paste(f, 3, [caseRow(1, { email: 'other@example.ge' })]);
    expect(apps(f)[1][column('inviteStatus')]).toBe(t('invite.duplicate_case_id'));
    f.ws.spreadsheets.userEdit(f.spreadsheetId, APPS, 'A3', [['01-2026-0777']]);
    dailyBatch(f);
    expect(f.ws.mail.sent.map((m) => m.to)).toEqual(['applicant1@example.ge', 'other@example.ge']);
    expect(apps(f).map((r) => r[column('inviteStatus')])).toEqual([SENT, SENT]);
  });

  test('a second row with the same number is refused with a reason; the first row stays sent', () => {
    const f = workbook();
    paste(f, 2, [caseRow(1)]);
    // Another applicant typed under the same number, above and below the first.
    paste(f, 3, [caseRow(1, { email: 'other@example.ge' })]);
    f.ws.spreadsheets.userEdit(f.spreadsheetId, APPS, 'A4:G4', [caseRow(1, { email: 'third@example.ge', status: IN_REVIEW })]);
    hourlySweep(f);
    expect(f.ws.mail.sent.map((m) => m.to)).toEqual(['applicant1@example.ge']);
    const statuses = apps(f).map((r) => r[column('inviteStatus')]);
    expect(statuses).toEqual([SENT, t('invite.duplicate_case_id'), t('invite.duplicate_case_id')]);
  });

  test('a duplicate inserted above the invited row does not take its status', () => {
    const f = workbook();
    paste(f, 2, [caseRow(1)]);
    // A row above: the same number, another address; the invited row moves down (pasted back).
    const invited = apps(f)[0].slice(0, 7);
    paste(f, 2, [caseRow(1, { email: 'other@example.ge' }), invited]);
    hourlySweep(f);
    expect(f.ws.mail.sent.map((m) => m.to)).toEqual(['applicant1@example.ge']);
    expect(apps(f).map((r) => r[column('inviteStatus')])).toEqual([t('invite.duplicate_case_id'), SENT]);
  });
});

describe('privacy', () => {
  test('every closed case loses its email after emailRetentionDays, whatever its invitation became, in one write', () => {
    const f = workbook();
    setSetting(f, 'emailRetentionDays', '30');
    paste(f, 2, [
      caseRow(1),
      caseRow(2, { service: ka('funeral') }),
      caseRow(3, { status: IN_REVIEW }),
      caseRow(5, { email: 'nino.example.ge' }),
      caseRow(6, { email: 'a6@example.ge, b6@example.ge' }),
    ]);
    f.ws.script.runClockUntil(f.ws.core.now() + 20 * 24 * HOUR);
    paste(f, 7, [caseRow(4)]);
    const emails = (): unknown[] => apps(f).map((r) => r[column('email')]);
    expect(emails()).toEqual([
      'applicant1@example.ge',
      'applicant2@example.ge',
      'applicant3@example.ge',
      'nino.example.ge',
      'a6@example.ge, b6@example.ge',
      'applicant4@example.ge',
    ]);
    // No status cell quotes an address, not even an invalid one.
    expect(JSON.stringify(apps(f).map((r) => r[column('inviteStatus')]))).not.toMatch(/@|example/);

    f.ws.core.setNow(f.ws.core.now() + 11 * 24 * HOUR);
    // clearExpiredEmails runs first in dailyJobs: count the writes made before it reports.
    const from = f.ws.core.logs.length;
    const reported = (): boolean => f.ws.core.logs.slice(from).some((l) => l.includes('dailyJobs/clearExpiredEmails'));
    let writes = 0;
    f.ws.core.faultHook = (service, method) => {
      if (service === 'SpreadsheetApp' && method === 'setValues' && !reported()) writes++;
    };
    f.ws.core.invoke('dailyJobs', 'time', {});
    f.ws.core.faultHook = null;
    expect(f.ws.core.logs.slice(from).some((l) => /dailyJobs\/clearExpiredEmails: 4$/.test(l))).toBe(true);
    expect(writes).toBe(1);
    // Invited, opted out, invalid and several addresses alike; case 3 is open, case 4 recent.
    expect(emails()).toEqual(['', '', 'applicant3@example.ge', '', '', 'applicant4@example.ge']);
    expect(statusOf(f, 1)).toBe(SENT);
    // The invitation record keeps case, service, status and time, never the address.
    expect(JSON.stringify(dataRows(f, LOG))).not.toMatch(/applicant|@|example/);
    expect(JSON.stringify(apps(f))).not.toMatch(/nino|a6@|b6@/);
  });
});
