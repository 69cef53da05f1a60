import { Band, BANDS, bandScore } from './bands';
import { OverallBands } from './framework';

const PER_STANDARD: OverallBands = { rule: 'perStandard' };

/** R9: the sum of the standards' scores, unweighted. */
export function overallScore(ratings: readonly Band[]): number {
  return ratings.reduce((sum, rating) => sum + bandScore(rating), 0);
}

/**
 * R9: for n standards, score ≤ n/2 Inadequate, ≤ 3n/2 Requires improvement, ≤ 5n/2 Good,
 * above that Outstanding (0–5 / 6–15 / 16–25 / 26–30 for ten). Compared doubled, in integers.
 * A framework's explicit `scores` bands are for all `counted` standards; with fewer rated (R12,
 * provisional) the score is scaled to that many: score × counted ≥ minimum × rated.
 */
export function overallRating(ratings: readonly Band[], bands: OverallBands = PER_STANDARD, counted: number = ratings.length): Band {
  if (ratings.length === 0) throw new Error('There are no standard ratings to combine: give the range of the standards\' ratings.');
  if (bands.rule === 'scores') {
    const scaled = overallScore(ratings) * counted;
    let band = 0;
    while (band < 3 && scaled >= bands.minimums[band] * ratings.length) band += 1;
    return BANDS[band];
  }
  const doubled = 2 * overallScore(ratings);
  const n = ratings.length;
  if (doubled <= n) return BANDS[0];
  if (doubled <= 3 * n) return BANDS[1];
  if (doubled <= 5 * n) return BANDS[2];
  return BANDS[3];
}
