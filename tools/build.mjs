// Builds dist/ for `clasp push`: Code.js (the bundled add-on plus one top-level declaration,
// with its JSDoc, per public function), the sidebar HTML and appsscript.json. Nothing is built while
// dist/ is newer than every file it is made from (listed in dist/.inputs.json); --force builds anyway.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { stale } from './stale.mjs';

/** esbuild, the TypeScript parser, terser and parse5, loaded only when something must be built. */
let build;
let ts;
let minify;
let parseFragment;
let serialize;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
// Short: every public function's stub names it, and every execution compiles the stubs.
const GLOBAL = 'IR';

/**
 * The bundle's entry: it sets `IR` (Inspection Ratings, the one top-level `var`) to src/main.ts's
 * `api`, or, given `source`, to the `api` that source declares from its own imports. Set from inside
 * the bundle rather than returned as its module exports, so the bundle carries none of esbuild's
 * CommonJS export helpers (0.5 KB). Strict, as every file of src/ is (tsconfig's `strict`).
 */
function entryOf(source = "import { api } from './main';\n") {
  return { stdin: { contents: `"use strict";\n${source}${GLOBAL} = api;\n`, resolveDir: join(root, 'src'), sourcefile: 'entry.ts', loader: 'ts' } };
}

/**
 * Bundles src/main.ts into one IIFE that leaves `var IR` (Inspection Ratings) at the top level. With
 * `withoutHelpText`, the help text of the public functions' documentation objects (summary,
 * example, returns, each parameter's description) is left out: Sheets reads it from the JSDoc the
 * build appends, the code never does, and every execution compiles the whole script.
 */
async function bundleServer({ withoutHelpText = false, entry = entryOf() } = {}) {
  const result = await build({
    ...entry,
    bundle: true,
    format: 'iife',
    // Declared after the bundle (a `var` is hoisted), so the bundle's "use strict" stays its first line.
    footer: { js: `var ${GLOBAL};` },
    target: 'es2019', // Apps Script V8: no class fields or static properties.
    platform: 'neutral',
    charset: 'utf8',
    legalComments: 'none',
    // Every custom-function call loads the whole script: keep it small. Messages are sentences for
    // the user, so short local names cost nothing a reader of the sheet sees.
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    write: false,
    plugins: withoutHelpText ? [shippedSourcePlugin] : [],
    metafile: true,
  });
  noteInputs(result);
  return result.outputFiles[0].text;
}

const HELP_TEXT = new Set(['summary', 'returns', 'description']);

/**
 * The TypeScript of src/ as the shipped bundle compiles it: without help text, and with three
 * spellings esbuild's es2019 output writes shorter (below).
 */
const shippedSourcePlugin = {
  name: 'shipped-source',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, ({ path }) => ({ contents: shorterSyntax(path, withoutHelpText(path, readFileSync(path, 'utf8'))), loader: 'ts' }));
    esbuild.onResolve({ filter: /^shipped-source:nullish$/ }, () => ({ path: 'nullish', namespace: 'shipped-source' }));
    esbuild.onLoad({ filter: /.*/, namespace: 'shipped-source' }, () => ({ contents: NULLISH_HELPER, loader: 'ts' }));
  },
};

/**
 * Leaves out, in the TypeScript of src/, the help text of documentation objects: `summary`, `returns`
 * and `description`, `example` beside a `summary` (a parameter check's `example` is part of its
 * messages and stays), and a documented parameter's JSDoc `type` (beside its `name` and
 * `description`) and its `name` (beside a `description`). Only string values go; the syntax tree says which they are. A `serverFunction`'s
 * `params` go too: only the build reads them (a custom function's are checked at run time and stay).
 */
