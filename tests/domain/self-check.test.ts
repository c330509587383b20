/**
 * The self-check's verdicts, from what the probes found: the account type from the address and
 * the quota, the trigger rules, the tab's block and the alert.
 */
import { t } from '../../src/domain/messages';
import {
  accountKindFrom,
  checkAlert,
  checkSheetColours,
  checkSheetRows,
  formRow,
  mailSettingRow,
  triggersVerdict,
  waitingRow,
  WAITING_LIMIT_MS,
  type CheckRow,
  type FormFacts,
} from '../../src/domain/self-check';

const EXPECTED = ['onWorkbookEdit', 'onFormResponse', 'hourlySweep', 'dailyJobs'];

describe('accountKindFrom', () => {
  it('a gmail.com or googlemail.com address is a consumer account, whatever the quota', () => {
    expect(accountKindFrom('someone@gmail.com', 1500)).toBe('consumer');
    expect(accountKindFrom('Someone@GoogleMail.com', null)).toBe('consumer');
  });

  it("more than a consumer's 100 recipients left today is Workspace; otherwise it cannot tell", () => {
    expect(accountKindFrom('admin@ambrolauri.gov.ge', 101)).toBe('workspace');
    expect(accountKindFrom('admin@ambrolauri.gov.ge', 100)).toBeNull();
    expect(accountKindFrom('admin@ambrolauri.gov.ge', 0)).toBeNull();
    expect(accountKindFrom('admin@ambrolauri.gov.ge', null)).toBeNull();
  });
});

describe('mailSettingRow', () => {
  it("compares with the consumer's limit when the account type is unknown", () => {
    expect(mailSettingRow({ ok: true, value: 150 }, null, 'პარამეტრები').status).toBe('warn');
    expect(mailSettingRow({ ok: true, value: 100 }, null, 'პარამეტრები').status).toBe('ok');
    expect(mailSettingRow({ ok: true, value: 1500 }, 'workspace', 'პარამეტრები').status).toBe('ok');
  });

  it('a failed read is ✗ with the reason', () => {
    expect(mailSettingRow({ ok: false, error: 'Tab "პარამეტრები" is missing: run setup' }, 'consumer', 'პარამეტრები')).toEqual({
      status: 'fail',
      check: t('check.mail_setting'),
      found: t('check.probe_failed', { reason: 'Tab "პარამეტრები" is missing: run setup' }),
      todo: t('check.probe_failed_todo'),
    });
  });
});

describe('formRow', () => {
  const found = (changes: Partial<Extract<FormFacts, { state: 'found' }>>): FormFacts => ({
    state: 'found',
    editUrl: 'https://docs.google.com/forms/d/abc/edit',
    trashed: false,
    published: true,
    accepting: true,
    title: 'N1',
    access: { open: true },
    rawTab: null,
    ...changes,
  });

  it('lists every problem, failures before warnings, each with its advice once', () => {
    const row = formRow('N1', { ok: true, value: found({ published: false, accepting: false, title: ' ' }) });
    expect(row.status).toBe('fail');
    expect(row.found).toBe(`${t('check.form_unpublished')}; ${t('check.form_closed')}; ${t('check.form_untitled')}.`);
    expect(row.todo).toBe(
      [
        t('check.form_publish_todo', { url: 'https://docs.google.com/forms/d/abc/edit' }),
        t('check.form_accept_todo', { url: 'https://docs.google.com/forms/d/abc/edit' }),
        t('check.form_setup_todo'),
      ].join(' '),
    );
  });

  it("a raw response tab left in the workbook (Google's exact times, readable by every editor) is ✗, with setup as the remedy", () => {
    const row = formRow('N1', { ok: true, value: found({ rawTab: 'N1 — პასუხები' }) });
    expect(row.status).toBe('fail');
    expect(row.found).toBe(`${t('check.form_raw_tab', { tab: 'N1 — პასუხები' })}.`);
    expect(row.todo).toBe(t('check.form_raw_tab_todo'));
  });

  it('a form that does not say whether it is published (made before publishing existed) is not a problem; an empty title is ⚠', () => {
    expect(formRow('N1', { ok: true, value: found({ published: null }) }).status).toBe('ok');
    expect(formRow('N1', { ok: true, value: found({ title: '' }) }).status).toBe('warn');
  });
});

