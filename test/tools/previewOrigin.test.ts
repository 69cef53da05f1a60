/**
 * `npm run preview` from another site, in headless Chromium: a page served on another origin tries
 * what a hostile page could — fetch with JSON, a "simple" no-cors fetch, form posts (one shaped as
 * JSON) to /edit and /run. Every one is refused with 403 and neither the answers nor the Panel tab
 * change; the preview's own page still saves.
 */
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { Preview, startPreview } from '../../tools/preview';
import { launchChromium } from '../support/browser';

const ROOT = join(__dirname, '..', '..');
jest.setTimeout(180_000);

const EDIT = { tab: 'Case supervision', row: 2, column: 9, value: 'Maybe' };
const JUDGEMENT = { name: 'recordPanelJudgement', args: ['2.1', 'Outstanding', 'forged by another site'] };

/** The hostile page: each attempt reports how it ended; the forms post into hidden frames. */
function attackerPage(target: string): string {
  const fields = (body: object) => {
    // A text/plain form that sends {"...":"=..."}: JSON to a server that reads the body only.
    const json = JSON.stringify(body);
    return `<input type="hidden" name='${json.slice(0, -1)},"padding":"' value='"}'>`;
  };
  return `<!DOCTYPE html><html lang="en"><head><title>Another site</title></head><body>
<iframe name="edit-frame"></iframe><iframe name="run-frame"></iframe>
<form id="edit-form" method="post" enctype="text/plain" action="${target}edit" target="edit-frame">${fields(EDIT)}</form>
<form id="run-form" method="post" enctype="text/plain" action="${target}run" target="run-frame">${fields(JUDGEMENT)}</form>
<script>
async function attempt(path, body, init) {
  try {
    const response = await fetch(${JSON.stringify(target)} + path, Object.assign({ method: 'POST', body: JSON.stringify(body) }, init));
    return response.type === 'opaque' ? 'opaque' : String(response.status);
  } catch (error) {
    return 'failed: ' + error.message;
  }
}
window.attacks = async function () {
  return {
    jsonEdit: await attempt('edit', ${JSON.stringify(EDIT)}, { headers: { 'Content-Type': 'application/json' } }),
    jsonRun: await attempt('run', ${JSON.stringify(JUDGEMENT)}, { headers: { 'Content-Type': 'application/json' } }),
    simpleEdit: await attempt('edit', ${JSON.stringify(EDIT)}, { mode: 'no-cors', headers: { 'Content-Type': 'text/plain' } }),
    simpleRun: await attempt('run', ${JSON.stringify(JUDGEMENT)}, { mode: 'no-cors', headers: { 'Content-Type': 'text/plain' } }),
    read: await fetch(${JSON.stringify(target)} + 'workbook?tab=Case%20supervision').then((response) => response.text(), (error) => 'failed: ' + error.message),
  };
};
</script></body></html>`;
}

describe('preview › a page on another origin cannot change the workbook', () => {
  let preview: Preview;
  let other: Server;
  let otherUrl: string;
  let browser: Browser;
  let page: Page;
  const answer = () => preview.runtime.values('Case supervision', 'I2')[0][0];
  const panel = () => JSON.stringify(preview.runtime.sheetValues('Panel'));

  beforeAll(async () => {
    preview = await startPreview({ root: ROOT, port: 0 });
    other = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(attackerPage(preview.url));
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/`;
    browser = await launchChromium();
    page = await browser.newPage();
    page.setDefaultTimeout(120_000);
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => other?.close(resolve));
    await preview?.close();
  });

  it('refuses fetch and form posts to /edit and /run from another origin with 403, and nothing changes', async () => {
    const before = { answer: answer(), panel: panel() };
    const statuses: Array<[string, number]> = [];
    page.on('response', (response) => {
      if (response.url().startsWith(preview.url)) statuses.push([`${response.request().method()} ${new URL(response.url()).pathname}`, response.status()]);
    });
    await page.goto(otherUrl);
    const results = await page.evaluate(() => (window as unknown as { attacks(): Promise<Record<string, string>> }).attacks());
    // JSON needs a preflight, which is refused: the post itself is never sent.
    expect(results.jsonEdit).toMatch(/^failed/);
    expect(results.jsonRun).toMatch(/^failed/);
    expect(results.simpleEdit).toBe('opaque');
    expect(results.simpleRun).toBe('opaque');
    expect(results.read).toMatch(/^failed/);
    for (const form of ['#edit-form', '#run-form']) {
      const frame = form === '#edit-form' ? 'edit-frame' : 'run-frame';
      const submitted = page.waitForResponse((response) => response.url().startsWith(preview.url) && response.frame().name() === frame);
      await page.locator(form).evaluate((element) => (element as HTMLFormElement).submit());
      expect((await submitted).status()).toBe(403);
    }
    const posts = statuses.filter(([request]) => request.startsWith('POST'));
    expect(posts.length).toBeGreaterThanOrEqual(4);
    expect(posts.every(([, status]) => status === 403)).toBe(true);
    expect(statuses.filter(([request]) => request.startsWith('OPTIONS')).every(([, status]) => status === 403)).toBe(true);
    expect(answer()).toBe(before.answer);
    expect(panel()).toBe(before.panel);
  });

  it('still takes an edit typed in its own page', async () => {
    await page.goto(new URL('/workbook?tab=Case%20supervision', preview.url).href);
    await page.locator('#cell-2-9').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Maybe');
    await page.keyboard.press('Enter');
    await page.locator('#status', { hasText: /^Saved / }).waitFor();
    expect(answer()).toBe('Maybe');
  });
});
