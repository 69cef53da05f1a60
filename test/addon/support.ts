import { typeCaseSample } from '../../examples/thames-valley-2019/workbook';
import { PUBLISHED, publishedCases } from '../../examples/thames-valley-2019/published';
import { AddonRuntime, buildSpreadsheet, columnLetters, loadAddon } from '../../runtime';

/**
 * A fresh spreadsheet with the built add-on installed, New inspection run. `customFunctions:
 * 'pending'` leaves custom-function cells reading "Loading..." until `rt.settle()`, as in Sheets.
 */
export function newWorkbook(options: { maxRows?: number; customFunctions?: 'settled' | 'pending' } = {}): AddonRuntime {
  const rt = loadAddon({ spreadsheet: buildSpreadsheet({ name: 'Thames Valley CRC', maxRows: options.maxRows }), customFunctions: options.customFunctions });
  rt.install();
  rt.call('runNewInspection');
  return rt;
}

/** Types a case table into a case tab as inspectors would paste it, matching columns by id. */
export const typeCases = typeCaseSample;

/** The example inspection's current case answers, typed into the three case tabs. */
export function typePublishedCases(rt: AddonRuntime): void {
  typeCases(rt, 'Case supervision', publishedCases('Case supervision', 'current'));
  typeCases(rt, 'Unpaid work', publishedCases('Unpaid work', 'current'));
  typeCases(rt, 'Through the Gate', publishedCases('Through the Gate', 'current'));
}

/** The lead inspector's domain one ratings and the panel's two judgements, typed into their tabs. */
export function typeJudgements(rt: AddonRuntime): void {
  const domainOne = rt.sheetValues('Domain one');
  domainOne.forEach((row, index) => {
    const rating = (PUBLISHED.ratings as Record<string, string>)[String(row[0])];
    if (index > 0 && rating) rt.setCellValues('Domain one', `D${index + 1}`, [[rating]]);
  });
  const panel = rt.sheetValues('Panel');
  panel.forEach((row, index) => {
    const judgement = (PUBLISHED.panelJudgements as Record<string, { panel: string; rationale: string }>)[String(row[0])];
    if (index > 0 && judgement) rt.setCellValues('Panel', `D${index + 1}`, [[judgement.panel, judgement.rationale]]);
  });
}

/** A tab's values as a map from its column A label to its row. */
export function rowsByLabel(rt: AddonRuntime, tab: string): Map<string, unknown[]> {
  return new Map(rt.sheetValues(tab).map((row) => [String(row[0]), row]));
}

/** A case tab's whole range as a formula may pass it: whole columns up to the tab's last (never past its grid). */
export function wholeTab(rt: AddonRuntime, tab: string): string {
  return `'${tab.replace(/'/g, "''")}'!A:${columnLetters(rt.spreadsheet.getSheetByName(tab)!.getMaxColumns())}`;
}
