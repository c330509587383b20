/**
 * Setup (the menu's first item): the tabs, the two Google Forms, the N2 links per service and
 * the triggers. Every step checks what exists first, so running it again changes nothing but
 * what staff edited since (the services list reaches both forms in place).
 */
import { FORM_LIST } from '../domain/forms';
import { t } from '../domain/messages';
import { PHONE_SURVEY_TABS, TABS } from '../domain/schema';
import { DEFAULT_SERVICES, servicesFingerprint } from '../domain/services';
import { DEFAULT_THEMES } from '../domain/themes';
import type { FormKey, Service } from '../domain/types';
import type { SheetEdit } from '../adapters/events';
import { openFormToAnyone } from '../adapters/form-access';
import { ensureForm, formEditUrl, invitationLinks, syncFormServices } from '../adapters/google-forms';
import { deleteKey, readString, writeString } from '../adapters/config';
import { tryScriptLock, withScriptLock } from '../adapters/lock';
import { collectOnlineInLock } from './collect';
import { readServices, seedServices, writeServiceLinks } from '../adapters/services-tab';
import { readSettings, seedSettings } from '../adapters/settings-tab';
import { deployedProfile } from '../adapters/municipality-profile';
import { readThemes, seedThemes } from '../adapters/themes-tab';
import { refreshFeedbackNames } from '../adapters/feedback-table';
import { refreshInvitationServiceNames } from '../adapters/invitation-log';
import { ensureTriggers, recordTriggerOwner } from '../adapters/triggers';
import { runningAccount } from './owner';
import { ensureOptionalTabs, ensureTabs, ensureWorkbookSettings, removeBlankStarterTab } from '../adapters/workbook';
import { PRINT_FOLDER, ensurePrintMaterial } from './paper-docs';
import { SELF_CHECK_TAB, runSelfCheck } from './self-check';
import { TRIGGERS } from './trigger-list';

export { TRIGGERS };

export interface SetupResult {
  createdTabs: string[];
  createdForms: FormKey[];
  triggersCreated: string[];
  /** Print Docs made or rewritten (their inputs changed), e.g. 'paper.N1'. */
  printDocs: string[];
  /** Georgian notes on settings that could not be used as typed (a default or nothing was used instead). */
  settingsProblems: string[];
  /** Forms that anyone with the link cannot answer yet (Google refused or could not confirm it), with their editor links. */
  formsNotPublic: Array<{ form: FormKey; editUrl: string }>;
  /**
   * Set when another account than the recorded owner ran it: nothing was done (its triggers
   * would be a second set, its forms and Docs in its own Drive); the owner must run it.
   */
  notOwner?: { owner: string; me: string };
}

/** The menu item: sets up (or updates), runs the self-check, and says in Georgian what it did and what to check. */
export function setupAction(): string {
  const result = setupWorkbook();
  if (result.notOwner) return t('setup.not_owner', { owner: result.notOwner.owner, me: result.notOwner.me || '?' });
  return [
    t('setup.ready'),
    result.createdTabs.length ? t('setup.created_tabs', { tabs: result.createdTabs.join(', ') }) : t('setup.tabs_existed'),
    result.createdForms.length ? t('setup.created_forms', { forms: result.createdForms.join(', ') }) : t('setup.forms_updated'),
    result.printDocs.length ? t('setup.print_updated', { folder: PRINT_FOLDER.name }) : '',
    result.settingsProblems.length
      ? t('setup.check_settings', { tab: TABS.settings.name, problems: result.settingsProblems.map((p) => `• ${p}`).join('\n') })
      : '',
    result.formsNotPublic.length
      ? t('setup.forms_not_public', {
          forms: result.formsNotPublic.map((f) => f.form).join(', '),
          links: result.formsNotPublic.map((f) => `• ${f.form}: ${f.editUrl}`).join('\n'),
        })
      : '',
    selfCheckLine(),
  ]
    .filter(Boolean)
    .join('\n');
}

/** The self-check's one-line summary and where its checklist is; nothing when it could not run. */
function selfCheckLine(): string {
  try {
    const check = runSelfCheck();
    return check.tabError === null ? t('setup.self_check', { summary: check.summary, tab: SELF_CHECK_TAB }) : check.summary;
  } catch (err) {
    console.error(`setup: the self-check failed (${err instanceof Error ? (err.stack ?? err.message) : String(err)})`);
    return '';
  }
}

