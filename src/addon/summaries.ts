import { isDate, quoteText, sheetDate } from '../core/answers';
import { columnHeaded, rowsWhere } from '../core/caseTable';
import { checkCaseTab, DataProblem, problemsInOrder, TabProgress } from '../core/dataQuality';
import { checkSignOffs, SignOffCheck } from '../core/signOff';
import { Framework } from '../core/framework';
import { markerProblems } from '../core/frameworkChoice';
import { formulaCellProblems } from '../core/formulaCells';
import { defaultSplitHeader } from '../core/workbook';
import { keyQuestionRows, keyQuestionTable, promptRows, RATINGS_TABLE_HEADER } from '../core/summary';
import { DEFAULT_ALPHA, DEFAULT_CONFIDENCE, normalQuantile } from '../core/statistics';
import { columnOf, COMPARISON_LAYOUT, KeyOf } from '../core/tabLayouts';
import { caseRange, columnLetter, tabRef } from './a1';
import { writeAgreementTab } from './agreementTab';
import { asText, CellInput } from './cells';
import { bandRules } from './formats';
import { withDocumentLock } from './lock';
import { CaseTabRead, readCaseTabs } from './caseTabs';
import { activeSpreadsheet, documentProperties, findTab, tabsByName } from './ownTabs';
import { Grid, writeOwnTab } from './ownTab';
import { writePanelIndicative } from './panelTab';
import { FigureBlock, figureBlocks, figureCell, writeRatingsTab } from './ratingsTab';
import { signOffLogOf, SignOffLogValues, signOffTab } from './signOff';
import { workbookFramework } from './workbookFramework';
import { spreadsheetTime } from './when';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const SUB_SAMPLE_PROPERTY = 'subSampleHeader';

export interface GenerateOptions {
  /** The metadata column the Sub-samples tab splits by; remembered for next time. */
  subSampleHeader?: string;
}

export interface GenerateReport {
  lines: string[];
}

/**
 * docs/user-guide.md: generates or refreshes the summary tabs in place, under the document lock. Reads
 * each case tab once; writes each tab in one block; never writes a case tab or a user's tab.
 */
export function generateSummaries(options: GenerateOptions = {}): GenerateReport {
  return withDocumentLock(() => {
    const spreadsheet = activeSpreadsheet();
    const properties = documentProperties();
    if (options.subSampleHeader) properties.setProperty(SUB_SAMPLE_PROPERTY, options.subSampleHeader);
    const tabs = tabsByName(spreadsheet);
    const framework = workbookFramework(tabs);
    const subSampleHeader = properties.getProperty(SUB_SAMPLE_PROPERTY) || defaultSplitHeader(framework);
    const caseTabs = readCaseTabs(tabs, framework);
    const generatedAt = spreadsheetTime(spreadsheet);
    // Lookups follow the Comparison tab wherever a user renamed it (found by role).
    const comparisonTab = findTab(tabs, 'comparison', COMPARISON_LAYOUT.name)?.name ?? COMPARISON_LAYOUT.name;
    const lookup = (key: KeyOf<typeof COMPARISON_LAYOUT>, idCell: string) => comparison(comparisonTab, key, idCell);
    const ratingsLine = writeRatingsTab(spreadsheet, tabs, framework);
    // The Panel's indicative ratings read the figures the Ratings tab spills, so they follow it.
    writePanelIndicative(tabs, framework);
    const ratings = findTab(tabs, 'ratings', 'Ratings');
    const figures = ratings?.role === 'ratings' ? { tab: tabRef(ratings.name), blocks: figureBlocks(framework) } : undefined;
    const lines = [
      ratingsLine,
      writeOwnTab(spreadsheet, tabs, { name: 'Key questions', role: 'keyQuestions', grid: keyQuestionsGrid(caseTabs, framework, lookup, figures), format: formatKeyQuestions }),
      writeOwnTab(spreadsheet, tabs, { name: 'Prompts', role: 'prompts', grid: promptsGrid(caseTabs, framework, lookup), format: formatPrompts }),
      writeOwnTab(spreadsheet, tabs, { name: 'Sub-samples', role: 'subSamples', grid: subSamplesGrid(caseTabs, framework, subSampleHeader, generatedAt), format: formatSubSamples }),
      writeOwnTab(spreadsheet, tabs, { name: 'Data quality', role: 'dataQuality', grid: dataQualityGrid(caseTabs, framework, generatedAt, signOffLogOf(tabs)), rows: DATA_QUALITY_LIMIT + 2 }),
      ...writeAgreementTab(spreadsheet, tabs, caseTabs),
    ];
    return { lines };
  });
}

