import { bandOf, wholePercentOfFraction } from '../core/bands';
import { customFunction } from '../publicFunction';
import { CellArg, isBlank, mapCells, requireFraction } from './cells';

export const RATING_BAND = customFunction(
  {
    summary: 'The rating band of a key-question percentage: below 50% Inadequate, 50–64% Requires improvement, 65–79% Good, 80% and above Outstanding (whole percentages, rounded half up).',
    example: 'RATING_BAND(0.61)',
    params: [{ name: 'percent', type: 'number', description: 'A percentage as a fraction from 0 to 1 (65% is 0.65), or a range of them.' }],
    returns: 'Inadequate, Requires improvement, Good or Outstanding; an empty cell gives an empty cell.',
  },
  (percent: CellArg) =>
    mapCells([percent], (cell) => (isBlank(cell) ? '' : bandOf(wholePercentOfFraction(requireFraction(cell, 'The percent'))))),
);
