/**
 * A corpus for measuring redaction (src/domain/redact.ts), written for this purpose: free texts as
 * respondents and staff write them, with planted personal data `[[kind|text]]` that must be
 * hidden and ordinary numbers and words `<<text>>` that must stay. Two parts: `tuning` (the
 * redactor was adjusted while looking at it) and `heldOut` (written with its own sentences,
 * items and applicants, and only measured). Each item is put into two sentences of its part, in
 * turn, so its surroundings (a Georgian ending, a bracket, a full stop) vary.
 */
import { personalSpans } from '../../src/domain/redact';
import { stripInvisible } from '../../src/domain/sanitize';

/** Applicants as staff typed them in the applications tab (some in Latin letters). */
export const TUNING_APPLICANTS = [
  'გიორგი ბერიძე',
  'Nino Maisuradze',
  'ქეთევან ლომიძე',
  'Levan Kapanadze',
  'თამარ ბერიშვილი',
  'Davit Chkheidze',
  'მარიამ დოლიძე-კაპანაძე',
  'Irakli Tsiklauri',
  'ეკატერინე ჯაფარიძე',
  'Zurab Gogoladze',
  'ნათია ხუციშვილი',
  'Shota Kvaratskhelia',
];
export const HELD_OUT_APPLICANTS = [
  'ლაშა წერეთელი',
  'Tamuna Gelashvili',
  'ბესიკ ღლონტი',
  'Manana Abashidze',
  'ვახტანგ ხარაიშვილი',
  'Salome Jorbenadze',
  'ელისო ჭანტურია',
  'Otar Meskhishvili',
];

const TUNING_ITEMS: Record<string, string[]> = {
  phone: [
    '577/12/34/56',
    '577_12_34_56',
    '577 12 34 56',
    '577.12.34.56',
    '577-12-34-56',
    '577123456',
    '+995 577 12 34 56',
    '+995(577)123456',
    '(+995) 599-11-22-33',
    '00995 599 112233',
    '５７７ １２ ３４ ５６',
    '５７７１２３４５６',
    '599–11–22–33',
    '599 — 11 22 33',
    '0 32 2 45 67 89',
    '032-2-45-67-89',
    '(0431) 22 33 44',
    '595/11/22/33',
    '555 123 456',
    '568 12-34-56',
    '+995 568.12.34.56',
    '٥٧٧١٢٣٤٥٦',
    '𝟓𝟕𝟕𝟏𝟐𝟑𝟒𝟓𝟔',
    '577\u00A012\u00A034\u00A056',
    '577\u2009123\u2009456',
    '5 7 7 1 2 3 4 5 6',
    '577*12*34*56',
    '577|12|34|56',
    '551 22 33 44',
    '599112233',
    '+995599112233',
    '0439 22 12 34',
    '557 00 11 22',
    '514/44/55/66',
    '591_00_99_88',
    '(593) 12 34 56',
    '+995 (32) 2 11 22 33',
    '577 １２ 34 ５６',
  ],
  personalNumber: [
    '01001012345',
    '010-010-123-45',
    '01 001 012 345',
    '０１００１０１２３４５',
    '35001/012345',
    '01001.012.345',
    '01001_012345',
    '12345678901',
    '60001 123 456',
    '٠١٠٠١٠١٢٣٤٥',
  ],
  email: [
    'ქეთო@მერია.გე',
    'nino.m@gmail.com',
    'გიორგი.ბერიძე@ფოსტა.გე',
    'levan_k@mail.ru',
    'ketevan@ambrolauri.gov.ge',
    'ნინო+ფორმა@gmail.com',
    'zura [at] gmail.com',
    'irakli@მერია.გე',
    'davit(at)yahoo.com',
    'Tamar.B@Outlook.COM',
    'ანა@example.ge',
    'user@sub.domain.co.uk',
    'გია@საქართველო.გე',
    'n.khutsishvili@gov.ge',
    'shota1990@gmail.com',
    'ქეთი_ლ@yahoo.com',
  ],
  address: [
    'რუსთაველის ქუჩა 12',
    'რუსთაველის ქ. 12',
    'ქ. რუსთაველის 12',
    'ჭავჭავაძის გამზირი N5',
    'ჭავჭავაძის გამზ. №5',
    'აღმაშენებლის ქუჩა №14, ბინა 3',
    'კოსტავას შესახვევი 2',
    'ქუჩა ნინოშვილის 7',
    'სოფ. ზნაკვა',
    'სოფელ ზნაკვაში',
    'სოფ. ბარაკონი',
    'სოფ ჭრებალო',
    'ბინა 45',
    'სახლი №7',
    'კორპ. 4',
    'მისამართი: ამბროლაური, კოსტავას 9',
    'Rustaveli st. 12',
    'Kostava Street N7',
    'village Znakva',
    'თამარ მეფის ქუჩა 23',
    'ბარათაშვილის ჩიხი 4',
    'ჯავახიშვილის ქ. N 18ა',
    'სოფელ ურავში',
    'გორგასლის ქუჩაზე 3',
  ],
  name: [
    'გიორგი ბერიძე',
    'ბერიძემ',
    'Giorgi Beridze',
    'გიორგი ბერიძისგან',
    'ნინო მაისურაძე',
    'მაისურაძეს',
    'ქეთევან ლომიძე',
    'Ketevan Lomidze',
    'ლომიძის',
    'ლევან კაპანაძე',
    'კაპანაძემ',
    'Tamar Berishvili',
    'დავით ჩხეიძე',
    'ჩხეიძესთან',
    'ირაკლი წიკლაური',
    'წიკლაურის',
    'Japaridze',
    'Jafaridze',
    'ხუციშვილმა',
    'Khutsishvili',
    'შოთა კვარაცხელია',
    'კვარაცხელიამ',
    'დოლიძე-კაპანაძე',
    'ზურაბ გოგოლაძე',
    'გოგოლაძეს',
    'BERIDZE',
    'Natia Khutsishvili',
    'ეკატერინე ჯაფარიძეს',
    'Levani Kapanadze',
    'ჩხეიძე დავითი',
    'Maisuradzem',
    'ბერიშვილთან',
  ],
};

