import { cellName } from './a1';
import { Answer, describeCell, isEmptyCell, quoteText, readAnswer } from './answers';
import { CaseTable, Column, columnHeaded, shortHeader, sheetRow } from './caseTable';
import { DataProblem, dataProblem as problem } from './dataQuality';
import { Framework, keyQuestionsOf } from './framework';
import { CASE_ID_HEADER, caseIdText } from './sampling';
import { headersOf, SIGN_OFF_LOG_LAYOUT } from './tabLayouts';

/**
 * docs/user-guide.md "Sign-off": a reviewer signs a case off; the Sign-off log keeps who, when and the
 * case's answers as signed off, and this module compares the case tabs with it. Pure: the add-on and
 * the command line read the same log the same way.
 */

/** The column every case tab has (docs/user-guide.md): where a case is in its review. */
export const STATUS_HEADER = 'Status';
export const IN_PROGRESS = 'In progress';
export const READY_FOR_REVIEW = 'Ready for review';
export const SIGNED_OFF = 'Signed off';
export const STATUSES = [IN_PROGRESS, READY_FOR_REVIEW, SIGNED_OFF];
export const STATUS_NOTE = 'In progress, Ready for review or Signed off. Sign a case off from the sidebar (Sign-off), so that the Sign-off log records its answers.';

/** What a log row records. */
export const REOPENED = 'Reopened';
export type SignOffAction = typeof SIGNED_OFF | typeof REOPENED;

/** Sheets refuses a cell of more than 50,000 characters. */
const CELL_LIMIT = 50000;

type SignedAnswer = Exclude<Answer, 'blank'>;
const CODE: Record<SignedAnswer, string> = { yes: 'Y', no: 'N', na: 'NA' };
const FROM_CODE = new Map<string, SignedAnswer>([['Y', 'yes'], ['N', 'no'], ['NA', 'na']]);
const WORD: Record<Answer, string> = { yes: 'Yes', no: 'No', na: 'N/A', blank: 'blank' };

/** One row of the log as the add-on writes it. */
export interface SignOffEntry {
  tab: string;
  caseId: string;
  /** The case's sheet row when it was signed off or reopened. */
  row: number;
  action: SignOffAction;
  reviewer: string;
  /** yyyy-mm-dd hh:mm:ss in the spreadsheet's time zone. */
  when: string;
  /** Why a case was reopened; blank for a sign-off. */
  reason: string;
  /** answersText: the answers as signed off. */
  answers: string;
}

/** A log row as read back, with its sheet row on the log and its answers by question id. */
export interface SignOffEvent extends SignOffEntry {
  logRow: number;
  signed: Map<string, SignedAnswer>;
}

/** A case signed off now: its last event on the log is a sign-off. */
export type SignedOffCase = SignOffEvent;

/**
 * A case's answers as the log keeps them: each answered key question's or prompt's id with Y, N or NA,
 * in column order; a blank is left out (compact: a whole CRC case is under 1,000 characters).
 */
export function answersText(table: CaseTable, cells: readonly unknown[]): string {
  const parts: string[] = [];
  for (const column of table.answerColumns.values()) {
    const answer = readAnswer(cells[column.index]);
    if (answer !== undefined && answer !== 'blank') parts.push(`${column.id}=${CODE[answer]}`);
  }
  return parts.join('; ');
}

/** answersText read back; undefined where it is not in that form. */
function parseAnswers(text: string): Map<string, SignedAnswer> | undefined {
  const signed = new Map<string, SignedAnswer>();
  if (text.trim() === '') return signed;
  for (const part of text.split(';')) {
    const [id, code, extra] = part.split('=').map((piece) => piece.trim());
    const answer = FROM_CODE.get(code ?? '');
    if (!id || !answer || extra !== undefined) return undefined;
    signed.set(id, answer);
  }
  return signed;
}

