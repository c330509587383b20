/**
 * FormApp on the emulated Workspace: forms with their items, responses, a spreadsheet response
 * destination and the form-submit triggers a respondent's submission fires.
 * https://developers.google.com/apps-script/reference/forms
 */
export { FormsService } from './service';
export type { FormItemSnapshot, FormSnapshot, RespondOptions, SupportedItemType } from './model';
