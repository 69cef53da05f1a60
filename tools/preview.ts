/**
 * `npm run preview -- [FILE]`: any workbook (default: the bundled example) in the offline runtime,
 * set up by New inspection and Generate summaries, shown in a browser beside the real built sidebar
 * (dist/Sidebar.html). Answer cells and other dropdown cells can be typed in, with the same values
 * and validation as in Sheets; every formula, the add-on's custom functions included, recalculates
 * as in Sheets, and the Key questions tab shows the chart against the band boundaries. The
 * sidebar's google.script.run is a small shim that posts each call to this server, which runs it
 * with `rt.runFromSidebar(name, ...args)`.
 *
 * Listens on 127.0.0.1 only (PORT, default 8080); Ctrl-C or SIGTERM (to it or to npm) stops it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AddonRuntime } from '../runtime';
import { cellA1, columnLetters } from '../runtime/a1';
import type { ValidationModel } from '../runtime/workbook';
import { keyQuestionChart } from './chart';
import { EXAMPLE } from './demo';
import { escapeHtml } from './html';
import { generateSummaries, InputError, openFileSession, Session, sessionReport } from './workbookSession';

export interface PreviewOptions {
  root: string;
  port?: number;
  host?: string;
  /** The workbook to open (default: the bundled example). */
  file?: string;
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

/** The values of a dropdown cell's list, when it has one (a list of values, as New inspection makes). */
function dropdownValues(validation: ValidationModel | undefined): string[] | undefined {
  return validation?.criteria === 'VALUE_IN_LIST' ? (validation.values[0] as unknown[]).map(String) : undefined;
}

/** Sheets' check of a typed value against a dropdown: one of its values, ignoring case, or blank. */
function isListed(values: string[], text: string): boolean {
  return text === '' || values.some((value) => value.toLowerCase() === text.trim().toLowerCase());
}

/** Blank rows shown below a tab's last row where its dropdowns continue, to type a new case into. */
const NEW_ROWS = 3;

/**
 * One tab as Sheets would show it: display values (escaped), conditional-format colours, bold
 * headers; a dropdown cell is an input offering its values, marked as Sheets marks an invalid one.
 */
function tabTable(rt: AddonRuntime, name: string): string {
  const workbook = rt.workbook;
  const sheet = workbook.sheet(name);
  const display = workbook.sheetDisplayValues(name);
  const width = Math.max(0, ...display.map((row) => row.length));
  const lists = new Map<string, number>();
  const header = display[0] ?? [];
  const height = display.length + (display.length > 1 && width > 0 && sheet.format(display.length + 1, width).validation ? NEW_ROWS : 0);
  const head = `<tr><td></td>${Array.from({ length: width }, (_, index) => `<th scope="col">${columnLetters(index + 1)}</th>`).join('')}</tr>`;
  const rows = Array.from({ length: height }, (_, r) => {
    const cells = display[r] ?? [];
    const tds = Array.from({ length: width }, (_, c) => {
      const text = cells[c] ?? '';
      const a1 = cellA1(r + 1, c + 1);
      const format = sheet.format(r + 1, c + 1);
      const styles: string[] = [];
      if (text !== '') {
        const shown = workbook.conditionalFormat(name, a1);
        if (shown?.background) styles.push(`background:${shown.background}`);
        if (shown?.fontColor) styles.push(`color:${shown.fontColor}`);
      }
      if (format.fontWeight === 'bold') styles.push('font-weight:bold');
      const style = styles.length > 0 ? ` style="${escapeHtml(styles.join(';'))}"` : '';
      const values = r > 0 ? dropdownValues(format.validation) : undefined;
      if (!values) return `<td${style} title="${escapeHtml(text)}">${escapeHtml(text)}</td>`;
      const key = JSON.stringify(values);
      if (!lists.has(key)) lists.set(key, lists.size);
      const invalid = !isListed(values, text);
      const label = `${name} ${a1}${header[c] ? `, ${header[c].slice(0, 60)}` : ''}`;
      return `<td${style}${invalid ? ' class="invalid"' : ''}><input id="cell-${r + 1}-${c + 1}" data-row="${r + 1}" data-column="${c + 1}" list="list-${lists.get(key)}" value="${escapeHtml(text)}" aria-label="${escapeHtml(label)}"${invalid ? ` aria-invalid="true" title="${escapeHtml(`Invalid: enter one of ${values.join(', ')}`)}"` : ''}></td>`;
    });
    return `<tr${r < sheet.frozenRows ? ' class="frozen"' : ''}><th scope="row">${r + 1}</th>${tds.join('')}</tr>`;
  });
  const datalists = [...lists].map(([key, index]) => `<datalist id="list-${index}">${(JSON.parse(key) as string[]).map((value) => `<option value="${escapeHtml(value)}"></option>`).join('')}</datalist>`);
  return `<table aria-label="${escapeHtml(name)}">${head}${rows.join('')}</table>${datalists.join('')}`;
}

