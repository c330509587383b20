/**
 * The analysis report's section on reach (domain/reach.ts) as document blocks: the response rate
 * per invitation channel, and N2's satisfaction and drivers by how people were reached. Like the
 * rest of the report (report-labels.ts) it has its own two-language wording. Suppressed figures
 * are a notice, never a number.
 */
import { percentText } from './chart';
import type { Cell, DocBlock } from './doc-blocks';
import type { ReachChannel, ReachGroup, ReachModel } from './reach';
import type { ReportLabels } from './report-labels';
import type { Score } from './report-model';

const TEXT = {
  heading: { ka: 'ვისამდე მივაღწიეთ: მოწვევის არხების მიხედვით', en: 'Reach: by invitation channel' },
  note: {
    ka: 'მაჩვენებელი = პერიოდში მიღებული პასუხები ÷ ამავე პერიოდში მოწვეული (ან დარეკილი) ადამიანები. პასუხები ანონიმურია და მოწვევას ვერ დაუკავშირდება, ამიტომ ეს შეფასებაა. კანცელარია: N1 ფორმები ÷ კანცელარიაში შემოსული განცხადებები. SMS-ით მოწვეულთა პასუხები ცალკე ჩანს მხოლოდ მაშინ, როცა SMS-ის ბმული ამას აღნიშნავს; მანამდე ისინი ელფოსტის პასუხებში ითვლება.',
    en: 'Rate = answers received in the period ÷ people invited (or called) in it. Answers are anonymous and cannot be matched to an invitation, so it is an estimate. Desk: N1 forms ÷ applications handed in at the desk. Answers of people invited by SMS show apart only when the SMS link marks them; until then they count with email.',
  },
  channel: { ka: 'არხი', en: 'Channel' },
  invited: { ka: 'მოწვეული / დარეკილი', en: 'Invited / called' },
  answers: { ka: 'პასუხები', en: 'Answers' },
  rate: { ka: 'გამოხმაურება', en: 'Response rate' },
  moreAnswers: { ka: 'პასუხი მეტია მოწვევაზე', en: 'more answers than invitations' },
  emailWithSms: { ka: 'ელფოსტა და SMS (N2, ერთი ბმული)', en: 'Email and SMS (N2, one link)' },
  countedWithEmail: {
    ka: 'იმავე ბმულით: პასუხები და მოწვეულები ელფოსტის სტრიქონშია',
    en: 'same link: answers and invitations are in the email row',
  },
  outcomeHeading: { ka: 'N2: შედეგი მიღწევის გზის მიხედვით', en: 'N2 outcome by how people were reached' },
  outcomeNote: {
    ka: 'ეთანხმება (4–5) და რესპონდენტების რაოდენობა; ტელეფონით გამოკითხულები — კანცელარიაში მიმართულთა შემთხვევითი შერჩევა.',
    en: 'Agree (4–5) and respondents; those interviewed by phone are a random sample of desk applicants.',
  },
  measure: { ka: 'მაჩვენებელი', en: 'Figure' },
  suppressed: { ka: 'ნაკლებია {min}-ზე — არ ქვეყნდება', en: 'fewer than {min} — not published' },
  noData: { ka: 'მონაცემი არ არის', en: 'no data' },
} as const;

const CHANNEL_NAMES: Record<ReachChannel, { ka: string; en: string }> = {
  email: { ka: 'ელფოსტა (N2)', en: 'Email (N2)' },
  sms: { ka: 'SMS (N2)', en: 'SMS (N2)' },
  phone: { ka: 'ტელეფონით გამოკითხვა (N2)', en: 'Phone interview (N2)' },
  desk: { ka: 'კანცელარია (N1)', en: 'Desk (N1)' },
};

function notice(text: string): Cell {
  return { spans: [{ text, tone: 'suppressed' }] };
}

export function reachBlocks(model: ReachModel, labels: ReportLabels, min: number): DocBlock[] {
  const lang = labels.lang;
  const L = (id: keyof typeof TEXT): string => TEXT[id][lang].replace('{min}', String(min));
  const scoreCell = (score: Score): Cell => {
    if (score.suppressed) return score.noData ? L('noData') : notice(L('suppressed'));
    return score.share === null ? L('noData') : `${percentText(score.share)} (n = ${score.respondents})`;
  };
  const rateRows: Cell[][] = model.rates
    .filter((row) => row.invited > 0 || row.answers !== 0)
    .map((row) => [
      row.withSms ? L('emailWithSms') : CHANNEL_NAMES[row.channel][lang],
      String(row.invited),
      row.countedWithEmail ? L('countedWithEmail') : row.answers === null ? notice(L('suppressed')) : String(row.answers),
      row.answers === null ? '' : row.moreAnswers ? L('moreAnswers') : row.rate === null ? '—' : percentText(row.rate),
    ]);
  const blocks: DocBlock[] = [
    { kind: 'heading', level: 1, text: L('heading') },
    { kind: 'paragraph', text: L('note') },
    { kind: 'table', header: [L('channel'), L('invited'), L('answers'), L('rate')], rows: rateRows },
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
    { kind: 'heading', level: 2, text: L('outcomeHeading') },
    { kind: 'paragraph', text: L('outcomeNote') },
    { kind: 'table', header: [L('measure'), ...groups.map((g) => CHANNEL_NAMES[g][lang])], rows },
  );
  return blocks;
}
