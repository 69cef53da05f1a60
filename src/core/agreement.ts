import { Answer, quoteText, readAnswer } from './answers';
import { CaseTable, Column, invalidAnswer, sheetRow, shortHeader } from './caseTable';
import { caseIdColumn, caseIdRows, caseIdText } from './sampling';

/** docs/sampling-and-qa.md: how often a quality lead's re-marking agrees with the inspector's, and Cohen's kappa. */

/** A marked answer: Yes, No or N/A (blank answers are not compared). */
export type Mark = Exclude<Answer, 'blank'>;

const MARKS: readonly Mark[] = ['yes', 'no', 'na'];

/** One key question of one case, marked both on the case tab and on the checks. */
export interface MarkedPair {
  keyQuestionId: string;
  /** Row indexes (without the header row) in the cases and in the checks. */
  caseRowIndex: number;
  checkRowIndex: number;
  caseColumn: Column;
  checkColumn: Column;
  original: Mark;
  check: Mark;
}

/** Cases checked, agreements and Cohen's kappa of a set of pairs. */
export interface Agreement {
  checked: number;
  agreements: number;
  /** Agreements / checked; undefined with nothing checked. */
  fraction?: number;
  /** Undefined where chance agreement is 1 (or nothing is checked). */
  kappa?: number;
}

/**
 * docs/sampling-and-qa.md: pairs the checks' rows with the cases' by Case ID and, for every key question in
 * both, lists each case answered in both. R11: a checked ID missing from the cases, an
 * ID given twice, or an invalid answer on either side is an error naming its row.
 */
export function markedPairs(cases: CaseTable, checks: CaseTable): MarkedPair[] {
  const caseRows = rowsById(cases);
  const keyQuestions = requireSharedKeyQuestions(cases, checks);
  // R12: a row left wholly blank between checks is skipped, not an error; a row with marks still needs its Case ID.
  const idColumn = caseIdColumn(checks, 'checks');
  const unnamed = checks.rows.findIndex((row) => caseIdText(row[idColumn.index]) === '' && !isBlankCheck(row, keyQuestions, checks));
  if (unnamed >= 0) throw new Error(`Row ${sheetRow(unnamed)} of the checks range has marks but no Case ID. Give the row its case's ID, or clear it.`);
  const checkIds = caseIdRows(checks, idColumn, 'checks', true);
  const pairs: MarkedPair[] = [];
  checkIds.forEach((checkRowIndex, id) => {
    const matches = caseRows.get(id) ?? [];
    if (matches.length === 0) {
      throw new Error(`Row ${sheetRow(checkRowIndex)} of the checks range: Case ID "${quoteText(id)}" is not in the cases range. Check the ID, or remove the row.`);
    }
    if (matches.length > 1) {
      throw new Error(`Case ID "${quoteText(id)}" (row ${sheetRow(checkRowIndex)} of the checks range) appears more than once in the cases range, at rows ${matches.map(sheetRow).join(', ')}. Each case must be listed once.`);
    }
    const caseRowIndex = matches[0];
    for (const caseColumn of keyQuestions) {
      const checkColumn = checks.answerColumns.get(caseColumn.id) as Column;
      const original = markOf(cases, caseRowIndex, caseColumn, 'cases');
      const check = markOf(checks, checkRowIndex, checkColumn, 'checks');
      if (original && check) pairs.push({ keyQuestionId: caseColumn.id, caseRowIndex, checkRowIndex, caseColumn, checkColumn, original, check });
    }
  });
  return pairs;
}

/** The case tab's rows by Case ID; rows still without an ID are work in progress (R12), not an error. */
function rowsById(cases: CaseTable): Map<string, number[]> {
  const column = caseIdColumn(cases, 'cases');
  const rows = new Map<string, number[]>();
  cases.rows.forEach((row, rowIndex) => {
    const id = caseIdText(row[column.index]);
    if (id === '') return;
    const earlier = rows.get(id);
    if (earlier) earlier.push(rowIndex);
    else rows.set(id, [rowIndex]);
  });
  return rows;
}

