/** R4: the four rating labels, lowest first; a label's index is its score (R9). */
export const BANDS = ['Inadequate', 'Requires improvement', 'Good', 'Outstanding'] as const;
export type Band = (typeof BANDS)[number];

/** R4: the lowest whole percentage of Requires improvement, Good and Outstanding; a framework may set its own (docs/frameworks.md). */
export type BandThresholds = readonly [number, number, number];

export const DEFAULT_THRESHOLDS: BandThresholds = [50, 65, 80];

/** R4: the report's words for each band ("a reasonable majority"). */
export const BAND_WORDS: Readonly<Record<Band, string>> = {
  Inadequate: 'minority',
  'Requires improvement': 'too few',
  Good: 'reasonable majority',
  Outstanding: 'large majority',
};

/** R3: Yes / applicable as a whole percentage, rounded half up with integer arithmetic. */
export function wholePercent(yes: number, applicable: number): number {
  return Math.floor((200 * yes + applicable) / (2 * applicable));
}

/** R3: a fraction as Sheets stores it (0.645) as the whole percentage it is published as (65). */
export function wholePercentOfFraction(fraction: number): number {
  // Rounding to 9 places first absorbs binary noise: 0.285 * 100 is 28.499999999999996.
  return Math.floor(Number((fraction * 100).toFixed(9)) + 0.5);
}

/** R4: the band of a whole percentage. */
export function bandOf(percent: number, thresholds: BandThresholds = DEFAULT_THRESHOLDS): Band {
  let band = 0;
  while (band < 3 && percent >= thresholds[band]) band += 1;
  return BANDS[band];
}

/** R4: the whole percentage at which a band starts (Inadequate starts at 0). */
export function lowerBoundary(band: Band, thresholds: BandThresholds = DEFAULT_THRESHOLDS): number {
  const score = bandScore(band);
  return score > 0 ? thresholds[score - 1] : 0;
}

/** R4: the whole percentage at which the next band starts; undefined for Outstanding. */
export function upperBoundary(band: Band, thresholds: BandThresholds = DEFAULT_THRESHOLDS): number | undefined {
  const score = bandScore(band);
  return score < 3 ? thresholds[score] : undefined;
}

/** R9: Inadequate 0, Requires improvement 1, Good 2, Outstanding 3. */
export function bandScore(band: Band): number {
  return BANDS.indexOf(band);
}

/** The band a number of steps above (positive) or below (negative); undefined off the scale. */
export function bandStep(band: Band, steps: number): Band | undefined {
  return BANDS[bandScore(band) + steps];
}

/** Reads a rating label case-insensitively; undefined when it is not one of the four. */
export function parseBand(label: unknown): Band | undefined {
  if (typeof label !== 'string') return undefined;
  const wanted = normaliseLabel(label);
  return BANDS.find((band) => band.toLowerCase() === wanted);
}

/** R12: what a standard is while a counted key question has no applicable case yet. */
export const NOT_RATED = 'Not rated';

/** Whether a cell says `Not rated` (R12), read like a rating label. */
export function isNotRated(label: unknown): boolean {
  return typeof label === 'string' && normaliseLabel(label) === NOT_RATED.toLowerCase();
}

/** One reading of a label everywhere: case-insensitive, any run of spaces (non-breaking too) as one. */
function normaliseLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The labels as a user-facing list, for messages. */
export const BAND_LIST = BANDS.map((band) => `"${band}"`).join(', ');
