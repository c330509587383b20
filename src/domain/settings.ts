/**
 * Settings and services as staff keep them in the workbook, parsed with defaults. A value that
 * cannot be read falls back to its default and is reported, never thrown.
 */
import { SETTING_SPECS } from './schema';
import type { Service, Settings } from './types';

export interface Parsed<T> {
  value: T;
  problems: string[];
}

const positiveInt = (raw: string, fallback: number): number => {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

export function parseSettings(pairs: Array<[string, unknown]>): Parsed<Settings> {
  const raw: Record<string, string> = {};
  for (const spec of SETTING_SPECS) raw[spec.key] = spec.default;
  for (const [key, value] of pairs) {
    if (key in raw && value !== '' && value !== null && value !== undefined) raw[key] = String(value).trim();
  }
  const problems: string[] = [];
  const int = (key: 'minGroupSize' | 'mailQuotaPerDay' | 'emailRetentionDays'): number => {
    const fallback = Number(SETTING_SPECS.find((s) => s.key === key)?.default);
    const n = positiveInt(raw[key], fallback);
    if (String(n) !== raw[key]) problems.push(`პარამეტრი „${key}“ უნდა იყოს დადებითი მთელი რიცხვი; გამოყენებულია ${n}`);
    return n;
  };
  const reportPeriod = raw.reportPeriod === 'monthly' ? 'monthly' : 'quarterly';
  if (raw.reportPeriod !== reportPeriod) problems.push(`პარამეტრი „reportPeriod“: monthly ან quarterly; გამოყენებულია ${reportPeriod}`);
  const language = raw.language === 'en' ? 'en' : 'ka';
  return {
    value: {
      municipality: raw.municipality,
      senderName: raw.senderName,
      replyTo: raw.replyTo,
      managers: raw.managers
        .split(/[,;\s]+/)
        .map((m) => m.trim())
        .filter(Boolean),
      minGroupSize: int('minGroupSize'),
      mailQuotaPerDay: int('mailQuotaPerDay'),
      emailRetentionDays: int('emailRetentionDays'),
      reportPeriod,
      language,
    },
    problems,
  };
}

/** Reads the services tab rows ([code, ka, invite]); rows without a code or a name are skipped. */
export function parseServices(rows: Array<{ code: unknown; ka: unknown; invite: unknown }>): Service[] {
  const seen = new Set<string>();
  const services: Service[] = [];
  for (const row of rows) {
    const code = String(row.code ?? '').trim();
    const ka = String(row.ka ?? '').trim();
    if (!code || !ka || seen.has(code)) continue;
    seen.add(code);
    services.push({ code, ka, invite: row.invite !== false && String(row.invite).toUpperCase() !== 'FALSE' });
  }
  return services;
}
