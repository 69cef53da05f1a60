/**
 * The report model: the ratings of a workbook, computed from its cell values with the method's own
 * code, never by reading the text the summary tabs display. The command line prints it, its
 * `--json` line and `--html` page are drawn from it, and the demo prints its page.
 */
import { cellName } from './a1';
import { cellText } from './cellText';
import { Band, BAND_LIST, BandThresholds, bandScore, parseBand } from './bands';
import { agreementOf, markedPairs } from './agreement';
import { readAnswer } from './answers';
import { applicableCount, CaseTable, Column, columnHeaded, findColumn, readCaseTable, rowsWhere, sheetRow, tallyColumns } from './caseTable';
import { checkCaseTab, ProblemKind, problemsInOrder } from './dataQuality';
import { explainStandard } from './explain';
import { Framework, Standard } from './framework';
import { standardsOf } from './frameworks';
import { overallRating, overallScore } from './overall';
import { judgePanelRating } from './panel';
import { countKeyQuestion, describeWaiting, isNotRated, KeyQuestionCount, rateCounted, resultOf } from './standards';
import { comparisonPercentProblem } from './summary';
import { wilsonInterval } from './programme';
import { CASE_ID_HEADER, caseIdText } from './sampling';
import { changeIsSignificant } from './statistics';
import { checkSignOffs, SignOffSummary } from './signOff';
import { INSPECTION_DETAIL_BLANKS, INSPECTION_DETAILS, INSPECTION_LAYOUT, InspectionDetailKey, SIGN_OFF_LOG_LAYOUT } from './tabLayouts';
import { qaTabName } from './workbookModel';
import { caseTabLayouts, COMPARISON_HEADER, defaultSplitHeader, DOMAIN_ONE_HEADER, evidenceHeader, PANEL_HEADER } from './workbook';

/** R12: the label of a standard that cannot be rated yet. */
export const NOT_RATED = 'Not rated' as const;

/** A previous-inspection or all-providers figure from the Comparison tab. */
export interface ComparisonFigure {
  percent: number;
  n: number | null;
  /** R10: whether this inspection's percentage differs from it (two-sided, 10%); absent when it cannot be tested (no n, no percentage). */
  significant?: boolean;
}

/** docs/report.md: the Inspection tab's details; '' where a detail is blank (see `detailText`). */
export type InspectionDetails = Record<InspectionDetailKey, string>;

/** An evidence note typed beside a key question's answer, with the case it is about. */
export interface EvidenceNote {
  /** The case's Case ID, or "row N" where the tab has no Case ID. */
  caseId: string;
  note: string;
}

/** A prompt's figures (the example report's Annex 4). */
export interface PromptFigure {
  id: string;
  text: string;
  yes: number | null;
  applicable: number | null;
  percent: number | null;
  error?: string;
  previous?: ComparisonFigure;
  aggregate?: ComparisonFigure;
}

/** docs/programme.md: the 80% Wilson interval of a percentage, in whole percent. */
export interface PercentInterval {
  lower: number;
  upper: number;
}

/** A key question's figures within one group of cases (the sub-samples annex). */
export interface SubSampleFigure {
  /** The metadata column split by, e.g. "Sentence type". */
  header: string;
  groups: Array<{ value: string; cases: number; keyQuestions: Array<{ id: string; yes: number | null; applicable: number | null; percent: number | null }> }>;
  tab: string;
  /** Groups left out of `groups` by the list cap (src/core/lists.ts); absent when none were. */
  groupsNotListed?: number;
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
  /** docs/programme.md: how sure the percentage is (80% Wilson); absent with no applicable case. */
  interval?: PercentInterval;
  prompts: PromptFigure[];
  /** docs/report.md: the evidence notes beside a Yes answer (strengths) and a No answer (areas for improvement). */
  strengths: EvidenceNote[];
  improvements: EvidenceNote[];
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
  /** Evidence notes left out of the key questions' `strengths` and `improvements` by the list cap (src/core/lists.ts). */
  strengthsNotListed?: number;
  improvementsNotListed?: number;
}

export interface ReportProblem {
  tab: string;
  cell: string;
  message: string;
  /** The column's header, where the problem is in a case tab. */
  header?: string;
  /** What kind of problem: those that block a rating are listed first (problemsInOrder). */
  kind: ProblemKind;
}

/** docs/sampling-and-qa.md: how far a quality lead's re-marking of a case tab agrees with the inspectors'. */
export interface MarkingAgreementFigure {
  /** The case tab checked. */
  tab: string;
  checked: number;
  agreements: number;
  /** Whole percent; null with nothing checked. */
  percent: number | null;
  kappa: number | null;
  error?: string;
}

