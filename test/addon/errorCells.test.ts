/**
 * Error values and formulas in a case tab's answer columns. If Sheets passes an error cell to a
 * custom function as text, it is an answer problem named with its cell; if Sheets does not run the
 * function at all, nothing may go blank unexplained: Data quality (computed by the server from the
 * values it reads) lists every such cell, and New inspection warns about them.
 */
import { columnLetters } from '../../runtime';
import type { Overview } from '../../src/addon/sidebarApi';
import { newWorkbook } from './support';

jest.setTimeout(60_000);

const CASES = 'Case supervision';

function workbookWithBadCells() {
  const rt = newWorkbook();
  const header = rt.sheetValues(CASES)[0].map(String);
  const column = (id: string) => columnLetters(header.findIndex((cell) => cell.startsWith(`${id} `)) + 1);
  rt.setCellValues(CASES, 'A2', [['C1'], ['C2'], ['C3']]);
  rt.setCellValues(CASES, `${column('2.1.1')}2`, [['=NA()'], ['Yes'], ['No']]);
  rt.setCellValues(CASES, `${column('2.1.2')}2`, [['Yes'], ['=IF(TRUE, "Yes", "No")'], ['No']]);
  return { rt, errorCell: `${column('2.1.1')}2`, formulaCell: `${column('2.1.2')}3` };
}

describe('error and formula cells in answer columns', () => {
  it('an error cell that reaches a custom function as text is an answer problem naming its cell', () => {
    const { rt, errorCell } = workbookWithBadCells();
    rt.call('runGenerateSummaries');
    const row = rt.sheetValues('Key questions').find((cells) => cells[1] === '2.1.1')!;
    expect(String(row[5])).toMatch(/^Error: .*"#N\/A" is not an answer/);
    expect(String(row[5])).toContain(`Row ${errorCell.replace(/\D/g, '')}`);
  });

  it('Data quality and the sidebar list both cells; New inspection warns about them', () => {
    const { rt, errorCell, formulaCell } = workbookWithBadCells();
    rt.call('runGenerateSummaries');
    const listed = rt.sheetValues('Data quality').slice(2).map((cells) => [cells[0], cells[1]]);
    expect(listed).toEqual(expect.arrayContaining([[CASES, errorCell], [CASES, formulaCell]]));
    const formulaLine = rt.sheetValues('Data quality').find((cells) => cells[1] === formulaCell)!;
    expect(String(formulaLine[4])).toContain('holds the formula =IF(TRUE, "Yes", "No"), not a typed answer');
    const problems = rt.runFromSidebar<Overview>('getOverview').problems.map((problem) => problem.cell);
    expect(problems).toEqual(expect.arrayContaining([errorCell, formulaCell]));
    const lines = rt.runFromSidebar<{ lines: string[] }>('runNewInspection').lines;
    expect(lines.filter((line) => line.startsWith(`${CASES}: 2 answer cells hold an error value or a formula (${errorCell}, ${formulaCell})`))).toHaveLength(1);
  });

  it('New inspection says nothing about a tab without them', () => {
    const rt = newWorkbook();
    expect(rt.runFromSidebar<{ lines: string[] }>('runNewInspection').lines.filter((line) => line.includes('error value or a formula'))).toEqual([]);
  });
});
