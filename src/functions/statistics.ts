import { changeIsSignificant, plannedSampleSize } from '../core/statistics';
import { customFunction } from '../publicFunction';
import { Cell, CellArg, isBlank, mapCells, requireFraction, requireNumber } from './cells';

export const CHANGE_SIGNIFICANT = customFunction(
  {
    summary:
      'Whether the change between two percentages is statistically significant: a two-sided, two-proportion z-test with pooled proportion, at significance level 0.1 unless another is given. Takes whole columns at once.',
    example: 'CHANGE_SIGNIFICANT(0.61, 79, 0.57, 72)',
    params: [
      { name: 'p1', type: 'number', description: 'The first percentage as a fraction (61% is 0.61), or a range.' },
      { name: 'n1', type: 'number', description: 'Its number of applicable cases, or a range.' },
      { name: 'p2', type: 'number', description: 'The percentage compared with, e.g. the previous inspection\'s, or a range.' },
      { name: 'n2', type: 'number', description: 'Its number of applicable cases, or a range.' },
      { name: 'alpha', type: 'number', description: 'Optional: the significance level; 0.1 if blank.', optional: true },
    ],
    returns: 'TRUE or FALSE; a row with a blank input (no comparison figure) gives an empty cell.',
  },
  (p1: CellArg, n1: CellArg, p2: CellArg, n2: CellArg, alpha?: CellArg) =>
    mapCells([p1, n1, p2, n2, alpha], (cellP1: Cell, cellN1: Cell, cellP2: Cell, cellN2: Cell, cellAlpha: Cell) => {
      if ([cellP1, cellN1, cellP2, cellN2].some(isBlank)) return '';
      const level = isBlank(cellAlpha) ? undefined : requireBetween(cellAlpha, 'alpha', 0.001, 0.5, '0.1 is 10%');
      return changeIsSignificant(
        requireFraction(cellP1, 'p1'),
        requireCount(cellN1, 'n1'),
        requireFraction(cellP2, 'p2'),
        requireCount(cellN2, 'n2'),
        level,
      );
    }),
);

export const SAMPLE_SIZE = customFunction(
  {
    summary:
      "The number of cases to inspect from a population, for the given confidence and margin of error (80% and 5 points unless given): Cochran's formula with p = 0.5 and the finite-population correction, rounded up.",
    example: 'SAMPLE_SIZE(1200, 0.8, 0.05)',
    params: [
      { name: 'population', type: 'number', description: 'The number of eligible cases, or a range.' },
      { name: 'confidence', type: 'number', description: 'Optional: the confidence level as a fraction; 0.8 if blank.', optional: true },
      { name: 'margin', type: 'number', description: 'Optional: the margin of error as a fraction (5 points is 0.05); 0.05 if blank.', optional: true },
    ],
    returns: 'A whole number of cases.',
  },
  (population: CellArg, confidence?: CellArg, margin?: CellArg) =>
    mapCells([population, confidence, margin], (cellPopulation: Cell, cellConfidence: Cell, cellMargin: Cell) => {
      if (isBlank(cellPopulation)) return '';
      const size = requireCount(cellPopulation, 'The population');
      const level = isBlank(cellConfidence) ? undefined : requireBetween(cellConfidence, 'The confidence', 0.5, 0.999, '80% is 0.8');
      const error = isBlank(cellMargin) ? undefined : requireBetween(cellMargin, 'The margin', 0.001, 0.5, '5 points is 0.05');
      return plannedSampleSize(size, level, error);
    }),
);

/** A whole number of cases, 1 or more, or an error naming the argument. */
export function requireCount(cell: Cell, what: string): number {
  const value = requireNumber(cell, what);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${what} must be a whole number of cases, 1 or more; got ${value}.`);
  return value;
}

/** A fraction within the range the method can use, or an error naming that range. */
function requireBetween(cell: Cell, what: string, low: number, high: number, example: string): number {
  const value = requireNumber(cell, what);
  if (value < low || value > high) throw new Error(`${what} must be from ${low} to ${high} (${example}); got ${value}.`);
  return value;
}