/** The data problems, as rate prints them: computed from the cells now. */
function problemsList(session: Session): string {
  const { problems } = sessionReport(session);
  const shown = problems.slice(0, 50);
  const items = shown.map((problem) => `<li><a href="/workbook?tab=${encodeURIComponent(problem.tab)}">${escapeHtml(`${problem.tab}!${problem.cell}`)}</a>: ${escapeHtml(problem.message)}</li>`).join('');
  const more = problems.length > shown.length ? `<p>… and ${problems.length - shown.length} more.</p>` : '';
  return `<section id="problems" aria-labelledby="problems-heading"><h2 id="problems-heading">Data problems (${problems.length})</h2>${items ? `<ul>${items}</ul>${more}` : ''}</section>`;
}

/** The part of the page an edit redraws: the problems, the chart on Key questions, the tab. */
async function workbookMain(session: Session, tab: string): Promise<string> {
  const chart = tab === 'Key questions' ? `<figure><figcaption>Key-question percentages against the band boundaries</figcaption>${await keyQuestionChart(sessionReport(session))}</figure>` : '';
  return `${problemsList(session)}${chart}${tabTable(session.runtime, tab)}`;
}

/** Posts an edited cell, then redraws the page's main part and puts the focus back on that cell. */
const EDIT_SCRIPT = `<script>
document.addEventListener('change', function (event) {
  var input = event.target;
  if (!input.matches || !input.matches('input[data-row]')) return;
  var status = document.getElementById('status');
  var tab = document.body.dataset.tab;
  fetch('/edit', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ tab: tab, row: Number(input.dataset.row), column: Number(input.dataset.column), value: input.value }) })
    .then(function (response) { return response.json(); })
    .then(function (reply) {
      status.textContent = reply.error !== undefined ? reply.error : 'Saved ' + tab + ' ' + reply.cell + '; the workbook has recalculated.';
      return fetch('/workbook?part=main&tab=' + encodeURIComponent(tab)).then(function (response) { return response.text(); });
    })
    .then(function (html) {
      var id = input.id;
      document.querySelector('main').innerHTML = html;
      var again = document.getElementById(id);
      if (again) again.focus();
      if (window.parent !== window) window.parent.postMessage({ type: 'inspection-ratings:edited' }, '*');
    }, function (error) { status.textContent = 'The edit was not saved: ' + error.message; });
});
</script>`;

