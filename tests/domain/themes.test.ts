import { reportLabels } from '../../src/domain/report-labels';
import { DEFAULT_THEMES, effectiveThemes, parseKeywords, tagThemes, themeLabel, themeLabels, themesOfTab } from '../../src/domain/themes';

const tag = (text: string): string[] => tagThemes(text, DEFAULT_THEMES);

describe('DEFAULT_THEMES', () => {
  test('ids are unique and every theme has Georgian label and stems', () => {
    expect(new Set(DEFAULT_THEMES.map((t) => t.id)).size).toBe(DEFAULT_THEMES.length);
    for (const theme of DEFAULT_THEMES) {
      expect(theme.ka).toMatch(/[\u10D0-\u10FF]/);
      expect(theme.keywords.length).toBeGreaterThan(0);
    }
    expect(DEFAULT_THEMES.map((t) => t.id)).toEqual([
      'waiting',
      'documents',
      'staff_attitude',
      'information',
      'aid_amount',
      'accessibility',
      'decision_speed',
      'online',
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

describe('themesOfTab: the one rule collection and reports read the themes tab by', () => {
  it('keeps the English label of a default theme and labels a new one by its Georgian name', () => {
    const themes = themesOfTab([
      { id: 'waiting', label: 'რიგები', keywords: 'რიგ, ლოდინ' },
      { id: 'parking', label: 'პარკინგი', keywords: 'პარკ; მანქან' },
      { id: 'parking', label: 'დუბლიკატი', keywords: '' },
      { id: '', label: 'უკოდო', keywords: '' },
    ]);
    expect(themes).toEqual([
      { id: 'waiting', ka: 'რიგები', en: 'Queues and waiting', keywords: ['რიგ', 'ლოდინ'] },
      { id: 'parking', ka: 'პარკინგი', en: 'პარკინგი', keywords: ['პარკ', 'მანქან'] },
    ]);
  });

  it('a second row of an id adds its keywords; a blank label of a default theme keeps its own', () => {
    const themes = themesOfTab([
      { id: 'waiting', label: '', keywords: 'რიგ' },
      { id: 'waiting', label: 'სხვა', keywords: 'ლოდინ, რიგ' },
    ]);
    expect(themes).toEqual([{ id: 'waiting', ka: 'რიგი და ლოდინი', en: 'Queues and waiting', keywords: ['რიგ', 'ლოდინ'] }]);
  });

  it('without the tab: the default themes', () => {
    expect(themesOfTab(null)).toBe(DEFAULT_THEMES);
  });

  it('an emptied tab: no themes, so collection tags nothing', () => {
    const themes = themesOfTab([]);
    expect(themes).toEqual([]);
    expect(tagThemes('რიგში ორი საათი ვიდექი', themes)).toEqual([]);
  });

  it("labels fall back to the default themes' labels, then to the id, in collection's tags and the reports alike", () => {
    const staff = themesOfTab([{ id: 'parking', label: 'პარკინგი', keywords: 'პარკ' }]);
    expect(themeLabel('parking', staff)).toBe('პარკინგი');
    expect(themeLabel('waiting', staff)).toBe('რიგი და ლოდინი');
    expect(themeLabel('waiting', staff, 'en')).toBe('Queues and waiting');
    expect(themeLabel('old_theme', staff)).toBe('old_theme');
    expect(themeLabel('waiting', [])).toBe('რიგი და ლოდინი');
    // the analysis report, the agenda and the public report name a theme the same way
    expect(reportLabels('ka', staff).theme('waiting')).toBe('რიგი და ლოდინი');
    expect(reportLabels('en', []).theme('waiting')).toBe('Queues and waiting');
    expect(themeLabels(staff)).toMatchObject({ parking: 'პარკინგი', waiting: 'რიგი და ლოდინი' });
    expect(themeLabels([])).toMatchObject({ waiting: 'რიგი და ლოდინი' });
  });
});
