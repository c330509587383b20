/**
 * The report's blocks that lead to decisions (issue 16, item 7): coverage and response rates per
 * service and channel, drivers per service, before/after each completed action. Suppressed
 * figures appear only as the notice ("no data" apart from "too few"), as everywhere in the report.
 */
import type { ActionEffect, ThemeShare, WindowScore } from './action-effects';
import { questionTargetLabel } from './action-targets';
import { percentText } from './chart';
import { formatDateKa } from './dates';
import type { Cell, DocBlock } from './doc-blocks';
import type { RateCell } from './report-coverage';
import type { ReportLabels } from './report-labels';
import type { ReportModel } from './report-model';
import type { CountCell } from './report-themes';
import type { Trend } from './stats';
import type { Channel } from './types';

const DAY_MS = 86_400_000;

function notice(labels: ReportLabels, min: number, noData?: boolean): Cell {
  if (noData) return labels.text('noData');
  return { spans: [{ text: labels.text('suppressed', { min }), tone: 'suppressed' }] };
}

function countCell(cell: CountCell | { suppressed: true; noData: true }, labels: ReportLabels, min: number): Cell {
  if (cell.suppressed) return notice(labels, min, 'noData' in cell);
  return String(cell.count);
}

function rateCell(rate: RateCell, labels: ReportLabels, min: number, base: string): Cell {
  if (rate.suppressed) return notice(labels, min, rate.noData);
  if (rate.more) return labels.text('moreThanBase', { base });
  return rate.rate === null ? '—' : percentText(rate.rate);
}

export function coverageBlocks(model: ReportModel, labels: ReportLabels): DocBlock[] {
  if (!model.coverage) return [];
  const min = model.methodology.minGroupSize;
  const names = new Map(model.services.map((entry) => [entry.code, entry.name]));
  const blocks: DocBlock[] = [{ kind: 'heading', level: 1, text: labels.text('coverage') }];
  for (const form of model.coverage) {
    const n1 = form.form === 'N1';
    const baseName = labels.text(n1 ? 'deskApplications' : 'invitationsShort');
    const header = [labels.text('service'), baseName, labels.text(n1 ? 'formsN1' : 'answersN2'), labels.text(n1 ? 'coverageRate' : 'rateShort')];
    blocks.push({ kind: 'heading', level: 2, text: labels.form(form.form) }, { kind: 'paragraph', text: labels.text(n1 ? 'coverageN1' : 'coverageN2') });
    const totalForms: CountCell | { suppressed: true; noData: true } =
      form.forms === 0 ? { suppressed: true, noData: true } : form.forms < min ? { suppressed: true } : { suppressed: false, count: form.forms };
    blocks.push({
      kind: 'table',
      header,
      rows: [
        ...form.services.map((row) => [
          names.get(row.key) ?? row.key,
          String(row.base),
          countCell(row.forms, labels, min),
          rateCell(row.rate, labels, min, baseName),
        ]),
        [labels.text('allServices'), String(form.base), countCell(totalForms, labels, min), rateCell(form.rate, labels, min, baseName)],
      ],
    });
    if (form.channels.length > 0) {
      blocks.push({
        kind: 'table',
        header: [labels.text('channel'), baseName, labels.text('count'), labels.text(n1 ? 'coverageRate' : 'rateShort')],
        rows: form.channels.map((row) => [
          labels.channel(row.key as Channel),
          String(row.base),
          countCell(row.forms, labels, min),
          rateCell(row.rate, labels, min, baseName),
        ]),
      });
    }
  }
  return blocks;
}

export function serviceDriverBlocks(model: ReportModel, labels: ReportLabels): DocBlock[] {
  const min = model.methodology.minGroupSize;
  const names = new Map(model.services.map((entry) => [entry.code, entry.name]));
  const blocks: DocBlock[] = [
    { kind: 'heading', level: 1, text: labels.text('serviceDrivers') },
    { kind: 'paragraph', text: labels.text('serviceDriversNote', { min }) },
  ];
  let any = false;
  for (const form of ['N1', 'N2'] as const) {
    const rows = model.serviceDrivers.filter((row) => row.form === form);
    if (rows.length === 0) continue;
    any = true;
    blocks.push(
      { kind: 'heading', level: 2, text: labels.form(form) },
      {
        kind: 'table',
        header: [labels.text('service'), ...rows[0].cells.map((cell) => labels.driver(cell.driver, form))],
        rows: rows.map((row) => [
          names.get(row.code) ?? row.code,
          ...row.cells.map((cell): Cell => {
            const score = cell.score;
            if (score.suppressed || score.share === null) return notice(labels, min, score.suppressed && score.noData);
            const mark = cell.vsForm === 'down' ? ' ▼' : cell.vsForm === 'up' ? ' ▲' : '';
            return `${percentText(score.share)} (${score.respondents})${mark}`;
          }),
        ]),
      },
    );
  }
  if (!any) blocks.push({ kind: 'paragraph', text: labels.text('none') });
  return blocks;
}

