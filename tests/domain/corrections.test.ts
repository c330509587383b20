/** The pure rules of the corrections flow: fingerprints, completeness, withdrawal. */
import { contentFingerprint, fingerprintCell, storedFingerprint, typedRowKey, unclaimedTypedIds } from '../../src/domain/collect-keys';
import { describeMissing, missingOther, missingPaper, withdrawnRecord } from '../../src/domain/normalize';
import { recordToRow, FEEDBACK_HEADERS } from '../../src/domain/feedback-row';

describe('fingerprints of typed rows', () => {
  const values = [new Date('2026-01-03T00:00:00+04:00'), 'newborn', 4];

  test("a row's key ends with the fingerprint of its content, so rows imported before the column need no migration", () => {
    const key = typedRowKey('paper', 2, values);
    expect(key).toBe(`paper-r2-${contentFingerprint(values)}`);
    expect(storedFingerprint(key, '')).toBe(contentFingerprint(values));
  });

  test('the stored cell wins over the key once a correction wrote it; its letter keeps Sheets from reading a number', () => {
    const corrected = contentFingerprint([...values.slice(0, 2), 2]);
    expect(fingerprintCell(corrected)).toBe(`h${corrected}`);
    expect(storedFingerprint(typedRowKey('paper', 2, values), fingerprintCell(corrected))).toBe(corrected);
    expect(fingerprintCell('')).toBe('');
  });

  test('feedback ids of a typed tab that no row claims, by row number', () => {
    const ids = ['N1-1-0', 'paper-r2-0000000a', 'paper-r3-0000000b', 'other-r2-0000000c', 'paper-r3-0000000d'];
    const orphans = unclaimedTypedIds('paper', ids, new Set(['paper-r2-0000000a']));
    expect([...orphans]).toEqual([[3, 'paper-r3-0000000d']]);
  });
});

describe('complete rows', () => {
  test('a paper form needs its date and one answer; the service may be blank', () => {
    expect(missingPaper({ 'n1.service': 'x' })).toEqual(['receivedAt', 'answer']);
    expect(missingPaper({ receivedAt: '03.01.2026', 'n1.overall': 4 })).toEqual([]);
  });

  test('a note from another channel needs its date, channel and text', () => {
    expect(missingOther({ service: 'x' })).toEqual(['receivedAt', 'channel', 'text']);
    expect(missingOther({ receivedAt: '03.01.2026', channel: 'ტელეფონი', text: 'რიგი' })).toEqual([]);
    expect(describeMissing(['receivedAt', 'answer'], (key) => key.toUpperCase())).toBe('„RECEIVEDAT“, ერთი პასუხი მაინც');
  });
});

test('a withdrawn record becomes a row with its id and flag, and no date, service, answers or text', () => {
  const row = recordToRow(withdrawnRecord('paper-r2-0000000a', 'N1', 'paper', 'გაუქმდა'));
  const by = Object.fromEntries(FEEDBACK_HEADERS.map((h, i) => [h, row[i]]));
  expect(by).toMatchObject({ id: 'paper-r2-0000000a', received_at: '', service: '', 'n1.overall': '', text: '', themes: '', flags: 'გაუქმდა' });
});
