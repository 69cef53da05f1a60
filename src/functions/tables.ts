import { keyQuestionTable, promptRows, RATINGS_TABLE_HEADER } from '../core/summary';
import { customFunction } from '../publicFunction';
import { casesInScope, CASES_PARAM, FILTER_PARAMS } from './caseRange';
import { Cell, CellArg, CellResult } from './cells';

export { RATINGS_TABLE_HEADER };

export const RATINGS_TABLE = customFunction(
  {
    summary:
      'A table of every key question of the standards in the cases range, one row each: standard, key question id and text, Yes, applicable cases, percent, band and the standard\'s indicative rating (before any panel move). Spills from the cell; the first row is its header.',
    example: `RATINGS_TABLE('Case supervision'!A:CM, "Sentence type", "Community")`,
    params: [CASES_PARAM, ...FILTER_PARAMS],
    returns: 'A table with a header row; a key question with no applicable case yet has a blank percent, and one whose column holds an invalid answer shows the problem there.',
  },
  (cases: CellArg, filterHeader?: Cell, filterValue?: Cell): CellResult[][] => {
    const scope = casesInScope(cases, filterHeader, filterValue);
    return keyQuestionTable(scope.table, scope.framework, scope.rowIndexes);
  },
);

export const PROMPTS_TABLE_HEADER = ['Prompt', 'Prompt text', 'Yes', 'Applicable', 'Percent'];

export const PROMPTS_TABLE = customFunction(
  {
    summary: 'A table of every prompt in the cases range, one row each: prompt id, text, Yes, applicable cases and percent (the report\'s Annex 4). Spills from the cell; the first row is its header.',
    example: `PROMPTS_TABLE('Case supervision'!A:CM)`,
    params: [CASES_PARAM, ...FILTER_PARAMS],
    returns: 'A table with a header row; a prompt with no applicable case yet has a blank percent, and one whose column holds an invalid answer shows the problem there.',
  },
  (cases: CellArg, filterHeader?: Cell, filterValue?: Cell): CellResult[][] => {
    const scope = casesInScope(cases, filterHeader, filterValue);
    const rows = promptRows(scope.table, scope.framework, scope.rowIndexes).map((row): CellResult[] =>
      row.problem !== undefined
        ? [row.column.id, row.text, '', '', `Error: ${row.problem}`]
        : [row.column.id, row.text, row.yes, row.applicable, row.applicable > 0 ? row.yes / row.applicable : ''],
    );
    return [PROMPTS_TABLE_HEADER, ...rows];
  },
);
