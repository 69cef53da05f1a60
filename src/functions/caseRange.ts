import { CaseTable, findMetadataColumn, readCaseTable, rowsWhere } from '../core/caseTable';
import { Framework } from '../core/framework';
import { frameworkForKeyQuestions } from '../core/frameworks';
import { Cell, CellArg, isBlank } from './cells';

/** A cases argument read once: its table, the framework its headers follow, and the rows in scope. */
export interface CasesInScope {
  table: CaseTable;
  framework: Framework;
  rowIndexes: number[];
}

export const CASES_PARAM = {
  name: 'cases',
  type: 'A1:CZ',
  description: "A case tab's range, starting at its header row, e.g. 'Case supervision'!A1:CZ.",
};

export const FILTER_PARAMS = [
  { name: 'filterHeader', type: 'string', description: 'Optional: the header of a column to filter on, e.g. "Sentence type".', optional: true },
  { name: 'filterValue', type: 'string', description: 'Optional: count only the rows whose filterHeader column equals this, e.g. "Licence".', optional: true },
];

/** Reads the cases range and, when a filter header is given, keeps the rows that match it. */
export function casesInScope(cases: CellArg, filterHeader?: Cell, filterValue?: Cell): CasesInScope {
  const table = readCaseTable(cases);
  const keyQuestionIds = new Set(table.columns.filter((column) => column.kind === 'keyQuestion').map((column) => column.id));
  const framework = frameworkForKeyQuestions(keyQuestionIds);
  if (isBlank(filterHeader)) return { table, framework, rowIndexes: rowsWhere(table) };
  if (isBlank(filterValue)) {
    throw new Error(`A filter on "${String(filterHeader)}" needs a value to match, e.g. "Licence".`);
  }
  const column = findMetadataColumn(table, String(filterHeader));
  return { table, framework, rowIndexes: rowsWhere(table, { column, value: filterValue }) };
}
