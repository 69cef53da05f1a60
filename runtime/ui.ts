/**
 * Fakes of the Ui (menus, alerts, prompts, sidebars, dialogs) and of HtmlService. What the add-on
 * shows is recorded in a UiRecorder for tests to read; alert and prompt answers can be queued.
 */
import { parse, parseFragment, serialize } from 'parse5';
import { asGas, Env, enumOf, ServiceObject } from './env';

type GasUi = GoogleAppsScript.Base.Ui;
type GasMenu = GoogleAppsScript.Base.Menu;
type GasButton = GoogleAppsScript.Base.Button;
type GasButtonSet = GoogleAppsScript.Base.ButtonSet;
type GasPromptResponse = GoogleAppsScript.Base.PromptResponse;
type GasHtmlService = GoogleAppsScript.HTML.HtmlService;
type GasHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type GasHtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;

export type ButtonName = 'CLOSE' | 'OK' | 'CANCEL' | 'YES' | 'NO';
export type MenuEntry = { caption: string; functionName: string } | { separator: true } | { caption: string; items: MenuEntry[] };

export interface RecordedMenu {
  caption: string;
  /** Built with createAddonMenu (Extensions › add-on name) rather than createMenu. */
  addon: boolean;
  items: MenuEntry[];
}

export interface RecordedAlert {
  title?: string;
  prompt: string;
  buttons: string;
  response: ButtonName;
}

export interface RecordedPrompt extends RecordedAlert {
  responseText: string;
}

export interface RecordedHtml {
  kind: 'sidebar' | 'modal dialog' | 'modeless dialog';
  title: string;
  content: string;
  width: number;
  height: number;
}

const FIRST_BUTTON: Record<string, ButtonName> = { OK: 'OK', OK_CANCEL: 'OK', YES_NO: 'YES', YES_NO_CANCEL: 'YES' };

/** What the add-on put on screen, and the answers the "user" will give. */
export class UiRecorder {
  readonly menus: RecordedMenu[] = [];
  readonly alerts: RecordedAlert[] = [];
  readonly prompts: RecordedPrompt[] = [];
  /** Sidebars and dialogs, in the order they were shown. */
  readonly shown: RecordedHtml[] = [];
  private readonly alertAnswers: ButtonName[] = [];
  private readonly promptAnswers: { text: string; button: ButtonName }[] = [];

  constructor(readonly addonName: string) {}

  get sidebars(): RecordedHtml[] {
    return this.shown.filter((html) => html.kind === 'sidebar');
  }

  get dialogs(): RecordedHtml[] {
    return this.shown.filter((html) => html.kind !== 'sidebar');
  }

  /** The add-on menu (or the menu with that caption) as last added to the UI. */
  menu(caption?: string): RecordedMenu | undefined {
    return this.menus.find((menu) => (caption === undefined ? menu.addon : menu.caption === caption));
  }

  /** The function behind a menu item, found by its caption (in submenus too). */
  menuFunction(itemCaption: string, menuCaption?: string): string {
    const search = (entries: MenuEntry[]): string | undefined => {
      for (const entry of entries) {
        if ('functionName' in entry && entry.caption === itemCaption) return entry.functionName;
        if ('items' in entry) {
          const found = search(entry.items);
          if (found !== undefined) return found;
        }
      }
      return undefined;
    };
    const menu = this.menu(menuCaption);
    const found = menu === undefined ? undefined : search(menu.items);
    if (found === undefined) throw new Error(`No menu item "${itemCaption}" in ${menu === undefined ? 'any menu' : `menu "${menu.caption}"`}.`);
    return found;
  }

  /** The button the next alert is answered with (otherwise its first button: OK or YES). */
  answerNextAlert(button: ButtonName): void {
    this.alertAnswers.push(button);
  }

  answerNextPrompt(text: string, button: ButtonName = 'OK'): void {
    this.promptAnswers.push({ text, button });
  }

