/**
 * The words the themes tagger looks for, grouped into concepts ("money", "delay", "a refusal" …)
 * that the rules of theme-rules.ts combine. Written in Georgian as people write it (the skeleton
 * of georgian-text.ts makes Mtavruli and Latin typing match the same entries); a few Russian
 * words people mix in are listed as they are spelt.
 *
 * A pattern is a word stem matched at the start of a word ("რიგ" finds რიგი, რიგში, რიგის),
 * "*stem" matched anywhere inside a word (Georgian verbs take prefixes: "*რიცხ" finds ჩარიცხა,
 * ჩამრიცხეს, გადაურიცხავთ), "=word" the whole word only, and several words in a row
 * ("მიღების საათ").
 */
import { startsWithStem, words } from './georgian-text';

export const CONCEPTS = {
  // What the text is about.
  queueNoun: ['რიგ', 'очеред', 'rig', 'მოსაცდელ', 'დერეფან', 'მიღების საათ', 'სამუშაო საათ', 'ნომრის აღებ', 'ხალხ', 'აწვებოდ', 'ფანჯარა გახსენ'],
  standing: ['ვიდექ', 'ვდგავარ', 'იდგა', 'დგომ', 'დავდექ', 'დავდგ', '=დგას', 'ფეხზე', 'ვიცად', 'ვიცდიდ', 'მოცდ'],
  waiting: ['ლოდინ', '*ელოდ', 'მალოდინ', '=ველი', '*ლოდებ'],
  shortTime: ['საათ', 'წუთ', 'saati', 'wuti'],
  longTime: ['ვადა', 'ვადებ', 'ვადაშ', 'თვე', 'კვირ', 'თვენახევ', 'დიდხანს', 'დიდი ხანი', 'ხანი', 'didxans', 'tve'],
  delay: ['დაგვიანებ', 'დააგვიან', 'დაგვიანდ', 'აგვიანებ', 'გვიან', 'გაჭიანურ', 'ჭიანურ', 'ნელა', '=ჯერ', 'ჯერაც', 'ჯერჯერობით', 'გადადო', 'daagvian'],
  onTime: ['დროულ', 'დროზე', 'სწრაფ', '=მალე', 'მალევე', 'მაშინვე', 'მეორე დღეს', 'ერთ კვირაში', 'ორ დღეში', 'ხუთ წუთში', 'swraf', 'быстро'],
  decision: [
    'განხილ',
    'განიხილ',
    'გადაწყვეტილ',
    'გადაწყდ',
    'გადაწყვიტ',
    'კომისი',
    'დააკმაყოფილ',
    'დამიკმაყოფილ',
    'დაკმაყოფილდ',
    'ვადა',
    'ვადებ',
    'ganixil',
    'ganxil',
    'gadawyvet',
  ],
  answer: ['პასუხ', 'pasux'],
  money: ['თანხ', 'ფულ', 'დახმარებ', 'dakhmar', 'dakmar', 'ქირის', 'ბარათ', 'ბანკ', 'თანადაფინანს', 'დაფინანს', 'деньг', 'сумм', 'ლარ', 'пенси'],
  // Firewood by whole word: in the merged spelling its stem would also begin შესვლა and შესაძლებელი.
  inKind: [
    '=შეშა',
    '=შეშას',
    '=შეშის',
    '=შეშით',
    '=შეშაზე',
    '=შეშად',
    '=შეშამ',
    'შეშისთვ',
    'სურსათ',
    'сурсат',
    'ამანათ',
    'პროდუქტ',
    'produkt',
    'წამლ',
    'მედიკამენტ',
  ],
  transfer: ['*რიცხ', 'ჩარიცხ', 'перечисл', 'გადაუხად', 'გადაიხად'],
  delivered: [
    'მოიტან',
    'მოგვიტან',
    'მოუტან',
    'მოგვცეს',
    'მოგვეც',
    'მოვიდა',
    'მოსულა',
    'მოგვდის',
    'მომივიდა',
    'დარიგ',
    'დაარიგ',
    'გასც',
    'მიმიღია',
    'ვერ ავიღე',
    'ვეღირს',
    'აკლდა',
  ],
  amount: [
    'ოდენობ',
    'ცოტა',
    'ცოტაა',
    'მცირე',
    'ნაკლებ',
    'საკმარის',
    'არ ყოფნის',
    'ყოფნის',
    'კმარა',
    'ეყოფა',
    'გაზარდ',
    'გაიზარდ',
    'გაზრდ',
    'მეტი უნდა',
    'ვერაფერს ვ',
    'ჯიბიდან',
    'ფასებ',
    'маленьк',
    'შეღავათ',
    'არაფერს არ',
  ],
  documents: ['დოკუმენტ', 'ცნობ', 'საბუთ', 'ქაღალდ', 'ასლ', 'справк', 'პირადობ', 'ამონაწერ', 'dokument', 'cnob', 'sabut'],
  information: [
    'ინფორმაცი',
    'ინფორმირ',
    'ახსნ',
    'ამიხსნ',
    'აგვიხსნ',
    'დამიხსნ',
    'damixsn',
    'ახსნილ',
    'განმარტ',
    'გაურკვევ',
    'გაუგებარ',
    'გასაგებ',
    'შეგვატყობინ',
    'შემატყობინ',
    'გვატყობინ',
    'მაცნობ',
    'შემაცნობ',
    'გვაცნობ',
    'გაფრთხილ',
    'გამაფრთხილ',
    'მითხრ',
    'გვითხრ',
    'მეუბნებ',
    'გვეუბნებ',
    'ამბობს',
    'სტატუს',
    'ეტაპ',
    'მიზეზ',
    'ბროშურ',
    'საინფორმაციო',
    'დამირეკ',
    'მირეკავ',
    'ვერ გავიგე',
    'რა ხდება',
    'ვიცოდ',
    'შედეგ',
    'ვერსად ვნახე',
    'никто ничего',
  ],
  staffNoun: ['თანამშრომ', 'tanamsrom', 'сотрудн', 'персонал', '=staff', 'ოპერატორ', 'დაცვ', 'გოგო', 'მჯდომი ქალი'],
  staffManner: [
    'უხეშ',
    'uxes',
    'груб',
    'თავაზიან',
    'ზრდილობ',
    'ყურადღებ',
    'უყურადღებ',
    'კეთილ',
    'თბილებ',
    'პროფესიონალ',
    'არაპროფესიონალ',
    'კომპეტენტ',
    'ყვიროდ',
    'ყვირილ',
    'მოთმინ',
    '*მექც',
    '*გვექც',
    '*მეqc',
    'დამხვდ',
    '*უსმენ',
    '*ისმენ',
    'mousmen',
    'დამცირებ',
    'ადამიანურ',
    '*მეხმარ',
    '*გვეხმარ',
    'ლაპარაკობდ',
    'საუბრობდ',
    'მელაპარაკ',
    'ვერაფერი მიპასუხ',
    'უხეშად მიპასუხ',
    'ყვირილით მიპასუხ',
    'ტრენინგ',
    'ოთახიდან',
  ],
  eligibility: [
    'უარ',
    'uar',
    'отказ',
    'კრიტერიუმ',
    'ქულა',
    'ქულ',
    'რეიტინგ',
    'სარეიტინგ',
    'reiting',
    'მეკუთვნ',
    'გვეკუთვნ',
    'mekutvn',
    'სამართლიან',
    'უსამართლ',
    'usamartl',
    'სიაში',
    'მოხვდ',
    'ზღვარ',
    'პროგრამაში',
    'ჩათვალ',
    'მკაცრ',
    'შემიფასეს',
    'დამითვალ',
    '=წესი',
    'წესებ',
  ],
  access: [
    'შენობ',
    'კიბ',
    'kib',
    'ეტლ',
    'etl',
    'პანდუს',
    'ლიფტ',
    'სართულ',
    'ტუალეტ',
    'სკამ',
    'დასაჯდომ',
    'მისასვლელ',
    'ტრანსპორტ',
    'ავტობუს',
    'მარშრუტკ',
    'შორს',
    'ჩამოსვლ',
    'გათბობ',
    '=ცივი',
    '=ცივა',
    'კონდიციონერ',
    '=ოფისი',
    'მობილური ჯგუფ',
    'პირველ სართულ',
  ],
  online: [
    'ონლაინ',
    'online',
    'ინტერნეტ',
    'ვებგვერდ',
    'ვებ',
    'საიტ',
    'сайт',
    'ელფოსტ',
    'ელ ფოსტ',
    'ელექტრონული ფოსტ',
    '=sms',
    '=სმს',
    'email',
    'მეილ',
    '=ტელეფონს',
    '=ტელეფონით',
    '=telepons',
    '=teleponit',
    'ცხელ ხაზ',
    'ვერ დავრეკ',
    'ვერ ვრეკავ',
    'დაკავებულ',
    'ვერ დავუკავშირდ',
    'gov',
  ],
  // How the person feels about it.
  bad: [
    'უხეშ',
    'uxes',
    'груб',
    'ცუდ',
    'საშინელ',
    'ძნელ',
    'შეუძლებ',
    'უსამართლ',
    'usamartl',
    'გაუგებარ',
    'გაურკვევ',
    'დამღლელ',
    'დაგვიანებ',
    'დააგვიან',
    'დაგვიანდ',
    'გაჭიანურ',
    'ნელა',
    'უკმაყოფ',
    'პრობლემ',
    'ჩხუბ',
    'ყვირ',
    'უყურადღებ',
    'დამცირებ',
    'მოძველებ',
    'აკლდა',
    'ციცაბო',
    'დაკეტილ',
    'დაკავებულ',
    'მკაცრ',
    'არასწორ',
    'ვერაფერ',
    'გვიჭირს',
    'უჭირდათ',
    'იშვიათ',
    'მოკლე',
    'ძვირ',
    'უარ',
    'uar',
    'отказ',
    'ამდენ',
    'amden',
    'ორჯერ',
    'სამჯერ',
    '=jer',
    'რამდენჯერ',
    'მეორედ',
    'მომიწია',
    'მოგვიწია',
    'არაპროფესიონალ',
    'დიდი რიგ',
    'didi rig',
    'რიგი დიდი',
    'rigi didi',
    'ბევრი',
    'bevri',
    'ნახევარ',
    'საშინლ',
    'დიდხანს',
    'didxans',
    '=ცივი',
    '=ცივა',
    'შორს',
    'ქუჩაში',
    'წვიმაში',
    'რატომ',
    'ratom',
    'ნედლ',
    'გრძელ',
    'შეუძლებელ',
    'не работ',
  ],
  good: [
    'კარგ',
    'karg',
    'хорош',
    'სწრაფ',
    'swraf',
    'დროულ',
    'droul',
    'დროზე',
    'droze',
    'მაშინვე',
    'თავაზიან',
    'tavazian',
    'ზრდილობ',
    'ყურადღებიან',
    'კეთილ',
    'თბილ',
    'პროფესიონალ',
    'მოსახერხებ',
    'მარტივ',
    'martiv',
    'ადვილ',
    'კომფორტ',
    'ნათელ',
    'გასაგებ',
    'gasageb',
    'დეტალურ',
    'მოთმინ',
    'სამართლიან',
    'საკმარის',
    'კმაყოფილ',
    'kmakopil',
    'მომეწონ',
    'ყოჩაღ',
    'სრულად',
    '=მალე',
    'მალევე',
    'შეღავათ',
    '*მეხმარ',
    '*გვეხმარ',
    'ზუსტ',
    'დაცულ',
    'ადგილზევე',
    'спасибо',
    'ხუთ წუთში',
    'ორ დღეში',
    'ერთ კვირაში',
    'მეორე დღეს',
  ],
  /** Bad things whose denial is praise: "რიგი არ იყო", "დიდხანს არ მალოდინეს". */
  /** Too little: bad when said of money, goods or hours, not of the papers asked for. */
  tooLittle: ['ცოტა', 'ცოტაა', 'cota', 'მცირე', 'маленьк', 'ნაკლებ', 'ყოფნის', 'კმარა', 'ვერაფერს ვ', 'ჯიბიდან', 'ფასებ', 'არაფერს არ', 'მოკლე'],
  /** Something that was done: good unless denied ("მითხრეს", "ჩაირიცხა"). */
  happened: [
    'მითხრ',
    'გვითხრ',
    'ამიხსნ',
    'აგვიხსნ',
    'შემატყობინ',
    'შეგვატყობინ',
    'დამირეკ',
    '*რიცხ',
    'მოიტან',
    'მოგვიტან',
    'მომივიდა',
    'მიმიღეს',
    'მიპასუხ',
    'დამიკმაყოფილ',
    'დააკმაყოფილ',
    'დაკმაყოფილდ',
    'ვეღირს',
  ],
  deniedBad: ['რიგ', 'rig', 'ლოდინ', 'დიდხანს', 'didxans', 'პრობლემ', 'ხანი', 'დამჭირდ', 'დაგვჭირდ', 'მომიწი', 'მოგვიწი'],
  /** Staff noting a question or a request for information: no evaluation of its own. */
  asking: ['იკითხა', 'იკითხეს', 'კითხულობ', 'დაინტერესდ', 'ითხოვს ინფორმაცი', 'ითხოვენ ინფორმაცი', 'სურს გაიგოს', 'კითხვა მაქვს'],
  thanks: ['მადლობ', 'madlob', 'გმადლობ', 'спасибо'],
  negator: [
    '=არავინ',
    '=aravin',
    '=ვერავინ',
    '=veravin',
    '=никто',
    '=არავის',
    '=არსად',
    '=ვერსად',
    '=არ',
    '=ar',
    '=ვერ',
    '=ver',
    '=არც',
    '=ვერც',
    '=не',
    '=нет',
    '=არა',
    '=ara',
    '=აღარ',
    '=agar',
    'გარეშე',
    'без',
  ],
  suggestion: [
    'სასურველ',
    'კარგი იქნება',
    'კარგი იქნებოდა',
    'კარგი იქნ',
    'kargi ikn',
    '=ნუ',
    'რომ იყოს',
    'რომ ჩანდეს',
    'რომ მოდიოდეს',
    'რომ იღებდეთ',
    'რომ ჩართოთ',
    'რომ ჩამოდიოდეს',
    'რომ რიგი',
    'rom rigi',
    '=სჭირდებათ',
    'შესაძლებლობა დაამატ',
    'ითხოვს რომ',
    'ითხოვენ რომ',
    '=მინდა',
    '=minda',
    '=გვინდა',
  ],
  nothing: [
    'არაფერი',
    'araperi',
    'ничего',
    '=nothing',
    '=нет',
    'შენიშვნა არ',
    'შენიშვნები არ',
    'არ მაქვს შენიშვნ',
    'ნორმალურ',
    'ვერაფერს ვიტყვი',
    'არ ვიცი',
    'ar vici',
    'არ მაინტერეს',
    'ar maintere',
  ],
} satisfies Record<string, string[]>;

