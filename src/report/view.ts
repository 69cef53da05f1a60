/**
 * docs/report.md: the view of the report model that every renderer prints — the Word documents,
 * the ratings page, the console text, the sidebar and the Ratings tab's fixed words. The wording,
 * the band colours, the chart's bars and boundaries, the comparison columns shown and the data
 * problems (in one order, with one count) are decided here once; a renderer chooses only layout.
 * Pure: no Apps Script, no DOM, no Node.
 */
import { Band, BANDS, bandScore, lowerBoundary, parseBand } from '../core/bands';
import { problemsInOrder, ProblemKind } from '../core/dataQuality';
import { ComparisonFigure, detailText, EvidenceNote, KeyQuestionFigure, NOT_RATED, PromptFigure, RatingsReport, StandardFigure } from '../core/report';
import { SignOffSummary } from '../core/signOff';
import { INSPECTION_DETAILS, InspectionDetailKey } from '../core/tabLayouts';
import { andMore, LIST_CAP } from '../core/lists';

/** Band colours (background and text), as the summary tabs' conditional formatting, the documents and the chart show them. */
export const BAND_COLOURS: Record<Band, { background: string; font: string }> = {
  Inadequate: { background: '#f4c7c3', font: '#a50e0e' },
  'Requires improvement': { background: '#fce8b2', font: '#7a4f01' },
  Good: { background: '#b7e1cd', font: '#0d652d' },
  Outstanding: { background: '#0d652d', font: '#ffffff' },
};

/** A key question in error is charted in grey under this legend, never dropped. */
export const ERROR_COLOUR = '#9aa0a6';
export const ERROR_BAR = 'Error (see the data problems)';

/** R6: a rating the panel moved, as every table and the Ratings tab mark it. */
export function panelMoveText(from: string, to: string): string {
  return `Panel: ${from} → ${to}`;
}

/** R12: the overall rating while standards are still Not rated. */
export function provisionalText(rated: number | string, of: number | string): string {
  return `provisional: ${rated} of ${of} standards rated`;
}

export const isBand = (rating: string | null | undefined): rating is Band => typeof rating === 'string' && (BANDS as readonly string[]).includes(rating);

/** A rating as a table shows it: the band, Not rated, or "Error". */
export const ratingLabel = (rating: string | null) => rating ?? 'Error';

export interface OverallView {
  /** The band, Not rated, or "Error". */
  rating: string;
  band?: Band;
  /** "17/30", or "no score yet". */
  score: string;
  /** provisionalText's words, or '' once every counted standard is rated. */
  provisional: string;
  error?: string;
  /** The whole line: "Overall: 17/30, Good" (with the provisional note), or the error. */
  line: string;
}

/** R9, R12: the overall score and rating. */
export function overallView(report: Pick<RatingsReport, 'overall'>): OverallView {
  const { overall } = report;
  const score = overall.score === null ? 'no score yet' : `${overall.score}/${overall.outOf}`;
  const provisional = overall.rated < overall.of ? provisionalText(overall.rated, overall.of) : '';
  if (overall.error) return { rating: 'Error', score, provisional, error: overall.error, line: `Overall: ${overall.error}` };
  const rating = overall.rating ?? NOT_RATED;
  return { rating, ...(isBand(rating) ? { band: rating } : {}), score, provisional, line: `Overall: ${score}, ${rating}${provisional ? ` (${provisional})` : ''}` };
}

export interface RatingRow {
  id: string;
  name: string;
  indicative: string;
  rating: string;
  /** The score as a cell shows it, "(does not count)" where R9 leaves the standard out. */
  score: string;
  /** panelMoveText where the panel moved the rating, else ''. */
  panelMove: string;
  error?: string;
}

