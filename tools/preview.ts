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
 * Only its own pages may use it: every request must name the preview's host (no DNS rebinding),
 * an Origin, when sent, must be the preview's own, and a POST must be JSON carrying the per-run
 * token the pages are served with; anything else is refused with 403.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AddonRuntime } from '../runtime';
import { cellA1, columnLetters, columnNumber } from '../runtime/a1';
import { IFRAME_SANDBOX, parsedHtml } from '../runtime/ui';
import type { ValidationModel } from '../runtime/workbook';
import { keyQuestionChart } from './chart';
import { EXAMPLE } from './demo';
import { quoteText } from '../src/core/answers';
import { isOwn, LIMITS } from '../src/addon/serverArgs';
import { moreProblems, problemList } from '../src/report/view';
import { escapeHtml } from './html';
import { typedCommand } from './npmArguments';
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

/** The header each POST carries the per-run token in; the pages get it from their `preview-token` meta tag. */
const TOKEN_HEADER = 'X-Preview-Token';

/** The token as the served pages carry it: read by their scripts, never by another site (same-origin policy). */
function tokenMeta(token: string): string {
  return `<meta name="preview-token" content="${token}">`;
}

/**
 * google.script.run for a page outside Apps Script: each call is posted to /run and its result or
 * error handed to the handlers, as HtmlService's client API does. The parent page is told when the
 * call changed the workbook, and goToCell and google.script.host.editor.focus() are routed to the
 * workbook pane, which selects and focuses the cell as Sheets would.
 */
const SHIM = `<script>
(function () {
  var token = document.querySelector('meta[name="preview-token"]').content;
  function tell(message) { if (window.parent !== window) window.parent.postMessage(message, location.origin); }
  function runner(onSuccess, onFailure, userObject) {
    return new Proxy({}, {
      get: function (_, name) {
        if (name === 'withSuccessHandler') return function (handler) { return runner(handler, onFailure, userObject); };
        if (name === 'withFailureHandler') return function (handler) { return runner(onSuccess, handler, userObject); };
        if (name === 'withUserObject') return function (object) { return runner(onSuccess, onFailure, object); };
        if (typeof name !== 'string') return undefined;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/run', { method: 'POST', headers: { 'Content-Type': 'application/json', '${TOKEN_HEADER}': token }, body: JSON.stringify({ name: name, args: args }) })
            .then(function (response) { return response.json(); })
            .then(function (reply) {
              if (reply.error === undefined && name === 'goToCell') tell({ type: 'inspection-ratings:go-to-cell', tab: args[0], row: args[1], column: args[2] });
              if (reply.changed) tell({ type: 'inspection-ratings:changed' });
              if (reply.error !== undefined) { if (onFailure) onFailure(new Error(reply.error), userObject); }
              else if (onSuccess) onSuccess(reply.value, userObject);
            }, function (error) { if (onFailure) onFailure(error, userObject); });
        };
      }
    });
  }
  var noop = function () {};
  var editor = { focus: function () { tell({ type: 'inspection-ratings:focus-editor' }); } };
  window.google = { script: { run: runner(), host: { close: noop, setHeight: noop, setWidth: noop, editor: editor } } };
})();
</script>`;

