/**
 * One emulated Google Workspace: every fake service over one core (clock, Drive registry,
 * triggers), and a built Apps Script bundle loaded into it with gas-local, as Apps Script loads a
 * project (all its files run in one global scope; top-level functions become callable by name).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as gasLocal from 'gas-local';
import { Core, type CoreOptions } from './core';
import { SpreadsheetService } from './spreadsheet';
import { FormsService } from './forms';
import { MailService } from './mail';
import { ScriptService } from './script';
import { LockServiceFake } from './lock';
import { PropertiesServiceFake } from './properties';
import { UtilitiesFake } from './utilities';
import { createSession, createLogger, createConsole } from './runtime';
import { DriveService } from './drive';
import { DocsService, type DocsOptions } from './docs';
import { UrlFetchService } from './url-fetch';
import { unsupportedDriveVersion } from './drive/advanced';
export { CONSUMER_MAIL_QUOTA_PER_DAY, WORKSPACE_MAIL_QUOTA_PER_DAY } from './mail';

/**
 * What loadBundle reads of the project's manifest (appsscript.json): the advanced services it
 * enables, each a global under its `userSymbol`.
 * https://developers.google.com/apps-script/manifest/dependencies#EnabledAdvancedService
 */
interface Manifest {
  /** Explicit scopes; absent: Apps Script detects what the code needs (everything is granted here). */
  oauthScopes?: string[];
  dependencies?: { enabledAdvancedServices?: Array<{ userSymbol?: string; serviceId?: string; version?: string }> };
}

/**
 * What the caller decides: who acts, when and where, what calls cost, and the seed of generated
 * ids (CoreOptions); the daily mail quota; how the harness renders documents.
 */
export interface WorkspaceOptions extends CoreOptions {
  /** MailApp's daily recipient quota; default: the account's (100 consumer, 1,500 Workspace). */
  mailQuotaPerDay?: number;
  /** How the harness's HTML and PDF views render documents (docs/service.ts). */
  docs?: DocsOptions;
}

export class Workspace {
  readonly core: Core;
  readonly spreadsheets: SpreadsheetService;
  readonly forms: FormsService;
  readonly mail: MailService;
  readonly script: ScriptService;
  readonly lock: LockServiceFake;
  readonly properties: PropertiesServiceFake;
  readonly utilities: UtilitiesFake;
  readonly drive: DriveService;
  readonly docs: DocsService;
  readonly urlFetch: UrlFetchService;
  private context: Record<string, unknown> | null = null;
  /** Scopes the caller fixed (WorkspaceOptions.scopes): they win over the manifest's. */
  private readonly fixedScopes: boolean;

  constructor(options: WorkspaceOptions) {
    this.core = new Core(options);
    this.fixedScopes = options.scopes !== undefined;
    this.spreadsheets = new SpreadsheetService(this.core);
    this.forms = new FormsService(this.core, this.spreadsheets);
    this.mail = new MailService(this.core, { dailyQuota: options.mailQuotaPerDay });
    this.script = new ScriptService(this.core);
    this.lock = new LockServiceFake(this.core);
    this.properties = new PropertiesServiceFake(this.core);
    this.utilities = new UtilitiesFake(this.core);
    this.drive = new DriveService(this.core);
    this.docs = new DocsService(this.core, options.docs);
    this.urlFetch = new UrlFetchService(this.core);
  }

  /**
   * The globals Apps Script gives a script, built fresh for every load (gas-local would otherwise
   * reuse and mutate one shared default object). `Date` reads the simulated clock. The advanced
   * services the manifest enables are globals too (only Drive v3 is emulated); a project that does
   * not enable one has no such global, as in Apps Script.
   * https://developers.google.com/apps-script/guides/services/advanced#enable_advanced_services
   */
  globals(manifest: Manifest = {}): Record<string, unknown> {
    const core = this.core;
    const RealDate = Date;
    class SimulatedDate extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(core.now());
        else super(...(args as [string]));
      }
      static now(): number {
        return core.now();
      }
    }
    return {
      SpreadsheetApp: this.spreadsheets.app,
      FormApp: this.forms.app,
      MailApp: this.mail.app,
      ScriptApp: this.script.app,
      LockService: this.lock.app,
      PropertiesService: this.properties.app,
      Utilities: this.utilities,
      DriveApp: this.drive.app,
      DocumentApp: this.docs.app,
      UrlFetchApp: this.urlFetch.app,
      MimeType: this.drive.mimeTypes,
      Session: createSession(core),
      Logger: createLogger(core),
      console: createConsole(core),
      Date: SimulatedDate,
      ...this.advancedServices(manifest),
    };
  }

  private advancedServices(manifest: Manifest): Record<string, unknown> {
    const services: Record<string, unknown> = {};
    for (const service of manifest.dependencies?.enabledAdvancedServices ?? []) {
      if (service.serviceId !== 'drive') throw new Error(`Emulator: the advanced service ${String(service.serviceId)} is not emulated`);
      if (service.version !== 'v3') throw unsupportedDriveVersion(String(service.version));
      services[service.userSymbol || 'Drive'] = this.drive.advanced;
    }
    return services;
  }

  /** The manifest next to the bundle (`appsscript.json`, as clasp pushes it); none: no advanced service. */
  private manifestOf(bundleDir: string): Manifest {
    const path = join(bundleDir, 'appsscript.json');
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Manifest) : {};
  }

  /**
   * Loads a built Apps Script project (every `.js` file under `bundleDir`, e.g. the folder
   * `clasp push` uploads, with its appsscript.json) and wires trigger dispatch to it.
   */
  loadBundle(bundleDir: string): Record<string, unknown> {
    if (!existsSync(bundleDir)) throw new Error(`Workspace.loadBundle: no such folder: ${bundleDir}`);
    const manifest = this.manifestOf(bundleDir);
    // The token carries the manifest's explicit scopes; without them, Apps Script's automatic
    // detection grants what the code uses (https://developers.google.com/apps-script/concepts/scopes).
    if (!this.fixedScopes) this.core.setScopes(manifest.oauthScopes ?? null);
    const globals = this.globals(manifest);
    const SimulatedDate = globals.Date as DateConstructor;
    // Dates handed to the script (getValues, timestamps) are the script realm's own Date.
    this.core.makeDate = (ms) => new SimulatedDate(ms);
    const context = gasLocal.require(bundleDir, globals);
    this.context = context;
    this.core.hasHandler = (name) => typeof context[name] === 'function';
    this.core.invoker = (name, event) => {
      const fn = context[name];
      if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
      return (fn as (e: unknown) => unknown)(event);
    };
    return context;
  }

  /** Calls a global function of the bundle as an execution of the given kind, letting errors out. */
  run(handler: string, kind: 'menu' | 'direct' | 'time' | 'installable' = 'direct', event?: unknown): unknown {
    return this.core.invoke(handler, kind, event, { rethrow: true });
  }

  bundle(): Record<string, unknown> {
    if (!this.context) throw new Error('No bundle loaded');
    return this.context;
  }
}
