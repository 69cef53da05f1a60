/**
 * A workbook opened in the offline runtime with the built add-on (dist/Code.js), used as a person
 * would use it in Sheets: install, New inspection, Generate summaries. Shared by the demo, rate,
 * template and preview commands.
 */
import { readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { Framework } from '../src/core/framework';
import { DEFAULT_FRAMEWORK } from '../src/core/frameworks';
import { WorkbookReader } from '../src/core/workbookModel';
import { FRAMEWORK_TAB_CHOICE, SetupReport } from '../src/addon/setup';
import { AddonRuntime, loadAddon, Workbook } from '../runtime';
import { RatingsReport } from '../src/core/report';
import { workbookReport } from '../src/core/workbookReport';
import { unreadableInput } from './outputs';
import { readXlsxWorkbook, UnreadableXlsx, writeXlsx } from './xlsx';
import { InputError, WorkbookFramework, workbookModelOf } from './workbookFiles';

// What reads values and models without the add-on lives in workbookFiles.ts; its names are here too.
export { caseTabsWanted, commandLine, fileReader, InputError, ratableModelOf, readValuesFile, workbookModelOf } from './workbookFiles';
export type { WorkbookFramework } from './workbookFiles';

/** Reads an .xlsx file into a runtime workbook, or fails with an InputError saying why. */
export async function readWorkbookFile(file: string, name?: string): Promise<Workbook> {
  const unreadable = unreadableInput(file);
  if (unreadable) throw new InputError(unreadable);
  try {
    return await readXlsxWorkbook(readFileSync(file), { ...(name ? { name } : {}), warn: (line) => console.error(`${file}: ${line}`) });
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

/** The workbook model's reader over a runtime workbook (the add-on's own reader sees its developer metadata too). */
export function runtimeReader(workbook: Workbook): WorkbookReader {
  return { tabNames: () => workbook.sheetNames(), header: (tab) => workbook.sheetValues(tab)[0] ?? [], values: (tab) => workbook.sheetValues(tab) };
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
export async function writeWorkbook(session: Session, file: string, options: { live?: boolean } = {}): Promise<void> {
  const { runtime } = session;
  await writeXlsx(runtime.workbook, file, options.live ? { arrayFunctions: ['ARRAYFORMULA', ...runtime.customFunctionNames] } : { arrayFunctions: ['ARRAYFORMULA'], asValues: runtime.customFunctionNames });
}