export type Concept = keyof typeof CONCEPTS;

/** A pattern compiled to skeleton spelling. */
export interface Pattern {
  mode: 'prefix' | 'inside' | 'whole';
  /** One stem per word, in a row. */
  stems: string[];
}

export function compilePattern(source: string): Pattern | null {
  const mode = source.startsWith('*') ? 'inside' : source.startsWith('=') ? 'whole' : 'prefix';
  const stems = words(mode === 'prefix' ? source : source.slice(1));
  return stems.length === 0 ? null : { mode, stems };
}

function wordMatches(word: string, stem: string, mode: Pattern['mode']): boolean {
  if (mode === 'whole') return word === stem;
  if (mode === 'inside') return word.length > stem.length && word.indexOf(stem) >= 0;
  return startsWithStem(word, stem);
}

/** Whether the pattern starts at word `at` of the text. */
function matchesAt(text: readonly string[], at: number, pattern: Pattern): boolean {
  if (at + pattern.stems.length > text.length) return false;
  for (let k = 0; k < pattern.stems.length; k++) {
    // Only the first word of a phrase is matched "inside"; the rest are stems (or whole words).
    const mode = k === 0 ? pattern.mode : pattern.mode === 'whole' ? 'whole' : 'prefix';
    if (!wordMatches(text[at + k], pattern.stems[k], mode)) return false;
  }
  return true;
}

