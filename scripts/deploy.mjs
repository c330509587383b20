// `npm run deploy [-- --title NAME]`: builds dist/, then puts it into the municipality's Google account
// with clasp (3.4.1, its real flags: `clasp create --help`, `clasp push --help`).
// `npm run deploy -- --municipality ID`: the same for municipalities/ID.json (checked first), from a
// staging folder .deploy/ID/ (its own .clasp.json, dist/ plus Municipality.js, the profile setup
// seeds the tabs from); the script id goes into municipalities/registry.json.
// `npm run push-all` (`--all`): builds once and pushes to every deployment in the registry, one line
// each; one failure does not stop the rest; exit 1 when any failed.
//   - .clasp.json has no scriptId yet (the repository's state, or the old placeholder): creates a new
//     Google Sheet with its bound script (`clasp create --type sheets --title NAME --rootDir dist`;
//     clasp writes the new scriptId into .clasp.json in the project root, rootDir dist), builds again
//     (clasp create pulls the new project's empty Code.js and manifest into dist/, over the build),
//     then pushes;
//   - otherwise: pushes dist/ to that script (`clasp push --force`: the manifest, with the time zone
//     and the scopes, is overwritten without a question).
// Before anything reaches Google: is clasp logged in (`clasp show-authorized-user --json`)? After a
// failure: is the Apps Script API off for the account? Each case ends with what to do. Exit 0 when
// pushed, 1 otherwise.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProfile, loadRegistry, manifestFor, profileScript, recordDeployment } from './municipality-profile.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLASP_JSON = join(root, '.clasp.json');
const ROOT_DIR = 'dist';
const DEFAULT_TITLE = 'უკუკავშირი';
const USAGE = 'usage: npm run deploy [-- --title "name of the new Google Sheet"] | [-- --municipality ID] | [-- --all]';
/** Where each municipality's deployment is staged: its .clasp.json and its dist/. */
const STAGING = join(root, '.deploy');
const API_SETTINGS = 'https://script.google.com/home/usersettings';
/** What the repository used to ship in .clasp.json instead of an id: not a script. */
const PLACEHOLDER = /^PASTE/i;

function fail(lines) {
  console.error(['', ...lines.map((line) => `deploy: ${line}`)].join('\n'));
  process.exit(1);
}

function parseArgs(argv) {
  let title = null;
  let municipality = null;
  let all = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    if (flag === '--title') {
      title = inline ?? argv[++i];
      if (!title) fail(['--title needs a name', USAGE]);
    } else if (flag === '--municipality') {
      municipality = inline ?? argv[++i];
      if (!municipality) fail(['--municipality needs an id (the name of a file in municipalities/, without .json)', USAGE]);
    } else if (flag === '--all') {
      all = true;
    } else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else {
      fail([`unknown argument "${argv[i]}"`, USAGE]);
    }
  }
  if (all && (municipality || title)) fail(['--all pushes to every deployment of the registry: it takes no --municipality or --title', USAGE]);
  return { title, municipality, all };
}

/** clasp from the project's node_modules (its package.json names the entry), run with node. */
function claspEntry() {
  const pkgFile = join(root, 'node_modules', '@google', 'clasp', 'package.json');
  if (!existsSync(pkgFile)) fail(['clasp is not installed: run `npm ci` first']);
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.clasp;
  return join(dirname(pkgFile), bin);
}

/** Runs clasp with `args` in the project root; shows its output and returns it with the exit status. */
function clasp(args, { quiet = false, cwd = root } = {}) {
  console.log(`> clasp ${args.map((a) => (/[\s"']/.test(a) ? JSON.stringify(a) : a)).join(' ')}${cwd === root ? '' : `   (in ${cwd.slice(root.length + 1)})`}`);
  const run = spawnSync(process.execPath, [claspEntry(), ...args], { cwd, encoding: 'utf8' });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (!quiet && output.trim()) console.log(output.trimEnd());
  return { status: run.status ?? 1, output };
}

function build() {
  const run = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) fail(['the build failed (above); nothing was sent to Google']);
}

function readProject(file = CLASP_JSON) {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    fail([`.clasp.json is not valid JSON (${err.message}); fix it or delete it`]);
  }
}