/** Progress and problems of every case tab, for the sidebar and the Data quality tab. */
export function checkCaseTabs(
  caseTabs: CaseTabRead[],
  framework: Framework,
  limit: number,
  signOffLog?: SignOffLogValues,
): { problems: DataProblem[]; problemCount: number; progress: TabProgress[]; signOff: SignOffCheck } {
  const checks = caseTabs.map((tab) => {
    const check = checkCaseTab(tab.name, tab.table, framework, limit, tab.frameworkName);
    const formulaCells = formulaCellProblems(tab.name, tab.table, tab.formulas);
    return { ...check, problems: [...formulaCells, ...check.problems], problemCount: check.problemCount + formulaCells.length };
  });
  // docs/frameworks.md: a header that no longer matches the Framework tab leads, as the ratings disagree until it is rewritten.
  const headers = markerProblems(caseTabs.map((tab) => ({ name: tab.name, header: tab.values[0] ?? [] })), framework);
  // docs/user-guide.md "Sign-off": the case tabs against the Sign-off log (src/core/signOff.ts).
  const signOff = checkSignOffs(caseTabs.map(signOffTab), signOffLog?.values, signOffLog?.name);
  return {
    problems: problemsInOrder([...headers, ...checks.flatMap((check) => check.problems), ...signOff.problems]).slice(0, limit),
    problemCount: headers.length + checks.reduce((sum, check) => sum + check.problemCount, 0) + signOff.problems.length,
    progress: checks.map((check) => check.progress),
    signOff,
  };
}

/**
 * A figure from the Comparison tab's `column` for the id in `idCell`; blank where there is none
 * (a bare reference to an empty cell is 0 in Excel and LibreOffice, which is not "no data").
 * R10: a percentage outside 0–1 (74 typed for 74%) shows as an error naming its cell, never as 7400%.
 */
function comparison(tab: string, key: KeyOf<typeof COMPARISON_LAYOUT>, idCell: string): string {
  const [column, ids] = [columnOf(COMPARISON_LAYOUT, key), columnOf(COMPARISON_LAYOUT, 'id')];
  const row = `MATCH(${idCell}, ${tabRef(tab)}${ids}:${ids}, 0)`;
  const figure = `INDEX(${tabRef(tab)}${column}:${column}, ${row})`;
  if (key !== 'previousPercent' && key !== 'aggregatePercent') return `=IFERROR(IF(${figure}="", "", ${figure}), "")`;
  const refused = `"Error: ${tab.replace(/"/g, '""')} tab cell ${column}"&${row}&" holds "&${figure}&", not a percentage from 0% to 100% (74% is 0.74): type it with its % sign."`;
  return `=IFERROR(IF(${figure}="", "", IF(ISNUMBER(${figure}), IF(OR(${figure}<0, ${figure}>1), ${refused}, ${figure}), ${figure})), "")`;
}

/** A Comparison tab figure for the id in a cell, as a formula. */
type ComparisonLookup = (key: KeyOf<typeof COMPARISON_LAYOUT>, idCell: string) => string;

/** Rows the grid's custom-function tables will spill into are left empty. */
function spillSpace(rows: number, width: number): Grid {
  return Array.from({ length: rows }, () => Array<CellInput>(width).fill(''));
}

const INTERVAL_COLUMNS = ['Interval n', 'Interval from (80%)', 'Interval to (80%)', 'Precision'];

/**
 * docs/programme.md: beside a key-question table (Yes in D, applicable in E), each percentage's 80%
 * Wilson interval as native formulas (no custom-function run per edit, docs/design.md), and a mark
 * where its half-width exceeds 5 points. The interval's n is blank while nothing is applicable, so
 * work in progress stays blank (R12).
 */
