/**
 * The drawing surface every chart PNG shares: an indexed canvas, filled rectangles, and text from
 * the glyph set prepared at build time (chart-text.ts), its anti-aliased edges drawn in the
 * palette's lighter ink levels.
 */
import { drawTextRuns } from './chart-text';
import { encodePalettePng } from './png';

export interface Canvas {
  width: number;
  height: number;
  /** Palette indexes, row by row. */
  pixels: Uint8Array;
  /** The palette index of each ink level 0–3 (0 is the background). */
  inkByLevel: readonly number[];
}

export function newCanvas(width: number, height: number, inkByLevel: readonly number[]): Canvas {
  return { width, height, pixels: new Uint8Array(width * height).fill(inkByLevel[0]), inkByLevel };
}

export function fillRect(canvas: Canvas, left: number, top: number, right: number, bottom: number, colour: number): void {
  const x0 = Math.max(0, Math.round(left));
  const x1 = Math.min(canvas.width, Math.round(right));
  const y0 = Math.max(0, Math.round(top));
  const y1 = Math.min(canvas.height, Math.round(bottom));
  for (let y = y0; y < y1; y++) canvas.pixels.fill(colour, y * canvas.width + x0, y * canvas.width + Math.max(x0, x1));
}

export function drawText(canvas: Canvas, text: string, left: number, baseline: number): void {
  const background = canvas.inkByLevel[0];
  drawTextRuns(text, left, baseline, (x, y, level) => {
    if (x < 0 || y < 0 || x >= canvas.width || y >= canvas.height) return;
    const at = y * canvas.width + x;
    // Overlapping edges of neighbouring glyphs keep the darker level; text over a line replaces it.
    const current = canvas.inkByLevel.indexOf(canvas.pixels[at]);
    if (canvas.pixels[at] === background || current < level) canvas.pixels[at] = canvas.inkByLevel[level];
  });
}

export function encodeCanvas(canvas: Canvas, palette: readonly number[]): number[] {
  return encodePalettePng(canvas.width, canvas.height, palette, (x, y) => canvas.pixels[y * canvas.width + x]);
}
