/**
 * The redactor measured on a corpus written for it (tests/support/redaction-corpus.ts): miss rate
 * and false redactions on the part it was tuned on and on the held-out part. `npm run bench`
 * prints the same figures.
 */
import { ALL_APPLICANTS, HELD_OUT_CORPUS, TUNING_CORPUS, scoreRedaction } from '../support/redaction-corpus';

test('the corpus plants at least 300 items of every kind, in two parts', () => {
  const planted = [...TUNING_CORPUS, ...HELD_OUT_CORPUS].flatMap((text) => text.planted);
  expect(planted.length).toBeGreaterThanOrEqual(300);
  for (const kind of ['phone', 'personalNumber', 'email', 'address', 'name']) {
    expect(TUNING_CORPUS.some((text) => text.planted.some((item) => item.kind === kind))).toBe(true);
    expect(HELD_OUT_CORPUS.some((text) => text.planted.some((item) => item.kind === kind))).toBe(true);
  }
});

test.each([
  ['tuning', TUNING_CORPUS, 0.01],
  ['held-out', HELD_OUT_CORPUS, 0.05],
])('%s part: miss rate at most its bound, ordinary numbers kept', (_part, corpus, maxMiss) => {
  const score = scoreRedaction(corpus, ALL_APPLICANTS);
  expect(score.missRate).toBeLessThanOrEqual(maxMiss);
  expect(score.falseRedactionRate).toBeLessThanOrEqual(0.02);
  expect(score.collateralRate).toBeLessThanOrEqual(0.02);
});

test('the score counts a miss and a false redaction (the measure itself can fail)', () => {
  // Without the applicants' names, every planted name is missed.
  const blind = scoreRedaction(TUNING_CORPUS, []);
  expect(blind.byKind.name.missed).toBe(blind.byKind.name.planted);
  // An applicant called "ლარი" makes every amount in lari a false redaction.
  const overeager = scoreRedaction(TUNING_CORPUS, [...ALL_APPLICANTS, 'ლარი']);
  expect(overeager.falselyRedacted).toBeGreaterThan(0);
});
