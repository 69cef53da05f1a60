import { TabValues } from '../core/report';
import { COMPARISON_LAYOUT, DOMAIN_ONE_LAYOUT, PANEL_LAYOUT } from '../core/tabLayouts';
import { findTab, Tabs, TabRole } from './ownTabs';
import type { CaseTabRead } from './caseTabs';

/**
 * The workbook's tabs as the report model reads them (`ratingsReport(framework, tabValues)`), for the
 * sidebar and every server function: the values people typed (case answers, panel judgements,
 * domain one ratings), never a custom-function cell, which Sheets shows as "Loading..." until it
 * has run. The case tabs come already read; each list tab is read with one getValues, once.
 */
export function workbookTabValues(tabs: Tabs, caseTabs: CaseTabRead[]): TabValues {
  const listTabs = new Map<string, TabRole>([
    [PANEL_LAYOUT.name, 'panel'],
    [DOMAIN_ONE_LAYOUT.name, 'domainOne'],
    [COMPARISON_LAYOUT.name, 'comparison'],
  ]);
  const read = new Map<string, unknown[][] | undefined>();
  return (name) => {
    const caseTab = caseTabs.find((tab) => tab.frameworkName === name);
    if (caseTab) return caseTab.values;
    if (!read.has(name)) {
      const role = listTabs.get(name);
      const tab = role && findTab(tabs, role, name);
      read.set(name, tab && tab.role === role ? tab.sheet.getDataRange().getValues() : undefined);
    }
    return read.get(name);
  };
}
