import { CRC_2018 } from '../../src/core/frameworks/crc2018';
import { judgePanelRating, panelMoves } from '../../src/core/panel';
import { KeyQuestionResult, StandardResult } from '../../src/core/standards';
import { Band, BANDS, bandOf, wholePercent } from '../../src/core/bands';

const planning = CRC_2018.domains[1].standards[1];
const unpaidWork = CRC_2018.domains[2].standards[0];

/** A standard whose lowest key question has `yes` of `applicable`. */
function standardAt(yes: number, applicable: number, standard = planning): StandardResult {
  const percent = wholePercent(yes, applicable);
  const lowest = { keyQuestion: standard.keyQuestions[0], column: { index: 0, header: '', kind: 'keyQuestion', id: '', text: '' }, yes, applicable, percent, band: bandOf(percent) } as KeyQuestionResult;
  const qualitative = standard.keyQuestions.find((keyQuestion) => keyQuestion.qualitative);
  return { standard, keyQuestions: [lowest], lowest, rating: lowest.band, ...(qualitative ? { qualitative } : {}) };
}

describe('panel (R6, R7)', () => {
  describe('panelMoves', () => {
    it.each([
      // [yes, applicable, raise allowed, lower allowed] — SPEC R6 examples first
      [61, 100, true, false], // 61% may be raised to Good
      [79, 100, true, false], // 79% may be raised to Outstanding
      [66, 100, false, true], // 66% may be lowered to Requires improvement
      [44, 100, false, false], // 44% may not be raised: 6 below 50, and 45% is still Inadequate
      [45, 100, true, false], // 45%: within 5 of 50
      [50, 100, false, true],
      [55, 100, false, true], // 55 − 50 = 5: within five
      [56, 100, false, false],
      [59, 100, false, false], // 9 above 50 and 6 below 65
      [80, 100, false, true],
      [100, 100, false, false], // Outstanding: cannot rise; 20 above 80
      [2, 3, true, true], // 67%: one more Yes is 100% (raise); 2 above 65 (lower)
      [1, 3, true, false], // 33%: one more Yes gives 67%, a higher band; Inadequate cannot fall
    ])('%i of %i', (yes, applicable, raise, lower) => {
      const moves = panelMoves(standardAt(yes, applicable));
      expect([moves.raise.allowed, moves.lower.allowed]).toEqual([raise, lower]);
    });

    it('allows raising 44% where one more Yes crosses 50% (small sub-sample)', () => {
      // 4 of 9 = 44%; 5 of 9 = 56%
      expect(panelMoves(standardAt(4, 9)).raise).toMatchObject({ allowed: true, to: 'Requires improvement', reason: 'one more Yes would make it 56%, Requires improvement' });
    });

    it('allows lowering 90% where one Yes fewer falls below 80% (small sub-sample)', () => {
      // 9 of 10 = 90%: 10 above 80, and 8 of 10 is still 80%; 7 of 8 = 88%: 8 above 80, but 6 of 8 is 75%
      expect(panelMoves(standardAt(9, 10)).lower.allowed).toBe(false);
      expect(panelMoves(standardAt(7, 8)).lower).toMatchObject({ allowed: true, to: 'Good', reason: 'one Yes fewer would make it 75%, Good' });
    });

    it('R7: unpaid work moves one band either way with no proximity condition', () => {
      const moves = panelMoves(standardAt(72, 100, unpaidWork));
      expect(moves.raise).toMatchObject({ allowed: true, to: 'Outstanding' });
      expect(moves.lower).toMatchObject({ allowed: true, to: 'Requires improvement' });
      expect(moves.raise.reason).toMatch(/4\.1\.3/);
    });
  });

  describe('judgePanelRating', () => {
    it('accepts the indicative rating as no move', () => {
      expect(judgePanelRating(standardAt(44, 100), 'Inadequate')).toEqual({ allowed: true, rating: 'Inadequate' });
    });

    it('refuses a move of two bands, even for unpaid work', () => {
      const decision = judgePanelRating(standardAt(72, 100, unpaidWork), 'Inadequate');
      expect(decision).toEqual({ allowed: false, reason: expect.stringMatching(/one band only.*2 bands away/) });
    });

    it('refuses a move R6 does not permit, with the reason', () => {
      const decision = judgePanelRating(standardAt(59, 100), 'Good');
      expect(decision.allowed).toBe(false);
      expect(decision).toMatchObject({ reason: expect.stringContaining('59% is 6 points below the 65% boundary, more than 5, and one more Yes would make it only 60%') });
    });

    it.each(BANDS.map((band) => [band]))('never allows a move to %s that panelMoves forbids', (target: Band) => {
      for (let yes = 0; yes <= 20; yes += 1) {
        const result = standardAt(yes, 20);
        const decision = judgePanelRating(result, target);
        const steps = BANDS.indexOf(target) - BANDS.indexOf(result.rating);
        const moves = panelMoves(result);
        const expected = steps === 0 || (steps === 1 && moves.raise.allowed) || (steps === -1 && moves.lower.allowed);
        expect(decision.allowed).toBe(expected);
      }
    });
  });
});
