import { CRC_2018 } from '../../src/core/frameworks/crc2018';
import { judgePanelRating, panelMoves } from '../../src/core/panel';
import { isNotRated, KeyQuestionResult, rateCounted, StandardResult } from '../../src/core/standards';
import { Band, BANDS, bandOf, DEFAULT_THRESHOLDS, wholePercent } from '../../src/core/bands';

const planning = CRC_2018.domains[1].standards[1];
const unpaidWork = CRC_2018.domains[2].standards[0];

/** A standard whose lowest key question has `yes` of `applicable`. */
function standardAt(yes: number, applicable: number, standard = planning): StandardResult {
  const percent = wholePercent(yes, applicable);
  const lowest = { keyQuestion: standard.keyQuestions[0], column: { index: 0, header: '', kind: 'keyQuestion', id: '', text: '' }, yes, applicable, percent, band: bandOf(percent) } as KeyQuestionResult;
  const qualitative = standard.keyQuestions.find((keyQuestion) => keyQuestion.qualitative);
  return { standard, keyQuestions: [lowest], lowest, rating: lowest.band, thresholds: DEFAULT_THRESHOLDS, ...(qualitative ? { qualitative } : {}) };
}

describe('panel (R6, R7)', () => {
  describe('panelMoves', () => {
    it.each([
      // [yes, applicable, raise allowed, lower allowed] — the R6 examples of docs/method.md first
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
      expect(panelMoves(standardAt(4, 9)).raise).toMatchObject({ allowed: true, to: 'Requires improvement', reason: 'one more Yes on 2.2.1 would make it 56% and the standard Requires improvement' });
    });

    it('allows lowering 90% where one Yes fewer falls below 80% (small sub-sample)', () => {
      // 9 of 10 = 90%: 10 above 80, and 8 of 10 is still 80%; 7 of 8 = 88%: 8 above 80, but 6 of 8 is 75%
      expect(panelMoves(standardAt(9, 10)).lower.allowed).toBe(false);
      expect(panelMoves(standardAt(7, 8)).lower).toMatchObject({ allowed: true, to: 'Good', reason: 'one Yes fewer on 2.2.1 would make it 75% and the standard Good' });
    });

    it('R7: unpaid work moves one band either way with no proximity condition', () => {
      const moves = panelMoves(standardAt(72, 100, unpaidWork));
      expect(moves.raise).toMatchObject({ allowed: true, to: 'Outstanding' });
      expect(moves.lower).toMatchObject({ allowed: true, to: 'Requires improvement' });
      expect(moves.raise.reason).toMatch(/4\.1\.3/);
    });
  });

  describe('the one-case test is on the standard (R6 clarified)', () => {
    const assessment = CRC_2018.domains[1].standards[0];
    /** A standard of 2.1's key questions at the given counts, rated as the engine rates it. */
    function standardOf(...counts: Array<[number, number]>): StandardResult {
      const keyQuestions = counts.map(([yes, applicable], index) => {
        const percent = wholePercent(yes, applicable);
        return { keyQuestion: assessment.keyQuestions[index], column: { index, header: '', kind: 'keyQuestion', id: '', text: '' }, yes, applicable, percent, band: bandOf(percent) } as KeyQuestionResult;
      });
      const result = rateCounted(assessment, keyQuestions);
      if (isNotRated(result)) throw new Error('rated expected');
      return result;
    }

    it("R6's worked example: 2.1.1 50 of 100 and 2.1.2 1 of 2 — raising to Good refused, lowering allowed, in either column order", () => {
      for (const result of [standardOf([50, 100], [1, 2], [9, 10]), standardOf([1, 2], [50, 100], [9, 10])]) {
        const moves = panelMoves(result);
        expect(result.rating).toBe('Requires improvement');
        expect(moves.raise.allowed).toBe(false);
        expect(moves.lower).toMatchObject({ allowed: true, to: 'Inadequate' });
      }
    });

    it('a tie at the lowest percentage: one more Yes on either cannot raise the standard', () => {
      // 4 of 9 (44%) twice: one more Yes makes one 56%, but the other stays Inadequate.
      const moves = panelMoves(standardOf([4, 9], [4, 9], [9, 10]));
      expect(moves.raise.allowed).toBe(false);
      expect(moves.raise.reason).toMatch(/key questions 2\.1\.1, 2\.1\.2 are all Inadequate/);
    });

    it('two key questions in the lowest band but not tied: one case on the lowest cannot raise the standard', () => {
      // 4 of 9 (44%) → 56%, but 2.1.2 at 40 of 100 stays Inadequate.
      expect(panelMoves(standardOf([4, 9], [40, 100], [9, 10])).raise.allowed).toBe(false);
      // Alone in its band, the same key question can.
      expect(panelMoves(standardOf([4, 9], [60, 100], [9, 10])).raise.allowed).toBe(true);
    });

    it('lowering: one Yes fewer on a tied lowest key question lowers the standard', () => {
      // 7 of 8 (88%) twice, Outstanding: one Yes fewer on either makes 75%, Good.
      expect(panelMoves(standardOf([7, 8], [7, 8], [9, 10])).lower).toMatchObject({ allowed: true, to: 'Good' });
    });

    it('gives the same answer whatever the order of the key questions', () => {
      const counts: Array<[number, number]> = [[4, 9], [5, 11], [30, 40]];
      const orders = [[0, 1, 2], [1, 0, 2], [2, 1, 0], [1, 2, 0]];
      const answers = orders.map((order) => {
        const moves = panelMoves(standardOf(...order.map((index) => counts[index])));
        return [moves.raise.allowed, moves.lower.allowed];
      });
      for (const answer of answers) expect(answer).toEqual(answers[0]);
    });
  });

  describe('judgePanelRating', () => {
    it('refuses any panel rating on a Not rated standard, saying why (R12)', () => {
      const keyQuestion = planning.keyQuestions[0];
      const notRated = rateCounted(planning, [{ keyQuestion, column: { index: 1, header: '', kind: 'keyQuestion', id: '2.2.1', text: '' }, yes: 0, applicable: 0 }]);
      expect(judgePanelRating(notRated, 'Good')).toEqual({ allowed: false, reason: expect.stringMatching(/^2\.2 Planning is Not rated yet, so the panel cannot rate it: key question 2\.2\.1 has no Yes or No answer/) });
    });

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
      expect(decision).toMatchObject({ reason: expect.stringContaining('59% is 6 points below the 65% boundary, more than 5, and one more Yes on 2.2.1 would make it only 60%') });
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

  describe("at a framework's own thresholds (docs/frameworks.md)", () => {
    const assessment = CRC_2018.domains[1].standards[0];
    const count = (index: number, yes: number, applicable: number) => ({ keyQuestion: assessment.keyQuestions[index], column: { index, header: '', kind: 'keyQuestion' as const, id: '', text: '' }, yes, applicable });

    it('bands and moves against 60/75/90, not 50/65/80', () => {
      const counts = [count(0, 72, 100), count(1, 95, 100), count(2, 95, 100)];
      const audit = rateCounted(assessment, counts, [60, 75, 90]);
      const usual = rateCounted(assessment, counts);
      if (isNotRated(audit) || isNotRated(usual)) throw new Error('rated expected');
      expect(usual.rating).toBe('Good');
      expect(audit.rating).toBe('Requires improvement');
      const moves = panelMoves(audit);
      expect(moves.raise).toMatchObject({ allowed: true, to: 'Good', reason: '72% is 3 points below the 75% boundary, within 5' });
      expect(moves.lower.allowed).toBe(false);
      expect(moves.lower.reason).toMatch(/^72% is 12 points above the 60% boundary/);
    });
  });
});
