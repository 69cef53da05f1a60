/**
 * The report model: the ratings of a workbook, computed from its cell values with the method's own
 * code, never by reading the text the summary tabs display. The command line prints it, its
 * `--json` line and `--html` page are drawn from it, and the demo prints its page.
 */
import { cellName } from './a1';
import { isEmptyCell } from './answers';
import { Band, BAND_LIST, BandThresholds, bandScore, parseBand } from './bands';
import { CaseTable, readCaseTable, rowsWhere } from './caseTable';
import { checkCaseTab } from './dataQuality';
import { explainStandard } from './explain';
import { Framework, Standard } from './framework';
import { standardsOf } from './frameworks';
import { overallRating, overallScore } from './overall';
import { judgePanelRating } from './panel';
import { countKeyQuestion, describeWaiting, isNotRated, KeyQuestionCount, rateCounted, resultOf } from './standards';
import { caseTabLayouts, COMPARISON_HEADER, DOMAIN_ONE_HEADER, PANEL_HEADER } from './workbook';

/** R12: the label of a standard that cannot be rated yet. */
export const NOT_RATED = 'Not rated' as const;

/** A previous-inspection or all-providers figure from the Comparison tab. */
export interface ComparisonFigure {
  percent: number;
  n: number | null;
}

export interface KeyQuestionFigure {
  id: string;
  text: string;
  /** R7: no case data; never counted. */
  qualitative: boolean;
  /** R2 counts; null where the column holds an invalid answer (then `error`) or the key question is qualitative. */
  yes: number | null;
  applicable: number | null;
  /** R3: the whole percentage; null with no applicable case yet. */
  percent: number | null;
  band: Band | null;
  error?: string;
  previous?: ComparisonFigure;
  aggregate?: ComparisonFigure;
}

/** A panel judgement typed on the Panel tab, and whether it is applied. */
export interface PanelJudgement {
  rating: string;
  rationale: string;
  /** The row of the Panel tab it is on. */
  row: number;
  applied: boolean;
  /** Why it is not applied, or the clause that allows the move. */
  reason: string;
}

export interface StandardFigure {
  standard: Standard;
  /** R5 (before the panel); the lead inspector's rating for a judgement standard. */
  indicative: Band | typeof NOT_RATED | null;
  /** After any applied panel move; null with `error`. */
  rating: Band | typeof NOT_RATED | null;
  keyQuestions: KeyQuestionFigure[];
  error?: string;
  panel?: PanelJudgement;
  /** RATING_EXPLAIN's sentence, where the standard can be rated. */
  explanation?: string;
  /** The lead inspector's evidence for a judgement standard (R8). */
  evidence?: string;
}

export interface ReportProblem {
  tab: string;
  cell: string;
  message: string;
}

export interface RatingsReport {
  framework: Framework;
  standards: StandardFigure[];
  overall: { score: number | null; outOf: number; rated: number; of: number; rating: Band | typeof NOT_RATED | null; error?: string };
  problems: ReportProblem[];
}

/** A tab's values (row 1 first), or undefined when the workbook has no such tab. */
export type TabValues = (tab: string) => unknown[][] | undefined;

/** R9: the standards that count towards the overall score (youth justice's resettlement does not). */
function countedStandards(framework: Framework): Standard[] {
  return standardsOf(framework).filter((standard) => standard.counts);
}

const text = (cell: unknown) => (isEmptyCell(cell) ? '' : String(cell).trim());

/** A list tab (Domain one, Panel, Comparison) as rows keyed by the id in column A, with their sheet row. */
function rowsById(values: unknown[][] | undefined): Map<string, { cells: unknown[]; row: number }> {
  return new Map((values ?? []).slice(1).map((cells, index) => [text(cells[0]), { cells, row: index + 2 }]));
}

function comparison(cells: unknown[] | undefined, percentHeader: string, nHeader: string): ComparisonFigure | undefined {
  const percent = cells?.[COMPARISON_HEADER.indexOf(percentHeader)];
  if (typeof percent !== 'number') return undefined;
  const n = cells?.[COMPARISON_HEADER.indexOf(nHeader)];
  return { percent: Math.round(percent * 100), n: typeof n === 'number' ? n : null };
}