const TUNING_SENTENCES = [
  'ჩემი ნომერია {}, დამირეკეთ <<10:30>>-ის შემდეგ.',
  'რიგში <<45 წუთი>> ვიდექი. კონტაქტი: {}',
  'გთხოვთ დამიკავშირდეთ ({}) სამუშაო საათებში, <<150 ლარი>> გადავიხადე.',
  'Please contact me at {}, I waited <<3 hours>> on <<12.03.2026>>.',
  'განცხადება შევიტანე <<05.01.2026>>-ში, {} — პასუხი ჯერ არ მაქვს.',
  'თანამშრომელმა {} ძალიან კარგად მიმიღო, <<ოთახი 12>>.',
  '{}. დახმარება <<200 ლარია>>, <<2026 წელს>> გაიზარდა?',
  'ვცხოვრობ {} და ტრანსპორტი <<2 კვირა>> არ დადიოდა.',
  'ჩემი მონაცემები: {}, შეფასება <<5/5>>.',
  'საიტზე <<80%>> გვერდები არ იხსნება; მომწერეთ {}',
  '<<10-12 დღე>> ველოდე. {} გთხოვთ გადმომირეკოთ.',
  'მისაღებში {} დამხვდა, <<1 500 ლარი>> დამიბრუნეს.',
];

