/**
 * A workbook opened in the offline runtime with the built add-on (dist/Code.js), used as a person
 * would use it in Sheets: install, New inspection, Generate summaries. Shared by the demo, rate,
 * template and preview commands.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readHeader } from '../src/core/caseTable';
import { Framework } from '../src/core/framework';
import { isMarker, parseMarker } from '../src/core/frameworkChoice';
import { parseFrameworkTab } from '../src/core/frameworkTab';
import { DEFAULT_FRAMEWORK, FRAMEWORKS } from '../src/core/frameworks';
import { caseTabLayouts } from '../src/core/workbook';
import { FRAMEWORK_TAB_CHOICE, SetupReport } from '../src/addon/setup';
import { AddonRuntime, loadAddon, Workbook } from '../runtime';
import { ratingsReport, RatingsReport } from '../src/core/report';
import { unreadableInput } from './outputs';
import { readXlsxWorkbook, UnreadableXlsx, writeXlsx } from './xlsx';

/** An input a command cannot use (a file, an argument): one line saying what is wrong; the command exits 2 and writes nothing. */
export class InputError extends Error {}

/** A command's arguments parsed, or an InputError with the usage when they cannot be. */
export function commandLine<T>(parse: () => T, usage: string): T {
  try {
    return parse();
  } catch (error) {
    throw new InputError(`${usage}: ${(error as Error).message}`);
  }
}

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

/**
 * The workbook's case tabs that New inspection will recognise: a tab named as one of the
 * framework's case tabs whose first row has at least one of that tab's key-question columns.
 */
export function recognisedCaseTabs(workbook: Workbook, framework: Framework): string[] {
  const names = workbook.sheetNames();
  return caseTabLayouts(framework).flatMap((layout) => {
    if (!names.includes(layout.name)) return [];
    const header = new Set((workbook.sheetValues(layout.name)[0] ?? []).map((cell, index) => readHeader(String(cell), index).id));
    const keyQuestions = layout.headers.map((cell, index) => readHeader(cell, index)).filter((column) => column.kind === 'keyQuestion');
    return keyQuestions.some((column) => header.has(column.id)) ? [layout.name] : [];
  });
}

/** What a case tab must look like, for the message when none is recognised. */
export function caseTabsWanted(framework: Framework): string {
  const layouts = caseTabLayouts(framework);
  const first = layouts[0].headers.map((cell, index) => readHeader(cell, index)).find((column) => column.kind === 'keyQuestion')!;
  return `a tab named ${layouts.map((layout) => `"${layout.name}"`).join(', ')} whose first row has key-question columns such as "${first.id} ${first.text.slice(0, 40)}…"`;
}

export interface Session {
  runtime: AddonRuntime;
  framework: Framework;
  /** What New inspection reported, a line per tab. */
  setup: string[];
}

/** A framework chosen for a workbook: built in, or defined on its Framework tab. */
export interface WorkbookFramework {
  framework: Framework;
  fromFrameworkTab: boolean;
}

/**
 * The framework a workbook follows, as the add-on reads it: the `Framework:` header of its case
 * tabs (a built-in id, or the framework its Framework tab defines); without one, the built-in
 * whose case tabs it has (by name and key-question columns), the first on a tie; else its
 * Framework tab; else the default. An unusable Framework tab is an InputError naming its problems.
 */
export function workbookFrameworkOf(workbook: Workbook): WorkbookFramework {
  const names = workbook.sheetNames();
  const markers = names.flatMap((name) => (workbook.sheetValues(name)[0] ?? []).map(String).filter(isMarker));
  const markedId = markers.length > 0 ? parseMarker(markers[0]).id : undefined;
  const builtIn = FRAMEWORKS.find((framework) => framework.id === markedId);
  if (builtIn) return { framework: builtIn, fromFrameworkTab: false };
  const frameworkTab = names.find((name) => name.trim().toLowerCase() === 'framework');
  if (markedId === undefined) {
    const ranked = FRAMEWORKS.map((framework) => ({ framework, tabs: recognisedCaseTabs(workbook, framework).length })).filter((candidate) => candidate.tabs > 0);
    const best = ranked.sort((a, b) => b.tabs - a.tabs)[0];
    if (best) return { framework: best.framework, fromFrameworkTab: false };
    if (!frameworkTab) return { framework: DEFAULT_FRAMEWORK, fromFrameworkTab: false };
  }
  if (!frameworkTab) {
    throw new InputError(`its case tabs follow the framework "${markedId}", which is not built in (${FRAMEWORKS.map((known) => known.id).join(', ')}) and has no Framework tab.`);
  }
  const { framework, problems } = parseFrameworkTab(workbook.sheetValues(frameworkTab), frameworkTab);
  if (!framework) throw new InputError(`its Framework tab has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.slice(0, 3).map((problem) => problem.message).join(' ')}`);
  return { framework, fromFrameworkTab: true };
}

/** Loads the built add-on over the workbook, installs it and runs New inspection for the framework, as a user would from the sidebar. */
export function openSession(root: string, workbook: Workbook, chosen: WorkbookFramework = { framework: DEFAULT_FRAMEWORK, fromFrameworkTab: false }): Session {
  const runtime = loadAddon({ bundleDir: join(root, 'dist'), spreadsheet: workbook });
  runtime.install();
  const report = runtime.call('runNewInspection', chosen.fromFrameworkTab ? FRAMEWORK_TAB_CHOICE : chosen.framework.id) as SetupReport;
  return { runtime, framework: chosen.framework, setup: report.lines };
}

/** Generate summaries, from the menu as a user would: a line per tab, or the one line saying why it could not run. */
export function generateSummaries(session: Session): string[] {
  const { runtime } = session;
  runtime.clickMenuItem('Generate summaries');
  return runtime.ui.alerts[runtime.ui.alerts.length - 1].prompt.split('\n\n');
}

/** The ratings computed from the session's cell values (src/core), not from displayed text. */
export function sessionReport(session: Session): RatingsReport {
  const { workbook } = session.runtime;
  const names = new Set(workbook.sheetNames());
  return ratingsReport(session.framework, (tab) => (names.has(tab) ? workbook.sheetValues(tab) : undefined));
}

/**
 * Writes the rated workbook. Excel and LibreOffice lack the add-on's functions: their cells go out
 * as values (a snapshot); with `live`, they stay formulas (with their values cached) for the add-on.
 */
export async function writeWorkbook(session: Session, file: string, options: { live?: boolean } = {}): Promise<void> {
  const { runtime } = session;
  await writeXlsx(runtime.workbook, file, options.live ? { arrayFunctions: ['ARRAYFORMULA', ...runtime.customFunctionNames] } : { arrayFunctions: ['ARRAYFORMULA'], asValues: runtime.customFunctionNames });
}
