import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The layering rules of eslint.config.mjs, tried on one import written into a file of each layer,
 * by the real ESLint with the project's config (in a child Node process: the config is an ES module).
 */
const ROOT = join(__dirname, '..');
const LINT_TEXTS = `
import { ESLint } from 'eslint';
const cases = JSON.parse(process.argv[1]);
const eslint = new ESLint({ cwd: process.cwd() });
const found = [];
for (const [file, source] of cases) {
  const [result] = await eslint.lintText(source, { filePath: file });
  found.push(result.messages.filter((m) => (m.ruleId === 'no-restricted-imports' || m.ruleId === '@typescript-eslint/no-restricted-imports')).map((m) => m.message));
}
console.log(JSON.stringify(found));
`;

const forbidden: Array<[string, string]> = [
  ['src/core/example.ts', "import { newInspection as imported } from '../addon/setup';"],
  ['src/core/example.ts', "import { RATE_STANDARD as imported } from '../functions/rateStandard';"],
  ['src/core/example.ts', "import { loadAddon as imported } from '../../runtime';"],
  ['src/functions/example.ts', "import { newInspection as imported } from '../addon/setup';"],
  ['src/addon/example.ts', "import { rate as imported } from '../../tools/rate';"],
  // Wording and colours come from the report's view, never the add-on's Sheets code.
  ['src/report/example.ts', "import { BAND_COLOURS as imported } from '../addon/formats';"],
  ['src/report/example.ts', "import { asText as imported } from '../addon/cells';"],
  ['src/sidebar/example.ts', "import { bandRules as imported } from '../addon/formats';"],
  ['tools/example.ts', "import { bandRules as imported } from '../src/addon/formats';"],
];
const allowed: Array<[string, string]> = [
  ['src/addon/example.ts', "import { bandOf as imported } from '../core/bands';"],
  ['src/functions/example.ts', "import { bandOf as imported } from '../core/bands';"],
  ['tools/example.ts', "import { loadAddon as imported } from '../runtime';"],
  ['src/sidebar/example.ts', "import type { Overview as imported } from '../addon/sidebarApi';"],
  ['src/addon/example.ts', "import { BAND_COLOURS as imported } from '../report/view';"],
];

describe('lint: dependencies point one way', () => {
  let found: string[][];
  beforeAll(() => {
    const cases = [...forbidden, ...allowed].map(([file, source]) => [join(ROOT, file), `${source}\nexport const used = typeof imported;\n`]);
    found = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', LINT_TEXTS, JSON.stringify(cases)], { cwd: ROOT, encoding: 'utf8' }));
  }, 120_000);

  it.each(forbidden.map((entry, index) => [...entry, index] as const))('%s may not import as in: %s', (_file, _source, index) => {
    expect(found[index]).toHaveLength(1);
  });

  it.each(allowed.map((entry, index) => [...entry, forbidden.length + index] as const))('%s may import as in: %s', (_file, _source, index) => {
    expect(found[index]).toEqual([]);
  });
});