const HELD_OUT_ITEMS: Record<string, string[]> = {
  phone: [
    '598/77/66/55',
    '598_77_66_55',
    '598 776 655',
    '598.776.655',
    '+995-598-77-66-55',
    '(598) 77 66 55',
    '５９８ ７７ ６６ ５５',
    '+９９５ ５９８ ７７６６５５',
    '599 77 88 99',
    '0 (422) 27 11 22',
    '0422-27-11-22',
    '+995 422 271122',
    '579_123_456',
    '579/123/456',
    '5 9 1 2 3 4 5 6 7',
    '599 ❘ 12 34 56',
    '５９１-００-１１-２２',
    '574 11-22-33',
    '+995 574 112 233',
    '00 995 574 112 233',
    '593.44.55.66',
    '(+995)593445566',
    '557-777-888',
    '٥٩٩١٢٣٤٥٦',
    '𝟱𝟵𝟵𝟭𝟮𝟯𝟰𝟱𝟲',
    '511 98 76 54',
    '0341 22 44 66',
    '595 15 15 15',
    '597\u202F12\u202F34\u202F56',
    '(032) 2 98 76 54',
  ],
  personalNumber: [
    '61001098765',
    '610-010-987-65',
    '61 001 098 765',
    '６１００１０９８７６５',
    '610 01 09 87 65',
    '61001/098765',
    '01024056789',
    '01_024_056_789',
  ],
  email: [
    'ლაშა@ფოსტა.გე',
    'tamuna.g@gmail.com',
    'ბესიკი_ღ@mail.ge',
    'manana.abashidze@ambrolauri.gov.ge',
    'ვახო@მერია.გე',
    'salome.j+n2@outlook.com',
    'elisojan [at] yahoo.com',
    'o.meskhishvili(at)gmail.com',
    'ინფო@კომპანია.გე',
    'tamuna_gelashvili@yandex.ru',
    'lasha.tsereteli@GMAIL.COM',
    'qeti@mail.ge',
  ],
  address: [
    'ვაჟა-ფშაველას ქუჩა 45',
    'ვაჟა-ფშაველას გამზ. №71',
    'ქ. წერეთლის 3',
    'ნიკოლაძის ქუჩა N 9, ბინა 14',
    'სოფ. ხვანჭკარა',
    'სოფელ ჭრებალოში',
    'სოფ. ლიხეთი',
    'ბინა N12',
    'კორპუსი 7',
    'სახლი 15',
    'მისამართი - ტყიბულის 22',
    'Tsereteli str. 3',
    'village Khvanchkara',
    'ჭანტურიას ქუჩაზე 6',
    'მერაბ კოსტავას ქუჩა 11ბ',
    'ლესელიძის შესახვევი N4',
    'სოფ.ნიკორწმინდა',
    'თამარ მეფის გამზირი 3',
  ],
  name: [
    'ლაშა წერეთელი',
    'წერეთელმა',
    'Lasha Tsereteli',
    'თამუნა გელაშვილი',
    'გელაშვილს',
    'Tamuna Gelashvili',
    'ბესიკ ღლონტი',
    'Besik Ghlonti',
    'ღლონტის',
    'მანანა აბაშიძე',
    'აბაშიძემ',
    'Manana Abashidze',
    'Vakhtang Kharaishvili',
    'ხარაიშვილთან',
    'სალომე ჯორბენაძე',
    'ჯორბენაძეს',
    'Salome Jorbenadze',
    'Eliso Chanturia',
    'ჭანტურიამ',
    'ოთარ მესხიშვილი',
    'მესხიშვილისთვის',
    'Otar Meskhishvili',
    'GELASHVILI',
    'Abashidzes',
  ],
};

const HELD_OUT_SENTENCES = [
  'სერვისით კმაყოფილი ვარ, მაგრამ {} მთხოვა <<3 დღე>> დამელოდა.',
  '<<2025 წლის>> ბოლოს მივმართე; ჩემი კოორდინატებია {}.',
  'თუ შესაძლებელია, დამიკავშირდით: {}. ვიყავი <<14:00>>-ზე.',
  'ოპერატორმა <<№ 2>> ფანჯარასთან მითხრა, რომ {} არასწორად იყო ჩაწერილი.',
  'I paid <<250 GEL>> and nobody answered; write to {} please.',
  'ვებგვერდზე ფორმა <<2 საათი>> არ მუშაობდა, {}',
  '{} — ასე მქვია, <<67 წლის>> ვარ და რიგში დგომა მიჭირს.',
  'ხვალ <<09.04.2026>>-მდე მჭირდება პასუხი, {}',
  'თანხა <<1200 ლარი>> იყო, <<30%>> დამიბრუნეს; {}',
  'ცხელი ხაზი <<1505>> არ პასუხობს. ჩემთან მოსვლა შეგიძლიათ: {}',
];

export interface CorpusText {
  text: string;
  planted: Array<{ kind: string; start: number; end: number }>;
  kept: Array<{ start: number; end: number }>;
}

