import { BANDS, NOT_RATED } from '../core/bands';
import { Framework } from '../core/framework';
import { standardsOf } from '../core/frameworks';
import { maximumScore } from '../core/frameworkTab';
import { cellOf, columnNumber, DOMAIN_ONE_LAYOUT, KeyOf, PANEL_LAYOUT, rangeOf, RATINGS_LAYOUT, rowOf } from '../core/tabLayouts';
import { RATINGS_TABLE_HEADER } from '../core/summary';
import { CaseTabLayout, caseTabLayouts, RATINGS_HEADER } from '../core/workbook';
import { caseRange, columnLetter, tabRef } from './a1';
import { asText, CellInput } from './cells';
import { bandRules } from './formats';
import { panelMoveText, provisionalText } from '../report/view';
import { Grid, writeOwnTab } from './ownTab';
import { findTab, FoundTab, Tabs } from './ownTabs';
import { findCaseTab } from './workbookReader';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * docs/user-guide.md "Ratings": the report's ratings page as live formulas — every standard's rating and
 * score, the overall score and rating, panel moves marked. One custom-function call per case tab
 * (docs/design.md "Runs per edit"): a RATINGS_TABLE to the right of the page, given the Panel tab's
 * standard ids and applied judgements, spills every figure that follows from the cases; the page,
 * the Panel tab and the Key questions tab read it with native formulas only, so no custom function
 * waits for another's result.
 */
