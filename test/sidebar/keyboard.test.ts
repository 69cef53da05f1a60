/**
 * Every sidebar flow walked by keyboard alone (WCAG 2.2 AA): after each action, where focus is, that
 * the message region was in the page, empty, before its text, that a field in error is marked and
 * described, and that axe-core finds nothing serious or critical in any state.
 */
import { Browser, Page } from 'playwright-core';
import { columnLetter } from '../../src/addon/a1';
import { AddonRuntime, buildSpreadsheet, loadAddon } from '../../runtime';
import { newWorkbook, typePublishedCases } from '../addon/support';
import { eligiblePopulation } from '../../examples/eligible-population';
import { launchChromium, seriousAxeViolations } from '../support/browser';
import { focused, forgetLiveChanges, liveRecord, loaded, openSidebar, Sidebar, text, until } from './harness';

const CASES = 'Case supervision';

jest.setTimeout(60_000);

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 30_000);

afterAll(async () => {
  await browser?.close();
});

async function open(rt: AddonRuntime): Promise<Sidebar> {
  const sidebar = await openSidebar(browser, rt);
  const { atLoad } = await liveRecord(sidebar.page);
  // Each slot's status and alert regions, the Overall line and the panel's choices: there, and empty.
  expect(atLoad.length).toBeGreaterThanOrEqual(16);
  expect(atLoad.filter((region) => region.text.trim() !== '')).toEqual([]);
  await expectAccessible(sidebar.page);
  // The first read of the workbook filled the Overall line and the panel's choices: start afresh.
  await forgetLiveChanges(sidebar.page);
  return sidebar;
}

/** axe-core: nothing serious or critical. */
async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

/** Every live region that changed since the last check was in the page, with its role, at load. */
async function expectLiveRegionsFromLoad(page: Page): Promise<string[]> {
  const { changed } = await liveRecord(page);
  expect(changed.filter((change) => !change.wasThere)).toEqual([]);
  await forgetLiveChanges(page);
  return [...new Set(changed.map((change) => change.id))];
}

async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let pressed = 0; pressed < times; pressed++) await page.keyboard.press(key);
}

/** A field marked in error: aria-invalid, its message tied to it and shown beside it, focus on it. */
async function expectFieldInError(page: Page, id: string, reason: RegExp): Promise<void> {
  expect(await focused(page)).toBe(`#${id}`);
  const field = page.locator(`#${id}`);
  expect(await field.getAttribute('aria-invalid')).toBe('true');
  expect(await field.getAttribute('aria-errormessage')).toBe(`${id}-error`);
  expect((await field.getAttribute('aria-describedby'))?.split(' ')).toContain(`${id}-error`);
  expect(await text(page, `#${id}-error`)).toMatch(reason);
  expect(await text(page, `#${id}-error`)).toMatch(/^Error: /);
  // Not colour alone: the edge is thicker than an ordinary field's.
  expect(await field.evaluate((element) => getComputedStyle(element).borderLeftWidth)).toBe('6px');
}

async function expectFieldValid(page: Page, id: string): Promise<void> {
  expect(await page.locator(`#${id}`).getAttribute('aria-invalid')).toBeNull();
  expect(await page.locator(`#${id}-error`).isVisible()).toBe(false);
}

function callsOf(sidebar: Sidebar, name: string): number {
  return sidebar.calls.filter((call) => call.name === name).length;
}

