/**
 * "Download report (.docx)" in the preview's sidebar, in headless Chromium, keyboard only: the
 * sidebar is framed with Apps Script's IFRAME sandbox keywords, as in Sheets; the builder loads on
 * demand, the file downloads, and mammoth (not this project's code) reads the same text as the
 * command line's `rate --docx` of the same workbook.
 */
import mammoth from 'mammoth';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, Frame, Page } from 'playwright-core';
import { rate } from '../../tools/rate';
import { Preview, startPreview } from '../../tools/preview';
import { launchChromium, seriousAxeViolations } from '../support/browser';

const ROOT = join(__dirname, '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'thames-valley-2019', 'thames-valley-2019.xlsx');
jest.setTimeout(180_000);

/** The text, without the line that says when the draft was made. */
async function documentText(file: string): Promise<string> {
  const { value } = await mammoth.extractRawText({ path: file });
  return value.split('\n').filter((line) => !/^(Draft generated|Generated) on/.test(line)).join('\n');
}

describe('report › the sidebar downloads the Word report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-sidebar-docx-'));
  let preview: Preview;
  let browser: Browser;
  let page: Page;
  let sidebar: Frame;
  const scripts: string[] = [];

  beforeAll(async () => {
    preview = await startPreview({ root: ROOT, port: 0 });
    browser = await launchChromium();
    page = await browser.newPage({ acceptDownloads: true });
    page.on('request', (request) => {
      if (request.url().endsWith('/run')) scripts.push(JSON.parse(request.postData() ?? '{}').name);
    });
    await page.goto(preview.url);
    sidebar = (await (await page.locator('#sidebar').elementHandle())!.contentFrame())!;
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads the builder only when asked, then downloads the same draft report as rate --docx', async () => {
    // HTML Service: Restrictions (developers.google.com/apps-script/guides/html/restrictions): the IFRAME mode's keywords.
    const sandbox = 'allow-same-origin allow-forms allow-scripts allow-popups allow-downloads allow-modals allow-popups-to-escape-sandbox';
    expect((await page.locator('#sidebar').getAttribute('sandbox'))?.split(' ').sort()).toEqual(sandbox.split(' ').sort());
    const button = sidebar.getByRole('button', { name: 'Download report (.docx)' });
    await button.waitFor();
    expect(scripts).not.toContain('getReportDocumentScript');
    expect(await sidebar.getByRole('radio', { name: 'Draft report' }).isChecked()).toBe(true);
    await button.focus();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('Thames Valley Community Rehabilitation Company report (draft).docx');
    const downloaded = join(dir, 'sidebar.docx');
    await download.saveAs(downloaded);
    await sidebar.locator('#report-message', { hasText: 'Report downloaded' }).waitFor();
    expect(scripts).toEqual(expect.arrayContaining(['getReportDocumentScript', 'getReportModel']));

    const offline = join(dir, 'offline.docx');
    await rate({ root: ROOT, file: EXAMPLE, out: join(dir, 'rated.xlsx'), docx: offline });
    const [fromSidebar, fromCommandLine] = await Promise.all([documentText(downloaded), documentText(offline)]);
    expect(fromSidebar).toContain('17/30');
    expect(fromSidebar).toBe(fromCommandLine);
  });

  it('chooses the panel pack by keyboard alone (one Tab stop, the arrow keys), with nothing serious for axe-core, and downloads the same pack as rate --docx --panel-pack', async () => {
    const draft = sidebar.getByRole('radio', { name: 'Draft report' });
    await draft.focus();
    await page.keyboard.press('ArrowDown');
    expect(await sidebar.getByRole('radio', { name: 'Panel pack' }).isChecked()).toBe(true);
    expect(await sidebar.evaluate(() => document.activeElement?.id)).toBe('report-kind-panelPack');
    // The next Tab leaves the group for the button.
    await page.keyboard.press('Tab');
    expect(await sidebar.evaluate(() => document.activeElement?.id)).toBe('report-download');
    expect(await seriousAxeViolations(sidebar)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('Thames Valley Community Rehabilitation Company panel pack.docx');
    const downloaded = join(dir, 'sidebar-pack.docx');
    await download.saveAs(downloaded);
    const offline = join(dir, 'offline-pack.docx');
    await rate({ root: ROOT, file: EXAMPLE, out: join(dir, 'rated.xlsx'), docx: offline, panelPack: true });
    const [fromSidebar, fromCommandLine] = await Promise.all([documentText(downloaded), documentText(offline)]);
    expect(fromSidebar).toContain('80% interval');
    expect(fromSidebar).toBe(fromCommandLine);
  });
});
