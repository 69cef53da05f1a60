import { columnLetter } from './a1';
import { isDate, isEmptyCell, notAnAnswer, quoteText, readAnswer, sheetDate, showHidden } from './answers';

/**
 * docs/user-guide.md: the case table as Sheets passes it to a custom function — a 2-D array whose
 * first row is the header row. Columns are found by id, never by position.
 */

export type ColumnKind = 'keyQuestion' | 'prompt' | 'metadata';

export interface Column {
  /** 0-based position in the range. */
  index: number;
  header: string;
  kind: ColumnKind;
  /** "2.1.1" for a key question, "2.1.1(a)" for a prompt, the header itself for metadata. */
  id: string;
  /** The question's wording after the id. */
  text: string;
}

/** Yes and No counts of one column over the rows in scope (R2: N/A and blank count for neither). */
export interface Tally {
  yes: number;
  no: number;
}

/**
 * R2: the cases a question applies to, Yes + No; N/A and blank answers are left out. Every count of
 * applicable cases (a key question, a prompt, a sub-sample, the programme) goes through this.
 */
export function applicableCount(tally: Pick<Tally, 'yes' | 'no'>): number {
  return tally.yes + tally.no;
}

export interface CaseTable {
  columns: Column[];
  /** Key-question and prompt columns by id ("2.1.1", "2.1.1(a)"). */
  answerColumns: Map<string, Column>;
  /** The case rows, without the header row. */
  rows: unknown[][];
}

// "2.1.1 Does …" is a key question; "2.1.1(a) Does …" or "2.1.3(s1) …" is a prompt. Only the id is
// matched: the wording after it is sliced off, not scanned by the pattern.
const KEY_QUESTION_HEADER = /^(\d+\.\d+\.\d+)(?=\s|$)/;
const PROMPT_HEADER = /^(\d+\.\d+\.\d+)\s*\(([a-z]|s\d+)\)/i;

/** Reads one header cell by docs/user-guide.md's convention. */
export function readHeader(header: string, index: number): Column {
  const trimmed = header.trim();
  const prompt = PROMPT_HEADER.exec(trimmed);
  if (prompt) {
    return { index, header, kind: 'prompt', id: `${prompt[1]}(${prompt[2].toLowerCase()})`, text: trimmed.slice(prompt[0].length).trim() };
  }
  const keyQuestion = KEY_QUESTION_HEADER.exec(trimmed);
  if (keyQuestion) return { index, header, kind: 'keyQuestion', id: keyQuestion[1], text: trimmed.slice(keyQuestion[1].length).trim() };
  return { index, header, kind: 'metadata', id: trimmed, text: trimmed };
}

/** An id as a header gives it: "2.1.1(A)" is the prompt "2.1.1(a)"; surrounding spaces go. */
export function normaliseId(id: string): string {
  return readHeader(id, 0).id;
}

/** Headers can be long questions; messages quote the first words, hidden and look-alike characters by code point. */
export function shortHeader(header: string): string {
  const flat = Array.from(header.replace(/[ \t\r\n]+/g, ' ').trim());
  return showHidden(flat.length > 80 ? `${flat.slice(0, 77).join('')}…` : flat.join(''));
}

/** The sheet row of a case row: the range starts at the header row, which is row 1. */
export function sheetRow(rowIndex: number): number {
  return rowIndex + 2;
}

/**
 * Reads the range passed to a custom function. Trailing empty rows and columns of an
 * open-ended range (A:CM) are dropped; a column id that appears twice is refused, since
 * counting either would be a guess.
 */
