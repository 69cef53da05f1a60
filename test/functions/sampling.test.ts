import fc from 'fast-check';
import { eligiblePopulation } from '../../examples/eligible-population';
import { publishedCases } from '../../examples/thames-valley-2019/published';
import { loadBundle } from '../support/bundle';

const bundle = loadBundle();
const STRATA = ['Gender', 'Sentence type', 'Risk of serious harm level'];

/** Counts of each combination of the strata columns' values. */
function strataCounts(table: unknown[][]): Map<string, number> {
  const at = STRATA.map((header) => table[0].indexOf(header));
  const counts = new Map<string, number>();
  for (const row of table.slice(1)) {
    const key = at.map((index) => row[index]).join(' / ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe('SAMPLE_CASES and SAMPLE_BALANCE through the built bundle (docs/sampling-and-qa.md)', () => {
  const population = eligiblePopulation(2400);

  it('draws 100 of 2,400 cases matching the population ratios to within one case per stratum', () => {
    const sample = bundle.SAMPLE_CASES(population, 100, 'Gender, Sentence type, Risk of serious harm level');
    expect(sample[0]).toEqual(population[0]);
    expect(sample).toHaveLength(101);
    const populationCounts = strataCounts(population);
    const sampleCounts = strataCounts(sample);
    expect(populationCounts.size).toBeGreaterThan(10);
    populationCounts.forEach((count, stratum) => expect(Math.abs((sampleCounts.get(stratum) ?? 0) - (100 * count) / 2400)).toBeLessThan(1));
    // Chosen rows are population rows, in population order.
    const order = sample.slice(1).map((row: unknown[]) => population.findIndex((candidate) => candidate[0] === row[0]));
    expect(order.every((index: number, position: number) => index > 0 && (position === 0 || index > order[position - 1]))).toBe(true);
    expect(sample.slice(1)).toEqual(order.map((index: number) => population[index]));

    for (const stratum of STRATA) {
      const balance = bundle.SAMPLE_BALANCE(population, sample, stratum);
      expect(balance[0]).toEqual([stratum, 'Population count', 'Population share', 'Sample count', 'Sample share', 'Difference (points)']);
      const values = new Map<string, number>();
      for (const key of populationCounts.keys()) {
        const value = key.split(' / ')[STRATA.indexOf(stratum)];
        values.set(value, (values.get(value) ?? 0) + 1);
      }
      for (const [value, population_, populationShare, sampled, sampleShare, points] of balance.slice(1)) {
        expect(populationShare).toBeCloseTo(population_ / 2400, 12);
        expect(sampleShare).toBeCloseTo(sampled / 100, 12);
        expect(points).toBeCloseTo((sampleShare - populationShare) * 100, 9);
        // Each value spans some strata, each within one case of its quota.
        expect(Math.abs(sampled - population_ / 24)).toBeLessThan(values.get(value) as number);
      }
      expect(balance.slice(1).reduce((sum: number, row: number[]) => sum + row[3], 0)).toBe(100);
    }
  });

  it('sizes the sample by SAMPLE_SIZE when size is blank, with seed 1 by default', () => {
    const sample = bundle.SAMPLE_CASES(population);
    expect(sample).toHaveLength(bundle.SAMPLE_SIZE(2400) + 1);
    expect(bundle.SAMPLE_CASES(population, '', '', 1)).toEqual(sample);
    expect(bundle.SAMPLE_CASES(population, '', '', 2)).not.toEqual(sample);
  });

  it('takes strata as a cell, a range of cells, or comma-separated', () => {
    const commaSeparated = bundle.SAMPLE_CASES(population, 50, 'Gender,Sentence type', 3);
    expect(bundle.SAMPLE_CASES(population, 50, [['Gender', 'Sentence type']], 3)).toEqual(commaSeparated);
    expect(bundle.SAMPLE_CASES(population, 50, [['Gender'], ['Sentence type']], 3)).toEqual(commaSeparated);
    expect(bundle.SAMPLE_CASES(population, 50, 'Gender', 3)).toHaveLength(51);
  });

  it('gives the same sample for the same inputs, every row from the population once (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 400 }), fc.integer(), (cases, wanted, seed) => {
        const list = eligiblePopulation(cases);
        const size = Math.min(wanted, cases);
        const sample = bundle.SAMPLE_CASES(list, size, 'Gender, Risk of serious harm level', seed);
        expect(bundle.SAMPLE_CASES(list, size, 'Gender, Risk of serious harm level', seed)).toEqual(sample);
        const ids = sample.slice(1).map((row: unknown[]) => row[0]);
        expect(new Set(ids).size).toBe(size);
        const listIds = new Set(list.slice(1).map((row) => row[0]));
        expect(ids.every((id: string) => listIds.has(id))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('SAMPLE_BALANCE leaves out rows with no Case ID, and names a Case ID the sample lists twice', () => {
    const header = ['Case ID', 'Gender'];
    const pop = [header, ['P1', 'Male'], ['P2', 'Male'], ['P3', 'Female'], ['P4', 'Female']];
    // A case tab with two unfilled rows (no Case ID, a stray value): the sample is P1 and P3, one of each.
    const sample = [header, ['P1', 'Male'], ['', 'Male'], ['P3', 'Female'], ['', '']];
    expect(bundle.SAMPLE_BALANCE(pop, sample, 'Gender').slice(1)).toEqual([
      ['Male', 2, 0.5, 1, 0.5, 0],
      ['Female', 2, 0.5, 1, 0.5, 0],
    ]);
    expect(() => bundle.SAMPLE_BALANCE(pop, [header, ['P1', 'Male'], ['P3', 'Female'], [' P1', 'Male']], 'Gender')).toThrow('Case ID " P1" appears twice in the sample range, at rows 2 and 4.');
  });

  it('fails with a clear message (R11)', () => {
    expect(() => bundle.SAMPLE_CASES(population.slice(0, 11), 11)).toThrow('The sample size 11 is more than the 10 cases in the population.');
    expect(() => bundle.SAMPLE_CASES(population, 10, 'Gender, Ethnicity')).toThrow(/no column headed "Ethnicity" in the population range.*"Case ID", "Gender"/);
    const repeated = population.slice(0, 6).map((row) => [...row]);
    repeated[5][0] = 'P000002';
    expect(() => bundle.SAMPLE_CASES(repeated, 2)).toThrow('Case ID "P000002" appears twice in the population range, at rows 3 and 6.');
    const blank = population.slice(0, 6).map((row) => [...row]);
    blank[4][0] = ' ';
    expect(() => bundle.SAMPLE_CASES(blank, 2)).toThrow('Row 5 of the population range has no Case ID.');
    expect(() => bundle.SAMPLE_CASES(population, 2.5)).toThrow('The sample size must be a whole number of cases, 1 or more; got 2.5.');
    expect(() => bundle.SAMPLE_CASES(population, 5, '', 'abc')).toThrow(/The seed must be a number/);
    expect(() => bundle.SAMPLE_BALANCE(population, [['Case ID'], ['P000001']], 'Gender')).toThrow(/no column headed "Gender" in the sample range/);
  });
});

describe('MARKING_AGREEMENT through the built bundle (docs/sampling-and-qa.md)', () => {
  const cases = publishedCases('Case supervision', 'current');
  const header = cases[0];
  const keyQuestions = ['2.1.1', '2.1.2', '2.1.3'].map((id) => header.findIndex((cell) => String(cell).startsWith(`${id} `)));

  /** A QA re-marking of the first 10 cases on 2.1.1–2.1.3, with three deliberate disagreements. */
  function qaTab(): unknown[][] {
    const rows = cases.slice(1, 11).map((row) => [row[0], ...keyQuestions.map((index) => row[index])]);
    rows[0][1] = 'Yes'; // C001 2.1.1: No on the case tab
    rows[3][1] = 'No'; // C004 2.1.1: Yes on the case tab
    rows[1][2] = 'No'; // C002 2.1.2: Yes on the case tab
    return [['Case ID', ...keyQuestions.map((index) => header[index])], ...rows];
  }

  it('matches a hand computation of agreement and kappa on the example workbook', () => {
    // Case tab, C001–C010: 2.1.1 N Y N Y Y N Y Y N Y (6 Yes, 4 No); 2.1.2 N Y Y Y Y N Y Y Y Y (8 Yes, 2 No).
    expect(cases.slice(1, 11).map((row) => row[keyQuestions[0]]).join(' ')).toBe('No Yes No Yes Yes No Yes Yes No Yes');
    expect(cases.slice(1, 11).map((row) => row[keyQuestions[1]]).join(' ')).toBe('No Yes Yes Yes Yes No Yes Yes Yes Yes');
    // 2.1.1: QA 6 Yes, 4 No; 8 of 10 agree; chance = (6·6 + 4·4)/100 = 0.52; kappa = (0.8 − 0.52)/(1 − 0.52) = 7/12.
    // 2.1.2: QA 7 Yes, 3 No; 9 of 10 agree; chance = (8·7 + 2·3)/100 = 0.62; kappa = (0.9 − 0.62)/(1 − 0.62) = 14/19.
    // 2.1.3: re-marked the same; kappa 1.
    const table = bundle.MARKING_AGREEMENT(cases, qaTab());
    expect(table[0]).toEqual(['Key question', 'Cases checked', 'Agreements', 'Agreement', 'Kappa']);
    expect(table.slice(1).map((row: unknown[]) => row.slice(0, 4))).toEqual([
      ['2.1.1', 10, 8, 0.8],
      ['2.1.2', 10, 9, 0.9],
      ['2.1.3', 10, 10, 1],
    ]);
    expect(table[1][4]).toBeCloseTo(7 / 12, 12);
    expect(table[2][4]).toBeCloseTo(14 / 19, 12);
    expect(table[3][4]).toBe(1);
  });

  it('leaves kappa blank where chance agreement is 1', () => {
    const checks = [['Case ID', header[keyQuestions[0]]], ['C002', 'Yes'], ['C004', 'Yes']];
    expect(bundle.MARKING_AGREEMENT(cases, checks)[1]).toEqual(['2.1.1', 2, 2, 1, '']);
  });

  it('skips a blank row in the QA tab: the same table as without it (R12)', () => {
    const withBlank = qaTab();
    withBlank.splice(5, 0, ['', '', '', ''], [null, null, null, null]);
    expect(bundle.MARKING_AGREEMENT(cases, withBlank)).toEqual(bundle.MARKING_AGREEMENT(cases, qaTab()));
    expect(bundle.MARKING_AGREEMENT(cases, withBlank)[1].slice(0, 4)).toEqual(['2.1.1', 10, 8, 0.8]);
  });

  it('with QA headers it does not recognise, says what it expected and found instead of a bare header row', () => {
    const unrecognised = qaTab().map((row, index) => (index === 0 ? ['Case ID', 'Engaging', 'Desistance', 'Safety'] : row));
    expect(() => bundle.MARKING_AGREEMENT(cases, unrecognised)).toThrow(
      /The checks range has no key-question column the cases range has: expected headers starting with a key-question id \(2\.1\.1, 2\.1\.2, .*found "Case ID", "Engaging", "Desistance", "Safety"\./,
    );
  });

  it('names a checked ID missing from the case tab, and invalid answers (R11)', () => {
    const missing = qaTab();
    missing[4][0] = 'C999';
    expect(() => bundle.MARKING_AGREEMENT(cases, missing)).toThrow('Row 5 of the checks range: Case ID "C999" is not in the cases range.');
    const invalid = qaTab();
    invalid[7][2] = 'Possibly';
    expect(() => bundle.MARKING_AGREEMENT(cases, invalid)).toThrow(/In the checks range: Row 8, column "2\.1\.2 .*": "Possibly" is not an answer/);
  });
});
