import { LockServiceFake } from '../lock';
import { newCore } from './support';

function setup() {
  const core = newCore();
  core.advanceClockOnCalls = false;
  const locks = new LockServiceFake(core);
  return { core, locks, app: locks.app };
}

describe('LockService', () => {
  test('a nested execution cannot take a lock the outer one holds: tryLock waits out its timeout and returns false', () => {
    const { core, app } = setup();
    core.runExecution('outer', 'installable', () => {
      expect(app.getScriptLock().tryLock(1000)).toBe(true);
      const before = core.now();
      const inner = core.runExecution('inner', 'installable', () => {
        const lock = app.getScriptLock();
        const got = lock.tryLock(10_000);
        return { got, has: lock.hasLock() };
      });
      expect(inner).toEqual({ got: false, has: false });
      expect(core.now() - before).toBe(10_000);
    });
  });

  test("waitLock throws Google's message after the clock advanced by the timeout", () => {
    const { core, app } = setup();
    core.runExecution('outer', 'installable', () => {
      app.getScriptLock().waitLock(1000);
      const before = core.now();
      expect(() => core.runExecution('inner', 'installable', () => app.getScriptLock().waitLock(30_000))).toThrow(
        'Lock timeout: another process was holding the lock for too long.',
      );
      expect(core.now() - before).toBe(30_000);
    });
  });

  test('locks are released when their execution ends, and by releaseLock', () => {
    const { core, locks, app } = setup();
    core.runExecution('first', 'installable', () => app.getScriptLock().waitLock(1000));
    expect(locks.holderOf('script')).toBeUndefined();
    core.runExecution('second', 'installable', () => {
      const lock = app.getScriptLock();
      expect(lock.hasLock()).toBe(false);
      lock.waitLock(1000);
      expect(lock.hasLock()).toBe(true);
      lock.releaseLock();
      expect(lock.hasLock()).toBe(false);
      expect(core.runExecution('nested', 'installable', () => app.getScriptLock().tryLock(0))).toBe(true);
    });
  });

  test('user locks are per user; script lock is shared', () => {
    const { core, app } = setup();
    core.runExecution('outer', 'installable', () => {
      app.getUserLock().waitLock(1);
      expect(core.runExecution('other', 'installable', () => app.getUserLock().tryLock(1), 'someone@example.com')).toBe(true);
    });
  });

  test('a wait past the execution time limit ends the execution', () => {
    const { core, app } = setup();
    core.runExecution('outer', 'installable', () => {
      app.getScriptLock().waitLock(1);
      expect(() =>
        core.runExecution('onEdit', 'simple', () => {
          app.getScriptLock().tryLock(60_000);
        }),
      ).toThrow('Exceeded maximum execution time');
    });
  });
});
