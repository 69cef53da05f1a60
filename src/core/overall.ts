import { Band, BANDS, bandScore } from './bands';

/** R9: the sum of the standards' scores, unweighted. */
export function overallScore(ratings: readonly Band[]): number {
  return ratings.reduce((sum, rating) => sum + bandScore(rating), 0);
}

/**
 * R9: for n standards, score ≤ n/2 Inadequate, ≤ 3n/2 Requires improvement, ≤ 5n/2 Good,
 * above that Outstanding (0–5 / 6–15 / 16–25 / 26–30 for ten). Compared doubled, in integers.
 */
export function overallRating(ratings: readonly Band[]): Band {
  if (ratings.length === 0) throw new Error('There are no standard ratings to combine: give the range of the standards\' ratings.');
  const doubled = 2 * overallScore(ratings);
  const n = ratings.length;
  if (doubled <= n) return BANDS[0];
  if (doubled <= 3 * n) return BANDS[1];
  if (doubled <= 5 * n) return BANDS[2];
  return BANDS[3];
}
