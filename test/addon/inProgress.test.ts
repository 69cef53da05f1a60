/**
 * R12 in the workbook: a workbook is being filled in for weeks, so every tab stays readable —
 * no #ERROR! anywhere, standards without data Not rated, the overall score and a provisional
 * rating over the standards rated so far, and each problem shown where it is.
 */
import { buildSpreadsheet, columnLetters, loadAddon } from '../../runtime';
import { publishedCases } from '../../examples/thames-valley-2019/published';
import { newWorkbook, rowsByLabel, typeCases, typeJudgements, typePublishedCases } from './support';

const LIVE_TABS = ['Ratings', 'Panel', 'Key questions', 'Prompts', 'Sub-samples'];

/** Every cell of the tabs a user reads that shows an error: its tab, cell and message. */
function errorCells(rt: ReturnType<typeof newWorkbook>): string[] {
  const found: string[] = [];
  for (const tab of LIVE_TABS) {
    rt.sheetValues(tab).forEach((row, rowIndex) =>
      row.forEach((_, columnIndex) => {
        const error = rt.cellError(tab, `${columnLetters(columnIndex + 1)}${rowIndex + 1}`);
        if (error) found.push(`${tab}!${columnLetters(columnIndex + 1)}${rowIndex + 1}: ${error.message}`);
      }),
    );
  }
  return found;
}

function keyQuestionRow(rt: ReturnType<typeof newWorkbook>, tab: string, id: string): unknown[] | undefined {
  return rt.sheetValues(tab).find((row) => row[1] === id);
}

