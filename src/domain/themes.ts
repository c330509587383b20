/**
 * Themes of free-text feedback, found by Georgian word stems. Georgian inflects by suffixes
 * (-ი, -ის, -ში, -ზე, -ით, -ად …), so a stem matched at the start of a word finds every case form:
 * 'რიგ' finds რიგი, რიგში, რიგის. Staff edit the list in the themes tab.
 */
import { matchKey, unescapeFromSheet } from './sanitize';
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
  return cell
    .split(/[,;]/)
    .map((k) => k.trim())
    .filter((k) => k !== '');
}

/** The themes a record counts under: staff tags, when present, override the automatic ones. */
export function effectiveThemes(record: Pick<FeedbackRecord, 'themes' | 'staffTags'>): string[] {
  return record.staffTags.length > 0 ? record.staffTags : record.themes;
}

/** A row of the themes tab as read, before any cleaning. */
export interface ThemeRow {
  id: unknown;
  label: unknown;
  keywords: unknown;
}

const cellText = (value: unknown): string => (value === null || value === undefined ? '' : unescapeFromSheet(String(value)).trim());

/**
 * The themes collection tags with and reports name, from the themes tab: without the tab (null)
 * the default themes; with it, exactly its rows, so a tab staff emptied tags nothing. A row needs
 * an id; a second row of an id adds its keywords to the first. A default theme keeps its English
 * label (and its Georgian one when staff left the label blank); a theme staff added is labelled
 * by its Georgian name in both languages.
 */
export function themesOfTab(rows: readonly ThemeRow[] | null): Theme[] {
  if (rows === null) return DEFAULT_THEMES;
  const themes: Theme[] = [];
  for (const row of rows) {
    const id = cellText(row.id);
    if (id === '') continue;
    const keywords = parseKeywords(cellText(row.keywords));
    const earlier = themes.find((theme) => theme.id === id);
    if (earlier) {
      earlier.keywords.push(...keywords.filter((keyword) => !earlier.keywords.includes(keyword)));
      continue;
    }
    const known = DEFAULT_THEMES.find((theme) => theme.id === id);
    const ka = cellText(row.label) || known?.ka || id;
    themes.push({ id, ka, en: known?.en ?? ka, keywords });
  }
  return themes;
}

/**
 * The label of a theme id: staff's theme first, else the default theme of that id (feedback
 * tagged before staff changed the tab still reads well), else the id itself.
 */
export function themeLabel(id: string, themes: readonly Theme[], lang: 'ka' | 'en' = 'ka'): string {
  const theme = themes.find((candidate) => candidate.id === id) ?? DEFAULT_THEMES.find((candidate) => candidate.id === id);
  return theme ? theme[lang] : id;
}

/** Theme id → Georgian label for every theme staff keep and every default theme. */
export function themeLabels(themes: readonly Theme[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const theme of [...DEFAULT_THEMES, ...themes]) labels[theme.id] = themeLabel(theme.id, themes);
  return labels;
}
