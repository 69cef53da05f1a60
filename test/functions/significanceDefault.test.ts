/**
 * R10 (docs/method.md): a change is significant at level 0.1 unless another is given, |z| > 1.645.
 * One case sits between the 0.1 and 0.05 critical values, so every place that tests a change without
 * being given a level must use 0.1 for this to pass:
 *
 *   this inspection 65 of 100 (65%) against 76% of 100:
 *   pooled p = (65 + 76) / 200 = 0.705; SE = √(0.705 × 0.295 × (1/100 + 1/100)) = √0.0041595 = 0.06449;
 *   z = (0.65 − 0.76) / 0.06449 = −1.706; 1.645 < 1.706 < 1.960: significant at 0.1, not at 0.05.
 */
import { CRC_2018 } from '../../src/core/frameworks/crc2018';
import { differsFromRest } from '../../src/core/programme';
import { ratingsReport } from '../../src/core/report';
import { changeIsSignificant } from '../../src/core/statistics';
import { caseTabLayouts } from '../../src/core/workbook';
import { loadBundle } from '../support/bundle';

describe('R10: the default significance level is 0.1, pinned by |z| = 1.706', () => {
  it('core: changeIsSignificant with no level calls it significant; at 0.05 it is not', () => {
    expect(changeIsSignificant(0.65, 100, 0.76, 100)).toBe(true);
    expect(changeIsSignificant(0.65, 100, 0.76, 100, 0.05)).toBe(false);
  });

  it('CHANGE_SIGNIFICANT with no alpha (and a blank one) calls it significant; with 0.05 it is not', () => {
    const bundle = loadBundle();
    expect(bundle.CHANGE_SIGNIFICANT(0.65, 100, 0.76, 100)).toBe(true);
    expect(bundle.CHANGE_SIGNIFICANT(0.65, 100, 0.76, 100, '')).toBe(true);
    expect(bundle.CHANGE_SIGNIFICANT(0.65, 100, 0.76, 100, 0.05)).toBe(false);
  });

  it('the report: 2.1.1 at 65 of 100 against a previous 76% of 100 is a significant change', () => {
    const layout = caseTabLayouts(CRC_2018).find((tab) => tab.name === 'Case supervision')!;
    const column = layout.headers.findIndex((header) => header.startsWith('2.1.1 '));
    // 65 Yes, 35 No, and 10 N/A that must not count (R2).
    const answers = [...Array<string>(65).fill('Yes'), ...Array<string>(35).fill('No'), ...Array<string>(10).fill('N/A')];
    const rows = answers.map((answer, index) => layout.headers.map((_, at) => (at === 0 ? `C${index + 1}` : at === column ? answer : '')));
    const comparison = [['Id', 'Question', 'Previous %', 'Previous n', 'All providers %', 'All providers n'], ['2.1.1', '', 0.76, 100, 0.6, 100]];
    const report = ratingsReport(CRC_2018, (name) => ({ 'Case supervision': [layout.headers, ...rows], Comparison: comparison })[name]);
    const figure = report.standards.find((standard) => standard.standard.id === '2.1')!.keyQuestions.find((keyQuestion) => keyQuestion.id === '2.1.1')!;
    expect([figure.yes, figure.applicable]).toEqual([65, 100]);
    expect(figure.previous).toEqual({ percent: 76, n: 100, significant: true });
    // 65% against 60% of 100: pooled 0.625, z = 0.05 / √(0.625 × 0.375 × 0.02) = 0.73, not significant.
    expect(figure.aggregate).toEqual({ percent: 60, n: 100, significant: false });
  });

  it('the programme summaries: a provider at 65 of 100 against the rest at 76 of 100 differs from them', () => {
    expect(differsFromRest({ yes: 65, applicable: 100 }, { yes: 141, applicable: 200 })).toBe(true);
    expect(differsFromRest({ yes: 65, applicable: 100 }, { yes: 141, applicable: 200 }, 0.05)).toBe(false);
  });
});
