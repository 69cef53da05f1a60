/**
 * docs/frameworks.md, the example: a Framework tab edited after New inspection (bands
 * changed, a key question added) and the case tab's header edited by hand. Until New inspection
 * runs again the Ratings tab's formulas (which follow the header) and the sidebar and report (which
 * follow the Framework tab) would disagree, so the difference is a listed problem; New inspection
 * rewrites the header, leaves every case answer as it was, and then every place gives one answer.
 */
import { SAFEGUARDING_AUDIT, typedInSheets } from '../../examples/frameworks/safeguarding-audit';
import { buildSpreadsheet, loadAddon } from '../../runtime';
import { rowsByLabel, typeCases } from './support';

interface Problem { tab: string; cell: string; message: string; kind: string }
interface Overview { problems: Problem[]; panel: Array<{ standardId: string; indicative: string }> }

const answers = (yes: number, of: number) => Array.from({ length: of }, (_, index) => (index < yes ? 'Yes' : 'No'));

describe('acceptance › the Framework tab and a case tab header disagree: listed, then put right by New inspection', () => {
  const rt = loadAddon({ spreadsheet: buildSpreadsheet({ name: 'Safeguarding audit', sheets: { Framework: typedInSheets(SAFEGUARDING_AUDIT) }, maxRows: 60 }) });
  rt.install();
  rt.call('runNewInspection', 'framework-tab');
  // 20 cases; 2.1.1 14 of 20 = 70 %, every other key question 19 of 20 = 95 %. At 60/75/90, 2.1 is
  // Requires improvement (60–74); at 50/65/80 it is Good (65–79).
  const rows = answers(14, 20).map((kq211, index) => [`A${index + 1}`, kq211, ...Array.from({ length: 5 }, () => answers(19, 20)[index])]);
  typeCases(rt, 'Audit cases', [['Case ID', '2.1.1', '2.1.2', '2.2.1', '2.2.2', '2.3.1', '2.3.2'], ...rows]);
  const markerColumn = rt.sheetValues('Audit cases')[0].findIndex((cell) => String(cell).startsWith('Framework:')) + 1;
  const markerCell = `${String.fromCharCode(64 + markerColumn)}1`;

  // The edits: bands 50/65/80 on the Framework tab; the header's key-question list edited by hand (2.1.1 twice).
  const framework = rt.sheetValues('Framework');
  rt.setCellValues('Framework', `B${framework.findIndex((row) => row[0] === 'Band thresholds') + 1}`, [["'50/65/80"]]);
  rt.setCellValues('Audit cases', markerCell, [['Framework: safeguarding-audit; bands 60/75/90; key questions 2.1.1-2, 2.2.1-2, 2.3.1-2, 2.1.1']]);
  const answersBefore = rt.sheetValues('Audit cases').slice(1);

  it('lists the difference first in the sidebar, naming the header cell, the Framework tab and the fix', () => {
    const overview = rt.call<Overview>('getOverview');
    expect(overview.problems[0]).toMatchObject({ tab: 'Audit cases', cell: markerCell, kind: 'framework' });
    expect(overview.problems[0].message).toBe(
      `Audit cases!${markerCell}: the "Framework:" header differs from the Framework tab: its bands are 60/75/90, the Framework tab's 50/65/80; it lists key question 2.1.1 twice. ` +
        "The Ratings tab's formulas follow the header, the sidebar and the report the Framework tab, so they would disagree. " +
        'Run New inspection to write the header from the Framework tab again; no case data is changed.',
    );
  });

  it('lists it on the Data quality tab and in the report model', () => {
    rt.call('runGenerateSummaries');
    const dataQuality = rt.sheetValues('Data quality');
    expect(dataQuality[2].slice(0, 2)).toEqual(['Audit cases', markerCell]);
    expect(String(dataQuality[2][4])).toMatch(/the "Framework:" header differs from the Framework tab: its bands are 60\/75\/90/);
    const report = rt.call<{ problems: Problem[] }>('getReportModel');
    expect(report.problems[0]).toMatchObject({ tab: 'Audit cases', cell: markerCell });
  });

  it('New inspection rewrites the header, changes no answer, and then the Ratings tab and the sidebar agree (2.1 Good at 50/65/80)', () => {
    rt.call('runNewInspection');
    expect(rt.sheetValues('Audit cases')[0][markerColumn - 1]).toBe('Framework: safeguarding-audit; bands 50/65/80; key questions 2.1.1-2, 2.2.1-2, 2.3.1-2');
    // Every cell as it was; a column New inspection adds at the end is blank.
    const after = rt.sheetValues('Audit cases').slice(1);
    expect(after.map((row) => row.slice(0, answersBefore[0].length))).toEqual(answersBefore);
    expect(after.flatMap((row) => row.slice(answersBefore[0].length)).filter((cell) => cell !== '')).toEqual([]);
    const overview = rt.call<Overview>('getOverview');
    expect(overview.problems.filter((problem) => problem.kind === 'framework')).toEqual([]);
    expect(overview.panel.find((row) => row.standardId === '2.1')?.indicative).toBe('Good');
    expect(rowsByLabel(rt, 'Ratings').get('2.1')?.[2]).toBe('Good');
  });
});