/** FNV-1a over the row's cells: not a secret, only a way to see that a row was changed after it was written. */
function digest(cells: readonly string[]): string {
  const text = JSON.stringify(cells);
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function entryCells(entry: SignOffEntry): string[] {
  return [entry.tab, entry.caseId, String(entry.row), entry.action, entry.reviewer, entry.when, entry.reason, entry.answers];
}

/** The log row for an entry, in the layout's column order, its check last. */
export function signOffLogRow(entry: SignOffEntry): Array<string | number> {
  return [entry.tab, entry.caseId, entry.row, entry.action, entry.reviewer, entry.when, entry.reason, entry.answers, digest(entryCells(entry))];
}

/** The log as read: its events (rows that read back as written) and a problem for every other row. */
export interface SignOffLog {
  tab: string;
  events: SignOffEvent[];
  problems: DataProblem[];
}

const LOG_HEADERS = headersOf(SIGN_OFF_LOG_LAYOUT);

const cellText = (cell: unknown) => (isEmptyCell(cell) ? '' : String(cell).trim());

/**
 * Reads the Sign-off log (row 1 its header, columns found by header). A row whose check does not
 * match its cells was changed by hand: it is named and not used, and kept as it is.
 */
export function readSignOffLog(values: unknown[][] | undefined, logTab: string = SIGN_OFF_LOG_LAYOUT.name): SignOffLog {
  const log: SignOffLog = { tab: logTab, events: [], problems: [] };
  if (!values || values.length === 0) return log;
  const header = values[0].map((cell) => cellText(cell).toLowerCase());
  const indexes = LOG_HEADERS.map((title) => header.indexOf(title.toLowerCase()));
  const missing = LOG_HEADERS.filter((_, at) => indexes[at] < 0);
  if (missing.length > 0) {
    log.problems.push(problem(logTab, 1, 1, LOG_HEADERS[0], '', 'signOffLog', `${quoteText(logTab)}: its header row has no ${missing.map((title) => `"${title}"`).join(', ')} column, so no sign-off can be checked. Put the header row back as ${LOG_HEADERS.join(', ')}.`));
    return log;
  }
  const checkColumn = indexes[LOG_HEADERS.length - 1];
  values.slice(1).forEach((cells, offset) => {
    const logRow = offset + 2;
    const texts = indexes.map((index) => cellText(cells[index]));
    if (texts.every((text) => text === '')) return;
    const [tab, caseId, row, action, reviewer, when, reason, answers, check] = texts;
    const signed = parseAnswers(answers);
    const what = `${quoteText(logTab)} row ${logRow} (case "${quoteText(caseId)}" of ${quoteText(tab)})`;
    const unusable = (message: string) => log.problems.push(problem(logTab, logRow, checkColumn + 1, 'Check', quoteText(check), 'signOffLog', message));
    if (digest([tab, caseId, row, action, reviewer, when, reason, answers]) !== check) {
      unusable(`${what} was changed after Inspection Ratings wrote it (its Check does not match its cells), so it is not used. Put the row back as it was (File › Version history has it), or reopen and sign the case off again; the row is kept.`);
    } else if (!signed || (action !== SIGNED_OFF && action !== REOPENED) || !/^\d+$/.test(row)) {
      unusable(`${what} cannot be read (its action, row or answers are not as Inspection Ratings writes them), so it is not used; the row is kept.`);
    } else {
      log.events.push({ tab, caseId, row: Number(row), action, reviewer, when, reason, answers, logRow, signed });
    }
  });
  return log;
}

const caseKey = (tab: string, caseId: string) => `${tab.trim().toLowerCase()}\u0000${caseId.trim().toLowerCase()}`;

/** The cases signed off now: for each tab and case ID, its last event (by time, then log row) is a sign-off. */
export function signedOffCases(log: SignOffLog): SignedOffCase[] {
  const last = new Map<string, SignOffEvent>();
  const ordered = [...log.events].sort((a, b) => (a.when < b.when ? -1 : a.when > b.when ? 1 : a.logRow - b.logRow));
  for (const event of ordered) last.set(caseKey(event.tab, event.caseId), event);
  return [...last.values()].filter((event) => event.action === SIGNED_OFF);
}

/** A case tab as the sign-off checks need it: its name now, the framework's name for it, its table. */
export interface SignOffTab {
  name: string;
  frameworkName: string;
  table: CaseTable;
}

/** Whether an event is about a tab (by its name now, or the framework's name for it). */
function isOn(event: { tab: string }, tab: SignOffTab): boolean {
  const name = event.tab.trim().toLowerCase();
  return name === tab.name.toLowerCase() || name === tab.frameworkName.toLowerCase();
}

/** The rows (0-based case rows) of each case ID on a tab, by lower-case ID. */
function rowsByCaseId(table: CaseTable): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  const column = columnHeaded(table, CASE_ID_HEADER);
  if (!column) return rows;
  table.rows.forEach((cells, rowIndex) => {
    const id = caseIdText(cells[column.index]).toLowerCase();
    if (id !== '') rows.set(id, [...(rows.get(id) ?? []), rowIndex]);
  });
  return rows;
}

