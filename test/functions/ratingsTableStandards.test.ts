/**
 * RATINGS_TABLE given standard ids and panel ratings (docs/functions.md): the one spill per case tab
 * that the Ratings and Panel tabs read, so the panel's judgement is still checked by R6 in it.
 * Expectations are worked by hand from R5 and R6 (docs/method.md).
 */
import { CRC_2018 } from '../../src/core/frameworks/crc2018';
import { loadBundle } from '../support/bundle';
import { caseTable, Cell } from '../../examples/synthetic-cases';

const bundle = loadBundle();

/** 2.1's three key questions at 60%, 80%, 70% over ten cases: indicative Requires improvement (60 is its lowest). */
function assessment(): Cell[][] {
  return caseTable(CRC_2018, 10, [
    { id: '2.1.1', percent: 60, applicable: 10 },
    { id: '2.1.2', percent: 80, applicable: 10 },
    { id: '2.1.3', percent: 70, applicable: 10 },
  ]);
}

/** The three columns after the key-question table, row by row. */
const standardColumns = (table: unknown[][]) => table.map((row) => row.slice(8));

describe('functions › RATINGS_TABLE with standard ids and panel ratings', () => {
  it('names an id the framework does not have in its row (R11), and leaves out one rated on another case tab', () => {
    const columns = standardColumns(bundle.RATINGS_TABLE(assessment(), '', '', [['2.9'], ['4.1'], ['2.1']], [[''], [''], ['']]) as unknown[][]);
    expect(columns.slice(1, 3)).toEqual([
      ['2.9', expect.stringMatching(/^Error: There is no standard "2\.9" in .*Standards: 1\.1, /), ''],
      ['2.1', 'Requires improvement', 'Requires improvement'],
    ]);
  });

  it('lists each standard of these cases with its indicative rating and its rating after the panel (R5, R6)', () => {
    const cases = assessment();
    // 60% is 5 below 65: the panel may raise it to Good.
    expect(standardColumns(bundle.RATINGS_TABLE(cases, '', '', [['2.1']], [['Good']]) as unknown[][])).toEqual([
      ['Standard id', 'Indicative', 'After panel'],
      ['2.1', 'Requires improvement', 'Good'],
      ['', '', ''],
      ['', '', ''],
    ]);
    // Outstanding is two bands away; Inadequate: 60 is 10 above 50, and one Yes turned No leaves 50%, still Requires improvement.
    const refused = bundle.RATINGS_TABLE(cases, '', '', [['2.1'], ['2.1'], ['2.1']], [['Outstanding'], ['Inadequate'], ['']]) as unknown[][];
    expect(standardColumns(refused).slice(1).map((row) => row[2])).toEqual([
      expect.stringMatching(/^Error: The panel may move 2\.1 Assessment by one band only/),
      expect.stringMatching(/^Error: The panel may not lower 2\.1 Assessment from Requires improvement to Inadequate/),
      'Requires improvement',
    ]);
  });

  it('leaves out ids rated on another case tab and blank ids, and the key-question columns are RATINGS_TABLE\'s own', () => {
    const cases = assessment();
    const table = bundle.RATINGS_TABLE(cases, '', '', [[''], ['4.1'], ['2.1']]) as unknown[][];
    expect(standardColumns(table).slice(1)).toEqual([['2.1', 'Requires improvement', 'Requires improvement'], ['', '', ''], ['', '', '']]);
    expect(table.map((row) => row.slice(0, 8))).toEqual(bundle.RATINGS_TABLE(cases));
  });

  it('a standard still Not rated stays Not rated after a panel rating (the judgement waits); a bad panel label shows in its row', () => {
    const cases = assessment();
    const at = cases[0].findIndex((header) => String(header).startsWith('2.1.3 '));
    const waiting = cases.map((row, index) => (index === 0 ? row : row.map((cell, column) => (column === at ? '' : cell))));
    expect(standardColumns(bundle.RATINGS_TABLE(waiting, '', '', [['2.1']], [['Good']]) as unknown[][])[1]).toEqual(['2.1', 'Not rated', 'Not rated']);
    const bad = standardColumns(bundle.RATINGS_TABLE(cases, '', '', [['2.1']], [['Goodish']]) as unknown[][])[1];
    expect(bad.slice(0, 2)).toEqual(['2.1', 'Requires improvement']);
    expect(bad[2]).toMatch(/^Error: The panel rating for 2\.1/);
  });

  it('refuses panel ratings of another size than the ids', () => {
    expect(() => bundle.RATINGS_TABLE(assessment(), '', '', [['2.1'], ['2.2']], [['Good']])).toThrow('The panel ratings range must be the same size as the standard ids (2 cells); it has 1.');
  });
});
