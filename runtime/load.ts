/**
 * Loads the built add-on (dist/Code.js) into a fresh, bare node:vm context whose only globals are the
 * fake Apps Script services, registers its custom functions with the formula engine, and runs its
 * functions the way Apps Script does: one run per call, locks released when the run ends.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { topLevelFunctions, TopLevelFunction } from './bundle';
import { CellErrorInfo } from './engine';
import { AuthModeName, CallCounter, intoRealm, isDate, Realm } from './env';
import { ActiveUser, FakeCharts, FakeLockService, FakeLogger, FakePropertiesService, FakeScriptApp, FakeSession, FakeUtilities, LockStates, LogEntry, PropertyStores, recordingConsole } from './services';
import { FakeSpreadsheetApp, spreadsheetFake } from './spreadsheet';
import { FakeHtmlService, FakeUi, HtmlHost, UiRecorder } from './ui';
import { SheetsValue } from './values';
import { Workbook, WorkbookOptions } from './workbook';

/** Where the built add-on lives: <repo>/dist. */
export const DEFAULT_BUNDLE_DIR = path.resolve(__dirname, '..', 'dist');

export interface LoadOptions {
  /** The script's source; read from `${bundleDir}/Code.js` when omitted. */
  code?: string;
  /** Where Code.js and the HTML files are (default <repo>/dist). */
  bundleDir?: string;
  /** The spreadsheet the add-on is bound to: a Workbook (see buildSpreadsheet) or the options for one. */
  spreadsheet?: Workbook | WorkbookOptions;
  /** HTML files by name, as createHtmlOutputFromFile(name) finds them; otherwise read from bundleDir. */
  htmlFiles?: Record<string, string>;
  /** The caption of the add-on menu (Extensions › this). */
  addonName?: string;
  /**
   * The manifest: its oauthScopes limit what the add-on may call, its timeZone is the script's.
   * Read from `${bundleDir}/appsscript.json` unless `code` is given (then no scopes are checked).
   */
  manifest?: Manifest;
  /**
   * 'settled' (default): custom-function cells are computed whenever read. 'pending': as in Sheets,
   * each reads "Loading..." from the first open and after every change until `settle()`.
   */
  customFunctions?: 'settled' | 'pending';
}

/** The parts of appsscript.json the runtime follows. */
export interface Manifest {
  timeZone?: string;
  oauthScopes?: string[];
}

export interface AppsScriptServices {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
}

export function buildSpreadsheet(options: WorkbookOptions = {}): Workbook {
  return new Workbook(options);
}

/** Values google.script.run can carry: primitives, arrays and plain objects of them. */
function checkTransferable(value: unknown, where: string): void {
  if (value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value)) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkTransferable(item, `${where}[${index}]`));
    return;
  }
  const prototype = typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (isDate(value) || typeof value !== 'object' || (prototype !== null && Object.getPrototypeOf(prototype) !== null)) {
    throw new Error(`${where} cannot pass through google.script.run (only primitives, arrays and plain objects can; ${isDate(value) ? 'a Date' : typeof value} found).`);
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) checkTransferable(item, `${where}.${key}`);
}

export class AddonRuntime {
  readonly workbook: Workbook;
  /** The add-on's spreadsheet as the add-on sees it (calls through it are counted like the add-on's). */
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly ui: UiRecorder;
  readonly properties = new PropertyStores();
  readonly locks = new LockStates();
  /** Who Session.getActiveUser() is: blank by default, as offline; set `activeUser.email` to be someone. */
  readonly activeUser = new ActiveUser();
  /** What the add-on wrote with console and Logger. */
  readonly logs: LogEntry[] = [];
  /** Every top-level function of the script, custom functions marked. */
  readonly functions: TopLevelFunction[];
  /** How many times each custom function ran (its JavaScript, not its formula cells). */
  readonly customFunctionCalls = new CallCounter();
  /** The add-on's global object; it has the fakes and the script's functions, and nothing of Node. */
  readonly context: vm.Context;
  /** The fake services the add-on sees as globals, typed as Apps Script's (calls are counted). */
  readonly services: AppsScriptServices;
  /** The manifest followed: scopes checked on every service call, the script's time zone. */
  readonly manifest: Manifest;

