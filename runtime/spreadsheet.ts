/**
 * Fakes of SpreadsheetApp, Spreadsheet, Sheet and Range over the Workbook. Each class implements
 * `Pick<AppsScriptType, keyof Fake>`, so a method Apps Script does not have, or one whose signature
 * differs from Apps Script's, fails the type check. Rows and columns are 1-based.
 */
import { areaA1, GridArea, parseA1, resolveA1 } from './a1';
import { asGas, Env, enumOf, ServiceObject } from './env';
import {
  FakeConditionalFormatRule,
  FakeConditionalFormatRuleBuilder,
  FakeDataValidation,
  FakeDataValidationBuilder,
  FakeDeveloperMetadata,
  FakeDeveloperMetadataFinder,
  FakeEmbeddedChart,
  FakeEmbeddedChartBuilder,
  FakeProtection,
  FakeRangeList,
  metadataVisibility,
} from './rules';
import { CellFormat, ChartModel, ConditionalFormatModel, FormatKey, ProtectionModel, SheetArea, SheetModel, ValidationModel, Workbook } from './workbook';

type GasSpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;
type GasProtection = GoogleAppsScript.Spreadsheet.Protection;
type GasProtectionType = GoogleAppsScript.Spreadsheet.ProtectionType;
type GasDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GasConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type GasDeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;
type GasDeveloperMetadataFinder = GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
type GasVisibility = GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
type GasEmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GasChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type GasUi = GoogleAppsScript.Base.Ui;

const DEFAULT_NUMBER_FORMAT = '0.###############';
const DEFAULT_COLUMN_WIDTH = 100;
const DEFAULT_ROW_HEIGHT = 21;

