/**
 * The citizen-facing report (the Inform stage), in plain Georgian: key figures, what people
 * valued, what they found hard, "you said, we did", and a few comments staff marked quotable.
 * It is built from the public report model (every small group already suppressed) and holds no
 * other free text: quotes and the actions' public wording pass through redaction of personal data.
 * Pure: the same blocks become the Doc (and its PDF), the website fragment and the post.
 */
import { percentText } from './chart';
import { formatDateKa, isDate } from './dates';
import { blocksToHtmlFragment, type DocBlock } from './doc-blocks';
import { redactPersonalData } from './redact';
import { recordText, type PublishedScore, type QuestionRow, type ReportModel } from './report-model';
import type { ActionRecord, FeedbackRecord } from './types';
import { countText } from './agenda';
import { chartBlock } from './report-layout';
import { t } from './messages';
import { UNKNOWN_SERVICE } from './services';
import { reportLabels } from './report-labels';

const KA = reportLabels('ka');

/** A form's published satisfied share; null when withheld or empty. */
function formShare(model: ReportModel, form: 'N1' | 'N2'): number | null {
  const score = model.satisfaction.byForm.find((entry) => entry.form === form)?.score;
  return score && !score.suppressed ? score.share : null;
}

/** Forms filled in and notes logged from other channels: two different things, counted apart. */
function basisLines(model: ReportModel, minGroupSize: number): string[] {
  const byForm = model.basis.byForm;
  const lines = [`შევსებული შეფასების ფორმები (N1, N2): ${countText(byForm.N1 + byForm.N2, minGroupSize)}`];
  if (byForm.other > 0)
    lines.push(`სხვა არხით (ტელეფონი, სოციალური ქსელი, ვებგვერდი, წერილი) მიღებული გამოხმაურებები: ${countText(byForm.other, minGroupSize)}`);
  return lines;
}

export interface PublicReportInput {
  /** The public model (`internal: false`) of the period. */
  model: ReportModel;
  /** The feedback table: only quotable records of the period are read. */
  records: readonly FeedbackRecord[];
  /** The whole actions register: only actions with a public wording are published. */
  actions: readonly ActionRecord[];
  /** Applicants' names (the applications tab), hidden wherever they appear. */
  knownNames: readonly string[];
  municipality: string;
  publishedAt: Date;
  themeLabels: Record<string, string>;
  serviceNames: Record<string, string>;
  minGroupSize: number;
}

export interface PublicReport {
  title: string;
  periodLabel: string;
  blocks: DocBlock[];
  /** For the social-network post. */
  /**
   * ratings: filled-in forms (N1, N2); notes: feedback logged from other channels (calls, posts,
   * letters) — never counted as ratings. n1Share / n2Share: each form's satisfied share, apart.
   */
  figures: { ratings: number; notes: number; n1Share: number | null; n2Share: number | null; done: number; planned: number };
  municipality: string;
  minGroupSize: number;
}

const MAX_EACH = 3;
const VALUED_MIN_SHARE = 0.5;
const MAX_QUOTES = 5;
const MAX_QUOTE_LENGTH = 300;
/** Many social networks cut or hide a post after this many characters. */
export const POST_LIMIT = 500;

type Published = QuestionRow & { score: PublishedScore };

export function publicReportTitle(periodLabel: string): string {
  return `მომხმარებელთა უკუკავშირი — ${periodLabel}`;
}

function questionLine(row: Published): string {
  return `„${row.text.replace(/\.$/, '')}“ — ეთანხმება ${percentText(row.score.share ?? 0)} (${row.score.respondents} პასუხი)`;
}

