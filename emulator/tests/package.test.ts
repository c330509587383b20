/**
 * The emulator is a package of its own: its modules and tests import only its own files, Node's
 * built-in modules and the dependencies its package.json declares — nothing of a project that
 * uses it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as api from '..';

const ROOT = resolve(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  main: string;
  dependencies?: Record<string, string>;
};

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? tsFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

const SPECIFIER = /(?:\bfrom\s+|\bimport\s+|\b(?:require|import)\s*\(\s*)'([^']+)'/g;

test('every import stays inside the package or names Node or a declared dependency', () => {
  const declared = new Set(Object.keys(pkg.dependencies ?? {}));
  const outside: string[] = [];
  for (const file of tsFiles(ROOT)) {
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
    for (const [, specifier] of text.matchAll(SPECIFIER)) {
      const ok = specifier.startsWith('.')
        ? !relative(ROOT, resolve(dirname(file), specifier)).startsWith('..')
        : specifier.startsWith('node:') || declared.has(specifier);
      if (!ok) outside.push(`${relative(ROOT, file)}: ${specifier}`);
    }
  }
  expect(outside).toEqual([]);
});

test('the package points at its index, which exports the Workspace and the cost table', () => {
  expect(pkg.main).toBe('index.ts');
  expect(typeof api.Workspace).toBe('function');
  expect(api.APPS_SCRIPT_COSTS['MailApp.sendEmail']).toBe(api.APPS_SCRIPT_COST_SOURCES['MailApp.sendEmail'].ms);
});
