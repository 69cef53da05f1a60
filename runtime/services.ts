/**
 * Fakes of PropertiesService, LockService, ScriptApp's AuthMode, the Charts enums, Session and Logger, with
 * the state tests reach directly: property stores and locks that "another user" can hold.
 */
import { asGas, Env, enumOf, ServiceObject } from './env';

type GasProperties = GoogleAppsScript.Properties.Properties;
type GasLock = GoogleAppsScript.Lock.Lock;

/** Apps Script's limits: 9 KB a value, 500 KB a store. */
const MAX_VALUE_BYTES = 9 * 1024;
const MAX_STORE_BYTES = 500 * 1024;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** One property store (document, user or script); tests read and seed it without counting. */
export class PropertyStore {
  private readonly entries = new Map<string, string>();

  get(key: string): string | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: unknown): void {
    const text = String(value);
    if (bytes(text) > MAX_VALUE_BYTES) throw new Error(`Argument too large: value (${bytes(text)} bytes for ${key}; a property value holds at most 9 KB).`);
    const size = this.size() - (this.entries.has(key) ? bytes(key) + bytes(this.entries.get(key) ?? '') : 0) + bytes(key) + bytes(text);
    if (size > MAX_STORE_BYTES) throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    this.entries.set(String(key), text);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  all(): Record<string, string> {
    return Object.fromEntries(this.entries);
  }

  private size(): number {
    let total = 0;
    for (const [key, value] of this.entries) total += bytes(key) + bytes(value);
    return total;
  }
}

export class PropertyStores {
  readonly document = new PropertyStore();
  readonly user = new PropertyStore();
  readonly script = new PropertyStore();
}

export class FakePropertiesService extends ServiceObject implements Pick<GoogleAppsScript.Properties.PropertiesService, keyof FakePropertiesService> {
  constructor(env: Env, private readonly stores: PropertyStores) {
    super('PropertiesService', env);
  }

  getDocumentProperties(): GasProperties {
    return asGas(new FakeProperties(this.env, this.stores.document));
  }

  getUserProperties(): GasProperties {
    return asGas(new FakeProperties(this.env, this.stores.user));
  }

  getScriptProperties(): GasProperties {
    return asGas(new FakeProperties(this.env, this.stores.script));
  }
}

export class FakeProperties extends ServiceObject implements Pick<GasProperties, keyof FakeProperties> {
  constructor(env: Env, private readonly store: PropertyStore) {
    super('Properties', env);
  }

  getProperty(key: string): string | null {
    return this.store.get(key) ?? null;
  }

  setProperty(key: string, value: string): GasProperties {
    this.store.set(key, value);
    return asGas(this.self);
  }

  getProperties(): { [key: string]: string } {
    return this.store.all();
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): GasProperties {
    if (deleteAllOthers) this.store.clear();
    for (const [key, value] of Object.entries(properties)) this.store.set(key, value);
    return asGas(this.self);
  }

  getKeys(): string[] {
    return this.store.keys();
  }

  deleteProperty(key: string): GasProperties {
    this.store.delete(key);
    return asGas(this.self);
  }

  deleteAllProperties(): GasProperties {
    this.store.clear();
    return asGas(this.self);
  }
}

const ANOTHER_USER = 'another user';

/**
 * One lock (the document's, the script's or the user's). The add-on holds it per run of a function,
 * and a run's lock is released when the run ends, as in Apps Script. A test can make another user
 * hold it, so the add-on's tryLock fails and waitLock times out.
 */
export class LockState {
  private holder: number | typeof ANOTHER_USER | null = null;
  /** What happened to the lock, in order ("run 2 tryLock(10000): acquired"). */
  readonly history: string[] = [];

  holdAsAnotherUser(): void {
    if (typeof this.holder === 'number') throw new Error('The add-on holds this lock; another user cannot take it now.');
    this.holder = ANOTHER_USER;
    this.history.push('another user: acquired');
  }

  /** Releases the lock whoever holds it. */
  release(): void {
    if (this.holder !== null) this.history.push(`${this.describe(this.holder)}: released`);
    this.holder = null;
  }

