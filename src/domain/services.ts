/**
 * The social services / subprograms of the services tab (shared/annexes.md), and how a typed or
 * picked service is matched to one of them.
 */
import { matchKey } from './sanitize';
import type { Service } from './types';

function service(code: string, ka: string, en: string, invite = true): Service {
  return { code, ka, en, invite };
}

/** The initial services tab; staff confirm it against the year's budget resolution. */
export const DEFAULT_SERVICES: Service[] = [
  service('canteen', 'სოციალურად დაუცველი მოსახლეობის ყოველდღიური უფასო კვება', 'free daily meals (canteen)'),
  service('newborn', 'ახალშობილთა ოჯახების ერთჯერადი ფინანსური დახმარება', 'newborn allowance'),
  service('large_family', 'მრავალშვილიანი ოჯახების ერთჯერადი ფინანსური დახმარება', 'large families'),
  service('disabled_child', 'შეზღუდული შესაძლებლობის მქონე 18 წლამდე ბავშვების ერთჯერადი ფინანსური დახმარება', 'children with disabilities'),
  service('lost_breadwinner', 'მარჩენალდაკარგული ოჯახების ერთჯერადი ფინანსური დახმარება', 'families who lost a breadwinner'),
  service('veterans', 'ომისა და სამხედრო ვეტერანთა ერთჯერადი ფინანსური დახმარება', 'war and military veterans'),
  service('fire', 'ხანძრის შედეგად დაზარალებული ოჯახების ფინანსური დახმარება', 'families hit by a house fire'),
  service('rent', 'უსახლკარო ოჯახების საცხოვრებელი ბინის ქირით უზრუნველყოფა', 'rent for homeless families'),
  service('firewood', 'სოციალურად დაუცველი ოჯახების საშეშე მერქნით უზრუნველყოფა', 'firewood'),
  service('holiday_food', 'საახალწლო და სააღდგომო სასურსათო პაკეტები', 'New Year and Easter food packs'),
  service('medical', 'მკურნალობისა და ოპერაციების თანადაფინანსება', 'co-financing of treatment and operations'),
  service('centenarian', '100 წელს გადაცილებულ პირთა ერთჯერადი დახმარება', 'people aged 100 and over'),
  // A bereaved family is not asked to rate the service that paid for a funeral; staff may turn
  // the invitation on in the services tab.
  service('funeral', 'დაკრძალვის ხარჯების დახმარება', 'funeral expenses', false),
  service('one_time_aid', 'ერთჯერადი ფინანსური დახმარება განსაკუთრებულ შემთხვევებში', 'one-off aid in special cases'),
  service('other', 'სხვა', 'other'),
];

/** The code every feedback row gets when its service cannot be resolved. */
export const UNKNOWN_SERVICE = 'unknown';

/**
 * The service a code or a Georgian name stands for. Tolerates what copy, paste and typing add:
 * surrounding and doubled spaces, zero-width characters, Latin case, Mtavruli capitals.
 */
export function resolveService(input: string, services: readonly Service[]): Service | null {
  const key = matchKey(input);
  if (key === '') return null;
  return services.find((s) => matchKey(s.code) === key) ?? services.find((s) => matchKey(s.ka) === key) ?? null;
}

const OTHER = DEFAULT_SERVICES[DEFAULT_SERVICES.length - 1];

/** "Other" (by its code or its name) is a catch-all: it stays last however staff order the tab. */
export function isOtherService(service: Service): boolean {
  return service.code.trim() === OTHER.code || matchKey(service.ka) === matchKey(OTHER.ka);
}

/** The services in the tab's order, but "other" at the end (a service added below it goes above it). */
export function otherLast(services: readonly Service[]): Service[] {
  return [...services.filter((s) => !isOtherService(s)), ...services.filter(isOtherService)];
}

/**
 * The service names a form lists (the online forms, the paper form), "other" last: each once, in the tab's order, as first spelled. A name typed
 * twice (or twice but for spacing and case) would offer the same choice twice, and a respondent's
 * pick could not tell the two apart (resolveService takes the first anyway).
 */
export function distinctServiceNames(services: readonly Service[]): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const s of otherLast(services)) {
    const name = s.ka.trim();
    const key = matchKey(name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}

/** The choice of a form's service list that stands for `name` (distinctServiceNames kept one spelling). */
export function choiceFor(name: string, choices: readonly string[]): string | undefined {
  const key = matchKey(name);
  return choices.find((choice) => matchKey(choice) === key);
}

/**
 * A short fingerprint of the services list as the forms, the N2 links and the print material use
 * it (code, name, invite, in order): the hourly sweep compares it with the one last synced, so that
 * a services change no edit trigger marked (written by a script, or an edit refused when the day's
 * trigger runtime was spent) still reaches the forms. FNV-1a over the list's JSON.
 */
export function servicesFingerprint(services: readonly Service[]): string {
  const text = JSON.stringify(services.map((s) => [s.code, s.ka, s.invite]));
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${services.length}:${hash.toString(16)}`;
}
