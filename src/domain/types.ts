/**
 * The shared vocabulary of the domain code. Nothing here touches a Google global.
 */

/** What a free text does (../shared/themes.md): reports a problem, praises, proposes, or none of these. */
export type Polarity = 'problem' | 'praise' | 'suggestion' | 'none';

/** Where a piece of feedback came from (shared/annexes.md, "Other channels"). */
export type Channel = 'paper' | 'kiosk' | 'email_link' | 'phone' | 'social' | 'website' | 'letter' | 'other';
export const CHANNELS: readonly Channel[] = ['paper', 'kiosk', 'email_link', 'phone', 'social', 'website', 'letter', 'other'];

/** CX drivers after US OMB Circular A-11 §280. */
export type Driver = 'ease' | 'efficiency' | 'transparency' | 'helpfulness' | 'quality' | 'equity' | 'satisfaction' | 'trust';
export const DRIVERS: readonly Driver[] = ['ease', 'efficiency', 'transparency', 'helpfulness', 'quality', 'equity', 'satisfaction', 'trust'];

export type FormKey = 'N1' | 'N2';
export type FeedbackForm = FormKey | 'other';

export type ItemType = 'service' | 'likert' | 'choice' | 'yesno' | 'paragraph';

export interface ItemDefinition {
  /** Stable id from shared/annexes.md, e.g. `n1.overall`; the column of the feedback table. */
  id: string;
  type: ItemType;
  required: boolean;
  /** Georgian text, word for word from the annex. */
  ka: string;
  /** English gloss, for maintainers and the English report. */
  en: string;
  /** For likert items. */
  driver?: Driver;
  /** For choice / yesno items: Georgian choices in order. */
  choices?: readonly string[];
  /** English glosses of the choices, same order. */
  choicesEn?: readonly string[];
  /** A choice item that also accepts free "other" text. */
  hasOther?: boolean;
  /** The service list item of N2 is prefilled from the invitation link. */
  prefilled?: boolean;
}

export interface FormDefinition {
  key: FormKey;
  /** Which channel a response through the online form gets. */
  onlineChannel: Channel;
  title: string;
  /** The annex's intro, printed on the paper form. */
  intro: string;
  /** What the online form says instead (no box to drop a web form into); the annex intro when absent. */
  onlineIntro?: string;
  /** Printed under the intro on the paper form only. */
  paperNote?: string;
  /** Shown after submission. */
  confirmation: string;
  items: readonly ItemDefinition[];
}

export interface Service {
  code: string;
  ka: string;
  en?: string;
  /** Whether closing a case of this service sends the N2 invitation (sensitive aid may opt out). */
  invite: boolean;
}

/** A value as stored in the feedback table: a score, a choice, a text, or a skip (null). */
export type AnswerValue = number | string | null;

/** One row of the normalized feedback table. */
export interface FeedbackRecord {
  /** Stable key of the source (a form response id, a paper row, a log row). */
  id: string;
  receivedAt: Date;
  form: FeedbackForm;
  channel: Channel;
  /** A service code, or `unknown`. */
  service: string;
  /** By item id (`n1.overall` …). Likert answers are numbers 1–5; skips are null or absent. */
  answers: Record<string, AnswerValue>;
  /** Free text of other channels (phone, social, letter …). */
  text: string;
  /** Themes found automatically in the free texts of the record's polarity. */
  themes: string[];
  /** Themes staff set by hand; when present they override `themes`. */
  staffTags: string[];
  /** The dominant polarity of the free texts, found automatically (../shared/themes.md). */
  polarity: Polarity;
  /** Polarity staff set by hand; when set it overrides `polarity`. */
  staffPolarity: Polarity | null;
  /**
   * Themes of the record's praise texts when its polarity is not praise (N2's "what you liked"
   * beside a problem): counted with what people liked, never as problems. Staff tags override it.
   */
  praiseThemes: string[];
  /** Staff marked the comment as fit to quote publicly (after redaction). */
  quotable: boolean;
  /** Why a value was kept out of the scores, etc. (Georgian, one per problem). */
  flags: string[];
}

/** A decision from the discussion meeting (the actions tab). */
export type ActionStatus = 'planned' | 'in_progress' | 'done';
export interface ActionRecord {
  problem: string;
  service: string;
  theme: string;
  decision: string;
  owner: string;
  due: Date | null;
  status: ActionStatus;
  meetingDate: Date | null;
  publicWording: string;
  /** The day the action was done (the actions tab's completion date); before/after is measured from it. */
  completedAt?: Date | null;
  /** The questions and themes the action was meant to improve (action-targets.ts). */
  targets?: ActionTarget[];
  /** What staff typed as a target and was not recognised (shown on the row). */
  unknownTargets?: string[];
}

/** What an action targets: a 1–5 question (its item id) or a theme (its code). */
export type ActionTarget = { kind: 'question'; id: string } | { kind: 'theme'; id: string };

/** Settings as read from the settings tab (with defaults). */
export interface Settings {
  municipality: string;
  senderName: string;
  replyTo: string;
  managers: string[];
  minGroupSize: number;
  mailQuotaPerDay: number;
  /** Days after invitation when an applicant's email is cleared from a closed case. */
  emailRetentionDays: number;
  /** Automatic analysis report period. */
  reportPeriod: 'monthly' | 'quarterly';
  /** Report language. */
  language: 'ka' | 'en';
  /** A municipality's workbook, or the association's (national comparison of exported aggregates). */
  mode: 'municipal' | 'national';
  /** The hour (municipal time, 0–23) of the daily batch of N2 invitations. */
  inviteHour: number;
  /** A service's invitations wait until at least this many are due… */
  inviteBatchMin: number;
  /** …or the oldest has waited this many days. */
  inviteMaxHoldDays: number;
  /** Also invite desk (chancellery) cases that left an email; by the guideline only email cases are. */
  inviteDeskCases: boolean;
  /** The phone number the invitation gives for questions; '' when none is set. */
  contactPhone: string;
  /** The SMS gateway ('' = SMS invitations off). */
  smsProvider: SmsProvider | '';
  /** The sender name the gateway shows (registered with the provider). */
  smsSender: string;
  /** The most SMS invitations sent in one day (the municipality's budget). */
  smsPerDay: number;
  /** The assisted phone survey (issue 17) is on; absent or false: off. */
  phoneSurvey?: boolean;
  /** People drawn for it each month (at least minGroupSize are drawn). */
  phoneSurveySample?: number;
}

/** SMS gateways the product can send through (domain/sms-providers.ts). */
export type SmsProvider = 'smsoffice' | 'gosms' | 'twilio';
