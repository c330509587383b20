/**
 * The municipality profile the deploy stages next to the bundle: Municipality.js defines one
 * global (scripts/municipality-profile.mjs PROFILE_GLOBAL). Apps Script loads every file of the
 * project into one global scope, so the bundle sees it; a project deployed without a profile has
 * none, and setup seeds the standard defaults.
 */
import { type MunicipalityProfile, parseMunicipalityProfile } from '../domain/municipality-profile';

export const PROFILE_GLOBAL = 'UKUKAVSHIRI_MUNICIPALITY';

export function deployedProfile(): MunicipalityProfile | null {
  const raw = (globalThis as Record<string, unknown>)[PROFILE_GLOBAL];
  return raw === undefined ? null : parseMunicipalityProfile(raw);
}
