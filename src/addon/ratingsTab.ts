import { NOT_RATED } from '../core/bands';
import { Framework, Standard } from '../core/framework';
import { standardsOf } from '../core/frameworks';
import { maximumScore } from '../core/frameworkTab';
import { cellOf, columnNumber, DOMAIN_ONE_LAYOUT, KeyOf, PANEL_LAYOUT, rangeOf, RATINGS_LAYOUT, rowOf } from '../core/tabLayouts';
import { CaseTabLayout, caseTabLayouts, RATINGS_HEADER } from '../core/workbook';
import { caseRange, tabRef } from './a1';
import { asText } from './cells';
import { bandRules } from './formats';
import { panelMoveText, provisionalText } from '../report/view';
import { writeOwnTab } from './ownTab';
import { findTab, FoundTab, Tabs } from './ownTabs';
import { findCaseTab } from './workbookReader';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * docs/user-guide.md "Ratings": the report's ratings page as live formulas — every standard's rating and
 * score, the overall score and rating, panel moves marked. Few custom-function calls (docs/design.md):
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
  // Every letter from the layouts (tabLayouts.ts): this tab's own, and the Panel's and Domain one's it reads.
  const own = (key: KeyOf<typeof RATINGS_LAYOUT>, row: number) => cellOf(RATINGS_LAYOUT, key, row);
  const column = (key: KeyOf<typeof RATINGS_LAYOUT>, first: number, lastRow: number) => rangeOf(RATINGS_LAYOUT, key, first, lastRow);
  const rows = standards.map((standard, index) => {
    const row = index + 2;
    const base = { standard: asText(standard.id), name: asText(standard.name), score: index === 0 ? `=STANDARD_SCORE(${column('rating', 2, last)})` : '' };
    if (standard.kind === 'leadJudgement') {
      const source = domainOneRows.get(standard.id);
      const judged = source && `${tabRef(domainOne!.name)}${cellOf(DOMAIN_ONE_LAYOUT, 'rating', source)}`;
      return rowOf(RATINGS_LAYOUT, { ...base, rating: judged ? `=IF(${judged}="", "", ${judged})` : '' });
    }
    const cases = caseTabRange(tabs, caseTabOf(standard)!);
    const panel = panelRows.get(standard.id);
    const panelCell = (key: KeyOf<typeof PANEL_LAYOUT>) => `${tabRef(panelTab!.name)}${cellOf(PANEL_LAYOUT, key, panel!)}`;
    // One ranged call per case tab (docs/design.md: few custom-function calls): the first row of each run holds it.
    const run = runs.get(index);
    const ids = run && column('standard', row, row + run - 1);
    // The Panel tab holds the indicative rating beside the judgement; without it, compute it here.
    const indicative = panel ? `=${panelCell('indicative')}` : ids ? `=RATE_STANDARD(${cases}, ${ids})` : '';
    // R6: the judgement applied (with its rationale); it waits while the standard is Not rated.
    const judgement = panel ? `=IF(${own('indicative', row)}="${NOT_RATED}", "", ${panelCell('applied')})` : '';
    // R5–R7 after the panel: a blank judgement gives the indicative rating; a refused one says why, in its row (R12).
    const rating = ids ? `=RATE_STANDARD(${cases}, ${ids}, ${column('judgement', row, row + run! - 1)})` : '';
    const [after, before] = [own('rating', row), own('indicative', row)];
    // The view's wording, with the cells spliced in as formula text.
    const panelMove = `=IF(OR(${after}=${before}, LEFT(${after}, 6)="Error:"), "", "${panelMoveText(`" & ${before} & "`, `" & ${after} & "`)}")`;
    return rowOf(RATINGS_LAYOUT, { ...base, rating, indicative, panelMove, judgement });
  });
  // R9, R12: the score is over the standards rated so far, out of the framework's maximum.
  const ratings = column('rating', 2, last);
  const scores = column('score', 2, last);
  // A framework's own overall bands (not R9's n-rule) are passed to OVERALL_RATING.
  const bands = framework.overall.rule === 'scores' ? `, "${framework.overall.minimums.join('/')}"` : '';
  const overall = [
    rowOf(RATINGS_LAYOUT, {}),
    rowOf(RATINGS_LAYOUT, { standard: 'Overall score', rating: `=OVERALL_SCORE(${ratings})`, score: asText(`out of ${maximumScore(framework)}`) }),
    rowOf(RATINGS_LAYOUT, {
      standard: 'Overall rating',
      rating: `=OVERALL_RATING(${ratings}${bands})`,
      score: `=IF(COUNT(${scores})=${counted.length}, "", "${provisionalText(`" & COUNT(${scores}) & "`, counted.length)}")`,
    }),
  ];
  return writeOwnTab(spreadsheet, tabs, {
    name: 'Ratings',
    role: 'ratings',
    grid: [RATINGS_HEADER, ...rows, ...overall],
    position: 0,
    format: (sheet, grid) => {
      sheet.getRange(1, 1, 1, RATINGS_HEADER.length).setFontWeight('bold');
      sheet.setFrozenRows(1);
      const bandColumns = (['rating', 'indicative'] as const).map((key) => sheet.getRange(2, columnNumber(RATINGS_LAYOUT, key), grid.length - 1, 1));
      sheet.setConditionalFormatRules(bandRules(bandColumns));
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
