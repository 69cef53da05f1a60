/**
 * Formulas over whole case tabs, as the add-on writes them, without HyperFormula walking the tab for
 * each one (runtime/hyperformulaPatches.ts), and a tab's extent found again only when it can have changed.
 */
import { buildSpreadsheet, loadAddon } from '../../runtime/index';
import { SimpleRangeValue } from 'hyperformula';
import type { FormulaEngine } from '../../runtime/engine';

/** A script that counts answers, and rewrites a summary tab from scratch in one run, as Generate summaries does. */
const SCRIPT = String.raw`
/**
 * How many cells of the range are not empty.
 * @param {A1:B9} range The cells.
 * @return The count.
 * @customfunction
 */
function FILLED(range) {
  return range.reduce(function (sum, row) { return sum + row.filter(function (cell) { return cell !== ''; }).length; }, 0);
}

/**
 * The range's filled cells, as a column: it spills as far as there are cells.
 * @param {A1:A9} range The cells.
 * @return One cell a row.
 * @customfunction
 */
function LISTED(range) {
  var out = [];
  range.forEach(function (row) { row.forEach(function (cell) { if (cell !== '') out.push([cell]); }); });
  return out.length > 0 ? out : '';
}

function rewriteSummary() {
  var sheet = SpreadsheetApp.getActive().getSheetByName('Summary');
  sheet.clear();
  sheet.getRange('A1').setFormula("=FILLED('Case supervision'!A:C)");
}

function twoCounts() {
  SpreadsheetApp.getActive().getSheetByName('Summary').getRange('A1:B1').setFormulas([["=FILLED('Case supervision'!A:C)", "=FILLED('Case supervision'!A:C)"]]);
}

function countChangeCount() {
  var active = SpreadsheetApp.getActive();
  active.getSheetByName('Summary').getRange('A1').setFormula("=FILLED('Case supervision'!A:C)");
  active.getSheetByName('Case supervision').getRange('C3').setValue('Yes');
  active.getSheetByName('Summary').getRange('B1').setFormula("=FILLED('Case supervision'!A:C)");
}

function clearSummary() {
  SpreadsheetApp.getActive().getSheetByName('Summary').clear();
}
`;

const CASES = [
  ['Case ID', 'Q1', 'Q2'],
  ['C1', 'Yes', 'No'],
  ['C2', 'N/A', ''],
];

interface Internals {
  instance: {
    dependencyGraph: {
      graph: { addEdge(from: unknown, to: unknown): void };
      rangeMapping: { getRangeVertex(start: unknown, end: unknown): object | undefined };
    };
    getSheetId(name: string): number | undefined;
    getRangeValues(range: unknown): unknown[][];
  };
}

function open() {
  const rt = loadAddon({ code: SCRIPT, spreadsheet: buildSpreadsheet({ sheets: { 'Case supervision': CASES, Summary: [], Other: [] } }) });
  rt.values('Summary', 'A1');
  return rt;
}

/** The engine, and the HyperFormula instance inside it. */
const engineOf = (rt: ReturnType<typeof open>) => {
  const engine: FormulaEngine = rt.workbook.engine;
  return { extent: (tab: string) => engine.extent(tab), instance: (engine as unknown as Internals).instance };
};

/** The range vertex HyperFormula keeps for 'Case supervision'!A:C, if it keeps one. */
function wholeColumns(rt: ReturnType<typeof open>): object | undefined {
  const { instance } = engineOf(rt);
  const sheet = instance.getSheetId('Case supervision');
  return instance.dependencyGraph.rangeMapping.getRangeVertex({ sheet, row: 0, col: 0 }, { sheet, row: Infinity, col: 2 });
}

describe('runtime › formulas over whole case tabs', () => {
  it('a second formula over the same range adds one edge, not one from every cell of the range again', () => {
    const rt = open();
    rt.setCellValues('Summary', 'A1', [["=FILLED('Case supervision'!A:C)"]]);
    const { graph } = engineOf(rt).instance.dependencyGraph;
    const original = graph.addEdge;
    let edges = 0;
    graph.addEdge = function (this: unknown, from: unknown, to: unknown) {
      edges += 1;
      return original.call(this, from, to);
    };
    try {
      rt.setCellValues('Summary', 'B1', [["=FILLED('Case supervision'!A:C)"]]);
    } finally {
      graph.addEdge = original;
    }
    expect(edges).toBe(1);
    expect(rt.values('Summary', 'A1:B1')).toEqual([[8, 8]]);
    // The shared range still follows the cells.
    rt.setCellValues('Case supervision', 'C3', [['Yes']]);
    expect(rt.values('Summary', 'A1:B1')).toEqual([[9, 9]]);
  });

  it('a run that clears a tab and writes it again keeps the range it reads; ranges left unread go when the run ends', () => {
    const rt = open();
    rt.call('rewriteSummary');
    const range = wholeColumns(rt);
    expect(range).toBeDefined();
    rt.call('rewriteSummary');
    expect(wholeColumns(rt)).toBe(range);
    expect(rt.values('Summary', 'A1')).toEqual([[8]]);
    rt.setCellValues('Case supervision', 'A4', [['C3']]);
    expect(rt.values('Summary', 'A1')).toEqual([[9]]);
    rt.call('clearSummary');
    expect(wholeColumns(rt)).toBeUndefined();
  });

  it('outside a script run, a cleared formula takes its range with it at once', () => {
    const rt = open();
    rt.setCellValues('Summary', 'A1', [["=FILLED('Case supervision'!A:C)"]]);
    expect(wholeColumns(rt)).toBeDefined();
    rt.setCellValues('Summary', 'A1', [['']]);
    expect(wholeColumns(rt)).toBeUndefined();
  });
});