export function writeRatingsTab(spreadsheet: Spreadsheet, tabs: Tabs, framework: Framework): string {
  // R9: the counted standards first, scored and in the overall ranges; any that do not count (yj-2021's 4.1) after them, rated only.
  const counted = standardsOf(framework).filter((standard) => standard.counts);
  const standards = [...counted, ...standardsOf(framework).filter((standard) => !standard.counts)];
  const domainOne = findTab(tabs, 'domainOne', 'Domain one');
  const panelTab = findTab(tabs, 'panel', 'Panel');
  const domainOneRows = rowsById(domainOne);
  const panelRows = rowsById(panelTab);
  const last = counted.length + 1;
  const blocks = figureBlocks(framework);

  // Every letter from the layouts (tabLayouts.ts): this tab's own, and the Panel's and Domain one's it reads.
  const own = (key: KeyOf<typeof RATINGS_LAYOUT>, row: number) => cellOf(RATINGS_LAYOUT, key, row);
  const column = (key: KeyOf<typeof RATINGS_LAYOUT>, first: number, lastRow: number) => rangeOf(RATINGS_LAYOUT, key, first, lastRow);
  const rows = standards.map((standard, index) => {
    const row = index + 2;
    const base = { standard: asText(standard.id), name: asText(standard.name), score: standardScore(own('rating', row)) };
    if (standard.kind === 'leadJudgement') {
      const source = domainOneRows.get(standard.id);
      const judged = source && `${tabRef(domainOne!.name)}${cellOf(DOMAIN_ONE_LAYOUT, 'rating', source)}`;
      // R8: the lead inspector's rating as typed, read as labels are read (a trailing or non-breaking space is no matter).
      const label = judged && `TRIM(SUBSTITUTE(${judged}, CHAR(160), " "))`;
      return rowOf(RATINGS_LAYOUT, { ...base, rating: label ? `=IF(${label}="", "", ${label})` : '' });
    }
    const block = blocks.find((candidate) => candidate.layout.standards.includes(standard));
    if (!block) return rowOf(RATINGS_LAYOUT, base);
    const panel = panelRows.get(standard.id);
    const panelCell = (key: KeyOf<typeof PANEL_LAYOUT>) => `${tabRef(panelTab!.name)}${cellOf(PANEL_LAYOUT, key, panel!)}`;
    // The Panel tab holds the indicative rating beside the judgement; without it, read it here.
    const indicative = panel ? `=${panelCell('indicative')}` : `=${standardFigure(block, 'indicative', own('standard', row))}`;
    // R6: the judgement applied (with its rationale); it waits while the standard is Not rated.
    const judgement = panel ? `=IF(${own('indicative', row)}="${NOT_RATED}", "", ${panelCell('applied')})` : '';
    // R5–R7 after the panel: a blank judgement gives the indicative rating; a refused one says why, in its row (R12).
    const rating = `=${standardFigure(block, 'afterPanel', own('standard', row))}`;
    const [after, before] = [own('rating', row), own('indicative', row)];
    // The view's wording, with the cells spliced in as formula text.
    const panelMove = `=IF(OR(${after}=${before}, LEFT(${after}, 6)="Error:"), "", "${panelMoveText(`" & ${before} & "`, `" & ${after} & "`)}")`;
    return rowOf(RATINGS_LAYOUT, { ...base, rating, indicative, panelMove, judgement });
  });
  // R9, R12: the score is over the standards rated so far, out of the framework's maximum.
  const scores = column('score', 2, last);
  const overall = [
    rowOf(RATINGS_LAYOUT, {}),
    rowOf(RATINGS_LAYOUT, { standard: 'Overall score', rating: overallScoreFormula(scores), score: asText(`out of ${maximumScore(framework)}`) }),
    rowOf(RATINGS_LAYOUT, {
      standard: 'Overall rating',
      rating: overallRatingFormula(scores, framework, counted.length),
      score: `=IF(COUNT(${scores})=${counted.length}, "", "${provisionalText(`" & COUNT(${scores}) & "`, counted.length)}")`,
    }),
  ];
  const grid = [RATINGS_HEADER, ...rows, ...overall];
  // Each case tab's RATINGS_TABLE, given the standards it rates and the panel's judgements on them.
  const [ids, judgements] = panelTab?.role === 'panel' && panelRows.size > 1
    ? [`${tabRef(panelTab.name)}${rangeOf(PANEL_LAYOUT, 'standard', 2, Math.max(...panelRows.values()))}`, `${tabRef(panelTab.name)}${rangeOf(PANEL_LAYOUT, 'applied', 2, Math.max(...panelRows.values()))}`]
    : [column('standard', 2, standards.length + 1), ''];
  for (const block of blocks) {
    const cases = caseTabRange(tabs, block.layout);
    put(grid, block.top - 2, FIGURES_COLUMN - 1, asText(`${findCaseTab(tabs, block.layout)?.name ?? block.layout.name}: every figure this page, the Panel and Key questions tabs show (one custom-function run per answer typed)`));
    put(grid, block.top - 1, FIGURES_COLUMN - 1, `=RATINGS_TABLE(${cases}, , , ${ids}${judgements ? `, ${judgements}` : ''})`);
    for (let row = block.top; row < block.top + block.height - 1; row += 1) put(grid, row, FIGURES_COLUMN - 1, '');
  }
  return writeOwnTab(spreadsheet, tabs, {
    name: 'Ratings',
    role: 'ratings',
    grid,
    position: 0,
    format: (sheet, written) => {
      sheet.getRange(1, 1, 1, RATINGS_HEADER.length).setFontWeight('bold');
      sheet.setFrozenRows(1);
      const bandColumns = (['rating', 'indicative'] as const).map((key) => sheet.getRange(2, columnNumber(RATINGS_LAYOUT, key), rows.length, 1));
      sheet.setConditionalFormatRules(bandRules(bandColumns));
      sheet.getRange(1, FIGURES_COLUMN + 5, written.length, 1).setNumberFormat('0%');
    },
  });
}

/** The Ratings tab's first column of case-tab figures: one blank column after the page. */
const FIGURES_COLUMN = RATINGS_HEADER.length + 2;
/** RATINGS_TABLE's columns, then the standards' id, indicative rating and rating after the panel. */
const FIGURE_COLUMNS = { id: RATINGS_TABLE_HEADER.length, indicative: RATINGS_TABLE_HEADER.length + 1, afterPanel: RATINGS_TABLE_HEADER.length + 2 } as const;

/** Where a case tab's RATINGS_TABLE spills on the Ratings tab: its header row, and rows for its header and every key question. */
export interface FigureBlock {
  layout: CaseTabLayout;
  top: number;
  height: number;
}

/** The case tabs' figure blocks, one under another, each below a one-line caption and a blank row between. */
export function figureBlocks(framework: Framework): FigureBlock[] {
  // Row 1 holds the page's header only (an adopted tab is recognised by it).
  let top = 3;
  return caseTabLayouts(framework).map((layout) => {
    const height = 1 + layout.standards.reduce((sum, standard) => sum + standard.keyQuestions.length, 0);
    const block = { layout, top, height };
    top += height + 2;
    return block;
  });
}

