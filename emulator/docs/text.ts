/**
 * Text: the editable text of a run, a paragraph or a whole body, with its styles.
 * https://developers.google.com/apps-script/reference/document/text
 */
import { enumName } from '../gas-enum';
import { type DocSession, toGas } from './session';
import { type GElementType, type GText, type TextNode, elementType, offsetError } from './model';

/** What a Text object edits: one run, a paragraph's runs, or every paragraph of a body. */
interface TextScope {
  runs(): TextNode[];
  separator: string;
  replace(text: string): void;
}

export const TEXT_STYLE_ATTRIBUTES = [
  'BOLD',
  'ITALIC',
  'UNDERLINE',
  'STRIKETHROUGH',
  'FONT_SIZE',
  'FONT_FAMILY',
  'FOREGROUND_COLOR',
  'BACKGROUND_COLOR',
  'LINK_URL',
];

/** Attribute maps keyed by Attribute enum values (names when used as keys); enum values stored by name. */
export function normalizeAttributes(attributes: unknown): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  if (typeof attributes !== 'object' || attributes === null) return result;
  for (const [key, value] of Object.entries(attributes as Record<string, unknown>)) {
    result[key] = enumName(value) ?? value;
  }
  return result;
}

export class TextFake
  implements
    Pick<
      GText,
      | 'getText'
      | 'setText'
      | 'appendText'
      | 'insertText'
      | 'deleteText'
      | 'editAsText'
      | 'getType'
      | 'setBold'
      | 'setItalic'
      | 'setUnderline'
      | 'setStrikethrough'
      | 'setFontSize'
      | 'setFontFamily'
      | 'setForegroundColor'
      | 'setBackgroundColor'
      | 'setLinkUrl'
      | 'setAttributes'
      | 'isBold'
      | 'isItalic'
      | 'isUnderline'
      | 'getFontSize'
      | 'getFontFamily'
      | 'getForegroundColor'
      | 'getBackgroundColor'
      | 'getLinkUrl'
      | 'getAttributes'
    >
{
  toString(): string {
    return 'Text';
  }
  constructor(
    private readonly session: DocSession,
    private readonly scope: TextScope,
  ) {}

  private self(): GText {
    return toGas(this);
  }

  getType(): GElementType {
    return elementType('TEXT');
  }

  getText(): string {
    return this.scope
      .runs()
      .map((r) => r.text)
      .join(this.scope.separator);
  }

  editAsText(): GText {
    return this.self();
  }

  setText(text: string): GText {
    this.session.write('Text.setText');
    this.scope.replace(String(text));
    return this.self();
  }

  appendText(text: string): GText {
    return this.insertText(this.getText().length, text);
  }

  /** Inserts into the run holding `offset` (at a run boundary, the earlier run grows). */
  insertText(offset: number, text: string): GText {
    const length = this.getText().length;
    if (offset < 0 || offset > length) throw offsetError(offset, length + 1);
    this.session.write('Text.insertText');
    const inserted = String(text);
    const runs = this.scope.runs();
    if (runs.length === 0) {
      this.scope.replace(inserted);
      return this.self();
    }
    const { run, local } = this.locate(offset, true);
    run.text = run.text.slice(0, local) + inserted + run.text.slice(local);
    for (const s of run.styles) {
      if (s.start >= local) s.start += inserted.length;
      if (s.end >= local) s.end += inserted.length;
    }
    return this.self();
  }

  deleteText(startOffset: number, endOffsetInclusive: number): GText {
    this.checkRange(startOffset, endOffsetInclusive);
    this.session.write('Text.deleteText');
    this.forEachRunSlice(startOffset, endOffsetInclusive, (run, from, to) => {
      const removed = to - from + 1;
      run.text = run.text.slice(0, from) + run.text.slice(to + 1);
      run.styles = run.styles
        .map((s) => ({
          ...s,
          start: s.start > to ? s.start - removed : Math.min(s.start, from),
          end: s.end > to ? s.end - removed : Math.min(s.end, from - 1),
        }))
        .filter((s) => s.end >= s.start);
    });
    return this.self();
  }

  private locate(offset: number, preferEarlier = false): { run: TextNode; local: number } {
    const runs = this.scope.runs();
    let start = 0;
    for (const run of runs) {
      const end = start + run.text.length;
      if (offset < end || (preferEarlier && offset === end)) return { run, local: offset - start };
      start = end + this.scope.separator.length;
    }
    const last = runs[runs.length - 1];
    return { run: last, local: last.text.length };
  }

  private checkRange(start: number, end: number): void {
    const length = this.getText().length;
    if (start < 0 || start >= length) throw offsetError(start, length);
    if (end < start || end >= length) throw offsetError(end, length);
  }

  private forEachRunSlice(start: number, end: number, fn: (run: TextNode, from: number, to: number) => void): void {
    let offset = 0;
    for (const run of this.scope.runs()) {
      const from = Math.max(start, offset) - offset;
      const to = Math.min(end, offset + run.text.length - 1) - offset;
      if (from <= to) fn(run, from, to);
      offset += run.text.length + this.scope.separator.length;
    }
  }

  /** Applies attributes to [start, end], or to all text when no range is given. */
  private style(method: string, attributes: Record<string, unknown>, start?: number, end?: number): GText {
    const length = this.getText().length;
    if (start !== undefined && end !== undefined) this.checkRange(start, end);
    this.session.write(`Text.${method}`);
    if (length === 0) return this.self();
    this.forEachRunSlice(start ?? 0, end ?? length - 1, (run, from, to) => {
      run.styles.push({ start: from, end: to, attributes: { ...attributes } });
    });
    return this.self();
  }

  /** Resolves the (value) and (start, end, value) overloads every style setter has. */
  private styleOverload(method: string, attribute: string, args: unknown[]): GText {
    if (args.length >= 3) return this.style(method, { [attribute]: args[2] }, Number(args[0]), Number(args[1]));
    return this.style(method, { [attribute]: args[0] });
  }

  setBold(...args: [boolean] | [number, number, boolean]): GText {
    return this.styleOverload('setBold', 'BOLD', args);
  }

  setItalic(...args: [boolean] | [number, number, boolean]): GText {
    return this.styleOverload('setItalic', 'ITALIC', args);
  }

  setUnderline(...args: [boolean] | [number, number, boolean]): GText {
    return this.styleOverload('setUnderline', 'UNDERLINE', args);
  }

  setStrikethrough(...args: [boolean] | [number, number, boolean]): GText {
    return this.styleOverload('setStrikethrough', 'STRIKETHROUGH', args);
  }

  setFontSize(...args: [number] | [number, number, number]): GText {
    return this.styleOverload('setFontSize', 'FONT_SIZE', args);
  }

  setFontFamily(...args: [string] | [number, number, string]): GText {
    return this.styleOverload('setFontFamily', 'FONT_FAMILY', args);
  }

  setForegroundColor(...args: [string] | [number, number, string]): GText {
    return this.styleOverload('setForegroundColor', 'FOREGROUND_COLOR', args);
  }

  setBackgroundColor(...args: [string] | [number, number, string]): GText {
    return this.styleOverload('setBackgroundColor', 'BACKGROUND_COLOR', args);
  }

  setLinkUrl(...args: [string] | [number, number, string]): GText {
    return this.styleOverload('setLinkUrl', 'LINK_URL', args);
  }

  setAttributes(...args: [unknown] | [number, number, unknown]): GText {
    const ranged = args.length >= 3;
    const attributes = normalizeAttributes(ranged ? args[2] : args[0]);
    return ranged ? this.style('setAttributes', attributes, Number(args[0]), Number(args[1])) : this.style('setAttributes', attributes);
  }

  /** The attributes in effect at `offset` (default: the first character); later ranges win. */
  getAttributes(offset?: number | null): Record<string, unknown> {
    const result: Record<string, unknown> = Object.fromEntries(TEXT_STYLE_ATTRIBUTES.map((a) => [a, null]));
    if (this.getText().length === 0) return result;
    const { run, local } = this.locate(offset ?? 0);
    for (const s of run.styles) if (local >= s.start && local <= s.end) Object.assign(result, s.attributes);
    return result;
  }

  private attributeAt(attribute: string, offset?: number | null): unknown {
    return this.getAttributes(offset)[attribute] ?? null;
  }

  isBold(offset?: number | null): boolean {
    return this.attributeAt('BOLD', offset) as boolean;
  }

  isItalic(offset?: number | null): boolean {
    return this.attributeAt('ITALIC', offset) as boolean;
  }

  isUnderline(offset?: number | null): boolean {
    return this.attributeAt('UNDERLINE', offset) as boolean;
  }

  getFontSize(offset?: number | null): number {
    return this.attributeAt('FONT_SIZE', offset) as number;
  }

  getFontFamily(offset?: number | null): string {
    return this.attributeAt('FONT_FAMILY', offset) as string;
  }

  getForegroundColor(offset?: number | null): string {
    return this.attributeAt('FOREGROUND_COLOR', offset) as string;
  }

  getBackgroundColor(offset?: number | null): string {
    return this.attributeAt('BACKGROUND_COLOR', offset) as string;
  }

  getLinkUrl(offset?: number | null): string {
    return this.attributeAt('LINK_URL', offset) as string;
  }
}
