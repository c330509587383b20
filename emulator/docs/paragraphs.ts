/**
 * Paragraphs and list items.
 * https://developers.google.com/apps-script/reference/document/paragraph
 * https://developers.google.com/apps-script/reference/document/list-item
 */
import { gasError } from '../core';
import { enumName, enumValue } from '../gas-enum';
import { type DocSession, nodeOf, toGas, wrapContainer } from './session';
import {
  type GAlignment,
  type GBlobSource,
  type GContainerElement,
  type GElement,
  type GElementType,
  type GGlyph,
  type GHeading,
  type GHorizontalRule,
  type GInlineImage,
  GLYPH_TYPE,
  type GListItem,
  type GPageBreak,
  type GParagraph,
  type GText,
  HORIZONTAL_ALIGNMENT,
  LAST_PARAGRAPH,
  PARAGRAPH_HEADING,
  type ParagraphNode,
  childIndexError,
  cloneBlock,
  elementType,
  imageFromBlob,
  newText,
  paragraphText,
  textOf,
} from './model';
import { InlineImageFake, MarkerFake } from './inline';
import { TEXT_STYLE_ATTRIBUTES, TextFake, normalizeAttributes } from './text';
import { firstRun } from './containers';

export abstract class ParagraphLikeFake<Self> {
  constructor(
    protected readonly session: DocSession,
    readonly node: ParagraphNode,
  ) {}

  protected self(): Self {
    return toGas(this);
  }

  protected abstract readonly label: string;

  protected change(method: string, apply: () => void): Self {
    this.session.write(`${this.label}.${method}`);
    apply();
    return this.self();
  }

  getText(): string {
    return textOf(this.node);
  }

  setText(text: string): void {
    this.change('setText', () => {
      this.node.inlines = [newText(paragraphText(text))];
    });
  }

  appendText(text: string | GText): GText {
    const run = newText(paragraphText(text instanceof TextFake ? text.getText() : text));
    this.change('appendText', () => this.node.inlines.push(run));
    return toGas(new TextFake(this.session, { runs: () => [run], separator: '', replace: (t) => (run.text = paragraphText(t)) }));
  }

  editAsText(): GText {
    const node = this.node;
    return toGas(
      new TextFake(this.session, {
        runs: () => (node.inlines.some((i) => i.kind === 'text') ? [firstRun(node)] : []),
        separator: '',
        replace: (text) => {
          node.inlines = [newText(paragraphText(text)), ...node.inlines.filter((i) => i.kind !== 'text')];
        },
      }),
    );
  }

  getNumChildren(): number {
    return this.node.inlines.length;
  }

  getChild(childIndex: number): GElement {
    const inline = this.node.inlines[childIndex];
    if (!inline) throw childIndexError(childIndex, this.node.inlines.length);
    if (inline.kind === 'image') return toGas(new InlineImageFake(this.session, inline, this.node));
    if (inline.kind === 'text') {
      return toGas(new TextFake(this.session, { runs: () => [inline], separator: '', replace: (t) => (inline.text = paragraphText(t)) }));
    }
    return toGas(new MarkerFake(this.session, inline.kind, this.node));
  }

  setHeading(heading: GHeading): Self {
    const name = enumName(heading);
    if (!name || !(name in PARAGRAPH_HEADING)) throw gasError('Invalid argument: heading');
    return this.change('setHeading', () => (this.node.heading = name));
  }

  getHeading(): GHeading {
    return enumValue<GHeading>(PARAGRAPH_HEADING, this.node.heading);
  }

  setAlignment(alignment: GAlignment): Self {
    const name = enumName(alignment);
    if (!name || !(name in HORIZONTAL_ALIGNMENT)) throw gasError('Invalid argument: alignment');
    return this.change('setAlignment', () => (this.node.alignment = name));
  }

  /** Null until set: the paragraph inherits its named style's alignment. */
  getAlignment(): GAlignment {
    return (this.node.alignment ? enumValue(HORIZONTAL_ALIGNMENT, this.node.alignment) : null) as GAlignment;
  }

  private setNumber(method: string, attribute: string, value: number): Self {
    return this.change(method, () => (this.node.attributes[attribute] = Number(value)));
  }

  setSpacingBefore(spacingBefore: number): Self {
    return this.setNumber('setSpacingBefore', 'SPACING_BEFORE', spacingBefore);
  }

