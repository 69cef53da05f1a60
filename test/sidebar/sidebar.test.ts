/**
 * The sidebar in headless Chromium, its google.script.run shim wired to the offline runtime:
 * every server call the page makes is a real run of dist/Code.js over the test workbook.
 */
import { Browser } from 'playwright-core';
import type { Overview } from '../../src/addon/sidebarApi';
import { BUSY_MESSAGE } from '../../src/addon/lock';
import { columnLetter } from '../../src/addon/a1';
import type { Server } from '../../src/sidebar/server';
import { AddonRuntime, buildSpreadsheet, loadAddon } from '../../runtime';
import { newWorkbook, rowsByLabel, typeJudgements, typePublishedCases } from '../addon/support';
import { eligiblePopulation, POPULATION_HEADER } from '../../examples/eligible-population';
import { plannedSampleSize } from '../../src/core/statistics';
import { loadBundle } from '../support/bundle';
import { launchChromium } from '../support/browser';
import { loaded, openSidebar as openPage, text, until } from './harness';

const SCREENSHOT = '/tmp/sidebar.png';
const IMG_CASE_ID = '<img src=x onerror=alert(1)>';
const MARKUP_ANSWER = '<b onmouseover=alert(2)>Yes</b>';
const CASES = 'Case supervision';

jest.setTimeout(20_000);

const openSidebar = (rt: AddonRuntime) => openPage(browser, rt);

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 30_000);

afterAll(async () => {
  await browser?.close();
});

function overviewOf(rt: AddonRuntime): Overview {
  return rt.runFromSidebar<Overview>('getOverview');
}

/** The example inspection's cases with two inspectors and some bad data typed in. */
function workbookWithProblems(): { rt: AddonRuntime; kq211: number; kq212: number } {
  // As in Sheets, custom-function cells read "Loading...": the sidebar never depends on them.
  const rt = newWorkbook({ customFunctions: 'pending' });
  typePublishedCases(rt);
  const header = rt.sheetValues(CASES)[0].map(String);
  const columnOf = (id: string) => header.findIndex((cell) => cell.startsWith(`${id} `)) + 1;
  const kq211 = columnOf('2.1.1');
  const kq212 = columnOf('2.1.2');
  rt.setCellValues(CASES, 'B2', Array.from({ length: 100 }, (_, index) => [index % 3 === 0 ? 'J. Okafor' : 'A. Patel']));
  rt.setCellValues(CASES, `${columnLetter(kq211)}5`, [['Maybe']]);
  rt.setCellValues(CASES, 'A7', [['C001']]);
  rt.setCellValues(CASES, 'A9', [[IMG_CASE_ID], [IMG_CASE_ID]]);
  rt.setCellValues(CASES, `${columnLetter(kq212)}9`, [[MARKUP_ANSWER]]);
  return { rt, kq211, kq212 };
}

describe('sidebar › server wrapper', () => {
  it('has the server API as its type: unknown names and wrong arguments do not compile', () => {
    const typeChecks = (server: Server) => {
      // @ts-expect-error a function the server does not export
      void server.getOverveiw();
      // @ts-expect-error row and column are numbers
      void server.goToCell(CASES, '5', 11);
      const overview: Promise<Overview> = server.getOverview();
      return overview;
    };
    expect(typeChecks).toBeInstanceOf(Function);
  });
});

describe('sidebar › a workbook not yet set up', () => {
  it('offers New inspection, which sets up the workbook and shows its progress', async () => {
    const rt = loadAddon({ spreadsheet: buildSpreadsheet({ name: 'New inspection' }), customFunctions: 'pending' });
    rt.install();
    const { page, calls } = await openSidebar(rt);
    expect(await page.locator('#setup').isVisible()).toBe(true);
    expect(await page.locator('#progress').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'New inspection' }).click();
    await page.locator('#setup-message.success').waitFor();
    await page.locator('#progress').waitFor();
    // (The panel form then asks for the cases near a boundary of its first standard.)
    expect(calls.map((call) => call.name).filter((name) => name !== 'getBoundaryCases')).toEqual(['getOverview', 'runNewInspection', 'getOverview']);
    expect(rt.workbook.sheetNames()).toEqual(expect.arrayContaining([CASES, 'Panel', 'Ratings']));
    expect(await page.locator('#setup').isVisible()).toBe(false);
    // R12: nothing rated yet, and the sidebar says so rather than showing an error.
    expect(await text(page, '#overall')).toBe('Overall: no score yet, Not rated (provisional: 0 of 10 standards rated)');
    await page.close();
  });
});

