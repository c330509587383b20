/**
 * How this project assembles its emulated Workspace, for the tests, the replay (`npm run demo`)
 * and the benchmark: the municipality's account that runs the script, the script's time zone
 * (appsscript.json), Georgian as the user's language, Google's sourced call costs, the seed of the
 * ids Google derives per project, and the built bundle in dist/. The emulator itself assumes
 * none of these.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import manifest from '../../appsscript.json';
import { APPS_SCRIPT_COSTS, type Environment, Workspace, type WorkspaceOptions } from '../../emulator';

/** The administrator who sets the workbook up: the script runs as this account. */
export const ADMIN_USER = 'admin@municipality.example.ge';
/** A member of staff who types cases in: an editor of the workbook, not its owner. */
export const STAFF_USER = 'kancelaria@municipality.example.ge';

/** Who does what in the municipality: the administrator (the script's account) and staff. */
export interface Users {
  admin: string;
  staff: string;
}

/**
 * The municipality's people in a given Google world: on a Workspace account they are accounts of
 * its domain (`admin@<domain>`, `kancelaria@<domain>`); on a consumer account (no domain) the
 * project's usual addresses.
 */
export function usersFor(env: Pick<Environment, 'account' | 'domain'>): Users {
  if (env.account === 'workspace' && env.domain) return { admin: `admin@${env.domain}`, staff: `kancelaria@${env.domain}` };
  return { admin: ADMIN_USER, staff: STAFF_USER };
}
/** The script's time zone, as the manifest declares it. */
export const TIME_ZONE: string = manifest.timeZone;
/** The language of the municipality's staff (Session.getActiveUserLocale). */
export const LOCALE = 'ka';
/** Seed of the script id and UUIDs, so that every run repeats. */
export const SEED = 'ukukavshiri';
/** When a test's Workspace starts unless it says otherwise: a Monday morning in Tbilisi. */
export const START = '2026-01-05T09:00:00+04:00';

/**
 * The project's folder: the nearest one up holding appsscript.json (this file runs from
 * tests/support under jest, and from .build/ when a tool is bundled).
 */
function projectRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'appsscript.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no appsscript.json above ${from}`);
  }
}

/** The built bundle (`npm run build`). */
export const DIST_DIR = join(projectRoot(), 'dist');

/**
 * Georgian → Latin (the national transliteration system of 2002), so that the PDF view's built-in
 * font can show Georgian text: the emulator's PDF has no Georgian font.
 */
const GEORGIAN_LATIN: Record<string, string> = {
  ა: 'a',
  ბ: 'b',
  გ: 'g',
  დ: 'd',
  ე: 'e',
  ვ: 'v',
  ზ: 'z',
  თ: 't',
  ი: 'i',
  კ: "k'",
  ლ: 'l',
  მ: 'm',
  ნ: 'n',
  ო: 'o',
  პ: "p'",
  ჟ: 'zh',
  რ: 'r',
  ს: 's',
  ტ: "t'",
  უ: 'u',
  ფ: 'p',
  ქ: 'k',
  ღ: 'gh',
  ყ: "q'",
  შ: 'sh',
  ჩ: 'ch',
  ც: 'ts',
  ძ: 'dz',
  წ: "ts'",
  ჭ: "ch'",
  ხ: 'kh',
  ჯ: 'j',
  ჰ: 'h',
};

export function transliterateGeorgian(text: string): string {
  return [...text].map((ch) => GEORGIAN_LATIN[ch] ?? ch).join('');
}

/**
 * The options of this project's Workspace; anything given replaces the default. Given an
 * `environment` and no `user`, the script runs as that world's administrator (usersFor).
 */
export function workspaceOptions(options: Partial<WorkspaceOptions> = {}): WorkspaceOptions {
  return {
    user: options.environment ? usersFor(options.environment).admin : ADMIN_USER,
    now: START,
    timeZone: TIME_ZONE,
    locale: LOCALE,
    seed: SEED,
    costs: APPS_SCRIPT_COSTS,
    docs: { htmlFontFamily: '"Noto Sans Georgian", Arial, sans-serif', pdfTransliterate: transliterateGeorgian },
    ...options,
  };
}

/** A Workspace of this project, without a bundle loaded. */
export function newWorkspace(options: Partial<WorkspaceOptions> = {}): Workspace {
  return new Workspace(workspaceOptions(options));
}
