import { t } from './i18n';

/**
 * The workbook: every tab the product owns, its Georgian name and its columns. Code reads and
 * writes tabs by column key, found through the header row, so staff may reorder columns.
 */

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
  /** Free text typed by staff: formatted as plain text so Sheets keeps it as typed. */
  plainText?: boolean;
  width?: number;
}

export interface TabSpec {
  key: TabKey;
  name: string;
  columns: readonly ColumnSpec[];
  /** The whole tab is written by the script only. */
  protectedTab?: boolean;
  /** Staff type into this tab; invalid values are refused on entry. */
  strictValidation?: boolean;
}

export type TabKey =
  | 'settings'
  | 'services'
  | 'applications'
  | 'invitations'
  | 'paper'
  | 'otherChannels'
  | 'feedback'
  | 'themes'
  | 'actions';

/** Georgian status words staff pick in the applications tab, with their stable ids. */
export const CASE_STATUSES = [
  { id: 'received', ka: 'მიღებულია' },
  { id: 'in_review', ka: 'განხილვაშია' },
  { id: 'closed', ka: 'დასრულებულია' },
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number]['id'];

export const APPLY_CHANNELS = [
  { id: 'office', ka: 'კანცელარია' },
  { id: 'email', ka: 'ელფოსტა' },
] as const;

export const ACTION_STATUSES = [
  { id: 'planned', ka: 'დაგეგმილია' },
  { id: 'in_progress', ka: 'მიმდინარეობს' },
  { id: 'done', ka: 'შესრულებულია' },
] as const;

/** Channels staff log by hand in the other-channels tab (Georgian names, stable ids). */
export const LOGGED_CHANNELS = [
  { id: 'phone', ka: 'ტელეფონი' },
  { id: 'social', ka: 'სოციალური ქსელი' },
  { id: 'website', ka: 'ვებგვერდი' },
  { id: 'letter', ka: 'წერილი' },
  { id: 'other', ka: 'სხვა' },
] as const;

export const YES_NO = ['დიახ', 'არა'] as const;

export const TABS: Record<TabKey, TabSpec> = {
  settings: {
    key: 'settings',
    name: t('tab.settings'),
    columns: [
      { key: 'key', header: 'გასაღები', scriptOnly: true, width: 170 },
      { key: 'value', header: 'მნიშვნელობა', width: 320 },
      { key: 'description', header: 'აღწერა', scriptOnly: true, width: 480 },
    ],
  },
  services: {
    key: 'services',
    name: t('tab.services'),
    columns: [
      { key: 'code', header: 'კოდი', width: 130 },
      { key: 'ka', header: 'სერვისი / ქვეპროგრამა', width: 420 },
      { key: 'invite', header: 'მოწვევის გაგზავნა', rule: { kind: 'checkbox' }, width: 130 },
      { key: 'n2Link', header: 'N2 ფორმის ბმული', scriptOnly: true, width: 300 },
    ],
  },
  applications: {
    key: 'applications',
    name: t('tab.applications'),
    strictValidation: true,
    columns: [
      { key: 'caseId', header: 'განცხადების №', width: 130 },
      { key: 'submittedAt', header: 'წარდგენის თარიღი', rule: { kind: 'date' }, width: 130 },
      { key: 'service', header: 'სერვისი', rule: { kind: 'serviceList' }, width: 300 },
      { key: 'applicant', header: 'განმცხადებელი', width: 200 },
      { key: 'email', header: 'ელფოსტა', width: 220 },
      { key: 'applyChannel', header: 'მიმართვის გზა', rule: { kind: 'list', values: APPLY_CHANNELS.map((c) => c.ka) }, width: 120 },
      { key: 'status', header: 'სტატუსი', rule: { kind: 'list', values: CASE_STATUSES.map((s) => s.ka) }, width: 130 },
      { key: 'closedAt', header: 'დასრულების თარიღი', rule: { kind: 'date' }, width: 130 },
      { key: 'inviteStatus', header: 'მოწვევის სტატუსი', scriptOnly: true, width: 260 },
      { key: 'inviteAt', header: 'მოწვევის დრო', scriptOnly: true, width: 150 },
    ],
  },
  invitations: {
    key: 'invitations',
    name: t('tab.invitations'),
    protectedTab: true,
    columns: [
      { key: 'caseId', header: 'განცხადების №' },
      { key: 'service', header: 'სერვისი' },
      { key: 'status', header: 'სტატუსი' },
      { key: 'at', header: 'დრო' },
      { key: 'note', header: 'შენიშვნა' },
    ],
  },
  paper: {
    key: 'paper',
    name: t('tab.paper'),
    strictValidation: true,
    // Item columns are appended from the N1 definition (see paperColumns in app code).
    columns: [
      { key: 'receivedAt', header: 'მიღების თარიღი', rule: { kind: 'date' }, width: 120 },
      { key: 'status', header: 'სტატუსი', scriptOnly: true, width: 220 },
      { key: 'feedbackId', header: 'ჩანაწერის ID', scriptOnly: true, width: 160 },
    ],
  },
  otherChannels: {
    key: 'otherChannels',
    name: t('tab.other_channels'),
    strictValidation: true,
    columns: [
      { key: 'receivedAt', header: 'მიღების თარიღი', rule: { kind: 'date' }, width: 120 },
      { key: 'channel', header: 'არხი', rule: { kind: 'list', values: LOGGED_CHANNELS.map((c) => c.ka) }, width: 140 },
      { key: 'service', header: 'სერვისი', rule: { kind: 'serviceList' }, width: 300 },
      { key: 'text', header: 'უკუკავშირის შინაარსი', width: 480, plainText: true },
      { key: 'status', header: 'სტატუსი', scriptOnly: true, width: 220 },
      { key: 'feedbackId', header: 'ჩანაწერის ID', scriptOnly: true, width: 160 },
    ],
  },
  feedback: {
    key: 'feedback',
    name: t('tab.feedback'),
    protectedTab: true,
    // Columns come from FEEDBACK_HEADERS (domain/normalize.ts); staff edit only tags and "quotable".
    columns: [],
  },
  themes: {
    key: 'themes',
    name: t('tab.themes'),
    columns: [
      { key: 'id', header: 'თემის კოდი', width: 130 },
      { key: 'label', header: 'თემა', width: 220 },
      { key: 'keywords', header: 'საკვანძო სიტყვები / ფუძეები (მძიმით)', width: 480 },
    ],
  },
  actions: {
    key: 'actions',
    name: t('tab.actions'),
    columns: [
      { key: 'problem', header: 'პრობლემა', width: 300 },
      { key: 'service', header: 'სერვისი', rule: { kind: 'serviceList' }, width: 240 },
      { key: 'theme', header: 'თემა', width: 140 },
      { key: 'decision', header: 'გადაწყვეტილება', width: 300 },
      { key: 'owner', header: 'პასუხისმგებელი', width: 180 },
      { key: 'due', header: 'ვადა', rule: { kind: 'date' }, width: 110 },
      { key: 'status', header: 'სტატუსი', rule: { kind: 'list', values: ACTION_STATUSES.map((s) => s.ka) }, width: 130 },
      { key: 'meetingDate', header: 'შეხვედრის თარიღი', rule: { kind: 'date' }, width: 130 },
      { key: 'publicWording', header: 'საჯარო ფორმულირება', width: 360 },
    ],
  },
};

