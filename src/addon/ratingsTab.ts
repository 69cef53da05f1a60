import { NOT_RATED } from '../core/bands';
import { Framework, Standard } from '../core/framework';
import { standardsOf } from '../core/frameworks';
import { maximumScore } from '../core/frameworkTab';
import { CaseTabLayout, caseTabLayouts, RATINGS_HEADER } from '../core/workbook';
import { caseRange, tabRef } from './a1';
import { asText } from './cells';
import { bandRules } from './formats';
import { writeOwnTab } from './ownTab';
import { findCaseTab, findTab, FoundTab, Tabs } from './ownTabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * SPEC §5 "Ratings": the report's ratings page as live formulas — every standard's rating and
 * score, the overall score and rating, panel moves marked. Few custom-function calls (SPEC §7):
 * the indicative ratings are the Panel tab's, the ratings after the panel one ranged RATE_STANDARD
 * per case tab (a refused move or bad data shows in its own row, R12), and one each for the
 * scores and the overall rating.
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

  const caseTabOf = (standard: Standard) => caseTabs.find((layout) => layout.standards.includes(standard));
  const runs = runsOf(standards.map((standard) => (standard.kind === 'caseBased' ? caseTabOf(standard)?.name : undefined)));
  const rows = standards.map((standard, index): Array<string | number> => {
    const row = index + 2;
    const score = index === 0 ? `=STANDARD_SCORE(C2:C${last})` : '';
    if (standard.kind === 'leadJudgement') {
      const source = domainOneRows.get(standard.id);
      const rating = source ? `=IF(${tabRef(domainOne!.name)}D${source}="", "", ${tabRef(domainOne!.name)}D${source})` : '';
      return [asText(standard.id), asText(standard.name), rating, score, '', '', ''];
    }
    const tab = caseTabOf(standard)!;
    const cases = caseTabRange(tabs, tab);
    const panel = panelRows.get(standard.id);
    const panelRef = (column: string) => `${tabRef(panelTab!.name)}${column}${panel}`;
    // One ranged call per case tab (SPEC §7: few custom-function calls): the first row of each run holds it.
    const run = runs.get(index);
    // The Panel tab holds the indicative rating beside the judgement; without it, compute it here.
    const indicative = panel ? `=${panelRef('C')}` : run ? `=RATE_STANDARD(${cases}, A${row}:A${row + run - 1})` : '';
    // R6: the judgement applied (with its rationale); it waits while the standard is Not rated.
    const judgement = panel ? `=IF(E${row}="${NOT_RATED}", "", ${panelRef('G')})` : '';
    // R5–R7 after the panel: a blank judgement gives the indicative rating; a refused one says why, in its row (R12).
    const rating = run ? `=RATE_STANDARD(${cases}, A${row}:A${row + run - 1}, G${row}:G${row + run - 1})` : '';
    const move = `=IF(OR(C${row}=E${row}, LEFT(C${row}, 6)="Error:"), "", "Panel: " & E${row} & " → " & C${row})`;
    return [asText(standard.id), asText(standard.name), rating, score, indicative, move, judgement];
  });
  // R9, R12: the score is over the standards rated so far, out of the framework's maximum.
  const scores = `D2:D${last}`;
  // A framework's own overall bands (not R9's n-rule) are passed to OVERALL_RATING.
  const bands = framework.overall.rule === 'scores' ? `, "${framework.overall.minimums.join('/')}"` : '';
  const overall: Array<Array<string | number>> = [
    ['', '', '', '', '', '', ''],
    ['Overall score', '', `=OVERALL_SCORE(C2:C${last})`, asText(`out of ${maximumScore(framework)}`), '', '', ''],
    [
      'Overall rating',
      '',
      `=OVERALL_RATING(C2:C${last}${bands})`,
      `=IF(COUNT(${scores})=${counted.length}, "", "provisional: " & COUNT(${scores}) & " of ${counted.length} standards rated")`,
      '',
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

/**
 * Runs of consecutive rows rated from the same case tab: the run's length at its first row's
 * index, so one ranged call covers the run.
 */
export function runsOf(caseTabNames: Array<string | undefined>): Map<number, number> {
  const runs = new Map<number, number>();
  caseTabNames.forEach((name, index) => {
    if (name === undefined) return;
    const start = index > 0 && caseTabNames[index - 1] === name ? [...runs.keys()].pop()! : index;
    runs.set(start, (runs.get(start) ?? 0) + 1);
  });
  return runs;
}

/** A case tab as formulas pass it: its current name, whole columns up to its grid's last (never past it). */
export function caseTabRange(tabs: Tabs, layout: CaseTabLayout): string {
  const tab = findCaseTab(tabs, layout);
  return caseRange(tab?.name ?? layout.name, tab ? tab.sheet.getMaxColumns() : layout.headers.length);
}
