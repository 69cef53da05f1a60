/**
 * `npm run preview`: the real built sidebar (dist/Sidebar.html) beside a read-only view of the
 * example workbook, in a browser, offline. The sidebar's google.script.run is a small shim that
 * posts each call to this server, which runs it with `rt.runFromSidebar(name, ...args)` on the same
 * offline runtime the demo uses; the workbook view reloads after each call.
 *
 * Listens on 127.0.0.1 only (PORT, default 8080); Ctrl-C or SIGTERM stops it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { WORKBOOK_NAME } from '../examples/thames-valley-2019/workbook';
import { AddonRuntime, loadAddon } from '../runtime';
import { cellA1, columnLetters } from '../runtime/a1';
import { EXAMPLE } from './demo';
import { escapeHtml } from './html';
import { readXlsxWorkbook } from './xlsx';

export interface PreviewOptions {
  root: string;
  port?: number;
  host?: string;
  /** The workbook to open (default: the bundled example). */
  example?: string;
}

export interface Preview {
  url: string;
  runtime: AddonRuntime;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;

/**
 * google.script.run for a page outside Apps Script: each call is posted to /run and its result or
 * error handed to the handlers, as HtmlService's client API does; the parent page is then told the
 * workbook may have changed.
 */
const SHIM = `<script>
(function () {
  function runner(onSuccess, onFailure, userObject) {
    return new Proxy({}, {
      get: function (_, name) {
        if (name === 'withSuccessHandler') return function (handler) { return runner(handler, onFailure, userObject); };
        if (name === 'withFailureHandler') return function (handler) { return runner(onSuccess, handler, userObject); };
        if (name === 'withUserObject') return function (object) { return runner(onSuccess, onFailure, object); };
        if (typeof name !== 'string') return undefined;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/run', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: name, args: args }) })
            .then(function (response) { return response.json(); })
            .then(function (reply) {
              if (reply.error !== undefined) { if (onFailure) onFailure(new Error(reply.error), userObject); }
              else if (onSuccess) onSuccess(reply.value, userObject);
              if (window.parent !== window) window.parent.postMessage({ type: 'inspection-ratings:changed' }, '*');
            }, function (error) { if (onFailure) onFailure(error, userObject); });
        };
      }
    });
  }
  var noop = function () {};
  window.google = { script: { run: runner(), host: { close: noop, setHeight: noop, setWidth: noop, editor: { focus: noop } } } };
})();
</script>`;

const PLACEHOLDER = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Inspection Ratings</title></head>
<body style="font: 13px Arial, sans-serif; padding: 12px; color: #5f6368">
<p>The sidebar is not built yet: dist/Sidebar.html appears after <code>node tools/build.mjs</code> once src/sidebar/Sidebar.html exists.</p>
</body></html>`;

/** The built sidebar with the shim as its first script, or a placeholder until there is one. */
function sidebarPage(root: string): string {
  const file = join(root, 'dist', 'Sidebar.html');
  if (!existsSync(file)) return PLACEHOLDER;
  const html = readFileSync(file, 'utf8');
  const head = /<head[^>]*>/i.exec(html);
  return head ? `${html.slice(0, head.index + head[0].length)}\n${SHIM}${html.slice(head.index + head[0].length)}` : `${SHIM}${html}`;
}

/** One tab as Sheets would show it: display values (escaped), conditional-format colours, bold headers. */
function tabTable(rt: AddonRuntime, name: string): string {
  const workbook = rt.workbook;
  const sheet = workbook.sheet(name);
  const display = workbook.sheetDisplayValues(name);
  const width = Math.max(0, ...display.map((row) => row.length));
  const head = `<tr><th></th>${Array.from({ length: width }, (_, index) => `<th>${columnLetters(index + 1)}</th>`).join('')}</tr>`;
  const rows = display.map((cells, r) => {
    const tds = cells.map((text, c) => {
      const styles: string[] = [];
      if (text !== '') {
        const shown = workbook.conditionalFormat(name, cellA1(r + 1, c + 1));
        if (shown?.background) styles.push(`background:${shown.background}`);
        if (shown?.fontColor) styles.push(`color:${shown.fontColor}`);
      }
      if (sheet.format(r + 1, c + 1).fontWeight === 'bold') styles.push('font-weight:bold');
      const style = styles.length > 0 ? ` style="${escapeHtml(styles.join(';'))}"` : '';
      return `<td${style} title="${escapeHtml(text)}">${escapeHtml(text)}</td>`;
    });
    return `<tr${r < sheet.frozenRows ? ' class="frozen"' : ''}><th>${r + 1}</th>${tds.join('')}</tr>`;
  });
  return `<table>${head}${rows.join('')}</table>`;
}

function workbookPage(rt: AddonRuntime, requested: string | null): string {
  const names = rt.workbook.sheetNames();
  const current = requested && names.includes(requested) ? requested : names[0];
  const tabs = names
    .map((name) => `<a href="/workbook?tab=${encodeURIComponent(name)}"${name === current ? ' class="current"' : ''}>${escapeHtml(name)}</a>`)
    .join('');
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(rt.workbook.name)}</title>
<style>
body { margin: 0; font: 12px Arial, sans-serif; color: #202124; }
nav { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: 2px; padding: 6px; background: #f1f3f4; border-bottom: 1px solid #dadce0; }
nav a { padding: 4px 10px; border-radius: 4px; color: #3c4043; text-decoration: none; }
nav a.current { background: #fff; color: #188038; font-weight: bold; }
table { border-collapse: collapse; }
th { background: #f8f9fa; color: #5f6368; font-weight: normal; }
th, td { border: 1px solid #e2e3e3; padding: 2px 6px; max-width: 220px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
tr.frozen td { position: sticky; top: 30px; background: #fff; font-weight: bold; }
</style></head><body><nav>${tabs}</nav><main>${tabTable(rt, current)}</main></body></html>`;
}

