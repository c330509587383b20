/**
 * The Google Forms: each form definition (domain/forms.ts) rendered once, its ids in the script
 * properties, then kept in step with the services tab. Later runs only update the service list in
 * place, so responses and item ids never change. The forms are not linked to the workbook: their
 * responses stay in the forms, which only the owner opens (adapters/form-responses.ts).
 */
import { ANSWER_MAX_CHARS, FORM_LIST, LIKERT_SCALE, groupedNumber, serviceItem } from '../domain/forms';
import { t } from '../domain/messages';
import { scaleLegend } from '../domain/paper-layout';
import { choiceFor, distinctServiceNames } from '../domain/services';
import type { FormDefinition, ItemDefinition, Service } from '../domain/types';
import { deleteKey, formKey, readFormRecord, readString, writeJson, writeString, type FormRecord } from './config';
import { createItem, FORM_MIME, getItem, updateItem } from './drive-api';
import { errorMessage } from '../domain/errors';

type Form = GoogleAppsScript.Forms.Form;

/** Google's UI shows "Other" for showOtherOption, in place of the annex's own last choice. */
function addItem(form: Form, item: ItemDefinition, serviceNames: string[]): { getId(): number } {
  switch (item.type) {
    case 'service':
      return form.addListItem().setTitle(item.ka).setChoiceValues(serviceNames).setRequired(item.required);
    case 'likert':
      return form
        .addScaleItem()
        .setTitle(item.ka)
        .setHelpText(scaleHelp())
        .setBounds(LIKERT_SCALE.min, LIKERT_SCALE.max)
        .setLabels(LIKERT_SCALE.minLabel, LIKERT_SCALE.maxLabel)
        .setRequired(item.required);
    case 'choice':
    case 'yesno': {
      const choice = form
        .addMultipleChoiceItem()
        .setTitle(item.ka)
        .setChoiceValues([...(item.choices ?? [])]);
      if (item.hasOther) choice.showOtherOption(true);
      return choice.setRequired(item.required);
    }
    case 'paragraph':
      return limitAnswer(form.addParagraphTextItem().setTitle(item.ka).setRequired(item.required));
  }
}

/**
 * A free-text answer is refused above ANSWER_MAX_CHARS, and the question says so: without a
 * limit Google takes any length, and an answer longer than a cell never reaches the response tab.
 * https://developers.google.com/apps-script/reference/forms/paragraph-text-validation-builder
 */
function limitAnswer(item: GoogleAppsScript.Forms.ParagraphTextItem): GoogleAppsScript.Forms.ParagraphTextItem {
  const limit = groupedNumber(ANSWER_MAX_CHARS);
  const rule = FormApp.createParagraphTextValidation()
    .requireTextLengthLessThanOrEqualTo(ANSWER_MAX_CHARS)
    .setHelpText(t('form.answer_too_long', { limit }))
    .build();
  item.setValidation(rule);
  const help = t('form.answer_limit', { limit });
  if (item.getHelpText() !== help) item.setHelpText(help);
  return item;
}

/**
 * The scale's words in the help text of every scale question: screen readers announce a question's
 * title and help, but not a linear scale's end labels, so "1 … 5" alone would mean nothing.
 */
function scaleHelp(): string {
  return t('form.scale_help', { legend: scaleLegend() });
}

/** Forms made before the limit (or the scale help) existed get it on the next setup run (their item ids stay). */
function limitAnswers(form: Form, def: FormDefinition, record: FormRecord): void {
  for (const item of def.items) {
    if (item.type === 'likert' && record.items[item.id] !== undefined) {
      const scale = form.getItemById(record.items[item.id]);
      if (scale && scale.getHelpText() !== scaleHelp()) scale.setHelpText(scaleHelp());
    }
    if (item.type !== 'paragraph' || record.items[item.id] === undefined) continue;
    const existing = form.getItemById(record.items[item.id]);
    if (existing) limitAnswer(existing.asParagraphTextItem());
  }
}