/** Apps Script's message when a 2-D array does not have the range's shape. */
function checkShape(values: unknown, area: GridArea, method: string): unknown[][] {
  if (!Array.isArray(values) || values.some((row) => !Array.isArray(row))) {
    throw new Error(`The parameters (${Array.isArray(values) ? 'number[]' : typeof values}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
  }
  if (values.length !== area.numRows) {
    throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${area.numRows}.`);
  }
  for (const row of values as unknown[][]) {
    if (row.length !== area.numColumns) {
      throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${area.numColumns}.`);
    }
  }
  return values as unknown[][];
}

function grid<T>(area: GridArea, cell: (row: number, column: number) => T): T[][] {
  return Array.from({ length: area.numRows }, (_, r) => Array.from({ length: area.numColumns }, (_, c) => cell(area.row + r, area.column + c)));
}

/** Checks a rectangle against the sheet's grid, with Apps Script's messages. */
function checkedArea(sheet: SheetModel, row: number, column: number, numRows = 1, numColumns = 1): GridArea {
  const integers = [row, column, numRows, numColumns];
  if (integers.some((n) => typeof n !== 'number' || !Number.isFinite(n))) throw new Error('The parameters don\'t match the method signature for SpreadsheetApp.Sheet.getRange.');
  if (row < 1) throw new Error('The starting row of the range is too small.');
  if (column < 1) throw new Error('The starting column of the range is too small.');
  if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
  if (numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
  const area = { row: Math.floor(row), column: Math.floor(column), numRows: Math.floor(numRows), numColumns: Math.floor(numColumns) };
  if (area.row + area.numRows - 1 > sheet.maxRows || area.column + area.numColumns - 1 > sheet.maxColumns) {
    throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return area;
}

function rangeFromA1(workbook: Workbook, a1: string, defaultSheet: SheetModel, allowOtherSheet: boolean): SheetArea {
  const reference = parseA1(a1);
  if (reference === undefined) throw new Error('Range not found');
  const sheet = reference.sheetName === undefined ? defaultSheet : workbook.findSheet(reference.sheetName);
  if (sheet === undefined || (!allowOtherSheet && sheet !== defaultSheet)) throw new Error('Range not found');
  const area = resolveA1(reference, sheet.maxRows, sheet.maxColumns);
  return { sheet, area: checkedArea(sheet, area.row, area.column, area.numRows, area.numColumns) };
}

/** The value and visibility in Apps Script's addDeveloperMetadata(key[, value][, visibility]) overloads. */
function metadataArguments(second?: string | GasVisibility, third?: GasVisibility): { value: string | null; visibility: 'DOCUMENT' | 'PROJECT' } {
  if (third !== undefined) return { value: String(second), visibility: metadataVisibility(third) };
  if (second !== undefined && (String(second) === 'DOCUMENT' || String(second) === 'PROJECT')) return { value: null, visibility: metadataVisibility(second as GasVisibility) };
  return { value: second === undefined ? null : String(second), visibility: 'DOCUMENT' };
}

export class FakeSpreadsheetApp extends ServiceObject implements Pick<GasSpreadsheetApp, keyof FakeSpreadsheetApp> {
  readonly BooleanCriteria = enumOf<typeof GoogleAppsScript.Spreadsheet.BooleanCriteria>(['CELL_EMPTY', 'CELL_NOT_EMPTY', 'DATE_AFTER', 'DATE_BEFORE', 'DATE_EQUAL_TO', 'DATE_AFTER_RELATIVE', 'DATE_BEFORE_RELATIVE', 'DATE_EQUAL_TO_RELATIVE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN', 'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_STARTS_WITH', 'TEXT_ENDS_WITH', 'CUSTOM_FORMULA']);
  readonly DataValidationCriteria = enumOf<typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria>(['DATE_AFTER', 'DATE_BEFORE', 'DATE_BETWEEN', 'DATE_EQUAL_TO', 'DATE_IS_VALID_DATE', 'DATE_NOT_BETWEEN', 'DATE_ON_OR_AFTER', 'DATE_ON_OR_BEFORE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN', 'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_IS_VALID_EMAIL', 'TEXT_IS_VALID_URL', 'VALUE_IN_LIST', 'VALUE_IN_RANGE', 'CUSTOM_FORMULA', 'CHECKBOX']);
  readonly DeveloperMetadataLocationType = enumOf<typeof GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType>(['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN']);
  readonly DeveloperMetadataVisibility = enumOf<typeof GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility>(['DOCUMENT', 'PROJECT']);
  readonly Dimension = enumOf<typeof GoogleAppsScript.Spreadsheet.Dimension>(['COLUMNS', 'ROWS']);
  readonly ProtectionType = enumOf<typeof GoogleAppsScript.Spreadsheet.ProtectionType>(['RANGE', 'SHEET']);
  readonly SheetType = enumOf<typeof GoogleAppsScript.Spreadsheet.SheetType>(['GRID', 'OBJECT']);
  readonly WrapStrategy = enumOf<typeof GoogleAppsScript.Spreadsheet.WrapStrategy>(['WRAP', 'OVERFLOW', 'CLIP']);

  constructor(env: Env, private readonly workbook: Workbook, private readonly ui: () => GasUi) {
    super('SpreadsheetApp', env);
  }

  getActive(): GasSpreadsheet {
    return asGas(spreadsheetFake(this.env, this.workbook));
  }

  getActiveSpreadsheet(): GasSpreadsheet {
    return asGas(spreadsheetFake(this.env, this.workbook));
  }

  getActiveSheet(): GasSheet {
    return sheetFake(this.env, this.workbook, this.workbook.activeSheet);
  }

  setActiveSheet(sheet: GasSheet): GasSheet {
    this.workbook.activeSheet = this.env.internal<SheetModel>(sheet, 'Sheet');
    return sheet;
  }

  getUi(): GasUi {
    return this.ui();
  }

  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return asGas(new FakeDataValidationBuilder(this.env, this.workbook));
  }

  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return asGas(new FakeConditionalFormatRuleBuilder(this.env, this.workbook));
  }

  /** Writes are applied at once here, so there is nothing to flush. */
  flush(): void {}
}

const sheetFakes = new WeakMap<SheetModel, GasSheet>();

/** The one fake per sheet, as the add-on sees it. */
export function sheetFake(env: Env, workbook: Workbook, sheet: SheetModel): GasSheet {
  let fake = sheetFakes.get(sheet);
  if (fake === undefined) {
    fake = asGas<GasSheet>(new FakeSheet(env, workbook, sheet));
    sheetFakes.set(sheet, fake);
  }
  return fake;
}

export function rangeFake(env: Env, workbook: Workbook, target: SheetArea): GasRange {
  return asGas(new FakeRange(env, workbook, target));
}

export class FakeSpreadsheet extends ServiceObject implements Pick<GasSpreadsheet, keyof FakeSpreadsheet> {
  constructor(env: Env, private readonly workbook: Workbook) {
    super('Spreadsheet', env);
    env.register(this, workbook);
  }

  getId(): string {
    return this.workbook.id;
  }

  getName(): string {
    return this.workbook.name;
  }

  rename(newName: string): void {
    this.workbook.name = newName;
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.workbook.id}/edit`;
  }

  getSpreadsheetLocale(): string {
    return 'en_GB';
  }

  /** The spreadsheet's own time zone (File › Settings), not the script's (the manifest's timeZone). */
  getSpreadsheetTimeZone(): string {
    return this.workbook.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    if (!isTimeZone(timezone)) throw new Error(`Invalid argument: timezone ("${timezone}" is not a time zone).`);
    this.workbook.timeZone = timezone;
  }

  getSheets(): GasSheet[] {
    return this.workbook.sheets.map((sheet) => this.fake(sheet));
  }

  getNumSheets(): number {
    return this.workbook.sheets.length;
  }

  getSheetByName(name: string): GasSheet | null {
    const sheet = this.workbook.findSheet(name);
    return sheet === undefined ? null : this.fake(sheet);
  }

  getSheetById(id: number): GasSheet | null {
    const sheet = this.workbook.sheets.find((s) => s.sheetId === id);
    return sheet === undefined ? null : this.fake(sheet);
  }

  /** insertSheet([name][, index][, options]); a new sheet becomes the active one, as in Sheets. */
  insertSheet(first?: string | number | { template?: GasSheet }, second?: number | { template?: GasSheet }): GasSheet {
    const name = typeof first === 'string' ? first : this.unusedSheetName();
    const index = typeof first === 'number' ? first : typeof second === 'number' ? second : this.workbook.sheets.length;
    const options = [first, second].find((a) => typeof a === 'object' && a !== null) as { template?: GasSheet } | undefined;
    if (options?.template !== undefined) throw new Error('insertSheet with a template is not supported by the offline runtime.');
    const sheet = this.workbook.addSheet(name, index);
    this.workbook.activeSheet = sheet;
    return this.fake(sheet);
  }

  deleteSheet(sheet: GasSheet): void {
    this.workbook.removeSheet(this.env.internal<SheetModel>(sheet, 'Sheet'));
  }

  getActiveSheet(): GasSheet {
    return this.fake(this.workbook.activeSheet);
  }

  setActiveSheet(sheet: GasSheet): GasSheet {
    this.workbook.activeSheet = this.env.internal<SheetModel>(sheet, 'Sheet');
    return sheet;
  }

  moveActiveSheet(pos: number): void {
    const sheets = this.workbook.sheets;
    const active = this.workbook.activeSheet;
    if (pos < 1 || pos > sheets.length) throw new Error(`Sheet position ${pos} is out of range.`);
    sheets.splice(sheets.indexOf(active), 1);
    sheets.splice(pos - 1, 0, active);
  }

  /** A1 notation with the sheet's name ('Case supervision'!A1:C9), or on the active sheet. */
  getRange(a1Notation: string): GasRange {
    return rangeFake(this.env, this.workbook, rangeFromA1(this.workbook, a1Notation, this.workbook.activeSheet, true));
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.workbook.toasts.push({ message: String(msg), ...(title === undefined ? {} : { title }), ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }) });
  }

  /** The selected cells of the active sheet (A1 where nothing of it was selected), as Sheets always has a selection. */
  getActiveRange(): GasRange {
    return rangeFake(this.env, this.workbook, this.selected());
  }

  getActiveRangeList(): GoogleAppsScript.Spreadsheet.RangeList {
    const selected = this.selected();
    const setValue = (value: unknown) => this.workbook.write(selected.sheet, selected.area.row, selected.area.column, grid(selected.area, () => value));
    return asGas(new FakeRangeList(this.env, [rangeFake(this.env, this.workbook, selected)], setValue));
  }

  private selected(): SheetArea {
    const selection = this.workbook.selection;
    if (selection && selection.sheet === this.workbook.activeSheet) return selection;
    return { sheet: this.workbook.activeSheet, area: { row: 1, column: 1, numRows: 1, numColumns: 1 } };
  }

  getProtections(type: GasProtectionType): GasProtection[] {
    return this.workbook.sheets.flatMap((sheet) =>
      sheet.protections.filter((p) => p.type === String(type)).map((p) => asGas<GasProtection>(new FakeProtection(this.env, this.workbook, p))),
    );
  }

  addDeveloperMetadata(key: string, second?: string | GasVisibility, third?: GasVisibility): GasSpreadsheet {
    const { value, visibility } = metadataArguments(second, third);
    this.workbook.addMetadata(key, value, visibility, { type: 'SPREADSHEET' });
    return asGas(this.self);
  }

  getDeveloperMetadata(): GasDeveloperMetadata[] {
    return this.workbook.metadata.filter((m) => m.location.type === 'SPREADSHEET').map((m) => asGas<GasDeveloperMetadata>(new FakeDeveloperMetadata(this.env, this.workbook, m)));
  }

  createDeveloperMetadataFinder(): GasDeveloperMetadataFinder {
    return asGas(new FakeDeveloperMetadataFinder(this.env, this.workbook, { kind: 'spreadsheet' }));
  }

  private fake(sheet: SheetModel): GasSheet {
    return sheetFake(this.env, this.workbook, sheet);
  }

  private unusedSheetName(): string {
    for (let n = this.workbook.sheets.length + 1; ; n += 1) if (!this.workbook.findSheet(`Sheet${n}`)) return `Sheet${n}`;
  }
}