/** What a target's change means: for a question a higher score is better, for a theme's problem share a lower one. */
export type Outcome = 'better' | 'worse' | 'same' | 'tooFew';

export function outcomeOf(verdict: Trend, lowerIsBetter: boolean): Outcome {
  if (verdict === 'insufficient') return 'tooFew';
  if (verdict === 'no_change') return 'same';
  return (verdict === 'up') !== lowerIsBetter ? 'better' : 'worse';
}

/** An action's outcome over its targets: worse if any got worse, better if any improved, else same or too few. */
export function actionOutcome(effect: ActionEffect): Outcome {
  const outcomes = [...effect.questions.map((q) => outcomeOf(q.verdict, false)), ...effect.themes.map((th) => outcomeOf(th.verdict, true))];
  if (outcomes.includes('worse')) return 'worse';
  if (outcomes.includes('better')) return 'better';
  return outcomes.includes('same') ? 'same' : 'tooFew';
}

const OUTCOME_TEXT = { better: 'effectBetter', worse: 'effectWorse', same: 'effectSame', tooFew: 'effectTooFew' } as const;

export function outcomeText(outcome: Outcome, labels: ReportLabels): string {
  return labels.text(OUTCOME_TEXT[outcome]);
}

function windowScoreCell(score: WindowScore, labels: ReportLabels, min: number): Cell {
  if (score.suppressed || score.share === null) return notice(labels, min, score.suppressed && score.noData);
  return `${percentText(score.share)} (n = ${score.respondents})`;
}

function shareCell(share: ThemeShare, labels: ReportLabels, min: number): Cell {
  if (share.suppressed) return notice(labels, min, share.noData);
  return labels.text('themeShareCell', { share: percentText(share.share), count: share.count, total: share.total });
}

const lastDay = (to: Date): string => formatDateKa(new Date(to.getTime() - DAY_MS));

export function actionEffectBlocks(model: ReportModel, labels: ReportLabels): DocBlock[] {
  const min = model.methodology.minGroupSize;
  const blocks: DocBlock[] = [{ kind: 'heading', level: 2, text: labels.text('actionEffects') }];
  if (model.actionEffects.length === 0) return [...blocks, { kind: 'paragraph', text: labels.text('effectsNone') }];
  blocks.push({ kind: 'paragraph', text: labels.text('actionEffectsNote') });
  for (const effect of model.actionEffects) {
    const action = model.actions[effect.action];
    blocks.push({ kind: 'heading', level: 3, text: `${action?.text ?? ''} — ${labels.text('completedOn', { date: formatDateKa(effect.completedAt) })}` });
    const rows: Cell[][] = [
      ...effect.questions.map((q) => [
        labels.lang === 'en' ? (model.questions.find((row) => row.itemId === q.itemId)?.text ?? q.itemId) : questionTargetLabel(q.itemId),
        windowScoreCell(q.before, labels, min),
        windowScoreCell(q.after, labels, min),
        outcomeText(outcomeOf(q.verdict, false), labels),
      ]),
      ...effect.themes.map((th) => [
        labels.theme(th.theme),
        shareCell(th.before, labels, min),
        shareCell(th.after, labels, min),
        outcomeText(outcomeOf(th.verdict, true), labels),
      ]),
    ];
    blocks.push({
      kind: 'table',
      header: [
        labels.text('target'),
        labels.text('before', { from: formatDateKa(effect.before.from), to: lastDay(effect.before.to) }),
        labels.text('after', { from: formatDateKa(effect.after.from), to: lastDay(effect.after.to) }),
        labels.text('verdict'),
      ],
      rows,
    });
  }
  return blocks;
}
