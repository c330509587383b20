/**
 * The Workspace a test of the emulator runs in: a neutral account, a fixed start, a time zone of
 * UTC+4 all year (Asia/Dubai keeps no daylight saving time, so local times are plain to read) for
 * the script and for the account's new spreadsheets (an en_US consumer account otherwise), and
 * Google's sourced call costs. Tests that are about costs pass their own table; tests that are
 * about the account's world pass their own environment.
 */
import { APPS_SCRIPT_COSTS } from '../costs';
import { Core, type CoreOptions } from '../core';
import { environment } from '../environment';
import { Workspace, type WorkspaceOptions } from '../workspace';

export const OWNER = 'owner@example.com';
export const TIME_ZONE = 'Asia/Dubai';
/** 09:00 local time on Monday 5 January 2026. */
export const START = '2026-01-05T09:00:00+04:00';

export function testOptions(options: Partial<WorkspaceOptions> = {}): WorkspaceOptions {
  return {
    user: OWNER,
    now: START,
    timeZone: TIME_ZONE,
    costs: APPS_SCRIPT_COSTS,
    seed: 'emulator-tests',
    environment: environment('consumer', { timeZone: TIME_ZONE }),
    ...options,
  };
}

export function newCore(options: Partial<CoreOptions> = {}): Core {
  return new Core(testOptions(options));
}

export function newWorkspace(options: Partial<WorkspaceOptions> = {}): Workspace {
  return new Workspace(testOptions(options));
}
