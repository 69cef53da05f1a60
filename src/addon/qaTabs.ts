import { Tabs } from './ownTabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Which case tab a QA tab checks, kept in developer metadata beside the tab's role. */
const QA_OF_KEY = 'inspectionRatings.qaOf';

/** Records on a new QA tab which case tab it checks. */
export function markQaOf(sheet: Sheet, caseTab: string): void {
  sheet.addDeveloperMetadata(QA_OF_KEY, caseTab);
}

/** The QA tab that checks `caseTab`, found by role and metadata, never by name. */
export function qaTabOf(tabs: Tabs, caseTab: string): { name: string; sheet: Sheet } | undefined {
  for (const [name, tab] of tabs) {
    if (tab.role !== 'qa') continue;
    const of = tab.sheet.getDeveloperMetadata().find((metadata) => metadata.getKey() === QA_OF_KEY);
    if (of && of.getValue() === caseTab) return { name, sheet: tab.sheet };
  }
  return undefined;
}
