/**
 * A January of several staff accounts and their later corrections (scenarios/staff-and-corrections.json:
 * `users` — an administrator and two clerks — and `edits`), replayed through the BUILT bundle:
 * the administrator sets up and owns every trigger; each clerk types and closes their own cases;
 * then they correct what they typed: a malformed address after closing, a case number after its
 * invitation went, a status set again, a paper form's answer and a phone note after both were
 * imported. Checked: no invitation twice, the corrected address invited once, the renumbered case
 * not invited again, the corrections in the feedback table, every trigger and every mail the
 * administrator's. This municipality also invites desk cases that left an address
 * (inviteDeskCases) and sends each day's batch with no minimum per service (inviteBatchMin 1), so
 * that every invitation goes the day after its case closes — before the corrections.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type PlayResult, playScenario } from '../../replay/player';
import { parseScenario, ScenarioError, validateScenario } from '../../replay/scenario';
import { summarize } from '../../replay/output';
import { TABS, paperColumns } from '../../src/domain/schema';
import { feedbackColumnKey } from '../../src/domain/feedback-row';
import { t } from '../../src/domain/messages';

const scenario = parseScenario(readFileSync(join(__dirname, 'scenarios', 'staff-and-corrections.json'), 'utf8'));
const ADMIN = 'meria.admin@ambrolauri.example.ge';
const KANCELARIA = 'kancelaria@ambrolauri.example.ge';
const SOCIALURI = 'socialuri@ambrolauri.example.ge';

let result: PlayResult;
beforeAll(() => {
  result = playScenario(scenario);
});

const tabValues = (name: string): unknown[][] => result.ws.spreadsheets.snapshot(result.spreadsheetId).tabs.find((tab) => tab.name === name)!.values;

function column(values: unknown[][], header: string): number {
  const i = (values[0] ?? [])
    .map(String)
    .findIndex((h) => h === header || h === paperColumns().find((c) => c.key === header)?.header || feedbackColumnKey(h) === header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i;
}

describe('the scenario contract additions', () => {
  test('users and edits are read as written; a malformed users key is refused like a scenario of the wrong shape', () => {
    expect(scenario.users).toEqual({ admin: ADMIN, staff: [KANCELARIA, SOCIALURI] });
    expect(scenario.edits).toHaveLength(5);
    expect(() => validateScenario({ cases: [], users: { admin: 'not an address' } })).toThrow(ScenarioError);
    expect(() => validateScenario({ cases: [], users: { staff: 'one@example.ge' } })).toThrow('"users.staff" must be a list');
    expect(validateScenario({ cases: [] }).edits).toEqual([]);
  });

  test('every edit was played, by the person it names, with no step failing', () => {
    expect(result.record.errors).toEqual([]);
    expect(result.record.warnings).toEqual([]);
    expect(result.record.refused).toEqual([]);
    expect(result.record.edits.map((e) => [e.by, e.tab, e.field])).toEqual([
      [KANCELARIA, 'applications', 'email'],
      [KANCELARIA, 'applications', 'id'],
      [SOCIALURI, 'applications', 'status'],
      [SOCIALURI, 'paper', 'n1.overall'],
      [SOCIALURI, 'other', 'text'],
    ]);
    expect(result.environment.users).toEqual({ admin: ADMIN, staff: [KANCELARIA, SOCIALURI] });
  });
});

describe('several staff accounts', () => {
  test('the triggers are the administrator’s alone, once each', () => {
    const triggers = result.ws.core.triggers;
    expect(new Set(triggers.map((tr) => tr.createdBy))).toEqual(new Set([ADMIN]));
    // Once each: a handler and its source (the form-submit handler has a trigger on each form).
    const handlers = triggers.map((tr) => `${tr.handler} ${tr.sourceId}`);
    expect(new Set(handlers).size).toBe(handlers.length);
    // Every trigger execution ran as (and was charged to) the administrator, whoever edited.
    expect(new Set(result.ws.core.triggerExecutions.map((e) => e.user))).toEqual(new Set([ADMIN]));
  });

  test('edits and closings ran as the clerks, and every mail went out from the administrator’s mailbox', () => {
    expect(result.ws.mail.sent.length).toBeGreaterThan(0);
    expect(new Set(result.ws.mail.sent.map((m) => m.from))).toEqual(new Set([ADMIN]));
  });

  test('no invitation twice; the corrected address invited once; the renumbered case not again', () => {
    const to = result.ws.mail.sent.map((m) => m.to);
    const counts = new Map<string, number>();
    for (const address of to) counts.set(address, (counts.get(address) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
    expect(counts.get('levan.kharaishvili@example.ge')).toBe(1);
    expect(counts.get('elene.lomidze@example.ge')).toBe(1);
    expect(counts.get('giorgi.k@example.ge')).toBe(1);
    // The funeral service does not invite; the open case is not invited.
    expect(counts.get('tamar.ts@example.ge')).toBeUndefined();
    expect(counts.get('ana.g@example.ge')).toBeUndefined();
    const apps = tabValues(TABS.applications.name);
    const id = column(apps, t('col.case_id'));
    const status = column(apps, t('col.invite_status'));
    const renumbered = apps.find((r) => r[id] === '01-2026-0003')!;
    expect(renumbered[status]).toBe(t('invite.sent'));
    // Its invitation went before the case number was corrected.
    const elene = result.ws.mail.sent.find((m) => m.to === 'elene.lomidze@example.ge')!;
    expect(elene.sentAt).toBeLessThan(Date.parse('2026-01-20T10:00:00+04:00'));
    // The invitations log follows the case to its corrected number.
    const log = tabValues(TABS.invitations.name);
    const logStatus = (caseId: string) => log.slice(1).find((r) => String(r[column(log, t('col.case_id'))]) === caseId);
    expect(logStatus('01-2026-0003')?.[column(log, t('col.status'))]).toBe(t('invite.sent'));
    // The old number's record stays, saying where it went, and not as sent.
    expect(logStatus('01-2026-003')?.[column(log, t('col.status'))]).not.toBe(t('invite.sent'));
    expect(String(logStatus('01-2026-003')?.[column(log, t('col.log_note'))])).toContain('01-2026-0003');
    const summary = summarize(result, 'staff-and-corrections', result.ws.spreadsheets.snapshot(result.spreadsheetId));
    expect(summary.invitations.sent).toBe(5);
  });

  test('the corrected paper answer and phone note are in the feedback table, under the same ids, and their rows say so', () => {
    const feedback = tabValues(TABS.feedback.name);
    const [header, ...rows] = feedback;
    // Columns by key; the tab shows channels by their Georgian names.
    const at = (name: string) => header.map((h) => feedbackColumnKey(String(h))).indexOf(name);
    const paper = rows.filter((r) => r[at('channel')] === t('channel.paper'));
    expect(paper).toHaveLength(3);
    const newborn = paper.find((r) => r[at('service')] === 'newborn')!;
    expect(newborn[at('n1.overall')]).toBe(5);
    const phone = rows.filter((r) => r[at('channel')] === t('channel.phone'));
    expect(phone).toHaveLength(1);
    expect(String(phone[0][at('text')])).toContain('უკვე ორი კვირაა');
    const paperTab = tabValues(TABS.paper.name);
    const statusAt = column(paperTab, t('col.status'));
    expect(String(paperTab[1][statusAt])).toContain('შესწორდა');
    expect(String(paperTab[1][column(paperTab, t('col.feedback_id'))])).toBe(String(newborn[at('id')]));
  });
});
