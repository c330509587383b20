/**
 * Issue 19, item 4: a menu result says what happened overall, not only what this click did —
 * "ჩაიწერა: 0" after an earlier run had recorded every form told staff nothing.
 */
import { t } from '../../src/domain/messages';
import { DEFAULT_SERVICES } from '../../src/domain/services';
import { formRecord, lastAlert, typePaper } from '../support/tabs';
import { setUpWorkbook, type Fixture } from '../support/workbook';

const COLLECT_NOW = 'უკუკავშირის შეგროვება ახლავე';
const IMPORT_PAPER = 'ქაღალდის ფორმების შეტანა';
const newborn = DEFAULT_SERVICES.find((s) => s.code === 'newborn')!;

function respondN1(fx: Fixture, overall: number): void {
  const record = formRecord(fx, 'N1');
  fx.ws.forms.respond(record.id, { [String(record.items['n1.service'])]: newborn.ka, [String(record.items['n1.overall'])]: overall });
  fx.ws.core.advance(1000);
}

describe('menu results say what happened overall', () => {
  it('paper import clicked again: all already recorded, none new — said so, not "0"', () => {
    const fx = setUpWorkbook();
    for (let row = 2; row <= 4; row++) typePaper(fx, row, { receivedAt: '2026-01-03', 'n1.service': newborn.ka, 'n1.overall': row });
    fx.click(IMPORT_PAPER);
    expect(lastAlert(fx)).toContain(t('paper.overall', { total: 3, before: 0, added: 3 }));
    fx.click(IMPORT_PAPER);
    expect(lastAlert(fx)).toContain(t('paper.overall', { total: 3, before: 3, added: 0 }));
    typePaper(fx, 5, { receivedAt: '2026-01-04', 'n1.service': newborn.ka, 'n1.overall': 5 });
    fx.click(IMPORT_PAPER);
    expect(lastAlert(fx)).toContain(t('paper.overall', { total: 4, before: 3, added: 1 }));
  });

  it('collecting now after the form trigger already recorded every response: the total and 0 new', () => {
    const fx = setUpWorkbook();
    respondN1(fx, 4);
    respondN1(fx, 5);
    fx.click(COLLECT_NOW);
    expect(lastAlert(fx)).toContain(t('collect.overall', { total: 2, before: 2, added: 0 }));
    typePaper(fx, 2, { receivedAt: '2026-01-03', 'n1.service': newborn.ka, 'n1.overall': 3 });
    fx.click(COLLECT_NOW);
    expect(lastAlert(fx)).toContain(t('collect.overall', { total: 3, before: 2, added: 1 }));
  });
});
