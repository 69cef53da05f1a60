import { NOT_RATED } from '../core/bands';
import { Framework } from '../core/framework';
import { standardsOf } from '../core/frameworks';
import { maximumScore } from '../core/frameworkTab';
import { caseTabLayouts, RATINGS_HEADER } from '../core/workbook';
import { caseRange, tabRef } from './a1';
import { asText } from './cells';
import { bandRules } from './formats';
import { writeOwnTab } from './ownTab';
import { findCaseTab, findTab, FoundTab, Tabs } from './ownTabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * SPEC §5 "Ratings": the report's ratings page as live formulas — every standard's rating and
 * score, the overall score and rating, panel moves marked. Few custom-function calls: the
 * indicative ratings are the Panel tab's (one RATE_STANDARD per case-based standard, so one
 * standard's bad data leaves the others rated), one more per applied panel move, and one each
 * for the scores and the overall rating.
 */
export function writeRatingsTab(spreadsheet: Spreadsheet, tabs: Tabs, framework: Framework): string {
  // R9: the counted standards first, scored and in the overall ranges; any that do not count (yj-2021's 4.1) after them, rated only.
  const counted = standardsOf(framework).filter((standard) => standard.counts);
  const standards = [...counted, ...standardsOf(framework).filter((standard) => !standard.counts)];
  const domainOne = findTab(tabs, 'domainOne', 'Domain one');
  const panelTab = findTab(tabs, 'panel', 'Panel');
  const domainOneRows = rowsById(domainOne);
  const panelRows = rowsById(panelTab);
  const caseTabs = caseTabLayouts(framework);
  const last = counted.length + 1;

  const rows = standards.map((standard, index): Array<string | number> => {
    const row = index + 2;
    if (standard.kind === 'leadJudgement') {
      const source = domainOneRows.get(standard.id);
      const rating = source ? `=IF(${tabRef(domainOne!.name)}D${source}="", "", ${tabRef(domainOne!.name)}D${source})` : '';
      return [asText(standard.id), asText(standard.name), rating, index === 0 ? `=STANDARD_SCORE(C2:C${last})` : '', '', ''];
    }
    const tab = caseTabs.find((layout) => layout.standards.includes(standard))!;
    const cases = caseRange(findCaseTab(tabs, tab)?.name ?? tab.name, tab.headers.length);
    const panel = panelRows.get(standard.id);
    const panelRef = (column: string) => `${tabRef(panelTab!.name)}${column}${panel}`;
    // The Panel tab holds the indicative rating beside the judgement; without it, compute it here.
    const indicative = panel ? `=${panelRef('C')}` : `=RATE_STANDARD(${cases}, A${row})`;
    // A judgement waits while the standard is Not rated (the Panel tab says so); it is applied once it can be judged.
    const rating = panel ? `=IF(OR(${panelRef('G')}="", E${row}="${NOT_RATED}"), E${row}, RATE_STANDARD(${cases}, A${row}, ${panelRef('G')}))` : `=E${row}`;
    return [asText(standard.id), asText(standard.name), rating, index === 0 ? `=STANDARD_SCORE(C2:C${last})` : '', indicative, `=IF(C${row}=E${row}, "", "Panel: " & E${row} & " → " & C${row})`];
  });
  // R9, R12: the score is over the standards rated so far, out of the framework's maximum.
  const scores = `D2:D${last}`;
  // A framework's own overall bands (not R9's n-rule) are passed to OVERALL_RATING.
  const bands = framework.overall.rule === 'scores' ? `, "${framework.overall.minimums.join('/')}"` : '';
  const overall: Array<Array<string | number>> = [
    ['', '', '', '', '', ''],
    ['Overall score', '', `=OVERALL_SCORE(C2:C${last})`, asText(`out of ${maximumScore(framework)}`), '', ''],
    [
      'Overall rating',
      '',
      `=OVERALL_RATING(C2:C${last}${bands})`,
      `=IF(COUNT(${scores})=${counted.length}, "", "provisional: " & COUNT(${scores}) & " of ${counted.length} standards rated")`,
      '',
      '',
    ],
  ];
  return writeOwnTab(spreadsheet, tabs, {
    name: 'Ratings',
    role: 'ratings',
    grid: [RATINGS_HEADER, ...rows, ...overall],
    position: 0,
    format: (sheet, grid) => {
      sheet.getRange(1, 1, 1, RATINGS_HEADER.length).setFontWeight('bold');
      sheet.setFrozenRows(1);
      sheet.setConditionalFormatRules(bandRules([sheet.getRange(2, 3, grid.length - 1, 1), sheet.getRange(2, 5, grid.length - 1, 1)]));
    },
  });
}

/** Where each id sits in column A of one of the add-on's tabs (one read). */
function rowsById(tab: FoundTab | undefined): Map<string, number> {
  if (!tab || !tab.role) return new Map();
  const lastRow = tab.sheet.getLastRow();
  if (lastRow < 2) return new Map();
  return new Map(tab.sheet.getRange(1, 1, lastRow, 1).getValues().map((row, index) => [String(row[0]).trim(), index + 1] as [string, number]));
}
