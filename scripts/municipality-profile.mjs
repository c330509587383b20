// A municipality's profile (municipalities/<id>.json) and the registry of deployments
// (municipalities/registry.json), read and checked for `npm run deploy` and `npm run push-all`.
// Plain Node (no build step), so the deploy can refuse a bad file before anything is built or sent.
// Messages are English (they are read by whoever deploys, in a terminal); each names the field.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PROFILE_VERSION = 1;
export const REGISTRY_VERSION = 1;
/** The settings a profile may give: the keys of the settings tab (src/domain/schema.ts SETTING_SPECS; a test keeps them equal). */
export const SETTING_KEYS = [
  'municipality',
  'senderName',
  'replyTo',
  'managers',
  'minGroupSize',
  'mailQuotaPerDay',
  'emailRetentionDays',
  'reportPeriod',
  'language',
  'inviteHour',
  'inviteBatchMin',
  'inviteMaxHoldDays',
  'inviteDeskCases',
  'contactPhone',
  'mode',
  // Issue 17: the SMS invitation (its key is set from the menu, never in a profile).
  'smsProvider',
  'smsSender',
  'smsPerDay',
  'phoneSurvey',
  'phoneSurveySample',
];
/** The global the staged Municipality.js defines; src/adapters/municipality-profile.ts reads it. */
export const PROFILE_GLOBAL = 'UKUKAVSHIRI_MUNICIPALITY';
const ID = /^[a-z][a-z0-9-]{1,40}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SCRIPT_ID = /^[A-Za-z0-9_-]{20,}$/;
const GEORGIAN = /[\u10A0-\u10FF\u1C90-\u1CBF]/;

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The problems of a parsed profile, each "field: what is wrong"; [] when it can be deployed. */
export function profileProblems(profile, expectedId) {
  const problems = [];
  const say = (field, what) => problems.push(`${field}: ${what}`);
  if (!isObject(profile)) return ['the file must hold one JSON object'];
  const known = new Set(['$comment', 'version', 'id', 'title', 'settings', 'services']);
  for (const key of Object.keys(profile)) if (!known.has(key)) say(key, `unknown field (expected: ${[...known].join(', ')})`);
  if (profile.version !== PROFILE_VERSION) say('version', `must be ${PROFILE_VERSION} (found ${JSON.stringify(profile.version)})`);
  if (typeof profile.id !== 'string' || !ID.test(profile.id))
    say('id', 'lower-case Latin letters, digits and dashes, starting with a letter (e.g. "ambrolauri")');
  else if (expectedId && profile.id !== expectedId) say('id', `"${profile.id}" does not match the file name (${expectedId}.json)`);
  if (profile.title !== undefined && (typeof profile.title !== 'string' || !profile.title.trim())) say('title', "the Google Sheet's name, a non-empty text");
  const settings = profile.settings;
  if (!isObject(settings)) say('settings', 'an object of settings (at least "municipality")');
  else {
    for (const key of Object.keys(settings)) if (!SETTING_KEYS.includes(key)) say(`settings.${key}`, `unknown setting (known: ${SETTING_KEYS.join(', ')})`);
    if (typeof settings.municipality !== 'string' || !GEORGIAN.test(settings.municipality))
      say('settings.municipality', "the municipality's name in Georgian is required");
    if (settings.senderName !== undefined && (typeof settings.senderName !== 'string' || !settings.senderName.trim()))
      say('settings.senderName', 'a non-empty text');
    if (settings.replyTo !== undefined && settings.replyTo !== '' && !(typeof settings.replyTo === 'string' && EMAIL.test(settings.replyTo)))
      say('settings.replyTo', `"${settings.replyTo}" is not an email address`);
    if (settings.managers !== undefined) {
      if (!Array.isArray(settings.managers)) say('settings.managers', 'a list of email addresses');
      else for (const m of settings.managers) if (typeof m !== 'string' || !EMAIL.test(m)) say('settings.managers', `"${m}" is not an email address`);
    }
    if (settings.minGroupSize !== undefined && !(Number.isInteger(settings.minGroupSize) && settings.minGroupSize >= 5))
      say('settings.minGroupSize', 'a whole number, 5 or more (smaller groups could be recognised)');
    for (const key of ['mailQuotaPerDay', 'emailRetentionDays', 'phoneSurveySample'])
      if (settings[key] !== undefined && !(Number.isInteger(settings[key]) && settings[key] > 0)) say(`settings.${key}`, 'a whole number above 0');
    if (settings.reportPeriod !== undefined && !['monthly', 'quarterly'].includes(settings.reportPeriod))
      say('settings.reportPeriod', '"monthly" or "quarterly"');
    if (settings.language !== undefined && !['ka', 'en'].includes(settings.language)) say('settings.language', '"ka" or "en"');
    if (settings.mode !== undefined && !['municipal', 'national'].includes(settings.mode))
      say('settings.mode', '"municipal" or "national" (the association\'s workbook)');
  }
  if (profile.services !== undefined) {
    if (!Array.isArray(profile.services) || profile.services.length === 0) say('services', 'a non-empty list, or leave it out for the standard list');
    else {
      const codes = new Set();
      profile.services.forEach((s, i) => {
        const at = `services[${i}]`;
        if (!isObject(s)) return say(at, 'an object { "code", "ka", "invite" }');
        if (typeof s.code !== 'string' || !/^[a-z][a-z0-9_]*$/.test(s.code)) say(`${at}.code`, 'lower-case Latin letters, digits and "_"');
        else if (codes.has(s.code)) say(`${at}.code`, `"${s.code}" appears twice`);
        else codes.add(s.code);
        if (typeof s.ka !== 'string' || !GEORGIAN.test(s.ka)) say(`${at}.ka`, "the service's name in Georgian is required");
        if (s.invite !== undefined && typeof s.invite !== 'boolean') say(`${at}.invite`, 'true or false');
      });
    }
  }
  return problems;
}