async function workbookPage(session: Session, requested: string | null): Promise<string> {
  const rt = session.runtime;
  const names = rt.workbook.sheetNames();
  const current = requested && names.includes(requested) ? requested : names[0];
  const tabs = names
    .map((name) => `<a href="/workbook?tab=${encodeURIComponent(name)}"${name === current ? ' class="current" aria-current="page"' : ''}>${escapeHtml(name)}</a>`)
    .join('');
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(`${rt.workbook.name}: ${current}`)}</title>
<style>
body { margin: 0; font: 12px Arial, sans-serif; color: #202124; }
nav { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: 2px; padding: 6px; background: #f1f3f4; border-bottom: 1px solid #dadce0; }
nav a { padding: 4px 10px; border-radius: 4px; color: #3c4043; text-decoration: none; }
nav a.current { background: #fff; color: #0d652d; font-weight: bold; }
a:focus, input:focus { outline: 2px solid #1a73e8; outline-offset: 1px; }
#status { min-height: 1.2em; padding: 2px 8px; color: #3c4043; }
#problems { padding: 0 8px; } #problems h2 { font-size: 13px; margin: 6px 0; } #problems ul { margin: 0 0 6px; max-height: 8em; overflow: auto; }
figure { margin: 8px; } figcaption { font-weight: bold; }
table { border-collapse: collapse; }
th { background: #f8f9fa; color: #5f6368; font-weight: normal; }
th, td { border: 1px solid #e2e3e3; padding: 2px 6px; max-width: 220px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
td input { width: 5.5em; border: 0; background: transparent; font: inherit; color: inherit; }
td.invalid { box-shadow: inset 6px 6px 0 -3px #d93025; }
tr.frozen td { position: sticky; top: 30px; background: #fff; font-weight: bold; }
</style></head><body data-tab="${escapeHtml(current)}"><nav aria-label="Tabs">${tabs}</nav><div id="status" role="status" aria-live="polite"></div><main>${await workbookMain(session, current)}</main>${EDIT_SCRIPT}</body></html>`;
}

/** A cell typed in the page, checked as Sheets checks a dropdown cell, then entered as typing. */
async function editCell(session: Session, request: IncomingMessage): Promise<{ cell?: string; error?: string }> {
  const { tab, row, column, value } = JSON.parse(await readBody(request)) as { tab?: unknown; row?: unknown; column?: unknown; value?: unknown };
  const workbook = session.runtime.workbook;
  if (typeof tab !== 'string' || !workbook.sheetNames().includes(tab)) return { error: 'There is no such tab.' };
  if (!Number.isInteger(row) || !Number.isInteger(column) || (row as number) < 2 || (column as number) < 1) return { error: 'A cell needs a row (from 2) and a column.' };
  if (typeof value !== 'string') return { error: 'A cell value must be text, as typed.' };
  const a1 = cellA1(row as number, column as number);
  const values = dropdownValues(workbook.sheet(tab).format(row as number, column as number).validation);
  if (!values) return { error: `${tab} ${a1} is not an answer or dropdown cell; edit it in a spreadsheet program.` };
  const validation = workbook.sheet(tab).format(row as number, column as number).validation!;
  if (!validation.allowInvalid && !isListed(values, value)) return { error: `${tab} ${a1}: enter one of ${values.join(', ')}.` };
  session.runtime.setCellValues(tab, a1, [[value]]);
  return { cell: a1 };
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
<header>Inspection Ratings — the workbook and the built sidebar, offline: type in the answer cells and everything recalculates; the sidebar's calls run on the offline Apps Script runtime</header>
<div class="panes"><iframe id="workbook" src="/workbook" title="Workbook"></iframe><iframe id="sidebar" src="/sidebar" title="Sidebar"></iframe></div>
<script>
// The sidebar changed the workbook: redraw it; the workbook was typed in: the sidebar's overview is stale.
window.addEventListener('message', function (event) {
  var changed = { 'inspection-ratings:changed': 'workbook', 'inspection-ratings:edited': 'sidebar' }[event.data && event.data.type];
  if (changed) document.getElementById(changed).contentWindow.location.reload();
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

function handle(root: string, session: Session) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'POST' && url.pathname === '/run') return send(response, 200, 'application/json', JSON.stringify(await runCall(session.runtime, request)));
    if (request.method === 'POST' && url.pathname === '/edit') return send(response, 200, 'application/json', JSON.stringify(await editCell(session, request)));
    if (request.method !== 'GET') return send(response, 405, 'text/plain', 'Only GET, and POST to /run or /edit.');
    if (url.pathname === '/') return send(response, 200, 'text/html', INDEX);
    if (url.pathname === '/sidebar') return send(response, 200, 'text/html', sidebarPage(root));
    if (url.pathname === '/workbook') {
      const tab = url.searchParams.get('tab');
      if (url.searchParams.get('part') === 'main' && tab && session.runtime.workbook.sheetNames().includes(tab)) return send(response, 200, 'text/html', await workbookMain(session, tab));
      return send(response, 200, 'text/html', await workbookPage(session, tab));
    }
    return send(response, 404, 'text/plain', 'Not found.');
  };
}

/** Opens a workbook file (default: the example) in the offline runtime, runs New inspection and Generate summaries, and serves it. */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const file = options.file ?? join(options.root, EXAMPLE);
  // The framework and case tabs as the add-on reads them (a youth workbook gets the youth tabs).
  const session = await openFileSession(options.root, file);
  generateSummaries(session);
  const respond = handle(options.root, session);
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
    runtime: session.runtime,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function main(): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true });
  if (positionals.length > 1) throw new InputError('Usage: npm run preview -- [FILE]: give at most one workbook (.xlsx).');
  const port = process.env.PORT ? Number(process.env.PORT) : 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError(`PORT must be a port number, not "${process.env.PORT}".`);
  const root = join(__dirname, '..');
  // npm runs scripts from the package root; a path is the user's, relative to where they typed it.
  const file = positionals[0] === undefined ? undefined : resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]);
  const preview = await startPreview({ root, port, file });
  if (!existsSync(join(root, 'dist', 'Sidebar.html'))) console.log('dist/Sidebar.html is not built yet: the sidebar pane shows a placeholder.');
  console.log(`Inspection Ratings preview: ${preview.url} (${file ?? 'the example workbook'} beside the built sidebar; Ctrl-C to stop)`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    preview.close().then(() => {
      console.log(`\nPreview stopped (${signal}).`);
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => stop('SIGHUP'));
}

// Run as a tool (tools/run.mjs puts the tool's path in argv[1]), not when a test imports startPreview.
if (process.argv[1] === join(__dirname, 'preview.ts')) {
  main().catch((error: Error & { code?: string }) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${process.env.PORT ?? 8080} is in use: set PORT to another one.` : error.message);
    process.exit(error instanceof InputError ? 2 : 1);
  });
}
