/**
 * The bridge between .xlsx files and the offline runtime's workbook (test and demo tooling).
 *
 * - readXlsxWorkbook: an .xlsx into `buildSpreadsheet({ sheets })` — values and formulas — plus
 *   what a user sees of the layout: number formats, bold/wrap, notes, dropdowns (data validation),
 *   conditional formats, frozen rows and column widths.
 * - writeXlsx: a runtime workbook out to .xlsx with each formula's evaluated result as its cached
 *   value (so Excel and LibreOffice show values), a spilled custom-function table as an array
 *   formula over its area, and the same layout. Deterministic: fixed creator and dates, and a fixed
 *   timestamp on every zip entry, so the same workbook always gives the same bytes.
 *
 * Not carried: protections (an .xlsx protection is not Sheets' warning-only kind), developer
 * metadata and charts (exceljs writes neither).
 */
import type ExcelJS from 'exceljs';
// Two modules of exceljs, not its entry, which loads its streaming reader too (tools/exceljs.d.ts).
import ExcelWorkbook from 'exceljs/lib/doc/workbook';
import ExcelStreamWriter from 'exceljs/lib/stream/xlsx/workbook-writer';
import JSZip from 'jszip';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, posix } from 'node:path';
import { PassThrough } from 'node:stream';
import { buildSpreadsheet, readsAsItself, Workbook } from '../runtime';
import { areaA1, cellA1, GridArea } from '../runtime/a1';
import type { CellFormat, ConditionalFormatModel, SheetArea, SheetModel, ValidationModel } from '../runtime/workbook';
import { displayText, SheetsValue } from '../runtime/values';
import { isOleFile, OLE_MESSAGE } from './xlsxSignature';
import { OUTPUT_MARK } from './outputs';
import { CellFormula, NotXlsxError, readXlsxValues, XlsxValues } from './xlsxValues';

/** Sheets' error codes, as the runtime gives them for error cells. */
const ERROR_CODES = new Set(['#N/A', '#REF!', '#NAME?', '#VALUE!', '#DIV/0!', '#NUM!', '#ERROR!', '#NULL!']);

/** Sheets measures columns in pixels; Excel in characters of the default font (about 7 px each, plus 5 of padding). */
const PIXELS_PER_CHARACTER = 7;
const PADDING_PIXELS = 5;

export interface WriteOptions {
  /** The tabs to write, in the workbook's order (default: all). */
  sheets?: string[];
  creator?: string;
  /** The documents' created and modified dates and every zip entry's timestamp. */
  date?: Date;
  /**
   * Functions whose formulas may spill a table (the add-on's custom functions, ARRAYFORMULA); each
   * such formula is evaluated once to find its area. Default: every formula that is a function call.
   */
  arrayFunctions?: string[];
  /**
   * Functions other spreadsheet programs do not have (the add-on's custom functions): a formula
   * calling one is written as its evaluated value, so Excel and LibreOffice show the result
   * rather than #NAME? when they recalculate. The cells are then a snapshot, not live.
   */
  asValues?: string[];
  /**
   * The command writing its output ("rate"): recorded as the custom document property OUTPUT_MARK,
   * so a later run may replace the file (tools/outputs.ts); a template, being filled in, has none.
   */
  mark?: string;
}

export const DEFAULT_DATE = new Date(Date.UTC(2019, 9, 4, 9, 0, 0));
const DEFAULT_CREATOR = 'Inspection Ratings';

type XlsxValue = ExcelJS.CellValue;

function xlsxValue(value: SheetsValue): XlsxValue {
  if (typeof value === 'string' && ERROR_CODES.has(value)) return { error: value as ExcelJS.CellErrorValue['error'] };
  return value === '' ? null : value;
}

