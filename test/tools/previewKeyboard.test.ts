/**
 * `npm run preview` as a person uses it with the keyboard only, in headless Chromium: the skip link
 * to the sidebar, the grid as one Tab stop with arrow keys (WAI-ARIA grid pattern), editing that
 * keeps the focus and the "Saved" status without reloading either pane, go to cell from the pane's
 * problem list and from the sidebar, the sticky headers, and axe-core in each of those states.
 */
import { join } from 'node:path';
import { Browser, Frame, Page } from 'playwright-core';
import { columnLetters } from '../../runtime';
import { Preview, startPreview } from '../../tools/preview';
import { launchChromium, seriousAxeViolations } from '../support/browser';

const ROOT = join(__dirname, '..', '..');
const CASES = 'Case supervision';
jest.setTimeout(180_000);

let preview: Preview;
let browser: Browser;
let page: Page;
const tabUrl = (tab: string) => new URL(`/workbook?tab=${encodeURIComponent(tab)}`, preview.url).href;
const active = (where: Page | Frame) => where.evaluate(() => document.activeElement?.id ?? '');

/** The case tab's column (1-based) whose header starts with a key question's id. */
async function columnOf(where: Page | Frame, keyQuestionId: string): Promise<number> {
  const headers = await where.locator('#grid tr.frozen td').allInnerTexts();
  return headers.findIndex((header) => header.startsWith(`${keyQuestionId} `)) + 1;
}

