/**
 * The document behind the fakes: its sheets (grid size, formats, notes, validations, protections,
 * conditional formats, charts), its developer metadata and toasts, and the formula engine holding
 * the cells. Tests read and edit it through the helpers at the end, which are not service calls and
 * are not counted.
 */
import { GridArea, parseA1, resolveA1 } from './a1';
import { conditionalFormatAt } from './conditional';
import { CellErrorInfo, FormulaEngine } from './engine';
import { Env } from './env';
import type { RawCellContent } from 'hyperformula';
import { dateFromSerial, displayText, engineInput, isDateFormat, SheetsValue } from './values';

/** Per-cell formatting and annotations; a value object stored as given (rules are fakes). */
export interface CellFormat {
  numberFormat?: string;
  background?: string;
  fontColor?: string;
  fontWeight?: string;
  fontStyle?: string;
  fontSize?: number;
  fontFamily?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrap?: boolean;
  note?: string;
  validation?: ValidationModel;
}

/** A data validation rule; for VALUE_IN_RANGE the first value is the SheetArea of the list. */
export interface ValidationModel {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export type FormatKey = keyof CellFormat;
const FORMATTING: FormatKey[] = ['numberFormat', 'background', 'fontColor', 'fontWeight', 'fontStyle', 'fontSize', 'fontFamily', 'horizontalAlignment', 'verticalAlignment', 'wrap'];

/** Shared by the fakes that point at cells: a sheet and a rectangle on it. */
export interface SheetArea {
  sheet: SheetModel;
  area: GridArea;
}

export interface ProtectionModel {
  type: 'SHEET' | 'RANGE';
  target: SheetArea;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
  unprotected: SheetArea[];
  rangeName: string | null;
}

export type MetadataLocation =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheet: SheetModel }
  | { type: 'ROW'; sheet: SheetModel; row: number }
  | { type: 'COLUMN'; sheet: SheetModel; column: number };

export interface DeveloperMetadataModel {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  location: MetadataLocation;
}

export interface ConditionalFormatModel {
  criteria: string;
  values: unknown[];
  format: { background?: string | null; fontColor?: string | null; bold?: boolean | null; italic?: boolean | null; strikethrough?: boolean | null; underline?: boolean | null };
  ranges: SheetArea[];
}

export interface ChartModel {
  id: number | null;
  type: string;
  ranges: SheetArea[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
  numHeaders: number;
  transpose: boolean;
  hiddenDimensionStrategy: string;
  mergeStrategy: string;
}

export interface Toast {
  message: string;
  title?: string;
  timeoutSeconds?: number | null;
}

/** Moves a span [start, start+size) for rows/columns inserted (delta > 0) or deleted (delta < 0) at `at`. */
export function shiftSpan(start: number, size: number, at: number, delta: number): { start: number; size: number } | undefined {
  const end = start + size - 1;
  if (delta > 0) {
    if (start >= at) return { start: start + delta, size };
    return end >= at ? { start, size: size + delta } : { start, size };
  }
  const gone = -delta;
  const goneEnd = at + gone - 1;
  if (end < at) return { start, size };
  if (start > goneEnd) return { start: start - gone, size };
  const kept = size - (Math.min(end, goneEnd) - Math.max(start, at) + 1);
  return kept > 0 ? { start: Math.min(start, at), size: kept } : undefined;
}

export class SheetModel {
  maxRows: number;
  maxColumns: number;
  frozenRows = 0;
  frozenColumns = 0;
  tabColor: string | null = null;
  hidden = false;
  deleted = false;
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  private readonly cells = new Map<string, CellFormat>();
  protections: ProtectionModel[] = [];
  conditionalFormats: ConditionalFormatModel[] = [];
  charts: ChartModel[] = [];

  constructor(public name: string, readonly sheetId: number, maxRows = 1000, maxColumns = 26) {
    this.maxRows = maxRows;
    this.maxColumns = maxColumns;
  }

  format(row: number, column: number): CellFormat {
    return this.cells.get(`${row}:${column}`) ?? {};
  }

  /** Every cell that has a format, note or validation, in no particular order. */
  formattedCells(): Array<{ row: number; column: number; format: CellFormat }> {
    return Array.from(this.cells, ([key, format]) => {
      const [row, column] = key.split(':').map(Number);
      return { row, column, format };
    });
  }

