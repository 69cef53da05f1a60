import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { Preview, startPreview } from '../../tools/preview';

const ROOT = join(__dirname, '..', '..');

describe('preview › the built sidebar beside the example workbook', () => {
  let preview: Preview;
  const get = (path: string) => fetch(new URL(path, preview.url)).then(async (response) => ({ status: response.status, text: await response.text() }));
  let token: string;
  const post = (path: string, body: unknown, headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Preview-Token': token }) =>
    fetch(new URL(path, preview.url), { method: 'POST', headers, body: JSON.stringify(body) });
  const run = (body: unknown) => post('/run', body).then((response) => response.json());

  beforeAll(async () => {
    preview = await startPreview({ root: ROOT, port: 0 });
    // The token as the page carries it, read the way the page's own script reads it.
    token = /<meta name="preview-token" content="([0-9a-f]+)">/.exec(await (await fetch(new URL('/sidebar', preview.url))).text())![1];
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
    expect(await run({ name: 'runNewInspection_', args: [] })).toEqual({ error: expect.stringContaining('private'), changed: false });
    expect(await run({ name: 'getOverview' })).toEqual({ error: expect.stringContaining('array of arguments'), changed: false });
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

  it('sends the same token on every page of one run, and a fresh one on another run', async () => {
    const workbookPage = await get('/workbook');
    expect(workbookPage.text).toContain(`<meta name="preview-token" content="${token}">`);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const other = await startPreview({ root: ROOT, port: 0 });
    try {
      const otherToken = /<meta name="preview-token" content="([0-9a-f]+)">/.exec(await (await fetch(new URL('/workbook', other.url))).text())![1];
      expect(otherToken).not.toBe(token);
    } finally {
      await other.close();
    }
  }, 30_000);
});

/** A raw HTTP request, with whatever Host and headers a hostile page or a rebound DNS name would send. */
function raw(url: string, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port: Number(port), method, path: url.replace(/^http:\/\/[^/]+/, ''), headers, setHost: false }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, text }));
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

describe('preview › only its own page may use it (403 otherwise), over raw HTTP', () => {
  let preview: Preview;
  let token: string;
  let host: string;
  const answer = () => preview.runtime.values('Case supervision', 'I2')[0][0];
  const edit = (value: string) => JSON.stringify({ tab: 'Case supervision', row: 2, column: 9, value });
  const json = () => ({ Host: host, 'Content-Type': 'application/json', 'X-Preview-Token': token });

  beforeAll(async () => {
    preview = await startPreview({ root: ROOT, port: 0 });
    host = new URL(preview.url).host;
    token = /<meta name="preview-token" content="([0-9a-f]+)">/.exec((await raw(new URL('/sidebar', preview.url).href, 'GET', { Host: host })).text)![1];
  }, 30_000);
  afterAll(() => preview.close());

  it('refuses a foreign Host on every page and call: a DNS-rebound name cannot read the cases', async () => {
    for (const path of ['/', '/workbook', '/workbook?tab=Case%20supervision', '/sidebar']) {
      const page = await raw(new URL(path, preview.url).href, 'GET', { Host: `attacker.example:${new URL(preview.url).port}` });
      expect(page.status).toBe(403);
      expect(page.text).not.toContain('Case supervision');
    }
    expect((await raw(new URL('/workbook', preview.url).href, 'GET', { Host: 'localhost:1' })).status).toBe(403);
    expect((await raw(new URL('/run', preview.url).href, 'POST', { ...json(), Host: 'attacker.example' }, JSON.stringify({ name: 'getOverview', args: [] }))).status).toBe(403);
  });

  it('accepts its own host by name or address, and its own Origin', async () => {
    const port = new URL(preview.url).port;
    expect((await raw(new URL('/', preview.url).href, 'GET', { Host: `localhost:${port}` })).status).toBe(200);
    expect((await raw(new URL('/', preview.url).href, 'GET', { Host: host, Origin: `http://${host}` })).status).toBe(200);
    const overview = await raw(new URL('/run', preview.url).href, 'POST', { ...json(), Origin: `http://localhost:${port}` }, JSON.stringify({ name: 'getOverview', args: [] }));
    expect(overview.status).toBe(200);
    expect(JSON.parse(overview.text)).toMatchObject({ value: { isSetUp: true }, changed: false });
  });

  it('refuses an edit from another Origin, without JSON, without the token or with a wrong one, and changes nothing', async () => {
    const before = answer();
    const refused = [
      { ...json(), Origin: 'http://attacker.example' },
      { ...json(), Origin: 'null' },
      { ...json(), 'Content-Type': 'text/plain' },
      { ...json(), 'Content-Type': 'application/x-www-form-urlencoded' },
      { Host: host, 'Content-Type': 'application/json' },
      { ...json(), 'X-Preview-Token': '0'.repeat(64) },
      { ...json(), 'Sec-Fetch-Site': 'cross-site' },
    ];
    for (const headers of refused) {
      expect((await raw(new URL('/edit', preview.url).href, 'POST', headers, edit('Maybe'))).status).toBe(403);
      expect((await raw(new URL('/run', preview.url).href, 'POST', headers, JSON.stringify({ name: 'recordPanelJudgement', args: ['2.1', 'Outstanding', 'forged'] }))).status).toBe(403);
    }
    expect(answer()).toBe(before);
    expect(preview.runtime.sheetValues('Panel').flat()).not.toContain('forged');
    expect((await raw(new URL('/run', preview.url).href, 'OPTIONS', { Host: host, Origin: 'http://attacker.example', 'Access-Control-Request-Method': 'POST' })).status).toBe(403);
  });

  it('takes the same edit from its own page: JSON with the token', async () => {
    const before = answer();
    const value = before === 'Yes' ? 'No' : 'Yes';
    const saved = await raw(new URL('/edit', preview.url).href, 'POST', { ...json(), Origin: `http://${host}`, 'Sec-Fetch-Site': 'same-origin' }, edit(value));
    expect(saved.status).toBe(200);
    expect(JSON.parse(saved.text)).toEqual({ cell: 'I2' });
    expect(answer()).toBe(value);
  });
});
