/**
 * The report model of a whole workbook, read through the workbook model: the framework and case
 * tabs it finds (src/core/workbookModel.ts), each list tab (Inspection, Domain one, Panel,
 * Comparison, Sign-off log) by the role the add-on marked it with or else by its name, and each case tab's QA
 * tab. The add-on (over SpreadsheetApp) and the command line (over the .xlsx reader) call this one
 * function, so the sidebar, the Word report, the ratings page and `rate --json` read a workbook alike.
 * `problemLimit`: see ratingsReport (the sidebar lists only the first problems).
 */
import { RatingsReport, ratingsReport } from './report';
import { COMPARISON_LAYOUT, DOMAIN_ONE_LAYOUT, INSPECTION_LAYOUT, PANEL_LAYOUT, SIGN_OFF_LOG_LAYOUT } from './tabLayouts';
import { markerProblems } from './frameworkChoice';
import { frameworkTabOf, qaTabName, readWorkbookModel, WorkbookModel, WorkbookReader } from './workbookModel';
import { problemsInOrder } from './dataQuality';

/** Each list tab the report reads: its layout name and the role the add-on marks it with. */
const LIST_TABS: ReadonlyArray<[string, string]> = [
  [INSPECTION_LAYOUT.name, 'inspection'],
  [DOMAIN_ONE_LAYOUT.name, 'domainOne'],
  [PANEL_LAYOUT.name, 'panel'],
  [COMPARISON_LAYOUT.name, 'comparison'],
  [SIGN_OFF_LOG_LAYOUT.name, SIGN_OFF_LOG_LAYOUT.role],
];

export function workbookReport(
  reader: WorkbookReader,
  model: Pick<WorkbookModel, 'framework' | 'caseTabs'> = readWorkbookModel(reader),
  problemLimit = Number.POSITIVE_INFINITY,
): RatingsReport {
  const names = reader.tabNames();
  const present = new Set(names);
  // The report asks for tabs by their layout names; each maps to the tab found for it.
  const found = new Map<string, string>();
  for (const [name, role] of LIST_TABS) {
    const tab = names.find((candidate) => reader.role?.(candidate) === role) ?? (present.has(name) ? name : undefined);
    if (tab !== undefined) found.set(name, tab);
  }
  for (const caseTab of model.caseTabs) {
    found.set(caseTab.layout.name, caseTab.tab);
    const qa = [qaTabName(caseTab.tab), qaTabName(caseTab.layout.name)].find((name) => present.has(name));
    if (qa !== undefined) found.set(qaTabName(caseTab.layout.name), qa);
  }
  const tabValues = (name: string) => {
    const tab = found.get(name) ?? (present.has(name) ? name : undefined);
    return tab === undefined ? undefined : reader.values(tab);
  };
  const report = ratingsReport(model.framework, tabValues, new Map(model.caseTabs.map((caseTab) => [caseTab.layout.name, caseTab.tab])), problemLimit);
  // docs/frameworks.md: a case tab's header that differs from the Framework tab is listed first.
  const headers = markerProblems(model.caseTabs.map((caseTab) => ({ name: caseTab.tab, header: reader.header(caseTab.tab) })), model.framework, frameworkTabOf(reader));
  const listed = headers.map(({ tab, cell, message, kind }) => ({ tab, cell, message, kind }));
  // docs/user-guide.md: one order for every list of problems.
  return { ...report, problems: problemsInOrder([...listed, ...report.problems]), problemCount: report.problemCount + listed.length };
}