export class FakeSheet extends ServiceObject implements Pick<GasSheet, keyof FakeSheet> {
  constructor(env: Env, private readonly workbook: Workbook, private readonly sheet: SheetModel) {
    super('Sheet', env);
    env.register(this, sheet);
  }

  getName(): string {
    return this.sheet.name;
  }

  getSheetName(): string {
    return this.sheet.name;
  }

  setName(name: string): GasSheet {
    this.workbook.renameSheet(this.sheet, name);
    return asGas(this.self);
  }

  getSheetId(): number {
    return this.sheet.sheetId;
  }

  getIndex(): number {
    return this.workbook.sheets.indexOf(this.sheet) + 1;
  }

  getParent(): GasSpreadsheet {
    return asGas(spreadsheetFake(this.env, this.workbook));
  }

  activate(): GasSheet {
    this.workbook.activeSheet = this.sheet;
    return asGas(this.self);
  }

  /** getRange(row, column[, numRows[, numColumns]]) or getRange(a1Notation) on this sheet. */
  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): GasRange {
    if (typeof rowOrA1 === 'string') return rangeFake(this.env, this.workbook, rangeFromA1(this.workbook, rowOrA1, this.sheet, false));
    if (column === undefined) throw new Error("The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    return rangeFake(this.env, this.workbook, { sheet: this.sheet, area: checkedArea(this.sheet, rowOrA1, column, numRows, numColumns) });
  }

  getDataRange(): GasRange {
    return rangeFake(this.env, this.workbook, { sheet: this.sheet, area: this.workbook.dataArea(this.sheet) });
  }

  /** Ranges of this sheet by A1 notation as one RangeList: a single call sets a value in them all. */
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    if (!Array.isArray(a1Notations) || a1Notations.length === 0) throw new Error('The parameters () don\'t match the method signature for SpreadsheetApp.Sheet.getRangeList.');
    const areas = a1Notations.map((a1) => rangeFromA1(this.workbook, String(a1), this.sheet, false));
    const ranges = areas.map((target) => rangeFake(this.env, this.workbook, target));
    const setValue = (value: unknown) => {
      for (const { sheet, area } of areas) this.workbook.write(sheet, area.row, area.column, grid(area, () => value));
    };
    return asGas(new FakeRangeList(this.env, ranges, setValue));
  }

  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    const rows = numRows === -1 ? this.getLastRow() - startRow + 1 : numRows;
    const columns = numColumns === -1 ? this.getLastColumn() - startColumn + 1 : numColumns;
    return this.workbook.cellValues(this.sheet, checkedArea(this.sheet, startRow, startColumn, rows, columns));
  }

  getLastRow(): number {
    return this.workbook.engine.extent(this.sheet.name).rows;
  }

  getLastColumn(): number {
    return this.workbook.engine.extent(this.sheet.name).columns;
  }

  getMaxRows(): number {
    return this.sheet.maxRows;
  }

  getMaxColumns(): number {
    return this.sheet.maxColumns;
  }

  appendRow(rowContents: unknown[]): GasSheet {
    const row = this.getLastRow() + 1;
    if (row > this.sheet.maxRows) this.workbook.insertRows(this.sheet, row, 1);
    if (rowContents.length > this.sheet.maxColumns) this.workbook.insertColumns(this.sheet, this.sheet.maxColumns + 1, rowContents.length - this.sheet.maxColumns);
    this.workbook.write(this.sheet, row, 1, [rowContents]);
    return asGas(this.self);
  }

  insertRowAfter(afterPosition: number): GasSheet {
    return this.insertRowsAfter(afterPosition, 1);
  }

  insertRowBefore(beforePosition: number): GasSheet {
    return this.insertRowsBefore(beforePosition, 1);
  }

  insertRowsAfter(afterPosition: number, howMany: number): GasSheet {
    this.checkPosition(afterPosition, this.sheet.maxRows, 'row');
    this.workbook.insertRows(this.sheet, afterPosition + 1, howMany);
    return asGas(this.self);
  }

  insertRowsBefore(beforePosition: number, howMany: number): GasSheet {
    this.checkPosition(beforePosition, this.sheet.maxRows, 'row');
    this.workbook.insertRows(this.sheet, beforePosition, howMany);
    return asGas(this.self);
  }

  deleteRow(rowPosition: number): GasSheet {
    this.deleteRows(rowPosition, 1);
    return asGas(this.self);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    checkedArea(this.sheet, rowPosition, 1, howMany, 1);
    this.workbook.deleteRows(this.sheet, rowPosition, howMany);
  }

  insertColumnAfter(afterPosition: number): GasSheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }

  insertColumnBefore(beforePosition: number): GasSheet {
    return this.insertColumnsBefore(beforePosition, 1);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): GasSheet {
    this.checkPosition(afterPosition, this.sheet.maxColumns, 'column');
    this.workbook.insertColumns(this.sheet, afterPosition + 1, howMany);
    return asGas(this.self);
  }

  insertColumnsBefore(beforePosition: number, howMany: number): GasSheet {
    this.checkPosition(beforePosition, this.sheet.maxColumns, 'column');
    this.workbook.insertColumns(this.sheet, beforePosition, howMany);
    return asGas(this.self);
  }

  deleteColumn(columnPosition: number): GasSheet {
    this.deleteColumns(columnPosition, 1);
    return asGas(this.self);
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    checkedArea(this.sheet, 1, columnPosition, 1, howMany);
    this.workbook.deleteColumns(this.sheet, columnPosition, howMany);
  }

  getFrozenRows(): number {
    return this.sheet.frozenRows;
  }

  setFrozenRows(rows: number): void {
    if (rows < 0 || rows >= this.sheet.maxRows) throw new Error("You can't freeze all visible rows on the sheet.");
    this.sheet.frozenRows = rows;
  }

  getFrozenColumns(): number {
    return this.sheet.frozenColumns;
  }

  setFrozenColumns(columns: number): void {
    if (columns < 0 || columns >= this.sheet.maxColumns) throw new Error("You can't freeze all visible columns on the sheet.");
    this.sheet.frozenColumns = columns;
  }

  /** clear() removes contents and formats; {contentsOnly} or {formatOnly} one of them. */
  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): GasSheet {
    const contents = options === undefined || options.contentsOnly === true || options.formatOnly !== true;
    const formats = options === undefined || options.formatOnly === true || options.contentsOnly !== true;
    if (contents) this.workbook.engine.clear(this.sheet.name, this.sheet.whole);
    if (formats) this.sheet.clearFormats(this.sheet.whole);
    return asGas(this.self);
  }

  clearContents(): GasSheet {
    return this.clear({ contentsOnly: true });
  }

  clearFormats(): GasSheet {
    return this.clear({ formatOnly: true });
  }

  clearNotes(): GasSheet {
    this.sheet.clearFormats(this.sheet.whole, ['note']);
    return asGas(this.self);
  }

  getTabColor(): string | null {
    return this.sheet.tabColor;
  }

  setTabColor(color: string | null): GasSheet {
    this.sheet.tabColor = color;
    return asGas(this.self);
  }

  hideSheet(): GasSheet {
    if (this.workbook.sheets.every((s) => s === this.sheet || s.hidden)) throw new Error("You can't hide all the sheets in a document.");
    this.sheet.hidden = true;
    return asGas(this.self);
  }

  showSheet(): GasSheet {
    this.sheet.hidden = false;
    return asGas(this.self);
  }

  isSheetHidden(): boolean {
    return this.sheet.hidden;
  }

  getColumnWidth(columnPosition: number): number {
    return this.sheet.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }

  setColumnWidth(columnPosition: number, width: number): GasSheet {
    return this.setColumnWidths(columnPosition, 1, width);
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): GasSheet {
    checkedArea(this.sheet, 1, startColumn, 1, numColumns);
    for (let column = startColumn; column < startColumn + numColumns; column += 1) this.sheet.columnWidths.set(column, width);
    return asGas(this.self);
  }

  autoResizeColumn(columnPosition: number): GasSheet {
    return this.autoResizeColumns(columnPosition, 1);
  }

  /** Fits columns to their longest displayed text (about 7 pixels a character). */
  autoResizeColumns(startColumn: number, numColumns: number): GasSheet {
    const area = checkedArea(this.sheet, 1, startColumn, Math.max(this.getLastRow(), 1), numColumns);
    const texts = this.workbook.displayValues(this.sheet, area);
    for (let c = 0; c < numColumns; c += 1) {
      const longest = Math.max(0, ...texts.map((row) => row[c].length));
      this.sheet.columnWidths.set(startColumn + c, Math.max(DEFAULT_COLUMN_WIDTH / 4, longest * 7 + 10));
    }
    return asGas(this.self);
  }

  getRowHeight(rowPosition: number): number {
    return this.sheet.rowHeights.get(rowPosition) ?? DEFAULT_ROW_HEIGHT;
  }

  setRowHeight(rowPosition: number, height: number): GasSheet {
    checkedArea(this.sheet, rowPosition, 1);
    this.sheet.rowHeights.set(rowPosition, height);
    return asGas(this.self);
  }

  /** The sheet's protection; a sheet has at most one, so a second call returns the same one. */
  protect(): GasProtection {
    let protection = this.sheet.protections.find((p) => p.type === 'SHEET');
    if (protection === undefined) {
      protection = { type: 'SHEET', target: { sheet: this.sheet, area: this.sheet.whole }, description: '', warningOnly: false, editors: [], domainEdit: true, unprotected: [], rangeName: null };
      this.sheet.protections.push(protection);
    }
    return asGas(new FakeProtection(this.env, this.workbook, protection));
  }

  getProtections(type: GasProtectionType): GasProtection[] {
    return this.sheet.protections.filter((p) => p.type === String(type)).map((p) => asGas<GasProtection>(new FakeProtection(this.env, this.workbook, p)));
  }

  getConditionalFormatRules(): GasConditionalFormatRule[] {
    return this.sheet.conditionalFormats.map((rule) => asGas<GasConditionalFormatRule>(new FakeConditionalFormatRule(this.env, this.workbook, rule)));
  }

  setConditionalFormatRules(rules: GasConditionalFormatRule[]): void {
    const models = rules.map((rule) => this.env.internal<ConditionalFormatModel>(rule, 'ConditionalFormatRule'));
    if (models.some((model) => model.ranges.some((r) => r.sheet !== this.sheet))) {
      throw new Error(`A conditional format rule's ranges must be on the sheet it is set on (${this.sheet.name}).`);
    }
    this.sheet.conditionalFormats = models.map((model) => ({ ...model, ranges: [...model.ranges] }));
  }

  clearConditionalFormatRules(): void {
    this.sheet.conditionalFormats = [];
  }

  addDeveloperMetadata(key: string, second?: string | GasVisibility, third?: GasVisibility): GasSheet {
    const { value, visibility } = metadataArguments(second, third);
    this.workbook.addMetadata(key, value, visibility, { type: 'SHEET', sheet: this.sheet });
    return asGas(this.self);
  }

  getDeveloperMetadata(): GasDeveloperMetadata[] {
    return this.workbook.metadata
      .filter((m) => m.location.type === 'SHEET' && m.location.sheet === this.sheet)
      .map((m) => asGas<GasDeveloperMetadata>(new FakeDeveloperMetadata(this.env, this.workbook, m)));
  }

  createDeveloperMetadataFinder(): GasDeveloperMetadataFinder {
    return asGas(new FakeDeveloperMetadataFinder(this.env, this.workbook, { kind: 'sheet', sheet: this.sheet }));
  }

  newChart(): GasChartBuilder {
    return asGas(new FakeEmbeddedChartBuilder(this.env, this.workbook));
  }

  insertChart(chart: GasEmbeddedChart): void {
    const model = this.env.internal<ChartModel>(chart, 'EmbeddedChart');
    if (model.id !== null) throw new Error('This chart is already on a sheet.');
    model.id = this.workbook.takeChartId();
    this.sheet.charts.push(model);
  }

  getCharts(): GasEmbeddedChart[] {
    return this.sheet.charts.map((chart) => asGas<GasEmbeddedChart>(new FakeEmbeddedChart(this.env, this.workbook, chart)));
  }

  updateChart(chart: GasEmbeddedChart): void {
    const model = this.env.internal<ChartModel>(chart, 'EmbeddedChart');
    const index = this.sheet.charts.findIndex((c) => c.id === model.id);
    if (index < 0) throw new Error('The chart is not on this sheet.');
    this.sheet.charts[index] = model;
  }

  removeChart(chart: GasEmbeddedChart): void {
    const model = this.env.internal<ChartModel>(chart, 'EmbeddedChart');
    this.sheet.charts = this.sheet.charts.filter((c) => c.id !== model.id);
  }

  private checkPosition(position: number, max: number, what: string): void {
    if (position < 1 || position > max) throw new Error(`Those ${what}s are out of bounds.`);
  }
}