/**
 * The settings that exist only on Google Workspace: no sign-in and no "one response per user"
 * (which needs sign-in). On a consumer account they do not exist and the calls throw (Google:
 * setRequireLogin is "available only for forms created by Google Workspace users", and deprecated
 * in favour of the publish settings), and the form is anonymous without them. So each is tried
 * on its own and a refusal only logged.
 * https://developers.google.com/apps-script/reference/forms/form#setRequireLogin(Boolean)
 */
function tryWorkspaceOnlySettings(form: Form, key: string): void {
  const settings: Array<[string, () => void]> = [
    ['setRequireLogin(false)', () => form.setRequireLogin(false)],
    ['setLimitOneResponsePerUser(false)', () => form.setLimitOneResponsePerUser(false)],
  ];
  for (const [name, apply] of settings) {
    try {
      apply();
    } catch (err) {
      console.warn(`Form ${key}: ${name} refused (${errorMessage(err)}); on a consumer account the setting does not exist and the form stays anonymous`);
    }
  }
}

/**
 * Creates the Google Form for `def`, anonymous by construction: no email collection, no sign-in,
 * no "one response per user" (which would require sign-in), and no response destination: Google
 * would write each answer with its exact time into a tab every editor of the workbook can read.
 * The form is made by Drive's files.create (an empty Google Form), not FormApp.create: under the
 * `drive.file` scope the script reaches in Drive only what it made through the Drive API for
 * certain — and who may respond is a Drive permission on the form (adapters/form-access.ts).
 * The Drive name is the file's only: the title respondents see is set on its own.
 */
function createForm(def: FormDefinition, services: Service[], onCreated: (formId: string) => void = () => undefined): { form: Form; made: FormRecord } {
  const id = createItem(def.title, FORM_MIME).id;
  // Reported at once, so a run killed half-way leaves a form that the next run can find and discard.
  onCreated(id);
  const form = FormApp.openById(id);
  form
    .setTitle(def.title)
    .setDescription(def.onlineIntro ?? def.intro)
    .setConfirmationMessage(def.confirmation)
    .setCollectEmail(false)
    .setAllowResponseEdits(false)
    .setShowLinkToRespondAgain(def.onlineChannel === 'kiosk');
  tryWorkspaceOnlySettings(form, def.key);
  const names = serviceChoices(services);
  const items: Record<string, number> = {};
  for (const item of def.items) items[item.id] = addItem(form, item, names).getId();
  // Forms made through the API start unpublished and refuse responses until published.
  form.setPublished(true);
  return { form, made: { id: form.getId(), publishedUrl: form.getPublishedUrl(), responseSheet: '', items } };
}

/**
 * Discards a form a killed run left half-made: it goes to the Drive trash (recoverable for 30
 * days), so only the finished form collects responses. (One an earlier version made may still
 * write to the workbook: unlinked first.)
 */
function discardForm(formId: string): void {
  try {
    const form = FormApp.openById(formId);
    try {
      form.removeDestination();
    } catch (err) {
      console.warn(`Half-made form ${formId} had no destination (${String(err)})`);
    }
    updateItem(formId, { trashed: true });
    console.warn(`Discarded half-made form ${formId}`);
  } catch (err) {
    console.warn(`Half-made form ${formId} cannot be opened (${String(err)}); nothing to discard`);
  }
}

/**
 * The service list of a form: each name once (a list item's choices must differ), and never
 * empty — with no services yet the respondent can still say "other".
 */
function serviceChoices(services: Service[]): string[] {
  const names = distinctServiceNames(services);
  return names.length > 0 ? names : [t('form.no_services')];
}

/** Opens a stored form; null when it was deleted (setup then makes a new one). */
function openForm(record: FormRecord | null): Form | null {
  if (!record) return null;
  try {
    return FormApp.openById(record.id);
  } catch (err) {
    console.warn(`Form ${record.id} cannot be opened (${String(err)}); it will be recreated`);
    return null;
  }
}

