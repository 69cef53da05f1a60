import fc from 'fast-check';
import { readCaseTable } from '../../src/core/caseTable';
import { allocate, caseIdColumn, caseIdRows, drawSample, sampleBalance, seededRandom, strataColumns, strataOf } from '../../src/core/sampling';

function population(values: string[]): unknown[][] {
  return [['Case ID', 'Gender'], ...values.map((value, index) => [`C${index}`, value])];
}

describe('sampling (docs/sampling-and-qa.md)', () => {
  describe('seededRandom', () => {
    it('repeats its sequence for a seed, differs between seeds, and stays in [0, 1)', () => {
      const first = seededRandom(1);
      const again = seededRandom(1);
      const other = seededRandom(2);
      const a = Array.from({ length: 1000 }, first);
      expect(Array.from({ length: 1000 }, again)).toEqual(a);
      expect(Array.from({ length: 1000 }, other)).not.toEqual(a);
      expect(a.every((value) => value >= 0 && value < 1)).toBe(true);
      // Roughly uniform: each tenth of [0, 1) gets 100 ± 40 of 1000 draws.
      const tenths = Array(10).fill(0);
      for (const value of a) tenths[Math.floor(value * 10)] += 1;
      expect(Math.min(...tenths)).toBeGreaterThan(60);
      expect(Math.max(...tenths)).toBeLessThan(140);
    });
  });

  describe('allocate', () => {
    it('gives the largest remainders the extra cases', () => {
      // quotas 10 × 5/12 = 4.17, 10 × 4/12 = 3.33, 10 × 3/12 = 2.5 → floors 4, 3, 2; one left, to the 0.5
      expect(allocate([5, 4, 3], 10)).toEqual([4, 3, 3]);
      expect(allocate([1, 1, 1], 2)).toEqual([1, 1, 0]);
      expect(allocate([0, 7], 3)).toEqual([0, 3]);
    });

    it('totals the size, each group at the floor or ceiling of its quota (property)', () => {
      fc.assert(
        fc.property(fc.array(fc.nat(500), { minLength: 1, maxLength: 30 }).filter((counts) => counts.some((count) => count > 0)), fc.double({ min: 0, max: 1, noNaN: true }), (counts, fraction) => {
          const total = counts.reduce((sum, count) => sum + count, 0);
          const size = Math.round(fraction * total);
          const shares = allocate(counts, size);
          expect(shares.reduce((sum, share) => sum + share, 0)).toBe(size);
          shares.forEach((share, index) => {
            const quota = (size * counts[index]) / total;
            expect([Math.floor(quota), Math.ceil(quota)]).toContain(share);
          });
        }),
      );
    });
  });

  describe('drawSample', () => {
    const genders = fc.array(fc.constantFrom('Male', 'Female', 'female ', 'Unknown', ''), { minLength: 1, maxLength: 200 });

    it('draws each row at most once, in population order, the same rows for the same seed (property)', () => {
      fc.assert(
        fc.property(genders, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer(), (values, fraction, seed) => {
          const table = readCaseTable(population(values));
          const size = Math.round(fraction * table.rows.length);
          const strata = strataColumns(table, ['Gender'], 'population');
          const chosen = drawSample(table, size, strata, seed);
          expect(chosen).toHaveLength(size);
          expect(new Set(chosen).size).toBe(size);
          expect(chosen.every((rowIndex, position) => rowIndex >= 0 && rowIndex < table.rows.length && (position === 0 || rowIndex > chosen[position - 1]))).toBe(true);
          expect(drawSample(table, size, strata, seed)).toEqual(chosen);
          // Each stratum gets the floor or the ceiling of its share of the sample (docs/sampling-and-qa.md, largest remainder).
          const groups = strataOf(table, strata);
          groups.forEach((group) => {
            const quota = (size * group.rowIndexes.length) / table.rows.length;
            expect([Math.floor(quota), Math.ceil(quota)]).toContain(chosen.filter((rowIndex) => group.rowIndexes.includes(rowIndex)).length);
          });
        }),
      );
    });

    it('treats values alike whatever their case and spaces', () => {
      const table = readCaseTable(population(['Female', ' female', 'FEMALE ', 'Male']));
      expect(strataOf(table, strataColumns(table, ['gender'], 'population')).map((stratum) => stratum.rowIndexes)).toEqual([[0, 1, 2], [3]]);
    });

    it('changes the sample with the seed', () => {
      const table = readCaseTable(population(Array.from({ length: 100 }, (_, index) => (index % 3 ? 'Male' : 'Female'))));
      expect(drawSample(table, 10, [], 1)).not.toEqual(drawSample(table, 10, [], 2));
    });

    it('breaks ties for the extra cases by the seed: 20 of 200 cases over 40 officers reaches every officer over some seeds', () => {
      // 5 cases per officer: each officer's quota is 20 × 5/200 = 0.5, so which 20 officers get one is a tie.
      const rows = Array.from({ length: 200 }, (_, index) => [`C${index}`, `Officer ${Math.floor(index / 5)}`]);
      const table = readCaseTable([['Case ID', 'Officer'], ...rows]);
      const strata = strataColumns(table, ['Officer'], 'population');
      const drawn = new Set<number>();
      for (let seed = 1; seed <= 30; seed += 1) {
        const chosen = drawSample(table, 20, strata, seed);
        const officers = chosen.map((rowIndex) => Math.floor(rowIndex / 5));
        expect(new Set(officers).size).toBe(20); // at most one case per officer (the ceiling of 0.5)
        officers.forEach((officer) => drawn.add(officer));
      }
      expect([...drawn].filter((officer) => officer >= 20).length).toBeGreaterThan(0);
      expect(drawn.size).toBe(40);
    });

    it('reads the whole seed: 1 and 4294967297 (2^32 + 1) draw different samples, each the same every time', () => {
      const table = readCaseTable(population(Array.from({ length: 100 }, () => 'Male')));
      const low = drawSample(table, 10, [], 1);
      const high = drawSample(table, 10, [], 2 ** 32 + 1);
      expect(high).not.toEqual(low);
      expect(drawSample(table, 10, [], 2 ** 32 + 1)).toEqual(high);
    });

    it('refuses a size above the population', () => {
      const table = readCaseTable(population(['Male', 'Female']));
      expect(() => drawSample(table, 3, [], 1)).toThrow('The sample size 3 is more than the 2 cases in the population.');
    });
  });

  describe('case IDs and strata columns', () => {
    it('names the rows of a blank or repeated Case ID', () => {
      const repeated = readCaseTable([['Case ID'], ['A1'], ['B2'], [' A1 ']]);
      expect(() => caseIdRows(repeated, caseIdColumn(repeated, 'population'), 'population')).toThrow('Case ID " A1 " appears twice in the population range, at rows 2 and 4.');
      const blank = readCaseTable([['Case ID', 'Gender'], ['A1', 'Male'], ['', 'Female']]);
      expect(() => caseIdRows(blank, caseIdColumn(blank, 'population'), 'population')).toThrow('Row 3 of the population range has no Case ID.');
      expect(() => caseIdColumn(readCaseTable([['ID'], ['A1']]), 'population')).toThrow('The population range has no column headed "Case ID"');
    });

    it('names an unknown stratum header and the columns there are', () => {
      const table = readCaseTable(population(['Male']));
      expect(() => strataColumns(table, ['Sex'], 'population')).toThrow('There is no column headed "Sex" in the population range to stratify by. Its columns: "Case ID", "Gender".');
    });
  });

  describe('sampleBalance', () => {
    it('counts each value in both lists, with shares and the difference in points', () => {
      const populationTable = readCaseTable(population(['Male', 'Male', 'Female', 'Male']));
      const sampleTable = readCaseTable(population(['female', 'Male']));
      const [populationColumn] = strataColumns(populationTable, ['Gender'], 'population');
      const [sampleColumn] = strataColumns(sampleTable, ['Gender'], 'sample');
      expect(sampleBalance(populationTable, populationColumn, sampleTable, sampleColumn)).toEqual([
        { value: 'Male', population: 3, populationShare: 0.75, sample: 1, sampleShare: 0.5, differencePoints: -25 },
        { value: 'Female', population: 1, populationShare: 0.25, sample: 1, sampleShare: 0.5, differencePoints: 25 },
      ]);
    });
  });
});
