/**
 * The daily trigger runtime (quotas page, "Triggers total runtime": 90 min / day consumer, 6 h
 * Workspace) is spent by every trigger run: an edit anywhere, each form submission, 24 sweeps.
 * What each event may cost, that a services edit only marks work the sweep does, and that a day
 * whose budget runs out loses nothing once the next day's sweep runs.
 */
import { feedbackColumnKey } from '../../src/domain/feedback-row';
import { APPS_SCRIPT_COSTS, TRIGGER_RUNTIME_EXCEEDED } from '../../emulator';
import { TABS } from '../../src/domain/schema';
import { DEFAULT_SERVICES } from '../../src/domain/services';
import { dataRows, formRecord, tabValues } from '../support/tabs';
import { setUpWorkbook, type Fixture } from '../support/workbook';

const SETUP = 'სისტემის მომზადება / განახლება';
const HOUR = 3_600_000;
const PENDING = 'services.pending';

const prop = (fx: Fixture, key: string) => fx.ws.properties.app.getScriptProperties().getProperty(key);

/** Calls by service made by what `event` sets off (the triggers it fires). */
function callsOf(fx: Fixture, event: () => void): { byService: Record<string, number>; byMethod: Record<string, number>; ms: number } {
  fx.ws.core.resetCalls();
  const start = fx.ws.core.now();
  event();
  const { byService, byMethod } = fx.ws.core.callSummary();
  return { byService, byMethod, ms: fx.ws.core.now() - start };
}

function submit(fx: Fixture, overall: number): void {
  const record = formRecord(fx, 'N1');
  fx.ws.forms.respond(record.id, { [String(record.items['n1.service'])]: DEFAULT_SERVICES[0].ka, [String(record.items['n1.overall'])]: overall });
}

describe('per-event cost of the triggers', () => {
  test('an edit of another tab reads the event and returns: no Forms, Properties, Lock or data call', () => {
    const fx = setUpWorkbook({ costs: APPS_SCRIPT_COSTS });
    for (const tab of [TABS.paper.name, TABS.themes.name, TABS.actions.name]) {
      const { byService, byMethod } = callsOf(fx, () => fx.ws.spreadsheets.userEdit(fx.spreadsheetId, tab, 'Z5', [['x']]));
      expect(Object.keys(byService)).toEqual(['SpreadsheetApp']);
      // the edited range's tab name: the event itself
      expect(Object.keys(byMethod).every((m) => ['SpreadsheetApp.getSheet', 'SpreadsheetApp.getName'].includes(m))).toBe(true);
      expect(byService.SpreadsheetApp).toBeLessThanOrEqual(2);
    }
    expect(fx.ws.core.triggerFailures).toEqual([]);
  });

  test('a services edit only marks the work: one property write, no Forms, Docs or Drive call', () => {
    const fx = setUpWorkbook({ costs: APPS_SCRIPT_COSTS });
    const { byService, byMethod, ms } = callsOf(fx, () => fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.services.name, 'B3', [['ახალშობილის დახმარება']]));
    expect(byService.FormApp ?? 0).toBe(0);
    expect(byService.DocumentApp ?? 0).toBe(0);
    expect(byService.DriveApp ?? 0).toBe(0);
    expect(byMethod['PropertiesService.setProperty']).toBe(1);
    expect(ms).toBeLessThan(100);
    expect(prop(fx, PENDING)).not.toBeNull();
  });

  test('the hourly sweep does the marked services work once; an idle sweep does not rebuild', () => {
    const fx = setUpWorkbook({ costs: APPS_SCRIPT_COSTS });
    const n1 = formRecord(fx, 'N1').id;
    fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.services.name, 'B3', [['ახალშობილის დახმარება']]);
    fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.services.name, 'B4', [['შეშის დახმარება']]);
    const busy = callsOf(fx, () => fx.ws.core.invoke('hourlySweep', 'time', {}));
    expect(prop(fx, PENDING)).toBeNull();
    expect(fx.ws.forms.snapshot(n1).items[0].choices).toEqual(expect.arrayContaining(['ახალშობილის დახმარება', 'შეშის დახმარება']));
    expect(busy.byService.DocumentApp ?? 0).toBeGreaterThan(0);
    const idle = callsOf(fx, () => fx.ws.core.invoke('hourlySweep', 'time', {}));
    expect(idle.byService.DocumentApp ?? 0).toBe(0);
    expect(idle.byMethod['FormApp.setChoiceValues'] ?? 0).toBe(0);
    expect(idle.ms).toBeLessThan(busy.ms);
    expect(fx.ws.core.triggerFailures).toEqual([]);
  });

  test('setup run by hand does a marked services edit at once and clears the mark', () => {
    const fx = setUpWorkbook();
    const n1 = formRecord(fx, 'N1').id;
    fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.services.name, 'B3', [['ახალშობილის დახმარება']]);
    fx.click(SETUP);
    expect(prop(fx, PENDING)).toBeNull();
    expect(fx.ws.forms.snapshot(n1).items[0].choices).toContain('ახალშობილის დახმარება');
  });

  test('one form submission costs a small fixed number of calls: the form opened, its new responses, their answers', () => {
    const fx = setUpWorkbook({ costs: APPS_SCRIPT_COSTS });
    fx.ws.core.invoke('hourlySweep', 'time', {});
    for (let i = 1; i <= 3; i++) {
      const { byService, byMethod, ms } = callsOf(fx, () => submit(fx, i));
      // Read from the form itself (the raw store staff cannot open): the same few calls whatever the form holds.
      expect(byMethod['FormApp.openById']).toBe(1);
      expect(byMethod['FormApp.getResponses']).toBe(1);
      expect(byMethod['FormApp.getItemResponses']).toBe(1);
      expect(byService.FormApp).toBeLessThanOrEqual(3);
      const reads = byMethod['SpreadsheetApp.getValues'] ?? 0;
      const writes = (byMethod['SpreadsheetApp.setValues'] ?? 0) + (byMethod['SpreadsheetApp.setValue'] ?? 0);
      // 7: the applicants' names are read once a run, so that a text naming one is flagged on arrival.
      expect(reads).toBeLessThanOrEqual(7);
      expect(writes).toBeLessThanOrEqual(1);
      expect(byService.PropertiesService).toBeLessThanOrEqual(6);
      expect(Object.values(byService).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(45);
      expect(ms).toBeLessThan(2_000);
    }
    expect(dataRows(fx, TABS.feedback.name)).toHaveLength(3);
    expect(fx.ws.core.triggerFailures).toEqual([]);
  });

  test('a question re-worded in the form is still placed by a submission, at no extra call (answers are keyed by item id)', () => {
    const fx = setUpWorkbook();
    const record = formRecord(fx, 'N1');
    const first = callsOf(fx, () => submit(fx, 4)).byService.FormApp;
    fx.ws.forms.app.openById(record.id).getItemById(record.items['n1.overall']).setTitle('საერთო შეფასება (ახალი)');
    expect(callsOf(fx, () => submit(fx, 2)).byService.FormApp).toBe(first);
    const [header, ...rows] = tabValues(fx, TABS.feedback.name);
    const overall = header.findIndex((h) => feedbackColumnKey(String(h)) === 'n1.overall');
    expect(rows.map((r) => r[overall])).toEqual([4, 2]);
    expect(fx.ws.core.triggerFailures).toEqual([]);
  });
});

