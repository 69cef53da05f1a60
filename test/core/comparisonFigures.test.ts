/**
 * R10: the Comparison tab's percentages are fractions (74% is 0.74). A 74 or a -0.5 is refused as a
 * problem naming its cell, and never reaches the report as 7400% or -50%.
 */
import { CRC_2018 } from '../../src/core/frameworks/crc2018';
import { ratingsReport } from '../../src/core/report';
import { COMPARISON_HEADER } from '../../src/core/workbook';

function reportWithComparison(rows: unknown[][]) {
  const tabs: Record<string, unknown[][]> = { Comparison: [COMPARISON_HEADER, ...rows] };
  return ratingsReport(CRC_2018, (tab) => tabs[tab]);
}

const keyQuestion = (report: ReturnType<typeof ratingsReport>, id: string) =>
  report.standards.flatMap((figure) => figure.keyQuestions).find((candidate) => candidate.id === id)!;

describe('report › Comparison figures (R10)', () => {
  it('reads 0.74 as 74% with its n', () => {
    const report = reportWithComparison([['2.1.1', 'Engaging', 0.74, 80, 0.5, 5000]]);
    expect(keyQuestion(report, '2.1.1').previous).toEqual({ percent: 74, n: 80 });
    expect(keyQuestion(report, '2.1.1').aggregate).toEqual({ percent: 50, n: 5000 });
    expect(report.problems.filter((problem) => problem.tab === 'Comparison')).toEqual([]);
  });

  it('refuses 74 and -0.5, naming cells C2 and E2, and shows neither', () => {
    const report = reportWithComparison([['2.1.1', 'Engaging', 74, 80, -0.5, 5000]]);
    expect(keyQuestion(report, '2.1.1').previous).toBeUndefined();
    expect(keyQuestion(report, '2.1.1').aggregate).toBeUndefined();
    expect(report.problems.filter((problem) => problem.tab === 'Comparison')).toEqual([
      { tab: 'Comparison', cell: 'C2', kind: 'comparison', message: expect.stringMatching(/^Comparison tab cell C2 holds 74, which is not a percentage from 0% to 100% .*Type it as 74%\.$/) },
      { tab: 'Comparison', cell: 'E2', kind: 'comparison', message: expect.stringMatching(/^Comparison tab cell E2 holds -0\.5, .*Type it as a percentage such as 74%\.$/) },
    ]);
  });
});
