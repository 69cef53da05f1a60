import { loadBundle } from '../support/bundle';

const bundle = loadBundle();
const column = (...ratings: string[]) => ratings.map((rating) => [rating]);
const twelve = (good: number, requiresImprovement: number) => column(...Array(good).fill('Good'), ...Array(requiresImprovement).fill('Requires improvement'), ...Array(12 - good - requiresImprovement).fill('Inadequate'));

describe('OVERALL_RATING with a framework\'s own overall bands (docs/frameworks.md)', () => {
  it('bands the score at the given minimums over the counted standards in the range', () => {
    // 6 Good + 6 Requires improvement = 18 of 36: R9's n-rule says Requires improvement; bands starting Good at 18 say Good.
    expect(bundle.OVERALL_RATING(twelve(6, 6))).toBe('Requires improvement');
    expect(bundle.OVERALL_RATING(twelve(6, 6), '7/18/31')).toBe('Good');
    expect(bundle.OVERALL_RATING(twelve(6, 5), '7/18/31')).toBe('Requires improvement');
  });

  it('scales a provisional score from the rated standards to the whole range (R12)', () => {
    // 6 of 12 rated, all Good: 12 of 18 so far, as 24 of 36 — Good at 7/19/31, Outstanding at 7/19/24.
    const rows = [...column(...Array(6).fill('Good')), ...column(...Array(6).fill(''))];
    expect(bundle.OVERALL_RATING(rows, '7/19/31')).toBe('Good');
    expect(bundle.OVERALL_RATING(rows, '7/19/24')).toBe('Outstanding');
  });

  it('refuses bands that are not three rising scores within the range\'s maximum', () => {
    expect(() => bundle.OVERALL_RATING(twelve(6, 6), '7/19/40')).toThrow('The overall bands "7/19/40" must be three whole scores from 1 to 36 (3 for each of the 12 standards in the range), each above the one before, e.g. "7/19/31".');
    expect(() => bundle.OVERALL_RATING(twelve(6, 6), 'high')).toThrow(/The overall bands "high" must be/);
  });
});
