import { CellInput } from './cells';
import { protectWholeTab } from './formats';
import { findTab, markOwn, notOurs, TabRole, Tabs } from './ownTabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type Grid = CellInput[][];

/** A tab the add-on writes whole (Ratings and the summaries): it holds no user data. */
export interface OwnTab {
  name: string;
  role: TabRole;
  grid: Grid;
  /** Formats applied after each write. */
  format?: (sheet: Sheet, grid: Grid) => void;
  /** Where a new tab goes (default: last). */
  position?: number;
  /** Rows to reserve when the tab is created, so a tab whose length follows the data needs no further calls to grow. */
  rows?: number;
}

/**
 * Writes one of the add-on's own tabs in place: found by its developer metadata, cleared and
 * rewritten in one block. A user's tab of that name is left alone, and the line says so.
 */
export function writeOwnTab(spreadsheet: Spreadsheet, tabs: Tabs, tab: OwnTab): string {
  const existing = findTab(tabs, tab.role, tab.name);
  const adopted = existing !== undefined && !existing.role && hasOwnHeader(existing.sheet, tab.grid[0]);
  if (existing && existing.role !== tab.role && !adopted) return notOurs(tab.name, 'generate again');
  const sheet = existing ? existing.sheet : spreadsheet.insertSheet(tab.name, tab.position ?? spreadsheet.getNumSheets());
  if (!existing || adopted) {
    markOwn(sheet, tab.role);
    tabs.set(tab.name, { sheet, role: tab.role });
    protectWholeTab(sheet, `The ${tab.name} tab`);
  }
  const width = Math.max(...tab.grid.map((row) => row.length));
  const rectangular = tab.grid.map((row) => [...row, ...Array<CellInput>(width - row.length).fill('')]);
  sheet.clearContents();
  const [maxRows, maxColumns] = [sheet.getMaxRows(), sheet.getMaxColumns()];
  const neededRows = Math.max(rectangular.length, existing ? 0 : (tab.rows ?? 0));
  if (maxColumns < width) sheet.insertColumnsAfter(maxColumns, width - maxColumns);
  if (maxRows < neededRows) sheet.insertRowsAfter(maxRows, neededRows - maxRows);
  sheet.getRange(1, 1, rectangular.length, width).setValues(rectangular);
  tab.format?.(sheet, rectangular);
  return `${existing ? existing.name : tab.name}: ${adopted ? 'recognised as an inspection tab; ' : ''}${existing ? 'refreshed' : 'created'}.`;
}

/**
 * Whether an unmarked tab's first row is exactly the header the add-on writes there: a tab it made
 * that lost its mark on a trip through .xlsx (developer metadata does not survive one).
 */
function hasOwnHeader(sheet: Sheet, header: CellInput[] | undefined): boolean {
  const titles = (header ?? []).map((cell) => (typeof cell === 'string' && !cell.startsWith('=') ? cell.replace(/^'/, '') : undefined));
  if (titles.length === 0 || titles.some((title) => !title) || sheet.getLastColumn() < titles.length) return false;
  const row = sheet.getRange(1, 1, 1, titles.length).getValues()[0];
  return titles.every((title, index) => String(row[index]).trim() === title);
}

/**
 * Writes rows below a tab's last filled row in one block, growing the grid when it is full:
 * never over a filled cell. Returns the first row written.
 */
export function appendRows(sheet: Sheet, rows: unknown[][]): number {
  const first = Math.max(sheet.getLastRow(), 1) + 1;
  const last = first + rows.length - 1;
  if (sheet.getMaxRows() < last) sheet.insertRowsAfter(sheet.getMaxRows(), last - sheet.getMaxRows());
  sheet.getRange(first, 1, rows.length, rows[0].length).setValues(rows);
  return first;
}
