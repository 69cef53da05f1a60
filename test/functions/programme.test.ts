import { loadBundle } from '../support/bundle';
import { openEnded } from '../../examples/synthetic-cases';
import { publishedCases } from '../../examples/thames-valley-2019/published';

const bundle = loadBundle();

/** docs/programme.md written out with an explicit z, independently of the bundle. */
function handWilson(yes: number, n: number, z: number): [number, number] {
  const p = yes / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [centre - half, centre + half];
}

function expectClose(actual: number[][], expected: number[][]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, index) => {
    expect(row.length).toBe(2);
    row.forEach((value, column) => expect(Math.abs(value - expected[index][column])).toBeLessThan(1e-9));
  });
}

describe('PERCENT_INTERVAL through the built bundle', () => {
  it('gives 61 of 79 at 80% as one row: lower, upper', () => {
    expectClose(bundle.PERCENT_INTERVAL(61, 79), [handWilson(61, 79, 1.2815515655446004)]);
  });

  it('gives 61 of 79 at 95% as one row', () => {
    expectClose(bundle.PERCENT_INTERVAL(61, 79, 0.95), [handWilson(61, 79, 1.959963984540054)]);
  });

  it('gives one row per element over ranges, with a shared confidence', () => {
    expectClose(bundle.PERCENT_INTERVAL([[61], [2], [48]], [[79], [3], [79]], 0.95), [
      handWilson(61, 79, 1.959963984540054),
      handWilson(2, 3, 1.959963984540054),
      handWilson(48, 79, 1.959963984540054),
    ]);
  });

  it.each([
    [5, 0, undefined, /applicable is 0/],
    [80, 79, undefined, /more than the number applicable/],
    [-1, 79, undefined, /0 or more; got -1/],
    [2.5, 79, undefined, /whole number.*got 2\.5/],
    [61, 79, 1.5, /The confidence must be from 0\.5 to 0\.999 \(80% is 0\.8\); got 1\.5\./],
    [61, 79, 0.1, /The confidence must be from 0\.5 to 0\.999 \(80% is 0\.8\); got 0\.1\./],
    ['many', 79, undefined, /Yes must be a number; got "many"/],
  ])('fails on one cell for %p of %p (confidence %p) (R11)', (yes, applicable, confidence, message) => {
    expect(() => bundle.PERCENT_INTERVAL(yes, applicable, confidence)).toThrow(message);
  });

  it('over a range, a blank element gives blanks and a bad one its message in its row (R12)', () => {
    const rows = bundle.PERCENT_INTERVAL([[61], [''], [5], [80]], [[79], [''], [0], [79]]);
    expect(rows).toHaveLength(4);
    expectClose([rows[0]], [handWilson(61, 79, 1.2815515655446004)]);
    expect(rows[1]).toEqual(['', '']);
    expect(rows[2][0]).toMatch(/^Error: .*applicable is 0/);
    expect(rows[2][1]).toBe('');
    expect(rows[3][0]).toMatch(/^Error: .*more than the number applicable/);
  });
});