function withoutHelpText(path, text) {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.ES2019, true);
  const emptied = [];
  const skipped = new Set();
  const removeProperty = (property) => emptied.push([property.getStart(source), text[property.getEnd()] === ',' ? property.getEnd() + 1 : property.getEnd()]);
  const visit = (node) => {
    // A sidebar call's or trigger's parameters are read only by the build (for its stub), from the full bundle.
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'serverFunction' && node.arguments[0] && ts.isObjectLiteralExpression(node.arguments[0])) {
      const params = node.arguments[0].properties.find((property) => ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === 'params');
      if (params) {
        removeProperty(params);
        skipped.add(params);
      }
    }
    if (skipped.has(node)) return;
    if (ts.isObjectLiteralExpression(node)) {
      const names = new Set(node.properties.map((property) => property.name && ts.isIdentifier(property.name) && property.name.text));
      for (const property of node.properties) {
        if (skipped.has(property) || !ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) continue;
        const name = property.name.text;
        // A documented parameter's `name` too: only the build's stubs and JSDoc use it, read from the full bundle.
        const help = HELP_TEXT.has(name) || (name === 'example' && names.has('summary')) || (name === 'type' && names.has('name') && names.has('description')) || (name === 'name' && names.has('description'));
        // The property goes with its comma: an empty string would still cost its name in every execution.
        if (help && isText(property.initializer)) removeProperty(property);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let contents = text;
  for (const [start, end] of emptied.sort((a, b) => b[0] - a[0])) contents = `${contents.slice(0, start)}${contents.slice(end)}`;
  return contents;
}

/**
 * What `a ?? b` (b a constant) and `a?.b` (at the end of its chain) become, below: a function and an
 * object without properties that every module shares.
 */
const NULLISH_HELPER = `export const nullish = <T, F>(value: T, fallback: F) => value ?? fallback;
export const noProperties = Object.freeze(Object.create(null));
`;

/**
 * Three spellings that mean the same and come out shorter; es2019 has no `??` or `?.`, and
 * esbuild spells each one out with a temporary variable declared in its function
 * (`null!=(t=a)?t:b`, `null==(t=a)?void 0:t.b`).
 * - `new Error(…)` loses its `new`: calling Error as a function creates the same object
 *   (ECMAScript, "The Error Constructor"), 4 bytes a message.
 * - `a ?? b`, where `b` is a constant (a string, number, boolean, null, [] or {}), becomes
 *   `nullish(a, b)`: a constant evaluated before it is needed is the same value (a new empty
 *   array or object that nobody else holds).
 * - `a?.b` and `a?.[k]` (k a literal or a name), where nothing follows in the chain, become
 *   `nullish(a, noProperties).b`: reading any property of an object without properties gives
 *   undefined, as the optional chain does; `a` is evaluated once, `k` has nothing to run.
 *   Not a call (`a?.b()` keeps its `this`) nor a longer chain (`a?.b.c` stops at `a`).
 */
function shorterSyntax(path, text) {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.ES2019, true);
  const edits = [];
  const visit = (node) => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Error' && node.arguments) {
      edits.push([node.getStart(source), node.expression.getStart(source), '']);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken && isConstant(node.right)) {
      edits.push([node.getStart(source), node.getStart(source), 'nullish$('], [node.left.getEnd(), node.right.getStart(source), ', '], [node.getEnd(), node.getEnd(), ')']);
    }
    if (endsOptionalChain(node)) {
      const after = ts.isPropertyAccessExpression(node) ? node.name : node.argumentExpression;
      const start = node.expression.getStart(source);
      edits.push([start, start, 'nullish$('], [node.expression.getEnd(), after.getStart(source), ts.isPropertyAccessExpression(node) ? ', noProperties$).' : ', noProperties$)[']);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (edits.length === 0) return text;
  // From the end, so each edit's positions still hold; edits at one position insert the same text.
  let contents = text;
  for (const [start, end, insert] of edits.sort((a, b) => b[0] - a[0] || b[1] - a[1])) contents = `${contents.slice(0, start)}${insert}${contents.slice(end)}`;
  return contents.includes('nullish$(') ? `import { nullish as nullish$, noProperties as noProperties$ } from 'shipped-source:nullish';\n${contents}` : contents;
}

