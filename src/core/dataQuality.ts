import { cellName } from './a1';
import { describeCell, isEmptyCell, notAnAnswer, quoteText, readAnswer } from './answers';
import { CaseTable, Column, columnHeaded, shortHeader, sheetRow } from './caseTable';
import { describeSubSample, Framework, inSubSample, keyQuestionsOf, standardsOf, SubSampleRule } from './framework';

/** docs/user-guide.md "Data quality": one problem in one cell of a case tab. */
export interface DataProblem {
  tab: string;
  /** Sheet row (1-based) and column (1-based) of the cell. */
  row: number;
  column: number;
  /** The cell's A1 name, e.g. "K5". */
  cell: string;
  header: string;
  value: string;
  /**
   * `framework`: a problem in the Framework tab a lead inspector fills (docs/frameworks.md);
   * `missingColumn`, `unknownColumn`: a header row without a key question its standard expects, or
   * with a question the framework does not have (R13).
   */
  kind: ProblemKind;
  message: string;
}

/** A problem at a cell, its A1 name worked out from its row and column. */
export function dataProblem(tab: string, row: number, column: number, header: string, value: string, kind: ProblemKind, message: string): DataProblem {
  return { tab, row, column, cell: cellName(row, column), header, value, kind, message };
}

/**
 * What is wrong in a cell. `unreadableTab`: a case tab whose header row cannot be read (a missing
 * key-question column); `panel`: a panel judgement that is not applied; `judgement`: a judgement
 * standard's rating that is not a band.
 */
export type ProblemKind =
  | 'invalid'
  | 'unanswered'
  | 'answerExpected'
  | 'notApplicableExpected'
  | 'duplicateCaseId'
  | 'missingCaseId'
  | 'framework'
  | 'unreadableTab'
  | 'missingColumn'
  | 'unknownColumn'
  | 'comparison'
  | 'formula'
  | 'panel'
  | 'judgement'
  | SignOffProblemKind;

/**
 * docs/user-guide.md "Sign-off" (src/core/signOff.ts): a signed-off answer changed, a signed-off case
 * moved, vanished or sharing its case ID, a Status that disagrees with the log, a log row edited by hand.
 */
export type SignOffProblemKind = 'signOffChanged' | 'signOffMoved' | 'signOffVanished' | 'signOffDuplicate' | 'signOffStatus' | 'signOffLog';

/**
 * R12: a problem that stops a standard (or the setup) being rated ranks 0, one the method only
 * questions ranks 1, and an answer not given yet ranks 2 — the standard is Not rated, as expected
 * while the work goes on.
 */
const RANK: Record<ProblemKind, number> = {
  framework: 0,
  unreadableTab: 0,
  missingColumn: 0,
  invalid: 0,
  judgement: 0,
  answerExpected: 1,
  notApplicableExpected: 1,
  duplicateCaseId: 1,
  missingCaseId: 1,
  unknownColumn: 1,
  comparison: 1,
  formula: 0,
  panel: 1,
  unanswered: 2,
  signOffChanged: 1,
  signOffVanished: 1,
  signOffDuplicate: 1,
  signOffStatus: 1,
  signOffLog: 1,
  signOffMoved: 2,
};

/** Whether a problem blocks a rating (an invalid answer, a missing column, an unusable Framework tab). */
export function blocksRating(kind: ProblemKind): boolean {
  return RANK[kind] === 0;
}

/**
 * The order every list of problems is shown in: those that block a rating first, then those the
 * method questions, then the key questions not answered yet; within each, the order they came in
 * (tab by tab, row by row). A new array; the input is left as it was.
 */
export function problemsInOrder<T extends { kind: ProblemKind }>(problems: readonly T[]): T[] {
  // Array.prototype.sort is stable (ES2019), so each group keeps its tab-and-row order.
  return [...problems].sort((a, b) => RANK[a.kind] - RANK[b.kind]);
}

/** Progress of one case tab: cases started (any cell filled) and complete (every key question answered). */
export interface TabProgress {
  tab: string;
  started: number;
  complete: number;
  byInspector: Array<{ inspector: string; started: number; complete: number }>;
}

const CASE_ID = 'case id';
const INSPECTOR = 'inspector';

/**
 * R13: the header row against the framework. Every counted key question of the tab's standards
 * (those on `caseTab`, or, without it, those the table has any column of) needs its column; a
 * key-question or prompt column the framework does not have is flagged, since it is never counted.
 */