/** The ratings table: every standard by domain, in the framework's order. */
export function ratingDomains(report: RatingsReport): Array<{ heading: string; rows: RatingRow[] }> {
  const byStandard = new Map(report.standards.map((figure) => [figure.standard.id, figure]));
  return report.framework.domains.map((domain) => ({
    heading: `${domain.id}. ${domain.name}`,
    rows: domain.standards.map((standard) => {
      const figure = byStandard.get(standard.id)!;
      const score = isBand(figure.rating) ? String(bandScore(figure.rating)) : '';
      return {
        id: standard.id,
        name: standard.name,
        indicative: ratingLabel(figure.indicative),
        rating: ratingLabel(figure.rating),
        score: standard.counts ? score : `${score} (does not count)`.trim(),
        panelMove: figure.panel?.applied ? panelMoveText(String(figure.indicative), String(figure.rating)) : '',
        ...(figure.error ? { error: figure.error } : {}),
      };
    }),
  }));
}

/** A labelled detail of the Inspection tab; a blank one says what to do. */
export interface DetailLine {
  label: string;
  value: string;
}

/** The title page's labelled details (the service is the title itself). */
export function detailLines(report: RatingsReport): DetailLine[] {
  const keys: InspectionDetailKey[] = ['inspection', 'fieldwork', 'leadInspector', 'reportDate'];
  const lines = keys.map((key) => {
    const { label } = INSPECTION_DETAILS.find((detail) => detail.key === key)!;
    return { label, value: report.inspection[key] || 'not given — fill in the Inspection tab' };
  });
  return [...lines.slice(0, 1), { label: 'Framework', value: report.framework.name }, ...lines.slice(1)];
}

/** What a reader must know before the figures: provisional wording, standards that do not count. */
export function notices(report: RatingsReport): string[] {
  return [
    ...(report.framework.source.wording === 'provisional' ? [`Provisional wording: ${report.framework.source.note}`] : []),
    ...report.framework.domains.flatMap((domain) => domain.standards).filter((standard) => !standard.counts).map((standard) => `Standard ${standard.id} ${standard.name} is rated but does not count towards the overall score.`),
  ];
}

export type ComparisonKey = 'previous' | 'aggregate';

/** A comparison column a table shows, headed as the Inspection tab labels it. */
export interface ComparisonColumn {
  key: ComparisonKey;
  label: string;
}

type Compared = Pick<KeyQuestionFigure | PromptFigure, 'previous' | 'aggregate'>;

/** The comparison columns with a figure on at least one of these rows: a column that would be "—" on every row is left out. */
export function comparisonColumns(report: RatingsReport, rows: readonly Compared[]): ComparisonColumn[] {
  const columns: ComparisonColumn[] = [
    { key: 'previous', label: detailText(report, 'previousLabel') },
    { key: 'aggregate', label: detailText(report, 'comparisonLabel') },
  ];
  return columns.filter((column) => rows.some((row) => row[column.key]));
}

/** A sentence per comparison column no table shows, since the Comparison tab has no figures for it. */
export function comparisonNotes(report: RatingsReport): string[] {
  const shown = new Set(comparisonColumns(report, allQuestions(report)).map((column) => column.key));
  return (['previous', 'aggregate'] as const)
    .filter((key) => !shown.has(key))
    .map((key) => `${detailText(report, key === 'previous' ? 'previousLabel' : 'comparisonLabel')}: no figures on the Comparison tab, so the column is left out.`);
}

/** R10's meaning, said once under the first table with a comparison column. */
export const SIGNIFICANCE_NOTE = '"Significant change": this inspection differs from that figure at the 10% level, two-sided (R10).';

function allQuestions(report: RatingsReport): Array<KeyQuestionFigure | PromptFigure> {
  return report.standards.flatMap((figure) => figure.keyQuestions.flatMap((keyQuestion): Array<KeyQuestionFigure | PromptFigure> => [keyQuestion, ...keyQuestion.prompts]));
}

/** Every prompt, in the framework's order (the data annex). */
export function allPrompts(report: RatingsReport): PromptFigure[] {
  return report.standards.flatMap((figure) => figure.keyQuestions.flatMap((keyQuestion) => keyQuestion.prompts));
}

/** A previous or all-providers figure: "74% (n 62), significant change"; "—" where there is none. */
export function comparisonText(figure: ComparisonFigure | undefined): string {
  if (!figure) return '—';
  return `${figure.percent}%${figure.n === null ? '' : ` (n ${figure.n})`}${figure.significant === true ? ', significant change' : ''}`;
}

