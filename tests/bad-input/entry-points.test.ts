/**
 * The bad-input corpus through the bundle's entry points, as people would deliver it: typed into
 * the applications, paper and other-channels tabs (edit triggers fire), and submitted through the
 * generated forms (form-submit triggers fire). Run `npm run build` first.
 */
import { setUpWorkbook, type Fixture } from '../support/workbook';
import { TABS } from '../../src/domain/schema';
import { ANSWER_MAX_CHARS, N1, N2, groupedNumber } from '../../src/domain/forms';
import { CELL_LIMIT, TRUNCATION_MARKER, cleanText } from '../../src/domain/sanitize';
import { DEFAULT_SERVICES } from '../../src/domain/services';
import { EMOJI, FORMULA_PAYLOADS, HTML_PAYLOADS, HUGE_TEXT, MTAVRULI, ZERO_WIDTH } from './corpus';
import { formRecord, formResponses, paperHeader, tabSnapshot } from '../support/tabs';
import { feedbackColumnKey, rowToRecord } from '../../src/domain/feedback-row';

const CLOSED = 'დასრულებულია';
const col = (key: string): number => TABS.applications.columns.findIndex((c) => c.key === key);
const letter = (i: number): string => String.fromCharCode(65 + i);

function feedback(f: Fixture): { header: string[]; rows: unknown[][]; formulas: string[][] } {
  const t = tabSnapshot(f, TABS.feedback.name);
  // Columns by key (the header shows Georgian labels); channel as its code, read back from its Georgian name.
  const header = t.values[0].map((h) => feedbackColumnKey(String(h)));
  const channel = header.indexOf('channel');
  const rows = t.values
    .slice(1)
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => r.map((v, i) => (i === channel ? rowToRecord(r, header).channel : v)));
  return { header, rows, formulas: t.formulas };
}

describe('applications tab → invitations', () => {
  const cases = [
    { email: 'User@Example.GE', to: 'User@example.ge' },
    { email: ' a@b.ge ', to: 'a@b.ge' },
    { email: 'a@b', to: null },
    { email: 'a@@b.ge', to: null },
    { email: 'a b@c.ge', to: null },
    { email: 'x\u200B@example.ge', to: 'x@example.ge' },
  ];
  let f: Fixture;
  beforeAll(() => {
    f = setUpWorkbook();
    const settings = tabSnapshot(f, TABS.settings.name).values.map((r) => String(r[0]));
    // A municipality name with markup: it is interpolated into every invitation.
    f.ws.spreadsheets.userEdit(f.spreadsheetId, TABS.settings.name, `B${settings.indexOf('municipality') + 1}`, [['<script>alert(1)</script> "მერია" & Co']]);
    cases.forEach((c, i) => {
      const row = i + 2;
      f.ws.spreadsheets.userEdit(f.spreadsheetId, TABS.applications.name, `A${row}:${letter(col('status'))}${row}`, [
        [
          `01-2026-${String(i + 1).padStart(4, '0')}`,
          new Date(f.ws.core.now() - 86_400_000),
          DEFAULT_SERVICES[1].ka,
          HTML_PAYLOADS[i % HTML_PAYLOADS.length],
          c.email,
          'ელფოსტა',
          'მიღებულია',
        ],
      ]);
      f.ws.spreadsheets.userEdit(f.spreadsheetId, TABS.applications.name, `${letter(col('status'))}${row}`, [[CLOSED]]);
    });
    // Invitations go out in the next day's batch (a batch of one is allowed here: inviteBatchMin 1).
    f.ws.spreadsheets.userEdit(f.spreadsheetId, TABS.settings.name, `B${settings.indexOf('inviteBatchMin') + 1}`, [['1']]);
    f.ws.script.runClockUntil(f.ws.core.now() + 26 * 3_600_000);
  });

  test('valid addresses (oddly cased, padded, with a zero-width space) get exactly one invitation, normalized', () => {
    for (const c of cases.filter((x) => x.to)) {
      expect(f.ws.mail.sent.filter((m) => m.to === c.to)).toHaveLength(1);
    }
    expect(f.ws.mail.sent).toHaveLength(cases.filter((c) => c.to).length);
  });

  test('malformed addresses send nothing and their row says why, in Georgian', () => {
    const values = tabSnapshot(f, TABS.applications.name).values;
    cases.forEach((c, i) => {
      const status = String(values[i + 1][col('inviteStatus')]);
      expect(status.trim()).not.toBe('');
      expect(status).toMatch(/[\u10D0-\u10FF]/);
      if (!c.to) expect(status).not.toMatch(/^გაგზავნილია/);
    });
  });

  test('mail HTML escapes the interpolated name and carries no applicant name', () => {
    for (const mail of f.ws.mail.sent) {
      expect(mail.htmlBody).toBeDefined();
      expect(mail.htmlBody).not.toContain('<script>');
      expect(mail.htmlBody).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      for (const payload of HTML_PAYLOADS) expect(mail.htmlBody).not.toContain(payload);
    }
  });

  test('a case number a person typed as a formula or a short number does not block the invitation', () => {
    // Found by this corpus: a case id of "1" (what "=1+0" shows) is "contained" in every link, so
    // the anonymity check refused every link and the row said the N2 form was missing.
    const row = cases.length + 2;
    f.ws.spreadsheets.userEdit(f.spreadsheetId, TABS.applications.name, `A${row}:${letter(col('status'))}${row}`, [
      ['=1+0', new Date(f.ws.core.now() - 86_400_000), DEFAULT_SERVICES[1].ka, 'ნინო', 'short-id@example.ge', 'ელფოსტა', 'მიღებულია'],
    ]);
    f.ws.spreadsheets.userEdit(f.spreadsheetId, TABS.applications.name, `${letter(col('status'))}${row}`, [[CLOSED]]);
    f.ws.script.runClockUntil(f.ws.core.now() + 26 * 3_600_000);
    expect(f.ws.mail.sent.filter((m) => m.to === 'short-id@example.ge')).toHaveLength(1);
  });

  test('the script wrote no formula in its own columns of the applications tab', () => {
    const { formulas } = tabSnapshot(f, TABS.applications.name);
    const scriptColumns = [col('inviteStatus'), col('inviteAt')];
    for (const row of formulas.slice(1)) for (const c of scriptColumns) expect(row[c] ?? '').toBe('');
  });
});