const PLACEHOLDER = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Inspection Ratings</title></head>
<body style="font: 13px Arial, sans-serif; padding: 12px; color: #5f6368">
<p>The sidebar is not built yet: dist/Sidebar.html appears after <code>node tools/build.mjs</code> once src/sidebar/Sidebar.html exists.</p>
</body></html>`;

/** The built sidebar with the token and the shim as its first script, or a placeholder until there is one. */
function sidebarPage(root: string, token: string): string {
  const file = join(root, 'dist', 'Sidebar.html');
  if (!existsSync(file)) return PLACEHOLDER;
  // As HtmlService serves it: parsed as HTML (runtime/ui.ts).
  const html = parsedHtml(readFileSync(file, 'utf8'));
  const shim = `${tokenMeta(token)}\n${SHIM}`;
  const head = /<head[^>]*>/i.exec(html);
  return head ? `${html.slice(0, head.index + head[0].length)}\n${shim}${html.slice(head.index + head[0].length)}` : `${shim}${html}`;
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

/** The column Case ID is in (0-based), which stays in view beside the row numbers when scrolled right. */
function caseIdColumn(header: string[]): number {
  return header.findIndex((text) => text.trim().toLowerCase() === 'case id');
}

/**
 * One tab as Sheets would show it: display values (escaped), conditional-format colours, bold
 * headers; a dropdown cell is an input offering its values, marked as Sheets marks an invalid one.
 * A WAI-ARIA grid: table row r is sheet row r (row 0 the column letters), cell c is column c (cell 0
 * the row number); every cell is focusable by the page's script, one at a time (roving tabindex).
 */
function tabTable(rt: AddonRuntime, name: string): string {
  const workbook = rt.workbook;
  const sheet = workbook.sheet(name);
  const display = workbook.sheetDisplayValues(name);
  const width = Math.max(0, ...display.map((row) => row.length));
  const lists = new Map<string, number>();
  const header = display[0] ?? [];
  const keyColumn = caseIdColumn(header);
  const key = (c: number) => (c === keyColumn ? ' class="key"' : '');
  const height = display.length + (display.length > 1 && width > 0 && sheet.format(display.length + 1, width).validation ? NEW_ROWS : 0);
  const head = `<tr><td class="corner" tabindex="-1"></td>${Array.from({ length: width }, (_, index) => `<th scope="col" tabindex="-1"${key(index)}>${columnLetters(index + 1)}</th>`).join('')}</tr>`;
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
      if (!values) return `<td${style}${key(c)} tabindex="-1" title="${escapeHtml(text)}">${escapeHtml(text)}</td>`;
      const listKey = JSON.stringify(values);
      if (!lists.has(listKey)) lists.set(listKey, lists.size);
      const invalid = !isListed(values, text);
      const label = `${name} ${a1}${header[c] ? `, ${header[c].slice(0, 60)}` : ''}`;
      const className = [c === keyColumn ? 'key' : '', invalid ? 'invalid' : ''].filter(Boolean).join(' ');
      // As wide as the longest value it offers (or holds), so "Community" is never cut to "Commun".
      const width = `width:calc(${Math.max(text.length, ...values.map((value) => value.length))}ch + 1.5em)`;
      return `<td${style}${className ? ` class="${className}"` : ''}><input id="cell-${r + 1}-${c + 1}" data-row="${r + 1}" data-column="${c + 1}" list="list-${lists.get(listKey)}" value="${escapeHtml(text)}" aria-label="${escapeHtml(label)}" style="${width}" readonly tabindex="-1"${invalid ? ` aria-invalid="true" title="${escapeHtml(`Invalid: enter one of ${values.join(', ')}`)}"` : ''}></td>`;
    });
    return `<tr${r < sheet.frozenRows ? ' class="frozen"' : ''}><th scope="row" tabindex="-1">${r + 1}</th>${tds.join('')}</tr>`;
  });
  const frozen = Math.min(sheet.frozenRows, rows.length);
  const datalists = [...lists].map(([values, index]) => `<datalist id="list-${index}">${(JSON.parse(values) as string[]).map((value) => `<option value="${escapeHtml(value)}"></option>`).join('')}</datalist>`);
  const help = 'Arrow keys move between cells; Enter or F2 edits an answer cell, Enter saves it, Escape cancels; typing starts a new answer.';
  return `<p id="grid-help" class="help">${help}</p><div id="grid" class="grid"><table role="grid" aria-label="${escapeHtml(name)}" aria-describedby="grid-help" aria-rowcount="${height + 1}"><thead>${head}${rows.slice(0, frozen).join('')}</thead><tbody>${rows.slice(frozen).join('')}</tbody></table></div><div id="lists">${datalists.join('')}</div>`;
}

/** Where a problem's link goes: its tab, with the cell to select (row-column). */
function cellHref(tab: string, row: number, column: number): string {
  return `/workbook?tab=${encodeURIComponent(tab)}&cell=${row}-${column}`;
}

/** The data problems, as rate prints them: computed from the cells now, those that block a rating first. */
function problemsList(session: Session): string {
  const report = sessionReport(session);
  const list = problemList(report.problems, report.problemCount);
  const shown = list.listed;
  const items = shown
    .map((problem) => {
      const at = cellOf(problem.cell);
      const text = problem.where;
      const link = at ? `<a href="${escapeHtml(cellHref(problem.tab, at.row, at.column))}" data-tab="${escapeHtml(problem.tab)}" data-row="${at.row}" data-column="${at.column}">${escapeHtml(text)}</a>` : escapeHtml(text);
      return `<li>${link}: ${escapeHtml(problem.message)}</li>`;
    })
    .join('');
  const more = moreProblems(list.count, shown.length, 'see the Data quality tab after Generate summaries');
  return `<section id="problems" aria-labelledby="problems-heading"><h2 id="problems-heading">${escapeHtml(list.heading)}</h2>${items ? `<ul>${items}</ul>${more ? `<p>${escapeHtml(more)}</p>` : ''}` : ''}</section>`;
}

/** "K12" as row 12, column 11. */
function cellOf(a1: string): { row: number; column: number } | undefined {
  const match = /^([A-Z]+)(\d+)$/.exec(a1);
  return match ? { row: Number(match[2]), column: columnNumber(match[1]) } : undefined;
}

/** The part of the page an edit updates: the problems, the chart on Key questions, the tab. */
async function workbookMain(session: Session, tab: string): Promise<string> {
  const chart = tab === 'Key questions' ? `<figure id="chart"><figcaption>Key-question percentages against the band boundaries</figcaption>${await keyQuestionChart(sessionReport(session))}</figure>` : '';
  return `${problemsList(session)}${chart}${tabTable(session.runtime, tab)}`;
}

/**
 * The workbook pane's script: the grid's keyboard (roving tabindex, arrows, Home/End, Enter/F2 to
 * edit, Enter to save, Escape to cancel), the edit posted to /edit, and the page updated in place
 * afterwards (cells, problems, chart, tab list patched from a fresh copy of the page), so the focus
 * and the "Saved" status stay where they are. Messages from the parent page: refresh, go to a cell,
 * focus the current cell.
 */
const PANE_SCRIPT = `<script>
(function () {
  var token = document.querySelector('meta[name="preview-token"]').content;
  var status = document.getElementById('status');
  var tab = document.body.dataset.tab;
  var embedded = window.parent !== window;
  var current = { row: 2, column: 1 };
  function tell(message) { if (embedded) window.parent.postMessage(message, location.origin); }
  function table() { return document.querySelector('#grid table'); }
  function cellAt(row, column) { var t = table(); var tr = t && t.rows[row]; return tr ? tr.cells[column] : undefined; }
  function targetOf(cell) { return cell && (cell.querySelector('input') || cell); }
  function isEditing(input) { return input && input.tagName === 'INPUT' && !input.readOnly; }

  function layout() {
    var grid = document.getElementById('grid');
    var t = table();
    if (!grid || !t) return;
    var heads = t.tHead ? t.tHead.rows : [];
    var top = 0;
    for (var i = 0; i < heads.length; i++) {
      for (var j = 0; j < heads[i].cells.length; j++) heads[i].cells[j].style.top = top + 'px';
      top += heads[i].getBoundingClientRect().height;
    }
    var corner = t.rows[0] && t.rows[0].cells[0];
    var rowNumbers = corner ? corner.getBoundingClientRect().width : 0;
    var key = t.rows[0] && t.rows[0].querySelector('.key');
    grid.style.setProperty('--row-numbers', rowNumbers + 'px');
    grid.style.scrollPaddingTop = top + 'px';
    grid.style.scrollPaddingLeft = rowNumbers + (key ? key.getBoundingClientRect().width : 0) + 'px';
  }

  /**
   * Makes (row, column) the grid's one Tab stop, and focuses it when asked. Only a cell of the tab is
   * selected (row 1 and column A on): never the column letters, the row numbers or the corner.
   */
  function select(row, column, focus) {
    var t = table();
    if (!t) return;
    var lastRow = t.rows.length - 1;
    row = Math.max(Math.min(1, lastRow), Math.min(row, lastRow));
    var lastColumn = t.rows[row].cells.length - 1;
    column = Math.max(Math.min(1, lastColumn), Math.min(column, lastColumn));
    var old = targetOf(cellAt(current.row, current.column));
    if (old) old.tabIndex = -1;
    current = { row: row, column: column };
    var target = targetOf(cellAt(row, column));
    target.tabIndex = 0;
    if (focus) target.focus();
  }

  function startEditing(input, clear) {
    input.dataset.saved = input.value;
    input.readOnly = false;
    if (clear) input.value = '';
    else input.setSelectionRange(input.value.length, input.value.length);
  }

  function stopEditing(input, keep) {
    input.readOnly = true;
    if (!keep) { input.value = input.dataset.saved; return; }
    if (input.value !== input.dataset.saved) save(input);
  }

  function save(input) {
    var before = input.dataset.saved;
    status.textContent = 'Saving ' + tab + ' ' + input.getAttribute('aria-label').split(',')[0].slice(tab.length + 1) + '…';
    fetch('/edit', { method: 'POST', headers: { 'Content-Type': 'application/json', '${TOKEN_HEADER}': token }, body: JSON.stringify({ tab: tab, row: Number(input.dataset.row), column: Number(input.dataset.column), value: input.value }) })
      .then(function (response) { return response.json(); })
      .then(function (reply) {
        if (reply.error !== undefined) { status.textContent = reply.error; input.value = before; return; }
        input.dataset.saved = input.value;
        return refresh().then(function () {
          status.textContent = 'Saved ' + tab + ' ' + reply.cell + '; the workbook has recalculated.';
          tell({ type: 'inspection-ratings:edited' });
        });
      })
      .catch(function (error) { status.textContent = 'The edit was not saved: ' + error.message; });
  }

  function sameAttributes(from, to, names) {
    names.forEach(function (name) {
      var value = from.getAttribute(name);
      if (value === null) to.removeAttribute(name);
      else if (to.getAttribute(name) !== value) to.setAttribute(name, value);
    });
  }

  /** Brings one cell up to date from the fresh page, leaving a cell being edited as it is. */
  function patchCell(fresh, cell) {
    var freshInput = fresh.querySelector('input');
    var input = cell.querySelector('input');
    if (!freshInput !== !input) {
      var tabIndex = targetOf(cell).tabIndex;
      var copy = document.importNode(fresh, true);
      cell.replaceWith(copy);
      targetOf(copy).tabIndex = tabIndex;
      return;
    }
    sameAttributes(fresh, cell, ['class', 'style', 'title']);
    if (!input) { if (cell.textContent !== fresh.textContent) cell.textContent = fresh.textContent; return; }
    sameAttributes(freshInput, input, ['aria-invalid', 'title', 'aria-label', 'list']);
    if (!isEditing(input) && input.value !== freshInput.value) input.value = freshInput.value;
  }

  function replaceIfChanged(id, fresh) {
    var old = document.getElementById(id);
    if (!old && !fresh) return;
    if (old && fresh && old.innerHTML === fresh.innerHTML) return;
    var focused = old && old.contains(document.activeElement) ? document.activeElement.getAttribute('href') : null;
    var copy = fresh ? document.importNode(fresh, true) : null;
    if (old && copy) old.replaceWith(copy);
    else if (old) old.remove();
    else document.querySelector('main').prepend(copy);
    if (focused && copy) { var again = copy.querySelector('a[href="' + CSS.escape(focused) + '"]'); if (again) again.focus(); }
  }

  /** Updates the page in place from a fresh copy of it: only what changed is touched. */
  function refresh() {
    return fetch('/workbook?tab=' + encodeURIComponent(tab)).then(function (response) {
      if (!response.ok) throw new Error('the workbook could not be read again');
      return response.text();
    }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, 'text/html');
      if (fresh.body.dataset.tab !== tab) { location.href = '/workbook'; return; }
      replaceIfChanged('tabs', fresh.getElementById('tabs'));
      replaceIfChanged('problems', fresh.getElementById('problems'));
      replaceIfChanged('chart', fresh.getElementById('chart'));
      replaceIfChanged('lists', fresh.getElementById('lists'));
      var freshTable = fresh.querySelector('#grid table');
      var t = table();
      var sameShape = freshTable.rows.length === t.rows.length && Array.prototype.every.call(freshTable.rows, function (row, r) { return row.cells.length === t.rows[r].cells.length; });
      if (!sameShape) {
        var focusedHere = t.contains(document.activeElement);
        t.replaceWith(document.importNode(freshTable, true));
        select(current.row, current.column, focusedHere);
        layout();
        return;
      }
      for (var r = 0; r < freshTable.rows.length; r++) {
        for (var c = 0; c < freshTable.rows[r].cells.length; c++) patchCell(freshTable.rows[r].cells[c], t.rows[r].cells[c]);
      }
    });
  }

  function goToCell(row, column) {
    select(row, column, true);
  }

  document.addEventListener('keydown', function (event) {
    var t = table();
    var target = event.target;
    if (!t || !t.contains(target)) return;
    if (isEditing(target)) {
      if (event.key === 'Escape') { event.preventDefault(); stopEditing(target, false); }
      else if (event.key === 'Enter') { event.preventDefault(); stopEditing(target, true); }
      return;
    }
    var row = current.row, column = current.column, rows = t.rows.length;
    var moves = {
      ArrowUp: [row - 1, column], ArrowDown: [row + 1, column], ArrowLeft: [row, column - 1], ArrowRight: [row, column + 1],
      PageUp: [row - 10, column], PageDown: [row + 10, column],
      Home: event.ctrlKey ? [1, 1] : [row, 1], End: event.ctrlKey ? [rows - 1, Infinity] : [row, Infinity],
    };
    var move = moves[event.key];
    if (move && !event.altKey && !event.metaKey) { event.preventDefault(); select(move[0], move[1], true); return; }
    if (target.tagName !== 'INPUT') return;
    if (event.key === 'Enter' || event.key === 'F2') { event.preventDefault(); startEditing(target, false); }
    else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) startEditing(target, true);
  });

  document.addEventListener('focusin', function (event) {
    var cell = event.target.closest && event.target.closest('#grid td, #grid th');
    if (!cell) return;
    var row = cell.parentElement.rowIndex, column = cell.cellIndex;
    // A click on a column letter or row number selects the first cell of its column or row.
    if (row === 0 || column === 0) select(row, column, true);
    else if (row !== current.row || column !== current.column) select(row, column, false);
  });

  document.addEventListener('focusout', function (event) {
    if (isEditing(event.target)) stopEditing(event.target, true);
  });

  // A mouse click on an answer cell edits it at once, as a click in a cell of a form does.
  document.addEventListener('click', function (event) {
    var target = event.target;
    if (target.tagName === 'INPUT' && target.closest('#grid') && target.readOnly && event.detail > 0) startEditing(target, false);
    var link = target.closest && target.closest('a[data-row]');
    if (link && link.dataset.tab === tab) { event.preventDefault(); goToCell(Number(link.dataset.row), Number(link.dataset.column)); }
    if (target.closest && target.closest('#skip-sidebar')) { event.preventDefault(); tell({ type: 'inspection-ratings:skip-to-sidebar' }); }
    if (target.closest && target.closest('#skip-cells')) { event.preventDefault(); select(current.row, current.column, true); }
  });

  window.addEventListener('message', function (event) {
    if (event.origin !== location.origin || event.source !== window.parent || !event.data) return;
    var data = event.data;
    if (data.type === 'inspection-ratings:refresh') refresh().catch(function (error) { status.textContent = 'The workbook pane could not update: ' + error.message; });
    else if (data.type === 'inspection-ratings:go-to-cell') {
      if (data.tab === tab) select(data.row, data.column, true);
      else location.href = '/workbook?tab=' + encodeURIComponent(data.tab) + '&cell=' + Number(data.row) + '-' + Number(data.column);
    } else if (data.type === 'inspection-ratings:focus-cell') select(current.row, current.column, true);
  });

  if (!embedded) document.getElementById('skip-sidebar').hidden = true;
  window.addEventListener('resize', layout);
  layout();
  var wanted = /^(\\d+)-(\\d+)$/.exec(new URLSearchParams(location.search).get('cell') || '');
  if (wanted) select(Number(wanted[1]), Number(wanted[2]), true);
  else {
    var first = document.querySelector('#grid input') ;
    if (first) select(Number(first.dataset.row), Number(first.dataset.column), false);
    else select(1, 1, false);
  }
})();
</script>`;

async function workbookPage(session: Session, requested: string | null, token: string): Promise<string> {
  const rt = session.runtime;
  const names = rt.workbook.sheetNames();
  const current = requested && names.includes(requested) ? requested : names[0];
  const tabs = names
    .map((name) => `<a href="/workbook?tab=${encodeURIComponent(name)}"${name === current ? ' class="current" aria-current="page"' : ''}>${escapeHtml(name)}</a>`)
    .join('');
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">${tokenMeta(token)}<title>${escapeHtml(`${rt.workbook.name}: ${current}`)}</title>
<style>
html { scroll-padding-top: 40px; }
body { margin: 0; font: 12px Arial, sans-serif; color: #202124; }
.skip { position: absolute; left: 8px; top: -40px; z-index: 10; padding: 6px 10px; background: #fff; color: #1a0dab; }
.skip:focus { top: 4px; }
nav { position: sticky; top: 0; z-index: 5; display: flex; flex-wrap: wrap; gap: 2px; padding: 6px; background: #f1f3f4; border-bottom: 1px solid #dadce0; }
nav a { padding: 4px 10px; border-radius: 4px; color: #3c4043; text-decoration: none; }
nav a.current { background: #fff; color: #0d652d; font-weight: bold; }
a:focus, input:focus, #grid td:focus, #grid th:focus { outline: 2px solid #1a73e8; outline-offset: -2px; }
#status { min-height: 1.2em; padding: 2px 8px; color: #3c4043; }
#problems { padding: 0 8px; } #problems h2 { font-size: 13px; margin: 6px 0; } #problems ul { margin: 0 0 6px; max-height: 8em; overflow: auto; }
.help { margin: 4px 8px; color: #5f6368; }
figure { margin: 8px; } figcaption { font-weight: bold; }
#grid { overflow: auto; max-height: calc(100vh - 48px); --row-numbers: 3em; scroll-padding: 44px 0 0 3em; }
table { border-collapse: separate; border-spacing: 0; }
th { background: #f8f9fa; color: #5f6368; font-weight: normal; }
th, td { border-right: 1px solid #e2e3e3; border-bottom: 1px solid #e2e3e3; padding: 2px 6px; max-width: 220px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; background-clip: padding-box; }
td { background-color: #fff; }
td input { min-width: 5.5em; border: 0; background: transparent; font: inherit; color: inherit; }
td.invalid { box-shadow: inset 6px 6px 0 -3px #d93025; }
thead td, thead th { position: sticky; top: 0; z-index: 2; }
td:has(> input) { max-width: none; }
thead tr.frozen td { background: #fff; font-weight: bold; }
th[scope="row"], td.corner { position: sticky; left: 0; z-index: 1; min-width: 2.5em; text-align: right; }
.key { position: sticky; left: var(--row-numbers); z-index: 1; }
thead th[scope="row"], thead td.corner, thead .key { z-index: 3; }
tbody .key { background-color: #fff; }
</style></head><body data-tab="${escapeHtml(current)}"><a class="skip" id="skip-cells" href="#grid">Skip to the cells</a><a class="skip" id="skip-sidebar" href="#">Skip to the sidebar</a><nav id="tabs" aria-label="Tabs">${tabs}</nav><div id="status" role="status" aria-live="polite"></div><main>${await workbookMain(session, current)}</main>${PANE_SCRIPT}</body></html>`;
}

