/**
 * DuckDB, the embedded SQL engine (docs/programme.md): the long-format tables of
 * tools/programmeData.ts in an in-process database, the method's queries (sql/*.sql) run on them,
 * and the tables written as Parquet or CSV files or read back from them. @duckdb/node-api is loaded
 * here only, so commands that do not use SQL never load it.
 */
import { DuckDBAppender, DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
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

/** A row as a query returns it: numbers as numbers (counts fit in 2^53), text, booleans, null. */
export type ResultRow = Record<string, string | number | boolean | null>;

export type FileFormat = 'parquet' | 'csv';

/** An in-memory DuckDB holding the tables: rows are appended, then the method's queries run. */
export class ProgrammeDatabase implements RowSink {
  private appenders = new Map<TableName, { appender: DuckDBAppender; types: ColumnType[] }>();

  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  /** A new database; `withTables` creates the tables empty, ready for rows (else load them from files). */
  static async open(options: { withTables?: boolean; threads?: number } = {}): Promise<ProgrammeDatabase> {
    const instance = await DuckDBInstance.create(':memory:', { threads: String(options.threads ?? 2) });
    const database = new ProgrammeDatabase(instance, await instance.connect());
    if (options.withTables !== false) {
      for (const [table, columns] of Object.entries(SCHEMA)) {
        await database.connection.run(`CREATE TABLE ${table} (${columns.map(([name, type]) => `${name} ${DUCKDB_TYPES[type]}`).join(', ')})`);
      }
    }
    return database;
  }

  /** Appends one row; appenders are opened once per table and flushed before any query. */
  append(table: TableName, values: RowValues): void {
    const entry = this.appenders.get(table);
    if (!entry) throw new Error(`Call prepare() before appending to ${table}.`);
    const { appender, types } = entry;
    values.forEach((value, index) => {
      if (value === null) appender.appendNull();
      else if (types[index] === 'INT64') appender.appendBigInt(BigInt(value as number));
      else if (types[index] === 'BOOL') appender.appendBoolean(value as boolean);
      else appender.appendVarchar(value as string);
    });
    appender.endRow();
  }

  /** Opens an appender for every table (appending is synchronous; opening is not). */
  async prepare(): Promise<void> {
    for (const [table, columns] of Object.entries(SCHEMA) as Array<[TableName, ReadonlyArray<readonly [string, ColumnType]>]>) {
      if (!this.appenders.has(table)) this.appenders.set(table, { appender: await this.connection.createAppender(table), types: columns.map(([, type]) => type) });
    }
  }

  /** Writes what was appended into the tables. */
  flush(): void {
    for (const { appender } of this.appenders.values()) appender.flushSync();
  }

  /** Throws away what was appended since the last flush (a workbook refused half way). */
  clearPending(): void {
    for (const { appender } of this.appenders.values()) appender.clear();
  }

  /** Runs SQL and returns its rows, BIGINTs as numbers. */
  async rows(sql: string): Promise<ResultRow[]> {
    this.flush();
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
    this.flush();
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
    for (const { appender } of this.appenders.values()) appender.closeSync();
    this.appenders.clear();
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