describe('runtime › a range argument read once in a run', () => {
  /** How many times range arguments' cells are read while `run` runs. */
  function rangeReads(run: () => void): number {
    const reads = jest.spyOn(SimpleRangeValue.prototype, 'data', 'get');
    try {
      run();
      return reads.mock.calls.length;
    } finally {
      reads.mockRestore();
    }
  }

  it('two formulas over the same case tab, each evaluated ahead and entered, read its cells once', () => {
    const rt = open();
    expect(rangeReads(() => rt.call('twoCounts'))).toBe(1);
    expect(rt.values('Summary', 'A1:B1')).toEqual([[8, 8]]);
    // The next run reads the tab again.
    expect(rangeReads(() => rt.call('twoCounts'))).toBe(1);
  });

  it('reads the tab again after the run changes it', () => {
    const rt = open();
    rt.call('countChangeCount');
    expect(rt.values('Summary', 'A1:B1')).toEqual([[9, 9]]);
  });
});

describe('runtime › a workbook opened with formulas', () => {
  it('evaluates them in order, across tabs and over ranges of formulas, and finds a cycle', () => {
    const rt = loadAddon({
      code: SCRIPT,
      spreadsheet: buildSpreadsheet({
        sheets: {
          Alone: [['=Third!A1+1', '=ARRAYFORMULA(Third!A1*{1,2})']],
          First: [['=Second!A1+1', '=SUM(Second!A1:A3)', '=D1', '=C1']],
          Second: [['=Third!A1*2'], ['=A1+1'], [7]],
          Third: [[5], ['Yes'], ['No']],
          Counts: [["=FILLED(Third!A1:A3)", "=COUNTIF(Third!A:A, \"Yes\")"]],
        },
      }),
    });
    expect(rt.values('Alone', 'A1:C1')).toEqual([[6, 5, 10]]);
    expect(rt.values('First', 'A1:B1')).toEqual([[11, 28]]);
    expect(rt.values('Second', 'A1:A3')).toEqual([[10], [11], [7]]);
    expect(rt.values('Counts', 'A1:B1')).toEqual([[3, 1]]);
    expect(rt.values('First', 'C1:D1')).toEqual([['#REF!', '#REF!']]);
    expect(rt.cellError('First', 'C1')?.message).toBe('Circular dependency detected. To resolve with iterative calculation, see File > Settings.');
  });
});

describe('runtime › a tab’s extent', () => {
  it('is not found again for a tab without formulas when another tab changes, and is when the tab itself changes', () => {
    const rt = open();
    const engine = engineOf(rt);
    const reads = jest.spyOn(engine.instance, 'getRangeValues');
    expect(engine.extent('Case supervision')).toEqual({ rows: 3, columns: 3 });
    reads.mockClear();
    rt.setCellValues('Other', 'A1', [['x']]);
    expect(engine.extent('Case supervision')).toEqual({ rows: 3, columns: 3 });
    expect(reads).not.toHaveBeenCalled();
    rt.setCellValues('Case supervision', 'D5', [['late']]);
    expect(engine.extent('Case supervision')).toEqual({ rows: 5, columns: 4 });
    rt.workbook.insertColumns(rt.workbook.sheet('Case supervision'), 1, 1);
    expect(engine.extent('Case supervision')).toEqual({ rows: 5, columns: 5 });
  });

  it('follows a tab of formulas whose results change with another tab', () => {
    const rt = open();
    const engine = engineOf(rt);
    rt.setCellValues('Other', 'B1', [["=LISTED('Case supervision'!A:A)"]]);
    expect(engine.extent('Other')).toEqual({ rows: 3, columns: 2 });
    rt.setCellValues('Case supervision', 'A4', [['C3']]);
    rt.setCellValues('Case supervision', 'A5', [['C4']]);
    expect(rt.values('Other', 'B1:B5')).toEqual([['Case ID'], ['C1'], ['C2'], ['C3'], ['C4']]);
    expect(engine.extent('Other')).toEqual({ rows: 5, columns: 2 });
  });

  it('belongs to the tab: a tab added in the place of one removed starts empty', () => {
    const rt = open();
    const engine = engineOf(rt);
    expect(engine.extent('Other')).toEqual({ rows: 0, columns: 0 });
    rt.setCellValues('Other', 'B2', [['x']]);
    expect(engine.extent('Other')).toEqual({ rows: 2, columns: 2 });
    rt.workbook.removeSheet(rt.workbook.sheet('Other'));
    rt.workbook.addSheet('New');
    expect(engine.extent('New')).toEqual({ rows: 0, columns: 0 });
  });
});
