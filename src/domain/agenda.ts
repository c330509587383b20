/**
 * The working meeting (the Discuss stage): which actions of the register (read by
 * report-inputs.ts parseAction) are overdue, and the agenda document for a period — the main
 * problems with their evidence, the open actions of earlier meetings, and an empty decisions
 * table. Pure.
 */
import { percentText } from './chart';
import { formatDateKa, isDate, parseDateInput } from './dates';
import type { DocBlock } from './doc-blocks';
import { redactPersonalData } from './redact';
import type { PublishedScore, ReportModel, Score } from './report-model';
import { t } from './messages';
import { actionEffectBlocks, actionOutcome, outcomeText } from './report-decisions-layout';
import { reportLabels } from './report-labels';
import { ACTION_STATUSES, TABS } from './schema';
import type { ActionRecord, ActionStatus } from './types';

export function actionStatusName(status: ActionStatus): string {
  return ACTION_STATUSES.find((s) => s.id === status)?.ka ?? status;
}

/** The municipal (Tbilisi) midnight that starts the day of `now`. */
export function startOfDay(now: Date): Date {
  return parseDateInput(formatDateKa(now)) as Date;
}

/** Open (not done) and due before the day of `now`: the due day itself is still in time. */
export function isOverdue(action: Pick<ActionRecord, 'status' | 'due'>, now: Date): boolean {
  return action.status !== 'done' && isDate(action.due) && action.due.getTime() < startOfDay(now).getTime();
}

export const OVERDUE_BACKGROUND = '#f4cccc';

/** Background of every data row of the actions tab: overdue rows marked, the others reset (null). */
export function overdueBackgrounds(rows: ReadonlyArray<ActionRecord | null>, width: number, now: Date): Array<Array<string | null>> {
  return rows.map((action) => new Array<string | null>(width).fill(action && isOverdue(action, now) ? OVERDUE_BACKGROUND : null));
}

/** '72% (95% ინტ.: 60–82%)' for a published score. */
export function shareText(score: PublishedScore): string {
  if (score.share === null) return '—';
  const interval = score.low !== null && score.high !== null ? ` (95% ინტ.: ${percentText(score.low)}–${percentText(score.high)})` : '';
  return `${percentText(score.share)}${interval}`;
}

/** The mean with a decimal comma, as Georgian writes it (and the analysis report shows it). */
function meanText(score: PublishedScore): string {
  return score.mean === null ? '—' : score.mean.toFixed(1).replace('.', ',');
}

export function suppressedText(minGroupSize: number): string {
  return `${minGroupSize}-ზე ნაკლები პასუხი — არ ქვეყნდება`;
}

/** A count that describes a group: shown only from the minimum group size up. */
export function countText(count: number, minGroupSize: number): string {
  return count === 0 || count >= minGroupSize ? String(count) : `${minGroupSize}-ზე ნაკლები`;
}

function scoreLine(label: string, score: Score, minGroupSize: number): string {
  if (score.suppressed) return `${label}: ${suppressedText(minGroupSize)}`;
  return `${label}: ${shareText(score)} ეთანხმება, საშუალო ${meanText(score)}, ${score.respondents} პასუხი`;
}

/**
 * N2 responses over the invitations sent in the period. The rate rests on the N2 respondents, so
 * like every figure of the agenda it is withheld while they are fewer than the minimum group size.
 */
export function responseRateLine(model: ReportModel, minGroupSize: number): string {
  const invited = model.basis.invitationsSent;
  const answered = model.basis.byForm.N2;
  const label = 'N2 გამოხმაურების მაჩვენებელი';
  if (invited === 0) return `${label}: — (პერიოდში N2 მოწვევა არ გაგზავნილა)`;
  if (model.basis.n2MoreAnswersThanInvitations) return `${label}: ${KA.text('rateMoreAnswers')} (${invited} მოწვევა)`;
  if (model.basis.n2ResponseRate === null || (answered > 0 && answered < minGroupSize)) {
    return `${label}: ${suppressedText(minGroupSize)} (${invited} მოწვევა)`;
  }
  return `${label}: ${percentText(model.basis.n2ResponseRate)} (${answered} პასუხი ${invited} მოწვევაზე)`;
}