  addMenu(menu: RecordedMenu): void {
    const index = this.menus.findIndex((m) => m.caption === menu.caption && m.addon === menu.addon);
    if (index >= 0) this.menus.splice(index, 1, menu);
    else this.menus.push(menu);
  }

  alert(prompt: string, buttons: string, title?: string): ButtonName {
    const response = this.alertAnswers.shift() ?? FIRST_BUTTON[buttons];
    this.alerts.push({ ...(title === undefined ? {} : { title }), prompt, buttons, response });
    return response;
  }

  prompt(prompt: string, buttons: string, title?: string): { text: string; button: ButtonName } {
    const answer = this.promptAnswers.shift() ?? { text: '', button: FIRST_BUTTON[buttons] };
    this.prompts.push({ ...(title === undefined ? {} : { title }), prompt, buttons, response: answer.button, responseText: answer.text });
    return answer;
  }
}

const BUTTONS = ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'];
const BUTTON_SETS = ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'];

export class FakeUi extends ServiceObject implements Pick<GasUi, keyof FakeUi> {
  readonly Button = enumOf<typeof GoogleAppsScript.Base.Button>(BUTTONS);
  readonly ButtonSet = enumOf<typeof GoogleAppsScript.Base.ButtonSet>(BUTTON_SETS);

  constructor(env: Env, private readonly recorder: UiRecorder) {
    super('Ui', env);
  }

  createAddonMenu(): GasMenu {
    return asGas(new FakeMenu(this.env, this.recorder, { caption: this.recorder.addonName, addon: true, items: [] }));
  }

  createMenu(caption: string): GasMenu {
    return asGas(new FakeMenu(this.env, this.recorder, { caption, addon: false, items: [] }));
  }

  /** alert(prompt), alert(prompt, buttons) or alert(title, prompt, buttons). */
  alert(first: string, second?: string | GasButtonSet, third?: GasButtonSet): GasButton {
    const [title, prompt, buttons] = third === undefined ? [undefined, first, second ?? 'OK'] : [first, String(second), third];
    return this.recorder.alert(String(prompt), String(buttons), title) as unknown as GasButton;
  }

  prompt(first: string, second?: string | GasButtonSet, third?: GasButtonSet): GasPromptResponse {
    const [title, prompt, buttons] = third === undefined ? [undefined, first, second ?? 'OK'] : [first, String(second), third];
    const answer = this.recorder.prompt(String(prompt), String(buttons), title);
    return asGas(new FakePromptResponse(this.env, answer.text, answer.button));
  }

  showSidebar(userInterface: GasHtmlOutput): void {
    this.show('sidebar', userInterface);
  }

  showModalDialog(userInterface: GasHtmlOutput, title: string): void {
    this.show('modal dialog', userInterface, title);
  }

  showModelessDialog(userInterface: GasHtmlOutput, title: string): void {
    this.show('modeless dialog', userInterface, title);
  }

  private show(kind: RecordedHtml['kind'], userInterface: GasHtmlOutput, title?: string): void {
    const html = this.env.internal<HtmlModel>(userInterface, 'HtmlOutput (an HtmlTemplate must be evaluated first)');
    this.recorder.shown.push({ kind, title: title ?? html.title, content: html.content, width: html.width, height: html.height });
  }
}

export class FakeMenu extends ServiceObject implements Pick<GasMenu, keyof FakeMenu> {
  constructor(env: Env, private readonly recorder: UiRecorder, private readonly menu: RecordedMenu) {
    super('Menu', env);
    env.register(this, menu);
  }

  addItem(caption: string, functionName: string): GasMenu {
    this.menu.items.push({ caption, functionName });
    return asGas(this.self);
  }

  addSeparator(): GasMenu {
    this.menu.items.push({ separator: true });
    return asGas(this.self);
  }

  addSubMenu(menu: GasMenu): GasMenu {
    const sub = this.env.internal<RecordedMenu>(menu, 'Menu');
    this.menu.items.push({ caption: sub.caption, items: sub.items });
    return asGas(this.self);
  }

