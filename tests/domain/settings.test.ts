import { parseSettings } from '../../src/domain/settings';

describe('parseSettings: the report period and language', () => {
  it.each([
    ['კვარტალური', 'ქართული', 'quarterly', 'ka'],
    ['თვიური', 'ინგლისური', 'monthly', 'en'],
    // The codes earlier versions wrote, in any case.
    ['monthly', 'en', 'monthly', 'en'],
    [' Quarterly ', 'KA', 'quarterly', 'ka'],
  ])('reads %j and %j', (period, language, reportPeriod, lang) => {
    const parsed = parseSettings([
      ['reportPeriod', period],
      ['language', language],
    ]);
    expect(parsed.value).toMatchObject({ reportPeriod, language: lang });
    expect(parsed.problems).toEqual([]);
  });

  it('falls back to quarterly and Georgian for what it cannot read, and says so in Georgian', () => {
    const parsed = parseSettings([
      ['reportPeriod', 'ყოველთვიური?'],
      ['language', 'ფრანგული'],
    ]);
    expect(parsed.value).toMatchObject({ reportPeriod: 'quarterly', language: 'ka' });
    expect(parsed.problems).toEqual([
      'პარამეტრი „reportPeriod“: კვარტალური ან თვიური; გამოყენებულია კვარტალური',
      'პარამეტრი „language“: ქართული ან ინგლისური; გამოყენებულია ქართული',
    ]);
  });

  it('uses the defaults when the rows are missing, without a note', () => {
    const parsed = parseSettings([]);
    expect(parsed.value).toMatchObject({ reportPeriod: 'quarterly', language: 'ka' });
    expect(parsed.problems).toEqual([]);
  });
});