  constructor(options: LoadOptions = {}) {
    const bundleDir = options.bundleDir ?? DEFAULT_BUNDLE_DIR;
    const code = options.code ?? fs.readFileSync(path.join(bundleDir, 'Code.js'), 'utf8');
    this.workbook = options.spreadsheet instanceof Workbook ? options.spreadsheet : new Workbook(options.spreadsheet);
    const env = this.workbook.env;
    this.manifest = options.manifest ?? (options.code === undefined ? readManifest(bundleDir) : {});
    env.oauthScopes = this.manifest.oauthScopes;
    this.workbook.customFunctionMode = options.customFunctions ?? 'settled';
    this.ui = new UiRecorder(options.addonName ?? 'Add-on');
    this.spreadsheet = spreadsheetFake(env, this.workbook) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;

    this.context = vm.createContext({}, { name: 'Apps Script (offline)' });
    env.realm = vm.runInContext('({ Array: Array, Object: Object, Date: Date, Error: Error })', this.context) as Realm;
    const htmlHost: HtmlHost = {
      file: (name) => options.htmlFiles?.[name] ?? options.htmlFiles?.[name.replace(/\.html$/, '')] ?? this.readHtml(bundleDir, name),
      runTemplate: (templateCode, variables) => {
        const run = vm.runInContext(`(function (__variables) { with (__variables) { return (function () {\n${templateCode}\n})(); } })`, this.context) as (v: object) => string;
        return run(intoRealm(variables, env.realm) as object);
      },
    };
    const ui = new FakeUi(env, this.ui);
    const globals: Record<string, unknown> = {
      SpreadsheetApp: new FakeSpreadsheetApp(env, this.workbook, () => ui as unknown as GoogleAppsScript.Base.Ui),
      HtmlService: new FakeHtmlService(env, htmlHost),
      PropertiesService: new FakePropertiesService(env, this.properties),
      LockService: new FakeLockService(env, this.locks),
      ScriptApp: new FakeScriptApp(env),
      Session: new FakeSession(env, this.activeUser, this.manifest.timeZone ?? 'Etc/UTC'),
      Charts: new FakeCharts(env),
      Utilities: new FakeUtilities(env),
      Logger: new FakeLogger(env, this.logs),
      console: recordingConsole(this.logs),
    };
    for (const [name, value] of Object.entries(globals)) this.context[name] = value;
    this.services = globals as unknown as AppsScriptServices;

    env.run({ kind: 'load' }, () => vm.runInContext(code, this.context, { filename: 'Code.js' }));
    this.functions = topLevelFunctions(code).filter((fn) => typeof this.context[fn.name] === 'function');
    const customFunctions = this.functions.filter((fn) => fn.customFunction).map((fn) => fn.name);
    this.workbook.engine.setCustomFunctions(customFunctions, (name, args) => {
      this.customFunctionCalls.record(name);
      const fn = this.context[name] as (...a: unknown[]) => unknown;
      return env.run({ kind: 'customFunction', functionName: name }, () => fn(...(intoRealm(args, env.realm) as unknown[])));
    });
  }

  /** Calls made by the fakes: `counter.total`, `counter.count('Range.setValues')`, `counter.reset()`. */
  get counter(): CallCounter {
    return this.workbook.env.counter;
  }

  /**
   * Pending mode: every custom-function call has now run, so their cells read their results (until
   * the next change). Sheets runs each as its own execution, some time after the edit.
   */
  settle(): void {
    this.workbook.settle();
  }

  /** Service calls made while the script's top level ran; docs/design.md wants none. */
  get loadCalls(): string[] {
    return this.workbook.env.loadCalls;
  }

  /** Custom functions the engine could not register, and why. */
  get warnings(): string[] {
    return this.workbook.engine.warnings;
  }

  get customFunctionNames(): string[] {
    return this.functions.filter((fn) => fn.customFunction).map((fn) => fn.name);
  }