/** R2, R3, R5, R6, R7, R12 for one case-based standard over its tab's rows. */
function caseBasedFigure(
  standard: Standard,
  thresholds: BandThresholds,
  table: CaseTable | Error,
  panelRow: { cells: unknown[]; row: number } | undefined,
  problems: ReportProblem[],
): StandardFigure {
  if (table instanceof Error) return { standard, indicative: null, rating: null, keyQuestions: [], error: table.message };
  const rows = rowsWhere(table);
  const counts: KeyQuestionCount[] = [];
  let error: string | undefined;
  const keyQuestions = standard.keyQuestions.map((keyQuestion): KeyQuestionFigure => {
    const figure = { id: keyQuestion.id, text: keyQuestion.text, qualitative: keyQuestion.qualitative };
    if (keyQuestion.qualitative) return { ...figure, yes: null, applicable: null, percent: null, band: null };
    try {
      const count = countKeyQuestion(table, keyQuestion, rows);
      counts.push(count);
      const result = resultOf(count, thresholds);
      return { ...figure, yes: count.yes, applicable: count.applicable, percent: result?.percent ?? null, band: result?.band ?? null };
    } catch (thrown) {
      // R11 for this key question only: the standard's others are still counted.
      error ??= (thrown as Error).message;
      return { ...figure, yes: null, applicable: null, percent: null, band: null, error: (thrown as Error).message };
    }
  });
  if (error) return { standard, indicative: null, rating: null, keyQuestions, error };
  const panel = panelJudgement(panelRow);
  const result = rateCounted(standard, counts, thresholds);
  if (isNotRated(result)) {
    // R12: work in progress, not an error; a judgement on it waits, and says why.
    if (panel) refusePanel(panel, `${standard.id} ${standard.name} is ${NOT_RATED} yet, so the panel cannot move its rating: ${describeWaiting(result.waiting)}.`, problems);
    return { standard, indicative: NOT_RATED, rating: NOT_RATED, keyQuestions, ...(panel ? { panel } : {}) };
  }
  const explanation = explainStandard(result);
  let rating: Band = result.rating;
  if (panel) {
    const band = parseBand(panel.rating);
    if (!band) refusePanel(panel, `"${panel.rating}" is not a rating. Use one of ${BAND_LIST}.`, problems);
    else if (panel.rationale === '') refusePanel(panel, `The panel rating for ${standard.id} ${standard.name} is not applied: add a rationale (R6).`, problems);
    else {
      const decision = judgePanelRating(result, band);
      if (decision.allowed) {
        rating = decision.rating;
        panel.applied = decision.rating !== result.rating;
        panel.reason = decision.move?.reason ?? '';
      } else refusePanel(panel, decision.reason, problems);
    }
  }
  return { standard, indicative: result.rating, rating, keyQuestions, explanation, ...(panel ? { panel } : {}) };
}

function panelJudgement(panelRow: { cells: unknown[]; row: number } | undefined): PanelJudgement | undefined {
  const rating = text(panelRow?.cells[PANEL_HEADER.indexOf('Panel rating')]);
  if (!panelRow || rating === '') return undefined;
  return { rating, rationale: text(panelRow.cells[PANEL_HEADER.indexOf('Rationale')]), row: panelRow.row, applied: false, reason: '' };
}

function refusePanel(panel: PanelJudgement, reason: string, problems: ReportProblem[]): void {
  panel.reason = reason;
  problems.push({ tab: 'Panel', cell: cellName(panel.row, PANEL_HEADER.indexOf('Panel rating') + 1), message: reason });
}

/** R8: a judgement standard's rating is the lead inspector's, typed on the Domain one tab. */
function judgementFigure(standard: Standard, domainRow: { cells: unknown[]; row: number } | undefined, problems: ReportProblem[]): StandardFigure {
  const typed = text(domainRow?.cells[DOMAIN_ONE_HEADER.indexOf('Rating')]);
  const evidence = text(domainRow?.cells[DOMAIN_ONE_HEADER.indexOf('Evidence')]);
  const base = { standard, keyQuestions: [], ...(evidence ? { evidence } : {}) };
  if (typed === '') return { ...base, indicative: NOT_RATED, rating: NOT_RATED };
  const band = parseBand(typed);
  if (!band) {
    const cell = cellName(domainRow!.row, DOMAIN_ONE_HEADER.indexOf('Rating') + 1);
    const error = `Domain one ${cell}: "${typed}" is not a rating. Use one of ${BAND_LIST}.`;
    problems.push({ tab: 'Domain one', cell, message: error });
    return { ...base, indicative: null, rating: null, error };
  }
  return { ...base, indicative: band, rating: band };
}

