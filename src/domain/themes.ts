/**
 * Themes and polarity of free-text feedback (../shared/themes.md): ten theme codes, four
 * polarities, one tagger for every free text of every channel. The default themes are found by
 * the rules of theme-rules.ts over the lexicon of theme-lexicon.ts (Georgian morphology,
 * negation, Mtavruli, typos, Russian words, Georgian typed in Latin letters); keywords staff add
 * in the themes tab — to a default theme or to a theme of their own — are matched as word stems
 * in the same spelling. Staff corrections in the feedback table (staff_tags, staff_polarity)
 * always win and are never overwritten.
 */
import { words } from './georgian-text';
import { compilePattern, matchPositions, type Pattern } from './theme-lexicon';
import { POLARITIES, THEME_CODES, readText, rulePolarity, ruleThemes, type Polarity, type ThemeCode } from './theme-rules';
import { unescapeFromSheet } from './sanitize';
import type { FeedbackRecord } from './types';

export { POLARITIES, THEME_CODES, type Polarity, type ThemeCode } from './theme-rules';

export interface Theme {
  id: string;
  /** Georgian label shown in the reports. */
  ka: string;
  en: string;
  /** Word stems as staff type them ("*stem" anywhere in a word, "=word" the whole word). */
  keywords: string[];
}

/** The themes of ../shared/themes.md; the keywords shown in the themes tab are a sample of what the rules look for. */
export const DEFAULT_THEMES: Theme[] = [
  { id: 'queue', ka: 'რიგი და ლოდინი მერიაში', en: 'Queue and waiting at City Hall', keywords: ['რიგ', 'მოსაცდელ', 'მიღების საათ'] },
  { id: 'decision_time', ka: 'განხილვის ვადა', en: 'Time to a decision', keywords: ['განხილვის ვადა', 'გადაწყვეტილება დაგვიანდა'] },
  { id: 'payment_delay', ka: 'ჩარიცხვა და მიწოდება', en: 'Transfer and delivery', keywords: ['ჩარიცხ', 'შეშა არ მოიტანეს'] },
  { id: 'documents', ka: 'საჭირო დოკუმენტები', en: 'Documents required', keywords: ['დოკუმენტ', 'ცნობ', 'საბუთ'] },
  { id: 'information', ka: 'ინფორმაცია და ახსნა', en: 'Information and explanation', keywords: ['ინფორმაცი', 'ახსნ', 'განმარტ'] },
  { id: 'staff', ka: 'თანამშრომლების მოპყრობა', en: 'How staff treated people', keywords: ['თანამშრომ', 'უხეშ', 'თავაზიან'] },
  { id: 'aid_amount', ka: 'დახმარების ოდენობა', en: 'Amount of aid', keywords: ['ოდენობ', 'თანხა ცოტაა'] },
  { id: 'eligibility', ka: 'კრიტერიუმები და უარი', en: 'Eligibility and refusals', keywords: ['კრიტერიუმ', 'უარ', 'სარეიტინგო ქულ'] },
  { id: 'access', ka: 'შენობა და მისასვლელობა', en: 'Building and access', keywords: ['შენობ', 'კიბ', 'პანდუს', 'ტრანსპორტ'] },
  { id: 'online', ka: 'ონლაინ და დისტანციური მომსახურება', en: 'Online and remote service', keywords: ['ონლაინ', 'ვებგვერდ', 'ელფოსტ'] },
];

/** Ids the first version of the product used, read as today's codes (old workbooks, old tags). */
const LEGACY_IDS: Record<string, string> = { waiting: 'queue', staff_attitude: 'staff', accessibility: 'access', decision_speed: 'decision_time' };

export function currentThemeId(id: string): string {
  return LEGACY_IDS[id] ?? id;
}

const DEFAULT_IDS = new Set<string>(THEME_CODES);

/** Staff's keywords compiled, per theme list (a run tags many texts with one list). */
const compiledKeywords = new WeakMap<readonly Theme[], Array<{ id: string; patterns: Pattern[] }>>();

function staffPatterns(themes: readonly Theme[]): Array<{ id: string; patterns: Pattern[] }> {
  let compiled = compiledKeywords.get(themes);
  if (!compiled) {
    compiled = themes.map((theme) => {
      const defaults = DEFAULT_THEMES.find((d) => d.id === theme.id)?.keywords ?? [];
      // A default theme's own sample keywords are covered by its rules (and would bypass them).
      const extra = theme.keywords.filter((k) => !defaults.includes(k));
      return { id: theme.id, patterns: extra.map(compilePattern).filter((p): p is Pattern => p !== null) };
    });
    compiledKeywords.set(themes, compiled);
  }
  return compiled;
}

/** Words staff put before a logged note to say where it came from ("Facebook-ის კომენტარი:"). */
const SOURCE_WORDS = /facebook|instagram|tiktok|ფეისბუქ|ინსტაგრამ|კომენტარ|პოსტ|შეტყობინებ|წერილ|ზარ|ფორმიდან|ვებგვერდის|messenger|მესენჯერ/i;

/**
 * A note without the label of its source: "Facebook-ის კომენტარი: შეშა ნედლია" is about the
 * firewood, not about online service (the channel is recorded in its own column).
 */
export function withoutSourceLabel(text: string): string {
  const colon = text.indexOf(':');
  if (colon < 0 || colon > 60) return text;
  const label = text.slice(0, colon);
  return label.split(/\s+/).length <= 5 && SOURCE_WORDS.test(label) ? text.slice(colon + 1) : text;
}

export interface Tagging {
  themes: string[];
  polarity: Polarity;
}