/** This inspection's figure: "65% (65/100)", the error, or why there is no percentage yet. */
export function figureText(question: { yes: number | null; applicable: number | null; percent: number | null; error?: string }): string {
  if (question.error) return `Error: ${question.error}`;
  if (question.percent === null) return question.applicable === 0 ? 'no applicable case' : '—';
  return `${question.percent}% (${question.yes}/${question.applicable})`;
}

/** The 80% interval (docs/programme.md), for the panel's working only. */
export function intervalText(keyQuestion: KeyQuestionFigure): string {
  return keyQuestion.interval ? `${keyQuestion.interval.lower}–${keyQuestion.interval.upper}%` : '—';
}

export const QUALITATIVE = 'Qualitative: judged on evidence, not counted';

/** R6: what the ratings panel did, in one sentence, and its rationale where one was given. */
export function panelSentences(figure: StandardFigure): string[] {
  const panel = figure.panel;
  if (!panel) return [];
  const outcome = panel.applied
    ? `The ratings panel moved the rating from ${figure.indicative} to ${figure.rating}${panel.reason ? ` (${panel.reason})` : ''}.`
    : parseBand(panel.rating) === figure.rating
      ? `The ratings panel confirmed ${panel.rating}.`
      : `The ratings panel asked for ${panel.rating}; it is not applied. ${panel.reason}`;
  return [outcome, ...(panel.rationale ? [`Rationale: ${panel.rationale}`] : [])];
}

/** The standard's rating line in its chapter. */
export function ratingSentence(figure: StandardFigure): string {
  if (figure.standard.kind === 'leadJudgement') return `Rating: ${ratingLabel(figure.rating)} (the lead inspector's judgement).`;
  const indicative = figure.indicative && figure.indicative !== figure.rating ? ` (indicative rating ${figure.indicative})` : '';
  return `Rating: ${ratingLabel(figure.rating)}${indicative}.`;
}

/** One key question's notes for a findings section: each distinct note once, with the cases it came from. */
export interface FindingGroup {
  keyQuestion: string;
  notes: Array<{ note: string; caseIds: string[] }>;
}

/** Strengths (notes beside Yes) or areas for improvement (beside No), grouped per key question, a note typed for several cases given once. */
export function findingGroups(figure: StandardFigure, side: 'strengths' | 'improvements'): FindingGroup[] {
  return figure.keyQuestions.flatMap((keyQuestion) => {
    const byNote = new Map<string, string[]>();
    for (const { note, caseId } of keyQuestion[side] as EvidenceNote[]) byNote.set(note, [...(byNote.get(note) ?? []), caseId]);
    return byNote.size === 0 ? [] : [{ keyQuestion: `${keyQuestion.id} ${keyQuestion.text}`, notes: [...byNote].map(([note, caseIds]) => ({ note, caseIds })) }];
  });
}

/** A place the inspector must write in: "[Write the foreword here]". Documents mark it and `rate --docx` lists it. */
export function placeholder(what: string): string {
  return `[Write ${what} here]`;
}

/**
 * The methodology annex's lines from the workbook: the framework and its band boundaries (R4, R5),
 * then the cases per case tab. Further facts of how the cases were checked (such as how many were
 * signed off) are added here, as lines, for every document at once.
 */
export function methodologyLines(report: RatingsReport): { intro: string; facts: string[] } {
  const [requiresImprovement, good, outstanding] = report.framework.thresholds;
  return {
    intro: `The inspection followed ${report.framework.name}. Each key question's rating band is set by the percentage of applicable cases answered Yes: Inadequate below ${requiresImprovement}%, Requires improvement from ${requiresImprovement}%, Good from ${good}%, Outstanding from ${outstanding}% (R4); a standard takes the band of its lowest key question (R5).`,
    facts: [...report.subSamples.map((split) => `${split.tab}: ${split.groups.reduce((sum, group) => sum + group.cases, 0)} cases`), signOffLine(report.signOff)],
  };
}

