/**
 * Plays a scenario on the emulated Workspace with the built bundle loaded, acting as the people
 * and as Google would (../shared/scenario.md): an administrator sets the workbook up, staff type
 * cases and close them, respondents submit the forms, staff log other channels and actions, the
 * clock runs the time-driven triggers, and a manager runs the period's menu items at the end.
 * Every step is its own try/catch: a refused input or a missing product feature is recorded and
 * the replay goes on.
 */
import { columnLetters, type Environment, type EnvironmentName, type SmsGateways, type Workspace } from '../emulator';
import { t } from '../src/domain/messages';
import { parsePhone } from '../src/domain/sms';
import { TEST_SMS_KEYS, installGateways, smsSettings } from './sms';
import { ADMIN_USER, DIST_DIR, STAFF_USER, START, TIME_ZONE, newWorkspace, usersFor } from '../tests/support/workspace';
import { FORMS, N1, N2 } from '../src/domain/forms';
import { ACTION_STATUSES, APPLY_CHANNELS, CASE_STATUSES, LOGGED_CHANNELS, TABS, paperColumns } from '../src/domain/schema';
import type { FormDefinition } from '../src/domain/types';
import { CHECK_HEADER, CHECK_MARKS, SELF_CHECK_TAB } from '../src/domain/self-check';
import {
  type ResolvedEnvironment,
  resolveEnvironment,
  timeOf,
  typedText,
  type Scenario,
  type ScenarioAction,
  type ScenarioCase,
  type ScenarioEdit,
  type ScenarioFeedback,
  type ScenarioResponse,
} from './scenario';

/** The consumer world's administrator and staff (usersFor gives each world's). */
export { ADMIN_USER, STAFF_USER, TIME_ZONE };
export const WORKBOOK_NAME = 'უკუკავშირი';
/**
 * The global function of the product's self-check menu item. Once the bundle has it, the replay
 * clicks it at the end and environment.json keeps what it showed; until then `selfCheck` is null.
 */
export const SELF_CHECK_HANDLER = 'menuSelfCheck';
/** The tab the self-check writes its checklist to. */
export { SELF_CHECK_TAB };
const HOUR = 3_600_000;

/**
 * Who acts in the replay (the scenario's `users`, else the world's usual two): the admin runs
 * setup, owns the triggers and clicks the manager's menu items; staff type and close cases.
 */
export interface People {
  admin: string;
  staff: string[];
}

export const MENU = {
  setup: 'სისტემის მომზადება / განახლება',
  importPaper: 'ქაღალდის ფორმების შეტანა',
  buildReport: 'ანალიტიკური ანგარიშის მომზადება',
  prepareMeeting: 'სამუშაო შეხვედრის დღის წესრიგი',
  publishReport: 'საჯარო ანგარიშის გამოქვეყნება',
} as const;

const CLOSED = CASE_STATUSES.find((s) => s.id === 'closed')!.ka;
const RECEIVED = CASE_STATUSES.find((s) => s.id === 'received')!.ka;

export interface RefusedInput {
  at: string;
  actor: string;
  what: string;
  message: string;
}

export interface StepError {
  at: string;
  step: string;
  message: string;
}

export interface ShownAlert {
  at: string;
  menuItem: string;
  kind: string;
  message: string;
}

/** What the replay itself did, as opposed to what the Workspace holds at the end. */
export interface PlayRecord {
  startedAt: number;
  endedAt: number;
  /** How many of each the scenario holds. */
  scenario: { cases: number; responses: number; otherFeedback: number; actions: number };
  report: { from: string; to: string };
  casesEntered: Array<{ id: string; row: number; email: string; service: string; phone?: string }>;
  casesClosed: Array<{ id: string; row: number; email: string; service: string; phone?: string }>;
  responsesAccepted: Record<string, number>;
  refused: RefusedInput[];
  errors: StepError[];
  alerts: ShownAlert[];
  warnings: string[];
  feedbackLogged: number;
  actionsLogged: number;
  /** The scenario's later corrections as they were typed. */
  edits: Array<{ at: string; by: string; tab: string; row: number; field: string; value: unknown }>;
}

/** One row of the self-check's checklist, as its tab shows it. */
export interface CheckItem {
  /** ✓, ⚠ or ✗. */
  status: string;
  /** What was checked. */
  check: string;
  /** What was found. */
  found: string;
  /** What to do ('' when nothing). */
  todo: string;
}

/** What the product's self-check showed when the replay clicked it at the end. */
export interface SelfCheckRecord {
  at: string;
  /** The caption of the menu item clicked; null when no menu item calls the handler (it was run directly). */
  menuItem: string | null;
  /** Every alert, prompt, dialog or sidebar it showed, in order (dialogs as their HTML). */
  shown: Array<{ kind: string; title: string; message: string }>;
  /** The text of the last alert it showed (its summary); null when it showed none. */
  alert: string | null;
  /**
   * The checklist it wrote (SELF_CHECK_TAB), one object per check row; null when this click did
   * not write the tab (no such tab, or the tab is as it was before the click).
   */
  checklist: CheckItem[] | null;
  /** The error it ended with, if it threw. */
  failure: string | null;
}

/** environment.json: the world the replay ran in, who acted, and what the self-check reported. */
export interface EnvironmentRecord extends Environment {
  name: EnvironmentName | null;
  source: ResolvedEnvironment['source'];
  users: People;
  selfCheck: SelfCheckRecord | null;
}

export interface PlayResult {
  ws: Workspace;
  /** The fake SMS gateways: what each accepted (sms/<nnn>.json). */
  gateways: SmsGateways;
  spreadsheetId: string;
  record: PlayRecord;
  environment: EnvironmentRecord;
}

export interface PlayOptions {
  /** Progress lines (stages, counts); default: nothing. */
  log?: (line: string) => void;
  /** The built bundle's folder (default: dist/ of the project). */
  distDir?: string;
  /** The world to play in (e.g. `--environment`); default: the scenario's `environment` key. */
  environment?: ResolvedEnvironment;
}

