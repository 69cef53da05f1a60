import { bandOf, bandScore, lowerBoundary, parseBand, upperBoundary, wholePercent, wholePercentOfFraction } from '../../src/core/bands';

describe('bands', () => {
  describe('wholePercent (R3)', () => {
    it('rounds half up on the counts', () => {
      expect(wholePercent(129, 200)).toBe(65); // 64.5
      expect(wholePercent(1, 8)).toBe(13); // 12.5
      expect(wholePercent(48, 79)).toBe(61); // 60.76
      expect(wholePercent(11, 14)).toBe(79); // 78.57
      expect(wholePercent(0, 5)).toBe(0);
      expect(wholePercent(5, 5)).toBe(100);
    });
  });

  describe('wholePercentOfFraction (R3)', () => {
    it('rounds a stored fraction half up despite binary noise', () => {
      expect(0.285 * 100).toBeLessThan(28.5); // the noise this guards against
      expect(wholePercentOfFraction(0.285)).toBe(29);
      expect(wholePercentOfFraction(0.645)).toBe(65);
      expect(wholePercentOfFraction(0.6449)).toBe(64);
      expect(wholePercentOfFraction(0.795)).toBe(80);
    });
  });

  describe('bandOf (R4)', () => {
    it.each([
      [0, 'Inadequate'], [49, 'Inadequate'], [50, 'Requires improvement'], [64, 'Requires improvement'],
      [65, 'Good'], [79, 'Good'], [80, 'Outstanding'], [100, 'Outstanding'],
    ])('%i%% is %s', (percent, band) => {
      expect(bandOf(percent)).toBe(band);
    });
  });

  describe('a framework\'s own thresholds (docs/frameworks.md)', () => {
    it.each([
      [59, 'Inadequate'], [60, 'Requires improvement'], [74, 'Requires improvement'], [75, 'Good'], [89, 'Good'], [90, 'Outstanding'],
    ])('%i%% is %s at 60/75/90', (percent, band) => {
      expect(bandOf(percent, [60, 75, 90])).toBe(band);
    });

    it('gives each band\'s boundaries, defaulting to 50/65/80', () => {
      expect([lowerBoundary('Good'), upperBoundary('Good'), lowerBoundary('Inadequate'), upperBoundary('Outstanding')]).toEqual([65, 80, 0, undefined]);
      expect([lowerBoundary('Good', [60, 75, 90]), upperBoundary('Good', [60, 75, 90]), upperBoundary('Inadequate', [60, 75, 90])]).toEqual([75, 90, 60]);
    });
  });

  describe('parseBand and bandScore (R9)', () => {
    it('reads labels case-insensitively and scores them 0–3', () => {
      expect(['inadequate', 'REQUIRES IMPROVEMENT', ' Good ', 'Outstanding'].map((label) => bandScore(parseBand(label)!))).toEqual([0, 1, 2, 3]);
      expect(parseBand('Requires Improvement ')).toBe('Requires improvement');
      expect(parseBand('Excellent')).toBeUndefined();
      expect(parseBand(2)).toBeUndefined();
    });
  });
});