/** The Ratings tab's cells of one column of a figure block, e.g. 'Ratings'!$I$3:$I$15 (tab given when read from another tab). */
function figureRange(block: FigureBlock, offset: number, tab = ''): string {
  const letter = columnLetter(FIGURES_COLUMN + offset);
  return `${tab}$${letter}$${block.top}:$${letter}$${block.top + block.height - 1}`;
}

/** One cell of a figure block: row 0 is the spill's header row. */
export function figureCell(block: FigureBlock, offset: number, row: number, tab = ''): string {
  return `${tab}$${columnLetter(FIGURES_COLUMN + offset)}$${block.top + row}`;
}

/**
 * A standard's indicative rating or rating after the panel, looked up by its id in its case tab's
 * block; the block's own error (no key-question column at all, say) shows as it is.
 */
export function standardFigure(block: FigureBlock, key: 'indicative' | 'afterPanel', idCell: string, tab = ''): string {
  const corner = figureCell(block, 0, 0, tab);
  const lookup = `INDEX(${figureRange(block, FIGURE_COLUMNS[key], tab)}, MATCH(${idCell}, ${figureRange(block, FIGURE_COLUMNS.id, tab)}, 0))`;
  const missing = `"Error: ${block.layout.name.replace(/"/g, '""')} has no key-question column of this standard: add its columns (New inspection adds what is missing)."`;
  return `IF(ISERROR(${corner}), ${corner}, IFNA(${lookup}, ${missing}))`;
}

/** R9: a rating's score, 0–3; blank while blank or Not rated; any other text cannot be scored and says so. */
function standardScore(rating: string): string {
  const [inadequate, requiresImprovement, good, outstanding] = BANDS;
  return `=IF(OR(${rating}="", ${rating}="${NOT_RATED}"), "", IF(${rating}="${inadequate}", 0, IF(${rating}="${requiresImprovement}", 1, IF(${rating}="${good}", 2, IF(${rating}="${outstanding}", 3, "Error: no score until the rating is one of the four")))))`;
}

/** R9, R12: the sum of the scores so far, blank while none; a rating in error stops it, and says where to look. */
function overallScoreFormula(scores: string): string {
  return `=IF(COUNTIF(${scores}, "Error:*")>0, "${WAITING_FOR_RATINGS}", IF(COUNT(${scores})=0, "", SUM(${scores})))`;
}

const WAITING_FOR_RATINGS = 'Error: a standard\'s rating is in error (see the Score column), so there is no overall figure.';

/**
 * R9, R12: the band for the k standards rated so far — score ≤ k/2 Inadequate, ≤ 3k/2 Requires
 * improvement, ≤ 5k/2 Good, above Outstanding — or, with a framework's own bands for its n counted
 * standards, the score scaled from k to n (score × n ≥ minimum × k).
 */
function overallRatingFormula(scores: string, framework: Framework, counted: number): string {
  const [inadequate, requiresImprovement, good, outstanding] = BANDS;
  const [sum, k] = [`SUM(${scores})`, `COUNT(${scores})`];
  const band =
    framework.overall.rule === 'scores'
      ? `IF(${sum}*${counted}>=${framework.overall.minimums[2]}*${k}, "${outstanding}", IF(${sum}*${counted}>=${framework.overall.minimums[1]}*${k}, "${good}", IF(${sum}*${counted}>=${framework.overall.minimums[0]}*${k}, "${requiresImprovement}", "${inadequate}")))`
      : `IF(2*${sum}<=${k}, "${inadequate}", IF(2*${sum}<=3*${k}, "${requiresImprovement}", IF(2*${sum}<=5*${k}, "${good}", "${outstanding}")))`;
  return `=IF(COUNTIF(${scores}, "Error:*")>0, "${WAITING_FOR_RATINGS}", IF(${k}=0, "${NOT_RATED}", ${band}))`;
}

/** Sets a cell of a grid whose rows may be short or missing. */
function put(grid: Grid, row: number, column: number, value: CellInput): void {
  while (grid.length <= row) grid.push([]);
  const cells = grid[row];
  while (cells.length < column) cells.push('');
  cells[column] = value;
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
