/**
 * A1 notation as Sheets and Apps Script read it: `A1`, `A1:C9`, `A:C`, `2:5`, open-ended `A2:C`,
 * optional `$` anchors, and an optional sheet prefix (`'Case supervision'!A1:C9`).
 * Rows and columns here are 1-based, like Apps Script.
 */

/** A parsed A1 reference; an undefined bound is open (runs to the edge of the sheet's grid). */
export interface A1Reference {
  sheetName?: string;
  startRow?: number;
  startColumn?: number;
  endRow?: number;
  endColumn?: number;
}

/** A rectangle of cells, 1-based and inclusive of its first cell. */
export interface GridArea {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column;
}

/** Quotes a sheet name for a formula or an A1 reference when Sheets would ('Case supervision'). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function cellA1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

export function areaA1(area: GridArea): string {
  const first = cellA1(area.row, area.column);
  if (area.numRows === 1 && area.numColumns === 1) return first;
  return `${first}:${cellA1(area.row + area.numRows - 1, area.column + area.numColumns - 1)}`;
}

const ENDPOINT = /^\$?([A-Za-z]{1,3})?\$?([0-9]+)?$/;

function splitSheetPrefix(text: string): { sheetName?: string; local: string } {
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { local: text };
  const prefix = text.slice(0, bang);
  const quoted = /^'((?:[^']|'')*)'$/.exec(prefix);
  return { sheetName: quoted ? quoted[1].replace(/''/g, "'") : prefix, local: text.slice(bang + 1) };
}

/** Parses A1 notation; returns undefined when the text is not a reference Sheets accepts. */
export function parseA1(text: string): A1Reference | undefined {
  const { sheetName, local } = splitSheetPrefix(text.trim());
  const parts = local.split(':');
  if (parts.length > 2 || parts.some((part) => part === '')) return undefined;
  const ends = parts.map((part) => ENDPOINT.exec(part));
  if (ends.some((match) => match === null || (match[1] === undefined && match[2] === undefined))) return undefined;
  const [first, last] = ends as RegExpExecArray[];
  const column = (match: RegExpExecArray) => (match[1] === undefined ? undefined : columnNumber(match[1]));
  const row = (match: RegExpExecArray) => (match[2] === undefined ? undefined : Number(match[2]));
  if (last === undefined) {
    if (first[1] === undefined || first[2] === undefined) return undefined;
    return { sheetName, startRow: row(first), startColumn: column(first), endRow: row(first), endColumn: column(first) };
  }
  const reference = { sheetName, startRow: row(first), startColumn: column(first), endRow: row(last), endColumn: column(last) };
  if (reference.startRow === 0 || reference.endRow === 0) return undefined;
  return reference;
}

/** Resolves a parsed reference against a grid of maxRows × maxColumns, ordering its corners. */
export function resolveA1(reference: A1Reference, maxRows: number, maxColumns: number): GridArea {
  const rows = [reference.startRow ?? 1, reference.endRow ?? maxRows].sort((a, b) => a - b);
  const columns = [reference.startColumn ?? 1, reference.endColumn ?? maxColumns].sort((a, b) => a - b);
  return { row: rows[0], column: columns[0], numRows: rows[1] - rows[0] + 1, numColumns: columns[1] - columns[0] + 1 };
}