export interface RatingsReport {
  framework: Framework;
  inspection: InspectionDetails;
  subSamples: SubSampleFigure[];
  agreement: MarkingAgreementFigure[];
  standards: StandardFigure[];
  overall: { score: number | null; outOf: number; rated: number; of: number; rating: Band | typeof NOT_RATED | null; error?: string };
  problems: ReportProblem[];
  /** Every problem found, listed or not: past the report's problem limit a case tab's problems are only counted. */
  problemCount: number;
  /** docs/user-guide.md "Sign-off": cases started, how many are signed off now and by which reviewers (the methodology annex). */
  signOff: SignOffSummary;
}

/** A tab's values (row 1 first), or undefined when the workbook has no such tab. */
export type TabValues = (tab: string) => unknown[][] | undefined;

/** R9: the standards that count towards the overall score (youth justice's resettlement does not). */
function countedStandards(framework: Framework): Standard[] {
  return standardsOf(framework).filter((standard) => standard.counts);
}

/** A cell as the report shows it: dates as "1 May 2025", text cleaned of what no document can hold. */
const text = cellText;

/** A list tab (Domain one, Panel, Comparison) as rows keyed by the id in column A, with their sheet row. */
function rowsById(values: unknown[][] | undefined): Map<string, { cells: unknown[]; row: number }> {
  return new Map((values ?? []).slice(1).map((cells, index) => [text(cells[0]), { cells, row: index + 2 }]));
}