/** Reads and checks municipalities/<id>.json: { profile } or { problems }. */
export function loadProfile(root, id) {
  const file = join(root, 'municipalities', `${id}.json`);
  if (!ID.test(id)) return { problems: [`"${id}" is not a municipality id (lower-case Latin letters, digits and dashes)`] };
  if (!existsSync(file)) return { problems: [`municipalities/${id}.json does not exist`] };
  let profile;
  try {
    profile = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return { problems: [`municipalities/${id}.json is not valid JSON (${err.message})`] };
  }
  const problems = profileProblems(profile, id);
  return problems.length ? { problems: problems.map((p) => `municipalities/${id}.json: ${p}`) } : { profile };
}

/** What the workbook receives: the profile as a script file defining one global (read by setup). */
export function profileScript(profile) {
  const { $comment: _comment, ...rest } = profile;
  return `// Written by scripts/deploy.mjs from municipalities/${profile.id}.json; setup seeds the settings and services tabs from it.\nvar ${PROFILE_GLOBAL} = ${JSON.stringify(rest, null, 2)};\n`;
}

const registryFile = (root) => join(root, 'municipalities', 'registry.json');

/** The deployments: [{ municipality, scriptId|null, parentId? }], or { problems }. */
export function loadRegistry(root) {
  const file = registryFile(root);
  if (!existsSync(file)) return { deployments: [] };
  let registry;
  try {
    registry = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return { problems: [`municipalities/registry.json is not valid JSON (${err.message})`] };
  }
  const problems = [];
  if (!isObject(registry) || registry.version !== REGISTRY_VERSION || !Array.isArray(registry.deployments))
    return { problems: [`municipalities/registry.json: must be { "version": ${REGISTRY_VERSION}, "deployments": [ … ] }`] };
  const seen = new Set();
  registry.deployments.forEach((d, i) => {
    const at = `municipalities/registry.json: deployments[${i}]`;
    if (!isObject(d) || typeof d.municipality !== 'string' || !ID.test(d.municipality)) return problems.push(`${at}.municipality: a municipality id`);
    if (seen.has(d.municipality)) problems.push(`${at}.municipality: "${d.municipality}" is listed twice`);
    seen.add(d.municipality);
    if (d.scriptId !== null && !(typeof d.scriptId === 'string' && SCRIPT_ID.test(d.scriptId)))
      problems.push(`${at}.scriptId: an Apps Script id (letters, digits, "-", "_") or null before the first deploy`);
    for (const key of Object.keys(d))
      if (!['municipality', 'scriptId', 'parentId', '$comment'].includes(key))
        problems.push(`${at}.${key}: unknown field (the registry holds ids, never secrets)`);
  });
  return problems.length ? { problems } : { deployments: registry.deployments };
}

/** Records a deployment's ids (after its first deploy), keeping the other entries and their order. */
export function recordDeployment(root, entry) {
  const loaded = loadRegistry(root);
  const deployments = (loaded.deployments ?? []).filter((d) => d.municipality !== entry.municipality);
  const at = (loaded.deployments ?? []).findIndex((d) => d.municipality === entry.municipality);
  deployments.splice(at < 0 ? deployments.length : at, 0, entry);
  writeFileSync(registryFile(root), `${JSON.stringify({ version: REGISTRY_VERSION, deployments }, null, 2)}\n`, 'utf8');
}

/**
 * The manifest a profile's deployment gets, from the built one (dist/appsscript.json): unchanged
 * for a municipality; for the association's workbook (settings.mode "national") with the scopes of
 * scripts/national-scopes.json added.
 */
export function manifestFor(builtManifest, profile) {
  if (profile.settings?.mode !== 'national') return builtManifest;
  const { addScopes } = JSON.parse(readFileSync(new URL('./national-scopes.json', import.meta.url), 'utf8'));
  return { ...builtManifest, oauthScopes: [...new Set([...(builtManifest.oauthScopes ?? []), ...addScopes])] };
}