export function checkColumns(tab: string, table: CaseTable, framework: Framework, caseTab?: string): DataProblem[] {
  const problems: DataProblem[] = [];
  const known = new Set(keyQuestionsOf(framework).flatMap((keyQuestion) => [keyQuestion.id, ...keyQuestion.prompts.map((prompt) => prompt.id)]));
  const standards = standardsOf(framework).filter((standard) =>
    standard.kind === 'caseBased' && (caseTab !== undefined ? standard.caseTab === caseTab : standard.keyQuestions.some((keyQuestion) => table.answerColumns.has(keyQuestion.id))),
  );
  for (const standard of standards) {
    const near = standard.keyQuestions.map((keyQuestion) => table.answerColumns.get(keyQuestion.id)).find((column) => column !== undefined);
    for (const keyQuestion of standard.keyQuestions.filter((candidate) => !candidate.qualitative && !table.answerColumns.has(candidate.id))) {
      const column = near ? near.index + 1 : 1;
      problems.push(dataProblem(tab, 1, column, `${keyQuestion.id} ${shortHeader(keyQuestion.text)}`, '', 'missingColumn',
        `${quoteText(tab)}: there is no column for key question ${keyQuestion.id} ("${shortHeader(keyQuestion.text)}"), so standard ${standard.id} cannot be rated. Run New inspection to add the column back at the end; no case data is changed.`,
      ));
    }
  }
  for (const column of table.answerColumns.values()) {
    if (known.has(column.id)) continue;
    const what = column.kind === 'keyQuestion' ? 'key question' : 'prompt';
    problems.push(dataProblem(tab, 1, column.index + 1, column.header, quoteText(column.header), 'unknownColumn',
      `Column "${shortHeader(column.header)}": ${framework.name} has no ${what} ${column.id}, so its answers are not counted. Check the id (a mistyped one?), or remove the column.`,
    ));
  }
  return problems;
}

/**
 * Checks every cell of a case tab against R1 and the sub-samples of docs/method.md: invalid answers,
 * unanswered key questions, N/A where an answer is needed or answers where N/A is expected,
 * duplicate case ids. One pass over the rows.
 */