describe('sidebar by keyboard › New inspection', () => {
  it('keeps focus on the button while it runs, ignores a second press, then moves focus to the result', async () => {
    const rt = loadAddon({ spreadsheet: buildSpreadsheet({ name: 'New inspection' }) });
    rt.install();
    const sidebar = await open(rt);
    const { page } = sidebar;
    await page.locator('#setup-framework').focus();
    await press(page, 'Tab');
    expect(await focused(page)).toBe('#new-inspection');
    const release = sidebar.hold('runNewInspection');
    await press(page, 'Enter');
    await page.locator('#new-inspection[aria-disabled="true"]').waitFor();
    await press(page, 'Enter');
    expect(await focused(page)).toBe('#new-inspection');
    release();
    await page.locator('#setup-message.success').waitFor();
    await loaded(page);
    expect(callsOf(sidebar, 'runNewInspection')).toBe(1);
    // The Set up section is hidden now: focus is on what New inspection did, not on the body.
    expect(await page.locator('#setup').isVisible()).toBe(false);
    expect(await focused(page)).toBe('#setup-message');
    expect(await text(page, '#setup-message')).toMatch(/^The workbook is set up\. .*Case supervision: created/);
    expect(await expectLiveRegionsFromLoad(page)).toContain('setup-message');
    await expectAccessible(page);
    await page.close();
  });

  it('says nothing was set up, and why, when every case tab clashes with a tab of the user\'s', async () => {
    const theirs = [['Name', 'Notes'], ['Team meeting', 'Thursday']];
    const rt = loadAddon({ spreadsheet: buildSpreadsheet({ name: 'Clash', sheets: { [CASES]: theirs, 'Unpaid work': theirs, 'Through the Gate': theirs } }) });
    rt.install();
    const sidebar = await open(rt);
    const { page } = sidebar;
    await page.locator('#new-inspection').focus();
    await press(page, 'Enter');
    await page.locator('#setup-message.error').waitFor();
    await loaded(page);
    expect(await text(page, '#setup-message [role=alert]')).toMatch(/^Nothing set up: no case tab could be made\. .*Case supervision: a tab with this name already exists and was not made by Inspection Ratings/);
    expect(await text(page, '#setup-message [role=status]')).toBe('');
    expect(await page.locator('#setup').isVisible()).toBe(true);
    expect(await focused(page)).toBe('#setup-message');
    expect(rt.sheetValues(CASES)).toEqual(theirs);
    expect(await expectLiveRegionsFromLoad(page)).toContain('setup-message');
    await expectAccessible(page);
    await page.close();
  });
});

