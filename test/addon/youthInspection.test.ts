import { columnLetter } from '../../src/core/a1';
import { YJ_2018 } from '../../src/core/frameworks/youthJustice';
import { caseTabLayouts, leadJudgementStandards } from '../../src/core/workbook';
import { buildSpreadsheet, loadAddon, AddonRuntime } from '../../runtime';
import { rowsByLabel, typeCases, wholeTab } from './support';

const CASES = 20;

/** Every counted key question of every youth case tab answered Yes in `yes` of 20 cases (the rest No). */
function answerAll(rt: AddonRuntime, yes: number): void {
  for (const layout of caseTabLayouts(YJ_2018)) {
    const ids = layout.standards.flatMap((standard) => standard.keyQuestions.filter((keyQuestion) => !keyQuestion.qualitative).map((keyQuestion) => keyQuestion.id));
    const rows = Array.from({ length: CASES }, (_, row) => [`C${row + 1}`, ...ids.map(() => (row < yes ? 'Yes' : 'No'))]);
    typeCases(rt, layout.name, [['Case ID', ...ids], ...rows]);
  }
}

/** The lead inspector's ratings of the five judgement standards (1.1–1.4 and 3.4), by score. */
function judge(rt: AddonRuntime, scores: number[]): void {
  const bands = ['Inadequate', 'Requires improvement', 'Good', 'Outstanding'];
  rt.setCellValues('Domain one', 'D2', scores.map((score) => [bands[score]]));
}

describe('acceptance › a youth justice inspection (yj-2018) end to end in the offline runtime', () => {
  const rt = loadAddon({ spreadsheet: buildSpreadsheet({ name: 'Youth inspection', maxRows: 60 }) });
  rt.install();
  rt.call('runNewInspection', 'yj-2018');

  it('lays out the youth tabs: two case tabs, five judgement standards, 12 counted standards out of 36', () => {
    expect(rt.workbook.sheetNames()).toEqual(expect.arrayContaining(['Court disposals', 'Out-of-court disposals', 'Domain one', 'Panel', 'Ratings']));
    expect(rt.sheetValues('Domain one').slice(1).map((row) => row[0])).toEqual(leadJudgementStandards(YJ_2018).map((standard) => standard.id));
    const ratings = rowsByLabel(rt, 'Ratings');
    expect([...ratings.keys()].filter((label) => /^\d\.\d$/.test(label))).toHaveLength(12);
    expect(ratings.get('Overall score')?.[3]).toBe('out of 36');
  });

  it('is never rated by the CRC framework: its tables carry the youth wording, marked provisional on the headers', () => {
    const youth = YJ_2018.domains[1].standards[0].keyQuestions[0];
    expect(rt.evaluate(`=INDEX(RATINGS_TABLE(${wholeTab(rt, 'Court disposals')}), 2, 3)`)).toBe(youth.text);
    const header = rt.sheetValues('Court disposals')[0].map(String);
    const column = header.indexOf(`${youth.id} ${youth.text}`) + 1;
    expect(rt.workbook.format('Court disposals', `${columnLetter(column)}1`).note).toBe('Provisional wording — not from a published source; correct it on the Framework tab.');
  });

  // R9 for twelve: 0–6 Inadequate, 7–18 Requires improvement, 19–30 Good, 31–36 Outstanding.
  it.each([
    // [case answers Yes of 20 and the band of each of the 7 case standards, judgement scores, total, overall]
    [0, 'Inadequate', [2, 2, 2, 0, 0], 6, 'Inadequate'],
    [0, 'Inadequate', [2, 2, 2, 1, 0], 7, 'Requires improvement'],
    [11, 'Requires improvement', [3, 3, 3, 2, 0], 18, 'Requires improvement'],
    [11, 'Requires improvement', [3, 3, 3, 3, 0], 19, 'Good'],
    [20, 'Outstanding', [3, 3, 3, 0, 0], 30, 'Good'],
    [20, 'Outstanding', [3, 3, 3, 1, 0], 31, 'Outstanding'],
  ])('cases at %i of 20 Yes (%s) and judgements %j: score %i, %s', (yes, band, scores, total, overall) => {
    answerAll(rt, yes as number);
    judge(rt, scores as number[]);
    const ratings = rowsByLabel(rt, 'Ratings');
    for (const id of ['2.1', '2.4', '3.1', '3.3']) expect(ratings.get(id)?.[2]).toBe(band);
    expect(ratings.get('Overall score')?.[2]).toBe(total);
    expect(ratings.get('Overall rating')?.[2]).toBe(overall);
    expect(ratings.get('Overall rating')?.[3]).toBe('');
  });

  it('yj-2021: resettlement (4.1) is rated after the twelve counted standards, with no score and outside the overall (R9, R12)', () => {
    const youth2021 = loadAddon({ spreadsheet: buildSpreadsheet({ name: 'Youth inspection 2021', maxRows: 30 }) });
    youth2021.install();
    youth2021.call('runNewInspection', 'yj-2021');
    const rows = youth2021.sheetValues('Ratings');
    const labels = rows.map((row) => String(row[0]));
    expect(labels.slice(1, 14)).toEqual(['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '3.3', '3.4', '4.1']);
    expect(rows[13][2]).toBe('Not rated');
    const formulas = youth2021.sheetFormulas('Ratings');
    const overall = labels.indexOf('Overall rating');
    // Native formulas over the twelve counted standards' scores (D2:D13), no custom function (docs/design.md).
    expect(formulas[overall][2]).toContain('COUNT(D2:D13)');
    expect(formulas[overall][2]).not.toMatch(/OVERALL_|STANDARD_SCORE/);
    expect(formulas[13][3]).toContain('C14=');
    expect(rows[overall][2]).toBe('Not rated');
    expect(rows[overall][3]).toBe('provisional: 0 of 12 standards rated');
    expect(rows[labels.indexOf('Overall score')][3]).toBe('out of 36');
  });
});