  addToUi(): void {
    this.recorder.addMenu({ ...this.menu, items: [...this.menu.items] });
  }
}

export class FakePromptResponse extends ServiceObject implements Pick<GasPromptResponse, keyof FakePromptResponse> {
  constructor(env: Env, private readonly text: string, private readonly button: ButtonName) {
    super('PromptResponse', env);
  }

  getResponseText(): string {
    return this.text;
  }

  getSelectedButton(): GasButton {
    return this.button as unknown as GasButton;
  }
}

interface HtmlModel {
  content: string;
  title: string;
  width: number;
  height: number;
  faviconUrl: string;
}

/**
 * The sandbox keywords Apps Script's IFRAME mode gives a sidebar or dialog (HTML Service:
 * Restrictions, https://developers.google.com/apps-script/guides/html/restrictions; the only
 * other keyword, allow-top-navigation-by-user-activation, is set for stand-alone scripts only).
 * The sidebar tests and the preview frame the sidebar with exactly these.
 */
export const IFRAME_SANDBOX = ['allow-same-origin', 'allow-forms', 'allow-scripts', 'allow-popups', 'allow-downloads', 'allow-modals', 'allow-popups-to-escape-sandbox'] as const;

/**
 * HTML as HtmlService keeps it: Google parses and sanitizes what a script serves (Class
 * HtmlService, https://developers.google.com/apps-script/reference/html/html-service), so the
 * content is what survives an HTML5 parse and re-serialisation. A whole page (a doctype or an
 * <html> tag first) is parsed as a document, anything else as body content, as an included file
 * is. Script and style elements keep their text; text outside them is HTML, so a raw script file
 * comes back altered (`a && b` as `a &amp;&amp; b`, `"<div>"` as an element).
 */
export function parsedHtml(content: string): string {
  return /^\s*(<!doctype|<html[\s>])/i.test(content) ? serialize(parse(content)) : serialize(parseFragment(content));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Where HtmlService finds the project's HTML files, and how it runs a template's scriptlets. */
export interface HtmlHost {
  file(name: string): string | undefined;
  /** Runs template code (a function of the template's variables) in the add-on's context. */
  runTemplate(code: string, variables: Record<string, unknown>): string;
}

export class FakeHtmlService extends ServiceObject implements Pick<GasHtmlService, keyof FakeHtmlService> {
  readonly SandboxMode = enumOf<typeof GoogleAppsScript.HTML.SandboxMode>(['EMULATED', 'IFRAME', 'NATIVE']);
  readonly XFrameOptionsMode = enumOf<typeof GoogleAppsScript.HTML.XFrameOptionsMode>(['ALLOWALL', 'DEFAULT']);

  constructor(env: Env, private readonly host: HtmlHost) {
    super('HtmlService', env);
  }

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): GasHtmlOutput {
    if (html !== undefined && typeof html !== 'string') throw new Error('createHtmlOutput(blob) is not supported by the offline runtime; pass a string.');
    return asGas(new FakeHtmlOutput(this.env, this.host, html ?? ''));
  }

  createHtmlOutputFromFile(filename: string): GasHtmlOutput {
    return asGas(new FakeHtmlOutput(this.env, this.host, this.file(filename)));
  }

  createTemplate(html: string | GoogleAppsScript.Base.BlobSource): GasHtmlTemplate {
    if (typeof html !== 'string') throw new Error('createTemplate(blob) is not supported by the offline runtime; pass a string.');
    return asGas(new FakeHtmlTemplate(this.env, this.host, html));
  }

  createTemplateFromFile(filename: string): GasHtmlTemplate {
    return asGas(new FakeHtmlTemplate(this.env, this.host, this.file(filename)));
  }

  getUserAgent(): string {
    return 'Mozilla/5.0 (offline Apps Script runtime)';
  }

  private file(filename: string): string {
    const content = this.host.file(filename);
    if (content === undefined) throw new Error(`No HTML file named ${filename} was found.`);
    return content;
  }
}

