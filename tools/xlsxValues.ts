/**
 * The cell values of an .xlsx file, read streaming: each worksheet is inflated and parsed as it
 * comes (a SAX parser, saxes), never held as one XML string, so a file of a million rows is read in
 * one pass at a memory cost of its values alone. The zip is opened by its central directory
 * (tools/zip.ts), so the shared strings and styles are read first wherever the writer put them.
 *
 * Values as a spreadsheet's cells hold them, row 1 first, each tab a rectangle padded with '':
 * shared and inline strings, numbers, booleans, dates (a number in a date format, or a `d` cell),
 * error codes as their text, and a formula's cached value. Read as Excel, LibreOffice and openpyxl
 * write them (namespace prefixes such as `x:c` included).
 */
import { StringDecoder } from 'node:string_decoder';
import { posix } from 'node:path';
import { SaxesParser, SaxesTagPlain } from 'saxes';
import { openZip, ZipArchive, ZipPart } from './zip';
import { slideFormula } from 'exceljs/lib/utils/shared-formula';

/** Google Sheets' limit on the cells of a spreadsheet, every tab's grid together. */
export const SHEETS_CELL_LIMIT = 10_000_000;

/** A file that is not a readable .xlsx workbook; the message says why, in a user's words ("FILE: reason"). */
export class NotXlsxError extends Error {
  constructor(
    readonly file: string,
    /** The message without the file's name. */
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

export interface XlsxValues {
  /** The tabs in the workbook's order. */
  tabNames: string[];
  /** Each tab's values, row 1 first. */
  tabs: Map<string, unknown[][]>;
  /** Each tab's formulas, the cells that hold one (read unless asked not to). */
  formulas: Map<string, CellFormula[]>;
  /** The worksheets' XML, in bytes once inflated: what a reader that holds a whole part in memory (exceljs) would need. */
  sheetBytes: number;
}

export interface ReadValuesOptions {
  /** Leave the formulas out (the values alone are wanted). */
  withoutFormulas?: boolean;
  /** The file's name in messages, when the source is bytes. */
  name?: string;
}

type Entry = ZipPart;

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** Parses an XML entry streaming, calling `open`, `text` and `close` with local element names. */
async function parseEntry(
  entry: Entry,
  handlers: { open?(name: string, attributes: Record<string, string>): void; text?(text: string): void; close?(name: string): void },
): Promise<void> {
  const parser = new SaxesParser({ xmlns: false });
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (tag: SaxesTagPlain) => open(localName(tag.name), tag.attributes));
  }
  if (handlers.text) {
    const onText = handlers.text;
    parser.on('text', onText);
    parser.on('cdata', onText);
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(localName(tag.name)));
  }
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  // UTF-8 unless the part starts with a UTF-16 byte-order mark (Excel may write UTF-16 parts); a mark is not text.
  let decoder: StringDecoder | undefined;
  let swap = false;
  let head = Buffer.alloc(0);
  const write = (bytes: Buffer) => {
    let text = decoder!.write(swap ? swapPairs(bytes) : bytes);
    if (text.charCodeAt(0) === 0xfeff && !started) text = text.slice(1);
    if (text !== '') started = true;
    parser.write(text);
  };
  let started = false;
  let carry: Buffer | undefined;
  for await (const chunk of entry.stream()) {
    let bytes = chunk as Buffer;
    if (!decoder) {
      head = Buffer.concat([head, bytes]);
      if (head.length < 2) continue;
      const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
      swap = head[0] === 0xfe && head[1] === 0xff;
      decoder = new StringDecoder(utf16 ? 'utf16le' : 'utf8');
      bytes = head;
    }
    // UTF-16 big-endian is swapped to little-endian two bytes at a time; an odd byte waits for the next chunk.
    if (swap) {
      if (carry) bytes = Buffer.concat([carry, bytes]);
      carry = bytes.length % 2 === 1 ? bytes.subarray(bytes.length - 1) : undefined;
      if (carry) bytes = bytes.subarray(0, bytes.length - 1);
    }
    write(bytes);
    if (failure) throw failure;
  }
  if (!decoder && head.length > 0) {
    decoder = new StringDecoder('utf8');
    write(head);
  }
  if (decoder) parser.write(decoder.end());
  parser.close();
  if (failure) throw failure;
}

