// Runs a Node-side TypeScript tool (replay, bench) by bundling it with esbuild first.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
const outfile = join(root, '.build', basename(entry).replace(/\.ts$/, '.cjs'));
await esbuild.build({
  entryPoints: [join(root, entry)],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile,
  sourcemap: 'inline',
  logLevel: 'warning',
  packages: 'external',
});
const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...args], { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);
