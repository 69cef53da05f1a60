/**
 * What every fake shares: the call counter, the realm of the add-on's vm context (so values handed
 * to the add-on are that context's arrays, dates and errors), the current execution (script run,
 * custom function, script load) with its restrictions, and a registry from a fake to its internals.
 */

/** Counts calls of fake service methods, as `Kind.method` (e.g. `Range.getValues`). */
export class CallCounter {
  private readonly counts = new Map<string, number>();
  private sum = 0;

  record(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.sum += 1;
  }

  get total(): number {
    return this.sum;
  }

  /** Calls of one name (`'Range.setValues'`, `'DOUBLE'`), or of every method of a kind (`'Range'`). */
  count(name: string): number {
    const exact = this.counts.get(name);
    if (exact !== undefined || name.includes('.')) return exact ?? 0;
    let calls = 0;
    for (const [method, n] of this.counts) if (method.startsWith(`${name}.`)) calls += n;
    return calls;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
    this.sum = 0;
  }
}

/** The constructors of the realm the add-on runs in. */
export interface Realm {
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  Date: DateConstructor;
  Error: ErrorConstructor;
}

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

/** Deep-copies arrays, plain objects and dates into a realm; fakes and primitives pass unchanged. */
export function intoRealm(value: unknown, realm: Realm): unknown {
  if (Array.isArray(value)) {
    const copy = new realm.Array<unknown>();
    for (const item of value) copy.push(intoRealm(item, realm));
    return copy;
  }
  if (isDate(value)) return new realm.Date(value.getTime());
  if (isPlainObject(value)) {
    const copy = new realm.Object() as Record<string, unknown>;
    for (const key of Object.keys(value)) copy[key] = intoRealm(value[key], realm);
    return copy;
  }
  return value;
}

/** One run of add-on code: what it may call is decided by its kind and auth mode. */
export type Execution =
  | { kind: 'load' }
  | { kind: 'script'; functionName: string; authMode: AuthModeName; id: number }
  | { kind: 'customFunction'; functionName: string };

export type AuthModeName = 'NONE' | 'CUSTOM_FUNCTION' | 'LIMITED' | 'FULL';

/** Methods an add-on may call in AuthMode.NONE (an onOpen before the add-on is used in the document). */
const ALLOWED_WITHOUT_AUTHORIZATION = new Set(['SpreadsheetApp.getUi', 'Ui.createAddonMenu', 'Ui.createMenu', 'Menu.addItem', 'Menu.addSeparator', 'Menu.addSubMenu', 'Menu.addToUi']);

/** Calls that show something: Sheets refuses them before the add-on is authorised for the document (LIMITED, NONE). */
const NEEDS_FULL_AUTHORIZATION = new Set(['Ui.showSidebar', 'Ui.showModalDialog', 'Ui.showModelessDialog', 'Ui.alert', 'Ui.prompt']);

const SCOPE = 'https://www.googleapis.com/auth/';

/**
 * The OAuth scopes that allow a call, as Apps Script documents them (any one suffices); undefined
 * where none is needed (properties, locks, logging, building menus and HTML).
 */
export function scopesAllowing(name: string): string[] | undefined {
  const kind = name.split('.')[0];
  if (ALLOWED_WITHOUT_AUTHORIZATION.has(name) || NO_SCOPE_KINDS.has(kind)) return undefined;
  if (kind === 'User') return [`${SCOPE}userinfo.email`];
  if (kind === 'Ui') return [`${SCOPE}script.container.ui`];
  return [`${SCOPE}spreadsheets.currentonly`, `${SCOPE}spreadsheets`];
}

const NO_SCOPE_KINDS = new Set(['Charts', 'HtmlOutput', 'HtmlService', 'HtmlTemplate', 'Lock', 'LockService', 'Logger', 'Menu', 'PromptResponse', 'Properties', 'PropertiesService', 'ScriptApp', 'Session', 'Utilities']);

export class Env {
  readonly counter = new CallCounter();
  /** The manifest's oauthScopes: a call none of them allows fails, as in Apps Script; undefined checks nothing. */
  oauthScopes: string[] | undefined;
  /** Service calls made while the script's top level ran (docs/design.md wants none). */
  readonly loadCalls: string[] = [];
  realm: Realm = { Array, Object, Date, Error };
  private readonly internals = new WeakMap<object, unknown>();
  private readonly executions: Execution[] = [];
  private nextExecutionId = 1;

  get execution(): Execution | undefined {
    return this.executions[this.executions.length - 1];
  }

  /** The id of the innermost script run, so locks can tell one run from another. */
  get scriptExecutionId(): number {
    for (let i = this.executions.length - 1; i >= 0; i -= 1) {
      const execution = this.executions[i];
      if (execution.kind === 'script') return execution.id;
    }
    return 0;
  }

