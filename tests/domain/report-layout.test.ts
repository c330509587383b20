import { buildReportModel, type ReportInput } from '../../src/domain/report-model';
import { reportLabels } from '../../src/domain/report-labels';
import { cellText, type DocBlock } from '../../src/domain/doc-blocks';
import { reportLayout } from '../../src/domain/report-layout';
import { renderReportHtml } from '../../src/domain/report-html';
import type { FeedbackRecord } from '../../src/domain/types';

const at = (iso: string): Date => new Date(iso);
const JANUARY = { from: at('2026-01-01T00:00:00+04:00'), to: at('2026-02-01T00:00:00+04:00'), label: '2026 წლის იანვარი' };
const DECEMBER = { from: at('2025-12-01T00:00:00+04:00'), to: at('2026-01-01T00:00:00+04:00'), label: '2025 წლის დეკემბერი' };
const JANUARY_2025 = { from: at('2025-01-01T00:00:00+04:00'), to: at('2025-02-01T00:00:00+04:00'), label: '2025 წლის იანვარი' };

let id = 0;
function n1(count: number, overall: number, receivedAt: string): FeedbackRecord[] {
  return Array.from({ length: count }, () => ({
    id: `r${id++}`,
    receivedAt: at(receivedAt),
    form: 'N1' as const,
    channel: 'paper' as const,
    service: 'newborn',
    answers: { 'n1.overall': overall },
    text: '',
    themes: [],
    staffTags: [],
    polarity: 'problem',
    staffPolarity: null,
    praiseThemes: [],
    quotable: false,
    flags: [],
  }));
}

function input(records: FeedbackRecord[]): ReportInput {
  return {
    records,
    actions: [],
    period: JANUARY,
    previous: DECEMBER,
    lastYear: JANUARY_2025,
    invitationsSent: 0,
    minGroupSize: 5,
    services: [{ code: 'newborn', ka: 'ახალშობილი', invite: true }],
    language: 'ka',
    internal: true,
  };
}

const charts = (blocks: DocBlock[]) => blocks.filter((b): b is Extract<DocBlock, { kind: 'chart' }> => b.kind === 'chart');

describe('reportLayout', () => {
  it('charts the trend of overall satisfaction over the published periods only', () => {
    // January 6 of 6 agree, December 3 of 6, January 2025 only 4 responses (suppressed).
    const records = [
      ...n1(6, 5, '2026-01-10T10:00:00+04:00'),
      ...n1(3, 5, '2025-12-10T10:00:00+04:00'),
      ...n1(3, 1, '2025-12-11T10:00:00+04:00'),
      ...n1(4, 5, '2025-01-10T10:00:00+04:00'),
    ];
    const layout = reportLayout(buildReportModel(input(records)), reportLabels('ka'));
    const trend = charts(layout.blocks).find((chart) => chart.alt.startsWith('კმაყოფილება განცხადების მიღებით: კმაყოფილება პერიოდების მიხედვით'));
    // 6/6: Wilson [61 %, 100 %]; 3/6: [19 %, 81 %].
    expect(trend?.alt).toBe(
      'კმაყოფილება განცხადების მიღებით: კმაყოფილება პერიოდების მიხედვით: მიმდინარე პერიოდი (2026 წლის იანვარი): 100% (61%–100%); წინა პერიოდი (2025 წლის დეკემბერი): 50% (19%–81%)',
    );
    expect(trend?.png.slice(0, 8)).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  });

  it('draws no trend chart when only one period is published', () => {
    const layout = reportLayout(buildReportModel(input(n1(6, 5, '2026-01-10T10:00:00+04:00'))), reportLabels('ka'));
    expect(charts(layout.blocks).map((chart) => chart.alt.split(':')[0])).toEqual(['კმაყოფილების ფაქტორები — N1', 'სერვისების მიხედვით — N1']);
  });

  it('puts the organisation and the date under the title', () => {
    const layout = reportLayout(buildReportModel(input([])), reportLabels('ka'), { organisation: 'მერია', preparedAt: at('2026-02-03T09:00:00+04:00') });
    expect(layout.blocks.slice(0, 4)).toEqual([
      { kind: 'title', text: 'უკუკავშირის ანალიტიკური ანგარიში' },
      { kind: 'paragraph', text: 'მერია' },
      { kind: 'paragraph', text: 'პერიოდი: 2026 წლის იანვარი' },
      { kind: 'paragraph', text: 'მომზადდა: 03.02.2026' },
    ]);
    // Every group is empty: nothing is charted and every score is the notice.
    expect(charts(layout.blocks)).toEqual([]);
    expect(renderReportHtml(buildReportModel(input([])), reportLabels('ka'))).not.toContain('<img');
  });

  it('turns rich cells into plain text for the Doc', () => {
    expect(cellText('a')).toBe('a');
    expect(cellText({ spans: [{ text: 'დაგეგმილია' }, { text: 'ვადაგადაცილებულია', tone: 'overdue' }] })).toBe('დაგეგმილია — ვადაგადაცილებულია');
    expect(cellText({ list: ['ერთი', 'ორი'] })).toBe('• ერთი\n• ორი');
    expect(cellText({ list: [] })).toBe('');
  });

  it('charts the services the table shows with figures, each bar named as its row, in the same order, for print', () => {
    const services = [
      { code: 'newborn', ka: 'ახალშობილი', invite: true },
      { code: 'firewood', ka: 'შეშით უზრუნველყოფა', invite: true },
      { code: 'medical', ka: 'სამედიცინო თანადაფინანსება', invite: true },
      { code: 'funeral', ka: 'დაკრძალვის დახმარება', invite: true },
    ];
    const forService = (service: string, records: FeedbackRecord[]) => records.map((r) => ({ ...r, service }));
    const records = [
      ...forService('newborn', n1(8, 5, '2026-01-10T10:00:00+04:00')),
      ...forService('firewood', [...n1(4, 2, '2026-01-11T10:00:00+04:00'), ...n1(6, 5, '2026-01-12T10:00:00+04:00')]),
      ...forService('medical', n1(2, 4, '2026-01-13T10:00:00+04:00')), // below the minimum group: a notice, no bar
      ...forService('funeral', n1(7, 4, '2026-01-14T10:00:00+04:00')),
    ];
    const layout = reportLayout(buildReportModel({ ...input(records), services }), reportLabels('ka'));
    const heading = layout.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'სერვისების მიხედვით');
    // Each form's services apart: the N1 sub-heading, then its chart and table.
    expect(layout.blocks[heading + 1]).toEqual({ kind: 'heading', level: 2, text: 'N1: კმაყოფილება განცხადების მიღებით' });
    const chart = layout.blocks[heading + 2];
    const table = layout.blocks[heading + 3];
    if (chart.kind !== 'chart' || table.kind !== 'table') throw new Error('expected the services chart, then its table');
    const shown = table.rows.filter((row) => typeof row[1] === 'string').map((row) => `${cellText(row[0])}: ${cellText(row[1])} (${cellText(row[2])})`);
    expect(shown.length).toBeGreaterThanOrEqual(2);
    expect(table.rows.length).toBeGreaterThan(shown.length); // the suppressed row is in the table only
    expect(chart.alt.split(': ').slice(1).join(': ').split('; ')).toEqual(shown);
    expect(chart.width).toBeGreaterThanOrEqual((300 / 72) * chart.widthPt);
  });
});

