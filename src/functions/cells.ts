import { describeCell, isDate, isEmptyCell } from '../core/answers';
import { Band, BAND_LIST, isNotRated, parseBand } from '../core/bands';
import { normaliseId } from '../core/caseTable';

/**
 * Cell values as Apps Script passes them to a custom function: a single cell is a scalar,
 * a range is a 2-D array whose empty cells are "".
 */
export type Cell = string | number | boolean | Date | null | undefined;
export type CellArg = Cell | Cell[][];
export type CellResult = string | number | boolean;

/**
 * docs/functions.md: a function of single values also takes equal-shaped ranges and returns that
 * shape; single values are used for every cell. One call for a whole column, not one per row.
 * R12: over a range it answers element by element — a row whose `blankWhen` arguments are all
 * blank gives a blank, a bad element gives its message as text beginning "Error:", so one bad
 * cell never hides the others. Called on single cells, a bad value still fails the call (R11).
 */
export function mapCells(
  args: readonly unknown[],
  scalar: (...cells: Cell[]) => CellResult,
  blankWhen: readonly number[] = [0],
): CellResult | CellResult[][] {
  if (!args.some(Array.isArray)) return scalar(...(args as Cell[]));
  args = args.map((arg) => (Array.isArray(arg) ? blankNullRows(arg) : arg));
  const ranges = args.filter((arg): arg is Cell[][] => Array.isArray(arg));
  ranges.forEach(requireGrid);
  const rows = ranges[0].length;
  const columns = ranges[0][0].length;
  if (ranges.some((range) => range.length !== rows || range.some((row) => row.length !== columns))) {
    throw new Error(`The ranges given must all be the same size (the first is ${rows} × ${columns}).`);
  }
  return ranges[0].map((row, rowIndex) =>
    row.map((_, columnIndex) => {
      const cells = args.map((arg) => (Array.isArray(arg) ? (arg as Cell[][])[rowIndex][columnIndex] : (arg as Cell)));
      if (blankWhen.length > 0 && blankWhen.every((index) => isBlank(cells[index]))) return '';
      try {
        return scalar(...cells);
      } catch (error) {
        return `Error: ${(error as Error).message}`;
      }
    }),
  );
}

/** A range as Sheets passes it: rows of cells. A null row is a blank row as wide as the widest. */
export function blankNullRows(range: readonly unknown[]): Cell[][] {
  const width = Math.max(0, ...range.map((row) => (Array.isArray(row) ? row.length : 0)));
  return range.map((row) => (Array.isArray(row) ? (row as Cell[]) : Array<Cell>(width).fill('')));
}

function requireGrid(range: unknown[]): void {
  if (range.length === 0 || (range[0] as unknown[]).length === 0) throw new Error('A range given is empty: pass a range of at least one cell.');
}

/**
 * An id argument ("2.1", "2.1.1", "2.1.1(a)") read as headers are read (R11). A locale may have
 * turned "2.1" into a date as it was typed; that is named, with how to avoid it.
 */
export function readId(cell: Cell, what: string): string {
  if (isDate(cell)) {
    throw new Error(
      `${what} is ${describeCell(cell)}: Sheets read the id as a date as it was typed. Type it as text: "2.1" in quotes in the formula, or '2.1 in the cell, or format the cells as plain text first.`,
    );
  }
  return normaliseId(isEmptyCell(cell) ? '' : String(cell));
}

/** A number argument, or an error naming the argument and what was given. */
export function requireNumber(cell: Cell, what: string): number {
  if (typeof cell === 'number' && Number.isFinite(cell)) return cell;
  // Another formula's message (a refused Comparison figure) is passed on, not quoted as a value.
  if (typeof cell === 'string' && cell.startsWith('Error: ')) throw new Error(`${what} holds an error: ${cell.slice('Error: '.length)}`);
  throw new Error(`${what} must be a number; got ${isEmptyCell(cell) ? 'an empty cell' : describeCell(cell)}.`);
}

/** A fraction 0–1 as Sheets stores percentages, or an error saying how to write one. */
export function requireFraction(cell: Cell, what: string): number {
  const value = requireNumber(cell, what);
  if (value < 0 || value > 1) {
    throw new Error(`${what} must be a fraction from 0 to 1 (65% is 0.65); got ${value}.`);
  }
  return value;
}

/** A rating label (R11: an unknown label is an error naming it; an error shown in a cell is named as one). */
export function requireBand(cell: Cell, where: string): Band {
  const band = parseBand(cell);
  if (band) return band;
  if (typeof cell === 'string' && /^\s*(Error:|#)/.test(cell)) throw new Error(`${where} holds an error, ${describeCell(cell)}: put that right first.`);
  throw new Error(`${where}: ${describeCell(cell)} is not a rating. Use one of ${BAND_LIST}.`);
}

/**
 * The rated entries of a range (R9). R12: blank and `Not rated` entries are skipped; an error
 * or any other text fails the call, naming the entry's place and value.
 */
export function readRatings(ratings: unknown): Band[] {
  const rows = Array.isArray(ratings) ? blankNullRows(ratings) : [[ratings as Cell]];
  const bands: Band[] = [];
  rows.forEach((row, rowIndex) =>
    row.forEach((cell, columnIndex) => {
      if (isBlank(cell) || isNotRated(cell)) return;
      const where = rows.length === 1 && row.length === 1 ? 'The rating' : `Row ${rowIndex + 1}, column ${columnIndex + 1} of the ratings range`;
      bands.push(requireBand(cell, where));
    }),
  );
  return bands;
}

export function isBlank(cell: unknown): boolean {
  return isEmptyCell(cell) || (typeof cell === 'string' && cell.trim() === '');
}
