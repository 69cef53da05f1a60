/** R10's defaults: 80% confidence, a 5-point margin of error, significance at 0.1 (docs/method.md). */
export const DEFAULT_CONFIDENCE = 0.8;
export const DEFAULT_MARGIN = 0.05;
export const DEFAULT_ALPHA = 0.1;

/** R10: significance of a change, and planned sample sizes. */

/**
 * The standard normal quantile (inverse CDF), by Acklam's rational approximation
 * (relative error below 1.2e-9), enough for critical values of z.
 */
export function normalQuantile(probability: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.928510446969, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (probability < low) {
    const q = Math.sqrt(-2 * Math.log(probability));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (probability > 1 - low) return -normalQuantile(1 - probability);
  const q = probability - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** R10: the pooled two-proportion z statistic; 0 when both proportions are 0 or both 1. */
export function twoProportionZ(p1: number, n1: number, p2: number, n2: number): number {
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return standardError === 0 ? 0 : (p1 - p2) / standardError;
}

/** R10: two-sided test at significance level alpha (0.1 unless given). */
export function changeIsSignificant(p1: number, n1: number, p2: number, n2: number, alpha = DEFAULT_ALPHA): boolean {
  return Math.abs(twoProportionZ(p1, n1, p2, n2)) > normalQuantile(1 - alpha / 2);
}

/**
 * R10: Cochran's n0 = z²·p(1−p)/e² with p = 0.5, then the finite-population correction
 * n = n0 / (1 + (n0 − 1)/N), rounded up.
 */
export function plannedSampleSize(population: number, confidence = DEFAULT_CONFIDENCE, margin = DEFAULT_MARGIN): number {
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const n0 = (z * z * 0.25) / (margin * margin);
  const n = n0 / (1 + (n0 - 1) / population);
  // Rounding to 9 places first keeps an exact whole result (100.0000000001) from rounding up.
  return Math.ceil(Number(n.toFixed(9)));
}