  setSpacingAfter(spacingAfter: number): Self {
    return this.setNumber('setSpacingAfter', 'SPACING_AFTER', spacingAfter);
  }

  setLineSpacing(multiplier: number): Self {
    return this.setNumber('setLineSpacing', 'LINE_SPACING', multiplier);
  }

  setIndentStart(indentStart: number): Self {
    return this.setNumber('setIndentStart', 'INDENT_START', indentStart);
  }

  setIndentFirstLine(indentFirstLine: number): Self {
    return this.setNumber('setIndentFirstLine', 'INDENT_FIRST_LINE', indentFirstLine);
  }

  getSpacingBefore(): number {
    return (this.node.attributes.SPACING_BEFORE as number | undefined) ?? (null as unknown as number);
  }

  getSpacingAfter(): number {
    return (this.node.attributes.SPACING_AFTER as number | undefined) ?? (null as unknown as number);
  }

  getLineSpacing(): number {
    return (this.node.attributes.LINE_SPACING as number | undefined) ?? (null as unknown as number);
  }

  /**
   * HEADING and HORIZONTAL_ALIGNMENT move the paragraph's own settings; text attributes (BOLD,
   * FONT_SIZE …) apply to all of its text; the rest are recorded.
   */
  setAttributes(attributes: unknown): Self {
    const values = normalizeAttributes(attributes);
    return this.change('setAttributes', () => {
      for (const [key, value] of Object.entries(values)) {
        if (key === 'HEADING' && typeof value === 'string') this.node.heading = value;
        else if (key === 'HORIZONTAL_ALIGNMENT') this.node.alignment = (value as string | null) ?? null;
        else if (key === 'GLYPH_TYPE' && typeof value === 'string') this.node.glyph = value;
        else if (key === 'NESTING_LEVEL' && typeof value === 'number') this.node.nesting = value;
        else this.node.attributes[key] = value;
      }
    });
  }

  /**
   * Every attribute a paragraph can carry, null when unset. A paragraph added by appendParagraph /
   * insertParagraph reports its NORMAL_TEXT style's computed values (left to right, LEFT, line
   * spacing 1.15); one made otherwise (Body.setText) reports null for what it inherits (gas-fakes
   * test/testdocsstyles.js:71–98 and 175–184, run on live Apps Script).
   */
  getAttributes(): Record<string, unknown> {
    const computed = this.node.computed === true && this.node.heading === 'NORMAL';
    return {
      ...Object.fromEntries(PARAGRAPH_ATTRIBUTES.map((a) => [a, null])),
      ...(computed ? { LEFT_TO_RIGHT: true, LINE_SPACING: 1.15 } : {}),
      ...this.node.attributes,
      HEADING: this.getHeading(),
      HORIZONTAL_ALIGNMENT: this.getAlignment() ?? (computed ? enumValue(HORIZONTAL_ALIGNMENT, 'LEFT') : null),
    };
  }

  appendInlineImage(image: GBlobSource | GInlineImage): GInlineImage {
    const imageNode = image instanceof InlineImageFake ? { ...image.node, bytes: image.node.bytes.slice() } : imageFromBlob(image as GBlobSource);
    this.change('appendInlineImage', () => this.node.inlines.push(imageNode));
    return toGas(new InlineImageFake(this.session, imageNode, this.node));
  }

  appendPageBreak(): GPageBreak {
    this.change('appendPageBreak', () => this.node.inlines.push({ kind: 'pageBreak' }));
    return toGas(new MarkerFake(this.session, 'pageBreak', this.node));
  }

  appendHorizontalRule(): GHorizontalRule {
    this.change('appendHorizontalRule', () => this.node.inlines.push({ kind: 'hr' }));
    return toGas(new MarkerFake(this.session, 'hr', this.node));
  }

  clear(): Self {
    return this.change('clear', () => (this.node.inlines = []));
  }

  getParent(): GContainerElement {
    if (!this.node.parent) return null as unknown as GContainerElement;
    return wrapContainer(this.session, this.node.parent);
  }

  removeFromParent(): Self {
    const parent = this.node.parent;
    if (!parent) return this.self();
    const index = parent.children.indexOf(this.node);
    if (parent.kind === 'body' && index === parent.children.length - 1) throw gasError(LAST_PARAGRAPH);
    return this.change('removeFromParent', () => {
      parent.children.splice(index, 1);
      this.node.parent = null;
    });
  }