export interface AgendaInput {
  /** The internal report model of the period. */
  model: ReportModel;
  /** The whole actions register. */
  actions: readonly ActionRecord[];
  municipality: string;
  preparedAt: Date;
  /** Theme id → label (the themes tab). */
  themeLabels: Record<string, string>;
  /** Service code → name. */
  serviceNames: Record<string, string>;
  /** Applicants' names: comments quoted in the agenda are redacted too, as the agenda is shared and printed. */
  knownNames: readonly string[];
  minGroupSize: number;
}

const DECISION_ROWS = 5;
const KA = reportLabels('ka');
const MAX_WEAK_SERVICES = 3;

const header = (key: string): string => TABS.actions.columns.find((c) => c.key === key)?.header ?? key;

export function agendaTitle(periodLabel: string): string {
  return `სამუშაო შეხვედრის დღის წესრიგი — ${periodLabel}`;
}

/** Open actions, the overdue first, then by due date (undated last). */
function openActions(actions: readonly ActionRecord[], now: Date): ActionRecord[] {
  const due = (a: ActionRecord): number => (isDate(a.due) ? a.due.getTime() : Infinity);
  return actions.filter((a) => a.status !== 'done').sort((a, b) => Number(isOverdue(b, now)) - Number(isOverdue(a, now)) || due(a) - due(b));
}