export class FakeHtmlOutput extends ServiceObject implements Pick<GasHtmlOutput, keyof FakeHtmlOutput> {
  private readonly html: HtmlModel;

  constructor(env: Env, private readonly host: HtmlHost, content: string) {
    super('HtmlOutput', env);
    this.html = { content: parsedHtml(content), title: '', width: 0, height: 0, faviconUrl: '' };
    env.register(this, this.html);
  }

  getContent(): string {
    return this.html.content;
  }

  setContent(content: string): GasHtmlOutput {
    this.html.content = parsedHtml(content);
    return asGas(this.self);
  }

  append(addedContent: string): GasHtmlOutput {
    this.html.content = parsedHtml(this.html.content + addedContent);
    return asGas(this.self);
  }

  appendUntrusted(addedContent: string): GasHtmlOutput {
    this.html.content = parsedHtml(this.html.content + escapeHtml(addedContent));
    return asGas(this.self);
  }

  clear(): GasHtmlOutput {
    this.html.content = '';
    return asGas(this.self);
  }

  asTemplate(): GasHtmlTemplate {
    return asGas(new FakeHtmlTemplate(this.env, this.host, this.html.content));
  }

  getTitle(): string {
    return this.html.title;
  }

  setTitle(title: string): GasHtmlOutput {
    this.html.title = title;
    return asGas(this.self);
  }

  getWidth(): number {
    return this.html.width;
  }

  setWidth(width: number): GasHtmlOutput {
    this.html.width = width;
    return asGas(this.self);
  }

  getHeight(): number {
    return this.html.height;
  }

  setHeight(height: number): GasHtmlOutput {
    this.html.height = height;
    return asGas(this.self);
  }

  getFaviconUrl(): string {
    return this.html.faviconUrl;
  }

  setFaviconUrl(iconUrl: string): GasHtmlOutput {
    this.html.faviconUrl = iconUrl;
    return asGas(this.self);
  }

  /** Sandbox and X-Frame-Options modes change nothing offline. */
  setSandboxMode(): GasHtmlOutput {
    return asGas(this.self);
  }

  setXFrameOptionsMode(): GasHtmlOutput {
    return asGas(this.self);
  }
}

/** Turns a template's scriptlets (<? code ?>, <?= escaped ?>, <?!= raw ?>) into a function body. */
function templateCode(source: string): string {
  const parts: string[] = ['var __out = "";'];
  const scriptlet = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let match = scriptlet.exec(source); match !== null; match = scriptlet.exec(source)) {
    parts.push(`__out += ${JSON.stringify(source.slice(last, match.index))};`);
    if (match[1] === '=') parts.push(`__out += __escape(${match[2]});`);
    else if (match[1] === '!=') parts.push(`__out += (${match[2]});`);
    else parts.push(match[2]);
    last = scriptlet.lastIndex;
  }
  parts.push(`__out += ${JSON.stringify(source.slice(last))};`, 'return __out;');
  return parts.join('\n');
}

const templateSources = new WeakMap<object, string>();
const INTERNAL_KEYS = new Set(['env', 'self', 'host']);

export class FakeHtmlTemplate extends ServiceObject implements Pick<GasHtmlTemplate, keyof FakeHtmlTemplate> {
  constructor(env: Env, private readonly host: HtmlHost, source: string) {
    super('HtmlTemplate', env);
    templateSources.set(this.self, source);
  }

  /** Runs the scriptlets with the properties the add-on set on the template as variables. */
  evaluate(): GasHtmlOutput {
    const variables = Object.fromEntries(Object.entries(this).filter(([key]) => !INTERNAL_KEYS.has(key)));
    const content = this.host.runTemplate(this.getCode(), { ...variables, __escape: (value: unknown) => escapeHtml(String(value)) });
    return asGas(new FakeHtmlOutput(this.env, this.host, content));
  }

  getCode(): string {
    return templateCode(this.getRawContent());
  }

  getCodeWithComments(): string {
    return this.getCode();
  }

  getRawContent(): string {
    return templateSources.get(this.self) ?? '';
  }
}