function comparison(line: { cells: unknown[]; row: number } | undefined, percentHeader: string, nHeader: string, problems: ReportProblem[]): ComparisonFigure | undefined {
  const cells = line?.cells;
  const percent = cells?.[COMPARISON_HEADER.indexOf(percentHeader)];
  if (typeof percent !== 'number') return undefined;
  // R10: a figure outside 0–1 (74 typed for 74%) is a problem naming its cell, never shown as 7400%.
  const cell = cellName(line!.row, COMPARISON_HEADER.indexOf(percentHeader) + 1);
  const problem = comparisonPercentProblem(percent, cell);
  if (problem) {
    problems.push({ tab: 'Comparison', cell, message: problem, kind: 'comparison' });
    return undefined;
  }
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
    const base = { id: keyQuestion.id, text: keyQuestion.text, qualitative: keyQuestion.qualitative, strengths: [], improvements: [] };
    if (keyQuestion.qualitative) return { ...base, prompts: [], yes: null, applicable: null, percent: null, band: null };
    const figure = { ...base, prompts: promptFigures(table, keyQuestion.prompts, rows), ...evidenceNotes(table, keyQuestion.id, rows) };
    try {
      const count = countKeyQuestion(table, keyQuestion, rows);
      counts.push(count);
      const result = resultOf(count, thresholds);
      const interval = count.applicable > 0 ? wilsonInterval(count.yes, count.applicable) : undefined;
      return {
        ...figure,
        yes: count.yes,
        applicable: count.applicable,
        percent: result?.percent ?? null,
        band: result?.band ?? null,
        ...(interval ? { interval: { lower: Math.round(interval.lower * 100), upper: Math.round(interval.upper * 100) } } : {}),
      };
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
    else if (panel.rationale === '') refusePanel(panel, `The panel rating for ${standard.id} ${standard.name} needs a rationale (R6): add one on the Panel tab.`, problems);
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

/** Annex 4: each prompt's Yes out of applicable; an invalid answer stays that prompt's error. */
function promptFigures(table: CaseTable, prompts: ReadonlyArray<{ id: string; text: string }>, rows: readonly number[]): PromptFigure[] {
  const columns = prompts.map((prompt) => findColumn(table, prompt.id));
  const present = columns.filter((column): column is Column => column !== undefined);
  const tallies = new Map(tallyColumns(table, present, rows).map((tally, index) => [present[index], tally]));
  return prompts.map((prompt, index) => {
    const column = columns[index];
    const figure = { id: prompt.id, text: prompt.text };
    const tally = column && tallies.get(column);
    if (!tally) return { ...figure, yes: null, applicable: null, percent: null, error: `The case tab has no column for prompt ${prompt.id}.` };
    if (tally instanceof Error) return { ...figure, yes: null, applicable: null, percent: null, error: tally.message };
    const applicable = applicableCount(tally);
    return { ...figure, yes: tally.yes, applicable, percent: applicable > 0 ? Math.round((100 * tally.yes) / applicable) : null };
  });
}

/** docs/report.md: the notes in a key question's evidence column, split by the answer beside them (Yes → strengths, No → areas for improvement). */
function evidenceNotes(table: CaseTable, keyQuestionId: string, rows: readonly number[]): { strengths: EvidenceNote[]; improvements: EvidenceNote[] } {
  const strengths: EvidenceNote[] = [];
  const improvements: EvidenceNote[] = [];
  const answers = findColumn(table, keyQuestionId);
  const notes = columnHeaded(table, evidenceHeader(keyQuestionId));
  if (!answers || !notes) return { strengths, improvements };
  const ids = columnHeaded(table, CASE_ID_HEADER);
  for (const rowIndex of rows) {
    const cells = table.rows[rowIndex];
    const note = text(cells[notes.index]);
    if (note === '') continue;
    const answer = readAnswer(cells[answers.index]);
    if (answer !== 'yes' && answer !== 'no') continue;
    const caseId = (ids && caseIdText(cells[ids.index])) || `row ${sheetRow(rowIndex)}`;
    (answer === 'yes' ? strengths : improvements).push({ caseId, note });
  }
  return { strengths, improvements };
}

/** The sub-samples annex: each counted key question of a case tab split by its default metadata column (e.g. Sentence type). */
function subSampleFigure(tab: string, table: CaseTable, framework: Framework, standards: readonly Standard[]): SubSampleFigure | undefined {
  const header = defaultSplitHeader(framework);
  const column = columnHeaded(table, header);
  if (!column) return undefined;
  const keyQuestions = standards.filter((standard) => standard.kind === 'caseBased').flatMap((standard) => standard.keyQuestions.filter((keyQuestion) => !keyQuestion.qualitative));
  const columns = keyQuestions.map((keyQuestion) => findColumn(table, keyQuestion.id));
  const values = [...new Set(table.rows.map((cells) => text(cells[column.index])).filter((value) => value !== ''))];
  if (values.length === 0) return undefined;
  const groups = values.map((value) => {
    const rows = rowsWhere(table, { column, value });
    const present = columns.filter((found): found is Column => found !== undefined);
    const tallies = new Map(tallyColumns(table, present, rows).map((tally, index) => [present[index], tally]));
    return {
      value,
      cases: rows.length,
      keyQuestions: keyQuestions.map((keyQuestion, index) => {
        const tally = columns[index] && tallies.get(columns[index]!);
        if (!tally || tally instanceof Error) return { id: keyQuestion.id, yes: null, applicable: null, percent: null };
        const applicable = applicableCount(tally);
        return { id: keyQuestion.id, yes: tally.yes, applicable, percent: applicable > 0 ? Math.round((100 * tally.yes) / applicable) : null };
      }),
    };
  });
  return { tab, header, groups };
}

/** The marking agreement of a case tab and its QA tab; an unusable QA tab is this figure's error, never the report's. */
function markingAgreement(tab: string, cases: CaseTable, checks: unknown[][]): MarkingAgreementFigure {
  try {
    const result = agreementOf(markedPairs(cases, readCaseTable(checks)));
    return { tab, checked: result.checked, agreements: result.agreements, percent: result.fraction === undefined ? null : Math.round(result.fraction * 100), kappa: result.kappa ?? null };
  } catch (error) {
    return { tab, checked: 0, agreements: 0, percent: null, kappa: null, error: `${qaTabName(tab)}: ${(error as Error).message}` };
  }
}

/** docs/report.md: the Inspection tab's details by label in column A; blanks stay ''. */
function inspectionDetails(values: unknown[][] | undefined): InspectionDetails {
  const byLabel = new Map((values ?? []).slice(1).map((cells) => [text(cells[0]).toLowerCase(), text(cells[1])]));
  return Object.fromEntries(INSPECTION_DETAILS.map((detail) => [detail.key, byLabel.get(detail.label.toLowerCase()) ?? ''])) as InspectionDetails;
}

/** A detail as a title shows it: what was typed, or what to do where it is blank (never the file's name). */
export function detailText(report: Pick<RatingsReport, 'inspection'>, key: InspectionDetailKey): string {
  return report.inspection[key] || INSPECTION_DETAIL_BLANKS[key];
}

/** R10: the comparison figure with whether this inspection's yes/applicable differs from it. */
function withSignificance(figure: ComparisonFigure | undefined, yes: number | null, applicable: number | null): ComparisonFigure | undefined {
  if (!figure || figure.n === null || figure.n <= 0 || yes === null || !applicable) return figure;
  return { ...figure, significant: changeIsSignificant(yes / applicable, applicable, figure.percent / 100, figure.n) };
}

function panelJudgement(panelRow: { cells: unknown[]; row: number } | undefined): PanelJudgement | undefined {
  const rating = text(panelRow?.cells[PANEL_HEADER.indexOf('Panel rating')]);
  if (!panelRow || rating === '') return undefined;
  return { rating, rationale: text(panelRow.cells[PANEL_HEADER.indexOf('Rationale')]), row: panelRow.row, applied: false, reason: '' };
}

function refusePanel(panel: PanelJudgement, reason: string, problems: ReportProblem[]): void {
  panel.reason = reason;
  problems.push({ tab: 'Panel', cell: cellName(panel.row, PANEL_HEADER.indexOf('Panel rating') + 1), message: reason, kind: 'panel' });
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
    problems.push({ tab: 'Domain one', cell, message: error, kind: 'judgement' });
    return { ...base, indicative: null, rating: null, error };
  }
  return { ...base, indicative: band, rating: band };
}

/**
 * The whole report: every standard, the overall rating (R9, R12) and the data problems (docs/user-guide.md).
 * `caseTabs` maps a layout's name to the tab found for it where a user renamed it. Past `problemLimit`
 * a case tab's problems (of each rank) are counted without their messages being built, as on Data quality:
 * a reader that shows only the first ones stays fast at 100,000 cases.
 */
export function ratingsReport(
  framework: Framework,
  tabValues: TabValues,
  caseTabs: ReadonlyMap<string, string> = new Map(),
  problemLimit = Number.POSITIVE_INFINITY,
): RatingsReport {
  const problems: ReportProblem[] = [];
  let unlisted = 0;
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
    if (table instanceof Error) problems.push({ tab: name, cell: 'A1', message: table.message, kind: 'unreadableTab' });
    // One push per problem: a spread of 100,000 problems into push's arguments overflows the stack.
    else {
      const check = checkCaseTab(name, table, framework, problemLimit, layout.name);
      unlisted += check.problemCount - check.problems.length;
      for (const { tab, cell, message, kind, header } of check.problems) problems.push({ tab, cell, message, kind, header });
    }
  }
  // docs/user-guide.md "Sign-off": the case tabs against the Sign-off log; its problems are data problems like any other.
  const readable = caseTabLayouts(framework).flatMap((layout) => {
    const table = tables.get(layout.name);
    return table && !(table instanceof Error) ? [{ name: caseTabs.get(layout.name) ?? layout.name, frameworkName: layout.name, table }] : [];
  });
  const unreadable = caseTabLayouts(framework).flatMap((layout) => (tables.get(layout.name) instanceof Error ? [caseTabs.get(layout.name) ?? layout.name, layout.name] : []));
  const signOff = checkSignOffs(readable, tabValues(SIGN_OFF_LOG_LAYOUT.name), undefined, unreadable);
  for (const { tab, cell, message, kind } of signOff.problems) problems.push({ tab, cell, message, kind });
  const panelRows = rowsById(tabValues('Panel'));
  const domainRows = rowsById(tabValues('Domain one'));
  const comparisons = rowsById(tabValues('Comparison'));
  const standards = standardsOf(framework).map((standard) => {
    const figure =
      standard.kind === 'caseBased' ? caseBasedFigure(standard, framework.thresholds, tables.get(standard.caseTab!)!, panelRows.get(standard.id), problems) : judgementFigure(standard, domainRows.get(standard.id), problems);
    for (const question of figure.keyQuestions.flatMap((keyQuestion): Array<KeyQuestionFigure | PromptFigure> => [keyQuestion, ...keyQuestion.prompts])) {
      const line = comparisons.get(question.id);
      const previous = withSignificance(comparison(line, 'Previous %', 'Previous n', problems), question.yes, question.applicable);
      const aggregate = withSignificance(comparison(line, 'All providers %', 'All providers n', problems), question.yes, question.applicable);
      if (previous) question.previous = previous;
      if (aggregate) question.aggregate = aggregate;
    }
    return figure;
  });
  const subSamples = caseTabLayouts(framework).flatMap((layout) => {
    const table = tables.get(layout.name);
    const figure = table && !(table instanceof Error) && table.rows.length > 0 ? subSampleFigure(layout.name, table, framework, layout.standards) : undefined;
    return figure ? [figure] : [];
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
  const agreement = caseTabLayouts(framework).flatMap((layout) => {
    const table = tables.get(layout.name);
    const checks = tabValues(qaTabName(layout.name));
    return table && !(table instanceof Error) && checks && checks.length > 1 ? [markingAgreement(layout.name, table, checks)] : [];
  });
  // docs/user-guide.md: one order for every list of problems, those that block a rating first.
  return { framework, inspection: inspectionDetails(tabValues(INSPECTION_LAYOUT.name)), standards, overall, subSamples, agreement, problems: problemsInOrder(problems), problemCount: problems.length + unlisted, signOff: signOff.summary };
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
    problems: report.problems.map(({ tab, cell, message }) => ({ tab, cell, message })),
  };
}
