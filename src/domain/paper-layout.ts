/**
 * The printable paper form and the desk poster as plain blocks, built from a form definition
 * (domain/forms.ts). The Docs adapter only draws the blocks, so a new form prints without new code.
 */
import { LIKERT_SCALE } from './forms';
import { t } from './messages';
import type { FormDefinition, ItemDefinition } from './types';

export type PaperBlock =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'text'; text: string; emphasis?: 'bold' | 'italic' | 'small'; center?: boolean }
  | { kind: 'question'; text: string }
  /** Options, each with a large answer box beside it, in `columns` columns. */
  | { kind: 'choices'; options: string[]; columns: number }
  /** Scale questions as one grid: the scale's numbers head the columns, a box under each; the words just above it. */
  | { kind: 'scaleGrid'; numbers: number[]; rows: string[] }
  | { kind: 'lines'; count: number }
  | { kind: 'qr'; url: string; sizePt: number; alt: string }
  /** The paper form is one A4 sheet printed on both sides: the break between its two pages. */
  | { kind: 'pageBreak' }
  | { kind: 'spacer' };

/**
 * Type sizes of the paper form, in points. Most people who answer it on paper are 65 or over:
 * nothing on it is smaller than 13 pt, and the boxes are big enough to tick with a shaky hand.
 */
export const PAPER_TYPE = {
  bodyPt: 14,
  /** Listed options (the service names are long: 13 pt keeps the list on the first side). */
  optionPt: 13,
  titlePt: 16,
  /** The answer mark drawn in each box (a circle to tick or cross). */
  markPt: 20,
  /** A scale answer box: its column's width and its row's least height. */
  boxWidthPt: 56,
  boxHeightPt: 30,
  /** The box beside a listed option (service, source, age group). */
  optionBoxPt: 34,
  optionRowPt: 24,
} as const;

/** The mark in every answer box. */
export const ANSWER_MARK = '○';
/** A writing line that fills the form's text width at the body size. */
export const WRITING_LINE = '_'.repeat(56);

export interface PaperContext {
  municipality: string;
  /** The online form the QR code opens. */
  onlineUrl: string;
  /** Service names, in the services tab's order (the service question's choices), "other" last. */
  serviceNames: readonly string[];
}

/** The scale's numbers with their words: the grid's column headers. */
export function scaleColumns(): Array<{ number: number; label: string }> {
  const columns: Array<{ number: number; label: string }> = [];
  const middle = (LIKERT_SCALE.min + LIKERT_SCALE.max) / 2;
  for (let n = LIKERT_SCALE.min; n <= LIKERT_SCALE.max; n++) {
    const label = n === LIKERT_SCALE.min ? LIKERT_SCALE.minLabel : n === LIKERT_SCALE.max ? LIKERT_SCALE.maxLabel : n === middle ? LIKERT_SCALE.midLabel : '';
    columns.push({ number: n, label });
  }
  return columns;
}

export function scaleNumbers(): number[] {
  return scaleColumns().map((c) => c.number);
}

/** "1 — …; 3 — …; 5 — …": the scale's words, printed on every page and in every scale question's help online. */
export function scaleLegend(): string {
  return scaleColumns()
    .filter((c) => c.label !== '')
    .map((c) => `${c.number} — ${c.label}`)
    .join(';  ');
}

function questionText(item: ItemDefinition, number: number): string {
  return `${number}. ${item.ka}${item.required ? ' *' : ''}`;
}

function answerBlocks(item: ItemDefinition, context: PaperContext): PaperBlock[] {
  switch (item.type) {
    case 'service':
      return [{ kind: 'choices', options: [...context.serviceNames], columns: 2 }];
    case 'likert':
      return [{ kind: 'scaleGrid', numbers: scaleNumbers(), rows: [] }];
    case 'choice':
    case 'yesno': {
      const options = [...(item.choices ?? [])];
      if (item.hasOther) options.push(`${t('paper.other')}: ________________`);
      return [{ kind: 'choices', options, columns: options.length > 4 ? 3 : options.length }];
    }
    case 'paragraph':
      return [{ kind: 'lines', count: 2 }];
  }
}

/**
 * The paper form of `def` on one A4 sheet, both sides. Side one: who asks, the intro, that
 * answering is anonymous and changes nothing in the application, how to mark, and the questions
 * before the first scale question. Side two: the scale questions as one grid, the rest, where to
 * return it, and the QR code. Each question stays whole on its side; the scale's words are on both.
 */
export function paperFormBlocks(def: FormDefinition, context: PaperContext): PaperBlock[] {
  const legend: PaperBlock = { kind: 'text', text: t('paper.scale_legend', { legend: scaleLegend() }), emphasis: 'bold' };
  const blocks: PaperBlock[] = [
    { kind: 'subtitle', text: context.municipality },
    { kind: 'title', text: def.title },
    { kind: 'text', text: def.intro, emphasis: 'italic' },
    ...(def.paperNote ? [{ kind: 'text' as const, text: def.paperNote, emphasis: 'italic' as const }] : []),
    { kind: 'text', text: t('paper.how_to_mark', { mark: ANSWER_MARK }) },
    legend,
  ];
  let brokeBeforeScale = false;
  def.items.forEach((item, i) => {
    const previous = blocks[blocks.length - 1];
    if (item.type === 'likert' && previous.kind === 'scaleGrid') {
      previous.rows.push(questionText(item, i + 1));
      return;
    }
    if (item.type === 'likert' && !brokeBeforeScale) {
      brokeBeforeScale = true;
      blocks.push({ kind: 'pageBreak' }, legend);
    }
    if (item.type === 'likert') {
      blocks.push({ kind: 'scaleGrid', numbers: scaleNumbers(), rows: [questionText(item, i + 1)] });
      return;
    }
    blocks.push({ kind: 'question', text: questionText(item, i + 1) });
    blocks.push(...answerBlocks(item, context));
  });
  blocks.push(
    { kind: 'text', text: t('paper.return'), emphasis: 'bold' },
    { kind: 'text', text: t('paper.online') },
    { kind: 'qr', url: context.onlineUrl, sizePt: 90, alt: `QR: ${context.onlineUrl}` },
  );
  return blocks;
}

/** The A4 desk poster: a short invitation, the QR code big, the anonymity promise. */
export function posterBlocks(def: FormDefinition, context: PaperContext): PaperBlock[] {
  return [
    { kind: 'subtitle', text: context.municipality },
    { kind: 'title', text: 'თქვენი აზრი მნიშვნელოვანია!' },
    {
      kind: 'text',
      text: 'შეაფასეთ, როგორ მოგემსახურეთ განცხადების წარდგენისას. დაასკანერეთ QR კოდი ტელეფონის კამერით — ეს 2 წუთს დაგჭირდებათ.',
      center: true,
    },
    { kind: 'qr', url: context.onlineUrl, sizePt: 340, alt: `QR: ${context.onlineUrl}` },
    {
      kind: 'text',
      text: 'ფორმა ანონიმურია: არ გკითხავთ სახელს, პირად ნომერს, ტელეფონს ან ელფოსტას, და არც ანგარიშში შესვლა არის საჭირო.',
      emphasis: 'bold',
      center: true,
    },
    { kind: 'text', text: 'ქაღალდის ფორმა გირჩევნიათ? სთხოვეთ კანცელარიის თანამშრომელს და შევსებული ჩააგდეთ უკუკავშირის ყუთში.', center: true },
    { kind: 'text', text: def.title, emphasis: 'small', center: true },
    { kind: 'text', text: context.onlineUrl, emphasis: 'small', center: true },
  ];
}
