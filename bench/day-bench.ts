/**
 * `npm run bench -- --jobs day`: a busy day against the daily trigger runtime (Google's quotas
 * page, "Triggers total runtime": 90 min / day consumer, 6 h / day Workspace). Every trigger run
 * is charged to its owner's budget, so the question is what one event costs and what a day of
 * them adds up to.
 *
 * Per event, the modelled Apps Script time (emulator/costs.ts, charged to the simulated clock as
 * the trigger runs; the mean of a few runs): an applications edit that closes a case (one N2
 * invitation mailed), an applications edit that closes nothing, an edit of another tab, a
 * services edit, one N1 submission, an idle hourly sweep, a busy one (the sweep after a services
 * edit), the daily jobs. Then the day: the events of a small town and a city priced with them.
 *
 * Only the clock is read (not Core.triggerExecutions), so this file also runs on commits from
 * before the trigger-budget work: copy it there to measure "before" (bench/README.md).
 *
 * Standalone: node scripts/run-tool.mjs bench/day-bench.ts (after npm run build).
 */
import { MAX_RESPONSES_PER_RUN } from '../src/app/collect';
import { APPS_SCRIPT_COSTS } from '../emulator';
import { N1 } from '../src/domain/forms';
import { TABS } from '../src/domain/schema';
import { DEFAULT_SERVICES } from '../src/domain/services';
import { setUpWorkbook, type Fixture } from '../tests/support/workbook';

const HOUR = 3_600_000;
const CLOSED = 'დასრულებულია';
const IN_REVIEW = 'განხილვაშია';

export interface Town {
  name: string;
  /** Cases in the applications tab. */
  cases: number;
  /** Online responses a day (each one submission trigger). */
  responsesPerDay: number;
  /** Responses already collected (the feedback table's size): a month of them. */
  collected: number;
  /** Applications edits a day that close a case (one invitation each), and that close none. */
  closingsPerDay: number;
  otherApplicationEditsPerDay: number;
  /** Edits a day of any other tab (paper entry, actions, settings …). */
  otherTabEditsPerDay: number;
  /** Services edits a day (each a keystroke in the services tab). */
  servicesEditsPerDay: number;
}

export const TOWNS: Town[] = [
  {
    name: 'small town',
    cases: 100,
    responsesPerDay: 60,
    collected: 1_800,
    closingsPerDay: 10,
    otherApplicationEditsPerDay: 30,
    otherTabEditsPerDay: 40,
    servicesEditsPerDay: 1,
  },
  {
    name: 'city',
    cases: 2_000,
    responsesPerDay: 1_000,
    collected: 30_000,
    closingsPerDay: 100,
    otherApplicationEditsPerDay: 300,
    otherTabEditsPerDay: 400,
    servicesEditsPerDay: 4,
  },
];

export interface EventCosts {
  closingEdit: number;
  applicationsEdit: number;
  otherTabEdit: number;
  servicesEdit: number;
  submission: number;
  /** Calls of one submission's trigger run (all services). */
  submissionCalls: number;
  /** Calls of one other-tab edit's trigger run. */
  otherTabEditCalls: number;
  idleSweep: number;
  busySweep: number;
  dailyJobs: number;
}

function sheetOf(fx: Fixture, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = fx.ws.spreadsheets.spreadsheetFor(fx.spreadsheetId).getSheetByName(name);
  if (!sheet) throw new Error(`day bench: no tab ${name}`);
  return sheet;
}

function fillTab(fx: Fixture, name: string, rows: unknown[][]): void {
  const sheet = sheetOf(fx, name);
  const need = rows.length + 1 - sheet.getMaxRows();
  if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
  sheet.getRange(2, 1, rows.length, rows[0].length).setValues(rows);
}

function letter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const columnOf = (key: string): string => letter(TABS.applications.columns.findIndex((c) => c.key === key) + 1);

function n1Record(fx: Fixture): { id: string; responseSheet: string } {
  return JSON.parse(fx.ws.properties.app.getScriptProperties().getProperty('form.N1') ?? 'null');
}