/** Carries the services tab into the form's service list, in place. */
function syncServiceChoices(form: Form, def: FormDefinition, record: FormRecord, services: Service[]): void {
  const serviceItem = def.items.find((i) => i.type === 'service');
  if (!serviceItem) return;
  const item = form.getItemById(record.items[serviceItem.id]);
  if (!item) throw new Error(`Form ${record.id} lost its service item ${serviceItem.id}`);
  const list = item.asListItem();
  const wanted = serviceChoices(services);
  const current = list.getChoices().map((c) => c.getValue());
  if (current.length !== wanted.length || current.some((v, i) => v !== wanted[i])) list.setChoiceValues(wanted);
}

/**
 * The N2 link of each service name: Google's own prefilled URL with the service and nothing
 * else, so no response can be tied to a case. The item is looked up once for all names; a name
 * the list shows once under another spelling gets that choice's link.
 */
function prefilledServiceUrls(form: Form, def: FormDefinition, record: FormRecord, serviceNames: string[]): Map<string, string> {
  const links = new Map<string, string>();
  const serviceItem = def.items.find((i) => i.type === 'service');
  const item = serviceItem ? form.getItemById(record.items[serviceItem.id]) : null;
  const list = item ? item.asListItem() : null;
  const choices = list ? list.getChoices().map((c) => c.getValue()) : [];
  for (const name of serviceNames) {
    const choice = choiceFor(name, choices);
    links.set(
      name,
      shortLink(
        form,
        list && choice !== undefined ? form.createResponse().withItemResponse(list.createResponse(choice)).toPrefilledUrl() : record.publishedUrl,
      ),
    );
  }
  return links;
}

/**
 * Forms' own short link (forms.gle) of a long form URL: what an invitation shows and a person can
 * type. A prefilled URL keeps its values through it. The long URL when Google refuses.
 * https://developers.google.com/apps-script/reference/forms/form#shortenFormUrl(String)
 */
function shortLink(form: Form, url: string): string {
  try {
    return form.shortenFormUrl(url);
  } catch (err) {
    console.warn(`Forms would not shorten ${url} (${errorMessage(err)}); the long link is used`);
    return url;
  }
}

/** A form made before its title was set explicitly shows no title to respondents: give it its title. */
function syncTitle(form: Form, def: FormDefinition): void {
  if (form.getTitle() !== def.title) form.setTitle(def.title);
  // A form made when its description was the annex's paper intro gets the online one.
  const description = def.onlineIntro ?? def.intro;
  if (form.getDescription() !== description) form.setDescription(description);
}

/** Brings a form's service list in step with the services; false when the form is not made yet (or gone). */
export function syncFormServices(def: FormDefinition, services: Service[]): boolean {
  const stored = readFormRecord(def.key);
  const form = openForm(stored);
  if (!form || !stored) return false;
  syncServiceChoices(form, def, stored, services);
  return true;
}

/**
 * Makes the form unless it exists (then only its title and service list are brought in step);
 * `created` when it was made.
 */
export function ensureForm(def: FormDefinition, services: Service[]): { created: boolean; id: string } {
  const stored = readFormRecord(def.key);
  const form = openForm(stored);
  if (form && stored) {
    syncTitle(form, def);
    syncServiceChoices(form, def, stored, services);
    limitAnswers(form, def, stored);
    return { created: false, id: stored.id };
  }
  // A run killed while making this form left it half-made: discard it rather than keep two.
  const pendingKey = `${formKey(def.key)}.pending`;
  const pending = readString(pendingKey);
  if (pending && pending !== stored?.id) discardForm(pending);
  const { made } = createForm(def, services, (id) => writeString(pendingKey, id));
  writeJson(formKey(def.key), made satisfies FormRecord);
  deleteKey(pendingKey);
  return { created: true, id: made.id };
}

