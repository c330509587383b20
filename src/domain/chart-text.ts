/**
 * Text in the chart PNGs: measuring, wrapping and drawing with the glyph set prepared at build
 * time (chart-font.ts, from Noto Sans Georgian and Noto Sans, SIL OFL 1.1). Mtavruli capitals are
 * drawn as their Mkhedruli letters (the glyph set holds the one script); any other character
 * missing from the set is drawn as "?", so a label never silently loses a letter.
 */
import { CHART_FONT_ASCENT, CHART_FONT_DESCENT, CHART_GLYPHS, RUN_ALPHABET } from './chart-font';

export interface Glyph {
  advance: number;
  left: number;
  top: number;
  width: number;
  height: number;
  /** Coverage 0–3, row by row. */
  levels: Uint8Array;
}

/** Height of a line of text, baseline to baseline. */
export const LINE_HEIGHT = CHART_FONT_ASCENT + CHART_FONT_DESCENT;
export const ASCENT = CHART_FONT_ASCENT;

const MTAVRULI_FIRST = 0x1c90;
const MTAVRULI_LAST = 0x1cba;
const MKHEDRULI_FIRST = 0x10d0;
const ELLIPSIS = '…';

let glyphs: Map<string, Glyph> | null = null;

function decode(width: number, runs: string): Glyph['levels'] {
  const levels: number[] = [];
  for (const symbol of runs) {
    const code = RUN_ALPHABET.indexOf(symbol);
    for (let i = 0; i <= code % 16; i++) levels.push(code >> 4);
  }
  if (width > 0 && levels.length % width !== 0) throw new Error(`chart font: glyph bitmap of ${levels.length} pixels is not ${width} wide`);
  return Uint8Array.from(levels);
}

function glyphTable(): Map<string, Glyph> {
  if (glyphs) return glyphs;
  glyphs = new Map();
  for (const entry of CHART_GLYPHS) {
    // The character first (it may be "|" itself), then its numbers and runs.
    const char = String.fromCodePoint(entry.codePointAt(0) as number);
    const [advance, left, top, width] = entry
      .slice(char.length + 1)
      .split('|')
      .slice(0, 4)
      .map(Number);
    const runs = entry.slice(char.length + 1).split('|')[4];
    const levels = decode(width, runs);
    glyphs.set(char, { advance, left, top, width, height: width > 0 ? levels.length / width : 0, levels });
  }
  return glyphs;
}

/** The glyph a character is drawn with (Mtavruli as Mkhedruli, unknown as "?"). */
export function glyphFor(char: string): Glyph {
  const table = glyphTable();
  const direct = table.get(char);
  if (direct) return direct;
  const code = char.codePointAt(0) ?? 0;
  if (code >= MTAVRULI_FIRST && code <= MTAVRULI_LAST) {
    const lower = table.get(String.fromCodePoint(code - MTAVRULI_FIRST + MKHEDRULI_FIRST));
    if (lower) return lower;
  }
  if (/\s/.test(char)) return table.get(' ') as Glyph;
  return table.get('?') as Glyph;
}

/** Whether every character of the text has a glyph of its own (or its Mkhedruli one). */
export function hasGlyphs(text: string): boolean {
  const fallback = glyphFor('?');
  for (const char of text) if (glyphFor(char) === fallback && char !== '?') return false;
  return true;
}

export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += glyphFor(char).advance;
  return width;
}

function ellipsize(text: string, maxWidth: number): string {
  if (textWidth(text) <= maxWidth) return text;
  let cut = text;
  while (cut.length > 0 && textWidth(`${cut}${ELLIPSIS}`) > maxWidth) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

/**
 * Breaks a label into at most `maxLines` lines no wider than `maxWidth`, at spaces; what does not
 * fit ends the last line with "…" (the table beside the chart and the alt text keep it whole).
 */
export function wrapText(text: string, maxWidth: number, maxLines: number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  let used = 0;
  for (; used < words.length; used++) {
    const word = words[used];
    const candidate = current ? `${current} ${word}` : word;
    if (textWidth(candidate) <= maxWidth || !current) {
      current = candidate;
      continue;
    }
    lines.push(current);
    current = word;
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines) {
    if (current) lines.push(current);
    return lines.map((line) => ellipsize(line, maxWidth));
  }
  // Out of lines: the rest joins the last one, cut with an ellipsis.
  const last = [lines[maxLines - 1], ...words.slice(used)].join(' ');
  lines[maxLines - 1] = textWidth(last) <= maxWidth ? last : ellipsize(last, maxWidth);
  return lines.map((line) => ellipsize(line, maxWidth));
}

/** Calls `plot(x, y, level)` for every covered pixel of the text drawn with its baseline at y. */
export function drawTextRuns(text: string, left: number, baseline: number, plot: (x: number, y: number, level: number) => void): void {
  let pen = Math.round(left);
  for (const char of text) {
    const glyph = glyphFor(char);
    for (let gy = 0; gy < glyph.height; gy++) {
      for (let gx = 0; gx < glyph.width; gx++) {
        const level = glyph.levels[gy * glyph.width + gx];
        if (level > 0) plot(pen + glyph.left + gx, Math.round(baseline) + glyph.top + gy, level);
      }
    }
    pen += glyph.advance;
  }
}
