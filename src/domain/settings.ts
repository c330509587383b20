/**
 * Settings and services as staff keep them in the workbook, parsed with defaults. A value that
 * cannot be read falls back to its default and is reported, never thrown.
 */
import { parseEmail } from './email';
import { t } from './messages';
import { unescapeFromSheet } from './sanitize';
import { SETTING_CHOICES, SETTING_SPECS } from './schema';
import type { Service, Settings, SmsProvider } from './types';

export const SMS_PROVIDERS: readonly SmsProvider[] = ['smsoffice', 'gosms', 'twilio'];

export interface Parsed<T> {
  value: T;
  problems: string[];
}

/**
 * The smallest minimum group size accepted: below it a published group can be small enough to
 * recognise its members. Staff may raise it, never lower it.
 */
export const MIN_GROUP_FLOOR = 5;

const positiveInt = (raw: string, fallback: number): number => {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** A choice typed as its Georgian word or as its code, in any case; null when it is neither. */
export function choiceOf<Id extends string>(choices: ReadonlyArray<{ id: Id; ka: string }>, typed: unknown): Id | null {
  const key = String(typed ?? '')
    .trim()
    .toLowerCase();
  return choices.find((choice) => choice.id === key || choice.ka.toLowerCase() === key)?.id ?? null;
}

export function parseSettings(pairs: Array<[string, unknown]>): Parsed<Settings> {
  const raw: Record<string, string> = {};
  for (const spec of SETTING_SPECS) raw[spec.key] = spec.default;
  for (const [key, value] of pairs) {
    if (key in raw && value !== '' && value !== null && value !== undefined) raw[key] = String(value).trim();
  }
  const problems: string[] = [];
  const int = (
    key: 'minGroupSize' | 'mailQuotaPerDay' | 'emailRetentionDays' | 'inviteBatchMin' | 'inviteMaxHoldDays' | 'smsPerDay' | 'phoneSurveySample',
  ): number => {
    const fallback = Number(SETTING_SPECS.find((s) => s.key === key)?.default);
    const n = positiveInt(raw[key], fallback);
    if (String(n) !== raw[key]) problems.push(t('settings.not_positive_int', { key, value: n }));
    return n;
  };
  const reportPeriod = choiceOf(SETTING_CHOICES.reportPeriod, raw.reportPeriod);
  if (!reportPeriod) problems.push(t('settings.bad_report_period', { value: SETTING_CHOICES.reportPeriod[0].ka }));
  const language = choiceOf(SETTING_CHOICES.language, raw.language);
  if (!language) problems.push(t('settings.bad_language', { value: SETTING_CHOICES.language[0].ka }));
  const mode = choiceOf(SETTING_CHOICES.mode, raw.mode);
  if (!mode) problems.push(t('settings.bad_mode', { value: SETTING_CHOICES.mode[0].ka }));
  let minGroupSize = int('minGroupSize');
  if (minGroupSize < MIN_GROUP_FLOOR) {
    problems.push(t('settings.min_group_too_small', { value: minGroupSize, floor: MIN_GROUP_FLOOR }));
    minGroupSize = MIN_GROUP_FLOOR;
  }
  const mailQuotaPerDay = int('mailQuotaPerDay');
  const emailRetentionDays = int('emailRetentionDays');
  const inviteBatchMin = int('inviteBatchMin');
  const inviteMaxHoldDays = int('inviteMaxHoldDays');
  const hour = Number(raw.inviteHour);
  const inviteHour = Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : Number(SETTING_SPECS.find((s) => s.key === 'inviteHour')?.default);
  if (String(inviteHour) !== raw.inviteHour) problems.push(t('settings.bad_invite_hour', { value: inviteHour }));
  const desk = raw.inviteDeskCases.toLowerCase();
  const inviteDeskCases = desk === 'yes' || desk === 'true' || desk === 'კი';
  if (!inviteDeskCases && desk !== 'no' && desk !== 'false' && desk !== 'არა')
    problems.push(t('settings.bad_yes_no', { key: 'inviteDeskCases', value: t('setting.no') }));
  const smsProvider = parseSmsProvider(raw.smsProvider);
  if (smsProvider === null) problems.push(t('settings.bad_sms_provider', { value: raw.smsProvider }));
  const smsPerDay = int('smsPerDay');
  const survey = raw.phoneSurvey.toLowerCase();
  const phoneSurvey = survey === 'yes' || survey === 'true' || survey === 'კი';
  if (!phoneSurvey && survey !== 'no' && survey !== 'false' && survey !== 'არა')
    problems.push(t('settings.bad_yes_no', { key: 'phoneSurvey', value: t('setting.no') }));
  const phoneSurveySample = int('phoneSurveySample');
  // A mistyped address is left out (a malformed Reply-To would reach every applicant) and named.
  const replyTo = raw.replyTo === '' ? null : parseEmail(raw.replyTo);
  if (replyTo && !replyTo.ok) problems.push(t('settings.bad_reply_to', { value: raw.replyTo }));
  const managers: string[] = [];
  for (const typed of raw.managers
    .split(/[,;\s]+/)
    .map((m) => m.trim())
    .filter(Boolean)) {
    const manager = parseEmail(typed);
    if (manager.ok) managers.push(manager.email);
    else problems.push(t('settings.bad_manager', { value: typed }));
  }
  return {
    value: {
      municipality: raw.municipality,
      senderName: raw.senderName,
      replyTo: replyTo?.ok ? replyTo.email : '',
      managers,
      minGroupSize,
      mailQuotaPerDay,
      emailRetentionDays,
      reportPeriod: reportPeriod ?? SETTING_CHOICES.reportPeriod[0].id,
      language: language ?? SETTING_CHOICES.language[0].id,
      mode: mode ?? SETTING_CHOICES.mode[0].id,
      inviteHour,
      inviteBatchMin,
      inviteMaxHoldDays,
      inviteDeskCases,
      contactPhone: raw.contactPhone,
      smsProvider: smsProvider ?? '',
      smsSender: raw.smsSender,
      smsPerDay,
      phoneSurvey,
      phoneSurveySample,
    },
    problems,
  };
}

/** The SMS provider setting: '' (off), a provider's code in any case, or null when unreadable. */
export function parseSmsProvider(typed: string): SmsProvider | '' | null {
  const key = typed.trim().toLowerCase().replace(/\.ge$/, '');
  if (key === '' || key === 'no' || key === 'არა') return '';
  return (SMS_PROVIDERS as readonly string[]).includes(key) ? (key as SmsProvider) : null;
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

/** The services and each one's prefilled N2 link, from the rows of the services tab. */
export function parseServiceRows(rows: Array<{ code: unknown; ka: unknown; invite: unknown; n2Link: unknown }>): {
  services: Service[];
  links: Map<string, string>;
} {
  const links = new Map<string, string>();
  for (const row of rows) {
    const code = String(row.code ?? '').trim();
    const link = unescapeFromSheet(String(row.n2Link ?? '').trim());
    if (code && link && !links.has(code)) links.set(code, link);
  }
  return { services: parseServices(rows), links };
}
