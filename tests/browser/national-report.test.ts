/**
 * The association's comparison report in a real browser: `--national 3` (small) replayed, its Doc
 * as the output folder renders it opened in headless Chromium from the file system. The funnel
 * plots are drawn (decoded by the browser: their size, and the limits' and dots' colours read back
 * from a canvas), the Georgian text is drawn with Noto Sans Georgian, and nothing is fetched.
 * Screenshots: test-results/browser/national-*.png.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { playNational, writeNationalOutput } from '../../replay/national';
import { t } from '../../src/domain/messages';
import { FUNNEL_HEIGHT, FUNNEL_WIDTH } from '../../src/domain/national-report';

const CHROMIUM = '/usr/bin/chromium';
const results = join(__dirname, '..', '..', 'test-results', 'browser');
const outDir = join(results, 'national-out');
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-core (see README)`);
  mkdirSync(results, { recursive: true });
  writeNationalOutput(playNational({ count: 3, seed: 11, maxCases: 400 }), outDir);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

test('the funnel plots render, with Georgian text in a Georgian font and no outside request', async () => {
  const prefix = t('file.national_report', { period: '' });
  const file = readdirSync(join(outDir, 'docs')).find((name) => name.startsWith(prefix) && name.endsWith('.html'));
  expect(file).toBeDefined();
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const external: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:') || url === 'about:blank') return route.continue();
    external.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto(pathToFileURL(join(outDir, 'docs', file as string)).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));

  const charts = await page.$$eval('img', (nodes) =>
    nodes.map((node) => {
      const img = node as HTMLImageElement;
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, canvas.width || 1, canvas.height || 1).data;
      const colours = new Set<string>();
      for (let i = 0; i < data.length; i += 4) colours.add(((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]).toString(16).padStart(6, '0'));
      return { width: img.naturalWidth, height: img.naturalHeight, alt: img.alt, colours: [...colours] };
    }),
  );
  expect(charts.length).toBeGreaterThanOrEqual(3);
  for (const chart of charts) {
    expect([chart.width, chart.height]).toEqual([FUNNEL_WIDTH, FUNNEL_HEIGHT]);
    // The 95 % (blue) and 99.8 % (red) limits and the national line (black) on every plot.
    expect(chart.colours).toEqual(expect.arrayContaining(['2b6cb0', 'c53030', '1a1a1a']));
    // Dots: green when compared, grey when too few respondents to compare.
    expect(chart.colours.some((c) => c === '2f855a' || c === '9a9a9a')).toBe(true);
    expect(chart.alt).toMatch(/[\u10D0-\u10FF]/);
  }
  expect(charts.some((chart) => chart.colours.includes('2f855a'))).toBe(true);

  const body = (await page.textContent('body')) ?? '';
  expect(body).toContain(t('national.not_a_ranking'));
  expect(body).toMatch(new RegExp(`${t('national.verdict.within')}|${t('national.verdict.too_few')}`));
  const cdp = await context.newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'p' });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  expect(fonts.map((f) => f.familyName)).toEqual(expect.arrayContaining([expect.stringMatching(/Noto Sans Georgian/i)]));

  await page.screenshot({ path: join(results, 'national-report.png'), fullPage: true });
  await page
    .locator('img')
    .first()
    .screenshot({ path: join(results, 'national-funnel.png') });
  expect(external).toEqual([]);
  await context.close();
}, 120_000);
