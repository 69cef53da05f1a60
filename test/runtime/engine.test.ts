import { buildSpreadsheet, loadAddon, quoteSheetName } from '../../runtime/index';
import { FIXTURE_BUNDLE } from './fixture';

const CASES = [
  ['Case ID', 'Q1', 'Q2'],
  ['C1', 'Yes', 'No'],
  ['C2', 'N/A', 'Yes'],
];

function runtime() {
  return loadAddon({
    code: FIXTURE_BUNDLE,
    spreadsheet: buildSpreadsheet({ sheets: { 'Case supervision': CASES, "O'Brien's notes": [[10], [20], [30]], Summary: [] } }),
  });
}

describe('formula engine', () => {
  describe('references', () => {
    it('reads sheet names with spaces and quotes', () => {
      const rt = runtime();
      expect([quoteSheetName('Case supervision'), quoteSheetName("O'Brien's notes"), quoteSheetName('Summary')]).toEqual(["'Case supervision'", "'O''Brien''s notes'", 'Summary']);
      rt.setCellValues('Summary', 'A1', [["=COUNTA('Case supervision'!A1:CZ200)", "=SUM('O''Brien''s notes'!A1:A3)"]]);
      expect(rt.values('Summary', 'A1:B1')).toEqual([[9, 60]]);
    });

    it('accepts whole-column ranges (A:CZ) but not open-ended ones (A1:CZ), which Sheets accepts', () => {
      const rt = runtime();
      rt.setCellValues('Summary', 'A1', [["=COUNTA('Case supervision'!A:CZ)", "=COUNTA('Case supervision'!A2:CZ)"]]);
      expect(rt.values('Summary', 'A1:B1')).toEqual([[9, '#ERROR!']]);
      expect(rt.cellError('Summary', 'B1')).toMatchObject({ value: '#ERROR!', message: 'Formula parse error.' });
    });

    it('reads bare TRUE and FALSE, which HyperFormula alone treats as unknown names', () => {
      const rt = runtime();
      rt.setCellValues('Summary', 'A1', [['=IF(COUNTA(\'Case supervision\'!A:A) > 2, TRUE, FALSE)', '=NOT(FALSE)']]);
      expect(rt.values('Summary', 'A1:B1')).toEqual([[true, true]]);
    });

    it('recalculates dependents when a person edits a cell', () => {
      const rt = runtime();
      rt.setCellValues('Summary', 'A1', [["=COUNTIF('Case supervision'!B2:C3, \"Yes\")"]]);
      expect(rt.values('Summary', 'A1')).toEqual([[2]]);
      // C2 turned Yes: three Yes now, so the count in B2 that D1 reads changes.
    rt.setCellValues('Case supervision', 'C2', [['Yes']]);
      expect(rt.values('Summary', 'A1')).toEqual([[3]]);
    });

    it('follows a renamed tab, as Sheets does: formulas name the new tab and recalculate from it', () => {
      const rt = runtime();
      rt.setCellValues('Summary', 'A1', [["=COUNTIF('Case supervision'!B2:C3, \"Yes\")", "=ANSWER_COUNTS('Case supervision'!B2:C3)"]]);
      rt.spreadsheet.getSheetByName('Case supervision')!.setName('Cases 2019');
      expect(rt.sheetFormulas('Summary')[0].slice(0, 2)).toEqual(["=COUNTIF('Cases 2019'!B2:C3, \"Yes\")", "=ANSWER_COUNTS('Cases 2019'!B2:C3)"]);
      rt.setCellValues('Cases 2019', 'C2', [['Yes']]);
      // CASES: Yes, No / N/A, Yes, with C2 now Yes: 3 Yes, 1 N/A.
      expect(rt.values('Summary', 'A1:D3')).toEqual([[3, 'Answer', 'Count', ''], ['', 'Yes', 3, ''], ['', 'N/A', 1, '']]);
    });

    it('reads a tab renamed to a name formulas already used, even where a custom function spills from it', () => {
      const rt = runtime();
      // Typed before any tab had the name: an unresolved reference, as in Sheets.
      rt.setCellValues('Summary', 'A1', [["=ANSWER_COUNTS('Cases 2019'!B2:C3)"]]);
      expect(rt.cellError('Summary', 'A1')).toEqual({ value: '#REF!', message: "Unresolved sheet name 'Cases 2019'." });
      rt.spreadsheet.getSheetByName('Case supervision')!.setName('Cases 2019');
      // CASES: Yes, No / N/A, Yes: 2 Yes, 1 No, 1 N/A, in the order first met.
      expect(rt.values('Summary', 'A1:B4')).toEqual([['Answer', 'Count'], ['Yes', 2], ['No', 1], ['N/A', 1]]);
      expect(rt.cellError('Summary', 'A1')).toBeUndefined();
    });

    it('shows errors as Sheets does, with the message available to tests', () => {
      const rt = runtime();
      rt.setCellValues('Summary', 'A1', [['=1/0', '=NA()', '=NO_SUCH_FUNCTION(1)']]);
      expect(rt.values('Summary', 'A1:C1')).toEqual([['#DIV/0!', '#N/A', '#NAME?']]);
      expect(rt.cellError('Summary', 'C1')?.message).toBe("Unknown function: 'no_such_function'.");
      expect(rt.cellError('Summary', 'D1')).toBeUndefined();
    });
  });

  describe('custom functions', () => {
    it('registers only top-level functions marked @customfunction', () => {
      const rt = runtime();
      expect(rt.customFunctionNames).toEqual(['DOUBLE', 'ANSWER_COUNTS', 'CHECKED_ANSWER', 'DESCRIBE_ARGS', 'SPREADSHEET_NAME']);
      rt.setCellValues('Summary', 'A1', [['=HELPER(1)']]);
      expect(rt.cellError('Summary', 'A1')?.value).toBe('#NAME?');
    });

    it('passes arguments shaped as Apps Script does: ranges as rows with "" for empty, a cell as its value, an omitted argument as undefined', () => {
      const rt = runtime();
      rt.setCellValues('Summary', 'A1', [["=DESCRIBE_ARGS('Case supervision'!B2:D3, 'Case supervision'!B2)", "=DESCRIBE_ARGS('Case supervision'!D2, 2.5, TRUE)"]]);
      expect(rt.values('Summary', 'A1:B1')).toEqual([['array 2x3 (own realm); string "Yes"; undefined', 'string ""; number 2.5; boolean true']]);
    });

    it('passes whole columns as the full height of the sheet, as Sheets does', () => {
      const rt = runtime();
      rt.setCellValues('Summary', 'A1', [["=DESCRIBE_ARGS('Case supervision'!B:C)"]]);
      expect(rt.values('Summary', 'A1')).toEqual([['array 1000x2 (own realm); undefined; undefined']]);
    });

    it('spills a 2-D result into the neighbouring cells', () => {
      const rt = runtime();
      rt.setCellValues('Summary', 'A1', [[1], [2], [3]]);
      rt.setCellValues('Summary', 'B1', [['=DOUBLE(A1:A3)']]);
      expect(rt.values('Summary', 'B1:B3')).toEqual([[2], [4], [6]]);
      expect(rt.sheetFormulas('Summary')).toEqual([['', '=DOUBLE(A1:A3)'], ['', ''], ['', '']]);
    });

    it('re-spills a table whose size follows the data as the data changes', () => {
      const rt = runtime();
      rt.setCellValues('Summary', 'A1', [["=ANSWER_COUNTS('Case supervision'!B2:C20)", '', '=COUNTA(A1:A20)']]);
      expect(rt.values('Summary', 'A1:C4')).toEqual([['Answer', 'Count', 4], ['Yes', 2, ''], ['No', 1, ''], ['N/A', 1, '']]);

      rt.setCellValues('Case supervision', 'A4', [['C3', 'Maybe', 'Unsure']]);
      expect(rt.values('Summary', 'A1:B6')).toEqual([['Answer', 'Count'], ['Yes', 2], ['No', 1], ['N/A', 1], ['Maybe', 1], ['Unsure', 1]]);
      expect(rt.values('Summary', 'C1')).toEqual([[6]]);

      rt.setCellValues('Case supervision', 'B2', [['', ''], ['', ''], ['', '']]);
      expect(rt.values('Summary', 'A1:B3')).toEqual([['Answer', 'Count'], ['', ''], ['', '']]);
      expect(rt.values('Summary', 'C1')).toEqual([[1]]);
    });

    it('settles a spill that reads another spill', () => {
      const rt = runtime();
      rt.setCellValues('Summary', 'A1', [["=ANSWER_COUNTS('Case supervision'!B2:C20)", '', '', '=DOUBLE(B2:B6)']]);
      rt.setCellValues('Case supervision', 'A4', [['C3', 'Yes', 'Maybe']]);
      expect(rt.values('Summary', 'D1:D5')).toEqual([[6], [2], [2], [2], ['']]);
    });

    it('evaluates custom functions already in the spreadsheet when the add-on loads', () => {
      const spreadsheet = buildSpreadsheet({ sheets: { Data: CASES, Summary: [['=ANSWER_COUNTS(Data!B2:C3)']] } });
      expect(spreadsheet.cellError('Summary', 'A1')?.value).toBe('#NAME?');
      const rt = loadAddon({ code: FIXTURE_BUNDLE, spreadsheet });
      expect(rt.sheetValues('Summary')).toEqual([['Answer', 'Count'], ['Yes', 2], ['No', 1], ['N/A', 1]]);
    });

    it('runs a custom function once per recalculation, even when its spill changes size', () => {
      const rt = runtime();
      rt.setCellValues('Summary', 'A1', [["=ANSWER_COUNTS('Case supervision'!B2:C20)"]]);
      rt.setCellValues('Case supervision', 'B4', [['Maybe']]);
      expect(rt.customFunctionCalls.count('ANSWER_COUNTS')).toBe(2);
    });

    it('frees the cells a shrinking spill no longer covers, so a person can type there', () => {
      const rt = runtime();
      rt.setCellValues('Summary', 'A1', [["=ANSWER_COUNTS('Case supervision'!B2:C20)"]]);
      rt.setCellValues('Case supervision', 'B2', [['Yes', 'Yes'], ['Yes', 'Yes']]);
      rt.setCellValues('Summary', 'A3', [['typed']]);
      expect(rt.values('Summary', 'A1:B3')).toEqual([['Answer', 'Count'], ['Yes', 4], ['typed', '']]);
    });

    it('shows #REF! while the spill area is occupied, and spills again once it is cleared', () => {
      const rt = runtime();
      rt.setCellValues('Summary', 'A3', [['in the way']]);
      rt.setCellValues('Summary', 'A1', [["=ANSWER_COUNTS('Case supervision'!B2:C20)"]]);
      expect(rt.cellError('Summary', 'A1')).toEqual({ value: '#REF!', message: 'Array result was not expanded because it would overwrite data in A3.', engineMessage: 'No space for array result.' });
      rt.setCellValues('Summary', 'A3', [['']]);
      expect(rt.values('Summary', 'A1:A4')).toEqual([['Answer'], ['Yes'], ['No'], ['N/A']]);
    });

    it('refuses to spill past the edge of the grid, as Sheets does', () => {
      const rt = loadAddon({ code: FIXTURE_BUNDLE, spreadsheet: { sheets: { Data: CASES, Small: [] }, maxRows: 3 } });
      rt.setCellValues('Small', 'A2', [['=ANSWER_COUNTS(Data!B2:C3)']]);
      expect(rt.cellError('Small', 'A2')).toEqual({ value: '#REF!', message: 'Result was not automatically expanded, please insert more rows (2).' });
    });

    it('turns a thrown Error into #ERROR! carrying its message', () => {
      const rt = runtime();
      rt.setCellValues('Summary', 'A1', [["=CHECKED_ANSWER('Case supervision'!B2)", '=CHECKED_ANSWER(Z9)']]);
      expect(rt.values('Summary', 'A1:B1')).toEqual([['Yes', '#ERROR!']]);
      expect(rt.cellError('Summary', 'B1')).toEqual({ value: '#ERROR!', message: 'The answer is blank: enter Yes, No or N/A.' });
    });

    it('refuses service calls from a custom function: it must get everything through its arguments', () => {
      const rt = runtime();
      rt.setCellValues('Summary', 'A1', [['=SPREADSHEET_NAME()']]);
      expect(rt.cellError('Summary', 'A1')?.message).toMatch(/^SpreadsheetApp\.getActive was called from the custom function SPREADSHEET_NAME/);
    });

    it('evaluates a call directly, without putting it in a cell', () => {
      const rt = runtime();
      expect(rt.evaluate("=DOUBLE('O''Brien''s notes'!A1:A3)")).toEqual([[20], [40], [60]]);
      expect(rt.evaluate('=DOUBLE(21)')).toBe(42);
      expect(rt.workbook.evaluateError('=CHECKED_ANSWER("")')).toEqual({ value: '#ERROR!', message: 'The answer is blank: enter Yes, No or N/A.' });
    });
  });
});

