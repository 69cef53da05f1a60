/**
 * The cell values of an .xlsx file, read streaming: each worksheet is inflated and parsed as it
 * comes (a SAX parser, saxes), never held as one XML string, so a file of a million rows is read in
 * one pass at a memory cost of its values alone. The zip is opened by its central directory
 * (unzipper's Open), so the shared strings and styles are read first wherever the writer put them.
 *
 * Values as a spreadsheet's cells hold them, row 1 first, each tab a rectangle padded with '':
 * shared and inline strings, numbers, booleans, dates (a number in a date format, or a `d` cell),
 * error codes as their text, and a formula's cached value. Read as Excel, LibreOffice and openpyxl
 * write them (namespace prefixes such as `x:c` included).
 */
import { StringDecoder } from 'node:string_decoder';
import { posix } from 'node:path';
import { SaxesParser, SaxesTagPlain } from 'saxes';
import unzipper, { CentralDirectory, File as ZipEntry } from 'unzipper';

/** Google Sheets' limit on the cells of a spreadsheet, every tab's grid together. */
export const SHEETS_CELL_LIMIT = 10_000_000;

/** A file that is not a readable .xlsx workbook; the message says why, in a user's words. */
export class NotXlsxError extends Error {}

export interface XlsxValues {
  /** The tabs in the workbook's order. */
  tabNames: string[];
  /** Each tab's values, row 1 first. */
  tabs: Map<string, unknown[][]>;
}

type Entry = ZipEntry;

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
  const decoder = new StringDecoder('utf8');
  for await (const chunk of entry.stream()) {
    parser.write(decoder.write(chunk as Buffer));
    if (failure) throw failure;
  }
  parser.write(decoder.end());
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

/** The shared strings, in order; a rich string is its runs joined, phonetic guides left out. */
async function sharedStrings(entry: Entry | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
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
      if (inText && current) current.push(text);
    },
    close(name) {
      if (name === 'si') {
        strings.push(current!.join(''));
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

/** Column number (1-based) of a cell reference such as "AB12". */
function columnOf(reference: string): number {
  let column = 0;
  for (let index = 0; index < reference.length; index += 1) {
    const code = reference.charCodeAt(index);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

interface SheetContext {
  strings: string[];
  dates: boolean[];
  date1904: boolean;
  /** Cells counted so far in earlier tabs, for the limit. */
  cellsBefore: number;
  tab: string;
  file: string;
}

/** One worksheet's values, padded to a rectangle. */
async function readSheet(entry: Entry, context: SheetContext): Promise<{ rows: unknown[][]; cells: number }> {
  const rows: unknown[][] = [];
  let width = 0;
  let row: unknown[] | undefined;
  let rowNumber = 0;
  let column = 0;
  let type = '';
  let style = 0;
  let value: string[] = [];
  let capture = false;
  let inlineString = false;
  // A formula saved without its value (openpyxl writes them so): its text stands in, so it is read as
  // what it is (an answer that is a formula, named with its cell), never as an empty cell.
  let formula: string[] | undefined;
  let inFormula = false;
  let valueSeen = false;
  const checkLimit = () => {
    const cells = context.cellsBefore + rows.length * width;
    if (cells > SHEETS_CELL_LIMIT) {
      throw new NotXlsxError(
        `${context.file}: more than ${SHEETS_CELL_LIMIT.toLocaleString('en-GB')} cells, Google Sheets' limit for a spreadsheet (tab "${context.tab}" reaches row ${rows.length.toLocaleString('en-GB')} of ${width} columns). Split the workbook.`,
      );
    }
  };
  await parseEntry(entry, {
    open(name, attributes) {
      switch (name) {
        case 'row':
          rowNumber = attributes.r ? Number(attributes.r) : rowNumber + 1;
          // Rows a writer left out are empty rows.
          while (rows.length < rowNumber - 1) rows.push([]);
          row = [];
          column = 0;
          break;
        case 'c':
          column = attributes.r ? columnOf(attributes.r) : column + 1;
          type = attributes.t ?? 'n';
          style = attributes.s ? Number(attributes.s) : 0;
          value = [];
          inlineString = false;
          formula = undefined;
          valueSeen = false;
          break;
        case 'f':
          formula = [];
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
    },
    close(name) {
      if (name === 'v' || name === 't') capture = false;
      else if (name === 'f') inFormula = false;
      else if (name === 'c') {
        // No value, or an empty one that is no text result (openpyxl writes `<f>…</f><v></v>`).
        const uncalculated = formula !== undefined && !inlineString && (!valueSeen || (value.join('') === '' && type !== 'str'));
        const cell = uncalculated ? `=${formula!.join('') || '…'}` : cellValue(type, value.join(''), style, context);
        if (cell !== '' && row) {
          while (row.length < column - 1) row.push('');
          row[column - 1] = cell;
          if (column > width) width = column;
        }
      } else if (name === 'row' && row) {
        rows.push(row);
        row = undefined;
        if (rows.length % 1024 === 0) checkLimit();
      }
    },
  });
  // Trailing empty rows are no part of the values (getDataRange ends at the last filled row).
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  checkLimit();
  for (const cells of rows) while (cells.length < width) cells.push('');
  return { rows, cells: rows.length * width };
}

function cellValue(type: string, text: string, style: number, context: SheetContext): unknown {
  switch (type) {
    case 's':
      return text === '' ? '' : (context.strings[Number(text)] ?? '');
    case 'str':
    case 'inlineStr':
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

/** Reads every tab's values; a NotXlsxError saying why when the file is not a readable .xlsx workbook. */
export async function readXlsxValues(file: string): Promise<XlsxValues> {
  let directory: CentralDirectory;
  try {
    directory = await unzipper.Open.file(file);
  } catch {
    throw new NotXlsxError(`${file}: not an .xlsx workbook (it is not a zip archive, as every .xlsx file is).`);
  }
  const entries = new Map(directory.files.map((entry) => [entry.path.replace(/^\//, ''), entry]));
  try {
    const root = await relationships(entries, '');
    const workbookPart = root.byType.get('officeDocument') ?? 'xl/workbook.xml';
    const workbookEntry = entries.get(workbookPart);
    if (!workbookEntry) throw new NotXlsxError(`${file}: not an .xlsx workbook (a zip archive without a workbook part; is it a .docx or an .ods?).`);
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
    const strings = await sharedStrings(entries.get(parts.byType.get('sharedStrings') ?? ''));
    const dates = await dateStyles(entries.get(parts.byType.get('styles') ?? ''));
    const tabs = new Map<string, unknown[][]>();
    let cellsBefore = 0;
    for (const sheet of sheets) {
      const entry = entries.get(parts.byId.get(sheet.id) ?? '');
      // A chart sheet or a missing part holds no cells.
      if (!entry || !/worksheet/i.test(parts.byId.get(sheet.id) ?? '')) {
        tabs.set(sheet.name, []);
        continue;
      }
      const read = await readSheet(entry, { strings, dates, date1904, cellsBefore, tab: sheet.name, file });
      cellsBefore += read.cells;
      tabs.set(sheet.name, read.rows);
    }
    return { tabNames: sheets.map((sheet) => sheet.name), tabs };
  } catch (error) {
    if (error instanceof NotXlsxError) throw error;
    throw new NotXlsxError(`${file}: not an .xlsx workbook (${(error as Error).message.split('\n')[0].slice(0, 160)}).`);
  }
}
