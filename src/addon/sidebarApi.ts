import { hasVisibleCharacter, quoteText } from '../core/answers';
import { Band, BAND_LIST, NOT_RATED, parseBand } from '../core/bands';
import { rowsWhere } from '../core/caseTable';
import { Framework, Standard } from '../core/framework';
import { RatingsReport, StandardFigure } from '../core/report';
import { OverallView, overallView, problemList } from '../report/view';
import { workbookReport } from '../core/workbookReport';
import { DataProblem, ProblemKind, problemsInOrder, TabProgress } from '../core/dataQuality';
import { capList, LIST_CAP } from '../core/lists';
import { findStandard, FRAMEWORKS } from '../core/frameworks';
import { explainStandard } from '../core/explain';
import { judgePanelRating, panelMoves } from '../core/panel';
import { isNotRated, rateStandard } from '../core/standards';
import { caseBasedStandards, caseTabLayouts, defaultSplitHeader, splittableColumns } from '../core/workbook';
import { columnNumber, PANEL_LAYOUT, readRow } from '../core/tabLayouts';
import { serverFunction } from '../publicFunction';
import { asText, MAX_CELL_CHARACTERS } from './cells';
import { LIMITS, optionalText, STANDARD_ID, TAB_NAME, validated } from './serverArgs';
import { withDocumentLock } from './lock';
import { activeSpreadsheet, documentProperties, findTab, Tabs, tabsByName } from './ownTabs';
import { appendPanelLog, recordedBy } from './panelLog';
import { CaseTabRead, readCaseTabs } from './caseTabs';
import { checkCaseTabs, generateSummaries, GenerateOptions, GenerateReport } from './summaries';
import { sheetsReader } from './workbookReader';
import { FRAMEWORK_TAB_CHOICE, newInspection, SetupReport } from './setup';
import { workbookChoice, workbookFramework } from './workbookFramework';
import { signOffLogOf, signOffTab } from './signOff';
import { checkSignOffs, StatusProgress } from '../core/signOff';
import { cellPosition } from '../core/a1';

/** What the sidebar shows (plain data: no Dates cross google.script.run). */
export interface Overview {
  frameworkName: string;
  /** False until New inspection has made the case tabs. */
  isSetUp: boolean;
  progress: TabProgress[];
  /** The report's problems and the Framework tab's, in the one order every list uses (src/report/view.ts). */
  problems: SidebarProblem[];
  /** How many problems there are in all; `problems` holds the first LIST_CAP (src/core/lists.ts). */
  problemCount: number;
  panel: PanelRow[];
  subSampleHeaders: string[];
  subSampleHeader: string;
  /** New inspection's framework choices (built-ins, then the Framework tab's when there is one) and the one chosen now. */
  frameworkChoices: Array<{ id: string; name: string }>;
  frameworkChoice: string;
  /** The overall line as every renderer words it, computed from the cases (R12: provisional while standards are Not rated). */
  overall: OverallView | null;
  /** The name this user records panel judgements under (the panel log's "By"), as last typed. */
  recordedBy: string;
  /** docs/user-guide.md "Sign-off": cases per status, per case tab and per inspector. */
  statusProgress: StatusProgress[];
  /** The sign-off problems (changed after sign-off, moved, vanished…), the first LIST_CAP (src/core/lists.ts), and how many in all. */
  signOffProblems: DataProblem[];
  signOffProblemCount: number;
  /** The case tabs' names now, for the sign-off form. */
  caseTabs: string[];
}

/** A data problem as the sidebar lists it: the cell to go to, and what is wrong. */
export interface SidebarProblem {
  tab: string;
  row: number;
  column: number;
  cell: string;
  header: string;
  message: string;
  kind: ProblemKind;
}

export interface PanelRow {
  standardId: string;
  name: string;
  indicative: string;
  panelRating: string;
  rationale: string;
  status: string;
  /** RATING_EXPLAIN's sentence on the case data now, or why the standard cannot be rated yet. */
  explanation: string;
  /** The ratings the panel may record now: the indicative one and each move R6/R7 allow. */
  choices: string[];
  /** docs/user-guide.md "Sign-off": a warning while cases of the standard's tab are not signed off; blank when all are. */
  unsigned: string;
}

