import { eligiblePopulation, POPULATION_HEADER } from '../../examples/eligible-population';
import { publishedCases } from '../../examples/thames-valley-2019/published';
import { plannedSampleSize } from '../../src/core/statistics';
import { loadBundle } from '../support/bundle';
import { newWorkbook, typePublishedCases } from './support';

const bundle = loadBundle();
const STRATA = POPULATION_HEADER.slice(1);
const ROLE_KEY = 'inspectionRatings.role';

function letter(column: number): string {
  return String.fromCharCode(64 + column);
}

function roleOf(rt: ReturnType<typeof newWorkbook>, tab: string): string | undefined {
  return rt.spreadsheet.getSheetByName(tab)?.getDeveloperMetadata().find((metadata) => metadata.getKey() === ROLE_KEY)?.getValue() ?? undefined;
}

describe('addon › Draw sample (docs/sampling-and-qa.md)', () => {
  const rt = newWorkbook();
  const population = eligiblePopulation(2400);
  rt.workbook.addSheet('Eligible population', undefined, 2401, 4);
  rt.setCellValues('Eligible population', 'A1', population);
  const header = rt.sheetValues('Case supervision')[0].map(String);
  const column = (title: string) => header.indexOf(title);
  // An inspector has already typed two cases: the draw must go below them.
  rt.setCellValues('Case supervision', 'A2', [['X1', 'Jo'], ['X2', 'Sam']]);
  const request = { populationTab: 'Eligible population', strata: STRATA, size: 100, seed: 7 };

  it('offers the population tab with its headers and a size from SAMPLE_SIZE, and the case tabs', () => {
    const setup = rt.runFromSidebar<{ populations: { name: string; headers: string[]; cases: number; suggestedSize: number }[]; caseTabs: string[] }>('getSampleSetup');
    expect(setup.populations).toEqual([{ name: 'Eligible population', headers: POPULATION_HEADER, cases: 2400, suggestedSize: plannedSampleSize(2400) }]);
    expect(setup.caseTabs).toEqual(['Case supervision', 'Unpaid work', 'Through the Gate']);
  });

  it('previews the balance SAMPLE_BALANCE gives for the same draw', () => {
    const preview = rt.runFromSidebar<{ seed: number; balance: { stratum: string; rows: Record<string, unknown>[] }[] }>('previewSampleDraw', request);
    expect(preview.seed).toBe(7);
    const sample = bundle.SAMPLE_CASES(population, 100, STRATA, 7);
    preview.balance.forEach((table, index) => {
      expect(table.stratum).toBe(STRATA[index]);
      const expected = bundle.SAMPLE_BALANCE(population, sample, STRATA[index]).slice(1);
      expect(table.rows.map((row) => [row.value, row.population, row.populationShare, row.sample, row.sampleShare, row.differencePoints])).toEqual(expected);
    });
  });

  it('writes the chosen Case IDs and strata values below the filled rows, and records the seed', () => {
    const report = rt.runFromSidebar<{ lines: string[] }>('runSampleDraw', request, 'Case supervision');
    expect(report.lines[0]).toBe('Case supervision: 100 cases written to rows 4–103.');
    const values = rt.sheetValues('Case supervision');
    expect(values[1].slice(0, 2)).toEqual(['X1', 'Jo']);
    expect(values[2].slice(0, 2)).toEqual(['X2', 'Sam']);
    const sample = bundle.SAMPLE_CASES(population, 100, STRATA, 7).slice(1);
    const written = values.slice(3, 103).map((row) => [row[column('Case ID')], ...STRATA.map((title) => row[column(title)])]);
    expect(written).toEqual(sample);
    expect(values.slice(3, 103).every((row) => row[column('Inspector')] === '')).toBe(true);
    expect(values[103]?.[0] ?? '').toBe('');
    const recorded = JSON.parse(rt.properties.document.get('sampleDraw') as string);
    expect(recorded).toMatchObject({ populationTab: 'Eligible population', strata: STRATA, size: 100, seed: 7, caseTab: 'Case supervision', written: 100 });
  });

  it('never writes a case twice: drawing again with the seed skips the cases already there', () => {
    const report = rt.runFromSidebar<{ lines: string[] }>('runSampleDraw', request, 'Case supervision');
    expect(report.lines[0]).toBe('100 chosen cases were already on Case supervision and left as they were.');
    expect(rt.sheetValues('Case supervision')[103]?.[0] ?? '').toBe('');
  });

  it('names what is wrong', () => {
    expect(() => rt.runFromSidebar('previewSampleDraw', { ...request, size: 2401 })).toThrow('The sample size 2401 is more than the 2400 cases in the population.');
    expect(() => rt.runFromSidebar('previewSampleDraw', { ...request, strata: ['Ethnicity'] })).toThrow(/no column headed "Ethnicity"/);
    // A seed that is not a whole number is refused, never replaced by a fresh one.
    expect(() => rt.runFromSidebar('previewSampleDraw', { ...request, seed: 'abc' })).toThrow('The seed must be a number; got "abc".');
    expect(() => rt.runFromSidebar('previewSampleDraw', { ...request, seed: 2.5 })).toThrow('The seed must be a whole number from 0 to 9007199254740991; got 2.5.');
    expect(() => rt.runFromSidebar('runSampleDraw', request, 'Ratings')).toThrow('There is no case tab named "Ratings"');
  });
});

