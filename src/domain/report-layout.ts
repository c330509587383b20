/**
 * The analysis report laid out once, as document blocks (domain/doc-blocks.ts: headings,
 * paragraphs, tables, charts). The HTML page and the Google Doc are two renderings of the same
 * blocks, so they cannot disagree. Suppressed groups appear only as a notice: the layout never
 * sees their numbers (the model holds none), and they are left out of every chart.
 */
import { barChartPng, CHART_WIDTH_PT, CHART_WIDTH_PX, percentText, type Bar } from './chart';
import { formatDateKa } from './dates';
import type { Cell, DocBlock } from './doc-blocks';
import type { CountCell, PublishedScore, ReportModel, Score, ThemeRow, TrendRow } from './report-model';
import type { ReportLabels, ReportTextId } from './report-labels';
import type { FormKey } from './types';
import { profileBlocks, summaryText } from './report-summary';
import { actionEffectBlocks, coverageBlocks, serviceDriverBlocks } from './report-decisions-layout';
import { shownCounts } from './report-groups';

export interface ReportLayout {
  language: 'ka' | 'en';
  /** The document's title line, e.g. "Feedback analysis report". */
  title: string;
  periodLabel: string;
  blocks: DocBlock[];
}

export interface LayoutOptions {
  /** The municipality, shown under the title. */
  organisation?: string;
  /** When the report was made, shown under the title. */
  preparedAt?: Date;
}

const FORMS: readonly FormKey[] = ['N1', 'N2'];

/** Georgian writes a decimal comma. */
function decimal(value: number, lang: 'ka' | 'en'): string {
  const text = value.toFixed(1);
  return lang === 'ka' ? text.replace('.', ',') : text;
}

function suppressedCell(labels: ReportLabels, min: number, score?: Score | null): Cell {
  if (score?.suppressed && score.noData) return labels.text('noData');
  return { spans: [{ text: labels.text('suppressed', { min }), tone: 'suppressed' }] };
}

/** A count of people in a sentence: itself, or the suppression notice below the minimum group size. */
const FORM_ROWS = ['N1', 'N2', 'other'] as const;

function countText(count: number, labels: ReportLabels, min: number): string {
  return count > 0 && count < min ? labels.text('suppressed', { min }) : String(count);
}

/** The N2 rate rests on the N2 respondents: withheld with them below the minimum group size. */
function rateCell(model: ReportModel, labels: ReportLabels, min: number): Cell {
  const basis = model.basis;
  if (basis.n2MoreAnswersThanInvitations) return labels.text('rateMoreAnswers');
  if (basis.n2ResponseRate === null) return '—';
  if (basis.byForm.N2 > 0 && basis.byForm.N2 < min) return suppressedCell(labels, min);
  return percentText(basis.n2ResponseRate);
}

function isPublished(score: Score | null): score is PublishedScore {
  return !!score && !score.suppressed && score.share !== null && score.low !== null && score.high !== null && score.mean !== null;
}

/** Four cells: agree share, interval, respondents, mean — or the notice and three blanks. */
function scoreCells(score: Score, labels: ReportLabels, min: number): Cell[] {
  if (!isPublished(score)) return [suppressedCell(labels, min, score), '', '', ''];
  // The share counts ratings; a driver of several items has more ratings than respondents.
  const people = score.n === score.respondents ? String(score.respondents) : `${score.respondents} (${labels.text('ratings', { n: score.n })})`;
  return [
    percentText(score.share as number),
    `${percentText(score.low as number)}–${percentText(score.high as number)}`,
    people,
    decimal(score.mean as number, labels.lang),
  ];
}

function scoreHeader(first: string, labels: ReportLabels): string[] {
  return [first, labels.text('agree'), labels.text('interval'), labels.text('responses'), labels.text('mean')];
}

function shortScore(score: Score | null, labels: ReportLabels, min: number): Cell {
  if (score === null) return '—';
  if (!isPublished(score)) return suppressedCell(labels, min, score);
  return `${percentText(score.share as number)} (n = ${score.respondents})`;
}

/**
 * A bar chart of the rows a table beside it shows with figures: the same entries, in the same
 * order, each bar named as its row; suppressed rows (a notice in the table) get no bar. Null when
 * fewer than `minBars` are published.
 */
export function chartBlock(title: string, entries: Array<{ label: string; score: Score | null }>, minBars = 1): DocBlock | null {
  const bars: Bar[] = [];
  for (const entry of entries) {
    if (!isPublished(entry.score)) continue;
    bars.push({ label: entry.label, value: entry.score.share as number, low: entry.score.low as number, high: entry.score.high as number });
  }
  if (bars.length < minBars) return null;
  const { png, alt, width, height } = barChartPng({ title, width: CHART_WIDTH_PX, bars });
  return { kind: 'chart', png, alt, width, height, widthPt: CHART_WIDTH_PT };
}