export function readCaseTable(range: unknown): CaseTable {
  if (!Array.isArray(range) || range.length === 0 || !Array.isArray(range[0])) {
    throw new Error('The cases argument must be a range that starts at the header row, e.g. \'Case supervision\'!A:CM.');
  }
  // A row that arrives as null (or anything but a row) is read as a blank row, never a TypeError.
  // Copied only when needed: a 100,000-row range is read as it is, never duplicated. A loop, not
  // `every`, which cost a tenth of a plain pass over 10,000 rows.
  const isArray = Array.isArray;
  let values = range as unknown[][];
  for (let index = 0; index < range.length; index += 1) {
    if (!isArray(range[index])) {
      values = range.map((row) => (isArray(row) ? row : []));
      break;
    }
  }
  const headerRow = values[0];
  let width = headerRow.length;
  while (width > 0 && isEmptyCell(headerRow[width - 1])) width -= 1;
  if (width === 0) {
    throw new Error('The first row of the cases range is empty: the range must start at the header row (row 1 of a case tab).');
  }
  const columns: Column[] = [];
  const answerColumns = new Map<string, Column>();
  for (let index = 0; index < width; index += 1) {
    const cell = headerRow[index];
    if (isEmptyCell(cell)) continue;
    const column = readHeader(`${cell}`, index);
    columns.push(column);
    if (column.kind === 'metadata') continue;
    const earlier = answerColumns.get(column.id);
    if (earlier) {
      throw new Error(
        `Two columns are headed ${column.id}: "${shortHeader(earlier.header)}" and "${shortHeader(column.header)}". Rename or remove one so the answers are counted once.`,
      );
    }
    answerColumns.set(column.id, column);
  }
  let height = values.length;
  while (height > 1 && isBlankRow(values[height - 1], width)) height -= 1;
  return { columns, answerColumns, rows: values.slice(1, height) };
}

function isBlankRow(row: unknown[], width: number): boolean {
  for (let index = 0; index < width; index += 1) {
    if (!isEmptyCell(row[index])) return false;
  }
  return true;
}

/** The column of a key question or prompt id, if the table has one. */
export function findColumn(table: CaseTable, id: string): Column | undefined {
  return table.answerColumns.get(id);
}

/** The column whose header is `header` (case-insensitive, surrounding spaces ignored). */
export function columnHeaded(table: CaseTable, header: string): Column | undefined {
  const wanted = header.trim().toLowerCase();
  return table.columns.find((column) => column.header.trim().toLowerCase() === wanted);
}

/** R11: the column of a key question or prompt id, or an error saying how to head one. */
export function requireColumn(table: CaseTable, id: string, wording?: string): Column {
  const column = findColumn(table, id);
  if (!column) {
    const what = wording ? `${id} ("${shortHeader(wording)}")` : `"${quoteText(id)}"`;
    throw new Error(`The cases range has no column for ${what}. Its header must start with "${quoteText(id)} ", in the range's first row; Run New inspection to add the column back at the end.`);
  }
  return column;
}

/** The metadata column whose header is `header` (case-insensitive), or an error saying which exist. */
export function findMetadataColumn(table: CaseTable, header: string): Column {
  const column = columnHeaded(table, header);
  const twin = column && table.columns.find((other) => other !== column && other.header.trim().toLowerCase() === column.header.trim().toLowerCase());
  if (column && twin) {
    throw new Error(
      `Two columns are headed "${shortHeader(column.header)}" (columns ${columnLetter(column.index + 1)} and ${columnLetter(twin.index + 1)} of the range): rename or remove one so the filter reads one of them.`,
    );
  }
  if (!column) {
    const names = table.columns.filter((candidate) => candidate.kind === 'metadata').map((candidate) => `"${shortHeader(candidate.header)}"`);
    const listed = names.length > 20 ? [...names.slice(0, 20), `and ${names.length - 20} more`] : names;
    throw new Error(`There is no column headed "${quoteText(header)}" in the cases range. Columns you can filter on: ${listed.join(', ') || 'none'}.`);
  }
  return column;
}

/**
 * The rows in scope: all of them, or those whose `filter` column equals `value`
 * (case-insensitive, surrounding spaces ignored; TRUE matches "Yes"; a date matches its day, "2024-01-15").
 */
export function rowsWhere(table: CaseTable, filter?: { column: Column; value: unknown }): number[] {
  if (!filter) {
    const all = new Array<number>(table.rows.length);
    for (let rowIndex = 0; rowIndex < all.length; rowIndex += 1) all[rowIndex] = rowIndex;
    return all;
  }
  const indexes: number[] = [];
  const wanted = comparable(filter.value);
  for (let rowIndex = 0; rowIndex < table.rows.length; rowIndex += 1) {
    if (comparable(table.rows[rowIndex][filter.column.index]) === wanted) indexes.push(rowIndex);
  }
  return indexes;
}

function comparable(cell: unknown): string {
  if (cell === true) return 'yes';
  if (cell === false) return 'no';
  // A date is matched by its day as the sheet shows it (yyyy-mm-dd), whether the filter gives a date or that text.
  if (isDate(cell)) return sheetDate(cell);
  return isEmptyCell(cell) ? '' : String(cell).trim().toLowerCase();
}

