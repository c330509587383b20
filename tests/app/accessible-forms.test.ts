/**
 * Issue 19, item 2: the online forms for screen-reader users. Google Forms does not announce a
 * linear scale's end labels, so every scale question carries the scale's words in its help text,
 * also in a form made before the help existed (setup adds it); and "other" ends every service
 * list, online and on paper, even below a service staff add later.
 */
import { FORMS, LIKERT_SCALE } from '../../src/domain/forms';
import { t } from '../../src/domain/messages';
import { paperFormBlocks, scaleLegend } from '../../src/domain/paper-layout';
import { TABS } from '../../src/domain/schema';
import { DEFAULT_SERVICES } from '../../src/domain/services';
import { formRecord, lastAlert, tabValues } from '../support/tabs';
import { setUpWorkbook, type Fixture } from '../support/workbook';

const SETUP = 'სისტემის მომზადება / განახლება';
const OTHER = DEFAULT_SERVICES.find((s) => s.code === 'other')!.ka;

function scaleItems(fx: Fixture, key: 'N1' | 'N2') {
  return fx.ws.forms.snapshot(formRecord(fx, key).id).items.filter((item) => item.type === 'SCALE');
}

describe('every scale item carries its anchors in every rendering', () => {
  it('online: each scale question of N1 and N2 names both ends (and the middle) in its help text', () => {
    const fx = setUpWorkbook();
    for (const key of ['N1', 'N2'] as const) {
      const items = scaleItems(fx, key);
      expect(items).toHaveLength(FORMS[key].items.filter((i) => i.type === 'likert').length);
      for (const item of items) {
        expect({ title: item.title, help: item.helpText }).toEqual({
          title: item.title,
          help: expect.stringContaining(`1 — ${LIKERT_SCALE.minLabel}`),
        });
        expect(item.helpText).toContain(`5 — ${LIKERT_SCALE.maxLabel}`);
        expect(item.helpText).toContain(`3 — ${LIKERT_SCALE.midLabel}`);
        // Plain words: what to do, then the scale.
        expect(item.helpText).toBe(t('form.scale_help', { legend: scaleLegend() }));
      }
    }
  });

  it('online: a form made before the help existed gets it at the next setup, its items kept', () => {
    const fx = setUpWorkbook();
    const record = formRecord(fx, 'N1');
    const form = fx.ws.forms.app.openById(record.id);
    for (const item of form.getItems()) if (item.getType() === fx.ws.forms.app.ItemType.SCALE) item.setHelpText('');
    expect(scaleItems(fx, 'N1').every((i) => i.helpText === '')).toBe(true);
    fx.click(SETUP);
    expect(formRecord(fx, 'N1').id).toBe(record.id);
    expect(scaleItems(fx, 'N1').every((i) => i.helpText.includes(LIKERT_SCALE.maxLabel))).toBe(true);
  });

  it('on paper: the scale words stand on both sides, right above the grid of scale questions', () => {
    for (const def of Object.values(FORMS)) {
      const blocks = paperFormBlocks(def, { municipality: 'მ', onlineUrl: 'https://docs.google.com/forms/d/e/X/viewform', serviceNames: ['ა'] });
      const grid = blocks.findIndex((b) => b.kind === 'scaleGrid');
      const before = blocks[grid - 1];
      expect(before.kind === 'text' && before.text).toContain(`1 — ${LIKERT_SCALE.minLabel}`);
      expect(before.kind === 'text' && before.text).toContain(`5 — ${LIKERT_SCALE.maxLabel}`);
    }
  });
});

describe('"other" is the last service everywhere', () => {
  it('a service added below "other" in the services tab is listed above it, in both forms and on paper', () => {
    const fx = setUpWorkbook();
    const rows = tabValues(fx, TABS.services.name).length;
    const added = 'სტუდენტების სწავლის საფასურის თანადაფინანსება';
    fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.services.name, `A${rows + 1}:C${rows + 1}`, [['tuition', added, true]]);
    fx.click(SETUP);
    expect(lastAlert(fx)).toContain('სისტემა მზადაა');
    for (const key of ['N1', 'N2'] as const) {
      const choices = fx.ws.forms.snapshot(formRecord(fx, key).id).items[0].choices ?? [];
      expect(choices.slice(-2)).toEqual([added, OTHER]);
    }
    fx.click('ქაღალდის ფორმა და QR პლაკატი');
    const paperId = fx.ws.properties.app.getScriptProperties().getProperty('print.paper.N1')!;
    const serviceTable = fx.ws.docs.toJson(paperId).body.find((b) => b.type === 'table');
    const rowsOfTable = serviceTable && serviceTable.type === 'table' ? serviceTable.rows : [];
    const listed: string[] = [];
    for (let c = 0; c < rowsOfTable[0].length / 2; c++) for (const row of rowsOfTable) if (row[2 * c + 1]) listed.push(row[2 * c + 1]);
    expect(listed.slice(-2)).toEqual([added, OTHER]);
  });
});