const signedBy = (signed: SignedOffCase) => `signed off by ${quoteText(signed.reviewer) || 'an unnamed reviewer'} on ${quoteText(signed.when)}`;

/** An answer as a message says it: Yes, No, N/A, blank, or the cell's value quoted (R11). */
function answerWord(cell: unknown): string {
  const answer = readAnswer(cell);
  return answer === undefined ? describeCell(cell) : WORD[answer];
}

/** The signed-off cases of a tab against its rows now: changed answers, moved or vanished cases, a case ID on two rows. */
function checkTab(tab: SignOffTab, signed: readonly SignedOffCase[], log: SignOffLog): DataProblem[] {
  const problems: DataProblem[] = [];
  const table = tab.table;
  const byId = rowsByCaseId(table);
  const idColumn = columnHeaded(table, CASE_ID_HEADER);
  const statusColumn = columnHeaded(table, STATUS_HEADER);
  const signedRows = new Set<number>();
  for (const event of signed) {
    const rows = byId.get(event.caseId.toLowerCase()) ?? [];
    const named = `Case "${quoteText(event.caseId)}"`;
    if (rows.length === 0 || !idColumn) {
      problems.push(
        problem(log.tab, event.logRow, 2, 'Case ID', quoteText(event.caseId), 'signOffVanished', `${named} of ${quoteText(tab.name)}, ${signedBy(event)} in row ${event.row}, is no longer on the tab (its row was deleted, or its case ID changed). Its answers as signed off are kept on ${quoteText(log.tab)} row ${event.logRow}.`),
      );
      continue;
    }
    if (rows.length > 1) {
      for (const rowIndex of rows) signedRows.add(rowIndex);
      const [first, second] = rows.map(sheetRow);
      problems.push(
        problem(tab.name, second, idColumn.index + 1, idColumn.header, quoteText(event.caseId), 'signOffDuplicate', `Rows ${first} and ${second} both have case ID "${quoteText(event.caseId)}", which was ${signedBy(event)} in row ${event.row}: which row was signed off cannot be told. Give each case its own ID.`),
      );
      continue;
    }
    const rowIndex = rows[0];
    const row = sheetRow(rowIndex);
    signedRows.add(rowIndex);
    const cells = table.rows[rowIndex];
    if (row !== event.row) {
      problems.push(
        problem(tab.name, row, idColumn.index + 1, idColumn.header, quoteText(event.caseId), 'signOffMoved', `${named}, ${signedBy(event)} in row ${event.row}, is now in row ${row} (the rows were sorted or moved): followed by its case ID.`),
      );
    }
    for (const column of table.answerColumns.values()) {
      const now = readAnswer(cells[column.index]);
      const then: Answer = event.signed.get(column.id) ?? 'blank';
      if (now === then) continue;
      problems.push(
        problem(tab.name, row, column.index + 1, column.header, isEmptyCell(cells[column.index]) ? '' : quoteText(String(cells[column.index])), 'signOffChanged',
          `${named}, ${column.id} (${cellName(row, column.index + 1)}): signed off as ${WORD[then]}, ${signedBy(event)}; now ${answerWord(cells[column.index])}. Reopen the case from the sidebar (with a reason) to change a signed-off answer, or put ${WORD[then]} back.`),
      );
    }
    for (const [id, answer] of event.signed) {
      if (table.answerColumns.has(id)) continue;
      problems.push(problem(tab.name, row, idColumn.index + 1, idColumn.header, quoteText(event.caseId), 'signOffChanged', `${named}: ${id} was signed off as ${WORD[answer]} (${signedBy(event)}), but the tab has no ${id} column now.`));
    }
    const status = statusColumn ? cellText(cells[statusColumn.index]) : '';
    if (statusColumn && status.toLowerCase() !== SIGNED_OFF.toLowerCase()) {
      problems.push(
        problem(tab.name, row, statusColumn.index + 1, statusColumn.header, quoteText(status), 'signOffStatus', `${named}: its Status is ${status === '' ? 'blank' : `"${quoteText(status)}"`}, but it was ${signedBy(event)}. Reopen it from the sidebar (with a reason) to work on it again, or set its Status back to ${SIGNED_OFF}.`),
      );
    }
  }
  if (statusColumn) {
    table.rows.forEach((cells, rowIndex) => {
      const status = cellText(cells[statusColumn.index]);
      const known = STATUSES.find((candidate) => candidate.toLowerCase() === status.toLowerCase());
      const at = (message: string) => problems.push(problem(tab.name, sheetRow(rowIndex), statusColumn.index + 1, statusColumn.header, quoteText(status), 'signOffStatus', message));
      if (status !== '' && !known) at(`Row ${sheetRow(rowIndex)}: Status "${quoteText(status)}" is not one of ${STATUSES.join(', ')}.`);
      else if (known === SIGNED_OFF && !signedRows.has(rowIndex)) {
        at(`Row ${sheetRow(rowIndex)}: its Status is ${SIGNED_OFF}, but the ${quoteText(log.tab)} tab has no sign-off of it, so its answers were not recorded. Sign it off from the sidebar.`);
      }
    });
  }
  return problems;
}

