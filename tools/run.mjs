// Runs a TypeScript tool (bench, demo, template, rate, preview, example) with Node: esbuild bundles it to
// CommonJS under node_modules/.cache/inspection-ratings, which is then required with the given args.
// The bundle is kept and built again only when it is stale (a source file it was made from is newer,
// or gone), so a command starts without bundling.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stale } from './stale.mjs';

const root = resolve(import.meta.dirname, '..');
const cacheDir = join(root, 'node_modules', '.cache', 'inspection-ratings', 'tools');

/** Each source file keeps its own __dirname, as if run unbundled. */
const ownDirname = {
  name: 'own-dirname',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, (file) => ({
      contents: readFileSync(file.path, 'utf8').replace(/\b__dirname\b/g, JSON.stringify(dirname(file.path))),
      loader: 'ts',
    }));
  },
};

/** The tool's bundle, built if stale; the path of the CommonJS file. */
export async function toolBundle(entry) {
  const name = relative(root, resolve(entry)).replace(/[\\/]/g, '__').replace(/\.ts$/, '');
  const outfile = join(cacheDir, `${name}.cjs`);
  const inputsFile = join(cacheDir, `${name}.inputs.json`);
  if (!stale(root, [outfile], inputsFile)) return outfile;
  // esbuild loads only when a bundle must be made.
  const { build } = await import('esbuild');
  mkdirSync(cacheDir, { recursive: true });
  // Written beside and renamed into place: two commands building at once never run half a file.
  const temporary = `${outfile}.${process.pid}.tmp`;
  const result = await build({
    entryPoints: [resolve(entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    plugins: [ownDirname],
    outfile: temporary,
    metafile: true,
  });
  const inputs = Object.keys(result.metafile.inputs).map((input) => relative(root, resolve(input)));
  writeFileSync(`${inputsFile}.${process.pid}.tmp`, JSON.stringify({ folder: root, inputs }));
  renameSync(temporary, outfile);
  renameSync(`${inputsFile}.${process.pid}.tmp`, inputsFile);
  return outfile;
}

/** Runs the tool in this process, as `node tool.ts args…` would: process.argv[1] is the tool's path. */
export async function runTool(entry, args) {
  const outfile = await toolBundle(entry);
  process.argv = [process.argv[0], resolve(entry), ...args];
  createRequire(import.meta.url)(outfile);
}

// `node tools/run.mjs TOOL.ts ARGS…`
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry) {
    console.error(`Usage: node tools/run.mjs TOOL.ts [ARGUMENTS] (${basename(import.meta.filename)})`);
    process.exit(2);
  }
  await runTool(entry, args);
}
