/**
 * The sidebar in headless Chromium, its google.script.run shim wired to the offline runtime:
 * every server call the page makes is a real run of dist/Code.js over the test workbook.
 * As in Sheets, the sidebar is the HTML HtmlService serves (parsed, runtime/ui.ts) inside an
 * iframe sandboxed with Apps Script's IFRAME-mode keywords (IFRAME_SANDBOX): what the sandbox
 * forbids (a download without allow-downloads, top navigation) fails here too.
 * The page also records what a screen reader depends on: which live regions existed, empty,
 * when the page loaded, and which of them changed since.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Frame, Page } from 'playwright-core';
import type { AddonRuntime } from '../../runtime';
import { IFRAME_SANDBOX, parsedHtml } from '../../runtime/ui';

const SIDEBAR_HTML = join(__dirname, '../../dist/Sidebar.html');
/** The editor's page, and the sidebar's own document framed in it (init scripts run first in both). */
const EDITOR_URL = 'http://localhost/editor.html';
const SIDEBAR_URL = 'http://localhost/sidebar.html';
const EDITOR_HTML = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Editor</title>
<style>html, body { margin: 0; height: 100%; } iframe { border: 0; width: 300px; height: 100%; }</style></head>
<body><iframe id="sidebar" title="Inspection Ratings" sandbox="${IFRAME_SANDBOX.join(' ')}" src="${SIDEBAR_URL}"></iframe></body></html>`;

/**
 * What a test reads and does in the sidebar: queries and scripts go to the sidebar's frame, while
 * the keyboard, downloads, dialogs and closing belong to the browser page holding it.
 */
const FRAME_MEMBERS = new Set(['locator', 'getByRole', 'getByLabel', 'getByText', 'getByTitle', 'getByPlaceholder', 'evaluate', 'evaluateHandle', 'waitForFunction', 'waitForSelector', 'addScriptTag', 'focus', 'click', 'fill', 'press', 'textContent', 'innerText', 'content', 'title', '$', '$$', '$eval', '$$eval']);

function sidebarView(page: Page, frame: Frame): Page {
  return new Proxy(page, {
    get: (target, name, receiver) => {
      const owner: object = typeof name === 'string' && FRAME_MEMBERS.has(name) ? frame : target;
      const member = Reflect.get(owner, name, owner === target ? receiver : owner) as unknown;
      return typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(owner) : member;
    },
  });
}

/** What a test sees of one open sidebar. */
export interface Sidebar {
  page: Page;
  /** Every server call the page made, in order. */
  calls: Array<{ name: string; args: unknown[] }>;
  /** Dialogs (alert, confirm…) the page tried to open: there must be none. */
  dialogs: string[];
  /** Requests the page tried to make to anywhere but this machine (all refused). */
  blocked: string[];
  /** Holds the next call of a server function until the returned function is called. */
  hold(name: string): () => void;
}

type Reply = { ok: true; value: unknown } | { ok: false; message: string };

/** Opens dist/Sidebar.html at the sidebar's 300 px, google.script.run forwarding to `rt`. */
export async function openSidebar(browser: Browser, rt: AddonRuntime): Promise<Sidebar> {
  const page = await browser.newPage({ viewport: { width: 300, height: 800 }, acceptDownloads: true });
  const held = new Map<string, Promise<void>>();
  const sidebar: Sidebar = {
    page: undefined as unknown as Page,
    calls: [],
    dialogs: [],
    blocked: [],
    hold: (name) => {
      let release!: () => void;
      held.set(name, new Promise<void>((resolve) => (release = resolve)));
      return () => release();
    },
  };
  page.on('dialog', (dialog) => {
    sidebar.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.href === EDITOR_URL) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: EDITOR_HTML });
    if (url.href === SIDEBAR_URL) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: parsedHtml(readFileSync(SIDEBAR_HTML, 'utf8')) });
    if (url.hostname === 'localhost' || url.hostname === '127.0.0.1') return route.continue();
    sidebar.blocked.push(url.href);
    return route.abort();
  });
  await page.exposeFunction('runServerFunction', async (name: string, args: unknown[]): Promise<Reply> => {
    const gate = held.get(name);
    held.delete(name);
    if (gate) await gate;
    sidebar.calls.push({ name, args });
    try {
      return { ok: true, value: rt.runFromSidebar(name, ...args) };
    } catch (error) {
      return { ok: false, message: String((error as { message?: unknown }).message ?? error) };
    }
  });
  await page.addInitScript(installGoogleScript);
  await page.addInitScript(recordLiveRegions);
  await page.goto(EDITOR_URL);
  const frame = await (await page.locator('#sidebar').elementHandle())!.contentFrame();
  sidebar.page = sidebarView(page, frame!);
  await loaded(sidebar.page);
  return sidebar;
}

/**
 * Runs in the page: google.script.run as HtmlService provides it (chained handlers, any server
 * function name), each call going to the test through the exposed runServerFunction; and
 * google.script.host.editor.focus, counted in `editorFocused`.
 */
function installGoogleScript(): void {
  type Handler = ((value: unknown) => void) | undefined;
  const page = window as unknown as {
    runServerFunction(name: string, args: unknown[]): Promise<Reply>;
    google: unknown;
    editorFocused: number;
  };
  const runner = (onSuccess: Handler, onFailure: Handler): unknown =>
    new Proxy(
      {},
      {
        get: (_target, name) => {
          if (name === 'withSuccessHandler') return (handler: Handler) => runner(handler, onFailure);
          if (name === 'withFailureHandler') return (handler: Handler) => runner(onSuccess, handler);
          return (...args: unknown[]) => {
            void page.runServerFunction(String(name), args).then((reply) => {
              if (reply.ok) onSuccess?.(reply.value);
              else onFailure?.(new Error(reply.message));
            });
          };
        },
      },
    );
  page.editorFocused = 0;
  page.google = { script: { run: runner(undefined, undefined), host: { editor: { focus: () => (page.editorFocused += 1) } } } };
}

/** What the page recorded of its live regions (see recordLiveRegions). */
export interface LiveRecord {
  /** Each live region in the page when its HTML was parsed, and its text then. */
  atLoad: Array<{ id: string; role: string; text: string }>;
  /** Live regions whose content changed since `forget()`: id (or the nearest ancestor's id) and role. */
  changed: Array<{ id: string; role: string; wasThere: boolean }>;
}

/**
 * Runs in the page: when the document is parsed (before any server reply), notes every live region
 * (role status or alert, or aria-live) and its text; from then on, every change of content inside
 * a live region, and whether that region was one of those noted at load with the same role.
 */
function recordLiveRegions(): void {
  const live = '[role=status], [role=alert], [aria-live]';
  const record = { atLoad: [] as Array<{ id: string; role: string; text: string }>, changed: [] as Array<{ id: string; role: string; wasThere: boolean }> };
  const known = new Map<Element, string>();
  const roleOf = (region: Element) => region.getAttribute('role') ?? `aria-live=${region.getAttribute('aria-live')}`;
  const nameOf = (region: Element) => {
    for (let at: Element | null = region; at; at = at.parentElement) if (at.id) return at.id;
    return region.tagName;
  };
  (window as unknown as { liveRecord: unknown }).liveRecord = record;
  document.addEventListener('DOMContentLoaded', () => {
    for (const region of Array.from(document.querySelectorAll(live))) {
      known.set(region, roleOf(region));
      record.atLoad.push({ id: nameOf(region), role: roleOf(region), text: region.textContent ?? '' });
    }
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        if (mutation.type === 'attributes') continue;
        const target = mutation.target instanceof Element ? mutation.target : mutation.target.parentElement;
        const region = target?.closest(live);
        if (!region) continue;
        record.changed.push({ id: nameOf(region), role: roleOf(region), wasThere: known.get(region) === roleOf(region) });
      }
    }).observe(document.body, { childList: true, characterData: true, subtree: true });
  });
}

export async function liveRecord(page: Page): Promise<LiveRecord> {
  return page.evaluate(() => (window as unknown as { liveRecord: LiveRecord }).liveRecord);
}

/** Starts a new list of changed live regions. */
export async function forgetLiveChanges(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { liveRecord: LiveRecord }).liveRecord.changed = []));
}

export async function loaded(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('main')?.getAttribute('aria-busy') === 'false');
}

export async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).innerText()).replace(/\s+/g, ' ').trim();
}

/** Waits for something the page causes on the test's side (a server call), up to two seconds. */
export async function until(condition: () => boolean): Promise<void> {
  for (const started = Date.now(); !condition(); await new Promise((resolve) => setTimeout(resolve, 20))) {
    if (Date.now() - started > 2000) throw new Error('Timed out waiting for the page.');
  }
}

/** The focused element as a person would find it: its id, or its tag and text. */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'body';
    return active.id ? `#${active.id}` : `${active.tagName.toLowerCase()}: ${(active as HTMLElement).innerText.replace(/\s+/g, ' ').trim()}`;
  });
}
