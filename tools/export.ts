/**
 * `inspection-ratings export FILE… --out DIR [--format parquet|csv] [--by-framework]` (docs/commands.md,
 * docs/programme.md): writes the long-format tables of any number of inspection workbooks — answers
 * (one row per case × prompt or key question), case_fields, question_columns, judgements,
 * inspections, and the framework's standards, key_questions, prompts and bands — as Parquet (the
 * default) or CSV files in DIR, for DuckDB, BigQuery or any SQL engine to run sql/*.sql on.
 *
 * Each workbook is read as the add-on reads it (src/core/workbookModel.ts) from its values (the
 * streaming reader). Workbooks of different frameworks are refused unless --by-framework writes
 * each framework's tables to its own folder, DIR/<framework id>. A missing or unusable file, an
 * invalid answer (named by file, tab, row, column and value), one file given twice, two files
 * holding the same cases (tools/sameCases.ts, as `aggregate` refuses them), two files of one name,
 * or an output that would replace an input exit with status 2 and one line; nothing is written then.
 */
import { existsSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Framework } from '../src/core/framework';
import { commonFramework } from '../src/core/programme';
import type { FileFormat, ProgrammeDatabase } from './duckdb';
import { npmArguments } from './npmArguments';
import { quoteText } from '../src/core/answers';
import { refusedOutputs, unreadableInput } from './outputs';
import { ExportReaders } from './exportReader';
import { appendFramework, inspectionKey, SCHEMA } from './programmeData';
import { sameCasesLine } from './sameCases';
import { commandLine, InputError } from './workbookFiles';

export interface ExportOptions {
  files: readonly string[];
  out: string;
  format: FileFormat;
  /** Write each framework's tables to DIR/<framework id> instead of refusing a mix. */
  byFramework: boolean;
  /** Replace tables already in the folder. */
  force?: boolean;
  /** Worker threads reading the workbooks (default: one per processor, at most 4). */
  threads?: number;
}

export interface ExportResult {
  /** Each framework exported: its id, the folder written, its inspections and answer rows. */
  written: Array<{ framework: string; dir: string; inspections: number; answers: number }>;
}

/**
 * The script a worker thread loads to read workbooks: this command's bundle (tools/run.mjs), which
 * serves reads when the pool starts it (tools/exportReader.ts). From the TypeScript sources (the
 * tests) there is none, and the workbooks are read on the main thread.
 */
const WORKER_SCRIPT = __filename.endsWith('.ts') ? undefined : __filename;

const USAGE = 'Usage: inspection-ratings export FILE.xlsx… --out DIR [--format parquet|csv] [--by-framework] [--force]';

/** One file given twice (a link, another spelling), or two files whose names would be one inspection key. */
function refuseRepeats(files: readonly string[]): void {
  const seen = new Map<string, string>();
  const keys = new Map<string, string>();
  for (const file of files) {
    const unreadable = unreadableInput(file);
    if (unreadable) throw new InputError(unreadable);
    const { dev, ino } = statSync(realpathSync(file));
    const first = seen.get(`${dev}:${ino}`);
    if (first !== undefined) throw new InputError(`${first} and ${file} are the same file: give each inspection once, or its cases would be counted twice.`);
    seen.set(`${dev}:${ino}`, file);
    const key = inspectionKey(file);
    const same = keys.get(key);
    if (same !== undefined) throw new InputError(`${same} and ${file} would both be inspection "${key}" (the file's name): rename one so each inspection has its own name.`);
    keys.set(key, file);
  }
}

/** Where a framework's tables go. */
function folderOf(options: Pick<ExportOptions, 'out' | 'byFramework'>, framework: string): string {
  return options.byFramework ? join(options.out, framework) : options.out;
}

/** A framework id that can name a folder of its own under --out (a Framework tab's id is any text). */
const FOLDER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The outputs for the frameworks' ids, checked against the inputs before anything is written: each
 * folder must take new files, and a table already there (an earlier export, or someone's own file
 * of that name) is replaced only with --force.
 */
async function refuseOutputs(options: ExportOptions, ids: readonly string[]): Promise<void> {
  const unsafe = ids.find((id) => id !== '' && !FOLDER_NAME.test(id));
  if (unsafe !== undefined) throw new InputError(`The framework id "${quoteText(unsafe)}" cannot name a folder under --out: with --by-framework, use ids of letters, digits, dots, hyphens and underscores.`);
  const outputs = ids.flatMap((id) => Object.keys(SCHEMA).map((table) => ({ file: join(folderOf(options, id), `${table}.${options.format}`), option: '--out', replaces: true })));
  const refused = await refusedOutputs(options.files, outputs);
  if (refused) throw new InputError(refused);
  const existing = options.force ? undefined : outputs.find(({ file }) => existsSync(file));
  if (existing) throw new InputError(`${quoteText(existing.file)}: already exists; choose an --out folder without the tables, or add --force to replace them.`);
}

/**
 * Reads every workbook once, a few at a time on worker threads (memory holds a few workbooks' values
 * and rows, and the database's compressed tables), and writes the tables; throws InputError before
 * writing anything when an input cannot be used.
 */