/** The methodology annex's line on sign-off (docs/report.md). */
export function signOffLine(summary: SignOffSummary): string {
  if (summary.cases === 0) return 'Sign-off: no case started yet.';
  const cases = `${summary.cases} case${summary.cases === 1 ? '' : 's'}`;
  if (summary.signedOff === 0) return `Sign-off: no case of the ${cases} started has been signed off by a reviewer.`;
  const reviewers = summary.reviewers.length;
  return `Sign-off: ${summary.signedOff} of the ${cases} started ${summary.signedOff === 1 ? 'was' : 'were'} signed off, by ${reviewers} reviewer${reviewers === 1 ? '' : 's'}.`;
}

/** The chart: a bar per counted key question with a percentage, and per one in error (at 0, grey), in framework order. */
export interface ChartBar {
  id: string;
  percent: number;
  /** The band, or ERROR_BAR. */
  band: string;
  colour: string;
  /** For screen readers and alt text. */
  label: string;
}

export function chartBars(report: RatingsReport): ChartBar[] {
  return report.standards.flatMap((figure) =>
    figure.keyQuestions.flatMap((keyQuestion): ChartBar[] => {
      if (keyQuestion.error) return [{ id: keyQuestion.id, percent: 0, band: ERROR_BAR, colour: ERROR_COLOUR, label: `${keyQuestion.id}: error, ${keyQuestion.error}` }];
      if (keyQuestion.percent === null || keyQuestion.band === null) return [];
      return [{ id: keyQuestion.id, percent: keyQuestion.percent, band: keyQuestion.band, colour: BAND_COLOURS[keyQuestion.band].background, label: `${keyQuestion.id}: ${keyQuestion.percent}%, ${keyQuestion.band}` }];
    }),
  );
}

/** R4: the lines where Requires improvement, Good and Outstanding start, at the framework's own thresholds, each labelled. */
export function chartBoundaries(report: RatingsReport): Array<{ percent: number; band: Band; label: string }> {
  return BANDS.slice(1).map((band) => {
    const percent = lowerBoundary(band, report.framework.thresholds);
    return { percent, band, label: `${band} from ${percent}%` };
  });
}

export const CHART_TITLE = 'Key questions against the band boundaries';
export const NOTHING_TO_CHART = 'No key question has a Yes or No answer yet, so there is nothing to chart.';

/** The chart's alt text: every bar and boundary it draws, in words. */
export function chartAltText(report: RatingsReport): string {
  const boundaries = chartBoundaries(report).map((boundary) => boundary.label).join(', ');
  return `Bar chart of each key question's percentage of Yes answers against the band boundaries (${boundaries}): ${chartBars(report).map((bar) => bar.label).join('; ')}.`;
}

/** A data problem as every list shows it. */
export interface ProblemLine {
  tab: string;
  cell: string;
  message: string;
  kind: ProblemKind;
  /** "Panel!D3", as a person names the cell. */
  where: string;
}

/** The data problems in the one order every list uses (those that block a rating first), with their count. */
export function problemList<T extends { tab: string; cell: string; message: string; kind: ProblemKind }>(
  problems: readonly T[],
  total = problems.length,
): { count: number; heading: string; problems: Array<T & ProblemLine>; listed: Array<T & ProblemLine> } {
  const ordered = problemsInOrder(problems).map((problem) => ({ ...problem, where: `${problem.tab}!${problem.cell}` }));
  // `total`: every problem found, where the list given holds only the first (src/core/lists.ts).
  const count = Math.max(total, ordered.length);
  return { count, heading: `Data problems (${count.toLocaleString('en-GB')})`, problems: ordered, listed: ordered.slice(0, LIST_CAP) };
}

/** "… and 12 more": the evidence notes a standard's list leaves out, or ''. */
export function moreNotes(more: number): string {
  return more > 0 ? `… ${andMore(more)}: see the evidence columns of the case tab.` : '';
}

/** "and 12 more": the problems a list leaves out. */
export function moreProblems(count: number, shown: number, where: string): string {
  return count > shown ? `… ${andMore(count - shown)}: ${where}.` : '';
}