function argb(colour: string | null | undefined): { argb: string } | undefined {
  if (!colour || !/^#[0-9a-f]{6}$/i.test(colour)) return undefined;
  return { argb: `FF${colour.slice(1).toUpperCase()}` };
}

function hexColour(colour: Partial<ExcelJS.Color> | undefined): string | undefined {
  const value = colour?.argb;
  return value && /^[0-9a-f]{8}$/i.test(value) ? `#${value.slice(2).toLowerCase()}` : undefined;
}

/** The largest of many numbers (0 for none), without spreading them into arguments (100,000 overflow the stack). */
function largest(values: readonly number[]): number {
  let top = 0;
  for (const value of values) if (value > top) top = value;
  return top;
}

/** The largest key of a list as a one-element list (none for an empty list), to combine with others. */
function largestOf<T>(items: readonly T[], key: (item: T) => number): number[] {
  return items.length === 0 ? [] : [largest(items.map(key))];
}

/** A formula's outermost function, upper case ("=RATINGS_TABLE(…)" → RATINGS_TABLE). */
function outerFunction(formula: string): string | undefined {
  return /^=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\(/.exec(formula)?.[1].toUpperCase();
}

/** The areas that formulas spill into on one sheet, keyed by their anchor cell "row:column". */
function spillAreas(workbook: Workbook, sheet: SheetModel, formulas: string[][], values: SheetsValue[][], arrayFunctions?: Set<string>): Map<string, GridArea> {
  const areas = new Map<string, GridArea>();
  formulas.forEach((cells, r) =>
    cells.forEach((formula, c) => {
      const name = formula ? outerFunction(formula) : undefined;
      if (!name || (arrayFunctions && !arrayFunctions.has(name))) return;
      const anchorValue = values[r][c];
      // A blocked spill shows #REF! in its anchor and fills nothing: it is written as a plain formula.
      if (typeof anchorValue === 'string' && ERROR_CODES.has(anchorValue)) return;
      const result = workbook.evaluate(formula, sheet.name);
      if (!Array.isArray(result)) return;
      const numRows = result.length;
      const numColumns = largest(result.map((row) => row.length));
      if (numRows > 1 || numColumns > 1) areas.set(`${r + 1}:${c + 1}`, { row: r + 1, column: c + 1, numRows, numColumns });
    }),
  );
  return areas;
}

function validationKey(rule: ValidationModel): string {
  const values = rule.criteria === 'VALUE_IN_RANGE' ? [rangeText(rule.values[0] as SheetArea), ...rule.values.slice(1)] : rule.values;
  return JSON.stringify([rule.criteria, values, rule.allowInvalid, rule.helpText]);
}

function rangeText(target: SheetArea): string {
  const { row, column, numRows, numColumns } = target.area;
  const anchored = areaA1({ row, column, numRows, numColumns }).replace(/([A-Z]+)([0-9]+)/g, '$$$1$$$2');
  return `'${target.sheet.name.replace(/'/g, "''")}'!${anchored}`;
}

/** Sheets' data validation as Excel's, where Excel has one (dropdown lists and ranges). */
function xlsxValidation(rule: ValidationModel): ExcelJS.DataValidation | undefined {
  const base = {
    allowBlank: true,
    showErrorMessage: true,
    // Sheets' "show a warning" (allowInvalid) is Excel's warning style: the value can be kept.
    errorStyle: rule.allowInvalid ? 'warning' : 'stop',
    ...(rule.helpText ? { showInputMessage: true, prompt: rule.helpText } : {}),
  };
  if (rule.criteria === 'VALUE_IN_LIST') {
    const items = (rule.values[0] as unknown[]).map((item) => String(item).replace(/"/g, '""'));
    return { ...base, type: 'list', formulae: [`"${items.join(',')}"`] };
  }
  if (rule.criteria === 'VALUE_IN_RANGE') return { ...base, type: 'list', formulae: [rangeText(rule.values[0] as SheetArea)] };
  return undefined;
}

/** Runs of identical validation rules, merged into rectangles: one Excel rule per block, not per cell. */
function validationBlocks(sheet: SheetModel): Array<{ area: GridArea; rule: ValidationModel }> {
  // Runs down each column of cells with the same rule, from the cells that have one (not the whole grid).
  const validated = sheet
    .formattedCells()
    .flatMap(({ row, column, format }) => (format.validation ? [{ row, column, rule: format.validation, key: validationKey(format.validation) }] : []))
    .sort((a, b) => a.column - b.column || a.row - b.row);
  const runs: Array<{ area: GridArea; rule: ValidationModel; key: string }> = [];
  for (const { row, column, rule, key } of validated) {
    const open = runs[runs.length - 1];
    if (open && open.key === key && open.area.column === column && open.area.row + open.area.numRows === row) open.area.numRows += 1;
    else runs.push({ area: { row, column, numRows: 1, numColumns: 1 }, rule, key });
  }
  const merged: typeof runs = [];
  for (const run of runs) {
    const left = merged.find((block) => block.key === run.key && block.area.row === run.area.row && block.area.numRows === run.area.numRows && block.area.column + block.area.numColumns === run.area.column);
    if (left) left.area.numColumns += 1;
    else merged.push(run);
  }
  return merged.map(({ area, rule }) => ({ area, rule }));
}

/** A worksheet's data validations, the streaming writer's too: one rule per cell address or range (missing from exceljs's typings). */
function dataValidations(worksheet: ExcelJS.Worksheet): { model: Record<string, ExcelJS.DataValidation | undefined>; add(address: string, rule: ExcelJS.DataValidation): void } {
  return (worksheet as unknown as { dataValidations: ReturnType<typeof dataValidations> }).dataValidations;
}

function xlsxStyle(format: ConditionalFormatModel['format']): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  const fill = argb(format.background);
  if (fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: fill, fgColor: fill };
  const font: Partial<ExcelJS.Font> = {};
  const colour = argb(format.fontColor);
  if (colour) font.color = colour;
  if (format.bold) font.bold = true;
  if (format.italic) font.italic = true;
  if (format.underline) font.underline = true;
  if (format.strikethrough) font.strike = true;
  if (Object.keys(font).length > 0) style.font = font;
  return style;
}

const quoted = (text: unknown) => `"${String(text).replace(/"/g, '""')}"`;

// Excel's operators; exceljs's typings list only some of them.
const CELL_IS: Record<string, string> = {
  NUMBER_EQUAL_TO: 'equal',
  NUMBER_NOT_EQUAL_TO: 'notEqual',
  NUMBER_GREATER_THAN: 'greaterThan',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
  NUMBER_LESS_THAN: 'lessThan',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
  NUMBER_BETWEEN: 'between',
  NUMBER_NOT_BETWEEN: 'notBetween',
};

/** A Sheets conditional format rule as Excel's; undefined for kinds Excel has no equivalent of here. */
function xlsxConditionalRule(rule: ConditionalFormatModel, priority: number): ExcelJS.ConditionalFormattingRule | undefined {
  const style = xlsxStyle(rule.format) as ExcelJS.Style;
  const [first, second] = rule.values;
  const origin = rule.ranges[0] ? cellA1(rule.ranges[0].area.row, rule.ranges[0].area.column) : 'A1';
  if (rule.criteria === 'TEXT_EQUAL_TO') return { type: 'cellIs', operator: 'equal', formulae: [quoted(first)], style, priority };
  if (rule.criteria in CELL_IS) {
    return { type: 'cellIs', operator: CELL_IS[rule.criteria] as ExcelJS.CellIsOperators, formulae: second === undefined ? [Number(first)] : [Number(first), Number(second)], style, priority };
  }
  const expression = (formula: string): ExcelJS.ConditionalFormattingRule => ({ type: 'expression', formulae: [formula], style, priority });
  switch (rule.criteria) {
    case 'TEXT_CONTAINS': return { type: 'containsText', operator: 'containsText', text: String(first), style, priority };
    case 'TEXT_DOES_NOT_CONTAIN': return expression(`ISERROR(SEARCH(${quoted(first)},${origin}))`);
    case 'TEXT_STARTS_WITH': return expression(`LEFT(${origin},LEN(${quoted(first)}))=${quoted(first)}`);
    case 'TEXT_ENDS_WITH': return expression(`RIGHT(${origin},LEN(${quoted(first)}))=${quoted(first)}`);
    case 'CELL_EMPTY': return { type: 'containsText', operator: 'containsBlanks', style, priority };
    case 'CELL_NOT_EMPTY': return { type: 'containsText', operator: 'notContainsBlanks', style, priority };
    case 'CUSTOM_FORMULA': return expression(String(first).replace(/^=/, ''));
    default: return undefined;
  }
}

function cellStyle(format: CellFormat): Partial<ExcelJS.Style> | undefined {
  const style: Partial<ExcelJS.Style> = {};
  if (format.numberFormat) style.numFmt = format.numberFormat;
  const font: Partial<ExcelJS.Font> = {};
  if (format.fontWeight === 'bold') font.bold = true;
  if (format.fontStyle === 'italic') font.italic = true;
  if (format.fontSize) font.size = format.fontSize;
  if (format.fontFamily) font.name = format.fontFamily;
  const colour = argb(format.fontColor);
  if (colour) font.color = colour;
  if (Object.keys(font).length > 0) style.font = font;
  const fill = argb(format.background);
  if (fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: fill };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (format.wrap) alignment.wrapText = true;
  if (format.verticalAlignment) alignment.vertical = format.verticalAlignment.toLowerCase() as ExcelJS.Alignment['vertical'];
  if (format.horizontalAlignment) alignment.horizontal = format.horizontalAlignment.toLowerCase() as ExcelJS.Alignment['horizontal'];
  if (Object.keys(alignment).length > 0) style.alignment = alignment;
  return Object.keys(style).length > 0 ? style : undefined;
}

/**
 * A column's width in characters: the model's (set by the add-on) or one that fits the column's
 * values and the values its dropdown offers (a blank template's "Detention and training order" is
 * not cut); a long wrapped header (a question) gets a width that keeps it a few lines tall.
 */
function columnWidth(sheet: SheetModel, column: number, values: SheetsValue[][], formats: ReadonlyMap<number, CellFormat> = new Map()): number {
  const pixels = sheet.columnWidths.get(column);
  if (pixels) return Math.round(((pixels - PADDING_PIXELS) / PIXELS_PER_CHARACTER) * 10) / 10;
  // The text each cell shows (as getDisplayValues gives it), for this column only; `formats` holds the column's formatted cells by row.
  const shown = (row: number) => displayText(values[row - 1]?.[column - 1] ?? '', formats.get(row)?.numberFormat ?? '');
  const header = shown(1);
  const dropdown = formats.get(2)?.validation;
  let longest = largest(dropdown?.criteria === 'VALUE_IN_LIST' ? (dropdown.values[0] as unknown[]).map((value) => String(value).length) : []);
  for (let row = 2; row <= values.length; row += 1) longest = Math.max(longest, shown(row).length);
  if (header.length > 40) return Math.max(24, Math.min(longest + 2, 60));
  return Math.max(10, Math.min(Math.max(header.length, longest) + 2, 60));
}

/** The style of every written cell that has no format of its own (formatted cells get a copy with theirs). */
const UNSTYLED: Partial<ExcelJS.Style> = {};

/** Rows written between pauses that let the zip stream take what is written (memory stays bounded). */
const ROWS_PER_PAUSE = 500;

/**
 * Writes one runtime sheet through exceljs's streaming writer, a row at a time: a row's cells exist
 * only until it is committed, so a 10,000-case tab never becomes a million exceljs cell objects.
 */
async function writeSheet(workbook: Workbook, sheet: SheetModel, output: ExcelJS.stream.xlsx.WorkbookWriter, arrayFunctions?: Set<string>, asValues?: RegExp): Promise<void> {
  const area = workbook.dataArea(sheet);
  const values = workbook.cellValues(sheet, area);
  const formulas = workbook.sheetFormulas(sheet.name);
  const spills = spillAreas(workbook, sheet, formulas, values, arrayFunctions);
  const frozen = sheet.frozenRows > 0 || sheet.frozenColumns > 0;
  const views: Array<Partial<ExcelJS.WorksheetView>> = frozen ? [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows, topLeftCell: cellA1(sheet.frozenRows + 1, sheet.frozenColumns + 1) }] : [];
  const target = output.addWorksheet(sheet.name, { views });
  // The formatted cells by row (to write them) and by column (for the widths): never looked up cell by cell.
  const formatted = new Map<number, Array<{ column: number; format: CellFormat }>>();
  const byColumn = new Map<number, Map<number, CellFormat>>();
  for (const { row, column, format } of sheet.formattedCells()) {
    const list = formatted.get(row);
    if (list) list.push({ column, format });
    else formatted.set(row, [{ column, format }]);
    const rows = byColumn.get(column) ?? new Map<number, CellFormat>();
    byColumn.set(column, rows.set(row, format));
  }
  // The streaming writer writes the columns with the first row: they are set before any row.
  target.columns = Array.from({ length: Math.max(area.numColumns, 1) }, (_, index) => ({ width: columnWidth(sheet, index + 1, values, byColumn.get(index + 1)) }));
  const lastRow = Math.max(values.length, largest([...formatted.keys()]));
  for (let r = 0; r < lastRow; r += 1) {
    const row = target.getRow(r + 1);
    (values[r] ?? []).forEach((value, c) => {
      const formula = formulas[r]?.[c];
      if (!formula && value === '') return;
      const cell = row.getCell(c + 1);
      // One style object for every cell without a format: exceljs recognises it and looks it up once, where each cell's own empty style cost a lookup (half a second at 10,000 cases).
      cell.style = UNSTYLED;
      if (!formula || asValues?.test(formula)) {
        cell.value = xlsxValue(value);
        return;
      }
      // An empty text result is cached as such, so a reader that does not recalculate shows a blank, not 0.
      const result = (value === '' ? '' : xlsxValue(value)) as ExcelJS.CellFormulaValue['result'];
      const spill = spills.get(`${r + 1}:${c + 1}`);
      // exceljs writes an array formula from shareType and ref, which its typings leave out.
      const arrayFormula = spill ? { shareType: 'array', ref: areaA1(spill) } : {};
      cell.value = { formula: formula.slice(1), result, ...arrayFormula } as ExcelJS.CellFormulaValue;
    });
    const formats = formatted.get(r + 1) ?? [];
    for (const { column, format } of formats) {
      const cell = row.getCell(column);
      const style = cellStyle(format);
      if (style) cell.style = { ...cell.style, ...style };
      if (format.note) cell.note = format.note;
    }
    // The streaming writer leaves out a row without values; a row of formatted empty cells (a
    // percentage column's blank line, the wrap below a tab's last case) is written, as exceljs's
    // in-memory writer did.
    if (formats.length > 0 && !row.hasValues) Object.defineProperty(row, 'hasValues', { value: true });
    row.commit();
    if ((r + 1) % ROWS_PER_PAUSE === 0) await new Promise(setImmediate);
  }
  for (const { area: block, rule } of validationBlocks(sheet)) {
    const validation = xlsxValidation(rule);
    if (validation) dataValidations(target).add(areaA1(block), validation);
  }
  sheet.conditionalFormats.forEach((rule, index) => {
    const converted = xlsxConditionalRule(rule, index + 1);
    const ref = rule.ranges.filter((range) => range.sheet === sheet).map((range) => areaA1(range.area)).join(' ');
    if (converted && ref) target.addConditionalFormatting({ ref, rules: [converted] });
  });
  target.commit();
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Adds docProps/custom.xml holding OUTPUT_MARK = the command (with its content type and package relationship). */
function markOutput(zip: JSZip, command: string): void {
  zip.file(
    'docProps/custom.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="${escapeXml(OUTPUT_MARK)}"><vt:lpwstr>${escapeXml(command)}</vt:lpwstr></property></Properties>`,
  );
  const types = zip.file('[Content_Types].xml');
  const rels = zip.file('_rels/.rels');
  if (!types || !rels) throw new Error('exceljs wrote no [Content_Types].xml or _rels/.rels.');
  zip.file('[Content_Types].xml', types.async('string').then((xml) => xml.replace('</Types>', '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>')));
  zip.file('_rels/.rels', rels.async('string').then((xml) => xml.replace('</Relationships>', '<Relationship Id="rIdInspectionRatings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>')));
}

/** A runtime workbook as .xlsx bytes. */
export async function xlsxBuffer(workbook: Workbook, options: WriteOptions = {}): Promise<Buffer> {
  const date = options.date ?? DEFAULT_DATE;
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise((resolve, reject) => stream.on('end', resolve).on('error', reject));
  const creator = options.creator ?? DEFAULT_CREATOR;
  const output = new ExcelStreamWriter({ stream, useStyles: true, useSharedStrings: true, zip: { zlib: { level: 6 } } } as Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>);
  Object.assign(output, { creator, lastModifiedBy: creator, created: date, modified: date, title: workbook.name });
  const arrayFunctions = options.arrayFunctions && new Set(options.arrayFunctions.map((fn) => fn.toUpperCase()));
  const asValues = options.asValues && new RegExp(`\\b(${options.asValues.join('|')})\\s*\\(`, 'i');
  for (const name of options.sheets ?? workbook.sheetNames()) await writeSheet(workbook, workbook.sheet(name), output, arrayFunctions, asValues);
  await output.commit();
  await finished;
  // The zip stream stamps each entry with the time of writing; a fixed stamp makes the bytes
  // reproducible. JSZip keeps the compressed entries as they are and writes only the stamps anew.
  const zip = await JSZip.loadAsync(Buffer.concat(chunks));
  if (options.mark) markOutput(zip, options.mark);
  zip.forEach((_, entry) => {
    entry.date = date;
  });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

export async function writeXlsx(workbook: Workbook, file: string, options: WriteOptions = {}): Promise<void> {
  const bytes = await xlsxBuffer(workbook, options);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
}

// Reading.

interface ReadCell {
  row: number;
  column: number;
  format: CellFormat;
}

interface ReadSheet {
  name: string;
  formats: ReadCell[];
  validations: Array<{ row: number; column: number; rule: ExcelJS.DataValidation }>;
  conditionalFormats: Array<{ ref: string; rules: ExcelJS.ConditionalFormattingRule[] }>;
  frozenRows: number;
  frozenColumns: number;
  widths: Map<number, number>;
}

function noteText(note: ExcelJS.Cell['note']): string | undefined {
  if (!note) return undefined;
  if (typeof note === 'string') return note;
  return note.texts?.map((run) => run.text).join('');
}

function readFormat(cell: ExcelJS.Cell): CellFormat {
  const format: CellFormat = {};
  if (cell.numFmt && cell.numFmt !== 'General') format.numberFormat = cell.numFmt;
  if (cell.font?.bold) format.fontWeight = 'bold';
  if (cell.font?.italic) format.fontStyle = 'italic';
  const fontColour = hexColour(cell.font?.color);
  if (fontColour) format.fontColor = fontColour;
  if (cell.fill?.type === 'pattern' && cell.fill.pattern === 'solid') {
    const background = hexColour(cell.fill.fgColor);
    if (background) format.background = background;
  }
  if (cell.alignment?.wrapText) format.wrap = true;
  if (cell.alignment?.vertical) format.verticalAlignment = cell.alignment.vertical;
  if (cell.alignment?.horizontal) format.horizontalAlignment = cell.alignment.horizontal;
  const note = noteText(cell.note);
  if (note) format.note = note;
  return format;
}

function decodeAddress(address: string): { row: number; column: number } {
  const match = /^\$?([A-Z]+)\$?([0-9]+)$/i.exec(address);
  if (!match) throw new Error(`"${address}" is not a cell address.`);
  let column = 0;
  for (const letter of match[1].toUpperCase()) column = column * 26 + letter.charCodeAt(0) - 64;
  return { row: Number(match[2]), column };
}

/** A worksheet's layout as exceljs reads it (its values come from the one parse both readers share, tools/xlsxValues.ts). */
function readWorksheet(worksheet: ExcelJS.Worksheet): ReadSheet {
  const formats: ReadCell[] = [];
  worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) =>
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      const format = readFormat(cell);
      if (Object.keys(format).length > 0) formats.push({ row: rowNumber, column: columnNumber, format });
    }),
  );
  const validationModel = dataValidations(worksheet).model;
  const validations = Object.entries(validationModel).flatMap(([address, rule]) => (rule ? [{ ...decodeAddress(address), rule }] : []));
  const view = worksheet.views?.find((candidate) => candidate.state === 'frozen') as ExcelJS.WorksheetViewFrozen | undefined;
  const widths = new Map<number, number>();
  (worksheet.columns ?? []).forEach((column, index) => {
    if (column.width) widths.set(index + 1, Math.round(column.width * PIXELS_PER_CHARACTER + PADDING_PIXELS));
  });
  return {
    name: worksheet.name,
    formats,
    validations,
    conditionalFormats: (worksheet as unknown as { conditionalFormattings?: ReadSheet['conditionalFormats'] }).conditionalFormattings ?? [],
    frozenRows: view?.ySplit ?? 0,
    frozenColumns: view?.xSplit ?? 0,
    widths,
  };
}

