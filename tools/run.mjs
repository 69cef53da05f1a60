// Runs a TypeScript tool (bench, demo, template, rate, preview, example) with Node: esbuild bundles it to a
// temporary CommonJS file under node_modules, which is then required with the given args.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';

const [entry, ...args] = process.argv.slice(2);
const root = resolve(import.meta.dirname, '..');
const workDir = mkdtempSync(join(root, 'node_modules', '.tool-'));
const outfile = join(workDir, `${basename(entry, '.ts')}.cjs`);

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

await build({
  entryPoints: [resolve(entry)],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  plugins: [ownDirname],
  outfile,
});
process.argv = [process.argv[0], resolve(entry), ...args];
process.on('exit', () => rmSync(workDir, { recursive: true, force: true }));
createRequire(import.meta.url)(outfile);
