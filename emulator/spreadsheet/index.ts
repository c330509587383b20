/**
 * SpreadsheetApp on the emulated Workspace: spreadsheets, tabs, ranges, data validation,
 * protections, the container UI, and what people do in a spreadsheet (service.ts).
 * https://developers.google.com/apps-script/reference/spreadsheet
 */
export { SpreadsheetService, type SpreadsheetSnapshot } from './service';
export { SpreadsheetAppFake } from './app';
export { SpreadsheetFake } from './spreadsheet';
export { SheetFake } from './sheet';
export { RangeFake } from './range';
export { UiFake } from './ui';
export { DataValidationFake, DataValidationBuilderFake } from './validation';
export { ProtectionFake } from './protection';
export { columnLetters } from './values';
