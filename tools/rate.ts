/**
 * `npm run rate -- FILE [--out FILE] [--json] [--html PAGE] [--docx REPORT [--panel-pack]]` (docs/commands.md): rates a user's .xlsx offline.
 *
 * Reads the workbook's values (a streaming reader) and its framework and case tabs (the add-on's own
 * workbook model), prints the ratings page and the data problems, the JSON line and the page. The
 * rated workbook (--out, or out/<name>-rated.xlsx when neither --json nor --html is given) is made
 * by the built add-on in the offline runtime: New inspection, Generate summaries. The
 * input file is only ever read. Exit status 0 when the workbook was read, problems or not; 2 with
 * one line naming the file and what is wrong when it cannot be used, and then nothing is written.
 */
import { basename, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { RatingsReport, reportJson } from '../src/core/report';
import { workbookReport } from '../src/core/workbookReport';
import { moreProblems, problemList } from '../src/report/view';
import { npmArguments, typedCommand } from './npmArguments';
import { Output, refusedOutputs } from './outputs';
import { ratingsPageLines } from './ratingsText';
// The add-on's session (the offline runtime, ExcelJS) and the page's charts (Vega) load only for the outputs that use them.
import { cellCount, commandLine, fileReader, InputError, ratableModelOf, readValuesFile } from './workbookFiles';
import type { XlsxValues } from './xlsxValues';

export interface RateOptions {
  /** The repository root: dist/ and the default out/ are found from it. */
  root: string;
  file: string;
  out?: string;
  html?: string;
  /** The Word document (.docx): the draft report, or the panel pack with `panelPack`. */
  docx?: string;
  panelPack?: boolean;
  /** Whether the JSON line was asked for: with it, --html or --docx and no --out, no workbook is written. */
  json?: boolean;
  /** Replace an existing .xlsx at --out that no earlier run wrote. */
  force?: boolean;
  /** Told each step of the rated workbook, on long work (tools/workbookSession.ts progressSteps). */
  progress?: (line: string) => void;
  /** The cells from which work counts as long (default PROGRESS_CELLS). */
  progressFrom?: number;
}

export interface RateResult {
  report: RatingsReport;
  /** What New inspection and Generate summaries reported; empty when no workbook was written. */
  setup: string[];
  summaries: string[];
  /** The tabs read as the framework's case tabs (their names now). */
  caseTabs: string[];
  /** The rated workbook written, if one was. */
  outFile?: string;
  /** The places the draft report marks for the inspectors to write (none without --docx, or with --panel-pack). */
  toWrite: string[];
}

/**
 * Rates one workbook file; throws InputError (before writing anything) when it cannot be used.
 * The ratings come from the file's values through the workbook model, without the add-on; only the
 * rated workbook (--out, or by default when neither --json nor --html is asked for) runs the add-on.
 */
export async function rate(options: RateOptions): Promise<RateResult> {
  const file = options.file;
  const name = basename(file, extname(file));
  const writesWorkbook = options.out !== undefined || (!options.json && options.html === undefined && options.docx === undefined);
  const outFile = writesWorkbook ? (options.out ?? join(options.root, 'out', `${name}-rated.xlsx`)) : undefined;
  const outputs: Output[] = [
    ...(outFile ? [{ file: outFile, option: '--out', replaces: true, format: 'xlsx' as const }] : []),
    ...(options.html ? [{ file: options.html, option: '--html', replaces: true, format: 'html' as const }] : []),
    ...(options.docx ? [{ file: options.docx, option: '--docx', replaces: true, format: 'docx' as const }] : []),
  ];
  // Every output is checked before anything is read or written: a refusal writes nothing.
  const refused = await refusedOutputs([file], outputs, { force: options.force });
  if (refused) throw new InputError(refused);
  // Let, not const: the rated workbook lets go of the values once it has read them (see below).
  let values: XlsxValues | undefined = await readValuesFile(file);
  const model = ratableModelOf(fileReader(values), file);
  // With the rated workbook the report comes from the add-on's session; without it, from the values.
  let report: RatingsReport;
  let setup: string[] = [];
  let summaries: string[] = [];
  if (!outFile) report = workbookReport(fileReader(values), model);
  else {
    // The rated workbook: the add-on in the offline runtime completes the tabs and writes its live summaries.
    const { generateSummaries, openSession, progressSteps, ratedWorkbookRefusal, readWorkbookFile, sessionReport, withBoundedHeap, writeWorkbook } = await import('./workbookSession');
    const cells = cellCount(values);
    const tooLarge = ratedWorkbookRefusal(file, cells);
    if (tooLarge) throw new InputError(tooLarge);
    const step = progressSteps(cells, options.progress, options.progressFrom);
    step(`rate: ${cells.toLocaleString('en-GB')} cells; reading the workbook for the rated workbook…`);
    ({ report, setup, summaries } = await withBoundedHeap(cells, async () => {
      const workbook = await readWorkbookFile(file, name, values);
      // The engine holds every cell from here: the values read first (a tenth of the heap at 10,000 cases) can go.
      values = undefined;
      step('rate: New inspection…');
      const session = openSession(options.root, workbook, model);
      step('rate: Generate summaries…');
      const lines = generateSummaries(session);
      const made = { report: sessionReport(session), setup: session.setup, summaries: lines };
      step(`rate: writing ${outFile}…`);
      await writeWorkbook(session, outFile, { mark: 'rate' });
      return made;
    }));
    step('rate: the rated workbook is written');
  }
  // Documents drawn from the report model alone: the printable page and the Word document.
  if (options.html) await (await import('./ratingsPage')).writeRatingsPage(report, options.html);
  // docx and resvg load only when a report is asked for: every other rate starts as fast as before.
  const toWrite = options.docx ? await (await import('./reportDocx')).writeReportDocx(report, options.docx, options.panelPack ? 'panelPack' : 'draft') : [];
  return { report, setup, summaries, caseTabs: model.caseTabs.map((found) => found.tab), toWrite, ...(outFile ? { outFile } : {}) };
}

/** The problems as printed: tab, cell and message, the first LIST_CAP of them (src/core/lists.ts), in the view's one order. */
export function problemLines(report: RatingsReport): string[] {
  const list = problemList(report.problems, report.problemCount);
  if (list.count === 0) return ['Data problems: none.'];
  const more = moreProblems(list.count, list.listed.length, 'all are on the Data quality tab of the rated workbook');
  return [`${list.heading}:`, ...list.listed.map((problem) => `  ${problem.where}: ${problem.message}`), ...(more ? [`  ${more}`] : [])];
}

/** What the draft report leaves the inspectors to write, as `rate --docx` lists it. */
export function toWriteLines(toWrite: string[]): string[] {
  return toWrite.length === 0 ? [] : [`To write in the draft report (${toWrite.length}):`, ...toWrite.map((placeholder) => `  ${placeholder}`), ''];
}

const USAGE = `Usage: ${typedCommand('rate')} FILE [--out FILE] [--json] [--html PAGE] [--docx REPORT [--panel-pack]] [--force]`;

async function main(): Promise<number> {
  const { args, refused } = npmArguments(process.argv.slice(2), { usage: 'rate -- FILE --json --out FILE', switches: ['json', 'panel-pack', 'force'], valued: ['out', 'html', 'docx'] });
  if (refused) throw new InputError(refused);
  const { values, positionals } = commandLine(
    () => parseArgs({ args, options: { out: { type: 'string' }, json: { type: 'boolean' }, 'panel-pack': { type: 'boolean' }, force: { type: 'boolean' }, html: { type: 'string' }, docx: { type: 'string' } }, allowPositionals: true }),
    USAGE,
  );
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
    docx: values.docx === undefined ? undefined : resolve(here, values.docx),
    json: values.json === true,
    panelPack: values['panel-pack'] === true,
    force: values.force === true,
    progress: (line) => console.error(line),
  });
  const shown = (path: string) => relative(here, path) || path;
  if (result.outFile) console.log(['New inspection:', ...result.setup.map((line) => `  ${line}`), 'Generate summaries:', ...result.summaries.map((line) => `  ${line}`), ''].join('\n'));
  console.log(`${result.report.framework.name}: ratings\n`);
  console.log([...ratingsPageLines(result.report), '', ...problemLines(result.report), ''].join('\n'));
  const written = [result.outFile, values.html, values.docx].flatMap((path) => (path ? [shown(resolve(here, path))] : []));
  if (written.length > 0) console.log(`Wrote ${written.join(', ')}.`);
  if (result.toWrite.length > 0) console.log(toWriteLines(result.toWrite).join('\n'));
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