/** Tabs in the order setup creates them (the first is what staff see first). */
export const TAB_ORDER: readonly TabKey[] = [
  'applications',
  'paper',
  'otherChannels',
  'feedback',
  'actions',
  'services',
  'themes',
  'invitations',
  'settings',
];

/** Settings keys with defaults and a Georgian description shown in the settings tab. */
export const SETTING_SPECS = [
  { key: 'municipality', default: 'ამბროლაურის მუნიციპალიტეტის მერია', ka: 'მუნიციპალიტეტის / მერიის სახელი (ჩანს წერილებსა და ანგარიშებში)' },
  { key: 'senderName', default: 'ამბროლაურის მერია', ka: 'გამგზავნის სახელი მოწვევის წერილში' },
  { key: 'replyTo', default: '', ka: 'საპასუხო ელფოსტა (reply-to); ცარიელი — არ მიეთითება' },
  { key: 'managers', default: '', ka: 'ხელმძღვანელების ელფოსტები ანგარიშის შეტყობინებისთვის (მძიმით)' },
  { key: 'minGroupSize', default: '5', ka: 'ჯგუფის მინიმალური ზომა: უფრო მცირე ჯგუფის მაჩვენებელი არ ქვეყნდება' },
  {
    key: 'mailQuotaPerDay',
    // Google's Workspace quota: by default only Google's own quota limits (100 on consumer accounts).
    default: '1500',
    ka: 'დღეში გასაგზავნი მოწვევების ზღვარი; დანარჩენი გადაიდება მეორე დღისთვის. Google-ის დღიურ კვოტაზე (100, Workspace-ში 1500) მეტი მაინც ვერ გაიგზავნება',
  },
  { key: 'emailRetentionDays', default: '30', ka: 'რამდენი დღის შემდეგ წაიშალოს განმცხადებლის ელფოსტა დასრულებული, მოწვეული განცხადებიდან' },
  { key: 'reportPeriod', default: 'quarterly', ka: 'ავტომატური ანალიტიკური ანგარიშის პერიოდი: monthly ან quarterly' },
  { key: 'language', default: 'ka', ka: 'ანგარიშის ენა: ka ან en' },
] as const;
export type SettingKey = (typeof SETTING_SPECS)[number]['key'];
