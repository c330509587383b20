/**
 * The layering of src/, checked on the sources: Google's services are called from src/adapters
 * (and the entry points in src/main.ts) only; src/app orchestrates and holds no Georgian text
 * (that is domain/messages.ts); and no module imports itself back through others.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = join(__dirname, '..', 'src');

const GOOGLE_GLOBALS = [
  'SpreadsheetApp',
  'FormApp',
  'MailApp',
  'DocumentApp',
  'DriveApp',
  // the Advanced Drive service (appsscript.json enables it)
  'Drive',
  'ScriptApp',
  'LockService',
  'PropertiesService',
  'Session',
  'Utilities',
  'CacheService',
  'UrlFetchApp',
];

/** Keywords after which a slash starts a regular expression, not a division. */
const REGEX_AFTER = /(?:^|[^\w$.])(?:return|typeof|case|in|of|delete|void|throw|new|else|do|yield|await)\s*$/;

/** Georgian letters: Mkhedruli and the older scripts (U+10A0–U+10FF), Mtavruli (U+1C90–U+1CBF). */
const GEORGIAN = /[\u10A0-\u10FF\u1C90-\u1CBF]/;

function sourceFiles(dir: string = SRC): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (name.endsWith('.ts')) files.push(path);
  }
  return files.sort();
}

const rel = (path: string): string => relative(SRC, path).split('\\').join('/');

/**
 * The code of a TypeScript source with comments and the text of string, template and regular
 * expression literals blanked out (a template's ${…} parts stay code). Line breaks are kept, so
 * positions still give line numbers.
 */
function codeOnly(source: string): string {
  let out = '';
  let i = 0;
  /** The last significant character of code: decides whether a slash starts a regex or divides. */
  let last = '';
  const templateDepth: number[] = [];
  const blank = (text: string): string => text.replace(/[^\n]/g, ' ');
  const quoted = (quote: string): void => {
    let j = i + 1;
    while (j < source.length && source[j] !== quote && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
    out += quote + blank(source.slice(i + 1, j)) + quote;
    i = j + 1;
    last = quote;
  };
  const templateText = (): void => {
    // From just after ` or }, up to the closing ` or the next ${.
    let j = i;
    while (j < source.length && source[j] !== '`' && !(source[j] === '$' && source[j + 1] === '{')) j += source[j] === '\\' ? 2 : 1;
    out += blank(source.slice(i, j));
    if (source[j] === '`') {
      out += '`';
      i = j + 1;
      last = '`';
    } else {
      out += '${';
      i = j + 2;
      templateDepth.push(0);
      last = '{';
    }
  };
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const j = end < 0 ? source.length : end;
      out += blank(source.slice(i, j));
      i = j;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const j = end < 0 ? source.length : end + 2;
      out += blank(source.slice(i, j));
      i = j;
    } else if (c === "'" || c === '"') {
      quoted(c);
    } else if (c === '`') {
      out += '`';
      i++;
      templateText();
    } else if (c === '/' && (!/[\w$)\]]/.test(last) || REGEX_AFTER.test(out))) {
      // A regular expression literal: up to the closing slash outside a character class, then flags.
      let j = i + 1;
      let inClass = false;
      while (j < source.length && source[j] !== '\n' && (inClass || source[j] !== '/')) {
        if (source[j] === '\\') j++;
        else if (source[j] === '[') inClass = true;
        else if (source[j] === ']') inClass = false;
        j++;
      }
      out += `/${blank(source.slice(i + 1, j))}/`;
      i = j + 1;
      last = '/';
    } else if (templateDepth.length && c === '}' && templateDepth[templateDepth.length - 1] === 0) {
      templateDepth.pop();
      out += '}';
      i++;
      templateText();
    } else {
      if (templateDepth.length && c === '{') templateDepth[templateDepth.length - 1]++;
      if (templateDepth.length && c === '}') templateDepth[templateDepth.length - 1]--;
      out += c;
      if (!/\s/.test(c)) last = c;
      i++;
    }
  }
  return out;
}

/** `file:line: name` for each Google global the code of a source uses. */
function googleGlobalsIn(file: string, source: string): string[] {
  const found: string[] = [];
  codeOnly(source)
    .split('\n')
    .forEach((line, n) => {
      for (const name of GOOGLE_GLOBALS) {
        // A use of the global, not a property or a key of the same name (x.Session, { Session: … }).
        if (new RegExp(`(?<![\\w$.])${name}(?![\\w$])(?!\\s*:)`).test(line)) found.push(`${file}:${n + 1}: ${name}`);
      }
    });
  return found;
}

