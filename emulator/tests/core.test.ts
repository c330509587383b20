/**
 * The execution model every fake shares: Google's time limits, what a killed execution can still
 * do, and whose account a run uses.
 * https://developers.google.com/apps-script/guides/services/quotas#current_limitations
 */
import { newCore, newWorkspace } from './support';

/** A core whose every `Test.op` call costs 10 s of modelled time. */
function setup() {
  const core = newCore({ now: '2026-01-05T09:00:00+04:00', costs: { Test: 10_000 } });
  return { core, op: () => core.call('Test', 'op') };
}

describe('execution time limits', () => {
  test.each([
    ['installable', 6 * 60_000],
    ['menu', 6 * 60_000],
    ['time', 6 * 60_000],
    ['simple', 30_000],
  ] as const)("a %s execution is stopped past %i ms with Apps Script's message", (kind, limit) => {
    const { core, op } = setup();
    let done = 0;
    expect(() =>
      core.runExecution('job', kind, () => {
        for (;;) {
          op();
          done++;
        }
      }),
    ).toThrow('Exceeded maximum execution time');
    expect(done).toBe(limit / 10_000);
    expect(core.executions).toEqual([]);
  });

  test('a killed execution reaches no service again: a catch block cannot write its way out', () => {
    const { core, op } = setup();
    const after: string[] = [];
    expect(() =>
      core.runExecution('sweep', 'time', () => {
        try {
          for (;;) op();
        } catch {
          try {
            op();
          } catch (err) {
            after.push((err as Error).message);
          }
        }
        op();
      }),
    ).toThrow('Exceeded maximum execution time');
    expect(after).toEqual(['Exceeded maximum execution time']);
  });

  test('a time-driven run that overruns is logged as a trigger failure; the next execution starts afresh', () => {
    const { core, op } = setup();
    core.invoker = () => {
      for (;;) op();
    };
    expect(core.invoke('hourlySweep', 'time', {})).toBeUndefined();
    expect(core.triggerFailures.map((f) => [f.handler, f.message])).toEqual([['hourlySweep', 'Exceeded maximum execution time']]);
    core.invoker = () => {
      op();
      return core.elapsed();
    };
    expect(core.invoke('hourlySweep', 'time', {})).toBe(10_000);
  });

  test('calls made outside any execution (the harness) are never stopped', () => {
    const { core, op } = setup();
    for (let i = 0; i < 100; i++) op();
    expect(core.calls.get('Test.op')).toBe(100);
  });
});

describe('a killed execution and the user interface', () => {
  test('cannot show an alert or a prompt any more (Google has stopped the script)', () => {
    const ws = newWorkspace();
    const ui = ws.spreadsheets.ui;
    ws.core.runExecution('menuX', 'menu', () => {
      ws.core.killAfterCalls = 0;
      expect(() => ui.alert('x')).toThrow('Exceeded maximum execution time');
      expect(() => ui.prompt('y')).toThrow('Exceeded maximum execution time');
    });
    expect(ui.shown).toEqual([]);
  });
});