describe('addon › a workbook being filled in (R12)', () => {
  it('a new workbook, before any case: no error anywhere, every standard Not rated, no score, Not rated overall', () => {
    const rt = newWorkbook();
    rt.call('runGenerateSummaries');
    expect(errorCells(rt)).toEqual([]);
    const ratings = rowsByLabel(rt, 'Ratings');
    for (const id of ['2.1', '2.2', '2.3', '2.4', '4.1', '4.2']) expect([id, ratings.get(id)?.[2], ratings.get(id)?.[3]]).toEqual([id, 'Not rated', '']);
    expect(ratings.get('Overall score')?.slice(2, 4)).toEqual(['', 'out of 30']);
    expect(ratings.get('Overall rating')?.slice(2, 4)).toEqual(['Not rated', 'provisional: 0 of 10 standards rated']);
    expect(rowsByLabel(rt, 'Panel').get('2.1')?.[2]).toBe('Not rated');
  });

  it('with only Case supervision and Domain one filled in: four standards rated from cases, a provisional overall over eight', () => {
    const rt = newWorkbook();
    typeCases(rt, 'Case supervision', publishedCases('Case supervision', 'current'));
    typeJudgements(rt);
    rt.call('runGenerateSummaries');
    expect(errorCells(rt)).toEqual([]);
    const ratings = rowsByLabel(rt, 'Ratings');
    // Published: 2.1 Good, 2.2 Good by the panel, 2.3 and 2.4 Inadequate, domain one all Good.
    expect(['2.1', '2.2', '2.3', '2.4', '4.1', '4.2'].map((id) => ratings.get(id)?.[2])).toEqual(['Good', 'Good', 'Inadequate', 'Inadequate', 'Not rated', 'Not rated']);
    // 4 × Good (domain one) + 2 + 2 + 0 + 0 = 12 over 8 standards: 12 ≤ 12 = 3·8/2, so Requires improvement (R9 with n = 8).
    expect(ratings.get('Overall score')?.slice(2, 4)).toEqual([12, 'out of 30']);
    expect(ratings.get('Overall rating')?.slice(2, 4)).toEqual(['Requires improvement', 'provisional: 8 of 10 standards rated']);
    // The sidebar says the same.
    expect((rt.call('getOverview') as { overall: unknown }).overall).toEqual({
      score: '12/30',
      rating: 'Requires improvement',
      band: 'Requires improvement',
      provisional: 'provisional: 8 of 10 standards rated',
      line: 'Overall: 12/30, Requires improvement (provisional: 8 of 10 standards rated)',
    });
    // The 4.2 panel judgement waits: a panel rating on a Not rated standard is refused with the reason.
    expect(rowsByLabel(rt, 'Panel').get('4.2')?.[2]).toBe('Not rated');
    expect(keyQuestionRow(rt, 'Key questions', '4.2.1')?.slice(3, 8)).toEqual([0, 0, '', '', '']);
  });

  it('the full example stays exact: 17 out of 30, Good, not provisional', () => {
    const rt = newWorkbook();
    typePublishedCases(rt);
    typeJudgements(rt);
    const ratings = rowsByLabel(rt, 'Ratings');
    expect(ratings.get('Overall score')?.slice(2, 4)).toEqual([17, 'out of 30']);
    expect(ratings.get('Overall rating')?.slice(2, 4)).toEqual(['Good', '']);
  });

  describe('one bad cell never hides the rest', () => {
    const rt = newWorkbook();
    typePublishedCases(rt);
    typeJudgements(rt);
    rt.call('runGenerateSummaries');
    const header = rt.sheetValues('Case supervision')[0];
    const column = columnLetters(header.findIndex((cell) => String(cell).startsWith('2.1.1 ')) + 1);

    it('"Maybe" in one answer: that key question shows the problem, every other row is counted', () => {
      rt.setCellValues('Case supervision', `${column}5`, [['Maybe']]);
      expect(errorCells(rt).filter((cell) => cell.startsWith('Key questions') || cell.startsWith('Prompts'))).toEqual([]);
      const row = keyQuestionRow(rt, 'Key questions', '2.1.1');
      expect(row?.[5]).toMatch(new RegExp(`^Error: Row 5, column "2\\.1\\.1 .*": "Maybe" is not an answer`));
      expect(row?.[6]).toBe('');
      expect(Math.round(Number(keyQuestionRow(rt, 'Key questions', '2.1.2')?.[5]) * 100)).toBe(81);
      expect(Math.round(Number(keyQuestionRow(rt, 'Key questions', '2.2.3')?.[5]) * 100)).toBe(61);
      // The standard cannot be rated with the bad cell: its own cell names it; the others are rated.
      expect(rowsByLabel(rt, 'Panel').get('2.1')?.[2]).toMatch(/^Error: Row 5.*"Maybe"/);
      expect(rowsByLabel(rt, 'Ratings').get('2.1')?.[2]).toMatch(/^Error: Row 5.*"Maybe"/);
      expect(rowsByLabel(rt, 'Ratings').get('2.3')?.[2]).toBe('Inadequate');
      rt.setCellValues('Case supervision', `${column}5`, [['Yes']]);
    });

    it('a Comparison figure typed as 79 instead of 79%: only that row says so', () => {
      const comparison = rt.sheetValues('Comparison');
      const rowOf = (id: string) => comparison.findIndex((cells) => cells[0] === id) + 1;
      rt.setCellValues('Comparison', `C${rowOf('2.2.3')}`, [[79, 72]]);
      rt.setCellValues('Comparison', `C${rowOf('2.3.3')}`, [[0.34, 70]]);
      expect(keyQuestionRow(rt, 'Key questions', '2.2.3')?.[8]).toMatch(/^Error: Comparison tab cell C\d+ holds 79, not a percentage from 0% to 100%/);
      expect(keyQuestionRow(rt, 'Key questions', '2.2.3')?.[10]).toMatch(/^Error: p2 holds an error: Comparison tab cell C\d+ holds 79, not a percentage/);
      expect(keyQuestionRow(rt, 'Key questions', '2.3.3')?.[10]).toBe(false);
      expect(keyQuestionRow(rt, 'Key questions', '2.1.1')?.[10]).toBe('');
    });
  });

  it('a Domain one rating typed with a trailing or non-breaking space is read once, the same everywhere', () => {
    const rt = newWorkbook();
    typePublishedCases(rt);
    typeJudgements(rt);
    const domainOne = rt.sheetValues('Domain one');
    rt.setCellValues('Domain one', `D${domainOne.findIndex((row) => row[0] === '1.1') + 1}`, [['Good ']]);
    rt.setCellValues('Domain one', `D${domainOne.findIndex((row) => row[0] === '1.2') + 1}`, [['Requires\u00a0improvement']]);
    const ratings = rowsByLabel(rt, 'Ratings');
    expect(ratings.get('Overall score')?.slice(2, 4)).toEqual([16, 'out of 30']);
    expect(ratings.get('Overall rating')?.slice(2, 4)).toEqual(['Good', '']);
    expect(ratings.get('1.2')?.[3]).toBe(1);
  });
});

