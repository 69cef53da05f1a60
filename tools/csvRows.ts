/**
 * docs/programme.md's rows as the CSV text DuckDB loads them (tools/duckdb.ts): one line a row, NULL
 * unquoted and empty, text always quoted. Rows are written this way, a batch at a time through
 * DuckDB's CSV reader: measured several times faster than its appender, which crosses into native
 * code once per value. Kept apart from DuckDB so a worker thread can encode rows without loading it.
 *
 * `export` encodes the answers table shorter (CsvRows): one line per case, its answers one letter
 * each, and the questions they answer named once per set of columns. The answers table is made
 * from them as it is written out (tools/duckdb.ts, answersQuery): a programme's millions of answer
 * rows are never parsed as CSV nor stored twice.
 */
import { createHash } from 'node:crypto';
import { ColumnType, RowSink, RowValues, SCHEMA, TableName } from './programmeData';

/** A value as a CSV field: NULL unquoted and empty, text always quoted (so '' stays an empty text). */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'string') return `"${value.includes('"') ? value.replace(/"/g, '""') : value}"`;
  return String(value);
}

/** A row as one CSV line, without its line break (joined, so a flat string: lines built by + would each hold their parts). */
export function csvLine(values: RowValues): string {
  return values.map(csvField).join(',');
}

/**
 * One case's answers, a line of the answer_cases table: the answers table's columns that are the
 * case's (all but question, kind, key_question, standard and answer), the set of questions its
 * answers are to, and the answers, a letter each in that set's order.
 */
/** The answers table's columns that are each answer's own, not its case's. */
const ANSWER_OWN = new Set(['question', 'kind', 'key_question', 'standard', 'answer']);

export const ANSWER_CASES: ReadonlyArray<readonly [string, ColumnType]> = [
  ...SCHEMA.answers.filter(([name]) => !ANSWER_OWN.has(name)),
  ['question_set', 'STRING'],
  ['answers', 'STRING'],
];

/** An answer as its letter in answer_cases.answers; a blank is "-". */
export const ANSWER_LETTERS: Readonly<Record<string, string>> = { Yes: 'Y', No: 'N', 'N/A': 'A' };

/** A question an answer is to: the answers table's question, kind, key_question and standard. */
export type AnsweredQuestion = readonly [question: string, kind: string, keyQuestion: string, standard: string];

/** Where the answers table's columns are in its rows. */
const ANSWER = Object.fromEntries(SCHEMA.answers.map(([name], index) => [name, index])) as Record<(typeof SCHEMA.answers)[number][0], number>;

/** The columns of an answers row that are its case's, in answer_cases order (the set and the letters follow). */
const CASE_COLUMNS = SCHEMA.answers.flatMap(([name], index) => (ANSWER_OWN.has(name) ? [] : [index]));

/** Rows encoded: each table's CSV lines as UTF-8 bytes (every line ended by "\n"), and the question sets answer_cases names. */
export interface EncodedRows {
  tables: Partial<Record<TableName | 'answer_cases', Uint8Array>>;
  /** Each set of questions by its name (a hash of its questions), the questions in order. */
  questionSets: Record<string, AnsweredQuestion[]>;
}

/** Rows collected as CSV lines, table by table, the answers a line per case (answer_cases). */
export class CsvRows implements RowSink {
  private readonly lines = new Map<TableName | 'answer_cases', string[]>();
  private readonly questionSets = new Map<string, { name: string; questions: AnsweredQuestion[] }>();
  /** The case whose answers are being collected: its first answers row, its questions and letters. */
  private current: { row: RowValues; questions: AnsweredQuestion[]; letters: string } | undefined;

  append(table: TableName, values: RowValues): void {
    if (table === 'answers') {
      this.appendAnswer(values);
      return;
    }
    this.push(table, csvLine(values));
  }

  /** The lines as bytes, each table's in a buffer of its own (so it can move to another thread). */
  encoded(): EncodedRows {
    this.endCase();
    const encoder = new TextEncoder();
    const tables: EncodedRows['tables'] = {};
    for (const [table, lines] of this.lines) tables[table] = encoder.encode(`${lines.join('\n')}\n`);
    const questionSets: EncodedRows['questionSets'] = {};
    for (const { name, questions } of this.questionSets.values()) questionSets[name] = questions;
    return { tables, questionSets };
  }

  private push(table: TableName | 'answer_cases', line: string): void {
    let lines = this.lines.get(table);
    if (!lines) this.lines.set(table, (lines = []));
    lines.push(line);
  }

  /** An answers row: another answer of the current case, or the first of the next. */
  private appendAnswer(values: RowValues): void {
    if (!this.current || CASE_COLUMNS.some((column) => values[column] !== this.current!.row[column])) {
      this.endCase();
      this.current = { row: values, questions: [], letters: '' };
    }
    this.current.questions.push([values[ANSWER.question], values[ANSWER.kind], values[ANSWER.key_question], values[ANSWER.standard]] as unknown as AnsweredQuestion);
    const answer = values[ANSWER.answer];
    this.current.letters += answer === null ? '-' : ANSWER_LETTERS[answer as string];
  }

  private endCase(): void {
    if (!this.current) return;
    const { row, questions, letters } = this.current;
    const key = JSON.stringify(questions);
    let set = this.questionSets.get(key);
    if (!set) this.questionSets.set(key, (set = { name: createHash('sha256').update(key).digest('hex').slice(0, 16), questions }));
    this.push('answer_cases', csvLine([...CASE_COLUMNS.map((column) => row[column]), set.name, letters]));
    this.current = undefined;
  }
}