/** A value from the shared parse as typed into Sheets: text marked as text ("'…") unless the engine reads it as itself (readsAsItself); numbers, booleans and dates as they are. */
function typedValue(value: unknown): unknown {
  return typeof value === 'string' && value !== '' && !readsAsItself(value) ? `'${value}` : value;
}

/**
 * A tab's contents as typed into Sheets: each formula with "=" (Excel's _xludf. and _xlfn. prefixes
 * dropped), cells inside an array formula's area left empty (the formula spills into them again),
 * every other value as it is, text kept as text.
 */
function typedRows(values: readonly unknown[][], formulas: readonly CellFormula[]): unknown[][] {
  const rows = values.map((row) => row.map(typedValue));
  const cellOf = (row: number, column: number, content: unknown) => {
    while (rows.length < row) rows.push([]);
    rows[row - 1][column - 1] = content;
  };
  for (const { area } of formulas) {
    if (!area) continue;
    for (let r = area.row; r < area.row + area.numRows && r <= rows.length; r += 1) for (let c = area.column; c < area.column + area.numColumns; c += 1) if (rows[r - 1][c - 1] !== undefined) rows[r - 1][c - 1] = '';
  }
  for (const { row, column, text } of formulas) if (text !== '') cellOf(row, column, `=${text.replace(/\b_xl(?:udf|fn)\./gi, '')}`);
  return rows;
}

