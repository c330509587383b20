/**
 * Floors under the themes tagger's quality on the labelled set (tests/themes/*.json), so that a
 * change to the lexicon or the rules that makes it worse fails. The held-out part was written
 * before the tagger was tuned and is never tuned on; `npm run bench` prints the figures.
 */
import { evaluate, loadSet } from './evaluate';

describe('themes tagger on the labelled set', () => {
  const heldOut = evaluate(loadSet('held-out'));
  const dev = evaluate(loadSet('dev-set'));

  test('the set is several hundred texts, at least 30% of them held out', () => {
    expect(dev.texts + heldOut.texts).toBeGreaterThanOrEqual(400);
    expect(heldOut.texts / (dev.texts + heldOut.texts)).toBeGreaterThanOrEqual(0.3);
  });

  test('held out: theme micro-F1 and polarity accuracy at least 0.80', () => {
    expect(heldOut.micro.f1).toBeGreaterThanOrEqual(0.8);
    expect(heldOut.polarityAccuracy).toBeGreaterThanOrEqual(0.8);
  });

  test('held out: every theme found with F1 at least 0.6', () => {
    for (const [theme, figures] of Object.entries(heldOut.perTheme)) expect([theme, figures.f1 >= 0.6]).toEqual([theme, true]);
  });

  test('outside texts (the demo sample, another author): theme micro-F1 and polarity accuracy at least 0.75', () => {
    const outside = evaluate(loadSet('replay-sample'));
    expect(outside.micro.f1).toBeGreaterThanOrEqual(0.75);
    expect(outside.polarityAccuracy).toBeGreaterThanOrEqual(0.75);
  });

  test('development part: theme micro-F1 and polarity accuracy at least 0.85', () => {
    expect(dev.micro.f1).toBeGreaterThanOrEqual(0.85);
    expect(dev.polarityAccuracy).toBeGreaterThanOrEqual(0.85);
  });
});
