/**
 * apps-script-workspace-emulator: an in-memory Google Workspace for testing Apps Script projects
 * (README.md). Assemble one with `new Workspace({ user, now, timeZone, costs, seed })`, load a
 * built project with `ws.loadBundle(folder)`, then act as people and as Google through the
 * services' harness methods.
 */
export { Workspace, CONSUMER_MAIL_QUOTA_PER_DAY, WORKSPACE_MAIL_QUOTA_PER_DAY, type WorkspaceOptions } from './workspace';
export { ENVIRONMENTS, environment, type AccountType, type Environment, type EnvironmentName } from './environment';
export {
  Core,
  ExceededMaximumExecutionTime,
  gasError,
  EXECUTION_LIMIT_MS,
  SIMPLE_TRIGGER_LIMIT_MS,
  TRIGGER_RUNTIME_EXCEEDED,
  TRIGGER_RUNTIME_PER_DAY_MS,
  type AuthMode,
  type ClockSchedule,
  type CoreOptions,
  type DriveEntry,
  type DrivePermission,
  type Execution,
  type ExecutionKind,
  type FaultHook,
  type Invoker,
  type TriggerEventType,
  type TriggerExecution,
  type TriggerRecord,
} from './core';
export {
  APPS_SCRIPT_COSTS,
  APPS_SCRIPT_COST_SOURCES,
  PER_CELL,
  costFrom,
  modelledMs,
  type CostEntry,
  type CostTable,
} from './costs';
export {
  SpreadsheetService,
  SpreadsheetAppFake,
  SpreadsheetFake,
  SheetFake,
  RangeFake,
  UiFake,
  DataValidationFake,
  DataValidationBuilderFake,
  ProtectionFake,
  columnLetters,
  type SpreadsheetSnapshot,
} from './spreadsheet';
export { FormsService, type FormItemSnapshot, type FormSnapshot, type RespondOptions, type SupportedItemType } from './forms';
export { DocsService, type DocJson, type DocJsonItem, type DocsOptions, type PdfTransliterate } from './docs';
export { DriveService, MIME_TYPES, type AdvancedDrive, type DriveIndexRow } from './drive';
export { MailService, type SentMail } from './mail';
export {
  UrlFetchService,
  CONSUMER_FETCHES_PER_DAY,
  WORKSPACE_FETCHES_PER_DAY,
  type FetchHandler,
  type FetchRecord,
  type FetchReply,
  type FetchRequest,
} from './url-fetch';
export { SmsGateways, segmentsOf, type AcceptedSms, type GatewayFault, type GatewayName, type GatewayOptions } from './sms-gateways';
export { ScriptService } from './script';
export { LockServiceFake } from './lock';
export { PropertiesServiceFake, PropertiesFake } from './properties';
export { UtilitiesFake } from './utilities';
export { SessionFake, LoggerFake, createSession, createLogger, createConsole, type ConsoleFake } from './runtime';
export { BlobFake } from './blob';
export { AUTH_MODE } from './gas-enum';
export type { FormDestinationStore, BlobLike } from './contracts';
