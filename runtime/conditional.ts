/**
 * Which conditional format applies to a cell: the first rule, in the sheet's order, whose ranges hold
 * the cell and whose condition the cell's current value meets. Custom formulas are evaluated by the
 * engine with their relative references moved from the first range's top-left cell to this cell.
 */
import { columnLetters, columnNumber } from './a1';
import type { ConditionalFormatModel, SheetModel, Workbook } from './workbook';
import type { SheetsValue } from './values';

const REFERENCE = /"(?:[^"]|"")*"|'(?:[^']|'')*'!|(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)([0-9]+)(?![A-Za-z0-9_(])/g;

/** Moves a formula's relative A1 references by rows and columns, as copying it would. */
export function moveReferences(formula: string, rows: number, columns: number): string {
  return formula.replace(REFERENCE, (match, columnAnchor?: string, letters?: string, rowAnchor?: string, digits?: string) => {
    if (letters === undefined || digits === undefined) return match;
    const column = columnAnchor ? columnNumber(letters) : columnNumber(letters) + columns;
    const row = rowAnchor ? Number(digits) : Number(digits) + rows;
    return `${columnAnchor}${columnLetters(column)}${rowAnchor}${row}`;
  });
}

function text(value: SheetsValue): string {
  return String(value).toLowerCase();
}

function meets(rule: ConditionalFormatModel, value: SheetsValue, formulaHolds: () => boolean): boolean {
  const [first, second] = rule.values;
  const number = typeof value === 'number' ? value : undefined;
  const wanted = String(first ?? '').toLowerCase();
  switch (rule.criteria) {
    case 'CELL_EMPTY': return value === '';
    case 'CELL_NOT_EMPTY': return value !== '';
    case 'TEXT_EQUAL_TO': return text(value) === wanted;
    case 'TEXT_CONTAINS': return text(value).includes(wanted);
    case 'TEXT_DOES_NOT_CONTAIN': return !text(value).includes(wanted);
    case 'TEXT_STARTS_WITH': return text(value).startsWith(wanted);
    case 'TEXT_ENDS_WITH': return text(value).endsWith(wanted);
    case 'NUMBER_EQUAL_TO': return number === Number(first);
    case 'NUMBER_NOT_EQUAL_TO': return number !== undefined && number !== Number(first);
    case 'NUMBER_GREATER_THAN': return number !== undefined && number > Number(first);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO': return number !== undefined && number >= Number(first);
    case 'NUMBER_LESS_THAN': return number !== undefined && number < Number(first);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO': return number !== undefined && number <= Number(first);
    case 'NUMBER_BETWEEN': return number !== undefined && number >= Number(first) && number <= Number(second);
    case 'NUMBER_NOT_BETWEEN': return number !== undefined && (number < Number(first) || number > Number(second));
    case 'CUSTOM_FORMULA': return formulaHolds();
    default: throw new Error(`Conditions of type ${rule.criteria} are not evaluated by the offline runtime.`);
  }
}

export function conditionalFormatAt(workbook: Workbook, sheet: SheetModel, row: number, column: number): ConditionalFormatModel['format'] | undefined {
  const value = workbook.engine.values(sheet.name, { row, column, numRows: 1, numColumns: 1 })[0][0];
  for (const rule of sheet.conditionalFormats) {
    const inRange = rule.ranges.some(({ area }) => row >= area.row && row < area.row + area.numRows && column >= area.column && column < area.column + area.numColumns);
    if (!inRange) continue;
    const formulaHolds = () => {
      const origin = rule.ranges[0].area;
      const result = workbook.engine.calculate(moveReferences(String(rule.values[0]), row - origin.row, column - origin.column), sheet.name);
      return result === true || (typeof result === 'number' && result !== 0);
    };
    if (meets(rule, value, formulaHolds)) return { ...rule.format };
  }
  return undefined;
}