/** Positions (word indices) where the pattern starts in the text's words. */
export function matchPositions(text: readonly string[], pattern: Pattern): number[] {
  const found: number[] = [];
  for (let at = 0; at < text.length; at++) if (matchesAt(text, at, pattern)) found.push(at);
  return found;
}

/**
 * The lexicon indexed by the first two letters of a pattern's first stem: a stem (even with a
 * typo) only matches a word that starts with the same two letters, so each word is compared with
 * a few dozen patterns, not all of them. Patterns matched inside a word are tried on every word.
 */
interface Entry {
  concept: Concept;
  pattern: Pattern;
}
const BY_START = new Map<string, Entry[]>();
const INSIDE: Entry[] = [];
for (const concept of Object.keys(CONCEPTS) as Concept[]) {
  for (const source of CONCEPTS[concept]) {
    const pattern = compilePattern(source);
    if (!pattern) continue;
    if (pattern.mode === 'inside') {
      INSIDE.push({ concept, pattern });
      continue;
    }
    const key = pattern.stems[0].slice(0, 2);
    const list = BY_START.get(key);
    if (list) list.push({ concept, pattern });
    else BY_START.set(key, [{ concept, pattern }]);
  }
}

/** For each concept, the word positions in the text where one of its patterns starts. */
export type ConceptHits = Map<Concept, number[]>;

export function findConcepts(text: readonly string[]): ConceptHits {
  const hits: ConceptHits = new Map();
  const record = (concept: Concept, at: number): void => {
    const positions = hits.get(concept);
    if (!positions) hits.set(concept, [at]);
    else if (!positions.includes(at)) positions.push(at);
  };
  for (let at = 0; at < text.length; at++) {
    for (const entry of [...(BY_START.get(text[at].slice(0, 2)) ?? []), ...INSIDE]) {
      if (matchesAt(text, at, entry.pattern)) record(entry.concept, at);
    }
  }
  hits.forEach((positions) => positions.sort((a, b) => a - b));
  return hits;
}
