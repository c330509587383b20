/**
 * Themes of free-text feedback, found by Georgian word stems. Georgian inflects by suffixes
 * (-ი, -ის, -ში, -ზე, -ით, -ად …), so a stem matched at the start of a word finds every case form:
 * 'რიგ' finds რიგი, რიგში, რიგის. Staff edit the list in the themes tab.
 */
import { matchKey } from './sanitize';
import type { FeedbackRecord } from './types';

export interface Theme {
  id: string;
  /** Georgian label shown in the reports. */
  ka: string;
  en: string;
  /** Stems matched at the start of a word (folded: Mtavruli and Latin capitals are lowered). */
  keywords: string[];
}

export const DEFAULT_THEMES: Theme[] = [
  { id: 'waiting', ka: 'რიგი და ლოდინი', en: 'Queues and waiting', keywords: ['რიგ', 'ლოდინ', 'დაგვიანებ', 'ელოდ'] },
  { id: 'documents', ka: 'დოკუმენტები', en: 'Documents', keywords: ['დოკუმენტ', 'ცნობ', 'საბუთ'] },
  {
    id: 'staff_attitude',
    ka: 'თანამშრომლების დამოკიდებულება',
    en: 'Staff attitude',
    keywords: ['თანამშრომ', 'უხეშ', 'თავაზიან', 'ყურადღებ', 'უყურადღებ'],
  },
  { id: 'information', ka: 'ინფორმაცია და ახსნა', en: 'Information and explanation', keywords: ['ინფორმაცი', 'ახსნ', 'განმარტ', 'გაურკვევ'] },
  { id: 'aid_amount', ka: 'დახმარების ოდენობა', en: 'Amount of aid', keywords: ['თანხ', 'ოდენობ', 'მცირე', 'ლარ'] },
  {
    id: 'accessibility',
    ka: 'შენობის ხელმისაწვდომობა',
    en: 'Accessibility of the building',
    keywords: ['შენობ', 'კიბ', 'ეტლ', 'პანდუს', 'ხელმისაწვდომ'],
  },
  { id: 'decision_speed', ka: 'გადაწყვეტილების ვადა', en: 'Speed of the decision', keywords: ['ვად', 'დიდხანს', 'სწრაფ', 'გაჭიანურ'] },
  { id: 'online', ka: 'ონლაინ მომსახურება', en: 'Online and digital service', keywords: ['ონლაინ', 'ელფოსტ', 'ვებგვერდ', 'ინტერნეტ', 'online'] },
];

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[0-9a-z\u10D0-\u10FF]/.test(char);
}

/** Whether `stem` occurs in `text` at the start of a word (both already folded). */
function startsAWord(text: string, stem: string): boolean {
  for (let at = text.indexOf(stem); at >= 0; at = text.indexOf(stem, at + 1)) {
    if (!isWordChar(text[at - 1])) return true;
  }
  return false;
}

/** Ids of the themes whose stems start a word of the text, in the order of `themes`. */
export function tagThemes(text: string, themes: readonly Theme[]): string[] {
  const folded = matchKey(text);
  if (folded === '') return [];
  const matches = (keyword: string): boolean => {
    const stem = matchKey(keyword);
    return stem !== '' && startsAWord(folded, stem);
  };
  return themes.filter((theme) => theme.keywords.some(matches)).map((theme) => theme.id);
}

/** Keywords as staff type them in one cell: separated by commas or semicolons. */
export function parseKeywords(cell: string): string[] {
  return cell.split(/[,;]/).map((k) => k.trim()).filter((k) => k !== '');
}

/** The themes a record counts under: staff tags, when present, override the automatic ones. */
export function effectiveThemes(record: Pick<FeedbackRecord, 'themes' | 'staffTags'>): string[] {
  return record.staffTags.length > 0 ? record.staffTags : record.themes;
}
