import {
  MONTHS_KA,
  customPeriod,
  formatDateKa,
  formatDateTimeKa,
  inPeriod,
  isDate,
  parseDateInput,
  periodOf,
  previousPeriod,
  samePeriodLastYear,
} from '../../src/domain/dates';
import { runInNewContext } from 'node:vm';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

describe('parseDateInput', () => {
  test.each([
    ['2026-01-05', '2026-01-04T20:00:00.000Z'],
    ['2026-01-05T09:00:00+04:00', '2026-01-05T05:00:00.000Z'],
    ['2026-01-05T09:00:00Z', '2026-01-05T09:00:00.000Z'],
    ['2026-01-05T09:00:00.5-0300', '2026-01-05T12:00:00.500Z'],
    ['2026-01-05T09:00', '2026-01-05T05:00:00.000Z'],
    ['2026-07-05 09:30', '2026-07-05T05:30:00.000Z'],
    ['05.01.2026', '2026-01-04T20:00:00.000Z'],
    ['5.1.2026', '2026-01-04T20:00:00.000Z'],
    ['05/01/2026', '2026-01-04T20:00:00.000Z'],
    [' 31.12.2026 ', '2026-12-30T20:00:00.000Z'],
    ['05.01.2026 14:30', '2026-01-05T10:30:00.000Z'],
    ['29.02.2028', '2028-02-28T20:00:00.000Z'],
  ])('%j → %s (Tbilisi, UTC+4)', (input, expected) => {
    expect(iso(parseDateInput(input))).toBe(expected);
  });

  test.each([
    '31.02.2026',
    '29.02.2027',
    '32.01.2026',
    '00.01.2026',
    '01.13.2026',
    '2026-13-01',
    '2026-02-30',
    '2026-01-05T24:00',
    '01-05-2026',
    '5 2026 წლის იანვარი',
    'ხვალ',
    '',
    '   ',
    '2026',
    '05.01.26',
    '2026-1-5',
  ])('rejects %j', (input) => {
    expect(parseDateInput(input)).toBeNull();
  });

  test('non-strings and invalid Dates are null; Dates are copied', () => {
    expect(parseDateInput(null)).toBeNull();
    expect(parseDateInput(46000)).toBeNull();
    expect(parseDateInput(new Date(NaN))).toBeNull();
    const d = new Date('2026-03-01T10:00:00Z');
    const copy = parseDateInput(d)!;
    expect(copy).not.toBe(d);
    expect(copy.getTime()).toBe(d.getTime());
  });

  test('a Date from another realm (the Apps Script vm) is accepted', () => {
    const foreign = runInNewContext('new Date(Date.UTC(2026, 0, 5))') as unknown;
    expect(foreign instanceof Date).toBe(false);
    expect(isDate(foreign)).toBe(true);
    expect(iso(parseDateInput(foreign))).toBe('2026-01-05T00:00:00.000Z');
  });

  test('other time zones', () => {
    expect(iso(parseDateInput('05.01.2026', 'UTC'))).toBe('2026-01-05T00:00:00.000Z');
    expect(() => parseDateInput('05.01.2026', 'Europe/Paris')).toThrow('Unsupported time zone');
  });
});

describe('formatting', () => {
  test('formatDateKa uses Tbilisi time', () => {
    expect(formatDateKa(new Date('2026-01-04T20:00:00Z'))).toBe('05.01.2026');
    expect(formatDateKa(new Date('2026-01-04T19:59:59Z'))).toBe('04.01.2026');
    expect(formatDateTimeKa(new Date('2026-07-05T05:07:00Z'))).toBe('05.07.2026 09:07');
  });
  test('parse and format round-trip', () => {
    expect(formatDateKa(parseDateInput('09.11.2026')!)).toBe('09.11.2026');
  });
});