beforeAll(async () => {
  preview = await startPreview({ root: ROOT, port: 0 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  // The case tab has 7,000 answer cells: on a busy machine a page takes a while.
  page.setDefaultTimeout(120_000);
  page.setDefaultNavigationTimeout(120_000);
});
afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

describe('preview › the grid is one Tab stop, moved in with arrow keys', () => {
  it('Tab reaches the skip link first; it jumps past the tab list and problems into the grid, where only one cell is a Tab stop', async () => {
    await page.goto(tabUrl(CASES));
    await page.keyboard.press('Tab');
    expect(await active(page)).toBe('skip-cells');
    await page.keyboard.press('Enter');
    const first = await active(page);
    expect(first).toMatch(/^cell-2-\d+$/);
    expect(await page.locator('#grid [tabindex="0"]').count()).toBe(1);
    expect(await page.locator('#grid input').count()).toBeGreaterThanOrEqual(7000);

    const [, column] = /^cell-2-(\d+)$/.exec(first)!.map(Number);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    expect(await active(page)).toBe(`cell-4-${column + 1}`);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    expect(await active(page)).toBe(`cell-3-${column}`);
    // Tab leaves the grid at once; Shift+Tab comes back to the same cell.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('#grid'))).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await active(page)).toBe(`cell-3-${column}`);
    expect(await page.locator('#grid [tabindex="0"]').count()).toBe(1);
  });

  it("Home goes to the row's first cell, Ctrl+Home to the tab's (A1), as docs/commands.md says; no key leaves the focus on a row number, a column letter or the corner", async () => {
    await page.goto(tabUrl(CASES));
    /** The focused cell as the tab's A1 reference (column A is cell 1 of a table row), or what else has the focus. */
    const at = () =>
      page.evaluate(() => {
        const cell = document.activeElement?.closest('#grid td, #grid th') as HTMLTableCellElement | null;
        if (!cell) return `not a cell: ${document.activeElement?.tagName}`;
        const row = (cell.parentElement as HTMLTableRowElement).rowIndex;
        if (row === 0 || cell.cellIndex === 0) return `a heading: ${cell.tagName} "${cell.textContent}"`;
        return `${String.fromCharCode(64 + cell.cellIndex)}${row}`; // the columns used here are A–Z
      });
    const column = await columnOf(page, '2.1.1');
    await page.locator(`#cell-5-${column}`).focus();
    await page.keyboard.press('Home');
    expect(await at()).toBe('A5');
    await page.keyboard.press('ArrowLeft');
    expect(await at()).toBe('A5');
    await page.keyboard.press('PageDown');
    expect(await at()).toBe('A15');
    await page.keyboard.press('Control+Home');
    expect(await at()).toBe('A1');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowLeft');
    expect(await at()).toBe('A1');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('PageDown');
    expect(await at()).toBe('B11');
    // A click on a row number selects the row's first cell, and the keys go on from there.
    await page.locator('#grid tbody th[scope="row"]', { hasText: /^7$/ }).click();
    expect(await at()).toBe('A7');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('ArrowLeft');
    expect(await at()).toBe('A17');
    expect(await page.locator('#grid [tabindex="0"]').count()).toBe(1);
  });

  it('shows every dropdown value whole: each answer and metadata cell is as wide as the longest value it offers ("Community" is not cut)', async () => {
    await page.goto(tabUrl(CASES));
    const headers = await page.locator('#grid tr.frozen td').allInnerTexts();
    const sentenceType = headers.indexOf('Sentence type') + 1;
    expect(sentenceType).toBeGreaterThan(0);
    expect(await page.locator(`#cell-2-${sentenceType}`).inputValue()).toMatch(/^(Community|Licence)$/);
    // Each cell of the first case row (the others are as wide), holding in turn each value it offers,
    // shows the value whole: nothing to scroll to in the input, and the input not clipped by its cell.
    const cut = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLInputElement>('#grid input[data-row="2"]')).flatMap((input) => {
        const held = input.value;
        const over = Array.from(input.list?.options ?? [], (option) => option.value).filter((value) => {
          input.value = value;
          return input.scrollWidth > input.clientWidth || input.getBoundingClientRect().right > (input.parentElement as HTMLElement).getBoundingClientRect().right;
        });
        input.value = held;
        return over.map((value) => `${input.id} "${value}"`);
      }),
    );
    expect(cut).toEqual([]);
  });

  it('Enter edits, Escape cancels without saving; F2 edits, Enter saves: the focus and the "Saved" status stay on the cell, the page is not reloaded', async () => {
    await page.goto(tabUrl(CASES));
    const column = await columnOf(page, '2.1.1');
    const id = `cell-5-${column}`;
    await page.locator(`#${id}`).focus();
    const before = await page.locator(`#${id}`).inputValue();
    const other = before === 'Yes' ? 'No' : 'Yes';
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    await page.keyboard.press('Enter');
    expect(await page.locator(`#${id}`).evaluate((input) => (input as HTMLInputElement).readOnly)).toBe(false);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Maybe');
    await page.keyboard.press('Escape');
    expect(await page.locator(`#${id}`).inputValue()).toBe(before);
    expect(await active(page)).toBe(id);
    expect(preview.runtime.values(CASES, `${columnLetters(column)}5`)[0][0]).toBe(before);

    await page.keyboard.press('F2');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(other);
    await page.keyboard.press('Enter');
    await page.locator('#status', { hasText: /^Saved / }).waitFor();
    expect(await active(page)).toBe(id);
    expect(await page.locator(`#${id}`).inputValue()).toBe(other);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    // Arrow keys work again at once: the cell is back in navigation mode.
    await page.keyboard.press('ArrowDown');
    expect(await active(page)).toBe(`cell-6-${column}`);
  });

  it('a problem that blocks a rating is listed before the key questions not answered yet', async () => {
    await page.goto(tabUrl(CASES));
    const column = await columnOf(page, '2.2.1');
    // Row 2 left blank (not answered yet), row 9 given "Maybe" (blocks 2.2's rating).
    for (const [row, text] of [[2, ''], [9, 'Maybe']] as const) {
      await page.locator(`#cell-${row}-${column}`).focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      if (text) await page.keyboard.type(text);
      await page.keyboard.press('Enter');
      await page.locator('#status', { hasText: new RegExp(`^Saved ${CASES} [A-Z]+${row};`) }).waitFor();
    }
    const problems = await page.locator('#problems li').allInnerTexts();
    expect(problems[0]).toMatch(/^Case supervision![A-Z]+9: Row 9, column "2\.2\.1 .*": "Maybe" is not an answer/);
    expect(problems.findIndex((text) => /Row 2, column "2\.2\.1 .*not answered yet/.test(text))).toBeGreaterThan(0);
  });

  it("a problem's link selects and focuses its cell, on another tab too, by keyboard", async () => {
    await page.goto(tabUrl('Ratings'));
    const link = page.locator('#problems a', { hasText: /!([A-Z]+)9$/ }).first();
    const [row, column] = [await link.getAttribute('data-row'), await link.getAttribute('data-column')];
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/tab=Case%20supervision/);
    await page.waitForFunction((wanted) => document.activeElement?.id === wanted, `cell-${row}-${column}`);
    expect(await page.locator('#grid [tabindex="0"]').getAttribute('id')).toBe(`cell-${row}-${column}`);
    // On the same tab it moves the focus without loading the page again.
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    await page.locator('#problems a').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((wanted) => document.activeElement?.id === wanted, `cell-${row}-${column}`);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  it('keeps the column letters, the header row, the row numbers and Case ID in view, and a focused cell clear of them, scrolled right and down', async () => {
    await page.goto(tabUrl(CASES));
    const last = await page.locator('#grid tr').nth(60).locator('input').last().getAttribute('id');
    await page.locator(`#${last}`).focus();
    const boxes = await page.evaluate((id) => {
      const grid = document.getElementById('grid')!;
      const table = grid.querySelector('table')!;
      const box = (element: Element) => element.getBoundingClientRect();
      const cell = box(document.getElementById(id!)!.closest('td')!);
      const row = table.rows[60];
      return {
        scrolled: [grid.scrollLeft, grid.scrollTop],
        view: box(grid),
        cell,
        letters: box(table.rows[0].cells[row.cells.length - 1]),
        header: box(table.rows[1].cells[row.cells.length - 1]),
        rowNumber: box(row.cells[0]),
        caseId: box(row.querySelector('.key')!),
        caseIdHeader: (table.rows[1].querySelector('.key') as HTMLElement).innerText,
      };
    }, last);
    expect(boxes.scrolled[0]).toBeGreaterThan(0);
    expect(boxes.scrolled[1]).toBeGreaterThan(0);
    expect(boxes.caseIdHeader).toBe('Case ID');
    // Sticky: letters and header rows at the top of the grid, row number and Case ID at its left.
    expect(boxes.letters.top).toBeCloseTo(boxes.view.top, 0);
    expect(boxes.header.top).toBeCloseTo(boxes.letters.bottom, 0);
    expect(boxes.rowNumber.left).toBeCloseTo(boxes.view.left, 0);
    expect(boxes.caseId.left).toBeCloseTo(boxes.rowNumber.right, 0);
    // The focused cell is wholly below the header rows and right of the sticky columns (WCAG 2.4.11).
    expect(boxes.cell.top).toBeGreaterThanOrEqual(boxes.header.bottom - 1);
    expect(boxes.cell.left).toBeGreaterThanOrEqual(boxes.caseId.right - 1);
    // Moving left and up by keyboard keeps each focused cell in the clear as well.
    for (const key of ['ArrowLeft', 'ArrowUp']) {
      for (let step = 0; step < 12; step += 1) await page.keyboard.press(key);
      const clear = await page.evaluate(() => {
        const table = document.querySelector('#grid table') as HTMLTableElement;
        const cell = (document.activeElement!.closest('td, th') as HTMLElement).getBoundingClientRect();
        const header = table.rows[1].cells[1].getBoundingClientRect();
        const caseId = (table.rows[1].querySelector('.key') as HTMLElement).getBoundingClientRect();
        return cell.top >= header.bottom - 1 && cell.left >= caseId.right - 1;
      });
      expect(clear).toBe(true);
    }
  });

  it('has no serious or critical accessibility violations with a cell selected, and while it is being edited', async () => {
    await page.goto(tabUrl('Through the Gate'));
    await page.locator('#skip-cells').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowRight');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('F2');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).readOnly)).toBe(false);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('preview › the workbook beside the sidebar', () => {
  const workbook = () => page.frame({ url: /\/workbook/ })!;
  const sidebar = () => page.frame({ url: /\/sidebar/ })!;
  const mark = (frame: Frame) => frame.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  const marked = (frame: Frame) => frame.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);

  beforeAll(async () => {
    await page.goto(preview.url);
    await sidebar().locator('#problems-summary').filter({ hasText: /problem/ }).waitFor();
  });

  it('Tab from the page reaches "Skip to the sidebar" first, and Enter puts the focus in the sidebar', async () => {
    await page.keyboard.press('Tab');
    expect(await active(page)).toBe('skip-sidebar');
    await page.keyboard.press('Enter');
    expect(await active(page)).toBe('sidebar');
    expect(await sidebar().evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('an edit in the pane keeps its focus and "Saved" status; the sidebar reads the overview again in place; neither reloads', async () => {
    await workbook().goto(tabUrl(CASES));
    await mark(workbook());
    await mark(sidebar());
    const summary = await sidebar().locator('#problems-summary').innerText();
    const column = await columnOf(workbook(), '2.3.1');
    const id = `cell-12-${column}`;
    // Row 3 not answered yet, above the row about to get an invalid answer.
    preview.runtime.setCellValues(CASES, `${columnLetters(column)}3`, [['']]);
    await workbook().locator(`#${id}`).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Perhaps');
    await page.keyboard.press('Enter');
    await workbook().locator('#status', { hasText: /^Saved / }).waitFor();
    await sidebar().locator('#problems-summary').filter({ hasNotText: summary }).waitFor();
    // Blocking problems first in the sidebar too: row 12's invalid answer before row 3's blank.
    const listed = await sidebar().locator('#problem-list button.problem').allInnerTexts();
    const invalid = listed.findIndex((text) => /Row 12, column "2\.3\.1 .*"Perhaps" is not an answer/.test(text));
    const blank = listed.findIndex((text) => /Row 3, column "2\.3\.1 .*not answered yet/.test(text));
    expect(invalid).toBeGreaterThanOrEqual(0);
    expect(blank).toBeGreaterThan(invalid);
    // Give a reload that would follow (as it did, about 2 s later) the time to happen.
    await page.waitForTimeout(3000);
    expect(await marked(workbook())).toBe(true);
    expect(await marked(sidebar())).toBe(true);
    expect(await workbook().evaluate(() => document.hasFocus())).toBe(true);
    expect(await sidebar().evaluate(() => document.hasFocus())).toBe(false);
    expect(await active(workbook())).toBe(id);
    expect(await workbook().locator('#status').innerText()).toMatch(/^Saved Case supervision [A-Z]+12;/);
  });

  it("the sidebar's go to cell selects the cell in the pane, and editor.focus() moves the focus there", async () => {
    const button = sidebar().locator('#problem-list button.problem').first();
    const cell = (await button.locator('.problem-cell').innerText()).split('!')[1];
    await button.focus();
    await page.keyboard.press('Enter');
    await workbook().waitForFunction((wanted) => {
      const target = document.querySelector('#grid [tabindex="0"]') as HTMLElement | null;
      return target?.getAttribute('aria-label')?.startsWith(wanted);
    }, `Case supervision ${cell},`);
    await sidebar().evaluate(() => (window as unknown as { google: { script: { host: { editor: { focus(): void } } } } }).google.script.host.editor.focus());
    await page.waitForFunction(() => document.activeElement?.id === 'workbook');
    await workbook().waitForFunction((wanted) => (document.activeElement as HTMLElement | null)?.getAttribute('aria-label')?.startsWith(wanted), `Case supervision ${cell},`);
    expect(await seriousAxeViolations(workbook().page())).toEqual([]);
  });

  it('go to cell on another tab switches the pane to that tab and focuses the cell', async () => {
    await workbook().goto(tabUrl('Ratings'));
    const button = sidebar().locator('#problem-list button.problem').first();
    const cell = (await button.locator('.problem-cell').innerText()).split('!')[1];
    await button.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /tab=Case%20supervision/.test((document.getElementById('workbook') as HTMLIFrameElement).contentWindow!.location.search));
    await sidebar().evaluate(() => (window as unknown as { google: { script: { host: { editor: { focus(): void } } } } }).google.script.host.editor.focus());
    await workbook().waitForFunction((wanted) => (document.activeElement as HTMLElement | null)?.getAttribute('aria-label')?.startsWith(wanted), `Case supervision ${cell},`);
    expect(await active(page)).toBe('workbook');
  });
});
