/**
 * Commands start without rebuilding (tools/stale.mjs, shared by tools/build.mjs for dist/ and
 * tools/run.mjs for each tool's bundle): built files are rebuilt only when missing, moved to
 * another checkout, or older than a source they were made from, or when that source is gone.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const STALE = pathToFileURL(join(__dirname, '..', '..', 'tools', 'stale.mjs')).href;
const root = mkdtempSync(join(tmpdir(), 'inspection-ratings-stale-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** tools/stale.mjs's answer, asked in a child process (it is an ES module). */
function isStale(outputs: string[], inputsFile: string, checkout = root): boolean {
  const script = `import { stale } from ${JSON.stringify(STALE)}; console.log(stale(${JSON.stringify(checkout)}, ${JSON.stringify(outputs)}, ${JSON.stringify(inputsFile)}));`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim() === 'true';
}

/** Sets a file's modification time, in seconds from now. */
function age(file: string, secondsAgo: number): void {
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(file, when, when);
}

describe('tools › stale', () => {
  const source = join(root, 'source.ts');
  const other = join(root, 'other.ts');
  const built = [join(root, 'a.js'), join(root, 'b.js')];
  const inputsFile = join(root, 'inputs.json');
  beforeEach(() => {
    for (const file of [source, other, ...built]) writeFileSync(file, '');
    writeFileSync(inputsFile, JSON.stringify({ folder: root, inputs: ['source.ts', 'other.ts'] }));
    for (const file of [source, other]) age(file, 100);
    age(built[0], 50);
    age(built[1], 10);
  });

  it('is fresh when every output is newer than every source', () => {
    expect(isStale(built, inputsFile)).toBe(false);
  });

  it('is stale when a source is newer than the oldest output', () => {
    age(other, 20);
    expect(isStale(built, inputsFile)).toBe(true);
  });

  it('is stale when a source is gone, an output or the list is missing, or the checkout moved', () => {
    rmSync(other);
    expect(isStale(built, inputsFile)).toBe(true);
    writeFileSync(other, '');
    age(other, 100);
    expect(isStale([...built, join(root, 'missing.js')], inputsFile)).toBe(true);
    expect(isStale(built, join(root, 'no-inputs.json'))).toBe(true);
    expect(isStale(built, inputsFile, join(root, 'elsewhere'))).toBe(true);
  });
});

describe('tools › build.mjs after a build', () => {
  it('finds dist/ up to date: every input it lists is a file of the checkout, so a command starts without building', () => {
    // jest's global setup has just built dist/ (test/support/globalSetup.js).
    const root = join(__dirname, '..', '..');
    const inputs = (JSON.parse(readFileSync(join(root, 'dist', '.inputs.json'), 'utf8')) as { inputs: string[] }).inputs;
    expect(inputs.filter((input) => !existsSync(join(root, input)))).toEqual([]);
    expect(execFileSync(process.execPath, [join(root, 'tools', 'build.mjs')], { encoding: 'utf8' })).toMatch(/^dist\/ is up to date/);
  });
});
