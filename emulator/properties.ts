/**
 * PropertiesService: script, document and per-user key-value stores of strings.
 * https://developers.google.com/apps-script/reference/properties/properties
 * Limits (9 KB per value, 500 KB per store):
 * https://developers.google.com/apps-script/guides/services/quotas#current_limitations
 */
import { gasError, type Core } from './core';

const MAX_VALUE_BYTES = 9 * 1024;
const MAX_STORE_BYTES = 500 * 1024;
/** Google's messages for the two limits (as reported from real executions). */
const VALUE_TOO_LARGE = 'Argument too large: value';
const STORE_FULL = 'You have exceeded the property storage quota. Please remove some properties and try again.';

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export class PropertiesFake
  implements
    Pick<
      GoogleAppsScript.Properties.Properties,
      'getProperty' | 'setProperty' | 'getProperties' | 'setProperties' | 'deleteProperty' | 'deleteAllProperties' | 'getKeys'
    >
{
  toString(): string {
    return 'Properties';
  }
  constructor(
    private readonly core: Core,
    private readonly store: Map<string, string>,
  ) {}

  getProperty(key: string): string | null {
    this.core.call('PropertiesService', 'getProperty');
    return this.store.get(String(key)) ?? null;
  }

  /** Values are stored as strings: setProperty('n', 5) reads back '5'. */
  setProperty(key: string, value: string): PropertiesFake {
    this.core.call('PropertiesService', 'setProperty');
    this.write([[String(key), String(value)]], false);
    return this;
  }

  /** A copy: changing the returned object changes nothing stored. */
  getProperties(): { [key: string]: string } {
    this.core.call('PropertiesService', 'getProperties');
    return Object.fromEntries(this.store);
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): PropertiesFake {
    this.core.call('PropertiesService', 'setProperties');
    this.write(
      Object.keys(properties).map((k) => [k, String(properties[k])]),
      deleteAllOthers,
    );
    return this;
  }

  deleteProperty(key: string): PropertiesFake {
    this.core.call('PropertiesService', 'deleteProperty');
    this.store.delete(String(key));
    return this;
  }

  deleteAllProperties(): PropertiesFake {
    this.core.call('PropertiesService', 'deleteAllProperties');
    this.store.clear();
    return this;
  }

  getKeys(): string[] {
    this.core.call('PropertiesService', 'getKeys');
    return [...this.store.keys()];
  }

  /** All-or-nothing: a write that breaks a limit leaves the store as it was. */
  private write(entries: Array<[string, string]>, deleteAllOthers: boolean): void {
    for (const [, value] of entries) {
      if (byteLength(value) > MAX_VALUE_BYTES) throw gasError(VALUE_TOO_LARGE);
    }
    const next = new Map(deleteAllOthers ? [] : this.store);
    for (const [key, value] of entries) next.set(key, value);
    let total = 0;
    for (const [key, value] of next) total += byteLength(key) + byteLength(value);
    if (total > MAX_STORE_BYTES) throw gasError(STORE_FULL);
    this.store.clear();
    for (const [key, value] of next) this.store.set(key, value);
  }
}

export class PropertiesServiceFake {
  private readonly scriptStore = new Map<string, string>();
  private readonly documentStore = new Map<string, string>();
  private readonly userStores = new Map<string, Map<string, string>>();
  readonly app: Pick<GoogleAppsScript.Properties.PropertiesService, 'getScriptProperties' | 'getDocumentProperties' | 'getUserProperties'>;

  constructor(core: Core) {
    this.app = {
      getScriptProperties: () => new PropertiesFake(core, this.scriptStore),
      getDocumentProperties: () => new PropertiesFake(core, this.documentStore),
      getUserProperties: () => new PropertiesFake(core, this.userStoreOf(core.current()?.user ?? core.user)),
    };
  }

  /** Harness: the stored script properties, without charging calls. */
  scriptProperties(): Record<string, string> {
    return Object.fromEntries(this.scriptStore);
  }

  private userStoreOf(user: string): Map<string, string> {
    let store = this.userStores.get(user);
    if (!store) {
      store = new Map();
      this.userStores.set(user, store);
    }
    return store;
  }
}
