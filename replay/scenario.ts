/**
 * The scenario a replay plays (../shared/scenario.md). Only the shape is checked here: a file that
 * is not JSON, or not a scenario at all, is refused with a clear message (exit code 2). Bad data
 * inside a well-shaped scenario — a malformed email, an unknown service, a score of 7, a missing
 * field — is kept exactly as written: the player types it as a person would, and the product has
 * to cope with it. The one exception is `environment`, the Google world the replay sets up rather
 * than data a person types: an unknown account type or field value there is refused like a
 * scenario of the wrong shape.
 */
import { ENVIRONMENTS, type Environment, type EnvironmentName } from '../emulator';

export interface ScenarioSettings {
  municipality?: unknown;
  senderName?: unknown;
  replyTo?: unknown;
  managers?: unknown;
  minGroupSize?: unknown;
  mailQuotaPerDay?: unknown;
  [key: string]: unknown;
}

export interface ScenarioService {
  code?: unknown;
  ka?: unknown;
  [key: string]: unknown;
}

export interface ScenarioCase {
  id?: unknown;
  /** The staff user who types and closes it (Additions); default: the first staff user, else the admin. */
  closedBy?: unknown;
  service?: unknown;
  applicant?: unknown;
  email?: unknown;
  submittedAt?: unknown;
  closedAt?: unknown;
  channel?: unknown;
  [key: string]: unknown;
}

export interface ScenarioResponse {
  form?: unknown;
  channel?: unknown;
  submittedAt?: unknown;
  answers?: unknown;
  [key: string]: unknown;
}

export interface ScenarioFeedback {
  channel?: unknown;
  service?: unknown;
  receivedAt?: unknown;
  text?: unknown;
  [key: string]: unknown;
}

export interface ScenarioAction {
  problem?: unknown;
  decision?: unknown;
  owner?: unknown;
  due?: unknown;
  status?: unknown;
  service?: unknown;
  /**
   * Optional: how the decision is told to citizens (the actions tab's public-wording column).
   * The public report publishes only actions that have one; the replay never makes one up.
   */
  publicWording?: unknown;
  /**
   * Optional (this project's addition): what the action was meant to improve, as staff type it
   * into the targets column — short question names or theme names, comma-separated (a list is
   * joined with commas) — and the day it was done (`YYYY-MM-DD`). Absent: the columns stay empty.
   */
  targets?: unknown;
  completedAt?: unknown;
  [key: string]: unknown;
}

/**
 * A later correction typed by a person (Additions): `tab` applications | paper | other | services |
 * settings; `case` names an applications row by its case number as first typed; `response` a
 * paper N1 or other-channel entry by its index in `responses` / `otherFeedback`; `field` the
 * column (applications: id | email | status | service | applicant | …; paper: an item id such
 * as n1.overall, or receivedAt; other: receivedAt | channel | service | text; services: the
 * service's code, whose Georgian name becomes `value`; settings: the setting's key). Kept as
 * written: the player plays what it can and records why it could not play the rest.
 */
export interface ScenarioEdit {
  at?: unknown;
  by?: unknown;
  tab?: unknown;
  case?: unknown;
  response?: unknown;
  field?: unknown;
  value?: unknown;
  [key: string]: unknown;
}

/** Who does what (Additions): the admin runs setup and owns the triggers; staff type and close cases. */
export interface ScenarioUsers {
  admin?: string;
  staff?: string[];
}

export interface ScenarioReport {
  from?: unknown;
  to?: unknown;
}

/**
 * The scenario's `environment` (../shared/scenario.md, Additions): the Google world the workbook
 * lives in. Every field is optional; validateScenario has checked each one given.
 */
export interface ScenarioEnvironment {
  account?: 'consumer' | 'workspace';
  locale?: string;
  timeZone?: string;
  sharing?: 'allowed' | 'blocked';
  formResponders?: 'anyone' | 'domain';
  otherMailPerDay?: number;
}

