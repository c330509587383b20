/**
 * The scenario a replay plays (../shared/scenario.md). Only the shape is checked here: a file that
 * is not JSON, or not a scenario at all, is refused with a clear message (exit code 2). Bad data
 * inside a well-shaped scenario — a malformed email, an unknown service, a score of 7, a missing
 * field — is kept exactly as written: the player types it as a person would, and the product has
 * to cope with it.
 */

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
  [key: string]: unknown;
}

export interface ScenarioReport {
  from?: unknown;
  to?: unknown;
}

export interface Scenario {
  now?: unknown;
  settings?: ScenarioSettings;
  services?: ScenarioService[];
  cases: ScenarioCase[];
  responses: ScenarioResponse[];
  otherFeedback: ScenarioFeedback[];
  actions: ScenarioAction[];
  report?: ScenarioReport;
}

/** A scenario the replay cannot play at all: its message is shown and the replay exits with 2. */
export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

const LIST_KEYS = ['services', 'cases', 'responses', 'otherFeedback', 'actions'] as const;
const KNOWN_KEYS = new Set<string>(['now', 'settings', 'report', ...LIST_KEYS]);

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
  };
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