function addIntervals(block: Grid, at: number, header: number, first: number, last: number): void {
  const [n, lower, upper] = [at, at + 1, at + 2].map((index) => columnLetter(index + 1));
  INTERVAL_COLUMNS.forEach((title, offset) => (block[0][at + offset] = asText(title)));
  for (let row = first; row <= last; row += 1) {
    const cells = block[row - header];
    const [size, p] = [`${n}${row}`, `(D${row}/${n}${row})`];
    // docs/programme.md, PERCENT_INTERVAL: centre (p + z²/2n)/(1 + z²/n), half-width z·√(p(1−p)/n + z²/4n²)/(1 + z²/n), clamped to 0–1.
    const centre = `(${p}+${Z_SQUARED}/(2*${size}))/(1+${Z_SQUARED}/${size})`;
    const half = `${Z_80}*SQRT(${p}*(1-${p})/${size}+${Z_SQUARED}/(4*${size}*${size}))/(1+${Z_SQUARED}/${size})`;
    cells[at] = `=IF(N(E${row})>0, E${row}, "")`;
    cells[at + 1] = `=IF(ISNUMBER(${size}), MAX(0, ${centre}-${half}), "")`;
    cells[at + 2] = `=IF(ISNUMBER(${size}), MIN(1, ${centre}+${half}), "")`;
    cells[at + 3] =
      `=IF(ISNUMBER(${lower}${row}), IF(${upper}${row}-${lower}${row}>0.1, "small sub-sample: ± "&ROUND((${upper}${row}-${lower}${row})*50)&" points", ""), "")`;
  }
}

/** The Wilson interval's z for 80% confidence (docs/programme.md), and R10's critical z for a two-sided test at 0.1, written into the formulas as numbers. */
const Z_80 = normalQuantile(1 - (1 - DEFAULT_CONFIDENCE) / 2);
const Z_SQUARED = Z_80 * Z_80;
const Z_SIGNIFICANT = normalQuantile(1 - DEFAULT_ALPHA / 2);

/**
 * R10 as a native formula: whether p1 of n1 differs from p2 of n2 (two-sided, pooled two-proportion
 * z-test at 0.1); blank while a figure is missing, and a sentence where one is not a number.
 */
function significance(p1: string, n1: string, p2: string, n2: string): string {
  const pooled = `((${p1}*${n1}+${p2}*${n2})/(${n1}+${n2}))`;
  const test = `ABS(${p1}-${p2})>${Z_SIGNIFICANT}*SQRT(${pooled}*(1-${pooled})*(1/${n1}+1/${n2}))`;
  // A figure that is not a number is named, and an error it holds is passed on (as CHANGE_SIGNIFICANT says it).
  const notNumber = (cell: string, label: string, otherwise: string) =>
    `IF(ISNUMBER(${cell}), ${otherwise}, "Error: ${label} holds " & IF(LEFT(${cell}, 7)="Error: ", "an error: " & MID(${cell}, 8, 50000), ${cell}))`;
  const checked = notNumber(p1, 'p1', notNumber(n1, 'n1', notNumber(p2, 'p2', notNumber(n2, 'n2', `IF(OR(${n1}<1, ${n2}<1), "Error: each figure compared needs 1 or more applicable cases.", ${test})`))));
  return `=IF(OR(${p1}="", ${n1}="", ${p2}="", ${n2}=""), "", ${checked})`;
}

const KEY_QUESTION_COLUMNS = ['Previous %', 'Previous n', 'Change significant', 'All providers %', 'All providers n', 'Difference significant'];
/** R4's boundaries, as columns the chart draws as lines. */
/** The chart's threshold lines: one per band boundary, at the framework's thresholds (R4, docs/frameworks.md). */
const BOUNDARIES = ['Requires improvement from', 'Good from', 'Outstanding from'];

/**
 * docs/user-guide.md "Key questions": per case tab, the figures of its RATINGS_TABLE (current
 * percentage, n, band) as the Ratings tab spills them, then previous and all-providers figures looked
 * up on the Comparison tab, each change's significance (R10) and each interval, all native formulas:
 * typing an answer starts no custom-function run on this tab (docs/design.md "Runs per edit"). Where
 * the Ratings tab is a user's own, the block holds its own RATINGS_TABLE.
 */
