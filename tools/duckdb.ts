/**
 * DuckDB, the embedded SQL engine (docs/programme.md): the long-format tables of
 * tools/programmeData.ts in an in-process database, the method's queries (sql/*.sql) run on them,
 * and the tables written as Parquet or CSV files or read back from them. @duckdb/node-api is loaded
 * here only, so commands that do not use SQL never load it.
 */
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANSWER_CASES, ANSWER_LETTERS, AnsweredQuestion, csvLine, EncodedRows } from './csvRows';
import { ColumnType, RowSink, RowValues, SCHEMA, TableName } from './programmeData';

/** The method's queries, one file each, as they run on DuckDB and BigQuery alike. */
export const SQL_DIR = join(__dirname, '..', 'sql');

export type Query = 'key_questions' | 'prompts' | 'standards' | 'overall' | 'programme' | 'slices';

/** A query's text as the repository holds it. */
export function queryText(query: Query): string {
  return readFileSync(join(SQL_DIR, `${query}.sql`), 'utf8');
}

const DUCKDB_TYPES: Record<ColumnType, string> = { INT64: 'BIGINT', STRING: 'VARCHAR', BOOL: 'BOOLEAN' };
/** Rows wait as CSV text (tools/csvRows.ts) and reach DuckDB a batch at a time through its CSV reader. */
const BATCH_CHARACTERS = 16_000_000;

interface TableBatch {
  /** CSV lines (each without its line break), and rows already encoded as bytes, in the order they came. */
  parts: Array<string | Uint8Array>;
  characters: number;
}

/**
 * The scratch folders of the open databases, removed however the command ends: closed normally, by
 * an error (close in a finally), by process.exit, or interrupted (Ctrl-C's SIGINT, SIGTERM), when
 * the signal is raised again once they are gone so the command ends as it would have.
 */
const scratchFolders = new Set<string>();

function removeAllScratch(): void {
  for (const folder of scratchFolders) removeScratch(folder);
}

function onSignal(signal: NodeJS.Signals): void {
  removeAllScratch();
  watchSignals(false);
  process.kill(process.pid, signal);
}

function watchSignals(on: boolean): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    if (on) process.on(signal, onSignal);
    else process.removeListener(signal, onSignal);
  }
  if (on) process.on('exit', removeAllScratch);
  else process.removeListener('exit', removeAllScratch);
}

function keepScratch(folder: string): void {
  if (scratchFolders.size === 0) watchSignals(true);
  scratchFolders.add(folder);
}

function removeScratch(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
  if (scratchFolders.delete(folder) && scratchFolders.size === 0) watchSignals(false);
}

/** A table rows are loaded into: one of docs/programme.md's, or answer_cases (tools/csvRows.ts). */
type StagedTable = TableName | 'answer_cases';

const sqlText = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * The answers table from answer_cases: each case's line unnested into a row per answer, in the
 * order of its set's questions (a projection and UNNEST keep the lines' order, so the rows come out
 * as they would have been appended). Each set's questions are written into the query.
 */
export function answersQuery(questionSets: ReadonlyMap<string, readonly AnsweredQuestion[]>): string {
  const columns = SCHEMA.answers.map(([name]) => name);
  if (questionSets.size === 0) return `SELECT ${SCHEMA.answers.map(([name, type]) => `CAST(NULL AS ${DUCKDB_TYPES[type]}) AS ${name}`).join(', ')} WHERE false`;
  const sets = [...questionSets].map(
    ([name, questions]) =>
      `WHEN ${sqlText(name)} THEN [${questions.map(([question, kind, keyQuestion, standard], index) => `{'position': ${index + 1}, 'question': ${sqlText(question)}, 'kind': ${sqlText(kind)}, 'key_question': ${sqlText(keyQuestion)}, 'standard': ${sqlText(standard)}}`).join(', ')}]`,
  );
  // A letter's answer: its place in the letters (instr, 0 for "-") in the list of answers (NULL at 0).
  const [answers, letters] = [Object.keys(ANSWER_LETTERS), Object.values(ANSWER_LETTERS)];
  const answer = `list_extract([${answers.map(sqlText).join(', ')}], instr(${sqlText(letters.join(''))}, substr(letters, q.position, 1)))`;
  const value = (name: string) => (['question', 'kind', 'key_question', 'standard'].includes(name) ? `q.${name} AS ${name}` : name === 'answer' ? `${answer} AS answer` : name);
  const cases = ANSWER_CASES.map(([name]) => name).filter((name) => name !== 'question_set' && name !== 'answers');
  return `SELECT ${columns.map(value).join(', ')} FROM (SELECT ${cases.join(', ')}, answers AS letters, unnest(CASE question_set ${sets.join(' ')} END) AS q FROM answer_cases)`;
}

