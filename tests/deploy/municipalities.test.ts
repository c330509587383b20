/**
 * `npm run deploy -- --municipality ID` and `npm run push-all` offline: the real deploy.mjs and
 * municipality-profile.mjs in a copy of the project, with a stub build and a stub clasp that logs
 * every call with the folder it ran in (CALLS_LOG) and what it pushed. Checked: a bad profile stops
 * everything before the build, with each problem named; the first deploy creates the Sheet from the
 * staging folder and records its id; push-all builds once, pushes to each, reports each, survives one
 * failure and says so in its exit code.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SETTING_SPECS } from '../../src/domain/schema';

const repo = join(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'ukukavshiri-municipalities-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const NEW_ID = '1NewScriptIdNewScriptIdNewScriptIdNewScriptIdNew';
const ID = (n: number) => `1Script${n}`.padEnd(40, 'x');

const BUILD_STUB = `import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist', 'Code.js'), 'function onOpen() {} // built');
writeFileSync(join(root, 'dist', 'appsscript.json'), '{"timeZone":"Asia/Tbilisi"}');
appendFileSync(process.env.CALLS_LOG, 'build\\n');
`;

/** Logs "clasp <args> @<folder>"; push records the script id and the profile id it carried; FAIL_ID's push fails. */
const CLASP_STUB = `const { appendFileSync, existsSync, readFileSync, writeFileSync } = require('node:fs');
const { basename, join } = require('node:path');
const cwd = process.cwd();
const args = process.argv.slice(2);
const log = (line) => appendFileSync(process.env.CALLS_LOG, line + '\\n');
log('clasp ' + JSON.stringify(args) + ' @' + basename(cwd));
const project = existsSync(join(cwd, '.clasp.json')) ? JSON.parse(readFileSync(join(cwd, '.clasp.json'), 'utf8')) : null;
switch (args[0]) {
  case 'show-authorized-user':
    console.log(JSON.stringify({ loggedIn: true, email: 'admin@association.example.ge' }));
    break;
  case 'create':
    if (project && project.scriptId !== undefined) { console.error('Project file already exists.'); process.exit(0); }
    writeFileSync(join(cwd, 'dist', 'Code.js'), 'function myFunction() {}');
    writeFileSync(join(cwd, '.clasp.json'), JSON.stringify({ scriptId: '${NEW_ID}', rootDir: 'dist', parentId: 'SHEET1' }));
    console.log('Created new script: https://script.google.com/d/${NEW_ID}/edit');
    break;
  case 'push': {
    if (!project || !project.scriptId) { console.error('Project settings not found.'); process.exit(1); }
    if (project.scriptId === process.env.FAIL_ID) { console.error('Request contains an invalid argument.'); process.exit(1); }
    const code = readFileSync(join(cwd, 'dist', 'Code.js'), 'utf8');
    const profile = existsSync(join(cwd, 'dist', 'Municipality.js')) ? readFileSync(join(cwd, 'dist', 'Municipality.js'), 'utf8') : '';
    const id = (profile.match(/"id": "([^"]+)"/) || [])[1];
    log('pushed ' + project.scriptId + ' ' + id + ' ' + JSON.stringify(code));
    console.log('Pushed 3 files at 10:00:00.');
    break;
  }
  default:
    console.error('unexpected command ' + args[0]);
    process.exit(1);
}
`;

const profile = (id: string, extra: Record<string, unknown> = {}) => ({
  version: 1,
  id,
  settings: { municipality: `${id} მუნიციპალიტეტი` },
  ...extra,
});

interface Run {
  status: number;
  output: string;
  calls: string[];
  registry: { version: number; deployments: Array<Record<string, unknown>> } | null;
  dir: string;
}

