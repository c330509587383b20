/**
 * The Google Forms: each form definition (domain/forms.ts) rendered once, with its response tab
 * in the workbook and its ids in the script properties, then kept in step with the services tab.
 * Later runs only update the service list in place, so responses and item ids never change.
 */
import { ANSWER_MAX_CHARS, FORM_LIST, LIKERT_SCALE, groupedNumber, serviceItem } from '../domain/forms';
import { t } from '../domain/messages';
import type { FormDefinition, ItemDefinition, Service } from '../domain/types';
import { deleteKey, formKey, readFormRecord, readString, writeJson, writeString, type FormRecord } from './config';
import { activeWorkbook } from './tables';

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

/** Forms made before the limit existed get it on the next setup run (their item ids stay). */
function limitAnswers(form: Form, def: FormDefinition, record: FormRecord): void {
  for (const item of def.items) {
    if (item.type !== 'paragraph' || record.items[item.id] === undefined) continue;
    const existing = form.getItemById(record.items[item.id]);
    if (existing) limitAnswer(existing.asParagraphTextItem());
  }
}

/**
 * Creates the Google Form for `def`, anonymous by construction: no email collection, no sign-in,
 * no "one response per user" (which would require sign-in), responses into `spreadsheetId`.
 */
function createForm(
  def: FormDefinition,
  services: Service[],
  spreadsheetId: string,
  onCreated: (formId: string) => void = () => undefined,
): Omit<FormRecord, 'responseSheet'> {
  const form = FormApp.create(def.title);
  // Reported at once, so a run killed half-way leaves a form that the next run can find and discard.
  onCreated(form.getId());
  form
    .setDescription(def.intro)
    .setConfirmationMessage(def.confirmation)
    .setCollectEmail(false)
    .setRequireLogin(false)
    .setLimitOneResponsePerUser(false)
    .setAllowResponseEdits(false)
    .setShowLinkToRespondAgain(def.onlineChannel === 'kiosk');
  const names = serviceChoices(services);
  const items: Record<string, number> = {};
  for (const item of def.items) items[item.id] = addItem(form, item, names).getId();
  form.setDestination(FormApp.DestinationType.SPREADSHEET, spreadsheetId);
  // Forms made through the API start unpublished and refuse responses until published.
  form.setPublished(true);
  return { id: form.getId(), publishedUrl: form.getPublishedUrl(), items };
}

/**
 * Discards a form a killed run left half-made: it stops writing to the workbook and goes to the
 * Drive trash (recoverable for 30 days), so only the finished form collects responses.
 */
function discardForm(formId: string): void {
  try {
    const form = FormApp.openById(formId);
    try {
      form.removeDestination();
    } catch (err) {
      console.warn(`Half-made form ${formId} had no destination (${String(err)})`);
    }
    DriveApp.getFileById(formId).setTrashed(true);
    console.warn(`Discarded half-made form ${formId}`);
  } catch (err) {
    console.warn(`Half-made form ${formId} cannot be opened (${String(err)}); nothing to discard`);
  }
}

/** A list item needs at least one choice; with no services yet the respondent can still say "other". */
function serviceChoices(services: Service[]): string[] {
  const names = services.map((s) => s.ka);
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
 * else, so no response can be tied to a case. The item is looked up once for all names.
 */
function prefilledServiceUrls(form: Form, def: FormDefinition, record: FormRecord, serviceNames: string[]): Map<string, string> {
  const links = new Map<string, string>();
  const serviceItem = def.items.find((i) => i.type === 'service');
  const item = serviceItem ? form.getItemById(record.items[serviceItem.id]) : null;
  const list = item ? item.asListItem() : null;
  for (const name of serviceNames) {
    links.set(name, list ? form.createResponse().withItemResponse(list.createResponse(name)).toPrefilledUrl() : record.publishedUrl);
  }
  return links;
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
 * Makes the form unless it exists (then only its service list is synced); true when it was made.
 * Its response tab gets a stable Georgian name and a warning against editing by hand.
 */
export function ensureForm(def: FormDefinition, services: Service[]): boolean {
  const stored = readFormRecord(def.key);
  const form = openForm(stored);
  if (form && stored) {
    syncServiceChoices(form, def, stored, services);
    limitAnswers(form, def, stored);
    return false;
  }
  const ss = activeWorkbook();
  // A run killed while making this form left it half-made: discard it rather than keep two.
  const pendingKey = `${formKey(def.key)}.pending`;
  const pending = readString(pendingKey);
  if (pending && pending !== stored?.id) discardForm(pending);
  const before = new Set(ss.getSheets().map((s) => s.getName()));
  const made = createForm(def, services, ss.getId(), (id) => writeString(pendingKey, id));
  SpreadsheetApp.flush();
  const responseSheet = ss.getSheets().find((s) => !before.has(s.getName()));
  if (!responseSheet) throw new Error(`Google did not create the response tab of form ${def.key}`);
  const name = t('tab.responses', { form: def.key });
  const clash = ss.getSheetByName(name);
  if (clash && clash.getSheetId() !== responseSheet.getSheetId()) clash.setName(t('tab.responses_old', { name, id: clash.getSheetId() }));
  responseSheet.setName(name);
  // Google's form keeps writing here; the warning stops staff from editing raw responses by hand.
  responseSheet.protect().setDescription(`ukukavshiri:raw.${def.key}`).setWarningOnly(true);
  writeJson(formKey(def.key), { ...made, responseSheet: name } satisfies FormRecord);
  deleteKey(pendingKey);
  return true;
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
