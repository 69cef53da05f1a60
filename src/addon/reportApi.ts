/**
 * docs/report.md: the sidebar's two calls for "Download report (.docx)": the report model of the
 * workbook (one read per tab), and the document builder's script, fetched only when asked so the
 * sidebar's first load stays small. No Drive access, no new scope: the sidebar makes the file.
 */
import { boundedReport } from '../core/lists';
import { RatingsReport } from '../core/report';
import { workbookReport } from '../core/workbookReport';
import { serverFunction } from '../publicFunction';
import { validated } from './serverArgs';
import { activeSpreadsheet, tabsByName } from './ownTabs';
import { sheetsReader } from './workbookReader';

/** The dist/ HTML file (no extension) that holds the document builder's script. */
export const REPORT_DOCUMENT_FILE = 'ReportDocument';

/**
 * The report model, every tab found by its role whatever a user renamed it to (plain data for
 * google.script.run), its lists capped with a count of the rest so the reply stays small.
 */
function reportModel(): RatingsReport {
  return boundedReport(workbookReport(sheetsReader(tabsByName(activeSpreadsheet()))));
}

export const getReportModel = serverFunction(
  { summary: 'Sidebar: the inspection report model (ratings, key questions, panel, evidence notes, data problems) for the Word report.', params: [], returns: 'A RatingsReport object.' },
  validated('getReportModel', [], reportModel),
);

/**
 * The builder's file is HTML holding one <script> element: HtmlService parses what it serves, so a
 * bare script would come back altered (docs/design.md, "HtmlService is strict").
 */
export const getReportDocumentScript = serverFunction(
  { summary: "Sidebar: the Word report builder's script, loaded only when a report is asked for.", params: [], returns: 'An HTML <script> element holding the builder.' },
  validated('getReportDocumentScript', [], (): string => HtmlService.createHtmlOutputFromFile(REPORT_DOCUMENT_FILE).getContent()),
);
