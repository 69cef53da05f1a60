/**
 * `npm run demo`: the add-on, offline, on the bundled example inspection (Thames Valley CRC, 2019).
 *
 * Opens examples/thames-valley-2019/thames-valley-2019.xlsx in the offline Apps Script runtime and
 * uses the built add-on (dist/Code.js) as a user would: install, New inspection (which recognises
 * the imported tabs), Generate summaries. Then prints the report's ratings page as the evaluated
 * Ratings and Key questions tabs show it, and writes the rated workbook, summary tabs included.
 */
import { join, relative } from 'node:path';
import type { Overview } from '../src/addon/sidebarApi';
import { wholePercentOfFraction } from '../src/core/bands';
import { CRC_2018 } from '../src/core/frameworks/crc2018';
import { caseTabLayouts } from '../src/core/workbook';
import { WORKBOOK_NAME } from '../examples/thames-valley-2019/workbook';
import { AddonRuntime, loadAddon } from '../runtime';
import { readXlsxWorkbook, writeXlsx } from './xlsx';

export interface DemoOptions {
  /** The repository root: dist/ and the example are found from it. */
  root: string;
  /** The workbook to open (default: the bundled example). */
  example?: string;
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
}

export const EXAMPLE = join('examples', 'thames-valley-2019', 'thames-valley-2019.xlsx');
export const RATED = join('out', 'thames-valley-2019-rated.xlsx');

const percent = (value: unknown) => (typeof value === 'number' ? `${wholePercentOfFraction(value)}%` : 'qualitative');

/** The ratings page from the evaluated Ratings and Key questions tabs: each standard, its key questions and rating. */
export function ratingsPage(rt: AddonRuntime): string[] {
  const ratings = rt.sheetValues('Ratings');
  const byStandard = new Map(ratings.slice(1).map((row) => [String(row[0]), row]));
  const keyQuestions = rt.sheetValues('Key questions').filter((row) => /^\d+\.\d+\.\d+$/.test(String(row[1])));
  const standards = ratings.slice(1).filter((row) => /^\d+\.\d+$/.test(String(row[0])));
  const nameWidth = Math.max(...standards.map((row) => `${row[0]} ${row[1]}`.length));
  const lines: string[] = [];
  for (const domain of CRC_2018.domains) {
    lines.push(`${domain.id}. ${domain.name}`);
    for (const standard of domain.standards) {
      const row = byStandard.get(standard.id);
      if (!row) continue;
      const questions = keyQuestions.filter((cells) => String(cells[1]).startsWith(`${standard.id}.`)).map((cells) => `${cells[1]} ${percent(cells[5])}`);
      const move = String(row[5] ?? '').replace(/^Panel: /, 'panel: ');
      lines.push(`  ${`${row[0]} ${row[1]}`.padEnd(nameWidth)}  ${String(row[2]).padEnd(20)}  ${questions.join('  ')}${move ? `  (${move})` : ''}`.trimEnd());
    }
  }
  const overall = (label: string) => ratings.find((row) => row[0] === label)?.[2];
  lines.push('', `Overall: ${overall('Overall score')}/${standards.length * 3}, ${overall('Overall rating')}`);
  return lines;
}

/** Opens the example, runs the add-on as a user would, and writes the rated workbook. */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const example = options.example ?? join(options.root, EXAMPLE);
  const outFile = options.out ?? join(options.root, RATED);
  const workbook = await readXlsxWorkbook(example, { name: WORKBOOK_NAME });
  const rt = loadAddon({ bundleDir: join(options.root, 'dist'), spreadsheet: workbook });
  rt.install();
  rt.clickMenuItem('New inspection');
  const setup = rt.ui.alerts[rt.ui.alerts.length - 1].prompt.split('\n\n');
  // The sidebar's overview lists the case tabs the add-on counts as its own: each imported one must be there.
  const adopted = rt.runFromSidebar<Overview>('getOverview').progress.map((tab) => tab.tab);
  const missing = caseTabLayouts(CRC_2018).map((layout) => layout.name).filter((tab) => !adopted.includes(tab));
  if (missing.length > 0) throw new Error(`New inspection did not take over the imported tabs ${missing.join(', ')}:\n${setup.join('\n')}`);
  const summaries = rt.call<{ lines: string[] }>('runGenerateSummaries').lines;
  const quality = String(rt.sheetValues('Data quality')[0]?.[0] ?? '');
  const lines = [...ratingsPage(rt), '', quality];
  // Excel and LibreOffice lack the add-on's functions: their cells go out as values (a snapshot).
  await writeXlsx(rt.workbook, outFile, { arrayFunctions: ['ARRAYFORMULA'], asValues: rt.customFunctionNames });
  return { lines, setup, summaries, outFile, runtime: rt };
}

async function main(): Promise<void> {
  const root = join(__dirname, '..');
  console.log(`Opening ${EXAMPLE} with the built add-on (dist/Code.js), offline.`);
  const result = await runDemo({ root });
  console.log(['', 'New inspection:', ...result.setup.map((line) => `  ${line}`), 'Generate summaries:', ...result.summaries.map((line) => `  ${line}`), ''].join('\n'));
  console.log('Thames Valley Community Rehabilitation Company (2019): ratings\n');
  console.log(result.lines.join('\n'));
  console.log(`\nWrote ${relative(process.cwd(), result.outFile)} (case tabs and every summary tab, formulas with their values).`);
}

// Run as a tool (tools/run.mjs puts the tool's path in argv[1]), not when a test imports runDemo.
if (process.argv[1] === join(__dirname, 'demo.ts')) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