/** An opening of the paper feedback box (../shared/scenario.md, Additions: `boxOpenings`). */
export interface ScenarioBoxOpening {
  at?: unknown;
  by?: unknown;
  found?: unknown;
  [key: string]: unknown;
}

export interface Scenario {
  now?: unknown;
  /** When the box is emptied; paper N1 forms are then typed in by batch (absent: as they come). */
  boxOpenings?: ScenarioBoxOpening[];
  environment?: ScenarioEnvironment;
  settings?: ScenarioSettings;
  services?: ScenarioService[];
  cases: ScenarioCase[];
  responses: ScenarioResponse[];
  otherFeedback: ScenarioFeedback[];
  actions: ScenarioAction[];
  report?: ScenarioReport;
  users?: ScenarioUsers;
  edits?: ScenarioEdit[];
}

/** A scenario the replay cannot play at all: its message is shown and the replay exits with 2. */
export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

const LIST_KEYS = ['services', 'cases', 'responses', 'otherFeedback', 'actions', 'edits'] as const;
const KNOWN_KEYS = new Set<string>(['now', 'settings', 'report', 'environment', 'users', 'boxOpenings', ...LIST_KEYS]);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Parses scenario text; `source` names the file in messages. Throws ScenarioError. */
export function parseScenario(text: string, source = 'scenario'): Scenario {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ScenarioError(`${source} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  return validateScenario(data, source);
}

/** Checks the shape of parsed JSON (the top-level keys and the kind of each list element). */
export function validateScenario(parsed: unknown, source = 'scenario'): Scenario {
  const problems: string[] = [];
  if (!isObject(parsed)) {
    throw new ScenarioError(`${source} is not a scenario: expected a JSON object with "cases" and/or "responses", found ${kindOf(parsed)}`);
  }
  // A key set to null is a key left out (JSON writers emit null for "none"): its default applies.
  const data = Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== null));
  if (!('cases' in data) && !('responses' in data)) {
    const keys = Object.keys(parsed);
    problems.push(`it has neither "cases" nor "responses" (keys found: ${keys.length ? keys.join(', ') : 'none'}; a null list counts as missing)`);
  }
  if (Object.keys(data).length > 0 && !Object.keys(data).some((key) => KNOWN_KEYS.has(key))) {
    problems.push(`none of its keys is a scenario key (${[...KNOWN_KEYS].join(', ')})`);
  }
  for (const key of LIST_KEYS) {
    if (!(key in data)) continue;
    const list = data[key];
    if (!Array.isArray(list)) {
      problems.push(`"${key}" must be a list, found ${kindOf(list)}`);
      continue;
    }
    list.forEach((element, i) => {
      if (!isObject(element)) problems.push(`"${key}"[${i}] must be an object, found ${kindOf(element)}`);
    });
  }
  if ('settings' in data && !isObject(data.settings)) problems.push(`"settings" must be an object, found ${kindOf(data.settings)}`);
  if ('report' in data && !isObject(data.report)) problems.push(`"report" must be an object, found ${kindOf(data.report)}`);
  if ('now' in data && typeof data.now !== 'string' && typeof data.now !== 'number') problems.push(`"now" must be an ISO 8601 time, found ${kindOf(data.now)}`);
  if ('environment' in data) problems.push(...environmentProblems(data.environment));
  if ('users' in data) problems.push(...usersProblems(data.users));
  if ('boxOpenings' in data) {
    if (!Array.isArray(data.boxOpenings)) problems.push(`"boxOpenings" must be a list, found ${kindOf(data.boxOpenings)}`);
    else data.boxOpenings.forEach((element, i) => !isObject(element) && problems.push(`"boxOpenings"[${i}] must be an object, found ${kindOf(element)}`));
  }
  if (problems.length > 0) {
    throw new ScenarioError(`${source} is not a scenario (see ../shared/scenario.md):\n  - ${problems.slice(0, 10).join('\n  - ')}`);
  }
  const list = <T>(key: (typeof LIST_KEYS)[number]): T[] => (Array.isArray(data[key]) ? (data[key] as T[]) : []);
  return {
    now: data.now,
    settings: isObject(data.settings) ? (data.settings as ScenarioSettings) : undefined,
    services: Array.isArray(data.services) ? (data.services as ScenarioService[]) : undefined,
    cases: list<ScenarioCase>('cases'),
    responses: list<ScenarioResponse>('responses'),
    otherFeedback: list<ScenarioFeedback>('otherFeedback'),
    actions: list<ScenarioAction>('actions'),
    report: isObject(data.report) ? (data.report as ScenarioReport) : undefined,
    environment: isObject(data.environment) ? scenarioEnvironment(data.environment) : undefined,
    users: isObject(data.users) ? scenarioUsers(data.users) : undefined,
    edits: list<ScenarioEdit>('edits'),
    boxOpenings: Array.isArray(data.boxOpenings) ? (data.boxOpenings as ScenarioBoxOpening[]) : undefined,
  };
}

// --- users ------------------------------------------------------------------------------------

/** An account's address, as the replay signs people in with it. */
const ACCOUNT = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is wrong with a scenario's `users` (the people the replay signs in as, not typed data). */
function usersProblems(value: unknown): string[] {
  if (!isObject(value)) return [`"users" must be an object, found ${kindOf(value)}`];
  const problems: string[] = [];
  for (const key of Object.keys(value))
    if (key !== 'admin' && key !== 'staff' && value[key] !== null) problems.push(`"users.${key}" is not a users field (admin, staff)`);
  const admin = value.admin;
  if (admin !== undefined && admin !== null && (typeof admin !== 'string' || !ACCOUNT.test(admin.trim())))
    problems.push(`"users.admin" must be an account's email address, found ${JSON.stringify(admin)}`);
  const staff = value.staff;
  if (staff !== undefined && staff !== null) {
    if (!Array.isArray(staff)) problems.push(`"users.staff" must be a list of email addresses, found ${kindOf(staff)}`);
    else
      staff.forEach((s, i) => {
        if (typeof s !== 'string' || !ACCOUNT.test(s.trim()))
          problems.push(`"users.staff"[${i}] must be an account's email address, found ${JSON.stringify(s)}`);
      });
  }
  return problems;
}

function scenarioUsers(value: Record<string, unknown>): ScenarioUsers {
  const users: ScenarioUsers = {};
  if (typeof value.admin === 'string') users.admin = value.admin.trim();
  if (Array.isArray(value.staff)) users.staff = (value.staff as string[]).map((s) => s.trim());
  return users;
}

// --- environment ------------------------------------------------------------------------------

const ACCOUNTS = ['consumer', 'workspace'] as const;
const SHARING = ['allowed', 'blocked'] as const;
const RESPONDERS = ['anyone', 'domain'] as const;
const ENVIRONMENT_KEYS = ['account', 'locale', 'timeZone', 'sharing', 'formResponders', 'otherMailPerDay'] as const;
/** A spreadsheet locale as Google spells it: `en_US`, `ka_GE`, `de`. */
const LOCALE = /^[a-z]{2,3}(_[A-Z]{2})?$/;

/** The names `--environment` takes (emulator/environment.ts). */
export const ENVIRONMENT_NAMES = Object.keys(ENVIRONMENTS) as EnvironmentName[];

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function oneOf(value: unknown, allowed: readonly string[]): boolean {
  return typeof value === 'string' && allowed.includes(value);
}

/** What is wrong with a scenario's `environment` (nothing: []). A field set to null is left out. */
function environmentProblems(value: unknown): string[] {
  if (!isObject(value)) return [`"environment" must be an object, found ${kindOf(value)}`];
  const problems: string[] = [];
  const field = (key: string) => `"environment.${key}"`;
  const shown = (v: unknown) => JSON.stringify(v);
  for (const [key, v] of Object.entries(value)) {
    if (v === null) continue;
    switch (key) {
      case 'account':
        if (!oneOf(v, ACCOUNTS)) problems.push(`${field(key)} must be one of ${ACCOUNTS.join(', ')}, found ${shown(v)}`);
        break;
      case 'sharing':
        if (!oneOf(v, SHARING)) problems.push(`${field(key)} must be one of ${SHARING.join(', ')}, found ${shown(v)}`);
        break;
      case 'formResponders':
        if (!oneOf(v, RESPONDERS)) problems.push(`${field(key)} must be one of ${RESPONDERS.join(', ')}, found ${shown(v)}`);
        break;
      case 'locale':
        if (typeof v !== 'string' || !LOCALE.test(v)) problems.push(`${field(key)} must be a locale such as en_US or ka_GE, found ${shown(v)}`);
        break;
      case 'timeZone':
        if (typeof v !== 'string' || !isTimeZone(v)) problems.push(`${field(key)} must be an IANA time zone such as America/New_York, found ${shown(v)}`);
        break;
      case 'otherMailPerDay':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
          problems.push(`${field(key)} must be a whole number of mails, 0 or more, found ${shown(v)}`);
        break;
      default:
        problems.push(`${field(key)} is not an environment field (${ENVIRONMENT_KEYS.join(', ')})`);
    }
  }
  // A consumer (gmail.com) account has no domain and no admin: neither restriction exists there.
  if (value.account !== 'workspace') {
    if (value.formResponders === 'domain') problems.push(`${field('formResponders')} "domain" needs "account": "workspace" (a consumer account has no domain)`);
    if (value.sharing === 'blocked')
      problems.push(`${field('sharing')} "blocked" needs "account": "workspace" (only a Workspace admin can block link sharing)`);
  }
  return problems;
}

/** The checked fields of a scenario's `environment`, nulls left out. */
function scenarioEnvironment(value: Record<string, unknown>): ScenarioEnvironment {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) as ScenarioEnvironment;
}