describe('PROGRAMME_TABLE through the built bundle', () => {
  const current = openEnded(publishedCases('Case supervision', 'current'), 50, 5);
  const previous = publishedCases('Case supervision', 'previous');
  const aggregate = publishedCases('Case supervision', 'aggregate');
  const table = bundle.PROGRAMME_TABLE(current, previous, aggregate);

  /** Yes and applicable of one key question in one range, counted by hand. */
  function counts(range: unknown[][], id: string): { yes: number; applicable: number } {
    const column = range[0].findIndex((header) => String(header).startsWith(`${id} `));
    const answers = range.slice(1).map((row) => row[column]);
    return { yes: answers.filter((answer) => answer === 'Yes').length, applicable: answers.filter((answer) => answer === 'Yes' || answer === 'No').length };
  }

  it('spills a header then one row per key question, with every range passed through the top-level stub', () => {
    expect(table[0]).toEqual(['Standard', 'Key question', 'Yes', 'Applicable', 'Percent', 'Band', 'Range 1 %', 'Range 1 differs', 'Range 2 %', 'Range 2 differs', 'Range 3 %', 'Range 3 differs']);
    expect(table.slice(1).map((row: unknown[]) => row[1])).toEqual(['2.1.1', '2.1.2', '2.1.3', '2.2.1', '2.2.2', '2.2.3', '2.3.1', '2.3.2', '2.3.3', '2.4.1', '2.4.2', '2.4.3']);
    expect(table[1][0]).toBe('2.1');
  });

  it('pools exactly and shows each range\'s own percentage', () => {
    for (const row of table.slice(1)) {
      const id = String(row[1]);
      const own = [current, previous, aggregate].map((range) => counts(range, id));
      const yes = own.reduce((sum, count) => sum + count.yes, 0);
      const applicable = own.reduce((sum, count) => sum + count.applicable, 0);
      expect(row.slice(2, 5)).toEqual([yes, applicable, yes / applicable]);
      expect([row[6], row[8], row[10]]).toEqual(own.map((count) => count.yes / count.applicable));
    }
  });

  it('marks 2.3.3 of the current inspection (47%) against the other two pooled as a hand z-test does', () => {
    const row = table.find((cells: unknown[]) => cells[1] === '2.3.3');
    const mine = counts(current, '2.3.3');
    const rest = [previous, aggregate].map((range) => counts(range, '2.3.3'));
    const restYes = rest[0].yes + rest[1].yes;
    const restApplicable = rest[0].applicable + rest[1].applicable;
    const pooled = (mine.yes + restYes) / (mine.applicable + restApplicable);
    const z = (mine.yes / mine.applicable - restYes / restApplicable) / Math.sqrt(pooled * (1 - pooled) * (1 / mine.applicable + 1 / restApplicable));
    expect(row[7]).toBe(Math.abs(z) > 1.6448536269514722);
    expect(typeof row[9]).toBe('boolean');
  });

  it('gives a blank percent and significance for a range with nothing applicable yet (R12), and bands the pooled whole percentage', () => {
    const empty = [current[0]];
    const rows = bundle.PROGRAMME_TABLE(current, empty);
    for (const row of rows.slice(1)) {
      expect(row.slice(8, 10)).toEqual(['', '']);
      expect(row[7]).toBe('');
    }
    const row223 = rows.find((cells: unknown[]) => cells[1] === '2.2.3');
    expect(row223.slice(2, 6)).toEqual([48, 79, 48 / 79, 'Requires improvement']);
  });

  it('names the range, row, column and value of an invalid answer (R11)', () => {
    const bad = previous.map((row) => [...row]);
    const column = bad[0].findIndex((header) => String(header).startsWith('2.4.1 '));
    bad[7][column] = 'Yess';
    expect(() => bundle.PROGRAMME_TABLE(current, bad)).toThrow(/Range 2 \(argument cases2\): Row 8, column "2\.4\.1 [^"]*": "Yess" is not an answer/);
  });

  describe('ranges of a framework defined on a Framework tab', () => {
    /** 20 cases of a "my-audit" framework whose header declares 2.1.1 and 2.1.2 (R13): 12 Yes then 8 No on every key question given. */
    const range = (bands: string, keyQuestions: string[], declared = '2.1.1-2') => [
      ['Case ID', `Framework: my-audit; bands ${bands}; key questions ${declared}`, ...keyQuestions],
      ...Array.from({ length: 20 }, (_, index) => [`C${index}`, '', ...keyQuestions.map(() => (index < 12 ? 'Yes' : 'No'))]),
    ];

    it('takes every key question of every range: one missing from the first range is its error, not dropped', () => {
      const first = range('60/75/90', ['2.1.1 Timely?']);
      const second = range('60/75/90', ['2.1.1 Timely?', '2.1.2 Recorded?']);
      expect(() => bundle.PROGRAMME_TABLE(first, second)).toThrow(/Range 1 \(argument cases1\).* 2\.1\.2\b/);
      expect(() => bundle.PROGRAMME_TABLE(second, first)).toThrow(/Range 2 \(argument cases2\).* 2\.1\.2\b/);
      // With both columns in both, 24 of 40 is 60%: Requires improvement under these bands (Good at 50/65/80 would start at 65).
      const rows = bundle.PROGRAMME_TABLE(second, second);
      expect(rows.slice(1).map((row: unknown[]) => row.slice(1, 6))).toEqual([
        ['2.1.1', 24, 40, 0.6, 'Requires improvement'],
        ['2.1.2', 24, 40, 0.6, 'Requires improvement'],
      ]);
    });

    it('refuses ranges whose bands disagree, whatever their order', () => {
      const strict = range('60/75/90', ['2.1.1 Timely?'], '2.1.1');
      const usual = range('50/65/80', ['2.1.1 Timely?'], '2.1.1');
      for (const [a, b] of [[strict, usual], [usual, strict]]) {
        expect(() => bundle.PROGRAMME_TABLE(a, b)).toThrow(/Range 1 \(argument cases1\) and Range 2 \(argument cases2\) both follow my-audit, but with bands (60\/75\/90|50\/65\/80) against bands (50\/65\/80|60\/75\/90)/);
      }
    });
  });

  it('refuses ranges of different case tabs, and an argument that is not a range', () => {
    expect(() => bundle.PROGRAMME_TABLE(current, publishedCases('Unpaid work', 'current'))).toThrow(/Range 2 \(argument cases2\) has no column for 2\.1\.1/);
    expect(() => bundle.PROGRAMME_TABLE(current, 'Case supervision')).toThrow(/Range 2 \(argument cases2\): The cases argument must be a range/);
  });
});
