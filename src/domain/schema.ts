/**
 * The workbook: every tab the product owns, its Georgian name and its columns. Code reads and
 * writes tabs by column key, found through the header row, so staff may reorder columns.
 */
import { N1, N2 } from './forms';
import { t } from './messages';
import { FEEDBACK_CODE_COLUMNS, FEEDBACK_HEADERS, POLARITY_CHOICES, feedbackLabel } from './feedback-row';

export type ColumnRule =
  | { kind: 'list'; values: readonly string[] }
  /** A dropdown over a column of another tab (the services' names). */
  | { kind: 'serviceList' }
  | { kind: 'checkbox' }
  | { kind: 'date' }
  | { kind: 'score' };

export interface ColumnSpec {
  key: string;
  header: string;
  rule?: ColumnRule;
  /** Written by the script only: staff edits are refused (protected range). */
  scriptOnly?: boolean;
  /** In a protected tab, the columns staff may still edit. */
  staffEditable?: boolean;
  /**
   * Free text typed by staff: formatted as plain text so Sheets keeps it as typed. Otherwise a
   * typed "=IMPORTXML(…)" runs, "+995 599 12 34 56" or "- slow queue" becomes a formula error,
   * and "1/2" or "12%" a date or a number.
   */
  plainText?: boolean;
  /** A column of dates (staff's date rule) or of times the script writes: shown as DATE_FORMAT / DATE_TIME_FORMAT. */
  dates?: 'date' | 'dateTime';
  width?: number;
  /** A column for the machine (codes, fingerprints): setup hides it from view. */
  hidden?: boolean;
  /** Headers this column had in earlier versions: read as this column, and renamed by setup. */
  legacyHeaders?: readonly string[];
}

/**
 * How date columns show, whatever the locale of the file: the way Georgians write a date
 * (Sheets' date codes, m being the month unless next to h or s).
 * https://developers.google.com/sheets/api/guides/formats#date_and_time_format_patterns
 */
export const DATE_FORMAT = 'dd.mm.yyyy';
export const DATE_TIME_FORMAT = 'dd.mm.yyyy hh:mm';

/**
 * The locale setup gives the workbook: Georgia's, in which Sheets reads a typed 05.01.2026 as 5
 * January (day first, as staff write it). A new file takes its locale from the account — en_US
 * by default, where 05.01.2026 is no date and 05/01/2026 is 1 May. If Sheets does not take it,
 * setup falls back to another locale that reads dates day first with points.
 */
export const WORKBOOK_LOCALE = 'ka_GE';
export const WORKBOOK_LOCALE_FALLBACK = 'ru_RU';

export interface TabSpec {
  key: TabKey;
  name: string;
  columns: readonly ColumnSpec[];
  /** The whole tab is written by the script only. */
  protectedTab?: boolean;
  /** Staff type into this tab; invalid values are refused on entry. */
  strictValidation?: boolean;
  /** How to fill the tab, on its header (shown when the pointer rests on A1). */
  note?: string;
}

export type TabKey =
  | 'settings'
  | 'services'
  | 'applications'
  | 'invitations'
  | 'paper'
  | 'box'
  | 'paperCheck'
  | 'otherChannels'
  | 'feedback'
  | 'themes'
  | 'actions'
  | 'phoneInterviews'
  | 'phoneCalls';

/** Georgian status words staff pick in the applications tab, with their stable ids. */
export const CASE_STATUSES = [
  { id: 'received', ka: t('status.received') },
  { id: 'in_review', ka: t('status.in_review') },
  { id: 'closed', ka: t('status.closed') },
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number]['id'];

export const APPLY_CHANNELS = [
  { id: 'office', ka: t('apply.office') },
  { id: 'email', ka: t('apply.email') },
] as const;

export const ACTION_STATUSES = [
  { id: 'planned', ka: t('action.planned') },
  { id: 'in_progress', ka: t('action.in_progress') },
  { id: 'done', ka: t('action.done') },
] as const;

/** What the coordinator ticks on a row of the phone survey's call list. `called` is not final: called, to try again. */
export type CallOutcome = 'called' | 'answered' | 'refused' | 'unreachable';
export const CALL_OUTCOMES: ReadonlyArray<{ id: CallOutcome; ka: string }> = (['called', 'answered', 'refused', 'unreachable'] as const).map((id) => ({
  id,
  ka: t(`call_outcome.${id}`),
}));

/** Channels staff log by hand in the other-channels tab (Georgian names, stable ids). */
export const LOGGED_CHANNELS = (['phone', 'social', 'website', 'letter', 'other'] as const).map((id) => ({ id, ka: t(`channel.${id}`) }));

