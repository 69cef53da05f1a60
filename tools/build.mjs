// Builds dist/ for `clasp push`: Code.js (the bundled add-on plus one top-level declaration,
// with its JSDoc, per public function), the sidebar HTML and appsscript.json. Nothing is built while
// dist/ is newer than every file it is made from (listed in dist/.inputs.json); --force builds anyway.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

/** esbuild, loaded only when something must be built. */
let build;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const GLOBAL = 'InspectionRatings';

/** Bundles src/main.ts into one IIFE that leaves `var InspectionRatings` at the top level. */
async function bundleServer() {
  const result = await build({
    entryPoints: [join(root, 'src/main.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
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
    metafile: true,
  });
  noteInputs(result);
  return result.outputFiles[0].text;
}

/** Reads each public function's documentation by running the bundle in a bare context. */
function publicFunctions(code) {
  const context = vm.createContext({});
  vm.runInContext(code, context, { filename: 'Code.js' });
  const api = vm.runInContext(`${GLOBAL}.api`, context);
  return Object.entries(api).map(([name, entry]) => ({ name, doc: entry.doc }));
}

function jsdoc({ name, doc }) {
  const lines = [...wrap(doc.summary)];
  if (doc.example) lines.push('', `Example: =${doc.example}`);
  lines.push('');
  for (const param of doc.params) {
    const type = param.optional ? `${param.type}=` : param.type;
    const further = param.repeating ? ' Further ranges like it may follow, separated by commas.' : '';
    lines.push(`@param {${type}} ${param.name} ${param.description}${checkText(param.check)}${further}`);
  }
  lines.push(`@return ${doc.returns}`);
  if (doc.customFunction) lines.push('@customfunction');
  const body = lines.map((line) => (line ? ` * ${line}` : ' *')).join('\n');
  const params = doc.params.map((param) => param.name).join(', ');
  // A function taking any number of arguments passes on all it was given, not just the named ones.
  const call = doc.params.some((param) => param.repeating) ? 'run.apply(null, arguments)' : `run(${params})`;
  return `/**\n${body}\n */\nfunction ${name}(${params}) {\n  return ${GLOBAL}.api.${name}.${call};\n}\n`;
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
 * first load does not carry it.
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
  return result.outputFiles[0].text;
}

/** The files dist/ is made from: every bundled source, and what is read beside them. */
const inputs = new Set(['tools/build.mjs', 'appsscript.json', 'src/sidebar/Sidebar.html', 'src/sidebar/sidebar.css']);
const INPUTS_FILE = join(dist, '.inputs.json');
const OUTPUTS = ['Code.js', 'appsscript.json', 'ReportDocument.html'];

function noteInputs(result) {
  for (const input of Object.keys(result.metafile.inputs)) inputs.add(relative(root, resolve(root, input)));
}

/** Whether dist/ must be built: an output or the list of inputs missing, or an input newer than the oldest output (or gone). */
export function distIsStale() {
  if (!existsSync(INPUTS_FILE) || OUTPUTS.some((output) => !existsSync(join(dist, output)))) return true;
  const built = Math.min(...OUTPUTS.map((output) => statSync(join(dist, output)).mtimeMs));
  const { folder, inputs: listed } = JSON.parse(readFileSync(INPUTS_FILE, 'utf8'));
  if (folder !== root) return true;
  return listed.some((input) => {
    try {
      return statSync(join(root, input)).mtimeMs > built;
    } catch {
      return true;
    }
  });
}

/** Builds dist/ when it is stale (or always, with force); returns whether it built. */
export async function ensureBuilt({ force = false, quiet = false } = {}) {
  if (!force && !distIsStale()) return false;
  await main(quiet);
  return true;
}

async function main(quiet = false) {
  ({ build } = await import('esbuild'));
  const bundle = await bundleServer();
  const functions = publicFunctions(bundle);
  // @OnlyCurrentDoc: the add-on asks only for the spreadsheet it is used in (docs/design.md).
  const code = `/** @OnlyCurrentDoc */\n${bundle}\n${functions.map(jsdoc).join('\n')}`;
  assertPlainScript(code);
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

// `node tools/build.mjs [--force]`
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  ensureBuilt({ force: process.argv.includes('--force') }).then(
    (built) => {
      if (!built) console.log('dist/ is up to date (node tools/build.mjs --force builds it anyway).');
    },
    (error) => {
      console.error(error.message ?? error);
      process.exit(1);
    },
  );
}
