/**
 * The fakes behave as Google does in the world a deployment lives in (environment.ts): the
 * account type (Workspace-only Forms settings, mail and trigger-runtime quotas), the admin's
 * sharing policy, who may answer a new form, and the Advanced Drive service a manifest enables.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRIGGER_RUNTIME_EXCEEDED } from '../core';
import { environment, type EnvironmentName } from '../environment';
import type { Workspace } from '../workspace';
import { OWNER, newWorkspace } from './support';

const NEED_PERMISSION = /^You need permission/;
const HOUR = 3_600_000;

function world(name: EnvironmentName, changes: Parameters<typeof environment>[1] = {}): Workspace {
  return newWorkspace({ environment: environment(name, changes) });
}

/** A published form with one question, as a script makes it. */
function publishedForm(ws: Workspace) {
  const form = ws.forms.app.create('Survey file');
  form.addTextItem().setTitle('Q');
  form.setPublished(true);
  return form;
}

describe('FormApp in each environment', () => {
  test('create(name) names the Drive file; the title respondents see stays empty until setTitle', () => {
    const ws = world('consumer');
    const form = ws.forms.app.create('Survey file');
    expect(form.getTitle()).toBe('');
    expect(ws.drive.app.getFileById(form.getId()).getName()).toBe('Survey file');
    expect(ws.forms.snapshot(form.getId())).toMatchObject({ title: '', name: 'Survey file' });
    form.setTitle('What did you think?');
    expect(form.getTitle()).toBe('What did you think?');
    expect(ws.forms.snapshot(form.getId()).name).toBe('Survey file');
  });

  test('setRequireLogin and setLimitOneResponsePerUser throw on a consumer account, work on Workspace', () => {
    const consumer = world('consumer').forms.app.create('F');
    expect(() => consumer.setRequireLogin(false)).toThrow('available only for forms created by Google Workspace users');
    expect(() => consumer.setLimitOneResponsePerUser(false)).toThrow('available only for forms created by Google Workspace users');
    expect(consumer.requiresLogin()).toBe(false);
    const workspace = world('workspace').forms.app.create('F');
    expect(workspace.setRequireLogin(true).requiresLogin()).toBe(true);
    expect(workspace.setLimitOneResponsePerUser(true).hasLimitOneResponsePerUser()).toBe(true);
  });

  test('on a consumer account anyone with the link may respond, signed in or not', () => {
    const ws = world('consumer');
    const form = publishedForm(ws);
    ws.forms.respond(form.getId(), { Q: 'anonymous' });
    ws.forms.respond(form.getId(), { Q: 'someone' }, { respondent: 'someone@gmail.com' });
    expect(form.getResponses()).toHaveLength(2);
    expect(ws.forms.snapshot(form.getId()).responders).toEqual(['anyone']);
  });

  test("on Workspace a new form admits only the domain: the public gets Google's 'You need permission'", () => {
    const ws = world('workspace');
    const form = publishedForm(ws);
    expect(ws.forms.snapshot(form.getId()).responders).toEqual(['domain:example.ge']);
    expect(() => ws.forms.respond(form.getId(), { Q: 'citizen' })).toThrow(NEED_PERMISSION);
    expect(() => ws.forms.respond(form.getId(), { Q: 'citizen' }, { respondent: 'citizen@gmail.com' })).toThrow(NEED_PERMISSION);
    ws.forms.respond(form.getId(), { Q: 'clerk' }, { respondent: 'clerk@example.ge' });
    ws.forms.respond(form.getId(), { Q: 'owner' }, { respondent: OWNER });
    expect(form.getResponses().map((r) => r.getItemResponses()[0].getResponse())).toEqual(['clerk', 'owner']);
  });

  test('a form that requires sign-in admits only the domain, whatever its responders', () => {
    const ws = world('workspace', { formResponders: 'anyone' });
    const form = publishedForm(ws);
    form.setRequireLogin(true);
    expect(() => ws.forms.respond(form.getId(), { Q: 'x' })).toThrow(NEED_PERMISSION);
    ws.forms.respond(form.getId(), { Q: 'x' }, { respondent: 'clerk@example.ge' });
  });
});

