import { quoteText } from '../core/answers';
import { columnHeaded, sheetRow } from '../core/caseTable';
import { CASE_ID_HEADER } from '../core/sampling';
import { answersText, IN_PROGRESS, planSignOff, READY_FOR_REVIEW, REOPENED, SIGNED_OFF, signedOffRows, SignOffEntry, signOffLogRow, signOffOf, SignOffTab, STATUS_HEADER } from '../core/signOff';
import { headersOf, SIGN_OFF_LOG_LAYOUT } from '../core/tabLayouts';
import { serverFunction } from '../publicFunction';
import { columnLetter } from './a1';
import { asText, MAX_CELL_CHARACTERS } from './cells';
import { CaseTabRead, readCaseTabs } from './caseTabs';
import { protectWholeTab } from './formats';
import { withDocumentLock } from './lock';
import { appendRows } from './ownTab';
import { activeSpreadsheet, findTab, FoundTab, markOwn, Tabs, tabsByName } from './ownTabs';
import { recordedBy } from './panelLog';
import { LIMITS, optionalText, TAB_NAME, validated } from './serverArgs';
import { workbookFramework } from './workbookFramework';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Sidebar, "Sign-off" (docs/user-guide.md): a reviewer signs cases off, each a row of the Sign-off log
 * with its answers, the case's row protected with a warning; a case is reopened with a reason. The
 * comparison of the case tabs with the log is src/core/signOff.ts.
 */

/** The description of the add-on's protections of signed-off rows: only these are removed when they follow the cases. */
const PROTECTION = 'Inspection Ratings sign-off';

/** The Sign-off log as it stands: its tab's name and values, or undefined before the first sign-off. */
export interface SignOffLogValues {
  name: string;
  values: unknown[][];
}

/**
 * The Sign-off log, found by its role (a user may rename it), or an unmarked tab of its name and
 * header row (a workbook through .xlsx, where developer metadata does not survive).
 */
function findLog(tabs: Tabs): FoundTab | undefined {
  const tab = findTab(tabs, 'signOffLog', SIGN_OFF_LOG_LAYOUT.name);
  if (tab?.role === 'signOffLog') return tab;
  const header = headersOf(SIGN_OFF_LOG_LAYOUT);
  if (!tab || tab.role || tab.sheet.getLastColumn() < header.length) return undefined;
  const row = tab.sheet.getRange(1, 1, 1, header.length).getValues()[0];
  return header.every((title, index) => String(row[index]).trim() === title) ? tab : undefined;
}

/** The Sign-off log's name and values, or undefined before the first sign-off. */
export function signOffLogOf(tabs: Tabs): SignOffLogValues | undefined {
  const tab = findLog(tabs);
  return tab && { name: tab.name, values: tab.sheet.getDataRange().getValues() };
}

/** A case tab as the sign-off model reads it. */
export function signOffTab(tab: CaseTabRead): SignOffTab {
  return { name: tab.name, frameworkName: tab.frameworkName, table: tab.table };
}

