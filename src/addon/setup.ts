import { BANDS, NOT_RATED } from '../core/bands';
import { Framework } from '../core/framework';
import { readHeader } from '../core/caseTable';
import { DEFAULT_FRAMEWORK, frameworkById } from '../core/frameworks';
import {
  ANSWERS,
  caseBasedStandards,
  CaseTabLayout,
  caseTabLayouts,
  COMPARISON_HEADER,
  comparisonQuestions,
  DOMAIN_ONE_HEADER,
  keyQuestionHeader,
  leadJudgementStandards,
  PANEL_HEADER,
} from '../core/workbook';
import { asText } from './cells';
import { answerRules, dropdown, styleHeader } from './formats';
import { withDocumentLock } from './lock';
import { markOwn, notOurs, TabRole, Tabs, tabsByName } from './ownTabs';
import { writePanelIndicative } from './panelTab';
import { writeRatingsTab } from './ratingsTab';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const FRAMEWORK_PROPERTY = 'frameworkId';

/** The framework this workbook was set up with (document properties, not a hidden row). */
export function workbookFramework(): Framework {
  const id = PropertiesService.getDocumentProperties().getProperty(FRAMEWORK_PROPERTY);
  return id ? frameworkById(id) : DEFAULT_FRAMEWORK;
}

export interface SetupReport {
  /** One line per tab: what was created or added, or why it was left alone. */
  lines: string[];
}

/**
 * SPEC §3, "New inspection": lays out every tab of the workbook. Safe to run again: it adds
 * what is missing and never writes over a filled cell or a tab the add-on did not make.
 */
export function newInspection(framework: Framework = workbookFramework()): SetupReport {
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    PropertiesService.getDocumentProperties().setProperty(FRAMEWORK_PROPERTY, framework.id);
    const tabs = tabsByName(spreadsheet);
    const lines = [
      ...caseTabLayouts(framework).map((layout) => ensureCaseTab(spreadsheet, tabs, layout)),
      ensureListTab(spreadsheet, tabs, domainOneTab(framework)),
      ensureListTab(spreadsheet, tabs, panelTab(framework)),
    ];
    writePanelIndicative(tabs, framework);
    lines.push(ensureListTab(spreadsheet, tabs, comparisonTab(framework)), writeRatingsTab(spreadsheet, tabs, framework));
    return { lines };
  });
}

/**
 * A tab of the given name and role: the add-on's own, a new one, or a user's tab left alone.
 * A tab without the add-on's mark whose header row is the layout's (a workbook imported from
 * .xlsx, where developer metadata does not survive) is adopted: only missing parts are added.
 */
