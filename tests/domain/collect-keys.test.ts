import {
  START,
  answersOfRow,
  fingerprint,
  keyRows,
  mapResponseColumns,
  rememberTitles,
  legacyResponseKey,
  responseKey,
  typedRowKey,
  type TitleHistory,
} from '../../src/domain/collect-keys';

const t0 = new Date('2026-01-05T05:00:00Z');
const t1 = new Date('2026-01-05T05:00:01Z');

describe('keys', () => {
  test('fingerprint is deterministic and content-sensitive', () => {
    expect(fingerprint('abc')).toBe(fingerprint('abc'));
    expect(fingerprint('abc')).not.toBe(fingerprint('abd'));
    expect(fingerprint('')).toMatch(/^[0-9a-f]{8}$/);
  });
  test('typed rows: same row and content, same key; other row or content, other key', () => {
    const a = typedRowKey('paper', 3, ['newborn', 4, t0]);
    expect(a).toMatch(/^paper-r3-[0-9a-f]{8}$/);
    expect(typedRowKey('paper', 3, ['newborn', 4, new Date(t0.getTime())])).toBe(a);
    expect(typedRowKey('paper', 4, ['newborn', 4, t0])).not.toBe(a);
    expect(typedRowKey('paper', 3, ['newborn', 5, t0])).not.toBe(a);
  });
  test('responses: form, the day (never the time) and the place among that day’s rows', () => {
    // 05:00 UTC is 09:00 in Tbilisi, 5 January.
    expect(responseKey('N1', t0, 0)).toBe('N1-20260105-0');
    expect(responseKey('N1', t1, 0)).toBe(responseKey('N1', t0, 0));
    expect(responseKey('N1', t0, 1)).not.toBe(responseKey('N1', t0, 0));
    expect(responseKey('N1', 'not a date', 0)).toMatch(/^N1-x[0-9a-f]{8}-0$/);
    // Nothing of the instant: neither the milliseconds nor the seconds.
    expect(responseKey('N1', t0, 0)).not.toContain(String(t0.getTime()));
  });
  test('the key a row had when keys held the time is still known', () => {
    expect(legacyResponseKey('N1', t0, 0)).toBe(`N1-${t0.getTime()}-0`);
    const read = keyRows('N1', [[t0, 'a']], 2, START)!;
    expect(read.keyed[0].legacyKey).toBe(`N1-${t0.getTime()}-0`);
  });
});

describe('column mapping through the title history', () => {
  const history: TitleHistory = { 'n1.a': ['Old A'], 'n1.b': ['B'] };
  test('a renamed item maps both its columns; the answered one wins', () => {
    expect(rememberTitles(history, { 'n1.a': 'New A', 'n1.b': 'B' })).toBe(true);
    expect(rememberTitles(history, { 'n1.a': 'New A' })).toBe(false);
    const map = mapResponseColumns(['Timestamp', 'B', 'Old A', 'Stray', 'New A'], history, ['n1.a', 'n1.b']);
    expect([...map.byColumn]).toEqual([
      [1, 'n1.b'],
      [2, 'n1.a'],
      [4, 'n1.a'],
    ]);
    expect(map.unknown).toEqual(['Stray']);
    expect(answersOfRow([t0, 3, 5, 'x', ''], map)).toEqual({ 'n1.b': 3, 'n1.a': 5 });
    expect(answersOfRow([t0, 3, '', 'x', 2], map)).toEqual({ 'n1.b': 3, 'n1.a': 2 });
  });
  test('two items sharing a title take its columns in order', () => {
    const map = mapResponseColumns(['Timestamp', 'Same', 'Same'], { x: ['Same'], y: ['Same'] }, ['x', 'y']);
    expect([...map.byColumn]).toEqual([
      [1, 'x'],
      [2, 'y'],
    ]);
  });
});

describe('watermark', () => {
  const rows = [
    [t0, 'a'],
    [t0, 'b'],
    [t1, 'c'],
  ];
  test('a full read keys same-day rows by their place and ends at the last row', () => {
    const read = keyRows('N1', rows, 2, START)!;
    expect(read.keyed.map((k) => [k.sheetRow, k.key])).toEqual([
      [2, 'N1-20260105-0'],
      [3, 'N1-20260105-1'],
      [4, 'N1-20260105-2'],
    ]);
    expect(read.next).toMatchObject({ row: 4, tailStamp: '20260105', tailCount: 3 });
  });
  test('an incremental read continues the count of the anchor’s day', () => {
    const first = keyRows('N1', rows.slice(0, 2), 2, START)!;
    const next = keyRows('N1', [rows[1], rows[2], [t1, 'd']], 3, first.next)!;
    expect(next.keyed.map((k) => k.key)).toEqual([responseKey('N1', t1, 2), responseKey('N1', t1, 3)]);
    const again = keyRows(
      'N1',
      [
        [t0, 'b'],
        [t0, 'late'],
      ],
      3,
      first.next,
    )!;
    expect(again.keyed.map((k) => k.key)).toEqual([responseKey('N1', t0, 2)]);
  });
  test('an anchor that no longer matches asks for a full read', () => {
    const first = keyRows('N1', rows, 2, START)!;
    expect(keyRows('N1', [[t0, 'sorted']], 4, first.next)).toBeNull();
    // Sorted within the day: the day matches, the anchor row's content does not.
    expect(keyRows('N1', [[t1, 'a']], 4, first.next)).toBeNull();
    expect(keyRows('N1', [], 4, first.next)).toBeNull();
  });
  test('blank rows are skipped and do not move the watermark', () => {
    const read = keyRows(
      'N1',
      [
        [t0, 'a'],
        ['', ''],
      ],
      2,
      START,
    )!;
    expect(read.keyed).toHaveLength(1);
    expect(read.next.row).toBe(2);
  });
});
