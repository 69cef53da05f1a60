import { wilsonInterval } from '../core/programme';
import { cellFunction, CONFIDENCE_PARAM } from './params';

export const PERCENT_INTERVAL = cellFunction(
  {
    summary:
      "How sure a percentage is: Wilson's score interval of Yes out of the applicable cases, at 80% confidence unless another is given. Gives the lower and upper limits side by side, as fractions; ranges give one row per element.",
    example: 'PERCENT_INTERVAL(61, 79, 0.8)',
    params: [
      { name: 'yes', type: 'number', description: 'The number of cases answered Yes, or a range of them.', check: { kind: 'count', label: 'Yes', min: 0 } },
      { name: 'applicable', type: 'number', description: 'The number of applicable cases (Yes + No), or a range of them.', check: { kind: 'count', label: 'Applicable', min: 0 } },
      CONFIDENCE_PARAM,
    ],
    returns: 'Two cells, lower and upper, as fractions (format them as percentages); over ranges, one row per element, blank for a blank element.',
  },
  (yes, applicable, confidence) => {
    const { lower, upper } = wilsonInterval(yes as number, applicable as number, confidence as number);
    return [lower, upper];
  },
  { row: 2 },
);
