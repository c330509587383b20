/** Issue 6: the analysis report. PLACEHOLDER until implemented. */
export function buildReportAction(): string {
  throw new Error('not implemented yet: buildReportAction');
}
export function runScheduledReport(): void {
  throw new Error('not implemented yet: runScheduledReport');
}