/** The log tab, made the first time with a free name, its header frozen and the tab protected with a warning. */
function logSheet(spreadsheet: Spreadsheet, tabs: Tabs): Sheet {
  const existing = findLog(tabs);
  if (existing) {
    if (!existing.role) markOwn(existing.sheet, 'signOffLog');
    return existing.sheet;
  }
  let name = SIGN_OFF_LOG_LAYOUT.name;
  for (let suffix = 2; tabs.has(name); suffix += 1) name = `${SIGN_OFF_LOG_LAYOUT.name} ${suffix}`;
  const sheet = spreadsheet.insertSheet(name, spreadsheet.getNumSheets());
  markOwn(sheet, 'signOffLog');
  tabs.set(name, { sheet, role: 'signOffLog' });
  const header = headersOf(SIGN_OFF_LOG_LAYOUT);
  sheet.getRange(1, 1, 1, header.length).setValues([header.map(asText)]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  protectWholeTab(sheet, 'The Sign-off log');
  return sheet;
}

/** Appends entries in one write; every text cell stays text (a case ID "2.1" or "=x" is never a number or a formula). */
function appendEntries(spreadsheet: Spreadsheet, tabs: Tabs, entries: SignOffEntry[]): unknown[][] {
  const rows = entries.map(signOffLogRow);
  appendRows(logSheet(spreadsheet, tabs), rows.map((row) => row.map((cell) => (typeof cell === 'string' ? asText(cell) : cell))));
  return rows;
}

/** [first, count] runs of consecutive row numbers (sorted). */
function runs(rows: readonly number[]): Array<[number, number]> {
  const blocks: Array<[number, number]> = [];
  for (const row of rows) {
    const last = blocks[blocks.length - 1];
    if (last && last[0] + last[1] === row) last[1] += 1;
    else if (!last || last[0] + last[1] < row) blocks.push([row, 1]);
  }
  return blocks;
}

/**
 * Warning-only protection on the signed-off rows of a case tab where they are now, so protection
 * follows cases that were sorted or reopened. The add-on's protections already covering a run of
 * those rows stay; only the others are removed and only the missing runs added (protecting a range
 * is among Sheets' slowest calls, so a sign-off costs what it changes, not what was signed before).
 */
function protectSignedOffRows(sheet: Sheet, rows: readonly number[]): void {
  const wanted = runs(rows).map((run) => run.join());
  for (const protection of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    if (!protection.getDescription().startsWith(PROTECTION)) continue;
    const range = protection.getRange();
    const at = wanted.indexOf(`${range.getRow()},${range.getNumRows()}`);
    if (at < 0) protection.remove();
    else wanted.splice(at, 1);
  }
  for (const [first, count] of wanted.map((run) => run.split(',').map(Number))) {
    sheet
      .getRange(first, 1, count, sheet.getMaxColumns())
      .protect()
      .setDescription(`${PROTECTION}: signed-off cases. Reopen a case from the sidebar (with a reason) to change it.`)
      .setWarningOnly(true);
  }
}

/** Sets the Status of some rows in one call: a RangeList of their runs of consecutive rows. */
function setStatus(sheet: Sheet, column: number, rows: readonly number[], status: string): void {
  const letter = columnLetter(column);
  const areas = runs([...rows].sort((a, b) => a - b)).map(([first, count]) => `${letter}${first}:${letter}${first + count - 1}`);
  if (areas.length > 0) sheet.getRangeList(areas).setValue(status);
}

/** The Status column of a case tab (1-based), or an error saying how to add it. */
function statusColumn(tab: CaseTabRead): number {
  const column = columnHeaded(tab.table, STATUS_HEADER);
  if (!column) throw new Error(`${tab.name} has no ${STATUS_HEADER} column: run New inspection, which adds it at the end of the headers (no case data is changed).`);
  return column.index + 1;
}

/** A time as the log records it: the spreadsheet's time zone (File › Settings), to the second. */
function logTime(spreadsheet: Spreadsheet): string {
  return Utilities.formatDate(new Date(), spreadsheet.getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm:ss');
}

/** The reviewer (the Recorded by name, remembered per user), or an error: the log must say who. */
function reviewerName(typed?: string): string {
  const reviewer = recordedBy(typed);
  if (reviewer === '') throw new Error('Type your name under Reviewer first: the Sign-off log records who signed each case off or reopened it.');
  return reviewer;
}

export interface SignOffRequest {
  /** "selection": the rows selected on a case tab; "ready": every Ready for review row of `caseTab`. */
  which: string;
  caseTab?: string;
  reviewer?: string;
}

export interface SignOffReport {
  lines: string[];
  signedOff: number;
}

/** The case tab and rows (0-based case rows) a request names. */
function chosenRows(spreadsheet: Spreadsheet, caseTabs: CaseTabRead[], request: SignOffRequest): { tab: CaseTabRead; rowIndexes: number[] } {
  if (request.which === 'ready') {
    const tab = caseTabs.find((candidate) => candidate.name === request.caseTab);
    if (!tab) throw new Error(`There is no case tab named "${quoteText(request.caseTab ?? '')}".`);
    const column = statusColumn(tab) - 1;
    const rowIndexes = tab.table.rows.flatMap((cells, rowIndex) => (String(cells[column] ?? '').trim().toLowerCase() === READY_FOR_REVIEW.toLowerCase() ? [rowIndex] : []));
    return { tab, rowIndexes };
  }
  if (request.which !== 'selection') throw new Error(`Which cases to sign off must be "selection" or "ready"; got "${quoteText(request.which)}".`);
  const ranges = spreadsheet.getActiveRangeList()?.getRanges() ?? [];
  const name = ranges[0]?.getSheet().getName();
  const tab = caseTabs.find((candidate) => candidate.name === name);
  if (!tab) throw new Error('Select the rows of the cases to sign off on a case tab (any cell of each row will do), then sign off again.');
  const rows = new Set<number>();
  for (const range of ranges) {
    for (let row = Math.max(range.getRow(), 2); row <= Math.min(range.getLastRow(), tab.table.rows.length + 1); row += 1) rows.add(row - 2);
  }
  // A wholly blank row selected with the others is not a case.
  const rowIndexes = [...rows].sort((a, b) => a - b).filter((rowIndex) => tab.table.rows[rowIndex].some((cell) => cell !== '' && cell !== null));
  if (rowIndexes.length === 0) throw new Error(`Select the rows of the cases to sign off on ${tab.name} (row 1 is the header), then sign off again.`);
  return { tab, rowIndexes };
}

/**
 * Signs off the chosen cases of one case tab: each that can be (planSignOff) gets a log row with its
 * answers, its Status set to Signed off and its row protected with a warning; each that cannot is a line saying why.
 */
function signOffCases(request: SignOffRequest): SignOffReport {
  return withDocumentLock(() => {
    const reviewer = reviewerName(request.reviewer);
    const spreadsheet = activeSpreadsheet();
    const tabs = tabsByName(spreadsheet);
    const framework = workbookFramework(tabs);
    const { tab, rowIndexes } = chosenRows(spreadsheet, readCaseTabs(tabs, framework), request);
    const status = statusColumn(tab);
    const log = signOffLogOf(tabs);
    const plans = planSignOff(signOffTab(tab), framework, rowIndexes, log?.values, log?.name);
    const when = logTime(spreadsheet);
    const accepted = plans.flatMap((plan) => ('caseId' in plan ? [plan] : []));
    const refused = plans.flatMap((plan) => ('refused' in plan ? [plan.refused] : []));
    const lines: string[] = [];
    if (accepted.length > 0) {
      const written = appendEntries(
        spreadsheet,
        tabs,
        accepted.map((plan) => ({ tab: tab.name, caseId: plan.caseId, row: sheetRow(plan.rowIndex), action: SIGNED_OFF, reviewer, when, reason: '', answers: plan.answers })),
      );
      const sheet = tabs.get(tab.name)!.sheet;
      setStatus(sheet, status, accepted.map((plan) => sheetRow(plan.rowIndex)), SIGNED_OFF);
      const logValues = [...(log?.values ?? [headersOf(SIGN_OFF_LOG_LAYOUT)]), ...written];
      protectSignedOffRows(sheet, signedOffRows(signOffTab(tab), logValues, log?.name));
      const ids = accepted.map((plan) => plan.caseId);
      lines.push(`${tab.name}: ${accepted.length} case${accepted.length === 1 ? '' : 's'} signed off by ${reviewer} at ${when} (${ids.slice(0, 20).join(', ')}${ids.length > 20 ? `, and ${ids.length - 20} more` : ''}); their rows are protected with a warning.`);
    } else if (refused.length === 0) {
      lines.push(`${tab.name}: no case is ${READY_FOR_REVIEW}, so none was signed off.`);
    }
    if (refused.length > 0) lines.push(`${refused.length} not signed off:`, ...refused);
    return { lines, signedOff: accepted.length };
  });
}

export interface ReopenRequest {
  caseTab: string;
  caseId: string;
  reason: string;
  reviewer?: string;
}

/** Reopens a signed-off case with a reason: logged, its Status back to In progress, its row's protection lifted. */
function reopenCase(request: ReopenRequest): SignOffReport {
  return withDocumentLock(() => {
    const reviewer = reviewerName(request.reviewer);
    const reason = request.reason.trim();
    if (reason === '') throw new Error('Say why the case is reopened: the Sign-off log keeps the reason.');
    if (reason.length > MAX_CELL_CHARACTERS) throw new Error(`The reason is ${reason.length} characters; a Sheets cell holds at most ${MAX_CELL_CHARACTERS}. Shorten it: nothing was saved.`);
    const spreadsheet = activeSpreadsheet();
    const tabs = tabsByName(spreadsheet);
    const caseTabs = readCaseTabs(tabs, workbookFramework(tabs));
    const tab = caseTabs.find((candidate) => candidate.name === request.caseTab);
    if (!tab) throw new Error(`There is no case tab named "${quoteText(request.caseTab)}".`);
    const log = signOffLogOf(tabs);
    const signed = signOffOf(signOffTab(tab), request.caseId, log?.values, log?.name);
    if (!signed) throw new Error(`Case "${quoteText(request.caseId.trim())}" of ${tab.name} is not signed off, so there is nothing to reopen.`);
    // The case's row now, if one row has its ID (a vanished or twice-used case is reopened all the same, to clear its sign-off).
    const rows = sameCaseRows(tab, signed.caseId);
    const rowIndex = rows.length === 1 ? rows[0] : undefined;
    const written = appendEntries(spreadsheet, tabs, [
      {
        tab: tab.name, caseId: signed.caseId, row: rowIndex === undefined ? signed.row : sheetRow(rowIndex), action: REOPENED, reviewer, when: logTime(spreadsheet), reason,
        answers: rowIndex === undefined ? '' : answersText(tab.table, tab.table.rows[rowIndex]),
      },
    ]);
    const sheet = tabs.get(tab.name)!.sheet;
    if (rowIndex !== undefined) setStatus(sheet, statusColumn(tab), [sheetRow(rowIndex)], IN_PROGRESS);
    protectSignedOffRows(sheet, signedOffRows(signOffTab(tab), [...(log?.values ?? []), ...written], log?.name));
    return { lines: [`${tab.name}: case "${signed.caseId}" reopened by ${reviewer} (${reason.length > 80 ? `${reason.slice(0, 77)}…` : reason}); its Status is ${IN_PROGRESS} and its row is no longer protected.`], signedOff: 0 };
  });
}

/** The case rows (0-based) whose case ID is this one (trimmed, any capitals). */
function sameCaseRows(tab: CaseTabRead, caseId: string): number[] {
  const column = columnHeaded(tab.table, CASE_ID_HEADER);
  if (!column) return [];
  return tab.table.rows.flatMap((cells, rowIndex) => (String(cells[column.index] ?? '').trim().toLowerCase() === caseId.toLowerCase() ? [rowIndex] : []));
}

export const runSignOff = serverFunction(
  {
    summary: 'Sidebar, Sign-off: signs off the selected rows of a case tab, or every Ready for review row of one, under the reviewer\'s name; logs each with its answers and protects its row with a warning.',
    params: [{ name: 'request', type: 'Object', description: '{ which: "selection" | "ready", caseTab?, reviewer? }.' }],
    returns: 'What was signed off and what was not (with why), a line each, and how many were signed off.',
  },
  validated(
    'runSignOff',
    [
      {
        label: 'The sign-off',
        type: 'object',
        fields: { which: { label: 'Which cases', type: 'text', maxLength: 20 }, caseTab: { ...TAB_NAME, label: 'The case tab', optional: true }, reviewer: optionalText('The reviewer') },
      },
    ],
    signOffCases,
  ),
);

export const runReopen = serverFunction(
  {
    summary: 'Sidebar, Sign-off: reopens a signed-off case with a reason; logs it, sets its Status to In progress and lifts its row\'s protection.',
    params: [{ name: 'request', type: 'Object', description: '{ caseTab, caseId, reason, reviewer? }.' }],
    returns: 'What was done, in a line.',
  },
  validated(
    'runReopen',
    [
      {
        label: 'The reopening',
        type: 'object',
        fields: {
          caseTab: { ...TAB_NAME, label: 'The case tab' },
          caseId: { label: 'The case ID', type: 'text', maxLength: LIMITS.shortText },
          // Over a cell's 50,000 characters the reason gets its own message; this bounds the request.
          reason: { label: 'The reason', type: 'text', maxLength: 2 * LIMITS.cellText },
          reviewer: optionalText('The reviewer'),
        },
      },
    ],
    reopenCase,
  ),
);
