/**
 * `npm run rate -- FILE [--out FILE] [--json] [--html PAGE]` (docs/commands.md): rates a user's .xlsx offline.
 *
 * Opens the workbook in the offline runtime with the built add-on, runs New inspection (which
 * recognises the case tabs and completes them) and Generate summaries, prints the ratings page
 * and the data problems, and writes the rated workbook (default out/<name>-rated.xlsx). The
 * input file is only ever read. Exit status 0 when the workbook was read, problems or not; 2 with
 * one line naming the file and what is wrong when it cannot be used, and then nothing is written.
 */
import { basename, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { RatingsReport, reportJson } from '../src/core/report';
import { npmArguments } from './npmArguments';
import { Output, refusedOutput } from './outputs';
import { ratingsPageLines } from './ratingsText';
import { writeRatingsPage } from './ratingsPage';
import { caseTabsWanted, commandLine, generateSummaries, InputError, openSession, readWorkbookFile, recognisedCaseTabs, sessionReport, workbookFrameworkOf, writeWorkbook } from './workbookSession';

export interface RateOptions {
  /** The repository root: dist/ and the default out/ are found from it. */
  root: string;
  file: string;
  out?: string;
  html?: string;
}

export interface RateResult {
  report: RatingsReport;
  setup: string[];
  summaries: string[];
  outFile: string;
}

/** How many problems the printed page lists; the JSON and the Data quality tab have them all. */
const PRINTED_PROBLEMS = 50;

/** Rates one workbook file; throws InputError (before writing anything) when it cannot be used. */
export async function rate(options: RateOptions): Promise<RateResult> {
  const file = options.file;
  const name = basename(file, extname(file));
  const outFile = options.out ?? join(options.root, 'out', `${name}-rated.xlsx`);
  const outputs: Output[] = [{ file: outFile, option: '--out', replaces: true }, ...(options.html ? [{ file: options.html, option: '--html', replaces: true }] : [])];
  const refused = refusedOutput([file], outputs);
  if (refused) throw new InputError(refused);
  const workbook = await readWorkbookFile(file, name);
  const chosen = (() => {
    try {
      return workbookFrameworkOf(workbook);
    } catch (error) {
      throw new InputError(`${file}: ${(error as Error).message}`);
    }
  })();
  const framework = chosen.framework;
  if (recognisedCaseTabs(workbook, framework).length === 0) {
    throw new InputError(`${file}: no recognisable case tab (expected ${caseTabsWanted(framework)}).`);
  }
  const session = openSession(options.root, workbook, chosen);
  const summaries = generateSummaries(session);
  const report = sessionReport(session);
  await writeWorkbook(session, outFile);
  if (options.html) await writeRatingsPage(report, options.html, name);
  return { report, setup: session.setup, summaries, outFile };
}

/** The problems as printed: tab, cell and message, the first PRINTED_PROBLEMS of them. */
export function problemLines(report: RatingsReport): string[] {
  const { problems } = report;
  if (problems.length === 0) return ['Data problems: none.'];
  const more = problems.length > PRINTED_PROBLEMS ? [`  … and ${problems.length - PRINTED_PROBLEMS} more (all are on the Data quality tab of the rated workbook).`] : [];
  return [`Data problems (${problems.length}):`, ...problems.slice(0, PRINTED_PROBLEMS).map((problem) => `  ${problem.tab}!${problem.cell}: ${problem.message}`), ...more];
}

const USAGE = 'Usage: npm run rate -- FILE [--out FILE] [--json] [--html PAGE]';

async function main(): Promise<number> {
  const { args, refused } = npmArguments(process.argv.slice(2), { usage: 'rate -- FILE --json --out FILE', switches: ['json'], valued: ['out', 'html'] });
  if (refused) throw new InputError(refused);
  const { values, positionals } = commandLine(() => parseArgs({ args, options: { out: { type: 'string' }, json: { type: 'boolean' }, html: { type: 'string' } }, allowPositionals: true }), USAGE);
  if (positionals.length !== 1) {
    console.error(`${USAGE}: give exactly one workbook (.xlsx).`);
    return 2;
  }
  // npm runs scripts from the package root; paths are the user's, relative to where they typed them.
  const here = process.env.INIT_CWD ?? process.cwd();
  const root = join(__dirname, '..');
  const result = await rate({
    root,
    file: resolve(here, positionals[0]),
    out: values.out === undefined ? undefined : resolve(here, values.out),
    html: values.html === undefined ? undefined : resolve(here, values.html),
  });
  const shown = (path: string) => relative(here, path) || path;
  console.log(['New inspection:', ...result.setup.map((line) => `  ${line}`), 'Generate summaries:', ...result.summaries.map((line) => `  ${line}`), ''].join('\n'));
  console.log(`${result.report.framework.name}: ratings\n`);
  console.log([...ratingsPageLines(result.report), '', ...problemLines(result.report), ''].join('\n'));
  console.log(`Wrote ${shown(result.outFile)}${values.html ? ` and ${shown(values.html)}` : ''}.`);
  if (values.json) console.log(JSON.stringify(reportJson(result.report)));
  return 0;
}

// Run as a tool (tools/run.mjs puts the tool's path in argv[1]), not when a test imports rate.
if (process.argv[1] === join(__dirname, 'rate.ts')) {
  main().then(
    (status) => {
      process.exitCode = status;
    },
    (error: Error) => {
      console.error(error instanceof InputError ? error.message : `rate failed: ${error.message}`);
      process.exitCode = error instanceof InputError ? 2 : 1;
    },
  );
}
