/**
 * Finds applicants' names in a text whatever the script they are written in: a name typed in the
 * applications tab in Latin letters (Giorgi Beridze) is found written in Georgian (გიორგი
 * ბერიძისგან) and the other way round, with Georgian case endings. Both the name and each word
 * of the text are reduced to a Latin skeleton in which letters people interchange when they
 * transliterate coincide (თ/ტ/th → t; კ/ქ/ყ/ხ/q/kh/x → k; ც/წ/ჩ/ჭ/ts/ch → c …), then compared.
 * The text is read word by word against an index of the names' parts, so the cost does not grow
 * with the number of applicants times the length of the text.
 */
import { GEORGIAN_SKELETON_LETTERS } from './georgian-text';
import { foldCase, stripInvisible } from './sanitize';

export interface NameSpan {
  start: number;
  end: number;
}

/**
 * The tagger's letters, but names keep ჟ (zh/j) and ჰ (h) apart and read ხ as k: Latin spellings
 * of names write ხ kh, which the digraphs below turn to k.
 */
const GEORGIAN_SKELETON: Record<string, string> = { ...GEORGIAN_SKELETON_LETTERS, ჟ: 'j', ხ: 'k', ჰ: 'h' };

/** Latin spellings of Georgian letters, longest first, and single letters people swap. */
const LATIN_DIGRAPHS: ReadonlyArray<[string, string]> = [
  ['tch', 'c'],
  ['dzh', 'j'],
  ['ch', 'c'],
  ['sh', 's'],
  ['zh', 'j'],
  ['kh', 'k'],
  ['gh', 'g'],
  ['ts', 'c'],
  ['tz', 'c'],
  ['dz', 'z'],
  ['th', 't'],
  ['ph', 'p'],
  ['dj', 'j'],
];
const LATIN_SINGLE: Record<string, string> = { w: 'v', y: 'i', q: 'k', x: 'k', f: 'p' };

const WORD = /[a-z\u10D0-\u10FF]+/g;
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
/** Georgian case endings (and postpositions) in skeleton form: ის, ით, ად, მა, ებ, ს, თან, ზე, ში, გან, თვის. */
const CASE_ENDINGS = ['is', 'it', 'ad', 'ma', 'eb', 's', 'tan', 'ze', 'si', 'gan', 'tvis'];
/**
 * What may follow a whole name part: those endings, and -მ, -ო (vocative), -დ, -ი (ლევანი); so a
 * longer word that merely starts like a name (ნინოწმინდა) is not taken for one.
 */
const WHOLE_ENDINGS = [...CASE_ENDINGS, 'm', 'o', 'd', 'i', 'eb', 'vit'];
/** How many letters of endings may follow a whole name part (ბერიძეებისთვის). */
const MAX_ENDING = 8;
/** A part shorter than this (ია, ანა) is hidden only next to another part of the same name. */
const MIN_ALONE = 4;

/** A word (lower case, Georgian or Latin letters) as its skeleton. */
export function skeleton(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; ) {
    const georgian = GEORGIAN_SKELETON[word[i]];
    if (georgian) {
      out += georgian;
      i++;
      continue;
    }
    const digraph = LATIN_DIGRAPHS.find(([latin]) => word.startsWith(latin, i));
    if (digraph) {
      out += digraph[1];
      i += digraph[0].length;
      continue;
    }
    out += LATIN_SINGLE[word[i]] ?? word[i];
    i++;
  }
  return out;
}

interface Part {
  name: number;
  /** Index of the part inside its name. */
  index: number;
  skeleton: string;
  alone: boolean;
}

export interface NameIndex {
  /** Parts by the first two letters of their skeleton. */
  byPrefix: Map<string, Part[]>;
}

function lettersOf(text: string): string[] {
  return Array.from(foldCase(stripInvisible(text)).matchAll(WORD), (m) => m[0]);
}

/** Indexes the parts of the known names (each half of a double surname is a part). */
export function indexNames(names: readonly string[]): NameIndex {
  const byPrefix = new Map<string, Part[]>();
  names.forEach((name, n) => {
    lettersOf(name).forEach((word, index) => {
      const part: Part = { name: n, index, skeleton: skeleton(word), alone: word.length >= MIN_ALONE };
      if (part.skeleton.length < 2) return;
      const key = part.skeleton.slice(0, 2);
      const list = byPrefix.get(key);
      if (list) list.push(part);
      else byPrefix.set(key, [part]);
    });
  });
  return { byPrefix };
}

/** Whether a word is the part in some case form: the part plus endings, or without its final vowel before a case ending. */
function wordIsPart(word: string, part: string): boolean {
  if (word.startsWith(part)) {
    const rest = word.slice(part.length);
    return rest === '' || (rest.length <= MAX_ENDING && WHOLE_ENDINGS.some((ending) => rest.startsWith(ending)));
  }
  if (part.length < 5 || !VOWELS.has(part[part.length - 1])) return false;
  const stem = part.slice(0, -1);
  if (!word.startsWith(stem)) return false;
  const rest = word.slice(stem.length);
  return rest.length <= MAX_ENDING && CASE_ENDINGS.some((ending) => rest.startsWith(ending));
}

/**
 * Spans of known names in `text` (indices into `text` itself, which must already be case-folded
 * and free of invisible characters). A whole part of four letters or more is a name on its own;
 * a shorter one only beside another part of the same name. Neighbouring name words separated by
 * spaces become one span.
 */
export function nameSpans(text: string, index: NameIndex): NameSpan[] {
  if (index.byPrefix.size === 0) return [];
  const words = Array.from(text.matchAll(WORD), (m) => {
    const start = m.index ?? 0;
    const sk = skeleton(m[0]);
    const parts = (index.byPrefix.get(sk.slice(0, 2)) ?? []).filter((part) => wordIsPart(sk, part.skeleton));
    return { start, end: start + m[0].length, parts };
  });
  const spans: NameSpan[] = [];
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    if (word.parts.length === 0) continue;
    const near = (other: (typeof words)[number] | undefined): boolean =>
      other !== undefined &&
      /^\s+$/.test(text.slice(Math.min(word.end, other.end), Math.max(word.start, other.start))) &&
      other.parts.some((p) => word.parts.some((q) => q.name === p.name && q.index !== p.index));
    if (word.parts.some((part) => part.alone) || near(words[w - 1]) || near(words[w + 1])) {
      const last = spans[spans.length - 1];
      if (last && /^[\s\-–]+$/.test(text.slice(last.end, word.start))) last.end = word.end;
      else spans.push({ start: word.start, end: word.end });
    }
  }
  return spans;
}