  get heldBy(): 'add-on' | typeof ANOTHER_USER | null {
    return this.holder === null ? null : this.holder === ANOTHER_USER ? ANOTHER_USER : 'add-on';
  }

  acquire(run: number, call: string): boolean {
    const acquired = this.holder === null || this.holder === run;
    if (acquired) this.holder = run;
    this.history.push(`${this.describe(run)} ${call}: ${acquired ? 'acquired' : `refused, held by ${this.describe(this.holder ?? run)}`}`);
    return acquired;
  }

  isHeldBy(run: number): boolean {
    return this.holder === run;
  }

  releaseBy(run: number, why: string): void {
    if (this.holder !== run) return;
    this.holder = null;
    this.history.push(`${this.describe(run)}: released (${why})`);
  }

  private describe(holder: number | typeof ANOTHER_USER): string {
    return holder === ANOTHER_USER ? ANOTHER_USER : `run ${holder}`;
  }
}

export class LockStates {
  /** getDocumentLock() returns null, as Apps Script does when it cannot give one (e.g. no current document). */
  documentUnavailable = false;
  readonly document = new LockState();
  readonly script = new LockState();
  readonly user = new LockState();

  /** Releases what a run still holds when it ends. */
  endRun(run: number): void {
    for (const lock of [this.document, this.script, this.user]) lock.releaseBy(run, 'end of run');
  }
}

export class FakeLockService extends ServiceObject implements Pick<GoogleAppsScript.Lock.LockService, keyof FakeLockService> {
  constructor(env: Env, private readonly locks: LockStates) {
    super('LockService', env);
  }

  getDocumentLock(): GasLock {
    if (this.locks.documentUnavailable) return null as unknown as GasLock;
    return asGas(new FakeLock(this.env, this.locks.document));
  }

  getScriptLock(): GasLock {
    return asGas(new FakeLock(this.env, this.locks.script));
  }

  getUserLock(): GasLock {
    return asGas(new FakeLock(this.env, this.locks.user));
  }
}

export class FakeLock extends ServiceObject implements Pick<GasLock, keyof FakeLock> {
  constructor(env: Env, private readonly lock: LockState) {
    super('Lock', env);
  }

  /** Never waits: offline nothing else runs meanwhile, so a lock held now is held for the whole timeout. */
  tryLock(timeoutInMillis: number): boolean {
    return this.lock.acquire(this.env.scriptExecutionId, `tryLock(${timeoutInMillis})`);
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.lock.acquire(this.env.scriptExecutionId, `waitLock(${timeoutInMillis})`)) {
      throw new Error('Lock timeout: another process was holding the lock for too long.');
    }
  }

  hasLock(): boolean {
    return this.lock.isHeldBy(this.env.scriptExecutionId);
  }

  releaseLock(): void {
    this.lock.releaseBy(this.env.scriptExecutionId, 'releaseLock');
  }
}

export class FakeScriptApp extends ServiceObject implements Pick<GoogleAppsScript.Script.ScriptApp, keyof FakeScriptApp> {
  readonly AuthMode = enumOf<typeof GoogleAppsScript.Script.AuthMode>(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);

  constructor(env: Env) {
    super('ScriptApp', env);
  }
}

/** The user Session reports: an email, blank where Apps Script may not reveal it (and offline). */
export class ActiveUser {
  email = '';
}

export class FakeUser extends ServiceObject implements Pick<GoogleAppsScript.Base.User, keyof FakeUser> {
  constructor(env: Env, private readonly email: string) {
    super('User', env);
  }

  getEmail(): string {
    return this.email;
  }
}

export class FakeSession extends ServiceObject implements Pick<GoogleAppsScript.Base.Session, keyof FakeSession> {
  constructor(env: Env, private readonly user: ActiveUser, private readonly scriptTimeZone: string) {
    super('Session', env);
  }

  /** The script's time zone (the manifest's timeZone), not the spreadsheet's. */
  getScriptTimeZone(): string {
    return this.scriptTimeZone;
  }

