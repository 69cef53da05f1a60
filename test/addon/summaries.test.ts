import { RATINGS_HEADER } from '../../src/core/workbook';
import figures from '../../examples/thames-valley-2019/figures.json';
import { buildSpreadsheet, loadAddon } from '../../runtime';
import { newWorkbook, rowsByLabel, typeCases, typeJudgements, typePublishedCases } from './support';

const SUMMARY_TABS = ['Ratings', 'Key questions', 'Prompts', 'Sub-samples', 'Data quality'];

/** Each key question's row of a spilled RATINGS_TABLE, by key-question id (column B). */
function keyQuestionRows(values: unknown[][]): Map<string, unknown[]> {
  return new Map(values.filter((row) => /^\d+\.\d+\.\d+$/.test(String(row[1]))).map((row) => [String(row[1]), row]));
}

describe('addon › Generate summaries', () => {
  const rt = newWorkbook();
  typePublishedCases(rt);
  typeJudgements(rt);
  const sentenceColumn = letter(rt.sheetValues('Case supervision')[0].indexOf('Sentence type') + 1);
  rt.setCellValues('Case supervision', `${sentenceColumn}2`, Array.from({ length: 100 }, (_, index) => [index < 62 ? 'Community' : 'Licence']));
  const report = rt.call('runGenerateSummaries') as { lines: string[] };

  it('creates every summary tab and says so', () => {
    expect(rt.workbook.sheetNames()).toEqual(expect.arrayContaining(SUMMARY_TABS));
    expect(report.lines).toEqual(['Ratings: refreshed.', 'Key questions: created.', 'Prompts: created.', 'Sub-samples: created.', 'Data quality: created.']);
  });

  it('shows every key question at its published percentage and band, with the standard ratings', () => {
    const rows = keyQuestionRows(rt.sheetValues('Key questions'));
    for (const [id, published] of Object.entries(figures.keyQuestions)) {
      const row = rows.get(id);
      expect([id, Math.round(Number(row?.[5]) * 100)]).toEqual([id, published.current]);
    }
    expect(rows.get('2.2.3')?.slice(3, 8)).toEqual([48, 79, 48 / 79, 'Requires improvement', 'Requires improvement']);
    expect(rows.get('4.1.3')?.[6]).toBe('Qualitative');
    expect(rowsByLabel(rt, 'Ratings').get('Overall score')?.[2]).toBe(17);
    expect(rowsByLabel(rt, 'Ratings').get('Overall rating')?.[2]).toBe('Good');
  });

  it('calls the pre-panel rating "Indicative rating" on Key questions and Sub-samples, as the Ratings tab does', () => {
    for (const tab of ['Key questions', 'Sub-samples']) {
      const cells = rt.sheetValues(tab).flat().map(String);
      expect([tab, cells.includes('Indicative rating'), cells.includes('Standard rating')]).toEqual([tab, true, false]);
    }
    expect(rt.sheetValues('Ratings')[0]).toContain('Indicative rating');
  });

  it('looks up previous and all-provider figures on the Comparison tab and tests each change (R10)', () => {
    const comparison = rt.sheetValues('Comparison');
    const rowOf = (id: string) => comparison.findIndex((row) => row[0] === id) + 1;
    rt.setCellValues('Comparison', `C${rowOf('2.2.3')}`, [[0.57, 72, 0.46, 5000]]);
    rt.setCellValues('Comparison', `C${rowOf('2.3.3')}`, [[0.34, 70, 0.41, 5000]]);
    const rows = keyQuestionRows(rt.sheetValues('Key questions'));
    // 2.2.3: 61% (79) against 57% (72): z ≈ 0.5, not significant; against 46% of 5,000: significant.
    expect(rows.get('2.2.3')?.slice(8, 14)).toEqual([0.57, 72, false, 0.46, 5000, true]);
    // 2.3.3: 47% (79) against 34% (70): z ≈ 1.6 < 1.645, not significant.
    expect(rows.get('2.3.3')?.slice(8, 11)).toEqual([0.34, 70, false]);
    // R10's default level, 0.1, with no alpha in the tab's CHANGE_SIGNIFICANT: 2.1.1 at 65 of 100 against
    // 76% of 100: pooled 0.705, z = −0.11 / √(0.705 × 0.295 × 0.02) = −1.706, between 1.645 and 1.960.
    rt.setCellValues('Comparison', `C${rowOf('2.1.1')}`, [[0.76, 100]]);
    expect(keyQuestionRows(rt.sheetValues('Key questions')).get('2.1.1')?.slice(8, 11)).toEqual([0.76, 100, true]);
    rt.setCellValues('Comparison', `C${rowOf('2.1.1')}`, [['', '']]);
    expect(rows.get('2.1.2')?.slice(8, 11)).toEqual(['', '', '']);
  });

  it('refuses a Comparison percentage outside 0–1 (74 typed for 74%), naming its cell, never showing 7400% (R10)', () => {
    const comparison = rt.sheetValues('Comparison');
    const row = comparison.findIndex((cells) => cells[0] === '2.1.1') + 1;
    rt.setCellValues('Comparison', `C${row}`, [[74, 80, -0.5, 5000]]);
    const cells = keyQuestionRows(rt.sheetValues('Key questions')).get('2.1.1');
    expect(cells?.[8]).toBe(`Error: Comparison tab cell C${row} holds 74, not a percentage from 0% to 100% (74% is 0.74): type it with its % sign.`);
    expect(cells?.[11]).toBe(`Error: Comparison tab cell E${row} holds -0.5, not a percentage from 0% to 100% (74% is 0.74): type it with its % sign.`);
    // The significance tests do not take the refused figures as percentages either.
    expect(String(cells?.[10])).toMatch(/^Error: /);
    expect(String(cells?.[13])).toMatch(/^Error: /);
    rt.setCellValues('Comparison', `C${row}`, [['', '', '', '']]);
  });

  it('splits key questions by sentence type on the Sub-samples tab, adding up to the whole sample', () => {
    const values = rt.sheetValues('Sub-samples');
    const titleRow = (value: string) => values.findIndex((row) => row[0] === `Case supervision — Sentence type: ${value}`);
    const [community, licence] = [titleRow('Community'), titleRow('Licence')];
    expect([values[community][1], values[licence][1]]).toEqual([62, 38]);
    const block = (title: number) => keyQuestionRows(values.slice(title + 1, title + 15));
    const whole = keyQuestionRows(rt.sheetValues('Key questions'));
    for (const id of ['2.1.1', '2.2.3', '2.4.3']) {
      const split = [block(community).get(id), block(licence).get(id)];
      expect(Number(split[0]?.[3]) + Number(split[1]?.[3])).toBe(whole.get(id)?.[3]);
      expect(Number(split[0]?.[4]) + Number(split[1]?.[4])).toBe(whole.get(id)?.[4]);
    }
  });

  it('draws the key questions against the band thresholds', () => {
    const sheet = rt.workbook.sheet('Key questions');
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0].type).toMatch(/COMBO/i);
    // Key-question ids (B), percentages (F) and the three boundary columns (O:Q) it reads.
    const columns = sheet.charts[0].ranges.map((range) => [range.area.column, range.area.numColumns]);
    expect(columns).toEqual([[2, 1], [6, 1], [15, 3]]);
    const boundaries = rt.sheetValues('Key questions').filter((row) => /^\d+\.\d+\.\d+$/.test(String(row[1]))).map((row) => row.slice(14, 17));
    expect(new Set(boundaries.map(String))).toEqual(new Set(['0.5,0.65,0.8']));
  });

  it("shows each key question's 80% interval and marks a half-width over 5 points (docs/programme.md)", () => {
    const z = 1.2815515655446004;
    const wilson = (yes: number, n: number) => {
      const p = yes / n;
      const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
      const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
      return [centre - half, centre + half];
    };
    const values = rt.sheetValues('Key questions');
    const header = values.find((row) => row[0] === 'Standard')!;
    const at = header.indexOf('Interval from (80%)');
    expect(header.slice(at - 1, at + 3)).toEqual(['Interval n', 'Interval from (80%)', 'Interval to (80%)', 'Precision']);
    const rows = keyQuestionRows(values);
    // 2.2.3: 48 of 79 is 54%–68%, ± 7 points; 4.2.1: 13 of 14 is much wider; 4.1.3 is qualitative: blank.
    const row223 = rows.get('2.2.3')!;
    row223.slice(at, at + 2).forEach((value, index) => expect(Math.abs(Number(value) - wilson(48, 79)[index])).toBeLessThan(1e-9));
    expect(row223[at + 2]).toBe('small sub-sample: ± 7 points');
    // 4.2.1, 13 of 14: p = 0.9286, centre (0.9286 + 1.6424/28)/(1 + 1.6424/14) = 0.8836, half-width
    // 1.2816·√(0.9286·0.0714/14 + 1.6424/784)/1.1173 = 0.0948: ± 9 points.
    expect(rows.get('4.2.1')![at + 2]).toBe('small sub-sample: ± 9 points');
    expect(rows.get('4.1.3')!.slice(at - 1, at + 3)).toEqual(['', '', '', '']);
    // Every figure: marked exactly where its half-width, worked out here from its Yes and applicable, exceeds 5 points.
    for (const [id, row] of rows) {
      if (typeof row[at] !== 'number') continue;
      const [lower, upper] = wilson(Number(row[3]), Number(row[4]));
      const half = (upper - lower) * 50;
      expect([id, row[at + 2]]).toEqual([id, half > 5 ? `small sub-sample: ± ${Math.round(half)} points` : '']);
    }
    // Sub-samples: the 38 licence cases' intervals are wider than the whole sample's.
    const subSamples = rt.sheetValues('Sub-samples');
    const licence = subSamples.findIndex((row) => row[0] === 'Case supervision — Sentence type: Licence');
    const licenceRow = keyQuestionRows(subSamples.slice(licence + 1, licence + 15)).get('2.1.1')!;
    const subAt = subSamples[licence + 1].indexOf('Interval from (80%)');
    expect(subAt).toBe(9);
    const [yes, n] = [Number(licenceRow[3]), Number(licenceRow[4])];
    licenceRow.slice(subAt, subAt + 2).forEach((value, index) => expect(Math.abs(Number(value) - wilson(yes, n)[index])).toBeLessThan(1e-9));
    // Cases 63 to 100 are Licence: 38, every one applicable to 2.1.1.
    expect(n).toBe(38);
    const [licenceLower, licenceUpper] = wilson(yes, n);
    expect(licenceRow[subAt + 2]).toBe(`small sub-sample: ± ${Math.round((licenceUpper - licenceLower) * 50)} points`);
    expect((licenceUpper - licenceLower) * 50).toBeGreaterThan(5);
  });

  it('recomputes the summaries when a case answer changes', () => {
    const sheet = rt.sheetValues('Case supervision');
    const column = sheet[0].findIndex((cell) => String(cell).startsWith('2.1.1 '));
    const row = sheet.findIndex((cells, index) => index > 0 && cells[column] === 'Yes');
    rt.setCellValues('Case supervision', `${letter(column + 1)}${row + 1}`, [['No']]);
    expect(keyQuestionRows(rt.sheetValues('Key questions')).get('2.1.1')?.slice(3, 8)).toEqual([64, 100, 0.64, 'Requires improvement', 'Requires improvement']);
    rt.setCellValues('Case supervision', `${letter(column + 1)}${row + 1}`, [['Yes']]);
    expect(keyQuestionRows(rt.sheetValues('Key questions')).get('2.1.1')?.[6]).toBe('Good');
  });

  it('regenerates in place: same tabs, no duplicates, nothing in a case tab written', () => {
    const names = rt.workbook.sheetNames();
    const caseTab = rt.sheetValues('Case supervision');
    rt.counter.reset();
    const again = rt.call('runGenerateSummaries') as { lines: string[] };
    expect(rt.workbook.sheetNames()).toEqual(names);
    expect(again.lines).toContain('Key questions: refreshed.');
    expect(rt.sheetValues('Case supervision')).toEqual(caseTab);
    expect(rt.counter.count('Spreadsheet.insertSheet')).toBe(0);
  });
});

