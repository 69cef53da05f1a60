import { noApplicableCases, requireColumn, tallyColumn } from '../core/caseTable';
import { keyQuestionsOf } from '../core/frameworks';
import { customFunction } from '../publicFunction';
import { casesInScope, CASES_PARAM, FILTER_PARAMS } from './caseRange';
import { Cell, CellArg, mapCells } from './cells';

export const KQ_SCORE = customFunction(
  {
    summary: 'The share of applicable cases answered Yes for a key question (or a prompt): Yes / (Yes + No). N/A and blank answers are left out.',
    example: `KQ_SCORE('Case supervision'!A1:CZ, "2.1.1", "Sentence type", "Licence")`,
    params: [
      CASES_PARAM,
      { name: 'keyQuestionId', type: 'string', description: 'The key question id, e.g. "2.1.1", or a prompt id, e.g. "2.1.1(a)"; or a range of ids.' },
      ...FILTER_PARAMS,
    ],
    returns: 'A fraction from 0 to 1 (format the cell as a percentage).',
  },
  (cases: CellArg, keyQuestionId: CellArg, filterHeader?: Cell, filterValue?: Cell) => {
    const scope = casesInScope(cases, filterHeader, filterValue);
    const qualitative = new Set(keyQuestionsOf(scope.framework).filter((keyQuestion) => keyQuestion.qualitative).map((keyQuestion) => keyQuestion.id));
    return mapCells([keyQuestionId], (idCell) => {
      const id = String(idCell ?? '').trim();
      if (qualitative.has(id)) {
        throw new Error(`Key question ${id} is judged on qualitative evidence, not counted from cases (R7).`);
      }
      const column = requireColumn(scope.table, id);
      const tally = tallyColumn(scope.table, column, scope.rowIndexes);
      const applicable = tally.yes + tally.no;
      if (applicable === 0) throw noApplicableCases(column, scope.rowIndexes.length);
      return tally.yes / applicable;
    });
  },
);