  /** A detached deep copy, ready for appendParagraph/insertListItem. */
  copy(): Self {
    const copy = cloneBlock(this.node, null) as ParagraphNode;
    return toGas(this.node.kind === 'listItem' ? new ListItemFake(this.session, copy) : new ParagraphFake(this.session, copy));
  }

  asParagraph(): GParagraph {
    return toGas(this);
  }

  asListItem(): GListItem {
    return toGas(this);
  }

  asText(): GText {
    return this.editAsText();
  }
}

/** What Paragraph.getAttributes lists: its text attributes and its paragraph attributes. */
const PARAGRAPH_ATTRIBUTES = [
  ...TEXT_STYLE_ATTRIBUTES,
  'HEADING',
  'HORIZONTAL_ALIGNMENT',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'INDENT_START',
  'LEFT_TO_RIGHT',
  'LINE_SPACING',
  'SPACING_AFTER',
  'SPACING_BEFORE',
];

export class ParagraphFake
  extends ParagraphLikeFake<GParagraph>
  implements
    Pick<
      GParagraph,
      | 'getText'
      | 'setText'
      | 'appendText'
      | 'editAsText'
      | 'setHeading'
      | 'getHeading'
      | 'setAlignment'
      | 'getAlignment'
      | 'setSpacingBefore'
      | 'setSpacingAfter'
      | 'setLineSpacing'
      | 'getSpacingBefore'
      | 'getSpacingAfter'
      | 'getLineSpacing'
      | 'setIndentStart'
      | 'setIndentFirstLine'
      | 'setAttributes'
      | 'getAttributes'
      | 'appendInlineImage'
      | 'appendPageBreak'
      | 'appendHorizontalRule'
      | 'getNumChildren'
      | 'getChild'
      | 'clear'
      | 'getParent'
      | 'removeFromParent'
      | 'copy'
      | 'getType'
      | 'asParagraph'
      | 'asText'
    >
{
  toString(): string {
    return 'Paragraph';
  }
  protected readonly label = 'Paragraph';

  getType(): GElementType {
    return elementType('PARAGRAPH');
  }
}

export class ListItemFake
  extends ParagraphLikeFake<GListItem>
  implements
    Pick<
      GListItem,
      | 'getText'
      | 'setText'
      | 'appendText'
      | 'editAsText'
      | 'setHeading'
      | 'getHeading'
      | 'setAlignment'
      | 'getAlignment'
      | 'setSpacingBefore'
      | 'setSpacingAfter'
      | 'setLineSpacing'
      | 'setIndentStart'
      | 'setIndentFirstLine'
      | 'setAttributes'
      | 'getAttributes'
      | 'appendInlineImage'
      | 'getNumChildren'
      | 'getChild'
      | 'clear'
      | 'getParent'
      | 'removeFromParent'
      | 'copy'
      | 'getType'
      | 'asListItem'
      | 'setGlyphType'
      | 'getGlyphType'
      | 'setNestingLevel'
      | 'getNestingLevel'
      | 'getListId'
      | 'setListId'
    >
{
  toString(): string {
    return 'ListItem';
  }
  protected readonly label = 'ListItem';

  getType(): GElementType {
    return elementType('LIST_ITEM');
  }

  setGlyphType(glyphType: GGlyph): GListItem {
    const name = enumName(glyphType);
    if (!name || !(name in GLYPH_TYPE)) throw gasError('Invalid argument: glyphType');
    return this.change('setGlyphType', () => (this.node.glyph = name));
  }

  getGlyphType(): GGlyph {
    return enumValue<GGlyph>(GLYPH_TYPE, this.node.glyph);
  }

  /** Nesting levels run 0–8 in Docs lists. */
  setNestingLevel(nestingLevel: number): GListItem {
    const level = Number(nestingLevel);
    if (!Number.isInteger(level) || level < 0 || level > 8) throw gasError('Invalid argument: nestingLevel');
    return this.change('setNestingLevel', () => (this.node.nesting = level));
  }

  getNestingLevel(): number {
    return this.node.nesting;
  }

  getListId(): string {
    return this.node.listId;
  }

  setListId(listItem: GListItem): GListItem {
    const other = nodeOf(listItem);
    if (other.kind !== 'listItem') throw gasError('Invalid argument: listItem');
    return this.change('setListId', () => (this.node.listId = other.listId));
  }
}
