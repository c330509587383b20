import { agreeShare, compare, isScore, mean, responseRate, summarize, wilson } from '../../src/domain/stats';

describe('wilson', () => {
  it('matches a hand computation for 8 of 10', () => {
    // p = .8, z² = 3.8416: (0.99208 ∓ 1.96·√0.025604) / 1.38416
    const interval = wilson(8, 10)!;
    expect(interval.low).toBeCloseTo(0.4902, 4);
    expect(interval.high).toBeCloseTo(0.9433, 4);
  });

  it('has no interval for 0 of 0', () => {
    expect(wilson(0, 0)).toBeNull();
  });

  it('is not zero-width at 5 of 5 or 0 of 5', () => {
    // 5/5: low = (1 + 0.38416 − 1.96·√(3.8416/100)) / 1.76832 = 0.5655
    const all = wilson(5, 5)!;
    expect(all.low).toBeCloseTo(0.5655, 4);
    expect(all.high).toBe(1);
    const none = wilson(0, 5)!;
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.4345, 4);
  });

  it('narrows as n grows and honours z', () => {
    const small = wilson(50, 100)!;
    const large = wilson(500, 1000)!;
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    const z1 = wilson(50, 100, 1)!;
    expect(z1.high - z1.low).toBeLessThan(small.high - small.low);
  });
});

describe('summaries', () => {
  it('counts only valid 1–5 answers: skips are not zeros', () => {
    const values = [5, 4, 3, null, 2, '', 7, 0, 4.5, 1, undefined];
    expect(summarize(values)).toEqual({
      suppressed: false,
      n: 5,
      agree: 2,
      share: 0.4,
      low: wilson(2, 5)!.low,
      high: wilson(2, 5)!.high,
      mean: 3,
    });
    expect(agreeShare(values)).toBe(0.4);
    expect(mean(values)).toBe(3);
    expect(isScore(3)).toBe(true);
    expect(isScore('3')).toBe(false);
  });

  it('is null-safe for an empty group', () => {
    expect(summarize([null, null])).toEqual({ suppressed: false, n: 0, agree: 0, share: null, low: null, high: null, mean: null });
    expect(agreeShare([])).toBeNull();
    expect(mean([])).toBeNull();
  });
});

describe('compare', () => {
  const high = summarize([...Array(90).fill(5), ...Array(10).fill(1)]); // 90 % [0.826, 0.945]
  const low = summarize([...Array(60).fill(5), ...Array(40).fill(1)]); // 60 % [0.502, 0.691]
  const close = summarize([...Array(85).fill(5), ...Array(15).fill(1)]);

  it('reports a change only when the intervals do not overlap', () => {
    expect(compare(high, low)).toBe('up');
    expect(compare(low, high)).toBe('down');
    expect(compare(high, close)).toBe('no_change');
  });

  it('is insufficient when a side is suppressed, missing or empty', () => {
    expect(compare(high, { suppressed: true })).toBe('insufficient');
    expect(compare({ suppressed: true }, high)).toBe('insufficient');
    expect(compare(high, undefined)).toBe('insufficient');
    expect(compare(high, summarize([]))).toBe('insufficient');
  });
});

describe('responseRate', () => {
  it('is responses per invitation, null without invitations', () => {
    expect(responseRate(12, 40)).toBe(0.3);
    expect(responseRate(3, 0)).toBeNull();
  });
});
