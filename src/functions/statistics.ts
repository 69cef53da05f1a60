import { changeIsSignificant, DEFAULT_ALPHA, DEFAULT_MARGIN, plannedSampleSize } from '../core/statistics';
import { cellFunction, CONFIDENCE_PARAM } from './params';

export const CHANGE_SIGNIFICANT = cellFunction(
  {
    summary:
      'Whether the change between two percentages is statistically significant: a two-sided, two-proportion z-test with pooled proportion, at significance level 0.1 unless another is given. Takes whole columns at once.',
    example: 'CHANGE_SIGNIFICANT(0.61, 79, 0.57, 72)',
    params: [
      { name: 'p1', type: 'number', description: 'The first percentage as a fraction (61% is 0.61), or a range.', check: { kind: 'fraction', label: 'p1' } },
      { name: 'n1', type: 'number', description: 'Its number of applicable cases, or a range.', check: { kind: 'count', label: 'n1', min: 1 } },
      { name: 'p2', type: 'number', description: "The percentage compared with, e.g. the previous inspection's, or a range.", check: { kind: 'fraction', label: 'p2' } },
      { name: 'n2', type: 'number', description: 'Its number of applicable cases, or a range.', check: { kind: 'count', label: 'n2', min: 1 } },
      {
        name: 'alpha',
        type: 'number',
        description: 'Optional: the significance level.',
        optional: true,
        check: { kind: 'number', label: 'alpha', min: 0.001, max: 0.5, example: '0.1 is 10%', default: DEFAULT_ALPHA },
      },
    ],
    returns: 'TRUE or FALSE; a row with a blank input (no comparison figure) gives an empty cell.',
  },
  (p1, n1, p2, n2, alpha) => changeIsSignificant(p1 as number, n1 as number, p2 as number, n2 as number, alpha as number),
);

export const SAMPLE_SIZE = cellFunction(
  {
    summary:
      "The number of cases to inspect from a population, for the given confidence and margin of error (80% and 5 points unless given): Cochran's formula with p = 0.5 and the finite-population correction, rounded up.",
    example: 'SAMPLE_SIZE(1200, 0.8, 0.05)',
    params: [
      { name: 'population', type: 'number', description: 'The number of eligible cases, or a range.', check: { kind: 'count', label: 'The population', min: 1 } },
      CONFIDENCE_PARAM,
      {
        name: 'margin',
        type: 'number',
        description: 'Optional: the margin of error as a fraction (5 points is 0.05).',
        optional: true,
        check: { kind: 'number', label: 'The margin', min: 0.001, max: 0.5, example: '5 points is 0.05', default: DEFAULT_MARGIN },
      },
    ],
    returns: 'A whole number of cases.',
  },
  (population, confidence, margin) => plannedSampleSize(population as number, confidence as number, margin as number),
);
