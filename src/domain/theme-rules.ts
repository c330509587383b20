/**
 * The rules that turn the concepts found in a text (theme-lexicon.ts) into the themes and the
 * polarity of ../shared/themes.md. Words alone mislead: "დაგვიანება" (delay) is about the queue,
 * the decision or the money depending on what was late, and "რიგი არ იყო" (there was no queue)
 * is praise. So a word of time or waiting is given to the nearest thing it can be about, and a
 * negation turns a bad thing into praise and a good or neutral event into a problem.
 */
import { findConcepts, type Concept, type ConceptHits } from './theme-lexicon';
import type { Polarity } from './types';

export type { Polarity } from './types';
export const POLARITIES: readonly Polarity[] = ['problem', 'praise', 'suggestion', 'none'];

/** The ten theme codes of ../shared/themes.md, in their order there. */
export const THEME_CODES = [
  'queue',
  'decision_time',
  'payment_delay',
  'documents',
  'information',
  'staff',
  'aid_amount',
  'eligibility',
  'access',
  'online',
] as const;
export type ThemeCode = (typeof THEME_CODES)[number];

interface Reading {
  words: string[];
  hits: ConceptHits;
}

const at = (reading: Reading, concept: Concept): number[] => reading.hits.get(concept) ?? [];
const has = (reading: Reading, concept: Concept): boolean => at(reading, concept).length > 0;

/** Counted words ("3-ჯერ", three times) are joined to their number, so "ჯერ" (yet) is not read in them. */
function joinCounts(list: string[]): string[] {
  const out: string[] = [];
  for (const word of list) {
    if (word === 'jer' && out.length > 0 && /^\d+$/.test(out[out.length - 1])) out[out.length - 1] += word;
    else out.push(word);
  }
  return out;
}

export function readText(list: string[]): Reading {
  const joined = joinCounts(list);
  return { words: joined, hits: findConcepts(joined) };
}

type Subject = 'queue' | 'decision_time' | 'payment_delay';

/** The subject nearest a word of time or waiting, by word distance; null when the text names none. */
function nearestSubject(reading: Reading, position: number): Subject | null {
  const paid = has(reading, 'money') || has(reading, 'inKind');
  const subjects: Array<[Subject, number[]]> = [
    ['queue', [...at(reading, 'queueNoun'), ...at(reading, 'standing'), ...at(reading, 'shortTime')]],
    ['decision_time', [...at(reading, 'decision'), ...at(reading, 'answer')]],
    [
      'payment_delay',
      paid ? [...at(reading, 'money'), ...at(reading, 'inKind'), ...at(reading, 'transfer'), ...at(reading, 'delivered')] : at(reading, 'transfer'),
    ],
  ];
  // A genitive before another subject modifies it: in "თანადაფინანსების განხილვა" the review is late, not the money.
  const all = new Set(subjects.flatMap(([, positions]) => positions));
  const modifier = (p: number): boolean => reading.words[p].endsWith('is') && all.has(p + 1);
  let best: Subject | null = null;
  let bestDistance = Infinity;
  for (const [subject, positions] of subjects) {
    for (const p of positions) {
      if (modifier(p)) continue;
      const distance = Math.abs(p - position);
      if (distance < bestDistance) {
        best = subject;
        bestDistance = distance;
      }
    }
  }
  return best;
}

function isNegated(reading: Reading, position: number, before = 2, after = 2): boolean {
  return at(reading, 'negator').some((n) => n !== position && n >= position - before && n <= position + after);
}

/** The default themes a text is about, by the rules above. */
export function ruleThemes(reading: Reading): Set<ThemeCode> {
  const themes = new Set<ThemeCode>();
  const amount = has(reading, 'amount');
  const paidFor = has(reading, 'money') || has(reading, 'inKind');

  if (has(reading, 'queueNoun') || has(reading, 'standing')) themes.add('queue');

  // Words of time, delay or waiting go to what they are about.
  for (const concept of ['delay', 'longTime', 'onTime', 'waiting'] as const) {
    for (const position of at(reading, concept)) {
      const subject = nearestSubject(reading, position);
      if (subject) themes.add(subject);
      else if (concept === 'waiting') themes.add('queue');
    }
  }
  if (has(reading, 'shortTime') && (has(reading, 'waiting') || has(reading, 'standing'))) themes.add('queue');

  // A transfer, or a delivery of money or goods, is about the payment — unless only its size is at issue.
  const deliveryNegated = [...at(reading, 'transfer'), ...(paidFor ? at(reading, 'delivered') : [])].some((p) => isNegated(reading, p));
  const timed = has(reading, 'delay') || has(reading, 'onTime') || has(reading, 'waiting') || has(reading, 'longTime');
  if (deliveryNegated || (paidFor && timed && !themes.has('decision_time'))) themes.add('payment_delay');
  if (has(reading, 'transfer') && !(amount && !timed && !deliveryNegated)) themes.add('payment_delay');
  // Firewood or food that came wet, spoilt or short is about its delivery, unless the amount is at issue.
  if (has(reading, 'inKind') && !amount && (has(reading, 'delivered') || timed || has(reading, 'bad'))) themes.add('payment_delay');

  if (amount && (paidFor || reading.words.some((w) => w.startsWith('odenob')))) themes.add('aid_amount');
  if (has(reading, 'documents')) themes.add('documents');

  // "უარი მითხრეს" (they told me no) is a refusal, not information.
  const refusals = at(reading, 'eligibility');
  if (at(reading, 'information').some((p) => !refusals.includes(p - 1))) themes.add('information');
  if (has(reading, 'staffNoun') || has(reading, 'staffManner')) themes.add('staff');
  if (refusals.length > 0) themes.add('eligibility');
  if (has(reading, 'access')) themes.add('access');
  if (has(reading, 'online')) themes.add('online');
  return themes;
}

