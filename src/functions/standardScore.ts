import { bandScore, isNotRated } from '../core/bands';
import { customFunction } from '../publicFunction';
import { CellArg, isBlank, mapCells, requireBand } from './cells';

export const STANDARD_SCORE = customFunction(
  {
    summary: "A standard's score for the overall rating: Inadequate 0, Requires improvement 1, Good 2, Outstanding 3.",
    example: 'STANDARD_SCORE("Good")',
    params: [{ name: 'rating', type: 'string', description: 'A rating label, or a range of them.' }],
    returns: '0, 1, 2 or 3; an empty or Not rated cell gives an empty cell.',
  },
  (rating: CellArg) => mapCells([rating], (cell) => (isBlank(cell) || isNotRated(cell) ? '' : bandScore(requireBand(cell, 'The rating')))),
);
