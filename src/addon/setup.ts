import { BANDS, NOT_RATED } from '../core/bands';
import { Framework } from '../core/framework';
import { readHeader } from '../core/caseTable';
import { frameworkById, keyQuestionsOf } from '../core/frameworks';
import { markerNote } from '../core/frameworkChoice';
import { ADDON_TAB_NAMES, parseFrameworkTab } from '../core/frameworkTab';
import { quoteText } from '../core/answers';
import { STATUS_NOTE, STATUSES } from '../core/signOff';
import { FRAMEWORK_TAB, findCaseTabs, frameworkTabOf, markedFrameworkId, markerIn, refuseOtherFrameworkTabs } from '../core/workbookModel';
import { cellOf, columnNumber, COMPARISON_LAYOUT, DOMAIN_ONE_LAYOUT, headersOf, INSPECTION_DETAILS, INSPECTION_LAYOUT, KeyOf, PANEL_LAYOUT, rowOf } from '../core/tabLayouts';
import {
  ANSWERS,
  caseBasedStandards,
  CaseTabLayout,
  caseTabLayouts,
  COMPARISON_HEADER,
  comparisonQuestions,
  DOMAIN_ONE_HEADER,
  keyQuestionHeader,
  promptHeader,
  leadJudgementStandards,
  PANEL_HEADER,
} from '../core/workbook';
import { asText } from './cells';
import { answerRules, dropdown, styleHeader } from './formats';
import { withDocumentLock } from './lock';
import { activeSpreadsheet, findTab, FoundTab, markOwn, notOurs, TabRole, Tabs, tabsByName } from './ownTabs';
import { writePanelIndicative } from './panelTab';
import { writeRatingsTab } from './ratingsTab';
import { asDataProblem, frameworkTabError, workbookFramework } from './workbookFramework';
import { findCaseTab, sheetsReader } from './workbookReader';
import { errorAndFormulaCellLines, readCaseTabs } from './caseTabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The sidebar's choice of New inspection's framework that means "the one on the Framework tab". */
export const FRAMEWORK_TAB_CHOICE = 'framework-tab';

/** The framework New inspection lays out: a built-in by id, the Framework tab's, or the workbook's (workbookFramework). */
function chosenFramework(tabs: Tabs, frameworkId?: string): Framework {
  if (!frameworkId) return workbookFramework(tabs);
  if (frameworkId !== FRAMEWORK_TAB_CHOICE) return frameworkById(frameworkId);
  const name = frameworkTabOf(sheetsReader(tabs));
  if (name === undefined) throw new Error(`There is no ${FRAMEWORK_TAB} tab: add one (its layout is in the README) or choose a built-in framework.`);
  const tab = tabs.get(name)!;
  const read = parseFrameworkTab(tab.sheet.getDataRange().getValues(), name);
  if (!read.framework) throw frameworkTabError(read.problems.map(asDataProblem));
  if (!tab.role) markOwn(tab.sheet, 'framework');
  return read.framework;
}


/**
 * Sheets takes tab names without regard to capitals: a user's tab "audit cases" stops New inspection
 * adding "Audit cases" half-way. Refused before anything changes, naming both.
 */
function refuseNameClashes(tabs: Tabs, wanted: readonly string[]): void {
  const clashes = wanted.flatMap((name) =>
    [...tabs].filter(([existing, tab]) => !tab.role && existing !== name && existing.toLowerCase() === name.toLowerCase()).map(([existing]) => `"${quoteText(existing)}" (New inspection adds "${quoteText(name)}")`),
  );
  if (clashes.length > 0) {
    throw new Error(`This workbook has the tab ${clashes.join(', ')}; Sheets takes tab names without regard to capitals. Rename your tab, then run New inspection again; nothing was changed.`);
  }
}
/** A tab's header row as text (one read; empty for an empty tab). */
function headerRow(sheet: Sheet): string[] {
  const width = sheet.getLastColumn();
  return width === 0 ? [] : sheet.getRange(1, 1, 1, width).getValues()[0].map((cell) => String(cell));
}