function validationModelOf(workbook: Workbook, sheetName: string, rule: ExcelJS.DataValidation): ValidationModel | undefined {
  if (rule.type !== 'list' || !rule.formulae?.[0]) return undefined;
  const formula = String(rule.formulae[0]);
  const allowInvalid = rule.showErrorMessage !== true || (rule.errorStyle !== undefined && rule.errorStyle !== 'stop');
  const helpText = rule.prompt ?? null;
  const literal = /^"(.*)"$/s.exec(formula);
  if (literal) return { criteria: 'VALUE_IN_LIST', values: [literal[1].replace(/""/g, '"').split(','), true], allowInvalid, helpText };
  return { criteria: 'VALUE_IN_RANGE', values: [workbook.area(sheetName, formula.replace(/\$/g, '')), true], allowInvalid, helpText };
}

function unquote(formula: unknown): string {
  const text = String(formula);
  const literal = /^"(.*)"$/s.exec(text);
  return literal ? literal[1].replace(/""/g, '"') : text;
}

const CRITERIA_OF_OPERATOR: Record<string, string> = Object.fromEntries(Object.entries(CELL_IS).map(([criteria, operator]) => [operator, criteria]));

function conditionalModelOf(workbook: Workbook, sheet: SheetModel, ref: string, rule: ExcelJS.ConditionalFormattingRule): ConditionalFormatModel | undefined {
  const style = (rule as { style?: Partial<ExcelJS.Style> }).style ?? {};
  const fill = style.fill?.type === 'pattern' ? style.fill : undefined;
  const format: ConditionalFormatModel['format'] = {
    background: hexColour(fill?.bgColor) ?? hexColour(fill?.fgColor) ?? null,
    fontColor: hexColour(style.font?.color) ?? null,
    bold: style.font?.bold ?? null,
    italic: style.font?.italic ?? null,
    underline: style.font?.underline ? true : null,
    strikethrough: style.font?.strike ?? null,
  };
  const ranges = ref.split(/\s+/).filter(Boolean).map((a1) => workbook.area(sheet.name, a1));
  const model = (criteria: string, values: unknown[]): ConditionalFormatModel => ({ criteria, values, format, ranges });
  if (rule.type === 'cellIs') {
    const [first, second] = rule.formulae ?? [];
    if (rule.operator === 'equal' && /^".*"$/s.test(String(first))) return model('TEXT_EQUAL_TO', [unquote(first)]);
    const criteria = CRITERIA_OF_OPERATOR[rule.operator ?? ''];
    return criteria ? model(criteria, second === undefined ? [Number(first)] : [Number(first), Number(second)]) : undefined;
  }
  if (rule.type === 'containsText') {
    if (rule.operator === 'containsBlanks') return model('CELL_EMPTY', []);
    if (rule.operator === 'notContainsBlanks') return model('CELL_NOT_EMPTY', []);
    if (rule.operator === 'containsText') return model('TEXT_CONTAINS', [rule.text ?? '']);
    return undefined;
  }
  if (rule.type === 'expression' && rule.formulae?.[0] !== undefined) return model('CUSTOM_FORMULA', [`=${rule.formulae[0]}`]);
  return undefined;
}