function answers(i: number): Record<string, string | number> {
  const byTitle: Record<string, string | number> = {};
  for (const item of N1.items) {
    if (item.type === 'service') byTitle[item.ka] = DEFAULT_SERVICES[i % DEFAULT_SERVICES.length].ka;
    else if (item.type === 'likert') byTitle[item.ka] = 1 + (i % 5);
    else if (item.type === 'paragraph' && i % 3 === 0) byTitle[item.ka] = 'რიგში დიდხანს ვიდექი';
  }
  return byTitle;
}

/** A set-up workbook with the town's cases (open, with addresses) and a month of collected responses. */
function townWorkbook(town: Town): Fixture {
  const fx = setUpWorkbook({ costs: APPS_SCRIPT_COSTS, mailQuotaPerDay: 1500 });
  const { ws } = fx;
  // The figures are what matters here, not running out: no budget stops a measured run.
  ws.core.triggerRuntimePerDayMs = Number.MAX_SAFE_INTEGER;
  const now = ws.core.now();
  const invitable = DEFAULT_SERVICES.filter((s) => s.invite);
  fillTab(
    fx,
    TABS.applications.name,
    Array.from({ length: town.cases }, (_, i) => {
      const byKey: Record<string, unknown> = {
        caseId: `01-2026-${String(i + 1).padStart(5, '0')}`,
        submittedAt: new Date(now - 20 * 24 * HOUR),
        service: invitable[i % invitable.length].ka,
        applicant: `განმცხადებელი ${i + 1}`,
        email: `applicant${i + 1}@example.ge`,
        applyChannel: 'ელფოსტა',
        status: IN_REVIEW,
        closedAt: '',
        inviteStatus: '',
        inviteAt: '',
      };
      return TABS.applications.columns.map((c) => byKey[c.key]);
    }),
  );
  // A month of responses, stored in the form, collected once (not charged: a direct run).
  const record = n1Record(fx);
  fx.ws.forms.importResponses(
    record.id,
    Array.from({ length: town.collected }, (_, i) => ({ at: now - 30 * 24 * HOUR + i * 60_000, answers: answers(i) })),
  );
  // One run takes at most MAX_RESPONSES_PER_RUN from a form; the sweeps carry on until all are in.
  for (let i = 0; i < Math.ceil(town.collected / MAX_RESPONSES_PER_RUN) + 2; i++) ws.core.invoke('hourlySweep', 'direct', {}, { rethrow: true });
  return fx;
}

/** Mean modelled ms (and calls) of `n` runs of `event`, each a trigger run or a harness event that fires them. */
function mean(fx: Fixture, n: number, event: (i: number) => void): { ms: number; calls: number } {
  const { core } = fx.ws;
  let ms = 0;
  let calls = 0;
  for (let i = 0; i < n; i++) {
    core.setNow(core.now() + 60_000);
    core.resetCalls();
    const start = core.now();
    event(i);
    ms += core.now() - start;
    calls += core.callSummary().total;
  }
  const failures = fx.ws.core.triggerFailures;
  if (failures.length) throw new Error(`day bench: a trigger failed: ${failures.map((f) => `${f.handler}: ${f.message}`).join('; ')}`);
  return { ms: Math.round(ms / n), calls: Math.round(calls / n) };
}

export function measureEvents(town: Town): EventCosts {
  const fx = townWorkbook(town);
  const { ws } = fx;
  const ssId = fx.spreadsheetId;
  const apps = TABS.applications.name;
  const edit = (tab: string, a1: string, value: unknown) => ws.spreadsheets.userEdit(ssId, tab, a1, [[value]]);
  const sweep = () => ws.core.invoke('hourlySweep', 'time', {});
  let row = 2;
  const closingEdit = mean(fx, 3, () => {
    const r = row++;
    ws.spreadsheets.userEdit(ssId, apps, `${columnOf('status')}${r}:${columnOf('closedAt')}${r}`, [[CLOSED, new Date(ws.core.now())]]);
  }).ms;
  const applicationsEdit = mean(fx, 3, (i) => edit(apps, `${columnOf('applicant')}${row + i}`, `განმცხადებელი ${i}`)).ms;
  const other = mean(fx, 3, (i) => edit(TABS.paper.name, `A${2 + i}`, ''));
  const idleSweep = mean(fx, 3, sweep).ms;
  const submission = mean(fx, 5, (i) => ws.forms.respond(n1Record(fx).id, answers(i)));
  // A services edit (the first service renamed back and forth), then the sweep after it.
  const serviceName = DEFAULT_SERVICES[0].ka;
  let servicesEdit = 0;
  let busySweep = 0;
  for (let i = 0; i < 2; i++) {
    servicesEdit += mean(fx, 1, () => edit(TABS.services.name, 'B2', i % 2 ? serviceName : `${serviceName} (${i})`)).ms;
    busySweep += mean(fx, 1, sweep).ms;
  }
  const dailyJobs = mean(fx, 1, () => ws.core.invoke('dailyJobs', 'time', {})).ms;
  return {
    closingEdit,
    applicationsEdit,
    otherTabEdit: other.ms,
    otherTabEditCalls: other.calls,
    servicesEdit: Math.round(servicesEdit / 2),
    submission: submission.ms,
    submissionCalls: submission.calls,
    idleSweep,
    busySweep: Math.round(busySweep / 2),
    dailyJobs,
  };
}

