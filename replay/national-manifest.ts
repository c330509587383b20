/**
 * The association's deployment: the repository's manifest plus scripts/national-scopes.json
 * (`drive.readonly`, to read the files the municipalities shared), as `npm run deploy` stages it
 * for a profile whose settings.mode is national (scripts/municipality-profile.mjs manifestFor).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Workspace } from '../emulator';

const root = join(__dirname, '..');

/** The scopes the association's manifest adds. */
export function nationalScopes(): string[] {
  return (JSON.parse(readFileSync(join(root, 'scripts', 'national-scopes.json'), 'utf8')) as { addScopes: string[] }).addScopes;
}

/** Gives a workspace's script the association's manifest scopes (those it has, plus the national ones). */
export function grantNationalScopes(ws: Workspace): void {
  const manifest = JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
  ws.core.setScopes([...new Set([...(ws.core.scopes ? [...ws.core.scopes] : manifest.oauthScopes), ...nationalScopes()])]);
}