const spreadsheetFakes = new WeakMap<Workbook, FakeSpreadsheet>();

/** The one Spreadsheet fake of a workbook. */
export function spreadsheetFake(env: Env, workbook: Workbook): FakeSpreadsheet {
  let fake = spreadsheetFakes.get(workbook);
  if (fake === undefined) {
    fake = new FakeSpreadsheet(env, workbook);
    spreadsheetFakes.set(workbook, fake);
  }
  return fake;
}

export class FakeRange extends ServiceObject implements Pick<GasRange, keyof FakeRange> {
  private readonly sheet: SheetModel;
  private readonly area: GridArea;

  constructor(env: Env, private readonly workbook: Workbook, target: SheetArea) {
    super('Range', env);
    this.sheet = target.sheet;
    this.area = target.area;
    env.register(this, target);
  }

  getSheet(): GasSheet {
    return sheetFake(this.env, this.workbook, this.sheet);
  }

  getRow(): number {
    return this.area.row;
  }

  getRowIndex(): number {
    return this.area.row;
  }

  getColumn(): number {
    return this.area.column;
  }

  getLastRow(): number {
    return this.area.row + this.area.numRows - 1;
  }

  getLastColumn(): number {
    return this.area.column + this.area.numColumns - 1;
  }

  getNumRows(): number {
    return this.area.numRows;
  }