export function buildAgenda(input: AgendaInput): DocBlock[] {
  const { model, minGroupSize, knownNames } = input;
  const label = model.period.label;
  const blocks: DocBlock[] = [
    { kind: 'title', text: agendaTitle(label) },
    {
      kind: 'paragraph',
      text: `${input.municipality}. მომზადდა ${formatDateKa(input.preparedAt)}. საფუძველი: უკუკავშირის ანალიზი, პერიოდი ${label}.`,
    },
    { kind: 'heading', level: 1, text: '1. პერიოდის შედეგები' },
    {
      kind: 'bullets',
      items: [
        `მიღებული უკუკავშირი: ${model.basis.total}`,
        responseRateLine(model, minGroupSize),
        ...model.satisfaction.byForm.map((entry) => scoreLine(`${entry.form}: ${KA.driver('satisfaction', entry.form)}`, entry.score, minGroupSize)),
        `დაბალი შეფასების (1–2) პასუხები: ${countText(model.problems.lowScoreResponses, minGroupSize)}`,
      ],
    },
    { kind: 'heading', level: 1, text: '2. ძირითადი პრობლემები და მათი მტკიცებულება' },
  ];

  const questions = model.problems.lowestQuestions;
  const themes = model.problems.themes;
  const weakServices = model.services
    .filter((s): s is typeof s & { score: PublishedScore } => !s.score.suppressed && s.score.share !== null)
    .sort((a, b) => (a.score.share ?? 0) - (b.score.share ?? 0))
    .slice(0, MAX_WEAK_SERVICES);
  if (questions.length === 0 && themes.length === 0 && !model.problems.uncategorised && weakServices.length === 0) {
    blocks.push({ kind: 'paragraph', text: `ამ პერიოდში პრობლემების გამოსავლენად საკმარისი მონაცემები არ არის (ჯგუფის მინიმალური ზომა: ${minGroupSize}).` });
  }
  if (questions.length > 0) {
    blocks.push(
      { kind: 'heading', level: 2, text: 'ყველაზე დაბალი შეფასების შეკითხვები' },
      {
        kind: 'table',
        header: ['შეკითხვა', 'ეთანხმება (4–5)', 'საშუალო (1–5)', 'პასუხები'],
        rows: questions.map((q) => [`${q.text} [${q.itemId}]`, shareText(q.score), meanText(q.score), String(q.score.respondents)]),
      },
    );
  }
  const uncategorised = model.problems.uncategorised;
  if (themes.length > 0 || uncategorised) {
    const rows = themes.map((th) => [
      input.themeLabels[th.theme] ?? th.theme,
      th.suppressed ? `${minGroupSize}-ზე ნაკლები` : String(th.count),
      th.suppressed ? '' : th.comments.map((c) => `„${redactPersonalData(c, knownNames)}“`).join('\n'),
    ]);
    if (uncategorised) rows.push([t('themes.uncategorised'), uncategorised.suppressed ? `${minGroupSize}-ზე ნაკლები` : String(uncategorised.count), '']);
    blocks.push(
      { kind: 'heading', level: 2, text: t('themes.problems_heading') },
      { kind: 'table', header: ['თემა', t('themes.texts'), t('themes.examples')], rows },
    );
  }
  const liked = model.praise.themes.filter((th): th is Extract<typeof th, { suppressed: false }> => !th.suppressed);
  if (liked.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: t('themes.praise_line', { themes: liked.map((th) => `${input.themeLabels[th.theme] ?? th.theme} (${th.count})`).join(', ') }),
    });
  }
  if (weakServices.length > 0) {
    blocks.push(
      { kind: 'heading', level: 2, text: 'სერვისები ყველაზე დაბალი კმაყოფილებით' },
      {
        kind: 'table',
        header: ['სერვისი', 'კმაყოფილება (4–5)', 'პასუხები'],
        rows: weakServices.map((s) => [
          `${input.serviceNames[s.code] ?? s.name} (${s.form}: ${KA.driver('satisfaction', s.form)})`,
          shareText(s.score),
          String(s.score.respondents),
        ]),
      },
    );
  }

  // Drivers a service falls behind its form on (intervals apart): where to look first.
  const behind = (model.serviceDrivers ?? []).flatMap((row) =>
    row.cells.flatMap((cell) =>
      cell.vsForm !== 'down' || cell.score.suppressed
        ? []
        : [
            `${input.serviceNames[row.code] ?? row.code} — ${row.form}: ${KA.driver(cell.driver, row.form)} ${shareText(cell.score)}, ${cell.score.respondents} პასუხი`,
          ],
    ),
  );
  if (behind.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: 'სერვისები, სადაც ფაქტორი ფორმის საერთო მაჩვენებელზე დაბალია' }, { kind: 'bullets', items: behind });
  }

  const open = openActions(input.actions, input.preparedAt);
  const done = input.actions.length - open.length;
  blocks.push({ kind: 'heading', level: 1, text: '3. წინა შეხვედრების ღია ღონისძიებები' });
  if (open.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'ღია ღონისძიებები არ არის.' });
  } else {
    blocks.push({
      kind: 'table',
      header: [header('problem'), header('decision'), header('owner'), header('due'), header('status')],
      rows: open.map((a) => [
        a.problem,
        a.decision,
        a.owner,
        isDate(a.due) ? formatDateKa(a.due) : '',
        actionStatusName(a.status) + (isOverdue(a, input.preparedAt) ? ' — ვადაგადაცილებულია' : ''),
      ]),
    });
  }
  blocks.push({ kind: 'paragraph', text: `შესრულებული ღონისძიებები რეესტრში: ${done}.` });
  // Completed actions measured on what they targeted: those with no improvement yet go back on the table.
  const effects = model.actionEffects ?? [];
  if (effects.length > 0) {
    blocks.push(...actionEffectBlocks(model, KA));
    const pending = effects.filter((effect) => actionOutcome(effect) !== 'better');
    if (pending.length > 0) {
      blocks.push({
        kind: 'paragraph',
        text: `განსახილველია — გაუმჯობესება ჯერ არ ჩანს: ${pending.map((effect) => `„${model.actions[effect.action]?.text ?? ''}“ (${outcomeText(actionOutcome(effect), KA)})`).join('; ')}.`,
      });
    }
  }

  blocks.push(
    { kind: 'heading', level: 1, text: '4. გადაწყვეტილებები' },
    {
      kind: 'paragraph',
      text:
        `შეხვედრის გადაწყვეტილებები ჩაწერეთ ქვემოთ, შემდეგ შეიტანეთ ჩანართში „${TABS.actions.name}“ — თითო გადაწყვეტილება ერთ სტრიქონზე ` +
        `(სტატუსი „${actionStatusName('planned')}“, შეხვედრის თარიღით). მოქალაქეებისთვის გასაგები აღწერა ჩაწერეთ სვეტში „${header('publicWording')}“: ` +
        'საჯარო ანგარიშში მხოლოდ ასეთი ღონისძიებები ქვეყნდება.',
    },
    {
      kind: 'table',
      header: [header('problem'), header('decision'), header('owner'), header('due')],
      rows: Array.from({ length: DECISION_ROWS }, () => ['', '', '', '']),
    },
    { kind: 'paragraph', text: 'დამსწრეები:' },
  );
  return blocks;
}