/** The script id in .clasp.json, or null when there is none yet (missing, empty or the old placeholder). */
function scriptIdOf(project) {
  const id = typeof project?.scriptId === 'string' ? project.scriptId.trim() : '';
  return id && !PLACEHOLDER.test(id) ? id : null;
}

const NOT_LOGGED_IN = [
  'clasp is not logged in to Google (or its login has expired).',
  'Run `npx clasp login` and sign in as the municipal Google account that will own the workbook, then `npm run deploy` again.',
];

/** Why a clasp call failed, in words that say what to do; null when its output says nothing known. */
function explain(output) {
  if (/No credentials found|NOT_AUTHENTICATED|invalid_grant|Not logged in|login required/i.test(output)) return NOT_LOGGED_IN;
  if (/Apps Script API|home\/usersettings/i.test(output)) {
    return [
      'the Google Apps Script API is off for this account.',
      `Turn it on at ${API_SETTINGS} (Google Apps Script API ▸ On), signed in as the same account; wait a few minutes, then \`npm run deploy\` again.`,
    ];
  }
  return null;
}

function checkLoggedIn() {
  const { output } = clasp(['show-authorized-user', '--json'], { quiet: true });
  let state = null;
  try {
    state = JSON.parse(output.slice(output.indexOf('{'), output.lastIndexOf('}') + 1));
  } catch {
    state = null;
  }
  if (state && state.loggedIn === false) fail(NOT_LOGGED_IN);
  if (state?.email) console.log(`clasp is logged in as ${state.email}`);
  // Anything else (no answer from Google, say): the next clasp call reports it.
}

function create(title, project, { dir = root, rebuild = build } = {}) {
  const claspJson = join(dir, '.clasp.json');
  // clasp create refuses a .clasp.json that has a scriptId ("Project file already exists."): the
  // placeholder goes; the other settings stay, and rootDir is dist/.
  if (project) {
    const { scriptId: _placeholder, ...rest } = project;
    writeFileSync(claspJson, `${JSON.stringify({ ...rest, rootDir: ROOT_DIR }, null, 2)}\n`, 'utf8');
  }
  console.log(`No script yet: creating a new Google Sheet "${title}" with its bound Apps Script project.`);
  const run = clasp(['create', '--type', 'sheets', '--title', title, '--rootDir', ROOT_DIR], { cwd: dir });
  const created = scriptIdOf(readProject(claspJson));
  // clasp can print an error and still exit 0, so the new id in .clasp.json is the proof.
  if (run.status !== 0 || !created) {
    const why = explain(run.output) ?? ['clasp could not create the Sheet and its script (its message is above).'];
    fail([...why, `If a Google Sheet "${title}" was made in Drive before the failure, delete it: the next run creates a new one.`]);
  }
  const parentId = [project?.parentId, readProject(claspJson)?.parentId].flat().find((id) => typeof id === 'string' && id);
  console.log(`Created the script ${created}${parentId ? ` in the Sheet https://docs.google.com/spreadsheets/d/${parentId}/edit` : ''}.`);
  // clasp create pulled the new project's Code.js and appsscript.json into dist/: build again.
  rebuild();
  return { scriptId: created, parentId: parentId ?? null };
}

/** Pushes the project in `dir`; null when pushed, else why not (lines saying what to do). */
function tryPush(scriptId, dir = root) {
  const run = clasp(['push', '--force'], { cwd: dir });
  // Success is what clasp says on success ("Pushed N files at …", "Script is already up to date."):
  // like create, it can print an error and exit 0.
  if (run.status !== 0 || !/Pushed |already up to date/i.test(run.output)) {
    return explain(run.output) ?? [`clasp push to ${scriptId} failed (its message is above).`];
  }
  return null;
}

function push(scriptId, dir = root) {
  const why = tryPush(scriptId, dir);
  if (why) fail(why);
  console.log('');
  console.log(`Pushed dist/ to https://script.google.com/d/${scriptId}/edit`);
  console.log('Next: open the Sheet, reload it, and run უკუკავშირი ▸ სისტემის მომზადება / განახლება as this same account (README, "Deploying").');
}

/**
 * A municipality's staging folder, made anew from dist/: .clasp.json (its script, or none yet),
 * dist/ as built plus Municipality.js, the profile setup reads, and the profile's manifest.
 */
function stage(profile, scriptId) {
  const dir = join(STAGING, profile.id);
  rmSync(join(dir, ROOT_DIR), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, ROOT_DIR), join(dir, ROOT_DIR), { recursive: true });
  writeFileSync(join(dir, ROOT_DIR, 'Municipality.js'), profileScript(profile), 'utf8');
  // The association's workbook reads the municipalities' files: its manifest adds drive.readonly.
  const manifestFile = join(dir, ROOT_DIR, 'appsscript.json');
  const built = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const manifest = manifestFor(built, profile);
  if (manifest !== built) writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  writeFileSync(join(dir, '.clasp.json'), `${JSON.stringify(scriptId ? { scriptId, rootDir: ROOT_DIR } : { rootDir: ROOT_DIR }, null, 2)}\n`, 'utf8');
  return dir;
}

