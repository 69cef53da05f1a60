import { customFunction, ParamCheck, ParamDoc, PublicFunction, PublicFunctionDoc } from '../publicFunction';
import { describeCell } from '../core/answers';
import { BandThresholds, wholePercentOfFraction } from '../core/bands';
import { DEFAULT_CONFIDENCE } from '../core/statistics';
import { Cell, CellArg, CellResult, isBlank, mapCells, requireFraction, requireNumber } from './cells';

/** A checked value: a number for the numeric kinds, the band thresholds for `thresholds`, undefined for a blank optional one. */
/** The optional confidence level that SAMPLE_SIZE and PERCENT_INTERVAL share: 0.5–0.999, 0.8 if blank (R10). */
export const CONFIDENCE_PARAM: ParamDoc = {
  name: 'confidence',
  type: 'number',
  description: 'Optional: the confidence level as a fraction (80% is 0.8).',
  optional: true,
  check: { kind: 'number', label: 'The confidence', min: 0.5, max: 0.999, example: '80% is 0.8', default: DEFAULT_CONFIDENCE },
};

export type Checked = number | BandThresholds | undefined;

/** R11: one cell read by its parameter's declared kind and range; a blank gives the default. */
export function checkCell(check: ParamCheck, cell: Cell): number | undefined {
  if (isBlank(cell)) return check.kind === 'thresholds' ? undefined : check.default;
  switch (check.kind) {
    case 'fraction':
      return requireFraction(cell, check.label);
    case 'count': {
      const value = requireNumber(cell, check.label);
      if (!Number.isInteger(value) || value < check.min) {
        throw new Error(`${check.label} must be a whole number${check.min === 1 ? ' of cases, 1 or more' : ', 0 or more'}; got ${value}.`);
      }
      return value;
    }
    case 'whole': {
      const value = requireNumber(cell, check.label);
      if (!Number.isInteger(value)) throw new Error(`${check.label} must be a whole number; got ${value}.`);
      return value;
    }
    case 'number': {
      const value = requireNumber(cell, check.label);
      if (value < check.min || value > check.max) throw new Error(`${check.label} must be from ${check.min} to ${check.max} (${check.example}); got ${value}.`);
      return value;
    }
    default:
      throw new Error(`${check.label} takes a range, not one cell.`);
  }
}

/**
 * R4 with a framework's own bands: three fractions, the lowest percentage of Requires improvement,
 * Good and Outstanding (e.g. 0.5, 0.65, 0.8 or the Key questions tab's boundary cells), each a whole
 * percentage above the one before. Blank gives the default bands.
 */
export function readThresholds(arg: CellArg, label: string): BandThresholds | undefined {
  const cells = (Array.isArray(arg) ? arg.flat() : [arg]).filter((cell) => !isBlank(cell));
  if (cells.length === 0) return undefined;
  const percents = cells.map((cell) => wholePercentOfFraction(requireFraction(cell, label)));
  const exact = cells.every((cell, index) => Math.abs((cell as number) * 100 - percents[index]) < 1e-6);
  if (percents.length !== 3 || !exact || !(percents[0] > 0 && percents[0] < percents[1] && percents[1] < percents[2])) {
    throw new Error(
      `${label} must be three whole percentages, each above the one before, where Requires improvement, Good and Outstanding start, e.g. 50%, 65%, 80% (0.5, 0.65, 0.8); got ${cells.map(describeCell).join(', ')}.`,
    );
  }
  return percents as unknown as BandThresholds;
}

/**
 * R11: a custom function whose single-value parameters are declared with a check: each such
 * argument is checked (a blank takes its default) before `run` sees it; a range where one value
 * belongs is refused. Parameters without a check (ranges, headers) are passed on as given.
 */
export function checkedFunction<Args extends CellArg[], R>(doc: Omit<PublicFunctionDoc, 'customFunction'>, run: (...args: Args) => R): PublicFunction<(...args: Args) => R> {
  return customFunction(doc, (...args: Args) => {
    const checked = args.map((arg, index) => {
      const param = doc.params[index];
      if (!param?.check) return arg;
      if (param.check.kind === 'thresholds') return readThresholds(arg, param.check.label);
      if (Array.isArray(arg)) throw new Error(`${param.check.label} takes one value, not a range.`);
      return checkCell(param.check, arg);
    });
    return run(...(checked as Args));
  });
}

function checkedParams(doc: Omit<PublicFunctionDoc, 'customFunction'>): Array<ParamDoc & { check: ParamCheck }> {
  return doc.params.map((param) => {
    if (!param.check) throw new Error(`Parameter ${param.name} declares no check.`);
    return param as ParamDoc & { check: ParamCheck };
  });
}

/**
 * docs/functions.md, R11, R12: a custom function of single values, every parameter declared with its
 * check. Over equal-shaped ranges it answers cell by cell (mapCells); each cell is checked by its
 * parameter's declaration, a blank optional one takes its default, and a row with a required value
 * blank gives a blank. A `thresholds` parameter is one range read for every cell. With `row`, each
 * element answers a row of that width (PERCENT_INTERVAL's lower, upper), one per element.
 */
export function cellFunction(
  doc: Omit<PublicFunctionDoc, 'customFunction'>,
  scalar: (...values: Checked[]) => CellResult | CellResult[],
  options: { row?: number } = {},
): PublicFunction<(...args: CellArg[]) => CellResult | CellResult[][]> {
  const params = checkedParams(doc);
  const mapped = params.filter((param) => param.check.kind !== 'thresholds');
  const required = mapped.flatMap((param, index) => (param.optional ? [] : [index]));
  return customFunction(doc, (...args: CellArg[]) => {
    const whole = new Map(params.flatMap((param, index) => (param.check.kind === 'thresholds' ? [[index, readThresholds(args[index], param.check.label)] as const] : [])));
    const valuesOf = (cells: Cell[]): Checked[] => {
      let position = 0;
      return params.map((param, index) => (whole.has(index) ? whole.get(index) : checkCell(param.check, cells[position++])));
    };
    const cellArgs = params.flatMap((_, index) => (whole.has(index) ? [] : [args[index]]));
    const blankRow = (cells: Cell[]) => required.some((index) => isBlank(cells[index]));
    if (options.row === undefined) {
      return mapCells(cellArgs, (...cells) => (blankRow(cells) ? '' : (scalar(...valuesOf(cells)) as CellResult)), []);
    }
    const width = options.row;
    const one = (cells: Cell[]): CellResult[] => (blankRow(cells) ? Array<CellResult>(width).fill('') : (scalar(...valuesOf(cells)) as CellResult[]));
    if (!cellArgs.some(Array.isArray)) return [one(cellArgs as Cell[])];
    // R12 over ranges: each element answers in its own row; a bad one gives its message there.
    const rows: CellResult[][] = [];
    mapCells(
      cellArgs,
      (...cells) => {
        try {
          rows.push(one(cells));
        } catch (error) {
          rows.push([`Error: ${(error as Error).message}`, ...Array<CellResult>(width - 1).fill('')]);
        }
        return '';
      },
      [],
    );
    return rows;
  });
}