/** A cell typed in the page, checked as Sheets checks a dropdown cell, then entered as typing. */
async function editCell(session: Session, request: IncomingMessage): Promise<{ cell?: string; error?: string }> {
  const body = await requestFields(request, ['tab', 'row', 'column', 'value']);
  if ('error' in body) return body;
  const { tab, row, column, value } = body.fields;
  const workbook = session.runtime.workbook;
  if (typeof tab !== 'string' || !workbook.sheetNames().includes(tab)) return { error: 'There is no such tab.' };
  if (!Number.isInteger(row) || !Number.isInteger(column) || (row as number) < 2 || (column as number) < 1) return { error: 'A cell needs a row (from 2) and a column.' };
  if (typeof value !== 'string') return { error: 'A cell value must be text, as typed.' };
  if (value.length > LIMITS.cellText) return { error: `A cell holds at most ${LIMITS.cellText.toLocaleString('en-GB')} characters in Sheets; this value has ${value.length.toLocaleString('en-GB')}. Nothing was saved.` };
  const a1 = cellA1(row as number, column as number);
  const values = dropdownValues(workbook.sheet(tab).format(row as number, column as number).validation);
  if (!values) return { error: `${tab} ${a1} is not an answer or dropdown cell; edit it in a spreadsheet program.` };
  const validation = workbook.sheet(tab).format(row as number, column as number).validation!;
  if (!validation.allowInvalid && !isListed(values, value)) return { error: `${tab} ${a1}: enter one of ${values.join(', ')}.` };
  try {
    session.runtime.setCellValues(tab, a1, [[value]]);
  } catch (error) {
    return { error: `${tab} ${a1}: ${String((error as Error).message).split('\n')[0]}` };
  }
  return { cell: a1 };
}