/** The relationships of a part: id → target path inside the zip, and the first target of each type. */
async function relationships(entries: Map<string, Entry>, part: string): Promise<{ byId: Map<string, string>; byType: Map<string, string> }> {
  const byId = new Map<string, string>();
  const byType = new Map<string, string>();
  const file = posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
  const entry = entries.get(file);
  if (entry) {
    await parseEntry(entry, {
      open(name, attributes) {
        if (name !== 'Relationship' || attributes.TargetMode === 'External') return;
        const target = attributes.Target.startsWith('/') ? attributes.Target.slice(1) : posix.normalize(posix.join(posix.dirname(part), attributes.Target));
        byId.set(attributes.Id, target);
        const type = attributes.Type.slice(attributes.Type.lastIndexOf('/') + 1);
        if (!byType.has(type)) byType.set(type, target);
      },
    });
  }
  return { byId, byType };
}

/** The bytes with each pair swapped (UTF-16 big-endian to little-endian). */
function swapPairs(bytes: Buffer): Buffer {
  const swapped = Buffer.from(bytes);
  swapped.swap16();
  return swapped;
}

/** The shared strings, in order; a rich string is its runs joined, phonetic guides left out, Excel's escapes decoded. Undefined without the part. */
async function sharedStrings(entry: Entry | undefined, file: string, part: string): Promise<string[] | undefined> {
  const strings: string[] = [];
  if (!entry) return undefined;
  let length = 0;
  let current: string[] | undefined;
  let inText = false;
  let phonetic = 0;
  await parseEntry(entry, {
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic += 1;
      else if (name === 't') inText = phonetic === 0;
    },
    text(text) {
      if (!inText || !current) return;
      current.push(text);
      length += text.length;
      if (length > CELL_CHARACTER_LIMIT) throw new NotXlsxError(file, `its shared-strings part (${part}) holds a text of more than ${CELL_CHARACTER_LIMIT.toLocaleString('en-GB')} characters, Google Sheets' limit for a cell.`);
    },
    close(name) {
      if (name === 'si') {
        strings.push(decodeEscapes(current!.join('')));
        length = 0;
        current = undefined;
      } else if (name === 'rPh') phonetic -= 1;
      else if (name === 't') inText = false;
    },
  });
  return strings;
}

