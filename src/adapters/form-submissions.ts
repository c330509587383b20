/**
 * What respondents submitted to a form, counted by the form itself: a response Google never
 * wrote into the workbook (an answer longer than a cell, a destination unlinked for a while) is
 * still counted here, where the response tab cannot show it.
 */
import type { FormRecord } from './config';

/** The form's response count; null when the form cannot be opened (the collector then cannot compare). */
export function submittedCount(record: FormRecord): number | null {
  try {
    return FormApp.openById(record.id).getResponses().length;
  } catch (err) {
    console.warn(`collect: form ${record.id} cannot be opened to count its responses (${String(err)})`);
    return null;
  }
}