/** R1, R11: counts one column's answers over the given rows; an invalid answer is an error naming its cell. */
export function tallyColumn(table: CaseTable, column: Column, rowIndexes: readonly number[]): Tally {
  const [tally] = tallyColumns(table, [column], rowIndexes);
  if (tally instanceof Error) throw tally;
  return tally;
}

/**
 * R1, R11: counts several columns' answers over the given rows. A column with an invalid answer
 * gets the error naming its first such cell; the others are still counted (R12).
 */
export function tallyColumns(table: CaseTable, columns: readonly Column[], rowIndexes: readonly number[]): Array<Tally | Error> {
  const at = Int32Array.from(columns, (column) => column.index);
  const yes = new Int32Array(at.length);
  const no = new Int32Array(at.length);
  const firstProblem = new Int32Array(at.length);
  // Every row, in order (rowsWhere's indexes ascend), is the table's own list.
  // RATINGS_TABLE reads 12 columns, PROMPTS_TABLE 53: blocks of rows were the faster for the one, rows for the other.
  const count = at.length > 24 ? countRowByRow : countByBlocks;
  count(rowIndexes.length === table.rows.length ? table.rows : rowIndexes.map((rowIndex) => table.rows[rowIndex]), at, yes, no, firstProblem);
  return columns.map((column, index) => {
    const rowIndex = rowIndexes[firstProblem[index] - 1];
    return firstProblem[index] > 0 ? invalidAnswer(rowIndex, column, table.rows[rowIndex][column.index]) : { yes: yes[index], no: no[index] };
  });
}

/**
 * R1: counts the Yes and No of each column `at` (N/A and blank count for neither) in one pass over
 * the rows; `firstProblem` gets 1 + the position of a column's first cell that is no answer. Each
 * way of counting is a function of its own, closure-free, so the optimiser keeps its loop in
 * registers and neither's feedback undoes the other's (docs/design.md). The dropdown's own
 * spellings are compared first: this runs once per counted cell.
 */
type Count = (rows: readonly unknown[][], at: Int32Array, yes: Int32Array, no: Int32Array, firstProblem: Int32Array) => void;

/** Many columns row by row, which reads each row's memory once. */
const countRowByRow: Count = (rows, at, yes, no, firstProblem) => {
  for (let position = 0; position < rows.length; position += 1) {
    const row = rows[position];
    for (let index = 0; index < at.length; index += 1) {
      const cell = row[at[index]];
      if (cell === 'Yes') yes[index] += 1;
      else if (cell === 'No') no[index] += 1;
      else if (cell !== 'N/A' && cell !== '') countOther(cell, index, position, yes, no, firstProblem);
    }
  }
};

/** A few columns a block of 128 rows at a time, each column's counts in registers while the block is in cache. */
const countByBlocks: Count = (rows, at, yes, no, firstProblem) => {
  for (let start = 0; start < rows.length; start += 128) {
    const end = Math.min(start + 128, rows.length);
    for (let index = 0; index < at.length; index += 1) {
      const column = at[index];
      let yesCount = 0;
      let noCount = 0;
      for (let position = start; position < end; position += 1) {
        const cell = rows[position][column];
        if (cell === 'Yes') yesCount += 1;
        else if (cell === 'No') noCount += 1;
        else if (cell !== 'N/A' && cell !== '') countOther(cell, index, position, yes, no, firstProblem);
      }
      yes[index] += yesCount;
      no[index] += noCount;
    }
  }
};

/** R1: a cell in another spelling, counted by R1's rules; the first that is no answer is noted. */
function countOther(cell: unknown, index: number, position: number, yes: Int32Array, no: Int32Array, firstProblem: Int32Array): void {
  const answer = readAnswer(cell);
  if (answer === 'yes') yes[index] += 1;
  else if (answer === 'no') no[index] += 1;
  else if (answer === undefined && firstProblem[index] === 0) firstProblem[index] = position + 1;
}

/** R11: the message for a cell that is not Yes, No, N/A or blank. */
export function invalidAnswer(rowIndex: number, column: Column, cell: unknown): Error {
  return new Error(
    `Row ${sheetRow(rowIndex)}, column "${shortHeader(column.header)}": ${notAnAnswer(cell)}`,
  );
}
