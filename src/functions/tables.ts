import { keyQuestionCells, keyQuestionRows, promptRows, RATINGS_TABLE_HEADER, STANDARD_RATINGS_HEADER, standardOutcome } from '../core/summary';
import { findStandard } from '../core/frameworks';
import { customFunction } from '../publicFunction';
import { casesInScope, CASES_PARAM, FILTER_PARAMS } from './caseRange';
import { blankNullRows, Cell, CellArg, CellResult, isBlank, readId, requireBand } from './cells';

export { RATINGS_TABLE_HEADER };

export const RATINGS_TABLE = customFunction(
  {
    summary:
      'A table of every key question of the standards in the cases range, one row each: standard, key question id and text, Yes, applicable cases, percent, band and the standard\'s indicative rating (before any panel move). Spills from the cell; the first row is its header.',
    example: `RATINGS_TABLE('Case supervision'!A:CM, "Sentence type", "Community")`,
    params: [
      CASES_PARAM,
      ...FILTER_PARAMS,
      {
        name: 'standardIds',
        type: 'A2:A7',
        description:
          "Optional: a range of standard ids, e.g. the Panel tab's column A. Three more columns then list each of them rated from these cases: its id, its indicative rating and its rating after the panel (as RATE_STANDARD gives them: Not rated, or Error: and why).",
        optional: true,
      },
      {
        name: 'panelRatings',
        type: 'G2:G7',
        description: "Optional: the panel's rating beside each of those ids, blank for none (the same size); a move the panel may not make shows Error: and why.",
        optional: true,
      },
    ],
    returns: 'A table with a header row; a key question with no applicable case yet has a blank percent, and one whose column holds an invalid answer shows the problem there.',
  },
  (cases: CellArg, filterHeader?: Cell, filterValue?: Cell, standardIds?: CellArg, panelRatings?: CellArg): CellResult[][] => {
    const scope = casesInScope(cases, filterHeader, filterValue);
    const keyQuestions = keyQuestionRows(scope.table, scope.framework, scope.rowIndexes);
    const table: CellResult[][] = keyQuestionCells(keyQuestions);
    if (isBlank(standardIds) && isBlank(panelRatings)) return table;
    // One spill carries what follows from the ratings, so no other custom function reads its result (docs/design.md).
    const ids = cellsOf(standardIds);
    const judgements = isBlank(panelRatings) ? ids.map(() => '') : cellsOf(panelRatings);
    if (judgements.length !== ids.length) throw new Error(`The panel ratings range must be the same size as the standard ids (${ids.length} cells); it has ${judgements.length}.`);
    const standards = ids.flatMap((idCell, index): CellResult[][] => {
      if (isBlank(idCell)) return [];
      const id = readId(idCell, 'The standard id');
      const outcome = standardOutcome(keyQuestions, id);
      if (!outcome) {
        // R11: an id the framework does not have is named in its row; a standard of another case tab is left out.
        try {
          findStandard(scope.framework, id);
        } catch (error) {
          return [[idCell as CellResult, `Error: ${(error as Error).message}`, '']];
        }
        return [];
      }
      // R12: an unreadable panel rating shows in its own row; the other standards are still rated.
      let afterPanel = outcome.afterPanel;
      try {
        if (!isBlank(judgements[index])) afterPanel = standardOutcome(keyQuestions, id, requireBand(judgements[index], `The panel rating for ${id}`))!.afterPanel;
      } catch (error) {
        afterPanel = `Error: ${(error as Error).message}`;
      }
      return [[idCell as CellResult, outcome.indicative, afterPanel]];
    });
    return table.map((row, index) => [...row, ...(index === 0 ? STANDARD_RATINGS_HEADER : (standards[index - 1] ?? ['', '', '']))]);
  },
);

/** A range's cells in reading order (a single value is one cell). */
function cellsOf(range: CellArg | undefined): Cell[] {
  return Array.isArray(range) ? blankNullRows(range).flat() : [range as Cell];
}

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