/** `a?.b` or `a?.[k]` (k a literal or a name) with nothing after it in the chain, outside a call or a `delete`. */
function endsOptionalChain(node) {
  if (!(ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) || !node.questionDotToken) return false;
  const { parent } = node;
  if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent) || ts.isCallExpression(parent) || ts.isNonNullExpression(parent)) && parent.expression === node) return false;
  if (ts.isDeleteExpression(parent)) return false;
  return ts.isPropertyAccessExpression(node) || ts.isIdentifier(node.argumentExpression) || ts.isNumericLiteral(node.argumentExpression) || ts.isStringLiteral(node.argumentExpression);
}

/** A literal whose value is the same wherever it is evaluated: a string, number, boolean, null, or an empty array or object. */
function isConstant(node) {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  return (
    ts.isStringLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isNumericLiteral(node) ||
    [ts.SyntaxKind.NullKeyword, ts.SyntaxKind.TrueKeyword, ts.SyntaxKind.FalseKeyword].includes(node.kind) ||
    (ts.isArrayLiteralExpression(node) && node.elements.length === 0) ||
    (ts.isObjectLiteralExpression(node) && node.properties.length === 0)
  );
}

/** A string, a template or a concatenation of them. */
function isText(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) return true;
  return ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken && isText(node.left) && isText(node.right);
}

/** Reads each public function's documentation by running the bundle in a bare context. */
function publicFunctions(code) {
  const context = vm.createContext({});
  vm.runInContext(code, context, { filename: 'Code.js' });
  const api = vm.runInContext(GLOBAL, context);
  return Object.entries(api).map(([name, entry]) => ({ name, doc: entry.doc }));
}

/**
 * A public function's top-level declaration. Sheets shows a custom function's JSDoc as its help;
 * a trigger's or a sidebar call's would only be compiled by every execution, so it has none (its
 * documentation is in src/).
 */
function jsdoc({ name, doc }) {
  // A custom function's parameters are named as its help names them; a trigger's or a sidebar call's have no reader, so a letter each.
  const names = doc.params.map((param, index) => (doc.customFunction ? param.name : String.fromCharCode(97 + index)));
  const params = names.join(doc.customFunction ? ', ' : ',');
  // A function taking any number of arguments passes on all it was given, not just the named ones.
  const call = doc.params.some((param) => param.repeating) ? 'run.apply(null,arguments)' : `run(${names.join(',')})`;
  // One line, minified like the bundle: every execution compiles the stubs too.
  const declaration = `function ${name}(${params}){return ${GLOBAL}.${name}.${call}}\n`;
  if (!doc.customFunction) return declaration;
  const lines = [...wrap(doc.summary)];
  if (doc.example) lines.push('', `Example: =${doc.example}`);
  lines.push('');
  for (const param of doc.params) {
    const type = param.optional ? `${param.type}=` : param.type;
    const further = param.repeating ? ' Further ranges like it may follow, separated by commas.' : '';
    lines.push(`@param {${type}} ${param.name} ${param.description}${checkText(param.check)}${further}`);
  }
  lines.push(`@return ${doc.returns}`, '@customfunction');
  const body = lines.map((line) => (line ? ` * ${line}` : ' *')).join('\n');
  return `/**\n${body}\n */\n${declaration}`;
}

/** A parameter's declared range and default (src/publicFunction.ts ParamCheck), as Sheets' help shows it. */
function checkText(check) {
  if (!check) return '';
  const blank = check.default === undefined ? '' : `; ${check.default} if blank`;
  switch (check.kind) {
    case 'number':
      return ` From ${check.min} to ${check.max}${blank}.`;
    case 'count':
      return ` A whole number, ${check.min} or more${blank}.`;
    case 'whole':
      return ` A whole number${blank}.`;
    case 'fraction':
      return ` From 0 to 1${blank}.`;
    default:
      return '';
  }
}

