/**
 * `npm run aggregate -- FILE… [--out FILE] [--json]` (docs/programme.md): pools the case tabs of several
 * inspection workbooks of one framework, key question by key question, and marks each provider
 * that differs significantly from all the others pooled (R10).
 *
 * - prints one line per key question: pooled Yes/applicable and percentage, then each provider's
 *   percentage with "*" where it differs;
 * - `--json`: the last line of stdout is docs/programme.md's JSON object;
 * - `--out FILE`: a programme workbook whose Comparison tab is laid out like an inspection's
 *   (same header, same rows in the same order) with the pooled figures in its All providers
 *   columns, and a Providers tab with each provider's figures.
 *
 * Each workbook's framework and case tabs are read as the add-on reads them (src/core/workbookModel.ts),
 * into docs/programme.md's tables, and pooled by the method's SQL (sql/programme.sql) on DuckDB.
 * A missing or unusable file, the same file twice, a copy of a case tab, or workbooks of different
 * frameworks exit with status 2 and one line naming the file; nothing is written then.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Band, wholePercent } from '../src/core/bands';
import { findColumn, readCaseTable, shortHeader } from '../src/core/caseTable';
import { Framework, standardsOf } from '../src/core/framework';
import { commonFramework, ProgrammeRow, Provider } from '../src/core/programme';
import { countedKeyQuestions } from '../src/core/standards';
import { FoundCaseTab, WorkbookReader } from '../src/core/workbookModel';
import type { ResultRow } from './duckdb';
import { npmArguments, typedCommand } from './npmArguments';
import { refusedOutputs } from './outputs';
import { appendFramework, appendInspection, UnusableWorkbook } from './programmeData';
import { sameCasesRefusal } from './sameCases';
import { caseTabsWanted, commandLine, fileReader, InputError, readValuesFile, workbookModelOf } from './workbookFiles';

/** A file that cannot be pooled: the message is the one line printed. */
export class UnusableFile extends Error {}

export interface ProgrammeProvider extends Provider {
  file: string;
  framework: Framework;
  /** The workbook's values and case tabs, as the workbook model found them. */
  reader: WorkbookReader;
  caseTabs: readonly FoundCaseTab[];
}

export interface Programme {
  framework: Framework;
  providers: ProgrammeProvider[];
  rows: ProgrammeRow[];
}

/** One workbook as a provider: its framework and case tabs read by the workbook model the add-on uses. */
export async function readProvider(file: string): Promise<ProgrammeProvider> {
  try {
    const reader = fileReader(await readValuesFile(file));
    const model = workbookModelOf(reader, file);
    if (model.caseTabs.length === 0) throw new UnusableFile(`${file}: no case tab (expected ${caseTabsWanted(model.framework)}).`);
    const tables = model.caseTabs.map(({ tab }) => {
      try {
        return { table: readCaseTable(reader.values(tab)), tab };
      } catch (error) {
        throw new UnusableFile(`${file}: tab "${tab}": ${(error as Error).message}`);
      }
    });
    return { name: file, file, tables, framework: model.framework, reader, caseTabs: model.caseTabs };
  } catch (error) {
    throw error instanceof InputError ? new UnusableFile(error.message) : error;
  }
}

/** The same file given twice (by another path, a link, or the same path), by device and inode: an UnusableFile naming both arguments. */
function refuseSameFile(files: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const file of files) {
    if (!existsSync(file)) continue;
    const { dev, ino } = statSync(realpathSync(file));
    const key = `${dev}:${ino}`;
    const first = seen.get(key);
    if (first !== undefined) throw new UnusableFile(`${first} and ${file} are the same file: give each inspection once, or its cases would be pooled twice.`);
    seen.set(key, file);
  }
}

/**
 * R11 for a programme: a key question one workbook has a column for must be in every other, or its
 * pooled figure would silently leave that inspection out.
 */