/** Writes one metadata column of Case supervision, rows 2 on. */
function setColumn(rt: ReturnType<typeof newWorkbook>, header: string, cells: unknown[]): void {
  const at = rt.sheetValues('Case supervision')[0].indexOf(header) + 1;
  rt.setCellValues('Case supervision', `${columnLetters(at)}2`, cells.map((cell) => [cell]));
}

describe('addon › sub-samples count what the filter counts', () => {
  function subSampleHeadings(rt: ReturnType<typeof newWorkbook>): Map<string, unknown> {
    return new Map(rt.sheetValues('Sub-samples').filter((row) => /^Case supervision — /.test(String(row[0]))).map((row) => [String(row[0]), row[1]]));
  }

  it('a column of checkboxes (TRUE/FALSE): the heading and the table agree', () => {
    const rt = newWorkbook();
    typeCases(rt, 'Case supervision', publishedCases('Case supervision', 'current'));
    setColumn(rt, 'Gender', Array.from({ length: 100 }, (_, index) => index < 12));
    rt.call('runGenerateSummaries', { subSampleHeader: 'Gender' });
    const headings = subSampleHeadings(rt);
    const at = rt.sheetValues('Sub-samples').findIndex((row) => row[0] === 'Case supervision — Gender: true') + 1;
    expect(rt.cellError('Sub-samples', `B${at}`)).toBeUndefined();
    expect(headings.get('Case supervision — Gender: true')).toBe(12);
    expect(headings.get('Case supervision — Gender: false')).toBe(88);
    const values = rt.sheetValues('Sub-samples');
    const first = values.findIndex((row) => row[0] === 'Case supervision — Gender: true');
    const applicable = values.slice(first + 1).find((row) => row[1] === '2.1.1')?.[4];
    expect(applicable).toBe(12);
  });

  it('a column of dates: each heading shows the day as the sheet does, and counts what its table counts', () => {
    const rt = newWorkbook();
    typeCases(rt, 'Case supervision', publishedCases('Case supervision', 'current'));
    const days = [new Date(Date.UTC(2024, 0, 15)), new Date(Date.UTC(2024, 1, 29))];
    setColumn(rt, 'Responsible officer grade', Array.from({ length: 100 }, (_, index) => (index < 4 ? days[0] : index < 10 ? days[1] : '')));
    rt.call('runGenerateSummaries', { subSampleHeader: 'Responsible officer grade' });
    const headings = subSampleHeadings(rt);
    const grade = 'Case supervision — Responsible officer grade: ';
    expect([...headings.entries()]).toEqual([
      [`${grade}2024-01-15`, 4],
      [`${grade}2024-02-29`, 6],
    ]);
    const values = rt.sheetValues('Sub-samples');
    const first = values.findIndex((row) => row[0] === `${grade}2024-01-15`);
    expect(values.slice(first + 1).find((row) => row[1] === '2.1.1')?.[4]).toBe(4);
  });

  it('values that COUNTIF would read as comparisons or patterns are matched whole', () => {
    const rt = newWorkbook();
    typeCases(rt, 'Case supervision', publishedCases('Case supervision', 'current'));
    const groups = ['<18', '<18', 'PO*', 'PO', 'po ', '>5', '18~25?'];
    setColumn(rt, 'Responsible officer grade', Array.from({ length: 100 }, (_, index) => groups[index] ?? ''));
    rt.call('runGenerateSummaries', { subSampleHeader: 'Responsible officer grade' });
    const headings = subSampleHeadings(rt);
    const grade = 'Case supervision — Responsible officer grade: ';
    expect([...headings.keys()]).toEqual(['<18', 'PO*', 'PO', '>5', '18~25?'].map((value) => grade + value));
    expect(['<18', 'PO*', 'PO', '>5', '18~25?'].map((value) => headings.get(grade + value))).toEqual([2, 1, 2, 1, 1]);
    // Each heading's count is the applicable count of its table's first key question (answered by every case).
    const values = rt.sheetValues('Sub-samples');
    const first = values.findIndex((row) => row[0] === `${grade}PO`);
    expect(values.slice(first + 1).find((row) => row[1] === '2.1.1')?.[4]).toBe(2);
  });
});

