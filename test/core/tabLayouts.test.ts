import {
  cellOf,
  columnNumber,
  columnOf,
  COMPARISON_LAYOUT,
  DOMAIN_ONE_LAYOUT,
  headersOf,
  PANEL_LAYOUT,
  rangeOf,
  RATINGS_LAYOUT,
  readRow,
  rowOf,
  TabLayout,
} from '../../src/core/tabLayouts';

const LAYOUTS: Array<TabLayout<string>> = [DOMAIN_ONE_LAYOUT, PANEL_LAYOUT, COMPARISON_LAYOUT, RATINGS_LAYOUT];

describe('tab layouts, defined once', () => {
  it('gives each tab a distinct role and name, and unique keys and headers', () => {
    expect(LAYOUTS.map((tab) => [tab.role, tab.name])).toEqual([['domainOne', 'Domain one'], ['panel', 'Panel'], ['comparison', 'Comparison'], ['ratings', 'Ratings']]);
    for (const tab of LAYOUTS) {
      expect(new Set(tab.columns.map((column) => column.key)).size).toBe(tab.columns.length);
      expect(new Set(headersOf(tab)).size).toBe(tab.columns.length);
    }
  });

  // The letters the add-on's formulas use today; deriving them from the layouts must not move any.
  it.each([
    [PANEL_LAYOUT.name, PANEL_LAYOUT, { standard: 'A', indicative: 'C', panelRating: 'D', rationale: 'E', date: 'F', applied: 'G', status: 'H' }],
    [RATINGS_LAYOUT.name, RATINGS_LAYOUT, { standard: 'A', rating: 'C', score: 'D', indicative: 'E', panelMove: 'F' }],
    [DOMAIN_ONE_LAYOUT.name, DOMAIN_ONE_LAYOUT, { standard: 'A', rating: 'D', evidence: 'E' }],
    [COMPARISON_LAYOUT.name, COMPARISON_LAYOUT, { id: 'A', previousPercent: 'C', previousN: 'D', aggregatePercent: 'E', aggregateN: 'F' }],
  ] as Array<[string, TabLayout<string>, Record<string, string>]>)('puts the %s columns where the formulas expect them', (_, tab, letters) => {
    expect(Object.fromEntries(Object.keys(letters).map((key) => [key, columnOf(tab, key)]))).toEqual(letters);
  });

  it('names cells and ranges, and numbers columns from 1', () => {
    expect(columnNumber(PANEL_LAYOUT, 'applied')).toBe(7);
    expect(cellOf(RATINGS_LAYOUT, 'indicative', 5)).toBe('E5');
    expect(rangeOf(RATINGS_LAYOUT, 'rating', 2, 12)).toBe('C2:C12');
  });

  it('builds a row by key in column order and reads it back', () => {
    const row = rowOf(PANEL_LAYOUT, { standard: '2.2', panelRating: 'Good', rationale: '61% is within five of 65%.' });
    expect(row).toEqual(['2.2', '', '', 'Good', '61% is within five of 65%.', '', '', '']);
    expect(readRow(PANEL_LAYOUT, row)).toMatchObject({ standard: '2.2', panelRating: 'Good', status: '' });
    expect(readRow(PANEL_LAYOUT, ['2.1'])).toMatchObject({ standard: '2.1', name: '', applied: '' });
  });

  it('refuses a key the tab does not have', () => {
    expect(() => columnOf(PANEL_LAYOUT as TabLayout<string>, 'evidence')).toThrow('The Panel tab has no column "evidence".');
  });
});
