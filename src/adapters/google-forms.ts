/**
 * Renders a form definition (domain/forms.ts) as a Google Form, and keeps it in step with the
 * services tab. Creating is done once; later runs only update the service list in place, so
 * responses and item ids never change.
 */
import type { FormDefinition, ItemDefinition, Service } from '../domain/types';
import { LIKERT_SCALE } from '../domain/forms';
import type { FormRecord } from './config';

type Form = GoogleAppsScript.Forms.Form;

/** Google's UI shows "Other" for showOtherOption; the annex's own last choice is "სხვა". */
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
      const choice = form.addMultipleChoiceItem().setTitle(item.ka).setChoiceValues([...(item.choices ?? [])]);
      if (item.hasOther) choice.showOtherOption(true);
      return choice.setRequired(item.required);
    }
    case 'paragraph':
      return form.addParagraphTextItem().setTitle(item.ka).setRequired(item.required);
  }
}

/**
 * Creates the Google Form for `def`, anonymous by construction: no email collection, no sign-in,
 * no "one response per user" (which would require sign-in), responses into `spreadsheetId`.
 */
export function createForm(
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
export function discardForm(formId: string): void {
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
  return names.length > 0 ? names : ['სხვა'];
}

/** Opens a stored form; null when it was deleted (setup then makes a new one). */
export function openForm(record: FormRecord | null): Form | null {
  if (!record) return null;
  try {
    return FormApp.openById(record.id);
  } catch (err) {
    console.warn(`Form ${record.id} cannot be opened (${String(err)}); it will be recreated`);
    return null;
  }
}

/** Carries the services tab into the form's service list, in place. */
export function syncServiceChoices(form: Form, def: FormDefinition, record: FormRecord, services: Service[]): void {
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
export function prefilledServiceUrls(form: Form, def: FormDefinition, record: FormRecord, serviceNames: string[]): Map<string, string> {
  const links = new Map<string, string>();
  const serviceItem = def.items.find((i) => i.type === 'service');
  const item = serviceItem ? form.getItemById(record.items[serviceItem.id]) : null;
  const list = item ? item.asListItem() : null;
  for (const name of serviceNames) {
    links.set(name, list ? form.createResponse().withItemResponse(list.createResponse(name)).toPrefilledUrl() : record.publishedUrl);
  }
  return links;
}