const INDEX = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Inspection Ratings — offline preview</title>
<style>
html, body { height: 100%; margin: 0; font: 13px Arial, sans-serif; }
body { display: flex; flex-direction: column; }
.skip { position: absolute; left: 8px; top: -40px; z-index: 10; padding: 6px 10px; background: #fff; color: #1a0dab; }
.skip:focus { top: 4px; outline: 2px solid #1a73e8; }
header { padding: 6px 12px; background: #fff; border-bottom: 1px solid #dadce0; color: #5f6368; }
.panes { flex: 1; display: flex; min-height: 0; }
#workbook { flex: 1; border: 0; border-right: 1px solid #dadce0; }
#sidebar { width: 300px; border: 0; }
</style></head><body>
<a class="skip" id="skip-sidebar" href="#sidebar">Skip to the sidebar</a>
<header>Inspection Ratings — the workbook and the built sidebar, offline: type in the answer cells and everything recalculates; the sidebar's calls run on the offline Apps Script runtime</header>
<div class="panes"><iframe id="workbook" src="/workbook" title="Workbook"></iframe><iframe id="sidebar" src="/sidebar" title="Sidebar" sandbox="${IFRAME_SANDBOX.join(' ')}"></iframe></div>
<script>
(function () {
  var workbook = document.getElementById('workbook');
  var sidebar = document.getElementById('sidebar');
  function toWorkbook(message) { workbook.contentWindow.postMessage(message, location.origin); }
  // Into the sidebar, at its heading: past every cell of the workbook pane (WCAG 2.4.1).
  function focusSidebar() {
    sidebar.focus();
    var doc = sidebar.contentDocument;
    var heading = doc && (doc.querySelector('h1') || doc.body);
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
  document.getElementById('skip-sidebar').addEventListener('click', function (event) { event.preventDefault(); focusSidebar(); });
  window.addEventListener('message', function (event) {
    if (event.origin !== location.origin || !event.data) return;
    var type = event.data.type;
    var fromSidebar = event.source === sidebar.contentWindow, fromWorkbook = event.source === workbook.contentWindow;
    // A sidebar call changed the workbook: the pane updates in place, keeping its focus.
    if (fromSidebar && type === 'inspection-ratings:changed') toWorkbook({ type: 'inspection-ratings:refresh' });
    // goToCell selects the cell in the pane; google.script.host.editor.focus() moves the focus there.
    else if (fromSidebar && type === 'inspection-ratings:go-to-cell') toWorkbook({ type: type, tab: event.data.tab, row: event.data.row, column: event.data.column });
    else if (fromSidebar && type === 'inspection-ratings:focus-editor') { workbook.focus(); toWorkbook({ type: 'inspection-ratings:focus-cell' }); }
    // A cell was typed in: the sidebar reads its overview again, in place (its Refresh button).
    else if (fromWorkbook && type === 'inspection-ratings:edited') {
      var refresh = sidebar.contentDocument && sidebar.contentDocument.getElementById('refresh');
      if (refresh) refresh.click();
    } else if (fromWorkbook && type === 'inspection-ratings:skip-to-sidebar') focusSidebar();
  });
})();
</script>
</body></html>`;

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  response.end(body);
}

/** The body, or undefined past MAX_BODY_BYTES (the rest is read and dropped, so the page still gets its answer). */
function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** How deep a request's JSON may nest: the deepest a server function takes is a list inside an object inside the list of arguments. */
const MAX_JSON_DEPTH = 8;

/**
 * What is wrong with a parsed JSON value's shape: nesting past MAX_JSON_DEPTH, or a `__proto__`
 * key, which JSON.parse keeps as a field but any copy would turn into a prototype. Walked without
 * recursion, so any depth is safe to ask about.
 */
function jsonShapeProblem(value: unknown): string | undefined {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (next.value === null || typeof next.value !== 'object') continue;
    if (next.depth >= MAX_JSON_DEPTH) return `The request nests more than ${MAX_JSON_DEPTH} levels deep.`;
    if (isOwn(next.value, '__proto__')) return 'The request has a field named "__proto__", which no server function takes.';
    for (const item of Object.values(next.value)) pending.push({ value: item, depth: next.depth + 1 });
  }
  return undefined;
}

/**
 * A POST's JSON body as the preview's pages send it: an object with only the named fields (own
 * properties, read into a map with no prototype), nesting at most MAX_JSON_DEPTH; anything else
 * is one sentence in the page's reply format, never a JavaScript error.
 */
async function requestFields<K extends string>(request: IncomingMessage, names: readonly K[]): Promise<{ fields: Partial<Record<K, unknown>> } | { error: string }> {
  const body = await readBody(request);
  if (body === undefined) return { error: `The request is larger than ${MAX_BODY_BYTES.toLocaleString('en-GB')} bytes.` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { error: 'The request is not valid JSON.' };
  }
  const expected = `a JSON object with the fields ${names.join(', ')}`;
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { error: `The request must be ${expected}.` };
  const record = parsed as Record<string, unknown>;
  const unknown = Object.keys(record).find((key) => !(names as readonly string[]).includes(key));
  if (unknown !== undefined) return { error: `The request has no field "${quoteText(unknown)}"; it must be ${expected}.` };
  const shape = jsonShapeProblem(parsed);
  if (shape) return { error: shape };
  const fields = Object.create(null) as Partial<Record<K, unknown>>;
  for (const name of names) if (isOwn(record, name)) fields[name] = record[name];
  return { fields };
}

/** A google.script.run call from the sidebar, run as Apps Script would run it: only the script's own top-level functions. */
async function runCall(rt: AddonRuntime, request: IncomingMessage): Promise<{ value?: unknown; error?: string }> {
  const body = await requestFields(request, ['name', 'args']);
  if ('error' in body) return body;
  const { name, args } = body.fields;
  if (typeof name !== 'string' || !Array.isArray(args)) return { error: 'A call needs a function name and an array of arguments.' };
  // Apps Script's rule first: a name ending in "_" is private, whether or not the script has it.
  if (/^[A-Za-z$][\w$]*_$/.test(name)) return { error: `${quoteText(name)} is private (its name ends with "_"), so google.script.run cannot call it.` };
  if (!rt.functions.some((fn) => fn.name === name)) return { error: `The add-on has no server function "${quoteText(name)}".` };
  if (args.length > LIMITS.arguments) return { error: `${name} takes at most ${LIMITS.arguments} arguments; got ${args.length.toLocaleString('en-GB')}.` };
  try {
    return { value: rt.runFromSidebar(name, ...args) };
  } catch (error) {
    // The server function's own sentence (an Error of the add-on's realm: its message's first line, never a stack).
    return { error: String((error as { message?: unknown } | undefined)?.message ?? error).split('\n')[0] };
  }
}

/** What a request must carry to be the preview's own: its host, its origin, and on a POST JSON and the token. */
interface Guard {
  hosts: string[];
  token: string;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Why a request is refused, or undefined when it comes from the preview's own pages. */
function refusal(request: IncomingMessage, guard: Guard): string | undefined {
  const host = (request.headers.host ?? '').toLowerCase();
  // DNS rebinding: a foreign name that resolves to 127.0.0.1 still sends its own Host.
  if (!guard.hosts.includes(host)) return `Host "${host.slice(0, 200)}" is not this preview's.`;
  const origin = request.headers.origin;
  if (origin !== undefined && !guard.hosts.some((allowed) => origin === `http://${allowed}`)) return `Origin "${origin.slice(0, 200)}" is not this preview's.`;
  if (request.method !== 'POST') return undefined;
  if (request.headers['sec-fetch-site'] !== undefined && request.headers['sec-fetch-site'] !== 'same-origin') return 'A change must come from the preview\'s own page.';
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') return 'A change must be sent as application/json.';
  const token = request.headers[TOKEN_HEADER.toLowerCase()];
  if (typeof token !== 'string' || !sameText(token, guard.token)) return 'A change must carry the token of the preview\'s page.';
  return undefined;
}

/** The workbook's values and tabs, to tell whether a sidebar call changed them. */
function fingerprint(rt: AddonRuntime): string {
  return JSON.stringify(rt.workbook.sheetNames().map((name) => [name, rt.workbook.sheetValues(name)]));
}

function handle(root: string, session: Session, guard: Guard) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const refused = refusal(request, guard);
    if (refused) return send(response, 403, 'text/plain', refused);
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'POST' && url.pathname === '/run') {
      const before = fingerprint(session.runtime);
      const reply = await runCall(session.runtime, request);
      return send(response, 200, 'application/json', JSON.stringify({ ...reply, changed: fingerprint(session.runtime) !== before }));
    }
    if (request.method === 'POST' && url.pathname === '/edit') return send(response, 200, 'application/json', JSON.stringify(await editCell(session, request)));
    if (request.method !== 'GET') return send(response, 405, 'text/plain', 'Only GET, and POST to /run or /edit.');
    if (url.pathname === '/') return send(response, 200, 'text/html', INDEX);
    if (url.pathname === '/sidebar') return send(response, 200, 'text/html', sidebarPage(root, guard.token));
    if (url.pathname === '/workbook') return send(response, 200, 'text/html', await workbookPage(session, url.searchParams.get('tab'), guard.token));
    return send(response, 404, 'text/plain', 'Not found.');
  };
}

/** Opens a workbook file (default: the example) in the offline runtime, runs New inspection and Generate summaries, and serves it. */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const file = options.file ?? join(options.root, EXAMPLE);
  // The framework and case tabs as the add-on reads them (a youth workbook gets the youth tabs).
  const session = await openFileSession(options.root, file);
  generateSummaries(session);
  const guard: Guard = { hosts: [], token: randomBytes(32).toString('hex') };
  const respond = handle(options.root, session, guard);
  const server: Server = createServer((request, response) => {
    respond(request, response).catch((error: Error) => {
      // The page gets a sentence; the details go to the terminal that runs the preview.
      console.error(error);
      send(response, 500, 'text/plain', 'The preview could not answer this request; see the terminal that runs it.');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  guard.hosts = [...new Set([address.address, '127.0.0.1', 'localhost'])].map((name) => `${name}:${address.port}`);
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
  if (positionals.length > 1) throw new InputError(`Usage: ${typedCommand('preview')} [FILE]: give at most one workbook (.xlsx).`);
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