/** The address staff open to edit a form (its Drive editor link). */
export function formEditUrl(formId: string): string {
  return FormApp.openById(formId).getEditUrl();
}

/**
 * The N2 link of each service code, from the emailed form (the one whose service item is
 * prefilled); its plain link where a service has none. Null before that form exists.
 */
export function invitationLinks(services: Service[]): Map<string, string> | null {
  const def = FORM_LIST.find((candidate) => serviceItem(candidate)?.prefilled);
  if (!def) return null;
  const record = readFormRecord(def.key);
  const form = openForm(record);
  if (!form || !record) return null;
  const byName = prefilledServiceUrls(
    form,
    def,
    record,
    services.map((s) => s.ka),
  );
  return new Map(services.map((s) => [s.code, byName.get(s.ka) ?? record.publishedUrl]));
}

/** Annex item id → the title the live form gives it now (a re-worded question keeps its item id). */
export function currentItemTitles(record: FormRecord): Record<string, string> {
  let form: Form;
  try {
    form = FormApp.openById(record.id);
  } catch (err) {
    console.warn(`collect: form ${record.id} cannot be opened (${String(err)}); mapping by remembered titles`);
    return {};
  }
  const byItemId = new Map<number, string>();
  for (const item of form.getItems()) byItemId.set(item.getId(), item.getTitle());
  const titles: Record<string, string> = {};
  for (const [annexId, itemId] of Object.entries(record.items)) {
    const title = byItemId.get(itemId);
    if (title !== undefined) titles[annexId] = title;
  }
  return titles;
}

/** A form as the self-check finds it: not made yet, made but not openable, or its state. */
export type FormInspection =
  | { state: 'missing' }
  | { state: 'gone'; reason: string }
  | {
      state: 'found';
      record: FormRecord;
      editUrl: string;
      trashed: boolean;
      /** null where Google does not say (a form made before publishing existed is always published). */
      published: boolean | null;
      accepting: boolean;
      title: string;
    };

/** What the form of `def` is now, read only (a handful of calls, none per item). */
export function inspectForm(def: FormDefinition): FormInspection {
  const record = readFormRecord(def.key);
  if (!record) return { state: 'missing' };
  let form: Form;
  try {
    form = FormApp.openById(record.id);
  } catch (err) {
    console.warn(`self-check: form ${def.key} (${record.id}) cannot be opened (${errorMessage(err)})`);
    return { state: 'gone', reason: errorMessage(err) };
  }
  let trashed = false;
  try {
    trashed = getItem(record.id).trashed;
  } catch (err) {
    console.warn(`self-check: form ${def.key} (${record.id}) has no Drive file to ask whether it is trashed (${errorMessage(err)})`);
  }
  let published: boolean | null = null;
  try {
    published = form.isPublished();
  } catch (err) {
    console.info(`self-check: form ${def.key} does not say whether it is published (${errorMessage(err)})`);
  }
  return { state: 'found', record, editUrl: form.getEditUrl(), trashed, published, accepting: form.isAcceptingResponses(), title: form.getTitle() };
}

/**
 * Whether Google lets this account use a Workspace-only Forms setting: the form's own "requires
 * sign-in" value is set again, which changes nothing where it is allowed and throws on a consumer
 * account (Form.setRequireLogin: "available only for forms created by Google Workspace users").
 * Null when there is no form to ask.
 * https://developers.google.com/apps-script/reference/forms/form#setRequireLogin(Boolean)
 */
export function acceptsWorkspaceOnlyFormSettings(): boolean | null {
  for (const def of FORM_LIST) {
    const form = openForm(readFormRecord(def.key));
    if (!form) continue;
    try {
      form.setRequireLogin(form.requiresLogin());
      return true;
    } catch (err) {
      console.info(`self-check: form ${def.key} refuses a Workspace-only setting (${errorMessage(err)}): a consumer account`);
      return false;
    }
  }
  return null;
}
