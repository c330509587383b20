/**
 * A second municipality set up from its profile: the bundle staged as `npm run deploy --
 * --municipality ID` stages it (dist/ plus the Municipality.js scripts/municipality-profile.mjs
 * writes), loaded into a new workbook, set up through the menu. The settings and services tabs
 * hold the profile's values; staff's later edits survive setup run again.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TABS } from '../../src/domain/schema';
import { t } from '../../src/domain/messages';
import { dataRows, setSetting } from '../support/tabs';
import type { Fixture } from '../support/workbook';
import { DIST_DIR, newWorkspace } from '../support/workspace';

const repo = join(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'ukukavshiri-profile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PROFILE = {
  version: 1,
  id: 'oni',
  title: 'უკუკავშირი — ონი',
  settings: {
    municipality: 'ონის მუნიციპალიტეტის მერია',
    senderName: 'ონის მერია',
    managers: ['meri@oni.example.ge'],
    minGroupSize: 7,
    reportPeriod: 'monthly',
  },
  services: [
    { code: 'canteen', ka: 'უფასო სასადილო', invite: true },
    { code: 'firewood', ka: 'შეშით უზრუნველყოფა', invite: true },
    { code: 'funeral', ka: 'დაკრძალვის დახმარება', invite: false },
  ],
};

/** The staged bundle, with Municipality.js written by the deploy's own generator. */
function staged(profile: unknown): string {
  const dir = join(work, 'dist');
  cpSync(DIST_DIR, dir, { recursive: true });
  const script = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { profileScript } from ${JSON.stringify(join(repo, 'scripts', 'municipality-profile.mjs'))}; process.stdout.write(profileScript(${JSON.stringify(profile)}));`,
    ],
    { encoding: 'utf8' },
  );
  expect(script.status).toBe(0);
  writeFileSync(join(dir, 'Municipality.js'), script.stdout);
  return dir;
}

function setUpFrom(dir: string): Fixture {
  const ws = newWorkspace();
  const spreadsheetId = ws.spreadsheets.create(PROFILE.title).getId();
  ws.spreadsheets.setActive(spreadsheetId);
  ws.loadBundle(dir);
  ws.spreadsheets.userOpen(spreadsheetId);
  const fx: Fixture = {
    ws,
    spreadsheetId,
    click: (caption) => ws.spreadsheets.ui.clickMenuItem(caption),
    clickAs: (caption, user) => ws.spreadsheets.ui.clickMenuItem(caption, user),
  };
  fx.click('სისტემის მომზადება / განახლება');
  return fx;
}

const settingsOf = (fx: Fixture) => new Map(dataRows(fx, TABS.settings.name).map((r) => [String(r[0]), String(r[1])]));

test("setup seeds the settings and services tabs from the deployed profile, and keeps staff's edits on a second setup", () => {
  const fx = setUpFrom(staged(PROFILE));
  const settings = settingsOf(fx);
  expect(settings.get('municipality')).toBe('ონის მუნიციპალიტეტის მერია');
  expect(settings.get('senderName')).toBe('ონის მერია');
  expect(settings.get('managers')).toBe('meri@oni.example.ge');
  expect(settings.get('minGroupSize')).toBe('7');
  // The profile's code is written as the setting's Georgian word, as setup writes every choice.
  expect(settings.get('reportPeriod')).toBe(t('setting.monthly'));
  // Not in the profile: the standard default.
  expect(settings.get('emailRetentionDays')).toBe('30');
  const services = dataRows(fx, TABS.services.name).map((r) => [r[0], r[1], r[2]]);
  expect(services).toEqual([
    ['canteen', 'უფასო სასადილო', true],
    ['firewood', 'შეშით უზრუნველყოფა', true],
    ['funeral', 'დაკრძალვის დახმარება', false],
  ]);
  // The self-check ran at the end of setup: its tab is there.
  expect(fx.ws.spreadsheets.snapshot(fx.spreadsheetId).tabs.map((t) => t.name)).toContain('სისტემის შემოწმება');

  // Staff change the sender; setup again keeps it (the profile seeds, it never overwrites).
  setSetting(fx, 'senderName', 'ონის მერიის სოციალური სამსახური');
  fx.click('სისტემის მომზადება / განახლება');
  expect(settingsOf(fx).get('senderName')).toBe('ონის მერიის სოციალური სამსახური');
  expect(dataRows(fx, TABS.services.name)).toHaveLength(3);
});

test('a bundle without a profile seeds the standard defaults', () => {
  const dir = join(work, 'plain');
  cpSync(DIST_DIR, dir, { recursive: true });
  const fx = setUpFrom(dir);
  expect(settingsOf(fx).get('municipality')).toBe('ამბროლაურის მუნიციპალიტეტის მერია');
  expect(dataRows(fx, TABS.services.name).length).toBeGreaterThan(10);
});