/** Cases per status: blank counts as In progress; a Status that is none of the three is a problem, not counted. */
export interface StatusCounts {
  inProgress: number;
  ready: number;
  signedOff: number;
}

/** docs/user-guide.md progress: cases started per status, per case tab and per inspector. */
export interface StatusProgress {
  tab: string;
  counts: StatusCounts;
  byInspector: Array<{ inspector: string; counts: StatusCounts }>;
}

/** The report's methodology annex: cases started, how many are signed off now, and by whom. */
export interface SignOffSummary {
  cases: number;
  signedOff: number;
  reviewers: string[];
}

const COUNT_KEY = new Map<string, keyof StatusCounts>([[IN_PROGRESS.toLowerCase(), 'inProgress'], ['', 'inProgress'], [READY_FOR_REVIEW.toLowerCase(), 'ready'], [SIGNED_OFF.toLowerCase(), 'signedOff']]);

function statusProgress(tab: SignOffTab): StatusProgress & { started: number } {
  const table = tab.table;
  const statusColumn = columnHeaded(table, STATUS_HEADER);
  const inspectorColumn = columnHeaded(table, 'Inspector');
  const counts: StatusCounts = { inProgress: 0, ready: 0, signedOff: 0 };
  const inspectors = new Map<string, StatusCounts>();
  let started = 0;
  for (const cells of table.rows) {
    if (table.columns.every((column) => isEmptyCell(cells[column.index]))) continue;
    started += 1;
    const key = COUNT_KEY.get(statusColumn ? cellText(cells[statusColumn.index]).toLowerCase() : '');
    if (!key) continue;
    const inspector = (inspectorColumn && cellText(cells[inspectorColumn.index])) || '(no inspector)';
    const own = inspectors.get(inspector) ?? { inProgress: 0, ready: 0, signedOff: 0 };
    own[key] += 1;
    counts[key] += 1;
    inspectors.set(inspector, own);
  }
  const byInspector = [...inspectors].map(([inspector, own]) => ({ inspector, counts: own })).sort((a, b) => a.inspector.localeCompare(b.inspector));
  return { tab: tab.name, counts, byInspector, started };
}

/** Everything the sign-off adds to a reading of the workbook: its problems, the progress per status and the annex's figures. */
export interface SignOffCheck {
  problems: DataProblem[];
  progress: StatusProgress[];
  summary: SignOffSummary;
}

/**
 * docs/user-guide.md "Sign-off": the case tabs against the Sign-off log (its values, row 1 first, or
 * undefined while there is none). Every signed-off case whose answers differ from the log, moved,
 * vanished or shares its case ID is a problem naming the cell, both answers, the reviewer and the time.
 * `unchecked`: case tabs there but not read (an unreadable header), whose signed-off cases are not called gone.
 */
export function checkSignOffs(tabs: readonly SignOffTab[], logValues: unknown[][] | undefined, logTab: string = SIGN_OFF_LOG_LAYOUT.name, unchecked: readonly string[] = []): SignOffCheck {
  const log = readSignOffLog(logValues, logTab);
  const signed = signedOffCases(log);
  const problems = [...log.problems];
  const reviewers = new Map<string, string>();
  let signedOff = 0;
  let cases = 0;
  const progress = tabs.map((tab) => {
    const own = signed.filter((event) => isOn(event, tab));
    problems.push(...checkTab(tab, own, log));
    const byId = rowsByCaseId(tab.table);
    for (const event of own) {
      if (!byId.has(event.caseId.toLowerCase())) continue;
      signedOff += 1;
      reviewers.set(event.reviewer.toLowerCase(), event.reviewer);
    }
    const { started, ...counts } = statusProgress(tab);
    cases += started;
    return counts;
  });
  // A case tab not read (none set up yet, or its header unreadable, which is its own problem) says nothing of its cases.
  const gone = tabs.length === 0 ? [] : signed.filter((candidate) => !tabs.some((tab) => isOn(candidate, tab)) && !unchecked.some((name) => name.toLowerCase() === candidate.tab.trim().toLowerCase()));
  for (const event of gone) {
    problems.push(problem(log.tab, event.logRow, 1, 'Tab', quoteText(event.tab), 'signOffVanished', `Case "${quoteText(event.caseId)}", ${signedBy(event)}, was on the tab "${quoteText(event.tab)}", which is not a case tab of this workbook now. Its answers as signed off are kept on ${quoteText(log.tab)} row ${event.logRow}.`));
  }
  return { problems, progress, summary: { cases, signedOff, reviewers: [...reviewers.values()] } };
}