function refuseMissingColumns(providers: readonly ProgrammeProvider[], framework: Framework): void {
  const keyQuestions = standardsOf(framework)
    .filter((standard) => standard.kind === 'caseBased')
    .flatMap((standard) => countedKeyQuestions(standard));
  const columnOf = (provider: Provider, id: string) => provider.tables.map(({ table }) => findColumn(table, id)).find(Boolean);
  for (const keyQuestion of keyQuestions) {
    const other = providers.find((provider) => columnOf(provider, keyQuestion.id));
    const lacking = other && providers.find((provider) => !columnOf(provider, keyQuestion.id));
    if (other && lacking) {
      throw new UnusableFile(
        `${lacking.name} has no column for ${keyQuestion.id} ("${shortHeader(columnOf(other, keyQuestion.id)!.header)}"), which ${other.name} has: every range pooled must be the same kind of case tab, with a header starting "${keyQuestion.id} ".`,
      );
    }
  }
}

/** The programme query's rows (sql/programme.sql: one per key question and inspection, in order) as the programme's rows. */
function programmeRows(rows: readonly ResultRow[], framework: Framework): ProgrammeRow[] {
  const standards = new Map(standardsOf(framework).map((standard) => [standard.id, standard]));
  const byKeyQuestion = new Map<string, ProgrammeRow>();
  for (const row of rows) {
    const id = row.key_question as string;
    let pooled = byKeyQuestion.get(id);
    if (!pooled) {
      const standard = standards.get(row.standard as string)!;
      pooled = {
        standard,
        keyQuestion: standard.keyQuestions.find((keyQuestion) => keyQuestion.id === id)!,
        yes: row.pooled_yes as number,
        applicable: row.pooled_applicable as number,
        ...(row.pooled_percent === null ? {} : { percent: row.pooled_percent as number, band: row.pooled_band as Band }),
        providers: [],
      };
      byKeyQuestion.set(id, pooled);
    }
    const count = { yes: row.yes as number, applicable: row.applicable as number };
    pooled.providers.push(row.significant === null ? count : { ...count, significant: row.significant as boolean });
  }
  return [...byKeyQuestion.values()];
}

/**
 * Reads every workbook into docs/programme.md's tables and pools them with sql/programme.sql on
 * DuckDB; an unusable file, an invalid answer or a framework mismatch is an UnusableFile.
 */
export async function aggregate(files: readonly string[]): Promise<Programme> {
  refuseSameFile(files);
  const providers: ProgrammeProvider[] = [];
  for (const file of files) providers.push(await readProvider(file));
  const same = sameCasesRefusal(providers.map(({ file, tables }) => ({ file, caseTabs: tables.map(({ tab, table }) => ({ tab: tab ?? '', rows: [table.columns.map((column) => column.header), ...table.rows] })) })));
  if (same) throw new UnusableFile(same);
  let framework: Framework;
  try {
    framework = commonFramework(providers);
  } catch (error) {
    throw new UnusableFile((error as Error).message);
  }
  // DuckDB loads only for pooling: the other commands never pay for it.
  const { ProgrammeDatabase } = await import('./duckdb');
  const database = await ProgrammeDatabase.open();
  try {
    appendFramework(framework, database);
    providers.forEach((provider, index) => {
      try {
        // The file as given is the inspection's key: two files of one name in different folders stay apart.
        appendInspection({ file: provider.file, inspection: provider.file, position: index + 1, reader: provider.reader, framework, caseTabs: provider.caseTabs }, database);
      } catch (error) {
        throw error instanceof UnusableWorkbook ? new UnusableFile(error.message) : error;
      }
    });
    refuseMissingColumns(providers, framework);
    return { framework, providers, rows: programmeRows(await database.query('programme'), framework) };
  } finally {
    database.close();
  }
}

/** R3: the whole percentage, or null while nothing is applicable. */
function percentOf(count: { yes: number; applicable: number }): number | null {
  return count.applicable > 0 ? wholePercent(count.yes, count.applicable) : null;
}

/** docs/programme.md's JSON: percentages as whole numbers (R3) or null, providers in argument order. */
export function programmeJson(programme: Programme): object {
  return {
    framework: programme.framework.id,
    providers: programme.providers.map((provider) => ({ file: provider.file })),
    keyQuestions: programme.rows.map((row) => ({
      id: row.keyQuestion.id,
      yes: row.yes,
      applicable: row.applicable,
      percent: percentOf(row),
      providers: row.providers.map((provider) => ({
        yes: provider.yes,
        applicable: provider.applicable,
        percent: percentOf(provider),
        significant: provider.significant ?? null,
      })),
    })),
  };
}

