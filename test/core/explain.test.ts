import { readCaseTable, rowsWhere } from '../../src/core/caseTable';
import { explainStandard } from '../../src/core/explain';
import { findStandard } from '../../src/core/frameworks';
import { CRC_2018 } from '../../src/core/frameworks/crc2018';
import { rateStandard } from '../../src/core/standards';
import { caseTable } from '../../examples/synthetic-cases';

function explain(standardId: string, figures: Array<[string, number, number]>): string {
  const table = readCaseTable(caseTable(CRC_2018, 100, figures.map(([id, percent, applicable]) => ({ id, percent, applicable }))));
  return explainStandard(rateStandard(table, findStandard(CRC_2018, standardId), rowsWhere(table)));
}

describe('explain › explainStandard (docs/functions.md RATING_EXPLAIN)', () => {
  it('says, in one sentence, the lowest key question, its counts, the band and a permitted raise', () => {
    expect(explain('2.2', [['2.2.1', 74, 100], ['2.2.2', 74, 100], ['2.2.3', 61, 79]])).toBe(
      '2.2 Planning is Requires improvement: its lowest key question, 2.2.3, is 61% (48 of 79 applicable cases); ' +
        'the panel may raise it to Good (61% is 4 points below the 65% boundary, within 5) ' +
        'but not lower it (61% is 11 points above the 50% boundary, more than 5, and one Yes fewer on 2.2.3 would make it only 59%).',
    );
  });

  it('says when no move is open', () => {
    expect(explain('2.3', [['2.3.1', 67, 100], ['2.3.2', 44, 100], ['2.3.3', 47, 79]])).toMatch(
      /^2\.3 Implementation and delivery is Inadequate: .*; the panel may not raise it \(44% is 6 points below the 50% boundary, more than 5, and key questions 2\.3\.2, 2\.3\.3 are all Inadequate, so one case cannot change the standard's rating\) or lower it \(Inadequate is the lowest band\)\.$/,
    );
  });

  it('marks unpaid work as indicative and both moves open (R7)', () => {
    expect(explain('4.1', [['4.1.1', 83, 35], ['4.1.2', 83, 35], ['4.1.4', 74, 35]])).toMatch(
      /^4\.1 Unpaid work is indicatively Good: its lowest counted key question, 4\.1\.4, is 74% \(26 of 35 applicable cases\); the panel may raise it to Outstanding \(key question 4\.1\.3 .*\) or lower it to Requires improvement/,
    );
  });
});
