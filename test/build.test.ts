import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_PATH, loadBundle } from './support/bundle';

const code = readFileSync(CODE_PATH, 'utf8');
const CUSTOM_FUNCTIONS = {
  RATING_BAND: ['percent', 'thresholds'],
  KQ_SCORE: ['cases', 'keyQuestionId', 'filterHeader', 'filterValue'],
  RATE_STANDARD: ['cases', 'standardId', 'panelRating', 'filterHeader', 'filterValue'],
  RATING_EXPLAIN: ['cases', 'standardId'],
  STANDARD_SCORE: ['rating'],
  OVERALL_SCORE: ['ratings'],
  OVERALL_RATING: ['ratings', 'bands'],
  RATINGS_TABLE: ['cases', 'filterHeader', 'filterValue', 'standardIds', 'panelRatings'],
  PROMPTS_TABLE: ['cases', 'filterHeader', 'filterValue'],
  CHANGE_SIGNIFICANT: ['p1', 'n1', 'p2', 'n2', 'alpha'],
  SAMPLE_SIZE: ['population', 'confidence', 'margin'],
  PROGRAMME_TABLE: ['cases1', 'cases2'],
  PERCENT_INTERVAL: ['yes', 'applicable', 'confidence'],
};

describe('build › dist/Code.js', () => {
  // Every custom-function execution compiles the whole script (docs/design.md).
  it('is at most 167 KB', () => {
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(167 * 1024);
  });

  it('has no module syntax Apps Script cannot run', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\brequire\s*\(/);
  });

  it('holds none of the offline tools\' libraries: no GPL HyperFormula, no chart or xlsx code', () => {
    expect(code).not.toMatch(/hyperformula|gpl-v3|vega|exceljs|jszip/i);
  });

  it('loads in a bare vm context and exposes every custom function as functions', () => {
    const bundle = loadBundle();
    for (const name of Object.keys(CUSTOM_FUNCTIONS)) expect(typeof bundle[name]).toBe('function');
    expect(bundle.RATING_BAND(0.645)).toBe('Good');
  });

  it.each(Object.entries(CUSTOM_FUNCTIONS))('declares %s at the top level after its @customfunction JSDoc, one @param per parameter', (name, params) => {
    const declaration = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\nfunction ${name}\\(([^)]*)\\)`).exec(code);
    expect(declaration).not.toBeNull();
    const [, doc, signature] = declaration as RegExpExecArray;
    expect(signature.split(', ')).toEqual(params);
    expect(doc).toContain('@customfunction');
    expect(doc).toMatch(/Example: =\w+\(/);
    const documented = [...doc.matchAll(/@param \{[^}]+\} (\w+) \S/g)].map((match) => match[1]);
    expect(documented).toEqual(params);
    expect(doc).toMatch(/@return \S/);
  });

  it('passes every range on from the variadic PROGRAMME_TABLE stub, and says further ranges may follow', () => {
    const stub = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\nfunction PROGRAMME_TABLE\(cases1, cases2\)\{([^}]*)\}/.exec(code);
    expect(stub).not.toBeNull();
    const [, doc, body] = stub as RegExpExecArray;
    expect(body).toContain('.apply(null,arguments)');
    expect(doc).toMatch(/@param \{A:CM=\} cases2 .*Further ranges like it may follow/);
    const range = (answer: string) => [['Case ID', '2.1.1 Assessment?'], ['C1', answer]];
    const table = loadBundle().PROGRAMME_TABLE(range('Yes'), range('No'), range('Yes'), range('Yes'));
    expect(table[0]).toHaveLength(6 + 2 * 4);
    expect(table[1].slice(2, 4)).toEqual([3, 4]);
  });

  it('ships the least-privilege manifest and @OnlyCurrentDoc', () => {
    expect(code.startsWith('/** @OnlyCurrentDoc */')).toBe(true);
    const manifest = JSON.parse(readFileSync(join(CODE_PATH, '../appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
  });
});
