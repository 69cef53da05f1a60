/** A1 notation for the formulas the add-on writes. */
import { columnLetter } from '../core/a1';

export { columnLetter };

/** A tab name as a formula reference: 'Case supervision'! (quotes doubled). */
export function tabRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}

/**
 * docs/functions.md: a case range starts at the header row. Whole columns (A:CE) start at row 1 and grow
 * with the tab as rows are added; they end at the tab's last column, never past its grid.
 */
export function caseRange(tabName: string, gridColumns: number): string {
  return `${tabRef(tabName)}A:${columnLetter(gridColumns)}`;
}
