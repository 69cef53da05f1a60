/**
 * docs/design.md "Runs per edit": in Sheets each custom-function cell is its own Apps Script
 * execution, and one that reads another's result waits for it. One answer typed on a case tab, with
 * every summary live and Sub-samples on, starts at least one and at most 2 executions (the case
 * tab's RATINGS_TABLE and PROMPTS_TABLE), none reading another's result (chain depth 1), at 100 and
 * 1,000 cases; every figure of the Ratings, Panel and Key questions tabs is still the published one.
 */
import figures from '../../examples/thames-valley-2019/figures.json';
import { publishedCases } from '../../examples/thames-valley-2019/published';
import { AddonRuntime, columnLetters } from '../../runtime';
import { newWorkbook, rowsByLabel, typeCases, typeJudgements } from './support';

jest.setTimeout(180_000);

const CASES = 'Case supervision';

/** The example inspection with its case-supervision sample typed `copies` times over (the same percentages). */
function inspection(copies: number): AddonRuntime {
  const rt = newWorkbook();
  const [header, ...cases] = publishedCases(CASES, 'current');
  const rows = Array.from({ length: copies }, (_, copy) => cases.map((row) => [`${String(row[0])}-${copy + 1}`, ...row.slice(1)])).flat();
  const sheet = rt.spreadsheet.getSheetByName(CASES)!;
  if (sheet.getMaxRows() <= rows.length) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length + 1 - sheet.getMaxRows());
  typeCases(rt, CASES, [header, ...rows]);
  typeCases(rt, 'Unpaid work', publishedCases('Unpaid work', 'current'));
  typeCases(rt, 'Through the Gate', publishedCases('Through the Gate', 'current'));
  typeJudgements(rt);
  const sheetHeader = rt.sheetValues(CASES)[0].map(String);
  const gender = columnLetters(sheetHeader.indexOf('Gender') + 1);
  rt.setCellValues(CASES, `${gender}2`, rows.map((_, index) => [['Male', 'Female', 'Non-binary'][index % 3]]));
  rt.call('runGenerateSummaries', { subSampleHeader: 'Gender' });
  return rt;
}

/** The published figures (docs/method.md's golden data): every key question, both panel moves, 17/30 Good. */
function expectPublishedFigures(rt: AddonRuntime): void {
  const keyQuestions = new Map(rt.sheetValues('Key questions').filter((row) => /^\d+\.\d+\.\d+$/.test(String(row[1]))).map((row) => [String(row[1]), row]));
  for (const [id, published] of Object.entries(figures.keyQuestions)) {
    expect([id, Math.round(Number(keyQuestions.get(id)?.[5]) * 100)]).toEqual([id, published.current]);
  }
  const ratings = rowsByLabel(rt, 'Ratings');
  expect(ratings.get('2.2')?.slice(2, 6)).toEqual(['Good', 2, 'Requires improvement', 'Panel: Requires improvement → Good']);
  expect(ratings.get('4.2')?.slice(2, 6)).toEqual(['Outstanding', 3, 'Good', 'Panel: Good → Outstanding']);
  expect(ratings.get('Overall score')?.[2]).toBe(17);
  expect(ratings.get('Overall rating')?.[2]).toBe('Good');
  const panel = rowsByLabel(rt, 'Panel');
  expect([panel.get('2.2')?.[2], panel.get('4.2')?.[2], panel.get('2.3')?.[2]]).toEqual(['Requires improvement', 'Good', 'Inadequate']);
}

describe.each([1, 10])('one answer typed, %i× the published case-supervision sample', (copies) => {
  const rt = inspection(copies);

  it('starts at least one and at most 2 custom-function executions, none reading another one\'s result', () => {
    expectPublishedFigures(rt);
    const header = rt.sheetValues(CASES)[0].map(String);
    const column = columnLetters(header.findIndex((cell) => cell.startsWith('2.1.1 ')) + 1);
    const row = rt.sheetValues(CASES).findIndex((cells, index) => index > 0 && cells[header.findIndex((cell) => cell.startsWith('2.1.1 '))] === 'Yes') + 1;
    const engine = rt.workbook.engine;
    engine.executions.length = 0;
    rt.setCellValues(CASES, `${column}${row}`, [['No']]);
    const names = engine.executions.map((execution) => execution.name).sort();
    expect(names).toEqual(['PROMPTS_TABLE', 'RATINGS_TABLE']);
    expect(engine.chainDepth(engine.executions)).toBe(1);
    // The edit reached the figures: 2.1.1 lost one Yes (65 of 100 per copy).
    const after = rt.sheetValues('Key questions').find((cells) => cells[1] === '2.1.1')!;
    expect(after.slice(3, 5)).toEqual([65 * copies - 1, 100 * copies]);
    rt.setCellValues(CASES, `${column}${row}`, [['Yes']]);
    expectPublishedFigures(rt);
  });
});