export const TABS: Record<TabKey, TabSpec> = {
  settings: {
    key: 'settings',
    name: t('tab.settings'),
    // Only the owner (who runs setup and whose triggers send) may change what the product does:
    // a real protection with the owner its only editor, not a warning.
    protectedTab: true,
    columns: [
      { key: 'key', header: t('col.setting_key'), scriptOnly: true, width: 170 },
      { key: 'value', header: t('col.setting_value'), width: 320, plainText: true },
      { key: 'description', header: t('col.setting_description'), scriptOnly: true, width: 480 },
    ],
  },
  services: {
    key: 'services',
    name: t('tab.services'),
    // The owner's: a service's name and "invite" reach both forms and every N2 link.
    protectedTab: true,
    columns: [
      { key: 'code', header: t('col.service_code'), width: 130, plainText: true },
      { key: 'ka', header: t('col.service_name'), width: 420, plainText: true },
      { key: 'invite', header: t('col.service_invite'), rule: { kind: 'checkbox' }, width: 130 },
      { key: 'n2Link', header: t('col.service_link'), scriptOnly: true, width: 300 },
    ],
  },
  applications: {
    key: 'applications',
    name: t('tab.applications'),
    strictValidation: true,
    columns: [
      { key: 'caseId', header: t('col.case_id'), width: 130, plainText: true },
      { key: 'submittedAt', header: t('col.submitted_at'), rule: { kind: 'date' }, width: 130 },
      { key: 'service', header: t('col.service'), rule: { kind: 'serviceList' }, width: 300 },
      { key: 'applicant', header: t('col.applicant'), width: 200, plainText: true },
      { key: 'email', header: t('col.email'), width: 220, plainText: true },
      { key: 'applyChannel', header: t('col.apply_channel'), rule: { kind: 'list', values: APPLY_CHANNELS.map((c) => c.ka) }, width: 120 },
      { key: 'status', header: t('col.status'), rule: { kind: 'list', values: CASE_STATUSES.map((s) => s.ka) }, width: 130 },
      { key: 'closedAt', header: t('col.closed_at'), rule: { kind: 'date' }, width: 130 },
      { key: 'inviteStatus', header: t('col.invite_status'), scriptOnly: true, width: 260 },
      // A date, never a time: see the README's anonymity section.
      { key: 'inviteAt', header: t('col.invite_at'), scriptOnly: true, width: 150, dates: 'date' },
      // Issue 17: a mobile number and the applicant's consent to one SMS about the service, asked at
      // the desk. Last, so that a workbook set up before gets them at the end (setup adds missing
      // columns there). The number is cleared once the SMS went, and by retention in any case.
      { key: 'phone', header: t('col.phone'), width: 150, plainText: true },
      { key: 'smsConsent', header: t('col.sms_consent'), rule: { kind: 'checkbox' }, width: 150 },
    ],
  },
  invitations: {
    key: 'invitations',
    name: t('tab.invitations'),
    protectedTab: true,
    columns: [
      { key: 'caseId', header: t('col.case_id') },
      // The service's code, for the machine (the batch groups by it); its name is shown in the
      // last column (where setup adds it to a log of an earlier version: one layout for all).
      { key: 'service', header: t('col.service_code_system'), legacyHeaders: [t('col.service')], hidden: true },
      { key: 'status', header: t('col.status') },
      { key: 'at', header: t('col.log_at'), dates: 'date' },
      { key: 'note', header: t('col.log_note') },
      { key: 'serviceName', header: t('col.service_name') },
      // How the invitation went: email, sms, phone or desk (issue 17); a blank cell of an older log is email.
      { key: 'channel', header: t('col.invite_channel') },
    ],
  },
  paper: {
    key: 'paper',
    name: t('tab.paper'),
    strictValidation: true,
    // Typed straight from the paper form, top to bottom, so the columns follow its order.
    note: t('note.paper'),
    // The N1 item columns go between these (paperColumns).
    columns: [
      { key: 'receivedAt', header: t('col.received_at'), rule: { kind: 'date' }, width: 120 },
      // Which opening of the box the form came out of (the box tab's number); blank: handed in at the desk.
      { key: 'batch', header: t('col.batch'), width: 90, plainText: true },
      { key: 'status', header: t('col.status'), scriptOnly: true, width: 220 },
      { key: 'feedbackId', header: t('col.feedback_id'), scriptOnly: true, width: 160 },
      // The content the feedback row was made from, hashed: an edit since shows as a difference.
      { key: 'fingerprint', header: t('col.fingerprint'), scriptOnly: true, width: 90, hidden: true },
    ],
  },
  box: {
    key: 'box',
    name: t('tab.box'),
    strictValidation: true,
    note: t('note.box'),
    columns: [
      { key: 'batch', header: t('col.batch'), width: 90, plainText: true },
      { key: 'openedAt', header: t('col.opened_at'), rule: { kind: 'date' }, width: 120 },
      { key: 'openedBy', header: t('col.opened_by'), width: 180, plainText: true },
      { key: 'found', header: t('col.found'), width: 110 },
      { key: 'typed', header: t('col.typed'), scriptOnly: true, width: 110 },
      { key: 'status', header: t('col.box_check'), scriptOnly: true, width: 320 },
    ],
  },
  paperCheck: {
    key: 'paperCheck',
    name: t('tab.paper_check'),
    note: t('note.paper_check'),
    // The N1 item columns go between these (paperCheckColumns).
    columns: [
      { key: 'batch', header: t('col.batch'), scriptOnly: true, width: 90 },
      { key: 'paperRow', header: t('col.paper_row'), scriptOnly: true, width: 110 },
      { key: 'status', header: t('col.status'), scriptOnly: true, width: 260 },
    ],
  },
  otherChannels: {
    key: 'otherChannels',
    name: t('tab.other_channels'),
    strictValidation: true,
    note: t('note.other_channels'),
    columns: [
      { key: 'receivedAt', header: t('col.received_at'), rule: { kind: 'date' }, width: 120 },
      { key: 'channel', header: t('col.channel'), rule: { kind: 'list', values: LOGGED_CHANNELS.map((c) => c.ka) }, width: 140 },
      { key: 'service', header: t('col.service'), rule: { kind: 'serviceList' }, width: 300 },
      { key: 'text', header: t('col.text'), width: 480, plainText: true },
      { key: 'status', header: t('col.status'), scriptOnly: true, width: 220 },
      { key: 'feedbackId', header: t('col.feedback_id'), scriptOnly: true, width: 160 },
      // The content the feedback row was made from, hashed: an edit since shows as a difference.
      { key: 'fingerprint', header: t('col.fingerprint'), scriptOnly: true, width: 90, hidden: true },
    ],
  },
  feedback: {
    key: 'feedback',
    name: t('tab.feedback'),
    protectedTab: true,
    // The columns are FEEDBACK_HEADERS (columnsOf); staff edit only tags, polarity and "quotable".
    columns: [],
  },
  themes: {
    key: 'themes',
    name: t('tab.themes'),
    columns: [
      { key: 'id', header: t('col.theme_id'), width: 130, plainText: true },
      { key: 'label', header: t('col.theme'), width: 220, plainText: true },
      { key: 'keywords', header: t('col.keywords'), width: 480, plainText: true },
    ],
  },
  actions: {
    key: 'actions',
    name: t('tab.actions'),
    columns: [
      { key: 'problem', header: t('col.problem'), width: 300, plainText: true },
      { key: 'service', header: t('col.service'), rule: { kind: 'serviceList' }, width: 240 },
      { key: 'theme', header: t('col.theme'), width: 140, plainText: true },
      { key: 'decision', header: t('col.decision'), width: 300, plainText: true },
      { key: 'owner', header: t('col.owner'), width: 180, plainText: true },
      { key: 'due', header: t('col.due'), rule: { kind: 'date' }, width: 110 },
      { key: 'status', header: t('col.status'), rule: { kind: 'list', values: ACTION_STATUSES.map((s) => s.ka) }, width: 130 },
      { key: 'meetingDate', header: t('col.meeting_date'), rule: { kind: 'date' }, width: 130 },
      { key: 'publicWording', header: t('col.public_wording'), width: 360, plainText: true },
      // Issue 16: what the action was meant to improve, when it was done, and the script's check.
      { key: 'targets', header: t('col.targets'), width: 320, plainText: true },
      { key: 'completedAt', header: t('col.completed_at'), rule: { kind: 'date' }, width: 130 },
      { key: 'check', header: t('col.action_check'), scriptOnly: true, width: 360 },
    ],
  },
  // The phone survey's tabs (issue 17): made only once the survey is turned on, so not in TAB_ORDER.
  // Only the owner (the coordinator) types in them; neither holds a case, a name or a phone.
  phoneInterviews: {
    key: 'phoneInterviews',
    name: t('tab.phone_interviews'),
    protectedTab: true,
    strictValidation: true,
    note: t('note.phone_interviews'),
    // The N2 item columns go between these (phoneInterviewColumns).
    columns: [
      { key: 'receivedAt', header: t('col.interview_date'), rule: { kind: 'date' }, width: 120 },
      { key: 'status', header: t('col.status'), scriptOnly: true, width: 220 },
      { key: 'feedbackId', header: t('col.feedback_id'), scriptOnly: true, width: 160 },
      { key: 'fingerprint', header: t('col.fingerprint'), scriptOnly: true, width: 90 },
    ],
  },
  phoneCalls: {
    key: 'phoneCalls',
    name: t('tab.phone_calls'),
    protectedTab: true,
    note: t('note.phone_calls'),
    columns: [
      { key: 'month', header: t('col.call_month'), scriptOnly: true, width: 110, plainText: true },
      { key: 'number', header: t('col.call_number'), scriptOnly: true, width: 90 },
      { key: 'drawnAt', header: t('col.call_drawn_at'), scriptOnly: true, width: 120, dates: 'date' },
      { key: 'outcome', header: t('col.call_outcome'), rule: { kind: 'list', values: CALL_OUTCOMES.map((o) => o.ka) }, width: 180 },
    ],
  },
};

