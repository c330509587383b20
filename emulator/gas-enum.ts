/**
 * Apps Script enums (DriveApp.Access, DocumentApp.ParagraphHeading …) are objects, not numbers:
 * each value is a singleton that prints as its name (`String(DriveApp.Access.PRIVATE)` is
 * "PRIVATE"), has `name()` and `ordinal()`, and compares by identity. Used as an object key (as in
 * `style[DocumentApp.Attribute.BOLD] = true`) it becomes its name.
 * https://developers.google.com/apps-script/reference/drive/access
 * The @types declare them as TypeScript numeric enums, so a built enum is cast to that type.
 */

export interface GasEnumValue {
  name(): string;
  ordinal(): number;
  toString(): string;
  toJSON(): string;
}

const enumValues = new WeakSet<object>();

/** Builds an enum object with one frozen value per name, typed as the @types enum `T`. */
export function makeEnum<T>(names: readonly string[]): T {
  const result: Record<string, GasEnumValue> = {};
  names.forEach((valueName, index) => {
    const value: GasEnumValue = {
      name: () => valueName,
      ordinal: () => index,
      toString: () => valueName,
      toJSON: () => valueName,
    };
    enumValues.add(value);
    result[valueName] = Object.freeze(value);
  });
  return Object.freeze(result) as unknown as T;
}

/** The name of an enum value; null for anything that is not one of ours. */
export function enumName(value: unknown): string | null {
  if (typeof value === 'object' && value !== null && enumValues.has(value)) return (value as GasEnumValue).name();
  return null;
}

/** ScriptApp.AuthMode, shared by every event object the fakes build. */
export const AUTH_MODE = makeEnum<GoogleAppsScript.Script.ScriptApp['AuthMode']>(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);

/** Looks a value up by name in an enum built with makeEnum. */
export function enumValue<T>(enumObject: unknown, name: string): T {
  return (enumObject as Record<string, unknown>)[name] as T;
}
