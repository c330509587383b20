/** Issue 7: the public report. PLACEHOLDER until implemented. */
export function publishReportAction(): string {
  throw new Error('not implemented yet: publishReportAction');
}
