import { explainStandard } from '../core/explain';
import { findStandard } from '../core/frameworks';
import { rateStandard } from '../core/standards';
import { customFunction } from '../publicFunction';
import { casesInScope, CASES_PARAM } from './caseRange';
import { CellArg, mapCells, readId } from './cells';

export const RATING_EXPLAIN = customFunction(
  {
    summary: "Explains a standard's rating in one sentence: its lowest key question, the counts and percentage, the band, and whether the ratings panel may raise or lower it.",
    example: `RATING_EXPLAIN('Case supervision'!A:CM, "2.2")`,
    params: [CASES_PARAM, { name: 'standardId', type: 'string', description: 'The standard, e.g. "2.2"; or a range of standard ids.' }],
    returns: 'A sentence of text.',
  },
  (cases: CellArg, standardId: CellArg) => {
    const scope = casesInScope(cases);
    return mapCells([standardId], (idCell) => explainStandard(rateStandard(scope.table, findStandard(scope.framework, readId(idCell, 'The standard id')), scope.rowIndexes, scope.framework.thresholds)));
  },
);
