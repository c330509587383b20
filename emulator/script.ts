/**
 * ScriptApp: installable triggers (spreadsheet, form and time-driven), the project's identity, and
 * the harness that runs time-driven triggers as the simulated clock passes them.
 * https://developers.google.com/apps-script/reference/script/script-app
 * https://developers.google.com/apps-script/guides/triggers/installable
 */
import { createHash } from 'node:crypto';
import { gasError, type ClockSchedule, type Core, type TriggerEventType, type TriggerRecord } from './core';
import { enumName, makeEnum, AUTH_MODE } from './gas-enum';
import { zonedParts, zonedToUtc } from './dates';

type Script = typeof GoogleAppsScript.Script;

const SCRIPTAPP_SCOPE = 'https://www.googleapis.com/auth/script.scriptapp';
/** 20 triggers per user per script. https://developers.google.com/apps-script/guides/services/quotas */
const MAX_TRIGGERS_PER_USER = 20;
const TOO_MANY_TRIGGERS = 'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
/** Google's message for everyMinutes(7) (as reported from real executions). */
const INVALID_EVERY_MINUTES = 'The value you passed to everyMinutes was invalid. It must be one of 1, 5, 10, 15 or 30.';
const ALLOWED_EVERY_MINUTES = [1, 5, 10, 15, 30];
/**
 * everyHours takes only the intervals the trigger editor's hour timer offers. Google's reference
 * does not list them; developers report "The value you passed to everyHours was invalid" for
 * others (e.g. everyHours(3); the values are the editor's "Every hour … Every 12 hours" choices,
 * https://developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers).
 */
const INVALID_EVERY_HOURS = 'The value you passed to everyHours was invalid. It must be one of 1, 2, 4, 6, 8 or 12.';
const ALLOWED_EVERY_HOURS = [1, 2, 4, 6, 8, 12];
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** runClockUntil refuses to run more handlers than this in one call (a runaway schedule). */
const MAX_RUNS_PER_CALL = 100_000;

