import { N1, N2 } from '../../src/domain/forms';
import { paperFormBlocks, posterBlocks, type PaperBlock } from '../../src/domain/paper-layout';
import type { FormDefinition } from '../../src/domain/types';

const context = { municipality: 'მერია', onlineUrl: 'https://docs.google.com/forms/d/e/X/viewform', serviceNames: ['ა', 'ბ', 'გ'] };
const textOf = (blocks: PaperBlock[]): string[] => blocks.flatMap((b) => (b.kind === 'ticks' ? b.options : 'text' in b ? [b.text] : []));

describe('paper layout from a form definition', () => {
  it.each([N1, N2])('prints every question of $key once, numbered, in order, with answer blocks', (def) => {
    const blocks = paperFormBlocks(def, context);
    const questions = blocks.filter((b): b is Extract<PaperBlock, { kind: 'question' }> => b.kind === 'question');
    expect(questions.map((q) => q.text.replace(/^\d+\. /, '').replace(/ \*$/, ''))).toEqual(def.items.map((i) => i.ka));
    questions.forEach((q, i) => expect(q.text.startsWith(`${i + 1}. `)).toBe(true));
    // each question is followed by its answer block
    for (const q of questions) expect(['ticks', 'lines']).toContain(blocks[blocks.indexOf(q) + 1].kind);
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
    expect(text).toEqual(expect.arrayContaining(['ახალი ფორმა', '1. სერვისი? *', '☐ ა', '☐ 5', '☐ დიახ', '☐ არა', '4. კომენტარი']));
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
