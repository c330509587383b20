/**
 * Issue 19, item 3: the box is emptied in batches. Each opening is logged (number, date, who,
 * forms found); the paper forms typed in carry its number; the menu and the log show typed
 * against found and flag a difference; the sample check has a second person re-type a random
 * tenth of a batch, blind, and reports the disagreement per question.
 */
import { t } from '../../src/domain/messages';
import { TABS, paperCheckColumns } from '../../src/domain/schema';
import { DEFAULT_SERVICES } from '../../src/domain/services';
import { columnLetter, lastAlert, tabValues, typePaper } from '../support/tabs';
import { setUpWorkbook, type Fixture } from '../support/workbook';

const IMPORT_PAPER = 'ქაღალდის ფორმების შეტანა';
const SAMPLE_CHECK = t('menu.sample_check');
const newborn = DEFAULT_SERVICES.find((s) => s.code === 'newborn')!;

function logOpening(fx: Fixture, row: number, batch: string, date: string, who: string, found: number): void {
  fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.box.name, `A${row}:D${row}`, [[batch, date, who, found]]);
}

/** The form of paper row `row`: its scores follow the row, so any row's answers are known. */
const formOf = (row: number) => ({ 'n1.service': newborn.ka, 'n1.info_easy': 1 + (row % 5), 'n1.overall': 1 + ((row + 2) % 5) });

function typeBatch(fx: Fixture, rows: number[], batch: string): void {
  for (const row of rows) typePaper(fx, row, { receivedAt: '2026-02-02', batch, ...formOf(row) });
}

function boxRows(fx: Fixture): string[][] {
  return tabValues(fx, TABS.box.name).map((r) => r.map(String));
}

describe('box openings: typed against found', () => {
  it('a form found but never typed is flagged on the log and in the menu answer; typing it clears the flag', () => {
    const fx = setUpWorkbook();
    logOpening(fx, 2, '1', '2026-02-02', 'ნინო', 3);
    logOpening(fx, 3, '2', '2026-02-09', 'გიორგი', 4);
    typeBatch(fx, [2, 3, 4], '1');
    typeBatch(fx, [5, 6, 7], '2');
    fx.click(IMPORT_PAPER);
    const fewer = t('box.fewer', { found: 4, typed: 3, missing: 1 });
    expect(lastAlert(fx)).toContain(t('box.summary_mismatch', { batch: '2', status: fewer }));
    expect(lastAlert(fx)).not.toContain('№ 1:');
    const log = boxRows(fx);
    const typedCol = log[0].indexOf(TABS.box.columns[4].header);
    const statusCol = log[0].indexOf(TABS.box.columns[5].header);
    expect(log[1][typedCol]).toBe('3');
    expect(log[1][statusCol]).toBe(t('box.matches', { typed: 3 }));
    expect(log[2][statusCol]).toBe(fewer);
    // The missing form turns up and is typed in with its batch.
    typeBatch(fx, [8], '2');
    fx.click(IMPORT_PAPER);
    expect(lastAlert(fx)).toContain(t('box.summary_ok', { count: 2 }));
    expect(boxRows(fx)[2][statusCol]).toBe(t('box.matches', { typed: 4 }));
  });

  it('a form typed twice shows as more typed than found; a batch number no opening names is reported', () => {
    const fx = setUpWorkbook();
    logOpening(fx, 2, '1', '2026-02-02', 'ნინო', 2);
    typeBatch(fx, [2, 3, 4], '1');
    typeBatch(fx, [5], '7');
    fx.click(IMPORT_PAPER);
    expect(lastAlert(fx)).toContain(t('box.more', { found: 2, typed: 3, extra: 1 }));
    expect(lastAlert(fx)).toContain(t('box.unknown_batch', { batch: '7', count: 1, tab: TABS.box.name }));
  });
});

describe('sample check', () => {
  it('picks a tenth of the batch blind, then reports the disagreement per question', () => {
    const fx = setUpWorkbook();
    const rows = Array.from({ length: 20 }, (_, i) => i + 2);
    logOpening(fx, 2, '1', '2026-02-02', 'ნინო', 20);
    typeBatch(fx, rows, '1');
    fx.click(IMPORT_PAPER);
    fx.ws.spreadsheets.ui.answerNext({ button: 'OK', text: '1' });
    fx.click(SAMPLE_CHECK);
    expect(lastAlert(fx)).toBe(t('sample.created', { batch: '1', total: 20, count: 2, tab: TABS.paperCheck.name }));
    const columns = paperCheckColumns();
    const check = tabValues(fx, TABS.paperCheck.name);
    expect(check[0]).toEqual(columns.map((c) => c.header));
    expect(check).toHaveLength(3);
    const picked = check.slice(1).map((r) => Number(r[1]));
    for (const r of check.slice(1)) {
      expect(String(r[0])).toBe('1');
      // Blind: none of the first entry's answers is shown.
      expect(r.slice(2, columns.length - 1).every((v) => v === '')).toBe(true);
    }
    expect(new Set(picked).size).toBe(2);
    for (const row of picked) expect(rows).toContain(row);
    // Until the sample is re-typed, the command says how far it is.
    fx.ws.spreadsheets.ui.answerNext({ button: 'OK', text: '1' });
    fx.click(SAMPLE_CHECK);
    expect(lastAlert(fx)).toBe(t('sample.waiting', { batch: '1', typed: 0, count: 2 }));
    // The second person re-types both: the first as on paper, the second with a slip in the overall score.
    const itemStart = 2;
    const keys = columns.slice(itemStart, columns.length - 1).map((c) => c.key);
    picked.forEach((paperRow, k) => {
      const form: Record<string, unknown> = { ...formOf(paperRow) };
      if (k === 1) form['n1.overall'] = (Number(form['n1.overall']) % 5) + 1;
      const values = keys.map((key) => form[key] ?? '');
      fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.paperCheck.name, `C${k + 2}:${columnLetter(itemStart + values.length - 1)}${k + 2}`, [values]);
    });
    fx.ws.spreadsheets.ui.answerNext({ button: 'OK', text: '1' });
    fx.click(SAMPLE_CHECK);
    const report = lastAlert(fx);
    expect(report).toContain(t('sample.result', { batch: '1', count: 2 }));
    expect(report).toMatch(/^• 9\. .*: განსხვავდება 1 ფორმაზე 2-დან \(50%\)$/m);
    expect(report).toMatch(/^• 3\. .*: განსხვავდება 0 ფორმაზე 2-დან \(0%\)$/m);
    const statuses = tabValues(fx, TABS.paperCheck.name)
      .slice(1)
      .map((r) => String(r[columns.length - 1]));
    expect(statuses[0]).toBe(t('sample.row_same'));
    expect(statuses[1]).toMatch(/^⚠ .*9\. /);
  });
});