const PANEL_TAB = 'Panel';

/**
 * The sidebar's view of the workbook: one read per case tab and one of each list tab. Every figure
 * is computed here from typed values (the report model), never read back from a custom-function
 * cell: in Sheets those show "Loading..." until they have run, and have not run at all right after
 * New inspection, Generate summaries or a panel save.
 */
function overview(): Overview {
  const spreadsheet = activeSpreadsheet();
  const tabs = tabsByName(spreadsheet);
  const choice = workbookChoice(tabs);
  const framework = choice.framework;
  const caseTabs = readCaseTabs(tabs, framework);
  const checked = checkCaseTabs(caseTabs, framework, LIST_CAP, signOffLogOf(tabs));
  const progress = checked.progress;
  const { report, panelRows } = reportOf(tabs, framework, caseTabs);
  // The case tabs' problems as read here (with their formula cells, which the report's values cannot show, and the
  // Sign-off log's findings), the report's others (a refused panel rating, a Comparison figure, a Domain one rating)
  // and the Framework tab's, in the one order every list uses, counted alike.
  const checkedTabs = new Set([...caseTabs.map((tab) => tab.name), ...checked.problems.map((problem) => problem.tab)]);
  const others = report.problems.filter((problem) => !checkedTabs.has(problem.tab) && !problem.kind?.startsWith('signOff'));
  const list = problemList([...choice.problems, ...checked.problems, ...others]);
  const problems = capList(list.problems).listed.map(sidebarProblem);
  const problemCount = choice.problems.length + checked.problemCount + others.length;
  const panel = caseBasedStandards(framework).map((standard) => panelRowOf(report, panelRows, caseTabs, standard, checked.signOff.progress));
  const signOffProblems = problemsInOrder(checked.signOff.problems);
  return {
    frameworkName: framework.name,
    isSetUp: caseTabs.length > 0,
    progress,
    problems,
    problemCount,
    panel,
    subSampleHeaders: splittableColumns(framework).map((column) => column.header),
    overall: caseTabs.length > 0 ? overallView(report) : null,
    subSampleHeader: documentProperties().getProperty('subSampleHeader') || defaultSplitHeader(framework),
    frameworkChoices: [
      ...FRAMEWORKS.map((known) => ({ id: known.id, name: known.name })),
      ...(choice.hasFrameworkTab ? [{ id: FRAMEWORK_TAB_CHOICE, name: choice.fromFrameworkTab && choice.problems.length === 0 ? `The Framework tab: ${framework.name}` : 'The Framework tab' }] : []),
    ],
    frameworkChoice: choice.fromFrameworkTab ? FRAMEWORK_TAB_CHOICE : framework.id,
    recordedBy: recordedBy(),
    statusProgress: checked.signOff.progress,
    signOffProblems: capList(signOffProblems).listed,
    signOffProblemCount: signOffProblems.length,
    caseTabs: caseTabs.map((tab) => tab.name),
  };
}

/** A problem with the row and column its cell name gives, for the sidebar's link to it. */
function sidebarProblem(problem: { tab: string; cell: string; message: string; kind: ProblemKind; header?: string }): SidebarProblem {
  const { row, column } = cellPosition(problem.cell) ?? { row: 1, column: 1 };
  return { tab: problem.tab, row, column, cell: problem.cell, header: problem.header ?? '', message: problem.message, kind: problem.kind };
}

/** A standard's Panel row for the sidebar: the judgement as typed, its status and the indicative rating computed now. */
/**
 * The report model from typed values (never a custom-function cell, which Sheets shows as "Loading..."
 * until it has run) and the Panel tab's rows as typed: one reader over the tabs, the case tabs as read already.
 */
