/**
 * The printable paper form and the desk poster as plain blocks, built from a form definition
 * (domain/forms.ts). The Docs adapter only draws the blocks, so a new form prints without new code.
 */
import { LIKERT_SCALE } from './forms';
import type { FormDefinition, ItemDefinition } from './types';

export type PaperBlock =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'text'; text: string; emphasis?: 'bold' | 'italic' | 'small'; center?: boolean }
  | { kind: 'question'; text: string }
  /** Tick boxes: side by side on one line, or in a two-column grid for long lists. */
  | { kind: 'ticks'; options: string[]; layout: 'inline' | 'grid' }
  | { kind: 'lines'; count: number }
  | { kind: 'qr'; url: string; sizePt: number; alt: string }
  | { kind: 'spacer' };

export const TICK = '☐';
/** A writing line that fills an A4 text width at 11 pt. */
export const WRITING_LINE = '_'.repeat(78);
const OTHER_LABEL = 'სხვა';

export interface PaperContext {
  municipality: string;
  /** The online form the QR code opens. */
  onlineUrl: string;
  /** Service names, in the services tab's order (the service question's choices). */
  serviceNames: readonly string[];
}

/** "☐ 1   ☐ 2 …" with the scale's end labels: the answer row of a likert item. */
export function scaleTicks(): string[] {
  const ticks: string[] = [];
  for (let n = LIKERT_SCALE.min; n <= LIKERT_SCALE.max; n++) ticks.push(`${TICK} ${n}`);
  return ticks;
}

export function scaleLegend(): string {
  return `${LIKERT_SCALE.min} — ${LIKERT_SCALE.minLabel};  3 — ${LIKERT_SCALE.midLabel};  ${LIKERT_SCALE.max} — ${LIKERT_SCALE.maxLabel}`;
}

function answerBlocks(item: ItemDefinition, context: PaperContext): PaperBlock[] {
  switch (item.type) {
    case 'service':
      return [{ kind: 'ticks', options: context.serviceNames.map((name) => `${TICK} ${name}`), layout: 'grid' }];
    case 'likert':
      return [
        {
          kind: 'ticks',
          options: [LIKERT_SCALE.minLabel, ...scaleTicks(), LIKERT_SCALE.maxLabel],
          layout: 'inline',
        },
      ];
    case 'choice':
    case 'yesno': {
      const options = (item.choices ?? []).map((choice) => `${TICK} ${choice}`);
      if (item.hasOther) options.push(`${TICK} ${OTHER_LABEL}: ______________________`);
      return [{ kind: 'ticks', options, layout: options.length > 4 ? 'grid' : 'inline' }];
    }
    case 'paragraph':
      return [{ kind: 'lines', count: 3 }];
  }
}

/** The paper form of `def`: title, intro, every question in order with its answer boxes, the QR. */
export function paperFormBlocks(def: FormDefinition, context: PaperContext): PaperBlock[] {
  const blocks: PaperBlock[] = [
    { kind: 'subtitle', text: context.municipality },
    { kind: 'title', text: def.title },
    { kind: 'text', text: def.intro, emphasis: 'italic' },
    ...(def.paperNote ? [{ kind: 'text' as const, text: def.paperNote, emphasis: 'italic' as const }] : []),
    {
      kind: 'text',
      text: `შეფასების სკალა: ${scaleLegend()}. მონიშნეთ ერთი უჯრა (☒ ან ✓). ვარსკვლავით (*) აღნიშნულ კითხვებს უპასუხეთ აუცილებლად; დანარჩენი შეგიძლიათ გამოტოვოთ.`,
      emphasis: 'small',
    },
  ];
  def.items.forEach((item, i) => {
    blocks.push({ kind: 'question', text: `${i + 1}. ${item.ka}${item.required ? ' *' : ''}` });
    blocks.push(...answerBlocks(item, context));
  });
  blocks.push(
    { kind: 'spacer' },
    {
      kind: 'text',
      text: 'შევსებული ფორმა ჩააგდეთ უკუკავშირის ყუთში (კანცელარიაში) ან გადაეცით კანცელარიის თანამშრომელს. გმადლობთ!',
      emphasis: 'bold',
    },
    { kind: 'text', text: 'გირჩევნიათ ონლაინ? დაასკანერეთ QR კოდი ტელეფონით — ფორმა ანონიმურია, შესვლა და ელფოსტა არ არის საჭირო.' },
    { kind: 'qr', url: context.onlineUrl, sizePt: 120, alt: `QR: ${context.onlineUrl}` },
    { kind: 'text', text: context.onlineUrl, emphasis: 'small' },
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