/** The day's trigger runtime of a town, from its events' costs. */
export function dayTotal(town: Town, c: EventCosts): number {
  const busySweeps = Math.min(24, town.servicesEditsPerDay);
  return (
    town.closingsPerDay * c.closingEdit +
    town.otherApplicationEditsPerDay * c.applicationsEdit +
    town.otherTabEditsPerDay * c.otherTabEdit +
    town.servicesEditsPerDay * c.servicesEdit +
    town.responsesPerDay * c.submission +
    busySweeps * c.busySweep +
    (24 - busySweeps) * c.idleSweep +
    c.dailyJobs
  );
}

const fmt = (ms: number): string => (ms < 1000 ? `${ms} ms` : ms < 120_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 60_000).toFixed(1)} min`);
const share = (ms: number, budget: number): string => `${((100 * ms) / budget).toFixed(0)}%`;

export function dayReport(): string {
  const lines: string[] = [];
  for (const town of TOWNS) {
    process.stderr.write(`day bench: ${town.name} …\n`);
    const c = measureEvents(town);
    const total = dayTotal(town, c);
    lines.push(
      `### ${town.name}: ${town.cases.toLocaleString('en-US')} cases, ${town.responsesPerDay.toLocaleString('en-US')} responses a day, ${town.collected.toLocaleString('en-US')} collected`,
      '',
      '| event | modelled per run | runs a day | a day |',
      '|---|---|---|---|',
      `| applications edit closing a case (1 invitation) | ${fmt(c.closingEdit)} | ${town.closingsPerDay} | ${fmt(town.closingsPerDay * c.closingEdit)} |`,
      `| applications edit closing none | ${fmt(c.applicationsEdit)} | ${town.otherApplicationEditsPerDay} | ${fmt(town.otherApplicationEditsPerDay * c.applicationsEdit)} |`,
      `| other-tab edit (${c.otherTabEditCalls} calls) | ${fmt(c.otherTabEdit)} | ${town.otherTabEditsPerDay} | ${fmt(town.otherTabEditsPerDay * c.otherTabEdit)} |`,
      `| services edit | ${fmt(c.servicesEdit)} | ${town.servicesEditsPerDay} | ${fmt(town.servicesEditsPerDay * c.servicesEdit)} |`,
      `| form submission (${c.submissionCalls} calls) | ${fmt(c.submission)} | ${town.responsesPerDay} | ${fmt(town.responsesPerDay * c.submission)} |`,
      `| hourly sweep, idle | ${fmt(c.idleSweep)} | ${24 - Math.min(24, town.servicesEditsPerDay)} | ${fmt((24 - Math.min(24, town.servicesEditsPerDay)) * c.idleSweep)} |`,
      `| hourly sweep after a services edit | ${fmt(c.busySweep)} | ${Math.min(24, town.servicesEditsPerDay)} | ${fmt(Math.min(24, town.servicesEditsPerDay) * c.busySweep)} |`,
      `| daily jobs | ${fmt(c.dailyJobs)} | 1 | ${fmt(c.dailyJobs)} |`,
      `| **day** | | | **${fmt(total)}**: ${share(total, 90 * 60_000)} of 90 min (consumer), ${share(total, 6 * HOUR)} of 6 h (Workspace) |`,
      '',
    );
  }
  return lines.join('\n');
}

if (/day-bench\.cjs$/.test(process.argv[1] ?? '')) console.log(dayReport());
