/**
 * docs/report.md: one list of data problems, in one order with one count, wherever it is shown — the
 * console text, `--json`, the `--html` page, the `--docx --panel-pack` document, the sidebar and the
 * preview's workbook pane — on a workbook with problems on several tabs and a refused panel rating.
 * The expected order is written here by hand from the rule in docs/user-guide.md: problems that
 * block a rating first, then those the method questions, each group tab by tab, row by row.
 */
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { columnLetter } from '../../src/core/a1';
import { Preview, startPreview } from '../../tools/preview';
import { launchChromium } from '../support/browser';
import { ROOT, runTool } from '../support/commands';

const EXAMPLE = join(ROOT, 'examples', 'thames-valley-2019', 'thames-valley-2019.xlsx');
jest.setTimeout(240_000);

/** The column letter of the first header starting with `prefix` on a sheet. */
function columnStarting(sheet: ExcelJS.Worksheet, prefix: string): string {
  const index = (sheet.getRow(1).values as unknown[]).findIndex((cell) => typeof cell === 'string' && cell.startsWith(prefix));
  if (index < 1) throw new Error(`${sheet.name} has no column starting "${prefix}".`);
  return columnLetter(index);
}

describe('tools › the data problems in one order with one count everywhere', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-problems-'));
  const file = join(dir, 'problems.xlsx');
  let expected: string[];
  let browser: Browser;
  let preview: Preview;

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(EXAMPLE);
    const cases = workbook.getWorksheet('Case supervision')!;
    const unpaid = workbook.getWorksheet('Unpaid work')!;
    const invalid = `${columnStarting(cases, '2.3.2 ')}4`;
    cases.getCell(invalid).value = 'Maybe';
    // Case 9 of Unpaid work takes case 8's ID: a duplicate, which the method questions.
    unpaid.getCell('A9').value = unpaid.getCell('A8').value;
    // Domain one's 1.1 rated "Great": not a band, so 1.1 cannot be rated.
    workbook.getWorksheet('Domain one')!.getCell('D2').value = 'Great';
    // The panel rates 2.1 without a rationale (R6): refused.
    workbook.getWorksheet('Panel')!.getCell('D2').value = 'Good';
    // 74 typed for 74% as 2.1.1's previous figure.
    workbook.getWorksheet('Comparison')!.getCell('C2').value = 74;
    await workbook.xlsx.writeFile(file);
    expected = [`Case supervision!${invalid}`, 'Domain one!D2', 'Unpaid work!A9', 'Panel!D2', 'Comparison!C2'];
    browser = await launchChromium();
    preview = await startPreview({ root: ROOT, port: 0, file });
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same cells in the same order, and the same count, in the console, --json, --html, --docx --panel-pack, the sidebar and the preview pane', async () => {
    const html = join(dir, 'page.html');
    const docx = join(dir, 'pack.docx');
    const rated = await runTool('rate.ts', [file, '--json', '--html', html, '--docx', docx, '--panel-pack']);
    expect(rated.status).toBe(0);
    const stdout = rated.stdout.split('\n');
    const shown: Record<string, { count: number; cells: string[] }> = {};

    const heading = stdout.findIndex((line) => /^Data problems \(\d+\):$/.test(line));
    const end = stdout.findIndex((line, index) => index > heading && !line.startsWith('  '));
    const consoleLines = stdout.slice(heading + 1, end);
    shown.console = { count: Number(/\((\d+)\)/.exec(stdout[heading])![1]), cells: consoleLines.map((line) => line.trim().split(': ')[0]) };

    const json = JSON.parse(stdout.filter((line) => line.startsWith('{')).pop()!) as { problems: Array<{ tab: string; cell: string }> };
    shown.json = { count: json.problems.length, cells: json.problems.map((problem) => `${problem.tab}!${problem.cell}`) };

    const page = readFileSync(html, 'utf8');
    const section = /<h2 id="problems-heading">Data problems \((\d+)\)<\/h2><ul>([\s\S]*?)<\/ul>/.exec(page)!;
    shown.html = { count: Number(section[1]), cells: [...section[2].matchAll(/<li>([^:]+):/g)].map(([, cell]) => cell) };

    const lines = (await mammoth.extractRawText({ path: docx })).value.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    const docHeading = lines.findIndex((line) => /^Data problems \(\d+\)$/.test(line));
    shown.docx = { count: Number(/\((\d+)\)/.exec(lines[docHeading])![1]), cells: lines.slice(docHeading + 1).map((line) => line.split(': ')[0]) };

    const sidebar = await browser.newPage();
    await sidebar.goto(new URL('/sidebar', preview.url).href);
    await sidebar.locator('#problem-list button.problem').first().waitFor();
    const summary = await sidebar.locator('#problems-summary').innerText();
    shown.sidebar = { count: Number(/^(\d+) problems? in the workbook/.exec(summary)![1]), cells: await sidebar.locator('#problem-list .problem-cell').allInnerTexts() };

    const pane = await browser.newPage();
    await pane.goto(new URL('/workbook', preview.url).href);
    const paneHeading = await pane.locator('#problems-heading').innerText();
    shown.preview = { count: Number(/\((\d+)\)/.exec(paneHeading)![1]), cells: await pane.locator('#problems li a').allInnerTexts() };

    for (const where of Object.keys(shown)) expect([where, shown[where]]).toEqual([where, { count: expected.length, cells: expected }]);
  });

  it('lists what the draft report leaves to write, and says there are data problems on its title page', async () => {
    const draft = join(dir, 'draft.docx');
    const rated = await runTool('rate.ts', [file, '--docx', draft]);
    expect(rated.status).toBe(0);
    // The foreword, overall findings, recommendations, background, two per standard of ten, and the methodology.
    expect(rated.stdout).toContain('To write in the draft report (25):\n  [Write the foreword here]\n  [Write the overall findings here]\n');
    const lines = (await mammoth.extractRawText({ path: draft })).value.split('\n');
    expect(lines.find((line) => line.startsWith(`The workbook has ${expected.length} data problems`))).toBeDefined();
  });
});
