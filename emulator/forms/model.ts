/**
 * The form model behind FormApp: the state of forms, items and responses, the snapshots the
 * harness reads, FormApp's enums and the messages Google throws.
 * https://developers.google.com/apps-script/reference/forms
 */
import { makeEnum } from '../gas-enum';

// Google added these when forms gained a publish state; @types/google-apps-script 2.0.13 lacks them.
// https://developers.google.com/apps-script/reference/forms/form#setpublishedenabled
declare global {
  namespace GoogleAppsScript.Forms {
    interface Form {
      setPublished(enabled: boolean): Form;
      isPublished(): boolean;
    }
  }
}

export type FormIface = GoogleAppsScript.Forms.Form;

export const FORM_MIME_TYPE = 'application/vnd.google-apps.form';

/**
 * FormApp.openById's message when no form has the id (or the caller may not see it), as users
 * report it: https://github.com/boilermaker-ben/Google-Sheets-NFL-Pick-Ems-and-Survivor-Pool/issues/30
 */
export const NOT_FOUND_MESSAGE =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

/**
 * Google rejects an invalid value written to a form (bad scale bounds, empty choice lists) with
 * this one generic message; projects quoting it: setPoints(0), unreachable navigation targets.
 */
/**
 * What a Workspace-only Form setting (setRequireLogin, setLimitOneResponsePerUser) throws on a
 * consumer account: the reference's sentence, as the exact exception text is not documented.
 * https://developers.google.com/apps-script/reference/forms/form#setRequireLogin(Boolean)
 */
export const WORKSPACE_ONLY_MESSAGE = 'This feature is available only for forms created by Google Workspace users.';

/**
 * The page a person sees who may not respond: "You need permission" (Google's help, "If you try
 * to open a Google Form and get a 'You need permission' message, the account you're using doesn't
 * have access to the form", https://support.google.com/docs/answer/160166).
 */
export const NEED_PERMISSION_MESSAGE = "You need permission. This form can only be viewed by users in the owner's organisation.";

export const INVALID_FORM_DATA_MESSAGE = 'Invalid data updating form.';

/**
 * createResponse with a value the item cannot hold throws (documented per item type, e.g.
 * https://developers.google.com/apps-script/reference/forms/scale-item#createResponse(Integer));
 * the exact wording is not documented; this one is the emulator's.
 */
export const INVALID_RESPONSE_MESSAGE = 'Invalid response submitted to item.';

// Enum values are objects as on Google: `item.getType() == FormApp.ItemType.SCALE`, `String(type)` is 'SCALE'.
export const ITEM_TYPES = makeEnum<typeof GoogleAppsScript.Forms.ItemType>([
  'CHECKBOX',
  'CHECKBOX_GRID',
  'DATE',
  'DATETIME',
  'DURATION',
  'GRID',
  'IMAGE',
  'LIST',
  'MULTIPLE_CHOICE',
  'PAGE_BREAK',
  'PARAGRAPH_TEXT',
  'SCALE',
  'SECTION_HEADER',
  'TEXT',
  'TIME',
  'VIDEO',
  'FILE_UPLOAD',
]);
export const DESTINATION_TYPES = makeEnum<typeof GoogleAppsScript.Forms.DestinationType>(['SPREADSHEET']);

export type SupportedItemType = 'CHECKBOX' | 'LIST' | 'MULTIPLE_CHOICE' | 'PAGE_BREAK' | 'PARAGRAPH_TEXT' | 'SCALE' | 'SECTION_HEADER' | 'TEXT';

/** Layout items hold no answer and get no response column. */
const LAYOUT_TYPES: ReadonlySet<SupportedItemType> = new Set(['PAGE_BREAK', 'SECTION_HEADER']);

export interface ItemState {
  id: number;
  /** The `entry.N` name of the item's field in the published form (what prefilled URLs use). */
  entryId: number;
  type: SupportedItemType;
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  hasOtherOption: boolean;
  lowerBound: number;
  upperBound: number;
  leftLabel: string;
  rightLabel: string;
  /** A paragraph item's answer rule (ParagraphTextItem.setValidation); absent = none. */
  validation?: TextValidationSpec;
}

/**
 * What a ParagraphTextValidation requires (FormApp.createParagraphTextValidation):
 * https://developers.google.com/apps-script/reference/forms/paragraph-text-validation-builder
 */
export interface TextValidationSpec {
  /** requireTextLengthLessThanOrEqualTo(n): "paragraph text length must be less than or equal to this value". */
  maxLength?: number;
  /** requireTextLengthGreaterThanOrEqualTo(n). */
  minLength?: number;
  /** What the form page shows a respondent whose answer breaks the rule (setHelpText); null = Google's default. */
  helpText: string | null;
}