/** The tabs of the phone survey, made when it is turned on (setup, or the survey's daily run). */
export const PHONE_SURVEY_TABS: readonly TabKey[] = ['phoneInterviews', 'phoneCalls'];

/** Tabs in the order setup creates them (the first is what staff see first). */
export const TAB_ORDER: readonly TabKey[] = [
  'applications',
  'paper',
  'box',
  'otherChannels',
  'feedback',
  'actions',
  'services',
  'themes',
  'invitations',
  'settings',
  'paperCheck',
];

/** Settings keys with defaults and a Georgian description shown in the settings tab. */
export const SETTING_SPECS = [
  { key: 'municipality', default: t('setting.municipality_default'), ka: t('setting.municipality') },
  { key: 'senderName', default: t('setting.sender_name_default'), ka: t('setting.sender_name') },
  { key: 'replyTo', default: '', ka: t('setting.reply_to') },
  { key: 'managers', default: '', ka: t('setting.managers') },
  { key: 'minGroupSize', default: '5', ka: t('setting.min_group_size') },
  // Google's Workspace quota: by default only Google's own quota limits (100 on consumer accounts).
  { key: 'mailQuotaPerDay', default: '1500', ka: t('setting.mail_quota') },
  { key: 'emailRetentionDays', default: '30', ka: t('setting.email_retention') },
  { key: 'reportPeriod', default: t('setting.quarterly'), ka: t('setting.report_period') },
  { key: 'language', default: t('setting.language_ka'), ka: t('setting.language') },
  // The association's workbook runs the same code in national mode (issue 18).
  { key: 'mode', default: t('setting.mode_municipal'), ka: t('setting.mode') },
  // N2 invitations go out once a day, in a batch, so that no answer can be tied to a case by time.
  { key: 'inviteHour', default: '11', ka: t('setting.invite_hour') },
  { key: 'inviteBatchMin', default: '3', ka: t('setting.invite_batch_min') },
  { key: 'inviteMaxHoldDays', default: '7', ka: t('setting.invite_max_hold') },
  // By the guideline N2 is for cases that came by email; კი (yes) also invites desk cases that left an address.
  { key: 'inviteDeskCases', default: t('setting.no'), ka: t('setting.invite_desk_cases') },
  { key: 'contactPhone', default: '', ka: t('setting.contact_phone') },
  // Issue 17: the SMS invitation, off until a provider is named (its key is set from the menu).
  { key: 'smsProvider', default: '', ka: t('setting.sms_provider') },
  { key: 'smsSender', default: '', ka: t('setting.sms_sender') },
  { key: 'smsPerDay', default: '200', ka: t('setting.sms_per_day') },
  // The assisted phone survey (issue 17): off until a municipality turns it on.
  { key: 'phoneSurvey', default: t('setting.no'), ka: t('setting.phone_survey') },
  { key: 'phoneSurveySample', default: '10', ka: t('setting.phone_survey_sample') },
] as const;
export type SettingKey = (typeof SETTING_SPECS)[number]['key'];