/** Writes a batch to a file: lines ended by "\n", bytes as they are, in order. */
function writeParts(file: string, parts: ReadonlyArray<string | Uint8Array>): void {
  const descriptor = openSync(file, 'w');
  try {
    let lines: string[] = [];
    const writeLines = () => {
      if (lines.length > 0) writeSync(descriptor, `${lines.join('\n')}\n`);
      lines = [];
    };
    for (const part of parts) {
      if (typeof part === 'string') lines.push(part);
      else {
        writeLines();
        for (let written = 0; written < part.length; ) written += writeSync(descriptor, part, written);
      }
    }
    writeLines();
  } finally {
    closeSync(descriptor);
  }
}

/** A row as a query returns it: numbers as numbers (counts fit in 2^53), text, booleans, null. */
export type ResultRow = Record<string, string | number | boolean | null>;

export type FileFormat = 'parquet' | 'csv';

/** An in-memory DuckDB holding the tables: rows are appended, then the method's queries run. */
export class ProgrammeDatabase implements RowSink {
  private batches = new Map<StagedTable, TableBatch>();
  /** With `answerCases`: the question sets answer_cases names (tools/csvRows.ts), and whether the answers view shows them all. */
  private questionSets: Map<string, readonly AnsweredQuestion[]> | undefined;
  private answersCurrent = true;

  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    private readonly scratch: string,
  ) {}

  /**
   * A new database; `withTables` creates the tables empty, ready for rows (else load them from
   * files). `onDisk` keeps the tables in a scratch file, compressed, with DuckDB's memory capped:
   * an export of a whole programme then needs memory for one workbook, not for every answer.
   * `answerCases` (with rows from appendEncoded only) keeps the answers a line per case in
   * answer_cases, the answers table a view over it (answersQuery).
   */
  static async open(options: { withTables?: boolean; threads?: number; onDisk?: boolean; answerCases?: boolean } = {}): Promise<ProgrammeDatabase> {
    const scratch = mkdtempSync(join(tmpdir(), 'inspection-ratings-sql-'));
    keepScratch(scratch);
    let instance: DuckDBInstance | undefined;
    try {
      const settings: Record<string, string> = { threads: String(options.threads ?? 2) };
      if (options.onDisk) Object.assign(settings, { memory_limit: '256MB', temp_directory: join(scratch, 'spill') });
      instance = await DuckDBInstance.create(options.onDisk ? join(scratch, 'programme.duckdb') : ':memory:', settings);
      const database = new ProgrammeDatabase(instance, await instance.connect(), scratch);
      if (options.withTables !== false) {
        const tables: Array<[string, ReadonlyArray<readonly [string, ColumnType]>]> = Object.entries(SCHEMA);
        if (options.answerCases) {
          database.questionSets = new Map();
          // The answers view is made at the first flush, with no question set yet if no case has an answer (an empty workbook).
          database.answersCurrent = false;
          tables.splice(tables.findIndex(([table]) => table === 'answers'), 1, ['answer_cases', ANSWER_CASES]);
        }
        for (const [table, columns] of tables) {
          await database.connection.run(`CREATE TABLE ${table} (${columns.map(([name, type]) => `${name} ${DUCKDB_TYPES[type]}`).join(', ')})`);
        }
      }
      return database;
    } catch (error) {
      instance?.closeSync();
      removeScratch(scratch);
      throw error;
    }
  }

  /** Appends one row; it reaches the table with its batch, at the latest when a query runs (flush). */
  append(table: TableName, values: RowValues): void {
    const line = csvLine(values);
    const batch = this.batch(table);
    batch.parts.push(line);
    batch.characters += line.length;
  }

  /** Appends rows already encoded (tools/csvRows.ts), in a database opened with `answerCases`. */
  appendEncoded(rows: EncodedRows): void {
    if (!this.questionSets) throw new Error('appendEncoded needs a database opened with answerCases');
    for (const [table, bytes] of Object.entries(rows.tables) as Array<[StagedTable, Uint8Array]>) {
      const batch = this.batch(table);
      batch.parts.push(bytes);
      batch.characters += bytes.length;
    }
    for (const [name, questions] of Object.entries(rows.questionSets)) {
      if (this.questionSets.has(name)) continue;
      this.questionSets.set(name, questions);
      this.answersCurrent = false;
    }
  }

  private batch(table: StagedTable): TableBatch {
    let batch = this.batches.get(table);
    if (!batch) this.batches.set(table, (batch = { parts: [], characters: 0 }));
    return batch;
  }

  /** Batches large enough to load now (a long export keeps memory bounded by loading as it goes). */
  pending(): boolean {
    return [...this.batches.values()].some((batch) => batch.characters >= BATCH_CHARACTERS);
  }

  /** Loads every waiting row into its table. */
  async flush(): Promise<void> {
    for (const [table, batch] of this.batches) {
      if (batch.parts.length === 0) continue;
      const file = join(this.scratch, `${table}.csv`);
      writeParts(file, batch.parts);
      this.batches.set(table, { parts: [], characters: 0 });
      const types = (table === 'answer_cases' ? ANSWER_CASES : SCHEMA[table]).map(([name, type]) => `'${name}': '${DUCKDB_TYPES[type]}'`).join(', ');
      await this.connection.run(
        `INSERT INTO ${table} SELECT * FROM read_csv('${file.replace(/'/g, "''")}', header = false, quote = '"', escape = '"', allow_quoted_nulls = false, columns = {${types}})`,
      );
    }
    if (this.questionSets && !this.answersCurrent) {
      await this.connection.run(`CREATE OR REPLACE VIEW answers AS ${answersQuery(this.questionSets)}`);
      this.answersCurrent = true;
    }
  }

  /** Runs SQL and returns its rows, BIGINTs as numbers. */
  async rows(sql: string): Promise<ResultRow[]> {
    await this.flush();
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJS().map((row) => {
      const plain: ResultRow = {};
      for (const [key, value] of Object.entries(row)) plain[key] = typeof value === 'bigint' ? Number(value) : (value as string | number | boolean | null);
      return plain;
    });
  }

  /** Runs one of the method's queries (sql/NAME.sql) as it is in the repository. */
  async query(query: Query): Promise<ResultRow[]> {
    return this.rows(queryText(query));
  }

  /** Writes every table to DIR/TABLE.parquet (or .csv, with a header row). */
  async writeTables(dir: string, format: FileFormat): Promise<string[]> {
    await this.flush();
    const written: string[] = [];
    for (const table of Object.keys(SCHEMA)) {
      const file = join(dir, `${table}.${format}`);
      const options = format === 'parquet' ? "FORMAT PARQUET, COMPRESSION ZSTD" : 'FORMAT CSV, HEADER TRUE';
      await this.connection.run(`COPY (SELECT * FROM ${table}) TO '${file.replace(/'/g, "''")}' (${options})`);
      written.push(file);
    }
    return written;
  }

  /** Reads the tables from DIR/TABLE.parquet or .csv files written by `export` (views over them: nothing is copied). */
  async attachTables(dir: string, format: FileFormat): Promise<void> {
    for (const [table, columns] of Object.entries(SCHEMA)) {
      const file = join(dir, `${table}.${format}`).replace(/'/g, "''");
      const source =
        format === 'parquet'
          ? `read_parquet('${file}')`
          : `read_csv('${file}', header = true, columns = {${columns.map(([name, type]) => `'${name}': '${DUCKDB_TYPES[type]}'`).join(', ')}})`;
      await this.connection.run(`CREATE VIEW ${table} AS SELECT * FROM ${source}`);
    }
  }

  /** Closes the database and removes its scratch folder, whatever happens on the way. */
  close(): void {
    this.batches.clear();
    try {
      this.connection.closeSync();
      this.instance.closeSync();
    } finally {
      removeScratch(this.scratch);
    }
  }
}
