/**
 * Parameters declared once (kind, range, default), checked per cell by one wrapper (R11, R12), and
 * RATING_BAND at a framework's own thresholds (R4, docs/frameworks.md). Expectations are read off
 * docs/method.md, not computed by the code under test.
 */
import { readFileSync } from 'node:fs';
import { CODE_PATH, loadBundle } from '../support/bundle';

const bundle = loadBundle();
const code = readFileSync(CODE_PATH, 'utf8');
const STRICT = [[0.6, 0.75, 0.9]];

describe('RATING_BAND with a framework\'s thresholds (R4)', () => {
  it('bands 72% Good at the default 50/65/80, Requires improvement at 60/75/90', () => {
    expect(bundle.RATING_BAND(0.72)).toBe('Good');
    expect(bundle.RATING_BAND(0.72, STRICT)).toBe('Requires improvement');
    expect(bundle.RATING_BAND(0.59, STRICT)).toBe('Inadequate');
    expect(bundle.RATING_BAND(0.9, STRICT)).toBe('Outstanding');
  });

  it('rounds the percentage half up before banding (R3): 74.5% is 75%, Good at 60/75/90', () => {
    expect(bundle.RATING_BAND(0.745, STRICT)).toBe('Good');
    expect(bundle.RATING_BAND(0.7449, STRICT)).toBe('Requires improvement');
  });

  it('takes the thresholds as a row or a column, for every cell of a ranged percent', () => {
    expect(bundle.RATING_BAND([[0.59], [0.6], [''], [0.75]], [[0.6], [0.75], [0.9]])).toEqual([['Inadequate'], ['Requires improvement'], [''], ['Good']]);
  });

  it('refuses thresholds that are not three rising whole percentages, as fractions', () => {
    const message = /^The thresholds must be three whole percentages, each above the one before/;
    expect(() => bundle.RATING_BAND(0.7, [[0.6, 0.5, 0.9]])).toThrow(message);
    expect(() => bundle.RATING_BAND(0.7, [[0.6, 0.75]])).toThrow(message);
    expect(() => bundle.RATING_BAND(0.7, [[0.6, 0.755, 0.9]])).toThrow(message);
    expect(() => bundle.RATING_BAND(0.7, [[60, 75, 90]])).toThrow('The thresholds must be a fraction from 0 to 1 (65% is 0.65); got 60.');
  });
});

describe('declared ranges, checked per cell (R11, R12)', () => {
  it('PERCENT_INTERVAL takes a confidence from 0.5 to 0.999 only, like SAMPLE_SIZE', () => {
    for (const name of ['PERCENT_INTERVAL', 'SAMPLE_SIZE']) {
      const args = name === 'PERCENT_INTERVAL' ? [61, 79] : [1200];
      expect(() => bundle[name](...args, 0.3)).toThrow('The confidence must be from 0.5 to 0.999 (80% is 0.8); got 0.3.');
      expect(() => bundle[name](...args, 1)).toThrow('The confidence must be from 0.5 to 0.999 (80% is 0.8); got 1.');
    }
    const rows = bundle.PERCENT_INTERVAL([[61], [48]], [[79], [79]], [[0.8], [0.3]]);
    expect(rows[0]).toEqual([expect.any(Number), expect.any(Number)]);
    expect(rows[1]).toEqual(['Error: The confidence must be from 0.5 to 0.999 (80% is 0.8); got 0.3.', '']);
  });

  it('a blank optional value takes its documented default: 0.8 confidence, 0.05 margin, 0.1 alpha', () => {
    // 1,200 cases at 80%, 5 points: z = 1.2816, n0 = 1.6424 × 0.25 / 0.0025 = 164.24, n = n0/(1 + (n0 − 1)/1200) = 144.6, so 145.
    expect(bundle.SAMPLE_SIZE(1200, '', '')).toBe(145);
    expect(bundle.SAMPLE_SIZE(1200)).toBe(145);
    // 61% of 79 against 46% of 5,000: z ≈ 2.7, significant at 0.1 and at 0.01 alike.
    expect(bundle.CHANGE_SIGNIFICANT(0.61, 79, 0.46, 5000, '')).toBe(true);
  });

  it('the JSDoc Sheets shows states the same ranges and defaults', () => {
    const line = (name: string, param: string) => new RegExp(`@param \\{[^}]+\\} ${param} [^\\n]*`).exec(code.slice(code.indexOf(`function ${name}(`) - 3000, code.indexOf(`function ${name}(`)))?.[0];
    expect(line('PERCENT_INTERVAL', 'confidence')).toMatch(/From 0\.5 to 0\.999; 0\.8 if blank\.$/);
    expect(line('SAMPLE_SIZE', 'confidence')).toMatch(/From 0\.5 to 0\.999; 0\.8 if blank\.$/);
    expect(line('SAMPLE_SIZE', 'margin')).toMatch(/From 0\.001 to 0\.5; 0\.05 if blank\.$/);
    expect(line('CHANGE_SIGNIFICANT', 'alpha')).toMatch(/From 0\.001 to 0\.5; 0\.1 if blank\.$/);
    expect(line('SAMPLE_CASES', 'seed')).toMatch(/A whole number; 1 if blank\.$/);
    expect(line('RATING_BAND', 'thresholds')).toMatch(/^@param \{O5:Q5=\} thresholds Optional: the framework's own bands/);
  });
});