function trendSubject(trend: TrendRow, labels: ReportLabels): string {
  const subject = trend.subject;
  if (subject.kind === 'form') return `${subject.form}: ${labels.driver('satisfaction', subject.form)}`;
  if (subject.kind === 'driver') return `${subject.form}: ${labels.driver(subject.driver, subject.form)}`;
  return `${subject.form}: ${subject.name}`;
}

/** The rows of a theme table: each theme, then the uncategorised texts (never dropped). */
function themeRows(groups: { themes: readonly ThemeRow[]; uncategorised: CountCell | null }, labels: ReportLabels, min: number, internal: boolean): Cell[][] {
  const rows = groups.themes.map((theme) => themeRow(theme, labels, min, internal));
  if (groups.uncategorised) {
    const row: Cell[] = [labels.text('uncategorised'), groups.uncategorised.suppressed ? suppressedCell(labels, min) : String(groups.uncategorised.count)];
    if (internal) row.push('');
    rows.push(row);
  }
  return rows;
}

function themeRow(theme: ThemeRow, labels: ReportLabels, min: number, internal: boolean): Cell[] {
  const cells: Cell[] = [labels.theme(theme.theme), theme.suppressed ? suppressedCell(labels, min) : String(theme.count)];
  if (internal) cells.push(theme.suppressed || theme.comments.length === 0 ? '' : { list: theme.comments });
  return cells;
}

