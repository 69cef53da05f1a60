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

  it('bands explicit score ranges for all counted standards, and scales them while some are not rated (R12)', () => {
    const bands = { rule: 'scores', minimums: [4, 7, 10] } as const;
    const four = (total: number) => overallRating(standardsScoring(total, 4), bands, 4);
    expect([3, 4, 6, 7, 9, 10, 12].map(four)).toEqual(['Inadequate', 'Requires improvement', 'Requires improvement', 'Good', 'Good', 'Outstanding', 'Outstanding']);
    // Two of four rated, scoring 2: scaled to 4 of 4 → Requires improvement; scoring 3 → 6, still Requires improvement; 4 → 8, Good.
    expect([2, 3, 4, 5].map((total) => overallRating(standardsScoring(total, 2), bands, 4))).toEqual(['Requires improvement', 'Requires improvement', 'Good', 'Outstanding']);
    // The n-rule for twelve, written out as scores, agrees with the default everywhere.
    for (let total = 0; total <= 36; total += 1) {
      const ratings = standardsScoring(total, 12);
      expect(overallRating(ratings, { rule: 'scores', minimums: [7, 19, 31] }, 12)).toBe(overallRating(ratings));
    }
  });

  it('refuses an empty list', () => {
    expect(() => overallRating([])).toThrow(/no standard ratings/);
  });
});
