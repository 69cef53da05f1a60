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
 * Each workbook's framework and case tabs are read as the add-on reads them (src/core/workbookModel.ts).
 * A missing or unusable file, the same file twice, a copy of a case tab, or workbooks of different
 * frameworks exit with status 2 and one line naming the file; nothing is written then.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { asText } from '../src/addon/cells';
import { wholePercent } from '../src/core/bands';
import { readCaseTable } from '../src/core/caseTable';
import { Framework } from '../src/core/framework';
import { commonFramework, poolKeyQuestions, ProgrammeRow, Provider } from '../src/core/programme';
import { COMPARISON_HEADER, comparisonQuestions } from '../src/core/workbook';
import { buildSpreadsheet, Workbook } from '../runtime';
import { npmArguments } from './npmArguments';
import { refusedOutputs } from './outputs';
import { sameCasesRefusal } from './sameCases';
import { writeXlsx } from './xlsx';
import { caseTabsWanted, fileReader, InputError, readValuesFile, workbookModelOf } from './workbookSession';

/** A file that cannot be pooled: the message is the one line printed. */
export class UnusableFile extends Error {}

export interface ProgrammeProvider extends Provider {
  file: string;
  framework: Framework;
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
    return { name: file, file, tables, framework: model.framework };
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

/** Reads every workbook and pools them (docs/programme.md); an unusable file or a framework mismatch is an UnusableFile. */
export async function aggregate(files: readonly string[]): Promise<Programme> {
  refuseSameFile(files);
  const providers: ProgrammeProvider[] = [];
  for (const file of files) providers.push(await readProvider(file));
  const same = sameCasesRefusal(providers.map(({ file, tables }) => ({ file, caseTabs: tables.map(({ tab, table }) => ({ tab: tab ?? '', rows: [table.columns.map((column) => column.header), ...table.rows] })) })));
  if (same) throw new UnusableFile(same);
  try {
    const framework = commonFramework(providers);
    return { framework, providers, rows: poolKeyQuestions(providers, framework) };
  } catch (error) {
    throw new UnusableFile((error as Error).message);
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

/**
 * The programme workbook: a Comparison tab laid out like an inspection's, pooled figures in its
 * All providers columns, so a lead inspector can paste (or IMPORTRANGE) columns E:F into a new
 * inspection's Comparison tab row for row; and a Providers tab with each inspection's figures.
 */
export function programmeWorkbook(programme: Programme): Workbook {
  const pooled = new Map(programme.rows.map((row) => [row.keyQuestion.id, row]));
  const comparison = [
    COMPARISON_HEADER.map(asText),
    ...comparisonQuestions(programme.framework).map(({ id, text }) => {
      const row = pooled.get(id);
      const figures = row && row.applicable > 0 ? [row.yes / row.applicable, row.applicable] : ['', ''];
      return [asText(id), asText(text), '', '', ...figures];
    }),
  ];
  const providerColumns = programme.providers.flatMap((provider) => [`${basename(provider.file)} %`, `${basename(provider.file)} n`, `${basename(provider.file)} differs`]);
  const providers = [
    ['Standard', 'Key question', 'Yes', 'Applicable', 'Percent', 'Band', ...providerColumns].map(asText),
    ...programme.rows.map((row) => [
      asText(row.standard.id),
      asText(row.keyQuestion.id),
      row.yes,
      row.applicable,
      row.applicable > 0 ? row.yes / row.applicable : '',
      row.band ?? '',
      ...row.providers.flatMap((provider) => [provider.applicable > 0 ? provider.yes / provider.applicable : '', provider.applicable, provider.significant ?? '']),
    ]),
  ];
  const workbook = buildSpreadsheet({ name: `${programme.framework.name}: programme figures`, sheets: { Comparison: comparison, Providers: providers } });
  const layout: Array<[string, unknown[][], number[]]> = [
    ['Comparison', comparison, [3, 5]],
    ['Providers', providers, [5, ...programme.providers.map((_, index) => 7 + 3 * index)]],
  ];
  for (const [name, rows, percentColumns] of layout) {
    const sheet = workbook.sheet(name);
    sheet.frozenRows = 1;
    rows[0].forEach((_, index) => sheet.setFormat(1, index + 1, { fontWeight: 'bold' }));
    for (let row = 2; row <= rows.length; row += 1) for (const column of percentColumns) sheet.setFormat(row, column, { numberFormat: '0%' });
  }
  return workbook;
}

interface Arguments {
  files: string[];
  out?: string;
  json: boolean;
  force: boolean;
}

function parseArguments(argv: readonly string[]): Arguments {
  const files: string[] = [];
  let out: string | undefined;
  let json = false;
  let force = false;
  for (let index = 0; index < argv.length; index += 1) {
    if (argv[index] === '--json') json = true;
    else if (argv[index] === '--force') force = true;
    else if (argv[index] === '--out') {
      out = argv[index + 1];
      index += 1;
      if (!out) throw new UnusableFile('--out needs a file name, e.g. --out out/programme.xlsx.');
    } else files.push(argv[index]);
  }
  if (files.length === 0) throw new UnusableFile('Usage: npm run aggregate -- FILE.xlsx… [--out FILE.xlsx] [--json] [--force]');
  return { files, out, json, force };
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
      await writeXlsx(programmeWorkbook(programme), options.out, { mark: 'aggregate' });
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