/**
 * The whole report: every standard, the overall rating (R9, R12) and the data problems (docs/user-guide.md).
 * `caseTabs` maps a layout's name to the tab found for it where a user renamed it.
 */
export function ratingsReport(framework: Framework, tabValues: TabValues, caseTabs: ReadonlyMap<string, string> = new Map()): RatingsReport {
  const problems: ReportProblem[] = [];
  const tables = new Map<string, CaseTable | Error>();
  for (const layout of caseTabLayouts(framework)) {
    // The tab found for the layout (src/core/workbookModel.ts), by its name now.
    const name = caseTabs.get(layout.name) ?? layout.name;
    const values = tabValues(name);
    let table: CaseTable | Error;
    try {
      table = readCaseTable(values && values.length > 0 ? values : [layout.headers]);
    } catch (error) {
      table = new Error(`${name}: ${(error as Error).message}`);
    }
    tables.set(layout.name, table);
    if (table instanceof Error) problems.push({ tab: name, cell: 'A1', message: table.message });
    // One push per problem: a spread of 100,000 problems into push's arguments overflows the stack.
    else for (const { tab, cell, message } of checkCaseTab(name, table, framework).problems) problems.push({ tab, cell, message });
  }
  const panelRows = rowsById(tabValues('Panel'));
  const domainRows = rowsById(tabValues('Domain one'));
  const comparisons = rowsById(tabValues('Comparison'));
  const standards = standardsOf(framework).map((standard) => {
    const figure =
      standard.kind === 'caseBased' ? caseBasedFigure(standard, framework.thresholds, tables.get(standard.caseTab!)!, panelRows.get(standard.id), problems) : judgementFigure(standard, domainRows.get(standard.id), problems);
    for (const keyQuestion of figure.keyQuestions) {
      const cells = comparisons.get(keyQuestion.id)?.cells;
      const previous = comparison(cells, 'Previous %', 'Previous n');
      const aggregate = comparison(cells, 'All providers %', 'All providers n');
      if (previous) keyQuestion.previous = previous;
      if (aggregate) keyQuestion.aggregate = aggregate;
    }
    return figure;
  });
  const counted = new Set(countedStandards(framework));
  const countedFigures = standards.filter((figure) => counted.has(figure.standard));
  const bands = countedFigures.flatMap((figure) => (figure.rating && figure.rating !== NOT_RATED ? [figure.rating] : []));
  const failed = countedFigures.find((figure) => figure.error);
  const overall: RatingsReport['overall'] = {
    score: failed || bands.length === 0 ? null : overallScore(bands),
    outOf: 3 * countedFigures.length,
    rated: bands.length,
    of: countedFigures.length,
    // R12: the band for the k standards rated so far (R9 with n = k).
    rating: failed ? null : bands.length > 0 ? overallRating(bands, framework.overall, countedFigures.length) : NOT_RATED,
    ...(failed ? { error: `Standard ${failed.standard.id} ${failed.standard.name} has an error, so there is no overall rating: ${failed.error}` } : {}),
  };
  return { framework, standards, overall, problems };
}

/** docs/commands.md's `--json` object. */
export function reportJson(report: RatingsReport): object {
  return {
    framework: report.framework.id,
    standards: report.standards.map((figure) => ({
      id: figure.standard.id,
      name: figure.standard.name,
      indicative: figure.indicative,
      rating: figure.rating,
      score: figure.rating && figure.rating !== NOT_RATED ? bandScore(figure.rating) : null,
      keyQuestions: figure.keyQuestions
        .filter((keyQuestion) => !keyQuestion.qualitative)
        .map((keyQuestion) => ({ id: keyQuestion.id, yes: keyQuestion.yes, applicable: keyQuestion.applicable, percent: keyQuestion.percent })),
      ...(figure.error ? { error: figure.error } : {}),
    })),
    overall: report.overall,
    problems: report.problems,
  };
}
