/**
 * Entry points: every function Apps Script calls by name (the menu, the triggers). Each is a thin
 * wire to a use case in src/app; scripts/build.mjs makes each export a top-level function.
 */
import { MENU_ITEMS, MENU_TITLE } from './app/menu';
import { setupAction, syncMarkedServices, syncServicesAfterEdit } from './app/setup';
import { runMenuAction } from './app/ui';
import { clearExpiredEmails, handleWorkbookEdit, sendInvitationsAction, sweepInvitations } from './app/invitations';
import { collectFormResponses, collectNowAction, handleFormResponse, importPaperAction } from './app/collect';
import { buildReportAction, runScheduledReport } from './app/report';
import { highlightOverdueActions, prepareMeetingAction } from './app/agenda';
import { publishReportAction } from './app/publish';
import { paperFormsAction } from './app/paper-docs';
import { sampleCheckAction } from './app/box';
import { setSmsKeyAction } from './app/sms';
import { selfCheckAction } from './app/self-check';
import { exportAggregatesAction } from './app/aggregates';
import { nationalReportAction } from './app/national';
import { recordJobOutcomes } from './app/job-problems';
import { ownersDriveAction, runsAsOwner } from './app/owner';
import { eraseAfterCallsEdit, runPhoneSurvey } from './app/phone-survey';
import { sheetEditOf, submittedFormId } from './adapters/events';
import { addMenu } from './adapters/ui';

/** Simple trigger: builds the menu when the workbook opens (no authorization needed). */
export function onOpen(): void {
  addMenu(MENU_TITLE, MENU_ITEMS);
}

export function menuSetup(): void {
  runMenuAction('setup', setupAction);
}

/** Run once after deployment (setup runs it too): probes each Google service and writes the checklist tab. */
export function menuSelfCheck(): void {
  runMenuAction('selfCheck', selfCheckAction);
}

export function menuPaperForms(): void {
  runMenuAction('paperForms', ownersDriveAction('paperForms', paperFormsAction));
}

export function menuImportPaper(): void {
  runMenuAction('importPaper', importPaperAction);
}

export function menuSampleCheck(): void {
  runMenuAction('sampleCheck', sampleCheckAction);
}

export function menuCollectNow(): void {
  runMenuAction('collectNow', collectNowAction);
}

export function menuSendInvitations(): void {
  runMenuAction('sendInvitations', sendInvitationsAction);
}

/** The SMS gateway's API key (issue 17), typed by the owner into a prompt; kept in the script properties. */
export function menuSmsKey(): void {
  runMenuAction('smsKey', setSmsKeyAction);
}

export function menuBuildReport(): void {
  runMenuAction('buildReport', ownersDriveAction('buildReport', buildReportAction));
}

export function menuPrepareMeeting(): void {
  runMenuAction('prepareMeeting', ownersDriveAction('prepareMeeting', prepareMeetingAction));
}

export function menuPublishReport(): void {
  runMenuAction('publishReport', ownersDriveAction('publishReport', publishReportAction));
}

/** The period's suppressed, difference-safe figures as a JSON file for the association (issue 18). */
export function menuExportAggregates(): void {
  runMenuAction('exportAggregates', ownersDriveAction('exportAggregates', exportAggregatesAction));
}

/** National mode (the association's workbook): the municipalities' comparison report. */
export function menuNationalReport(): void {
  runMenuAction('nationalReport', ownersDriveAction('nationalReport', nationalReportAction));
}

/**
 * Installable edit trigger, run by every edit anywhere and charged to the owner's daily trigger
 * runtime: an edit of another tab returns after reading the event; a services edit only marks work
 * for the hourly sweep; a case set to closed sends its invitation.
 */
export function onWorkbookEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const edit = sheetEditOf(e);
  if (syncServicesAfterEdit(edit)) return;
  if (eraseAfterCallsEdit(edit)) return;
  handleWorkbookEdit(edit);
}

/**
 * Installable form-submit trigger of each form, the owner's: reads the form's new responses from
 * the form itself (also still called by the workbook's trigger of an earlier version until setup
 * replaces it).
 */
export function onFormResponse(e: GoogleAppsScript.Events.FormsOnFormSubmit | GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  handleFormResponse(submittedFormId(e));
}

/** Time-driven, hourly: catch up what triggers missed. One job failing never stops the other. */
export function hourlySweep(): void {
  if (!runsAsOwner('hourlySweep')) return;
  const jobs: Array<[string, () => unknown]> = [
    // A services edit's forms and N2 links first, so that the invitations below carry the new links.
    ['services', syncMarkedServices],
    // Invitations next: their sweep budgets its own time against the 6-minute limit.
    ['invitations', sweepInvitations],
    ['collect', collectFormResponses],
  ];
  runJobs('hourlySweep', jobs);
}

/** Time-driven, daily: privacy clean-up, the scheduled analysis report, overdue actions marked. */
export function dailyJobs(): void {
  if (!runsAsOwner('dailyJobs')) return;
  runJobs('dailyJobs', [
    ['clearExpiredEmails', clearExpiredEmails],
    ['scheduledReport', runScheduledReport],
    ['highlightOverdueActions', () => highlightOverdueActions()],
    // Off until turned on; a call list already made is erased by its rules either way.
    ['phoneSurvey', () => runPhoneSurvey()],
  ]);
}

function runJobs(name: string, jobs: Array<[string, () => unknown]>): void {
  const failures: string[] = [];
  const outcomes: Array<{ run: string; job: string; error: string | null }> = [];
  for (const [job, fn] of jobs) {
    try {
      console.info(`${name}/${job}: ${JSON.stringify(fn() ?? null)}`);
      outcomes.push({ run: name, job, error: null });
    } catch (err) {
      failures.push(job);
      outcomes.push({
        run: name,
        job,
        error: err !== null && typeof err === 'object' && typeof (err as Error).message === 'string' ? (err as Error).message : String(err),
      });
      console.error(`${name}/${job} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  }
  // A line in the workbook per failed job (staff read it there and in the self-check); cleared on success.
  recordJobOutcomes(outcomes);
  // Rethrown so that Apps Script records the execution as failed and notifies the owner.
  if (failures.length) throw new Error(`${name}: ${failures.join(', ')} failed`);
}