function run(name: string, files: Record<string, unknown>, args: string[], env: Record<string, string> = {}): Run {
  const dir = join(work, name);
  mkdirSync(join(dir, 'scripts'), { recursive: true });
  mkdirSync(join(dir, 'municipalities'), { recursive: true });
  for (const f of ['deploy.mjs', 'municipality-profile.mjs']) copyFileSync(join(repo, 'scripts', f), join(dir, 'scripts', f));
  writeFileSync(join(dir, 'scripts', 'build.mjs'), BUILD_STUB);
  const clasp = join(dir, 'node_modules', '@google', 'clasp');
  mkdirSync(join(clasp, 'build', 'src'), { recursive: true });
  writeFileSync(join(clasp, 'package.json'), JSON.stringify({ name: '@google/clasp', version: '3.4.1', bin: { clasp: 'build/src/index.js' } }));
  writeFileSync(join(clasp, 'build', 'src', 'index.js'), CLASP_STUB);
  writeFileSync(join(dir, '.clasp.json'), JSON.stringify({ rootDir: 'dist' }));
  for (const [file, content] of Object.entries(files))
    writeFileSync(join(dir, 'municipalities', file), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  const log = join(dir, 'calls.log');
  const proc = spawnSync(process.execPath, [join(dir, 'scripts', 'deploy.mjs'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: dir, CALLS_LOG: log, ...env },
  });
  const registryFile = join(dir, 'municipalities', 'registry.json');
  return {
    status: proc.status ?? 1,
    output: `${proc.stdout}${proc.stderr}`,
    calls: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [],
    registry: existsSync(registryFile) ? JSON.parse(readFileSync(registryFile, 'utf8')) : null,
    dir,
  };
}

/** Evaluates `expr` with scripts/municipality-profile.mjs imported as `m` (jest cannot import ESM), as JSON. */
function fromModule<T>(expr: string): T {
  const module = JSON.stringify(join(repo, 'scripts', 'municipality-profile.mjs'));
  const proc = spawnSync(process.execPath, ['--input-type=module', '-e', `import * as m from ${module}; console.log(JSON.stringify(${expr}));`], {
    encoding: 'utf8',
  });
  if (proc.status !== 0) throw new Error(proc.stderr);
  return JSON.parse(proc.stdout) as T;
}

describe('the repository', () => {
  test('the profile checker knows exactly the settings the workbook has', () => {
    const SETTING_KEYS = fromModule<string[]>('m.SETTING_KEYS');
    expect([...SETTING_KEYS].sort()).toEqual(SETTING_SPECS.map((s) => s.key).sort());
  });

  test('ambrolauri.json and registry.json are valid, and the registry holds no secret', () => {
    const root = JSON.stringify(repo);
    expect(fromModule(`m.loadProfile(${root}, 'ambrolauri')`)).toEqual({ profile: expect.objectContaining({ id: 'ambrolauri' }) });
    const registry = fromModule<{ problems?: string[]; deployments: Array<{ municipality: string }> }>(`m.loadRegistry(${root})`);
    expect(registry.problems).toBeUndefined();
    expect(registry.deployments.map((d) => d.municipality)).toContain('ambrolauri');
    expect(readFileSync(join(repo, 'municipalities', 'registry.json'), 'utf8')).not.toMatch(/token|secret|refresh|client_?id|password/i);
    expect(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).scripts['push-all']).toBe('node scripts/deploy.mjs --all');
  });
});