const EVENT_TYPE = makeEnum<Script['EventType']>(['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED']);
const TRIGGER_SOURCE = makeEnum<Script['TriggerSource']>(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']);
const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
const WEEK_DAY = makeEnum<typeof GoogleAppsScript.Base.Weekday>(WEEKDAYS);

function stableHash(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

function idOf(source: unknown): string {
  if (typeof source === 'string') return source;
  if (source && typeof (source as { getId?: unknown }).getId === 'function') return (source as { getId(): string }).getId();
  throw gasError('Invalid argument: key');
}

class TriggerFake
  implements Pick<GoogleAppsScript.Script.Trigger, 'getUniqueId' | 'getHandlerFunction' | 'getEventType' | 'getTriggerSource' | 'getTriggerSourceId'>
{
  toString(): string {
    return 'Trigger';
  }
  constructor(readonly record: TriggerRecord) {}

  getUniqueId(): string {
    return this.record.id;
  }

  getHandlerFunction(): string {
    return this.record.handler;
  }

  getEventType(): GoogleAppsScript.Script.EventType {
    return EVENT_TYPE[this.record.eventType];
  }

  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return TRIGGER_SOURCE[this.record.sourceKind];
  }

  /** The spreadsheet or form id; null for a time-driven trigger, as Google returns. */
  getTriggerSourceId(): string {
    return this.record.sourceId as string;
  }
}

// ---------------------------------------------------------------------------------------------
// Schedules
// ---------------------------------------------------------------------------------------------

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

function addLocalDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function atLocalMinute(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  return zonedToUtc({ ...date, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 }, timeZone);
}

/**
 * The minute of the day a daily/weekly/monthly trigger runs. Google picks a time within the
 * requested hour (nearMinute: within ±15 minutes of it) and keeps it from run to run; here the
 * pick is a stable hash of the trigger id, so code assuming "exactly 9:00" meets the same drift.
 * https://developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers
 */
function minuteOfDay(record: TriggerRecord, schedule: ClockSchedule, createdAtLocal: { hour: number; minute: number }): number {
  const jitter = stableHash(record.id);
  if (schedule.atHour === undefined) return createdAtLocal.hour * 60 + createdAtLocal.minute;
  const minute = schedule.nearMinute === undefined ? jitter % 60 : Math.min(59, Math.max(0, schedule.nearMinute + (jitter % 31) - 15));
  return schedule.atHour * 60 + minute;
}

/** A monthly day that a month lacks (31 in April) falls on that month's last day. */
function monthlyRun(year: number, month: number, day: number, minute: number, timeZone: string): number {
  return atLocalMinute({ year, month, day: Math.min(day, daysInMonth(year, month)) }, minute, timeZone);
}

/** The first due time of a new time-driven trigger created at `now`. */
function firstRun(record: TriggerRecord, schedule: ClockSchedule, now: number, scriptTimeZone: string): number {
  if (schedule.at !== undefined) return Math.max(schedule.at, now);
  if (schedule.after !== undefined) return now + schedule.after;
  if (schedule.everyMinutes !== undefined) return now + schedule.everyMinutes * MINUTE_MS;
  if (schedule.everyHours !== undefined) return now + schedule.everyHours * HOUR_MS;
  const tz = schedule.timeZone ?? scriptTimeZone;
  const local = zonedParts(now, tz);
  const minute = minuteOfDay(record, schedule, local);
  const today: LocalDate = { year: local.year, month: local.month, day: local.day };
  if (schedule.onMonthDay !== undefined) {
    let year = local.year;
    let month = local.month;
    let due = monthlyRun(year, month, schedule.onMonthDay, minute, tz);
    while (due <= now) {
      month = (month % 12) + 1;
      if (month === 1) year++;
      due = monthlyRun(year, month, schedule.onMonthDay, minute, tz);
    }
    return due;
  }
  if (schedule.onWeekDay !== undefined || schedule.everyWeeks !== undefined) {
    const weekday = schedule.onWeekDay ?? local.weekday;
    let due = atLocalMinute(addLocalDays(today, (weekday - local.weekday + 7) % 7), minute, tz);
    if (due <= now) due = atLocalMinute(addLocalDays(today, ((weekday - local.weekday + 7) % 7) + 7), minute, tz);
    return due;
  }
  if (schedule.everyDays !== undefined) {
    if (schedule.atHour === undefined) return now + schedule.everyDays * DAY_MS;
    const due = atLocalMinute(today, minute, tz);
    return due > now ? due : atLocalMinute(addLocalDays(today, 1), minute, tz);
  }
  throw gasError(
    'The time-based trigger has no schedule: call everyMinutes, everyHours, everyDays, everyWeeks, onMonthDay, onWeekDay, at or after before create().',
  );
}

/** The due time after `previous`; undefined for one-shot (at/after) triggers. */
function nextRun(schedule: ClockSchedule, previous: number, scriptTimeZone: string): number | undefined {
  if (schedule.at !== undefined || schedule.after !== undefined) return undefined;
  if (schedule.everyMinutes !== undefined) return previous + schedule.everyMinutes * MINUTE_MS;
  if (schedule.everyHours !== undefined) return previous + schedule.everyHours * HOUR_MS;
  const tz = schedule.timeZone ?? scriptTimeZone;
  const local = zonedParts(previous, tz);
  const minute = local.hour * 60 + local.minute;
  const date: LocalDate = { year: local.year, month: local.month, day: local.day };
  if (schedule.onMonthDay !== undefined) {
    const month = (local.month % 12) + 1;
    return monthlyRun(month === 1 ? local.year + 1 : local.year, month, schedule.onMonthDay, minute, tz);
  }
  if (schedule.onWeekDay !== undefined || schedule.everyWeeks !== undefined) {
    return atLocalMinute(addLocalDays(date, 7 * (schedule.everyWeeks ?? 1)), minute, tz);
  }
  return atLocalMinute(addLocalDays(date, schedule.everyDays ?? 1), minute, tz);
}

/**
 * The event object of a time-driven trigger. Its date fields are in UTC ("timezone": "UTC"),
 * whatever the script's time zone; day-of-week runs from 1 (Monday) to 7 (Sunday).
 * https://developers.google.com/apps-script/guides/triggers/events#time-driven_events
 */
export function timeDrivenEvent(at: number, triggerUid: string): GoogleAppsScript.Events.TimeDriven {
  const d = new Date(at);
  const weekday = d.getUTCDay();
  return {
    authMode: AUTH_MODE.FULL,
    'day-of-month': d.getUTCDate(),
    'day-of-week': weekday === 0 ? 7 : weekday,
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    month: d.getUTCMonth() + 1,
    second: d.getUTCSeconds(),
    timezone: 'UTC',
    triggerUid,
    'week-of-year': javaWeekOfYear(d),
    year: d.getUTCFullYear(),
  };
}

/** java.util.Calendar WEEK_OF_YEAR (US rules): weeks start on Sunday, week 1 holds 1 January. */
function javaWeekOfYear(d: Date): number {
  const year = d.getUTCFullYear();
  const saturday = new Date(Date.UTC(year, d.getUTCMonth(), d.getUTCDate() + 6 - d.getUTCDay()));
  if (saturday.getUTCFullYear() > year) return 1;
  const jan1 = Date.UTC(year, 0, 1);
  const dayOfYear = Math.round((Date.UTC(year, d.getUTCMonth(), d.getUTCDate()) - jan1) / DAY_MS);
  return Math.floor((dayOfYear + new Date(jan1).getUTCDay()) / 7) + 1;
}

// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

type Create = (partial: Omit<TriggerRecord, 'id' | 'createdBy'>) => TriggerFake;

class SpreadsheetTriggerBuilderFake implements GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
  toString(): string {
    return 'SpreadsheetTriggerBuilder';
  }
  private eventType: TriggerEventType | null = null;

  constructor(
    private readonly handler: string,
    private readonly sourceId: string,
    private readonly createTrigger: Create,
  ) {}

  onOpen(): SpreadsheetTriggerBuilderFake {
    this.eventType = 'ON_OPEN';
    return this;
  }

  onEdit(): SpreadsheetTriggerBuilderFake {
    this.eventType = 'ON_EDIT';
    return this;
  }

  onChange(): SpreadsheetTriggerBuilderFake {
    this.eventType = 'ON_CHANGE';
    return this;
  }

  onFormSubmit(): SpreadsheetTriggerBuilderFake {
    this.eventType = 'ON_FORM_SUBMIT';
    return this;
  }

  create(): TriggerFake {
    if (!this.eventType) throw gasError('The trigger has no event type: call onOpen, onEdit, onChange or onFormSubmit before create().');
    return this.createTrigger({ handler: this.handler, eventType: this.eventType, sourceId: this.sourceId, sourceKind: 'SPREADSHEETS' });
  }
}

