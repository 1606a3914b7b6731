// The bulk run a consultant makes: 300 documents and some broken files give a CSV row each, and
// an HTML report that works in a real browser (Debian's chromium, headless, driven by
// playwright-core): no console errors, nothing fetched, sorting, and finding links that scroll
// to their highlight. The test saves screenshots in test/.tmp/ to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { writeCorpus } from '../scripts/lib/strategy-corpus.js';
import { ROOT, stratlint, tempDir } from './helpers.js';
import { parseCsv } from './support/csv.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test', '.tmp');
const SLOW = { timeout: 600_000 };

// In CI the browser must be there (.ci/run installs it); elsewhere the test says why it is skipped.
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)`);

/** A fresh profile each time: nothing from an earlier run or another browser. */
async function launch(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(tempDir('stratlint-chromium-'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
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
}

/** Opens a report, failing on any console error, page error or request that leaves the file. */
async function open(browser: BrowserContext, file: string, problems: string[]): Promise<Page> {
  const page = await browser.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) problems.push(`request: ${r.url()}`);
  });
  await page.goto(pathToFileURL(file).href);
  return page;
}

const column = (page: Page, index: number) =>
  page.$$eval('table.portfolio tbody tr', (rows, i) => rows.map((r) => (r as HTMLTableRowElement).cells[i]!.dataset.value ?? ''), index);

const HOSTILE_TEXT = `# Plan <script>alert("text")</script>

Residents told us </pre><img src=x onerror="alert('pre')"> that forms are hard & slow.

## Our priorities

We will leverage synergies and harness the power of AI by 2040.
`;

describe.skipIf(!haveChromium)('the HTML report in Chromium', SLOW, () => {
  let browser: BrowserContext;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('sorts, links findings to their highlights and escapes what documents say', async () => {
    const dir = tempDir('stratlint-html-');
    writeCorpus(dir, { documents: 6, words: 400, broken: true });
    for (const name of ['northshire-ten-year-vision.md', 'riverside-council-digital-strategy.md']) {
      writeFileSync(join(dir, name), readFileSync(join(ROOT, 'fixtures/strategies', name)));
    }
    writeFileSync(join(dir, `<img src=x onerror="alert('path')"> & "co".md`), HOSTILE_TEXT);
    const r = stratlint(['.', '--format', 'html', '--output-file', 'report/report.html'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const html = readFileSync(join(dir, 'report/report.html'), 'utf8');
    expect(html).not.toMatch(/<script>alert|<img src=x/);
    expect(html).toContain('&lt;script&gt;alert(&quot;text&quot;)&lt;/script&gt;');

    const problems: string[] = [];
    const page = await open(browser, join(dir, 'report/report.html'), problems);
    expect(await page.locator('table.portfolio tbody tr').count()).toBe(12);
    expect(await page.locator('section.document').count()).toBe(12);

    // Score: worst first, then best first; documents with no score stay at the bottom.
    await page.getByRole('button', { name: 'Score' }).click();
    const up = await column(page, 1);
    const scores = up.filter((v) => v !== '').map(Number);
    expect(scores.length).toBe(9);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(up.slice(9)).toEqual(['', '', '']);
    expect(await page.locator('th', { has: page.getByRole('button', { name: 'Score' }) }).getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('button', { name: 'Score' }).click();
    const down = (await column(page, 1)).filter((v) => v !== '').map(Number);
    expect(down).toEqual([...scores].reverse());
    // A sign: the strongest bad sign first.
    await page.getByRole('button', { name: 'Too long-term' }).click();
    const levels = (await column(page, 2 + 10)).filter((v) => v !== '').map(Number);
    expect(levels).toEqual([...levels].sort((a, b) => b - a));
    expect(levels[0]).toBe(2);
    await page.screenshot({ path: join(SHOTS, 'report.png') });

    // A finding far down the page: its link opens the text and scrolls its highlight into view.
    const section = page.locator('section.document', { has: page.locator('h2', { hasText: 'northshire-ten-year-vision.md' }) });
    const link = section.locator('a.finding-link', { hasText: '15:4' }).first();
    await link.scrollIntoViewIfNeeded();
    await link.click();
    const target = page.locator((await link.getAttribute('href'))!);
    await expect.poll(() => target.evaluate((el) => el.closest('details')!.open)).toBe(true);
    await expect.poll(() => target.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
    })).toBe(true);
    expect(await target.evaluate((el) => el.tagName)).toBe('MARK');
    expect(await target.textContent()).toBe('2035');
    expect(await target.getAttribute('class')).toContain('flash');
    await page.screenshot({ path: join(SHOTS, 'report-document.png') });

    // The hostile document is shown as text.
    const hostile = page.locator('section.document', { has: page.locator('h2', { hasText: '<img src=x' }) });
    expect(await hostile.locator('pre.doc-text').textContent()).toContain('</pre><img src=x onerror="alert(\'pre\')">');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('prints: every document on its own page, with its text', async () => {
    const dir = tempDir('stratlint-print-');
    writeCorpus(dir, { documents: 4, words: 300 });
    stratlint(['.', '--format', 'html', '--output-file', 'report.html'], { cwd: dir });
    const problems: string[] = [];
    const page = await open(browser, join(dir, 'report.html'), problems);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('section.document').first().evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page');
    expect(await page.locator('thead button').first().evaluate((el) => getComputedStyle(el, '::after').display)).toBe('none');
    // Closed document texts open for printing, and close again after.
    expect(await page.locator('details.text[open]').count()).toBe(0);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await page.locator('details.text[open]').count()).toBe(4);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.locator('details.text[open]').count()).toBe(0);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a run over 300 documents and broken files: a CSV row each, the errors, exit code 2, and a report that opens', async () => {
    const dir = tempDir('stratlint-300-');
    const names = writeCorpus(join(dir, 'strategies'), { documents: 300, words: 400, broken: true });
    expect(names).toHaveLength(303);

    // The CSV through the worker pool, the report in one thread (the default on two cores).
    const csv = stratlint(['strategies', '--format', 'csv', '--jobs', '2'], { cwd: dir });
    expect(csv.code).toBe(2);
    const [header, ...rows] = parseCsv(csv.stdout.slice(1));
    expect(rows.map((row) => row[0])).toEqual(names.map((n) => `strategies/${n}`));
    const problem = header!.indexOf('file error');
    const broken = Object.fromEntries(rows.filter((row) => row[problem]).map((row) => [row[0], row[problem]]));
    expect(broken).toEqual({
      'strategies/binary.md': 'binary: File is binary, not a text document',
      'strategies/empty.md': 'empty: File is empty',
      'strategies/latin1.md': 'encoding: File is not valid UTF-8 text (save it as UTF-8)',
    });
    expect(csv.stderr.trim().split('\n')).toHaveLength(3);

    const r = stratlint(['strategies', '--format', 'html', '--output-file', 'report.html'], { cwd: dir });
    expect(r.code).toBe(2);
    const problems: string[] = [];
    const page = await open(browser, join(dir, 'report.html'), problems);
    expect(await page.locator('table.portfolio tbody tr').count()).toBe(303);
    await page.getByRole('button', { name: 'Score' }).click();
    const scores = (await column(page, 1)).filter((v) => v !== '').map(Number);
    expect(scores).toHaveLength(300);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    await page.screenshot({ path: join(SHOTS, 'report-300.png') });
    expect(problems).toEqual([]);
    await page.close();
  });
});