  setFormat(row: number, column: number, patch: CellFormat): void {
    const key = `${row}:${column}`;
    const merged: CellFormat = { ...this.cells.get(key), ...patch };
    for (const name of Object.keys(merged) as FormatKey[]) if (merged[name] === undefined) delete merged[name];
    if (Object.keys(merged).length === 0) this.cells.delete(key);
    else this.cells.set(key, merged);
  }

  /** Removes the given kinds of format from an area (all formatting when `kinds` is omitted). */
  clearFormats(area: GridArea, kinds: FormatKey[] = FORMATTING): void {
    const patch = Object.fromEntries(kinds.map((kind) => [kind, undefined])) as CellFormat;
    for (const [key] of [...this.cells]) {
      const [row, column] = key.split(':').map(Number);
      if (row >= area.row && row < area.row + area.numRows && column >= area.column && column < area.column + area.numColumns) {
        this.setFormat(row, column, patch);
      }
    }
  }

  get whole(): GridArea {
    return { row: 1, column: 1, numRows: this.maxRows, numColumns: this.maxColumns };
  }

  /** Shifts formats, protections, conditional formats and charts for inserted or deleted rows. */
  shiftRows(at: number, delta: number): void {
    this.shiftCells(at, delta, 0);
    this.maxRows += delta;
    this.shiftAreas((area) => {
      const span = shiftSpan(area.row, area.numRows, at, delta);
      return span && { ...area, row: span.start, numRows: span.size };
    });
  }

  shiftColumns(at: number, delta: number): void {
    this.shiftCells(at, delta, 1);
    this.maxColumns += delta;
    this.shiftAreas((area) => {
      const span = shiftSpan(area.column, area.numColumns, at, delta);
      return span && { ...area, column: span.start, numColumns: span.size };
    });
  }

  private shiftCells(at: number, delta: number, axis: 0 | 1): void {
    const moved = [...this.cells].flatMap(([key, format]): [string, CellFormat][] => {
      const position = key.split(':').map(Number);
      if (position[axis] >= at) {
        if (delta < 0 && position[axis] < at - delta) return [];
        position[axis] += delta;
      }
      return [[position.join(':'), format]];
    });
    this.cells.clear();
    for (const [key, format] of moved) this.cells.set(key, format);
  }

  private shiftAreas(shift: (area: GridArea) => GridArea | undefined): void {
    const onThisSheet = (target: SheetArea) => target.sheet === this;
    const shiftTarget = (target: SheetArea): SheetArea | undefined => {
      if (!onThisSheet(target)) return target;
      const area = shift(target.area);
      return area && { sheet: this, area };
    };
    this.protections = this.protections.flatMap((protection) => {
      const target = protection.type === 'SHEET' ? protection.target : shiftTarget(protection.target);
      if (target === undefined) return [];
      return [{ ...protection, target, unprotected: protection.unprotected.flatMap((u) => shiftTarget(u) ?? []) }];
    });
    for (const rule of this.conditionalFormats) rule.ranges = rule.ranges.flatMap((r) => shiftTarget(r) ?? []);
    for (const chart of this.charts) chart.ranges = chart.ranges.flatMap((r) => shiftTarget(r) ?? []);
  }
}

/** Sheets to start with: name → rows of values (strings starting with "=" are formulas). */
export type SheetContents = Record<string, unknown[][]>;

export interface WorkbookOptions {
  name?: string;
  id?: string;
  /** Sheets in order; when omitted the spreadsheet has one empty "Sheet1", like a new one. */
  sheets?: SheetContents;
  /** Grid size of every sheet, at least as large as its contents (Sheets' default is 1000 × 26). */
  maxRows?: number;
  maxColumns?: number;
  /** The spreadsheet's time zone (File › Settings), which may differ from the script's; Etc/UTC by default. */
  timeZone?: string;
}

/** What Sheets shows in a custom-function cell until its call has run. */
export const LOADING = 'Loading...';

/** Sheets refuses a cell of more than 50,000 characters. */
export const MAX_CELL_CHARACTERS = 50000;

export class Workbook {
  readonly env = new Env();
  readonly engine: FormulaEngine;
  readonly id: string;
  name: string;
  readonly sheets: SheetModel[] = [];
  activeSheet!: SheetModel;
  /** The cells a user selected last (Range.activate); on another sheet than the active one, that sheet's A1 is selected. */
  selection: SheetArea | undefined;
  metadata: DeveloperMetadataModel[] = [];
  readonly toasts: Toast[] = [];
  /** The spreadsheet's time zone (getSpreadsheetTimeZone); setSpreadsheetTimeZone changes it. */
  timeZone: string;
  /**
   * 'settled' (default): custom-function cells are computed by the time anything reads them.
   * 'pending': as in Sheets, where each call is a separate server run, every custom-function cell
   * reads "Loading..." (its spill blank) from the first open and after every change, until `settle()`.
   */
  customFunctionMode: 'settled' | 'pending' = 'settled';
  private loading = false;
  private nextSheetId = 0;
  private nextMetadataId = 1;
  private nextChartId = 1;

