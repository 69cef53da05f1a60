import { judgePanelRating } from '../core/panel';
import { findStandard } from '../core/frameworks';
import { NOT_RATED } from '../core/bands';
import { isNotRated, rateStandard } from '../core/standards';
import { customFunction } from '../publicFunction';
import { casesInScope, CASES_PARAM, FILTER_PARAMS } from './caseRange';
import { Cell, CellArg, isBlank, mapCells, readId, requireBand } from './cells';

export const RATE_STANDARD = customFunction(
  {
    summary:
      "A case-based standard's rating: the band of its lowest key-question percentage. Given a panel rating, returns it if the ratings panel may make that move (one band, near a boundary), otherwise an error saying why.",
    example: `RATE_STANDARD('Case supervision'!A:CM, "2.2", "Good")`,
    params: [
      CASES_PARAM,
      { name: 'standardId', type: 'string', description: 'The standard, e.g. "2.1"; or a range of standard ids.' },
      {
        name: 'panelRating',
        type: 'string',
        description: "Optional: the ratings panel's judgement, e.g. \"Good\"; blank for none. A range the same size as standardId.",
        optional: true,
      },
      { ...FILTER_PARAMS[0], description: 'Optional: the header of a column to filter on, e.g. "Status".' },
      { ...FILTER_PARAMS[1], description: 'Optional: rate only the rows whose filterHeader column equals this, e.g. "Signed off" (the signed-off cases).' },
    ],
    returns: 'Inadequate, Requires improvement, Good or Outstanding; Not rated while a key question has no Yes or No answer yet.',
  },
  (cases: CellArg, standardId: CellArg, panelRating?: CellArg, filterHeader?: Cell, filterValue?: Cell) => {
    const scope = casesInScope(cases, filterHeader, filterValue);
    return mapCells([standardId, panelRating], (idCell: Cell, panelCell: Cell) => {
      const result = rateStandard(scope.table, findStandard(scope.framework, readId(idCell, 'The standard id')), scope.rowIndexes, scope.framework.thresholds);
      // R12: a standard still waiting for answers is Not rated, not an error; a panel rating on it is refused below.
      if (isBlank(panelCell)) return isNotRated(result) ? NOT_RATED : result.rating;
      const decision = judgePanelRating(result, requireBand(panelCell, `The panel rating for ${result.standard.id}`));
      if (!decision.allowed) throw new Error(decision.reason);
      return decision.rating;
    });
  },
);