describe('addon › Generate summaries before any case is entered', () => {
  it('leaves the intervals blank, not errors (R12)', () => {
    const rt = newWorkbook();
    rt.call('runGenerateSummaries');
    const values = rt.sheetValues('Key questions');
    const at = values.find((row) => row[0] === 'Standard')!.indexOf('Interval from (80%)');
    const rows = keyQuestionRows(values);
    expect(rows.size).toBeGreaterThan(0);
    for (const row of rows.values()) expect(row.slice(at - 1, at + 3)).toEqual(['', '', '', '']);
  });
});

describe('addon › Generate summaries is safe with many editors', () => {
  it('takes back a Ratings tab laid out as its own whose mark an .xlsx trip lost, and rewrites it', () => {
    const header = RATINGS_HEADER;
    const rt = loadAddon({ spreadsheet: buildSpreadsheet({ sheets: { Ratings: [header, ['2.1', 'Assessment', 'stale']] } }) });
    const setup = rt.call('runNewInspection') as { lines: string[] };
    expect(setup.lines).toContain('Ratings: recognised as an inspection tab; refreshed.');
    expect(rt.sheetValues('Ratings').map((row) => row[0])).toContain('Overall rating');
    expect((rt.call('runGenerateSummaries') as { lines: string[] }).lines[0]).toBe('Ratings: refreshed.');
  });

  it("leaves a user's own tab named Ratings untouched", () => {
    const rt = loadAddon({ spreadsheet: buildSpreadsheet({ sheets: { Ratings: [['My own ratings'], ['2.1', 'Good']] } }) });
    rt.call('runNewInspection');
    const report = rt.call('runGenerateSummaries') as { lines: string[] };
    expect(rt.sheetValues('Ratings').slice(0, 2).map((row) => row.slice(0, 2))).toEqual([['My own ratings', ''], [2.1, 'Good']]);
    expect(report.lines[0]).toMatch(/^Ratings: a tab with this name already exists and was not made by Inspection Ratings/);
    expect(rt.workbook.sheetNames().filter((name) => name.startsWith('Ratings'))).toEqual(['Ratings']);
  });

  it('refuses a second generation while one holds the document lock, creating nothing', () => {
    const rt = newWorkbook();
    rt.locks.document.holdAsAnotherUser();
    expect(() => rt.call('runGenerateSummaries')).toThrow('Inspection Ratings is already updating this spreadsheet for someone else. Try again in a minute.');
    expect(rt.workbook.sheetNames()).not.toContain('Key questions');
    rt.locks.document.release();
    rt.call('runGenerateSummaries');
    expect(rt.workbook.sheetNames().filter((name) => name === 'Key questions')).toHaveLength(1);
  });

  it('writes sheet text that looks like a formula as text', () => {
    const rt = newWorkbook();
    const header = ['Case ID', 'Gender', '2.1.1 Engaging'];
    typeCases(rt, 'Case supervision', [header, ["'=1+1", "'+SUM(A1)", 'Yes'], ["'=1+1", "'@x", 'Maybe'], ["'@x", 'Male', 'No']]);
    rt.call('runGenerateSummaries', { subSampleHeader: 'Gender' });
    const quality = rt.sheetValues('Data quality');
    const formulas = rt.sheetFormulas('Data quality').flat().filter((formula) => formula !== '');
    expect(formulas).toEqual([]);
    expect(quality.map((row) => row[3])).toEqual(expect.arrayContaining(['=1+1', 'Maybe']));
    const subSamples = rt.sheetValues('Sub-samples').map((row) => String(row[0]));
    expect(subSamples).toEqual(expect.arrayContaining(['Case supervision — Gender: +SUM(A1)', 'Case supervision — Gender: @x']));
    // Sub-samples are written as values: the typed value never reaches a formula.
    expect(rt.sheetFormulas('Sub-samples').flat().filter((formula) => /SUM\(A1\)/i.test(formula))).toEqual([]);
  });
});