/** The relative modules a source imports or re-exports (type-only ones too: they are a dependency). */
function importsOf(file: string, source: string): string[] {
  const code = codeOnly(source);
  const targets: string[] = [];
  // The specifier is blanked by codeOnly; read it from the source at the same position.
  const statement = /(?:^|[;\n])\s*(?:import|export)\s[^;]*?\bfrom\s*(['"])/g;
  for (let m = statement.exec(code); m; m = statement.exec(code)) {
    const start = m.index + m[0].length;
    const end = source.indexOf(m[1], start);
    const specifier = source.slice(start, end);
    if (!specifier.startsWith('.')) continue;
    const target = resolve(dirname(file), specifier);
    targets.push(target.endsWith('.ts') ? target : `${target}.ts`);
  }
  return targets;
}

/** Every import cycle of the graph, each as the path that closes it (a → b → a). */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

const files = sourceFiles();
const sources = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));

describe('the scanners', () => {
  test('codeOnly blanks comments, strings, template text and regular expressions, and keeps code', () => {
    const sample = [
      '// SpreadsheetApp in a comment',
      "/* MailApp\n   in a block */ const a = 'LockService.getScriptLock()';",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the sample is source text with a template literal in it
      'const b = "DriveApp" + `x ${FormApp.create(`DocumentApp ${Session}`)} y`;',
      'const c = /[\'"]Utilities/g.test(s) ? 1 / 2 : (x) / 3;',
      "function f() { return /'CacheService/.test(s); }",
      'PropertiesService.getScriptProperties();',
    ].join('\n');
    const code = codeOnly(sample);
    expect(code.split('\n')).toHaveLength(sample.split('\n').length);
    for (const hidden of ['SpreadsheetApp', 'MailApp', 'LockService', 'DriveApp', 'DocumentApp', 'Utilities', 'CacheService'])
      expect(code).not.toContain(hidden);
    for (const kept of ['FormApp.create(', 'Session', 'PropertiesService.getScriptProperties()', '1 / 2', '(x) / 3']) expect(code).toContain(kept);
  });

  test('a Google global is found where the code calls it, not where it is a property or a key', () => {
    expect(googleGlobalsIn('x.ts', 'const ui = SpreadsheetApp.getUi();\n// MailApp\nconst s = "DriveApp";')).toEqual(['x.ts:1: SpreadsheetApp']);
    expect(googleGlobalsIn('x.ts', 'lock = LockService.getScriptLock()')).toEqual(['x.ts:1: LockService']);
    expect(googleGlobalsIn('x.ts', 'const o = { Session: 1 }; o.Session; const Utilitiesx = 2;')).toEqual([]);
  });

  test('an import cycle is reported with its path', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
    ]);
    expect(cyclesOf(graph)).toEqual([['a', 'b', 'c', 'a']]);
    expect(
      cyclesOf(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
  });

  test('imports and re-exports, type-only ones included, are edges of the graph', () => {
    const file = join(SRC, 'app', 'x.ts');
    const source = "import { a } from '../domain/a';\nimport type { B } from './b';\nexport { c } from '../adapters/c';\nconst s = \"import x from './not'\";";
    expect(importsOf(file, source).map(rel)).toEqual(['domain/a.ts', 'app/b.ts', 'adapters/c.ts']);
  });
});

describe('src/', () => {
  test('calls Google only from src/adapters and src/main.ts', () => {
    const outside = files.filter((file) => !rel(file).startsWith('adapters/') && rel(file) !== 'main.ts');
    expect(outside.length).toBeGreaterThan(20);
    expect(outside.flatMap((file) => googleGlobalsIn(rel(file), sources.get(file) as string))).toEqual([]);
  });

  test("src/app and src/domain never hold Google's objects (no GoogleAppsScript types)", () => {
    const inner = files.filter((file) => rel(file).startsWith('app/') || rel(file).startsWith('domain/'));
    expect(inner.filter((file) => /\bGoogleAppsScript\b/.test(codeOnly(sources.get(file) as string))).map(rel)).toEqual([]);
  });

  test('src/app holds no Georgian text: what people read is in domain/messages.ts', () => {
    const app = files.filter((file) => rel(file).startsWith('app/'));
    expect(app.length).toBeGreaterThan(5);
    const found = app.flatMap((file) =>
      (sources.get(file) as string)
        .split('\n')
        .map((line, n) => (GEORGIAN.test(line) ? `${rel(file)}:${n + 1}: ${line.trim()}` : ''))
        .filter(Boolean),
    );
    expect(found).toEqual([]);
  });

  test('has no import cycle', () => {
    const graph = new Map(files.map((file) => [file, importsOf(file, sources.get(file) as string)]));
    // Every relative import resolves to a source file: the graph is complete.
    const dangling = [...graph.entries()].flatMap(([file, targets]) => targets.filter((t) => !graph.has(t)).map((t) => `${rel(file)} -> ${rel(t)}`));
    expect(dangling).toEqual([]);
    expect([...graph.values()].flat().length).toBeGreaterThan(100);
    expect(cyclesOf(graph).map((cycle) => cycle.map(rel).join(' -> '))).toEqual([]);
  });
});