function reportOf(tabs: Tabs, framework: Framework, caseTabs: CaseTabRead[]): { report: RatingsReport; panelRows: unknown[][] } {
  const reader = sheetsReader(tabs, new Map(caseTabs.map((tab) => [tab.name, tab.values])));
  const layouts = caseTabLayouts(framework);
  const found = caseTabs.map((tab) => ({ layout: layouts.find((layout) => layout.name === tab.frameworkName)!, tab: tab.name }));
  const panelTab = findTab(tabs, 'panel', PANEL_TAB);
  // The overview's problems come from checkCaseTabs: the report's are only counted past the limit.
  return { report: workbookReport(reader, { framework, caseTabs: found }, LIST_CAP), panelRows: panelTab?.role === 'panel' ? reader.values(panelTab.name) : [] };
}

function panelRowOf(report: RatingsReport, panelRows: unknown[][], caseTabs: CaseTabRead[], standard: Standard, statuses: StatusProgress[]): PanelRow {
  const figure = report.standards.find((candidate) => candidate.standard.id === standard.id)!;
  // The judgement as typed on the Panel tab, shown even while the standard has an error.
  const typed = readRow(PANEL_LAYOUT, panelRows.find((cells) => textOf(cells[0]) === standard.id) ?? []);
  const panelRating = textOf(typed.panelRating);
  return {
    standardId: standard.id,
    name: standard.name,
    indicative: figure.error ? `Error: ${figure.error}` : (figure.indicative ?? ''),
    panelRating,
    rationale: textOf(typed.rationale),
    status: panelRating === '' ? '' : panelStatus(figure),
    ...panelOptions(caseTabs, report.framework, standard),
    unsigned: unsignedWarning(caseTabs, standard, statuses),
  };
}

/** The panel's warning before a judgement: the cases of the standard's tab no reviewer has signed off yet (by their Status). */
function unsignedWarning(caseTabs: CaseTabRead[], standard: Standard, statuses: StatusProgress[]): string {
  const name = caseTabs.find((tab) => tab.frameworkName === standard.caseTab)?.name;
  const counts = statuses.find((progress) => progress.tab === name)?.counts;
  if (!counts) return '';
  const unsigned = counts.inProgress + counts.ready;
  if (unsigned === 0) return '';
  const of = unsigned + counts.signedOff;
  return `${unsigned} of the ${of} cases on ${name} ${unsigned === 1 ? 'is' : 'are'} not signed off yet (${counts.inProgress} in progress, ${counts.ready} ready for review): this judgement would rest on cases no reviewer has signed off.`;
}

/** The Panel tab's Status words (R6, R7, R12), with the reason where the method refuses the move. */
function panelStatus(figure: StandardFigure): string {
  const panel = figure.panel;
  if (!panel) return `Not applied: ${figure.error ?? 'the standard cannot be rated'}`;
  if (panel.rationale === '') return 'Not applied: add a rationale';
  if (figure.indicative === NOT_RATED) return `Not applied yet: the standard is ${NOT_RATED}`;
  return figure.rating === parseBand(panel.rating) ? 'Applied' : `Not applied: ${panel.reason}`;
}

/** What the panel form shows before saving: the explanation and the ratings the method allows now (R6, R7). */
function panelOptions(caseTabs: CaseTabRead[], framework: Framework, standard: Standard): Pick<PanelRow, 'explanation' | 'choices'> {
  const caseTab = caseTabs.find((tab) => tab.frameworkName === standard.caseTab);
  if (!caseTab) return { explanation: `There is no ${standard.caseTab} tab yet: run New inspection first.`, choices: [] };
  try {
    const result = rateStandard(caseTab.table, standard, rowsWhere(caseTab.table), framework.thresholds);
    // R12: a standard not rated yet has no moves; its explanation says what it waits for.
    if (isNotRated(result)) return { explanation: explainStandard(result), choices: [] };
    const { raise, lower } = panelMoves(result);
    const moves = [lower, raise].flatMap((move) => (move.allowed && move.to ? [move.to] : []));
    return { explanation: explainStandard(result), choices: [result.rating, ...moves] };
  } catch (error) {
    return { explanation: (error as Error).message, choices: [] };
  }
}