function isBlankCheck(row: unknown[], keyQuestions: readonly Column[], checks: CaseTable): boolean {
  return keyQuestions.every((column) => readAnswer(row[(checks.answerColumns.get(column.id) as Column).index]) === 'blank');
}

/**
 * R11: the key questions both ranges have, or an error saying what the checks' header row
 * should hold and what it holds, rather than a table with no rows.
 */
export function requireSharedKeyQuestions(cases: CaseTable, checks: CaseTable): Column[] {
  const shared = sharedKeyQuestions(cases, checks);
  if (shared.length > 0) return shared;
  const expected = cases.columns.filter((column) => column.kind === 'keyQuestion').map((column) => column.id);
  const found = checks.columns.map((column) => `"${shortHeader(column.header)}"`).slice(0, 12);
  throw new Error(
    `The checks range has no key-question column the cases range has: expected headers starting with a key-question id (${expected.slice(0, 6).join(', ') || 'none in the cases range'}${expected.length > 6 ? ', …' : ''}, e.g. "${expected[0] ?? '2.1.1'} …"); found ${found.join(', ')}${checks.columns.length > 12 ? ', …' : ''}.`,
  );
}

/** The key-question columns of the cases that the checks also have, in the cases' order. */
export function sharedKeyQuestions(cases: CaseTable, checks: CaseTable): Column[] {
  return cases.columns.filter((column) => column.kind === 'keyQuestion' && checks.answerColumns.get(column.id)?.kind === 'keyQuestion');
}

function markOf(table: CaseTable, rowIndex: number, column: Column, what: string): Mark | undefined {
  const cell = table.rows[rowIndex][column.index];
  const answer = readAnswer(cell);
  if (answer === undefined) {
    const error = invalidAnswer(rowIndex, column, cell);
    throw new Error(`In the ${what} range: ${error.message}`);
  }
  return answer === 'blank' ? undefined : answer;
}

/**
 * Cohen's kappa over Yes, No and N/A: (po − pe)/(1 − pe), computed on whole counts as
 * (n·agreements − Σ aₖbₖ)/(n² − Σ aₖbₖ) so that exact cases (0, 1) come out exact.
 */
export function agreementOf(pairs: readonly MarkedPair[]): Agreement {
  const checked = pairs.length;
  if (checked === 0) return { checked, agreements: 0 };
  const originals = new Map<Mark, number>(MARKS.map((mark) => [mark, 0]));
  const checks = new Map<Mark, number>(MARKS.map((mark) => [mark, 0]));
  let agreements = 0;
  for (const pair of pairs) {
    if (pair.original === pair.check) agreements += 1;
    originals.set(pair.original, (originals.get(pair.original) as number) + 1);
    checks.set(pair.check, (checks.get(pair.check) as number) + 1);
  }
  const chance = MARKS.reduce((sum, mark) => sum + (originals.get(mark) as number) * (checks.get(mark) as number), 0);
  const squared = checked * checked;
  const kappa = chance === squared ? undefined : (checked * agreements - chance) / (squared - chance);
  return { checked, agreements, fraction: agreements / checked, kappa };
}

/** Pairs grouped by a key (key question, inspector), in order of first appearance. */
export function groupPairs(pairs: readonly MarkedPair[], keyOf: (pair: MarkedPair) => string): Map<string, MarkedPair[]> {
  const groups = new Map<string, MarkedPair[]>();
  for (const pair of pairs) {
    const key = keyOf(pair);
    const group = groups.get(key);
    if (group) group.push(pair);
    else groups.set(key, [pair]);
  }
  return groups;
}

/** docs/sampling-and-qa.md: per key question present in both ranges, in the cases' column order: its agreement. */
export function agreementByKeyQuestion(cases: CaseTable, checks: CaseTable): { keyQuestionId: string; agreement: Agreement }[] {
  const groups = groupPairs(markedPairs(cases, checks), (pair) => pair.keyQuestionId);
  return requireSharedKeyQuestions(cases, checks).map((column) => ({ keyQuestionId: column.id, agreement: agreementOf(groups.get(column.id) ?? []) }));
}
