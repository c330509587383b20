/**
 * Scores the themes tagger on a labelled set (dev-set.json, held-out.json, replay-sample.json): micro-averaged
 * precision, recall and F1 over (text, theme) pairs, the same per theme, and polarity accuracy.
 * Used by the floor test (tests/themes/tagger-quality.test.ts) and by `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_THEMES, tagText, THEME_CODES, type Polarity } from '../../src/domain/themes';

export interface LabelledText {
  text: string;
  themes: string[];
  polarity: Polarity;
}

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface Figures extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  texts: number;
  micro: Figures;
  perTheme: Record<string, Figures>;
  polarityAccuracy: number;
  /** The texts the tagger got wrong, for tuning on the development part only. */
  errors: Array<{ text: string; expected: LabelledText; got: { themes: string[]; polarity: Polarity } }>;
}

/** A part of the set; `dir` for callers bundled elsewhere (the bench runs from the project root). */
export function loadSet(name: 'dev-set' | 'held-out' | 'replay-sample', dir: string = __dirname): LabelledText[] {
  return (JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as { items: LabelledText[] }).items;
}

function figures(c: Counts): Figures {
  const precision = c.truePositives + c.falsePositives === 0 ? 1 : c.truePositives / (c.truePositives + c.falsePositives);
  const recall = c.truePositives + c.falseNegatives === 0 ? 1 : c.truePositives / (c.truePositives + c.falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

export function evaluate(set: readonly LabelledText[]): Evaluation {
  const perTheme = new Map<string, Counts>(THEME_CODES.map((code) => [code, { truePositives: 0, falsePositives: 0, falseNegatives: 0 }]));
  let polarityRight = 0;
  const errors: Evaluation['errors'] = [];
  for (const item of set) {
    const got = tagText(item.text, DEFAULT_THEMES);
    for (const code of THEME_CODES) {
      const counts = perTheme.get(code)!;
      const expected = item.themes.includes(code);
      const found = got.themes.includes(code);
      if (expected && found) counts.truePositives++;
      else if (found) counts.falsePositives++;
      else if (expected) counts.falseNegatives++;
    }
    if (got.polarity === item.polarity) polarityRight++;
    const sameThemes = got.themes.length === item.themes.length && got.themes.every((t) => item.themes.includes(t));
    if (!sameThemes || got.polarity !== item.polarity) errors.push({ text: item.text, expected: item, got });
  }
  const total: Counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  perTheme.forEach((c) => {
    total.truePositives += c.truePositives;
    total.falsePositives += c.falsePositives;
    total.falseNegatives += c.falseNegatives;
  });
  const per: Record<string, Figures> = {};
  perTheme.forEach((c, code) => {
    per[code] = figures(c);
  });
  return { texts: set.length, micro: figures(total), perTheme: per, polarityAccuracy: set.length === 0 ? 0 : polarityRight / set.length, errors };
}