class FormTriggerBuilderFake implements GoogleAppsScript.Script.FormTriggerBuilder {
  toString(): string {
    return 'FormTriggerBuilder';
  }
  private eventType: TriggerEventType | null = null;

  constructor(
    private readonly handler: string,
    private readonly sourceId: string,
    private readonly createTrigger: Create,
  ) {}

  onOpen(): FormTriggerBuilderFake {
    this.eventType = 'ON_OPEN';
    return this;
  }

  onFormSubmit(): FormTriggerBuilderFake {
    this.eventType = 'ON_FORM_SUBMIT';
    return this;
  }

  create(): TriggerFake {
    if (!this.eventType) throw gasError('The trigger has no event type: call onOpen or onFormSubmit before create().');
    return this.createTrigger({ handler: this.handler, eventType: this.eventType, sourceId: this.sourceId, sourceKind: 'FORMS' });
  }
}

class ClockTriggerBuilderFake implements GoogleAppsScript.Script.ClockTriggerBuilder {
  toString(): string {
    return 'ClockTriggerBuilder';
  }
  private readonly schedule: ClockSchedule = {};
  /** atDate's day, resolved at create() in the trigger's time zone (inTimezone may come later). */
  private localDate: LocalDate | null = null;

  constructor(
    private readonly handler: string,
    private readonly scriptTimeZone: string,
    private readonly createTrigger: Create,
  ) {}

  everyMinutes(n: number): ClockTriggerBuilderFake {
    if (!ALLOWED_EVERY_MINUTES.includes(Number(n))) throw gasError(INVALID_EVERY_MINUTES);
    this.schedule.everyMinutes = Number(n);
    return this;
  }

  everyHours(n: number): ClockTriggerBuilderFake {
    if (!ALLOWED_EVERY_HOURS.includes(Number(n))) throw gasError(INVALID_EVERY_HOURS);
    this.schedule.everyHours = Number(n);
    return this;
  }

  everyDays(n: number): ClockTriggerBuilderFake {
    this.schedule.everyDays = Number(n);
    return this;
  }

  everyWeeks(n: number): ClockTriggerBuilderFake {
    this.schedule.everyWeeks = Number(n);
    return this;
  }

  atHour(hour: number): ClockTriggerBuilderFake {
    this.schedule.atHour = Number(hour);
    return this;
  }

  nearMinute(minute: number): ClockTriggerBuilderFake {
    this.schedule.nearMinute = Number(minute);
    return this;
  }

  onMonthDay(day: number): ClockTriggerBuilderFake {
    this.schedule.onMonthDay = Number(day);
    return this;
  }