/**
 * Records a ratings-panel judgement on the Panel tab, with its rationale (R6: required), after
 * checking that the method permits the move on the case data as it is now (R6, R7).
 */
function recordJudgement(standardId: unknown, ratingGiven: unknown, rationaleGiven: unknown, recordedByGiven?: unknown): PanelRow {
  return withDocumentLock(() => {
    const spreadsheet = activeSpreadsheet();
    const framework = workbookFramework();
    const standard = findStandard(framework, standardId);
    if (standard.kind !== 'caseBased') {
      throw new Error(`${standard.id} ${standard.name} is the lead inspector's judgement, not a panel move: record its rating and evidence on the Domain one tab.`);
    }
    // google.script.run may pass null or undefined for an empty field.
    const rating = textOf(ratingGiven);
    const rationale = textOf(rationaleGiven);
    const band = rating === '' ? undefined : parseBand(rating);
    if (rating !== '' && !band) throw new Error(`"${quoteText(rating)}" is not a rating. Use one of ${BAND_LIST}.`);
    if (band && !hasVisibleCharacter(rationale)) throw new Error(`A panel judgement needs a rationale: say why ${standard.id} ${standard.name} should be ${band}.`);
    if (rationale.length > MAX_CELL_CHARACTERS) {
      throw new Error(
        `The rationale for ${standard.id} ${standard.name} is ${rationale.length.toLocaleString('en-GB')} characters; a Sheets cell holds at most ${MAX_CELL_CHARACTERS.toLocaleString('en-GB')}. Shorten it (or keep the full text in a document and summarise it here): nothing was saved.`,
      );
    }
    const tabs = tabsByName(spreadsheet);
    const panelTab = findTab(tabs, 'panel', PANEL_TAB);
    if (!panelTab || panelTab.role !== 'panel') throw new Error('There is no Panel tab yet: run New inspection first.');
    const caseTabs = readCaseTabs(tabs, framework);
    if (band) refuseForbiddenMove(caseTabs, framework, standard, band);
    const ids = panelTab.sheet.getRange(1, 1, Math.max(panelTab.sheet.getLastRow(), 1), 1).getValues();
    const row = ids.findIndex((cells) => String(cells[0]).trim() === standard.id) + 1;
    if (row < 2) throw new Error(`The Panel tab has no row for ${standard.id}: run New inspection to add it.`);
    // The judgement's cells, side by side in the layout: panel rating, rationale, date.
    const first = columnNumber(PANEL_LAYOUT, 'panelRating');
    const judgement = panelTab.sheet.getRange(row, first, 1, columnNumber(PANEL_LAYOUT, 'date') - first + 1);
    const [before, beforeRationale] = judgement.getValues()[0].map((cell) => String(cell).trim());
    judgement.setValues([[band ?? '', band ? asText(rationale.trim()) : '', band ? new Date() : '']]);
    // The panel's record: a change of rating or of its rationale is appended; clearing keeps the rationale cleared.
    if (before !== (band ?? '') || (band && beforeRationale !== rationale.trim())) {
      appendPanelLog(spreadsheet, tabs, { standardId: standard.id, name: standard.name, from: before, to: band ?? '', rationale: band ? rationale.trim() : beforeRationale, by: recordedBy(textOf(recordedByGiven)) });
    }
    const { report, panelRows } = reportOf(tabs, framework, caseTabs);
    return panelRowOf(report, panelRows, caseTabs, standard, checkSignOffs(caseTabs.map(signOffTab), signOffLogOf(tabs)?.values).progress);
  });
}