describe('sidebar by keyboard › an inspection under way', () => {
  const rt = newWorkbook();
  typePublishedCases(rt);
  rt.setCellValues(CASES, 'B2', Array.from({ length: 100 }, (_, index) => [index % 2 ? 'A. Patel' : 'J. Okafor']));
  // A hundred answers that are not answers: the problem list is full (the list cap, 50).
  const kq211 = rt.sheetValues(CASES)[0].findIndex((cell) => String(cell).startsWith('2.1.1 ')) + 1;
  rt.setCellValues(CASES, `${columnLetter(kq211)}2`, Array.from({ length: 100 }, () => ['Perhaps']));

  it('Refresh keeps focus and re-reads nothing unchanged; the problem list is one Tab stop with arrow keys inside, and going to a cell hands focus to the sheet', async () => {
    const sidebar = await open(rt);
    const { page } = sidebar;
    await page.locator('#refresh').focus();
    await press(page, 'Enter');
    await until(() => callsOf(sidebar, 'getOverview') === 2);
    await loaded(page);
    expect(await focused(page)).toBe('#refresh');
    // Nothing changed in the workbook, so no live region was written again.
    expect(await expectLiveRegionsFromLoad(page)).toEqual([]);
    await press(page, 'Tab');
    const problems = await page.locator('#problem-list button').count();
    expect(problems).toBe(50);
    expect(await focused(page)).toMatch(/^button: Case supervision!\w+2 /);
    await press(page, 'ArrowDown', 2);
    expect(await focused(page)).toMatch(/^button: Case supervision!\w+4 /);
    await press(page, 'End');
    expect(await focused(page)).toMatch(/^button: Case supervision!\w+51 /);
    await press(page, 'Home');
    await press(page, 'ArrowDown');
    await press(page, 'Enter');
    await page.locator('#problem-message.info').waitFor();
    expect(sidebar.calls[sidebar.calls.length - 1]).toEqual({ name: 'goToCell', args: [CASES, 3, kq211] });
    expect(await text(page, '#problem-message')).toMatch(/^Selected Case supervision!\w+3\.$/);
    expect(await page.evaluate(() => (window as unknown as { editorFocused: number }).editorFocused)).toBe(1);
    expect(await expectLiveRegionsFromLoad(page)).toEqual(['problem-message']);
    // One Tab leaves the hundred problems for the panel form.
    await press(page, 'Tab');
    expect(await focused(page)).toBe('#panel-standard');
    await press(page, 'Shift+Tab');
    expect(await focused(page)).toMatch(/^button: Case supervision!\w+3 /);
    await expectAccessible(page);
    await page.close();
  });

  it('Panel judgement: the indicative and allowed ratings are announced and tied to the selects; a missing rationale marks the field; Save keeps focus', async () => {
    const sidebar = await open(rt);
    const { page } = sidebar;
    const standard = page.locator('#panel-standard');
    expect((await standard.getAttribute('aria-describedby'))?.split(' ')).toEqual(['panel-indicative', 'panel-choices']);
    expect(await page.locator('#panel-rating').getAttribute('aria-describedby')).toBe('panel-choices');
    await standard.focus();
    await press(page, 'ArrowDown');
    expect(await standard.inputValue()).toBe('2.2');
    await page.locator('#panel-status', { hasText: 'The panel may record: Requires improvement, Good.' }).waitFor();
    expect(await page.locator('#panel-status').getAttribute('role')).toBe('status');
    expect(await expectLiveRegionsFromLoad(page)).toContain('panel-status');
    await press(page, 'Tab');
    expect(await focused(page)).toBe('#panel-rating');
    expect(await page.locator('#panel-rating option').allInnerTexts()).toEqual(['No panel move', 'Requires improvement', 'Good']);
    await press(page, 'ArrowDown', 2);
    expect(await page.locator('#panel-rating').inputValue()).toBe('Good');
    await press(page, 'Tab');
    expect(await focused(page)).toBe('#panel-rationale');
    expect(await page.locator('#panel-rationale').evaluate((field) => (field as HTMLTextAreaElement).required)).toBe(true);
    await press(page, 'Tab');
    expect(await focused(page)).toBe('#panel-by');
    await press(page, 'Tab');
    expect(await focused(page)).toBe('#panel-save');
    await press(page, 'Enter');
    await page.locator('#panel-message.error').waitFor();
    expect(await text(page, '#panel-message [role=alert]')).toMatch(/^Not saved\. A panel judgement needs a rationale/);
    await expectFieldInError(page, 'panel-rationale', /needs a rationale: say why 2\.2 Planning should be Good/);
    expect(await expectLiveRegionsFromLoad(page)).toEqual(['panel-message']);
    await expectAccessible(page);
    await page.keyboard.type('Planning was sound in the cases the panel read.');
    await expectFieldValid(page, 'panel-rationale');
    await press(page, 'Tab', 2);
    expect(await focused(page)).toBe('#panel-save');
    const release = sidebar.hold('recordPanelJudgement');
    await press(page, 'Enter');
    await page.locator('#panel-save[aria-disabled="true"]').waitFor();
    await press(page, 'Enter');
    expect(await focused(page)).toBe('#panel-save');
    release();
    await page.locator('#panel-message.success').waitFor();
    expect(callsOf(sidebar, 'recordPanelJudgement')).toBe(2);
    expect(await focused(page)).toBe('#panel-save');
    expect(await text(page, '#panel-message [role=status]')).toMatch(/^Saved\. 2\.2 Planning now has the panel rating Good/);
    await expectLiveRegionsFromLoad(page);
    await expectAccessible(page);
    await page.close();
  });

  it('the cases near a boundary come after the form, each list one Tab stop; going to one hands focus to the sheet', async () => {
    // (2.1's answers hold the problems above, so it has no boundary cases to list.)
    const standardId = ['2.2', '2.3', '2.4', '4.2'].find((id) => rt.call<Array<{ cases: unknown[] }>>('getBoundaryCases', id).some((move) => move.cases.length > 2))!;
    const sidebar = await open(rt);
    const { page } = sidebar;
    await page.locator('#panel-standard').selectOption(standardId);
    const summary = page.locator('#panel-boundary details > summary').first();
    await summary.waitFor();
    await page.locator('#panel-save').focus();
    await press(page, 'Tab');
    expect(await focused(page)).toBe(`summary: ${(await summary.innerText()).replace(/\s+/g, ' ').trim()}`);
    await press(page, 'Enter');
    await press(page, 'Tab');
    expect(await focused(page)).toMatch(/^button: /);
    const first = await focused(page);
    await press(page, 'ArrowDown');
    const second = await focused(page);
    expect(second).not.toBe(first);
    await press(page, 'Enter');
    await page.locator('#boundary-message.info').waitFor();
    expect(await text(page, '#boundary-message')).toMatch(new RegExp(`^Selected .* \\(${CASES} row \\d+\\)\\.$`));
    expect(await page.evaluate(() => (window as unknown as { editorFocused: number }).editorFocused)).toBe(1);
    expect(await expectLiveRegionsFromLoad(page)).toContain('boundary-message');
    // Tab leaves the list from the case last used, whatever its length.
    await press(page, 'Tab');
    expect(await focused(page)).not.toMatch(/^button: .*: (Yes|No) /);
    await expectAccessible(page);
    await page.close();
  });
});

