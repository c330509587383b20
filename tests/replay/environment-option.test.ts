/**
 * The replay takes its Google world from the scenario's `environment` or from
 * `--environment NAME` (../shared/scenario.md, Additions), refuses an unknown one with exit code 2,
 * runs as that world's administrator, and writes environment.json — with the product's
 * self-check once the bundle has one (`menuSelfCheck`), shown here with a stand-in bundle.
 * Loads the BUILT bundle (run `npm run build` first; npm test does).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENVIRONMENTS, environment } from '../../emulator';
import { main, parseArgs } from '../../replay/demo';
import { checklistOf, type EnvironmentRecord, menuCaptionOf, playScenario, SELF_CHECK_HANDLER, SELF_CHECK_TAB, WORKBOOK_NAME } from '../../replay/player';
import { MENU_ITEMS, MENU_TITLE } from '../../src/app/menu';
import { PUBLIC_FOLDER } from '../../src/app/publish';
import { t } from '../../src/domain/messages';
import { parseScenario, resolveEnvironment, ScenarioError } from '../../replay/scenario';
import { ADMIN_USER, DIST_DIR, STAFF_USER, usersFor } from '../support/workspace';

const work = mkdtempSync(join(tmpdir(), 'ukukavshiri-environment-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** One case, closed a day later: the shortest scenario that sets up, invites and reports. */
const TINY = {
  now: '2026-02-02T09:00:00+04:00',
  cases: [
    {
      id: '02-2026-0001',
      service: 'newborn',
      applicant: 'ნინო ბერიძე',
      email: 'nino.beridze@example.ge',
      submittedAt: '2026-02-02T10:00:00+04:00',
      closedAt: '2026-02-03T10:00:00+04:00',
      channel: 'email',
    },
  ],
  report: { from: '2026-02-01', to: '2026-02-28' },
};