/**
 * Settings whose value is one of a few choices: staff pick the Georgian word from a list; the
 * codes of earlier versions (quarterly, monthly, ka, en) are still read, and setup rewrites them.
 */
export const SETTING_CHOICES: {
  reportPeriod: ReadonlyArray<{ id: 'quarterly' | 'monthly'; ka: string }>;
  language: ReadonlyArray<{ id: 'ka' | 'en'; ka: string }>;
  mode: ReadonlyArray<{ id: 'municipal' | 'national'; ka: string }>;
  inviteDeskCases: ReadonlyArray<{ id: 'yes' | 'no'; ka: string }>;
  phoneSurvey: ReadonlyArray<{ id: 'yes' | 'no'; ka: string }>;
} = {
  reportPeriod: [
    { id: 'quarterly', ka: t('setting.quarterly') },
    { id: 'monthly', ka: t('setting.monthly') },
  ],
  language: [
    { id: 'ka', ka: t('setting.language_ka') },
    { id: 'en', ka: t('setting.language_en') },
  ],
  mode: [
    { id: 'municipal', ka: t('setting.mode_municipal') },
    { id: 'national', ka: t('setting.mode_national') },
  ],
  inviteDeskCases: [
    { id: 'yes', ka: t('setting.yes') },
    { id: 'no', ka: t('setting.no') },
  ],
  phoneSurvey: [
    { id: 'yes', ka: t('setting.yes') },
    { id: 'no', ka: t('setting.no') },
  ],
};