/** A case the reviewer asked to sign off, ready for the log, or the reason it cannot be. */
export type SignOffPlan = { rowIndex: number; caseId: string; answers: string } | { rowIndex: number; refused: string };

/**
 * Whether each chosen row (0-based case row) can be signed off: it needs its own case ID, valid
 * answers, every counted key question answered (R1, R12), and not to be signed off already.
 */
export function planSignOff(tab: SignOffTab, framework: Framework, rowIndexes: readonly number[], logValues: unknown[][] | undefined, logTab?: string): SignOffPlan[] {
  const table = tab.table;
  const idColumn = columnHeaded(table, CASE_ID_HEADER);
  const byId = rowsByCaseId(table);
  const signed = signedOffCases(readSignOffLog(logValues, logTab)).filter((event) => isOn(event, tab));
  const counted = keyQuestionsOf(framework).filter((keyQuestion) => !keyQuestion.qualitative && table.answerColumns.has(keyQuestion.id));
  return rowIndexes.map((rowIndex): SignOffPlan => {
    const row = sheetRow(rowIndex);
    const cells = table.rows[rowIndex] ?? [];
    const refuse = (reason: string): SignOffPlan => ({ rowIndex, refused: `Row ${row}: ${reason}` });
    const caseId = idColumn ? caseIdText(cells[idColumn.index]) : '';
    if (caseId === '') return refuse(`no case ID. Type one, so that the sign-off can follow the case.`);
    const named = `case "${quoteText(caseId)}"`;
    const twin = (byId.get(caseId.toLowerCase()) ?? []).find((other) => other !== rowIndex);
    if (twin !== undefined) return refuse(`${named} is also the case ID of row ${sheetRow(twin)}. Give each case its own ID before signing off.`);
    const invalid = [...table.answerColumns.values()].find((column: Column) => readAnswer(cells[column.index]) === undefined);
    if (invalid) return refuse(`${named}: column "${shortHeader(invalid.header)}" holds ${describeCell(cells[invalid.index])}, not an answer. Put it right before signing off.`);
    const unanswered = counted.filter((keyQuestion) => readAnswer(cells[table.answerColumns.get(keyQuestion.id)!.index]) === 'blank').map((keyQuestion) => keyQuestion.id);
    if (unanswered.length > 0) return refuse(`${named}: key question${unanswered.length === 1 ? '' : 's'} ${unanswered.join(', ')} not answered yet; a case is signed off once every key question is answered.`);
    const already = signed.find((event) => event.caseId.toLowerCase() === caseId.toLowerCase());
    if (already) return refuse(`${named} is already ${signedBy(already)}.`);
    const answers = answersText(table, cells);
    if (answers.length > CELL_LIMIT) return refuse(`${named}: its answers take ${answers.length} characters, more than the ${CELL_LIMIT} a Sheets cell holds.`);
    return { rowIndex, caseId, answers };
  });
}

/** The sign-off of a case on a tab now, if it is signed off (for reopening it). */
export function signOffOf(tab: SignOffTab, caseId: string, logValues: unknown[][] | undefined, logTab?: string): SignedOffCase | undefined {
  return signedOffCases(readSignOffLog(logValues, logTab)).find((event) => isOn(event, tab) && event.caseId.toLowerCase() === caseId.trim().toLowerCase());
}

/** The sheet rows of a tab's signed-off cases now (each found by its own case ID), which the add-on protects. */
export function signedOffRows(tab: SignOffTab, logValues: unknown[][] | undefined, logTab?: string): number[] {
  const byId = rowsByCaseId(tab.table);
  return signedOffCases(readSignOffLog(logValues, logTab))
    .filter((event) => isOn(event, tab))
    .flatMap((event) => {
      const rows = byId.get(event.caseId.toLowerCase()) ?? [];
      return rows.length === 1 ? [sheetRow(rows[0])] : [];
    })
    .sort((a, b) => a - b);
}
