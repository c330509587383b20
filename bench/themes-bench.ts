/**
 * `npm run bench -- --jobs themes`: how well the themes tagger does on the labelled set of
 * tests/themes (development part and held-out part apart; the held-out part was written before
 * tuning and is never tuned on; both by the tagger's author, so an outside check on the demo's
 * sample texts, written by someone else, is printed too), and what it costs per text. Precision, recall and F1 are
 * micro-averaged over (text, theme) pairs; polarity accuracy is the share of texts whose one
 * polarity is right.
 */
import { join } from 'node:path';
import { evaluate, loadSet, type Evaluation } from '../tests/themes/evaluate';
import { DEFAULT_THEMES, tagText, THEME_CODES } from '../src/domain/themes';

export interface ThemesBench {
  dev: Omit<Evaluation, 'errors'>;
  heldOut: Omit<Evaluation, 'errors'>;
  /**
   * The demo's sample texts, written by another author and labelled before the tagger saw them;
   * first measured untuned (F1 0.753, polarity 0.800), then the faults they showed (a note's source
   * label read as content, firewood read in შესვლა, questions read as problems) were fixed.
   */
  outside: Omit<Evaluation, 'errors'>;
  /** CPU time in this process to tag every text of both parts, per text. */
  msPerText: number;
}

const pct = (x: number): string => x.toFixed(3);

export function themesBench(): { figures: ThemesBench; text: string } {
  const dir = join(process.cwd(), 'tests', 'themes');
  const devSet = loadSet('dev-set', dir);
  const heldSet = loadSet('held-out', dir);
  const { errors: _devErrors, ...dev } = evaluate(devSet);
  const { errors: _heldErrors, ...heldOut } = evaluate(heldSet);
  const { errors: _outsideErrors, ...outside } = evaluate(loadSet('replay-sample', dir));
  const texts = [...devSet, ...heldSet].map((item) => item.text);
  const rounds = 20;
  const start = process.cpuUsage();
  for (let r = 0; r < rounds; r++) for (const text of texts) tagText(text, DEFAULT_THEMES);
  const used = process.cpuUsage(start);
  const msPerText = (used.user + used.system) / 1000 / (rounds * texts.length);

  const lines = [
    `themes tagger on the labelled set (tests/themes): development ${dev.texts} texts, held out ${heldOut.texts} texts`,
    '| theme | dev P | dev R | dev F1 | held-out P | held-out R | held-out F1 | held-out n |',
    '|---|---|---|---|---|---|---|---|',
    ...THEME_CODES.map((code) => {
      const d = dev.perTheme[code];
      const h = heldOut.perTheme[code];
      return `| ${code} | ${pct(d.precision)} | ${pct(d.recall)} | ${pct(d.f1)} | ${pct(h.precision)} | ${pct(h.recall)} | ${pct(h.f1)} | ${h.truePositives + h.falseNegatives} |`;
    }),
    `| **micro** | ${pct(dev.micro.precision)} | ${pct(dev.micro.recall)} | ${pct(dev.micro.f1)} | ${pct(heldOut.micro.precision)} | ${pct(heldOut.micro.recall)} | ${pct(heldOut.micro.f1)} | ${heldOut.micro.truePositives + heldOut.micro.falseNegatives} |`,
    `polarity accuracy: dev ${pct(dev.polarityAccuracy)}, held out ${pct(heldOut.polarityAccuracy)}`,
    `outside check (${outside.texts} texts of the demo's sample, another author, first measured untuned at F1 0.753 and polarity 0.800, then the faults it showed were fixed): theme micro P ${pct(outside.micro.precision)} R ${pct(outside.micro.recall)} F1 ${pct(outside.micro.f1)}, polarity accuracy ${pct(outside.polarityAccuracy)}`,
    `tagging cost: ${msPerText.toFixed(3)} ms CPU per text (Node ${process.version})`,
  ];
  return { figures: { dev, heldOut, outside, msPerText }, text: lines.join('\n') };
}
