import { DEFAULT_THEMES, effectiveThemes, parseKeywords, tagThemes } from '../../src/domain/themes';

const tag = (text: string): string[] => tagThemes(text, DEFAULT_THEMES);

describe('DEFAULT_THEMES', () => {
  test('ids are unique and every theme has Georgian label and stems', () => {
    expect(new Set(DEFAULT_THEMES.map((t) => t.id)).size).toBe(DEFAULT_THEMES.length);
    for (const theme of DEFAULT_THEMES) {
      expect(theme.ka).toMatch(/[\u10D0-\u10FF]/);
      expect(theme.keywords.length).toBeGreaterThan(0);
    }
    expect(DEFAULT_THEMES.map((t) => t.id)).toEqual([
      'waiting', 'documents', 'staff_attitude', 'information', 'aid_amount', 'accessibility', 'decision_speed', 'online',
    ]);
  });
});

describe('tagThemes', () => {
  test.each([
    ['რიგში ორი საათი ვიდექი', ['waiting']],
    ['რიგი ძალიან დიდი იყო, ლოდინი დამღლელია', ['waiting']],
    ['ცნობის მოტანა მომიწია ორჯერ', ['documents']],
    ['საჭირო დოკუმენტების სია არ იყო', ['documents']],
    ['თანამშრომელი უხეშად მელაპარაკა', ['staff_attitude']],
    ['ძალიან თავაზიანი თანამშრომლები', ['staff_attitude']],
    ['ინფორმაცია ვებგვერდზე არ იყო', ['information', 'online']],
    ['დახმარების თანხა ძალიან მცირეა', ['aid_amount']],
    ['შენობაში კიბეებია და ეტლით ვერ შევედი', ['accessibility']],
    ['გადაწყვეტილებას დიდხანს ველოდე, ვადა გადაცილდა', ['decision_speed']],
    ['ყველაფერი სწრაფად მოხდა', ['decision_speed']],
    ['ელფოსტით მივიღე პასუხი', ['online']],
    ['გმადლობთ, ყველაფერი კარგად იყო', []],
    ['', []],
  ])('%j → %j', (text, expected) => {
    expect(tag(text)).toEqual(expected);
  });

  test('stems match only at word starts', () => {
    // 'ვადა' inside 'გადავადება' / 'რიგ' inside 'ტრიგერი' must not match.
    expect(tag('გადავადება')).toEqual([]);
    expect(tag('ტრიგერი')).toEqual([]);
    expect(tag('(რიგი)')).toEqual(['waiting']);
    expect(tag('1.რიგი')).toEqual(['waiting']);
  });

  test('Mtavruli, zero-width characters and Latin case do not hide a theme', () => {
    expect(tag('რიგი'.toUpperCase())).toEqual(['waiting']);
    expect(tag('რ\u200Bიგი')).toEqual(['waiting']);
    expect(tag('ONLINE განაცხადი ვერ შევავსე')).toEqual(['online']);
  });

  test('themes come out in list order, once each', () => {
    expect(tag('ონლაინ, ონლაინ, რიგი')).toEqual(['waiting', 'online']);
  });

  test('custom themes from the themes tab, keywords folded too', () => {
    const themes = [{ id: 'heat', ka: 'გათბობა', en: 'Heating', keywords: parseKeywords('ცივ, გათბობ; შეშ') }];
    expect(tagThemes('შეშა გვიან მოიტანეს', themes)).toEqual(['heat']);
    expect(tagThemes('ოთახში ციოდა', themes)).toEqual([]);
    expect(tagThemes('ცივა', [{ id: 'x', ka: 'x', en: 'x', keywords: ['ᲪᲘᲕ', ' '] }])).toEqual(['x']);
  });
});

describe('parseKeywords', () => {
  test('splits on commas and semicolons, trims, drops blanks', () => {
    expect(parseKeywords(' რიგ, ლოდინ ;; დაგვიანებ ,')).toEqual(['რიგ', 'ლოდინ', 'დაგვიანებ']);
    expect(parseKeywords('')).toEqual([]);
  });
});

describe('effectiveThemes', () => {
  test('staff tags override automatic themes', () => {
    expect(effectiveThemes({ themes: ['waiting'], staffTags: ['documents'] })).toEqual(['documents']);
    expect(effectiveThemes({ themes: ['waiting'], staffTags: [] })).toEqual(['waiting']);
  });
});