export interface ReadOptions {
  /** The spreadsheet's name (default: the file's title, else "Imported workbook"). */
  name?: string;
  /** Values and formulas only, without the layout (formats, dropdowns, conditional formats): much faster, for reading figures. */
  valuesOnly?: boolean;
  /** Told, a line each, of the parts of the file that were skipped (notes, drawings the reader cannot follow). */
  warn?: (line: string) => void;
  /** The values and formulas already read from these bytes (readXlsxValues), so they are not read twice. */
  contents?: XlsxValues;
}

/** A file that is not an .xlsx workbook this reader can use; the message says why, to follow "FILE: ". */
export class UnreadableXlsx extends Error {}

/** An OLE compound file (D0 CF 11 E0): Excel's old .xls, or an .xlsx saved with a password (encrypted inside one). */
// The OLE check is in its own small module, so reading values never loads ExcelJS.
export { unreadableXlsxBytes } from './xlsxSignature';

/** Relationship types a sheet's values never depend on: skipped, with a warning, when the reader cannot follow them. */
const OPTIONAL_PARTS: Record<string, string> = {
  comments: 'notes',
  vmlDrawing: 'notes',
  drawing: 'drawings, images or charts',
  image: 'images',
  chart: 'charts',
  threadedComment: 'notes',
  table: 'tables',
  pivotTable: 'pivot tables',
};
/** The elements of a sheet that point at those parts. */
const OPTIONAL_ELEMENTS = /<(legacyDrawing|legacyDrawingHF|drawing|picture|tableParts)\b[^>]*?(\/>|>[\s\S]*?<\/\1>)/g;

