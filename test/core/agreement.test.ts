import fc from 'fast-check';
import { agreementByKeyQuestion, agreementOf, Mark, markedPairs } from '../../src/core/agreement';
import { readCaseTable } from '../../src/core/caseTable';

const HEADER = ['Case ID', 'Inspector', '2.1.1 Engaging', '2.1.2 Desistance'];
const MARKS: Mark[] = ['yes', 'no', 'na'];
const SPELLING: Record<Mark, string> = { yes: 'Yes', no: 'No', na: 'N/A' };

/** Case and check tables for one key question from pairs of marks. */
function tables(pairs: [Mark, Mark][]) {
  const cases = readCaseTable([['Case ID', '2.1.1 Engaging'], ...pairs.map(([original], index) => [`C${index}`, SPELLING[original]])]);
  const checks = readCaseTable([['Case ID', '2.1.1 Engaging'], ...pairs.map(([, check], index) => [`C${index}`, SPELLING[check]])]);
  return { cases, checks };
}

describe('agreement (docs/sampling-and-qa.md)', () => {
  it('pairs rows by Case ID, skips blanks, and computes agreement and kappa per key question', () => {
    const cases = readCaseTable([
      HEADER,
      ['A', 'Jo', 'Yes', 'No'],
      ['B', 'Jo', 'No', 'No'],
      ['C', 'Sam', 'Yes', ''],
      ['D', 'Sam', 'N/A', 'Yes'],
    ]);
    const checks = readCaseTable([
      ['Case ID', '2.1.1 Engaging', '2.1.2 Desistance'],
      ['D', 'na', 'Yes'],
      ['A', 'Yes', 'No'],
      ['C', 'No', 'Yes'],
    ]);
    // 2.1.1: A Y/Y, C Y/N, D NA/NA → 2 of 3; originals Y2 NA1, checks Y1 N1 NA1; pe = (2·1 + 0 + 1·1)/9 = 1/3
    // kappa = (2/3 − 1/3)/(1 − 1/3) = 0.5. 2.1.2: A N/N, D Y/Y (C blank on the case tab) → 2 of 2, pe = (1 + 1)/4, kappa 1.
    expect(agreementByKeyQuestion(cases, checks)).toEqual([
      { keyQuestionId: '2.1.1', agreement: { checked: 3, agreements: 2, fraction: 2 / 3, kappa: 0.5 } },
      { keyQuestionId: '2.1.2', agreement: { checked: 2, agreements: 2, fraction: 1, kappa: 1 } },
    ]);
  });

  it('leaves kappa blank where chance agreement is 1, and agreement blank with nothing checked', () => {
    const { cases, checks } = tables([['yes', 'yes'], ['yes', 'yes']]);
    expect(agreementOf(markedPairs(cases, checks))).toEqual({ checked: 2, agreements: 2, fraction: 1, kappa: undefined });
    expect(agreementOf([])).toEqual({ checked: 0, agreements: 0 });
  });

  it('is 1 for identical marking (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MARKS), { minLength: 1, maxLength: 80 }).filter((marks) => new Set(marks).size > 1), (marks) => {
        const { cases, checks } = tables(marks.map((mark) => [mark, mark]));
        expect(agreementOf(markedPairs(cases, checks)).kappa).toBe(1);
      }),
    );
  });

  it('is 0 when the re-marking is independent of the original by construction (property)', () => {
    // Joint counts n(i, j) = a(i)·b(j): the table is exactly the product of its marginals.
    const counts = fc.tuple(fc.nat(4), fc.nat(4), fc.nat(4));
    fc.assert(
      fc.property(counts, counts, (original, check) => {
        const pairs: [Mark, Mark][] = [];
        MARKS.forEach((i, a) => MARKS.forEach((j, b) => {
          for (let count = 0; count < original[a] * check[b]; count += 1) pairs.push([i, j]);
        }));
        fc.pre(pairs.length > 0);
        const { cases, checks } = tables(pairs);
        const agreement = agreementOf(markedPairs(cases, checks));
        const oneValue = original.filter((count) => count > 0).length === 1 && check.filter((count) => count > 0).length === 1 && original.findIndex((count) => count > 0) === check.findIndex((count) => count > 0);
        if (oneValue) expect(agreement.kappa).toBeUndefined();
        else expect(agreement.kappa).toBe(0);
      }),
    );
  });

  describe('errors (R11)', () => {
    const cases = readCaseTable([HEADER, ['A', 'Jo', 'Yes', 'No'], ['', 'Jo', 'Yes', ''], ['B', 'Jo', 'Maybe', 'No'], ['B', 'Sam', 'No', 'No']]);

    it('names a checked ID missing from the cases', () => {
      expect(() => markedPairs(cases, readCaseTable([['Case ID', '2.1.1 x'], ['Z9', 'Yes']]))).toThrow('Row 2 of the checks range: Case ID "Z9" is not in the cases range.');
    });

    it('names an ID the cases list twice, but only when it is checked', () => {
      expect(() => markedPairs(cases, readCaseTable([['Case ID', '2.1.2 x'], ['B', 'Yes']]))).toThrow('Case ID "B" (row 2 of the checks range) appears more than once in the cases range, at rows 4, 5.');
      expect(markedPairs(cases, readCaseTable([['Case ID', '2.1.1 x'], ['A', 'Yes']]))).toHaveLength(1);
    });

    it('names an invalid answer on either side with its row and column', () => {
      expect(() => markedPairs(cases, readCaseTable([['Case ID', '2.1.1 x'], ['A', 'Perhaps']]))).toThrow('In the checks range: Row 2, column "2.1.1 x": "Perhaps" is not an answer.');
      const clean = readCaseTable([HEADER, ['A', 'Jo', 'Sure', 'No']]);
      expect(() => markedPairs(clean, readCaseTable([['Case ID', '2.1.1 x'], ['A', 'Yes']]))).toThrow('In the cases range: Row 2, column "2.1.1 Engaging": "Sure" is not an answer.');
    });

    it('skips a wholly blank row between checks (R12), but names a row with marks and no Case ID', () => {
      const marked = readCaseTable([HEADER, ['A', 'Jo', 'Yes', 'No'], ['C', 'Jo', 'No', 'No']]);
      const withGap = readCaseTable([['Case ID', '2.1.1 x'], ['A', 'Yes'], ['', ''], [null, '  '], ['C', 'No']]);
      const pairs = markedPairs(marked, withGap);
      expect(pairs.map((pair) => [pair.checkRowIndex, pair.original, pair.check])).toEqual([
        [0, 'yes', 'yes'],
        [3, 'no', 'no'],
      ]);
      expect(() => markedPairs(cases, readCaseTable([['Case ID', '2.1.1 x'], ['A', 'Yes'], ['', 'No']]))).toThrow('Row 3 of the checks range has marks but no Case ID.');
    });

    it('names what it expected and found when the checks have no key-question column the cases have', () => {
      const checks = readCaseTable([['Case ID', 'Engaging', 'Desistance'], ['A', 'Yes', 'No']]);
      expect(() => agreementByKeyQuestion(cases, checks)).toThrow(
        'The checks range has no key-question column the cases range has: expected headers starting with a key-question id (2.1.1, 2.1.2, e.g. "2.1.1 …"); found "Case ID", "Engaging", "Desistance".',
      );
    });

    it('names a repeated or blank ID in the checks', () => {
      expect(() => markedPairs(cases, readCaseTable([['Case ID', '2.1.1 x'], ['A', 'Yes'], ['A', 'No']]))).toThrow('Case ID "A" appears twice in the checks range, at rows 2 and 3.');
    });
  });
});