describe('addon › Quality check and the Agreement tab (docs/sampling-and-qa.md)', () => {
  const rt = newWorkbook();
  typePublishedCases(rt);
  const header = rt.sheetValues('Case supervision')[0].map(String);
  const inspectorColumn = header.indexOf('Inspector') + 1;
  rt.setCellValues('Case supervision', `${letter(inspectorColumn)}2`, Array.from({ length: 100 }, (_, index) => [index % 2 ? 'Inspector B' : 'Inspector A']));
  const keyQuestionHeaders = header.filter((title) => /^\d+\.\d+\.\d+ /.test(title));

  it('creates a QA tab laid out like the case tab, with five cases of each inspector', () => {
    const report = rt.runFromSidebar<{ qaTab: string; seed: number; lines: string[] }>('runQualityCheck', { caseTab: 'Case supervision', perInspector: 5, seed: 3 });
    expect(report.qaTab).toBe('QA Case supervision');
    expect(report.lines[0]).toBe('QA Case supervision: created with 10 cases to re-mark (Inspector A 5, Inspector B 5).');
    expect(roleOf(rt, 'QA Case supervision')).toBe('qa');
    const qa = rt.sheetValues('QA Case supervision');
    expect(qa[0]).toEqual(['Case ID', 'Inspector', ...keyQuestionHeaders]);
    expect(qa.slice(1).filter((row) => row[0] !== '')).toHaveLength(10);
    const validation = rt.spreadsheet.getSheetByName('QA Case supervision')!.getRange(2, 3).getDataValidation();
    expect(validation?.getCriteriaValues()[0]).toEqual(['Yes', 'No', 'N/A']);
    const cases = new Map(rt.sheetValues('Case supervision').map((row) => [row[0], row[inspectorColumn - 1]]));
    for (const row of qa.slice(1, 11)) expect(cases.get(row[0])).toBe(row[1]);
  });

  it('extends the QA tab only up to the number asked for, never twice the same case', () => {
    const again = rt.runFromSidebar<{ lines: string[] }>('runQualityCheck', { caseTab: 'Case supervision', perInspector: 5, seed: 4 });
    expect(again.lines[0]).toMatch(/^QA Case supervision: every inspector already has 5 cases/);
    const more = rt.runFromSidebar<{ lines: string[] }>('runQualityCheck', { caseTab: 'Case supervision', perInspector: 6, seed: 4 });
    expect(more.lines[0]).toBe('QA Case supervision: extended with 2 cases to re-mark (Inspector A 1, Inspector B 1).');
    const ids = rt.sheetValues('QA Case supervision').slice(1).map((row) => row[0]).filter((id) => id !== '');
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
  });

  it('compares the re-marking on the Agreement tab: per key question, per inspector, and each disagreement linked', () => {
    const cases = publishedCases('Case supervision', 'current');
    const byId = new Map(cases.slice(1).map((row) => [row[0], row]));
    const caseColumn = (id: string) => cases[0].findIndex((title) => String(title).startsWith(`${id} `));
    const qa = rt.sheetValues('QA Case supervision');
    const qaRows = qa.slice(1, 11);
    // Re-mark 2.1.1 and 2.1.2 of the first ten QA rows as the inspectors did, but for three answers.
    const remarked = qaRows.map((row) => ['2.1.1', '2.1.2'].map((id) => String(byId.get(row[0] as string)![caseColumn(id)])));
    const flip = (answer: string) => (answer === 'Yes' ? 'No' : 'Yes');
    const changed: [number, number][] = [[0, 0], [3, 0], [1, 1]];
    for (const [row, question] of changed) remarked[row][question] = flip(remarked[row][question]);
    rt.setCellValues('QA Case supervision', 'C2', remarked);
    const report = rt.call<{ lines: string[] }>('runGenerateSummaries');
    expect(report.lines).toContain('Agreement: created.');
    expect(roleOf(rt, 'Agreement')).toBe('agreement');

    // The hand computation: po = agreements / n, pe = Σ (original share × QA share), kappa = (po − pe) / (1 − pe).
    const handKappa = (question: number) => {
      const originals = qaRows.map((row) => String(byId.get(row[0] as string)![caseColumn(['2.1.1', '2.1.2'][question])]));
      const checks = remarked.map((row) => row[question]);
      const po = originals.filter((answer, index) => answer === checks[index]).length / 10;
      const pe = ['Yes', 'No', 'N/A'].reduce((sum, answer) => sum + (originals.filter((a) => a === answer).length / 10) * (checks.filter((a) => a === answer).length / 10), 0);
      return (po - pe) / (1 - pe);
    };
    const agreement = rt.sheetValues('Agreement');
    const rowOf = (id: string) => agreement.find((row) => row[0] === id)!;
    expect(rowOf('2.1.1').slice(0, 4)).toEqual(['2.1.1', 10, 8, 0.8]);
    expect(rowOf('2.1.2').slice(0, 4)).toEqual(['2.1.2', 10, 9, 0.9]);
    expect(rowOf('2.1.1')[4]).toBeCloseTo(handKappa(0), 12);
    expect(rowOf('2.1.2')[4]).toBeCloseTo(handKappa(1), 12);
    expect(rowOf('2.1.3').slice(0, 2)).toEqual(['2.1.3', 0]);

    // Per inspector, over both key questions: 20 answers compared, 17 agree.
    const inspectorRows = agreement.filter((row) => String(row[0]).startsWith('Inspector '));
    expect(inspectorRows.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(20);
    expect(inspectorRows.reduce((sum, row) => sum + Number(row[2]), 0)).toBe(17);

    expect(agreement.find((row) => row[0] === 'Disagreements: 3')).toBeDefined();
    const caseSheetId = rt.spreadsheet.getSheetByName('Case supervision')!.getSheetId();
    const qaSheetId = rt.spreadsheet.getSheetByName('QA Case supervision')!.getSheetId();
    const formulas = rt.sheetFormulas('Agreement');
    const start = agreement.findIndex((row) => row[0] === 'Disagreements: 3') + 2;
    const listed = agreement.slice(start, start + 3);
    expect(listed.map((row) => [row[0], row[2]]).sort()).toEqual(changed.map(([row, question]) => [qaRows[row][0], ['2.1.1', '2.1.2'][question]]).sort());
    listed.forEach((row, offset) => {
      const caseRow = cases.findIndex((candidate) => candidate[0] === row[0]) + 1;
      const qaRow = qa.findIndex((candidate) => candidate[0] === row[0]) + 1;
      const caseCell = `${letter(header.findIndex((title) => title.startsWith(`${row[2]} `)) + 1)}${caseRow}`;
      const qaCell = `${letter(3 + ['2.1.1', '2.1.2'].indexOf(String(row[2])))}${qaRow}`;
      expect(formulas[start + offset][5]).toBe(`=HYPERLINK("#gid=${caseSheetId}&range=${caseCell}", "'Case supervision'!${caseCell}")`);
      expect(formulas[start + offset][6]).toBe(`=HYPERLINK("#gid=${qaSheetId}&range=${qaCell}", "'QA Case supervision'!${qaCell}")`);
      expect(row[5]).toBe(`'Case supervision'!${caseCell}`);
    });
  });
});