function wrap(text, width = 88) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The shipped bundle compressed once more by terser (about 1 KB below esbuild's minification): three
 * passes, ES2019 output, nothing unsafe; the top-level `var IR` keeps its name. Not `unsafe_arrows`:
 * it saves 0.8 KB, but V8 compiles the script cold about 0.35 ms slower with those arrows, as it
 * does with module-level functions written as arrows (3 KB less, 3 ms slower), and the compile is
 * what every execution pays (docs/design.md).
 */
async function smaller(bundle) {
  const result = await minify(bundle, { ecma: 2019, compress: { passes: 3 }, mangle: true, format: { ascii_only: false } });
  return result.code;
}

/**
 * The shipped script, which the build wrote differently from the one it read the documentation
 * from (shippedSourcePlugin), loads in a bare context, as each execution loads it, and gives every
 * public function.
 */
function checkLoads(code, functions) {
  const context = vm.createContext({});
  try {
    vm.runInContext(code, context, { filename: 'Code.js' });
  } catch (error) {
    throw new Error(`dist/Code.js fails while it loads, as every execution would: ${error.message}`);
  }
  const missing = functions.filter(({ name }) => typeof context[name] !== 'function' || typeof context[GLOBAL][name]?.run !== 'function');
  if (missing.length > 0) throw new Error(`dist/Code.js loads without ${missing.map(({ name }) => name).join(', ')}.`);
}

/** Apps Script runs plain scripts: no module syntax may survive bundling. */
function assertPlainScript(code) {
  const moduleSyntax = /(^|[^\w$.'"`])(import\s*[\w{*(]|export\s+[\w{*]|require\s*\()/m.exec(code);
  if (moduleSyntax) {
    const at = code.slice(Math.max(0, moduleSyntax.index - 60), moduleSyntax.index + 60);
    throw new Error(`dist/Code.js contains module syntax (${moduleSyntax[2].trim()}), which Apps Script cannot run:\n…${at}…`);
  }
}

async function bundleSidebar() {
  const page = join(root, 'src/sidebar/Sidebar.html');
  if (!existsSync(page)) return undefined;
  const result = await build({
    entryPoints: [join(root, 'src/sidebar/sidebar.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    metafile: true,
  });
  noteInputs(result);
  const script = result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const css = readFileSync(join(root, 'src/sidebar/sidebar.css'), 'utf8');
  return readFileSync(page, 'utf8').replace('/* STYLE */', () => css).replace('/* SCRIPT */', () => script);
}

/**
 * The Word report builder (docx and the document code), loaded by the sidebar only when a report
 * is asked for: a second HTML file whose text getReportDocumentScript returns, so the sidebar's
 * first load does not carry it. HtmlService parses what it serves as HTML, so the script is inside
 * a <script> element, as Google's best practices include a script file
 * (https://developers.google.com/apps-script/guides/html/best-practices#separate_html_css_and_javascript).
 */
async function bundleReportDocument() {
  const result = await build({
    entryPoints: [join(root, 'src/sidebar/reportDocument.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    charset: 'utf8',
    legalComments: 'none',
    minify: true,
    write: false,
    metafile: true,
  });
  noteInputs(result);
  const html = `<script>${result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script')}</script>`;
  // What HtmlService serves is what survives an HTML parse: the file must come back unchanged.
  if (serialize(parseFragment(html)) !== html) throw new Error('dist/ReportDocument.html does not survive an HTML parse: its script holds markup that ends or re-opens the <script> element.');
  return html;
}

/**
 * `node tools/build.mjs --custom-functions-only FILE` (the bench's measure, never shipped): the
 * script as it would be with only the custom functions (src/main.ts's imports from src/functions),
 * their stubs included, to weigh what a custom-function execution needs against what it compiles.
 */
async function customFunctionsOnly(file) {
  const main = readFileSync(join(root, 'src/main.ts'), 'utf8');
  const imports = [...main.matchAll(/^import \{([^}]+)\} from '(\.\/functions\/[^']+)';$/gm)];
  const names = imports.flatMap((match) => match[1].split(',').map((name) => name.trim()));
  const entry = entryOf(`${imports.map((match) => match[0]).join('\n')}\nconst api = { ${names.join(', ')} };\n`);
  const functions = publicFunctions(await bundleServer({ entry }));
  const bundle = await smaller(await bundleServer({ entry, withoutHelpText: true }));
  const code = `${bundle}\n${functions.map(jsdoc).join('')}`;
  checkLoads(code, functions);
  writeFileSync(file, code);
}

/** The files dist/ is made from: every bundled source, and what is read beside them. */
const inputs = new Set(['tools/build.mjs', 'appsscript.json', 'src/sidebar/Sidebar.html', 'src/sidebar/sidebar.css']);
const INPUTS_FILE = join(dist, '.inputs.json');
const OUTPUTS = ['Code.js', 'appsscript.json', 'ReportDocument.html'];

function noteInputs(result) {
  // Files only: the entry (given as stdin) and the build's own virtual modules are no file to compare, and would make dist/ stale for ever.
  for (const input of Object.keys(result.metafile.inputs)) {
    const file = resolve(root, input);
    if (existsSync(file)) inputs.add(relative(root, file));
  }
}

/** Whether dist/ must be built: an output or the list of inputs missing, or an input newer than the oldest output (or gone). */
export function distIsStale() {
  return stale(root, OUTPUTS.map((output) => join(dist, output)), INPUTS_FILE);
}

/** Builds dist/ when it is stale (or always, with force); returns whether it built. */
export async function ensureBuilt({ force = false, quiet = false } = {}) {
  if (!force && !distIsStale()) return false;
  await main(quiet);
  return true;
}

async function loadBuilders() {
  ({ build } = await import('esbuild'));
  ({ default: ts } = await import('typescript'));
  ({ minify } = await import('terser'));
  ({ parseFragment, serialize } = await import('parse5'));
}

async function main(quiet = false) {
  await loadBuilders();
  // The documentation is read from a full build; the script that ships leaves its help text out.
  const functions = publicFunctions(await bundleServer());
  const bundle = await smaller(await bundleServer({ withoutHelpText: true }));
  // @OnlyCurrentDoc: the add-on asks only for the spreadsheet it is used in (docs/design.md).
  const code = `/** @OnlyCurrentDoc */\n${bundle}\n${functions.map(jsdoc).join('')}`;
  assertPlainScript(code);
  checkLoads(code, functions);
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'Code.js'), code);
  copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
  const sidebar = await bundleSidebar();
  if (sidebar) writeFileSync(join(dist, 'Sidebar.html'), sidebar);
  const reportDocument = await bundleReportDocument();
  writeFileSync(join(dist, 'ReportDocument.html'), reportDocument);
  writeFileSync(INPUTS_FILE, JSON.stringify({ folder: root, inputs: [...inputs].sort() }));
  if (quiet) return;
  const kb = (Buffer.byteLength(code) / 1024).toFixed(1);
  const size = (text) => `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`;
  console.log(`dist/Code.js ${kb} KB, ${functions.length} public functions${sidebar ? `, dist/Sidebar.html ${size(sidebar)}` : ''}, dist/ReportDocument.html ${size(reportDocument)} (loaded on demand)`);
}

// `node tools/build.mjs [--force]`; `--custom-functions-only FILE` for the bench.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const only = process.argv.indexOf('--custom-functions-only');
  const run = only >= 0 ? loadBuilders().then(() => customFunctionsOnly(process.argv[only + 1])).then(() => true) : ensureBuilt({ force: process.argv.includes('--force') });
  run.then(
    (built) => {
      if (!built) console.log('dist/ is up to date (node tools/build.mjs --force builds it anyway).');
    },
    (error) => {
      console.error(error.message ?? error);
      process.exit(1);
    },
  );
}