function claimTab(
  spreadsheet: Spreadsheet,
  tabs: Tabs,
  name: string,
  role: TabRole,
  isLayout: (header: string[]) => boolean,
): { sheet: Sheet; created: boolean; adopted?: boolean } | { clash: string } {
  const existing = tabs.get(name);
  if (existing && existing.role === role) return { sheet: existing.sheet, created: false };
  if (existing && !existing.role && existing.sheet.getLastColumn() > 0) {
    const header = existing.sheet.getRange(1, 1, 1, existing.sheet.getLastColumn()).getValues()[0].map((cell) => String(cell).trim());
    if (isLayout(header)) {
      markOwn(existing.sheet, role);
      tabs.set(name, { sheet: existing.sheet, role });
      return { sheet: existing.sheet, created: false, adopted: true };
    }
  }
  if (existing) {
    return { clash: notOurs(name, 'run New inspection again') };
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

/** A case tab: headers by SPEC §3's convention, dropdowns, answer colours, frozen protected header. */
function ensureCaseTab(spreadsheet: Spreadsheet, tabs: Tabs, layout: CaseTabLayout): string {
  const keyQuestionIds = layout.headers.map((header, index) => readHeader(header, index)).filter((column) => column.kind === 'keyQuestion').map((column) => column.id);
  // A tab with any of the layout's key-question columns is the user's case tab: the rest are added below.
  const claim = claimTab(spreadsheet, tabs, layout.name, 'case', (header) => {
    const ids = new Set(header.map((cell, index) => readHeader(cell, index).id));
    return keyQuestionIds.some((id) => ids.has(id));
  });
  if ('clash' in claim) return `${claim.clash} A case tab's first row needs key-question columns headed by their ids, e.g. "${keyQuestionIds[0]} …" (${keyQuestionIds.join(', ')}).`;
  const { sheet, created } = claim;
  const width = created ? 0 : sheet.getLastColumn();
  const present = new Set(width > 0 ? sheet.getRange(1, 1, 1, width).getValues()[0].map((cell, index) => readHeader(String(cell), index).id) : []);
  const missing = layout.headers.filter((header) => !present.has(readHeader(header, 0).id));
  if (missing.length === 0) return `${layout.name}: ${adoptedNote(claim)}complete, nothing to add.`;
  const first = width + 1;
  // A new tab's grid is what the work needs (every formula passes the whole grid, SPEC §7): room
  // for a sample, a few spare columns; rows added at the bottom later are counted all the same.
  if (created) fitRows(sheet, CASE_ROWS + 1);
  ensureColumns(sheet, width + missing.length + (created ? SPARE_COLUMNS : 0));
  sheet.getRange(1, first, 1, missing.length).setValues([missing.map(asText)]);
  formatCaseColumns(sheet, missing, first, layout);
  if (created) {
    styleHeader(sheet, missing.length);
    return `${layout.name}: created with ${missing.length} columns for ${layout.standards.map((standard) => standard.id).join(', ')}.`;
  }
  sheet.getRange(1, first, 1, missing.length).setFontWeight('bold').setWrap(true);
  return `${layout.name}: ${adoptedNote(claim)}added ${missing.length} missing column${missing.length === 1 ? '' : 's'} (${missing.map((header) => readHeader(header, 0).id).join(', ')}) after the existing ones; no case data was changed.`;
}

/** Dropdowns and colours for a block of new case columns: one call per dropdown kind, whatever the row count. */
function formatCaseColumns(sheet: Sheet, headers: string[], first: number, layout: CaseTabLayout): void {
  const rows = sheet.getMaxRows() - 1;
  const metadataByHeader = new Map(layout.metadata.map((column) => [column.header, column]));
  const answerColumns: number[] = [];
  headers.forEach((header, offset) => {
    const metadata = metadataByHeader.get(header);
    const column = first + offset;
    if (!metadata) answerColumns.push(column);
    else if (metadata.values) sheet.getRange(2, column, rows, 1).setDataValidation(dropdown(metadata.values));
  });
  sheet.getRange(1, first, 1, headers.length).setNotes([headers.map((header) => metadataByHeader.get(header)?.note ?? '')]);
  const blocks = contiguousBlocks(answerColumns).map(([start, count]) => sheet.getRange(2, start, rows, count));
  for (const block of blocks) block.setDataValidation(dropdown(ANSWERS));
  if (blocks.length > 0) sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), ...answerRules(blocks)]);
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
      return [asText(id), asText(standard.name), asText(standard.keyQuestions.map(keyQuestionHeader).join('\n')), '', ''];
    },
    format: (sheet, first, last) => {
      sheet.getRange(first, 4, last - first + 1, 1).setDataValidation(dropdown([...BANDS]));
      sheet.getRange(first, 3, last - first + 1, 3).setWrap(true).setVerticalAlignment('top');
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
      return [
        asText(id),
        asText(standards.get(id)!.name),
        // The indicative rating lives here, beside the judgement on it: writePanelIndicative fills it.
        '',
        '',
        '',
        '',
        // R6: a panel judgement must carry a rationale; without one it is not applied, and says so.
        `=IF(OR(D${row}="", TRIM(E${row})=""), "", D${row})`,
        `=IF(D${row}="", "", IF(TRIM(E${row})="", "Not applied: add a rationale", IF(C${row}="${NOT_RATED}", "Not applied yet: the standard is ${NOT_RATED}", "Applied")))`,
      ];
    },
    format: (sheet, first, last) => {
      sheet.getRange(first, 4, last - first + 1, 1).setDataValidation(dropdown([...BANDS]));
      sheet.getRange(first, 6, last - first + 1, 1).setNumberFormat('yyyy-mm-dd');
      sheet.getRange(first, 5, last - first + 1, 1).setWrap(true);
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
    rowFor: (id) => [asText(id), asText(questions.get(id)!), '', '', '', ''],
    format: (sheet, first, last) => {
      const rows = last - first + 1;
      sheet.getRange(first, 3, rows, 1).setNumberFormat('0%');
      sheet.getRange(first, 5, rows, 1).setNumberFormat('0%');
    },
  };
}

