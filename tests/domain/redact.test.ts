import { REDACTED, containsPersonalData, redactPersonalData } from '../../src/domain/redact';

const NAMES = ['გიორგი ბერიძე', 'ნინო  მაისურაძე', 'Levan Kapanadze', 'ია კაპანაძე', 'თამარ ბერიშვილი'];
const redact = (text: string): string => redactPersonalData(text, NAMES);

describe('emails', () => {
  test.each([
    ['მომწერეთ nino.beridze@gmail.com-ზე', `მომწერეთ ${REDACTED}-ზე`],
    ['Email: G.Beridze+x@Mail.Example.GE.', `Email: ${REDACTED}.`],
    ['(a_b@example.ge)', `(${REDACTED})`],
  ])('%j', (text, expected) => expect(redact(text)).toBe(expected));
});

describe('phone numbers', () => {
  test.each([
    '+995 555 12 34 56',
    '+995555123456',
    '995 555 123 456',
    '00995 555 12 34 56',
    '+995 (555) 12-34-56',
    '555 12 34 56',
    '555-12-34-56',
    '555123456',
    '599 11 22 33',
    '(555) 123 456',
    '0439 22 12 34',
    '(0439) 22-12-34',
    '032 2 12 34 56',
    '(032) 212 34 56',
    '0322 12 34 56',
    '322 12 34 56',
    '+995 32 2 12 34 56',
    '+995 439 22 12 34',
    '555\u00A012\u00A034\u00A056',
  ])('%j is hidden', (phone) => {
    const text = `დამირეკეთ ${phone} ნომერზე`;
    expect(redact(text)).toBe(`დამირეკეთ ${REDACTED} ნომერზე`);
  });

  test('two numbers written one after the other are both hidden', () => {
    expect(redact('555 12 34 56 599 11 22 33')).toBe(`${REDACTED} ${REDACTED}`);
    expect(redact('ტელ: 555123456, 577654321')).toBe(`ტელ: ${REDACTED}, ${REDACTED}`);
  });

  test.each(['599.12.34.56', '599.123.456', '+995.599.12.34.56', '0439.22.12.34', '01.001.012.345'])('%j written with dots is hidden', (phone) => {
    expect(redact(`ტელ. ${phone}.`)).toBe(`ტელ. ${REDACTED}.`);
  });

  test('dates and amounts written with dots stay', () => {
    for (const text of ['05.01.2026 10.01.2026', '5.1.2026-დან 1.500 ლარი', '05.01.2026.', 'ვერსია 1.2.3']) expect(redact(text)).toBe(text);
  });

  test('a number glued to Georgian text is hidden', () => {
    expect(redact('ნომერი:555123456-ზე')).toBe(`ნომერი:${REDACTED}-ზე`);
  });
});

describe('personal numbers', () => {
  test.each(['01001012345', '010 010 123 45', '01001 012345', '35001-012345'])('%j is hidden', (pn) => {
    expect(redact(`პირადი ნომერი ${pn}.`)).toBe(`პირადი ნომერი ${REDACTED}.`);
  });
});

describe('numbers that are not personal data stay', () => {
  test.each([
    'განცხადება შევიტანე 05.01.2026-ში',
    'დახმარება 200 ლარია, 2026 წელს',
    '1 500 ლარი',
    'ორ საათზე მეტი, 10-12 დღე ვიცდიდი',
    'ოთახი 12, სართული 3',
    '2026-01-05',
    'შეფასება 5/5',
  ])('%j', (text) => {
    expect(redact(text)).toBe(text);
    expect(containsPersonalData(text, NAMES)).toBe(false);
  });
});