describe('periods', () => {
  const at = (s: string): Date => parseDateInput(s)!;

  test('month', () => {
    const p = periodOf('month', at('15.02.2026 12:00'));
    expect(p).toMatchObject({ kind: 'month', label: '2026 წლის თებერვალი', labelEn: 'February 2026' });
    expect(iso(p.from)).toBe(iso(at('01.02.2026')));
    expect(iso(p.to)).toBe(iso(at('01.03.2026')));
  });

  test('a moment just after Tbilisi midnight belongs to the new month', () => {
    const p = periodOf('month', new Date('2026-02-28T20:00:00Z'));
    expect(p.label).toBe('2026 წლის მარტი');
  });

  test('every month has its Georgian name', () => {
    expect(MONTHS_KA).toHaveLength(12);
    expect(periodOf('month', at('01.12.2026')).label).toBe('2026 წლის დეკემბერი');
    expect(iso(periodOf('month', at('01.12.2026')).to)).toBe(iso(at('01.01.2027')));
  });

  test('quarter', () => {
    const q = periodOf('quarter', at('05.01.2026'));
    expect(q).toMatchObject({ kind: 'quarter', label: '2026 წლის I კვარტალი', labelEn: 'Q1 2026' });
    expect(iso(q.to)).toBe(iso(at('01.04.2026')));
    expect(periodOf('quarter', at('30.09.2026')).label).toBe('2026 წლის III კვარტალი');
    expect(periodOf('quarter', at('31.12.2026')).label).toBe('2026 წლის IV კვარტალი');
  });

  test('year', () => {
    const y = periodOf('year', at('05.06.2026'));
    expect(y).toMatchObject({ label: '2026 წელი', labelEn: '2026' });
    expect(iso(y.from)).toBe(iso(at('01.01.2026')));
    expect(iso(y.to)).toBe(iso(at('01.01.2027')));
  });

  test('previousPeriod', () => {
    expect(previousPeriod(periodOf('month', at('10.01.2026'))).label).toBe('2025 წლის დეკემბერი');
    expect(previousPeriod(periodOf('quarter', at('10.01.2026'))).label).toBe('2025 წლის IV კვარტალი');
    expect(previousPeriod(periodOf('year', at('10.01.2026'))).label).toBe('2025 წელი');
  });

  test('samePeriodLastYear', () => {
    expect(samePeriodLastYear(periodOf('month', at('10.03.2026'))).label).toBe('2025 წლის მარტი');
    expect(samePeriodLastYear(periodOf('quarter', at('10.08.2026'))).label).toBe('2025 წლის III კვარტალი');
  });

  test('custom periods: whole days, both ends inclusive', () => {
    const p = customPeriod(at('2026-01-01'), at('2026-01-10'));
    expect(p.kind).toBe('custom');
    expect(p.label).toBe('01.01.2026–10.01.2026');
    expect(inPeriod(at('10.01.2026 23:59'), p)).toBe(true);
    expect(inPeriod(at('11.01.2026'), p)).toBe(false);
    expect(inPeriod(at('01.01.2026'), p)).toBe(true);
    expect(inPeriod(new Date(at('01.01.2026').getTime() - 1), p)).toBe(false);
    expect(previousPeriod(p).label).toBe('22.12.2025–31.12.2025');
    expect(samePeriodLastYear(p).label).toBe('01.01.2025–10.01.2025');
    expect(samePeriodLastYear(customPeriod(at('29.02.2028'), at('29.02.2028'))).label).toBe('28.02.2027–28.02.2027');
    expect(samePeriodLastYear(customPeriod(at('01.02.2028'), at('28.02.2028'))).label).toBe('01.02.2027–28.02.2027');
    // 1–29 February 2028 is the whole month: last year's is February 2027 (28 days).
    expect(samePeriodLastYear(customPeriod(at('01.02.2028'), at('29.02.2028'))).label).toBe('2027 წლის თებერვალი');
    expect(samePeriodLastYear(customPeriod(at('29.02.2028'), at('10.03.2028'))).label).toBe('28.02.2027–10.03.2027');
  });
});

describe('customPeriod over exactly a calendar period', () => {
  test.each([
    ['2026-01-01', '2026-03-31', 'quarter', '2026 წლის I კვარტალი'],
    ['2026-02-01', '2026-02-28', 'month', '2026 წლის თებერვალი'],
    ['2025-01-01', '2025-12-31', 'year', '2025 წელი'],
  ])('%s..%s is the %s %s', (first, last, kind, label) => {
    const period = customPeriod(parseDateInput(first)!, parseDateInput(last)!);
    expect(period.kind).toBe(kind);
    expect(period.label).toBe(label);
  });
  test('other ranges stay custom, labelled by their dates', () => {
    const period = customPeriod(parseDateInput('2026-01-01')!, parseDateInput('2026-03-30')!);
    expect(period.kind).toBe('custom');
    expect(period.label).toBe('01.01.2026–30.03.2026');
  });
});