/** Puts each item into a sentence, in turn, and reads the markup out. */
function build(items: Record<string, string[]>, sentences: readonly string[]): CorpusText[] {
  const texts: CorpusText[] = [];
  let turn = 0;
  for (const [kind, list] of Object.entries(items)) {
    for (const item of list) {
      for (let copy = 0; copy < 2; copy++) {
        const marked = sentences[turn++ % sentences.length].replace('{}', `[[${kind}|${item}]]`);
        texts.push(parse(marked));
      }
    }
  }
  return texts;
}

function parse(marked: string): CorpusText {
  const result: CorpusText = { text: '', planted: [], kept: [] };
  const pattern = /\[\[(\w+)\|(.+?)\]\]|<<(.+?)>>/g;
  let at = 0;
  for (const m of marked.matchAll(pattern)) {
    result.text += marked.slice(at, m.index);
    const start = result.text.length;
    result.text += m[2] ?? m[3];
    if (m[1]) result.planted.push({ kind: m[1], start, end: result.text.length });
    else result.kept.push({ start, end: result.text.length });
    at = (m.index ?? 0) + m[0].length;
  }
  result.text += marked.slice(at);
  return result;
}

export const TUNING_CORPUS = build(TUNING_ITEMS, TUNING_SENTENCES);
export const HELD_OUT_CORPUS = build(HELD_OUT_ITEMS, HELD_OUT_SENTENCES);

export interface RedactionScore {
  planted: number;
  missed: number;
  missRate: number;
  /** Ordinary numbers and words that must stay (amounts, dates, times, rooms). */
  kept: number;
  falselyRedacted: number;
  falseRedactionRate: number;
  /** Letters and digits of the sentences around the items (neither planted nor kept) that were hidden, as a share. */
  collateralRate: number;
  missedItems: string[];
  falseItems: string[];
  byKind: Record<string, { planted: number; missed: number }>;
}

const ALNUM = /[\p{L}\p{N}]/u;

/**
 * Scores the redactor's spans on a corpus: a planted item counts as hidden only when every letter
 * and digit of it is inside a span; a kept item is falsely redacted when any of its characters is.
 */
export function scoreRedaction(corpus: readonly CorpusText[], names: readonly string[]): RedactionScore {
  const score: RedactionScore = {
    planted: 0,
    missed: 0,
    missRate: 0,
    kept: 0,
    falselyRedacted: 0,
    falseRedactionRate: 0,
    collateralRate: 0,
    missedItems: [],
    falseItems: [],
    byKind: {},
  };
  let other = 0;
  let otherHidden = 0;
  for (const entry of corpus) {
    // The corpus has no invisible characters, so positions of the stripped text are the text's.
    if (stripInvisible(entry.text) !== entry.text) throw new Error(`corpus text with invisible characters: ${entry.text}`);
    const hidden = new Array<boolean>(entry.text.length).fill(false);
    for (const span of personalSpans(entry.text, names)) for (let i = span.start; i < span.end; i++) hidden[i] = true;
    const marked = new Array<boolean>(entry.text.length).fill(false);
    for (const item of entry.planted) {
      if (!score.byKind[item.kind]) score.byKind[item.kind] = { planted: 0, missed: 0 };
      const kind = score.byKind[item.kind];
      score.planted++;
      kind.planted++;
      let whole = true;
      for (let i = item.start; i < item.end; i++) {
        marked[i] = true;
        if (ALNUM.test(entry.text[i]) && !hidden[i]) whole = false;
      }
      if (!whole) {
        score.missed++;
        kind.missed++;
        score.missedItems.push(entry.text.slice(item.start, item.end));
      }
    }
    for (const item of entry.kept) {
      score.kept++;
      let touched = false;
      for (let i = item.start; i < item.end; i++) {
        marked[i] = true;
        if (hidden[i]) touched = true;
      }
      if (touched) {
        score.falselyRedacted++;
        score.falseItems.push(entry.text);
      }
    }
    for (let i = 0; i < entry.text.length; i++) {
      if (marked[i] || !ALNUM.test(entry.text[i])) continue;
      other++;
      if (hidden[i]) otherHidden++;
    }
  }
  score.missRate = score.planted ? score.missed / score.planted : 0;
  score.falseRedactionRate = score.kept ? score.falselyRedacted / score.kept : 0;
  score.collateralRate = other ? otherHidden / other : 0;
  return score;
}

export const ALL_APPLICANTS = [...TUNING_APPLICANTS, ...HELD_OUT_APPLICANTS];
