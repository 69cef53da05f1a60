/**
 * docs/report.md: the sidebar's two calls for "Download report (.docx)": the report model of the
 * workbook (one read per tab), and the document builder's script, fetched only when asked so the
 * sidebar's first load stays small. No Drive access, no new scope: the sidebar makes the file.
 */
import { qaTabName, RatingsReport, ratingsReport } from '../core/report';
import { COMPARISON_LAYOUT, DOMAIN_ONE_LAYOUT, INSPECTION_LAYOUT, PANEL_LAYOUT } from '../core/tabLayouts';
import { caseTabLayouts } from '../core/workbook';
import { serverFunction } from '../publicFunction';
import { findCaseTab, findTab, TabRole, tabsByName } from './ownTabs';
import { qaTabOf } from './qualityCheck';
import { workbookFramework } from './setup';

/** The dist/ HTML file (no extension) that holds the document builder's script. */
export const REPORT_DOCUMENT_FILE = 'ReportDocument';

/** The report model, every tab found by its role whatever a user renamed it to (plain data for google.script.run). */
function reportModel(): RatingsReport {
  const tabs = tabsByName(SpreadsheetApp.getActiveSpreadsheet());
  const framework = workbookFramework(tabs);
  const lists: Array<[string, TabRole]> = [
    [INSPECTION_LAYOUT.name, 'inspection'],
    [DOMAIN_ONE_LAYOUT.name, 'domainOne'],
    [PANEL_LAYOUT.name, 'panel'],
    [COMPARISON_LAYOUT.name, 'comparison'],
  ];
  const sheets = new Map<string, GoogleAppsScript.Spreadsheet.Sheet>();
  for (const [name, role] of lists) {
    const tab = findTab(tabs, role, name);
    if (tab) sheets.set(name, tab.sheet);
  }
  for (const layout of caseTabLayouts(framework)) {
    const tab = findCaseTab(tabs, layout);
    if (!tab) continue;
    sheets.set(layout.name, tab.sheet);
    const qa = qaTabOf(tabs, tab.name);
    if (qa) sheets.set(qaTabName(layout.name), qa.sheet);
  }
  return ratingsReport(framework, (name) => sheets.get(name)?.getDataRange().getValues());
}

export const getReportModel = serverFunction(
  { summary: 'Sidebar: the inspection report model (ratings, key questions, panel, evidence notes, data problems) for the Word report.', params: [], returns: 'A RatingsReport object.' },
  reportModel,
);

export const getReportDocumentScript = serverFunction(
  { summary: "Sidebar: the Word report builder's script, loaded only when a report is asked for.", params: [], returns: 'JavaScript source.' },
  (): string => HtmlService.createHtmlOutputFromFile(REPORT_DOCUMENT_FILE).getContent(),
);
