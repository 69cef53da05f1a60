import { applicableCount, requireColumn, tallyColumn } from '../core/caseTable';
import { keyQuestionsOf } from '../core/frameworks';
import { customFunction } from '../publicFunction';
import { CASES_PARAM, FILTER_PARAMS, readCases, rowsInScope } from './caseRange';
import { CellArg, mapCells, readId } from './cells';

export const KQ_SCORE = customFunction(
  {
    summary: 'The share of applicable cases answered Yes for a key question (or a prompt): Yes / (Yes + No). N/A and blank answers are left out.',
    example: `KQ_SCORE('Case supervision'!A:CM, "2.1.1", "Sentence type", "Licence")`,
    params: [
      CASES_PARAM,
      { name: 'keyQuestionId', type: 'string', description: 'The key question id, e.g. "2.1.1", or a prompt id, e.g. "2.1.1(a)"; or a range of ids.' },
      ...FILTER_PARAMS.map((param) => ({ ...param, description: `${param.description} A range gives one result per cell.` })),
    ],
    returns: 'A fraction from 0 to 1 (format the cell as a percentage); blank while no case is applicable.',
  },
  (cases: CellArg, keyQuestionId: CellArg, filterHeader?: CellArg, filterValue?: CellArg) => {
    const { table, framework } = readCases(cases);
    const qualitative = new Set(keyQuestionsOf(framework).filter((keyQuestion) => keyQuestion.qualitative).map((keyQuestion) => keyQuestion.id));
    // Ranged filters (one value per cell) reuse each value's rows.
    const scopes = new Map<string, number[]>();
    return mapCells([keyQuestionId, filterHeader, filterValue], (idCell, headerCell, valueCell) => {
      const id = readId(idCell, 'The key question id');
      if (qualitative.has(id)) {
        throw new Error(`Key question ${id} is judged on qualitative evidence, not counted from cases (R7).`);
      }
      const scopeKey = `${String(headerCell ?? '')}\u0000${String(valueCell ?? '')}`;
      const rowIndexes = scopes.get(scopeKey) ?? rowsInScope(table, headerCell, valueCell);
      scopes.set(scopeKey, rowIndexes);
      const column = requireColumn(table, id);
      const tally = tallyColumn(table, column, rowIndexes);
      const applicable = applicableCount(tally);
      // R12: no applicable case yet is work in progress, shown blank.
      return applicable === 0 ? '' : tally.yes / applicable;
    });
  },
);
