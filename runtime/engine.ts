/**
 * The spreadsheet engine behind the fakes: one HyperFormula instance holds every sheet's cells and
 * formulas, and the add-on's custom functions are registered with it as a function plugin.
 *
 * Spilled results of unknown size. HyperFormula fixes the area an array formula occupies when the
 * formula is entered (a plugin's `sizeOfResultArrayMethod` is asked before anything is evaluated)
 * and never re-asks when the data changes; a result larger than that area cannot be stored. So the
 * plugin reserves, for each formula cell, the size its last evaluation produced (1×1 the first
 * time); when an evaluation produces another size it returns a cropped or padded value, remembers the
 * true size and result, and after the edit the engine re-enters that formula, which reserves the
 * true size and reuses the remembered result. A few rounds settle chains of spills. A formula being
 * entered is evaluated once ahead and reserves its true size from the start (reserveSpills), so most
 * are never entered twice. HyperFormula also
 * never retries a spill that was blocked, so blocked spills are re-entered after each edit too.
 */
import {
  ArraySize,
  CellError,
  CellType,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from 'hyperformula';
import type { CellValue, FunctionPluginDefinition, ImplementedFunctions, RawCellContent, SimpleCellAddress } from 'hyperformula';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { InternalScalarValue, InterpreterValue } from 'hyperformula/typings/interpreter/InterpreterValue';
import type { Ast, ProcedureAst } from 'hyperformula/typings/parser';
import { cellA1, GridArea, quoteSheetName } from './a1';
import { isDate } from './env';
import { flushRangeRemovals, patchHyperFormula } from './hyperformulaPatches';
import { dateFromSerial, serialFromDate, SheetsValue } from './values';

/** An error cell: the code Sheets shows in the cell, and the message it shows on hover. */
export interface CellErrorInfo {
  value: string;
  message: string;
  /** HyperFormula's own message, when it differs from the Sheets-style one. */
  engineMessage?: string;
}

/** A custom function as the engine calls it: Apps Script-shaped arguments in, result out, or a throw. */
export type CustomFunctionInvoker = (name: string, args: unknown[]) => unknown;

export interface CustomFunctionExecution {
  name: string;
  /** Cells passed in all its arguments (a single value counts 1). */
  cells: number;
  /** The tabs its range arguments come from. */
  tabs: string[];
  /** The cell whose formula made the call: its tab, and row and column from 1. */
  sheet: string;
  row: number;
  column: number;
}

/** A formula cell and the area its result fills (its spill, or the cell alone). */
interface FormulaArea {
  sheet: number;
  row: number;
  col: number;
  height: number;
  width: number;
  /** Its formula calls a custom function: each evaluation is one Apps Script execution in Sheets. */
  custom: boolean;
}

interface GridSize {
  rows: number;
  columns: number;
}

type Outcome = { rows: InternalScalarValue[][] } | { error: CellError };

interface Respill {
  address: SimpleCellAddress;
  size: ArraySize;
}

const SHEETS_ERROR_CODES: Record<ErrorType, string> = {
  [ErrorType.DIV_BY_ZERO]: '#DIV/0!',
  [ErrorType.NAME]: '#NAME?',
  [ErrorType.VALUE]: '#VALUE!',
  [ErrorType.NUM]: '#NUM!',
  [ErrorType.NA]: '#N/A',
  [ErrorType.CYCLE]: '#REF!',
  [ErrorType.REF]: '#REF!',
  [ErrorType.SPILL]: '#REF!',
  [ErrorType.LIC]: '#ERROR!',
  [ErrorType.ERROR]: '#ERROR!',
};

function sheetsMessage(type: ErrorType, message: string): string {
  if (type === ErrorType.CYCLE) return 'Circular dependency detected. To resolve with iterative calculation, see File > Settings.';
  if (type === ErrorType.ERROR && message.startsWith('Parsing error')) return 'Formula parse error.';
  const unknown = /^Function name (.+) not recognized\.$/.exec(message);
  if (unknown) return `Unknown function: '${unknown[1].toLowerCase()}'.`;
  return message;
}

function messageOf(thrown: unknown): string {
  if (typeof thrown === 'object' && thrown !== null && typeof (thrown as { message?: unknown }).message === 'string') {
    return (thrown as { message: string }).message;
  }
  return String(thrown);
}

/** HyperFormula's number subtypes (dates, percentages) are objects carrying `val`. */
interface RichNumberLike {
  val: number;
  getDetailedType(): string;
}

function isRichNumber(value: unknown): value is RichNumberLike {
  return typeof value === 'object' && value !== null && typeof (value as { val?: unknown }).val === 'number';
}

const DATE_TYPES = new Set(['NUMBER_DATE', 'NUMBER_DATETIME', 'NUMBER_TIME']);

/** One cell value of an argument, as Apps Script passes it to a custom function. */
function argumentScalar(value: InternalScalarValue): SheetsValue {
  if (value === EmptyValue) return '';
  if (value instanceof CellError) return SHEETS_ERROR_CODES[value.type];
  if (isRichNumber(value)) return DATE_TYPES.has(value.getDetailedType()) ? dateFromSerial(value.val) : value.val;
  return value as SheetsValue;
}

/** One value a custom function returned, as a cell holds it. */
function resultScalar(value: unknown): InternalScalarValue {
  if (value === null || value === undefined || value === '') return EmptyValue;
  if (typeof value === 'number') return Number.isFinite(value) ? value : new CellError(ErrorType.NUM, 'The result is not a finite number.');
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (isDate(value)) return serialFromDate(value);
  return String(value);
}

/** A custom function's result as rows of cells; a one-dimensional array is a column, as in Sheets. */
function resultRows(result: unknown): Outcome {
  if (!Array.isArray(result)) return { rows: [[resultScalar(result)]] };
  if (result.length === 0) return { error: new CellError(ErrorType.ERROR, 'The custom function returned an empty array.') };
  const rows = Array.from(result as unknown[], (row): InternalScalarValue[] => (Array.isArray(row) ? Array.from(row as unknown[], resultScalar) : [resultScalar(row)]));
  const width = Math.max(...rows.map((row) => row.length));
  if (width === 0) return { error: new CellError(ErrorType.ERROR, 'The custom function returned an empty array.') };
  const blank: InternalScalarValue = EmptyValue;
  return { rows: rows.map((row) => [...row, ...new Array<InternalScalarValue>(width - row.length).fill(blank)]) };
}

const parseDateTime = HyperFormula.defaultConfig.parseDateTime;

/**
 * HyperFormula's date and time parsing, skipping the text that cannot be one: text typed as text
 * ("'1/2/2019") and text without a digit (the formats above are all digits). HyperFormula tries
 * every typed string as a date in every format, which was a tenth of loading a large workbook.
 */
function quickDateTime(text: string, dateFormat?: string, timeFormat?: string): ReturnType<typeof parseDateTime> {
  if (text.startsWith("'") || !/[0-9]/.test(text)) return undefined;
  return parseDateTime(text, dateFormat, timeFormat);
}

/**
 * Text this engine reads as itself when typed without an apostrophe: no digit (so no number, date
 * or time, as quickDateTime reads them), no formula, error, apostrophe, sign, percent or currency
 * mark, and not TRUE or FALSE. A reader of files passes such text as it is, so every cell holding
 * "Yes" shares one string: "'Yes" would make two new strings a cell (what is typed and what is
 * shown), about 40 MB at 10,000 cases.
 */
const READ_AS_ITSELF = /^(?!(?:true|false)$)[^\d=#'+\-$%][^\d$%]*$/i;

export function readsAsItself(text: string): boolean {
  return READ_AS_ITSELF.test(text);
}

/** Whether rows of contents enter a formula (a string starting with "="). */
function entersFormula(rows: readonly RawCellContent[][]): boolean {
  return rows.some((cells) => cells.some((content) => typeof content === 'string' && content.startsWith('=')));
}

function addressKey(address: SimpleCellAddress): string {
  return `${address.sheet}:${address.row}:${address.col}`;
}

function isError(value: CellValue): value is DetailedCellError {
  return value instanceof DetailedCellError;
}

export class FormulaEngine {
  private instance: HyperFormula;
  /**
   * The sheets a workbook starts with (load), not yet in HyperFormula: built in one go at the engine's
   * first use, by then with the add-on's custom functions registered, so a large workbook is neither
   * entered cell by cell nor built a second time when the add-on loads.
   */
  private unbuilt: Array<[string, RawCellContent[][]]> | undefined;
  private customFunctions = new Map<string, string>();
  private invoker: CustomFunctionInvoker = () => {
    throw new Error('No add-on is loaded.');
  };
  /** The size each custom-function formula cell reserves: what its last evaluation produced. */
  private readonly reserved = new Map<string, ArraySize>();
  private readonly respills = new Map<string, Respill>();
  private readonly remembered = new Map<string, { fingerprint: string; outcome: Outcome }>();
  /** While a formula is evaluated ahead of being entered (reserveSpills), the key of the cell it is for. */
  private aheadOf: string | undefined;
  /** That cell's address: an execution evaluated ahead is recorded at the cell it is for. */
  private aheadAt: SimpleCellAddress | undefined;
  /**
   * Range arguments converted once during a script's run, by range and grid, with the change of their
   * sheet they were read at: a formula evaluated ahead and then entered, or two formulas over the same
   * case tab, convert it once. Only sheets without formulas, whose cells change only when they are
   * changed directly (directChanges). Dropped when a run ends, and at every change outside one.
   */
  private readonly keptArguments = new Map<string, { change: number; value: unknown }>();
  /** The JSON of range arguments, made once each for the fingerprints of calls. */
  private readonly argumentTexts = new WeakMap<object, string>();
  /** Open script executions (holdingRanges): ranges left without formulas are removed when the last ends. */
  private heldRanges = 0;
  /** Bumped by every change, so the extent of a sheet is computed once per change. */
  private revisionCounter = 0;
  /** Each sheet's extent (by HyperFormula's sheet id) and the revision it was found at. */
  private extentCache = new Map<number, { revision: number; extent: GridSize }>();
  /** The revision of each sheet's last change made to it directly: a write, a fill, rows or columns added or removed. */
  private readonly directChanges = new Map<number, number>();
  /** The sheets that hold or have held a formula: what they show may change with any change anywhere. */
  private readonly formulaSheets = new Set<number>();
  /** Custom functions that were not registered, and why. */
  readonly warnings: string[] = [];
  /**
   * Every custom-function execution since the last `clear()`: its name, the cells passed to it
   * and the tabs its ranges came from. What one edit costs in Sheets, where each re-run gets its
   * whole ranges again.
   */
  readonly executions: CustomFunctionExecution[] = [];
  /** Called after every change to the cells (the workbook's pending mode listens). */
  onChange: () => void = () => undefined;

  constructor(private readonly gridSize: (sheetName: string) => GridSize) {
    this.instance = HyperFormula.buildEmpty({
      licenseKey: 'gpl-v3',
      undoLimit: 0,
      // Sheets hands out full doubles (0.1 + 0.2 is 0.30000000000000004); HyperFormula rounds by default.
      smartRounding: false,
      // The spreadsheet's locale is en_GB (see getSpreadsheetLocale): 01/02/2019 is 1 February.
      dateFormats: ['DD/MM/YYYY', 'DD/MM/YY', 'YYYY-MM-DD'],
      timeFormats: ['hh:mm', 'hh:mm:ss', 'hh:mm:ss.sss'],
      parseDateTime: quickDateTime,
    });
    // HyperFormula reads a bare TRUE or FALSE as a name (only TRUE() is built in); Sheets formulas use them bare.
    this.instance.addNamedExpression('TRUE', '=TRUE()');
    this.instance.addNamedExpression('FALSE', '=FALSE()');
    // Formulas over whole case tabs, without walking the tab again on every edit (runtime/hyperformulaPatches.ts).
    patchHyperFormula(this.instance, HyperFormula.version);
  }

  /** HyperFormula, with the sheets the workbook started with built into it (at the first use). */
  private get hf(): HyperFormula {
    if (this.unbuilt !== undefined) this.build();
    return this.instance;
  }

  /**
   * The sheets a workbook starts with, in order (rows of values, strings starting with "=" formulas),
   * into an engine that has no sheet yet: built at the first use, in one go (see `unbuilt`).
   */
  load(sheets: Array<[string, RawCellContent[][]]>): void {
    if (this.unbuilt !== undefined || this.instance.countSheets() > 0) throw new Error('The engine already has sheets.');
    // The empty sheets answer for their names (and ids) while the built engine evaluates its formulas.
    for (const [name] of sheets) this.instance.addSheet(name);
    this.unbuilt = sheets;
  }

  private build(): void {
    const sheets = this.unbuilt ?? [];
    this.unbuilt = undefined;
    const namedExpressions = this.instance.getAllNamedExpressionsSerialized();
    this.instance = HyperFormula.buildFromSheets(Object.fromEntries(sheets), this.instance.getConfig(), namedExpressions);
    for (const [name, rows] of sheets) if (entersFormula(rows)) this.formulaSheets.add(this.instance.getSheetId(name) as number);
    // As for any change: spills settle, and pending custom functions show as loading.
    this.changed();
  }

  /**
   * Registers the add-on's custom functions (names as the script declares them). Sheets matches names
   * case-insensitively and built-in functions win, so a name that is a built-in is left out.
   */
  setCustomFunctions(jsNames: string[], invoker: CustomFunctionInvoker): void {
    const builtIns = new Set(HyperFormula.getRegisteredFunctionNames('enGB'));
    this.customFunctions = new Map();
    for (const jsName of jsNames) {
      const id = jsName.toUpperCase();
      if (builtIns.has(id)) this.warnings.push(`${jsName} is also a built-in function; Sheets calls the built-in, so the custom function is not registered.`);
      else if (!/^[A-Z_][A-Z0-9_.]*$/.test(id)) this.warnings.push(`${jsName} is not a name a formula can call.`);
      else this.customFunctions.set(id, jsName);
    }
    this.invoker = invoker;
    HyperFormula.getLanguage('enGB').extendFunctions(Object.fromEntries([...this.customFunctions.keys()].map((id) => [id, id])));
    this.reserved.clear();
    this.remembered.clear();
    // Before the first use the engine is empty: the custom functions are there when its sheets are built.
    this.instance.updateConfig({ functionPlugins: [...HyperFormula.getAllFunctionPlugins(), this.plugin()] });
    if (this.unbuilt === undefined) this.changed();
  }

  addSheet(name: string): void {
    this.hf.addSheet(name);
    // HyperFormula may give a new sheet the id of one removed: nothing known of that one is kept.
    this.forgetSheet(this.sheetId(name));
    this.changing(this.sheetId(name), false);
    this.changed();
  }

  removeSheet(name: string): void {
    const id = this.sheetId(name);
    // As in Sheets, a reference to a deleted tab becomes #REF! in every formula that had it (left
    // to HyperFormula, a spilled custom function over the tab would keep a reference to a tab gone).
    const reference = new RegExp(`(?<![\\w.'])(?:${escapeRegExp(quoteSheetName(name))}|'${escapeRegExp(name.replace(/'/g, "''"))}')!\\$?[A-Z]*\\$?[0-9]*(?::\\$?[A-Z]*\\$?[0-9]*)?`, 'g');
    const rewrites: Array<{ address: SimpleCellAddress; formula: string }> = [];
    for (const sheet of this.hf.getSheetNames()) {
      const sheetId = this.hf.getSheetId(sheet)!;
      if (sheetId === id) continue;
      this.hf.getSheetFormulas(sheetId).forEach((row, r) =>
        row.forEach((formula, c) => {
          if (formula && reference.test(formula)) rewrites.push({ address: { sheet: sheetId, row: r, col: c }, formula: formula.replace(reference, '#REF!') });
          reference.lastIndex = 0;
        }),
      );
    }
    if (rewrites.length > 0) this.hf.batch(() => rewrites.forEach(({ address, formula }) => this.hf.setCellContents(address, [[formula]])));
    this.hf.removeSheet(id);
    this.forgetSheet(id);
    this.changed();
  }

  renameSheet(name: string, newName: string): void {
    this.hf.renameSheet(this.sheetId(name), newName);
    this.changed();
  }

  /** Writes a block of cells (values, or strings starting with "=" for formulas) from row, column on. */
  write(sheetName: string, row: number, column: number, cells: RawCellContent[][]): void {
    if (cells.length === 0 || cells[0].length === 0) return;
    this.reserveSpills(sheetName, row, column, cells);
    const address = this.address(sheetName, row, column);
    this.changing(address.sheet, entersFormula(cells));
    this.hf.setCellContents(address, cells);
    this.changed();
  }

  /**
   * Reserves, for each custom-function formula about to be entered, the area its result spills into:
   * the call is evaluated once ahead (its outcome remembered, so it is not run again when entered),
   * and the formula is entered with its true size. Without it the formula reserves one cell, spills
   * and is entered again, and HyperFormula's removal of the first entry (every dependency on the
   * ranges it reads) costs seconds at a few thousand cases.
   */
  private reserveSpills(sheetName: string, row: number, column: number, cells: RawCellContent[][]): void {
    if (this.customFunctions.size === 0) return;
    const sheet = this.sheetId(sheetName);
    cells.forEach((cellsOfRow, r) =>
      cellsOfRow.forEach((content, c) => {
        if (typeof content !== 'string' || !content.startsWith('=')) return;
        const name = /^=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\(/.exec(content)?.[1].toUpperCase();
        if (name === undefined || !this.customFunctions.has(name)) return;
        const address = { sheet, row: row - 1 + r, col: column - 1 + c };
        const key = addressKey(address);
        this.aheadOf = key;
        this.aheadAt = address;
        try {
          this.hf.calculateFormula(content, sheet);
        } catch {
          // A formula that cannot be evaluated ahead is entered as before, reserving one cell.
        } finally {
          this.aheadOf = undefined;
          this.aheadAt = undefined;
        }
        const ahead = this.remembered.get(key);
        if (ahead && 'rows' in ahead.outcome) {
          const grid = this.gridOf(sheet);
          const rows = ahead.outcome.rows;
          const fits = address.row + rows.length <= grid.rows && address.col + rows[0].length <= grid.columns;
          this.reserved.set(key, fits ? new ArraySize(rows[0].length, rows.length) : ArraySize.scalar());
        }
      }),
    );
  }

  /** Empties an area (only the part that can hold anything, so clearing a whole sheet stays cheap). */
  clear(sheetName: string, area: GridArea): void {
    const extent = this.extent(sheetName);
    const numRows = Math.min(area.row + area.numRows - 1, extent.rows) - area.row + 1;
    const numColumns = Math.min(area.column + area.numColumns - 1, extent.columns) - area.column + 1;
    if (numRows <= 0 || numColumns <= 0) return;
    const blank = Array.from({ length: numRows }, () => new Array<RawCellContent>(numColumns).fill(null));
    this.write(sheetName, area.row, area.column, blank);
  }

  /** Copies the area's top-left cell into the rest of it, relative references adjusted, like a fill. */
  fill(sheetName: string, area: GridArea): void {
    const corner = this.address(sheetName, area.row, area.column);
    this.changing(corner.sheet, this.hf.doesCellHaveFormula(corner));
    this.hf.copy({ start: corner, end: corner });
    // One paste per cell: HyperFormula refuses clipboard operations inside a batch.
    for (let row = 0; row < area.numRows; row += 1) {
      for (let col = 0; col < area.numColumns; col += 1) {
        if (row > 0 || col > 0) this.hf.paste({ sheet: corner.sheet, row: corner.row + row, col: corner.col + col });
      }
    }
    this.hf.clearClipboard();
    this.changed();
  }

  /** Inserts rows before `row` (1-based); formulas and ranges below move down, as in Sheets. */
  insertRows(sheetName: string, row: number, count: number): void {
    const sheet = this.sheetId(sheetName);
    this.changing(sheet, false);
    this.hf.addRows(sheet, [row - 1, count]);
    this.changed();
  }

  deleteRows(sheetName: string, row: number, count: number): void {
    const sheet = this.sheetId(sheetName);
    this.changing(sheet, false);
    this.hf.removeRows(sheet, [row - 1, count]);
    this.changed();
  }

  insertColumns(sheetName: string, column: number, count: number): void {
    const sheet = this.sheetId(sheetName);
    this.changing(sheet, false);
    this.hf.addColumns(sheet, [column - 1, count]);
    this.changed();
  }

  deleteColumns(sheetName: string, column: number, count: number): void {
    const sheet = this.sheetId(sheetName);
    this.changing(sheet, false);
    this.hf.removeColumns(sheet, [column - 1, count]);
    this.changed();
  }

  /** Values as getValues returns them: "" for empty, error cells as their code, dates as Dates. */
  values(sheetName: string, area: GridArea): SheetsValue[][] {
    const sheet = this.sheetId(sheetName);
    const start = { sheet, row: area.row - 1, col: area.column - 1 };
    const end = { sheet, row: area.row + area.numRows - 2, col: area.column + area.numColumns - 2 };
    return this.hf.getRangeValues({ start, end }).map((cells, r) =>
      cells.map((value, c) => {
        if (value === null) return '';
        if (isError(value)) return SHEETS_ERROR_CODES[value.type];
        if (typeof value === 'number') {
          const type = this.hf.getCellValueDetailedType({ sheet, row: start.row + r, col: start.col + c });
          return DATE_TYPES.has(type) ? dateFromSerial(value) : value;
        }
        return value;
      }),
    );
  }

  /**
   * Which cells of an area a custom function fills: 'call' where the cell's own formula calls one or
   * reads the result of one (through any native formulas), 'spill' where such a call's last result
   * spilled; undefined elsewhere. What Sheets shows as
   * "Loading..." (and blank below it) until the calls have run.
   */
  customFunctionCells(sheetName: string, area: GridArea): Array<Array<'call' | 'spill' | undefined>> {
    const sheet = this.sheetId(sheetName);
    const calls = this.customCallPattern();
    const marks = this.formulas(sheetName, area).map((cells) => cells.map((formula): 'call' | 'spill' | undefined => (calls && formula !== '' && calls.test(formula) ? 'call' : undefined)));
    const [row0, col0] = [area.row - 1, area.column - 1];
    // A native formula that reads a custom function's result waits for it too.
    const { areas, depthOf } = this.customDepths();
    for (const formulaArea of areas.get(sheet) ?? []) {
      const cells = marks[formulaArea.row - row0];
      if (cells && formulaArea.col - col0 >= 0 && formulaArea.col - col0 < cells.length && cells[formulaArea.col - col0] === undefined && depthOf(formulaArea) > 0) cells[formulaArea.col - col0] = 'call';
    }
    for (const [key, size] of this.reserved) {
      const [sheetOf, row, col] = key.split(':').map(Number);
      if (sheetOf !== sheet || marks[row - row0]?.[col - col0] !== 'call') continue;
      for (let r = row; r < row + size.height; r += 1) {
        for (let c = col; c < col + size.width; c += 1) {
          const cells = marks[r - row0];
          if ((r !== row || c !== col) && cells && c - col0 >= 0 && c - col0 < cells.length) cells[c - col0] = 'spill';
        }
      }
    }
    return marks;
  }

  /** Formulas as getFormulas returns them: "" where a cell holds no formula (spilled cells included). */
  formulas(sheetName: string, area: GridArea): string[][] {
    const sheet = this.sheetId(sheetName);
    const start = { sheet, row: area.row - 1, col: area.column - 1 };
    const end = { sheet, row: area.row + area.numRows - 2, col: area.column + area.numColumns - 2 };
    return this.hf.getRangeFormulas({ start, end }).map((cells) => cells.map((formula) => formula ?? ''));
  }

  error(sheetName: string, row: number, column: number): CellErrorInfo | undefined {
    const address = this.address(sheetName, row, column);
    const value = this.hf.getCellValue(address);
    if (!isError(value)) return undefined;
    const engineMessage = value.message;
    const message = value.type === ErrorType.SPILL ? this.spillMessage(address) : sheetsMessage(value.type, engineMessage);
    return message === engineMessage ? { value: SHEETS_ERROR_CODES[value.type], message } : { value: SHEETS_ERROR_CODES[value.type], message, engineMessage };
  }

  /** The last row and column holding anything (a value, a formula, a spilled value); 0 when empty. */
  extent(sheetName: string): GridSize {
    const sheet = this.sheetId(sheetName);
    // A sheet without formulas changes only when it is changed directly: its extent is kept until then
    // (a case tab's is not found again after every edit of a summary tab).
    const cached = this.extentCache.get(sheet);
    const kept = cached !== undefined && (this.formulaSheets.has(sheet) ? cached.revision === this.revisionCounter : cached.revision >= (this.directChanges.get(sheet) ?? 0));
    if (cached && kept) return cached.extent;
    // From the edges of HyperFormula's area inwards: the last row holding anything, then the last column (not every cell of a large tab).
    const { width, height } = this.hf.getSheetDimensions(sheet);
    const holdsAnything = (row: number, col: number, toRow: number, toCol: number) =>
      this.hf.getRangeValues({ start: { sheet, row, col }, end: { sheet, row: toRow, col: toCol } }).some((cells) => cells.some((value) => value !== null));
    let rows = height;
    while (rows > 0 && width > 0 && !holdsAnything(rows - 1, 0, rows - 1, width - 1)) rows -= 1;
    let columns = rows === 0 ? 0 : width;
    while (columns > 0 && !holdsAnything(0, columns - 1, rows - 1, columns - 1)) columns -= 1;
    const extent = { rows, columns };
    this.extentCache.set(sheet, { revision: this.revisionCounter, extent });
    return extent;
  }

  /**
   * The longest chain of custom functions feeding each other that ends in one of these executions:
   * 1 when none of them reads another custom function's result, through any number of native
   * formulas in between; 0 for none. In Sheets a custom function that reads another's result can
   * only start once that one has finished, so each level is one more round trip to the server.
   */
  chainDepth(executions: readonly CustomFunctionExecution[]): number {
    const { areas, depthOf } = this.customDepths();
    let chain = 0;
    for (const execution of executions) {
      const sheet = this.hf.getSheetId(execution.sheet);
      const area = sheet === undefined ? undefined : areas.get(sheet)?.find((candidate) => candidate.row === execution.row - 1 && candidate.col === execution.column - 1);
      if (area) chain = Math.max(chain, depthOf(area));
    }
    return chain;
  }

  /**
   * Every formula area, and how many custom functions feed each in the longest chain ending there
   * (itself included): 0 for a native formula that reads no custom function's result.
   */
  private customDepths(): { areas: Map<number, FormulaArea[]>; depthOf: (area: FormulaArea) => number } {
    const areas = this.formulaAreas();
    const memo = new Map<FormulaArea, number>();
    const visiting = new Set<FormulaArea>();
    const depthOf = (area: FormulaArea): number => {
      const known = memo.get(area);
      if (known !== undefined) return known;
      if (visiting.has(area)) return 0;
      visiting.add(area);
      let deepest = 0;
      for (const precedent of this.hf.getCellPrecedents({ sheet: area.sheet, row: area.row, col: area.col })) {
        const [start, end] = 'start' in precedent ? [precedent.start, precedent.end] : [precedent, precedent];
        for (const other of areas.get(start.sheet) ?? []) {
          const overlaps = other !== area && other.row <= end.row && start.row < other.row + other.height && other.col <= end.col && start.col < other.col + other.width;
          if (overlaps) deepest = Math.max(deepest, depthOf(other));
        }
      }
      visiting.delete(area);
      const depth = deepest + (area.custom ? 1 : 0);
      memo.set(area, depth);
      return depth;
    };
    return { areas, depthOf };
  }

  /** Matches a formula that calls one of the add-on's custom functions; undefined while none is registered. */
  private customCallPattern(): RegExp | undefined {
    const names = [...this.customFunctions.keys()].map((id) => id.replace(/\./g, '\\.'));
    return names.length === 0 ? undefined : new RegExp(`(^|[^A-Z0-9_.])(${names.join('|')})\\s*\\(`, 'i');
  }

  /** Every formula cell of every sheet with the area its result fills, by sheet. */
  private formulaAreas(): Map<number, FormulaArea[]> {
    const calls = this.customCallPattern();
    const spills = new Map<string, { width: number; height: number }>();
    for (const vertex of this.hf.arrayMapping.arrayMapping.values()) spills.set(addressKey(vertex.leftCorner), { width: vertex.width, height: vertex.height });
    const areas = new Map<number, FormulaArea[]>();
    for (const name of this.hf.getSheetNames()) {
      const sheet = this.sheetId(name);
      const list: FormulaArea[] = [];
      this.hf.getSheetFormulas(sheet).forEach((cells, row) =>
        cells.forEach((formula, col) => {
          if (formula === undefined) return;
          const size = spills.get(addressKey({ sheet, row, col })) ?? { width: 1, height: 1 };
          list.push({ sheet, row, col, height: size.height, width: size.width, custom: calls !== undefined && calls.test(formula) });
        }),
      );
      areas.set(sheet, list);
    }
    return areas;
  }

  /**
   * Evaluates a formula as if it stood in A1 of a sheet, without putting it anywhere: a scalar, or rows
   * of values when the result is an array (a custom function's table, say).
   */
  calculate(formula: string, sheetName: string): SheetsValue | SheetsValue[][] {
    const result = this.calculateRaw(formula, sheetName);
    const convert = (value: CellValue): SheetsValue => (value === null ? '' : isError(value) ? SHEETS_ERROR_CODES[value.type] : value);
    return Array.isArray(result) ? result.map((row) => row.map(convert)) : convert(result);
  }

  /** Like calculate, for a formula whose result is an error: the error, else undefined. */
  calculateError(formula: string, sheetName: string): CellErrorInfo | undefined {
    const result = this.calculateRaw(formula, sheetName);
    const value = Array.isArray(result) ? result[0][0] : result;
    return isError(value) ? { value: SHEETS_ERROR_CODES[value.type], message: sheetsMessage(value.type, value.message) } : undefined;
  }

  private calculateRaw(formula: string, sheetName: string): CellValue | CellValue[][] {
    return this.hf.calculateFormula(formula.startsWith('=') ? formula : `=${formula}`, this.sheetId(sheetName));
  }

  private sheetId(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new Error(`The engine has no sheet named ${name}.`);
    return id;
  }

  private address(sheetName: string, row: number, column: number): SimpleCellAddress {
    return { sheet: this.sheetId(sheetName), row: row - 1, col: column - 1 };
  }

  private gridOf(sheetId: number): GridSize {
    const name = this.hf.getSheetName(sheetId);
    return name === undefined ? { rows: Infinity, columns: Infinity } : this.gridSize(name);
  }

  /**
   * Runs a script's execution with the ranges its edits leave without formulas kept until it ends: a
   * script that clears a tab and writes it again (Generate summaries) reuses the ranges over whole
   * case tabs, each an edge from every cell, instead of removing and building them again.
   */
  holdingRanges<T>(run: () => T): T {
    this.heldRanges += 1;
    try {
      return run();
    } finally {
      this.heldRanges -= 1;
      if (this.heldRanges === 0) {
        flushRangeRemovals(this.instance);
        this.keptArguments.clear();
      }
    }
  }

  private forgetSheet(sheet: number): void {
    this.extentCache.delete(sheet);
    for (const key of this.keptArguments.keys()) if (key.startsWith(`${sheet}:`)) this.keptArguments.delete(key);
    this.directChanges.delete(sheet);
    this.formulaSheets.delete(sheet);
  }

  /** Notes a direct change to a sheet about to be made (and whether it enters a formula), for its extent. */
  private changing(sheet: number, entersFormula: boolean): void {
    this.directChanges.set(sheet, this.revisionCounter + 1);
    if (entersFormula) this.formulaSheets.add(sheet);
  }

  private changed(): void {
    this.settleSpills();
    // Ranges an edit left without formulas go now (outside a script's run), after any formula entered over them again took them up.
    if (this.heldRanges === 0) {
      flushRangeRemovals(this.instance);
      this.keptArguments.clear();
    }
    this.revisionCounter += 1;
    this.onChange();
  }

  private settleSpills(): void {
    this.reenterRespills();
    if (this.reenterBlockedSpills()) this.reenterRespills();
  }

  private reenterRespills(): void {
    for (let round = 0; this.respills.size > 0; round += 1) {
      if (round === 50) throw new Error('Spilled custom-function results did not settle after 50 rounds.');
      const pending = [...this.respills.values()];
      this.respills.clear();
      this.hf.batch(() => {
        for (const { address, size } of pending) {
          this.reserved.set(addressKey(address), size);
          const formula = this.hf.getCellFormula(address);
          if (formula !== undefined) this.hf.setCellContents(address, [[formula]]);
        }
      });
    }
  }

  /** Re-enters array formulas whose spill was blocked and whose area is free again. */
  private reenterBlockedSpills(): boolean {
    const blocked: SimpleCellAddress[] = [];
    for (const vertex of this.hf.arrayMapping.arrayMapping.values()) {
      const corner = vertex.leftCorner;
      const value = this.hf.getCellValue(corner);
      const size = this.reserved.get(addressKey(corner));
      if (isError(value) && value.type === ErrorType.SPILL && (size === undefined || this.firstBlockingCell(corner, size) === undefined)) {
        blocked.push({ ...corner });
      }
    }
    if (blocked.length === 0) return false;
    this.hf.batch(() => {
      for (const address of blocked) {
        const formula = this.hf.getCellFormula(address);
        if (formula !== undefined) this.hf.setCellContents(address, [[formula]]);
      }
    });
    return true;
  }

  private firstBlockingCell(corner: SimpleCellAddress, size: ArraySize): SimpleCellAddress | undefined {
    for (let row = 0; row < size.height; row += 1) {
      for (let col = 0; col < size.width; col += 1) {
        const address = { sheet: corner.sheet, row: corner.row + row, col: corner.col + col };
        if ((row > 0 || col > 0) && this.hf.getCellType(address) !== CellType.EMPTY) return address;
      }
    }
    return undefined;
  }

  private spillMessage(corner: SimpleCellAddress): string {
    const size = this.reserved.get(addressKey(corner));
    const blocker = size === undefined ? undefined : this.firstBlockingCell(corner, size);
    return blocker === undefined
      ? 'Array result was not expanded because it would overwrite data.'
      : `Array result was not expanded because it would overwrite data in ${cellA1(blocker.row + 1, blocker.col + 1)}.`;
  }

  private plugin(): FunctionPluginDefinition {
    const engine = this;
    const implementedFunctions: ImplementedFunctions = {};
    for (const id of this.customFunctions.keys()) {
      implementedFunctions[id] = { method: 'callCustomFunction', sizeOfResultArrayMethod: 'reservedSize' };
    }
    class AddonCustomFunctions extends FunctionPlugin {
      static implementedFunctions = implementedFunctions;

      callCustomFunction(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
        return engine.evaluateCall(ast, state, (argument) => this.evaluateAst(argument, state));
      }

      reservedSize(_ast: ProcedureAst, state: InterpreterState): ArraySize {
        return engine.reserved.get(addressKey(state.formulaAddress)) ?? ArraySize.scalar();
      }
    }
    return AddonCustomFunctions;
  }

  private evaluateCall(ast: ProcedureAst, state: InterpreterState, evaluate: (argument: Ast) => InterpreterValue): InterpreterValue {
    const vertex = state.formulaVertex;
    // The call is the whole formula of its cell (not nested in another function): it may spill.
    const spills = vertex !== undefined && vertex.getFormula(this.hf.lazilyTransformingAstService) === ast;
    let outcome: Outcome;
    let fingerprint = '';
    try {
      const values = ast.args.map((argument) => (String(argument.type) === 'EMPTY' ? undefined : evaluate(argument)));
      // A range on a tab that does not exist (yet): Sheets never runs the function and shows #REF!.
      const unresolved = this.unresolvedTab(ast.args);
      const args = unresolved === undefined ? values.map((value) => (value === undefined ? undefined : this.argument(value))) : [];
      const key = addressKey(state.formulaAddress);
      fingerprint = `[${JSON.stringify(ast.procedureName)},${args.map((arg) => this.argumentJson(arg)).join(',')}]`;
      const remembered = spills ? this.remembered.get(key) : undefined;
      if (spills) this.remembered.delete(key);
      if (unresolved !== undefined) outcome = { error: new CellError(ErrorType.REF, `Unresolved sheet name '${unresolved}'.`) };
      else if (remembered?.fingerprint === fingerprint) outcome = remembered.outcome;
      else {
        // Evaluated ahead (calculateFormula, no vertex yet), the call's address is the sheet's A1: it is recorded at the cell it is for.
        const at = vertex === undefined && this.aheadAt ? this.aheadAt : state.formulaAddress;
        this.executions.push({
          name: ast.procedureName,
          cells: args.reduce((sum: number, arg) => sum + cellCount(arg), 0),
          tabs: this.tabsOf(values),
          sheet: this.hf.getSheetName(at.sheet) ?? '',
          row: at.row + 1,
          column: at.col + 1,
        });
        outcome = this.invoke(ast.procedureName, args);
      }
      // Evaluated ahead of being entered (reserveSpills): remembered for the cell it is for; the outermost call finishes last, so its outcome stays.
      if (this.aheadOf !== undefined && vertex === undefined) this.remembered.set(this.aheadOf, { fingerprint, outcome });
    } catch (thrown) {
      outcome = { error: new CellError(ErrorType.ERROR, messageOf(thrown)) };
    }
    if (!spills) return 'error' in outcome ? outcome.error : this.asValue(outcome.rows);
    return this.fitSpill(state.formulaAddress, { width: vertex.width, height: vertex.height }, outcome, fingerprint);
  }

  /**
   * The name of the first tab a reference argument names that the workbook does not have (yet):
   * HyperFormula keeps a placeholder sheet for it, which a re-entered formula cannot reach.
   */
  private unresolvedTab(args: Ast[]): string | undefined {
    const mapping = this.hf.dependencyGraph.sheetMapping as unknown as { getSheetNameOrThrowError(id: number, options: { includePlaceholders: boolean }): string };
    for (const argument of args) {
      const named = argument as { reference?: { sheet?: number }; start?: { sheet?: number } };
      const sheet = named.reference?.sheet ?? named.start?.sheet;
      if (sheet !== undefined && this.hf.getSheetName(sheet) === undefined) return mapping.getSheetNameOrThrowError(sheet, { includePlaceholders: true });
    }
    return undefined;
  }

  private tabsOf(values: Array<InterpreterValue | undefined>): string[] {
    const tabs = new Set<string>();
    for (const value of values) {
      if (value instanceof SimpleRangeValue && value.range !== undefined) tabs.add(this.hf.getSheetName(value.range.sheet) ?? '');
    }
    return [...tabs];
  }

  private invoke(id: string, args: unknown[]): Outcome {
    const jsName = this.customFunctions.get(id);
    if (jsName === undefined) return { error: new CellError(ErrorType.NAME, `Unknown function: '${id.toLowerCase()}'.`) };
    try {
      return resultRows(this.invoker(jsName, args));
    } catch (thrown) {
      return { error: new CellError(ErrorType.ERROR, messageOf(thrown)) };
    }
  }

  /** Crops or pads a result to the area its cell reserved, and asks for a respill if they differ. */
  private fitSpill(address: SimpleCellAddress, area: { width: number; height: number }, outcome: Outcome, fingerprint: string): InterpreterValue {
    let fitted = outcome;
    if ('rows' in outcome) {
      const grid = this.gridOf(address.sheet);
      const missingRows = address.row + outcome.rows.length - grid.rows;
      const missingColumns = address.col + outcome.rows[0].length - grid.columns;
      if (missingRows > 0) fitted = { error: new CellError(ErrorType.REF, `Result was not automatically expanded, please insert more rows (${missingRows}).`) };
      else if (missingColumns > 0) fitted = { error: new CellError(ErrorType.REF, `Result was not automatically expanded, please insert more columns (${missingColumns}).`) };
    }
    const width = 'rows' in fitted ? fitted.rows[0].length : 1;
    const height = 'rows' in fitted ? fitted.rows.length : 1;
    if (width !== area.width || height !== area.height) {
      const key = addressKey(address);
      this.respills.set(key, { address: { ...address }, size: new ArraySize(width, height) });
      this.remembered.set(key, { fingerprint, outcome });
    }
    if ('error' in fitted) return fitted.error;
    const result = fitted.rows;
    const rows = Array.from({ length: area.height }, (_, r) =>
      Array.from({ length: area.width }, (_, c) => result[r]?.[c] ?? EmptyValue),
    );
    return this.asValue(rows);
  }

  private asValue(rows: InternalScalarValue[][]): InterpreterValue {
    return rows.length === 1 && rows[0].length === 1 ? rows[0][0] : SimpleRangeValue.onlyValues(rows);
  }

  /**
   * An argument as Apps Script passes it: a range is rows of values ("" for empty), a one-cell range
   * its value. Whole columns (A:C) and rows (2:5) span the sheet's grid, as in Sheets, not just the
   * rows the engine has seen.
   */
  private argument(value: InterpreterValue): unknown {
    if (!(value instanceof SimpleRangeValue)) return argumentScalar(value as InternalScalarValue);
    const range = value.range;
    let key: string | undefined;
    if (range !== undefined) {
      // Sheets refuses a reference past a tab's grid (A:CZ on a 60-column tab); so does this runtime.
      const grid = this.gridOf(range.sheet);
      const pastColumns = Number.isFinite(range.end.col) && range.end.col >= grid.columns;
      const pastRows = Number.isFinite(range.end.row) && range.end.row >= grid.rows;
      if (pastColumns || pastRows) {
        throw new Error(
          `A range reaches past the grid of '${this.hf.getSheetName(range.sheet)}' (${grid.rows} rows × ${grid.columns} columns): Sheets would refuse it. Keep references inside the tab.`,
        );
      }
      if (!this.formulaSheets.has(range.sheet)) {
        key = [range.sheet, range.start.row, range.start.col, range.end.row, range.end.col, grid.rows, grid.columns].join(':');
        const kept = this.keptArguments.get(key);
        if (kept !== undefined && kept.change === (this.directChanges.get(range.sheet) ?? 0)) return kept.value;
      }
    }
    const rows = value.data.map((cells) => cells.map(argumentScalar));
    if (range !== undefined && (!Number.isFinite(range.end.row) || !Number.isFinite(range.end.col))) {
      const grid = this.gridOf(range.sheet);
      const height = Number.isFinite(range.end.row) ? rows.length : Math.max(grid.rows - range.start.row, 0);
      const width = Number.isFinite(range.end.col) ? (rows[0]?.length ?? 0) : Math.max(grid.columns - range.start.col, 0);
      // Padded (or cut) in place to the grid: the rows are this call's own copy, and a whole case tab is not copied again.
      if (rows.length > height) rows.length = height;
      while (rows.length < height) rows.push([]);
      for (const row of rows) {
        if (row.length > width) row.length = width;
        while (row.length < width) row.push('');
      }
    }
    const argument = rows.length === 1 && rows[0].length === 1 ? rows[0][0] : rows;
    if (key !== undefined && range !== undefined) this.keptArguments.set(key, { change: this.directChanges.get(range.sheet) ?? 0, value: argument });
    return argument;
  }

  /** An argument as JSON, for the fingerprint of a call: a kept range's text is made once. */
  private argumentJson(argument: unknown): string {
    if (argument === undefined) return 'null';
    if (!Array.isArray(argument)) return JSON.stringify(argument);
    const made = this.argumentTexts.get(argument);
    if (made !== undefined) return made;
    const text = JSON.stringify(argument);
    this.argumentTexts.set(argument, text);
    return text;
  }
}

function cellCount(arg: unknown): number {
  if (arg === undefined) return 0;
  return Array.isArray(arg) ? arg.reduce((sum: number, row: unknown[]) => sum + row.length, 0) : 1;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