/** The environment a replay runs in, and where it came from. */
export interface ResolvedEnvironment {
  /** The named world it equals (emulator/environment.ts), if any. */
  name: EnvironmentName | null;
  /** `flag`: `--environment NAME`; `scenario`: the scenario's `environment`; `default`: neither. */
  source: 'flag' | 'scenario' | 'default';
  environment: Environment;
}

/** The name of the named world equal to `env`, if any. */
export function environmentName(env: Environment): EnvironmentName | null {
  const same = (a: Environment, b: Environment) => (Object.keys(a) as Array<keyof Environment>).every((key) => a[key] === b[key]);
  return ENVIRONMENT_NAMES.find((name) => same(ENVIRONMENTS[name], env)) ?? null;
}

/**
 * The world a replay runs in: `--environment NAME` when given (it replaces the scenario's key as a
 * whole), else the scenario's `environment` over the defaults of its account (../shared/scenario.md:
 * en_US, America/New_York, sharing allowed, responders `anyone` on consumer and `domain` on
 * Workspace, no other mail), else a new consumer account. Throws ScenarioError for an unknown name.
 */
export function resolveEnvironment(fromScenario: ScenarioEnvironment | undefined, flag?: string | null): ResolvedEnvironment {
  if (flag !== undefined && flag !== null) {
    if (!(ENVIRONMENT_NAMES as string[]).includes(flag)) {
      throw new ScenarioError(`unknown environment "${flag}": --environment takes ${ENVIRONMENT_NAMES.join(', ')}`);
    }
    const name = flag as EnvironmentName;
    return { name, source: 'flag', environment: { ...ENVIRONMENTS[name] } };
  }
  if (!fromScenario) return { name: 'consumer', source: 'default', environment: { ...ENVIRONMENTS.consumer } };
  const base = ENVIRONMENTS[fromScenario.account === 'workspace' ? 'workspace' : 'consumer'];
  const environment: Environment = { ...base };
  for (const key of ENVIRONMENT_KEYS) {
    const value = fromScenario[key];
    if (value !== undefined) Object.assign(environment, { [key]: value });
  }
  return { name: environmentName(environment), source: 'scenario', environment };
}

/** A time as the scenario gives it, in ms; null when missing or unreadable. */
export function timeOf(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** A scenario value as a person would type it into a cell: text as written, nothing for missing. */
export function typedText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
