import { Band, BANDS } from '../../src/core/bands';
import { overallRating, overallScore } from '../../src/core/overall';

function standardsScoring(total: number, count: number): Band[] {
  // Spread `total` over `count` standards, each scoring 0–3.
  return Array.from({ length: count }, (_, index) => BANDS[Math.min(3, Math.max(0, total - 3 * index))]);
}

describe('overall (R9)', () => {
  it('sums the scores without weighting', () => {
    expect(overallScore(['Good', 'Good', 'Inadequate', 'Outstanding'])).toBe(7);
  });

  it.each([
    [10, [[0, 5, 'Inadequate'], [6, 15, 'Requires improvement'], [16, 25, 'Good'], [26, 30, 'Outstanding']]],
    [12, [[0, 6, 'Inadequate'], [7, 18, 'Requires improvement'], [19, 30, 'Good'], [31, 36, 'Outstanding']]],
  ] as const)('bands the published ranges for %i standards', (count, ranges) => {
    for (const [from, to, rating] of ranges) {
      for (let total = from; total <= to; total += 1) {
        const ratings = standardsScoring(total, count);
        expect(overallScore(ratings)).toBe(total);
        expect(overallRating(ratings)).toBe(rating);
      }
    }
  });

  it('refuses an empty list', () => {
    expect(() => overallRating([])).toThrow(/no standard ratings/);
  });
});