function quietly<T>(fn: () => T): T {
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    return fn();
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** Replays `scenario` through the CLI entry; returns the exit code, stderr and the output folder. */
function demo(name: string, scenario: unknown, ...flags: string[]): { code: number; errors: string; out: string } {
  const file = join(work, `${name}.json`);
  const out = join(work, name);
  writeFileSync(file, JSON.stringify(scenario), 'utf8');
  const errors: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  const error = jest.spyOn(console, 'error').mockImplementation((line: unknown) => {
    errors.push(String(line));
  });
  try {
    return { code: main(['--scenario', file, '--out', out, ...flags]), errors: errors.join('\n'), out };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('the scenario\'s "environment"', () => {
  test('is optional: without it the replay plays in a new consumer account', () => {
    expect(parseScenario(JSON.stringify(TINY)).environment).toBeUndefined();
    expect(resolveEnvironment(undefined)).toEqual({ name: 'consumer', source: 'default', environment: ENVIRONMENTS.consumer });
  });

  test('fields left out take the defaults of its account: en_US, America/New_York, responders anyone on consumer and domain on Workspace', () => {
    const ws = resolveEnvironment(parseScenario(JSON.stringify({ ...TINY, environment: { account: 'workspace' } })).environment);
    expect(ws).toEqual({ name: 'workspace', source: 'scenario', environment: ENVIRONMENTS.workspace });
    expect(ws.environment).toEqual(expect.objectContaining({ locale: 'en_US', timeZone: 'America/New_York', formResponders: 'domain', sharing: 'allowed' }));
    const consumer = resolveEnvironment(parseScenario(JSON.stringify({ ...TINY, environment: { otherMailPerDay: 40, locale: null } })).environment);
    expect(consumer).toEqual({ name: null, source: 'scenario', environment: environment('consumer', { otherMailPerDay: 40 }) });
    expect(consumer.environment.formResponders).toBe('anyone');
  });

  test('every field given is taken, and a world equal to a named one gets its name', () => {
    const strict = { account: 'workspace', locale: 'ka_GE', timeZone: 'America/New_York', sharing: 'blocked', formResponders: 'domain', otherMailPerDay: 0 };
    expect(resolveEnvironment(parseScenario(JSON.stringify({ ...TINY, environment: strict })).environment)).toEqual({
      name: 'workspace-strict',
      source: 'scenario',
      environment: ENVIRONMENTS['workspace-strict'],
    });
    const custom = resolveEnvironment(
      parseScenario(
        JSON.stringify({ ...TINY, environment: { account: 'workspace', timeZone: 'Asia/Tbilisi', formResponders: 'anyone', otherMailPerDay: 1200 } }),
      ).environment,
    );
    expect(custom).toEqual({
      name: null,
      source: 'scenario',
      environment: environment('workspace', { timeZone: 'Asia/Tbilisi', formResponders: 'anyone', otherMailPerDay: 1200 }),
    });
  });

  test.each([
    ['not an object', 'workspace', /"environment" must be an object, found a string/],
    ['an unknown account type', { account: 'enterprise' }, /"environment.account" must be one of consumer, workspace, found "enterprise"/],
    ['an unknown sharing policy', { account: 'workspace', sharing: 'domain' }, /"environment.sharing" must be one of allowed, blocked/],
    ['unknown responders', { account: 'workspace', formResponders: 'everyone' }, /"environment.formResponders" must be one of anyone, domain/],
    ['a locale that is not one', { locale: 'Georgian' }, /"environment.locale" must be a locale such as en_US or ka_GE/],
    ['an unknown time zone', { timeZone: 'Tbilisi' }, /"environment.timeZone" must be an IANA time zone/],
    ['a negative mail count', { otherMailPerDay: -5 }, /"environment.otherMailPerDay" must be a whole number/],
    [
      'a misspelt field',
      { formResponder: 'domain' },
      /"environment.formResponder" is not an environment field \(account, locale, timeZone, sharing, formResponders, otherMailPerDay\)/,
    ],
    ['domain responders on a consumer account', { formResponders: 'domain' }, /"environment.formResponders" "domain" needs "account": "workspace"/],
    ['blocked sharing on a consumer account', { account: 'consumer', sharing: 'blocked' }, /"environment.sharing" "blocked" needs "account": "workspace"/],
  ])('refuses %s with a clear message', (_name, value, message) => {
    const text = JSON.stringify({ ...TINY, environment: value });
    expect(() => parseScenario(text, 'x.json')).toThrow(ScenarioError);
    expect(() => parseScenario(text, 'x.json')).toThrow(message);
  });

  test('ends the replay with exit code 2 and the message, before anything is played', () => {
    const run = quietly(() => demo('bad-environment', { ...TINY, environment: { account: 'enterprise' } }));
    expect(run.code).toBe(2);
    expect(run.errors).toMatch(/"environment.account" must be one of consumer, workspace/);
  });
});

describe('--environment NAME', () => {
  test("takes consumer, workspace or workspace-strict, and replaces the scenario's key as a whole", () => {
    expect(parseArgs(['--environment', 'workspace-strict']).environment).toBe('workspace-strict');
    expect(parseArgs(['--environment=consumer']).environment).toBe('consumer');
    expect(parseArgs([]).environment).toBeNull();
    expect(resolveEnvironment({ account: 'workspace', otherMailPerDay: 50 }, 'consumer')).toEqual({
      name: 'consumer',
      source: 'flag',
      environment: ENVIRONMENTS.consumer,
    });
    // workspace-strict: Workspace, ka_GE, link sharing blocked, responders of the domain only.
    expect(ENVIRONMENTS['workspace-strict']).toEqual(
      expect.objectContaining({ account: 'workspace', locale: 'ka_GE', sharing: 'blocked', formResponders: 'domain' }),
    );
  });

  test('an unknown name is refused with the names it takes (exit code 2)', () => {
    expect(() => parseArgs(['--environment', 'gsuite'])).toThrow(/unknown environment "gsuite": --environment takes consumer, workspace, workspace-strict/);
    const run = quietly(() => demo('bad-flag', TINY, '--environment', 'gsuite'));
    expect(run.code).toBe(2);
    expect(run.errors).toMatch(/unknown environment "gsuite"/);
  });
});

test("the users of a world: a Workspace account's people are in its domain", () => {
  expect(usersFor(ENVIRONMENTS.consumer)).toEqual({ admin: ADMIN_USER, staff: STAFF_USER });
  expect(usersFor(ENVIRONMENTS.workspace)).toEqual({ admin: 'admin@example.ge', staff: 'kancelaria@example.ge' });
  expect(usersFor(environment('workspace', { domain: 'ambrolauri.gov.ge' }))).toEqual({
    admin: 'admin@ambrolauri.gov.ge',
    staff: 'kancelaria@ambrolauri.gov.ge',
  });
});

const read = (out: string) => JSON.parse(readFileSync(join(out, 'environment.json'), 'utf8')) as EnvironmentRecord;

describe('environment.json and index.html', () => {
  let fromScenario: { code: number; out: string };
  let fromFlag: { code: number; out: string };

  beforeAll(() => {
    fromScenario = quietly(() => demo('scenario-env', { ...TINY, environment: { account: 'workspace', locale: 'ka_GE', otherMailPerDay: 10 } }));
    fromFlag = quietly(() =>
      demo('flag-env', { ...TINY, environment: { account: 'workspace', locale: 'ka_GE', otherMailPerDay: 10 } }, '--environment', 'workspace-strict'),
    );
  }, 120_000);

  test('hold the world the replay ran in, who acted, and the self-check', () => {
    // The product's menu has its self-check: what it showed and the checklist it wrote are kept.
    const selfCheck = expect.objectContaining({
      menuItem: t('menu.self_check'),
      failure: null,
      checklist: expect.arrayContaining([expect.objectContaining({ status: '✓' })]),
    });
    expect(fromScenario.code).toBe(0);
    expect(read(fromScenario.out)).toEqual({
      ...environment('workspace', { locale: 'ka_GE', otherMailPerDay: 10 }),
      name: null,
      source: 'scenario',
      users: { admin: 'admin@example.ge', staff: ['kancelaria@example.ge'] },
      selfCheck,
    });
    expect(fromFlag.code).toBe(0);
    expect(read(fromFlag.out)).toEqual(expect.objectContaining({ ...ENVIRONMENTS['workspace-strict'], name: 'workspace-strict', source: 'flag', selfCheck }));
  });

  test("index.html's summary shows the environment and links environment.json", () => {
    const html = readFileSync(join(fromFlag.out, 'index.html'), 'utf8');
    const summary = html.slice(html.indexOf('<section id="summary">'), html.indexOf('</section>', html.indexOf('<section id="summary">')));
    expect(summary).toContain(
      'workspace-strict — Workspace (example.ge), locale ka_GE, time zone America/New_York, link sharing blocked, form responders: domain',
    );
    expect(summary).toContain('admin@example.ge');
    expect(summary).toContain('href="environment.json"');
    const custom = readFileSync(join(fromScenario.out, 'index.html'), 'utf8');
    expect(custom).toContain('custom — Workspace (example.ge), locale ka_GE');
    expect(custom).toContain('other mail 10/day (from the scenario)');
  });
});

describe("the product's self-check in environment.json", () => {
  let run: { code: number; out: string };
  beforeAll(() => {
    run = quietly(() => demo('self-check', TINY, '--environment', 'workspace-strict'));
  }, 120_000);

  test('the replay clicks its menu item as the administrator, and keeps the alert and the checklist, one object per row', () => {
    expect(run.code).toBe(0);
    const check = read(run.out).selfCheck;
    expect(check).toEqual(
      expect.objectContaining({ menuItem: t('menu.self_check'), failure: null, alert: expect.stringContaining('სისტემის შემოწმება: ✓ 9 · ⚠ 1 · ✗ 0.') }),
    );
    expect(check?.shown).toEqual([{ kind: 'alert', title: '', message: check?.alert }]);
    const checklist = check?.checklist ?? [];
    // What the tab holds, row by row: every check of the product, each with its status, finding and advice.
    const tab = JSON.parse(readFileSync(join(run.out, 'spreadsheets', WORKBOOK_NAME, `${SELF_CHECK_TAB}.json`), 'utf8')) as { values: string[][] };
    expect(checklist).toEqual(checklistOf(tab.values));
    expect(checklist).toHaveLength(10);
    for (const item of checklist) expect(Object.keys(item)).toEqual(['status', 'check', 'found', 'todo']);
    // In the strict world: forms open to anyone, link sharing refused with the hand-publishing steps.
    const sharing = checklist.find((c) => c.check === t('check.sharing'));
    expect(sharing).toEqual({
      status: '⚠',
      check: t('check.sharing'),
      found: t('check.sharing_refused'),
      todo: t('check.sharing_todo', { folder: PUBLIC_FOLDER.name }),
    });
    for (const form of ['N1', 'N2']) expect(checklist.find((c) => c.check === t('check.form', { form }))?.status).toBe('✓');
    expect(checklist.find((c) => c.check === t('check.account'))?.found).toContain('admin@example.ge');
  });

  test("index.html's summary shows the checklist as a table", () => {
    const html = readFileSync(join(run.out, 'index.html'), 'utf8');
    const summary = html.slice(html.indexOf('<section id="summary">'), html.indexOf('</section>', html.indexOf('<section id="summary">')));
    expect(summary).toContain('<table id="self-check">');
    expect(summary).toContain('<td class="mark check-warn">⚠</td><td>ბმულით გაზიარება (საჯარო ანგარიშის საქაღალდე)</td>');
    expect(summary.match(/<td class="mark check-ok">✓<\/td>/g)).toHaveLength(9);
  });
});

describe('the self-check hook', () => {
  /**
   * The built bundle with its self-check replaced by a stand-in that only shows an alert (and writes
   * no checklist); `inMenu: false` also takes its item out of the menu.
   */
  function bundleWithSelfCheck(name: string, inMenu: boolean): string {
    const dir = join(work, name);
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(DIST_DIR, 'Code.js'), join(dir, 'Code.js'));
    // The manifest too: it enables the Advanced Drive service and grants the scopes.
    copyFileSync(join(DIST_DIR, 'appsscript.json'), join(dir, 'appsscript.json'));
    const items = MENU_ITEMS.filter((item) => item === 'separator' || item.handler !== SELF_CHECK_HANDLER)
      .map((item) => (item === 'separator' ? '.addSeparator()' : `.addItem(${JSON.stringify(item.caption)}, ${JSON.stringify(item.handler)})`))
      .join('');
    const menu = inMenu ? '' : `function onOpen(e) {\n  SpreadsheetApp.getUi().createMenu(${JSON.stringify(MENU_TITLE)})${items}.addToUi();\n}\n`;
    // Loaded after Code.js (files load in name order), so its functions replace the product's.
    writeFileSync(
      join(dir, 'zz-self-check.js'),
      `${menu}function ${SELF_CHECK_HANDLER}() {\n  SpreadsheetApp.getUi().alert('ყველაფერი რიგზეა: ' + Session.getEffectiveUser().getEmail());\n}\n`,
      'utf8',
    );
    return dir;
  }

  test('the replay clicks its menu item at the end and keeps what it showed; a check that wrote no tab has no checklist', () => {
    const distDir = bundleWithSelfCheck('with-menu', true);
    const result = playScenario(parseScenario(JSON.stringify(TINY)), { distDir, environment: resolveEnvironment(undefined, 'workspace') });
    expect(result.environment.selfCheck).toEqual({
      at: expect.any(String),
      menuItem: 'სისტემის შემოწმება',
      shown: [{ kind: 'alert', title: '', message: 'ყველაფერი რიგზეა: admin@example.ge' }],
      alert: 'ყველაფერი რიგზეა: admin@example.ge',
      // The tab holds what setup's own check wrote long before: not this click's.
      checklist: null,
      failure: null,
    });
    // As the administrator of that world, last, after the public report.
    expect(result.ws.core.triggers.map((t) => t.createdBy)).toEqual(expect.arrayContaining(['admin@example.ge']));
    expect(new Set(result.ws.core.triggers.map((t) => t.createdBy))).toEqual(new Set(['admin@example.ge']));
    expect(result.record.alerts[result.record.alerts.length - 1]).toEqual(expect.objectContaining({ menuItem: 'სისტემის შემოწმება' }));
    expect(menuCaptionOf(result.ws.spreadsheets.ui.menus, SELF_CHECK_HANDLER)).toBe('სისტემის შემოწმება');
  });

  test('a self-check no menu item calls is run directly, with a warning', () => {
    const distDir = bundleWithSelfCheck('without-menu', false);
    const result = playScenario(parseScenario(JSON.stringify(TINY)), { distDir });
    expect(menuCaptionOf(result.ws.spreadsheets.ui.menus, SELF_CHECK_HANDLER)).toBeNull();
    expect(result.environment.selfCheck).toEqual(
      expect.objectContaining({ menuItem: null, shown: [expect.objectContaining({ kind: 'alert' })], checklist: null, failure: null }),
    );
    expect(result.record.warnings).toContain(`the bundle defines ${SELF_CHECK_HANDLER} but no menu item calls it; the replay ran it directly`);
  });
});