export interface SetupReport {
  /** One line per tab: what was created or added, or why it was left alone. */
  lines: string[];
  /** True when the workbook has a case tab afterwards; false when each clashed with a user's tab. */
  setUp: boolean;
}

/**
 * docs/user-guide.md, "New inspection": lays out every tab of the workbook. Safe to run again: it adds
 * what is missing and never writes over a filled cell or a tab the add-on did not make.
 */
export function newInspection(frameworkId?: string): SetupReport {
  return withDocumentLock(() => {
    const spreadsheet = activeSpreadsheet();
    const tabs = tabsByName(spreadsheet);
    const reader = sheetsReader(tabs);
    const marked = markedFrameworkId(reader);
    const framework = chosenFramework(tabs, frameworkId);
    if (marked !== undefined && framework.id !== marked) {
      throw new Error(`This workbook's case tabs follow ${marked} (their "Framework:" header), so New inspection will not lay out ${framework.id} beside them: set up ${framework.id} in a new workbook.`);
    }
    refuseNameClashes(tabs, [...caseTabLayouts(framework).map((layout) => layout.name), ...ADDON_TAB_NAMES.filter((name) => name !== FRAMEWORK_TAB)]);
    refuseOtherFrameworkTabs(reader, framework, findCaseTabs(reader, framework));
    const lines = [
      ensureListTab(spreadsheet, tabs, inspectionTab()),
      ...caseTabLayouts(framework).map((layout) => ensureCaseTab(spreadsheet, tabs, layout, framework)),
      ensureListTab(spreadsheet, tabs, domainOneTab(framework)),
      ensureListTab(spreadsheet, tabs, panelTab(framework)),
      ensureListTab(spreadsheet, tabs, comparisonTab(framework)),
      writeRatingsTab(spreadsheet, tabs, framework),
    ];
    // The Panel's indicative ratings read the figures the Ratings tab spills, so they follow it.
    writePanelIndicative(tabs, framework);
    lines.push(
      ...(framework.source.wording === 'provisional' ? [`${framework.name}: provisional wording, noted on its headers. ${framework.source.note}`] : []),
      ...errorAndFormulaCellLines(readCaseTabs(tabs, framework, { skipUnreadable: true })),
    );
    return { lines, setUp: [...tabs.values()].some((tab) => tab.role === 'case') };
  });
}

/**
 * A tab of the given name and role: the add-on's own (found by role, whatever a user renamed it
 * to), a new one, or a user's tab left alone.
 * A tab without the add-on's mark whose header row is the layout's (a workbook imported from
 * .xlsx, where developer metadata does not survive) is adopted: only missing parts are added.
 */
function claimTab(
  spreadsheet: Spreadsheet,
  tabs: Tabs,
  name: string,
  role: TabRole,
  isLayout: (header: string[]) => boolean,
  existing: FoundTab | undefined = findTab(tabs, role, name),
): { sheet: Sheet; created: boolean; adopted?: boolean } | { clash: string } {
  if (existing && existing.role === role) return { sheet: existing.sheet, created: false };
  if (existing) {
    const header = existing.role ? [] : headerRow(existing.sheet).map((cell) => cell.trim());
    if (header.length === 0 || !isLayout(header)) return { clash: notOurs(name, 'run New inspection again') };
    markOwn(existing.sheet, role);
    tabs.set(existing.name, { sheet: existing.sheet, role });
    return { sheet: existing.sheet, created: false, adopted: true };
  }
  const sheet = spreadsheet.insertSheet(name, spreadsheet.getNumSheets());
  markOwn(sheet, role);
  tabs.set(name, { sheet, role });
  return { sheet, created: true };
}

/** Says so when New inspection took over an unmarked tab laid out as its own. */
function adoptedNote(claim: { adopted?: boolean }): string {
  return claim.adopted ? 'recognised as an inspection tab; ' : '';
}

