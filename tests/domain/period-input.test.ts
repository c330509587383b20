import { parsePeriodInput } from '../../src/domain/period-input';

const NOW = new Date('2026-04-03T10:00:00+04:00');
const tbilisi = (iso: string): number => new Date(`${iso}T00:00:00+04:00`).getTime();

function parsed(text: string): { from: number; to: number; label: string; kind: string } {
  const result = parsePeriodInput(text, NOW);
  if (!result.ok) throw new Error(result.error);
  return { from: result.period.from.getTime(), to: result.period.to.getTime(), label: result.period.label, kind: result.period.kind };
}

describe('parsePeriodInput', () => {
  it.each([
    ['2026-Q1', 'quarter', '2026-01-01', '2026-04-01', '2026 წლის I კვარტალი'],
    ['2025-q4', 'quarter', '2025-10-01', '2026-01-01', '2025 წლის IV კვარტალი'],
    ['Q2 2025', 'quarter', '2025-04-01', '2025-07-01', '2025 წლის II კვარტალი'],
    ['2026-03', 'month', '2026-03-01', '2026-04-01', '2026 წლის მარტი'],
    ['12.2025', 'month', '2025-12-01', '2026-01-01', '2025 წლის დეკემბერი'],
    ['2025', 'year', '2025-01-01', '2026-01-01', '2025 წელი'],
    // dates spanning exactly a calendar quarter or month are that period
    ['2026-01-01..2026-03-31', 'quarter', '2026-01-01', '2026-04-01', '2026 წლის I კვარტალი'],
    [' 01.02.2026 .. 15.02.2026 ', 'custom', '2026-02-01', '2026-02-16', '01.02.2026–15.02.2026'],
    ['2026-01-01 – 2026-01-31', 'month', '2026-01-01', '2026-02-01', '2026 წლის იანვარი'],
  ])('reads %j as a %s in Tbilisi time', (text, kind, from, to, label) => {
    expect(parsed(text)).toEqual({ kind, from: tbilisi(from), to: tbilisi(to), label });
  });

  it.each([
    // As the reports name periods, and the other way round people also write.
    ['2026 წლის I კვარტალი', 'quarter', '2026-01-01', '2026-04-01'],
    ['I კვარტალი 2026', 'quarter', '2026-01-01', '2026-04-01'],
    ['2025 წლის IV კვარტალი', 'quarter', '2025-10-01', '2026-01-01'],
    ['ii კვარტალი 2025', 'quarter', '2025-04-01', '2025-07-01'],
    ['2025 წ. III კვ.', 'quarter', '2025-07-01', '2025-10-01'],
    ['1-ლი კვარტალი 2026', 'quarter', '2026-01-01', '2026-04-01'],
    ['2026 წლის 1 კვარტალი', 'quarter', '2026-01-01', '2026-04-01'],
    ['მარტი 2026', 'month', '2026-03-01', '2026-04-01'],
    ['2026 წლის მარტი', 'month', '2026-03-01', '2026-04-01'],
    ['2025 წლის  დეკემბერი ', 'month', '2025-12-01', '2026-01-01'],
    ['იანვრის 2026', 'month', '2026-01-01', '2026-02-01'],
    ['მარტის 2026', 'month', '2026-03-01', '2026-04-01'],
    ['ᲛᲐᲠᲢᲘ 2026', 'month', '2026-03-01', '2026-04-01'],
    ['2025 წელი', 'year', '2025-01-01', '2026-01-01'],
    ['01.01.2026–31.03.2026', 'quarter', '2026-01-01', '2026-04-01'],
    ['01.02.2026–15.02.2026', 'custom', '2026-02-01', '2026-02-16'],
  ])('reads the Georgian %j as a %s', (text, kind, from, to) => {
    const period = parsed(text);
    expect(period).toMatchObject({ kind, from: tbilisi(from), to: tbilisi(to) });
    // A report's own label is read back as the same period.
    expect(parsed(period.label)).toEqual(period);
  });

  it('refuses a Georgian period that does not exist or has not begun', () => {
    const q3 = parsePeriodInput('2026 წლის III კვარტალი', NOW);
    expect(!q3.ok && q3.error.startsWith('პერიოდი „2026 წლის III კვარტალი“ ჯერ არ დაწყებულა.')).toBe(true);
    expect(parsePeriodInput('V კვარტალი 2026', NOW).ok).toBe(false);
    expect(parsePeriodInput('მარტი', NOW).ok).toBe(false);
    const old = parsePeriodInput('1999 წლის მარტი', NOW);
    expect(!old.ok && old.error.startsWith('წელი 1999 არ არის დასაშვები.')).toBe(true);
  });

  it('accepts the current, unfinished period', () => {
    expect(parsed('2026-Q2').from).toBe(tbilisi('2026-04-01'));
  });

  it.each([
    ['', 'პერიოდი არ არის მითითებული.'],
    ['   ', 'პერიოდი არ არის მითითებული.'],
    ['2026-Q5', '„2026-Q5“ — პერიოდი ვერ წავიკითხე.'],
    ['2026-13', 'თვე 13 არ არსებობს.'],
    ['1999', 'წელი 1999 არ არის დასაშვები.'],
    ['2026-02-30..2026-03-31', '„2026-02-30“ არ არის სწორი თარიღი.'],
    ['2026-03-31..2026-01-01', 'პერიოდის დასაწყისი მის დასასრულზე გვიანაა.'],
    ['2026-Q3', 'პერიოდი „2026 წლის III კვარტალი“ ჯერ არ დაწყებულა.'],
    ['last quarter', '„last quarter“ — პერიოდი ვერ წავიკითხე.'],
  ])('refuses %j in Georgian, with examples of what works', (text, reason) => {
    const result = parsePeriodInput(text, NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.startsWith(reason)).toBe(true);
    expect(result.error).toContain('მაგალითად: 2026 წლის I კვარტალი (ან 2026-Q1)');
  });

  it('refuses what is not text', () => {
    expect(parsePeriodInput(undefined, NOW).ok).toBe(false);
    expect(parsePeriodInput(2026, NOW).ok).toBe(false);
  });

  it('cuts a long unreadable input in the message', () => {
    const result = parsePeriodInput('x'.repeat(500), NOW);
    expect(!result.ok && result.error.length).toBeLessThan(300);
  });
});
