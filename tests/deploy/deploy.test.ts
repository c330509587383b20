/**
 * `npm run deploy` (scripts/deploy.mjs) offline: the real script runs in a copy of the project
 * whose build and clasp are stubs. The clasp stub records every command line and answers as clasp
 * 3.4.1 does (its messages and exit codes, including an error printed with exit code 0), so what is
 * checked is the decision (create a Sheet or push), the command lines, and the messages — no
 * network, no Google account.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = join(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'ukukavshiri-deploy-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const NEW_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfGhIjKlMnOpQr';
const EXISTING_ID = '1ExistingScriptIdExistingScriptIdExistingScriptIdExist';
const API_OFF =
  'User has not enabled the Apps Script API. Enable it by visiting https://script.google.com/home/usersettings then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.';

/** The build stub: writes dist/ as the build does, and counts its runs. */
const BUILD_STUB = `import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (process.env.BUILD_FAILS) { console.error('build error'); process.exit(1); }
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist', 'Code.js'), 'function onOpen() {} // built');
writeFileSync(join(root, 'dist', 'appsscript.json'), '{"timeZone":"Asia/Tbilisi"}');
appendFileSync(join(root, 'calls.log'), 'build\\n');
`;

/**
 * The clasp stub (CLASP_STUB picks the world): logged in or not, the Apps Script API on or off.
 * \`create\` writes .clasp.json as clasp does and pulls the new project's files over dist/;
 * \`push\` records what dist/Code.js held when pushed.
 */
const CLASP_STUB = `const { appendFileSync, existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const root = process.cwd();
const args = process.argv.slice(2);
appendFileSync(join(root, 'calls.log'), 'clasp ' + JSON.stringify(args) + '\\n');
const world = process.env.CLASP_STUB || 'ok';
const loggedIn = world !== 'logged-out';
const project = existsSync(join(root, '.clasp.json')) ? JSON.parse(readFileSync(join(root, '.clasp.json'), 'utf8')) : null;
const die = (message, code = 1) => { console.error(message); process.exit(code); };
switch (args[0]) {
  case 'show-authorized-user':
    console.log(JSON.stringify(loggedIn ? { loggedIn: true, email: 'admin@ambrolauri.gov.ge' } : { loggedIn: false }, null, 2));
    break;
  case 'create': {
    if (project && project.scriptId !== undefined) die('Project file already exists.', 0);
    if (!loggedIn) die('No credentials found.');
    if (world === 'api-off') die(${JSON.stringify(API_OFF)});
    if (world === 'create-silent') die('Unexpected error', 0);
    console.log('Created new document: https://drive.google.com/open?id=PARENT123\\nCreated new script: https://script.google.com/d/${NEW_ID}/edit');
    writeFileSync(join(root, 'dist', 'Code.js'), 'function myFunction() {\\n}\\n');
    writeFileSync(join(root, 'dist', 'appsscript.json'), '{"timeZone":"America/New_York"}');
    writeFileSync(join(root, '.clasp.json'), JSON.stringify({ scriptId: '${NEW_ID}', rootDir: 'dist', parentId: 'PARENT123', scriptExtensions: ['.js', '.gs'] }, null, 2));
    console.log('└─ dist/Code.js\\n└─ dist/appsscript.json\\nCloned 2 files.');
    break;
  }
  case 'push':
    if (!loggedIn) die('No credentials found.');
    if (!project || !project.scriptId) die('Project settings not found.');
    if (world === 'api-off') die(${JSON.stringify(API_OFF)});
    appendFileSync(join(root, 'calls.log'), 'pushed ' + project.scriptId + ' ' + JSON.stringify(readFileSync(join(root, 'dist', 'Code.js'), 'utf8')) + '\\n');
    console.log('Pushed 2 files at 10:00:00.\\n└─ dist/Code.js\\n└─ dist/appsscript.json');
    break;
  default:
    die('unexpected command ' + args[0]);
}
`;

interface Run {
  status: number;
  output: string;
  calls: string[];
  claspJson: Record<string, unknown> | null;
}

