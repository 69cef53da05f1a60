/**
 * The tabs the add-on made are marked with developer metadata, so they are found again by
 * role, not by a name a user may also have chosen (STYLE: no fragile detection).
 */

const ROLE_KEY = 'inspectionRatings.role';

export type TabRole = 'case' | 'domainOne' | 'panel' | 'panelLog' | 'signOffLog' | 'comparison' | 'ratings' | 'keyQuestions' | 'prompts' | 'subSamples' | 'dataQuality' | 'qa' | 'agreement' | 'framework' | 'inspection';

export function roleOf(sheet: GoogleAppsScript.Spreadsheet.Sheet): TabRole | undefined {
  const mark = sheet.getDeveloperMetadata().find((metadata) => metadata.getKey() === ROLE_KEY);
  return mark ? (mark.getValue() as TabRole) : undefined;
}

export function markOwn(sheet: GoogleAppsScript.Spreadsheet.Sheet, role: TabRole): void {
  sheet.addDeveloperMetadata(ROLE_KEY, role);
}

/** The spreadsheet's tabs by name, each with the role the add-on gave it (if any). */
export type Tabs = Map<string, { sheet: GoogleAppsScript.Spreadsheet.Sheet; role?: TabRole }>;

/** The spreadsheet the add-on runs in (one short call for the many places that start from it). */
export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** The spreadsheet's own properties, where the add-on keeps its last choices. */
export function documentProperties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

/** Reads every tab's name and role in one pass. */
export function tabsByName(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Tabs {
  return new Map(spreadsheet.getSheets().map((sheet) => [sheet.getName(), { sheet, role: roleOf(sheet) }]));
}

/** The line for a tab whose name the add-on wanted but a user's tab already has. */
export function notOurs(name: string, again: string): string {
  return `${name}: a tab with this name already exists and was not made by Inspection Ratings, so it was left as it is. Rename it and ${again}.`;
}

/** One of the add-on's tabs as found: its current name (a user may have renamed it) and sheet. */
export interface FoundTab {
  name: string;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  role?: TabRole;
}

/**
 * The add-on's tab of a role found by its developer metadata, whatever it is called now; for
 * case tabs (several share the role) and unmarked tabs, the tab of the expected name.
 */
export function findTab(tabs: Tabs, role: TabRole, name: string): FoundTab | undefined {
  if (role !== 'case') {
    for (const [tabName, tab] of tabs) if (tab.role === role) return { name: tabName, ...tab };
  }
  const named = tabs.get(name);
  return named && { name, ...named };
}
