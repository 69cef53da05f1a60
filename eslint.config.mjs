// Lint: typescript-eslint's recommended rules, and the layering as a failing check.
// Dependencies point one way: src/core is the method and imports nothing of the add-on, the custom
// functions, the sidebar, the offline runtime or the commands; the custom functions import nothing
// of the add-on or the sidebar; nothing in src/ imports tools/ or runtime/.
import tseslint from 'typescript-eslint';

/** An import-boundary rule: files matching `files` may not import modules matching `groups`. */
function boundary(files, groups, why) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: groups, message: why }] }],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'coverage/**', 'node_modules/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  // Node's CommonJS configuration files (jest's).
  { files: ['**/*.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // The runtime's fakes hand `this` to Proxy handlers and HyperFormula plugins, which bind their own.
  { files: ['runtime/**/*.ts'], rules: { '@typescript-eslint/no-this-alias': 'off' } },
  // Tests call whatever the bundle exposes, untyped.
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' } },
  boundary(['src/**/*.ts'], ['**/tools/**', '**/runtime', '**/runtime/**'], 'src/ ships in the add-on: it may not import the offline runtime or the commands.'),
  boundary(
    ['src/core/**/*.ts'],
    ['**/addon/**', '**/functions/**', '**/sidebar/**', '**/tools/**', '**/runtime', '**/runtime/**', '../main', '../publicFunction'],
    'src/core is the method: pure TypeScript that imports nothing of the add-on, the custom functions, the sidebar, the runtime or the commands.',
  ),
  // The report's view (src/report/view.ts) decides the words and colours every renderer prints: the
  // documents, the sidebar and the commands take them from it, never from the add-on's Sheets code
  // (the sidebar's typed server wrapper may still import the server's types).
  {
    files: ['src/report/**/*.ts', 'src/sidebar/**/*.ts', 'tools/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/addon/formats', '**/addon/ratingsTab', '**/addon/sidebarApi', '**/addon/reportApi'], allowTypeImports: true, message: 'Wording and colours come from src/report/view.ts, not the add-on.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/report/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/addon/**', '**/sidebar/**'], message: 'src/report sits below the add-on and the sidebar: it imports src/core only.' }] }] },
  },
  boundary(['src/functions/**/*.ts'], ['**/addon/**', '**/sidebar/**', '**/tools/**', '**/runtime', '**/runtime/**'], 'Custom functions use src/core only: nothing of the add-on or the sidebar.'),
);