  onWeekDay(day: GoogleAppsScript.Base.Weekday): ClockTriggerBuilderFake {
    const index = WEEKDAYS.indexOf(enumName(day) ?? String(day));
    if (index < 0) throw gasError('Invalid argument: day');
    this.schedule.onWeekDay = index;
    return this;
  }

  /** Midnight of that date (Google: near midnight, ±15 minutes). */
  atDate(year: number, month: number, day: number): ClockTriggerBuilderFake {
    this.localDate = { year: Number(year), month: Number(month), day: Number(day) };
    return this;
  }

  at(date: GoogleAppsScript.Base.Date): ClockTriggerBuilderFake {
    this.schedule.at = date.getTime();
    return this;
  }

  after(durationMilliseconds: number): ClockTriggerBuilderFake {
    this.schedule.after = Number(durationMilliseconds);
    return this;
  }

  inTimezone(timezone: string): ClockTriggerBuilderFake {
    this.schedule.timeZone = timezone;
    return this;
  }

  create(): TriggerFake {
    const schedule = { ...this.schedule };
    if (this.localDate) schedule.at = zonedToUtc(this.localDate, schedule.timeZone ?? this.scriptTimeZone);
    return this.createTrigger({ handler: this.handler, eventType: 'CLOCK', sourceId: null, sourceKind: 'CLOCK', schedule });
  }
}

class TriggerBuilderFake implements GoogleAppsScript.Script.TriggerBuilder {
  toString(): string {
    return 'TriggerBuilder';
  }
  constructor(
    private readonly handler: string,
    private readonly scriptTimeZone: string,
    private readonly createTrigger: Create,
  ) {}

  forSpreadsheet(sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): SpreadsheetTriggerBuilderFake {
    return new SpreadsheetTriggerBuilderFake(this.handler, idOf(sheet), this.createTrigger);
  }

  forForm(form: GoogleAppsScript.Forms.Form | string): FormTriggerBuilderFake {
    return new FormTriggerBuilderFake(this.handler, idOf(form), this.createTrigger);
  }

  timeBased(): ClockTriggerBuilderFake {
    return new ClockTriggerBuilderFake(this.handler, this.scriptTimeZone, this.createTrigger);
  }

  forDocument(): GoogleAppsScript.Script.DocumentTriggerBuilder {
    throw new Error('Emulator: document triggers are not emulated.');
  }

  forUserCalendar(): GoogleAppsScript.Script.CalendarTriggerBuilder {
    throw new Error('Emulator: calendar triggers are not emulated.');
  }
}

// ---------------------------------------------------------------------------------------------
// The service
// ---------------------------------------------------------------------------------------------

type ScriptAppSurface = Pick<
  GoogleAppsScript.Script.ScriptApp,
  'AuthMode' | 'EventType' | 'TriggerSource' | 'WeekDay' | 'newTrigger' | 'getProjectTriggers' | 'getUserTriggers' | 'deleteTrigger' | 'getScriptId'
> & {
  // Google's Service also carries deprecated web-app controls (disable, getUrl of old editors…);
  // only the live part is emulated.
  getService(): Pick<GoogleAppsScript.Script.Service, 'getUrl' | 'isEnabled'>;
};

export class ScriptService {
  readonly app: ScriptAppSurface;
  readonly scriptId: string;
  private triggerCounter = 0;

  constructor(private readonly core: Core) {
    this.scriptId = `1${createHash('sha256').update(`${core.seed}-script`).digest('base64url').slice(0, 56)}`;
    const service = this;
    const createTrigger: Create = (partial) => service.createTrigger(partial);
    this.app = {
      AuthMode: AUTH_MODE,
      EventType: EVENT_TYPE,
      TriggerSource: TRIGGER_SOURCE,
      WeekDay: WEEK_DAY,
      newTrigger(functionName: string) {
        core.requireFullAuth('ScriptApp.newTrigger', SCRIPTAPP_SCOPE);
        return new TriggerBuilderFake(String(functionName), core.timeZone, createTrigger);
      },
      /**
       * Only the caller's own: "Gets all installable triggers associated with the current project
       * and current user" (developers.google.com/apps-script/reference/script/script-app#getProjectTriggers());
       * another editor's triggers of the same project are invisible, and cannot be deleted, from here.
       */
      getProjectTriggers() {
        core.requireFullAuth('ScriptApp.getProjectTriggers', SCRIPTAPP_SCOPE);
        core.call('ScriptApp', 'getProjectTriggers');
        return service.triggersOfUser().map((t) => new TriggerFake(t));
      },
      getUserTriggers(source: unknown) {
        core.requireFullAuth('ScriptApp.getUserTriggers', SCRIPTAPP_SCOPE);
        core.call('ScriptApp', 'getUserTriggers');
        const sourceId = idOf(source);
        return service
          .triggersOfUser()
          .filter((t) => t.sourceId === sourceId)
          .map((t) => new TriggerFake(t));
      },
      deleteTrigger(trigger: GoogleAppsScript.Script.Trigger) {
        core.requireFullAuth('ScriptApp.deleteTrigger', SCRIPTAPP_SCOPE);
        core.call('ScriptApp', 'deleteTrigger');
        const index = core.triggers.findIndex((t) => t.id === trigger.getUniqueId());
        if (index >= 0) core.triggers.splice(index, 1);
      },
      getScriptId: () => this.scriptId,
      getService: () => ({
        getUrl: () => `https://script.google.com/macros/s/${this.scriptId}/exec`,
        isEnabled: () => true,
      }),
    } as ScriptAppSurface;
  }