export function setupWorkbook(): SetupResult {
  return withScriptLock((): SetupResult => {
    // Only the owner sets up: the triggers it installs run as whoever runs it, and Google shows
    // each account only its own, so another editor's setup would install a second set.
    const running = runningAccount();
    if (!running.verdict.owner) {
      console.warn(`setup: refused for ${running.me || 'an unknown account'}; the deployment's owner is ${running.verdict.recorded}`);
      const none = { createdTabs: [], createdForms: [], triggersCreated: [], printDocs: [], settingsProblems: [], formsNotPublic: [] };
      return { ...none, notOwner: { owner: running.verdict.recorded, me: running.me } };
    }
    // First: the locale reads what staff type, the time zone what a typed date means.
    const settingsChanged = ensureWorkbookSettings();
    if (settingsChanged.length) console.info(`setup: workbook ${settingsChanged.join('; ')}`);
    const createdTabs = ensureTabs();
    // Settings, services and themes get their defaults where staff have not filled them.
    // A deployment made from municipalities/<id>.json seeds its name, settings and services.
    const profile = deployedProfile();
    seedSettings(profile?.settings);
    seedServices(profile?.services ?? DEFAULT_SERVICES);
    // The phone survey's tabs exist only once a municipality turns it on (its daily run makes them too).
    if (readSettings().value.phoneSurvey) createdTabs.push(...ensureOptionalTabs(PHONE_SURVEY_TABS));
    seedThemes(DEFAULT_THEMES);
    removeBlankStarterTab();
    // Setup does now what a services edit left to the sweep (an edit made meanwhile marks again).
    deleteKey(SERVICES_PENDING);
    const { services } = readServices();
    // Rows written before the Georgian names (or before a service or theme was renamed) show them now.
    const renamedRows = refreshFeedbackNames({ services, themes: readThemes() }) + refreshInvitationServiceNames(services);
    if (renamedRows > 0) console.info(`setup: ${renamedRows} feedback and invitation rows now show Georgian names`);
    const createdForms: FormKey[] = [];
    const formsNotPublic: SetupResult['formsNotPublic'] = [];
    for (const def of FORM_LIST) {
      const form = ensureForm(def, services);
      if (form.created) createdForms.push(def.key);
      // Citizens answer without an account: every run makes sure anyone with the link may respond.
      const access = openFormToAnyone(form.id);
      if (!access.open) {
        console.warn(`setup: form ${def.key} is not open to anyone with the link (${access.reason})`);
        formsNotPublic.push({ form: def.key, editUrl: formEditUrl(form.id) });
      }
    }
    updateInvitationLinks(services);
    writeString(SERVICES_SYNCED, servicesFingerprint(services));
    // A deployment whose forms an earlier version linked to the workbook: unlinked, their tabs
    // collected to the end, then deleted (app/collect.ts); a no-op once done.
    const migrated = collectOnlineInLock();
    console.info(`setup: online forms collected ${JSON.stringify(migrated)}`);
    const { created } = ensureTriggers(TRIGGERS);
    // They run as this account, and only it sees them: the self-check compares with this.
    recordTriggerOwner(running.me);
    // Last, because the print material shows the N1 link and the services just synced.
    const print = ensurePrintMaterial(true);
    return {
      createdTabs,
      createdForms,
      triggersCreated: created,
      printDocs: [...print.created, ...print.rewritten],
      settingsProblems: readSettings().problems,
      formsNotPublic,
    };
  });
}

/** Script property set by a services edit: the sweep still owes the forms, the N2 links and the print Docs. */
export const SERVICES_PENDING = 'services.pending';
/** Script property: the fingerprint of the services list last carried into the forms. */
export const SERVICES_SYNCED = 'services.synced';
/** How long the hourly sweep waits for the lock before leaving a services edit to its next run. */
const SERVICES_LOCK_WAIT_MS = 30_000;

/**
 * A staff edit of the services tab only marks the work (one property write): rebuilding both
 * forms' service lists, the N2 links and two print Docs in every edit would spend the daily
 * trigger runtime (90 min consumer, 6 h Workspace) on keystrokes. The hourly sweep does it first
 * thing (syncMarkedServices), before it sends invitations, so the links it and the edits send are
 * at most one sweep (an hour) behind; setup run by hand does it at once. True when the edit was one.
 */
export function syncServicesAfterEdit(edit: SheetEdit | null): boolean {
  if (!edit || edit.tab !== TABS.services.name) return false;
  writeString(SERVICES_PENDING, String(Date.now()));
  return true;
}

/**
 * Hourly: carries a marked services edit into both forms, the N2 links and the print material; also
 * a change no edit marked (a script's write, an edit refused once the day's trigger runtime was
 * spent), found by the list's fingerprint. Costs one read of the services tab when nothing changed.
 */
export function syncMarkedServices(): { synced: boolean; locked?: boolean } {
  const marked = readString(SERVICES_PENDING) !== null;
  if (!marked && readString(SERVICES_SYNCED) === servicesFingerprint(readServices().services)) return { synced: false };
  const run = tryScriptLock(SERVICES_LOCK_WAIT_MS, () => {
    // Cleared before the tab is read: an edit made meanwhile marks again for the next run.
    deleteKey(SERVICES_PENDING);
    const { services } = readServices();
    for (const def of FORM_LIST) syncFormServices(def, services);
    updateInvitationLinks(services);
    ensurePrintMaterial(true);
    writeString(SERVICES_SYNCED, servicesFingerprint(services));
    return true;
  });
  if (!run.locked) console.warn('services: lock busy; the forms will follow at the next sweep');
  return run.locked ? { synced: true } : { synced: false, locked: true };
}

/** Each service's link to the emailed form, prefilled with the service: the only thing a link carries. */
function updateInvitationLinks(services: Service[]): void {
  const links = invitationLinks(services);
  if (links) writeServiceLinks(links);
}
