/**
 * Fault injection for the reliability suite: a seeded PRNG, Google's own failure messages, and a
 * fault plan that the emulator's faultHook applies to service calls of running executions.
 */
import { gasError, type Core } from '../../emulator';
import type { Workspace } from '../../emulator';
import { mulberry32 } from '../../replay/sample';

/** The same sequence for the same seed on every machine. */
export const prng = mulberry32;

export const pick = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
export const between = (rnd: () => number, lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));

/**
 * Messages Apps Script throws when a service call fails on Google's side (seen in Executions logs
 * and reported on Stack Overflow / the issue tracker), by service.
 */
export function failureMessage(rnd: () => number, service: string, documentId: string): string {
  const generic = "We're sorry, a server error occurred. Please wait a bit and try again.";
  const byService: Record<string, string[]> = {
    SpreadsheetApp: [
      `Service Spreadsheets failed while accessing document with id ${documentId}.`,
      `Service Spreadsheets timed out while accessing document with id ${documentId}.`,
      generic,
    ],
    MailApp: ['Service unavailable: Gmail', generic],
    FormApp: [`Service Forms failed while accessing form with id ${documentId}.`, generic],
    PropertiesService: [generic, 'Service unavailable: Properties'],
    LockService: ['There are too many LockService operations against the same script.', generic],
    DocumentApp: [`Service Documents failed while accessing document with id ${documentId}.`, generic],
    DriveApp: ['Service Drive failed.', generic],
    // the advanced service's failure: "API call to drive.<resource>.<method> failed with error: …" (Drive's 500 backendError)
    Drive: ['API call to drive.files.create failed with error: Internal Error', generic],
  };
  return pick(rnd, byService[service] ?? [generic]);
}

export interface FaultPlan {
  /** Chance that one service call of a running execution throws. */
  failRate: number;
  /** Chance, at a mail send or a sheet write, that another trigger runs at the same time. */
  concurrencyRate: number;
  /** The handler the concurrent execution runs. */
  concurrentHandler: string;
  /**
   * What happens at the same time instead of that handler, when given: e.g. another clerk's edit
   * or menu click (which starts its own executions). Its failures are its own.
   */
  concurrent?: () => void;
}

export interface FaultStats {
  thrown: number;
  concurrent: number;
}

/**
 * Installs the plan as the core's fault hook. Only calls of running executions fail (the harness
 * playing people is never failed). A concurrent execution is a nested one started from inside the
 * hook: it runs to its end before the outer call proceeds, as a second trigger would, while the
 * outer execution still holds whatever lock it took (so the nested one may time out on it).
 */
export function installFaults(ws: Workspace, rnd: () => number, plan: FaultPlan, documentId: string): FaultStats {
  const stats: FaultStats = { thrown: 0, concurrent: 0 };
  let nested = false;
  ws.core.faultHook = (service: string, method: string, core: Core) => {
    if (!core.current() || nested) return;
    const concurrencyPoint =
      (service === 'MailApp' && method === 'sendEmail') ||
      (service === 'UrlFetchApp' && method === 'fetch') ||
      (service === 'SpreadsheetApp' && method === 'setValues');
    if (concurrencyPoint && rnd() < plan.concurrencyRate) {
      nested = true;
      stats.concurrent++;
      try {
        if (plan.concurrent) plan.concurrent();
        else core.invoke(plan.concurrentHandler, 'time', {});
      } finally {
        nested = false;
      }
    }
    if (rnd() < plan.failRate) {
      stats.thrown++;
      throw gasError(failureMessage(rnd, service, documentId));
    }
  };
  return stats;
}

export function removeFaults(ws: Workspace): void {
  ws.core.faultHook = null;
  ws.core.killAfterCalls = null;
}