export function checkCaseTab(
  tab: string,
  table: CaseTable,
  framework: Framework,
  limit = Number.POSITIVE_INFINITY,
  caseTab?: string,
): { problems: DataProblem[]; problemCount: number; progress: TabProgress } {
  const subSampleOf = new Map<string, SubSampleRule | undefined>();
  const counted = new Set<string>();
  for (const keyQuestion of keyQuestionsOf(framework)) {
    subSampleOf.set(keyQuestion.id, keyQuestion.subSample);
    if (!keyQuestion.qualitative) counted.add(keyQuestion.id);
    for (const prompt of keyQuestion.prompts) subSampleOf.set(prompt.id, prompt.subSample);
  }
  const byHeader = (header: string) => columnHeaded(table, header);
  const caseIdColumn = byHeader(CASE_ID);
  const inspectorColumn = byHeader(INSPECTOR);
  const answerColumns = [...table.answerColumns.values()];
  const keyQuestionColumns = answerColumns.filter((column) => column.kind === 'keyQuestion' && counted.has(column.id));

  // The header row's problems first: while one stands, the tab's standards cannot be rated at all.
  const columnProblems = checkColumns(tab, table, framework, caseTab);
  const problems: DataProblem[] = columnProblems.slice(0, limit);
  const firstRowOfCase = new Map<string, number>();
  const inspectors = new Map<string, { started: number; complete: number }>();
  let started = 0;
  let complete = 0;
  let problemCount = columnProblems.length;
  // Past the limit (for its rank) a problem is only counted: its message is never built (100,000 rows
  // stay cheap). Each rank keeps up to the limit, so a blocking problem in the last row still makes the list.
  const keptOfRank = [0, 0, 0];
  const add = (rowIndex: number, column: Column, cell: unknown, kind: ProblemKind, message: () => string) => {
    problemCount += 1;
    const rank = RANK[kind];
    if (keptOfRank[rank] >= limit) return;
    keptOfRank[rank] += 1;
    problems.push(dataProblem(tab, sheetRow(rowIndex), column.index + 1, column.header, isEmptyCell(cell) ? '' : quoteText(String(cell)), kind, message()));
  };

  // A column's header as messages show it, worked out once per column rather than once per problem.
  const shortHeaders = new Map(answerColumns.map((column) => [column, shortHeader(column.header)]));
  const where = (rowIndex: number, column: Column) => `Row ${sheetRow(rowIndex)}, column "${shortHeaders.get(column)!}"`;
  const isCountedKeyQuestion = new Set(keyQuestionColumns);
  const ruleColumns = new Map<SubSampleRule, Column | undefined>();
  for (const rule of subSampleOf.values()) if (rule) ruleColumns.set(rule, byHeader(rule.header));
  table.rows.forEach((cells, rowIndex) => {
    if (table.columns.every((column) => isEmptyCell(cells[column.index]))) return;
    started += 1;
    // Whether this case is in a sub-sample; undefined where its metadata column is missing or blank.
    const applies = (rule: SubSampleRule) => {
      const metadata = ruleColumns.get(rule);
      return metadata && inSubSample(rule, cells[metadata.index]);
    };
    let answered = 0;
    for (const column of answerColumns) {
      const cell = cells[column.index];
      const answer = readAnswer(cell);
      if (answer === undefined) {
        add(rowIndex, column, cell, 'invalid', () => `${where(rowIndex, column)}: ${notAnAnswer(cell)}`);
        continue;
      }
      const isKeyQuestion = isCountedKeyQuestion.has(column);
      if (answer === 'blank') {
        if (isKeyQuestion) add(rowIndex, column, cell, 'unanswered', () => `${where(rowIndex, column)}: the key question is not answered yet.`);
        continue;
      }
      if (isKeyQuestion) answered += 1;
      const subSample = subSampleOf.get(column.id);
      const applicable = subSample ? applies(subSample) : true;
      // Prompts are often conditional by their wording ("where needed"): N/A is only questioned on key questions.
      if (answer === 'na' && applicable === true && subSample && isKeyQuestion) {
        add(rowIndex, column, cell, 'answerExpected', () => `${where(rowIndex, column)}: N/A, but this case is in the sub-sample where ${describeSubSample(subSample)}, so an answer is expected.`);
      } else if (answer === 'na' && !subSample && isKeyQuestion) {
        add(rowIndex, column, cell, 'answerExpected', () => `${where(rowIndex, column)}: N/A, but this key question applies to every case.`);
      } else if (answer !== 'na' && subSample && applicable === false) {
        add(rowIndex, column, cell, 'notApplicableExpected', () => `${where(rowIndex, column)}: answered ${describeCell(cell)}, but this case is outside the sub-sample where ${describeSubSample(subSample)}, so N/A is expected.`);
      }
    }
    const isComplete = keyQuestionColumns.length > 0 && answered === keyQuestionColumns.length;
    if (isComplete) complete += 1;
    const inspector = inspectorColumn && !isEmptyCell(cells[inspectorColumn.index]) ? String(cells[inspectorColumn.index]).trim() : '(no inspector)';
    const tally = inspectors.get(inspector) ?? { started: 0, complete: 0 };
    tally.started += 1;
    if (isComplete) tally.complete += 1;
    inspectors.set(inspector, tally);

    if (caseIdColumn && !isEmptyCell(cells[caseIdColumn.index])) {
      const id = String(cells[caseIdColumn.index]).trim();
      const first = firstRowOfCase.get(id.toLowerCase());
      if (first === undefined) firstRowOfCase.set(id.toLowerCase(), sheetRow(rowIndex));
      else add(rowIndex, caseIdColumn, cells[caseIdColumn.index], 'duplicateCaseId', () => `Row ${sheetRow(rowIndex)}: case ID ${describeCell(cells[caseIdColumn.index])} is already used in row ${first}.`);
    } else if (caseIdColumn && answered > 0) {
      // Counted like any case, but a case without its ID cannot be found again, checked or re-marked.
      add(rowIndex, caseIdColumn, '', 'missingCaseId', () => `Row ${sheetRow(rowIndex)}: answers but no case ID. Type the case's ID, so that it can be found, checked and re-marked.`);
    }
  });
  const byInspector = [...inspectors].map(([inspector, tally]) => ({ inspector, ...tally })).sort((a, b) => a.inspector.localeCompare(b.inspector));
  return { problems: problemsInOrder(problems).slice(0, limit), problemCount, progress: { tab, started, complete, byInspector } };
}
