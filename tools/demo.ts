/**
 * `npm run demo`: the add-on, offline, on the bundled example inspection (Thames Valley CRC, 2019).
 *
 * Opens examples/thames-valley-2019/thames-valley-2019.xlsx in the offline Apps Script runtime and
 * uses the built add-on (dist/Code.js) as a user would: install, New inspection (which recognises
 * the imported tabs), Generate summaries. Then prints the report's ratings page, computed from the
 * workbook's cells by the method's code (src/core/report.ts), and writes the rated workbook,
 * summary tabs included, and the inspection report as a Word document. `npm run rate` does the same for any workbook.
 */
import { join, relative } from 'node:path';
import type { Overview } from '../src/addon/sidebarApi';
import type { RatingsReport } from '../src/core/report';
import { caseTabLayouts } from '../src/core/workbook';
import { WORKBOOK_NAME } from '../examples/thames-valley-2019/workbook';
import { AddonRuntime } from '../runtime';
import { typedCommand } from './npmArguments';
import { ratingsPageLines } from './ratingsText';
import { generateSummaries, openSession, readWorkbookFile, sessionReport, writeWorkbook } from './workbookSession';

export interface DemoOptions {
  /** The repository root: dist/ and the example are found from it. */
  root: string;
  /** Where to write the rated workbook (default: out/thames-valley-2019-rated.xlsx). */
  out?: string;
}

export interface DemoResult {
  /** The ratings page, line by line, as printed. */
  lines: string[];
  /** What New inspection and Generate summaries reported. */
  setup: string[];
  summaries: string[];
  outFile: string;
  runtime: AddonRuntime;
  /** The report model the page was printed from. */
  report: RatingsReport;
}

export const EXAMPLE = join('examples', 'thames-valley-2019', 'thames-valley-2019.xlsx');
export const RATED = join('out', 'thames-valley-2019-rated.xlsx');
export const REPORT = join('out', 'thames-valley-2019-report.docx');

/** Opens the example, runs the add-on as a user would, and writes the rated workbook. */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const outFile = options.out ?? join(options.root, RATED);
  const session = openSession(options.root, await readWorkbookFile(join(options.root, EXAMPLE), WORKBOOK_NAME));
  const { runtime: rt, setup } = session;
  // The sidebar's overview lists the case tabs the add-on counts as its own: each imported one must be there.
  const adopted = rt.runFromSidebar<Overview>('getOverview').progress.map((tab) => tab.tab);
  const missing = caseTabLayouts(session.framework).map((layout) => layout.name).filter((tab) => !adopted.includes(tab));
  if (missing.length > 0) throw new Error(`New inspection did not take over the imported tabs ${missing.join(', ')}:\n${setup.join('\n')}`);
  const summaries = generateSummaries(session);
  const quality = String(rt.sheetValues('Data quality')[0]?.[0] ?? '');
  const report = sessionReport(session);
  const lines = [...ratingsPageLines(report), '', quality];
  await writeWorkbook(session, outFile, { mark: 'rate' });
  return { lines, setup, summaries, outFile, runtime: rt, report };
}

async function main(): Promise<void> {
  if (process.argv.length > 2) {
    console.error(`${typedCommand('demo').replace(/ --$/, '')} takes no arguments: it rates the bundled example. To rate your own workbook: ${typedCommand('rate')} ${process.argv[2]}`);
    process.exit(2);
  }
  const root = join(__dirname, '..');
  console.log(`Opening ${EXAMPLE} with the built add-on (dist/Code.js), offline.`);
  const result = await runDemo({ root });
  console.log(['', 'New inspection:', ...result.setup.map((line) => `  ${line}`), 'Generate summaries:', ...result.summaries.map((line) => `  ${line}`), ''].join('\n'));
  console.log('Thames Valley Community Rehabilitation Company (2019): ratings\n');
  console.log(result.lines.join('\n'));
  console.log(`\nWrote ${relative(process.cwd(), result.outFile)} (case tabs and every summary tab, formulas with their values).`);
  const report = join(root, REPORT);
  await (await import('./reportDocx')).writeReportDocx(result.report, report);
  console.log(`Wrote ${relative(process.cwd(), report)} (the inspection report as an editable Word document, drafted from the workbook).`);
}

// Run as a tool (tools/run.mjs puts the tool's path in argv[1]), not when a test imports runDemo.
if (process.argv[1] === join(__dirname, 'demo.ts')) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
