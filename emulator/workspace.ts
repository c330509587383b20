/**
 * One emulated Google Workspace: every fake service over one core (clock, Drive registry,
 * triggers), and the built Apps Script bundle loaded into it with gas-local, as Apps Script loads
 * it (all files of dist/ run in one global scope; top-level functions become callable by name).
 */
import { join } from 'node:path';
import { Core, type CostTable } from './core';
import { SpreadsheetService } from './spreadsheet';
import { FormsService } from './forms';
import { MailService } from './mail';
import { ScriptService } from './script';
import { LockServiceFake } from './lock';
import { PropertiesServiceFake } from './properties';
import { UtilitiesFake } from './utilities';
import { createSession, createLogger, createConsole } from './runtime';
import { DriveService } from './drive';
import { DocsService } from './docs';
// gas-local has no type declarations; its API is one function (see ../shared/toolchain.md).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const gas: { require(folder: string, globals: object): Record<string, unknown> } = require('gas-local');

export interface WorkspaceOptions {
  now?: number | string | Date;
  timeZone?: string;
  mailQuotaPerDay?: number;
  costs?: CostTable;
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
  private context: Record<string, unknown> | null = null;

  constructor(options: WorkspaceOptions = {}) {
    this.core = new Core({ now: options.now, timeZone: options.timeZone, costs: options.costs });
    this.spreadsheets = new SpreadsheetService(this.core);
    this.forms = new FormsService(this.core, this.spreadsheets);
    this.mail = new MailService(this.core, { dailyQuota: options.mailQuotaPerDay ?? 100 });
    this.script = new ScriptService(this.core);
    this.lock = new LockServiceFake(this.core);
    this.properties = new PropertiesServiceFake(this.core);
    this.utilities = new UtilitiesFake(this.core);
    this.drive = new DriveService(this.core);
    this.docs = new DocsService(this.core);
  }

  /**
   * The globals Apps Script gives a script, built fresh for every load (gas-local would otherwise
   * reuse and mutate one shared default object). `Date` reads the simulated clock.
   */
  globals(): Record<string, unknown> {
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
      MimeType: this.drive.mimeTypes,
      Session: createSession(core),
      Logger: createLogger(core),
      console: createConsole(core),
      Date: SimulatedDate,
    };
  }

  /** Loads the built bundle (default: dist/ of the project) and wires trigger dispatch to it. */
  loadBundle(distDir = join(__dirname, '..', 'dist')): Record<string, unknown> {
    const globals = this.globals();
    const SimulatedDate = globals.Date as DateConstructor;
    // Dates handed to the script (getValues, timestamps) are the script realm's own Date.
    this.core.makeDate = (ms) => new SimulatedDate(ms);
    const context = gas.require(distDir, globals);
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