const PREVERBS = /^(gada|gamo|amo|camo|semo|ga|da|se|ca|mo|mi|gv|a)/;

/**
 * A second-person plural command ("გააკეთეთ", "გაზარდოთ", "გახსენით"): a proposal. Nouns in the
 * instrumental end in -ით too ("დაგვიანებით", "მოთმინებით"), after a suffix a command lacks.
 */
function isRequest(word: string): boolean {
  if (word.length < 6 || word.startsWith('v') || !PREVERBS.test(word)) return false;
  return /(et|ot)$/.test(word) || (/it$/.test(word) && !/(eb|ob|ul|il|al|ad)it$/.test(word));
}

/**
 * "უნდა" (must) with a subjunctive ("უნდა გაიზარდოს", "უნდა გაზარდოთ") proposes; with a past
 * form ending in -ა ("უნდა ჩამომეტანა", I had to bring) it tells what happened.
 */
function countMusts(list: readonly string[]): number {
  let count = 0;
  for (let i = 0; i + 1 < list.length; i++) if (list[i] === 'unda' && /[stn]$/.test(list[i + 1])) count++;
  return count;
}

const CLAUSE_WORDS = new Set(['da', 'magram', 'tumca', 'rom', 'mere', 'radgan', 'amitom', 'an', 'no', 'i']);

/** Whether a word joining two clauses ("და", "მაგრამ", "რომ") stands between positions a and b. */
function crossesClause(list: readonly string[], a: number, b: number): boolean {
  for (let i = Math.min(a, b) + 1; i < Math.max(a, b); i++) if (CLAUSE_WORDS.has(list[i])) return true;
  return false;
}

/** The dominant polarity of a text (themes.md: one per text; praise and complaint together is a problem). */
export function rulePolarity(reading: Reading, themeCount: number, question = false): Polarity {
  const paidFor = has(reading, 'money') || has(reading, 'inKind') || has(reading, 'shortTime') || has(reading, 'queueNoun');
  // Waiting, standing in line and delays are bad unless denied ("ლოდინი არ მომიწია").
  const badAt = [
    ...at(reading, 'bad'),
    ...at(reading, 'waiting'),
    ...at(reading, 'standing'),
    ...at(reading, 'delay').filter((p) => !at(reading, 'bad').includes(p)),
  ];
  if (paidFor) badAt.push(...at(reading, 'tooLittle'));
  const deniable = [...at(reading, 'deniedBad'), ...at(reading, 'waiting'), ...at(reading, 'standing')];
  let bad = badAt.length + reading.words.filter((w) => /^\d+jer$/.test(w)).length;
  const goodAt = at(reading, 'good');
  let good = goodAt.length;
  let happened = at(reading, 'happened').length;
  const nothing = at(reading, 'nothing');
  const suggestions = at(reading, 'suggestion').length + reading.words.filter(isRequest).length + countMusts(reading.words);

  for (const n of at(reading, 'negator')) {
    // "არა" alone, or "შენიშვნა არ მაქვს": nothing is denied.
    if (reading.words.length === 1 || (themeCount === 0 && nothing.some((p) => Math.abs(p - n) <= 2))) continue;
    const inScope = (p: number): boolean => p !== n && p >= n - 2 && p <= n + 2 && !crossesClause(reading.words, p, n);
    if (deniable.some(inScope)) {
      good++;
      bad -= badAt.filter(inScope).length;
      continue;
    }
    good -= goodAt.filter((p) => p >= n - 2 && p <= n + 2).length;
    happened -= at(reading, 'happened').filter((p) => p > n && p <= n + 3).length;
    bad++;
  }
  const contrast = reading.words.some((w) => w === 'magram' || w === 'tumca' || w === 'no');

  if (suggestions > 0 && bad <= 1) return 'suggestion';
  if (bad > 0 && (bad >= good || contrast)) return 'problem';
  if (good > 0) return 'praise';
  if (has(reading, 'thanks')) return themeCount > 0 ? 'praise' : 'none';
  // Something was done and nothing was wrong: "დამირეკეს და მითხრეს შედეგი".
  if (bad <= 0 && happened > 0 && suggestions === 0) return 'praise';
  if (suggestions > 0) return 'suggestion';
  if (nothing.length > 0 && themeCount === 0) return 'none';
  // A question, or staff noting one, with nothing wrong in it: no evaluation.
  if (bad <= 0 && (question || has(reading, 'asking'))) return 'none';
  return themeCount > 0 || bad > 0 ? 'problem' : 'none';
}
