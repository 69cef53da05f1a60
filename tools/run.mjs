// Runs a TypeScript tool (bench, demo, preview) with Node: esbuild bundles it to a
// temporary CommonJS file beside node_modules, which is then required with the given args.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';

const [entry, ...args] = process.argv.slice(2);
const root = resolve(import.meta.dirname, '..');
const workDir = mkdtempSync(join(root, 'node_modules', '.tool-'));
const outfile = join(workDir, `${basename(entry, '.ts')}.cjs`);
await build({
  entryPoints: [resolve(entry)],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  // The tool reads files relative to its own source, not to the temporary bundle.
  define: { __dirname: JSON.stringify(dirname(resolve(entry))) },
  outfile,
});
process.argv = [process.argv[0], resolve(entry), ...args];
process.on('exit', () => rmSync(workDir, { recursive: true, force: true }));
createRequire(import.meta.url)(outfile);
