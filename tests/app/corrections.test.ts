/**
 * Corrections to typed rows (issue 14, item 3), end to end on the built bundle: a paper form or an
 * other-channel note edited after its import updates its feedback row in place, under the same
 * id; a row is imported only once complete; a row cleared entirely withdraws its feedback row.
 */
import { setUpWorkbook, type Fixture } from '../support/workbook';
import { TABS } from '../../src/domain/schema';
import { DEFAULT_SERVICES } from '../../src/domain/services';
import { feedbackColumnKey } from '../../src/domain/feedback-row';
import { feedbackRows, typeOther, typePaper, columnLetter, tabSnapshot } from '../support/tabs';
import { killAfterFirstWrite } from '../support/faults';

const COLLECT_NOW = 'უკუკავშირის შეგროვება ახლავე';
const IMPORT_PAPER = 'ქაღალდის ფორმების შეტანა';
const newborn = DEFAULT_SERVICES.find((s) => s.code === 'newborn')!;
const firewood = DEFAULT_SERVICES.find((s) => s.code === 'firewood')!;
/** The simulated clock starts on 05.01.2026 (tests/support/workbook.ts). */
const CORRECTED = /^ჩაიწერა; შესწორდა \d\d\.\d\d\.\d{4}$/;

function typedRows(fx: Fixture, tab: string): Array<{ status: string; id: string }> {
  const [header, ...rows] = tabSnapshot(fx, tab).values.map((r) => r.map(String));
  const s = header.indexOf('სტატუსი');
  const f = header.indexOf('ჩანაწერის ID');
  return rows.map((r) => ({ status: r[s], id: r[f] }));
}

/** Staff tag a feedback row, correct its polarity and tick "quotable" (their own columns). */
function tagFeedback(fx: Fixture, row: number, tags: string): void {
  const header = tabSnapshot(fx, TABS.feedback.name).values[0].map((h) => feedbackColumnKey(String(h)));
  const at = (h: string): string => `${columnLetter(header.indexOf(h))}${row}`;
  fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.feedback.name, at('staff_tags'), [[tags]]);
  fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.feedback.name, at('staff_polarity'), [['შექება']]);
  fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.feedback.name, at('quotable'), [[true]]);
}