  /** Runs a top-level function as its own run in AuthMode.FULL (a menu item, a trigger, a server function). */
  call<T = unknown>(name: string, ...args: unknown[]): T {
    return this.callAs<T>('FULL', name, ...args);
  }

  callAs<T = unknown>(authMode: AuthModeName, name: string, ...args: unknown[]): T {
    // Only the script's own names: the context inherits toString, constructor and the like from Object.
    const fn = Object.prototype.hasOwnProperty.call(this.context, name) ? this.context[name] : undefined;
    if (typeof fn !== 'function') throw new Error(`The script has no top-level function ${name}.`);
    const env = this.workbook.env;
    return env.run({ kind: 'script', functionName: name, authMode }, () => {
      const run = env.scriptExecutionId;
      try {
        return this.workbook.engine.holdingRanges(() => (fn as (...a: unknown[]) => T)(...(intoRealm(args, env.realm) as unknown[])));
      } finally {
        this.locks.endRun(run);
      }
    });
  }

  /** The spreadsheet opening: onOpen(e) in the auth mode Sheets would use (LIMITED once the add-on is in use). */
  open(authMode: 'NONE' | 'LIMITED' | 'FULL' = 'LIMITED'): void {
    const event = authMode === 'NONE' ? { authMode } : { authMode, source: this.spreadsheet };
    this.callAs(authMode, 'onOpen', event);
  }

  /** The add-on being installed: onInstall(e) in AuthMode.FULL. */
  install(): void {
    this.callAs('FULL', 'onInstall', { authMode: 'FULL', source: this.spreadsheet });
  }

  /** Clicks an item of the add-on menu (built by an earlier open()). */
  clickMenuItem(caption: string): unknown {
    return this.call(this.ui.menuFunction(caption));
  }

  /**
   * Calls a server function as the sidebar does through google.script.run: private names (ending in
   * "_") are refused, and arguments and result must be primitives, arrays or plain objects; the result
   * comes back as a copy.
   */
  runFromSidebar<T = unknown>(name: string, ...args: unknown[]): T {
    if (name.endsWith('_')) throw new Error(`${name} is private (its name ends with "_"), so google.script.run cannot call it.`);
    args.forEach((arg, index) => checkTransferable(arg, `Argument ${index + 1} of ${name}`));
    const result = this.call<unknown>(name, ...(JSON.parse(JSON.stringify(args)) as unknown[]));
    checkTransferable(result, `The result of ${name}`);
    return (result === undefined ? null : JSON.parse(JSON.stringify(result))) as T;
  }

  // The workbook's helpers, for brevity in tests.

  sheetValues(name: string): SheetsValue[][] {
    return this.workbook.sheetValues(name);
  }

  sheetFormulas(name: string): string[][] {
    return this.workbook.sheetFormulas(name);
  }

  values(sheetName: string, a1: string): SheetsValue[][] {
    return this.workbook.values(sheetName, a1);
  }

  setCellValues(sheetName: string, a1: string, values: unknown[][]): void {
    this.workbook.setCellValues(sheetName, a1, values);
  }

  cellError(sheetName: string, a1: string): CellErrorInfo | undefined {
    return this.workbook.cellError(sheetName, a1);
  }

  evaluate(formula: string, sheetName?: string): SheetsValue | SheetsValue[][] {
    return this.workbook.evaluate(formula, sheetName);
  }

  private readHtml(bundleDir: string, name: string): string | undefined {
    for (const file of [name, `${name}.html`]) {
      const full = path.join(bundleDir, file);
      if (fs.existsSync(full)) return fs.readFileSync(full, 'utf8');
    }
    return undefined;
  }
}

function readManifest(bundleDir: string): Manifest {
  const file = path.join(bundleDir, 'appsscript.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest) : {};
}

/** Loads the add-on into a fresh bare vm context over a spreadsheet (a new one with "Sheet1" by default). */
export function loadAddon(options: LoadOptions = {}): AddonRuntime {
  return new AddonRuntime(options);
}