describe('sidebar › New inspection takes a framework', () => {
  it('a labelled select, usable from the keyboard, passes the chosen framework to New inspection', async () => {
    const rt = loadAddon({ spreadsheet: buildSpreadsheet({ name: 'Youth inspection' }), customFunctions: 'pending' });
    rt.install();
    const { page, calls } = await openSidebar(rt);
    const select = page.getByLabel('Framework');
    expect(await select.inputValue()).toBe('crc-2018');
    await select.focus();
    await page.keyboard.press('ArrowDown');
    expect(await select.inputValue()).toBe('yj-2018');
    await page.getByRole('button', { name: 'New inspection' }).click();
    await page.locator('#setup-message.success').waitFor();
    expect(calls.find((call) => call.name === 'runNewInspection')?.args).toEqual(['yj-2018']);
    expect(rt.workbook.sheetNames()).toEqual(expect.arrayContaining(['Court disposals', 'Out-of-court disposals']));
    expect(await text(page, '#setup-message')).toMatch(/provisional wording/);
    await page.close();
  });

  it("lists a Framework tab's problems with links to their cells before anything is set up, and New inspection refuses", async () => {
    const rt = loadAddon({
      spreadsheet: buildSpreadsheet({ name: 'Audit', sheets: { Framework: [['Id', 'my-audit'], ['Name', 'My audit'], ['Band thresholds', '60/75'], [], ['Type', 'Id', 'Text', 'Case tab', 'Rated from', 'Counts'], ['Domain', '2', 'Casework'], ['Standard', '2.1', 'Assessment', 'Audit cases', 'Cases', 'Yes'], ['Key question', '2.1.1', 'Is it timely?']] } }),
    });
    rt.install();
    const { page } = await openSidebar(rt);
    await page.locator('#problem-list button').first().waitFor();
    expect(await text(page, '#problem-list')).toMatch(/Framework!B3.*band thresholds/i);
    expect(await page.getByLabel('Framework').inputValue()).toBe('framework-tab');
    await page.getByRole('button', { name: 'New inspection' }).click();
    await page.locator('#setup-message.error').waitFor();
    // Sheets reads 2.1.1 typed without an apostrophe as the date 2 January 2001: quoted as the sheet shows it, with the fix.
    expect(await text(page, '#setup-message')).toMatch(/The Framework tab has 2 problems, so New inspection built nothing: Framework!B3: .* Framework!B8: Sheets turned what was typed here into the date 2001-01-02\. Type it as text/);
    expect(rt.workbook.sheetNames()).toEqual(['Framework']);
    await page.close();
  });
});

describe('sidebar › the cases near a boundary, beside the panel form', () => {
  it('lists the cases a move would change with their evidence, each a link to its cell', async () => {
    const rt = newWorkbook({ customFunctions: 'pending' });
    typePublishedCases(rt);
    const { page, calls } = await openSidebar(rt);
    // docs/method.md R6: 2.2's lowest key question, 2.2.3, is 48 of 79 = 61 %, 4 points below Good's 65:
    // it may be raised, on its 79 − 48 = 31 No answers; it may not be lowered (11 above 50, and 47 of 79 is 59 %).
    await page.locator('#panel-standard').selectOption('2.2');
    const details = page.locator('#panel-boundary details');
    await details.first().waitFor();
    expect(await details.count()).toBe(1);
    expect(await details.locator('summary').textContent()).toMatch(/^To raise it to Good: the No answers on 2\.2\.3 \(.*\) — 31 cases$/);
    await details.locator('summary').click();
    await details.locator('button.problem').first().click();
    await until(() => calls.some((call) => call.name === 'goToCell'));
    const [tab, row, column] = calls.find((call) => call.name === 'goToCell')!.args as [string, number, number];
    expect(rt.values(tab, `${columnLetter(column)}${row}`)[0][0]).toBe('No');
    expect(String(rt.sheetValues(tab)[0][column - 1])).toMatch(/^2\.2\.3 /);
    await page.close();
  });
});