describe('a correction to an imported row updates its feedback row', () => {
  test('a paper answer changed after import: same id, the new value, staff columns kept, status says corrected', () => {
    const fx = setUpWorkbook();
    typePaper(fx, 2, { receivedAt: '2026-01-03', 'n1.service': newborn.ka, 'n1.overall': 4 });
    typePaper(fx, 3, { receivedAt: '2026-01-03', 'n1.service': firewood.ka, 'n1.overall': 2 });
    fx.click(IMPORT_PAPER);
    const before = feedbackRows(fx);
    expect(before.map((r) => r['n1.overall'])).toEqual([4, 2]);
    tagFeedback(fx, 2, 'მნიშვნელოვანი');

    // The clerk sees they typed 4 for a 2, and a wrong date and service.
    typePaper(fx, 2, { receivedAt: '2026-01-02', 'n1.service': firewood.ka, 'n1.overall': 2 });
    fx.click(IMPORT_PAPER);
    const after = feedbackRows(fx);
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({
      id: before[0].id,
      service: 'firewood',
      'n1.overall': 2,
      staff_tags: 'მნიშვნელოვანი',
      staff_polarity: 'შექება',
      quotable: true,
      flags: '',
    });
    expect((after[0].received_at as Date).getTime()).toBe(new Date('2026-01-02T00:00:00+04:00').getTime());
    // The other row is untouched.
    expect(after[1]).toEqual(before[1]);
    const typed = typedRows(fx, TABS.paper.name);
    expect(typed[0].status).toMatch(CORRECTED);
    expect(typed[0].id).toBe(before[0].id);
    expect(typed[1].status).toBe('ჩაიწერა');
  });

  test('a comment added to a paper row: its themes are tagged anew; a required answer typed clears its flag', () => {
    const fx = setUpWorkbook();
    typePaper(fx, 2, { receivedAt: '2026-01-03', 'n1.service': newborn.ka, 'n1.info_easy': 4 });
    fx.click(COLLECT_NOW);
    const [first] = feedbackRows(fx);
    expect(first.themes).toBe('');
    expect(String(first.flags)).toContain('n1.overall');

    typePaper(fx, 2, { receivedAt: '2026-01-03', 'n1.service': newborn.ka, 'n1.info_easy': 4, 'n1.overall': 3, 'n1.improve': 'რიგში ძალიან დიდხანს ვიდექი' });
    fx.click(COLLECT_NOW);
    const [row] = feedbackRows(fx);
    expect(row.id).toBe(first.id);
    expect(row['n1.improve']).toBe('რიგში ძალიან დიდხანს ვიდექი');
    expect(String(row.themes).split(', ')).toContain('queue');
    expect(row.flags).toBe('');
    expect(typedRows(fx, TABS.paper.name)[0].status).toMatch(CORRECTED);
  });

  test('an other-channel text corrected: same id, the new text and themes', () => {
    const fx = setUpWorkbook();
    typeOther(fx, 2, ['2026-01-02', 'ტელეფონი', newborn.ka, 'თანამშრომელი უხეში იყო']);
    fx.click(COLLECT_NOW);
    const [first] = feedbackRows(fx);
    expect(first.themes).toBe('staff');
    typeOther(fx, 2, ['2026-01-02', 'ტელეფონი', newborn.ka, 'შენობაში ეტლით შესვლა შეუძლებელია']);
    fx.click(COLLECT_NOW);
    const rows = feedbackRows(fx);
    expect(rows).toEqual([expect.objectContaining({ id: first.id, text: 'შენობაში ეტლით შესვლა შეუძლებელია', themes: 'access' })]);
    expect(typedRows(fx, TABS.otherChannels.name)[0].status).toMatch(CORRECTED);
  });

  test('running collection again changes nothing more', () => {
    const fx = setUpWorkbook();
    typePaper(fx, 2, { receivedAt: '2026-01-03', 'n1.service': newborn.ka, 'n1.overall': 4 });
    typeOther(fx, 2, ['2026-01-02', 'ტელეფონი', newborn.ka, 'რიგი']);
    fx.click(COLLECT_NOW);
    typePaper(fx, 2, { receivedAt: '2026-01-03', 'n1.service': newborn.ka, 'n1.overall': 5 });
    typeOther(fx, 2, ['2026-01-02', 'ტელეფონი', newborn.ka, 'გრძელი რიგი']);
    fx.click(COLLECT_NOW);
    const snapshot = (): string => JSON.stringify([TABS.feedback.name, TABS.paper.name, TABS.otherChannels.name].map((tab) => tabSnapshot(fx, tab).values));
    const settled = snapshot();
    fx.ws.core.resetCalls();
    fx.click(COLLECT_NOW);
    fx.ws.core.advance(2 * 24 * 3600_000);
    fx.click(COLLECT_NOW);
    expect(snapshot()).toBe(settled);
    // Nothing changed, so nothing is written.
    expect(fx.ws.core.callSummary().byMethod['SpreadsheetApp.setValues'] ?? 0).toBe(0);
  });
});