/** Cuts at a word boundary; the cut is applied after redaction, so it cannot expose anything. */
function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= MAX_QUOTE_LENGTH) return flat;
  const cut = flat.slice(0, MAX_QUOTE_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_QUOTE_LENGTH / 2 ? cut.slice(0, space) : cut).trim()}…`;
}

/** Quotable comments of the period, newest first, redacted, distinct. */
export function publicQuotes(input: Pick<PublicReportInput, 'model' | 'records' | 'knownNames'>): string[] {
  const from = input.model.period.from.getTime();
  const to = input.model.period.to.getTime();
  const candidates = input.records
    .filter((r) => r.quotable && isDate(r.receivedAt) && r.receivedAt.getTime() >= from && r.receivedAt.getTime() < to)
    .sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime());
  const quotes: string[] = [];
  for (const record of candidates) {
    const words = recordText(record);
    if (words === '') continue;
    const quote = shorten(redactPersonalData(words, input.knownNames));
    if (!quotes.includes(quote)) quotes.push(quote);
    if (quotes.length === MAX_QUOTES) break;
  }
  return quotes;
}

export function buildPublicReport(input: PublicReportInput): PublicReport {
  const { model, minGroupSize, knownNames } = input;
  const label = model.period.label;
  const title = publicReportTitle(label);
  const blocks: DocBlock[] = [
    { kind: 'title', text: title },
    {
      kind: 'paragraph',
      text:
        `${input.municipality} აგროვებს სოციალური სერვისებისა და ქვეპროგრამების მომხმარებელთა ანონიმურ შეფასებებს. ` +
        `აქ მოკლედ არის აღწერილი, რა გვითხარით ამ პერიოდში (${label}) და რას ვცვლით ამის შედეგად.`,
    },
    { kind: 'heading', level: 1, text: 'მთავარი მაჩვენებლები' },
  ];

  const keyFigures = [...basisLines(model, minGroupSize)];
  // N1 asks how the application was received, N2 about the service: two figures, never one.
  for (const entry of model.satisfaction.byForm) {
    const name = KA.driver('satisfaction', entry.form);
    const score = entry.score;
    if (!score.suppressed && score.share !== null) keyFigures.push(`${name} (${entry.form}): ${percentText(score.share)} (${score.respondents} მოპასუხიდან)`);
    else
      keyFigures.push(`${name} (${entry.form}): ${score.suppressed && score.noData ? KA.text('noData') : 'გამოსაქვეყნებლად პასუხები ჯერ საკმარისი არ არის'}.`);
  }
  blocks.push({ kind: 'bullets', items: keyFigures });

  for (const form of ['N1', 'N2'] as const) {
    const services = model.services.filter(
      (s): s is typeof s & { score: PublishedScore } => s.form === form && s.code !== UNKNOWN_SERVICE && !s.score.suppressed && s.score.share !== null,
    );
    if (services.length === 0) continue;
    services.sort((a, b) => (b.score.share ?? 0) - (a.score.share ?? 0));
    const named = services.map((s) => ({ label: input.serviceNames[s.code] ?? s.name, score: s.score }));
    // The chart names the same services as the table, in the same order.
    const chart = chartBlock(`${KA.driver('satisfaction', form)} (${form}) სერვისების მიხედვით`, named);
    if (chart) blocks.push(chart);
    blocks.push({
      kind: 'table',
      header: ['სერვისი', `${KA.driver('satisfaction', form)} (${form})`, KA.text('responses')],
      rows: named.map((s) => [s.label, percentText(s.score.share ?? 0), String(s.score.respondents)]),
    });
  }

  const published = model.questions.filter((q): q is Published => !q.score.suppressed && q.score.share !== null);
  // "Valued" needs most people agreeing; the rest of the lowest questions are what was hard.
  const best = published
    .filter((q) => (q.score.share ?? 0) >= VALUED_MIN_SHARE)
    .sort((a, b) => (b.score.share ?? 0) - (a.score.share ?? 0) || (b.score.mean ?? 0) - (a.score.mean ?? 0))
    .slice(0, MAX_EACH);
  const bestIds = new Set(best.map((q) => q.itemId));
  const hardest = model.problems.lowestQuestions.filter((q) => !bestIds.has(q.itemId));
  blocks.push({ kind: 'heading', level: 1, text: 'რა მოგეწონათ' });
  const nothingValued =
    published.length > 0 ? 'ამ პერიოდში არცერთ საკითხს არ დაეთანხმა პასუხების ნახევარი მაინც.' : 'ამ პერიოდში გამოსაქვეყნებლად საკმარისი პასუხები არ არის.';
  const named = (rows: ReportModel['problems']['themes']): string =>
    rows
      .filter((th): th is Extract<typeof th, { suppressed: false }> => !th.suppressed)
      .slice(0, MAX_EACH)
      .map((th) => `${redactPersonalData(input.themeLabels[th.theme] ?? th.theme, knownNames)} (${th.count})`)
      .join(', ');
  const valuedItems = best.map(questionLine);
  const praiseThemes = named(model.praise.themes);
  if (praiseThemes !== '') valuedItems.push(t('themes.public_praise', { themes: praiseThemes }));
  blocks.push(valuedItems.length > 0 ? { kind: 'bullets', items: valuedItems } : { kind: 'paragraph', text: nothingValued });
  blocks.push({ kind: 'heading', level: 1, text: 'რა გაგიჭირდათ' });
  const hardItems = hardest.map(questionLine);
  const problemThemes = named(model.problems.themes);
  if (problemThemes !== '') hardItems.push(t('themes.public_problems', { themes: problemThemes }));
  const nothingHard =
    published.length > 0 ? 'ამ პერიოდში არცერთ საკითხს არ მიუღია დაბალი შეფასება.' : 'ამ პერიოდში გამოსაქვეყნებლად საკმარისი პასუხები არ არის.';
  blocks.push(hardItems.length > 0 ? { kind: 'bullets', items: hardItems } : { kind: 'paragraph', text: nothingHard });

  const wording = (a: ActionRecord): string => redactPersonalData(a.publicWording.trim(), knownNames);
  const publicActions = input.actions.filter((a) => a.publicWording.trim() !== '');
  const done = publicActions.filter((a) => a.status === 'done');
  const planned = publicActions.filter((a) => a.status !== 'done');
  blocks.push({ kind: 'heading', level: 1, text: 'თქვენ გვითხარით — ჩვენ ვცვლით' });
  if (publicActions.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'თქვენს შეფასებებს განვიხილავთ სამუშაო შეხვედრაზე; მიღებულ გადაწყვეტილებებს შემდეგ ანგარიშში გამოვაქვეყნებთ.' });
  }
  if (done.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: 'გაკეთდა' }, { kind: 'bullets', items: done.map(wording) });
  }
  if (planned.length > 0) {
    blocks.push(
      { kind: 'heading', level: 2, text: 'დაგეგმილია და მიმდინარეობს' },
      { kind: 'bullets', items: planned.map((a) => wording(a) + (isDate(a.due) ? ` (ვადა: ${formatDateKa(a.due)})` : '')) },
    );
  }

  const quotes = publicQuotes(input);
  if (quotes.length > 0) {
    blocks.push({ kind: 'heading', level: 1, text: 'თქვენი სიტყვებით' }, { kind: 'bullets', items: quotes.map((q) => `„${q}“`) });
  }

  blocks.push(
    { kind: 'heading', level: 1, text: 'როგორ ვითვლით' },
    {
      kind: 'paragraph',
      text:
        'შეფასება ანონიმურია: ფორმა არ ითხოვს სახელს, პირად ნომერს ან საკონტაქტო მონაცემებს. „კმაყოფილია“ და „ეთანხმება“ ნიშნავს 4 ან 5 ქულას ხუთქულიანი შკალით. ' +
        `მაჩვენებელი, რომელიც ${minGroupSize}-ზე ნაკლებ პასუხს ეფუძნება, არ ქვეყნდება, რათა არავინ ამოიცნონ. ციტატებიდან ამოღებულია პირადი მონაცემები.`,
    },
    { kind: 'paragraph', text: `გამოქვეყნდა ${formatDateKa(input.publishedAt)}.` },
  );

  return {
    title,
    periodLabel: label,
    blocks,
    figures: {
      ratings: model.basis.byForm.N1 + model.basis.byForm.N2,
      notes: model.basis.byForm.other,
      n1Share: formShare(model, 'N1'),
      n2Share: formShare(model, 'N2'),
      done: done.length,
      planned: planned.length,
    },
    municipality: input.municipality,
    minGroupSize,
  };
}

/** The website fragment: the report's blocks and a link to the PDF, escaped, inline styles only. */
export function publicHtmlFragment(report: PublicReport, pdfUrl: string): string {
  return blocksToHtmlFragment([...report.blocks, { kind: 'link', text: 'სრული ანგარიში (PDF)', url: pdfUrl }]);
}

/**
 * The social-network post: key figures and the PDF link, at most POST_LIMIT characters (JS string
 * length). Optional sentences go first when room runs out; the link always stays whole.
 */
export function socialPost(report: PublicReport, pdfUrl: string): string {
  const { figures, minGroupSize } = report;
  const link = `სრული ანგარიში: ${pdfUrl}`;
  const head = `${report.municipality}: სოციალური სერვისების მომხმარებელთა უკუკავშირი — ${report.periodLabel}.`;
  const optional = [
    `შევსებული შეფასების ფორმები: ${countText(figures.ratings, minGroupSize)}.`,
    figures.notes > 0 ? `სხვა არხით მიღებული გამოხმაურებები: ${countText(figures.notes, minGroupSize)}.` : '',
    figures.n2Share !== null ? `${KA.driver('satisfaction', 'N2')}: ${percentText(figures.n2Share)}.` : '',
    figures.n1Share !== null ? `${KA.driver('satisfaction', 'N1')}: ${percentText(figures.n1Share)}.` : '',
    figures.done > 0 ? `თქვენი შეფასებების საფუძველზე გაკეთდა ${figures.done} ცვლილება.` : '',
    figures.planned > 0 ? `დაგეგმილია ${figures.planned}.` : '',
  ].filter((s) => s !== '');
  const compose = (parts: string[]): string => [head, ...parts, link].join(' ');
  let parts = optional;
  while (parts.length > 0 && compose(parts).length > POST_LIMIT) parts = parts.slice(0, -1);
  const post = compose(parts);
  if (post.length <= POST_LIMIT) return post;
  // Only an unusually long municipality name gets here: shorten the head, keep the link.
  const room = POST_LIMIT - link.length - 2;
  return room > 0 ? `${head.slice(0, room)}… ${link}` : link.slice(0, POST_LIMIT);
}