  run<T>(execution: Omit<Extract<Execution, { kind: 'script' }>, 'id'> | Exclude<Execution, { kind: 'script' }>, body: () => T): T {
    this.executions.push(execution.kind === 'script' ? { ...execution, id: this.nextExecutionId++ } : execution);
    try {
      return body();
    } finally {
      this.executions.pop();
    }
  }

  register<T extends object>(fake: T, internal: unknown): T {
    this.internals.set(fake, internal);
    return fake;
  }

  /** The internals behind a fake the add-on handed back (a Range passed to setRanges, a Sheet to deleteSheet). */
  internal<T>(fake: unknown, what: string): T {
    const internal = typeof fake === 'object' && fake !== null ? this.internals.get(fake) : undefined;
    if (internal === undefined) throw new Error(`Invalid argument: expected a ${what} from this spreadsheet.`);
    return internal as T;
  }

  /** Called before every fake method: counts it and applies the restrictions of the current execution. */
  beforeCall(name: string): void {
    const execution = this.execution;
    // Logging is allowed everywhere, custom functions included.
    const restricted = !name.startsWith('Logger.');
    if (restricted && execution?.kind === 'customFunction') {
      throw new Error(
        `${name} was called from the custom function ${execution.functionName}. A custom function must get everything through its arguments (docs/functions.md); in Sheets such reads do not recalculate and writes are refused.`,
      );
    }
    if (restricted && execution?.kind === 'script' && execution.authMode === 'NONE' && !ALLOWED_WITHOUT_AUTHORIZATION.has(name)) {
      throw new Error(`You do not have permission to call ${name} in AuthMode.NONE (only menus can be built before the add-on is used in this document).`);
    }
    if (restricted && execution?.kind === 'script' && execution.authMode !== 'FULL' && NEEDS_FULL_AUTHORIZATION.has(name)) {
      throw new Error(`You do not have permission to call ${name} in AuthMode.${execution.authMode}: sidebars and dialogs open only once the add-on is authorised for this document.`);
    }
    const allowing = execution?.kind === 'script' && this.oauthScopes ? scopesAllowing(name) : undefined;
    if (allowing && !allowing.some((scope) => this.oauthScopes!.includes(scope))) {
      throw new Error(`Specified permissions are not sufficient to call ${name}. Required permissions: ${allowing[0]}`);
    }
    if (execution?.kind === 'load') this.loadCalls.push(name);
    this.counter.record(name);
  }

  /** Turns an error thrown by a fake into an Error of the add-on's realm, named like Apps Script's. */
  toRealmError(error: unknown): Error {
    const carried = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
    const message = typeof carried === 'string' ? carried : String(error);
    const realmError = new this.realm.Error(message);
    realmError.name = 'Exception';
    return realmError;
  }
}

/**
 * Base of every fake service object. Its constructor returns a proxy that counts each method call,
 * applies the execution's restrictions, copies results into the add-on's realm, and turns thrown
 * errors into that realm's Errors. Methods run with `this` bound to the unproxied object, so calls a
 * fake makes internally are not counted; `self` is the proxy to hand out instead of `this`.
 */
export abstract class ServiceObject {
  protected readonly self!: this;

  protected constructor(kind: string, protected readonly env: Env) {
    const target = this;
    const wrappers = new Map<PropertyKey, unknown>();
    const proxy = new Proxy(target, {
      get(object, property, receiver) {
        const value: unknown = Reflect.get(object, property, receiver);
        if (typeof value !== 'function' || typeof property !== 'string' || property === 'constructor') return value;
        const cached = wrappers.get(property);
        if (cached !== undefined) return cached;
        const name = `${kind}.${property}`;
        const wrapper = function (...args: unknown[]): unknown {
          env.beforeCall(name);
          let result: unknown;
          try {
            result = (value as (...a: unknown[]) => unknown).apply(target, args);
          } catch (error) {
            throw env.toRealmError(error);
          }
          return result === target ? proxy : intoRealm(result, env.realm);
        };
        wrappers.set(property, wrapper);
        return wrapper;
      },
    });
    (target as unknown as { self: unknown }).self = proxy;
    return proxy;
  }
}

/** An Apps Script enum: each member's value is its name, as `String(SpreadsheetApp.ProtectionType.SHEET)` gives. */
export function enumOf<T>(names: readonly string[]): T {
  return Object.freeze(Object.fromEntries(names.map((name) => [name, name]))) as unknown as T;
}

/** The fakes stand in for Apps Script's types; this is the one place that says so. */
export function asGas<T>(fake: object): T {
  return fake as unknown as T;
}
