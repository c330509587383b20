/**
 * The report's top paragraph and its "who answered" section: what a manager reads first. Built
 * only from the model's published figures, so a suppressed group is left out here as everywhere.
 */
import { percentText } from './chart';
import type { Cell, DocBlock } from './doc-blocks';
import type { ReportLabels } from './report-labels';
import type { ReportModel } from './report-model';
import { choiceLabel, type ChoiceCount } from './report-profile';
import { actionOutcome } from './report-decisions-layout';

/** A count of people in a sentence: itself, or the suppression notice below the minimum group size. */
export function peopleCount(count: number, labels: ReportLabels, min: number): string {
  return count > 0 && count < min ? labels.text('suppressed', { min }) : String(count);
}

/** One paragraph: the data basis, each form's satisfaction, the problem share, the top problem, actions. */
export function summaryText(model: ReportModel, labels: ReportLabels): string {
  const min = model.methodology.minGroupSize;
  const byForm = model.basis.byForm;
  const parts = [
    labels.text('summaryForms', {
      forms: peopleCount(byForm.N1 + byForm.N2, labels, min),
      n1: peopleCount(byForm.N1, labels, min),
      n2: peopleCount(byForm.N2, labels, min),
      notes: peopleCount(byForm.other, labels, min),
    }),
  ];
  for (const { form, score } of model.satisfaction.byForm) {
    if (score.suppressed || score.share === null) continue;
    parts.push(labels.text('summarySatisfied', { name: labels.driver('satisfaction', form), share: percentText(score.share), n: score.respondents }));
  }
  const problem = model.profile.problemShare;
  if (!problem.suppressed) parts.push(labels.text('summaryProblemShare', { share: percentText(problem.share) }));
  const top = model.problems.themes.find((row) => !row.suppressed);
  if (top && !top.suppressed) parts.push(labels.text('summaryTopProblem', { theme: labels.theme(top.theme), count: top.count }));
  for (const form of model.coverage ?? []) {
    if (form.rate.suppressed || form.rate.rate === null) continue;
    parts.push(labels.text(form.form === 'N1' ? 'summaryCoverage' : 'summaryRate', { rate: percentText(form.rate.rate) }));
  }
  const effects = model.actionEffects ?? [];
  if (effects.length > 0) {
    const better = effects.filter((effect) => actionOutcome(effect) === 'better').length;
    parts.push(labels.text('summaryEffects', { count: effects.length, better, rest: effects.length - better }));
  }
  if (model.actions.length > 0) {
    parts.push(
      labels.text('summaryActions', {
        done: model.actions.filter((action) => action.status === 'done').length,
        overdue: model.actions.filter((action) => action.overdue).length,
      }),
    );
  }
  return parts.join(' ');
}

function choiceRows(itemId: 'n1.heard_from' | 'n1.age_group', rows: readonly ChoiceCount[], labels: ReportLabels, min: number): Cell[][] {
  return rows.map((row) => [
    choiceLabel(itemId, row.choice, labels.lang),
    row.count.suppressed ? { spans: [{ text: labels.text('suppressed', { min }), tone: 'suppressed' }] } : String(row.count.count),
  ]);
}

/** "Who answered": N2's problem share, how N1 respondents heard of the service, their age groups. */
export function profileBlocks(model: ReportModel, labels: ReportLabels): DocBlock[] {
  const min = model.methodology.minGroupSize;
  const profile = model.profile;
  const problem = profile.problemShare;
  const problemText = problem.suppressed
    ? problem.noData
      ? labels.text('noData')
      : labels.text('suppressed', { min })
    : `${percentText(problem.share)} (${problem.yes} / ${problem.answered})`;
  const blocks: DocBlock[] = [
    { kind: 'heading', level: 1, text: labels.text('profile') },
    { kind: 'paragraph', text: `${labels.text('problemShare')}: ${problemText}` },
  ];
  const header = [labels.text('answer'), labels.text('people')];
  for (const [id, title, rows] of [
    ['n1.heard_from', 'heardFrom', profile.heardFrom],
    ['n1.age_group', 'ageGroups', profile.ageGroups],
  ] as const) {
    blocks.push({ kind: 'heading', level: 2, text: labels.text(title) });
    blocks.push(rows.length ? { kind: 'table', header, rows: choiceRows(id, rows, labels, min) } : { kind: 'paragraph', text: labels.text('noData') });
  }
  return blocks;
}