function letter(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

describe('addon › Generate summaries makes a fixed number of service calls', () => {
  it('the same at 100 and at 1,500 cases: one read per case tab, one write per block', () => {
    const counts = [100, 1500].map((cases) => {
      const rt = newWorkbook();
      const sheet = rt.spreadsheet.getSheetByName('Case supervision')!;
      sheet.insertRowsAfter(sheet.getMaxRows(), cases);
      const header = rt.sheetValues('Case supervision')[0];
      const answers = ['Yes', 'No', 'N/A', 'Yes', 'Maybe'];
      typeCases(rt, 'Case supervision', [header, ...Array.from({ length: cases }, (_, row) => header.map((_, column) => (column === 0 ? `C${row}` : column > 6 ? answers[(row + column) % answers.length] : '')))]);
      rt.counter.reset();
      rt.call('runGenerateSummaries');
      return [rt.counter.total, rt.counter.count('Range.getValues')];
    });
    expect(counts[1]).toEqual(counts[0]);
  });
});

describe('addon › a case tab whose header row was deleted', () => {
  it('is named in the error, with what to do', () => {
    const rt = newWorkbook();
    const width = rt.sheetValues('Unpaid work')[0].length;
    rt.setCellValues('Unpaid work', 'A1', [Array(width).fill('')]);
    expect(() => rt.call('runGenerateSummaries')).toThrow(/^Unpaid work: The first row of the cases range is empty.*Run New inspection to restore the header row\.$/);
    rt.call('runNewInspection');
    expect(() => rt.call('runGenerateSummaries')).not.toThrow();
  });
});
