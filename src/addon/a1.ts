/** A1 notation for the formulas the add-on writes. */
import { columnLetter } from '../core/a1';

export { columnLetter };

/** A tab name as a formula reference: 'Case supervision'! (quotes doubled). */
export function tabRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}

/** Columns a case range always spans, so users can add columns without editing formulas. */
const MIN_CASE_COLUMNS = 104; // A:CZ

/**
 * SPEC §4: a case range starts at the header row; whole columns (A:CZ) start at row 1 and
 * grow with the tab, in Sheets and in the test engine alike.
 */
export function caseRange(tabName: string, width: number): string {
  return `${tabRef(tabName)}A:${columnLetter(Math.max(MIN_CASE_COLUMNS, width + 26))}`;
}