describe('sidebar by keyboard › going to a cell that is gone', () => {
  it('says so in an alert and leaves focus on the case', async () => {
    const rt = newWorkbook();
    typePublishedCases(rt);
    const standardId = ['2.1', '2.2', '2.3', '2.4', '4.2'].find((id) => rt.call<Array<{ cases: unknown[] }>>('getBoundaryCases', id).length > 0)!;
    const sidebar = await open(rt);
    const { page } = sidebar;
    await page.locator('#panel-standard').selectOption(standardId);
    await page.locator('#panel-boundary details > summary').first().waitFor();
    await page.locator('#panel-boundary details > summary').first().focus();
    await press(page, 'Enter');
    await press(page, 'Tab');
    const onCase = await focused(page);
    rt.workbook.removeSheet(rt.workbook.sheet(CASES));
    await press(page, 'Enter');
    await page.locator('#boundary-message.error').waitFor();
    expect(await text(page, '#boundary-message [role=alert]')).toMatch(/^Could not go to .*\. There is no tab named "Case supervision" any more\.$/);
    expect(await focused(page)).toBe(onCase);
    expect(await page.evaluate(() => (window as unknown as { editorFocused: number }).editorFocused)).toBe(0);
    await expectLiveRegionsFromLoad(page);
    await page.close();
  });
});

describe('sidebar by keyboard › Draw sample, Quality check and Generate summaries', () => {
  const rt = newWorkbook();
  typePublishedCases(rt);
  rt.setCellValues(CASES, 'B2', Array.from({ length: 100 }, (_, index) => [index % 2 ? 'A. Patel' : 'J. Okafor']));
  rt.workbook.addSheet('Eligible population', undefined, 601, 4);
  rt.setCellValues('Eligible population', 'A1', eligiblePopulation(600));

  it('a bad sample size marks the field; Show balance and Write sample keep focus; the balance tables are not read out', async () => {
    const sidebar = await open(rt);
    const { page } = sidebar;
    await page.locator('#sample-details > summary').focus();
    await press(page, 'Enter');
    await page.locator('#sample-population option').first().waitFor({ state: 'attached' });
    await page.locator('#sample-size').focus();
    await press(page, 'Control+A');
    await page.keyboard.type('0');
    await page.locator('#sample-preview').focus();
    await press(page, 'Enter');
    await page.locator('#sample-message.error').waitFor();
    await expectFieldInError(page, 'sample-size', /^Error: The sample size must be a whole number of cases, 1 or more; got 0\.$/);
    await expectAccessible(page);
    await press(page, 'Control+A');
    await page.keyboard.type('60');
    await expectFieldValid(page, 'sample-size');
    await page.locator('#sample-preview').focus();
    await press(page, 'Enter');
    await page.locator('#sample-message.info').waitFor();
    expect(await focused(page)).toBe('#sample-preview');
    expect(await text(page, '#sample-message [role=status]')).toMatch(/^Seed \d+: 60 of 600 cases\./);
    // Three tables of figures: shown, not announced.
    expect(await page.locator('#sample-balance table').count()).toBe(3);
    expect(await expectLiveRegionsFromLoad(page)).toEqual(['sample-message']);
    await expectAccessible(page);
    await page.locator('#sample-write').focus();
    await press(page, 'Enter');
    await page.locator('#sample-message.success').waitFor();
    expect(await focused(page)).toBe('#sample-write');
    expect(await text(page, '#sample-message [role=status]')).toMatch(/^Sample written\./);
    expect(await expectLiveRegionsFromLoad(page)).toEqual(['sample-message']);
    await page.close();
  });

  it('a bad number of cases per inspector marks the field; the draw and Generate summaries keep focus', async () => {
    const sidebar = await open(rt);
    const { page } = sidebar;
    await page.locator('#quality-details > summary').focus();
    await press(page, 'Enter');
    await page.locator('#quality-case-tab option').first().waitFor({ state: 'attached' });
    await page.locator('#quality-per-inspector').focus();
    await press(page, 'Control+A');
    await press(page, 'Backspace');
    await page.locator('#quality-draw').focus();
    await press(page, 'Enter');
    await page.locator('#quality-message.error').waitFor();
    await expectFieldInError(page, 'quality-per-inspector', /Cases per inspector must be a whole number, 1 or more; got 0\./);
    await expectAccessible(page);
    await page.keyboard.type('2');
    await press(page, 'Tab', 2);
    expect(await focused(page)).toBe('#quality-draw');
    await press(page, 'Enter');
    await page.locator('#quality-message.success').waitFor();
    expect(await focused(page)).toBe('#quality-draw');
    expect(await text(page, '#quality-message [role=status]')).toMatch(/^QA Case supervision is ready\./);
    await page.locator('#generate').focus();
    await press(page, 'Enter');
    await page.locator('#summaries-message.success').waitFor();
    expect(await focused(page)).toBe('#generate');
    expect(await expectLiveRegionsFromLoad(page)).toEqual(['quality-message', 'summaries-message']);
    await expectAccessible(page);
    await page.close();
  });
});

