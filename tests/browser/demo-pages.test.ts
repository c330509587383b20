/**
 * In a real browser: the demo's index page and the public report's HTML page open in
 * headless Chromium from the file system, render Georgian with a Georgian font (no missing-glyph
 * boxes), and make no request that leaves the machine. Screenshots go to test-results/browser/.
 *
 * Needs Debian's chromium and fonts-noto-core (.ci/run installs them; see README).
 * Loads the BUILT bundle: run `npm run build` first (npm test does).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { playScenario } from '../../replay/player';
import { safeName, writeOutput } from '../../replay/output';
import { sampleScenario } from '../../replay/sample';
import type { DriveIndexRow } from '../../emulator';

const CHROMIUM = '/usr/bin/chromium';
const root = join(__dirname, '..', '..');
const results = join(root, 'test-results', 'browser');
const outDir = join(results, 'demo-out');

let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium fonts-noto-core (see README)`);
  }
  mkdirSync(results, { recursive: true });
  writeOutput(playScenario(sampleScenario()), outDir, 'built-in sample');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

/** Opens a local page with every request outside file:// and data: aborted and recorded. */
async function open(path: string): Promise<{ page: Page; external: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const external: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:') || url === 'about:blank' || url.startsWith('about:srcdoc')) return route.continue();
    external.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return { page, external };
}

/** The fonts Chromium actually drew a node's text with (DevTools protocol). */
async function platformFonts(page: Page, selector: string): Promise<Array<{ familyName: string; glyphCount: number }>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root: doc } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: doc.nodeId, selector });
  if (!nodeId) throw new Error(`no element ${selector}`);
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  return fonts;
}

/**
 * Missing glyphs all draw as the same .notdef box, so Georgian letters of visibly different
 * shapes would measure the same. Measures single letters in the element's own font and compares
 * them with a code point no font has (U+E83A, private use).
 */
async function georgianWidths(page: Page, selector: string): Promise<{ letters: Record<string, number>; box: number; sample: number; other: number }> {
  return page.evaluate((sel) => {
    const element = document.querySelector(sel);
    if (!element) throw new Error(`no element ${sel}`);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = getComputedStyle(element).font;
    const letters: Record<string, number> = {};
    for (const ch of ['ა', 'ი', 'ლ', 'მ', 'შ', 'ჭ', 'ღ', 'ფ']) letters[ch] = ctx.measureText(ch).width;
    return {
      letters,
      box: ctx.measureText('\uE83A').width,
      sample: ctx.measureText('უკუკავშირი').width,
      other: ctx.measureText('ამბროლაური').width,
    };
  }, selector);
}

async function checkGeorgian(page: Page, selector: string): Promise<void> {
  const text = (await page.textContent(selector)) ?? '';
  expect(text).toMatch(/[\u10D0-\u10FF]/);
  const fonts = await platformFonts(page, selector);
  const georgianFont = fonts.find((f) => /georgian/i.test(f.familyName));
  expect({ fonts, georgianFont: georgianFont?.familyName }).toEqual(expect.objectContaining({ georgianFont: expect.stringMatching(/Noto Sans Georgian/i) }));
  const widths = await georgianWidths(page, selector);
  const distinct = new Set(Object.values(widths.letters).map((w) => w.toFixed(2)));
  // Real glyphs: narrow ი and wide შ differ; boxes would all share one width.
  expect(distinct.size).toBeGreaterThanOrEqual(3);
  expect(Object.values(widths.letters).every((w) => w > 0)).toBe(true);
  expect(Object.values(widths.letters).filter((w) => Math.abs(w - widths.box) < 0.01).length).toBeLessThan(3);
  expect(Math.abs(widths.sample - widths.other)).toBeGreaterThan(0.5);
}

