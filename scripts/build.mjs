// Bundles src/main.ts into one Apps Script V8 file (dist/Code.js) and copies appsscript.json.
// Apps Script calls entry points by name, so every export of src/main.ts becomes a top-level
// `function` declaration that forwards to the IIFE's namespace (see ../shared/toolchain.md).
import * as esbuild from 'esbuild';
import { mkdirSync, copyFileSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src/main.ts');
const out = join(root, 'dist');
const GLOBAL = 'Ukukavshiri';

const probe = await esbuild.build({
  entryPoints: [entry],
  bundle: true,
  format: 'esm',
  write: false,
  metafile: true,
  target: 'es2020',
  platform: 'neutral',
  logLevel: 'silent',
});
const exportsOf = Object.values(probe.metafile.outputs).find((o) => o.entryPoint)?.exports ?? [];
if (exportsOf.length === 0) throw new Error('src/main.ts exports no entry points');

const footer = exportsOf.map((name) => `function ${name}() { return ${GLOBAL}.${name}.apply(this, arguments); }`).join('\n');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await esbuild.build({
  entryPoints: [entry],
  bundle: true,
  format: 'iife',
  globalName: GLOBAL,
  // es2020: Apps Script's V8 rejects private #fields and static class fields, which es2020 lowers.
  target: 'es2020',
  platform: 'neutral',
  charset: 'utf8',
  legalComments: 'none',
  outfile: join(out, 'Code.js'),
  footer: { js: footer },
  logLevel: 'warning',
});
copyFileSync(join(root, 'appsscript.json'), join(out, 'appsscript.json'));
writeFileSync(join(out, 'entry-points.json'), JSON.stringify(exportsOf.sort(), null, 2));
const size = readFileSync(join(out, 'Code.js')).length;
console.log(`built dist/Code.js (${(size / 1024).toFixed(0)} KiB, ${exportsOf.length} entry points)`);