  constructor(options: WorkbookOptions = {}) {
    this.name = options.name ?? 'Untitled spreadsheet';
    this.id = options.id ?? 'offline-spreadsheet-id';
    this.timeZone = options.timeZone ?? 'Etc/UTC';
    this.engine = new FormulaEngine((sheetName) => {
      const sheet = this.sheet(sheetName);
      return { rows: sheet.maxRows, columns: sheet.maxColumns };
    });
    this.engine.onChange = () => {
      if (this.customFunctionMode === 'pending') this.loading = true;
    };
    const contents = options.sheets ?? { Sheet1: [] };
    const loaded: Array<[string, RawCellContent[][]]> = [];
    for (const [name, rows] of Object.entries(contents)) {
      let width = 0;
      for (const row of rows) width = Math.max(width, row.length);
      const sheet = this.addSheetModel(name, this.sheets.length, Math.max(options.maxRows ?? 1000, rows.length), Math.max(options.maxColumns ?? 26, width));
      loaded.push([sheet.name, this.engineRows(sheet, 1, 1, rows, width)]);
    }
    // The engine builds every sheet in one go at its first use (after the add-on's custom functions are known).
    this.engine.load(loaded);
    this.activeSheet = this.sheets[0];
  }

  /** The sheet with that name (Sheets compares names case-insensitively); throws if there is none. */
  sheet(name: string): SheetModel {
    const sheet = this.findSheet(name);
    if (sheet === undefined) throw new Error(`There is no sheet named "${name}". Sheets: ${this.sheets.map((s) => s.name).join(', ')}.`);
    return sheet;
  }

  findSheet(name: string): SheetModel | undefined {
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string, index = this.sheets.length, maxRows = 1000, maxColumns = 26): SheetModel {
    const sheet = this.addSheetModel(name, index, maxRows, maxColumns);
    this.engine.addSheet(name);
    return sheet;
  }