describe('sidebar › custom-function cells still loading, as in Sheets', () => {
  it('shows the same overall, indicative ratings, panel choices and problem count before and after they settle, never "Loading..."', async () => {
    const rt = loadAddon({ spreadsheet: buildSpreadsheet({ name: 'Thames Valley CRC' }), customFunctions: 'pending' });
    rt.install();
    rt.runFromSidebar('runNewInspection');
    typePublishedCases(rt);
    typeJudgements(rt);
    rt.setCellValues(CASES, 'A7', [['C001']]); // a duplicate case id: one problem to count
    rt.runFromSidebar('runGenerateSummaries');
    expect(rowsByLabel(rt, 'Ratings').get('Overall rating')?.[2]).toBe('Loading...');
    const seen = async () => {
      const { page } = await openSidebar(rt);
      await page.getByLabel('Standard', { exact: true }).selectOption('4.2');
      const shown = {
        overall: await text(page, '#overall'),
        indicative: await text(page, '#panel-indicative'),
        choices: await text(page, '#panel-choices'),
        problems: await text(page, '#problems-summary'),
        all: await text(page, 'main'),
      };
      await page.close();
      return shown;
    };
    const pending = await seen();
    expect(pending.all).not.toContain('Loading');
    // The published report: 17 out of 30, Good; 4.2 Good before the panel moved it to Outstanding.
    expect(pending.overall).toBe('Overall: 17/30, Good');
    expect(pending.indicative).toBe('Indicative rating: Good. Panel rating: Outstanding (Applied).');
    rt.settle();
    expect(await seen()).toEqual(pending);
  });
});

