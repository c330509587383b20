/**
 * The Google world a project is deployed into: what real deployments differ on, and what the
 * fakes consult to behave as Google does there. Every field has a default that is Google's own
 * default for a new account, not the kindest one.
 */

export type AccountType = 'consumer' | 'workspace';

export interface Environment {
  /**
   * A consumer (gmail.com) account or a Google Workspace one. Google's quotas differ (mail
   * recipients a day: 100 vs 1,500; trigger runtime a day: 90 min vs 6 h — the quotas page,
   * developers.google.com/apps-script/guides/services/quotas), and some settings exist only on
   * Workspace (Form.setRequireLogin: "only available to Google Workspace users").
   */
  account: AccountType;
  /** The Workspace domain of the account (the part after @); '' for a consumer account. */
  domain: string;
  /** What a new spreadsheet's locale is before anyone sets it (it comes from the account). */
  locale: string;
  /** What a new spreadsheet's time zone is before anyone sets it (it comes from the account). */
  timeZone: string;
  /**
   * The admin's Drive sharing policy: `blocked` forbids "anyone with the link"; then
   * setSharing(ANYONE or ANYONE_WITH_LINK, …) throws (DriveApp's Access enum reference).
   */
  sharing: 'allowed' | 'blocked';
  /**
   * Who may answer a newly created form until its owner grants more (Forms' "Publish and manage
   * responders" guide): `anyone` with the link, or only people signed in to the domain.
   */
  formResponders: 'anyone' | 'domain';
  /**
   * The admin's Forms-specific override (Admin console ▸ Drive and Docs ▸ Forms responses): owners
   * may accept responses from anyone outside the organisation who has the link, "even when
   * external sharing is not allowed". Google turned it on by default when it appeared (Workspace
   * Updates, 17 June 2025: "Adding granular controls for Google Forms responses";
   * workspaceupdates-ja.googleblog.com/2025/06/google_24.html). `blocked`: the admin turned it off.
   */
  formsExternalResponses: 'allowed' | 'blocked';
  /** Mail the same account sends a day for other reasons, drawing on the same daily quota. */
  otherMailPerDay: number;
  /**
   * Whether a file made by FormApp.create, DocumentApp.create or SpreadsheetApp.create counts as
   * "created by the app" for the `drive.file` scope (the Advanced Drive service then sees it).
   * Google's pages say that `drive.file` covers files the app created, but not whether the
   * built-in services' creations count. Default false, the pessimistic reading: a product must
   * not rely on it (it creates through Drive.Files.create instead); true models the other reading.
   */
  builtinCreatesCountForDriveFile: boolean;
}

/** The named worlds the replay and the tests run in. */
export const ENVIRONMENTS = {
  consumer: {
    account: 'consumer',
    domain: '',
    locale: 'en_US',
    timeZone: 'America/New_York',
    sharing: 'allowed',
    formResponders: 'anyone',
    formsExternalResponses: 'allowed',
    otherMailPerDay: 0,
    builtinCreatesCountForDriveFile: false,
  },
  workspace: {
    account: 'workspace',
    domain: 'example.ge',
    locale: 'en_US',
    timeZone: 'America/New_York',
    sharing: 'allowed',
    formResponders: 'domain',
    formsExternalResponses: 'allowed',
    otherMailPerDay: 0,
    builtinCreatesCountForDriveFile: false,
  },
  'workspace-strict': {
    account: 'workspace',
    domain: 'example.ge',
    locale: 'ka_GE',
    timeZone: 'America/New_York',
    sharing: 'blocked',
    formResponders: 'domain',
    formsExternalResponses: 'allowed',
    otherMailPerDay: 0,
    builtinCreatesCountForDriveFile: false,
  },
} as const satisfies Record<string, Environment>;

export type EnvironmentName = keyof typeof ENVIRONMENTS;

/** A named world with some fields changed; the consumer world when nothing is named. */
export function environment(name: EnvironmentName = 'consumer', changes: Partial<Environment> = {}): Environment {
  return { ...ENVIRONMENTS[name], ...changes };
}
