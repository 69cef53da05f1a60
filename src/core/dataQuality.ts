import { cellName } from './a1';
import { describeCell, isEmptyCell, quoteText, readAnswer } from './answers';
import { CaseTable, Column, columnHeaded, shortHeader, sheetRow } from './caseTable';
import { describeSubSample, Framework, inSubSample, keyQuestionsOf, SubSampleRule } from './framework';

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
  /** `framework`: a problem in the Framework tab a lead inspector fills (docs/frameworks.md). */
  kind: 'invalid' | 'unanswered' | 'answerExpected' | 'notApplicableExpected' | 'duplicateCaseId' | 'framework' | 'formula';
  message: string;
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
 * Checks every cell of a case tab against R1 and the sub-samples of docs/method.md: invalid answers,
 * unanswered key questions, N/A where an answer is needed or answers where N/A is expected,
 * duplicate case ids. One pass over the rows.
 */
export function checkCaseTab(
  tab: string,
  table: CaseTable,
  framework: Framework,
  limit = Number.POSITIVE_INFINITY,
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

  const problems: DataProblem[] = [];
  const firstRowOfCase = new Map<string, number>();
  const inspectors = new Map<string, { started: number; complete: number }>();
  let started = 0;
  let complete = 0;
  let problemCount = 0;
  // Past the limit a problem is only counted: its message is never built (100,000 rows stay cheap).
  const add = (rowIndex: number, column: Column, cell: unknown, kind: DataProblem['kind'], message: () => string) => {
    problemCount += 1;
    if (problems.length < limit) problems.push({ tab, row: sheetRow(rowIndex), column: column.index + 1, cell: cellName(sheetRow(rowIndex), column.index + 1), header: column.header, value: isEmptyCell(cell) ? '' : quoteText(String(cell)), kind, message: message() });
  };

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
      const where = () => `Row ${sheetRow(rowIndex)}, column "${shortHeader(column.header)}"`;
      if (answer === undefined) {
        add(rowIndex, column, cell, 'invalid', () => `${where()}: ${describeCell(cell)} is not an answer. Use Yes, No or N/A, or leave it blank.`);
        continue;
      }
      const isKeyQuestion = isCountedKeyQuestion.has(column);
      if (answer === 'blank') {
        if (isKeyQuestion) add(rowIndex, column, cell, 'unanswered', () => `${where()}: the key question is not answered yet.`);
        continue;
      }
      if (isKeyQuestion) answered += 1;
      const subSample = subSampleOf.get(column.id);
      const applicable = subSample ? applies(subSample) : true;
      // Prompts are often conditional by their wording ("where needed"): N/A is only questioned on key questions.
      if (answer === 'na' && applicable === true && subSample && isKeyQuestion) {
        add(rowIndex, column, cell, 'answerExpected', () => `${where()}: N/A, but this case is in the sub-sample where ${describeSubSample(subSample)}, so an answer is expected.`);
      } else if (answer === 'na' && !subSample && isKeyQuestion) {
        add(rowIndex, column, cell, 'answerExpected', () => `${where()}: N/A, but this key question applies to every case.`);
      } else if (answer !== 'na' && subSample && applicable === false) {
        add(rowIndex, column, cell, 'notApplicableExpected', () => `${where()}: answered ${describeCell(cell)}, but this case is outside the sub-sample where ${describeSubSample(subSample)}, so N/A is expected.`);
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
    }
  });
  const byInspector = [...inspectors].map(([inspector, tally]) => ({ inspector, ...tally })).sort((a, b) => a.inspector.localeCompare(b.inspector));
  return { problems, problemCount, progress: { tab, started, complete, byInspector } };
}