describe('a row is imported only when complete', () => {
  test('a half-typed paper row is not imported by a collection (a report click), says what it lacks, and is imported once when complete', () => {
    const fx = setUpWorkbook();
    // The clerk has typed the service so far; someone builds a report meanwhile.
    typePaper(fx, 2, { 'n1.service': newborn.ka });
    fx.click(COLLECT_NOW);
    expect(feedbackRows(fx)).toHaveLength(0);
    const status = typedRows(fx, TABS.paper.name)[0];
    expect(status).toEqual({ status: 'ჯერ არ ჩაიწერა: შეავსეთ „მიღების თარიღი“, ერთი პასუხი მაინც — შევსების შემდეგ ჩაიწერება შემდეგი შეგროვებისას', id: '' });
    typePaper(fx, 2, { receivedAt: '2026-01-03', 'n1.service': newborn.ka, 'n1.overall': 4 });
    fx.click(COLLECT_NOW);
    fx.click(COLLECT_NOW);
    const rows = feedbackRows(fx);
    expect(rows).toEqual([expect.objectContaining({ channel: 'paper', service: 'newborn', 'n1.overall': 4 })]);
    expect(typedRows(fx, TABS.paper.name)[0]).toEqual({ status: 'ჩაიწერა', id: rows[0].id });
  });

  test('an other-channel note needs its date, channel and text; its service may stay blank', () => {
    const fx = setUpWorkbook();
    typeOther(fx, 2, ['', 'ტელეფონი', newborn.ka, 'რიგი']);
    typeOther(fx, 3, ['2026-01-02', '', '', 'რიგი']);
    typeOther(fx, 4, ['2026-01-02', 'წერილი', '', 'შენობაში ეტლით შესვლა შეუძლებელია']);
    fx.click(COLLECT_NOW);
    expect(feedbackRows(fx)).toEqual([expect.objectContaining({ channel: 'letter', service: 'unknown' })]);
    const typed = typedRows(fx, TABS.otherChannels.name);
    expect(typed[0].status).toContain('„მიღების თარიღი“');
    expect(typed[1].status).toContain('„არხი“');
    expect(lastAlertOf(fx)).toContain('შეუვსებელი სტრიქონი (ჯერ არ ჩაიწერა): 2');
  });

  test('a correction left half-typed waits: the feedback row keeps its last complete values', () => {
    const fx = setUpWorkbook();
    typeOther(fx, 2, ['2026-01-02', 'ტელეფონი', newborn.ka, 'რიგი']);
    fx.click(COLLECT_NOW);
    // The clerk clears the text to retype it, and is interrupted.
    typeOther(fx, 2, ['2026-01-02', 'ტელეფონი', newborn.ka, '']);
    fx.click(COLLECT_NOW);
    expect(feedbackRows(fx)).toEqual([expect.objectContaining({ text: 'რიგი' })]);
    expect(typedRows(fx, TABS.otherChannels.name)[0].status).toBe('ჩაიწერა; შესწორება ჯერ არ აისახა: შეავსეთ „უკუკავშირის შინაარსი“');
    typeOther(fx, 2, ['2026-01-02', 'ტელეფონი', newborn.ka, 'გრძელი რიგი']);
    fx.click(COLLECT_NOW);
    expect(feedbackRows(fx)).toEqual([expect.objectContaining({ text: 'გრძელი რიგი' })]);
    expect(typedRows(fx, TABS.otherChannels.name)[0].status).toMatch(CORRECTED);
  });
});

describe('a run stopped between the feedback write and the status write', () => {
  test('a row edited before the next run takes its feedback row over: corrected, not imported twice', () => {
    const fx = setUpWorkbook();
    typePaper(fx, 2, { receivedAt: '2026-01-03', 'n1.service': newborn.ka, 'n1.overall': 4 });
    killAfterFirstWrite(fx, 'menuCollectNow');
    fx.click(COLLECT_NOW);
    fx.ws.core.faultHook = null;
    const [first] = feedbackRows(fx);
    expect(typedRows(fx, TABS.paper.name)[0].id).toBe('');
    typePaper(fx, 2, { receivedAt: '2026-01-03', 'n1.service': newborn.ka, 'n1.overall': 2 });
    fx.click(COLLECT_NOW);
    expect(feedbackRows(fx)).toEqual([expect.objectContaining({ id: first.id, 'n1.overall': 2 })]);
    expect(typedRows(fx, TABS.paper.name)[0]).toEqual({ status: expect.stringMatching(CORRECTED), id: first.id });
  });
});