export function reportLayout(model: ReportModel, labels: ReportLabels, options: LayoutOptions = {}): ReportLayout {
  const min = model.methodology.minGroupSize;
  const L = (id: ReportTextId, params?: Record<string, string | number>): string => labels.text(id, params);
  const blocks: DocBlock[] = [];
  const push = (block: DocBlock | null): void => {
    if (block) blocks.push(block);
  };
  const heading = (level: 1 | 2, text: string): void => push({ kind: 'heading', level, text });
  const paragraph = (text: string): void => push({ kind: 'paragraph', text });
  const table = (header: string[], rows: Cell[][]): void => push({ kind: 'table', header, rows });

  const title = model.internal ? L('titleInternal') : L('titlePublic');
  push({ kind: 'title', text: title });
  if (options.organisation) paragraph(options.organisation);
  paragraph(`${L('period')}: ${model.period.label}`);
  if (options.preparedAt) paragraph(`${L('prepared')}: ${formatDateKa(options.preparedAt)}`);
  heading(1, L('summary'));
  paragraph(summaryText(model, labels));

  const basis = model.basis;
  // The channels split the total: a small one is hidden with the next smallest, so that the total
  // (and a form's count) minus the shown ones does not give it back.
  const channelShown = shownCounts(
    basis.byChannel.map((entry) => entry.count),
    min,
  );
  heading(1, L('basis'));
  table(
    ['', L('count')],
    [
      [L('total'), String(basis.total)],
      ...FORM_ROWS.map((form) => [labels.form(form), countText(basis.byForm[form], labels, min)]),
      [L('invitations'), String(basis.invitationsSent)],
      [L('responseRate'), rateCell(model, labels, min)],
    ],
  );
  table(
    [L('channel'), L('count')],
    basis.byChannel.map((entry, i) => [labels.channel(entry.channel), channelShown[i] ? String(entry.count) : labels.text('suppressed', { min })]),
  );

  for (const block of profileBlocks(model, labels)) push(block);
  for (const block of coverageBlocks(model, labels)) push(block);

  heading(1, L('satisfaction'));
  paragraph(L('satisfactionNote'));
  table(
    scoreHeader('', labels),
    model.satisfaction.byForm.map((entry) => [`${entry.form}: ${labels.driver('satisfaction', entry.form)}`, ...scoreCells(entry.score, labels, min)]),
  );

  heading(1, L('drivers'));
  for (const form of FORMS) {
    const drivers = model.drivers.filter((entry) => entry.form === form);
    heading(2, labels.form(form));
    push(
      chartBlock(
        `${L('drivers')} — ${form}`,
        drivers.map((entry) => ({ label: labels.driver(entry.driver, form), score: entry.score })),
      ),
    );
    table(
      scoreHeader(L('driver'), labels),
      drivers.map((entry) => [labels.driver(entry.driver, form), ...scoreCells(entry.score, labels, min)]),
    );
  }

  heading(1, L('questions'));
  table(
    [L('form'), ...scoreHeader(L('question'), labels)],
    model.questions.map((q) => [q.form, q.text, ...scoreCells(q.score, labels, min)]),
  );

  heading(1, L('services'));
  for (const form of FORMS) {
    const services = model.services.filter((entry) => entry.form === form && !(entry.score.suppressed && entry.score.noData));
    if (services.length === 0) continue;
    heading(2, `${form}: ${labels.driver('satisfaction', form)}`);
    push(
      chartBlock(
        `${L('services')} — ${form}`,
        services.map((entry) => ({ label: entry.name, score: entry.score })),
      ),
    );
    table(
      scoreHeader(L('service'), labels),
      services.map((entry) => [entry.name, ...scoreCells(entry.score, labels, min)]),
    );
  }

  for (const block of serviceDriverBlocks(model, labels)) push(block);

  heading(1, L('channels'));
  for (const form of FORMS) {
    const channels = model.channels.filter((entry) => entry.form === form);
    if (channels.length === 0) continue;
    heading(2, `${form}: ${labels.driver('satisfaction', form)}`);
    table(
      scoreHeader(L('channel'), labels),
      channels.map((entry) => [labels.channel(entry.channel), ...scoreCells(entry.score, labels, min)]),
    );
  }

  if (model.previous || model.lastYear) {
    heading(1, L('trends'));
    for (const form of FORMS) {
      const overall = model.trends.find((trend) => trend.subject.kind === 'form' && trend.subject.form === form);
      if (!overall) continue;
      const bars: Array<{ label: string; score: Score | null }> = [{ label: `${L('current')} (${model.period.label})`, score: overall.current }];
      if (model.previous) bars.push({ label: `${L('previous')} (${model.previous.label})`, score: overall.previous });
      if (model.lastYear) bars.push({ label: `${L('lastYear')} (${model.lastYear.label})`, score: overall.lastYear });
      // One bar is no trend.
      push(chartBlock(L('trendChart', { form: labels.driver('satisfaction', form) }), bars, 2));
    }
    const header = ['', L('current')];
    if (model.previous) header.push(`${L('previous')} (${model.previous.label})`, L('change'));
    if (model.lastYear) header.push(`${L('lastYear')} (${model.lastYear.label})`, L('change'));
    table(
      header,
      model.trends.map((trend) => {
        const cells: Cell[] = [trendSubject(trend, labels), shortScore(trend.current, labels, min)];
        if (model.previous) cells.push(shortScore(trend.previous, labels, min), labels.trend(trend.vsPrevious));
        if (model.lastYear) cells.push(shortScore(trend.lastYear, labels, min), labels.trend(trend.vsLastYear));
        return cells;
      }),
    );
  }

  const problems = model.problems;
  heading(1, L('problems'));
  heading(2, L('lowest'));
  if (problems.lowestQuestions.length) {
    table(
      scoreHeader(L('question'), labels),
      problems.lowestQuestions.map((q) => [q.text, ...scoreCells(q.score, labels, min)]),
    );
  } else {
    paragraph(L('none'));
  }
  paragraph(`${L('lowScore')}: ${problems.lowScoreResponses}`);
  heading(2, L('themes'));
  const themeHeader = [L('theme'), L('texts')];
  if (model.internal) themeHeader.push(L('comments'));
  paragraph(L('problemTexts', { count: countText(problems.texts, labels, min) }));
  const problemRows = themeRows(problems, labels, min, model.internal);
  if (problemRows.length) table(themeHeader, problemRows);
  else paragraph(L('none'));

  heading(1, L('praiseHeading'));
  heading(2, L('praiseThemes'));
  paragraph(L('praiseTexts', { count: countText(model.praise.texts, labels, min) }));
  const praiseRows = themeRows(model.praise, labels, min, model.internal);
  if (praiseRows.length) table(themeHeader, praiseRows);
  else paragraph(L('none'));

  heading(1, L('actions'));
  const serviceNames = new Map(model.services.map((entry) => [entry.code, entry.name]));
  const actionRows = model.actions.map((action): Cell[] => {
    const status: Cell = { spans: [{ text: labels.status(action.status) }, ...(action.overdue ? [{ text: L('overdue'), tone: 'overdue' as const }] : [])] };
    const service = serviceNames.get(action.service) ?? action.service;
    const due = action.due ? formatDateKa(action.due) : '—';
    return model.internal ? [action.problem ?? '', action.text, service, action.owner ?? '', due, status] : [action.text, service, due, status];
  });
  const actionHeader = model.internal
    ? [L('problem'), L('decision'), L('service'), L('owner'), L('due'), L('status')]
    : [L('decision'), L('service'), L('due'), L('status')];
  if (actionRows.length) table(actionHeader, actionRows);
  else paragraph(L('none'));
  for (const block of actionEffectBlocks(model, labels)) push(block);

  const method = model.methodology;
  heading(1, L('methodology'));
  paragraph(L('methodScale', { agree: method.agreeMin }));
  paragraph(L('methodInterval'));
  paragraph(L('methodTrend'));
  paragraph(L('methodSuppression', { min: method.minGroupSize }));
  paragraph(L('methodLow', { low: method.lowScoreMax }));
  paragraph(L('methodRate'));
  if (model.coverage) paragraph(L('methodCoverage', { min: method.minGroupSize }));
  paragraph(L('methodThemes', { min: method.minGroupSize }));

  return { language: model.language, title, periodLabel: model.period.label, blocks };
}
