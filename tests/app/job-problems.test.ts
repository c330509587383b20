/**
 * Nothing fails silently: a job of the hourly sweep or the daily jobs that cannot finish leaves a
 * Georgian line in the workbook (one per job, with the last failure time and a count), the
 * self-check lists it as ✗, and the job's next success takes the line away. Loads the built bundle.
 */
import { t } from '../../src/domain/messages';
import { JOB_PROBLEMS_HEADER, JOB_PROBLEMS_TAB } from '../../src/domain/job-problems';
import { TABS } from '../../src/domain/schema';
import { SELF_CHECK_TAB } from '../../src/domain/self-check';
import { at } from '../support/records';
import { setSetting, tabValues } from '../support/tabs';
import { setUpWorkbook, type Fixture } from '../support/workbook';

function hasTab(fx: Fixture, name: string): boolean {
  return fx.ws.spreadsheets.snapshot(fx.spreadsheetId).tabs.some((tab) => tab.name === name);
}

/** The tab's lines (no header, no blank row). */
function problemLines(fx: Fixture): string[][] {
  if (!hasTab(fx, JOB_PROBLEMS_TAB)) return [];
  const [header, ...rows] = tabValues(fx, JOB_PROBLEMS_TAB).map((r) => r.map(String));
  expect(header).toEqual(JOB_PROBLEMS_HEADER);
  return rows.filter((r) => r[0] !== '');
}

/** The self-check's rows, as [mark, check, found, todo]. */
function selfCheck(fx: Fixture): string[][] {
  fx.click(t('menu.self_check'));
  return tabValues(fx, SELF_CHECK_TAB).map((r) => r.map(String));
}

describe('a failed job leaves a Georgian line where staff look', () => {
  it('two managers and a mail quota of 1: the daily job fails in the workbook and the self-check, and the line goes when it succeeds', () => {
    const f = setUpWorkbook({ now: '2026-01-05T09:00:00+04:00', mailQuotaPerDay: 1 });
    setSetting(f, 'managers', 'director@example.ge, deputy@example.ge');
    f.ws.script.runClockUntil(at('2026-03-31T23:00:00+04:00').getTime());
    expect(hasTab(f, JOB_PROBLEMS_TAB)).toBe(false); // nothing failed, nothing written

    f.ws.script.runClockUntil(at('2026-04-02T12:00:00+04:00').getTime());
    const label = t('job.dailyJobs.scheduledReport');
    const lines = problemLines(f);
    expect(lines).toHaveLength(1); // one line per job, however many runs failed
    const [job, when, count, what, todo] = lines[0];
    expect(job).toBe(label);
    expect(when).toMatch(/^02\.04\.2026 \d\d:\d\d$/);
    expect(count).toBe('2');
    expect(what).toContain(t('job.failed', { reason: '' }).trim());
    expect(todo).toBe(t('job.todo_quota'));
    expect(f.ws.mail.sent).toHaveLength(0);

    const row = selfCheck(f).find((r) => r[1] === t('check.job_problem', { job: label }));
    expect(row?.[0]).toBe('✗');
    expect(row?.[2]).toContain('02.04.2026');
    expect(row?.[3]).toBe(t('job.todo_quota'));

    f.ws.mail.setDailyQuota(100);
    f.ws.script.runClockUntil(at('2026-04-03T12:00:00+04:00').getTime());
    expect(f.ws.mail.sent).toHaveLength(1);
    expect(problemLines(f)).toEqual([]);
    expect(selfCheck(f).some((r) => r[1] === t('check.job_problem', { job: label }))).toBe(false);
  });

  it('a Forms failure in the hourly sweep appears likewise, and goes with the next good run', () => {
    const f = setUpWorkbook({ now: '2026-01-05T09:00:00+04:00' });
    // A clerk renames a service: the hourly sweep must carry it into the forms, and Forms refuses.
    f.ws.spreadsheets.userEdit(f.spreadsheetId, TABS.services.name, 'B3', [['ახალშობილის დახმარება']]);
    f.ws.core.faultHook = (service, method, core) => {
      if (service === 'FormApp' && method.startsWith('set') && core.current()?.handler === 'hourlySweep') throw new Error('Service unavailable: Forms');
    };
    f.ws.script.runClockUntil(at('2026-01-05T11:30:00+04:00').getTime());
    const label = t('job.hourlySweep.services');
    const line = problemLines(f).find((r) => r[0] === label);
    expect(line?.[2]).toBe('2');
    expect(line?.[3]).toContain('Service unavailable: Forms');
    expect(line?.[4]).toBe(t('job.todo_other'));
    const row = selfCheck(f).find((r) => r[1] === t('check.job_problem', { job: label }));
    expect(row?.[0]).toBe('✗');

    f.ws.core.faultHook = null;
    f.ws.script.runClockUntil(at('2026-01-05T12:30:00+04:00').getTime());
    expect(problemLines(f)).toEqual([]);
  });
});
