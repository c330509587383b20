import { ScriptService } from '../script';
import { newCore } from './support';

function setup(now = '2026-01-05T09:00:00+04:00') {
  const core = newCore({ now });
  const runs: Array<{ handler: string; at: number; event: Record<string, unknown>; user?: string }> = [];
  core.invoker = (handler, event) => {
    runs.push({ handler, at: core.now(), event: event as Record<string, unknown>, user: core.current()?.user });
    return undefined;
  };
  const script = new ScriptService(core);
  return { core, script, app: script.app as unknown as GoogleAppsScript.Script.ScriptApp, runs };
}

const HOUR = 3600_000;

describe('ScriptApp triggers', () => {
  test('source triggers are stored in core.triggers with their ids and kinds', () => {
    const { core, app } = setup();
    const t = app.newTrigger('onSubmit').forForm('FORM_ID').onFormSubmit().create();
    const s = app.newTrigger('onEditInstalled').forSpreadsheet('SS_ID').onEdit().create();
    expect(t.getHandlerFunction()).toBe('onSubmit');
    expect(String(t.getEventType())).toBe('ON_FORM_SUBMIT');
    expect(String(t.getTriggerSource())).toBe('FORMS');
    expect(t.getTriggerSourceId()).toBe('FORM_ID');
    expect(t.getUniqueId()).toMatch(/^\d{19}$/);
    expect(core.triggers.map((r) => [r.handler, r.eventType, r.sourceKind, r.sourceId])).toEqual([
      ['onSubmit', 'ON_FORM_SUBMIT', 'FORMS', 'FORM_ID'],
      ['onEditInstalled', 'ON_EDIT', 'SPREADSHEETS', 'SS_ID'],
    ]);
    expect(app.getUserTriggers({ getId: () => 'SS_ID' } as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet).map((x) => x.getUniqueId())).toEqual([
      s.getUniqueId(),
    ]);
    app.deleteTrigger(t);
    expect(app.getProjectTriggers().map((x) => x.getHandlerFunction())).toEqual(['onEditInstalled']);
  });

  test("the 21st trigger of a user is refused with Google's message", () => {
    const { app } = setup();
    for (let i = 0; i < 20; i++) app.newTrigger(`h${i}`).timeBased().everyHours(1).create();
    expect(() => app.newTrigger('h20').timeBased().everyHours(1).create()).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
  });

  test('everyMinutes accepts only 1, 5, 10, 15 or 30', () => {
    const { app } = setup();
    expect(() => app.newTrigger('f').timeBased().everyMinutes(7)).toThrow(
      'The value you passed to everyMinutes was invalid. It must be one of 1, 5, 10, 15 or 30.',
    );
    app.newTrigger('f').timeBased().everyMinutes(15).create();
  });

  test('a run that overruns its next slots skips them instead of catching up', () => {
    const { core, script, app, runs } = setup();
    core.invoker = (handler, event) => {
      runs.push({ handler, at: core.now(), event: event as Record<string, unknown> });
      core.advance(150_000); // each run takes 2.5 minutes of a 1-minute schedule
      return undefined;
    };
    const start = core.now();
    app.newTrigger('sweep').timeBased().everyMinutes(1).create();
    script.runClockUntil(start + 10 * 60_000);
    expect(runs.map((r) => (r.at - start) / 60_000)).toEqual([1, 4, 7, 10]);
  });

  test('everyHours accepts only 1, 2, 4, 6, 8 or 12', () => {
    const { app, core } = setup();
    for (const n of [3, 24, 0]) {
      expect(() => app.newTrigger('f').timeBased().everyHours(n)).toThrow(
        'The value you passed to everyHours was invalid. It must be one of 1, 2, 4, 6, 8 or 12.',
      );
    }
    expect(core.triggers).toHaveLength(0);
    app.newTrigger('f').timeBased().everyHours(6).create();
    expect(core.triggers).toHaveLength(1);
  });

  test('a simple trigger may not create triggers', () => {
    const { core, app } = setup();
    expect(() => core.runExecution('onOpen', 'simple', () => app.newTrigger('f').timeBased().everyHours(1).create())).toThrow(
      'You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
    expect(core.triggers).toHaveLength(0);
  });

  test('runClockUntil runs due triggers in time order with the time-driven event, then sets the clock', () => {
    const { core, script, app, runs } = setup();
    const start = core.now();
    const hourly = app.newTrigger('hourly').timeBased().everyHours(1).create();
    app.newTrigger('halfHourly').timeBased().everyMinutes(30).create();
    script.runClockUntil(start + 2 * HOUR);
    expect(runs.map((r) => [r.handler, (r.at - start) / 60_000])).toEqual([
      ['halfHourly', 30],
      ['hourly', 60],
      ['halfHourly', 60],
      ['halfHourly', 90],
      ['hourly', 120],
      ['halfHourly', 120],
    ]);
    expect(core.now()).toBe(start + 2 * HOUR);
    // 2026-01-05T06:00:00Z, a Monday; the event's fields are in UTC
    expect(runs[1].event.authMode).toBe(app.AuthMode.FULL);
    expect({ ...runs[1].event, authMode: String(runs[1].event.authMode) }).toEqual({
      authMode: 'FULL',
      'day-of-month': 5,
      'day-of-week': 1,
      hour: 6,
      minute: 0,
      month: 1,
      second: 0,
      timezone: 'UTC',
      triggerUid: hourly.getUniqueId(),
      'week-of-year': 2,
      year: 2026,
    });
  });

  test('daily atHour runs within that hour of the script time zone, the same minute every day', () => {
    const { core, script, app, runs } = setup();
    app.newTrigger('digest').timeBased().everyDays(1).atHour(8).create();
    script.runClockUntil(core.now() + 3 * 24 * HOUR);
    expect(runs).toHaveLength(3);
    const local = runs.map((r) => new Date(r.at + 4 * HOUR));
    expect(local.map((d) => d.getUTCHours())).toEqual([8, 8, 8]);
    expect(new Set(local.map((d) => d.getUTCMinutes())).size).toBe(1);
    expect(local.map((d) => d.getUTCDate())).toEqual([6, 7, 8]);
  });

  test('onMonthDay runs monthly; onWeekDay weekly', () => {
    const { core, script, app, runs } = setup();
    app.newTrigger('monthly').timeBased().onMonthDay(1).atHour(6).create();
    app.newTrigger('weekly').timeBased().onWeekDay(app.WeekDay.FRIDAY).atHour(17).create();
    script.runClockUntil(Date.UTC(2026, 2, 15));
    const local = (h: string) => runs.filter((r) => r.handler === h).map((r) => new Date(r.at + 4 * HOUR));
    expect(local('monthly').map((d) => [d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours()])).toEqual([
      [2, 1, 6],
      [3, 1, 6],
    ]);
    expect(local('weekly').every((d) => d.getUTCDay() === 5 && d.getUTCHours() === 17)).toBe(true);
    expect(local('weekly')).toHaveLength(10);
    expect(core.now()).toBe(Date.UTC(2026, 2, 15));
  });

  test('a time-driven trigger runs as the account that created it', () => {
    // https://developers.google.com/apps-script/guides/triggers/installable#restrictions
    const { core, app, script, runs } = setup();
    core.user = 'it@example.com';
    app.newTrigger('hourlySweep').timeBased().everyHours(1).create();
    core.user = 'admin@example.com';
    app.newTrigger('dailyJobs').timeBased().everyHours(1).create();
    script.runClockUntil(core.now() + HOUR + 1000);
    expect(runs.map((r) => [r.handler, r.user])).toEqual([
      ['hourlySweep', 'it@example.com'],
      ['dailyJobs', 'admin@example.com'],
    ]);
  });

  test('one-shot after() runs once and stays installed (spent) until deleted', () => {
    const { core, script, app, runs } = setup();
    app
      .newTrigger('later')
      .timeBased()
      .after(10 * 60_000)
      .create();
    script.runClockUntil(core.now() + 5 * HOUR);
    expect(runs.map((r) => r.handler)).toEqual(['later']);
    expect(app.getProjectTriggers()).toHaveLength(1);
    expect(core.triggers[0].nextRunAt).toBeUndefined();
  });

  test('a handler that deletes its own trigger is not run again', () => {
    const { core, script, app, runs } = setup();
    core.invoker = (handler, event) => {
      runs.push({ handler, at: core.now(), event: event as Record<string, unknown> });
      const mine = app.getProjectTriggers().find((t) => t.getUniqueId() === (event as { triggerUid: string }).triggerUid);
      if (mine) app.deleteTrigger(mine);
      return undefined;
    };
    app.newTrigger('once').timeBased().everyMinutes(5).create();
    script.runClockUntil(core.now() + HOUR);
    expect(runs).toHaveLength(1);
  });
});
