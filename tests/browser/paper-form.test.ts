/**
 * The printed N1, as older eyes read it: the paper form's Doc (as the replay of the sample leaves
 * it) printed to A4 PDF in headless Chromium, and measured — pages, the smallest text, the size of
 * the answer boxes. The PDF and a PNG of each side go to test-results/browser/.
 *
 * Needs Debian's chromium and fonts-noto-core (see demo-pages.test.ts). Loads the BUILT bundle.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { playScenario } from '../../replay/player';
import { writeOutput } from '../../replay/output';
import { sampleScenario } from '../../replay/sample';
import { N1, LIKERT_SCALE } from '../../src/domain/forms';
import { t } from '../../src/domain/messages';

const CHROMIUM = '/usr/bin/chromium';
const root = join(__dirname, '..', '..');
const results = join(root, 'test-results', 'browser');
const outDir = join(results, 'paper-out');
const PT_PER_PX = 0.75;
const MM_PER_PT = 25.4 / 72;

let browser: Browser;
let page: Page;
let pdf: Buffer;

/** The paper N1's HTML rendering among the replay's Docs. */
function paperDocHtml(): string {
  const name = t('file.paper_form', { form: 'N1' });
  const docs = join(outDir, 'docs');
  const file = readdirSync(docs).find((f) => f.endsWith('.html') && f.startsWith(name.slice(0, 12)) && f.includes('A4'));
  if (!file) throw new Error(`no paper form among ${readdirSync(docs).join(', ')}`);
  return join(docs, file);
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-core`);
  mkdirSync(results, { recursive: true });
  writeOutput(playScenario(sampleScenario()), outDir, 'built-in sample');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const context = await browser.newContext({ viewport: { width: 900, height: 1200 } });
  await context.route('**/*', (route) =>
    route.request().url().startsWith('file:') || route.request().url().startsWith('data:') ? route.continue() : route.abort(),
  );
  page = await context.newPage();
  await page.goto(pathToFileURL(paperDocHtml()).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.emulateMedia({ media: 'print' });
  pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  writeFileSync(join(results, 'paper-N1.pdf'), pdf);
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

/** Pages of a PDF: its page objects (/Type /Page, not /Pages). */
function pdfPageCount(bytes: Buffer): number {
  return (bytes.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/**
 * Side one ends in the Doc's page break, so side two starts a page: two pages in all means each
 * side fitted on its page, and no question ran over to the next (a longer side one makes three).
 */
test('the paper N1 prints on one A4 sheet, both sides: 2 pages', async () => {
  expect(await page.$$('.page-break')).toHaveLength(1);
  const pages = pdfPageCount(pdf);
  const size = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  // Both sides as pictures, to look at.
  const breakY = await page.evaluate(() => {
    const mark = document.querySelector('.page-break');
    return mark ? mark.getBoundingClientRect().top + window.scrollY : 0;
  });
  await page.emulateMedia({ media: 'screen' });
  const height = await page.evaluate(() => document.body.scrollHeight);
  await page.screenshot({ path: join(results, 'paper-N1-side1.png'), clip: { x: 0, y: 0, width: 900, height: breakY } });
  await page.screenshot({ path: join(results, 'paper-N1-side2.png'), clip: { x: 0, y: breakY, width: 900, height: height - breakY }, fullPage: true });
  console.log(`paper N1: ${pages} PDF pages, page ${size?.[1]} × ${size?.[2]} pt`);
  expect(pages).toBe(2);
  // A4 (595 × 842 pt).
  expect(Math.round(Number(size?.[1]))).toBe(595);
  expect(Math.round(Number(size?.[2]))).toBe(842);
  await page.emulateMedia({ media: 'print' });
}, 60_000);

test('no text on the paper N1 is smaller than 13 pt', async () => {
  const sizes = await page.evaluate(() => {
    const found: Array<{ text: string; px: number }> = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      if (text && node.parentElement) found.push({ text: text.slice(0, 30), px: Number.parseFloat(getComputedStyle(node.parentElement).fontSize) });
    }
    return found;
  });
  const smallest = Math.min(...sizes.map((s) => s.px)) * 0.75;
  console.log(`paper N1: smallest text ${smallest} pt (${sizes.length} text runs)`);
  expect(sizes.length).toBeGreaterThan(40);
  expect(sizes.filter((s) => s.px * PT_PER_PX < 12.99)).toEqual([]);
});

test('the scale questions are a grid: numbers as column headers, the words just above, a large box under each number', async () => {
  const grid = await page.evaluate(() => {
    const tables = Array.from(document.querySelectorAll('table'));
    const table = tables.find((tb) => tb.rows[0]?.cells[1]?.textContent.trim() === '1');
    if (!table) return null;
    const header = Array.from(table.rows[0].cells).map((c) => c.textContent.trim());
    const boxes = Array.from(table.rows)
      .slice(1)
      .flatMap((row) =>
        Array.from(row.cells)
          .slice(1)
          .map((cell) => {
            const r = cell.getBoundingClientRect();
            return { width: r.width, height: r.height, centre: r.left + r.width / 2 };
          }),
      );
    const headerCentres = Array.from(table.rows[0].cells)
      .slice(1)
      .map((c) => {
        const r = c.getBoundingClientRect();
        return r.left + r.width / 2;
      });
    // The ink of the circle drawn in each box, in its own font.
    const cell = table.rows[1].cells[1];
    const ctx = document.createElement('canvas').getContext('2d')!;
    const paragraphSpan = cell.querySelector('span') ?? cell;
    ctx.font = getComputedStyle(paragraphSpan).font;
    const ink = ctx.measureText(cell.textContent.trim());
    return {
      legend: (table.previousElementSibling as HTMLElement | null)?.textContent ?? '',
      header,
      rows: table.rows.length - 1,
      boxes,
      headerCentres,
      mark: { width: ink.actualBoundingBoxLeft + ink.actualBoundingBoxRight, height: ink.actualBoundingBoxAscent + ink.actualBoundingBoxDescent },
    };
  });
  expect(grid).not.toBeNull();
  const likert = N1.items.filter((i) => i.type === 'likert');
  expect(grid!.rows).toBe(likert.length);
  expect(grid!.header.slice(1)).toEqual(['1', '2', '3', '4', '5']);
  expect(grid!.legend).toContain(`1 — ${LIKERT_SCALE.minLabel}`);
  expect(grid!.legend).toContain(`5 — ${LIKERT_SCALE.maxLabel}`);
  // Each box sits under its number.
  for (let q = 0; q < likert.length; q++) {
    for (let n = 0; n < 5; n++) expect(Math.abs(grid!.boxes[q * 5 + n].centre - grid!.headerCentres[n])).toBeLessThan(1);
  }
  const widthMm = Math.min(...grid!.boxes.map((b) => b.width)) * PT_PER_PX * MM_PER_PT;
  const heightMm = Math.min(...grid!.boxes.map((b) => b.height)) * PT_PER_PX * MM_PER_PT;
  const markMm = { width: grid!.mark.width * PT_PER_PX * MM_PER_PT, height: grid!.mark.height * PT_PER_PX * MM_PER_PT };
  console.log(
    `paper N1: answer box at least ${widthMm.toFixed(1)} × ${heightMm.toFixed(1)} mm; circle mark ${markMm.width.toFixed(1)} × ${markMm.height.toFixed(1)} mm`,
  );
  // The old inline ☐ was about 3 mm: a box now is at least 15 × 10 mm, its circle at least 5 mm.
  expect(widthMm).toBeGreaterThanOrEqual(15);
  expect(heightMm).toBeGreaterThanOrEqual(10);
  expect(markMm.width).toBeGreaterThanOrEqual(5);
  expect(markMm.height).toBeGreaterThanOrEqual(5);
});

test('both sides carry the scale words; the form says it is anonymous and does not affect the application; "other" is last', async () => {
  const sides = await page.evaluate(() => {
    const html = document.querySelector('main')!.innerHTML;
    const at = html.indexOf('page-break');
    const holder = document.createElement('div');
    holder.innerHTML = html.slice(0, at);
    const first = holder.textContent;
    holder.innerHTML = `<div>${html.slice(at)}`;
    return [first, holder.textContent];
  });
  expect(sides).toHaveLength(2);
  for (const side of sides) {
    expect(side).toContain(LIKERT_SCALE.minLabel);
    expect(side).toContain(LIKERT_SCALE.maxLabel);
  }
  expect(sides[0]).toContain('ანონიმურია');
  expect(sides[0]).toContain(t('form.paper_no_effect'));
  // The service list, in columns read top to bottom: "other" is its last entry.
  const services = await page.evaluate(() => {
    const table = document.querySelectorAll('table')[0];
    const rows = Array.from(table.rows).map((r) => Array.from(r.cells).map((c) => c.textContent.trim()));
    const columns = rows[0].length / 2;
    const labels: string[] = [];
    for (let c = 0; c < columns; c++) for (const row of rows) if (row[2 * c + 1]) labels.push(row[2 * c + 1]);
    return labels;
  });
  expect(services.length).toBeGreaterThanOrEqual(10);
  expect(services[services.length - 1]).toBe('სხვა');
  expect(services.indexOf('სხვა')).toBe(services.length - 1);
  // The QR code to the online N1 is on the sheet.
  const qr = await page.$$eval('img', (nodes) => nodes.map((n) => ({ alt: n.getAttribute('alt') ?? '', width: (n as HTMLImageElement).naturalWidth })));
  expect(qr).toEqual([expect.objectContaining({ alt: expect.stringMatching(/^QR: https:\/\/docs\.google\.com\/forms\//) })]);
  const note = readFileSync(paperDocHtml(), 'utf8');
  expect(note).toContain('@page { size: 595.276pt 841.89pt');
});
