/**
 * No server function answers with more than 1 MB, however messy the workbook: at 10,000 cases with
 * a problem on every row (and an evidence note beside every answer), every list a reply carries
 * holds at most the one list cap, 50 (src/core/lists.ts), and counts the rest.
 */
import { buildSpreadsheet, loadAddon } from '../../runtime';
import { CRC_2018 } from '../../src/core/frameworks/crc2018';
import { ratingsReport, RatingsReport } from '../../src/core/report';
import { caseTabLayouts } from '../../src/core/workbook';
import type { Overview } from '../../src/addon/sidebarApi';

const CASES = 10000;
const CAP = 50;
const MB = 1024 * 1024;
jest.setTimeout(600_000);

/** Case supervision with every row wrong (an answer that is no answer) and a note beside each key question's answer. */
function messyCaseTab(): unknown[][] {
  const layout = caseTabLayouts(CRC_2018).find((tab) => tab.name === 'Case supervision')!;
  const rows: unknown[][] = [layout.headers];
  for (let row = 0; row < CASES; row += 1) {
    rows.push(
      layout.headers.map((header, column) => {
        if (header === 'Case ID') return `C${row}`;
        if (header.startsWith('Evidence ')) return `Note on case ${row} for ${header.slice('Evidence '.length)}: seen at the home visit.`;
        if (/^\d+\.\d+\.\d+/.test(header)) return column % 5 === 0 ? 'Maybe' : row % 2 ? 'Yes' : 'No';
        return '';
      }),
    );
  }
  return rows;
}

describe('server replies are bounded', () => {
  const caseTab = messyCaseTab();
  // The whole model, as rate computes it from the same values: every problem and note, uncapped.
  const whole = ratingsReport(CRC_2018, (tab) => (tab === 'Case supervision' ? caseTab : undefined));
  // Set up by New inspection, then the cases pasted in one edit; custom functions never run (pending, as Sheets shows them loading).
  const rt = loadAddon({ spreadsheet: buildSpreadsheet({ name: 'Messy', maxRows: CASES + 1 }), customFunctions: 'pending' });
  rt.install();
  rt.call('runNewInspection');
  const sheet = rt.spreadsheet.getSheetByName('Case supervision')!;
  sheet.insertRowsAfter(sheet.getMaxRows(), CASES + 1 - sheet.getMaxRows());
  rt.setCellValues('Case supervision', 'A2', caseTab.slice(1));

  it('the workbook is as messy as meant: a problem on every row, notes beside every answer', () => {
    expect(whole.problems.length).toBeGreaterThanOrEqual(CASES);
    expect(whole.standards.flatMap((figure) => figure.keyQuestions).reduce((sum, keyQuestion) => sum + keyQuestion.strengths.length + keyQuestion.improvements.length, 0)).toBeGreaterThan(CASES);
  });

  it('getReportModel: under 1 MB, each list capped at 50 with the rest counted', () => {
    const reply = JSON.stringify(rt.runFromSidebar('getReportModel'));
    expect(reply.length).toBeLessThan(MB);
    const report = JSON.parse(reply) as RatingsReport;
    expect(report.problems).toHaveLength(CAP);
    expect(report.problemCount).toBe(whole.problems.length);
    for (const figure of report.standards) {
      const wholeFigure = whole.standards.find((candidate) => candidate.standard.id === figure.standard.id)!;
      for (const kind of ['strengths', 'improvements'] as const) {
        const listed = figure.keyQuestions.reduce((sum, keyQuestion) => sum + keyQuestion[kind].length, 0);
        const all = wholeFigure.keyQuestions.reduce((sum, keyQuestion) => sum + keyQuestion[kind].length, 0);
        expect(listed).toBe(Math.min(all, CAP));
        expect(listed + (figure[`${kind}NotListed`] ?? 0)).toBe(all);
      }
    }
  });

  it('getOverview: under 1 MB, the first 50 problems and the count of all', () => {
    const reply = JSON.stringify(rt.runFromSidebar('getOverview'));
    expect(reply.length).toBeLessThan(MB);
    const overview = JSON.parse(reply) as Overview;
    expect(overview.problems).toHaveLength(CAP);
    // The case tab's problems are all there are (the Framework tab and headers are sound): counted exactly, listed from the first.
    expect(overview.problemCount).toBe(whole.problems.length);
    expect(overview.problems.map((problem) => [problem.tab, problem.cell, problem.message])).toEqual(whole.problems.slice(0, CAP).map((problem) => [problem.tab, problem.cell, problem.message]));
  });
});

describe('the sample balance is bounded', () => {
  it('previewSampleDraw: a stratum with 200 values lists the first 50 and counts 150 more', () => {
    const rt = loadAddon({ spreadsheet: buildSpreadsheet({ name: 'Teams', sheets: { Population: [['Case ID', 'Team'], ...Array.from({ length: 200 }, (_, row) => [`P${row + 1}`, `Team ${row + 1}`])] } }) });
    rt.install();
    rt.call('runNewInspection');
    const preview = rt.runFromSidebar<{ balance: Array<{ stratum: string; rows: unknown[]; moreRows: number }> }>('previewSampleDraw', { populationTab: 'Population', strata: ['Team'], size: 10, seed: 1 });
    expect(preview.balance.map((table) => [table.stratum, table.rows.length, table.moreRows])).toEqual([['Team', CAP, 150]]);
  });
});