function keyQuestionsGrid(caseTabs: CaseTabRead[], framework: Framework, comparison: ComparisonLookup, figures: FiguresOnRatings | undefined): Grid {
  const grid: Grid = [[asText('Key questions: current inspection against the previous inspection and all providers (significance: two-sided z-test, 0.1)')]];
  for (const tab of caseTabs) {
    const count = keyQuestionRows(tab.table, framework, []).length;
    const header = grid.length + 2; // a blank row, then the table's header row
    const first = header + 1;
    const last = header + count;
    grid.push(['']);
    const block = spillSpace(count + 1, 8 + KEY_QUESTION_COLUMNS.length + BOUNDARIES.length + INTERVAL_COLUMNS.length);
    const source = figures?.blocks.find((candidate) => candidate.layout.name === tab.frameworkName);
    if (source) {
      // The block's own header and error first: the spill's error (no key-question column, say) shows in A.
      RATINGS_TABLE_HEADER.forEach((title, column) => (block[0][column] = asText(title)));
      block[0][0] = `=IF(ISERROR(${figureCell(source, 0, 0, figures!.tab)}), ${figureCell(source, 0, 0, figures!.tab)}, "${RATINGS_TABLE_HEADER[0]}")`;
      for (let row = 1; row <= count; row += 1) {
        RATINGS_TABLE_HEADER.forEach((_, column) => (block[row][column] = `=${figureCell(source, column, row, figures!.tab)}`));
      }
    } else {
      block[0][0] = `=RATINGS_TABLE(${caseRange(tab.name, tab.gridColumns)})`;
    }
    [...KEY_QUESTION_COLUMNS, ...BOUNDARIES].forEach((title, offset) => (block[0][8 + offset] = asText(title)));
    for (let row = first; row <= last; row += 1) {
      const cells = block[row - header];
      cells[8] = comparison('previousPercent', `B${row}`);
      cells[9] = comparison('previousN', `B${row}`);
      cells[10] = significance(`F${row}`, `E${row}`, `I${row}`, `J${row}`);
      cells[11] = comparison('aggregatePercent', `B${row}`);
      cells[12] = comparison('aggregateN', `B${row}`);
      cells[13] = significance(`F${row}`, `E${row}`, `L${row}`, `M${row}`);
      framework.thresholds.forEach((threshold, offset) => (cells[14 + offset] = threshold / 100));
    }
    addIntervals(block, 8 + KEY_QUESTION_COLUMNS.length + BOUNDARIES.length, header, first, last);
    grid.push(...block);
  }
  return grid;
}

/** The Ratings tab's figure blocks and its name as a reference, when the tab is the add-on's own. */
interface FiguresOnRatings {
  tab: string;
  blocks: FigureBlock[];
}

/** Percentages in columns of a written grid's rows: each a first column and how many columns from it. */
function percentColumns(sheet: Sheet, rows: number, columns: ReadonlyArray<readonly [number, number]>): void {
  for (const [column, width] of columns) sheet.getRange(1, column, rows, width).setNumberFormat('0%');
}

function formatKeyQuestions(sheet: Sheet, grid: Grid): void {
  const rows = grid.length;
  percentColumns(sheet, rows, [[6, 1], [9, 1], [12, 1], [15, BOUNDARIES.length], [19, 2]]);
  sheet.setConditionalFormatRules(bandRules([sheet.getRange(1, 7, rows, 2)]));
  sheet.getRange(1, 1, 1, 1).setFontWeight('bold');
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  sheet.insertChart(bandChart(sheet, grid));
}

/**
 * A chart of key-question percentages against the band thresholds (50%, 65%, 80% by default): the
 * percentages as columns, each threshold a constant line from columns the chart reads.
 */
function bandChart(sheet: Sheet, grid: Grid): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  const rows = grid.length;
  return sheet
    .newChart()
    .asComboChart()
    .setTitle('Key questions against the rating bands')
    .addRange(sheet.getRange(1, 2, rows, 1))
    .addRange(sheet.getRange(1, 6, rows, 1))
    .addRange(sheet.getRange(1, 15, rows, BOUNDARIES.length))
    .setOption('seriesType', 'bars')
    .setOption('series', { 1: { type: 'line' }, 2: { type: 'line' }, 3: { type: 'line' } })
    .setPosition(2, 23, 0, 0)
    .build();
}

/** docs/user-guide.md "Prompts": the report's Annex 4 — every prompt's current and previous percentage. */
function promptsGrid(caseTabs: CaseTabRead[], framework: Framework, comparison: ComparisonLookup): Grid {
  const grid: Grid = [[asText('Prompts (the report\'s Annex 4): current inspection against the previous inspection')]];
  for (const tab of caseTabs) {
    const count = promptRows(tab.table, framework, []).length;
    if (count === 0) continue;
    const header = grid.length + 2;
    grid.push(['']);
    const block = spillSpace(count + 1, 7);
    block[0][0] = `=PROMPTS_TABLE(${caseRange(tab.name, tab.gridColumns)})`;
    block[0][5] = asText('Previous %');
    block[0][6] = asText('Previous n');
    for (let row = header + 1; row <= header + count; row += 1) {
      block[row - header][5] = comparison('previousPercent', `A${row}`);
      block[row - header][6] = comparison('previousN', `A${row}`);
    }
    grid.push(...block);
  }
  return grid;
}

