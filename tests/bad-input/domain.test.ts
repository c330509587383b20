/**
 * The bad-input corpus through the pure domain functions: each payload has its expected handling.
 */
import { CELL_LIMIT, TRUNCATION_MARKER, cleanText, escapeForSheet, escapeHtml, matchKey, stripInvisible, unescapeFromSheet } from '../../src/domain/sanitize';
import { parseEmail } from '../../src/domain/email';
import { parseDateInput } from '../../src/domain/dates';
import { containsPersonalData, redactPersonalData, REDACTED } from '../../src/domain/redact';
import { DEFAULT_THEMES, tagThemes } from '../../src/domain/themes';
import { normalizeFormResponse, normalizeOtherFeedback, normalizePaperRow } from '../../src/domain/normalize';
import { FEEDBACK_HEADERS, recordToRow, rowToRecord } from '../../src/domain/feedback-row';
import { N2 } from '../../src/domain/forms';
import { DEFAULT_SERVICES } from '../../src/domain/services';
import { t } from '../../src/domain/messages';
import { DATES, EMAILS, EMOJI, FORMULA_PAYLOADS, HTML_PAYLOADS, HUGE_TEXT, MIXED_SCRIPTS, MKHEDRULI, MTAVRULI, ZERO_WIDTH } from './corpus';

const enteredAt = new Date(Date.UTC(2026, 0, 10, 8, 0, 0));
const other = (text: unknown, extra: Partial<Parameters<typeof normalizeOtherFeedback>[0]> = {}) =>
  normalizeOtherFeedback({
    id: 'other-2',
    channel: 'phone',
    service: 'newborn',
    receivedAt: '05.01.2026',
    text,
    enteredAt,
    services: DEFAULT_SERVICES,
    ...extra,
  });
const textCell = (row: unknown[]): unknown => row[FEEDBACK_HEADERS.indexOf('text')];

describe('formula injection', () => {
  test.each(FORMULA_PAYLOADS)('%j is stored as text, never as a formula', (payload) => {
    const { record } = other(payload);
    expect(record).not.toBeNull();
    // What staff typed, cleaned (trimmed, CR → LF), is what the record holds …
    expect(record!.text).toBe(cleanText(payload));
    // … and the cell gets the apostrophe Sheets reads as "this is text".
    const cell = textCell(recordToRow(record!));
    expect(typeof cell).toBe('string');
    expect((cell as string).startsWith("'")).toBe(true);
    expect(unescapeFromSheet(cell as string)).toBe(record!.text);
    // Reading the row back gives the text without the apostrophe.
    expect(rowToRecord(recordToRow(record!)).text).toBe(record!.text);
  });

  test.each(FORMULA_PAYLOADS)('%j as a form answer is escaped in its item column', (payload) => {
    const { record } = normalizeFormResponse({
      form: N2,
      responseId: 'r1',
      timestamp: enteredAt,
      channel: 'email_link',
      services: DEFAULT_SERVICES,
      answers: { 'n2.service': 'newborn', 'n2.overall': 5, 'n2.improve': payload },
    });
    const cell = recordToRow(record!)[FEEDBACK_HEADERS.indexOf('n2.improve')] as string;
    expect(cell).toBe(escapeForSheet(cleanText(payload)));
    expect(cell.startsWith("'")).toBe(true);
  });

  test('a service name that is a formula is not resolved and its flag is escaped', () => {
    const { record } = other('ტექსტი', { service: '=HYPERLINK("http://evil.example","x")' });
    expect(record!.service).toBe('unknown');
    expect(record!.flags.join('\n')).toContain('=HYPERLINK');
    const flags = recordToRow(record!)[FEEDBACK_HEADERS.indexOf('flags')] as string;
    expect(/^\s*[=+\-@]/.test(flags)).toBe(false);
  });
});