/**
 * The most a response-tab cell can hold. Google documents the cell limit of Sheets (50,000
 * characters; "Your input contains more than the maximum of 50000 characters in a single cell.")
 * but not what Forms does with a longer answer. The emulator's assumption: the form keeps the
 * response (getResponses sees it) and its row never reaches the response tab, with nothing said
 * to anyone — as other form tools writing to Sheets lose long answers silently (Formbricks issue
 * #4648, "Large Free Text Responses Not Saved … There is no error message").
 */
export const RESPONSE_CELL_LIMIT = 50_000;

export type Answer = string | string[];

export interface ResponseState {
  id: string | null;
  timestamp: number | null;
  respondentEmail: string;
  /** item id → answer; unanswered items have no entry (Google omits them from getItemResponses). */
  answers: Map<number, Answer>;
  /** Why the response has no row in the destination tab (an answer too long for a cell); absent when it has one. */
  notWritten?: string;
}

export interface FormState {
  id: string;
  /**
   * The account that created the form: its owner, who — with the editors the form is shared with
   * (Drive permissions with role writer, not on the published view) — is the only one who may open
   * it through FormApp and read its responses. Respondents never can.
   */
  owner: string;
  publishedId: string;
  title: string;
  description: string;
  confirmationMessage: string;
  collectsEmail: boolean;
  requiresLogin: boolean;
  limitOneResponsePerUser: boolean;
  allowResponseEdits: boolean;
  showLinkToRespondAgain: boolean;
  progressBar: boolean;
  acceptingResponses: boolean;
  published: boolean;
  destinationId: string | null;
  destinationSheetName: string | null;
  items: ItemState[];
  responses: ResponseState[];
}

export interface FormItemSnapshot {
  id: number;
  entryId: number;
  title: string;
  helpText: string;
  type: SupportedItemType;
  required: boolean;
  choices?: string[];
  hasOtherOption?: boolean;
  lowerBound?: number;
  upperBound?: number;
  leftLabel?: string;
  rightLabel?: string;
  /** A paragraph item's answer rule. */
  validation?: TextValidationSpec;
}

export interface FormSnapshot {
  id: string;
  /** The form's title, what respondents see at its top ('' until setTitle: FormApp.create names only the file). */
  title: string;
  /** The name of the form's Drive file (FormApp.create's argument). */
  name: string;
  description: string;
  publishedUrl: string;
  editUrl: string;
  collectsEmail: boolean;
  requiresLogin: boolean;
  acceptingResponses: boolean;
  published: boolean;
  confirmationMessage: string;
  destinationSpreadsheetId: string | null;
  items: FormItemSnapshot[];
  responseCount: number;
  /** Who may respond: the permissions on the form's published view ('anyone', 'domain:<d>', 'user:<email>'). */
  responders: string[];
}

export interface RespondOptions {
  /**
   * Who answers: the address of the account they are signed in to. Absent, an anonymous member of
   * the public who is signed in to nothing: admitted only where anyone may respond.
   */
  respondent?: string;
  /** A link made by toPrefilledUrl() (or by hand); its entry.N values are filled in first. */
  prefilledUrl?: string;
  /** The address typed into the form when it collects email (default: the respondent's account). */
  email?: string;
  /** Deliver every form-submit trigger twice, as Google has been seen to do. */
  duplicateEvent?: boolean;
}

export function publishedUrlOf(form: FormState): string {
  return `https://docs.google.com/forms/d/e/${form.publishedId}/viewform`;
}

/**
 * What Sheet.getFormUrl() of a response tab returns: a link to the form by its id.
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getFormUrl()
 */
export function sheetFormUrlOf(form: FormState): string {
  return `https://docs.google.com/forms/d/${form.id}/viewform`;
}

export function questionItems(form: FormState): ItemState[] {
  return form.items.filter((item) => !LAYOUT_TYPES.has(item.type));
}

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * Encodes a prefilled value the way Google's own pre-filled links read: UTF-8 percent-encoding,
 * spaces as '+', and ':', '/', ',', '(' and ')' left as they are. Seen in "Get pre-filled link"
 * output that public projects quote: `entry.N=Horus+Heresy+(30k)`, `entry.N=https://maps.app.goo.gl/…`,
 * `entry.N=Ajustando+layout+da+p%C3%A1gina+de+busca`.
 */
export function encodePrefillValue(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+').replace(/%3A/gi, ':').replace(/%2F/gi, '/').replace(/%2C/gi, ',');
}

/** Google's sentinel for "the answer is the text typed next to Other". */
export const OTHER_OPTION = '__other_option__';
