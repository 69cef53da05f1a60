/**
 * Every package the code imports is declared in package.json, so `npm ci` on a fresh machine
 * installs it (a package that arrives only as another's dependency can vanish with an update).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'fixtures' ? [] : sources(path);
    return /\.(ts|mjs|js)$/.test(name) ? [path] : [];
  });
}

/** The package a bare specifier names: "jszip", "@scope/name", "hyperformula" of "hyperformula/typings/…". */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

describe('package.json declares every imported package', () => {
  it('finds each bare import of src, runtime, tools, test, bin and examples among the dependencies', () => {
    const imported = new Map<string, string>();
    for (const file of ['src', 'runtime', 'tools', 'test', 'bin', 'examples'].flatMap((dir) => sources(join(ROOT, dir)))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:^\s*(?:import|export)\b[^'\n]*?\bfrom\s+|^\s*import\s+|\bimport\s*\(\s*|(?<![.\w])require\(\s*)'([^'.][^']*)'/gm)) {
        const name = packageOf(match[1]);
        if (!name.startsWith('node:') && !builtinModules.includes(name)) imported.set(name, file.slice(ROOT.length + 1));
      }
    }
    expect(imported.size).toBeGreaterThan(5);
    expect([...imported].filter(([name]) => !declared.has(name))).toEqual([]);
  });
});