/** The public report as published to Drive's public folder (the website's HTML page). */
function publicReportFile(): string {
  const index = JSON.parse(readFileSync(join(outDir, 'drive', 'index.json'), 'utf8')) as DriveIndexRow[];
  const sharedFolders = new Set(
    index.filter((r) => r.mimeType === 'application/vnd.google-apps.folder' && r.sharing.access !== 'PRIVATE').map((r) => `${r.folderPath}/${r.name}`),
  );
  const html = index.filter((r) => r.mimeType === 'text/html' && !r.trashed);
  const published = html.find((r) => r.sharing.access !== 'PRIVATE' || sharedFolders.has(r.folderPath));
  if (!published) {
    throw new Error(`the demo published no HTML page in a shared Drive folder (HTML files: ${html.map((r) => r.name).join(', ') || 'none'})`);
  }
  const file = join(outDir, 'drive', 'files', safeName(published.name));
  if (!existsSync(file)) throw new Error(`the output folder lacks ${file}`);
  return file;
}

test('the demo index opens offline, in Georgian, with Noto Sans Georgian and no outside request', async () => {
  const { page, external } = await open(join(outDir, 'index.html'));
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('ka');
  expect(await page.evaluate(() => document.characterSet)).toBe('UTF-8');
  await checkGeorgian(page, 'header h1');
  await checkGeorgian(page, '#forms .form h3');
  // Every form as a respondent sees it: 1–5 radio buttons on each scale question.
  const scales = await page.$$eval('#forms .scale', (nodes) => nodes.map((n) => n.querySelectorAll('input[type=radio]').length));
  expect(scales.length).toBeGreaterThanOrEqual(15);
  expect(scales.every((n) => n === 5)).toBe(true);
  await page.screenshot({ path: join(results, 'demo-index.png') });
  await page
    .locator('#forms .form')
    .first()
    .screenshot({ path: join(results, 'demo-form-N1.png') });
  // An email as the applicant sees it (the first mail, opened).
  if ((await page.$('#mail details')) !== null) {
    await page.$eval('#mail details', (node) => node.setAttribute('open', ''));
    await page
      .locator('#mail details')
      .first()
      .screenshot({ path: join(results, 'demo-mail.png') });
  }
  expect(external).toEqual([]);
  await page.context().close();
}, 120_000);

test('the public report page renders Georgian with a Georgian font and makes no outside request', async () => {
  const fragment = readFileSync(publicReportFile(), 'utf8');
  // The file is the fragment staff paste into the municipal website: host it as a page would.
  const isPage = /<html[\s>]/i.test(fragment);
  const page = join(results, 'public-report.html');
  writeFileSync(
    page,
    isPage
      ? fragment
      : `<!doctype html>\n<html lang="ka"><head><meta charset="utf-8"><title>საჯარო ანგარიში</title></head><body>\n${fragment}\n</body></html>\n`,
    'utf8',
  );
  const { page: tab, external } = await open(page);
  expect(await tab.evaluate(() => document.characterSet)).toBe('UTF-8');
  const heading = (await tab.$('h1')) ? 'h1' : 'h2';
  await checkGeorgian(tab, heading);
  await checkGeorgian(tab, 'p');
  // "You said, we did": the sample's actions reach the page in the wording staff wrote for citizens.
  const body = (await tab.textContent('body')) ?? '';
  expect(body).toContain('თქვენ გვითხარით — ჩვენ ვცვლით');
  for (const action of sampleScenario().actions) expect(body).toContain(String(action.publicWording));
  await tab.screenshot({ path: join(results, 'public-report.png'), fullPage: true });
  // Pictures (charts) are embedded, not fetched.
  const images = await tab.$$eval('img', (nodes) =>
    nodes.map((n) => ({ src: (n as HTMLImageElement).src.slice(0, 30), ok: (n as HTMLImageElement).naturalWidth > 0, alt: n.getAttribute('alt') })),
  );
  for (const image of images) expect(image).toEqual(expect.objectContaining({ ok: true, alt: expect.stringMatching(/\S/) }));
  expect(external).toEqual([]);
  await tab.context().close();
}, 120_000);