/** A copy of the project with the real deploy.mjs, stub build and stub clasp; runs `npm run deploy`. */
function deploy(name: string, claspJson: unknown, env: Record<string, string> = {}, args: string[] = []): Run {
  const dir = join(work, name);
  mkdirSync(join(dir, 'scripts'), { recursive: true });
  copyFileSync(join(repo, 'scripts', 'deploy.mjs'), join(dir, 'scripts', 'deploy.mjs'));
  copyFileSync(join(repo, 'scripts', 'municipality-profile.mjs'), join(dir, 'scripts', 'municipality-profile.mjs'));
  writeFileSync(join(dir, 'scripts', 'build.mjs'), BUILD_STUB);
  const clasp = join(dir, 'node_modules', '@google', 'clasp');
  mkdirSync(join(clasp, 'build', 'src'), { recursive: true });
  writeFileSync(join(clasp, 'package.json'), JSON.stringify({ name: '@google/clasp', version: '3.4.1', bin: { clasp: 'build/src/index.js' } }));
  writeFileSync(join(clasp, 'build', 'src', 'index.js'), CLASP_STUB);
  if (claspJson !== null) writeFileSync(join(dir, '.clasp.json'), typeof claspJson === 'string' ? claspJson : JSON.stringify(claspJson));
  const run = spawnSync(process.execPath, [join(dir, 'scripts', 'deploy.mjs'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: dir, ...env },
  });
  const log = join(dir, 'calls.log');
  return {
    status: run.status ?? 1,
    output: `${run.stdout}${run.stderr}`,
    calls: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [],
    claspJson: existsSync(join(dir, '.clasp.json')) ? (JSON.parse(readFileSync(join(dir, '.clasp.json'), 'utf8')) as Record<string, unknown>) : null,
  };
}

const WHO = 'clasp ["show-authorized-user","--json"]';
const CREATE = `clasp ${JSON.stringify(['create', '--type', 'sheets', '--title', 'უკუკავშირი', '--rootDir', 'dist'])}`;
const PUSH = 'clasp ["push","--force"]';

test("the repository's .clasp.json has no scriptId yet and points clasp at dist/", () => {
  const project = JSON.parse(readFileSync(join(repo, '.clasp.json'), 'utf8')) as Record<string, unknown>;
  expect(project.scriptId).toBeUndefined();
  expect(project.rootDir).toBe('dist');
  expect(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).scripts.deploy).toBe('node scripts/deploy.mjs');
});

describe('no scriptId yet: a new Google Sheet with its bound script', () => {
  test.each([
    ['the repository state', { rootDir: 'dist' }],
    ['the old placeholder', { scriptId: 'PASTE-YOUR-SCRIPT-ID-HERE', rootDir: 'dist' }],
    ['no .clasp.json at all', null],
  ])('%s: build, create, build again over what clasp pulled, push', (_name, claspJson) => {
    const run = deploy(`create-${_name.replace(/\W+/g, '-')}`, claspJson);
    expect(run.status).toBe(0);
    expect(run.calls).toEqual(['build', WHO, CREATE, 'build', PUSH, `pushed ${NEW_ID} "function onOpen() {} // built"`]);
    expect(run.claspJson).toEqual(expect.objectContaining({ scriptId: NEW_ID, rootDir: 'dist' }));
    expect(run.output).toContain(`Pushed dist/ to https://script.google.com/d/${NEW_ID}/edit`);
    expect(run.output).toContain('https://docs.google.com/spreadsheets/d/PARENT123/edit');
    expect(run.output).toContain('სისტემის მომზადება / განახლება');
  });

  test('--title names the new Sheet', () => {
    const run = deploy('title', { rootDir: 'dist' }, {}, ['--title', 'უკუკავშირი — ამბროლაური']);
    expect(run.status).toBe(0);
    expect(run.calls).toContain(`clasp ${JSON.stringify(['create', '--type', 'sheets', '--title', 'უკუკავშირი — ამბროლაური', '--rootDir', 'dist'])}`);
  });

  test('clasp printing an error with exit code 0 is still a failure, and nothing is pushed', () => {
    const run = deploy('create-silent', { rootDir: 'dist' }, { CLASP_STUB: 'create-silent' });
    expect(run.status).toBe(1);
    expect(run.calls).toEqual(['build', WHO, CREATE]);
    expect(run.output).toMatch(/clasp could not create the Sheet and its script/);
  });
});

test('a scriptId in .clasp.json: build and push to it, no new Sheet', () => {
  const run = deploy('push', { scriptId: EXISTING_ID, rootDir: 'dist' });
  expect(run.status).toBe(0);
  expect(run.calls).toEqual(['build', WHO, PUSH, `pushed ${EXISTING_ID} "function onOpen() {} // built"`]);
  expect(run.output).toContain(`Pushed dist/ to https://script.google.com/d/${EXISTING_ID}/edit`);
});

