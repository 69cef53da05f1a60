import { serverFunction } from '../publicFunction';
import { newInspection } from './setup';
import { generateSummaries } from './summaries';

/** Editor add-on menu (Extensions › Inspection Ratings), shaped like Google's Sheets add-on template. */
export const onOpen = serverFunction(
  {
    summary: 'Adds the Inspection Ratings menu. Runs in any authorisation mode: it only builds the menu.',
    params: [{ name: 'e', type: 'Object', description: 'The open event.' }],
    returns: 'Nothing.',
  },
  (_event?: GoogleAppsScript.Events.SheetsOnOpen) => {
    SpreadsheetApp.getUi()
      .createAddonMenu()
      .addItem('New inspection', 'menuNewInspection')
      .addItem('Open sidebar', 'showSidebar')
      .addSeparator()
      .addItem('Generate summaries', 'menuGenerateSummaries')
      .addToUi();
  },
);

export const onInstall = serverFunction(
  {
    summary: 'Runs when the add-on is installed: adds the menu at once, without reopening the spreadsheet.',
    params: [{ name: 'e', type: 'Object', description: 'The install event.' }],
    returns: 'Nothing.',
  },
  (event?: GoogleAppsScript.Events.AddonOnInstall) => onOpen.run(event as GoogleAppsScript.Events.SheetsOnOpen | undefined),
);

export const menuNewInspection = serverFunction(
  {
    summary: 'Menu: New inspection — sets up (or completes) the inspection workbook and says what it did.',
    params: [],
    returns: 'Nothing.',
  },
  () => alertReport('New inspection', newInspection),
);

export const menuGenerateSummaries = serverFunction(
  {
    summary: 'Menu: Generate summaries — builds or refreshes the Ratings, Key questions, Prompts, Sub-samples and Data quality tabs.',
    params: [],
    returns: 'Nothing.',
  },
  () => alertReport('Generate summaries', generateSummaries),
);

/** Runs a menu item's work and tells the user what it did, or why it could not (e.g. busy). */
function alertReport(title: string, work: () => { lines: string[] }): void {
  const ui = SpreadsheetApp.getUi();
  let message: string;
  try {
    message = work().lines.join('\n\n');
  } catch (error) {
    message = (error as Error).message;
  }
  ui.alert(title, message, ui.ButtonSet.OK);
}