describe('reportLayout: the data basis', () => {
  it('hides a small channel and the next smallest with it, so the total minus the shown counts gives nobody back', () => {
    const records = [
      ...n1(14, 5, '2026-01-10T10:00:00+04:00'),
      ...n1(3, 4, '2026-01-11T10:00:00+04:00').map((r) => ({ ...r, channel: 'kiosk' as const })),
      ...n1(40, 4, '2026-01-12T10:00:00+04:00').map((r) => ({ ...r, form: 'N2' as const, channel: 'email_link' as const, answers: { 'n2.overall': 4 } })),
    ];
    const layout = reportLayout(buildReportModel(input(records)), reportLabels('ka'));
    const byChannel = layout.blocks.find(
      (b): b is Extract<DocBlock, { kind: 'table' }> => b.kind === 'table' && cellText(b.header[0]) === reportLabels('ka').text('channel'),
    );
    const cells = Object.fromEntries((byChannel?.rows ?? []).map((row) => [cellText(row[0]), cellText(row[1])]));
    const hidden = reportLabels('ka').text('suppressed', { min: 5 });
    expect(Object.values(cells).sort()).toEqual(['40', hidden, hidden].sort());
    // The total is published: only the 17 hidden together can be worked out, never the 3.
    expect(layout.blocks.some((b) => b.kind === 'table' && b.rows.some((row) => cellText(row[1]) === '57'))).toBe(true);
  });
});

describe('reportLayout: themes', () => {
  const text = (n: number, fields: Partial<FeedbackRecord>): FeedbackRecord[] =>
    Array.from({ length: n }, () => ({ ...n1(1, 3, '2026-01-10T10:00:00+04:00')[0], answers: {}, ...fields }));

  it('problems by theme with the uncategorised row, praise apart, small counts suppressed', () => {
    const records = [
      ...text(6, { form: 'other', channel: 'phone', text: 'შეშა არ მოიტანეს', themes: ['payment_delay'], polarity: 'problem' }),
      ...text(2, { form: 'other', channel: 'letter', text: 'კიბეა', themes: ['access'], polarity: 'problem' }),
      ...text(5, { form: 'other', channel: 'social', text: 'ცუდად', themes: [], polarity: 'problem' }),
      ...text(5, { form: 'other', channel: 'social', text: 'თავაზიანები', themes: ['staff'], polarity: 'praise' }),
    ];
    const blocks = reportLayout(buildReportModel(input(records)), reportLabels('ka')).blocks;
    const tableAfter = (heading: string): string[][] => {
      const at = blocks.findIndex((b) => b.kind === 'heading' && b.text === heading);
      const table = blocks.slice(at).find((b): b is Extract<DocBlock, { kind: 'table' }> => b.kind === 'table');
      return table ? table.rows.map((row) => row.slice(0, 2).map(cellText)) : [];
    };
    expect(tableAfter('პრობლემები თემების მიხედვით')).toEqual([
      ['ჩარიცხვა და მიწოდება', '6'],
      ['შენობა და მისასვლელობა', '5-ზე ნაკლები პასუხი — არ ქვეყნდება'],
      ['უკატეგორიო', '5'],
    ]);
    expect(tableAfter('შექება თემების მიხედვით')).toEqual([['თანამშრომლების მოპყრობა', '5']]);
    expect(blocks).toContainEqual({
      kind: 'paragraph',
      text: 'პრობლემის შემცველი ტექსტები ყველა არხიდან (ფორმები, ტელეფონი, სოციალური ქსელი, ვებგვერდი, წერილი): 13',
    });
  });
});
