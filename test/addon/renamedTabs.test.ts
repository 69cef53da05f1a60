import { newWorkbook, rowsByLabel, typeJudgements, typePublishedCases } from './support';

describe('addon › tabs are found by role, so renaming any of them and running again makes no duplicate', () => {
  it('renames every add-on tab, runs New inspection and Generate summaries again: same tabs, same ratings (17/30 Good)', () => {
    const rt = newWorkbook();
    typePublishedCases(rt);
    typeJudgements(rt);
    rt.call('runGenerateSummaries');
    const before = rt.workbook.sheetNames();
    expect(before).toEqual(expect.arrayContaining(['Case supervision', 'Domain one', 'Panel', 'Comparison', 'Ratings', 'Key questions', 'Prompts', 'Sub-samples', 'Data quality']));
    for (const name of before) rt.spreadsheet.getSheetByName(name)!.setName(`My ${name}`);

    const setUp = rt.call<{ lines: string[] }>('runNewInspection');
    expect(setUp.lines.filter((line) => !/complete, nothing to add|Ratings: refreshed/.test(line))).toEqual([]);
    rt.call('runGenerateSummaries');
    expect(rt.workbook.sheetNames()).toEqual(before.map((name) => `My ${name}`));
    const ratings = rowsByLabel(rt, 'My Ratings');
    expect([ratings.get('Overall score')?.[2], ratings.get('Overall rating')?.[2]]).toEqual([17, 'Good']);
    // The Panel reads the renamed Ratings tab's figures, spilled there by a RATINGS_TABLE over the renamed case tab.
    expect(rt.sheetFormulas('My Panel')[1][2]).toContain("'My Ratings'!$R$");
    expect(rt.sheetFormulas('My Ratings').flat().filter((formula) => formula.startsWith('=RATINGS_TABLE('))[0]).toMatch(/^=RATINGS_TABLE\('My Case supervision'!A:/);
    // The Key questions lookups follow the renamed Comparison tab: a figure typed there shows.
    const comparisonRow = rt.sheetValues('My Comparison').findIndex((row) => row[0] === '2.2.3') + 1;
    rt.setCellValues('My Comparison', `C${comparisonRow}`, [[0.57, 72]]);
    expect(rt.sheetValues('My Key questions').find((row) => row[1] === '2.2.3')?.slice(8, 10)).toEqual([0.57, 72]);
  });
});

describe('addon › a case tab renamed in the sheet, nothing run again: the live formulas follow it, as in Sheets', () => {
  it('renames Case supervision, then an answer typed on the renamed tab changes the Ratings and Panel tabs', () => {
    const rt = newWorkbook();
    typePublishedCases(rt);
    // Published: 2.1's lowest key question is 2.1.1 at 65/100 = 65 %, Good (docs/method.md R5).
    expect(rowsByLabel(rt, 'Ratings').get('2.1')?.[2]).toBe('Good');
    rt.spreadsheet.getSheetByName('Case supervision')!.setName('Cases 2019');
    // The one spilled table per case tab (docs/design.md, Runs per edit) now reads the renamed tab.
    expect(rt.sheetFormulas('Ratings').flat().filter((formula) => /^=RATINGS_TABLE\('Cases 2019'!A:/.test(String(formula)))).toHaveLength(1);
    const header = rt.sheetValues('Cases 2019')[0].map(String);
    const column = header.findIndex((title) => title.startsWith('2.1.1 '));
    const yesRow = rt.sheetValues('Cases 2019').findIndex((row, index) => index > 0 && row[column] === 'Yes');
    rt.spreadsheet.getSheetByName('Cases 2019')!.getRange(yesRow + 1, column + 1).setValue('No');
    // One Yes fewer: 64/100 = 64 %, Requires improvement (50–64).
    expect(rowsByLabel(rt, 'Ratings').get('2.1')?.[2]).toBe('Requires improvement');
    expect(rt.sheetValues('Panel')[1].slice(0, 3)).toEqual(['2.1', 'Assessment', 'Requires improvement']);
  });
});