  private addSheetModel(name: string, index: number, maxRows: number, maxColumns: number): SheetModel {
    if (this.findSheet(name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    if (index < 0 || index > this.sheets.length) throw new Error(`Sheet index ${index} is out of range.`);
    const sheet = new SheetModel(name, this.nextSheetId, maxRows, maxColumns);
    this.nextSheetId = this.nextSheetId === 0 ? 1_500_000_000 : this.nextSheetId + 1_000_003;
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  removeSheet(sheet: SheetModel): void {
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
    this.metadata = this.metadata.filter((m) => !('sheet' in m.location) || m.location.sheet !== sheet);
    this.engine.removeSheet(sheet.name);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0];
  }

  renameSheet(sheet: SheetModel, newName: string): void {
    if (newName.trim() === '') throw new Error('Sheet names cannot be empty.');
    const other = this.findSheet(newName);
    if (other !== undefined && other !== sheet) throw new Error(`A sheet with the name "${newName}" already exists. Please enter another name.`);
    // The model takes the new name first: the engine recalculates during the rename (formulas that named
    // the new name before it existed now read this tab), and custom functions find their tabs by name.
    const oldName = sheet.name;
    sheet.name = newName;
    try {
      this.engine.renameSheet(oldName, newName);
    } catch (error) {
      sheet.name = oldName;
      throw error;
    }
  }

  /** True while custom-function cells read "Loading..." (pending mode, before `settle()`). */
  get isLoading(): boolean {
    return this.loading;
  }

  /** Every custom-function call has run: their cells read their results (pending mode). */
  settle(): void {
    this.loading = false;
  }

  /** Writes values as setValues does: strings starting with "=" become formulas; Sheets refuses a cell over 50,000 characters. */
  write(sheet: SheetModel, row: number, column: number, values: unknown[][]): void {
    this.engine.write(sheet.name, row, column, this.engineRows(sheet, row, column, values));
  }

  /** Rows as the engine takes them (each `width` long, when given), every cell checked against Sheets' limit on its length. */
  private engineRows(sheet: SheetModel, row: number, column: number, values: unknown[][], width?: number): RawCellContent[][] {
    // Array.from, not map: the add-on's arrays come from its own realm, and the engine wants this one's.
    return Array.from(values, (cells, r) =>
      Array.from({ length: width ?? cells.length }, (_, c) => {
        const cell = cells[c];
        // A leading apostrophe only marks text; Sheets does not keep it.
        const length = typeof cell === 'string' ? cell.length - (cell.startsWith("'") ? 1 : 0) : 0;
        if (length > MAX_CELL_CHARACTERS) {
          throw new Error(`Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell (${sheet.name} row ${row + r}, column ${column + c}: ${length}).`);
        }
        return engineInput(cell);
      }),
    );
  }

  insertRows(sheet: SheetModel, beforeRow: number, count: number): void {
    // The grid grows before the engine recalculates, so references that grow with it stay inside it.
    sheet.shiftRows(beforeRow, count);
    this.engine.insertRows(sheet.name, beforeRow, count);
    this.shiftMetadata(sheet, 'ROW', beforeRow, count);
  }

  deleteRows(sheet: SheetModel, row: number, count: number): void {
    if (count >= sheet.maxRows) throw new Error("You can't delete all the rows on the sheet.");
    this.engine.deleteRows(sheet.name, row, count);
    sheet.shiftRows(row, -count);
    this.shiftMetadata(sheet, 'ROW', row, -count);
  }

  insertColumns(sheet: SheetModel, beforeColumn: number, count: number): void {
    sheet.shiftColumns(beforeColumn, count);
    this.engine.insertColumns(sheet.name, beforeColumn, count);
    this.shiftMetadata(sheet, 'COLUMN', beforeColumn, count);
  }

  deleteColumns(sheet: SheetModel, column: number, count: number): void {
    if (count >= sheet.maxColumns) throw new Error("You can't delete all the columns on the sheet.");
    this.engine.deleteColumns(sheet.name, column, count);
    sheet.shiftColumns(column, -count);
    this.shiftMetadata(sheet, 'COLUMN', column, -count);
  }

  addMetadata(key: string, value: string | null, visibility: 'DOCUMENT' | 'PROJECT', location: MetadataLocation): DeveloperMetadataModel {
    const model = { id: this.nextMetadataId++, key, value, visibility, location };
    this.metadata.push(model);
    return model;
  }

  takeChartId(): number {
    return this.nextChartId++;
  }

  private shiftMetadata(sheet: SheetModel, type: 'ROW' | 'COLUMN', at: number, delta: number): void {
    this.metadata = this.metadata.flatMap((model) => {
      const location = model.location;
      if (location.type !== type || location.sheet !== sheet) return [model];
      const index = location.type === 'ROW' ? location.row : location.column;
      const span = shiftSpan(index, 1, at, delta);
      if (span === undefined) return [];
      model.location = location.type === 'ROW' ? { ...location, row: span.start } : { ...location, column: span.start };
      return [model];
    });
  }

  // Test helpers: what a person sees in the document, and what a person types into it.

  sheetNames(): string[] {
    return this.sheets.map((sheet) => sheet.name);
  }

  /** The area a reference covers, on the named sheet or the sheet its prefix names. */
  area(sheetName: string, a1: string): SheetArea {
    const reference = parseA1(a1);
    if (reference === undefined) throw new Error(`"${a1}" is not A1 notation.`);
    const sheet = this.sheet(reference.sheetName ?? sheetName);
    return { sheet, area: resolveA1(reference, sheet.maxRows, sheet.maxColumns) };
  }

  /** Every value from A1 to the last row and column with content (getDataRange().getValues()). */
  sheetValues(name: string): SheetsValue[][] {
    const sheet = this.sheet(name);
    return this.cellValues(sheet, this.dataArea(sheet));
  }

  sheetFormulas(name: string): string[][] {
    const sheet = this.sheet(name);
    return this.engine.formulas(sheet.name, this.dataArea(sheet));
  }

  /** The text Sheets shows in each cell of the data range, number formats applied. */
  sheetDisplayValues(name: string): string[][] {
    const sheet = this.sheet(name);
    return this.displayValues(sheet, this.dataArea(sheet));
  }

  values(sheetName: string, a1: string): SheetsValue[][] {
    const { sheet, area } = this.area(sheetName, a1);
    return this.cellValues(sheet, area);
  }

  value(sheetName: string, a1: string): SheetsValue {
    return this.values(sheetName, a1)[0][0];
  }

  /**
   * A person typing into the sheet: writes `values` with their top-left cell at `a1` (strings
   * starting with "=" are formulas, "" clears) and the engine recalculates everything that depends on them.
   */
  setCellValues(sheetName: string, a1: string, values: unknown[][]): void {
    const { sheet, area } = this.area(sheetName, a1);
    const width = Math.max(0, ...values.map((row) => row.length));
    if (area.row + values.length - 1 > sheet.maxRows || area.column + width - 1 > sheet.maxColumns) {
      throw new Error(`${values.length} × ${width} values do not fit on ${sheet.name} at ${a1}.`);
    }
    this.write(sheet, area.row, area.column, values.map((row) => [...row, ...new Array<unknown>(width - row.length).fill('')]));
  }

  /** The error in a cell ("#ERROR!" and the message Sheets shows on hover), or undefined. */
  cellError(sheetName: string, a1: string): CellErrorInfo | undefined {
    const { sheet, area } = this.area(sheetName, a1);
    return this.engine.error(sheet.name, area.row, area.column);
  }

  /** Evaluates a formula as if it were in A1 of a sheet (the first by default), without writing it. */
  evaluate(formula: string, sheetName = this.sheets[0].name): SheetsValue | SheetsValue[][] {
    return this.engine.calculate(formula, this.sheet(sheetName).name);
  }

  evaluateError(formula: string, sheetName = this.sheets[0].name): CellErrorInfo | undefined {
    return this.engine.calculateError(formula, this.sheet(sheetName).name);
  }

  /** A cell's own formats, notes and validation rule. */
  format(sheetName: string, a1: string): CellFormat {
    const { sheet, area } = this.area(sheetName, a1);
    return sheet.format(area.row, area.column);
  }

  /** The conditional format showing on a cell now (the first matching rule's), or undefined. */
  conditionalFormat(sheetName: string, a1: string): ConditionalFormatModel['format'] | undefined {
    const { sheet, area } = this.area(sheetName, a1);
    return conditionalFormatAt(this, sheet, area.row, area.column);
  }

  dataArea(sheet: SheetModel): GridArea {
    const extent = this.engine.extent(sheet.name);
    return { row: 1, column: 1, numRows: Math.max(extent.rows, 1), numColumns: Math.max(extent.columns, 1) };
  }

  displayValues(sheet: SheetModel, area: GridArea): string[][] {
    // Only a number or a date shows through its format: text and booleans show as they are, without looking it up.
    return this.shown(sheet, area, this.engine.values(sheet.name, area)).map((cells, r) =>
      cells.map((value, c) => (typeof value === 'string' || typeof value === 'boolean' ? displayText(value, '') : displayText(value, sheet.format(area.row + r, area.column + c).numberFormat ?? ''))),
    );
  }

  /** Values as a person (and getValues) sees them: while loading, custom-function cells say so and their spills are blank. */
  private shown(sheet: SheetModel, area: GridArea, values: SheetsValue[][]): SheetsValue[][] {
    if (!this.loading) return values;
    const marks = this.engine.customFunctionCells(sheet.name, area);
    return values.map((cells, r) => cells.map((value, c) => (marks[r][c] === 'call' ? LOADING : marks[r][c] === 'spill' ? '' : value)));
  }

  /** Values as getValues returns them, dates under a date format included. */
  cellValues(sheet: SheetModel, area: GridArea): SheetsValue[][] {
    return this.shown(sheet, area, this.engine.values(sheet.name, area)).map((cells, r) =>
      cells.map((value, c) => {
        // Only a number can be a date: a large tab's text is not looked up cell by cell.
        if (typeof value !== 'number') return value;
        const format = sheet.format(area.row + r, area.column + c).numberFormat;
        return format !== undefined && isDateFormat(format) ? dateFromSerial(value) : value;
      }),
    );
  }
}