function registryOrFail() {
  const registry = loadRegistry(root);
  if (registry.problems) fail(registry.problems);
  return registry.deployments;
}

function deployMunicipality(id, title) {
  const { profile, problems } = loadProfile(root, id);
  if (problems) fail([`municipalities/${id}.json cannot be deployed; nothing was built or sent:`, ...problems.map((p) => `  - ${p}`)]);
  const known = registryOrFail().find((d) => d.municipality === id);
  build();
  checkLoggedIn();
  let scriptId = known?.scriptId ?? null;
  const dir = stage(profile, scriptId);
  if (scriptId) console.log(`municipalities/registry.json names the script ${scriptId} for ${id}: pushing to it.`);
  else {
    const made = create(title ?? profile.title ?? `${DEFAULT_TITLE} — ${profile.settings.municipality}`, null, { dir, rebuild: () => stage(profile, null) });
    scriptId = made.scriptId;
    // Recorded at once: a push that fails next must not lead to a second Sheet at the next run.
    recordDeployment(root, { municipality: id, scriptId, ...(made.parentId ? { parentId: made.parentId } : {}) });
    writeFileSync(join(dir, '.clasp.json'), `${JSON.stringify({ scriptId, rootDir: ROOT_DIR }, null, 2)}\n`, 'utf8');
    console.log(`Recorded ${id} → ${scriptId} in municipalities/registry.json (commit it: it holds ids, no secrets).`);
  }
  push(scriptId, dir);
}

function pushAll() {
  const deployments = registryOrFail();
  if (deployments.length === 0) fail(['municipalities/registry.json lists no deployment yet: `npm run deploy -- --municipality ID` makes the first']);
  build();
  checkLoggedIn();
  const results = [];
  for (const d of deployments) {
    console.log(`\n— ${d.municipality}`);
    const { profile, problems } = loadProfile(root, d.municipality);
    if (problems) results.push({ ...d, outcome: 'failed', why: problems });
    else if (!d.scriptId) results.push({ ...d, outcome: 'skipped', why: [`not created yet: npm run deploy -- --municipality ${d.municipality}`] });
    else {
      // A crash in one (a folder that cannot be written, say) is that one's failure, not the run's.
      let why;
      try {
        why = tryPush(d.scriptId, stage(profile, d.scriptId));
      } catch (err) {
        why = [String(err?.message ?? err)];
      }
      results.push({ ...d, outcome: why ? 'failed' : 'pushed', why: why ?? [] });
    }
  }
  console.log('\npush-all:');
  for (const r of results)
    console.log(`  ${r.outcome.padEnd(7)} ${r.municipality}${r.scriptId ? ` (${r.scriptId})` : ''}${r.why.length ? ` — ${r.why.join(' ')}` : ''}`);
  const count = (o) => results.filter((r) => r.outcome === o).length;
  console.log(`${count('pushed')} pushed, ${count('failed')} failed, ${count('skipped')} skipped of ${results.length}`);
  process.exit(count('failed') ? 1 : 0);
}

const { title, municipality, all } = parseArgs(process.argv.slice(2));
if (all) pushAll();
else if (municipality) deployMunicipality(municipality, title);
else {
  build();
  checkLoggedIn();
  const project = readProject();
  const existing = scriptIdOf(project);
  if (existing) console.log(`.clasp.json names the script ${existing}: pushing to it.`);
  push(existing ?? create(title ?? DEFAULT_TITLE, project).scriptId);
}