function formatPrompts(sheet: Sheet, grid: Grid): void {
  sheet.getRange(1, 5, grid.length, 2).setNumberFormat('0%');
  sheet.getRange(1, 1, 1, 1).setFontWeight('bold');
}

/**
 * docs/user-guide.md "Sub-samples": every key question's table again for each value of a metadata
 * column, computed here when the summaries are generated and written as values, and the tab says so:
 * a live RATINGS_TABLE per value would be one more Apps Script run for every answer typed.
 */
function subSamplesGrid(caseTabs: CaseTabRead[], framework: Framework, header: string, generatedAt: string): Grid {
  const grid: Grid = [[asText(`Sub-samples by ${header}: computed when the summaries were generated (${generatedAt}); run Generate summaries again to bring them up to date.`)]];
  for (const tab of caseTabs) {
    const column = columnHeaded(tab.table, header);
    if (!column) {
      grid.push([''], [asText(`${tab.name}: no column headed "${header}".`)]);
      continue;
    }
    const values = distinctValues(tab.table.rows.map((row) => row[column.index]));
    for (const value of values) {
      const rowIndexes = rowsWhere(tab.table, { column, value });
      grid.push(['']);
      // A typed value is quoted as messages quote it: capped, hidden characters shown; a date as the sheet shows its day.
      grid.push([asText(`${tab.name} — ${column.header}: ${quoteText(shownValue(value))}`), rowIndexes.length, asText('cases')]);
      const table = keyQuestionTable(tab.table, framework, rowIndexes);
      const header = grid.length + 1;
      const block = spillSpace(table.length, 8 + INTERVAL_COLUMNS.length);
      table.forEach((cells, row) => cells.forEach((cell, index) => (block[row][index] = typeof cell === 'string' ? asText(cell) : cell)));
      addIntervals(block, 8, header, header + 1, header + table.length - 1);
      grid.push(...block);
    }
  }
  return grid;
}

function formatSubSamples(sheet: Sheet, grid: Grid): void {
  percentColumns(sheet, grid.length, [[6, 1], [10, 2]]);
  sheet.setConditionalFormatRules(bandRules([sheet.getRange(1, 7, grid.length, 2)]));
  sheet.getRange(1, 1, 1, 1).setFontWeight('bold');
}

/**
 * The distinct non-blank values of a column as the filter reads them (trimmed, case-insensitive),
 * first spelling kept, in order of first appearance; checkboxes stay TRUE and FALSE, and dates are
 * one value per day, as the sheet shows them.
 */
function distinctValues(cells: unknown[]): SplitValue[] {
  const seen = new Map<string, SplitValue>();
  for (const cell of cells) {
    if (typeof cell === 'boolean' || isDate(cell)) {
      const key = shownValue(cell);
      if (!seen.has(key)) seen.set(key, cell);
      continue;
    }
    const text = cell === '' || cell === null || cell === undefined ? '' : String(cell).trim();
    if (text && !seen.has(text.toLowerCase())) seen.set(text.toLowerCase(), text);
  }
  return [...seen.values()];
}

type SplitValue = string | boolean | Date;

/** A value as the sheet shows it: a date as its day (yyyy-mm-dd), never JavaScript's "Mon Jan 15 2024 …". */
function shownValue(value: SplitValue): string {
  return isDate(value) ? sheetDate(value) : String(value);
}

/** More problems than this are counted, not listed: the first ones show what needs fixing. */
const DATA_QUALITY_LIMIT = 2000;

/** docs/user-guide.md "Data quality": every problem, each naming tab, row, column and value, as text. */
function dataQualityGrid(caseTabs: CaseTabRead[], framework: Framework, generatedAt: string, signOffLog: SignOffLogValues | undefined): Grid {
  const { problems: listed, problemCount } = checkCaseTabs(caseTabs, framework, DATA_QUALITY_LIMIT, signOffLog);
  const count = `${problemCount} problem${problemCount === 1 ? '' : 's'}`;
  const title =
    problemCount === 0
      ? `Data quality: no problems found when the summaries were generated (${generatedAt}).`
      : `Data quality: ${count} when the summaries were generated (${generatedAt})${problemCount > listed.length ? `; the first ${listed.length} are listed` : ''} (the sidebar shows the latest).`;
  return [
    [asText(title)],
    ['Tab', 'Cell', 'Column', 'Value', 'Problem'].map(asText),
    ...listed.map((problem) => [asText(problem.tab), asText(problem.cell), asText(problem.header), asText(problem.value), asText(problem.message)]),
  ];
}
