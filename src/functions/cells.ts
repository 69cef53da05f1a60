import { describeCell, isEmptyCell } from '../core/answers';
import { Band, BAND_LIST, parseBand } from '../core/bands';

/**
 * Cell values as Apps Script passes them to a custom function: a single cell is a scalar,
 * a range is a 2-D array whose empty cells are "".
 */
export type Cell = string | number | boolean | Date | null | undefined;
export type CellArg = Cell | Cell[][];
export type CellResult = string | number | boolean;

/**
 * SPEC §4: a function of single values also takes equal-shaped ranges and returns that
 * shape; single values are used for every cell. One call for a whole column, not one per row.
 */
export function mapCells(args: readonly unknown[], scalar: (...cells: Cell[]) => CellResult): CellResult | CellResult[][] {
  const ranges = args.filter((arg): arg is Cell[][] => Array.isArray(arg));
  if (ranges.length === 0) return scalar(...(args as Cell[]));
  const rows = ranges[0].length;
  const columns = ranges[0][0]?.length ?? 0;
  if (ranges.some((range) => range.length !== rows || range.some((row) => row.length !== columns))) {
    throw new Error(`The ranges given must all be the same size (the first is ${rows} × ${columns}).`);
  }
  return ranges[0].map((row, rowIndex) =>
    row.map((_, columnIndex) => scalar(...args.map((arg) => (Array.isArray(arg) ? (arg as Cell[][])[rowIndex][columnIndex] : (arg as Cell))))),
  );
}

/** A number argument, or an error naming the argument and what was given. */
export function requireNumber(cell: Cell, what: string): number {
  if (typeof cell === 'number' && Number.isFinite(cell)) return cell;
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

/** A rating label (R11: an unknown label is an error naming it). */
export function requireBand(cell: Cell, where: string): Band {
  const band = parseBand(cell);
  if (!band) throw new Error(`${where}: ${describeCell(cell)} is not a rating. Use one of ${BAND_LIST}.`);
  return band;
}

/** The non-blank ratings of a range (R9), each checked, with its place named if unknown. */
export function readRatings(ratings: unknown): Band[] {
  const rows = Array.isArray(ratings) ? (ratings as Cell[][]) : [[ratings as Cell]];
  const bands: Band[] = [];
  rows.forEach((row, rowIndex) =>
    row.forEach((cell, columnIndex) => {
      if (isEmptyCell(cell)) return;
      const where = rows.length === 1 && row.length === 1 ? 'The rating' : `Row ${rowIndex + 1}, column ${columnIndex + 1} of the ratings range`;
      bands.push(requireBand(cell, where));
    }),
  );
  return bands;
}

export function isBlank(cell: unknown): boolean {
  return isEmptyCell(cell) || (typeof cell === 'string' && cell.trim() === '');
}