describe('formula engine › what one edit costs in Sheets', () => {
  it('counts every execution an edit starts, re-runs of functions fed by another included, and the longest chain', () => {
    const rt = runtime();
    // A1 reads the cases; A2 reads A1 through a native formula; A3 reads A2's result directly: a chain of three.
    rt.setCellValues('Summary', 'A1', [["=ANSWER_COUNTS('Case supervision'!B2:C3)"]]);
    rt.setCellValues('Summary', 'D1', [['=B2+1'], ['=DOUBLE(D1)'], ['=DOUBLE(D2)'], ["=DOUBLE('O''Brien''s notes'!A1)"]]);
    const engine = rt.workbook.engine;
    engine.executions.length = 0;
    // C2 turned Yes: three Yes now, so the count in B2 that D1 reads changes.
    rt.setCellValues('Case supervision', 'C2', [['Yes']]);
    expect(engine.executions.map((execution) => [execution.name, execution.sheet, execution.row, execution.column])).toEqual([
      ['ANSWER_COUNTS', 'Summary', 1, 1],
      ['DOUBLE', 'Summary', 2, 4],
      ['DOUBLE', 'Summary', 3, 4],
    ]);
    expect(engine.chainDepth(engine.executions)).toBe(3);
    // An edit that reaches only a function reading typed values: one execution, depth 1.
    engine.executions.length = 0;
    rt.setCellValues("O'Brien's notes", 'A1', [[11]]);
    expect(engine.executions.map((execution) => execution.name)).toEqual(['DOUBLE']);
    expect(engine.chainDepth(engine.executions)).toBe(1);
  });

  it('records a formula being entered at its own cell, though the runtime evaluates it ahead to reserve its spill', () => {
    const rt = runtime();
    const engine = rt.workbook.engine;
    engine.executions.length = 0;
    rt.setCellValues('Summary', 'F3', [["=ANSWER_COUNTS('Case supervision'!B2:C3)"]]);
    expect(engine.executions.map((execution) => [execution.name, execution.sheet, execution.row, execution.column])).toEqual([['ANSWER_COUNTS', 'Summary', 3, 6]]);
  });
});
