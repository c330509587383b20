/**
 * Georgian text as the themes tagger reads it: one "skeleton" spelling shared by Mkhedruli,
 * Mtavruli, Georgian typed in Latin letters and Russian in Cyrillic, so that "ჩარიცხვა",
 * "ᲩᲐᲠᲘᲪᲮᲕᲐ", "charicxva" and "chariTskhva" all read the same.
 *
 * Latin typing of Georgian has no one standard: ყ is typed y or q, ქ q or k, წ w, ts or c, ჭ ch
 * or W, ხ x or kh, ღ gh or g, შ sh or S. The skeleton therefore merges the letters people confuse
 * (ქ კ ყ → k; ც წ ჩ ჭ → c; თ ტ → t; პ ფ → p; შ ს → s; ძ ზ ჟ → z; ღ გ → g; ხ ჰ → x) and
 * collapses doubled letters. It loses distinctions Georgian makes, which costs little: the tagger
 * matches word stems of five letters and more, where two different words rarely fall together.
 */
import { foldCase, stripInvisible } from './sanitize';

/** The Georgian letters in Latin skeleton letters, merged as above; name-match.ts reuses it with its own three differences. */
export const GEORGIAN_SKELETON_LETTERS: Readonly<Record<string, string>> = {
  ა: 'a',
  ბ: 'b',
  გ: 'g',
  დ: 'd',
  ე: 'e',
  ვ: 'v',
  ზ: 'z',
  თ: 't',
  ი: 'i',
  კ: 'k',
  ლ: 'l',
  მ: 'm',
  ნ: 'n',
  ო: 'o',
  პ: 'p',
  ჟ: 'z',
  რ: 'r',
  ს: 's',
  ტ: 't',
  უ: 'u',
  ფ: 'p',
  ქ: 'k',
  ღ: 'g',
  ყ: 'k',
  შ: 's',
  ჩ: 'c',
  ც: 'c',
  ძ: 'z',
  წ: 'c',
  ჭ: 'c',
  ხ: 'x',
  ჯ: 'j',
  ჰ: 'x',
};

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'z',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'p',
  х: 'x',
  ц: 'c',
  ч: 'c',
  ш: 's',
  щ: 's',
  ъ: '',
  ы: 'i',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

/** Latin letter pairs that stand for one Georgian letter, and the single letters people use for others. */
const LATIN_PAIRS: ReadonlyArray<[RegExp, string]> = [
  [/tsk?h/g, 'cx'],
  [/sh/g, 's'],
  [/ch/g, 'c'],
  [/ts/g, 'c'],
  [/tz/g, 'c'],
  [/zh/g, 'z'],
  [/dz/g, 'z'],
  [/gh/g, 'g'],
  [/kh/g, 'x'],
  [/ph/g, 'p'],
];
const LATIN_SINGLE: Record<string, string> = { w: 'c', q: 'k', y: 'k', f: 'p', h: 'x' };

function latinRun(run: string): string {
  let out = run;
  for (const [pair, letter] of LATIN_PAIRS) out = out.replace(pair, letter);
  return out.replace(/[wqyfh]/g, (letter) => LATIN_SINGLE[letter]);
}

/**
 * The skeleton of a text: lower case, one alphabet, doubled letters collapsed, anything but
 * letters and digits a space.
 */
export function skeleton(text: string): string {
  const lowered = foldCase(stripInvisible(text)).toLowerCase();
  let out = '';
  let latin = '';
  for (const char of lowered) {
    if (char >= 'a' && char <= 'z') {
      latin += char;
      continue;
    }
    if (latin) {
      out += latinRun(latin);
      latin = '';
    }
    const mapped = GEORGIAN_SKELETON_LETTERS[char] ?? CYRILLIC[char];
    if (mapped !== undefined) out += mapped;
    else if (char >= '0' && char <= '9') out += char;
    else out += ' ';
  }
  if (latin) out += latinRun(latin);
  return out
    .replace(/([a-z])\1+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a text, in skeleton spelling. */
export function words(text: string): string[] {
  const s = skeleton(text);
  return s === '' ? [] : s.split(' ');
}

/** Whether `a` and `b` differ by at most one letter changed, added, dropped, or two swapped. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The shortest stem (in skeleton letters) a typo is forgiven in: shorter ones would match other words. */
const FUZZY_MIN = 7;

/**
 * Whether the word starts with the stem (both skeletons); a stem of seven letters or more also
 * matches with one typo in it, after its first two letters (so "უკმაყოფილო" is not read in
 * "კმაყოფილი": a prefix that turns a word into its opposite is never taken for a typo).
 */
export function startsWithStem(word: string, stem: string): boolean {
  if (word.startsWith(stem)) return true;
  if (stem.length < FUZZY_MIN || word.length < stem.length - 1 || word.slice(0, 2) !== stem.slice(0, 2)) return false;
  for (const length of [stem.length - 1, stem.length, stem.length + 1]) {
    if (length <= word.length && withinOneEdit(word.slice(0, length), stem)) return true;
  }
  return false;
}
