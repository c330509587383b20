import { LIKERT_SCALE, N1, N2 } from '../../src/domain/forms';
import { paperFormBlocks, posterBlocks, type PaperBlock } from '../../src/domain/paper-layout';
import type { FormDefinition } from '../../src/domain/types';

const context = { municipality: 'მერია', onlineUrl: 'https://docs.google.com/forms/d/e/X/viewform', serviceNames: ['ა', 'ბ', 'გ'] };
const textOf = (blocks: PaperBlock[]): string[] =>
  blocks.flatMap((b) => (b.kind === 'choices' ? b.options : b.kind === 'scaleGrid' ? b.rows : 'text' in b ? [b.text] : []));
/** Question texts in order: the plain questions and the rows of the scale grids. */
const questionsOf = (blocks: PaperBlock[]): string[] => blocks.flatMap((b) => (b.kind === 'question' ? [b.text] : b.kind === 'scaleGrid' ? b.rows : []));

describe('paper layout from a form definition', () => {
  it.each([N1, N2])('prints every question of $key once, numbered, in order, with answer blocks', (def) => {
    const blocks = paperFormBlocks(def, context);
    const questions = questionsOf(blocks);
    expect(questions.map((q) => q.replace(/^\d+\. /, '').replace(/ \*$/, ''))).toEqual(def.items.map((i) => i.ka));
    questions.forEach((q, i) => expect(q.startsWith(`${i + 1}. `)).toBe(true));
    // each plain question is followed by its answer block; the scale questions share one grid with the numbers 1–5
    for (const q of blocks.filter((b) => b.kind === 'question')) expect(['choices', 'lines']).toContain(blocks[blocks.indexOf(q) + 1].kind);
    const grids = blocks.filter((b): b is Extract<PaperBlock, { kind: 'scaleGrid' }> => b.kind === 'scaleGrid');
    expect(grids).toHaveLength(1);
    expect(grids[0].numbers).toEqual([1, 2, 3, 4, 5]);
    expect(grids[0].rows).toHaveLength(def.items.filter((i) => i.type === 'likert').length);
    // one sheet: a single page break, before the grid, and the scale's words on both sides
    const pageBreak = blocks.findIndex((b) => b.kind === 'pageBreak');
    expect(blocks.filter((b) => b.kind === 'pageBreak')).toHaveLength(1);
    expect(pageBreak).toBeLessThan(blocks.indexOf(grids[0]));
    for (const side of [blocks.slice(0, pageBreak), blocks.slice(pageBreak)]) expect(textOf(side).join(' ')).toContain(LIKERT_SCALE.maxLabel);
    expect(blocks.filter((b) => b.kind === 'qr')).toEqual([expect.objectContaining({ url: context.onlineUrl })]);
  });

  it('a new kind of form prints with no new code: only a definition', () => {
    const N3: FormDefinition = {
      key: 'N1',
      onlineChannel: 'kiosk',
      title: 'ახალი ფორმა',
      intro: 'შესავალი',
      confirmation: 'მადლობა',
      items: [
        { id: 'n3.service', type: 'service', required: true, ka: 'სერვისი?', en: 'service' },
        { id: 'n3.ok', type: 'likert', required: false, ka: 'კარგი იყო.', en: 'ok', driver: 'quality' },
        { id: 'n3.yes', type: 'yesno', required: false, ka: 'კიდევ მოხვალთ?', en: 'again', choices: ['დიახ', 'არა'] },
        { id: 'n3.text', type: 'paragraph', required: false, ka: 'კომენტარი', en: 'comment' },
      ],
    };
    const text = textOf(paperFormBlocks(N3, context));
    expect(text).toEqual(expect.arrayContaining(['ახალი ფორმა', '1. სერვისი? *', 'ა', '2. კარგი იყო.', 'დიახ', 'არა', '4. კომენტარი']));
  });

  it('the poster invites, promises anonymity and shows a big QR code', () => {
    const blocks = posterBlocks(N1, context);
    const qr = blocks.find((b) => b.kind === 'qr');
    expect(qr && qr.kind === 'qr' && qr.sizePt).toBeGreaterThanOrEqual(300);
    const text = textOf(blocks).join(' ');
    expect(text).toContain('თქვენი აზრი მნიშვნელოვანია');
    expect(text).toContain('ანონიმურია');
  });
});