  getActiveUser(): GoogleAppsScript.Base.User {
    return asGas(new FakeUser(this.env, this.user.email));
  }
}

export class FakeCharts extends ServiceObject implements Pick<GoogleAppsScript.Charts.Charts, keyof FakeCharts> {
  readonly ChartType = enumOf<typeof GoogleAppsScript.Charts.ChartType>(['TIMELINE', 'AREA', 'BAR', 'BUBBLE', 'CANDLESTICK', 'COLUMN', 'COMBO', 'GAUGE', 'GEO', 'HISTOGRAM', 'RADAR', 'LINE', 'ORG', 'PIE', 'SCATTER', 'SPARKLINE', 'STEPPED_AREA', 'TABLE', 'TREEMAP', 'WATERFALL']);
  readonly Position = enumOf<typeof GoogleAppsScript.Charts.Position>(['TOP', 'RIGHT', 'BOTTOM', 'NONE']);
  readonly ChartHiddenDimensionStrategy = enumOf<typeof GoogleAppsScript.Charts.ChartHiddenDimensionStrategy>(['IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH']);
  readonly ChartMergeStrategy = enumOf<typeof GoogleAppsScript.Charts.ChartMergeStrategy>(['MERGE_COLUMNS', 'MERGE_ROWS']);

  constructor(env: Env) {
    super('Charts', env);
  }
}

export interface LogEntry {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  message: string;
}

function formatLog(args: unknown[]): string {
  const [first, ...rest] = args;
  if (typeof first === 'string' && /%[sdifjo]/.test(first)) {
    let index = 0;
    return first.replace(/%[sdifjo]/g, () => String(rest[index++]));
  }
  return args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ');
}

export class FakeLogger extends ServiceObject implements Pick<GoogleAppsScript.Base.Logger, keyof FakeLogger> {
  constructor(env: Env, private readonly logs: LogEntry[]) {
    super('Logger', env);
  }

  log(...args: unknown[]): GoogleAppsScript.Base.Logger {
    this.logs.push({ level: 'log', message: formatLog(args) });
    return asGas(this.self);
  }

  getLog(): string {
    return this.logs.map((entry) => entry.message).join('\n');
  }

  clear(): void {
    this.logs.length = 0;
  }
}

/** console for the add-on's context: records instead of printing (it is not a counted service). */
export function recordingConsole(logs: LogEntry[]): Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'> {
  const record = (level: LogEntry['level']) => (...args: unknown[]) => {
    logs.push({ level, message: formatLog(args) });
  };
  return { log: record('log'), info: record('info'), warn: record('warn'), error: record('error'), debug: record('debug') };
}

/** Utilities.formatDate: the pattern letters the add-on uses (y, M, d, H, m, s, E), in the time zone given. */
export class FakeUtilities extends ServiceObject implements Pick<GoogleAppsScript.Utilities.Utilities, keyof FakeUtilities> {
  constructor(env: Env) {
    super('Utilities', env);
  }

  formatDate(date: Date, timeZone: string, format: string): string {
    let parts: Intl.DateTimeFormatPart[];
    try {
      parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short', hourCycle: 'h23' }).formatToParts(date);
    } catch {
      throw new Error(`Invalid argument: timeZone ("${timeZone}")`);
    }
    const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
    const month = Number(part('month'));
    const monthName = new Intl.DateTimeFormat('en-GB', { timeZone, month: 'long' }).format(date);
    const tokens: Record<string, string> = {
      yyyy: part('year'),
      yy: part('year').slice(-2),
      MMMM: monthName,
      MMM: monthName.slice(0, 3),
      MM: String(month).padStart(2, '0'),
      M: String(month),
      dd: part('day').padStart(2, '0'),
      d: String(Number(part('day'))),
      HH: part('hour').padStart(2, '0'),
      H: String(Number(part('hour'))),
      mm: part('minute').padStart(2, '0'),
      ss: part('second').padStart(2, '0'),
      EEE: part('weekday'),
    };
    return format.replace(/yyyy|yy|MMMM|MMM|MM|M|dd|d|HH|H|mm|ss|EEE/g, (token) => tokens[token]);
  }
}
