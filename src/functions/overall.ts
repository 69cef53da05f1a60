import { NOT_RATED } from '../core/bands';
import { overallRating, overallScore } from '../core/overall';
import { customFunction } from '../publicFunction';
import { CellArg, readRatings } from './cells';

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
    params: [RATINGS_PARAM],
    returns: 'Inadequate, Requires improvement, Good or Outstanding, for the standards rated so far; Not rated while none is.',
  },
  (ratings: CellArg) => {
    const bands = readRatings(ratings);
    // R12: the band for the k standards rated so far (R9 with n = k).
    return bands.length === 0 ? NOT_RATED : overallRating(bands);
  },
);