function textOf(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

/** R6, R7 on the case data as it is now: an error with the reason when the method refuses the move. */
function refuseForbiddenMove(caseTabs: CaseTabRead[], framework: Framework, standard: Standard, band: Band): void {
  const caseTab = caseTabs.find((tab) => tab.frameworkName === standard.caseTab);
  if (!caseTab) throw new Error(`There is no ${standard.caseTab} tab yet: run New inspection first.`);
  const result = rateStandard(caseTab.table, standard, rowsWhere(caseTab.table), framework.thresholds);
  const decision = judgePanelRating(result, band);
  if (!decision.allowed) throw new Error(decision.reason);
}

/** Selects a cell named by the sidebar (a data-quality problem's link). */
function selectCell(tab: string, row: number, column: number): void {
  const sheet = activeSpreadsheet().getSheetByName(tab);
  if (!sheet) throw new Error(`There is no tab named "${quoteText(tab)}" any more.`);
  sheet.activate();
  sheet.getRange(row, column).activate();
}

/** The sidebar's server calls: each a top-level function google.script.run can reach; each checks its arguments first. */
export const getOverview = serverFunction(
  { summary: 'Sidebar: progress per case tab and inspector, data-quality problems and the panel judgements.', params: [], returns: 'An Overview object.' },
  validated('getOverview', [], overview),
);

export const recordPanelJudgement = serverFunction(
  {
    summary: "Sidebar: records a ratings-panel judgement with its rationale on the Panel tab, if the method permits the move (R6, R7), and appends it to the panel log; otherwise fails with the reason.",
    params: [
      { name: 'standardId', type: 'string', description: 'The standard, e.g. "2.2".' },
      { name: 'rating', type: 'string', description: 'The panel rating; blank to clear the judgement.' },
      { name: 'rationale', type: 'string', description: 'Why: required with a rating.' },
      { name: 'recordedBy', type: 'string', description: "Optional: the recorder's name for the panel log, remembered for this user; by default the one last given.", optional: true },
    ],
    returns: 'The recorded Panel row.',
  },
  validated(
    'recordPanelJudgement',
    [
      STANDARD_ID,
      optionalText('The rating'),
      // Over a cell's 50,000 characters the rationale gets its own message (recordJudgement); this bounds the request.
      { label: 'The rationale', type: 'text', optional: true, maxLength: 20 * LIMITS.cellText },
      { label: 'Recorded by', type: 'text', optional: true, maxLength: LIMITS.shortText, visible: true },
    ],
    recordJudgement,
  ),
);

export const goToCell = serverFunction(
  {
    summary: 'Sidebar: selects a cell, e.g. the one a data-quality problem names.',
    params: [
      { name: 'tab', type: 'string', description: 'The tab name.' },
      { name: 'row', type: 'number', description: 'The row, from 1.' },
      { name: 'column', type: 'number', description: 'The column, from 1.' },
    ],
    returns: 'Nothing.',
  },
  validated(
    'goToCell',
    [TAB_NAME, { label: 'The row', type: 'number', whole: true, min: 1, max: LIMITS.rows }, { label: 'The column', type: 'number', whole: true, min: 1, max: LIMITS.columns }],
    selectCell,
  ),
);

export const runNewInspection = serverFunction(
  {
    summary: 'Sidebar: New inspection — sets up or completes the workbook.',
    params: [{ name: 'frameworkId', type: 'string', description: "Optional: the framework's id, e.g. \"yj-2018\"; by default the one the case tabs follow.", optional: true }],
    returns: 'What was done, a line per tab.',
  },
  validated('runNewInspection', [optionalText("The framework's id")], (frameworkId?: string): SetupReport => newInspection(frameworkId || undefined)),
);

export const runGenerateSummaries = serverFunction(
  {
    summary: 'Sidebar: generates or refreshes the summary tabs.',
    params: [{ name: 'options', type: 'Object', description: 'Optional: { subSampleHeader } — the column the Sub-samples tab splits by.', optional: true }],
    returns: 'What was done, a line per tab.',
  },
  validated(
    'runGenerateSummaries',
    [{ label: 'The options', type: 'object', optional: true, fields: { subSampleHeader: optionalText('The sub-sample column') } }],
    (options?: GenerateOptions): GenerateReport => generateSummaries(options ?? {}),
  ),
);

export const showSidebar = serverFunction(
  { summary: 'Menu: opens the Inspection Ratings sidebar.', params: [], returns: 'Nothing.' },
  validated('showSidebar', [], () => {
    const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Inspection Ratings');
    SpreadsheetApp.getUi().showSidebar(html);
  }),
);
