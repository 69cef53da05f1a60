import { findCaseTab as findModelCaseTab, WorkbookReader } from '../core/workbookModel';
import { CaseTabLayout } from '../core/workbook';
import { FoundTab, Tabs } from './ownTabs';

/**
 * SpreadsheetApp adapted to the workbook model's reader (src/core/workbookModel.ts): each tab's
 * header and values read at most once per reader, its role from the add-on's developer metadata.
 * A reader is made per operation, so it never outlives the tabs it read; a write makes a new one.
 */
export function sheetsReader(tabs: Tabs, alreadyRead: ReadonlyMap<string, unknown[][]> = new Map()): WorkbookReader {
  const headers = new Map<string, unknown[]>();
  // Tabs the caller has read already (each getValues once per operation).
  const values = new Map<string, unknown[][]>(alreadyRead);
  return {
    tabNames: () => [...tabs.keys()],
    header: (name) => {
      const known = values.get(name)?.[0] ?? headers.get(name);
      if (known) return known;
      const sheet = tabs.get(name)?.sheet;
      const width = sheet ? sheet.getLastColumn() : 0;
      const header = sheet && width > 0 ? sheet.getRange(1, 1, 1, width).getValues()[0] : [];
      headers.set(name, header);
      return header;
    },
    values: (name) => {
      let read = values.get(name);
      if (!read) {
        const sheet = tabs.get(name)?.sheet;
        read = sheet ? sheet.getDataRange().getValues() : [];
        values.set(name, read);
      }
      return read;
    },
    role: (name) => tabs.get(name)?.role,
  };
}

/**
 * A case tab of a layout as the workbook model finds it (by name, or once renamed by its
 * key-question columns; a copy of it is an error naming both tabs), or undefined.
 */
export function findCaseTab(tabs: Tabs, layout: CaseTabLayout): FoundTab | undefined {
  const name = findModelCaseTab(sheetsReader(tabs), layout);
  return name === undefined ? undefined : { name, ...tabs.get(name)! };
}