describe('a day whose trigger runtime runs out', () => {
  test('triggers stop for the rest of the quota period; the next period catches up, nothing lost', () => {
    const fx = setUpWorkbook({ costs: APPS_SCRIPT_COSTS });
    const { core } = fx.ws;
    // a budget a few sweeps wide, so that the test spends it in minutes of simulated time
    // (the catch-up sweep after a services edit rebuilds forms and the paper Doc: ~90 s modelled)
    core.triggerRuntimePerDayMs = 240_000;
    let submitted = 0;
    while (!core.triggerExecutions.some((e) => e.outcome === 'refused')) {
      submit(fx, 1 + (submitted % 5));
      submitted++;
      core.setNow(core.now() + 60_000);
    }
    const refusedAt = core.triggerExecutions.findIndex((e) => e.outcome === 'refused');
    expect(core.triggerFailures.some((f) => f.message === TRIGGER_RUNTIME_EXCEEDED)).toBe(true);
    expect(dataRows(fx, TABS.feedback.name).length).toBeLessThan(submitted);
    // more responses and an edit while the budget is spent: refused, not lost
    submit(fx, 3);
    submitted++;
    fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.services.name, 'B3', [['ახალშობილის დახმარება']]);
    expect(core.triggerExecutions.slice(refusedAt).every((e) => e.outcome === 'refused')).toBe(true);
    // the period ends 24 hours after its first run: the hourly sweep runs again and collects all
    const period = core.triggerRuntimePeriod();
    if (!period) throw new Error('no quota period');
    fx.ws.script.runClockUntil(period.resetsAt + HOUR + 60_000);
    expect(core.triggerExecutions.some((e) => e.at >= period.resetsAt && e.handler === 'hourlySweep' && e.outcome === 'ran')).toBe(true);
    expect(dataRows(fx, TABS.feedback.name)).toHaveLength(submitted);
    // the refused services edit marked nothing, yet the sweep finds the change and carries it
    expect(fx.ws.forms.snapshot(formRecord(fx, 'N1').id).items[0].choices).toContain('ახალშობილის დახმარება');
  });
});
