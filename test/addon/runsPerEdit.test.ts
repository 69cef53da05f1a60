/**
 * docs/design.md: each custom-function cell is its own Apps Script run in Sheets (30 at once per
 * user, 30 seconds each). One answer typed on a case tab must re-run at most 4 calls that read the
 * tab, however many sub-sample values there are, each passed at most the tab's grid (and a
 * column of standard ids).
 */
import { columnLetters } from '../../runtime';
import { newWorkbook, typePublishedCases } from './support';

jest.setTimeout(60_000);

const CASES = 'Case supervision';

it('one answer typed re-runs at most 4 calls over its tab, with a Sub-samples split of three values', () => {
  const rt = newWorkbook();
  typePublishedCases(rt);
  const header = rt.sheetValues(CASES)[0].map(String);
  const cases = rt.sheetValues(CASES).length - 1;
  const gender = columnLetters(header.indexOf('Gender') + 1);
  rt.setCellValues(CASES, `${gender}2`, Array.from({ length: cases }, (_, index) => [['Male', 'Female', 'Non-binary'][index % 3]]));
  rt.call('runGenerateSummaries', { subSampleHeader: 'Gender' });
  expect(rt.sheetValues('Sub-samples').filter((row) => String(row[0]).startsWith(`${CASES} — Gender: `))).toHaveLength(3);

  const sheet = rt.spreadsheet.getSheetByName(CASES)!;
  const grid = sheet.getMaxRows() * sheet.getMaxColumns();
  const executions = rt.workbook.engine.executions;
  executions.length = 0;
  rt.setCellValues(CASES, `${columnLetters(header.findIndex((cell) => cell.startsWith('2.1.1 ')) + 1)}3`, [['No']]);
  const overTab = executions.filter((execution) => execution.tabs.includes(CASES));
  expect(overTab.length).toBeLessThanOrEqual(4);
  // Each call gets the tab's grid once, and at most a column of standard ids and judgements beside it.
  for (const execution of overTab) expect(execution.cells).toBeLessThanOrEqual(grid + 2 * 10);
});