describe('npm run deploy -- --municipality ID', () => {
  test('a bad profile: every problem named by its field, nothing built or sent', () => {
    const bad = {
      version: 1,
      id: 'Oni',
      colour: 'red',
      settings: { municipality: 'Oni', minGroupSize: 3, managers: ['not-an-email'], reportPeriod: 'weekly', mailQuota: 5 },
      services: [
        { code: 'canteen', ka: 'სასადილო' },
        { code: 'canteen', ka: 'x', invite: 'yes' },
      ],
    };
    const r = run('bad-profile', { 'oni.json': bad }, ['--municipality', 'oni']);
    expect(r.status).toBe(1);
    expect(r.calls).toEqual([]);
    for (const problem of [
      'municipalities/oni.json cannot be deployed; nothing was built or sent',
      'colour: unknown field',
      'id: lower-case Latin letters',
      "settings.municipality: the municipality's name in Georgian is required",
      'settings.minGroupSize: a whole number, 5 or more',
      'settings.managers: "not-an-email" is not an email address',
      'settings.reportPeriod: "monthly" or "quarterly"',
      'settings.mailQuota: unknown setting',
      'services[1].code: "canteen" appears twice',
      "services[1].ka: the service's name in Georgian is required",
      'services[1].invite: true or false',
    ])
      expect(r.output).toContain(problem);
  });

  test('a missing file and broken JSON are said so', () => {
    expect(run('missing', {}, ['--municipality', 'tkibuli']).output).toContain('municipalities/tkibuli.json does not exist');
    const broken = run('broken', { 'oni.json': '{ "version": 1,' }, ['--municipality', 'oni']);
    expect(broken.status).toBe(1);
    expect(broken.output).toMatch(/municipalities\/oni\.json is not valid JSON/);
  });

  test('first deploy: builds, creates the Sheet in .deploy/ID, records the id, pushes dist/ with the profile', () => {
    const r = run(
      'first',
      {
        'oni.json': profile('oni', { title: 'უკუკავშირი — ონი' }),
        'registry.json': { version: 1, deployments: [{ municipality: 'ambrolauri', scriptId: ID(1) }] },
      },
      ['--municipality', 'oni'],
    );
    expect(r.status).toBe(0);
    expect(r.calls).toEqual([
      'build',
      'clasp ["show-authorized-user","--json"] @first',
      `clasp ${JSON.stringify(['create', '--type', 'sheets', '--title', 'უკუკავშირი — ონი', '--rootDir', 'dist'])} @oni`,
      'clasp ["push","--force"] @oni',
      // What clasp create pulled over dist/ was replaced by the build again before the push.
      `pushed ${NEW_ID} oni "function onOpen() {} // built"`,
    ]);
    expect(r.registry?.deployments).toEqual([
      { municipality: 'ambrolauri', scriptId: ID(1) },
      { municipality: 'oni', scriptId: NEW_ID, parentId: 'SHEET1' },
    ]);
    const staged = readFileSync(join(r.dir, '.deploy', 'oni', 'dist', 'Municipality.js'), 'utf8');
    expect(staged).toMatch(/^\/\/ Written by scripts\/deploy\.mjs[\s\S]*var UKUKAVSHIRI_MUNICIPALITY = \{/);
    expect(staged).toContain('"municipality": "oni მუნიციპალიტეტი"');
    expect(r.output).toContain(`Pushed dist/ to https://script.google.com/d/${NEW_ID}/edit`);
  });

  test('a municipality already in the registry: pushed to, no new Sheet', () => {
    const r = run('again', { 'oni.json': profile('oni'), 'registry.json': { version: 1, deployments: [{ municipality: 'oni', scriptId: ID(2) }] } }, [
      '--municipality',
      'oni',
    ]);
    expect(r.status).toBe(0);
    expect(r.calls.filter((c) => c.includes('create'))).toEqual([]);
    expect(r.calls).toContain(`pushed ${ID(2)} oni "function onOpen() {} // built"`);
  });
});

describe('npm run push-all', () => {
  const registry = {
    version: 1,
    deployments: [
      { municipality: 'ambrolauri', scriptId: ID(1) },
      { municipality: 'oni', scriptId: ID(2) },
      { municipality: 'tkibuli', scriptId: null },
      { municipality: 'tsageri', scriptId: ID(4) },
      { municipality: 'lentekhi', scriptId: ID(5) },
    ],
  };
  const files = {
    'registry.json': registry,
    'ambrolauri.json': profile('ambrolauri'),
    'oni.json': profile('oni'),
    'tkibuli.json': profile('tkibuli'),
    'tsageri.json': profile('tsageri'),
    // lentekhi.json is missing.
  };

  test('builds once, pushes each with its own profile, reports each; one failure does not stop the rest; exit 1', () => {
    const r = run('all', files, ['--all'], { FAIL_ID: ID(2) });
    expect(r.calls.filter((c) => c === 'build')).toHaveLength(1);
    expect(r.calls.filter((c) => c.startsWith('pushed'))).toEqual([
      `pushed ${ID(1)} ambrolauri "function onOpen() {} // built"`,
      `pushed ${ID(4)} tsageri "function onOpen() {} // built"`,
    ]);
    expect(r.output).toMatch(new RegExp(`pushed +ambrolauri \\(${ID(1)}\\)`));
    expect(r.output).toMatch(/failed +oni .*clasp push to .* failed/);
    expect(r.output).toMatch(/skipped +tkibuli — not created yet: npm run deploy -- --municipality tkibuli/);
    expect(r.output).toMatch(/failed +lentekhi .*municipalities\/lentekhi\.json does not exist/);
    expect(r.output).toContain('2 pushed, 2 failed, 1 skipped of 5');
    expect(r.status).toBe(1);
  });

  test('all pushed (one not created yet): exit 0', () => {
    const r = run('all-ok', { ...files, 'lentekhi.json': profile('lentekhi') }, ['--all']);
    expect(r.output).toContain('4 pushed, 0 failed, 1 skipped of 5');
    expect(r.status).toBe(0);
  });

  test('a registry with a secret-looking field or a bad id is refused before the build', () => {
    const r = run('bad-registry', { 'registry.json': { version: 1, deployments: [{ municipality: 'oni', scriptId: 'x', token: 'ya29.abc' }] } }, ['--all']);
    expect(r.status).toBe(1);
    expect(r.calls).toEqual([]);
    expect(r.output).toContain('deployments[0].scriptId: an Apps Script id');
    expect(r.output).toContain('deployments[0].token: unknown field (the registry holds ids, never secrets)');
  });
});