/** Excel's built-in number formats that show a date or time. */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a format code shows a date or time: d, m, y, h or s outside quoted text and [colour] brackets. */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\[(?![hms]+\])[^\]]*\]/gi, '').replace(/\\./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** For each cell style (the `s` index of a cell), whether it shows a date. */
async function dateStyles(entry: Entry | undefined): Promise<boolean[]> {
  if (!entry) return [];
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  const xfs: number[] = [];
  await parseEntry(entry, {
    open(name, attributes) {
      if (name === 'numFmt') custom.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfs.push(Number(attributes.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  for (const id of xfs) styles.push(custom.has(id) ? isDateFormat(custom.get(id)!) : DATE_FORMAT_IDS.has(id));
  return styles;
}

/** A spreadsheet serial date (days since 1899-12-30, or since 1904-01-01) as a Date in UTC. */
function serialDate(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * 86_400_000));
}

/** Google Sheets' limit on the characters of a cell. */
export const CELL_CHARACTER_LIMIT = 50_000;

/** Google Sheets' limit on the columns of a tab (column ZZZ). */
export const SHEETS_COLUMN_LIMIT = 18_278;

/** Column number (1-based) of a cell reference such as "AB12", "ab12" or "$AB$12"; 0 when it has no letters, past the limit when too long. */
function columnOf(reference: string): number {
  let column = 0;
  for (let index = 0; index < reference.length; index += 1) {
    let code = reference.charCodeAt(index);
    if (code === 36 && column === 0) continue; // a leading "$"
    if (code >= 97 && code <= 122) code -= 32;
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
    // No need to read on: the reference is past every limit already (and stays a safe integer).
    if (column > SHEETS_COLUMN_LIMIT) return SHEETS_COLUMN_LIMIT + 1;
  }
  return column;
}

/** Excel's escapes in text (`_x000D_` for a carriage return; `_x005F_` for the "_" of a literal one), decoded. */
export function decodeEscapes(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** A formula a cell holds: its text, and the area its cached results fill when it is an array formula. */
export interface CellFormula {
  /** 1-based row and column of the cell. */
  row: number;
  column: number;
  /** The formula without "=", as written (a shared formula's text moved to this cell). */
  text: string;
  /** An array formula's area, when it spans more than its own cell. */
  area?: { row: number; column: number; numRows: number; numColumns: number };
}

interface SheetContext {
  strings: string[] | undefined;
  /** The shared-strings part (to name it when a cell's index is past its end), or undefined when the workbook has none. */
  stringsPart: string | undefined;
  dates: boolean[];
  date1904: boolean;
  /** Cells counted so far in earlier tabs, for the limit. */
  cellsBefore: number;
  tab: string;
  part: string;
  file: string;
}

/** The text of a row or cell reference's row number; undefined when it is not a whole number from 1 to the limit. */
function rowNumberOf(text: string): number | undefined {
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const number = Number(text);
  return number >= 1 && number <= SHEETS_CELL_LIMIT ? number : undefined;
}

/** The row of a cell reference ("B12" → 12, "$b$12" → 12), or undefined. */
function referenceRow(reference: string): number | undefined {
  const digits = /^\$?[A-Za-z]+\$?(.*)$/.exec(reference)?.[1];
  return digits === undefined ? undefined : rowNumberOf(digits);
}

/** An area "B2:D4" (or one cell) as row, column and size; undefined when it cannot be read. */
function areaOf(ref: string): CellFormula['area'] {
  const [first, last = first] = ref.split(':');
  const top = referenceRow(first);
  const bottom = referenceRow(last);
  const left = columnOf(first);
  const right = columnOf(last);
  if (top === undefined || bottom === undefined || left < 1 || right < 1 || right > SHEETS_COLUMN_LIMIT) return undefined;
  return { row: Math.min(top, bottom), column: Math.min(left, right), numRows: Math.abs(bottom - top) + 1, numColumns: Math.abs(right - left) + 1 };
}

const A1_COLUMN = (column: number): string => {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
};

/** One worksheet's values, padded to a rectangle, and (when asked) the formulas its cells hold. */
async function readSheet(entry: Entry, context: SheetContext, withFormulas: boolean): Promise<{ rows: unknown[][]; cells: number; formulas: CellFormula[] }> {
  const damaged = (what: string) =>
    new NotXlsxError(context.file, `tab "${context.tab}" (${context.part}) ${what}; the file is damaged: open it in a spreadsheet program, save it again, then try again.`);
  const tooLarge = (what: string) => new NotXlsxError(context.file, `tab "${context.tab}" ${what}, past Google Sheets' limits (${SHEETS_COLUMN_LIMIT.toLocaleString('en-GB')} columns, ${SHEETS_CELL_LIMIT.toLocaleString('en-GB')} cells). Split the workbook.`);
  // Rows by number, as the file gives them: in any order, a row repeated adds its cells to the same row.
  const byNumber = new Map<number, unknown[]>();
  const formulas: CellFormula[] = [];
  /** Shared formulas by index: the cell that holds the text, and the text. */
  const shared = new Map<string, { row: number; column: number; text: string }>();
  let lastRow = 0;
  let width = 0;
  let row: unknown[] | undefined;
  let rowNumber = 0;
  let column = 0;
  let cellRef = '';
  let type = '';
  let style = 0;
  let value: string[] = [];
  let capture = false;
  let inlineString = false;
  let formula: string[] | undefined;
  let formulaAttributes: Record<string, string> = {};
  let inFormula = false;
  let valueSeen = false;
  let cellLength = 0;
  const checkLimit = () => {
    if (context.cellsBefore + lastRow * width > SHEETS_CELL_LIMIT) {
      throw new NotXlsxError(
        context.file,
        `more than ${SHEETS_CELL_LIMIT.toLocaleString('en-GB')} cells, Google Sheets' limit for a spreadsheet (tab "${context.tab}" reaches row ${lastRow.toLocaleString('en-GB')} of ${width} columns). Split the workbook.`,
      );
    }
  };
  await parseEntry(entry, {
    open(name, attributes) {
      switch (name) {
        case 'row': {
          if (attributes.r === undefined) rowNumber += 1;
          else {
            const number = rowNumberOf(attributes.r);
            if (number === undefined) {
              if (/^\s*\d+\s*$/.test(attributes.r) && Number(attributes.r) > SHEETS_CELL_LIMIT) throw tooLarge(`has a row numbered ${attributes.r.trim()}`);
              throw damaged(`has a row numbered "${attributes.r.slice(0, 40)}" (rows are numbered 1, 2, 3…)`);
            }
            rowNumber = number;
          }
          if (rowNumber > SHEETS_CELL_LIMIT) throw tooLarge(`has a row numbered ${rowNumber}`);
          row = byNumber.get(rowNumber);
          if (!row) {
            row = [];
            byNumber.set(rowNumber, row);
          }
          column = 0;
          break;
        }
        case 'c':
          cellRef = attributes.r ?? '';
          if (attributes.r === undefined) column += 1;
          else {
            column = columnOf(attributes.r);
            if (column < 1 || (referenceRow(attributes.r) === undefined && column <= SHEETS_COLUMN_LIMIT)) throw damaged(`has a cell at "${attributes.r.slice(0, 40)}", which is not a cell reference`);
          }
          if (column > SHEETS_COLUMN_LIMIT) throw tooLarge(`has a cell at ${cellRef.slice(0, 40) || `column ${column}`}`);
          type = attributes.t ?? 'n';
          style = attributes.s ? Number(attributes.s) : 0;
          value = [];
          cellLength = 0;
          inlineString = false;
          formula = undefined;
          valueSeen = false;
          break;
        case 'f':
          formula = [];
          formulaAttributes = attributes;
          inFormula = true;
          break;
        case 'v':
          capture = true;
          valueSeen = true;
          break;
        case 'is':
          inlineString = true;
          break;
        case 't':
          capture = inlineString;
          break;
        case 'rPh':
          inlineString = false;
          break;
      }
    },
    text(text) {
      if (capture) value.push(text);
      else if (inFormula) formula?.push(text);
      else return;
      cellLength += text.length;
      if (cellLength > CELL_CHARACTER_LIMIT) throw tooLarge(`has a cell at ${`${A1_COLUMN(column)}${rowNumber}`} of more than ${CELL_CHARACTER_LIMIT.toLocaleString('en-GB')} characters (Sheets' limit for a cell)`);
    },
    close(name) {
      if (name === 'v' || name === 't') capture = false;
      else if (name === 'f') inFormula = false;
      else if (name === 'c') {
        const text = formula === undefined ? undefined : formulaText(formula.join(''), formulaAttributes, rowNumber, column, shared);
        // No value, or an empty one that is no text result (openpyxl writes `<f>…</f><v></v>`).
        const uncalculated = text !== undefined && !inlineString && (!valueSeen || (value.join('') === '' && type !== 'str'));
        const cell = uncalculated ? `=${text || '…'}` : cellValue(type, value.join(''), style, context, () => `${A1_COLUMN(column)}${rowNumber}`);
        if (withFormulas && text !== undefined) {
          const area = formulaAttributes.t === 'array' && formulaAttributes.ref ? areaOf(formulaAttributes.ref) : undefined;
          formulas.push({ row: rowNumber, column, text, ...(area && (area.numRows > 1 || area.numColumns > 1) ? { area } : {}) });
        }
        if (cell !== '' && row) {
          row[column - 1] = cell;
          if (column > width) width = column;
          if (rowNumber > lastRow) lastRow = rowNumber;
        }
      } else if (name === 'row') {
        row = undefined;
        if (byNumber.size % 1024 === 0) checkLimit();
      }
    },
  });
  checkLimit();
  // Rows a writer left out are empty rows (one shared blank row: nothing is allocated per missing row);
  // trailing empty rows are no part of the values (getDataRange ends at the last filled row).
  const blank: unknown[] = new Array(width).fill('');
  const rows: unknown[][] = new Array(lastRow);
  for (let index = 0; index < lastRow; index += 1) {
    const cells = byNumber.get(index + 1);
    if (!cells || cells.length === 0) {
      rows[index] = blank;
      continue;
    }
    for (let c = 0; c < width; c += 1) if (cells[c] === undefined) cells[c] = '';
    rows[index] = cells;
  }
  return { rows, cells: lastRow * width, formulas };
}

/** A cell's formula text: its own, or a shared formula's moved from the cell that holds it; exceljs's slideFormula moves the references. */
function formulaText(own: string, attributes: Record<string, string>, row: number, column: number, shared: Map<string, { row: number; column: number; text: string }>): string {
  const text = decodeEscapes(own);
  if (attributes.t !== 'shared' || attributes.si === undefined) return text;
  if (text !== '') {
    shared.set(attributes.si, { row, column, text });
    return text;
  }
  const master = shared.get(attributes.si);
  return master ? slideFormula(master.text, `${A1_COLUMN(master.column)}${master.row}`, `${A1_COLUMN(column)}${row}`) : '';
}

function cellValue(type: string, text: string, style: number, context: SheetContext, cell: () => string): unknown {
  switch (type) {
    case 's': {
      if (text === '') return '';
      const index = Number(text);
      const strings = context.strings;
      if (!strings) throw new NotXlsxError(context.file, `tab "${context.tab}" cell ${cell()} refers to shared string ${text.slice(0, 20)}, but the workbook has no shared-strings part (xl/sharedStrings.xml); the file is damaged: open it in a spreadsheet program, save it again, then try again.`);
      if (!Number.isInteger(index) || index < 0 || index >= strings.length) {
        throw new NotXlsxError(context.file, `tab "${context.tab}" cell ${cell()} refers to shared string ${text.slice(0, 20)}, but the shared-strings part (${context.stringsPart}) holds ${strings.length}; the file is damaged: open it in a spreadsheet program, save it again, then try again.`);
      }
      return strings[index];
    }
    case 'str':
    case 'inlineStr':
      return decodeEscapes(text);
    case 'e':
      return text;
    case 'b':
      return text === '' ? '' : text === '1' || text.toLowerCase() === 'true';
    case 'd':
      return text === '' ? '' : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
    default: {
      if (text === '') return '';
      const number = Number(text);
      return context.dates[style] ? serialDate(number, context.date1904) : number;
    }
  }
}

/** Reads every tab's values (and formulas); a NotXlsxError saying why when the file is not a readable .xlsx workbook. */
export async function readXlsxValues(source: string | Buffer, options: ReadValuesOptions = {}): Promise<XlsxValues> {
  const file = options.name ?? (typeof source === 'string' ? source : 'the workbook');
  let directory: ZipArchive;
  try {
    directory = await openZip(source);
  } catch {
    throw new NotXlsxError(file, `not an .xlsx workbook (it is not a zip archive, as every .xlsx file is).`);
  }
  const entries = new Map(directory.files.map((entry) => [entry.path.replace(/^\//, ''), entry]));
  try {
    const root = await relationships(entries, '');
    const workbookPart = root.byType.get('officeDocument') ?? 'xl/workbook.xml';
    const workbookEntry = entries.get(workbookPart);
    if (!workbookEntry) throw new NotXlsxError(file, `not an .xlsx workbook (a zip archive without a workbook part; is it a .docx or an .ods?).`);
    const sheets: Array<{ name: string; id: string }> = [];
    let date1904 = false;
    await parseEntry(workbookEntry, {
      open(name, attributes) {
        if (name === 'sheet') {
          const id = Object.entries(attributes).find(([key]) => key === 'id' || key.endsWith(':id'))?.[1] ?? '';
          sheets.push({ name: attributes.name, id });
        } else if (name === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
      },
    });
    const parts = await relationships(entries, workbookPart);
    const stringsPart = parts.byType.get('sharedStrings');
    const strings = await sharedStrings(entries.get(stringsPart ?? ''), file, stringsPart ?? '');
    const dates = await dateStyles(entries.get(parts.byType.get('styles') ?? ''));
    const tabs = new Map<string, unknown[][]>();
    const formulas = new Map<string, CellFormula[]>();
    let cellsBefore = 0;
    let sheetBytes = 0;
    for (const sheet of sheets) {
      const part = parts.byId.get(sheet.id) ?? '';
      const entry = entries.get(part);
      // A chart sheet or a missing part holds no cells.
      if (!entry || !/worksheet/i.test(part)) {
        tabs.set(sheet.name, []);
        formulas.set(sheet.name, []);
        continue;
      }
      sheetBytes += entry.uncompressedSize;
      const read = await readSheet(entry, { strings, stringsPart, dates, date1904, cellsBefore, tab: sheet.name, part, file }, !options.withoutFormulas);
      cellsBefore += read.cells;
      tabs.set(sheet.name, read.rows);
      formulas.set(sheet.name, read.formulas);
    }
    return { tabNames: sheets.map((sheet) => sheet.name), tabs, formulas, sheetBytes };
  } catch (error) {
    if (error instanceof NotXlsxError) throw error;
    throw new NotXlsxError(file, `not an .xlsx workbook (${(error as Error).message.split('\n')[0].slice(0, 160)}).`);
  } finally {
    directory.close();
  }
}
