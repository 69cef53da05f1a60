import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Preview, startPreview } from '../../tools/preview';

const ROOT = join(__dirname, '..', '..');

describe('preview › the built sidebar beside the example workbook', () => {
  let preview: Preview;
  const get = (path: string) => fetch(new URL(path, preview.url)).then(async (response) => ({ status: response.status, text: await response.text() }));
  const run = (body: unknown) => fetch(new URL('/run', preview.url), { method: 'POST', body: JSON.stringify(body) }).then((response) => response.json());

  beforeAll(async () => {
    preview = await startPreview({ root: ROOT, port: 0 });
  }, 30_000);
  afterAll(() => preview.close());

  it('listens on 127.0.0.1 only', () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the page with the workbook and the sidebar side by side', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('src="/workbook"');
    expect(page.text).toContain('src="/sidebar"');
  });

  it('serves the built sidebar with the google.script.run shim before its own scripts', async () => {
    expect(existsSync(join(ROOT, 'dist', 'Sidebar.html'))).toBe(true);
    const sidebar = await get('/sidebar');
    const shim = sidebar.text.indexOf("fetch('/run'");
    expect(shim).toBeGreaterThan(0);
    expect(shim).toBeLessThan(sidebar.text.indexOf('<script', shim + 1) === -1 ? Infinity : sidebar.text.indexOf('<script', shim + 1));
  });

  it('runs the sidebar\'s calls on the offline runtime, as google.script.run would', async () => {
    const overview = await run({ name: 'getOverview', args: [] });
    expect(overview.value).toMatchObject({ isSetUp: true });
    expect(overview.value.progress.map((tab: { tab: string; complete: number }) => [tab.tab, tab.complete])).toEqual([
      ['Case supervision', 100],
      ['Unpaid work', 35],
      ['Through the Gate', 14],
    ]);
    expect(await run({ name: 'runNewInspection_', args: [] })).toEqual({ error: expect.stringContaining('private') });
    expect(await run({ name: 'getOverview' })).toEqual({ error: expect.stringContaining('array of arguments') });
  });

  it('shows each tab read-only, values as displayed and escaped', async () => {
    const panel = await get('/workbook?tab=Panel');
    expect(panel.text).toContain('>2019-10-04</td>');
    expect(panel.text).toContain('>Requires improvement</td>');
    const comparison = await get('/workbook?tab=Comparison');
    expect(comparison.text).toContain('>76%</td>');
    const cases = await get(`/workbook?tab=${encodeURIComponent('Case supervision')}`);
    expect(cases.text).toContain('service user&#39;s diversity');
    const unknown = await get(`/workbook?tab=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(unknown.text).not.toContain('<script>alert(1)');
    expect((await get('/nowhere')).status).toBe(404);
  });
});
