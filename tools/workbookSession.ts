/**
 * A workbook opened in the offline runtime with the built add-on (dist/Code.js), used as a person
 * would use it in Sheets: install, New inspection, Generate summaries. Shared by the demo, rate,
 * template and preview commands.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readHeader } from '../src/core/caseTable';
import { Framework } from '../src/core/framework';
import { DEFAULT_FRAMEWORK } from '../src/core/frameworks';
import { caseTabLayouts } from '../src/core/workbook';
import { FRAMEWORK_PROPERTY } from '../src/addon/setup';
import { AddonRuntime, loadAddon, Workbook } from '../runtime';
import { ratingsReport, RatingsReport } from './ratingsReport';
import { readXlsxWorkbook, writeXlsx } from './xlsx';

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
  if (!existsSync(file)) throw new InputError(`${file}: no such file.`);
  if (!statSync(file).isFile()) throw new InputError(`${file}: not a file.`);
  try {
    return await readXlsxWorkbook(readFileSync(file), name ? { name } : {});
  } catch (error) {
    const message = (error as Error).message;
    // An .xlsx is a zip archive; exceljs's own words are about zip internals.
    const reason = /zip|central directory/i.test(message) ? 'it is not a zip archive, as every .xlsx file is' : message.split('\n')[0].slice(0, 160);
    throw new InputError(`${file}: not an .xlsx workbook (${reason}).`);
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

/** Loads the built add-on over the workbook, installs it and runs New inspection (from the menu, as a user would). */
export function openSession(root: string, workbook: Workbook, framework: Framework = DEFAULT_FRAMEWORK): Session {
  const runtime = loadAddon({ bundleDir: join(root, 'dist'), spreadsheet: workbook });
  runtime.install();
  runtime.properties.document.set(FRAMEWORK_PROPERTY, framework.id);
  runtime.clickMenuItem('New inspection');
  const setup = runtime.ui.alerts[runtime.ui.alerts.length - 1].prompt.split('\n\n');
  return { runtime, framework, setup };
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
