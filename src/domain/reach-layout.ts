/**
 * The analysis report's section on reach (domain/reach.ts) as document blocks: the response rate
 * per invitation channel, and N2's satisfaction and drivers by how people were reached, in the
 * report's two-language wording (report-labels.ts, the `reach…` entries). Suppressed figures are a
 * notice, never a number.
 */
import { percentText } from './chart';
import type { Cell, DocBlock } from './doc-blocks';
import type { ReachChannel, ReachGroup, ReachModel } from './reach';
import type { ReportLabels, ReportTextId } from './report-labels';
import type { Score } from './report-model';

/** The name of each channel and group, in the report's wording. */
const CHANNEL_TEXT: Record<ReachChannel, ReportTextId> = {
  email: 'reachChannelEmail',
  sms: 'reachChannelSms',
  phone: 'reachChannelPhone',
  desk: 'reachChannelDesk',
};

function notice(text: string): Cell {
  return { spans: [{ text, tone: 'suppressed' }] };
}

export function reachBlocks(model: ReachModel, labels: ReportLabels, min: number): DocBlock[] {
  const L = (id: ReportTextId): string => labels.text(id, { min });
  const channelName = (channel: ReachChannel): string => labels.text(CHANNEL_TEXT[channel]);
  const scoreCell = (score: Score): Cell => {
    if (score.suppressed) return score.noData ? L('reachNoData') : notice(L('reachSuppressed'));
    return score.share === null ? L('reachNoData') : `${percentText(score.share)} (n = ${score.respondents})`;
  };
  const rateRows: Cell[][] = model.rates
    .filter((row) => row.invited > 0 || row.answers !== 0)
    .map((row) => [
      row.withSms ? L('reachEmailWithSms') : channelName(row.channel),
      String(row.invited),
      row.countedWithEmail ? L('reachCountedWithEmail') : row.answers === null ? notice(L('reachSuppressed')) : String(row.answers),
      row.answers === null ? '' : row.moreAnswers ? L('reachMoreAnswers') : row.rate === null ? '—' : percentText(row.rate),
    ]);
  const blocks: DocBlock[] = [
    { kind: 'heading', level: 1, text: L('reachHeading') },
    { kind: 'paragraph', text: L('reachNote') },
    { kind: 'table', header: [L('reachChannel'), L('reachInvited'), L('reachAnswers'), L('reachRate')], rows: rateRows },
  ];
  if (model.outcomes.length === 0) return blocks;
  const groups: ReachGroup[] = model.outcomes.map((row) => row.group);
  const first = model.outcomes[0];
  const rows: Cell[][] = [
    [labels.driver('satisfaction', 'N2'), ...model.outcomes.map((row) => scoreCell(row.satisfaction))],
    // A driver nobody in any group rated is left out.
    ...first.drivers
      .map((d, i) => ({ driver: d.driver, scores: model.outcomes.map((row) => row.drivers[i].score) }))
      .filter((d) => d.scores.some((score) => !(score.suppressed && score.noData)))
      .map((d) => [labels.driver(d.driver, 'N2'), ...d.scores.map(scoreCell)]),
  ];
  blocks.push(
    { kind: 'heading', level: 2, text: L('reachOutcomeHeading') },
    { kind: 'paragraph', text: L('reachOutcomeNote') },
    { kind: 'table', header: [L('reachMeasure'), ...groups.map((g) => channelName(g))], rows },
  );
  return blocks;
}