describe('triggersVerdict', () => {
  const verdict = (facts: { me: string; owner: string | null; previousOwner?: string | null; mine: string[] }) =>
    triggersVerdict({ ok: true, value: { previousOwner: null, ...facts } }, EXPECTED);

  it('without a recorded owner (set up before owners were recorded), complete triggers of the caller are ✓', () => {
    expect(verdict({ me: 'a@x.ge', owner: null, mine: EXPECTED }).row.status).toBe('ok');
  });

  it("another project's handlers among the caller's triggers are not counted", () => {
    expect(verdict({ me: 'a@x.ge', owner: 'a@x.ge', mine: [...EXPECTED, 'myOwnMacro'] }).row.status).toBe('ok');
  });

  it('the owner compared case-insensitively', () => {
    expect(verdict({ me: 'Admin@X.ge', owner: 'admin@x.ge', mine: EXPECTED }).row.status).toBe('ok');
  });

  it('the former owner with none left may forget the note; with some, is told to delete them', () => {
    expect(verdict({ me: 'old@x.ge', owner: 'new@x.ge', previousOwner: 'old@x.ge', mine: [] })).toEqual(expect.objectContaining({ forgetPrevious: true }));
    expect(verdict({ me: 'old@x.ge', owner: 'new@x.ge', previousOwner: 'old@x.ge', mine: ['hourlySweep'] })).toEqual(
      expect.objectContaining({ forgetPrevious: false, row: expect.objectContaining({ status: 'fail' }) }),
    );
  });
});

describe('the tab and the alert', () => {
  const rows: CheckRow[] = [
    { status: 'ok', check: 'a', found: 'fine', todo: '' },
    { status: 'warn', check: 'b', found: '-1 left', todo: '=do it' },
    { status: 'fail', check: 'c', found: '5', todo: 'fix' },
  ];

  it('is one block: header, a row per check with its mark, an empty row, when and by whom; texts stay text', () => {
    const block = checkSheetRows(rows, new Date('2026-01-05T05:00:00Z'), 'admin@x.ge');
    expect(block).toEqual([
      [t('col.status'), t('col.check'), t('col.check_found'), t('col.check_todo')],
      ['✓', 'a', 'fine', ''],
      ['⚠', 'b', "'-1 left", "'=do it"],
      ['✗', 'c', "'5", 'fix'],
      ['', '', '', ''],
      ['', t('check.checked_at', { when: '05.01.2026 09:00', email: 'admin@x.ge' }), '', ''],
    ]);
    expect(checkSheetColours(rows, '#e8eef7')).toHaveLength(block.length);
  });

  it('the alert: the summary, failures then warnings, and the tab; when the tab could not be written, the advice itself', () => {
    expect(checkAlert(rows, 'T', null)).toBe(`${t('check.summary', { ok: 1, warn: 1, fail: 1 })}\nსაყურადღებო:\n✗ c\n⚠ b\n${t('check.see_tab', { tab: 'T' })}`);
    const unwritten = checkAlert(rows, 'T', 'Service unavailable');
    expect(unwritten).toContain(t('check.tab_not_written', { tab: 'T', reason: 'Service unavailable', list: '✗ c: 5 fix\n⚠ b: -1 left =do it' }));
  });
});

describe('waitingRow', () => {
  const now = new Date('2026-01-12T08:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const facts = (sendAt: Date | null, callbacks = 0, since: Date | null = null) => ({
    ok: true as const,
    value: { owner: 'owner@x.ge', sendRequest: sendAt ? { by: 'clerk@x.ge', at: sendAt } : null, callbacks: { count: callbacks, since } },
  });

  it('is ✓ with nothing waiting, and while what waits is younger than two sweeps', () => {
    expect(waitingRow(facts(null), now)).toEqual({ status: 'ok', check: t('check.waiting'), found: t('check.waiting_none'), todo: '' });
    expect(waitingRow(facts(ago(WAITING_LIMIT_MS - 60_000)), now).status).toBe('ok');
  });

  it('warns, naming the owner, once anything waits longer — or since an unknown time', () => {
    const stale = waitingRow(facts(ago(WAITING_LIMIT_MS + 60_000)), now);
    expect(stale.status).toBe('warn');
    expect(stale.todo).toBe(t('check.waiting_todo', { owner: 'owner@x.ge' }));
    expect(waitingRow(facts(null, 2, null), now).status).toBe('warn');
    expect(waitingRow(facts(null, 2, ago(60_000)), now).found).toContain(t('check.waiting_callbacks', { count: 2 }));
  });
});
