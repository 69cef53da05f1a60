/**
 * A workbook opened in the offline runtime with the built add-on (dist/Code.js), used as a person
 * would use it in Sheets: install, New inspection, Generate summaries. Shared by the demo, rate,
 * template and preview commands.
 */
import { readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { Framework } from '../src/core/framework';
import { DEFAULT_FRAMEWORK } from '../src/core/frameworks';
import { WorkbookReader } from '../src/core/workbookModel';
import { FRAMEWORK_TAB_CHOICE, SetupReport } from '../src/addon/setup';
import { AddonRuntime, loadAddon, Workbook } from '../runtime';
import { RatingsReport } from '../src/core/report';
import { workbookReport } from '../src/core/workbookReport';
import { unreadableInput } from './outputs';
import { readXlsxWorkbook, UnreadableXlsx, writeXlsx } from './xlsx';
import type { XlsxValues } from './xlsxValues';
import { formulaAnswersShown, InputError, WorkbookFramework, workbookModelOf } from './workbookFiles';

// What reads values and models without the add-on lives in workbookFiles.ts; its names are here too.
export { caseTabsWanted, cellCount, commandLine, fileReader, formulaAnswersShown, InputError, ratableModelOf, readValuesFile, workbookModelOf } from './workbookFiles';
export type { WorkbookFramework } from './workbookFiles';

/** Reads an .xlsx file into a runtime workbook (with its values, when they were read already: readValuesFile), or fails with an InputError saying why. */
export async function readWorkbookFile(file: string, name?: string, contents?: XlsxValues): Promise<Workbook> {
  const unreadable = unreadableInput(file);
  if (unreadable) throw new InputError(unreadable);
  try {
    return await readXlsxWorkbook(readFileSync(file), { ...(name ? { name } : {}), ...(contents ? { contents } : {}), warn: (line) => console.error(`${file}: ${line}`) });
  } catch (error) {
    if (error instanceof UnreadableXlsx) throw new InputError(`${file}: ${error.message}`);
    throw new InputError(`${file}: not an .xlsx workbook this program can read (${(error as Error).message.split('\n')[0].slice(0, 160)}).`);
  }
}

export interface Session {
  runtime: AddonRuntime;
  framework: Framework;
  /** What New inspection reported, a line per tab. */
  setup: string[];
}

/** A runtime tab's formulas as a list of cells (the formula without "="). */
function formulaCells(workbook: Workbook, tab: string): Array<{ row: number; column: number; text: string }> {
  const cells: Array<{ row: number; column: number; text: string }> = [];
  workbook.sheetFormulas(tab).forEach((row, r) => row.forEach((formula, c) => {
    if (formula) cells.push({ row: r + 1, column: c + 1, text: formula.replace(/^=/, '') });
  }));
  return cells;
}

/** The workbook model's reader over a runtime workbook (the add-on's own reader sees its developer metadata too). */
export function runtimeReader(workbook: Workbook): WorkbookReader {
  // A header is the first row alone, not the whole tab read for it.
  const header = (tab: string) => {
    const sheet = workbook.sheet(tab);
    return workbook.cellValues(sheet, { ...workbook.dataArea(sheet), numRows: 1 })[0] ?? [];
  };
  return { tabNames: () => workbook.sheetNames(), header, values: (tab) => formulaAnswersShown(workbook.sheetValues(tab), () => formulaCells(workbook, tab)) };
}

/** Loads the built add-on over the workbook, installs it and runs New inspection for the framework, as a user would from the sidebar. */
export function openSession(root: string, workbook: Workbook, chosen: WorkbookFramework = { framework: DEFAULT_FRAMEWORK, fromFrameworkTab: false }): Session {
  const runtime = loadAddon({ bundleDir: join(root, 'dist'), spreadsheet: workbook });
  runtime.install();
  const report = runtime.call('runNewInspection', chosen.fromFrameworkTab ? FRAMEWORK_TAB_CHOICE : chosen.framework.id) as SetupReport;
  return { runtime, framework: chosen.framework, setup: report.lines };
}

/** Opens a workbook file in a session for the framework the workbook model reads in it (as the add-on would read it). */
export async function openFileSession(root: string, file: string): Promise<Session> {
  const workbook = await readWorkbookFile(file, basename(file, extname(file)));
  return openSession(root, workbook, workbookModelOf(runtimeReader(workbook), file));
}

/** Generate summaries, from the menu as a user would: a line per tab, or the one line saying why it could not run. */
export function generateSummaries(session: Session): string[] {
  const { runtime } = session;
  runtime.clickMenuItem('Generate summaries');
  return runtime.ui.alerts[runtime.ui.alerts.length - 1].prompt.split('\n\n');
}

/** The ratings computed from the session's cell values (src/core), not from displayed text. */
export function sessionReport(session: Session): RatingsReport {
  const reader = runtimeReader(session.runtime.workbook);
  return workbookReport(reader, workbookModelOf(reader, session.runtime.workbook.name ?? 'workbook'));
}

/**
 * Writes the rated workbook. Excel and LibreOffice lack the add-on's functions: their cells go out
 * as values (a snapshot); with `live`, they stay formulas (with their values cached) for the add-on.
 */
export async function writeWorkbook(session: Session, file: string, options: { live?: boolean; mark?: string } = {}): Promise<void> {
  const { runtime } = session;
  const mark = options.mark ? { mark: options.mark } : {};
  await writeXlsx(runtime.workbook, file, options.live ? { arrayFunctions: ['ARRAYFORMULA', ...runtime.customFunctionNames], ...mark } : { arrayFunctions: ['ARRAYFORMULA'], asValues: runtime.customFunctionNames, ...mark });
}

/**
 * What the rated workbook needs of Node's heap, measured (`npm run bench -- rate`; the heap's
 * high-water mark with its growth bounded, withBoundedHeap): 350 MB at 870,142 cells, of which about
 * 290 MB live at most. About 100 MB of its own (the libraries, the add-on) and 400 bytes a cell of
 * the input: the engine's cell, its edge to the ranges over the tab, and a step's short-lived copy.
 */
export const RATED_WORKBOOK_BASE_BYTES = 100 * 1024 * 1024;
export const RATED_WORKBOOK_BYTES_PER_CELL = 400;

/** Why the rated workbook of a file with `cells` cells cannot be built within `heapLimit` bytes (Node's heap), in one line; undefined when it can. */
export function ratedWorkbookRefusal(file: string, cells: number, heapLimit: number = getHeapStatistics().heap_size_limit): string | undefined {
  const needed = RATED_WORKBOOK_BASE_BYTES + cells * RATED_WORKBOOK_BYTES_PER_CELL;
  if (needed <= heapLimit) return undefined;
  const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  return `${file}: ${cells.toLocaleString('en-GB')} cells are too many for the rated workbook within this machine's memory (about ${gb(needed)} needed, ${gb(heapLimit)} available to Node): split the workbook, or run with NODE_OPTIONS=--max-old-space-size=${Math.ceil(needed / 1024 ** 2)}; rate --json, --html and --docx read it without building the workbook.`;
}

/** The cells (every tab's) from which the rated workbook's steps are reported as they go (about 1,000 cases of a CRC workbook). */
export const PROGRESS_CELLS = 100_000;

/** A step reporter for long work: each step is told, with the seconds so far, when the work is long (`cells` at least PROGRESS_CELLS); silent otherwise. */
export function progressSteps(cells: number, tell: ((line: string) => void) | undefined, threshold: number = PROGRESS_CELLS): (step: string) => void {
  if (!tell || cells < threshold) return () => undefined;
  const start = performance.now();
  return (step) => tell(`${step} (${Math.round((performance.now() - start) / 1000)} s so far)`);
}

/**
 * How far V8 lets the heap grow past what is live while a large rated workbook is built: 10%. The
 * engine holds the whole workbook (about 150 bytes a cell) and each step makes as much again in
 * short-lived arrays; V8's own choice let the heap grow to several times what was live (924 MB at
 * 10,000 cases). With 10% the process stays at 441 MB, for a quarter more time (docs/design.md).
 * V8 reads this setting at every full collection, so a running command can set it.
 */
const RATED_WORKBOOK_HEAP_GROWING_PERCENT = 10;

/**
 * The cells from which the heap's growth is bounded (about 3,500 cases of a CRC workbook). Below
 * it V8's own choice stays well under the bound's aim (350 MB at 174,000 cells) and is faster.
 */
export const BOUNDED_HEAP_CELLS = 300_000;

/** Runs the work on a workbook of `cells` cells, with the heap's growth bounded when it is large, then gives V8 its own choice back. */
export async function withBoundedHeap<T>(cells: number, work: () => Promise<T>): Promise<T> {
  if (cells < BOUNDED_HEAP_CELLS) return work();
  setFlagsFromString(`--heap-growing-percent=${RATED_WORKBOOK_HEAP_GROWING_PERCENT}`);
  try {
    return await work();
  } finally {
    // 0 is V8's default: no fixed factor.
    setFlagsFromString('--heap-growing-percent=0');
  }
}
