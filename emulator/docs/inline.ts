/**
 * Inline elements of a paragraph other than text: images, page breaks, horizontal rules.
 * https://developers.google.com/apps-script/reference/document/inline-image
 */
import { BlobFake } from '../blob';
import { type DocSession, toGas, wrapBlock } from './session';
import {
  type GBlob,
  type GContainerElement,
  type GElementType,
  type GInlineImage,
  type GPageBreak,
  type ImageNode,
  type ParagraphNode,
  elementType,
} from './model';

export class InlineImageFake
  implements
    Pick<
      GInlineImage,
      | 'getAltTitle'
      | 'setAltTitle'
      | 'getAltDescription'
      | 'setAltDescription'
      | 'getWidth'
      | 'setWidth'
      | 'getHeight'
      | 'setHeight'
      | 'getBlob'
      | 'getAs'
      | 'getLinkUrl'
      | 'setLinkUrl'
      | 'getType'
      | 'getParent'
    >
{
  toString(): string {
    return 'InlineImage';
  }
  constructor(
    private readonly session: DocSession,
    readonly node: ImageNode,
    private readonly paragraph: ParagraphNode,
  ) {}

  private change(method: string, apply: () => void): GInlineImage {
    this.session.write(`InlineImage.${method}`);
    apply();
    return toGas(this);
  }

  getType(): GElementType {
    return elementType('INLINE_IMAGE');
  }

  /** Unset alt text reads as null in Apps Script. */
  getAltTitle(): string {
    return this.node.altTitle as string;
  }

  setAltTitle(title: string): GInlineImage {
    return this.change('setAltTitle', () => (this.node.altTitle = String(title)));
  }

  getAltDescription(): string {
    return this.node.altDescription as string;
  }

  setAltDescription(description: string): GInlineImage {
    return this.change('setAltDescription', () => (this.node.altDescription = String(description)));
  }

  getWidth(): number {
    return this.node.width;
  }

  setWidth(width: number): GInlineImage {
    return this.change('setWidth', () => (this.node.width = Math.round(Number(width))));
  }

  getHeight(): number {
    return this.node.height;
  }

  setHeight(height: number): GInlineImage {
    return this.change('setHeight', () => (this.node.height = Math.round(Number(height))));
  }

  getLinkUrl(): string {
    return this.node.linkUrl as string;
  }

  setLinkUrl(url: string): GInlineImage {
    return this.change('setLinkUrl', () => (this.node.linkUrl = String(url)));
  }

  getBlob(): GBlob {
    return toGas(new BlobFake(this.node.bytes, this.node.mimeType, this.node.name));
  }

  getAs(contentType: string): GBlob {
    return toGas(new BlobFake(this.node.bytes, this.node.mimeType, this.node.name).getAs(contentType));
  }

  getParent(): GContainerElement {
    return toGas(wrapBlock(this.session, this.paragraph));
  }
}

export class MarkerFake implements Pick<GPageBreak, 'getType' | 'getParent'> {
  constructor(
    private readonly session: DocSession,
    private readonly kind: 'pageBreak' | 'hr',
    private readonly paragraph: ParagraphNode,
  ) {}

  getType(): GElementType {
    return elementType(this.kind === 'pageBreak' ? 'PAGE_BREAK' : 'HORIZONTAL_RULE');
  }

  getParent(): GContainerElement {
    return toGas(wrapBlock(this.session, this.paragraph));
  }
}