  getHeight(): number {
    return this.area.numRows;
  }

  getNumColumns(): number {
    return this.area.numColumns;
  }

  getWidth(): number {
    return this.area.numColumns;
  }

  getGridId(): number {
    return this.sheet.sheetId;
  }

  getA1Notation(): string {
    return areaA1(this.area);
  }

  /** A cell of this range, 1-based relative to its top-left corner. */
  getCell(row: number, column: number): GasRange {
    if (row < 1 || column < 1 || row > this.area.numRows || column > this.area.numColumns) throw new Error('Cell reference out of range');
    return this.related(this.area.row + row - 1, this.area.column + column - 1, 1, 1);
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GasRange {
    return this.related(this.area.row + rowOffset, this.area.column + columnOffset, numRows ?? this.area.numRows, numColumns ?? this.area.numColumns);
  }

  activate(): GasRange {
    this.workbook.activeSheet = this.sheet;
    this.workbook.selection = { sheet: this.sheet, area: this.area };
    return asGas(this.self);
  }

  /** A fresh copy on each call: "" for empty cells, error cells as their code ("#N/A"). */
  getValues(): unknown[][] {
    return this.workbook.cellValues(this.sheet, this.area);
  }

  getValue(): unknown {
    return this.workbook.cellValues(this.sheet, this.corner)[0][0];
  }

  setValues(values: unknown[][]): GasRange {
    this.workbook.write(this.sheet, this.area.row, this.area.column, checkShape(values, this.area, 'setValues'));
    return asGas(this.self);
  }

  /** Sets every cell of the range to the value, as Apps Script does. */
  setValue(value: unknown): GasRange {
    this.workbook.write(this.sheet, this.area.row, this.area.column, grid(this.area, () => value));
    return asGas(this.self);
  }

  getDisplayValues(): string[][] {
    return this.workbook.displayValues(this.sheet, this.area);
  }

  getDisplayValue(): string {
    return this.workbook.displayValues(this.sheet, this.corner)[0][0];
  }

  getFormulas(): string[][] {
    return this.workbook.engine.formulas(this.sheet.name, this.area);
  }

  getFormula(): string {
    return this.workbook.engine.formulas(this.sheet.name, this.corner)[0][0];
  }

  setFormulas(formulas: string[][]): GasRange {
    this.workbook.write(this.sheet, this.area.row, this.area.column, checkShape(formulas, this.area, 'setFormulas'));
    return asGas(this.self);
  }

  /** Puts the formula in every cell of the range, its references adjusted cell by cell like a fill. */
  setFormula(formula: string): GasRange {
    this.workbook.write(this.sheet, this.area.row, this.area.column, [[formula]]);
    if (this.area.numRows > 1 || this.area.numColumns > 1) this.workbook.engine.fill(this.sheet.name, this.area);
    return asGas(this.self);
  }

  isBlank(): boolean {
    return this.getValues().every((row) => row.every((value) => value === '')) && this.getFormulas().every((row) => row.every((f) => f === ''));
  }

  clearContent(): GasRange {
    this.workbook.engine.clear(this.sheet.name, this.area);
    return asGas(this.self);
  }

  /** clear() removes contents and formats; options choose among contents, formats, validations and notes. */
  clear(options?: { commentsOnly?: boolean; contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; skipFilteredRows?: boolean }): GasRange {
    const only = options === undefined ? [] : (['commentsOnly', 'contentsOnly', 'formatOnly', 'validationsOnly'] as const).filter((k) => options[k] === true);
    const all = only.length === 0;
    if (all || only.includes('contentsOnly')) this.workbook.engine.clear(this.sheet.name, this.area);
    if (all || only.includes('formatOnly')) this.sheet.clearFormats(this.area);
    if (only.includes('validationsOnly')) this.sheet.clearFormats(this.area, ['validation']);
    if (only.includes('commentsOnly')) this.sheet.clearFormats(this.area, ['note']);
    return asGas(this.self);
  }

  clearFormat(): GasRange {
    this.sheet.clearFormats(this.area);
    return asGas(this.self);
  }

  clearNote(): GasRange {
    this.sheet.clearFormats(this.area, ['note']);
    return asGas(this.self);
  }

  clearDataValidations(): GasRange {
    this.sheet.clearFormats(this.area, ['validation']);
    return asGas(this.self);
  }

  getNumberFormats(): string[][] {
    return this.formats('numberFormat', DEFAULT_NUMBER_FORMAT);
  }

  getNumberFormat(): string {
    return this.formats('numberFormat', DEFAULT_NUMBER_FORMAT)[0][0];
  }

  setNumberFormat(numberFormat: string): GasRange {
    return this.setFormat('numberFormat', numberFormat);
  }

  setNumberFormats(numberFormats: string[][]): GasRange {
    return this.setFormats('numberFormat', numberFormats, 'setNumberFormats');
  }

  getBackgrounds(): string[][] {
    return this.formats('background', '#ffffff');
  }

  getBackground(): string {
    return this.getBackgrounds()[0][0];
  }

  setBackground(color: string | null): GasRange {
    return this.setFormat('background', color ?? undefined);
  }

  setBackgrounds(color: (string | null)[][]): GasRange {
    return this.setFormats('background', color, 'setBackgrounds');
  }

  setFontColor(color: string | null): GasRange {
    return this.setFormat('fontColor', color ?? undefined);
  }

  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this.formats('fontWeight', 'normal') as GoogleAppsScript.Spreadsheet.FontWeight[][];
  }

  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return this.getFontWeights()[0][0];
  }

  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GasRange {
    return this.setFormat('fontWeight', fontWeight ?? undefined);
  }

  setFontWeights(fontWeights: (GoogleAppsScript.Spreadsheet.FontWeight | null)[][]): GasRange {
    return this.setFormats('fontWeight', fontWeights, 'setFontWeights');
  }

  setFontStyle(fontStyle: GoogleAppsScript.Spreadsheet.FontStyle | null): GasRange {
    return this.setFormat('fontStyle', fontStyle ?? undefined);
  }

  setFontSize(size: number): GasRange {
    return this.setFormat('fontSize', size);
  }

  setFontFamily(fontFamily: string | null): GasRange {
    return this.setFormat('fontFamily', fontFamily ?? undefined);
  }

  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): GasRange {
    return this.setFormat('horizontalAlignment', alignment ?? undefined);
  }

  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): GasRange {
    return this.setFormat('verticalAlignment', alignment ?? undefined);
  }

  getWraps(): boolean[][] {
    return this.formats('wrap', false);
  }

  getWrap(): boolean {
    return this.getWraps()[0][0];
  }

  setWrap(isWrapEnabled: boolean): GasRange {
    return this.setFormat('wrap', isWrapEnabled);
  }

  setWraps(isWrapEnabled: boolean[][]): GasRange {
    return this.setFormats('wrap', isWrapEnabled, 'setWraps');
  }

  getNotes(): string[][] {
    return this.formats('note', '');
  }

  getNote(): string {
    return this.getNotes()[0][0];
  }

  setNote(note: string | null): GasRange {
    return this.setFormat('note', note === null || note === '' ? undefined : String(note));
  }

  setNotes(notes: (string | null)[][]): GasRange {
    return this.setFormats('note', notes.map((row) => row.map((n) => (n === null || n === '' ? undefined : String(n)))), 'setNotes');
  }

  getDataValidations(): (GasDataValidation | null)[][] {
    return grid(this.area, (row, column) => {
      const rule = this.sheet.format(row, column).validation;
      return rule === undefined ? null : asGas<GasDataValidation>(new FakeDataValidation(this.env, this.workbook, rule));
    });
  }

  getDataValidation(): GasDataValidation | null {
    const rule = this.sheet.format(this.area.row, this.area.column).validation;
    return rule === undefined ? null : asGas(new FakeDataValidation(this.env, this.workbook, rule));
  }

  setDataValidation(rule: GasDataValidation | null): GasRange {
    return this.setFormat('validation', rule === null ? undefined : this.env.internal<ValidationModel>(rule, 'DataValidation'));
  }

  setDataValidations(rules: (GasDataValidation | null)[][]): GasRange {
    const models = checkShape(rules, this.area, 'setDataValidations').map((row) =>
      row.map((rule) => (rule === null ? undefined : this.env.internal<ValidationModel>(rule, 'DataValidation'))),
    );
    return this.setFormats('validation', models, 'setDataValidations');
  }

  protect(): GasProtection {
    const protection: ProtectionModel = { type: 'RANGE', target: { sheet: this.sheet, area: this.area }, description: '', warningOnly: false, editors: [], domainEdit: true, unprotected: [], rangeName: null };
    this.sheet.protections.push(protection);
    return asGas(new FakeProtection(this.env, this.workbook, protection));
  }

  /** Developer metadata goes on a whole row or a whole column, as Apps Script requires. */
  addDeveloperMetadata(key: string, second?: string | GasVisibility, third?: GasVisibility): GasRange {
    const { value, visibility } = metadataArguments(second, third);
    this.workbook.addMetadata(key, value, visibility, this.metadataLocation());
    return asGas(this.self);
  }

  getDeveloperMetadata(): GasDeveloperMetadata[] {
    const location = this.metadataLocation();
    return this.workbook.metadata
      .filter((m) => JSON.stringify({ ...m.location, sheet: undefined }) === JSON.stringify({ ...location, sheet: undefined }) && 'sheet' in m.location && m.location.sheet === this.sheet)
      .map((m) => asGas<GasDeveloperMetadata>(new FakeDeveloperMetadata(this.env, this.workbook, m)));
  }

  createDeveloperMetadataFinder(): GasDeveloperMetadataFinder {
    return asGas(new FakeDeveloperMetadataFinder(this.env, this.workbook, { kind: 'range', target: { sheet: this.sheet, area: this.area } }));
  }

  private get corner(): GridArea {
    return { row: this.area.row, column: this.area.column, numRows: 1, numColumns: 1 };
  }

  private related(row: number, column: number, numRows: number, numColumns: number): GasRange {
    return rangeFake(this.env, this.workbook, { sheet: this.sheet, area: checkedArea(this.sheet, row, column, numRows, numColumns) });
  }

  private formats<K extends FormatKey>(key: K, fallback: NonNullable<CellFormat[K]>): NonNullable<CellFormat[K]>[][] {
    return grid(this.area, (row, column) => this.sheet.format(row, column)[key] ?? fallback);
  }

  private setFormat<K extends FormatKey>(key: K, value: CellFormat[K]): GasRange {
    for (let row = this.area.row; row < this.area.row + this.area.numRows; row += 1) {
      for (let column = this.area.column; column < this.area.column + this.area.numColumns; column += 1) {
        this.sheet.setFormat(row, column, { [key]: value } as CellFormat);
      }
    }
    return asGas(this.self);
  }

  private setFormats<K extends FormatKey>(key: K, values: unknown[][], method: string): GasRange {
    checkShape(values, this.area, method).forEach((cells, r) =>
      cells.forEach((value, c) => this.sheet.setFormat(this.area.row + r, this.area.column + c, { [key]: value ?? undefined } as CellFormat)),
    );
    return asGas(this.self);
  }

  private metadataLocation(): { type: 'ROW'; sheet: SheetModel; row: number } | { type: 'COLUMN'; sheet: SheetModel; column: number } {
    const wholeRow = this.area.column === 1 && this.area.numColumns === this.sheet.maxColumns && this.area.numRows === 1;
    const wholeColumn = this.area.row === 1 && this.area.numRows === this.sheet.maxRows && this.area.numColumns === 1;
    if (wholeRow) return { type: 'ROW', sheet: this.sheet, row: this.area.row };
    if (wholeColumn) return { type: 'COLUMN', sheet: this.sheet, column: this.area.column };
    throw new Error('Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.');
  }
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
