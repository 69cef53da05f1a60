import { isEmptyCell, quoteText } from './answers';
import { CaseTable, sheetRow } from './caseTable';
import { DataProblem, dataProblem } from './dataQuality';

/** Sheets' error values, as getValues returns them. */
const ERROR_VALUE = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!)$/;

/** Whether a cell's value is one of Sheets' error values (#N/A, #REF!, …). */
export function isErrorValue(value: unknown): boolean {
  return typeof value === 'string' && ERROR_VALUE.test(value.trim());
}

/**
 * Answer cells that hold a formula rather than a typed answer (docs/user-guide.md "Data quality").
 * The summaries read their values now, but a formula can turn into an error value, and Sheets may
 * not run a custom function over a range holding one; listing them means nothing goes blank
 * unexplained. A formula whose value is already an error is left to the answer check, which
 * reports it as not an answer. `formulas` is the tab's getFormulas(), header row first.
 */
export function formulaCellProblems(tab: string, table: CaseTable, formulas: readonly string[][]): DataProblem[] {
  const problems: DataProblem[] = [];
  const answerColumns = [...table.answerColumns.values()];
  table.rows.forEach((cells, rowIndex) => {
    const rowFormulas = formulas[rowIndex + 1];
    if (!rowFormulas) return;
    for (const column of answerColumns) {
      const formula = rowFormulas[column.index] ?? '';
      const value = cells[column.index];
      if (formula === '' || isErrorValue(value)) continue;
      const row = sheetRow(rowIndex);
      problems.push(
        dataProblem(tab, row, column.index + 1, column.header, isEmptyCell(value) ? '' : quoteText(String(value)), 'formula',
          `Row ${row}, column "${quoteText(column.header)}": holds the formula ${quoteText(formula)}, not a typed answer. If it turns into an error (#N/A, #REF!), the summaries over this tab stop; type the answer instead.`),
      );
    }
  });
  return problems;
}