describe('sidebar by keyboard › Sign-off', () => {
  const rt = newWorkbook();
  typePublishedCases(rt);
  const header = rt.sheetValues(CASES)[0].map(String);
  const status = columnLetter(header.indexOf('Status') + 1);
  rt.setCellValues(CASES, `${status}2`, [['Ready for review'], ['Ready for review'], ['Ready for review']]);

  it('a missing reviewer marks the field; signing off keeps focus and announces the result; a change since is listed; reopening needs a reason', async () => {
    const sidebar = await open(rt);
    const { page } = sidebar;
    expect(await text(page, '#sign-off-summary')).toBe('No case is signed off yet.');
    await page.locator('#sign-off-tab').focus();
    await press(page, 'Tab');
    expect(await focused(page)).toBe('#sign-off-ready');
    await press(page, 'Enter');
    await expectFieldInError(page, 'sign-off-by', /Type your name/);
    expect(await text(page, '#sign-off-message [role=alert]')).toMatch(/^Nothing done\. Type your name/);
    expect(callsOf(sidebar, 'runSignOff')).toBe(0);
    await page.keyboard.type('Rita Reviewer');
    await expectFieldValid(page, 'sign-off-by');
    await page.locator('#sign-off-ready').focus();
    const release = sidebar.hold('runSignOff');
    await press(page, 'Enter');
    await page.locator('#sign-off-ready[aria-disabled="true"]').waitFor();
    await press(page, 'Enter');
    expect(await focused(page)).toBe('#sign-off-ready');
    release();
    await page.locator('#sign-off-message.success').waitFor();
    await loaded(page);
    expect(callsOf(sidebar, 'runSignOff')).toBe(1);
    expect(await focused(page)).toBe('#sign-off-ready');
    expect(await text(page, '#sign-off-message [role=status]')).toMatch(/^Signed off\. Case supervision: 3 cases signed off by Rita Reviewer/);
    expect(await expectLiveRegionsFromLoad(page)).toContain('sign-off-message');
    expect(await page.locator('#status-rows tr').first().innerText()).toMatch(/^Case supervision\s+97\s+0\s+3$/);
    expect(await text(page, '#sign-off-summary')).toBe('Every signed-off case (3) is as it was signed off.');

    // An answer of a signed-off case changed in the sheet: Refresh lists it, one Tab stop, going to it hands focus to the sheet.
    const kq = header.findIndex((cell) => cell.startsWith('2.1.1 ')) + 1;
    const before = String(rt.values(CASES, `${columnLetter(kq)}3`)[0][0]);
    rt.setCellValues(CASES, `${columnLetter(kq)}3`, [[before === 'Yes' ? 'No' : 'Yes']]);
    await page.locator('#refresh').focus();
    await press(page, 'Enter');
    await page.locator('#sign-off-list button').first().waitFor();
    await loaded(page);
    expect(await page.locator('#sign-off-list button').count()).toBe(1);
    expect(await text(page, '#sign-off-list')).toContain(`2.1.1 (${columnLetter(kq)}3): signed off as ${before}, signed off by Rita Reviewer on`);
    await page.locator('#sign-off-list button').focus();
    await press(page, 'Enter');
    await page.locator('#sign-off-list-message.info').waitFor();
    expect(sidebar.calls[sidebar.calls.length - 1]).toEqual({ name: 'goToCell', args: [CASES, 3, kq] });
    expect(await expectLiveRegionsFromLoad(page)).toContain('sign-off-list-message');

    // Reopen: without a reason the field is marked; with one, the result is announced and focus stays on the button.
    await page.locator('#reopen-details > summary').focus();
    await press(page, 'Enter');
    await press(page, 'Tab', 2);
    expect(await focused(page)).toBe('#reopen-case');
    const caseId = String(rt.values(CASES, 'A3')[0][0]);
    await page.keyboard.type(caseId);
    await page.locator('#reopen').focus();
    await press(page, 'Enter');
    await expectFieldInError(page, 'reopen-reason', /Say why the case is reopened/);
    expect(callsOf(sidebar, 'runReopen')).toBe(0);
    await page.keyboard.type('The assessment was redone after review.');
    await page.locator('#reopen').focus();
    await press(page, 'Enter');
    await page.locator('#reopen-message.success').waitFor();
    await loaded(page);
    expect(await focused(page)).toBe('#reopen');
    expect(await text(page, '#reopen-message [role=status]')).toMatch(new RegExp(`^Reopened\\. Case supervision: case "${caseId}" reopened by Rita Reviewer`));
    expect(await page.locator('#sign-off-list button').count()).toBe(0);
    expect(await expectLiveRegionsFromLoad(page)).toContain('reopen-message');
    await expectAccessible(page);
    await page.close();
  });
});