/** The printed table: one line per key question, each provider's percentage, "*" where it differs (R10). */
export function programmeLines(programme: Programme): string[] {
  const lines = [
    `${programme.framework.name}: ${programme.providers.length} inspections pooled`,
    ...programme.providers.map((provider, index) => `  [${index + 1}] ${provider.file}`),
    `${'Key question'.padEnd(13)}${'Pooled'.padEnd(18)}${programme.providers.map((_, index) => `[${index + 1}]`.padEnd(7)).join('')}`.trimEnd(),
  ];
  for (const row of programme.rows) {
    const pooled = row.percent === undefined ? '—' : `${row.percent}% (${row.yes}/${row.applicable})`;
    const providers = row.providers.map((provider) => {
      const percent = percentOf(provider);
      return `${percent === null ? '—' : `${percent}%`}${provider.significant ? '*' : ''}`.padEnd(7);
    });
    lines.push(`${row.keyQuestion.id.padEnd(13)}${pooled.padEnd(18)}${providers.join('')}`.trimEnd());
  }
  lines.push('* differs significantly from all the other inspections pooled (two-sided z-test, 0.1).');
  return lines;
}

interface Arguments {
  files: string[];
  out?: string;
  json: boolean;
  force: boolean;
}

const usage = () => `Usage: ${typedCommand('aggregate')} FILE.xlsx… [--out FILE.xlsx] [--json] [--force]`;

function parseArguments(argv: readonly string[]): Arguments {
  if (argv[argv.length - 1] === '--out') throw new UnusableFile('--out needs a file name, e.g. --out out/programme.xlsx.');
  let parsed;
  try {
    parsed = commandLine(() => parseArgs({ args: [...argv], options: { out: { type: 'string' }, json: { type: 'boolean' }, force: { type: 'boolean' } }, allowPositionals: true }), usage());
  } catch (error) {
    throw new UnusableFile((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.out === '') throw new UnusableFile('--out needs a file name, e.g. --out out/programme.xlsx.');
  if (positionals.length === 0) throw new UnusableFile(usage());
  return { files: positionals, out: values.out, json: values.json === true, force: values.force === true };
}

/** The command: prints, writes, and returns the exit status (0, or 2 for an unusable file). */
export async function runAggregate(argv: readonly string[], print: (line: string) => void = console.log, printError: (line: string) => void = console.error): Promise<number> {
  try {
    const options = parseArguments(argv);
    // Checked before reading, so a refusal writes nothing; the programme workbook may replace an earlier one, never an input.
    const refused = options.out === undefined ? undefined : await refusedOutputs(options.files, [{ file: options.out, option: '--out', replaces: true, format: 'xlsx' }], { force: options.force });
    if (refused) throw new UnusableFile(refused);
    const programme = await aggregate(options.files);
    programmeLines(programme).forEach((line) => print(line));
    if (options.out) {
      // The offline runtime and ExcelJS load only when a programme workbook is asked for.
      await (await import('./programmeWorkbook')).writeProgrammeWorkbook(programme, options.out);
      print(`Programme workbook: ${options.out} (paste its Comparison tab's columns E:F into a new inspection's Comparison tab, or IMPORTRANGE them).`);
    }
    if (options.json) print(JSON.stringify(programmeJson(programme)));
    return 0;
  } catch (error) {
    if (!(error instanceof UnusableFile)) throw error;
    printError(error.message);
    return 2;
  }
}

// Run as a tool (tools/run.mjs puts the tool's path in argv[1]), not when a test imports it.
if (process.argv[1] === join(__dirname, 'aggregate.ts')) {
  // npm runs scripts from the package root; the paths are the user's, relative to where they typed them.
  if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
  const { args, refused } = npmArguments(process.argv.slice(2), { usage: 'aggregate -- A.xlsx B.xlsx --json --out FILE', switches: ['json', 'force'], valued: ['out'] });
  if (refused) {
    console.error(refused);
    process.exit(2);
  }
  runAggregate(args).then(
    (status) => {
      process.exitCode = status;
    },
    (error: Error) => {
      console.error(error.message);
      process.exitCode = 1;
    },
  );
}
