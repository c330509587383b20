/** Issue 4: N2 invitations. PLACEHOLDER until implemented. */
export interface SweepResult { sent: number; deferred: number; failed: number; skipped: number; more: boolean }
export function handleWorkbookEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  void e;
  throw new Error('not implemented yet: handleWorkbookEdit');
}
export function sweepInvitations(): SweepResult {
  throw new Error('not implemented yet: sweepInvitations');
}
export function clearExpiredEmails(): number {
  throw new Error('not implemented yet: clearExpiredEmails');
}
export function sendInvitationsAction(): string {
  throw new Error('not implemented yet: sendInvitationsAction');
}