const INDEX = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Inspection Ratings — offline preview</title>
<style>
html, body { height: 100%; margin: 0; font: 13px Arial, sans-serif; }
body { display: flex; flex-direction: column; }
header { padding: 6px 12px; background: #fff; border-bottom: 1px solid #dadce0; color: #5f6368; }
.panes { flex: 1; display: flex; min-height: 0; }
#workbook { flex: 1; border: 0; border-right: 1px solid #dadce0; }
#sidebar { width: 300px; border: 0; }
</style></head><body>
<header>Inspection Ratings — the built sidebar on the example workbook, offline (read-only view; the sidebar's calls run on the offline Apps Script runtime)</header>
<div class="panes"><iframe id="workbook" src="/workbook" title="Workbook"></iframe><iframe id="sidebar" src="/sidebar" title="Sidebar"></iframe></div>
<script>
window.addEventListener('message', function (event) {
  if (!event.data || event.data.type !== 'inspection-ratings:changed') return;
  var frame = document.getElementById('workbook');
  frame.contentWindow.location.reload();
});
</script>
</body></html>`;

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  response.end(body);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('The request is too large.'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** A google.script.run call from the sidebar, run as Apps Script would run it. */
async function runCall(rt: AddonRuntime, request: IncomingMessage): Promise<{ value?: unknown; error?: string }> {
  try {
    const { name, args } = JSON.parse(await readBody(request)) as { name?: unknown; args?: unknown };
    if (typeof name !== 'string' || !Array.isArray(args)) return { error: 'A call needs a function name and an array of arguments.' };
    return { value: rt.runFromSidebar(name, ...args) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function handle(root: string, rt: AddonRuntime) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'POST' && url.pathname === '/run') return send(response, 200, 'application/json', JSON.stringify(await runCall(rt, request)));
    if (request.method !== 'GET') return send(response, 405, 'text/plain', 'Only GET, and POST to /run.');
    if (url.pathname === '/') return send(response, 200, 'text/html', INDEX);
    if (url.pathname === '/sidebar') return send(response, 200, 'text/html', sidebarPage(root));
    if (url.pathname === '/workbook') return send(response, 200, 'text/html', workbookPage(rt, url.searchParams.get('tab')));
    return send(response, 404, 'text/plain', 'Not found.');
  };
}

/** Opens the example in the offline runtime (installed, New inspection run) and serves it. */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const workbook = await readXlsxWorkbook(options.example ?? join(options.root, EXAMPLE), { name: WORKBOOK_NAME });
  const runtime = loadAddon({ bundleDir: join(options.root, 'dist'), spreadsheet: workbook });
  runtime.install();
  runtime.clickMenuItem('New inspection');
  const respond = handle(options.root, runtime);
  const server: Server = createServer((request, response) => {
    respond(request, response).catch((error: Error) => send(response, 500, 'text/plain', error.message));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.address}:${address.port}/`,
    runtime,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function main(): Promise<void> {
  const port = process.env.PORT ? Number(process.env.PORT) : 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${process.env.PORT}".`);
  const root = join(__dirname, '..');
  const preview = await startPreview({ root, port });
  if (!existsSync(join(root, 'dist', 'Sidebar.html'))) console.log('dist/Sidebar.html is not built yet: the sidebar pane shows a placeholder.');
  console.log(`Inspection Ratings preview: ${preview.url} (the built sidebar beside the example workbook; Ctrl-C to stop)`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    preview.close().then(() => console.log(`\nPreview stopped (${signal}).`));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

// Run as a tool (tools/run.mjs puts the tool's path in argv[1]), not when a test imports startPreview.
if (process.argv[1] === join(__dirname, 'preview.ts')) {
  main().catch((error: Error & { code?: string }) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${process.env.PORT ?? 8080} is in use: set PORT to another one.` : error.message);
    process.exit(1);
  });
}
