/**
 * Who may answer a form. A form's respondents are a Drive permission on its published view, set
 * through the Advanced Drive service (appsscript.json enables Drive v3): Google's "Publish and
 * manage responders" guide grants `{type: 'anyone', view: 'published', role: 'reader'}` and
 * checks for it with permissions.list.
 * https://developers.google.com/workspace/forms/api/guides/publish-form
 * On a Workspace tenant a new form admits only the organisation until that permission exists
 * (https://support.google.com/docs/answer/160166); where the admin forbids sharing outside the
 * organisation Google refuses to grant it.
 */
import type { FormAccess } from '../domain/self-check';
import { errorMessage } from '../domain/errors';

/** What became of the wish that anyone with the link may respond. */
export type PublicAnswering = { open: true } | { open: false; reason: string };

const ANYONE_RESPONDS = { type: 'anyone', view: 'published', role: 'reader' } as const;

function advancedDrive(): GoogleAppsScript.Drive | null {
  // A project whose manifest does not enable the service has no `Drive` global at all.
  return typeof Drive === 'undefined' || !Drive ? null : Drive;
}

/** Whether the form's published view admits anyone with the link (one permissions.list). */
function admitsAnyone(drive: GoogleAppsScript.Drive, formId: string): boolean {
  const permissions = drive.Permissions.list(formId).permissions ?? [];
  return permissions.some((p) => p.type === 'anyone' && p.view === 'published' && p.role === 'reader');
}

/**
 * Makes the form answerable by anyone with the link, unless it already is, and checks that it is.
 * Never throws: a refusal is returned with its reason (and logged), for setup to explain.
 */
export function openFormToAnyone(formId: string): PublicAnswering {
  const drive = advancedDrive();
  if (!drive) {
    console.warn(`Form ${formId}: the Advanced Drive service is not enabled, so who may respond cannot be set or checked`);
    return { open: false, reason: 'the Advanced Drive service (Drive v3) is not enabled in appsscript.json' };
  }
  try {
    if (admitsAnyone(drive, formId)) return { open: true };
  } catch (err) {
    console.warn(`Form ${formId}: cannot list its permissions (${errorMessage(err)})`);
  }
  try {
    drive.Permissions.create(ANYONE_RESPONDS, formId);
  } catch (err) {
    const reason = errorMessage(err);
    console.warn(`Form ${formId}: Google refused to let anyone with the link respond (${reason}); the domain's sharing policy may forbid it`);
    return { open: false, reason };
  }
  try {
    if (admitsAnyone(drive, formId)) return { open: true };
    console.warn(`Form ${formId}: the 'anyone' responder permission was granted but is not listed`);
    return { open: false, reason: 'the permission was granted but is not listed' };
  } catch (err) {
    console.warn(`Form ${formId}: cannot check who may respond (${errorMessage(err)})`);
    return { open: false, reason: errorMessage(err) };
  }
}

/**
 * Who may answer the form now, without changing anything (one permissions.list): anyone with the
 * link, only the organisation, or unknown with the reason (the service is off, or Google refused
 * to list the permissions).
 */
export function whoMayRespond(formId: string): FormAccess {
  const drive = advancedDrive();
  if (!drive) return { open: null, reason: 'the Advanced Drive service (Drive v3) is not enabled in appsscript.json' };
  try {
    return admitsAnyone(drive, formId) ? { open: true } : { open: false };
  } catch (err) {
    console.warn(`Form ${formId}: cannot list its permissions (${errorMessage(err)})`);
    return { open: null, reason: errorMessage(err) };
  }
}