describe('sidebar › sizes, contrast and text', () => {
  it('every control is at least 24 by 24 px, field borders reach 3:1, and no text is cut short or left to a tooltip', async () => {
    const rt = newWorkbook();
    typePublishedCases(rt);
    rt.workbook.addSheet('Eligible population', undefined, 601, 4);
    rt.setCellValues('Eligible population', 'A1', eligiblePopulation(600));
    const { page } = await open(rt);
    await page.locator('#sample-details > summary').click();
    await page.locator('#sample-strata input[type=checkbox]').first().waitFor();
    const small = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('button, select, input, textarea, summary'))
        .filter((control) => control.offsetParent !== null)
        .map((control) => ({ control: control.id || control.textContent?.trim().slice(0, 30), box: control.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 24 || box.height < 24)
        .map(({ control, box }) => `${control}: ${box.width}×${box.height}`),
    );
    expect(small).toEqual([]);
    // WCAG's relative luminance and contrast ratio, worked from the computed colours.
    const contrasts = await page.evaluate(() => {
      const luminance = (color: string) => {
        const [r, g, b] = (color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((part) => Number(part) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      return Array.from(document.querySelectorAll<HTMLElement>('select, textarea, input[type=number]'))
        .filter((field) => field.offsetParent !== null)
        .map((field) => {
          const [border, back] = [luminance(getComputedStyle(field).borderTopColor), luminance('rgb(255, 255, 255)')];
          return { field: field.id, ratio: (Math.max(border, back) + 0.05) / (Math.min(border, back) + 0.05) };
        });
    });
    expect(contrasts.length).toBeGreaterThanOrEqual(6);
    for (const { ratio } of contrasts) expect(ratio).toBeGreaterThanOrEqual(3);
    const hidden = await page.evaluate(() => ({
      titles: Array.from(document.querySelectorAll('body [title]'), (element) => element.outerHTML.slice(0, 80)),
      ellipsis: Array.from(document.querySelectorAll('body *'))
        .filter((element) => getComputedStyle(element).textOverflow === 'ellipsis')
        .map((element) => element.className),
    }));
    expect(hidden).toEqual({ titles: [], ellipsis: [] });
    await expectAccessible(page);
    await page.close();
  });
});
