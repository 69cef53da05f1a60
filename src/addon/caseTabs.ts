import { cellName } from '../core/a1';
import { readCaseTable } from '../core/caseTable';
import { Framework } from '../core/framework';
import { formulaCellProblems, isErrorValue } from '../core/formulaCells';
import { findCaseTabs, refuseOtherFrameworkTabs } from '../core/workbookModel';
import { Tabs } from './ownTabs';
import { sheetsReader } from './workbookReader';

/** A case tab as read once for generation: its name, width, grid width and table. */
export interface CaseTabRead {
  /** The tab's name now (a user may have renamed it). */
  name: string;
  /** The framework's name for it, which its standards give as their case tab. */
  frameworkName: string;
  width: number;
  /** Columns of the tab's grid: ranges over the tab end there (never past it). */
  gridColumns: number;
  /** The tab's values as read (row 1 first): what the report model reads. */
  values: unknown[][];
  /** Its formulas, same shape: answer cells holding one are listed as problems. */
  formulas: string[][];
  table: ReturnType<typeof readCaseTable>;
}

/**
 * The add-on's case tabs as the workbook model finds them, each read with one getValues
 * (docs/design.md: reads do not grow with calls per case); tabs New inspection has not made its own yet are left out.
 */
export function readCaseTabs(tabs: Tabs, framework: Framework, options: { skipUnreadable?: boolean } = {}): CaseTabRead[] {
  const reader = sheetsReader(tabs);
  const found = findCaseTabs(reader, framework);
  refuseOtherFrameworkTabs(reader, framework, found);
  return found.flatMap(({ layout, tab: name }) => {
    const tab = tabs.get(name)!;
    if (tab.role !== 'case') return [];
    const range = tab.sheet.getDataRange();
    const values = range.getValues();
    try {
      return [{ name, frameworkName: layout.name, width: values[0].length, gridColumns: tab.sheet.getMaxColumns(), values, formulas: range.getFormulas(), table: readCaseTable(values) }];
    } catch (error) {
      // New inspection's own checks report a header it cannot read; its warnings skip the tab.
      if (options.skipUnreadable) return [];
      throw new Error(`${name}: ${(error as Error).message} Run New inspection to restore the header row.`);
    }
  });
}

/**
 * New inspection's warning (docs/user-guide.md "Data quality"): answer cells holding an error value
 * or a formula, which Sheets may not pass to the summaries' custom functions; one line per case tab
 * that has any.
 */
export function errorAndFormulaCellLines(caseTabs: CaseTabRead[]): string[] {
  return caseTabs.flatMap((tab) => {
    const answerIndexes = [...tab.table.answerColumns.values()].map((column) => column.index);
    const errors = tab.table.rows.flatMap((cells, rowIndex) => answerIndexes.filter((index) => isErrorValue(cells[index])).map((index) => cellName(rowIndex + 2, index + 1)));
    const formulas = formulaCellProblems(tab.name, tab.table, tab.formulas).map((problem) => problem.cell);
    const cells = [...errors, ...formulas];
    if (cells.length === 0) return [];
    const first = cells.slice(0, 5).join(', ');
    return [
      `${tab.name}: ${cells.length} answer cell${cells.length === 1 ? ' holds' : 's hold'} an error value or a formula (${first}${cells.length > 5 ? ', …' : ''}). The summaries over this tab may stop on them in Sheets: type the answers instead. Generate summaries lists them all on the Data quality tab.`,
    ];
  });
}
