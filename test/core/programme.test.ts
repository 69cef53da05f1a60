import { parseFrameworkTab } from '../../src/core/frameworkTab';
import { SAFEGUARDING_AUDIT } from '../../examples/frameworks/safeguarding-audit';
import { readCaseTable } from '../../src/core/caseTable';
import { CRC_2018 } from '../../src/core/frameworks/crc2018';
import { commonFramework, differsFromRest, poolKeyQuestions, wilsonInterval } from '../../src/core/programme';
import { publishedCases } from '../../examples/thames-valley-2019/published';

/** Wilson's interval written out from docs/programme.md with an explicit z, independently of the code under test. */
function handWilson(yes: number, n: number, z: number): [number, number] {
  const p = yes / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [centre - half, centre + half];
}

/** R10 by hand: pooled two-proportion z against the two-sided 10% critical value. */
function handSignificant(y1: number, n1: number, y2: number, n2: number): boolean {
  const pooled = (y1 + y2) / (n1 + n2);
  const z = (y1 / n1 - y2 / n2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return Math.abs(z) > 1.6448536269514722;
}

describe('programme', () => {
  describe('wilsonInterval', () => {
    it('matches a hand computation for 61 of 79 at 80% (z = 1.2815515655446004)', () => {
      const [lower, upper] = handWilson(61, 79, 1.2815515655446004);
      const interval = wilsonInterval(61, 79);
      expect(Math.abs(interval.lower - lower)).toBeLessThan(1e-9);
      expect(Math.abs(interval.upper - upper)).toBeLessThan(1e-9);
      // About 71% to 83% (computed separately: 0.70649, 0.82672), wider than the 5 points the sample was planned for.
      expect(interval.lower).toBeCloseTo(0.70649, 5);
      expect(interval.upper).toBeCloseTo(0.82672, 5);
    });

    it('matches a hand computation for 61 of 79 at 95% (z = 1.959963984540054), wider than at 80%', () => {
      const [lower, upper] = handWilson(61, 79, 1.959963984540054);
      const interval = wilsonInterval(61, 79, 0.95);
      expect(Math.abs(interval.lower - lower)).toBeLessThan(1e-9);
      expect(Math.abs(interval.upper - upper)).toBeLessThan(1e-9);
      expect(interval.lower).toBeCloseTo(0.66833, 5);
      expect(interval.upper).toBeCloseTo(0.85073, 5);
      expect(interval.upper - interval.lower).toBeGreaterThan(wilsonInterval(61, 79).upper - wilsonInterval(61, 79).lower);
    });

    it('stays within 0 and 1 at the extremes, and is not symmetric there', () => {
      expect(wilsonInterval(0, 3).lower).toBe(0);
      expect(wilsonInterval(3, 3).upper).toBe(1);
      const [lower] = handWilson(3, 3, 1.2815515655446004);
      expect(Math.abs(wilsonInterval(3, 3).lower - lower)).toBeLessThan(1e-9);
    });

    it.each([
      [5, 0, undefined, /applicable is 0/],
      [80, 79, undefined, /Yes answers \(80\) is more than the number applicable \(79\)/],
      [-1, 79, undefined, /Yes answers must be a whole number, 0 or more; got -1/],
      [60.5, 79, undefined, /got 60\.5/],
      [61, 79.2, undefined, /applicable must be a whole number/],
      [61, 79, 1, /confidence must be between 0 and 1/],
      [61, 79, 0, /confidence must be between 0 and 1/],
      [61, 79, 80, /got 80/],
    ])('refuses %p of %p at confidence %p', (yes, applicable, confidence, message) => {
      expect(() => wilsonInterval(yes, applicable, confidence)).toThrow(message);
    });
  });

  describe('poolKeyQuestions', () => {
    const series = ['current', 'previous', 'aggregate'] as const;
    const providers = series.map((name) => ({ name, tables: [{ table: readCaseTable(publishedCases('Case supervision', name)) }] }));
    const rows = poolKeyQuestions(providers, CRC_2018);

    it('lists every case-supervision key question in framework order', () => {
      expect(rows.map((row) => row.keyQuestion.id)).toEqual(['2.1.1', '2.1.2', '2.1.3', '2.2.1', '2.2.2', '2.2.3', '2.3.1', '2.3.2', '2.3.3', '2.4.1', '2.4.2', '2.4.3']);
    });

    it('pools exactly: Yes and applicable are the sums of the providers\' own counts', () => {
      for (const row of rows) {
        const own = providers.map((provider) => {
          const column = provider.tables[0].table.rows.map((cells) => cells[provider.tables[0].table.answerColumns.get(row.keyQuestion.id)!.index]);
          return { yes: column.filter((cell) => cell === 'Yes').length, applicable: column.filter((cell) => cell === 'Yes' || cell === 'No').length };
        });
        expect(row.providers.map(({ yes, applicable }) => ({ yes, applicable }))).toEqual(own);
        expect(row.yes).toBe(own.reduce((sum, count) => sum + count.yes, 0));
        expect(row.applicable).toBe(own.reduce((sum, count) => sum + count.applicable, 0));
        expect(row.percent).toBe(Math.floor((200 * row.yes + row.applicable) / (2 * row.applicable)));
      }
    });

    it('marks each provider against all the others pooled, as a hand z-test does', () => {
      let significant = 0;
      for (const row of rows) {
        row.providers.forEach((provider, index) => {
          const rest = row.providers.filter((_, other) => other !== index);
          const restYes = rest.reduce((sum, count) => sum + count.yes, 0);
          const restApplicable = rest.reduce((sum, count) => sum + count.applicable, 0);
          expect(provider.significant).toBe(handSignificant(provider.yes, provider.applicable, restYes, restApplicable));
          if (provider.significant) significant += 1;
        });
      }
      // Thames Valley's 2.3.3 (47%) against the aggregate (41%) and previous (34%) differs; some rows must, some must not.
      expect(significant).toBeGreaterThan(0);
      expect(significant).toBeLessThan(rows.length * 3);
    });

    it('leaves significance untestable for a provider with nothing applicable, or alone', () => {
      expect(differsFromRest({ yes: 0, applicable: 0 }, { yes: 50, applicable: 100 })).toBeUndefined();
      expect(differsFromRest({ yes: 50, applicable: 100 }, { yes: 50, applicable: 100 })).toBeUndefined();
      const alone = poolKeyQuestions([providers[0]], CRC_2018);
      expect(alone.every((row) => row.providers[0].significant === undefined)).toBe(true);
    });

    it('names the provider, row, column and value of an invalid answer (R11)', () => {
      const table = publishedCases('Case supervision', 'current');
      const column = table[0].findIndex((header) => String(header).startsWith('2.1.2 '));
      table[4][column] = 'Maybe';
      expect(() => poolKeyQuestions([providers[1], { name: 'Range 2', tables: [{ table: readCaseTable(table) }] }], CRC_2018)).toThrow(
        /^Range 2: Row 5, column "2\.1\.2 [^"]*": "Maybe" is not an answer/,
      );
    });

    it('refuses a provider without a column another has', () => {
      const unpaid = { name: 'Range 2', tables: [{ table: readCaseTable(publishedCases('Unpaid work', 'current')) }] };
      expect(() => poolKeyQuestions([providers[0], unpaid], CRC_2018)).toThrow(/Range 2 has no column for 2\.1\.1 .*which current has/);
    });
  });

  describe('commonFramework', () => {
    it('refuses providers of different frameworks, naming both', () => {
      const other = { ...CRC_2018, id: 'yjs-2018', name: 'Youth justice 2018' };
      expect(commonFramework([{ name: 'a.xlsx', framework: CRC_2018 }, { name: 'b.xlsx', framework: CRC_2018 }])).toBe(CRC_2018);
      expect(() => commonFramework([{ name: 'a.xlsx', framework: CRC_2018 }, { name: 'b.xlsx', framework: other }])).toThrow(
        /a\.xlsx follows .* but b\.xlsx follows Youth justice 2018/,
      );
    });
  });
});

describe('programme › pooled bands at the framework\'s thresholds', () => {
  it('bands 72% as Requires improvement under 60/75/90 (Good at the default 50/65/80)', () => {
    const { framework } = parseFrameworkTab(SAFEGUARDING_AUDIT);
    const table = (yes: number) => readCaseTable([['Case ID', '2.1.1 Timely?'], ...Array.from({ length: 25 }, (_, index) => [`C${index}`, index < yes ? 'Yes' : 'No'])]);
    // 18 + 18 of 50 is 72%.
    const [row] = poolKeyQuestions([{ name: 'A', tables: [{ table: table(18) }] }, { name: 'B', tables: [{ table: table(18) }] }], framework!);
    expect([row.keyQuestion.id, row.percent, row.band]).toEqual(['2.1.1', 72, 'Requires improvement']);
  });
});
