/**
 * How often the emulator agrees with live Apps Script, measured against an outside suite: the
 * tests of gas-fakes (github.com/brucemcpherson/gas-fakes, MIT), whose author runs the same files
 * on Node and on live Apps Script. Their expectations for live Apps Script (`X.isFake` false) are
 * checked against this emulator. Nothing of that repository is kept here: point `--suite` at a
 * checkout, and the files are copied to a scratch folder and run there.
 *
 *   git clone --depth 1 https://github.com/brucemcpherson/gas-fakes /tmp/gas-fakes
 *   node scripts/run-tool.mjs emulator/scripts/gas-fakes-agreement.ts --suite /tmp/gas-fakes [--json out.json] [--failures]
 *
 * Counted: the assertions a test reaches having touched only methods the emulator has. Every
 * Apps Script object handed to the tests is wrapped to notice a method it lacks; an assertion made
 * after such a touch (since the previous assertion) is left out, and a section stops at the first
 * exception, as in the suite. Sections that cannot run (a service or fixture file the emulator does
 * not have) are reported by cause, not counted. Needs network only to clone; never run by CI.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { environment } from '../environment';
import { Workspace } from '../workspace';

type Service = 'Sheets' | 'Drive' | 'Docs' | 'Forms' | 'Utilities' | 'LockService' | 'UrlFetch' | 'Session' | 'Properties' | 'ScriptApp';

/** Which service a suite file tests, by its name; files of services not emulated are not run. */
const SERVICE_OF_FILE: Array<[RegExp, Service]> = [
  [/^testsheets.*\.js$|^testconditionalformat\.js$/, 'Sheets'],
  [/^testdrive(?:new|sharing)?\.js$/, 'Drive'],
  [/^testdocs(?!all).*\.js$/, 'Docs'],
  [/^testform(?:response|sadv|webhack)?\.js$/, 'Forms'],
  [/^testutilities\.js$/, 'Utilities'],
  [/^testlock\.js$/, 'LockService'],
  [/^testfetch\.js$/, 'UrlFetch'],
  [/^testsession\.js$/, 'Session'],
  [/^teststores\.js$/, 'Properties'],
  [/^testscriptapp\.js$/, 'ScriptApp'],
];

/**
 * Sections whose assertions are about the suite author's own account, not about Apps Script:
 * the number of PDFs and folders in his Drive, his named test folder, his Upstash credentials.
 */
const ABOUT_THE_AUTHORS_ACCOUNT: Array<[string, string]> = [
  ['testdrive.js', 'driveapp searches'],
  ['testdrive.js', 'exotic driveapps versus Drive'],
  ['testdrive.js', 'driveapp searching with queries'],
  ['teststores.js', 'cross-environment (script stores)'],
  ['teststores.js', 'cross-environment (user stores)'],
];

interface Assertion {
  file: string;
  section: string;
  kind: string;
  pass: boolean;
  /** A method the emulator lacks was touched since the previous assertion. */
  touchedMissing: boolean;
  where: string;
  description: string;
  actual?: string;
  expected?: string;
}

interface SectionEnd {
  file: string;
  section: string;
  stopped: string | null;
}

const state = {
  file: '',
  section: '',
  missingSinceAssertion: 0,
  assertions: [] as Assertion[],
  sections: [] as SectionEnd[],
  missing: new Map<string, number>(),
};

// ---------------------------------------------------------------------------------------------
// Wrapping: every Apps Script object the tests get notices the methods it lacks.

const IGNORED = new Set(['then', 'toJSON', 'isFake', 'constructor', 'inspect', 'nodeType', 'asymmetricMatch', '$$typeof', 'length']);
const targetOf = new WeakMap<object, object>();
const proxyOf = new WeakMap<object, object>();

