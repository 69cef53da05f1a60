import { wilsonInterval } from '../core/programme';
import { customFunction } from '../publicFunction';
import { Cell, CellArg, CellResult, isBlank, mapCells, requireNumber } from './cells';

/** One element's interval as a row: lower, upper. */
function intervalRow(yes: Cell, applicable: Cell, confidence: Cell): CellResult[] {
  const level = isBlank(confidence) ? undefined : requireNumber(confidence, 'The confidence');
  const { lower, upper } = wilsonInterval(requireNumber(yes, 'Yes'), requireNumber(applicable, 'Applicable'), level);
  return [lower, upper];
}

export const PERCENT_INTERVAL = customFunction(
  {
    summary:
      "How sure a percentage is: Wilson's score interval of Yes out of the applicable cases, at 80% confidence unless another is given. Gives the lower and upper limits side by side, as fractions; ranges give one row per element.",
    example: 'PERCENT_INTERVAL(61, 79, 0.8)',
    params: [
      { name: 'yes', type: 'number', description: 'The number of cases answered Yes, or a range of them.' },
      { name: 'applicable', type: 'number', description: 'The number of applicable cases (Yes + No), or a range of them.' },
      { name: 'confidence', type: 'number', description: 'Optional: the confidence level as a fraction; 0.8 if blank.', optional: true },
    ],
    returns: 'Two cells, lower and upper, as fractions (format them as percentages); over ranges, one row per element, blank for a blank element.',
  },
  (yes: CellArg, applicable: CellArg, confidence?: CellArg): CellResult[][] => {
    if (![yes, applicable, confidence].some(Array.isArray)) return [intervalRow(yes as Cell, applicable as Cell, confidence as Cell)];
    // R12: over a range each element answers for itself; mapCells checks the shapes and walks them row by row.
    const rows: CellResult[][] = [];
    // Every element is visited (no blank short-cut): a blank yes or applicable gives a blank row here.
    mapCells(
      [yes, applicable, confidence],
      (yesCell, applicableCell, confidenceCell) => {
        if (isBlank(yesCell) || isBlank(applicableCell)) rows.push(['', '']);
        else {
          try {
            rows.push(intervalRow(yesCell, applicableCell, confidenceCell));
          } catch (error) {
            rows.push([`Error: ${(error as Error).message}`, '']);
          }
        }
        return '';
      },
      [],
    );
    return rows;
  },
);
