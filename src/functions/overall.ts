import { NOT_RATED } from '../core/bands';
import { overallRating, overallScore } from '../core/overall';
import { customFunction } from '../publicFunction';
import { describeCell } from '../core/answers';
import { blankNullRows, Cell, CellArg, isBlank, readRatings } from './cells';

const RATINGS_PARAM = {
  name: 'ratings',
  type: 'B2:B11',
  description: 'The range of every standard\'s rating, e.g. the Ratings tab\'s rating column; blank and Not rated cells are skipped.',
};

export const OVERALL_SCORE = customFunction(
  {
    summary: 'The overall score: the sum of the standards\' scores (Inadequate 0, Requires improvement 1, Good 2, Outstanding 3), unweighted.',
    example: 'OVERALL_SCORE(Ratings!C2:C11)',
    params: [RATINGS_PARAM],
    returns: 'A whole number, 0 to 3 × the number of rated standards (0–30 for ten); blank while none is rated.',
  },
  (ratings: CellArg) => {
    const bands = readRatings(ratings);
    // R12: with nothing rated yet there is no score.
    return bands.length === 0 ? '' : overallScore(bands);
  },
);

export const OVERALL_RATING = customFunction(
  {
    summary:
      'The overall rating from the standards\' ratings: for n standards, a score up to n/2 is Inadequate, up to 3n/2 Requires improvement, up to 5n/2 Good, above that Outstanding (0–5 / 6–15 / 16–25 / 26–30 for ten).',
    example: 'OVERALL_RATING(Ratings!C2:C11)',
    params: [
      RATINGS_PARAM,
      {
        name: 'bands',
        type: 'string',
        description:
          'Optional: a framework\'s own overall bands, the lowest score of Requires improvement, Good and Outstanding with every standard in the range rated, e.g. "7/19/31"; the range holds exactly the counted standards.',
        optional: true,
      },
    ],
    returns: 'Inadequate, Requires improvement, Good or Outstanding, for the standards rated so far; Not rated while none is.',
  },
  (ratings: CellArg, bands?: Cell) => {
    const rated = readRatings(ratings);
    if (rated.length === 0) return NOT_RATED;
    // R12: the band for the k standards rated so far (R9 with n = k).
    if (isBlank(bands)) return overallRating(rated);
    // With a framework's bands, the range's size is the counted n, and a provisional score is scaled from k to n.
    const counted = Array.isArray(ratings) ? blankNullRows(ratings).reduce((cells, row) => cells + row.length, 0) : 1;
    return overallRating(rated, { rule: 'scores', minimums: readOverallBands(bands, counted) }, counted);
  },
);

/** "7/19/31": three whole scores, each above the one before, none above the range's maximum (3 per standard). */
function readOverallBands(bands: Cell, counted: number): readonly [number, number, number] {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(String(bands));
  const minimums = match ? ([Number(match[1]), Number(match[2]), Number(match[3])] as const) : undefined;
  if (!minimums || !(minimums[0] >= 1 && minimums[0] < minimums[1] && minimums[1] < minimums[2] && minimums[2] <= 3 * counted)) {
    throw new Error(
      `The overall bands ${describeCell(bands)} must be three whole scores from 1 to ${3 * counted} (3 for each of the ${counted} standards in the range), each above the one before, e.g. "7/19/31".`,
    );
  }
  return minimums;
}
