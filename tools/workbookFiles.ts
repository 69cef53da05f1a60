/**
 * Reading a workbook file's values and its model (framework, case tabs) without the add-on: the
 * streaming reader and src/core/workbookModel.ts only, so `rate --json`, `aggregate` and `export`
 * load neither ExcelJS nor the offline runtime. tools/workbookSession.ts adds the add-on's session.
 */
import { readHeader } from '../src/core/caseTable';
import { Framework } from '../src/core/framework';
import { caseTabLayouts } from '../src/core/workbook';
import { readWorkbookModel, valuesReader, WorkbookModel, WorkbookReader } from '../src/core/workbookModel';
import { unreadableInput } from './outputs';
import { unreadableXlsxBytes } from './xlsxSignature';
import { NotXlsxError, readXlsxValues, XlsxValues } from './xlsxValues';

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

/** What a case tab must look like, for the message when none is recognised. */
export function caseTabsWanted(framework: Framework): string {
  const layouts = caseTabLayouts(framework);
  const first = layouts[0].headers.map((cell, index) => readHeader(cell, index)).find((column) => column.kind === 'keyQuestion')!;
  return `a tab named ${layouts.map((layout) => `"${layout.name}"`).join(', ')} whose first row has key-question columns such as "${first.id} ${first.text.slice(0, 40)}…"`;
}

/** A framework chosen for a workbook: built in, or defined on its Framework tab. */
export type WorkbookFramework = Pick<WorkbookModel, 'framework' | 'fromFrameworkTab'>;

/**
 * A tab's values with each formula in an answer column (a key question's or a prompt's) in place of
 * its value, as its text ("=IF(…)"): an answer cell holding a formula is a problem named with its
 * cell whatever value the file cached for it, so the values reader (which has only the cached value)
 * and the rated workbook (which recalculates) give one answer. Other cells keep their values.
 */
export function formulaAnswersShown(values: unknown[][], formulas: () => Iterable<{ row: number; column: number; text: string }>): unknown[][] {
  const header = values[0] ?? [];
  const answerColumns = new Set(header.flatMap((cell, index) => (typeof cell === 'string' && readHeader(cell, index).kind !== 'metadata' ? [index + 1] : [])));
  if (answerColumns.size === 0) return values;
  let shown: unknown[][] | undefined;
  const copied = new Set<number>();
  for (const { row, column, text } of formulas()) {
    if (row < 2 || row > values.length || !answerColumns.has(column) || text === '') continue;
    shown ??= values.slice();
    if (!copied.has(row)) {
      shown[row - 1] = shown[row - 1].slice();
      copied.add(row);
    }
    shown[row - 1][column - 1] = `=${text}`;
  }
  return shown ?? values;
}

/** Reads a file's cell values (the fast reader), or fails with an InputError saying why. */
export async function readValuesFile(file: string): Promise<XlsxValues> {
  const unreadable = unreadableInput(file);
  if (unreadable) throw new InputError(unreadable);
  const why = unreadableXlsxBytes(file);
  if (why) throw new InputError(`${file}: ${why}`);
  try {
    return await readXlsxValues(file);
  } catch (error) {
    throw error instanceof NotXlsxError ? new InputError(error.message) : error;
  }
}

/** The workbook model's reader over values read from a file. */
export function fileReader(values: XlsxValues): WorkbookReader {
  return valuesReader(new Map(values.tabNames.map((name) => [name, formulaAnswersShown(values.tabs.get(name) ?? [], () => values.formulas.get(name) ?? [])])));
}

/** The cells of every tab a file's values hold. */
export function cellCount(values: XlsxValues): number {
  let cells = 0;
  for (const rows of values.tabs.values()) cells += rows.length * (rows[0]?.length ?? 0);
  return cells;
}

/**
 * The workbook read by the one model the add-on uses (src/core/workbookModel.ts): its framework and
 * case tabs; an InputError naming the file where it cannot be read that way (frameworks that differ,
 * a copy of a case tab, another framework's case tab, a Framework tab with problems).
 */
export function workbookModelOf(reader: WorkbookReader, file: string): WorkbookModel {
  let model: WorkbookModel;
  try {
    model = readWorkbookModel(reader);
  } catch (error) {
    throw new InputError(`${file}: ${(error as Error).message}`);
  }
  const { problems } = model;
  if (problems.length > 0) throw new InputError(`${file}: its Framework tab has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.slice(0, 3).map((problem) => problem.message).join(' ')}`);
  return model;
}

/** Like workbookModelOf, and an InputError when the workbook has none of its framework's case tabs. */
export function ratableModelOf(reader: WorkbookReader, file: string): WorkbookModel {
  const model = workbookModelOf(reader, file);
  if (model.caseTabs.length === 0) throw new InputError(`${file}: no recognisable case tab (expected ${caseTabsWanted(model.framework)}).`);
  return model;
}