/** A case tab: headers by docs/user-guide.md's convention, dropdowns, answer colours, frozen protected header. */
function ensureCaseTab(spreadsheet: Spreadsheet, tabs: Tabs, layout: CaseTabLayout, framework: Framework): string {
  const keyQuestionIds = layout.headers.map((header, index) => readHeader(header, index)).filter((column) => column.kind === 'keyQuestion').map((column) => column.id);
  // A tab with any of the layout's key-question columns is the user's case tab: the rest are added below.
  const claim = claimTab(
    spreadsheet,
    tabs,
    layout.name,
    'case',
    (header) => {
      const ids = new Set(header.map((cell, index) => readHeader(cell, index).id));
      return keyQuestionIds.some((id) => ids.has(id));
    },
    findCaseTab(tabs, layout),
  );
  if ('clash' in claim) return `${claim.clash} A case tab's first row needs key-question columns headed by their ids, e.g. "${keyQuestionIds[0]} …" (${keyQuestionIds.join(', ')}).`;
  const { sheet, created } = claim;
  const header = created ? [] : headerRow(sheet);
  // The same framework with new settings (a Framework tab edited): the header follows them.
  const marker = markerIn(layout.name, header);
  if (marker && marker.header !== layout.marker) {
    sheet.getRange(1, marker.column).setValue(layout.marker);
    // Rewritten in place: the new header is present, never added again as a second framework column.
    header[marker.column - 1] = layout.marker;
  }
  const width = header.length;
  const present = new Set(header.map((cell, index) => readHeader(cell, index).id));
  const missing = layout.headers.filter((header) => !present.has(readHeader(header, 0).id));
  if (missing.length === 0) return `${layout.name}: ${adoptedNote(claim)}complete, nothing to add.`;
  const first = width + 1;
  // A new tab's grid is what the work needs (every formula passes the whole grid, docs/design.md): room
  // for a sample, a few spare columns; rows added at the bottom later are counted all the same.
  if (created) fitRows(sheet, CASE_ROWS + 1);
  ensureColumns(sheet, width + missing.length + (created ? SPARE_COLUMNS : 0));
  sheet.getRange(1, first, 1, missing.length).setValues([missing.map(asText)]);
  formatCaseColumns(sheet, missing, first, layout, framework);
  if (created) {
    styleHeader(sheet, missing.length);
    return `${layout.name}: created with ${missing.length} columns for ${layout.standards.map((standard) => standard.id).join(', ')}.`;
  }
  sheet.getRange(1, first, 1, missing.length).setFontWeight('bold').setWrap(true);
  return `${layout.name}: ${adoptedNote(claim)}added ${missing.length} missing column${missing.length === 1 ? '' : 's'} (${missing.map((header) => readHeader(header, 0).id).join(', ')}) after the existing ones; no case data was changed.`;
}

/** Dropdowns and colours for a block of new case columns: one call per dropdown kind, whatever the row count. */
function formatCaseColumns(sheet: Sheet, headers: string[], first: number, layout: CaseTabLayout, framework: Framework): void {
  const rows = sheet.getMaxRows() - 1;
  const metadataByHeader = new Map<string, { values?: string[]; note: string }>(layout.metadata.map((column) => [column.header, column]));
  metadataByHeader.set(layout.marker, { note: markerNote(framework) });
  if (layout.status) metadataByHeader.set(layout.status, { values: STATUSES, note: STATUS_NOTE });
  const provisional = provisionalHeaders(framework);
  const freeText = new Set(layout.freeText);
  const answerColumns: number[] = [];
  headers.forEach((header, offset) => {
    const metadata = metadataByHeader.get(header);
    const column = first + offset;
    // docs/user-guide.md: evidence and the case summary are free text, never counted; long, so they wrap.
    if (freeText.has(header)) sheet.getRange(2, column, rows, 1).setWrap(true);
    else if (!metadata) answerColumns.push(column);
    else if (metadata.values) sheet.getRange(2, column, rows, 1).setDataValidation(dropdown(metadata.values));
  });
  sheet.getRange(1, first, 1, headers.length).setNotes([headers.map((header) => metadataByHeader.get(header)?.note ?? (provisional.has(header) ? PROVISIONAL_NOTE : ''))]);
  const blocks = contiguousBlocks(answerColumns).map(([start, count]) => sheet.getRange(2, start, rows, count));
  for (const block of blocks) block.setDataValidation(dropdown(ANSWERS));
  if (blocks.length > 0) sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), ...answerRules(blocks)]);
}

