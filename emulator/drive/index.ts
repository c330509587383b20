/**
 * DriveApp on the emulated Workspace, over the core's Drive registry that every native file
 * (spreadsheet, form, document) is registered in.
 * https://developers.google.com/apps-script/reference/drive/drive-app
 */
export { DriveService } from './service';
export { MIME_TYPES, type DriveIndexRow } from './store';
export type { AdvancedDrive } from './advanced';
