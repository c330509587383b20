/**
 * The fault injector itself (./harness.ts); the seeded worlds that use it are ./worlds.ts, one
 * test file each.
 */
import { setUpWorkbook } from '../support/workbook';
import { TABS } from '../../src/domain/schema';
import { installFaults, prng, removeFaults } from './harness';

describe('the fault injector', () => {
  test("fails service calls of running executions with Google's messages, and never the harness's own calls", () => {
    const fx = setUpWorkbook();
    const stats = installFaults(fx.ws, prng(7), { failRate: 1, concurrencyRate: 0, concurrentHandler: 'hourlySweep' }, fx.spreadsheetId);
    // The harness reading the workbook is not an execution of the script: nothing fails.
    const sheet = fx.ws.spreadsheets.spreadsheetFor(fx.spreadsheetId).getSheetByName(TABS.settings.name);
    expect(sheet?.getRange(1, 1).getValue()).not.toBe('');
    expect(stats.thrown).toBe(0);
    fx.ws.core.invoke('hourlySweep', 'time', {});
    expect(stats.thrown).toBeGreaterThan(0);
    expect(fx.ws.core.triggerFailures.map((f) => f.handler)).toContain('hourlySweep');
    expect(fx.ws.core.logs.join('\n')).toMatch(
      /Service (Spreadsheets|Forms|Drive|Documents|unavailable)|We're sorry, a server error occurred|too many LockService operations/,
    );
    removeFaults(fx.ws);
  });

  test('with nothing to inject it injects nothing, which the seeded runs above would refuse', () => {
    const fx = setUpWorkbook();
    const stats = installFaults(fx.ws, prng(7), { failRate: 0, concurrencyRate: 0, concurrentHandler: 'hourlySweep' }, fx.spreadsheetId);
    fx.ws.core.invoke('hourlySweep', 'time', {});
    expect(stats).toEqual({ thrown: 0, concurrent: 0 });
    expect(fx.ws.core.triggerFailures).toEqual([]);
  });
});