/**
 * Relationship targets written from the package root ("/xl/comments/comment1.xml", as openpyxl
 * writes them) made relative to the part that holds them, the form every reader follows.
 */
function relativeTargets(relsPath: string, xml: string): string {
  // "xl/worksheets/_rels/sheet1.xml.rels" belongs to "xl/worksheets/sheet1.xml": targets are relative to "xl/worksheets".
  const base = relsPath.replace(/(^|\/)_rels\/[^/]*$/, '') || '.';
  return xml.replace(/(<Relationship\b[^>]*?\bTarget=")\/([^"]*)"/g, (_, before: string, target: string) => {
    const relative = posix.relative(base === '.' ? '' : base, target);
    return `${before}${relative}"`;
  });
}

/** The sheets' relationships to optional parts (notes, drawings…) and the elements that point at them, removed; the kinds removed are returned. */
async function withoutOptionalParts(zip: JSZip): Promise<string[]> {
  const removed = new Set<string>();
  const sheetRels = Object.keys(zip.files).filter((path) => /^xl\/(worksheets|chartsheets)\/_rels\/[^/]+\.rels$/.test(path));
  for (const relsPath of sheetRels) {
    const xml = await zip.file(relsPath)!.async('string');
    const kept = xml.replace(/<Relationship\b[^>]*?\bType="[^"]*\/([A-Za-z]+)"[^>]*?\/>/g, (relationship: string, type: string) => {
      if (!(type in OPTIONAL_PARTS)) return relationship;
      removed.add(OPTIONAL_PARTS[type]);
      return '';
    });
    zip.file(relsPath, kept);
    const sheetPath = relsPath.replace(/_rels\/([^/]+)\.rels$/, '$1');
    const sheet = zip.file(sheetPath);
    if (sheet) zip.file(sheetPath, (await sheet.async('string')).replace(OPTIONAL_ELEMENTS, ''));
  }
  return [...removed];
}

/** Where exceljs looks for a sheet's notes and their drawing: it finds them by these names, not by the relationships. */
const CANONICAL_PARTS: Record<string, { pattern: RegExp; name: (index: number) => string }> = {
  comments: { pattern: /^xl\/comments\d+\.xml$/, name: (index) => `xl/comments${index}.xml` },
  vmlDrawing: { pattern: /^xl\/drawings\/vmlDrawing\d+\.vml$/, name: (index) => `xl/drawings/vmlDrawing${index}.vml` },
};

