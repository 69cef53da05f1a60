import { overallRating, overallScore } from '../core/overall';
import { customFunction } from '../publicFunction';
import { CellArg, readRatings } from './cells';

const RATINGS_PARAM = {
  name: 'ratings',
  type: 'B2:B11',
  description: 'The range of every rated standard\'s rating (blank cells are skipped), e.g. the Ratings tab\'s rating column.',
};

export const OVERALL_SCORE = customFunction(
  {
    summary: 'The overall score: the sum of the standards\' scores (Inadequate 0, Requires improvement 1, Good 2, Outstanding 3), unweighted.',
    example: 'OVERALL_SCORE(Ratings!C2:C11)',
    params: [RATINGS_PARAM],
    returns: 'A whole number, 0 to 3 × the number of standards (0–30 for ten).',
  },
  (ratings: CellArg) => overallScore(readRatings(ratings)),
);

export const OVERALL_RATING = customFunction(
  {
    summary:
      'The overall rating from the standards\' ratings: for n standards, a score up to n/2 is Inadequate, up to 3n/2 Requires improvement, up to 5n/2 Good, above that Outstanding (0–5 / 6–15 / 16–25 / 26–30 for ten).',
    example: 'OVERALL_RATING(Ratings!C2:C11)',
    params: [RATINGS_PARAM],
    returns: 'Inadequate, Requires improvement, Good or Outstanding.',
  },
  (ratings: CellArg) => overallRating(readRatings(ratings)),
);
