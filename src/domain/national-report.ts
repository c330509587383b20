/**
 * The association's comparison report (national mode, issue 18) as document blocks: for the
 * overall score, each form and each driver, a funnel plot and an alphabetical list saying, for
 * each municipality, whether its share is distinguishable from the national figure. Never a
 * ranked table: every list is in alphabetical order and no position or rank is printed.
 */
import type { AggregatesFile } from './aggregates';
import type { DocBlock } from './doc-blocks';
import { type FunnelPoint, type FunnelResult, type Verdict, NATIONAL_MIN_RESPONDENTS, alphabetical, funnel } from './funnel';
import { CHART_WIDTH_PT, CHART_WIDTH_PX } from './chart';
import { funnelChartPng } from './funnel-chart';
import { t } from './messages';
import { reportLabels } from './report-labels';
import { DRIVERS } from './types';

/** Drawn at the report charts' print resolution (about 300 dpi at 440 pt across). */
export const FUNNEL_WIDTH = CHART_WIDTH_PX;
export const FUNNEL_HEIGHT = 1100;
export const FUNNEL_WIDTH_PT = CHART_WIDTH_PT;

export interface NationalIndicator {
  key: string;
  title: string;
  result: FunnelResult;
  /** Municipalities whose file hides this figure (too few respondents there, or withheld). */
  hidden: string[];
}

const pct = (share: number): string => `${Math.round(share * 100)}%`;

/**
 * The indicators compared: each form's satisfaction and each form's drivers (their keys as the
 * files name them). N1 and N2 are never pooled: they ask different questions at different moments.
 */
export function indicatorKeys(): Array<{ key: string; title: string }> {
  const labels = reportLabels('ka');
  const forms = ['N1', 'N2'] as const;
  return [
    ...forms.map((form) => ({ key: `form:${form}`, title: labels.form(form) })),
    ...forms.flatMap((form) => DRIVERS.map((driver) => ({ key: `driver:${form}:${driver}`, title: `${labels.form(form)} — ${labels.driver(driver)}` }))),
  ];
}

export function nationalIndicators(files: readonly AggregatesFile[], minRespondents = NATIONAL_MIN_RESPONDENTS): NationalIndicator[] {
  // A driver a form does not ask about is in no file: it gets no empty plot.
  const present = new Set(files.flatMap((file) => file.groups.map((group) => group.key)));
  return indicatorKeys()
    .filter(({ key }) => present.has(key))
    .map(({ key, title }) => {
      const points: FunnelPoint[] = [];
      const hidden: string[] = [];
      for (const file of files) {
        const group = file.groups.find((g) => g.key === key);
        if (group && !group.suppressed && typeof group.share === 'number')
          points.push({ municipality: file.municipality, respondents: group.respondents, share: group.share });
        else if (group) hidden.push(file.municipality);
      }
      return {
        key,
        title,
        result: funnel(points, minRespondents),
        hidden: alphabetical(hidden.map((municipality) => ({ municipality }))).map((h) => h.municipality),
      };
    });
}

function verdictText(verdict: Verdict): string {
  return t(`national.verdict.${verdict}`);
}

export function nationalReportBlocks(input: {
  periodLabel: string;
  files: readonly AggregatesFile[];
  problems: string[];
  minRespondents?: number;
}): DocBlock[] {
  const min = input.minRespondents ?? NATIONAL_MIN_RESPONDENTS;
  const municipalities = alphabetical(input.files.map((f) => ({ municipality: f.municipality })));
  const blocks: DocBlock[] = [
    { kind: 'title', text: t('national.title', { period: input.periodLabel }) },
    { kind: 'paragraph', text: t('national.intro', { count: input.files.length, min }) },
    { kind: 'paragraph', text: t('national.how_to_read') },
    { kind: 'paragraph', text: t('national.not_a_ranking') },
    { kind: 'heading', level: 1, text: t('national.municipalities') },
    { kind: 'bullets', items: municipalities.map((m) => m.municipality) },
  ];
  if (input.problems.length) blocks.push({ kind: 'heading', level: 2, text: t('national.problems') }, { kind: 'bullets', items: input.problems });
  for (const indicator of nationalIndicators(input.files, min)) {
    const { result } = indicator;
    blocks.push({ kind: 'heading', level: 1, text: indicator.title });
    if (result.national === null) {
      blocks.push({ kind: 'paragraph', text: t('national.no_figures') });
      continue;
    }
    blocks.push({ kind: 'paragraph', text: t('national.figure', { share: pct(result.national), respondents: result.respondents }) });
    const chart = funnelChartPng(result, { width: FUNNEL_WIDTH, height: FUNNEL_HEIGHT, title: t('national.chart_title', { indicator: indicator.title }) });
    blocks.push({ kind: 'chart', png: chart.png, alt: chart.alt, width: FUNNEL_WIDTH, height: FUNNEL_HEIGHT, widthPt: FUNNEL_WIDTH_PT });
    blocks.push({
      kind: 'table',
      header: [t('national.col.number'), t('national.col.municipality'), t('national.col.respondents'), t('national.col.share'), t('national.col.comparison')],
      rows: result.points.map((p) => [String(p.number), p.municipality, String(p.respondents), pct(p.share), verdictText(p.verdict)]),
    });
    if (indicator.hidden.length) blocks.push({ kind: 'paragraph', text: t('national.hidden', { names: indicator.hidden.join(', ') }) });
  }
  blocks.push({ kind: 'heading', level: 1, text: t('national.method') }, { kind: 'paragraph', text: t('national.method_text', { min }) });
  return blocks;
}