export async function exportTables(options: ExportOptions): Promise<ExportResult> {
  refuseRepeats(options.files);
  if (!options.byFramework) await refuseOutputs(options, ['']);
  // DuckDB loads only here: the other commands never pay for it.
  const { ProgrammeDatabase: Database } = await import('./duckdb');
  type Group = { database: ProgrammeDatabase; sources: Array<{ name: string; framework: Framework }> };
  const groups = new Map<string, Group>();
  // Workbooks are read and turned into rows on worker threads; their rows reach DuckDB here, in the files' order.
  const readers = new ExportReaders(
    options.files.map((file, index) => ({ file, position: index + 1 })),
    WORKER_SCRIPT,
    options.threads,
  );
  /** The hash of each file's case tabs, and the first file that had it: two files holding the same cases are refused as `aggregate` refuses them. */
  const cases = new Map<string, string>();
  /** One object for each framework read alike, however many workbooks follow it. */
  const sameFramework = new Map<string, Framework>();
  try {
    for (const [index, file] of options.files.entries()) {
      const read = await readers.result(index);
      if (read.framework) {
        const key = JSON.stringify(read.framework);
        read.framework = sameFramework.get(key) ?? read.framework;
        sameFramework.set(key, read.framework);
      }
      const id = read.framework?.id;
      let group = id === undefined ? undefined : groups.get(id);
      if (read.framework && !group) {
        const first = groups.values().next().value?.sources[0];
        if (first && !options.byFramework) {
          throw new InputError(
            `${first.name} follows ${first.framework.name} (${first.framework.id}) but ${file} follows ${read.framework.name} (${id}): export one framework at a time, or add --by-framework to write each framework's tables to its own folder.`,
          );
        }
      }
      if ('refusal' in read) throw new InputError(read.refusal);
      if (read.casesHash !== undefined) {
        const same = cases.get(read.casesHash);
        if (same !== undefined) throw new InputError(sameCasesLine(same, file));
        cases.set(read.casesHash, file);
      }
      if (!group) {
        group = { database: await Database.open({ onDisk: true, answerCases: true }), sources: [] };
        groups.set(id!, group);
      }
      group.sources.push({ name: file, framework: read.framework });
      group.database.appendEncoded(read.rows);
      if (group.database.pending()) await group.database.flush();
    }
    // One framework's workbooks may differ (a Framework tab's): their bands must agree, and the framework tables are their union.
    const frameworks = new Map<string, Framework>();
    for (const [id, group] of groups) {
      try {
        frameworks.set(id, commonFramework(group.sources));
      } catch (error) {
        throw new InputError((error as Error).message);
      }
    }
    if (options.byFramework) await refuseOutputs(options, [...groups.keys()]);
    const written: ExportResult['written'] = [];
    for (const [id, group] of groups) {
      appendFramework(frameworks.get(id)!, group.database);
      const dir = folderOf(options, id);
      mkdirSync(dir, { recursive: true });
      await group.database.writeTables(dir, options.format);
      const [{ answers }] = await group.database.rows('SELECT COUNT(*) AS answers FROM answers');
      written.push({ framework: id, dir, inspections: group.sources.length, answers: answers as number });
    }
    return { written };
  } finally {
    await readers.close();
    for (const group of groups.values()) group.database.close();
  }
}

/** The command: prints what it wrote and returns the exit status (0, or 2 with one line for an unusable input). */
export async function runExport(argv: readonly string[], here: string, print: (line: string) => void = console.log, printError: (line: string) => void = console.error): Promise<number> {
  try {
    const { values, positionals } = commandLine(
      () => parseArgs({ args: [...argv], options: { out: { type: 'string' }, format: { type: 'string' }, 'by-framework': { type: 'boolean' }, force: { type: 'boolean' } }, allowPositionals: true }),
      USAGE,
    );
    if (positionals.length === 0) throw new InputError(`${USAGE}: give at least one workbook (.xlsx).`);
    if (values.out === undefined) throw new InputError(`${USAGE}: --out names the folder to write the tables to, e.g. --out out/programme.`);
    const format = values.format ?? 'parquet';
    if (format !== 'parquet' && format !== 'csv') throw new InputError(`--format is parquet or csv, not "${format}".`);
    const result = await exportTables({ files: positionals.map((file) => resolve(here, file)), out: resolve(here, values.out), format, byFramework: values['by-framework'] === true, force: values.force === true });
    for (const { framework, dir, inspections, answers } of result.written) {
      print(`${framework}: ${inspections} inspection${inspections === 1 ? '' : 's'}, ${answers} answers → ${dir} (${Object.keys(SCHEMA).map((table) => `${table}.${format}`).join(', ')})`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    printError(error.message);
    return 2;
  }
}

// Run as a tool (tools/run.mjs puts the tool's path in argv[1]), not when a test imports it.
if (process.argv[1] === join(__dirname, 'export.ts')) {
  const { args, refused } = npmArguments(process.argv.slice(2), { usage: 'export -- A.xlsx B.xlsx --out DIR', switches: ['by-framework', 'force'], valued: ['out', 'format'] });
  if (refused) {
    console.error(refused);
    process.exit(2);
  }
  // npm runs scripts from the package root; the paths are the user's, relative to where they typed them.
  runExport(args, process.env.INIT_CWD ?? process.cwd()).then(
    (status) => {
      process.exitCode = status;
    },
    (error: Error) => {
      console.error(`export failed: ${error.message}`);
      process.exitCode = 1;
    },
  );
}