describe('forms, paper and other channels → feedback tab', () => {
  let f: Fixture;
  const n1Title = (id: string) => N1.items.find((i) => i.id === id)!.ka;
  const n2Title = (id: string) => N2.items.find((i) => i.id === id)!.ka;
  const formTexts = [...FORMULA_PAYLOADS, ...HTML_PAYLOADS, MTAVRULI, ZERO_WIDTH, EMOJI];
  /** A full cell: the most a person can paste (Sheets refuses more). */
  const FULL_CELL = HUGE_TEXT.slice(0, CELL_LIMIT);
  const typedTexts = [...HTML_PAYLOADS, MTAVRULI, ZERO_WIDTH, EMOJI];

  beforeAll(() => {
    f = setUpWorkbook();
    const n2 = formRecord(f, 'N2');
    for (const text of formTexts) {
      f.ws.forms.respond(n2.id, { [n2Title('n2.service')]: DEFAULT_SERVICES[0].ka, [n2Title('n2.overall')]: 4, [n2Title('n2.improve')]: text });
    }
    const n1 = formRecord(f, 'N1');
    f.ws.forms.respond(n1.id, { [n1Title('n1.service')]: DEFAULT_SERVICES[2].ka, [n1Title('n1.overall')]: 5, [n1Title('n1.improve')]: FORMULA_PAYLOADS[0] });

    const paper = tabSnapshot(f, TABS.paper.name).values[0].map(String);
    const at = (id: string) => paper.indexOf(paperHeader(id));
    typedTexts.forEach((text, i) => {
      const row = new Array(paper.indexOf(TABS.paper.columns.find((c) => c.key === 'status')!.header)).fill('');
      row[0] = new Date(f.ws.core.now() - 86_400_000);
      row[at('n1.service')] = DEFAULT_SERVICES[3].ka;
      row[at('n1.overall')] = 3;
      row[at('n1.improve')] = text;
      f.ws.spreadsheets.userEdit(f.spreadsheetId, TABS.paper.name, `A${i + 2}:${letter(row.length - 1)}${i + 2}`, [row]);
    });
    // A blank row between typed rows, and a partial one (the date and overall only: no service).
    const partial = new Array(paper.indexOf(TABS.paper.columns.find((c) => c.key === 'status')!.header)).fill('');
    partial[0] = new Date(f.ws.core.now() - 86_400_000);
    partial[at('n1.overall')] = 2;
    f.ws.spreadsheets.userEdit(f.spreadsheetId, TABS.paper.name, `A${typedTexts.length + 3}:${letter(partial.length - 1)}${typedTexts.length + 3}`, [partial]);

    [...typedTexts, FULL_CELL].forEach((text, i) => {
      f.ws.spreadsheets.userEdit(f.spreadsheetId, TABS.otherChannels.name, `A${i + 2}:D${i + 2}`, [
        [new Date(f.ws.core.now()), 'ტელეფონი', DEFAULT_SERVICES[4].ka, text],
      ]);
    });
    f.ws.core.invoke('menuCollectNow', 'menu', undefined);
  });

  test('the feedback tab holds no formula at all', () => {
    const { formulas } = feedback(f);
    expect(formulas.flat().filter((x) => x !== '')).toEqual([]);
  });

  /** How often each value of a source column occurs, cleaned as collection cleans it. */
  function expectedCounts(tabName: string, header: (h: string) => boolean): Map<string, number> {
    const t = tabSnapshot(f, tabName);
    const c = t.values[0].map(String).findIndex(header);
    const counts = new Map<string, number>();
    for (const r of t.values.slice(1)) {
      const v = cleanText(String(r[c] ?? ''));
      if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    return counts;
  }

  function storedCounts(column: string, channel?: string): Map<string, number> {
    const { header, rows } = feedback(f);
    const counts = new Map<string, number>();
    for (const r of rows) {
      if (channel && r[header.indexOf('channel')] !== channel) continue;
      const v = String(r[header.indexOf(column)] ?? '');
      if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    return counts;
  }

  /** How often each answer to an item occurs among the form's own responses, cleaned as collection cleans it. */
  function formAnswerCounts(itemId: string): Map<string, number> {
    const item = formRecord(f, 'N2').items[itemId];
    const counts = new Map<string, number>();
    for (const response of formResponses(f, 'N2')) {
      const v = cleanText(String(response.answers[item] ?? ''));
      if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    return counts;
  }

  test('every form answer is stored once, as text, as the form holds it (cleaned)', () => {
    const expected = formAnswerCounts('n2.improve');
    expect(expected.size).toBeGreaterThanOrEqual(formTexts.length - 4);
    expect(storedCounts('n2.improve')).toEqual(expected);
  });

  test("a 60,000-character paste is refused by Sheets itself (Google's message), so nothing half-stored follows", () => {
    expect(() => f.ws.spreadsheets.userEdit(f.spreadsheetId, TABS.otherChannels.name, 'D60', [[HUGE_TEXT]])).toThrow(/50000 characters/);
  });

  test('a 60,000-character online answer is refused by the form, in Georgian, before anything is recorded', () => {
    const n2 = formRecord(f, 'N2');
    const before = f.ws.forms.snapshot(n2.id).responseCount;
    const rows = feedback(f).rows.length;
    expect(() =>
      f.ws.forms.respond(n2.id, { [n2Title('n2.service')]: DEFAULT_SERVICES[0].ka, [n2Title('n2.overall')]: 4, [n2Title('n2.improve')]: HUGE_TEXT }),
    ).toThrow(`პასუხი ${groupedNumber(ANSWER_MAX_CHARS)} სიმბოლოზე გრძელია`);
    // Nothing silently lost: the form holds no response that the workbook lacks.
    expect(f.ws.forms.snapshot(n2.id).responseCount).toBe(before);
    expect(feedback(f).rows.length).toBe(rows);
  });

  test('a full 50,000-character cell is cut to fit with its marker, and flagged', () => {
    const { header, rows } = feedback(f);
    const text = header.indexOf('text');
    const long = rows.filter((r) => String(r[text]).endsWith(TRUNCATION_MARKER));
    expect(long).toHaveLength(1);
    expect(String(long[0][text]).length).toBeLessThanOrEqual(CELL_LIMIT);
    expect(String(long[0][text]).startsWith(FULL_CELL.slice(0, 1000))).toBe(true);
    expect(String(long[0][header.indexOf('flags')])).not.toBe('');
  });

  test('typed paper and phone texts are stored once each; the blank row is skipped, the partial one flagged', () => {
    const paperImprove = expectedCounts(TABS.paper.name, (h) => h === paperHeader('n1.improve'));
    expect(storedCounts('n1.improve', 'paper')).toEqual(paperImprove);
    const phone = expectedCounts(TABS.otherChannels.name, (h) => h === TABS.otherChannels.columns[3].header);
    const stored = storedCounts('text', 'phone');
    for (const [text, n] of phone) {
      const key = text.length > CELL_LIMIT - 1 ? ([...stored.keys()].find((k) => k.endsWith(TRUNCATION_MARKER)) ?? text) : text;
      expect([key.slice(0, 40), stored.get(key)]).toEqual([key.slice(0, 40), n]);
    }
    const { header, rows } = feedback(f);
    const paperRows = rows.filter((r) => r[header.indexOf('channel')] === 'paper');
    expect(paperRows).toHaveLength(typedTexts.length + 1);
    const partial = paperRows.find((r) => r[header.indexOf('n1.overall')] === 2)!;
    expect(String(partial[header.indexOf('flags')])).toContain('n1.service');
  });

  test('themes are found through Mtavruli and zero-width characters', () => {
    const { header, rows } = feedback(f);
    const text = header.indexOf('text');
    const themes = header.indexOf('themes');
    const zw = rows.find((r) => r[text] === cleanText(ZERO_WIDTH))!;
    expect(String(zw[themes])).toContain('queue');
  });

  test('a date column refuses what is not a date, as the dropdown rule does for a person', () => {
    expect(() => f.ws.spreadsheets.userEdit(f.spreadsheetId, TABS.paper.name, 'A40', [['tomorrow']])).toThrow();
    expect(tabSnapshot(f, TABS.paper.name).values[39]?.[0] ?? '').toBe('');
  });

  test('the form holds one response per submission, and the feedback tab one row each, with no formula', () => {
    expect(formResponses(f, 'N2')).toHaveLength(formTexts.length);
    expect(feedback(f).rows.filter((r) => r[feedback(f).header.indexOf('form')] === 'N2')).toHaveLength(formTexts.length);
    expect(
      tabSnapshot(f, TABS.feedback.name)
        .formulas.flat()
        .filter((x) => x !== ''),
    ).toEqual([]);
  });
});