/**
 * A note's text written plainly (<text><t>…</t></text>, as openpyxl and others do) as the one run exceljs
 * reads (<text><r><t>…</t></r></text>); without it exceljs reads such a note as empty.
 */
async function plainNoteTextAsRuns(zip: JSZip, sheetRels: string): Promise<boolean> {
  let changed = false;
  for (const [relationship] of sheetRels.matchAll(/<Relationship\b[^>]*?\/>/g)) {
    const target = /\bTarget="([^"]*)"/.exec(relationship)?.[1];
    if (!/\bType="[^"]*\/comments"/.test(relationship) || !target) continue;
    const part = posix.join('xl/worksheets', target);
    const xml = await zip.file(part)?.async('string');
    if (xml === undefined) continue;
    const runs = xml.replace(/<text>(\s*)<t(\s[^>]*)?>([\s\S]*?)<\/t>(\s*)<\/text>/g, (_, _before: string, attributes = '', text: string) => `<text><r><t${attributes}>${text}</t></r></text>`);
    if (runs !== xml) {
      zip.file(part, runs);
      changed = true;
    }
  }
  return changed;
}

/** A sheet's notes (and their drawing) moved to the names exceljs looks for, when another program named them otherwise (openpyxl: xl/comments/comment1.xml). */
async function canonicalNoteParts(zip: JSZip): Promise<boolean> {
  let changed = false;
  const sheetRels = Object.keys(zip.files).filter((path) => /^xl\/worksheets\/_rels\/[^/]+\.rels$/.test(path));
  for (const relsPath of sheetRels) {
    const xml = await zip.file(relsPath)!.async('string');
    const renamed: Array<[string, string]> = [];
    const fixed = xml.replace(/<Relationship\b[^>]*?\/>/g, (relationship: string) => {
      const type = /\bType="[^"]*\/([A-Za-z]+)"/.exec(relationship)?.[1] ?? '';
      const target = /\bTarget="([^"]*)"/.exec(relationship)?.[1];
      const canonical = CANONICAL_PARTS[type];
      if (!canonical || !target) return relationship;
      const part = posix.join('xl/worksheets', target);
      if (canonical.pattern.test(part) || !zip.file(part)) return relationship;
      let index = 1;
      while (zip.file(canonical.name(index)) || renamed.some(([, name]) => name === canonical.name(index))) index += 1;
      renamed.push([part, canonical.name(index)]);
      return relationship.replace(/\bTarget="[^"]*"/, `Target="${posix.relative('xl/worksheets', canonical.name(index))}"`);
    });
    for (const [from, to] of renamed) {
      zip.file(to, await zip.file(from)!.async('uint8array'));
      zip.remove(from);
    }

    if (renamed.length > 0) {
      zip.file(relsPath, fixed);
      changed = true;
    }
    if (await plainNoteTextAsRuns(zip, fixed)) changed = true;
  }
  return changed;
}

/** A sheet's cells (with any namespace prefix): its attributes, then its contents or none. */
const CELL_ELEMENT = /<((?:[A-Za-z_][\w.-]*:)?)c(\s[^>]*?)?(?:\/>|>[\s\S]*?<\/\1c>)/g;
const EMPTY_SHARED_STRINGS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

/**
 * The package with only what the layout needs of its cells: every cell's value, formula and type
 * removed (tools/xlsxValues.ts reads those), a cell kept, empty, only where it has a style or a note
 * (a noted cell with a placeholder value: exceljs drops an empty unstyled cell and its note), and no
 * shared strings. exceljs then reads the formats, notes and dropdowns without building every
 * value of a large workbook. A sheet whose cells do not all give their address (r, which the
 * standard leaves optional) is left whole, and so are the shared strings then.
 */
async function layoutOnly(zip: JSZip): Promise<void> {
  const noted = new Set<string>();
  for (const path of Object.keys(zip.files).filter((name) => /comments[^/]*\.xml$/i.test(name))) {
    for (const [, ref] of (await zip.file(path)!.async('string')).matchAll(/<(?:[\w.-]+:)?comment\b[^>]*?\bref="([A-Za-z]+[0-9]+)"/g)) noted.add(ref.toUpperCase());
  }
  let everySheet = true;
  for (const path of Object.keys(zip.files).filter((name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name))) {
    const xml = await zip.file(path)!.async('string');
    let addressed = true;
    const kept = xml.replace(CELL_ELEMENT, (_, prefix: string, attributes = '') => {
      const ref = /\br="([^"]*)"/.exec(attributes)?.[1];
      if (ref === undefined) addressed = false;
      const style = /\bs="([^"]*)"/.exec(attributes)?.[1];
      const styled = style !== undefined && style !== '0';
      const note = ref !== undefined && noted.has(ref.toUpperCase());
      if (!styled && !note) return '';
      // exceljs drops an empty cell without a style, and its note with it: a noted cell keeps a placeholder value (never read).
      return `<${prefix}c r="${ref}"${styled ? ` s="${style}"` : ''}${note ? `><${prefix}v>0</${prefix}v></${prefix}c>` : '/>'}`;
    });
    if (addressed) zip.file(path, kept);
    else everySheet = false;
  }
  if (everySheet && zip.file('xl/sharedStrings.xml')) zip.file('xl/sharedStrings.xml', EMPTY_SHARED_STRINGS);
}