const PROVISIONAL_NOTE = 'Provisional wording — not from a published source; correct it on the Framework tab.';

/** The answer headers whose key question or prompt is worded provisionally (docs/frameworks.md). */
function provisionalHeaders(framework: Framework): Set<string> {
  const headers = new Set<string>();
  for (const keyQuestion of keyQuestionsOf(framework)) {
    if (keyQuestion.wording === 'provisional') headers.add(keyQuestionHeader(keyQuestion));
    for (const prompt of keyQuestion.prompts) if (prompt.wording === 'provisional') headers.add(promptHeader(prompt));
  }
  return headers;
}

/** [start, count] runs of consecutive column numbers. */
function contiguousBlocks(columns: number[]): Array<[number, number]> {
  const blocks: Array<[number, number]> = [];
  for (const column of columns) {
    const last = blocks[blocks.length - 1];
    if (last && last[0] + last[1] === column) last[1] += 1;
    else blocks.push([column, 1]);
  }
  return blocks;
}

/** Case rows a new case tab starts with; more are added at the bottom as a sample needs. */
const CASE_ROWS = 120;
/** Empty columns after a new case tab's last header, inside the ranges the ratings read. */
const SPARE_COLUMNS = 5;

function fitRows(sheet: Sheet, rows: number): void {
  const have = sheet.getMaxRows();
  if (have > rows) sheet.deleteRows(rows + 1, have - rows);
  else if (have < rows) sheet.insertRowsAfter(have, rows - have);
}

function ensureColumns(sheet: Sheet, columns: number): void {
  const have = sheet.getMaxColumns();
  if (have < columns) sheet.insertColumnsAfter(have, columns - have);
}

/** A tab of one row per id (column A) that users fill in: new rows are added, existing rows never touched. */
interface ListTab {
  name: string;
  role: TabRole;
  header: string[];
  ids: string[];
  /** The cells of a new row for `id`, which lands on sheet row `row`. */
  rowFor(id: string, row: number): Array<string | number>;
  /** Formats for rows `first`..`last` (1-based, inclusive). */
  format(sheet: Sheet, first: number, last: number): void;
}

function ensureListTab(spreadsheet: Spreadsheet, tabs: Tabs, tab: ListTab): string {
  const claim = claimTab(spreadsheet, tabs, tab.name, tab.role, (header) => tab.header.every((title, index) => header[index] === title));
  if ('clash' in claim) return claim.clash;
  const { sheet, created } = claim;
  const lastRow = created ? 0 : sheet.getLastRow();
  const present = new Set(lastRow > 0 ? sheet.getRange(1, 1, lastRow, 1).getValues().map((row) => String(row[0]).trim()) : []);
  const missing = tab.ids.filter((id) => !present.has(id));
  if (created) sheet.getRange(1, 1, 1, tab.header.length).setValues([tab.header.map(asText)]);
  if (missing.length === 0) return `${tab.name}: ${adoptedNote(claim)}complete, nothing to add.`;
  const first = Math.max(lastRow, 1) + 1;
  const rows = missing.map((id, offset) => tab.rowFor(id, first + offset));
  sheet.getRange(first, 1, rows.length, tab.header.length).setValues(rows);
  tab.format(sheet, first, first + rows.length - 1);
  if (created) {
    styleHeader(sheet, tab.header.length);
    return `${tab.name}: created with ${rows.length} rows.`;
  }
  return `${tab.name}: ${adoptedNote(claim)}added ${rows.length} missing row${rows.length === 1 ? '' : 's'} (${missing.join(', ')}); existing rows were not changed.`;
}

