import { CaseTable, findMetadataColumn, readCaseTable, rowsWhere } from '../core/caseTable';
import { Framework } from '../core/framework';
import { frameworkForTable } from '../core/frameworkChoice';
import { describeCell, quoteText } from '../core/answers';
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
  return rowsWhere(table, { column: findMetadataColumn(table, String(filterHeader)), value: filterValue });
}

/** Reads the cases range and keeps the rows the filter (if any) selects. */
export function casesInScope(cases: CellArg, filterHeader?: Cell, filterValue?: Cell): CasesInScope {
  const { table, framework } = readCases(cases);
  return { table, framework, rowIndexes: rowsInScope(table, filterHeader, filterValue) };
}