/**
 * The themes (in the order of `themes`) and the polarity of a text. The rules tag only the default
 * themes the list still holds, so a themes tab staff emptied tags nothing.
 */
export function tagText(text: string, themes: readonly Theme[]): Tagging {
  const content = withoutSourceLabel(text);
  const list = words(content);
  if (list.length === 0) return { themes: [], polarity: 'none' };
  const reading = readText(list);
  const byRules = ruleThemes(reading);
  const found = themes.filter((theme) => DEFAULT_IDS.has(theme.id) && byRules.has(theme.id as ThemeCode)).map((theme) => theme.id);
  for (const { id, patterns } of staffPatterns(themes)) {
    if (!found.includes(id) && patterns.some((pattern) => matchPositions(reading.words, pattern).length > 0)) found.push(id);
  }
  const ordered = themes.map((theme) => theme.id).filter((id, i, ids) => found.includes(id) && ids.indexOf(id) === i);
  return { themes: ordered, polarity: rulePolarity(reading, ordered.length, /\?\s*$/.test(content)) };
}

/** Which polarity wins when a record holds several texts: a problem first (themes.md), then a proposal, then praise. */
const DOMINANCE: readonly Polarity[] = ['problem', 'suggestion', 'praise', 'none'];

export interface RecordTagging extends Tagging {
  /** Themes of the record's praise texts when its polarity is not praise (N2's "what you liked" beside a problem). */
  praiseThemes: string[];
}

/**
 * The themes and polarity of a record's free texts (N2 has three). The record's polarity is the
 * dominant one and its themes are those of the texts of that polarity, so that "staff were
 * attentive" beside "the money came late" does not make the staff a problem; the themes of its
 * praise texts are kept apart, for what people liked.
 */
export function tagTexts(texts: readonly string[], themes: readonly Theme[]): RecordTagging {
  const taggings = texts.filter((text) => text.trim() !== '').map((text) => tagText(text, themes));
  const polarity = DOMINANCE.find((p) => taggings.some((tagging) => tagging.polarity === p)) ?? 'none';
  const ids = themes.map((theme) => theme.id).filter((id, i, all) => all.indexOf(id) === i);
  const of = (polarities: readonly Polarity[]): string[] =>
    ids.filter((id) => taggings.some((tagging) => polarities.includes(tagging.polarity) && tagging.themes.includes(id)));
  // Neutral texts carry no evaluation: their themes go with the record's own.
  return { themes: of([polarity, 'none']), polarity, praiseThemes: polarity === 'praise' ? [] : of(['praise']) };
}

/** Ids of the themes found in the text, in the order of `themes`. */
export function tagThemes(text: string, themes: readonly Theme[]): string[] {
  return tagText(text, themes).themes;
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
  const ids = (record.staffTags.length > 0 ? record.staffTags : record.themes).map(currentThemeId);
  return ids.filter((id, i) => ids.indexOf(id) === i);
}

/** The polarity a record counts under: staff's, when set, overrides the automatic one. */
export function effectivePolarity(record: Pick<FeedbackRecord, 'polarity' | 'staffPolarity'>): Polarity {
  return record.staffPolarity ?? record.polarity;
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
 * an id (an id of the first version is read as today's code); a second row of an id adds its
 * keywords to the first. A default theme keeps its English label (and its Georgian one when staff
 * left the label blank); a theme staff added is labelled by its Georgian name in both languages.
 */
export function themesOfTab(rows: readonly ThemeRow[] | null): Theme[] {
  if (rows === null) return DEFAULT_THEMES;
  const themes: Theme[] = [];
  for (const row of rows) {
    const id = currentThemeId(cellText(row.id));
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
 * A themes tab of the product's first version (it holds one of the old ids) moves to the codes of
 * themes.md once, when setup runs: its old ids are renamed, and the default themes it lacks
 * (ჩარიცხვა და მიწოდება, კრიტერიუმები და უარი) are added — without them the new codes would
 * never be tagged. A tab without old ids is staff's own choice and is left as it stands.
 */
export function themesTabMigration(ids: readonly string[]): { renamed: Array<{ index: number; id: string }>; added: Theme[] } {
  const renamed = ids.map((id, index) => ({ index, id: LEGACY_IDS[id.trim()] })).filter((entry): entry is { index: number; id: string } => !!entry.id);
  if (renamed.length === 0) return { renamed, added: [] };
  const present = new Set(ids.map((id) => currentThemeId(id.trim())));
  return { renamed, added: DEFAULT_THEMES.filter((theme) => !present.has(theme.id)) };
}

/**
 * The label of a theme id: staff's theme first, else the default theme of that id (feedback
 * tagged before staff changed the tab still reads well), else the id itself.
 */
export function themeLabel(id: string, themes: readonly Theme[], lang: 'ka' | 'en' = 'ka'): string {
  const current = currentThemeId(id);
  const theme = themes.find((candidate) => candidate.id === current) ?? DEFAULT_THEMES.find((candidate) => candidate.id === current);
  return theme ? theme[lang] : id;
}

/** Theme id → Georgian label for every theme staff keep and every default theme. */
export function themeLabels(themes: readonly Theme[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const theme of [...DEFAULT_THEMES, ...themes]) labels[theme.id] = themeLabel(theme.id, themes);
  return labels;
}

/** A polarity as staff type it in the feedback table: the code or its Georgian name; null if neither. */
export function parsePolarity(value: string, georgianNames: Record<Polarity, string>): Polarity | null {
  const text = value.trim().toLowerCase();
  if (text === '') return null;
  if (text === '—' || text === '-' || text === '–') return 'none';
  return POLARITIES.find((p) => p === text || georgianNames[p] === text) ?? null;
}