  /**
   * Harness: runs every time-driven trigger that falls due up to `targetMs`, earliest first (ties
   * in creation order), each as its own execution at its due time, then leaves the clock at
   * `targetMs`. A run that overran its next due time skips the missed slots rather than catching
   * up. One-shot (at/after) triggers stay installed after they fire, spent, and keep counting
   * against the 20-trigger limit until the script deletes them, as in Apps Script.
   */
  runClockUntil(targetMs: number): void {
    for (let runs = 0; ; runs++) {
      if (runs >= MAX_RUNS_PER_CALL) throw new Error(`runClockUntil: more than ${MAX_RUNS_PER_CALL} trigger runs; a schedule is running away`);
      const due = this.nextDueTrigger(targetMs);
      if (!due) break;
      const dueAt = due.nextRunAt as number;
      this.core.setNow(dueAt);
      due.nextRunAt = this.followingRun(due, dueAt);
      this.core.invoke(due.handler, 'time', timeDrivenEvent(this.core.now(), due.id), { user: due.createdBy });
      // Slots that passed while the run was going are skipped, not run back to back afterwards.
      while (due.nextRunAt !== undefined && due.nextRunAt <= this.core.now()) due.nextRunAt = this.followingRun(due, due.nextRunAt);
    }
    this.core.setNow(targetMs);
  }

  /** Harness: the installed time-driven triggers with their next due times. */
  clockTriggers(): TriggerRecord[] {
    return this.core.triggers.filter((t) => t.eventType === 'CLOCK');
  }

  private nextDueTrigger(targetMs: number): TriggerRecord | undefined {
    let earliest: TriggerRecord | undefined;
    for (const t of this.core.triggers) {
      if (t.eventType !== 'CLOCK' || t.nextRunAt === undefined || t.nextRunAt > targetMs) continue;
      if (!earliest || t.nextRunAt < (earliest.nextRunAt as number)) earliest = t;
    }
    return earliest;
  }

  private followingRun(trigger: TriggerRecord, dueAt: number): number | undefined {
    const schedule = trigger.schedule ?? {};
    let next = nextRun(schedule, dueAt, this.core.timeZone);
    while (next !== undefined && next <= dueAt) next = nextRun(schedule, next, this.core.timeZone);
    return next;
  }

  private currentUser(): string {
    return this.core.current()?.user ?? this.core.user;
  }

  private triggersOfUser(): TriggerRecord[] {
    const user = this.currentUser();
    return this.core.triggers.filter((t) => t.createdBy === user);
  }

  private createTrigger(partial: Omit<TriggerRecord, 'id' | 'createdBy'>): TriggerFake {
    this.core.requireFullAuth('ScriptApp.newTrigger', SCRIPTAPP_SCOPE);
    this.core.call('ScriptApp', 'create');
    if (this.triggersOfUser().length >= MAX_TRIGGERS_PER_USER) throw gasError(TOO_MANY_TRIGGERS);
    this.triggerCounter++;
    const record: TriggerRecord = {
      ...partial,
      // Google's trigger ids are long decimal numbers.
      id: (4034124084959907503n + BigInt(this.triggerCounter) * 7919n).toString(),
      createdBy: this.currentUser(),
    };
    if (record.schedule) record.nextRunAt = firstRun(record, record.schedule, this.core.now(), this.core.timeZone);
    this.core.triggers.push(record);
    return new TriggerFake(record);
  }
}
