import { CaseTable, Column, findMetadataColumn, readCaseTable, rowsWhere, shortHeader } from '../core/caseTable';
import { Framework } from '../core/framework';
import { frameworkForTable } from '../core/frameworkChoice';
import { describeCell, isDate, quoteText, sheetDate } from '../core/answers';
import { Cell, CellArg, isBlank } from './cells';

/** A cases argument read once: its table, the framework its headers follow, and the rows in scope. */
export interface CasesInScope {
  table: CaseTable;
  framework: Framework;
  rowIndexes: number[];
}

export const CASES_PARAM = {
  name: 'cases',
  type: 'A:CM',
  description: "A case tab's range, starting at its header row, e.g. 'Case supervision'!A:CM.",
};

export const FILTER_PARAMS = [
  { name: 'filterHeader', type: 'string', description: 'Optional: the header of a column to filter on, e.g. "Sentence type".', optional: true },
  { name: 'filterValue', type: 'string', description: 'Optional: count only the rows whose filterHeader column equals this, e.g. "Licence".', optional: true },
];

/** Reads the cases range once, and the framework its headers follow (its `Framework:` column, or its key-question ids). */
export function readCases(cases: CellArg): Omit<CasesInScope, 'rowIndexes'> {
  const table = readCaseTable(cases);
  return { table, framework: frameworkForTable(table) };
}

/** The rows in scope: all of them, or, when a filter header is given, those matching its value. */
export function rowsInScope(table: CaseTable, filterHeader?: Cell, filterValue?: Cell): number[] {
  if (isBlank(filterHeader)) {
    if (!isBlank(filterValue)) {
      throw new Error(`The filter value ${describeCell(filterValue)} needs a filter header naming the column to match it in, e.g. "Sentence type".`);
    }
    return rowsWhere(table);
  }
  if (isBlank(filterValue)) {
    throw new Error(`A filter on "${quoteText(String(filterHeader))}" needs a value to match, e.g. "Licence".`);
  }
  const column = findMetadataColumn(table, String(filterHeader));
  const rows = rowsWhere(table, { column, value: filterValue });
  const present = presentValues(table, column);
  // R12: a column with nothing in it yet is work in progress (blank results); a value no case has is named.
  if (rows.length === 0 && present.length > 0) {
    const listed = present.slice(0, 20).map((value) => quoteText(value)).join(', ');
    throw new Error(
      `No case has ${shortHeader(column.header)} = ${describeCell(filterValue)}; values present: ${listed}${present.length > 20 ? `, and ${present.length - 20} more` : ''}.`,
    );
  }
  return rows;
}

/** The column's distinct non-blank values as the sheet shows them, first spelling kept, in order of first appearance. */
function presentValues(table: CaseTable, column: Column): string[] {
  const seen = new Map<string, string>();
  for (const row of table.rows) {
    const cell = row[column.index];
    if (isBlank(cell)) continue;
    const text = isDate(cell) ? sheetDate(cell) : String(cell).trim();
    if (!seen.has(text.toLowerCase())) seen.set(text.toLowerCase(), text);
  }
  return [...seen.values()];
}

/** Reads the cases range and keeps the rows the filter (if any) selects. */
export function casesInScope(cases: CellArg, filterHeader?: Cell, filterValue?: Cell): CasesInScope {
  const { table, framework } = readCases(cases);
  return { table, framework, rowIndexes: rowsInScope(table, filterHeader, filterValue) };
}
