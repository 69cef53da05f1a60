import { changeIsSignificant, normalQuantile, plannedSampleSize, twoProportionZ } from '../../src/core/statistics';

describe('statistics (R10)', () => {
  describe('normalQuantile', () => {
    it.each([
      [0.5, 0],
      [0.9, 1.2815515655446004],
      [0.95, 1.6448536269514722],
      [0.975, 1.959963984540054],
      [0.995, 2.5758293035489004],
      [0.01, -2.3263478740408408],
    ])('Φ⁻¹(%f) = %f', (probability, z) => {
      expect(normalQuantile(probability)).toBeCloseTo(z, 8);
    });
  });

  describe('twoProportionZ and changeIsSignificant', () => {
    it('uses the pooled proportion', () => {
      // pooled (0.61·79 + 0.57·72)/151; z = 0.04 / sqrt(p(1−p)(1/79 + 1/72))
      const pooled = (0.61 * 79 + 0.57 * 72) / 151;
      expect(twoProportionZ(0.61, 79, 0.57, 72)).toBeCloseTo(0.04 / Math.sqrt(pooled * (1 - pooled) * (1 / 79 + 1 / 72)), 12);
      expect(changeIsSignificant(0.61, 79, 0.57, 72)).toBe(false);
    });

    it('calls a large change significant at 0.1 and is two-sided', () => {
      expect(changeIsSignificant(0.81, 100, 0.63, 1000)).toBe(true);
      expect(changeIsSignificant(0.63, 1000, 0.81, 100)).toBe(true);
    });

    it('compares |z| with the two-sided critical value of alpha', () => {
      // 0.65 vs 0.55 at n = 100 each: z ≈ 1.43 — significant at 0.2 (1.28), not at 0.1 (1.64)
      expect(changeIsSignificant(0.65, 100, 0.55, 100, 0.2)).toBe(true);
      expect(changeIsSignificant(0.65, 100, 0.55, 100)).toBe(false);
    });

    it('finds no change where both are 0% or both 100%', () => {
      expect(changeIsSignificant(1, 14, 1, 20)).toBe(false);
    });
  });

  describe('plannedSampleSize', () => {
    it("applies Cochran's n0 with p = 0.5 and the finite-population correction", () => {
      const z = 1.2815515655446004;
      const n0 = (z * z * 0.25) / 0.0025; // 164.2…
      expect(plannedSampleSize(1e9)).toBe(Math.ceil(n0));
      expect(plannedSampleSize(1000)).toBe(Math.ceil(n0 / (1 + (n0 - 1) / 1000)));
      expect(plannedSampleSize(300, 0.95, 0.05)).toBe(169);
      expect(plannedSampleSize(1)).toBe(1);
    });
  });
});