interface Step {
  at: number;
  order: number;
  seq: number;
  label: string;
  run: () => void;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The calendar day of `ms` in Tbilisi: [yyyy, mm, dd], zero-padded. */
function tbilisiDay(ms: number): [string, string, string] {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return [get('year'), get('month'), get('day')];
}

/** yyyy-MM-dd in Tbilisi: the replay's own day key (logs, months, quarters), never typed into a cell. */
export function isoDay(ms: number): string {
  return tbilisiDay(ms).join('-');
}

/**
 * dd.mm.yyyy in Tbilisi: how staff in Georgia type a date into a date column (scenario.md: "Staff
 * type dates the way staff in Georgia do, dd.mm.yyyy … not ISO").
 */
export function typedDate(ms: number): string {
  const [year, month, day] = tbilisiDay(ms);
  return `${day}.${month}.${year}`;
}

/**
 * A scenario's calendar date (`YYYY-MM-DD`, e.g. an action's `due`) as staff type it, dd.mm.yyyy;
 * anything else (bad data) is typed as written.
 */
export function typedCalendarDate(value: unknown): string {
  const text = typedText(value);
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(text);
  return iso ? `${iso[3]}.${iso[2]}.${iso[1]}` : text;
}

/** 10:00 in Tbilisi on the day after `date` (YYYY-MM-DD): when the manager reports on a period. */
function morningAfter(date: string): number | null {
  const ms = Date.parse(`${date}T10:00:00+04:00`);
  return Number.isNaN(ms) ? null : ms + 24 * HOUR;
}

/** The calendar quarter around `ms`, as the default report period. */
function quarterOf(ms: number): { from: string; to: string } {
  const [y, m] = isoDay(ms).split('-').map(Number);
  const first = Math.floor((m - 1) / 3) * 3 + 1;
  const last = first + 2;
  const lastDay = new Date(Date.UTC(y, last, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(last)}-${pad(lastDay)}` };
}

export class Player {
  readonly ws: Workspace;
  readonly gateways: SmsGateways;
  readonly spreadsheetId: string;
  readonly record: PlayRecord;
  readonly environment: ResolvedEnvironment;
  /** The administrator (the script's account, the owner) and the staff, in this world. */
  readonly users: People;
  private readonly log: (line: string) => void;
  /** Next empty row per staff tab (only people append to these tabs). */
  private readonly nextRow = new Map<string, number>();
  private readonly headers = new Map<string, string[]>();
  /** service code → Georgian name, as the services tab holds them after setup. */
  private serviceNames = new Map<string, string>();
  private serviceLinks = new Map<string, string>();
  private readonly formIds = new Map<string, string>();
  /** Where each paper N1 (by its index in `responses`) and other-channel note (in `otherFeedback`) was typed. */
  private readonly paperRows = new Map<number, number>();
  private readonly otherRows = new Map<number, number>();

  constructor(
    private readonly scenario: Scenario,
    options: PlayOptions = {},
  ) {
    this.log = options.log ?? (() => undefined);
    const start = this.startTime();
    this.environment = options.environment ?? resolveEnvironment(scenario.environment);
    const usual = usersFor(this.environment.environment);
    const given = scenario.users;
    this.users = {
      admin: given?.admin ?? usual.admin,
      // A scenario naming its people names all its staff: none listed, the admin does it all.
      staff: given ? (given.staff ?? []) : [usual.staff],
    };
    // Google's daily mail quota is the account's (the emulator's default for the environment);
    // the settings' mailQuotaPerDay is the product's own cap, typed into the settings tab.
    this.ws = newWorkspace({ now: start, environment: this.environment.environment, user: this.users.admin });
    const ss = this.ws.spreadsheets.create(WORKBOOK_NAME);
    this.spreadsheetId = ss.getId();
    this.ws.spreadsheets.setActive(this.spreadsheetId);
    this.ws.loadBundle(options.distDir ?? DIST_DIR);
    this.gateways = installGateways(this.ws);
    this.record = {
      startedAt: start,
      endedAt: start,
      scenario: {
        cases: scenario.cases.length,
        responses: scenario.responses.length,
        otherFeedback: scenario.otherFeedback.length,
        actions: scenario.actions.length,
      },
      report: this.reportPeriod(start),
      casesEntered: [],
      casesClosed: [],
      responsesAccepted: {},
      refused: [],
      errors: [],
      alerts: [],
      warnings: [],
      feedbackLogged: 0,
      actionsLogged: 0,
      edits: [],
    };
  }

  /** `now` of the scenario, else an hour before its first event, else the contract's example. */
  private startTime(): number {
    const given = timeOf(this.scenario.now);
    if (given !== null) return given;
    const times = [
      ...this.scenario.cases.map((c) => timeOf(c.submittedAt)),
      ...this.scenario.responses.map((r) => timeOf(r.submittedAt)),
      ...this.scenario.otherFeedback.map((f) => timeOf(f.receivedAt)),
    ].filter((t): t is number => t !== null);
    return times.length ? Math.min(...times) - HOUR : Date.parse(START);
  }

  private reportPeriod(start: number): { from: string; to: string } {
    const report = this.scenario.report;
    const fallback = quarterOf(start);
    return {
      from: typeof report?.from === 'string' && report.from ? report.from : fallback.from,
      to: typeof report?.to === 'string' && report.to ? report.to : fallback.to,
    };
  }

  private now(): string {
    return new Date(this.ws.core.now()).toISOString();
  }

  /** Runs one actor's step; whatever goes wrong is recorded, printed, and the replay goes on. */
  private attempt(step: string, fn: () => void): boolean {
    try {
      fn();
      return true;
    } catch (err) {
      const error = { at: this.now(), step, message: messageOf(err) };
      this.record.errors.push(error);
      this.log(`  ! ${step}: ${error.message}`);
      return false;
    }
  }

  private refuse(actor: string, what: string, err: unknown): void {
    const refused = { at: this.now(), actor, what, message: messageOf(err) };
    this.record.refused.push(refused);
    this.log(`  × refused (${actor}) ${what}: ${refused.message.split('\n')[0]}`);
  }

  /** Clicks a menu item; prints and records the alerts it showed. */
  click(caption: string, promptAnswer?: string, user: string = this.users.admin): void {
    const ui = this.ws.spreadsheets.ui;
    const before = ui.shown.length;
    if (promptAnswer !== undefined) ui.answerNext({ button: 'OK', text: promptAnswer });
    this.attempt(`menu "${caption}"`, () => {
      ui.clickMenuItem(caption, user);
    });
    for (const shown of ui.shown.slice(before)) {
      if (shown.kind === 'prompt') continue;
      this.record.alerts.push({ at: new Date(shown.at).toISOString(), menuItem: caption, kind: shown.kind, message: shown.message });
      this.log(`  ⟶ ${caption}: ${shown.message.replace(/\n/g, ' | ')}`);
    }
  }

  // --- the workbook as people see it ---------------------------------------------------------

  private tab(name: string): { values: unknown[][] } {
    const tab = this.ws.spreadsheets.snapshot(this.spreadsheetId).tabs.find((t) => t.name === name);
    if (!tab) throw new Error(`the workbook has no tab "${name}"`);
    return tab;
  }

  private header(name: string): string[] {
    let header = this.headers.get(name);
    if (!header) {
      header = (this.tab(name).values[0] ?? []).map((h) => String(h).trim());
      this.headers.set(name, header);
    }
    return header;
  }

  /** 1-based column of a header (exact, or a paper question by its item id: "n1.overall"). */
  private column(tabName: string, header: string): number {
    const headers = this.header(tabName);
    let i = headers.indexOf(header);
    const question = paperColumns().find((c) => c.key === header);
    if (i < 0 && question) i = headers.indexOf(question.header);
    if (i < 0) throw new Error(`tab "${tabName}" has no column "${header}"`);
    return i + 1;
  }

  private rowFor(tabName: string): number {
    let row = this.nextRow.get(tabName);
    if (row === undefined) {
      const values = this.tab(tabName).values;
      let last = values.length;
      while (last > 1 && values[last - 1].every((v) => v === '' || v === null)) last--;
      row = Math.max(2, last + 1);
      this.nextRow.set(tabName, row);
    }
    return row;
  }

  /**
   * A person types a row's cells (column → value) in one paste per run of adjacent columns.
   * Throws what the spreadsheet throws when it refuses the entry.
   */
  private typeCells(tabName: string, row: number, cells: Map<number, unknown>, user: string): void {
    const columns = [...cells.keys()].sort((a, b) => a - b);
    let start = 0;
    while (start < columns.length) {
      let end = start;
      while (end + 1 < columns.length && columns[end + 1] === columns[end] + 1) end++;
      const first = columns[start];
      const last = columns[end];
      const values = columns.slice(start, end + 1).map((c) => cells.get(c));
      const a1 = first === last ? `${columnLetters(first)}${row}` : `${columnLetters(first)}${row}:${columnLetters(last)}${row}`;
      this.ws.spreadsheets.userEdit(this.spreadsheetId, tabName, a1, [values], user);
      start = end + 1;
    }
  }

  /** Appends a row to a staff tab; returns its row number, or null when the tab refused it. */
  private appendRow(tabName: string, byHeader: Array<[string, unknown]>, actor: string, what: string, user = this.firstStaff()): number | null {
    const row = this.rowFor(tabName);
    const cells = new Map<number, unknown>();
    for (const [header, value] of byHeader) cells.set(this.column(tabName, header), value);
    try {
      this.typeCells(tabName, row, cells, user);
    } catch (err) {
      this.refuse(actor, what, err);
      return null;
    }
    this.nextRow.set(tabName, row + 1);
    return row;
  }

  private loadServices(): void {
    const tab = TABS.services;
    const values = this.tab(tab.name).values;
    const code = this.column(tab.name, tab.columns[0].header) - 1;
    const ka = this.column(tab.name, tab.columns[1].header) - 1;
    const link = this.column(tab.name, tab.columns[3].header) - 1;
    this.serviceNames = new Map();
    this.serviceLinks = new Map();
    for (const row of values.slice(1)) {
      const c = String(row[code] ?? '').trim();
      const name = String(row[ka] ?? '').trim();
      if (c && name) this.serviceNames.set(c, name);
      if (name && row[link]) this.serviceLinks.set(name, String(row[link]));
    }
  }

  /** A service as staff or a respondent picks it: a known code becomes its name; else as given. */
  private serviceName(value: unknown): string {
    const given = typedText(value).trim();
    return this.serviceNames.get(given) ?? given;
  }

  private formId(def: FormDefinition): string {
    let id = this.formIds.get(def.key);
    if (!id) {
      id = this.ws.forms.list().find((f) => f.title === def.title)?.id;
      if (!id) throw new Error(`no ${def.key} form exists (setup did not create it)`);
      this.formIds.set(def.key, id);
    }
    return id;
  }

  // --- actors ---------------------------------------------------------------------------------

  /** 1. The administrator: open, set up, type settings and services, set up again. */
  private administrator(): void {
    this.log('1. administrator: open the workbook and run setup');
    this.attempt('open the workbook', () => this.ws.spreadsheets.userOpen(this.spreadsheetId, this.users.admin));
    this.click(MENU.setup);
    this.attempt('type settings', () => this.typeSettings());
    this.smsKey();
    this.attempt('type services', () => this.typeServices());
    if (this.scenario.services?.length) this.click(MENU.setup);
    this.attempt('read the services tab', () => this.loadServices());
    this.log(`   services in the workbook: ${this.serviceNames.size}; N2 links: ${this.serviceLinks.size}`);
  }

  private typeSettings(): void {
    const settings = this.scenario.settings ?? {};
    const tab = TABS.settings;
    const values = this.tab(tab.name).values;
    const keyCol = this.column(tab.name, tab.columns[0].header);
    const valueCol = this.column(tab.name, tab.columns[1].header);
    const sms = smsSettings(settings.sms);
    const typed = Object.entries(settings).flatMap(
      ([key, raw]): Array<[string, unknown]> =>
        key === 'sms'
          ? sms
            ? [
                ['smsProvider', sms.provider],
                ['smsSender', sms.sender],
              ]
            : []
          : [[key, raw]],
    );
    if ('sms' in settings && !sms) this.record.warnings.push('settings.sms names no known provider (smsoffice, gosms, twilio); SMS stays off');
    for (const [key, raw] of typed) {
      const rowIndex = values.findIndex((row, i) => i > 0 && String(row[keyCol - 1]).trim() === key);
      if (rowIndex < 0) {
        this.record.warnings.push(`setting "${key}" has no row in the settings tab; not typed`);
        continue;
      }
      const value = Array.isArray(raw) ? raw.map(typedText).join(', ') : typeof raw === 'number' ? raw : typedText(raw);
      try {
        this.typeCells(tab.name, rowIndex + 1, new Map([[valueCol, value]]), this.users.admin);
      } catch (err) {
        this.refuse('administrator', `setting ${key}`, err);
      }
    }
  }

  /**
   * SMS on (settings.sms): the gateway gets a test key, and the administrator types the same key
   * into the product's own menu prompt, as the owner would with the provider's real one.
   */
  private smsKey(): void {
    const sms = smsSettings(this.scenario.settings?.sms);
    if (!sms) return;
    this.gateways.keys[sms.provider] = TEST_SMS_KEYS[sms.provider];
    this.click(t('menu.sms_key'), TEST_SMS_KEYS[sms.provider]);
  }

  private typeServices(): void {
    const services = this.scenario.services ?? [];
    if (services.length === 0) return;
    const tab = TABS.services;
    const values = this.tab(tab.name).values;
    const [code, ka, invite] = tab.columns.map((c) => this.column(tab.name, c.header));
    for (const service of services) {
      const serviceCode = typedText(service.code).trim();
      const existing = serviceCode ? values.findIndex((row, i) => i > 0 && String(row[code - 1]).trim() === serviceCode) : -1;
      const row = existing > 0 ? existing + 1 : this.rowFor(tab.name);
      try {
        this.typeCells(
          tab.name,
          row,
          new Map<number, unknown>([
            [code, serviceCode],
            [ka, typedText(service.ka)],
            [invite, true],
          ]),
          this.users.admin,
        );
        if (existing <= 0) this.nextRow.set(tab.name, row + 1);
      } catch (err) {
        this.refuse('administrator', `service ${serviceCode || typedText(service.ka)}`, err);
      }
    }
  }

  /** The first staff user, else the admin: who types paper forms, notes and actions. */
  private firstStaff(): string {
    return this.users.staff[0] ?? this.users.admin;
  }

  /** Who types and closes a case: its `closedBy`, else the first staff user, else the admin. */
  private caseUser(c: ScenarioCase): string {
    return typedText(c.closedBy).trim() || this.firstStaff();
  }

  private submitCase(c: ScenarioCase): void {
    const tab = TABS.applications;
    const h = (key: string) => tab.columns.find((col) => col.key === key)!.header;
    const submitted = timeOf(c.submittedAt);
    const channel = typedText(c.channel);
    const id = typedText(c.id);
    const row = this.appendRow(
      tab.name,
      [
        [h('caseId'), id],
        [h('submittedAt'), submitted === null ? typedText(c.submittedAt) : typedDate(submitted)],
        [h('service'), this.serviceName(c.service)],
        [h('applicant'), typedText(c.applicant)],
        [h('email'), typedText(c.email)],
        [h('applyChannel'), APPLY_CHANNELS.find((a) => a.id === channel)?.ka ?? channel],
        [h('status'), RECEIVED],
        // Issue 17: the mobile number and the consent tick, where the scenario gives them.
        ...(c.phone !== undefined ? [[h('phone'), typedText(c.phone)] as [string, unknown]] : []),
        ...(c.smsConsent !== undefined ? [[h('smsConsent'), c.smsConsent === true] as [string, unknown]] : []),
      ],
      'staff',
      `case ${id}`,
      this.caseUser(c),
    );
    const phone = parsePhone(c.phone);
    if (row !== null)
      this.record.casesEntered.push({
        id,
        row,
        email: typedText(c.email).trim(),
        service: this.serviceName(c.service),
        ...(phone.ok && c.smsConsent === true ? { phone: phone.msisdn } : {}),
      });
  }

  private closeCase(c: ScenarioCase): void {
    const id = typedText(c.id);
    const entered = this.record.casesEntered.find((e) => e.id === id && !this.record.casesClosed.includes(e));
    if (!entered) {
      this.refuse('staff', `closing case ${id}`, new Error('the case is not in the applications tab (its entry was refused)'));
      return;
    }
    const tab = TABS.applications;
    const status = this.column(tab.name, tab.columns.find((col) => col.key === 'status')!.header);
    try {
      this.typeCells(tab.name, entered.row, new Map([[status, CLOSED]]), this.caseUser(c));
      this.record.casesClosed.push(entered);
    } catch (err) {
      this.refuse('staff', `closing case ${id}`, err);
    }
  }

  /** Answers keyed by annex item id → keyed by the form's item titles; services as names. */
  private answersFor(def: FormDefinition, answers: Record<string, unknown>, skip?: string): Record<string, string | number | string[]> {
    const out: Record<string, string | number | string[]> = {};
    for (const [id, value] of Object.entries(answers)) {
      if (id === skip || value === null || value === undefined) continue;
      const item = def.items.find((i) => i.id === id);
      if (!item) {
        this.record.warnings.push(`${def.key} has no item "${id}"; that answer was not given`);
        continue;
      }
      if (item.type === 'service') out[item.ka] = this.serviceName(value);
      else if (typeof value === 'number' || Array.isArray(value)) out[item.ka] = value as number | string[];
      else out[item.ka] = typedText(value);
    }
    return out;
  }

  private submitResponse(r: ScenarioResponse, index: number): void {
    const form = typedText(r.form).trim().toUpperCase();
    const channel = typedText(r.channel).trim();
    const answers = (typeof r.answers === 'object' && r.answers !== null && !Array.isArray(r.answers) ? r.answers : {}) as Record<string, unknown>;
    const key = `${form}/${channel}`;
    const accepted = () => {
      this.record.responsesAccepted[key] = (this.record.responsesAccepted[key] ?? 0) + 1;
    };
    if (form === 'N1' && channel === 'paper') {
      const row = this.typePaperForm(r, answers);
      if (row !== null) {
        this.paperRows.set(index, row);
        accepted();
      }
      return;
    }
    const def = FORMS[form as 'N1' | 'N2'];
    if (!def) {
      this.refuse('respondent', `response ${key}`, new Error(`there is no form "${typedText(r.form)}"`));
      return;
    }
    try {
      if (def === N2) {
        // The invitation link carries the service; the respondent keeps it as prefilled.
        const service = this.serviceName(answers['n2.service']);
        const link = this.serviceLinks.get(service);
        this.ws.forms.respond(this.formId(N2), this.answersFor(N2, answers, link ? 'n2.service' : undefined), link ? { prefilledUrl: link } : {});
      } else {
        this.ws.forms.respond(this.formId(N1), this.answersFor(N1, answers));
      }
      accepted();
    } catch (err) {
      this.refuse('respondent', `response ${key} (refused by the form)`, err);
    }
  }

  /** The scenario's box openings with a readable time, in time order (others are warned about). */
  private boxOpenings(): Array<{ at: number; by: string; found: unknown }> {
    const openings: Array<{ at: number; by: string; found: unknown }> = [];
    (this.scenario.boxOpenings ?? []).forEach((opening, i) => {
      const at = timeOf(opening.at);
      if (at === null) this.record.warnings.push(`boxOpenings[${i}]: "at" is not a time; that opening was not played`);
      else openings.push({ at, by: typedText(opening.by), found: opening.found });
    });
    return openings.sort((a, b) => a.at - b.at);
  }

  /** Staff empty the box: the opening is logged (number, date, who, forms found), then its forms typed with its number. */
  private openBox(opening: { at: number; by: string; found: unknown }, batch: number, forms: Array<{ r: ScenarioResponse; index: number }>): void {
    const tab = TABS.box;
    const h = (key: string) => tab.columns.find((col) => col.key === key)!.header;
    const found = typeof opening.found === 'number' ? opening.found : typedText(opening.found);
    this.appendRow(
      tab.name,
      [
        [h('batch'), String(batch)],
        [h('openedAt'), typedDate(opening.at)],
        [h('openedBy'), opening.by],
        [h('found'), found],
      ],
      'staff',
      `box opening ${batch}`,
    );
    for (const { r, index } of forms) {
      const answers = (typeof r.answers === 'object' && r.answers !== null && !Array.isArray(r.answers) ? r.answers : {}) as Record<string, unknown>;
      const row = this.typePaperForm(r, answers, String(batch));
      if (row === null) continue;
      // An edit names a paper form by its index in `responses` (as without openings).
      this.paperRows.set(index, row);
      this.record.responsesAccepted['N1/paper'] = (this.record.responsesAccepted['N1/paper'] ?? 0) + 1;
    }
  }

  /** Staff type one paper N1 into the paper tab (with its box opening's number, if it came from one). */
  private typePaperForm(r: ScenarioResponse, answers: Record<string, unknown>, batch = ''): number | null {
    const tab = TABS.paper.name;
    const received = timeOf(r.submittedAt);
    const cells: Array<[string, unknown]> = [[TABS.paper.columns[0].header, received === null ? typedText(r.submittedAt) : typedDate(received)]];
    if (batch) cells.push([TABS.paper.columns.find((c) => c.key === 'batch')!.header, batch]);
    for (const [id, value] of Object.entries(answers)) {
      const item = N1.items.find((i) => i.id === id);
      if (!item) {
        this.record.warnings.push(`N1 has no item "${id}"; that paper answer was not typed`);
        continue;
      }
      cells.push([id, item.type === 'service' ? this.serviceName(value) : typeof value === 'number' ? value : typedText(value)]);
    }
    return this.appendRow(tab, cells, 'staff', `paper N1 received ${typedText(r.submittedAt)}`);
  }

  private logFeedback(f: ScenarioFeedback, index: number): void {
    const tab = TABS.otherChannels;
    const h = (key: string) => tab.columns.find((col) => col.key === key)!.header;
    const received = timeOf(f.receivedAt);
    const channel = typedText(f.channel).trim();
    const row = this.appendRow(
      tab.name,
      [
        [h('receivedAt'), received === null ? typedText(f.receivedAt) : typedDate(received)],
        [h('channel'), LOGGED_CHANNELS.find((c) => c.id === channel)?.ka ?? channel],
        [h('service'), this.serviceName(f.service)],
        [h('text'), typedText(f.text)],
      ],
      'staff',
      `${channel || 'other'} feedback`,
    );
    if (row !== null) {
      this.otherRows.set(index, row);
      this.record.feedbackLogged++;
    }
  }

  private logAction(a: ScenarioAction): void {
    const tab = TABS.actions;
    const h = (key: string) => tab.columns.find((col) => col.key === key)!.header;
    const status = typedText(a.status).trim();
    const cells: Array<[string, unknown]> = [
      [h('problem'), typedText(a.problem)],
      [h('service'), this.serviceName(a.service)],
      [h('decision'), typedText(a.decision)],
      [h('owner'), typedText(a.owner)],
      [h('due'), typedCalendarDate(a.due)],
      [h('status'), ACTION_STATUSES.find((s) => s.id === status)?.ka ?? status],
    ];
    // Staff write the citizens' wording only when the scenario has one: the column stays empty
    // otherwise, and the public report leaves that action out rather than publish internal text.
    if (a.publicWording !== undefined && a.publicWording !== null) cells.push([h('publicWording'), typedText(a.publicWording)]);
    if (a.targets !== undefined && a.targets !== null) cells.push([h('targets'), typedText(Array.isArray(a.targets) ? a.targets.join(', ') : a.targets)]);
    if (a.completedAt !== undefined && a.completedAt !== null) cells.push([h('completedAt'), typedCalendarDate(a.completedAt)]);
    const row = this.appendRow(tab.name, cells, 'staff', `action "${typedText(a.problem).slice(0, 40)}"`);
    if (row !== null) this.record.actionsLogged++;
  }

  // --- later corrections (the scenario's `edits`) -------------------------------------------------

  /**
   * One later correction, typed by `by` into one cell, as a user edit (the installable edit
   * trigger fires as for any edit). What cannot be played (an unknown tab, case, response or
   * field) is recorded as a warning; what the sheet refuses, as refused input.
   */
  private playEdit(e: ScenarioEdit, index: number): void {
    const tabKey = typedText(e.tab).trim();
    const field = typedText(e.field).trim();
    const what = `edit ${index} (${tabKey} ${field})`;
    const target = this.editTarget(e, tabKey, field);
    if ('problem' in target) {
      this.record.warnings.push(`${what}: ${target.problem}; not played`);
      return;
    }
    const user = typedText(e.by).trim() || target.user;
    try {
      this.typeCells(target.tab, target.row, new Map([[target.column, target.value]]), user);
      target.after?.();
      this.record.edits.push({ at: this.now(), by: user, tab: tabKey, row: target.row, field, value: target.value });
      this.log(`  ✎ ${user}: ${target.tab} row ${target.row}, ${field} → ${typedText(target.value)}`);
    } catch (err) {
      this.refuse(user, what, err);
      return;
    }
    if (tabKey === 'services') this.attempt('read the services tab', () => this.loadServices());
  }

  /** Where an edit goes (tab, row, column), what is typed, and who types it unless `by` says. */
  private editTarget(
    e: ScenarioEdit,
    tabKey: string,
    field: string,
  ): { tab: string; row: number; column: number; value: unknown; user: string; after?: () => void } | { problem: string } {
    const raw = e.value;
    const asTyped = (v: unknown): unknown => (typeof v === 'number' ? v : typedText(v));
    const asDate = (v: unknown): unknown => {
      const ms = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? timeOf(v) : null;
      return ms === null ? asTyped(v) : typedDate(ms);
    };
    switch (tabKey) {
      case 'applications': {
        const tab = TABS.applications;
        const id = typedText(e.case).trim();
        const entered = this.record.casesEntered.find((c) => c.id.trim() === id);
        if (!entered) return { problem: `no case "${id}" was typed` };
        const key = field === 'id' ? 'caseId' : field === 'channel' ? 'applyChannel' : field;
        const column = tab.columns.find((c) => c.key === key && !c.scriptOnly);
        if (!column) return { problem: `the applications tab has no column "${field}" staff type` };
        let value: unknown = asTyped(raw);
        if (key === 'status') value = CASE_STATUSES.find((st) => st.id === typedText(raw).trim())?.ka ?? value;
        if (key === 'applyChannel') value = APPLY_CHANNELS.find((ch) => ch.id === typedText(raw).trim())?.ka ?? value;
        if (key === 'service') value = this.serviceName(raw);
        if (key === 'submittedAt' || key === 'closedAt') value = asDate(raw);
        const c = this.scenario.cases.find((x) => typedText(x.id).trim() === id);
        // The summary counts a case's invitation at its address as it stands (the case keeps its first number as its name).
        const after = key === 'email' ? () => (entered.email = typedText(raw).trim()) : undefined;
        return { tab: tab.name, row: entered.row, column: this.column(tab.name, column.header), value, user: c ? this.caseUser(c) : this.firstStaff(), after };
      }
      case 'paper': {
        const n = Number(e.response);
        const row = this.paperRows.get(n);
        if (row === undefined) return { problem: `response ${typedText(e.response)} is not a paper N1 that was typed` };
        if (field === 'receivedAt' || field === 'submittedAt')
          return { tab: TABS.paper.name, row, column: this.column(TABS.paper.name, TABS.paper.columns[0].header), value: asDate(raw), user: this.firstStaff() };
        const item = N1.items.find((i) => i.id === field);
        if (!item) return { problem: `N1 has no item "${field}"` };
        const value = item.type === 'service' ? this.serviceName(raw) : asTyped(raw);
        return { tab: TABS.paper.name, row, column: this.column(TABS.paper.name, field), value, user: this.firstStaff() };
      }
      case 'other': {
        const tab = TABS.otherChannels;
        const row = this.otherRows.get(Number(e.response));
        if (row === undefined) return { problem: `otherFeedback ${typedText(e.response)} was not typed` };
        const column = tab.columns.find((c) => c.key === field && !c.scriptOnly);
        if (!column) return { problem: `the other-channels tab has no column "${field}" staff type` };
        let value: unknown = asTyped(raw);
        if (field === 'channel') value = LOGGED_CHANNELS.find((ch) => ch.id === typedText(raw).trim())?.ka ?? value;
        if (field === 'service') value = this.serviceName(raw);
        if (field === 'receivedAt') value = asDate(raw);
        return { tab: tab.name, row, column: this.column(tab.name, column.header), value, user: this.firstStaff() };
      }
      case 'services': {
        // `field` names the service (its code, or its name as it stands); `value` is its new Georgian name.
        const tab = TABS.services;
        const values = this.tab(tab.name).values;
        const [code, ka] = [tab.columns[0].header, tab.columns[1].header].map((h) => this.column(tab.name, h) - 1);
        const at = values.findIndex((r, i) => i > 0 && (String(r[code]).trim() === field || String(r[ka]).trim() === field));
        if (at < 1) return { problem: `no service "${field}" in the services tab` };
        return { tab: tab.name, row: at + 1, column: ka + 1, value: typedText(raw), user: this.users.admin };
      }
      case 'settings': {
        const tab = TABS.settings;
        const values = this.tab(tab.name).values;
        const keyCol = this.column(tab.name, tab.columns[0].header);
        const at = values.findIndex((r, i) => i > 0 && String(r[keyCol - 1]).trim() === field);
        if (at < 1) return { problem: `no setting "${field}" in the settings tab` };
        const value = Array.isArray(raw) ? raw.map(typedText).join(', ') : asTyped(raw);
        return { tab: tab.name, row: at + 1, column: this.column(tab.name, tab.columns[1].header), value, user: this.users.admin };
      }
      default:
        return { problem: 'tab must be applications, paper, other, services or settings' };
    }
  }

  /** 2–4. Staff, respondents and the clock, in time order. */
  private timeline(): Step[] {
    const start = this.record.startedAt;
    const steps: Step[] = [];
    let seq = 0;
    const add = (at: number | null, order: number, label: string, run: () => void) => steps.push({ at: at ?? start, order, seq: seq++, label, run });
    for (const c of this.scenario.cases) {
      add(timeOf(c.submittedAt), 0, `case ${typedText(c.id)} submitted`, () => this.submitCase(c));
      if (c.closedAt === null || c.closedAt === undefined || c.closedAt === '') continue;
      const closed = timeOf(c.closedAt);
      if (closed === null) {
        this.record.warnings.push(`case ${typedText(c.id)}: closedAt "${typedText(c.closedAt)}" is not a time; it was not closed`);
        continue;
      }
      // Staff cannot close a case before typing it in: a closedAt earlier than submittedAt is
      // played as closing it right after entry, with a warning, not as a refused close.
      const submitted = timeOf(c.submittedAt);
      if (submitted !== null && closed < submitted) {
        this.record.warnings.push(`case ${typedText(c.id)}: closedAt is before submittedAt; it was closed right after it was entered`);
      }
      add(submitted !== null && closed < submitted ? submitted : closed, 1, `case ${typedText(c.id)} closed`, () => this.closeCase(c));
    }
    // With box openings, a paper N1 waits in the box and is typed in with the next opening's batch.
    const openings = this.boxOpenings();
    const inBox = (r: ScenarioResponse) => openings.length > 0 && isPaperN1(r);
    this.scenario.responses.forEach((r, i) => {
      if (!inBox(r)) add(timeOf(r.submittedAt), 2, `response ${typedText(r.form)}/${typedText(r.channel)}`, () => this.submitResponse(r, i));
    });
    openings.forEach((opening, i) => {
      const after = i === 0 ? Number.NEGATIVE_INFINITY : openings[i - 1].at;
      const batch = this.scenario.responses.flatMap((r, index) => {
        if (!inBox(r)) return [];
        const dropped = timeOf(r.submittedAt) ?? start;
        return dropped > after && dropped <= opening.at ? [{ r, index }] : [];
      });
      add(opening.at, 2, `box opening ${i + 1}`, () => this.openBox(opening, i + 1, batch));
    });
    if (openings.length > 0) {
      const last = openings[openings.length - 1].at;
      const left = this.scenario.responses.filter((r) => inBox(r) && (timeOf(r.submittedAt) ?? start) > last).length;
      if (left > 0) this.record.warnings.push(`${left} paper form(s) dropped after the last box opening are still in the box; not typed`);
    }
    this.scenario.otherFeedback.forEach((f, i) => add(timeOf(f.receivedAt), 3, `${typedText(f.channel)} feedback`, () => this.logFeedback(f, i)));
    (this.scenario.edits ?? []).forEach((e, i) => {
      const at = timeOf(e.at);
      if (at === null) {
        this.record.warnings.push(`edit ${i}: at "${typedText(e.at)}" is not a time; it was not played`);
        return;
      }
      add(at, 4, `edit ${i} (${typedText(e.tab)} ${typedText(e.field)})`, () => this.playEdit(e, i));
    });
    steps.sort((a, b) => a.at - b.at || a.order - b.order || a.seq - b.seq);
    return steps;
  }

  /** Plays the whole scenario. */
  play(): PlayResult {
    this.administrator();
    const steps = this.timeline();
    this.log(
      `2–4. staff, respondents and the clock: ${steps.length} events, ${isoDay(steps[0]?.at ?? this.record.startedAt)} → ${isoDay(steps[steps.length - 1]?.at ?? this.record.startedAt)}`,
    );
    let month = '';
    for (const step of steps) {
      this.attempt(`time-driven triggers until ${new Date(step.at).toISOString()}`, () => this.ws.script.runClockUntil(step.at));
      const current = isoDay(this.ws.core.now()).slice(0, 7);
      if (current !== month) {
        if (month) this.progress(`   by the end of ${month}`);
        month = current;
      }
      this.attempt(step.label, step.run);
    }
    if (month) this.progress(`   by the end of ${month}`);
    const lastEvent = Math.max(this.ws.core.now(), steps.length ? steps[steps.length - 1].at : this.record.startedAt);
    const end = Math.max(lastEvent + HOUR, morningAfter(this.record.report.to) ?? 0);

    // Staff log the actions agreed in the period before the manager reports on it.
    const actionsAt = Math.max(lastEvent, end - 2 * HOUR);
    this.attempt('time-driven triggers before the actions', () => this.ws.script.runClockUntil(actionsAt));
    if (this.scenario.actions.length) this.log(`   actions: ${this.scenario.actions.length}`);
    for (const action of this.scenario.actions) this.attempt('log an action', () => this.logAction(action));

    this.attempt('time-driven triggers until the end', () => this.ws.script.runClockUntil(end));
    const period = `${this.record.report.from}..${this.record.report.to}`;
    this.log(`5. manager, ${isoDay(this.ws.core.now())}: paper import, report ${period}, agenda, public report`);
    this.attempt('re-open the workbook', () => this.ws.spreadsheets.userOpen(this.spreadsheetId, this.users.admin));
    this.click(MENU.importPaper);
    this.click(MENU.buildReport, period);
    this.click(MENU.prepareMeeting, period);
    this.click(MENU.publishReport, period);
    const selfCheck = this.selfCheck();
    this.record.endedAt = this.ws.core.now();
    const { name, source, environment } = this.environment;
    return {
      ws: this.ws,
      gateways: this.gateways,
      spreadsheetId: this.spreadsheetId,
      record: this.record,
      environment: { ...environment, name, source, users: this.users, selfCheck },
    };
  }

  /**
   * The product's self-check, once it has one: when the bundle defines SELF_CHECK_HANDLER, the
   * administrator clicks the menu item that calls it (run directly, with a warning, when no menu
   * item does) and everything it showed is kept. Null while the bundle has no such function.
   */
  private selfCheck(): SelfCheckRecord | null {
    if (typeof this.ws.bundle()[SELF_CHECK_HANDLER] !== 'function') return null;
    const ui = this.ws.spreadsheets.ui;
    const caption = menuCaptionOf(ui.menus, SELF_CHECK_HANDLER);
    const shownBefore = ui.shown.length;
    const failuresBefore = this.ws.core.triggerFailures.length;
    const tabBefore = JSON.stringify(this.checkTab());
    const at = this.now();
    this.log(`6. administrator: self-check${caption ? ` ("${caption}")` : ''}`);
    if (caption) {
      this.click(caption);
    } else {
      this.record.warnings.push(`the bundle defines ${SELF_CHECK_HANDLER} but no menu item calls it; the replay ran it directly`);
      this.attempt(`self-check (${SELF_CHECK_HANDLER})`, () => this.ws.core.invoke(SELF_CHECK_HANDLER, 'menu', undefined, { rethrow: false }));
    }
    const failure = this.ws.core.triggerFailures.slice(failuresBefore).find((f) => f.handler === SELF_CHECK_HANDLER);
    const shown = ui.shown.slice(shownBefore).map(({ kind, title, message }) => ({ kind, title, message }));
    const tab = this.checkTab();
    return {
      at,
      menuItem: caption,
      shown,
      alert: shown.filter((s) => s.kind === 'alert').pop()?.message ?? null,
      checklist: tab && JSON.stringify(tab) !== tabBefore ? checklistOf(tab) : null,
      failure: failure?.message ?? null,
    };
  }

  /** The self-check's tab as it stands, or null when the workbook has none. */
  private checkTab(): unknown[][] | null {
    return this.ws.spreadsheets.snapshot(this.spreadsheetId).tabs.find((tab) => tab.name === SELF_CHECK_TAB)?.values ?? null;
  }

  private progress(line: string): void {
    const r = this.record;
    this.log(
      `${line}: cases ${r.casesEntered.length}, closed ${r.casesClosed.length}, mails ${this.ws.mail.sent.length}, responses ${Object.values(r.responsesAccepted).reduce((a, b) => a + b, 0)}, refused ${r.refused.length}`,
    );
  }
}

/**
 * The checklist rows of the self-check's tab: below the header (found by its texts, in whatever
 * column order), each row whose status cell holds ✓, ⚠ or ✗.
 */
export function checklistOf(values: unknown[][]): CheckItem[] {
  const header = (values[0] ?? []).map((h) => String(h).trim());
  const [status, check, found, todo] = CHECK_HEADER.map((h) => header.indexOf(h));
  const marks = new Set(Object.values(CHECK_MARKS));
  const cell = (row: unknown[], i: number): string => (i < 0 ? '' : String(row[i] ?? ''));
  return values
    .slice(1)
    .filter((row) => marks.has(cell(row, status).trim()))
    .map((row) => ({ status: cell(row, status).trim(), check: cell(row, check), found: cell(row, found), todo: cell(row, todo) }));
}

/**
 * A person clicks a menu item after the replay, answering its prompt with `answer` if given; what the
 * menu then showed (dialogs and toasts, not the prompt), one per line.
 */
export function clickMenu(result: PlayResult, caption: string, answer?: string): string {
  const ui = result.ws.spreadsheets.ui;
  const before = ui.shown.length;
  if (answer !== undefined) ui.answerNext({ button: 'OK', text: answer });
  ui.clickMenuItem(caption);
  return ui.shown
    .slice(before)
    .filter((shown) => shown.kind !== 'prompt')
    .map((shown) => shown.message)
    .join('\n');
}

type MenuEntries = Workspace['spreadsheets']['ui']['menus'][number]['items'];

/** The caption of the first menu item (submenus too) that calls `handler`; null when none does. */
export function menuCaptionOf(menus: Array<{ items: MenuEntries }>, handler: string): string | null {
  const find = (entries: MenuEntries): string | null => {
    for (const entry of entries) {
      if ('functionName' in entry && entry.functionName === handler) return entry.caption;
      if ('items' in entry) {
        const found = find(entry.items);
        if (found !== null) return found;
      }
    }
    return null;
  };
  for (const menu of menus) {
    const found = find(menu.items);
    if (found !== null) return found;
  }
  return null;
}

/** A paper N1 (form and channel as the scenario spells them, case and spaces aside). */
function isPaperN1(r: ScenarioResponse): boolean {
  return typedText(r.form).trim().toUpperCase() === 'N1' && typedText(r.channel).trim() === 'paper';
}

/** Plays `scenario` on a fresh emulated Workspace with the built bundle. */
export function playScenario(scenario: Scenario, options: PlayOptions = {}): PlayResult {
  return new Player(scenario, options).play();
}