describe('HTML and script in texts', () => {
  test.each(HTML_PAYLOADS)('%j is inert once escaped for HTML', (payload) => {
    const escaped = escapeHtml(payload);
    expect(escaped).not.toMatch(/[<>"']/);
    expect(
      escaped
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&'),
    ).toBe(payload);
  });

  test.each(HTML_PAYLOADS)('%j is kept verbatim in the record (escaping happens at output)', (payload) => {
    expect(other(payload).record!.text).toBe(payload);
  });

  test('redaction keeps markup as text and still hides personal data next to it', () => {
    const text = '<script>alert(1)</script> დამირეკეთ 555 12 34 56 ან user@example.ge';
    const redacted = redactPersonalData(text, []);
    expect(redacted).toContain('<script>alert(1)</script>');
    expect(redacted).not.toMatch(/555|user@example/);
    expect(redacted.split(REDACTED).length - 1).toBe(2);
  });
});

describe('Georgian edge cases', () => {
  test('Mtavruli capitals fold to Mkhedruli for matching', () => {
    expect(matchKey(MTAVRULI)).toBe(MKHEDRULI);
    expect(tagThemes('ᲠᲘᲒᲘ ᲫᲐᲚᲘᲐᲜ ᲒᲠᲫᲔᲚᲘ ᲘᲧᲝ', DEFAULT_THEMES)).toContain('queue');
  });

  test('zero-width joiners and spaces inside words do not hide a theme', () => {
    expect(stripInvisible(ZERO_WIDTH)).toBe('რიგში ვიდექი დიდხანს');
    expect(tagThemes(ZERO_WIDTH, DEFAULT_THEMES)).toEqual(['queue']);
  });

  test('zero-width characters do not split a name or a number past redaction', () => {
    expect(containsPersonalData('გიორგი ბერ\u200Bიძე', ['გიორგი ბერიძე'])).toBe(true);
    expect(redactPersonalData('ნომერი 5\u200B55 123 456', [])).not.toMatch(/\d{3}/);
  });

  test('mixed Latin and Georgian text is tagged by both scripts', () => {
    expect(tagThemes(MIXED_SCRIPTS, DEFAULT_THEMES)).toEqual(expect.arrayContaining(['online']));
    expect(tagThemes('ONLINE', DEFAULT_THEMES)).toEqual(['online']);
  });

  test('emoji survive cleaning and storage unchanged', () => {
    const { record } = other(EMOJI);
    expect(record!.text).toBe(EMOJI);
    expect(textCell(recordToRow(record!))).toBe(EMOJI);
    expect(record!.themes).toContain('staff');
  });

  test('a Georgian service name typed in Mtavruli resolves to its service', () => {
    const newborn = DEFAULT_SERVICES.find((s) => s.code === 'newborn')!;
    const upper = [...newborn.ka].map((ch) => (ch >= 'ა' && ch <= 'ჰ' ? String.fromCharCode(ch.charCodeAt(0) + 0x1c90 - 0x10d0) : ch)).join('');
    expect(other('ტექსტი', { service: upper }).record!.service).toBe('newborn');
  });
});

describe('60,000-character texts', () => {
  test('are capped to fit one cell, marked, and flagged', () => {
    const { record } = other(HUGE_TEXT);
    expect(record!.text.length).toBeLessThanOrEqual(CELL_LIMIT - 1);
    expect(record!.text.endsWith(TRUNCATION_MARKER)).toBe(true);
    expect(record!.flags).toContain(t('error.text_truncated', { item: 'text' }));
    expect((textCell(recordToRow(record!)) as string).length).toBeLessThanOrEqual(CELL_LIMIT);
  });

  test('a huge formula-looking text still fits after its apostrophe', () => {
    const { record } = other(`=${HUGE_TEXT}`);
    const cell = textCell(recordToRow(record!)) as string;
    expect(cell.startsWith("'=")).toBe(true);
    expect(cell.length).toBeLessThanOrEqual(CELL_LIMIT);
  });

  test('a cut never splits an emoji (surrogate pair)', () => {
    const text = '😀'.repeat(30000);
    const { record } = other(text);
    const kept = record!.text.slice(0, -TRUNCATION_MARKER.length);
    expect(kept.length % 2).toBe(0);
    expect(/[\uD800-\uDBFF]$/.test(kept)).toBe(false);
  });

  test('a huge bad value is quoted short in a flag, never whole', () => {
    const { record } = other('ტექსტი', { service: HUGE_TEXT });
    expect(Math.max(...record!.flags.map((f) => f.length))).toBeLessThan(200);
  });
});

describe('emails', () => {
  test.each(EMAILS)('$input', ({ input, expected }) => {
    const parsed = parseEmail(input);
    if (expected === null) expect(parsed.ok).toBe(false);
    else expect(parsed).toEqual({ ok: true, email: expected });
  });

  test('blank is "empty", garbage is "invalid"', () => {
    expect(parseEmail('  ')).toEqual({ ok: false, reason: 'empty' });
    expect(parseEmail('a@@b.ge')).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('dates', () => {
  test.each(DATES)('$input', ({ input, expected }) => {
    const parsed = parseDateInput(input);
    expect(parsed === null ? null : parsed.getTime()).toBe(expected);
  });

  test('an unreadable date falls back to the entry time with a Georgian flag; a blank one silently', () => {
    const bad = other('ტექსტი', { receivedAt: 'tomorrow' }).record!;
    expect(bad.receivedAt.getTime()).toBe(enteredAt.getTime());
    expect(bad.flags).toContain(t('error.invalid_date', { value: 'tomorrow' }));
    const blank = other('ტექსტი', { receivedAt: '' }).record!;
    expect(blank.receivedAt.getTime()).toBe(enteredAt.getTime());
    expect(blank.flags).toEqual([]);
  });
});

describe('blank and partial rows', () => {
  test('a blank paper row stores nothing and says why', () => {
    const result = normalizePaperRow({ id: 'paper-3', receivedAt: '', answers: {}, enteredAt, services: DEFAULT_SERVICES });
    expect(result.record).toBeNull();
    expect(result.empty).toBe(true);
    expect(result.problems).toEqual([t('error.empty_submission')]);
  });

  test('a row of spaces and zero-width spaces is blank too', () => {
    const result = normalizePaperRow({
      id: 'paper-4',
      receivedAt: '  ',
      answers: { 'n1.overall': '   ', 'n1.improve': ' \u200B ' },
      enteredAt,
      services: DEFAULT_SERVICES,
    });
    expect(result.record).toBeNull();
    expect(result.empty).toBe(true);
    expect(other('\u200B\u200D ').record).toBeNull();
  });

  test('a partial row is stored with what it has, and flags what is missing or wrong', () => {
    const { record } = normalizePaperRow({
      id: 'paper-5',
      receivedAt: '05.01.2026',
      answers: { 'n1.overall': 4, 'n1.wait_ok': '7', 'n1.improve': '=1+1' },
      enteredAt,
      services: DEFAULT_SERVICES,
    });
    expect(record!.answers['n1.overall']).toBe(4);
    expect(record!.answers['n1.wait_ok']).toBeNull();
    expect(record!.service).toBe('unknown');
    expect(record!.flags).toEqual(
      expect.arrayContaining([t('error.missing_required', { item: 'n1.service' }), t('error.invalid_score', { item: 'n1.wait_ok', value: '7' })]),
    );
    expect(recordToRow(record!)[FEEDBACK_HEADERS.indexOf('n1.improve')]).toBe("'=1+1");
  });

  test('other-channel feedback without text stores nothing; an unknown channel becomes "other" with a flag', () => {
    expect(other('   ').record).toBeNull();
    const odd = other('ტექსტი', { channel: '<b>fax</b>' }).record!;
    expect(odd.channel).toBe('other');
    expect(odd.flags).toContain(t('error.invalid_channel', { value: '<b>fax</b>' }));
  });
});