describe('clear messages, and nothing half done', () => {
  test('clasp not logged in: says to run `npx clasp login` first; nothing is created or pushed', () => {
    for (const claspJson of [{ rootDir: 'dist' }, { scriptId: EXISTING_ID, rootDir: 'dist' }]) {
      const run = deploy(`logged-out-${claspJson.scriptId ? 'push' : 'create'}`, claspJson, { CLASP_STUB: 'logged-out' });
      expect(run.status).toBe(1);
      expect(run.calls).toEqual(['build', WHO]);
      expect(run.output).toMatch(/clasp is not logged in/);
      expect(run.output).toContain('Run `npx clasp login`');
    }
  });

  test('the Apps Script API off: says where to turn it on (create and push)', () => {
    const created = deploy('api-off-create', { rootDir: 'dist' }, { CLASP_STUB: 'api-off' });
    expect(created.status).toBe(1);
    expect(created.output).toMatch(/the Google Apps Script API is off for this account/);
    expect(created.output).toContain('https://script.google.com/home/usersettings');
    expect(created.output).toMatch(/If a Google Sheet "უკუკავშირი" was made in Drive before the failure, delete it/);
    expect(created.calls).not.toContain(PUSH);
    const pushed = deploy('api-off-push', { scriptId: EXISTING_ID, rootDir: 'dist' }, { CLASP_STUB: 'api-off' });
    expect(pushed.status).toBe(1);
    expect(pushed.output).toMatch(/the Google Apps Script API is off for this account/);
  });

  test('a failed build sends nothing to Google', () => {
    const run = deploy('build-fails', { rootDir: 'dist' }, { BUILD_FAILS: '1' });
    expect(run.status).toBe(1);
    expect(run.calls).toEqual([]);
    expect(run.output).toMatch(/the build failed/);
  });

  test('an unknown argument is refused with the usage', () => {
    const run = deploy('bad-arg', { rootDir: 'dist' }, {}, ['--scriptId', 'x']);
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/unknown argument "--scriptId"\n.*usage: npm run deploy/);
    expect(run.calls).toEqual([]);
  });
});

test('with the real clasp 3.4.1 and no login on the machine: the login message, and nothing sent', () => {
  const dir = join(work, 'real-clasp');
  mkdirSync(join(dir, 'scripts'), { recursive: true });
  mkdirSync(join(dir, 'node_modules', '@google'), { recursive: true });
  copyFileSync(join(repo, 'scripts', 'deploy.mjs'), join(dir, 'scripts', 'deploy.mjs'));
  copyFileSync(join(repo, 'scripts', 'municipality-profile.mjs'), join(dir, 'scripts', 'municipality-profile.mjs'));
  writeFileSync(join(dir, 'scripts', 'build.mjs'), BUILD_STUB);
  symlinkSync(realpathSync(join(repo, 'node_modules', '@google', 'clasp')), join(dir, 'node_modules', '@google', 'clasp'), 'dir');
  writeFileSync(join(dir, '.clasp.json'), JSON.stringify({ rootDir: 'dist' }));
  // HOME without ~/.clasprc.json: clasp has no credentials, so it never reaches the network.
  const run = spawnSync(process.execPath, [join(dir, 'scripts', 'deploy.mjs')], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: dir },
  });
  expect(run.status).toBe(1);
  expect(`${run.stdout}${run.stderr}`).toMatch(/clasp is not logged in[\s\S]*Run `npx clasp login`/);
  expect(JSON.parse(readFileSync(join(dir, '.clasp.json'), 'utf8'))).toEqual({ rootDir: 'dist' });
});

test('the flags used are clasp 3.4.1 flags', () => {
  const help = (command: string) =>
    spawnSync(process.execPath, [join(repo, 'node_modules', '@google', 'clasp', 'build', 'src', 'index.js'), command, '--help'], { encoding: 'utf8' }).stdout;
  expect(JSON.parse(readFileSync(join(repo, 'node_modules', '@google', 'clasp', 'package.json'), 'utf8')).version).toBe('3.4.1');
  const create = help('create');
  for (const flag of ['--type <type>', '--title <title>', '--rootDir <rootDir>']) expect(create).toContain(flag);
  expect(help('push')).toContain('-f, --force');
  // show-authorized-user takes clasp's global --json ("Show output in JSON format").
  expect(help('show-authorized-user')).toContain('Show information about the current authorizations state.');
  expect(
    spawnSync(process.execPath, [join(repo, 'node_modules', '@google', 'clasp', 'build', 'src', 'index.js'), '--help'], { encoding: 'utf8' }).stdout,
  ).toContain('--json');
});
