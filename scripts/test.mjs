// The one test command (README, .ci/run): build, type-check, lint and format check, run jest, then print the plain
// closing line `N passed, N failed` that CI reads (jest's own summary is not such a line).
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', cwd: root }).status ?? 1;
const npx = (bin, args) => run(process.execPath, [join(root, 'node_modules', bin), ...args]);

if (run('bash', [join(root, 'scripts/ensure-browser.sh')]) !== 0) {
  console.error('could not install Chromium for the browser test');
}
if (run(process.execPath, [join(root, 'scripts/build.mjs')]) !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
let typeFailures = 0;
for (const config of ['tsconfig.json', 'tsconfig.node.json']) {
  if (npx('typescript/bin/tsc', ['-p', config, '--noEmit']) !== 0) {
    console.error(`type check failed: ${config}`);
    typeFailures++;
  }
}
// Lint and format (Biome): a finding fails the run like a type error, and is counted once.
if (npx('@biomejs/biome/bin/biome', ['ci', '--colors=off', '.']) !== 0) {
  console.error('lint or format check failed: run `npx biome check --write .` and fix what remains');
  typeFailures++;
}
mkdirSync(join(root, 'test-results'), { recursive: true });
const resultsFile = join(root, 'test-results', 'jest.json');
const jestStatus = npx('jest/bin/jest.js', ['--json', `--outputFile=${resultsFile}`, ...process.argv.slice(2)]);
let passed = 0;
let failed = typeFailures;
try {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests + results.numRuntimeErrorTestSuites;
} catch {
  failed += 1;
}
if (jestStatus !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
