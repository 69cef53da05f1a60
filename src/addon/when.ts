/**
 * A moment as words in messages and tab titles, in the spreadsheet's time zone (File › Settings),
 * which people see in its cells; the script's own time zone may differ.
 */
export function spreadsheetTime(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, moment: Date = new Date()): string {
  return Utilities.formatDate(moment, spreadsheet.getSpreadsheetTimeZone(), 'd MMM yyyy HH:mm');
}