function domainOneTab(framework: Framework): ListTab {
  const standards = new Map(leadJudgementStandards(framework).map((standard) => [standard.id, standard]));
  return {
    name: 'Domain one',
    role: 'domainOne',
    header: DOMAIN_ONE_HEADER,
    ids: [...standards.keys()],
    rowFor: (id) => {
      const standard = standards.get(id)!;
      return rowOf(DOMAIN_ONE_LAYOUT, { standard: asText(id), name: asText(standard.name), keyQuestions: asText(standard.keyQuestions.map(keyQuestionHeader).join('\n')) });
    },
    format: (sheet, first, last) => {
      const column = (key: KeyOf<typeof DOMAIN_ONE_LAYOUT>) => sheet.getRange(first, columnNumber(DOMAIN_ONE_LAYOUT, key), last - first + 1, 1);
      column('rating').setDataValidation(dropdown([...BANDS]));
      for (const key of ['keyQuestions', 'rating', 'evidence'] as const) column(key).setWrap(true).setVerticalAlignment('top');
    },
  };
}

function panelTab(framework: Framework): ListTab {
  const standards = new Map(caseBasedStandards(framework).map((standard) => [standard.id, standard]));
  return {
    name: 'Panel',
    role: 'panel',
    header: PANEL_HEADER,
    ids: [...standards.keys()],
    rowFor: (id, row) => {
      const [panelRating, rationale, indicative] = (['panelRating', 'rationale', 'indicative'] as const).map((key) => cellOf(PANEL_LAYOUT, key, row));
      // The indicative rating lives in this row, beside the judgement on it: writePanelIndicative fills it.
      return rowOf(PANEL_LAYOUT, {
        standard: asText(id),
        name: asText(standards.get(id)!.name),
        // R6: a panel judgement must carry a rationale; without one it is not applied, and says so.
        applied: `=IF(OR(${panelRating}="", TRIM(${rationale})=""), "", ${panelRating})`,
        status: `=IF(${panelRating}="", "", IF(TRIM(${rationale})="", "Not applied: add a rationale", IF(${indicative}="${NOT_RATED}", "Not applied yet: the standard is ${NOT_RATED}", "Applied")))`,
      });
    },
    format: (sheet, first, last) => {
      const column = (key: KeyOf<typeof PANEL_LAYOUT>) => sheet.getRange(first, columnNumber(PANEL_LAYOUT, key), last - first + 1, 1);
      column('panelRating').setDataValidation(dropdown([...BANDS]));
      column('date').setNumberFormat('yyyy-mm-dd');
      column('rationale').setWrap(true);
    },
  };
}

function comparisonTab(framework: Framework): ListTab {
  const questions = new Map(comparisonQuestions(framework).map((question) => [question.id, question.text]));
  return {
    name: 'Comparison',
    role: 'comparison',
    header: COMPARISON_HEADER,
    ids: [...questions.keys()],
    rowFor: (id) => rowOf(COMPARISON_LAYOUT, { id: asText(id), question: asText(questions.get(id)!) }),
    format: (sheet, first, last) => {
      for (const key of ['previousPercent', 'aggregatePercent'] as const) sheet.getRange(first, columnNumber(COMPARISON_LAYOUT, key), last - first + 1, 1).setNumberFormat('0%');
    },
  };
}

/** docs/report.md: the inspection's details (service, dates, lead inspector, comparison labels), typed once, read by every title. */
function inspectionTab(): ListTab {
  const labels = INSPECTION_DETAILS.map((detail) => detail.label);
  return {
    name: INSPECTION_LAYOUT.name,
    role: 'inspection',
    header: headersOf(INSPECTION_LAYOUT),
    ids: labels,
    rowFor: (id) => rowOf(INSPECTION_LAYOUT, { detail: asText(id) }),
    format: (sheet, first, last) => {
      sheet.getRange(first, columnNumber(INSPECTION_LAYOUT, 'value'), last - first + 1, 1).setNumberFormat('@').setWrap(true);
      sheet.setColumnWidth(columnNumber(INSPECTION_LAYOUT, 'detail'), 200);
      sheet.setColumnWidth(columnNumber(INSPECTION_LAYOUT, 'value'), 420);
    },
  };
}
