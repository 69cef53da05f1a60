/**
 * DuckDB, the embedded SQL engine (docs/programme.md): the long-format tables of
 * tools/programmeData.ts in an in-process database, the method's queries (sql/*.sql) run on them,
 * and the tables written as Parquet or CSV files or read back from them. @duckdb/node-api is loaded
 * here only, so commands that do not use SQL never load it.
 */
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ColumnType, RowSink, RowValues, SCHEMA, TableName } from './programmeData';

/** The method's queries, one file each, as they run on DuckDB and BigQuery alike. */
export const SQL_DIR = join(__dirname, '..', 'sql');

export type Query = 'key_questions' | 'prompts' | 'standards' | 'overall' | 'programme' | 'slices';

/** A query's text as the repository holds it. */
export function queryText(query: Query): string {
  return readFileSync(join(SQL_DIR, `${query}.sql`), 'utf8');
}

const DUCKDB_TYPES: Record<ColumnType, string> = { INT64: 'BIGINT', STRING: 'VARCHAR', BOOL: 'BOOLEAN' };
/**
 * Rows wait as CSV text and reach DuckDB a batch at a time through its CSV reader: measured several
 * times faster than its appender, which crosses into native code once per value.
 */
const BATCH_CHARACTERS = 16_000_000;

interface TableBatch {
  lines: string[];
  characters: number;
}

/** A value as a CSV field: NULL unquoted and empty, text always quoted (so '' stays an empty text). */
function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'string') return `"${value.includes('"') ? value.replace(/"/g, '""') : value}"`;
  return String(value);
}

/** A row as a query returns it: numbers as numbers (counts fit in 2^53), text, booleans, null. */
export type ResultRow = Record<string, string | number | boolean | null>;

export type FileFormat = 'parquet' | 'csv';

/** An in-memory DuckDB holding the tables: rows are appended, then the method's queries run. */
export class ProgrammeDatabase implements RowSink {
  private batches = new Map<TableName, TableBatch>();

  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    private readonly scratch: string,
  ) {}

  /**
   * A new database; `withTables` creates the tables empty, ready for rows (else load them from
   * files). `onDisk` keeps the tables in a scratch file, compressed, with DuckDB's memory capped:
   * an export of a whole programme then needs memory for one workbook, not for every answer.
   */
  static async open(options: { withTables?: boolean; threads?: number; onDisk?: boolean } = {}): Promise<ProgrammeDatabase> {
    const scratch = mkdtempSync(join(tmpdir(), 'inspection-ratings-sql-'));
    const settings: Record<string, string> = { threads: String(options.threads ?? 2) };
    if (options.onDisk) Object.assign(settings, { memory_limit: '256MB', temp_directory: join(scratch, 'spill') });
    const instance = await DuckDBInstance.create(options.onDisk ? join(scratch, 'programme.duckdb') : ':memory:', settings);
    const database = new ProgrammeDatabase(instance, await instance.connect(), scratch);
    if (options.withTables !== false) {
      for (const [table, columns] of Object.entries(SCHEMA)) {
        await database.connection.run(`CREATE TABLE ${table} (${columns.map(([name, type]) => `${name} ${DUCKDB_TYPES[type]}`).join(', ')})`);
      }
    }
    return database;
  }

  /** Appends one row; it reaches the table with its batch, at the latest when a query runs (flush). */
  append(table: TableName, values: RowValues): void {
    let batch = this.batches.get(table);
    if (!batch) this.batches.set(table, (batch = { lines: [], characters: 0 }));
    const line = values.map(csvField).join(',');
    batch.lines.push(line);
    batch.characters += line.length;
  }

  /** Batches large enough to load now (a long export keeps memory bounded by loading as it goes). */
  pending(): boolean {
    return [...this.batches.values()].some((batch) => batch.characters >= BATCH_CHARACTERS);
  }

  /** Loads every waiting row into its table. */
  async flush(): Promise<void> {
    for (const [table, batch] of this.batches) {
      if (batch.lines.length === 0) continue;
      const file = join(this.scratch, `${table}.csv`);
      writeFileSync(file, `${batch.lines.join('\n')}\n`);
      this.batches.set(table, { lines: [], characters: 0 });
      const types = SCHEMA[table].map(([name, type]) => `'${name}': '${DUCKDB_TYPES[type]}'`).join(', ');
      await this.connection.run(
        `INSERT INTO ${table} SELECT * FROM read_csv('${file.replace(/'/g, "''")}', header = false, quote = '"', escape = '"', allow_quoted_nulls = false, columns = {${types}})`,
      );
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

  close(): void {
    this.batches.clear();
    this.connection.closeSync();
    this.instance.closeSync();
    rmSync(this.scratch, { recursive: true, force: true });
  }
}
