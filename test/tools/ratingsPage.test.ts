/**
 * `rate --html`: the printable ratings page of the example inspection, opened in headless Chromium
 * with every network request refused: the chart is drawn against the boundaries, the page prints
 * to an A4 PDF, and axe-core finds no serious accessibility problem.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { writeRatingsPage } from '../../tools/ratingsPage';
import { openSession, readWorkbookFile, sessionReport } from '../../tools/workbookSession';
import { EXAMPLE } from '../../tools/demo';
import { launchChromium, seriousAxeViolations } from '../support/browser';

const ROOT = join(__dirname, '..', '..');
jest.setTimeout(60_000);

describe('tools › the ratings page (rate --html) in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-page-'));
  const file = join(dir, 'ratings.html');
  const requests: string[] = [];
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const session = openSession(ROOT, await readWorkbookFile(join(ROOT, EXAMPLE)));
    await writeRatingsPage(sessionReport(session), file);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    await page.goto(`file://${file}`);
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is titled from the Inspection tab, not the file name, with its details labelled', async () => {
    expect(await page.locator('h1').innerText()).toBe('Thames Valley Community Rehabilitation Company');
    expect(await page.locator('dl.details dt').allInnerTexts()).toEqual(['Inspection', 'Framework', 'Fieldwork dates', 'Lead inspector', 'Report date']);
    expect(await page.locator('dl.details dd').nth(3).innerText()).toBe('not given — fill in the Inspection tab');
    expect(await page.title()).toBe('Thames Valley Community Rehabilitation Company: ratings');
  });

  it('heads the comparison columns as the Inspection tab names them, and puts the data problems last', async () => {
    const headers = await page.locator('table.key-questions thead th').allInnerTexts();
    expect(headers.slice(-2)).toEqual(['Previous inspection (2018)', 'All CRCs']);
    expect(await page.locator('main > :last-child h2').innerText()).toMatch(/^Data problems/);
  });

  it('shows every band name in the chart legend in full', async () => {
    const legend = await page.locator('figure svg text').allTextContents();
    expect(legend).toEqual(expect.arrayContaining(['Inadequate', 'Requires improvement', 'Good', 'Outstanding']));
  });

  it('needs nothing from the network', () => {
    expect(requests).toEqual([]);
  });

  it('shows the ratings table with the panel moves and the overall 17/30, Good', async () => {
    const rows = await page.locator('table.ratings tbody tr:not(.domain)').allInnerTexts();
    expect(rows).toHaveLength(10);
    expect(await page.locator('table.ratings tr.domain').allInnerTexts()).toEqual(['1. Organisational delivery', '2. Case supervision', '3. CRC-specific work']);
    expect(rows.find((row) => row.startsWith('2.2'))).toMatch(/Planning\tRequires improvement\tGood\t2\tPanel: Requires improvement → Good/);
    // The overall rating under its own heading, not under a column of the table.
    expect(await page.locator('section[aria-labelledby="overall-heading"]').innerText()).toMatch(/^Overall rating\s+Good Score 17\/30$/);
  });

  it('colours every key question by its band and shows the previous and all-CRCs figures', async () => {
    const row = page.locator('table.key-questions tr', { has: page.locator('th', { hasText: /^2\.2\.3$/ }) });
    expect(await row.innerText()).toMatch(/48\t79\t61%\tRequires improvement\t57% \(n \d+\)\t46% \(n \d+\)/);
    const band = row.locator('td.band');
    expect(await band.evaluate((cell) => getComputedStyle(cell).backgroundColor)).toBe('rgb(252, 232, 178)');
    expect(await page.locator('table.key-questions td.band').count()).toBe(18);
  });

  it('lists the panel judgements with their rationales', async () => {
    const panel = await page.locator('section[aria-labelledby="panel-heading"] li').allInnerTexts();
    expect(panel).toHaveLength(2);
    expect(panel[0]).toMatch(/^2\.2 Planning\nThe ratings panel moved the rating from Requires improvement to Good \(61% is 4 points below the 65% boundary, within 5\)\.\nRationale: .+/);
  });

  it('draws a bar per key question against the 50, 65 and 80% boundaries', async () => {
    const chart = page.locator('figure svg');
    expect(await chart.count()).toBe(1);
    const bars = chart.locator('[aria-roledescription="bar"]');
    expect(await bars.count()).toBe(18);
    const rules = chart.locator('[aria-roledescription="rule mark"]');
    expect(await rules.evaluateAll((lines) => lines.map((line) => line.getAttribute('aria-label')))).toEqual(['Requires improvement from 50%', 'Good from 65%', 'Outstanding from 80%']);
    // Each boundary is labelled on the chart itself, not only for screen readers.
    expect(await chart.locator('text').allTextContents()).toEqual(expect.arrayContaining(['Requires improvement from 50%', 'Good from 65%', 'Outstanding from 80%']));
    // 2.1.1 is 65%: its bar's top is on the 65% line; 2.3.2 (44%) stops below the 50% line (SVG y grows downwards).
    const barTop = async (label: string) => Number(/^M[-\d.]+,([-\d.]+)/.exec((await chart.locator(`[aria-label^="${label}"]`).getAttribute('d'))!)![1]);
    const ruleY = async (label: string) => Number(/translate\([-\d.]+,([-\d.]+)\)/.exec((await chart.locator(`[aria-label="${label}"]`).getAttribute('transform'))!)![1]);
    expect(await barTop('2.1.1: 65%')).toBeCloseTo(await ruleY('Good from 65%'), 6);
    expect(await barTop('2.3.2: 44%')).toBeGreaterThan(await ruleY('Requires improvement from 50%'));
    expect(await ruleY('Outstanding from 80%')).toBeLessThan(await ruleY('Good from 65%'));
  });

  it('prints to an A4 PDF', async () => {
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
