/**
 * `npm run preview`: the edit loop in headless Chromium. Typing an answer (keyboard only) changes a
 * rating on the Ratings tab; typing "Maybe" lists the problem with its cell and leaves the other
 * standards rated; the Key questions tab draws the chart. And a signal to npm stops the server.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { columnLetters } from '../../runtime';
import { Preview, startPreview } from '../../tools/preview';
import { launchChromium, seriousAxeViolations } from '../support/browser';

const ROOT = join(__dirname, '..', '..');
jest.setTimeout(60_000);

describe('preview › typing in the workbook recalculates it, in Chromium', () => {
  let preview: Preview;
  let browser: Browser;
  let page: Page;
  const tabUrl = (tab: string) => new URL(`/workbook?tab=${encodeURIComponent(tab)}`, preview.url).href;

  /** The Ratings tab's row for a standard, as its cells show: id, name, rating, score, indicative, panel move. */
  async function ratingsRow(id: string): Promise<string[]> {
    await page.goto(tabUrl('Ratings'));
    // Column A (the first td after the row number): the figure blocks to the right also hold standard ids.
    const row = page.locator('main table tr', { has: page.locator(`td:first-of-type[title="${id}"]`) });
    return (await row.locator('td').allInnerTexts()).map((text) => text.trim());
  }

  /** Types into a case tab's cell with the keyboard (focus, select all, type, Enter), waiting for the redraw. */
  async function typeAnswer(tab: string, keyQuestionId: string, nth: number, from: string, text: string): Promise<string> {
    await page.goto(tabUrl(tab));
    const headers = await page.locator('main table tr.frozen td').allInnerTexts();
    const column = headers.findIndex((header) => header.startsWith(`${keyQuestionId} `)) + 1;
    const inputs = await page.locator(`input[data-column="${column}"]`).evaluateAll((elements, wanted) => elements.filter((input) => (input as HTMLInputElement).value === wanted).map((input) => input.id), from);
    const id = inputs[nth];
    await page.locator(`#${id}`).focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await page.locator('#status', { hasText: /^Saved / }).waitFor();
    await page.waitForFunction((wanted) => document.activeElement?.id === wanted, id);
    return id;
  }

  beforeAll(async () => {
    preview = await startPreview({ root: ROOT, port: 0 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  it('offers the dropdown values in answer cells, labelled for a screen reader', async () => {
    await page.goto(tabUrl('Through the Gate'));
    // After the seven metadata columns and the Framework: header, 4.2.1(a) is column I.
    const input = page.locator('#cell-2-9');
    expect(await input.getAttribute('aria-label')).toMatch(/^Through the Gate I2, 4\.2\.1\(a\) /);
    const list = await input.getAttribute('list');
    expect(await page.locator(`datalist#${list} option`).evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))).toEqual(['Yes', 'No', 'N/A']);
  });

  it('an answer typed changes the rating: one more Yes on 4.2.2 makes Through the Gate Outstanding before the panel', async () => {
    expect((await ratingsRow('4.2')).slice(2, 5)).toEqual(['Outstanding', '3', 'Good']);
    const id = await typeAnswer('Through the Gate', '4.2.2', 0, 'No', 'Yes');
    expect(await page.locator(`#${id}`).inputValue()).toBe('Yes');
    expect((await ratingsRow('4.2')).slice(2, 6)).toEqual(['Outstanding', '3', 'Outstanding', '']);
  });

  it('"Maybe" is listed as a problem with its cell, and the other standards stay rated', async () => {
    const id = await typeAnswer('Case supervision', '2.4.1', 0, 'Yes', 'Maybe');
    const [, row, column] = /^cell-(\d+)-(\d+)$/.exec(id)!;
    const cellName = `${columnLetters(Number(column))}${row}`;
    const problems = await page.locator('#problems li').allInnerTexts();
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^Case supervision!${cellName}: Row ${row}, column "2\\.4\\.1 .*": "Maybe" is not an answer`)));
    expect(await page.locator(`#${id}`).getAttribute('aria-invalid')).toBe('true');
    expect((await ratingsRow('2.1')).slice(2, 3)).toEqual(['Good']);
    expect((await ratingsRow('2.2')).slice(2, 3)).toEqual(['Good']);
    expect((await ratingsRow('2.3')).slice(2, 3)).toEqual(['Inadequate']);
    expect((await ratingsRow('4.1')).slice(2, 3)).toEqual(['Good']);
    // R12: the standard's own cell names the problem; the others stay rated.
    expect((await ratingsRow('2.4'))[2]).toMatch(/^Error: Row 3, column "2\.4\.1 .*": "Maybe" is not an answer/);
  });

  it('draws the chart on the Key questions tab, a bar per key question with a percentage', async () => {
    await page.goto(tabUrl('Key questions'));
    // 18 counted key questions; 2.4.1, whose column now holds "Maybe", is drawn as an error, never dropped.
    expect(await page.locator('figure svg [aria-roledescription="bar"]').count()).toBe(18);
    expect(await page.locator('figure svg [aria-roledescription="bar"][aria-label^="2.4.1: error"]').count()).toBe(1);
    expect(await page.locator('figure svg [aria-roledescription="rule mark"]').count()).toBe(3);
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    await page.goto(tabUrl('Through the Gate'));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto(preview.url);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('preview › a signal to npm stops the server', () => {
  it('frees the port after SIGTERM to `npm run preview`', async () => {
    const port = await freePort();
    const npm = spawn('npm', ['run', 'preview'], { cwd: ROOT, env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    npm.stdout.on('data', (chunk) => (output += chunk));
    npm.stderr.on('data', (chunk) => (output += chunk));
    await new Promise<void>((resolve, reject) => {
      npm.stdout.on('data', () => output.includes('Inspection Ratings preview:') && resolve());
      npm.on('exit', () => reject(new Error(`npm run preview ended early:\n${output}`)));
    });
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    const exited = new Promise((resolve) => npm.on('exit', resolve));
    npm.kill('SIGTERM');
    await exited;
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    expect(output).toContain('Preview stopped (SIGTERM).');
  });
});
