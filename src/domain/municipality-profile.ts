/**
 * A municipality's profile, as scripts/deploy.mjs puts it into the bundle (municipalities/<id>.json,
 * checked there): the settings and services setup seeds a new workbook with. Read defensively all
 * the same (a hand-edited Municipality.js reaches here unchecked): what cannot be used is left out,
 * and the tabs keep their defaults for it.
 */
import { SETTING_SPECS } from './schema';
import { parseServices } from './settings';
import type { Service } from './types';

export interface MunicipalityProfile {
  id: string;
  /** Setting key → the value to seed: a number as a number, the rest as text. */
  settings: Map<string, string | number>;
  /** The services to seed an empty services tab with; null: the standard list. */
  services: Service[] | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function parseMunicipalityProfile(raw: unknown): MunicipalityProfile | null {
  if (!isRecord(raw) || typeof raw.id !== 'string') return null;
  const settings = new Map<string, string | number>();
  const given = isRecord(raw.settings) ? raw.settings : {};
  for (const { key } of SETTING_SPECS) {
    const value = given[key];
    if (Array.isArray(value)) settings.set(key, value.map(String).join(', '));
    else if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) settings.set(key, value);
  }
  const services = Array.isArray(raw.services)
    ? parseServices(raw.services.filter(isRecord).map((s) => ({ code: s.code, ka: s.ka, invite: s.invite ?? true })))
    : [];
  return { id: raw.id, settings, services: services.length ? services : null };
}