describe('addon › the add-on finds its tabs by role', () => {
  it('renaming Key questions and generating again refreshes the renamed tab, and makes no second one', () => {
    const rt = newWorkbook();
    typePublishedCases(rt);
    rt.call('runGenerateSummaries');
    rt.workbook.renameSheet(rt.workbook.sheet('Key questions'), 'KQ figures');
    const report = rt.call('runGenerateSummaries') as { lines: string[] };
    expect(rt.workbook.sheetNames().filter((name) => name === 'Key questions' || name === 'KQ figures')).toEqual(['KQ figures']);
    expect(report.lines).toContain('KQ figures: refreshed.');
  });

  it('a deleted key-question column: summaries are still generated, and the row says what is missing', () => {
    const rt = newWorkbook();
    typePublishedCases(rt);
    const header = rt.sheetValues('Case supervision')[0];
    const at = header.findIndex((cell) => String(cell).startsWith('2.2.1 ')) + 1;
    rt.workbook.deleteColumns(rt.workbook.sheet('Case supervision'), at, 1);
    rt.call('runGenerateSummaries');
    expect(keyQuestionRow(rt, 'Key questions', '2.2.1')?.[5]).toMatch(/^Error: The cases range has no column for 2\.2\.1 .*Run New inspection/);
    expect(Math.round(Number(keyQuestionRow(rt, 'Key questions', '2.2.2')?.[5]) * 100)).toBe(74);
  });
});

describe('addon › the panel form', () => {
  const rt = newWorkbook();
  typeCases(rt, 'Case supervision', publishedCases('Case supervision', 'current'));

  it('refuses a judgement on a domain one standard, saying where it belongs', () => {
    expect(() => rt.call('recordPanelJudgement', '1.1', 'Good', 'Strong leadership')).toThrow(/1\.1 Leadership is the lead inspector's judgement.*Domain one tab/);
  });

  it('takes a missing rationale as empty, not a TypeError', () => {
    expect(() => rt.call('recordPanelJudgement', '2.2', 'Good', null)).toThrow(/needs a rationale/);
  });

  it('refuses a judgement on a Not rated standard with the reason', () => {
    expect(() => rt.call('recordPanelJudgement', '4.2', 'Outstanding', 'Strong practice')).toThrow(/4\.2 Through the Gate is Not rated yet.*4\.2\.1/);
  });
});

describe('addon › a case typed in a row or column added later is counted', () => {
  it('rows added at the bottom of a case tab, and a column inserted among the answers, are in every rating', () => {
    const rt = newWorkbook();
    typeCases(rt, 'Case supervision', publishedCases('Case supervision', 'current'));
    rt.call('runGenerateSummaries');
    const sheet = rt.spreadsheet.getSheetByName('Case supervision')!;
    const header = rt.sheetValues('Case supervision')[0];
    const at = (id: string) => header.findIndex((cell) => String(cell).startsWith(`${id} `)) + 1;
    const applicable = () => keyQuestionRow(rt, 'Key questions', '2.1.1')?.[4];
    expect(applicable()).toBe(100);
    // The grid holds 120 case rows; a case in row 150 needs rows added at the bottom, as in Sheets.
    sheet.insertRowsAfter(sheet.getMaxRows(), 40);
    rt.setCellValues('Case supervision', `${columnLetters(at('2.1.1'))}150`, [['Yes']]);
    expect(applicable()).toBe(101);
    expect(rowsByLabel(rt, 'Panel').get('2.1')?.[2]).toBe('Good');
    // A column inserted among the answers moves the ranges' end with it: the answers stay counted.
    sheet.insertColumnsBefore(at('2.1.1'), 1);
    expect(applicable()).toBe(101);
    expect(rowsByLabel(rt, 'Ratings').get('Overall score')?.[2]).toBeGreaterThan(0);
    expect(errorCells(rt)).toEqual([]);
  });
});

describe('runtime › references stay inside the grid, as Sheets requires', () => {
  it('refuses a range past the tab\'s last column, and takes one that ends there', () => {
    const rt = loadAddon({ spreadsheet: buildSpreadsheet({ sheets: { Cases: [['Case ID', '2.1.1 Engaging'], ['a', 'Yes'], ['b', 'No']], Summary: [] } }) });
    const columns = rt.spreadsheet.getSheetByName('Cases')!.getMaxColumns();
    rt.setCellValues('Summary', 'A1', [[`=KQ_SCORE(Cases!A:${columnLetters(columns + 1)}, "2.1.1")`, `=KQ_SCORE(Cases!A:${columnLetters(columns)}, "2.1.1")`]]);
    expect(rt.cellError('Summary', 'A1')?.message).toMatch(/reaches past the grid of 'Cases'/);
    expect(rt.values('Summary', 'B1')).toEqual([[0.5]]);
  });
});