function isWrappable(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return false;
  if (Array.isArray(value) || value instanceof Date || value instanceof RegExp || value instanceof Error || ArrayBuffer.isView(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto !== null && proto !== Object.prototype;
}

function unwrap(value: unknown, depth = 0): unknown {
  if (typeof value === 'object' && value !== null) {
    const target = targetOf.get(value);
    if (target) return target;
    if (Array.isArray(value) && depth < 3) return value.map((v) => unwrap(v, depth + 1));
  }
  return value;
}

function wrap(value: unknown, name?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => wrap(v));
  // A global is wrapped even when it is a plain object (Session, UrlFetchApp); returned plain objects are data.
  const global = name !== undefined && typeof value === 'object' && value !== null && !Object.isFrozen(value);
  if (!global && !isWrappable(value)) return value;
  const known = proxyOf.get(value);
  if (known) return known;
  const className = name ?? String((value as { constructor?: { name?: string } }).constructor?.name ?? 'Object').replace(/Fake\d*$/, '');
  const proxy = new Proxy(value, {
    get(target, prop) {
      if (typeof prop === 'symbol') return Reflect.get(target, prop, target);
      const own = Object.getOwnPropertyDescriptor(target, prop);
      if (own && !own.configurable && !own.writable && 'value' in own) return own.value;
      if (!(prop in target)) {
        if (!IGNORED.has(prop) && !prop.startsWith('__')) {
          state.missingSinceAssertion++;
          const key = `${className}.${prop}`;
          state.missing.set(key, (state.missing.get(key) ?? 0) + 1);
        }
        return undefined;
      }
      const v = Reflect.get(target, prop, target);
      if (typeof v !== 'function') return wrap(v);
      return function (this: unknown, ...args: unknown[]) {
        return wrap(
          (v as (...a: unknown[]) => unknown).apply(
            target,
            args.map((a) => unwrap(a)),
          ),
        );
      };
    },
  });
  targetOf.set(proxy, value);
  proxyOf.set(value, proxy);
  return proxy;
}

// ---------------------------------------------------------------------------------------------
// The suite's assertion library, as the tests use it (our own implementation of its interface).

function deepEquals(a: unknown, b: unknown): boolean {
  a = unwrap(a);
  b = unwrap(b);
  if (Object.is(a, b)) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) return deepEquals(Array.from(a as Uint8Array), Array.from(b as Uint8Array));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEquals((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function show(x: unknown): string {
  try {
    const text = typeof x === 'string' ? JSON.stringify(x) : x instanceof Date ? x.toISOString() : (JSON.stringify(unwrap(x)) ?? String(x));
    return text.length > 160 ? `${text.slice(0, 157)}...` : text;
  } catch {
    return String(x);
  }
}

interface Options {
  description?: string;
  skip?: boolean;
}

/** The options argument (the one after the values): a description or an options object; later arguments are ignored, as by the suite's library. */
function optionsOf(args: unknown[]): Options {
  const [a] = args;
  if (typeof a === 'string') return { description: a };
  if (typeof a === 'object' && a !== null) return a as Options;
  return {};
}

function where(): string {
  const line = (new Error().stack ?? '').split('\n').find((l) => /\/test\/test[^/]*\.m?js:\d+/.test(l));
  const m = line ? /\/test\/(test[^/]*)\.m?js(:\d+)/.exec(line) : null;
  return m ? `${m[1]}.js${m[2]}` : '?';
}

function record(kind: string, pass: boolean, rest: unknown[], actual: unknown, expected: unknown) {
  const options = optionsOf(rest);
  const result = { actual, expected, pass };
  if (options.skip) return result;
  state.assertions.push({
    file: state.file,
    section: state.section,
    kind,
    pass,
    touchedMissing: state.missingSinceAssertion > 0,
    where: where(),
    description: options.description ?? '',
    ...(pass ? {} : { actual: show(actual), expected: show(expected) }),
  });
  state.missingSinceAssertion = 0;
  return result;
}

/**
 * The suite's assertion methods with the semantics of its library (@mcpher/unit, as documented
 * in its source): `is`/`not` compare with ===, `deepEqual` deeply, `true` is === true, `false`
 * passes for anything but true, `truthy`/`falsey` on !!actual, `rxMatch` tests the regex, and an
 * undefined actual value fails unless `neverUndefined: false`. `threw` returns the error. There is
 * no `fail`: calling it stops the section, as it does in the suite.
 */
function makeT() {
  const check = (kind: string, actual: unknown, pass: boolean, rest: unknown[], expected: unknown) => {
    const options = optionsOf(rest) as Options & { neverUndefined?: boolean };
    const failsUndefined = options.neverUndefined !== false && actual === undefined;
    return record(kind, pass && !failsUndefined, rest, actual, expected);
  };
  const same = (a: unknown, b: unknown) => unwrap(a) === unwrap(b);
  return {
    is: (a: unknown, b: unknown, ...rest: unknown[]) => check('is', a, same(a, b), rest, b),
    not: (a: unknown, b: unknown, ...rest: unknown[]) => check('not', a, !same(a, b), rest, b),
    deepEqual: (a: unknown, b: unknown, ...rest: unknown[]) => check('deepEqual', a, deepEquals(a, b), rest, b),
    notDeepEqual: (a: unknown, b: unknown, ...rest: unknown[]) => check('notDeepEqual', a, !deepEquals(a, b), rest, b),
    true: (a: unknown, ...rest: unknown[]) => check('true', a, a === true, rest, true),
    false: (a: unknown, ...rest: unknown[]) => check('false', a, a !== true, rest, 'not true'),
    truthy: (a: unknown, ...rest: unknown[]) => check('truthy', !!a, !!a, rest, 'truthy'),
    falsey: (a: unknown, ...rest: unknown[]) => check('falsey', !!a, !a, rest, 'falsey'),
    rxMatch: (a: unknown, rx: RegExp, ...rest: unknown[]) => check('rxMatch', a, rx.test(a as string), rest, String(rx)),
    threw: (fn: () => unknown) => {
      try {
        fn();
        return undefined;
      } catch (err) {
        return err;
      }
    },
  };
}

function newUnit() {
  return {
    section(name: string, fn: (t: ReturnType<typeof makeT>) => unknown, options: Options = {}) {
      if (options?.skip) return;
      state.section = name;
      state.missingSinceAssertion = 0;
      let stopped: string | null = null;
      try {
        fn(makeT());
      } catch (err) {
        stopped = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      }
      state.sections.push({ file: state.file, section: name, stopped });
    },
    deepEquals,
    report: () => undefined,
  };
}

const isShim = {
  undefined: (x: unknown) => x === undefined,
  null: (x: unknown) => x === null,
  nullOrUndefined: (x: unknown) => x === null || x === undefined,
  string: (x: unknown) => typeof x === 'string',
  nonEmptyString: (x: unknown) => typeof x === 'string' && x.length > 0,
  number: (x: unknown) => typeof x === 'number' && !Number.isNaN(x),
  integer: (x: unknown) => Number.isInteger(x),
  boolean: (x: unknown) => typeof x === 'boolean',
  function: (x: unknown) => typeof x === 'function',
  array: (x: unknown) => Array.isArray(x),
  emptyArray: (x: unknown) => Array.isArray(x) && x.length === 0,
  nonEmptyArray: (x: unknown) => Array.isArray(x) && x.length > 0,
  object: (x: unknown) => (typeof x === 'object' && x !== null) || typeof x === 'function',
  emptyObject: (x: unknown) => typeof x === 'object' && x !== null && !Array.isArray(x) && Object.keys(x).length === 0,
  nonEmptyObject: (x: unknown) => typeof x === 'object' && x !== null && !Array.isArray(x) && Object.keys(x).length > 0,
  date: (x: unknown) => Object.prototype.toString.call(x) === '[object Date]',
};

// ---------------------------------------------------------------------------------------------
// Copying the suite: imports of its runtime and libraries point at the shims above.

function rewrite(source: string): string {
  return source
    .replace(/^[ \t]*import\s+['"]@mcpher\/gas-fakes['"];?[ \t]*$/gm, '')
    .replace(/^[ \t]*import\s+(\{[^}]*\}|[\w$]+)\s+from\s+['"]([^.'"][^'"]*)['"];?/gm, (_all, bindings: string, specifier: string) => {
      const source =
        specifier === '@sindresorhus/is'
          ? 'globalThis.__gasFakesRun.is'
          : specifier === '@mcpher/unit'
            ? 'globalThis.__gasFakesRun.unit'
            : 'globalThis.__gasFakesRun.absent';
      const named = bindings.replace(/\bas\b/g, ':');
      return /^\s*\{/.test(bindings) ? `const ${named} = ${source};` : `const ${bindings} = ${source};`;
    });
}

const absent: unknown = new Proxy(
  {},
  {
    get: (_t, prop) => (prop === 'default' ? absent : typeof prop === 'symbol' ? undefined : absent),
  },
);

function main(): void {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const suite = arg('--suite');
  if (!suite || !existsSync(join(suite, 'test'))) {
    console.error('usage: --suite <gas-fakes checkout, with its test/ folder> [--json FILE] [--failures] [--work DIR]');
    process.exit(2);
  }
  const work = resolve(arg('--work') ?? '/tmp/gasfakes-run');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'test'), { recursive: true });
  cpSync(join(suite, 'test'), join(work, 'orig'), { recursive: true });
  const files = readdirSync(join(work, 'orig')).filter((f) => f.endsWith('.js'));
  for (const f of files) {
    const text = rewrite(readFileSync(join(work, 'orig', f), 'utf8')).replace(/from\s+(['"])\.\/([^'"]+)\.js\1/g, 'from $1./$2.mjs$1');
    writeFileSync(join(work, 'test', f.replace(/\.js$/, '.mjs')), text);
  }
  run(work, files, arg('--json'), args.includes('--failures')).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

async function run(work: string, files: string[], jsonOut: string | undefined, listFailures: boolean): Promise<void> {
  const fixesSource = readFileSync(join(work, 'orig', 'testfixes.js'), 'utf8');
  const email = /"EMAIL":\s*"([^"]+)"/.exec(fixesSource)?.[1] ?? 'someone@example.com';
  const domain = email.split('@')[1];
  const ws = new Workspace({
    user: email,
    now: Date.now(),
    timeZone: 'Europe/London',
    costs: {},
    seed: 'gas-fakes',
    environment: environment('workspace', { domain, locale: 'en_US', timeZone: 'Europe/London' }),
  });
  const globals = ws.globals({ dependencies: { enabledAdvancedServices: [{ userSymbol: 'Drive', serviceId: 'drive', version: 'v3' }] } });
  const g = globalThis as Record<string, unknown>;
  for (const name of [
    'SpreadsheetApp',
    'FormApp',
    'MailApp',
    'ScriptApp',
    'LockService',
    'PropertiesService',
    'Utilities',
    'DriveApp',
    'DocumentApp',
    'UrlFetchApp',
    'Session',
    'Logger',
    'Drive',
  ]) {
    g[name] = wrap(globals[name], name);
  }
  g.MimeType = globals.MimeType;
  g.__gasFakesRun = { is: { default: isShim, ...isShim }, unit: { Exports: { newUnit, CodeLocator: { isGas: false } } }, absent };
  // The suite's own default export of `is` is the function object itself.
  (g.__gasFakesRun as { is: unknown }).is = Object.assign((x: unknown) => typeof x, isShim);

  const realLog = console.log;
  const selected = files.filter((f) => SERVICE_OF_FILE.some(([rx]) => rx.test(f))).sort();
  const { testFixes } = (await dynamicImport(pathToFileURL(join(work, 'test', 'testfixes.mjs')).href)) as { testFixes: Record<string, unknown> };
  for (const f of selected) {
    state.file = f;
    console.log = () => undefined;
    console.info = () => undefined;
    try {
      const mod = (await dynamicImport(pathToFileURL(join(work, 'test', f.replace(/\.js$/, '.mjs'))).href)) as Record<string, unknown>;
      for (const [name, fn] of Object.entries(mod)) {
        // The file's own test (testsheets.js: testSheets); other exports are its helpers.
        if (name.toLowerCase() !== f.replace(/\.js$/, '') || typeof fn !== 'function') continue;
        const unit = newUnit();
        try {
          (fn as (pack: unknown) => unknown)({ unit, fixes: { ...testFixes, CLEAN: false } });
        } catch (err) {
          state.sections.push({ file: f, section: `(${name} outside sections)`, stopped: String(err) });
        }
      }
    } catch (err) {
      state.sections.push({ file: f, section: '(load)', stopped: String(err) });
    } finally {
      console.log = realLog;
    }
  }
  report(selected, jsonOut, listFailures);
}

/** Native import() of the copied ES modules, kept out of the CommonJS bundle. */
const dynamicImport = new Function('s', 'return import(s)') as (specifier: string) => Promise<unknown>;

function serviceOf(file: string): Service {
  return (SERVICE_OF_FILE.find(([rx]) => rx.test(file)) as [RegExp, Service])[1];
}

function stopCause(stopped: string, section = ''): string {
  if (section.startsWith('(')) return 'the suite itself';
  if (/ReferenceError/.test(stopped)) return 'a service the emulator does not have';
  if (/is not a function|Cannot read properties of undefined|Cannot read properties of null/.test(stopped)) return 'a method the emulator lacks';
  if (/No item with the given ID|Invalid argument: id|not found|getting the method or property open/i.test(stopped))
    return "the suite author's own Drive files";
  if (/DNS error/.test(stopped)) return 'the network (the emulator has none)';
  return 'the emulator threw';
}

function report(files: string[], jsonOut: string | undefined, listFailures: boolean): void {
  const authors = (a: Assertion) => ABOUT_THE_AUTHORS_ACCOUNT.some(([file, section]) => a.file === file && a.section === section);
  const counted = state.assertions.filter((a) => !a.touchedMissing && !authors(a));
  const line = (label: string, list: Assertion[]) => {
    const pass = list.filter((a) => a.pass).length;
    const pct = list.length ? ((100 * pass) / list.length).toFixed(1) : '—';
    return `${label.padEnd(12)} ${String(pass).padStart(5)} / ${String(list.length).padEnd(5)} ${pct}%`;
  };
  console.log(
    `gas-fakes suite against the emulator: ${files.length} files, ${state.assertions.length} assertions reached, ${counted.length} touching only emulated methods ` +
      `(${state.assertions.filter(authors).length} about the author's own account left out)`,
  );
  console.log(line('overall', counted));
  const services = [...new Set(files.map(serviceOf))];
  for (const s of services)
    console.log(
      line(
        s,
        counted.filter((a) => serviceOf(a.file) === s),
      ),
    );
  const causes = new Map<string, number>();
  for (const s of state.sections) if (s.stopped) causes.set(stopCause(s.stopped, s.section), (causes.get(stopCause(s.stopped, s.section)) ?? 0) + 1);
  console.log(`sections: ${state.sections.length}, stopped early: ${[...causes].map(([c, n]) => `${n} by ${c}`).join(', ') || 'none'}`);
  const missing = [...state.missing].sort((a, b) => b[1] - a[1]).slice(0, 15);
  console.log(`methods most often missing: ${missing.map(([m, n]) => `${m} (${n})`).join(', ')}`);
  if (listFailures) {
    for (const a of counted.filter((x) => !x.pass)) console.log(`  ✗ ${a.where} [${a.section}] ${a.description}: got ${a.actual}, live ${a.expected}`);
    for (const s of state.sections.filter((x) => x.stopped && stopCause(x.stopped, x.section) === 'the emulator threw'))
      console.log(`  ! ${s.file} [${s.section}] stopped: ${s.stopped}`);
  }
  if (jsonOut)
    writeFileSync(jsonOut, JSON.stringify({ assertions: state.assertions, sections: state.sections, missing: Object.fromEntries(state.missing) }, null, 1));
}

main();
