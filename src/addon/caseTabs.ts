import { readCaseTable } from '../core/caseTable';
import { Framework } from '../core/framework';
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
  table: ReturnType<typeof readCaseTable>;
}

/**
 * The add-on's case tabs as the workbook model finds them, each read with one getValues
 * (docs/design.md: reads do not grow with calls per case); tabs New inspection has not made its own yet are left out.
 */
export function readCaseTabs(tabs: Tabs, framework: Framework): CaseTabRead[] {
  const reader = sheetsReader(tabs);
  const found = findCaseTabs(reader, framework);
  refuseOtherFrameworkTabs(reader, framework, found);
  return found.flatMap(({ layout, tab: name }) => {
    const tab = tabs.get(name)!;
    if (tab.role !== 'case') return [];
    const values = reader.values(name);
    try {
      return [{ name, frameworkName: layout.name, width: values[0].length, gridColumns: tab.sheet.getMaxColumns(), table: readCaseTable(values) }];
    } catch (error) {
      throw new Error(`${name}: ${(error as Error).message} Run New inspection to restore the header row.`);
    }
  });
}
