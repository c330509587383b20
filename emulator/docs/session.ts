/**
 * Sessions: one per Document object a script holds (saveAndClose ends it), and the wrappers a
 * script gets for the nodes. Scripts get fresh wrapper objects on every access, as in Apps Script,
 * so element identity is never relied on.
 */
import { gasError } from '../core';
import { type BlockNode, type ContainerNode, DOCUMENT_CLOSED, type DocModel, type GContainerElement, type GElement, type ImageNode } from './model';
import { BodyFake, TableCellFake } from './containers';
import type { DocsStore } from './document';
import { InlineImageFake } from './inline';
import { ListItemFake, ParagraphFake, ParagraphLikeFake } from './paragraphs';
import { TableFake } from './tables';

export class DocSession {
  closed = false;

  constructor(
    readonly store: DocsStore,
    readonly model: DocModel,
  ) {}

  /**
   * Charges one DocumentApp round trip for a change and marks the file updated; `cells` is the
   * number of table cells the change carries (a table built from an array), charged per cell.
   */
  write(method: string, cells = 0): void {
    if (this.closed) throw gasError(DOCUMENT_CLOSED);
    this.store.core.call('DocumentApp', method, undefined, cells);
    const entry = this.store.core.drive.get(this.model.id);
    if (entry) entry.updatedAt = this.store.core.now();
  }
}

export function toGas<T>(fake: object): T {
  return fake as unknown as T;
}

export function wrapBlock(session: DocSession, node: BlockNode): GElement {
  if (node.kind === 'table') return toGas(new TableFake(session, node));
  return node.kind === 'listItem' ? toGas(new ListItemFake(session, node)) : toGas(new ParagraphFake(session, node));
}

export function wrapContainer(session: DocSession, node: ContainerNode): GContainerElement {
  return node.kind === 'body' ? toGas(new BodyFake(session, node)) : toGas(new TableCellFake(session, node));
}

/** The node behind a wrapper a script hands back (appendParagraph(paragraph), removeChild …). */
export function nodeOf(element: unknown): BlockNode | ImageNode {
  if (element instanceof ParagraphLikeFake || element instanceof TableFake) return element.node;
  if (element instanceof InlineImageFake) return element.node;
  throw gasError('Invalid argument: element');
}
