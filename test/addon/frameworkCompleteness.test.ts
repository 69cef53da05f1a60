import { SAFEGUARDING_AUDIT, typedInSheets } from '../../examples/frameworks/safeguarding-audit';
import { buildSpreadsheet, loadAddon } from '../../runtime';
import { rowsByLabel, typeCases, wholeTab } from './support';

/** docs/method.md R13 end to end: the README's worked example, its case tab laid out by New inspection. */
const AUDIT = typedInSheets(SAFEGUARDING_AUDIT);
const answers = (yes: number, of: number) => Array.from({ length: of }, (_, index) => (index < yes ? 'Yes' : 'No'));

interface Problem { tab: string; cell: string; kind: string; message: string }

describe('acceptance › R13: a Framework-tab framework is held to the same completeness as a built-in one', () => {
  const rt = loadAddon({ spreadsheet: buildSpreadsheet({ name: 'Safeguarding audit', sheets: { Framework: AUDIT }, maxRows: 60 }) });
  rt.install();
  rt.call('runNewInspection', 'framework-tab');
  // 2.1.1 at 90% and 2.1.2 at 70% of 20 cases: 2.1 is Requires improvement at 60/75/90.
  const rows = answers(18, 20).map((kq211, index) => [`A${index + 1}`, kq211, answers(14, 20)[index], 'Yes', 'N/A', 'Yes', 'Yes']);
  typeCases(rt, 'Audit cases', [['Case ID', '2.1.1', '2.1.2', '2.2.1', '2.2.2', '2.3.1', '2.3.2'], ...rows]);
  const header = () => rt.sheetValues('Audit cases')[0].map(String);
  const problems = () => rt.call<{ problems: Problem[] }>('getOverview').problems;

  it('rates 2.1 Requires improvement with every column there, and lists no column problem', () => {
    expect(rowsByLabel(rt, 'Ratings').get('2.1')?.[2]).toBe('Requires improvement');
    expect(problems().filter((problem) => /Column$/.test(problem.kind))).toEqual([]);
  });

  it('with 2.1.2 deleted, 2.1 is an error naming 2.1.2 (never Outstanding from 2.1.1 alone), listed in the sidebar and on Data quality', () => {
    const column = header().findIndex((cell) => cell.startsWith('2.1.2 ')) + 1;
    rt.spreadsheet.getSheetByName('Audit cases')!.deleteColumns(column, 1);
    rt.setCellValues('Ratings', 'H1', [[`=RATE_STANDARD(${wholeTab(rt, 'Audit cases')}, "2.1")`]]);
    expect(rt.cellError('Ratings', 'H1')?.message).toMatch(/no column for "?2\.1\.2/);
    expect(rowsByLabel(rt, 'Ratings').get('2.1')?.[2]).not.toBe('Outstanding');
    const listed = problems().filter((problem) => problem.kind === 'missingColumn');
    expect(listed.map((problem) => problem.tab)).toEqual(['Audit cases']);
    expect(listed[0].message).toBe('Audit cases: there is no column for key question 2.1.2 ("Does it analyse risks to the child?"), so standard 2.1 cannot be rated. Run New inspection to add the column back at the end; no case data is changed.');
    rt.call('runGenerateSummaries');
    expect(rt.sheetValues('Data quality').map((row) => String(row[4])).some((message) => /no column for key question 2\.1\.2/.test(message))).toBe(true);
  });

  it('a key-question column the framework does not have is flagged, not counted', () => {
    const width = header().filter((cell) => cell !== '').length;
    rt.setCellValues('Audit cases', `${String.fromCharCode(64 + width + 1)}1`, [['2.1.3 An extra question']]);
    const flagged = problems().filter((problem) => problem.kind === 'unknownColumn');
    expect(flagged.map((problem) => problem.message)).toEqual(['Column "2.1.3 An extra question": Safeguarding case audit 2025 has no key question 2.1.3, so its answers are not counted. Check the id (a mistyped one?), or remove the column.']);
  });
});

describe('acceptance › a Framework tab New inspection cannot lay out is refused before anything changes', () => {
  const open = (rows: string[][], tabName = 'Framework') => {
    const rt = loadAddon({ spreadsheet: buildSpreadsheet({ name: 'Audit', sheets: { [tabName]: rows }, maxRows: 40 }) });
    rt.install();
    return rt;
  };
  const set = (name: string, value: string) => AUDIT.map((row) => (row[0] === name ? [name, value] : row));

  it.each<[string, string[][], RegExp]>([
    ['a built-in id', set('Id', 'crc-2018'), /B1: the id "crc-2018" is a built-in framework's; choose another id/],
    ["a case tab named like the add-on's Ratings tab", AUDIT.map((row) => row.map((cell, at) => (at === 3 && cell === 'Audit cases' ? 'Ratings' : cell))), /the case tab "Ratings" would take the name of the add-on's Ratings tab/],
  ])('%s', (_, rows, message) => {
    const rt = open(rows);
    const before = rt.workbook.sheetNames();
    expect(() => rt.call('runNewInspection', 'framework-tab')).toThrow(message);
    expect(rt.workbook.sheetNames()).toEqual(before);
    expect(rt.call<{ problems: Problem[] }>('getOverview').problems[0].message).toMatch(message);
  });

  it('a tab named "framework" in lower case is read the same way', () => {
    const rt = open(AUDIT, 'framework');
    const overview = rt.call<{ frameworkChoices: Array<{ id: string; name: string }> }>('getOverview');
    expect(overview.frameworkChoices.map((choice) => choice.name)).toContain('The Framework tab: Safeguarding case audit 2025');
    rt.call('runNewInspection', 'framework-tab');
    expect(rt.workbook.sheetNames()).toContain('Audit cases');
  });
});

describe('acceptance › a user tab whose name differs only in capitals from one New inspection adds', () => {
  it('is refused before anything changes, naming both', () => {
    const rt = loadAddon({ spreadsheet: buildSpreadsheet({ name: 'Audit', sheets: { Framework: AUDIT, 'audit CASES': [['my notes']] }, maxRows: 40 }) });
    rt.install();
    const before = rt.workbook.sheetNames();
    expect(() => rt.call('runNewInspection', 'framework-tab')).toThrow('This workbook has the tab "audit CASES" (New inspection adds "Audit cases"); Sheets takes tab names without regard to capitals. Rename your tab, then run New inspection again; nothing was changed.');
    expect(rt.workbook.sheetNames()).toEqual(before);
    expect(rt.sheetValues('audit CASES')).toEqual([['my notes']]);
  });
});