describe('known names', () => {
  test.each([
    ['გიორგი ბერიძე დამეხმარა', `${REDACTED} დამეხმარა`],
    ['ბერიძე გიორგი დამეხმარა', `${REDACTED} დამეხმარა`],
    ['გიორგი   ბერიძემ მითხრა', `${REDACTED} მითხრა`],
    ['გიორგი\nბერიძე', REDACTED],
    ['ბატონ გიორგი ბერიძისთვის', `ბატონ ${REDACTED}`],
    ['ბერიძის ოჯახი', `${REDACTED} ოჯახი`],
    ['ბერიძეს ვუთხარი', `${REDACTED} ვუთხარი`],
    ['გიორგიმ თქვა', `${REDACTED} თქვა`],
    ['ბერიძით დავინტერესდი', `${REDACTED} დავინტერესდი`],
    ['ბერიძეებმა', REDACTED],
    ['ბერიშვილმა მითხრა', `${REDACTED} მითხრა`],
    ['თამარ  ბერიშვილს', REDACTED],
    ['ბერიშვილთან ვიყავი', `${REDACTED} ვიყავი`],
    ['ნინო მაისურაძე', REDACTED],
    ['მაისურაძე ნინო', REDACTED],
    ['ქალბატონ ნინოს ვესაუბრე', `ქალბატონ ${REDACTED} ვესაუბრე`],
    ['levan kapanadze was rude', `${REDACTED} was rude`],
    ['KAPANADZE Levan', REDACTED],
    ['ია კაპანაძე', REDACTED],
    ['კაპანაძე ია', REDACTED],
    ['გი\u200Bორგი ბერიძე', REDACTED],
    ['გიორგი ბერიძე'.toUpperCase(), REDACTED],
  ])('%j', (text, expected) => expect(redact(text)).toBe(expected));

  test('either half of a double surname is hidden on its own', () => {
    const names = ['მარიამ დოლიძე-კაპანაძე'];
    expect(redactPersonalData('დოლიძემ მითხრა', names)).toBe(`${REDACTED} მითხრა`);
    expect(redactPersonalData('ქალბატონი კაპანაძე', names)).toBe(`ქალბატონი ${REDACTED}`);
    expect(redactPersonalData('მარიამ დოლიძე-კაპანაძე', names)).toBe(REDACTED);
  });

  test('short name parts alone and unrelated words stay', () => {
    // 'ია' has three letters or fewer: alone it is not hidden.
    expect(redact('ია ბერი')).toBe('ია ბერი');
    expect(redact('ბერი და გიორგობა')).toBe('ბერი და გიორგობა');
    expect(redact('თანამშრომელი თავაზიანი იყო')).toBe('თანამშრომელი თავაზიანი იყო');
  });

  test('a name inside a longer word is not hidden', () => {
    expect(redact('საბერიძეო')).toBe('საბერიძეო');
  });

  test('no known names: only emails and numbers', () => {
    expect(redactPersonalData('გიორგი ბერიძე, 555123456', [])).toBe(`გიორგი ბერიძე, ${REDACTED}`);
    expect(redactPersonalData('x', ['', '   '])).toBe('x');
  });

  test('names with regex characters are literal', () => {
    expect(redactPersonalData('axbc test', ['a.bc (d)'])).toBe('axbc test');
    expect(redactPersonalData('a.bc (d) test', ['a.bc (d)'])).toBe(`${REDACTED} test`);
    expect(redactPersonalData('dr. who arrived', ['dr. who'])).toBe(`${REDACTED} arrived`);
  });
});

describe('mixed', () => {
  const text = 'გიორგი ბერიძე ვარ, პ/ნ 01001012345, ტელ +995 555 12 34 56, ელფოსტა g.beridze@gmail.com. რიგში 2 საათი ვიდექი 05.01.2026-ს.';

  test('everything planted is hidden and the rest kept', () => {
    const out = redact(text);
    expect(out).toBe(`${REDACTED} ვარ, პ/ნ ${REDACTED}, ტელ ${REDACTED}, ელფოსტა ${REDACTED}. რიგში 2 საათი ვიდექი 05.01.2026-ს.`);
    expect(containsPersonalData(out, NAMES)).toBe(false);
    expect(containsPersonalData(text, NAMES)).toBe(true);
  });

  test('redaction is idempotent', () => {
    const once = redact(text);
    expect(redact(once)).toBe(once);
  });

  test('containsPersonalData finds each kind alone', () => {
    expect(containsPersonalData('nino@example.ge', [])).toBe(true);
    expect(containsPersonalData('599112233', [])).toBe(true);
    expect(containsPersonalData('01001012345', [])).toBe(true);
    expect(containsPersonalData('მაისურაძემ', NAMES)).toBe(true);
    expect(containsPersonalData('ყველაფერი კარგად იყო', NAMES)).toBe(false);
  });
});

describe('Unicode, separators, addresses and transliterated names', () => {
  test.each([
    'ქეთო@მერია.გე',
    'გიორგი.ბერიძე@ფოსტა.გე',
    'nino [at] gmail.com',
    '577/12/34/56',
    '577_12_34_56',
    '５７７ １２ ３４ ５６',
    '٥٧٧١٢٣٤٥٦',
    '𝟓𝟕𝟕𝟏𝟐𝟑𝟒𝟓𝟔',
    '０１００１０１２３４５',
    'რუსთაველის ქუჩა 12',
    'ქ. რუსთაველის №12',
    'სოფ. ზნაკვა',
    'სოფელ ზნაკვაში',
    'ბინა 45',
  ])('%j is hidden whole', (item) => {
    expect(redactPersonalData(`ეს არის: ${item}, აქ`, [])).toBe(`ეს არის: ${REDACTED}, აქ`);
  });

  test('a name typed in Latin letters is hidden in Georgian with its endings, and the other way round', () => {
    expect(redactPersonalData('ლევან კაპანაძემ დამირეკა', ['Levan Kapanadze'])).toBe(`${REDACTED} დამირეკა`);
    expect(redactPersonalData('Irakli Tsiklauri was rude', ['ირაკლი წიკლაური'])).toBe(`${REDACTED} was rude`);
    expect(redactPersonalData('შოთა კვარაცხელიასთან ვიყავი', ['Shota Kvaratskhelia'])).toBe(`${REDACTED} ვიყავი`);
  });

  test('a word that only starts like a name stays', () => {
    expect(redactPersonalData('ნინოწმინდიდან ჩამოვედი', ['ნინო ბერიძე'])).toBe('ნინოწმინდიდან ჩამოვედი');
  });

  test('amounts, dates, times and a city without a street number stay', () => {
    for (const text of ['150 ლარი', '1 500 ლარი', '12.03.2026 10:30', 'ქ. ამბროლაური', '№ 2 ფანჯარა', 'ცხელი ხაზი 1505', '05.01.2026 10.01.2026'])
      expect(redactPersonalData(text, [])).toBe(text);
  });
});