describe('sidebar › an inspection under way', () => {
  const { rt, kq211, kq212 } = workbookWithProblems();

  it('shows the framework and cases complete per case tab and per inspector', async () => {
    const { page, blocked } = await openSidebar(rt);
    const overview = overviewOf(rt);
    expect(await text(page, '#framework-name')).toBe(overview.frameworkName);
    const rows = await page.locator('#progress-rows tr').evaluateAll((trs) => trs.map((tr) => [tr.className, ...Array.from(tr.children, (cell) => (cell.textContent ?? '').trim())]));
    const expected = overview.progress.flatMap((tab) => [
      ['tab-row', tab.tab, `${tab.complete} of ${tab.started}`],
      ...tab.byInspector.map((inspector) => ['inspector-row', inspector.inspector, `${inspector.complete} of ${inspector.started}`]),
    ]);
    expect(rows).toEqual(expected);
    // Rows 5 and 9 hold answers that are not answers, so those cases are not complete.
    expect(rows).toContainEqual(['tab-row', CASES, '98 of 100']);
    expect(rows).toContainEqual(['inspector-row', 'J. Okafor', '33 of 34']);
    // Only the official add-ons stylesheet was asked for, and refused: nothing else reaches out.
    expect(blocked).toEqual(['https://ssl.gstatic.com/docs/script/css/add-ons1.css']);
    await page.close();
  });

  it('lists the data problems with their cell, column header and message', async () => {
    const { page } = await openSidebar(rt);
    const overview = overviewOf(rt);
    expect(overview.problemCount).toBe(4);
    const problems = page.locator('#problem-list button.problem');
    expect(await problems.count()).toBe(4);
    expect(await text(page, '#problems-summary')).toContain('4 problems');
    expect(await page.locator('#problems-more').isVisible()).toBe(false);
    const first = problems.nth(0);
    expect(await first.locator('.problem-cell').innerText()).toBe(`${CASES}!${columnLetter(kq211)}5`);
    expect(await first.locator('.problem-header').innerText()).toBe(overview.problems[0].header);
    expect(await first.locator('.problem-text').innerText()).toContain('"Maybe" is not an answer. Use Yes, No or N/A, or leave it blank.');
    const duplicate = overview.problems.find((problem) => problem.kind === 'duplicateCaseId' && problem.row === 7);
    expect(await text(page, '#problem-list')).toContain(`${CASES}!A7`);
    expect(await text(page, '#problem-list')).toContain(duplicate?.message);
    await page.close();
  });

  it('shows sheet text holding markup as text, and runs none of it', async () => {
    const { page, dialogs } = await openSidebar(rt);
    const listText = await page.locator('#problem-list').evaluate((list) => list.textContent ?? '');
    expect(listText).toContain(`case ID "${IMG_CASE_ID}" is already used in row 9`);
    expect(listText).toContain(`"${MARKUP_ANSWER}" is not an answer`);
    expect(await text(page, '#problem-list')).toContain(`${CASES}!${columnLetter(kq212)}9`);
    expect(await page.locator('img, b[onmouseover]').count()).toBe(0);
    await page.locator('#problem-list').hover();
    await page.waitForTimeout(100);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('selects a problem\'s cell in the sheet when the problem is clicked', async () => {
    const { page, calls } = await openSidebar(rt);
    rt.workbook.activeSheet = rt.workbook.sheet('Panel');
    await page.locator('#problem-list button.problem', { hasText: `${CASES}!${columnLetter(kq211)}5` }).click();
    await until(() => calls.some((call) => call.name === 'goToCell'));
    expect(calls[calls.length - 1]).toEqual({ name: 'goToCell', args: [CASES, 5, kq211] });
    expect(rt.workbook.activeSheet.name).toBe(CASES);
    // In Sheets, focus goes to the grid only when the sidebar asks for it; the sidebar says what it selected.
    await page.locator('#problem-message.info').waitFor();
    expect(await text(page, '#problem-message')).toBe(`Selected ${CASES}!${columnLetter(kq211)}5.`);
    expect(await page.evaluate(() => (window as unknown as { editorFocused: number }).editorFocused)).toBe(1);
    await page.close();
  });

  it('records a panel judgement the method permits, on the Panel tab', async () => {
    const { page, calls } = await openSidebar(rt);
    expect(await page.locator('#panel-standard option').allInnerTexts()).toEqual(overviewOf(rt).panel.map((row) => `${row.standardId} ${row.name}`));
    const rationale = 'The lowest key question, 61%, is within 5 points of the 65% boundary; the findings on planning were encouraging.';
    await page.getByLabel('Standard', { exact: true }).selectOption('2.2');
    // The invalid answers typed into 2.1's columns leave 2.2's indicative rating standing.
    expect(await text(page, '#panel-indicative')).toBe('Indicative rating: Requires improvement.');
    // Before saving, the form says why (RATING_EXPLAIN's sentence) and which ratings the method allows.
    expect(await text(page, '#panel-explain')).toMatch(/^2\.2 Planning is Requires improvement: its lowest key question, 2\.2\.3, is 61% \(48 of 79 applicable cases\); the panel may raise it to Good \(61% is 4 points below the 65% boundary, within 5\) but not lower it/);
    expect(await text(page, '#panel-choices')).toBe('The panel may record: Requires improvement, Good.');
    // Only those are offered (R6: no lowering, one band up).
    expect(await page.locator('#panel-rating option').allInnerTexts()).toEqual(['No panel move', 'Requires improvement', 'Good']);
    await page.getByLabel('Panel rating').selectOption('Good');
    await page.getByLabel('Rationale').fill(rationale);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#panel-message.success').waitFor();
    expect(await text(page, '#panel-message')).toBe('Saved. 2.2 Planning now has the panel rating Good on the Panel tab; the panel log keeps the change.');
    expect(calls[calls.length - 1]).toEqual({ name: 'recordPanelJudgement', args: ['2.2', 'Good', rationale, ''] });
    expect(rowsByLabel(rt, 'Panel').get('2.2')?.slice(3, 5)).toEqual(['Good', rationale]);
    expect(await text(page, '#panel-indicative')).toBe('Indicative rating: Requires improvement. Panel rating: Good (Applied).');
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.close();
  });

  it('keeps every judgement in the append-only panel log, and clearing one keeps its rationale there', async () => {
    const log = () => {
      const tab = rt.workbook.sheetNames().find((name) => rt.workbook.metadata.some((entry) => entry.value === 'panelLog' && 'sheet' in entry.location && entry.location.sheet.name === name));
      return tab ? rt.sheetValues(tab).filter((row) => row[0] === '4.1').map((row) => [row[2], row[3], row[4], row[5] instanceof Date, row[6]]) : [];
    };
    // Apps Script gives the email only with the userinfo.email scope, which the add-on does not ask for.
    rt.activeUser.email = 'lead.inspector@example.org';
    const { page } = await openSidebar(rt);
    await page.getByLabel('Recorded by').fill('Lead Inspector');
    await page.getByLabel('Standard', { exact: true }).selectOption('4.1');
    // R7: the qualitative 4.1.3 lets the panel move unpaid work either way.
    expect(await text(page, '#panel-choices')).toBe('The panel may record: Good, Requires improvement, Outstanding.');
    await page.getByLabel('Panel rating').selectOption('Outstanding');
    await page.getByLabel('Rationale').fill('Observed sessions were exceptional.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#panel-message.success').waitFor();
    await page.getByLabel('Panel rating').selectOption('');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#panel-message.success', { hasText: 'no panel move' }).waitFor();
    expect(rowsByLabel(rt, 'Panel').get('4.1')?.slice(3, 5)).toEqual(['', '']);
    expect(log()).toEqual([
      ['(no panel rating)', 'Outstanding', 'Observed sessions were exceptional.', true, 'Lead Inspector'],
      ['Outstanding', '(no panel rating)', 'Observed sessions were exceptional.', true, 'Lead Inspector'],
    ]);
    rt.activeUser.email = '';
    await page.close();
    // Remembered for this user: the next sidebar offers the name again.
    const { page: again } = await openSidebar(rt);
    expect(await again.getByLabel('Recorded by').inputValue()).toBe('Lead Inspector');
    await again.close();
  });

  it('does not offer a rating the method refuses, and the server refuses it too', async () => {
    let reason = '';
    try {
      rt.runFromSidebar('recordPanelJudgement', '2.3', 'Requires improvement', 'Probe.');
    } catch (error) {
      reason = (error as Error).message;
    }
    expect(reason).toMatch(/^The panel may not raise 2\.3/);
    const { page } = await openSidebar(rt);
    await page.getByLabel('Standard', { exact: true }).selectOption('2.3');
    expect(await page.locator('#panel-rating option').allInnerTexts()).not.toContain('Requires improvement');
    expect(await page.locator('#panel-rating option').allInnerTexts()).toContain('No panel move');
    expect(rowsByLabel(rt, 'Panel').get('2.3')?.slice(3, 5)).toEqual(['', '']);
    await page.close();
  });

  it('generates the summary tabs, showing progress while it runs and then what was done', async () => {
    const { page, calls, hold } = await openSidebar(rt);
    expect(await page.getByLabel('Sub-samples split by').inputValue()).toBe('Sentence type');
    await page.getByLabel('Sub-samples split by').selectOption('Gender');
    const release = hold('runGenerateSummaries');
    await page.getByRole('button', { name: 'Generate summaries' }).click();
    const button = page.locator('#generate');
    expect(await button.getAttribute('aria-disabled')).toBe('true');
    expect(await button.innerText()).toBe('Generating…');
    expect(await page.locator('#summaries-message.info .spinner').count()).toBe(1);
    release();
    await page.locator('#summaries-message.success').waitFor();
    expect(await button.getAttribute('aria-disabled')).toBeNull();
    expect(await button.innerText()).toBe('Generate summaries');
    expect(calls[calls.length - 1]).toEqual({ name: 'runGenerateSummaries', args: [{ subSampleHeader: 'Gender' }] });
    const lines = await page.locator('#summaries-message li').allInnerTexts();
    expect(lines).toEqual(['Ratings: refreshed.', 'Key questions: created.', 'Prompts: created.', 'Sub-samples: created.', 'Data quality: created.']);
    expect(rt.workbook.sheetNames()).toEqual(expect.arrayContaining(['Key questions', 'Prompts', 'Sub-samples', 'Data quality']));
    expect(rt.properties.document.get('subSampleHeader')).toBe('Gender');
    await page.close();
  });

  it('says the add-on is busy when someone else is generating', async () => {
    const { page } = await openSidebar(rt);
    rt.locks.document.holdAsAnotherUser();
    try {
      await page.getByRole('button', { name: 'Generate summaries' }).click();
      await page.locator('#summaries-message.error').waitFor();
      expect(await text(page, '#summaries-message')).toBe(`Summaries not generated. ${BUSY_MESSAGE}`);
      expect(await page.locator('#generate').isEnabled()).toBe(true);
    } finally {
      rt.locks.document.release();
    }
    await page.close();
  });

  it('lists at most the problems the server sends, then says how many more there are', async () => {
    rt.setCellValues(CASES, `${columnLetter(kq212)}2`, Array.from({ length: 100 }, () => ['Perhaps']));
    const overview = overviewOf(rt);
    expect(overview.problemCount).toBeGreaterThan(overview.problems.length);
    const { page } = await openSidebar(rt);
    expect(await page.locator('#problem-list button.problem').count()).toBe(overview.problems.length);
    expect(await text(page, '#problems-more')).toMatch(new RegExp(`^and ${overview.problemCount - overview.problems.length} more\\b`));
    await page.getByRole('button', { name: 'Refresh' }).click();
    await loaded(page);
    expect(await page.locator('#problem-list button.problem').count()).toBe(overview.problems.length);
    await page.close();
  });
});

describe('sidebar › Draw sample and Quality check (docs/sampling-and-qa.md)', () => {
  const rt = newWorkbook({ customFunctions: 'pending' });
  typePublishedCases(rt);
  rt.setCellValues(CASES, 'B2', Array.from({ length: 100 }, (_, index) => [index % 2 ? 'A. Patel' : 'J. Okafor']));
  const population = eligiblePopulation(600);
  population[5][1] = IMG_CASE_ID; // a stratum value with markup must show as text
  rt.workbook.addSheet('Eligible population', undefined, 601, 4);
  rt.setCellValues('Eligible population', 'A1', population);

  it('opens by keyboard, suggests SAMPLE_SIZE, shows the balance, then writes the very sample it showed', async () => {
    const { page, calls, dialogs } = await openSidebar(rt);
    await page.locator('#sample-details > summary').focus();
    await page.keyboard.press('Enter');
    await page.locator('#sample-population option').first().waitFor({ state: 'attached' });
    expect(await page.getByLabel('Population tab').inputValue()).toBe('Eligible population');
    expect(await page.getByLabel('Sample size').inputValue()).toBe(String(plannedSampleSize(600)));
    for (const stratum of POPULATION_HEADER.slice(1)) expect(await page.getByLabel(stratum, { exact: true }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Show balance' }).click();
    await page.locator('#sample-message.info').waitFor();
    expect(await page.locator('#sample-balance table').count()).toBe(3);
    expect(await page.locator('#sample-balance').innerText()).toContain(IMG_CASE_ID);
    const seed = Number(await page.getByRole('region', { name: 'Draw sample' }).getByLabel('Seed').inputValue());
    expect(calls[calls.length - 1]).toEqual({ name: 'previewSampleDraw', args: [{ populationTab: 'Eligible population', strata: POPULATION_HEADER.slice(1), size: plannedSampleSize(600) }] });
    await page.getByLabel('Write to case tab').selectOption(CASES);
    await page.getByRole('button', { name: 'Write sample' }).click();
    await page.locator('#sample-message.success').waitFor();
    const size = plannedSampleSize(600);
    expect(await text(page, '#sample-message')).toContain(`Case supervision: ${size} cases written to rows 102–${101 + size}.`);
    const sample = loadBundle().SAMPLE_CASES(population, size, POPULATION_HEADER.slice(1), seed).slice(1).map((row: unknown[]) => String(row[0]));
    expect(rt.sheetValues(CASES).slice(101, 101 + size).map((row) => row[0])).toEqual(sample);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('refuses a seed that is not a whole number, at the field, instead of drawing afresh over it', async () => {
    const { page, calls } = await openSidebar(rt);
    await page.locator('#sample-details > summary').click();
    await page.locator('#sample-population option').first().waitFor({ state: 'attached' });
    const seed = page.getByRole('region', { name: 'Draw sample' }).getByLabel('Seed');
    await seed.pressSequentially('12e');
    const before = calls.length;
    await page.getByRole('button', { name: 'Show balance' }).click();
    await page.locator('#sample-message.error').waitFor();
    expect(await text(page, '#sample-message')).toContain('Seed: the seed must be a whole number');
    expect(await seed.getAttribute('aria-invalid')).toBe('true');
    expect(await seed.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(calls.slice(before).filter((call) => call.name === 'previewSampleDraw')).toEqual([]);
    await page.close();
  });

  it('draws cases per inspector onto the QA tab', async () => {
    const { page } = await openSidebar(rt);
    await page.locator('#quality-details > summary').click();
    await page.locator('#quality-case-tab option').first().waitFor({ state: 'attached' });
    await page.getByLabel('Cases per inspector').fill('3');
    await page.getByRole('button', { name: 'Draw cases to re-mark' }).click();
    await page.locator('#quality-message.success').waitFor();
    expect(await text(page, '#quality-message')).toContain('QA Case supervision: created with 6 cases to re-mark (J. Okafor 3, A. Patel 3).');
    expect(rt.sheetValues('QA Case supervision').slice(1).filter((row) => row[0] !== '')).toHaveLength(6);
    await page.close();
  });
});
