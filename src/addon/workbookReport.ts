import { Framework } from '../core/framework';
import { RatingsReport, ratingsReport } from '../core/report';
import { COMPARISON_LAYOUT, DOMAIN_ONE_LAYOUT, PANEL_LAYOUT } from '../core/tabLayouts';
import { findTab, Tabs, TabRole } from './ownTabs';
import type { CaseTabRead } from './caseTabs';

/**
 * The report model over the workbook as it is now, for the sidebar and every server function:
 * computed from the values people typed (case answers, panel judgements, domain one ratings),
 * never from a custom-function cell, which Sheets shows as "Loading..." until it has run.
 * The case tabs come already read; each list tab is read with one getValues.
 */
export function workbookReport(tabs: Tabs, framework: Framework, caseTabs: CaseTabRead[]): RatingsReport {
  const listTabs = new Map<string, TabRole>([
    [PANEL_LAYOUT.name, 'panel'],
    [DOMAIN_ONE_LAYOUT.name, 'domainOne'],
    [COMPARISON_LAYOUT.name, 'comparison'],
  ]);
  return ratingsReport(framework, (name) => {
    const caseTab = caseTabs.find((tab) => tab.frameworkName === name);
    if (caseTab) return caseTab.values;
    const role = listTabs.get(name);
    const tab = role && findTab(tabs, role, name);
    return tab && tab.role === role ? tab.sheet.getDataRange().getValues() : undefined;
  });
}