describe('a row cleared entirely', () => {
  test('withdraws its feedback row (kept, emptied, dateless so no report counts it, flagged); typing it again restores it', () => {
    const fx = setUpWorkbook();
    typePaper(fx, 2, { receivedAt: '2026-01-03', 'n1.service': newborn.ka, 'n1.overall': 4, 'n1.improve': 'რიგი' });
    fx.click(COLLECT_NOW);
    const [first] = feedbackRows(fx);
    tagFeedback(fx, 2, 'x');
    typePaper(fx, 2, {});
    fx.click(COLLECT_NOW);
    const [withdrawn] = feedbackRows(fx);
    expect(withdrawn).toMatchObject({ id: first.id, received_at: '', service: '', 'n1.overall': '', 'n1.improve': '', themes: '', staff_tags: 'x' });
    expect(String(withdrawn.flags)).toMatch(/^გაუქმდა \d\d\.\d\d\.\d{4}: შესაბამისი სტრიქონი ჩანართში „ქაღალდის ფორმები“ გასუფთავდა/);
    const typed = typedRows(fx, TABS.paper.name)[0];
    expect(typed.id).toBe(first.id);
    expect(typed.status).toMatch(/^გაუქმდა \d\d\.\d\d\.\d{4}: სტრიქონი გასუფთავდა/);
    fx.click(COLLECT_NOW);
    expect(feedbackRows(fx)).toEqual([withdrawn]);

    typePaper(fx, 2, { receivedAt: '2026-01-03', 'n1.service': newborn.ka, 'n1.overall': 5 });
    fx.click(COLLECT_NOW);
    expect(feedbackRows(fx)).toEqual([expect.objectContaining({ id: first.id, 'n1.overall': 5, flags: '', staff_tags: 'x' })]);
    expect(typedRows(fx, TABS.paper.name)[0].status).toMatch(CORRECTED);
  });
});

describe('cost', () => {
  /** Calls of one import of `n` typed rows, then of one collection correcting every one of them. */
  function calls(n: number): { imported: Record<string, number>; corrected: Record<string, number> } {
    const fx = setUpWorkbook();
    for (let i = 0; i < n; i++) typePaper(fx, 2 + i, { receivedAt: '2026-01-03', 'n1.service': newborn.ka, 'n1.overall': 1 + (i % 5) });
    typeOther(fx, 2, ['2026-01-02', 'ტელეფონი', newborn.ka, 'რიგი']);
    fx.ws.core.resetCalls();
    fx.click(COLLECT_NOW);
    const imported = { ...fx.ws.core.callSummary().byMethod };
    expect(feedbackRows(fx)).toHaveLength(n + 1);
    for (let i = 0; i < n; i++) typePaper(fx, 2 + i, { receivedAt: '2026-01-03', 'n1.service': newborn.ka, 'n1.overall': 1 + ((i + 1) % 5) });
    typeOther(fx, 2, ['2026-01-02', 'ტელეფონი', newborn.ka, 'გრძელი რიგი']);
    fx.ws.core.resetCalls();
    fx.click(COLLECT_NOW);
    const corrected = { ...fx.ws.core.callSummary().byMethod };
    expect(feedbackRows(fx).map((r) => r['n1.overall'])).toEqual([...Array.from({ length: n }, (_, i) => 1 + ((i + 1) % 5)), '']);
    return { imported, corrected };
  }

  test('the calls of a collection do not grow with the number of typed rows (10 against 200), corrections included', () => {
    const small = calls(10);
    const large = calls(200);
    expect(large.imported).toEqual(small.imported);
    expect(large.corrected).toEqual(small.corrected);
    // Corrections: one read of the block of corrected rows, one write per run of script columns
    // (two: id … praise_themes, and flags; staff's columns between them are not written), one
    // write of the typed rows' status columns per tab.
    expect(large.corrected['SpreadsheetApp.setValues']).toBe(4);
  });
});

function lastAlertOf(fx: Fixture): string {
  const shown = fx.ws.spreadsheets.ui.shown;
  return shown.length ? shown[shown.length - 1].message : '';
}
