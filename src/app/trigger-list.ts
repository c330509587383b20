/**
 * The project's triggers: which entry point each calls (src/main.ts exports them under these
 * names) and when. Setup installs them; the self-check counts them.
 */
import type { TriggerWish } from '../adapters/triggers';

export const TRIGGERS: TriggerWish[] = [
  { handler: 'onWorkbookEdit', kind: 'onEdit' },
  { handler: 'onFormResponse', kind: 'onFormSubmit' },
  { handler: 'hourlySweep', kind: 'hourly' },
  { handler: 'dailyJobs', kind: 'daily', atHour: 6 },
];