/** The package's layout as exceljs can follow it: root-relative targets made relative, notes where it looks, cells without values (layoutOnly). */
async function followablePackage(bytes: Buffer): Promise<{ zip: JSZip; bytes: Buffer }> {
  if (isOleFile(bytes)) throw new UnreadableXlsx(OLE_MESSAGE);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new UnreadableXlsx('not an .xlsx workbook (it is not a zip archive, as every .xlsx file is).');
  }
  if (!zip.file('xl/workbook.xml')) throw new UnreadableXlsx('not an .xlsx workbook (a zip archive without xl/workbook.xml: perhaps a Word or OpenDocument file).');
  for (const relsPath of Object.keys(zip.files).filter((path) => path.endsWith('.rels'))) {
    const xml = await zip.file(relsPath)!.async('string');
    const fixed = relativeTargets(relsPath, xml);
    if (fixed !== xml) zip.file(relsPath, fixed);
  }
  await canonicalNoteParts(zip);
  await layoutOnly(zip);
  return { zip, bytes: await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }) };
}

/** Loads the package's layout into exceljs (layoutOnly); a part it cannot follow (notes, drawings) is skipped with a warning, never a refusal. */
async function loadPackage(source: Buffer, warn: (line: string) => void): Promise<ExcelJS.Workbook> {
  const { zip, bytes } = await followablePackage(source);
  const first = new ExcelWorkbook();
  try {
    await first.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    return first;
  } catch (error) {
    const skipped = await withoutOptionalParts(zip);
    if (skipped.length === 0) throw new UnreadableXlsx(`not an .xlsx workbook this program can read (${(error as Error).message.split('\n')[0].slice(0, 160)}).`);
    const second = new ExcelWorkbook();
    await second.xlsx.load((await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' })) as unknown as ExcelJS.Buffer);
    warn(`skipped its ${skipped.join(', ')}, which could not be read; the values and formulas are read.`);
    return second;
  }
}

/** Past this many bytes of worksheet XML the layout is not read: exceljs holds each part as one string (V8's limit is about 512 MB). */
export const LAYOUT_BYTES_LIMIT = 256 * 1024 * 1024;

/**
 * An .xlsx as a runtime workbook: the values and formulas through buildSpreadsheet({ sheets }),
 * then the layout a user sees (formats, notes, dropdowns, conditional formats, frozen rows, widths).
 * The values and formulas come from the one parse the values reader uses (tools/xlsxValues.ts), so
 * `rate --json` and the rated workbook read every file alike; exceljs reads only the layout, and a
 * layout it cannot read is skipped with a warning. Throws UnreadableXlsx, whose message says why, for
 * a file that is not an .xlsx workbook.
 */
export async function readXlsxWorkbook(source: string | Buffer, options: ReadOptions = {}): Promise<Workbook> {
  const bytes = typeof source === 'string' ? readFileSync(source) : source;
  if (isOleFile(bytes)) throw new UnreadableXlsx(OLE_MESSAGE);
  let contents: XlsxValues;
  try {
    contents = options.contents ?? (await readXlsxValues(bytes));
  } catch (error) {
    if (error instanceof NotXlsxError) throw new UnreadableXlsx(error.reason);
    throw error;
  }
  const warn = options.warn ?? (() => undefined);
  let input: ExcelJS.Workbook | undefined;
  if (!options.valuesOnly && contents.sheetBytes > LAYOUT_BYTES_LIMIT) {
    warn(`its layout (formats, dropdowns, notes) was not read: its sheets are ${Math.round(contents.sheetBytes / 1048576).toLocaleString('en-GB')} MB of XML, more than ${LAYOUT_BYTES_LIMIT / 1048576} MB; the values and formulas are read.`);
  } else if (!options.valuesOnly) {
    try {
      input = await loadPackage(bytes, warn);
    } catch {
      warn('its layout (formats, dropdowns, notes) could not be read; the values and formulas are read.');
    }
  }
  const layouts = new Map((input?.worksheets ?? []).map((worksheet) => [worksheet.name, readWorksheet(worksheet)]));
  const sheets = contents.tabNames.map((name) => ({ name, rows: typedRows(contents.tabs.get(name) ?? [], contents.formulas.get(name) ?? []), layout: layouts.get(name) }));
  const lastRow = ({ rows, layout }: (typeof sheets)[number]) =>
    largest([rows.length, ...(layout ? [...largestOf(layout.validations, (validation) => validation.row), ...largestOf(layout.formats, (cell) => cell.row)] : [])]);
  const workbook = buildSpreadsheet({
    name: options.name ?? (input?.title || 'Imported workbook'),
    sheets: Object.fromEntries(sheets.map((sheet) => [sheet.name, sheet.rows])),
    maxRows: Math.max(1000, ...sheets.map(lastRow)),
  });
  for (const { name, layout: read } of sheets) {
    if (!read) continue;
    const sheet = workbook.sheet(name);
    const lastColumn = largest([...largestOf(read.validations, (validation) => validation.column), ...largestOf(read.formats, (cell) => cell.column)]);
    sheet.maxColumns = Math.max(sheet.maxColumns, lastColumn);
    for (const cell of read.formats) sheet.setFormat(cell.row, cell.column, cell.format);
    for (const { row, column, rule } of read.validations) {
      const validation = validationModelOf(workbook, read.name, rule);
      if (validation) sheet.setFormat(row, column, { validation });
    }
    const rules = read.conditionalFormats
      .flatMap(({ ref, rules: list }) => list.map((rule) => ({ ref, rule })))
      .sort((a, b) => (a.rule.priority ?? 0) - (b.rule.priority ?? 0));
    sheet.conditionalFormats = rules.flatMap(({ ref, rule }) => conditionalModelOf(workbook, sheet, ref, rule) ?? []);
    sheet.frozenRows = read.frozenRows;
    sheet.frozenColumns = read.frozenColumns;
    for (const [column, pixels] of read.widths) sheet.columnWidths.set(column, pixels);
  }
  return workbook;
}
