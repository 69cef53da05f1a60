import { BandThresholds, bandOf, DEFAULT_THRESHOLDS, wholePercentOfFraction } from '../core/bands';
import { cellFunction } from './params';

export const RATING_BAND = cellFunction(
  {
    summary:
      "The rating band of a key-question percentage (whole percentages, rounded half up): below 50% Inadequate, 50–64% Requires improvement, 65–79% Good, 80% and above Outstanding, or at a framework's own thresholds when given.",
    example: 'RATING_BAND(0.61)',
    params: [
      { name: 'percent', type: 'number', description: 'A percentage as a fraction (65% is 0.65), or a range of them.', check: { kind: 'fraction', label: 'The percent' } },
      {
        name: 'thresholds',
        type: 'O5:Q5',
        description:
          "Optional: the framework's own bands, three fractions where Requires improvement, Good and Outstanding start, e.g. {0.6, 0.75, 0.9} or the Key questions tab's boundary cells; 50%, 65%, 80% if blank.",
        optional: true,
        check: { kind: 'thresholds', label: 'The thresholds' },
      },
    ],
    returns: 'Inadequate, Requires improvement, Good or Outstanding; an empty cell gives an empty cell.',
  },
  (percent, thresholds) => bandOf(wholePercentOfFraction(percent as number), (thresholds as BandThresholds | undefined) ?? DEFAULT_THRESHOLDS),
);