describe('the Advanced Drive service (v3)', () => {
  test("granting 'anyone' on the published view opens a Workspace form to the public; list shows it", () => {
    const ws = world('workspace');
    const form = publishedForm(ws);
    const Drive = ws.drive.advanced;
    const made = Drive.Permissions.create({ type: 'anyone', view: 'published', role: 'reader' }, form.getId());
    expect(made).toMatchObject({ type: 'anyone', view: 'published', role: 'reader' });
    ws.forms.respond(form.getId(), { Q: 'citizen' });
    const listed = Drive.Permissions.list(form.getId()).permissions ?? [];
    expect(listed.map((p) => [p.type, p.role, p.view ?? ''])).toEqual([
      ['user', 'owner', ''],
      ['domain', 'reader', 'published'],
      ['anyone', 'reader', 'published'],
    ]);
    // granted again: the same permission, not a second one
    Drive.Permissions.create({ type: 'anyone', view: 'published', role: 'reader' }, form.getId());
    expect(Drive.Permissions.list(form.getId()).permissions).toHaveLength(3);
    expect(ws.core.callSummary().byMethod['Drive.Permissions.create']).toBe(2);
  });

  test('Files.remove deletes a file for good (not to the trash); a second remove is a 404', () => {
    const ws = world('workspace');
    const file = ws.drive.app.createFile('list.csv', 'name,phone');
    const id = file.getId();
    ws.drive.advanced.Files.remove(id);
    expect(ws.drive.index().some((row) => row.id === id)).toBe(false);
    expect(() => ws.drive.app.getFileById(id)).toThrow(/No item with the given ID/);
    expect(() => ws.drive.advanced.Files.remove(id)).toThrow(`API call to drive.files.delete failed with error: File not found: ${id}.`);
  });

  test("grants a form's published view to anyone where link sharing is forbidden but the Forms override is on (Google's default)", () => {
    const ws = world('workspace-strict');
    const form = publishedForm(ws);
    expect(() => ws.forms.respond(form.getId(), { Q: 'citizen' })).toThrow(NEED_PERMISSION);
    ws.drive.advanced.Permissions.create({ type: 'anyone', view: 'published', role: 'reader' }, form.getId());
    ws.forms.respond(form.getId(), { Q: 'citizen' });
    // …while a file still cannot be shared by link there.
    const file = ws.drive.app.createFile('a.txt', 'x');
    expect(() => ws.drive.advanced.Permissions.create({ type: 'anyone', role: 'reader' }, file.getId())).toThrow(
      /^API call to drive\.permissions\.create failed with error: /,
    );
  });

  test("refuses 'anyone' on a form where the admin turned the Forms override off; the form stays closed to the public", () => {
    const ws = world('workspace-strict', { formsExternalResponses: 'blocked' });
    const form = publishedForm(ws);
    expect(() => ws.drive.advanced.Permissions.create({ type: 'anyone', view: 'published', role: 'reader' }, form.getId())).toThrow(
      /^API call to drive\.permissions\.create failed with error: /,
    );
    expect(() => ws.forms.respond(form.getId(), { Q: 'citizen' })).toThrow(NEED_PERMISSION);
  });

  test('an anyone permission without a view is link sharing, the same state DriveApp reads', () => {
    const ws = world('consumer');
    const file = ws.drive.app.createFile('a.txt', 'x');
    ws.drive.advanced.Permissions.create({ type: 'anyone', role: 'reader' }, file.getId());
    expect(String(file.getSharingAccess())).toBe('ANYONE_WITH_LINK');
    expect(String(file.getSharingPermission())).toBe('VIEW');
    expect(() => ws.drive.advanced.Permissions.create({ type: 'anyone', role: 'reader' }, 'nope')).toThrow('File not found: nope.');
    expect(() => ws.drive.advanced.Permissions.create({ role: 'reader' }, file.getId())).toThrow('The permission type field is required.');
    expect(() => ws.drive.advanced.Permissions.create({ type: 'anyone', view: 'published', role: 'reader' }, file.getId())).toThrow('Invalid permission value');
  });

  test('is a global only where the manifest enables it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gas-bundle-'));
    try {
      writeFileSync(join(dir, 'Code.js'), 'function hasDrive() { return typeof Drive !== "undefined" && typeof Drive.Permissions.list === "function"; }\n');
      const without = newWorkspace();
      without.loadBundle(dir);
      expect(without.run('hasDrive')).toBe(false);
      writeFileSync(
        join(dir, 'appsscript.json'),
        JSON.stringify({ dependencies: { enabledAdvancedServices: [{ userSymbol: 'Drive', serviceId: 'drive', version: 'v3' }] } }),
      );
      const withDrive = newWorkspace();
      withDrive.loadBundle(dir);
      expect(withDrive.run('hasDrive')).toBe(true);
      writeFileSync(
        join(dir, 'appsscript.json'),
        JSON.stringify({ dependencies: { enabledAdvancedServices: [{ userSymbol: 'Drive', serviceId: 'drive', version: 'v2' }] } }),
      );
      expect(() => newWorkspace().loadBundle(dir)).toThrow('only Drive API v3');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('DriveApp sharing in each environment', () => {
  test('ANYONE and ANYONE_WITH_LINK throw where the admin blocks sharing; DOMAIN works there', () => {
    const ws = world('workspace-strict');
    const { Access, Permission } = ws.drive.app;
    const folder = ws.drive.app.createFolder('Public');
    expect(() => folder.setSharing(Access.ANYONE_WITH_LINK, Permission.VIEW)).toThrow('Action not allowed');
    expect(() => folder.setSharing(Access.ANYONE, Permission.VIEW)).toThrow('Action not allowed');
    expect(String(folder.getSharingAccess())).toBe('PRIVATE');
    folder.setSharing(Access.DOMAIN_WITH_LINK, Permission.VIEW);
    expect(String(folder.getSharingAccess())).toBe('DOMAIN_WITH_LINK');
  });

  test('DOMAIN and DOMAIN_WITH_LINK throw on a consumer account', () => {
    const ws = world('consumer');
    const { Access, Permission } = ws.drive.app;
    const file = ws.drive.app.createFile('a.txt', 'x');
    expect(() => file.setSharing(Access.DOMAIN, Permission.VIEW)).toThrow('Action not allowed');
    expect(() => file.setSharing(Access.DOMAIN_WITH_LINK, Permission.VIEW)).toThrow('Action not allowed');
    file.setSharing(Access.ANYONE_WITH_LINK, Permission.VIEW);
    expect(String(file.getSharingAccess())).toBe('ANYONE_WITH_LINK');
  });

  test('a file made in (or moved into) a folder shared by link inherits that access; one moved out loses it', () => {
    const ws = world('consumer');
    const { Access, Permission } = ws.drive.app;
    const folder = ws.drive.app.createFolder('Public');
    const before = folder.createFile('old.txt', 'x');
    folder.setSharing(Access.ANYONE_WITH_LINK, Permission.VIEW);
    const made = folder.createFile('report.pdf', 'x');
    const sub = folder.createFolder('sub');
    const deep = sub.createFile('deep.txt', 'x');
    for (const item of [before, made, sub, deep]) expect([item.getName(), String(item.getSharingAccess())]).toEqual([item.getName(), 'ANYONE_WITH_LINK']);
    const loose = ws.drive.app.createFile('loose.txt', 'x');
    expect(String(loose.getSharingAccess())).toBe('PRIVATE');
    loose.moveTo(folder);
    expect(String(loose.getSharingAccess())).toBe('ANYONE_WITH_LINK');
    loose.moveTo(ws.drive.app.getRootFolder());
    expect(String(loose.getSharingAccess())).toBe('PRIVATE');
    // sharing set on the item itself stays when it moves
    const own = ws.drive.app.createFile('own.txt', 'x').setSharing(Access.ANYONE, Permission.COMMENT);
    own.moveTo(folder);
    own.moveTo(ws.drive.app.getRootFolder());
    expect([String(own.getSharingAccess()), String(own.getSharingPermission())]).toEqual(['ANYONE', 'COMMENT']);
  });
});

describe('MailApp quota by account', () => {
  test('100 recipients a day on a consumer account, 1,500 on Workspace, unless the caller sets one', () => {
    expect(world('consumer').mail.remaining()).toBe(100);
    expect(world('workspace').mail.remaining()).toBe(1500);
    expect(newWorkspace({ environment: environment('workspace'), mailQuotaPerDay: 20 }).mail.remaining()).toBe(20);
    const ws = world('workspace');
    ws.mail.setDailyQuota(7);
    expect(ws.mail.remaining()).toBe(7);
  });

  test("the account's other mail draws on the same quota every day", () => {
    const ws = world('consumer', { otherMailPerDay: 98 });
    const send = (to: string) => ws.core.runExecution('send', 'direct', () => ws.mail.app.sendEmail(to, 's', 'b'));
    expect(ws.core.runExecution('q', 'direct', () => ws.mail.app.getRemainingDailyQuota())).toBe(2);
    send('a@example.com');
    send('b@example.com');
    expect(() => send('c@example.com')).toThrow('Service invoked too many times for one day: email.');
    ws.core.advance(24 * HOUR);
    send('c@example.com');
    expect(ws.mail.remaining()).toBe(1);
  });
});

describe('daily trigger runtime', () => {
  const MINUTE = 60_000;
  function busyWorld(name: EnvironmentName) {
    // calls cost nothing here: the handler's own clock moves are the runtime
    const ws = newWorkspace({ environment: environment(name), costs: {} });
    const runs: number[] = [];
    // every run works for 4 minutes of simulated time, calling a service each minute
    ws.core.invoker = () => {
      runs.push(ws.core.now());
      for (let i = 0; i < 4; i++) {
        ws.core.advance(MINUTE);
        ws.core.call('Utilities', 'sleep');
      }
      return undefined;
    };
    ws.script.app.newTrigger('work').timeBased().everyMinutes(10).create();
    return { ws, runs };
  }

  test('a consumer account runs triggers for 90 minutes a day; then they fail until the period ends', () => {
    const { ws, runs } = busyWorld('consumer');
    const start = ws.core.now();
    ws.script.runClockUntil(start + 4 * HOUR);
    // 4 min each: 22 runs take 88 min; the 23rd is stopped at the limit; the 24th does not start
    expect(runs).toHaveLength(23);
    expect(ws.core.triggerFailures.map((f) => [(f.at - start) / MINUTE, f.message])).toEqual([
      [230 + 3, TRIGGER_RUNTIME_EXCEEDED],
      [240, TRIGGER_RUNTIME_EXCEEDED],
    ]);
    expect(ws.core.triggerRuntimeLeft(OWNER)).toBe(0);
    // 24 hours after the first run of the period the quota is back
    ws.script.runClockUntil(start + 24 * HOUR + 30 * MINUTE);
    expect(runs.filter((at) => at > start + 24 * HOUR).length).toBe(3);
  });

  test('a Workspace account has 6 hours a day', () => {
    const { ws, runs } = busyWorld('workspace');
    ws.script.runClockUntil(ws.core.now() + 4 * HOUR);
    expect(runs).toHaveLength(24);
    expect(ws.core.triggerFailures).toEqual([]);
    expect(ws.core.triggerRuntimeLeft(OWNER)).toBe(6 * HOUR - 24 * 4 * MINUTE);
  });

  test('form-submit (installable) triggers draw on the same budget; direct runs and menus do not', () => {
    const ws = world('consumer');
    ws.core.triggerRuntimePerDayMs = 60_000;
    let ran = 0;
    ws.core.invoker = () => {
      ran++;
      ws.core.advance(40_000);
      return undefined;
    };
    ws.core.invoke('menu', 'menu', undefined);
    ws.core.invoke('onSubmit', 'installable', undefined);
    ws.core.invoke('onSubmit', 'installable', undefined);
    ws.core.invoke('onSubmit', 'installable', undefined);
    expect(ran).toBe(3);
    expect(ws.core.triggerFailures.map((f) => f.message)).toEqual([TRIGGER_RUNTIME_EXCEEDED]);
  });
});

describe('daily trigger runtime: the record of executions and the quota period', () => {
  const MINUTE = 60_000;

  test('each trigger execution is recorded with what it was charged: ran, stopped mid-run, refused', () => {
    const ws = newWorkspace({ environment: environment('consumer'), costs: {} });
    ws.core.triggerRuntimePerDayMs = 10 * MINUTE;
    ws.core.invoker = () => {
      for (let i = 0; i < 4; i++) {
        ws.core.advance(MINUTE);
        ws.core.call('Utilities', 'sleep');
      }
      return undefined;
    };
    ws.script.app.newTrigger('work').timeBased().everyHours(1).create();
    const start = ws.core.now();
    ws.script.runClockUntil(start + 4 * HOUR);
    expect(ws.core.triggerExecutions.map((e) => [e.handler, e.kind, e.outcome, e.ms / MINUTE])).toEqual([
      ['work', 'time', 'ran', 4],
      ['work', 'time', 'ran', 4],
      ['work', 'time', 'stopped', 3],
      ['work', 'time', 'refused', 0],
    ]);
    const first = ws.core.triggerExecutions[0].at;
    expect(ws.core.triggerExecutions.every((e) => e.periodStart === first && e.user === OWNER)).toBe(true);
    // the period is a rolling 24 hours from the first run, not a calendar day
    expect(ws.core.triggerRuntimePeriod(OWNER)).toEqual({ start: first, resetsAt: first + 24 * HOUR, usedMs: 11 * MINUTE, budgetMs: 10 * MINUTE });
    // the refused slots are skipped, not queued: the trigger runs again once the period has ended
    ws.script.runClockUntil(first + 24 * HOUR + 30 * MINUTE);
    const after = ws.core.triggerExecutions.filter((e) => e.at >= first + 24 * HOUR);
    expect(after.map((e) => e.outcome)).toEqual(['ran']);
    expect(after[0].periodStart).toBe(after[0].at);
    expect(ws.core.triggerRuntimePeriod(OWNER)?.usedMs).toBe(4 * MINUTE);
  });

  test('installable edit triggers are charged and refused like time-driven ones; the simple onEdit is not', () => {
    const ws = newWorkspace({ environment: environment('workspace'), costs: {} });
    ws.core.triggerRuntimePerDayMs = 2 * MINUTE;
    const ss = ws.spreadsheets.create('Book');
    ws.spreadsheets.setActive(ss.getId());
    const ran: string[] = [];
    ws.core.hasHandler = (name) => name === 'onEdit';
    ws.core.invoker = (handler) => {
      ran.push(handler);
      ws.core.advance(MINUTE);
      return undefined;
    };
    ws.script.app.newTrigger('edited').forSpreadsheet(ss.getId()).onEdit().create();
    const tab = ss.getSheets()[0].getName();
    for (let i = 0; i < 3; i++) ws.spreadsheets.userEdit(ss.getId(), tab, 'A1', [[`v${i}`]]);
    // the simple onEdit runs every time; the installable one twice, then is refused
    expect(ran).toEqual(['onEdit', 'edited', 'onEdit', 'edited', 'onEdit']);
    expect(ws.core.triggerExecutions.map((e) => [e.handler, e.kind, e.outcome])).toEqual([
      ['edited', 'installable', 'ran'],
      ['edited', 'installable', 'ran'],
      ['edited', 'installable', 'refused'],
    ]);
    expect(ws.core.triggerFailures.map((f) => [f.handler, f.message])).toEqual([['edited', TRIGGER_RUNTIME_EXCEEDED]]);
  });
});