/** The columns of a tab as setup lays them out and the code reads them. */
export function columnsOf(key: TabKey): readonly ColumnSpec[] {
  if (key === 'feedback') {
    return FEEDBACK_HEADERS.map((h) => ({
      key: h,
      header: feedbackLabel(h),
      // Workbooks set up before the Georgian labels show the keys themselves.
      legacyHeaders: [h],
      hidden: FEEDBACK_CODE_COLUMNS.includes(h) || undefined,
      staffEditable: h === 'staff_tags' || h === 'staff_polarity' || h === 'quotable',
      rule: h === 'quotable' ? ({ kind: 'checkbox' } as const) : h === 'staff_polarity' ? ({ kind: 'list', values: POLARITY_CHOICES } as const) : undefined,
      // Staff's own notes on a row: text as typed.
      plainText: h === 'staff_tags' || h === 'staff_polarity' || undefined,
      // The day only: an online answer's time would tie it to the invitation sent just before.
      dates: h === 'received_at' ? ('date' as const) : undefined,
    }));
  }
  if (key === 'paper') return paperColumns();
  if (key === 'paperCheck') return paperCheckColumns();
  if (key === 'phoneInterviews') return phoneInterviewColumns();
  return TABS[key].columns;
}

/**
 * The paper tab: date received, then every N1 question in annex order, then script columns. The
 * clerk types a paper form top to bottom, one row per form; dropdowns refuse invalid values.
 */
export function paperColumns(): ColumnSpec[] {
  const [receivedAt, batch, ...scriptColumns] = TABS.paper.columns;
  return [receivedAt, batch, ...paperItemColumns(), ...scriptColumns];
}

/** The sample check's tab: which batch and paper row to re-type, the N1 questions as on the paper tab, a status. */
export function paperCheckColumns(): ColumnSpec[] {
  const [batch, paperRow, status] = TABS.paperCheck.columns;
  return [batch, paperRow, ...paperItemColumns(), status];
}

/** The phone-interview tab: the interview's day, then every N2 question in annex order, then script columns. */
export function phoneInterviewColumns(): ColumnSpec[] {
  const [receivedAt, ...scriptColumns] = TABS.phoneInterviews.columns;
  return [receivedAt, ...paperItemColumns(N2.items), ...scriptColumns];
}

/** Every question of a form (N1 by default) as a typed column, in annex order, with its dropdown or rule. */
function paperItemColumns(items = N1.items): ColumnSpec[] {
  return items.map((item) => {
    const header = item.ka;
    // Until this version the header carried the item's id in brackets: setup renames it.
    const legacyHeaders = [`${item.ka} [${item.id}]`];
    switch (item.type) {
      case 'service':
        return { key: item.id, header, legacyHeaders, rule: { kind: 'serviceList' }, width: 260 };
      case 'likert':
        return { key: item.id, header, legacyHeaders, rule: { kind: 'score' }, width: 110 };
      case 'choice':
      case 'yesno':
        // An "other" answer is free text, so that column cannot refuse values outside the list.
        return item.hasOther
          ? { key: item.id, header, legacyHeaders, width: 180, plainText: true }
          : { key: item.id, header, legacyHeaders, rule: { kind: 'list', values: [...(item.choices ?? [])] }, width: 140 };
      case 'paragraph':
        return { key: item.id, header, legacyHeaders, width: 320, plainText: true };
    }
  });
}
