/**
 * What setup remembers between executions (form ids, item ids, folder ids, document ids per
 * period), in the script properties. Values are small: ids and short JSON maps, far below the
 * 9 KB per value limit.
 */
export interface FormRecord {
  id: string;
  publishedUrl: string;
  /**
   * The workbook tab an earlier version had Google write this form's responses into; '' for a form
   * made unlinked or once migrated (the form itself is then the raw store: adapters/form-responses.ts).
   */
  responseSheet: string;
  /** annex item id → Google Form item id: the mapping the collector relies on. */
  items: Record<string, number>;
}

const props = (): GoogleAppsScript.Properties.Properties => PropertiesService.getScriptProperties();

export function readJson<T>(key: string): T | null {
  const raw = props().getProperty(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    console.warn(`Property ${key} is not valid JSON; ignoring it`);
    return null;
  }
}

export function writeJson(key: string, value: unknown): void {
  props().setProperty(key, JSON.stringify(value));
}

export function readString(key: string): string | null {
  return props().getProperty(key);
}

export function writeString(key: string, value: string): void {
  props().setProperty(key, value);
}

export function deleteKey(key: string): void {
  props().deleteProperty(key);
}

export const formKey = (form: string): string => `form.${form}`;

/** Writes several properties in one call. */
export function writeAll(values: Record<string, string>): void {
  props().setProperties(values);
}

/** What setup stored of a form; null before setup made it. */
export function readFormRecord(form: string): FormRecord | null {
  return readJson<FormRecord>(formKey(form));
}