/** The analysis report's HTML copy the demo left in Drive (the internal report). */
function analysisReportFile(): string {
  const index = JSON.parse(readFileSync(join(outDir, 'drive', 'index.json'), 'utf8')) as DriveIndexRow[];
  const report = index.find((r) => r.mimeType === 'text/html' && !r.trashed && r.name.startsWith('უკუკავშირის ანალიტიკური ანგარიში'));
  if (!report) throw new Error('the demo left no analysis report HTML in Drive');
  return join(outDir, 'drive', 'files', safeName(report.name));
}

/**
 * Each chart as the browser shows it: drawn for print (≥ 300 pixels an inch at the size it is
 * placed), every bar named — the label column left of the bars holds text in every bar's row.
 */
async function checkCharts(path: string, name: string): Promise<number> {
  const { page, external } = await open(path);
  const charts = await page.$$eval('img', (nodes) =>
    nodes.map((node) => {
      const img = node as HTMLImageElement;
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      const barColour = (x: number, y: number) => {
        const i = (y * canvas.width + x) * 4;
        return data[i] === 0x2b && data[i + 1] === 0x6c && data[i + 2] === 0xb0;
      };
      const dark = (x: number, y: number) => data[(y * canvas.width + x) * 4] < 100;
      // Bars: vertical runs of the bar colour just right of where the first bar starts.
      let barLeft = -1;
      for (let x = 0; x < canvas.width && barLeft < 0; x++)
        for (let y = 0; y < canvas.height; y++)
          if (barColour(x, y)) {
            barLeft = x;
            break;
          }
      const rows: Array<[number, number]> = [];
      for (let y = 0; y < canvas.height; y++) {
        if (!barColour(barLeft + 1, y)) continue;
        if (rows.length && rows[rows.length - 1][1] === y) rows[rows.length - 1][1] = y + 1;
        else rows.push([y, y + 1]);
      }
      const inkLeftOf = rows.map(([top, bottom]) => {
        let ink = 0;
        for (let y = Math.max(0, top - 30); y < Math.min(canvas.height, bottom + 30); y++) for (let x = 0; x < barLeft - 10; x++) if (dark(x, y)) ink++;
        return ink;
      });
      return { naturalWidth: img.naturalWidth, shownWidth: img.getBoundingClientRect().width, alt: img.alt, bars: rows.length, inkLeftOf };
    }),
  );
  for (const chart of charts) {
    // Shown at its print width, 440 pt (587 CSS px), never stretched beyond what it was drawn for.
    expect(chart.shownWidth).toBeGreaterThan(500);
    expect(chart.naturalWidth).toBeGreaterThanOrEqual((300 / 96) * chart.shownWidth);
    expect(chart.bars).toBeGreaterThan(0);
    // One named bar per entry of the alt text ("caption: label: value; label: value").
    expect(chart.alt.split('; ')).toHaveLength(chart.bars);
    for (const ink of chart.inkLeftOf) expect(ink).toBeGreaterThan(300);
  }
  let n = 0;
  for (const image of await page.$$('img')) await image.screenshot({ path: join(results, `${name}-chart-${++n}.png`) });
  await page.screenshot({ path: join(results, `${name}.png`), fullPage: true });
  expect(external).toEqual([]);
  await page.context().close();
  return charts.length;
}

test('the analysis report and the public report show charts with every bar named, drawn for print', async () => {
  expect(await checkCharts(analysisReportFile(), 'analysis-report')).toBeGreaterThanOrEqual(2);
  // The public report page written by the test above, as the website shows it.
  const publicPage = join(results, 'public-report.html');
  if (!existsSync(publicPage)) throw new Error('the public report page test did not run first');
  expect(await checkCharts(publicPage, 'public-report-page')).toBeGreaterThanOrEqual(1);
}, 180_000);
