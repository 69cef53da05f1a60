/**
 * Outputs never replace inputs or existing work (docs/commands.md): rate, template and aggregate run
 * as a user runs them, with outputs that reach an input through a link, a folder, or an existing
 * workbook; each refusal is one line naming the file, exit status 2, and nothing written.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { refusedOutput, unreadableInput } from '../../tools/outputs';
import { readXlsxWorkbook, writeXlsx } from '../../tools/xlsx';
import { CommandResult, runTool } from '../support/commands';

const ROOT = join(__dirname, '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'thames-valley-2019', 'thames-valley-2019.xlsx');
jest.setTimeout(60_000);

const command = runTool;

const stderrLines = (result: CommandResult) => result.stderr.trimEnd().split('\n');

describe('tools › outputs › rate', () => {
  let dir: string;
  let input: string;
  let original: Buffer;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-outputs-'));
    input = join(dir, 'inspection.xlsx');
    copyFileSync(EXAMPLE, input);
    original = readFileSync(input);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** The refusal: status 2, one line on stderr naming `file`, nothing on stdout, the input as it was, and no file added to the folder. */
  function expectRefused(result: CommandResult, file: string, before: string[]): void {
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(stderrLines(result)).toEqual([expect.stringContaining(file)]);
    expect(readFileSync(input).equals(original)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(before.sort());
  }

  it('refuses --out that is a symlink to the input', async () => {
    symlinkSync(input, join(dir, 'link.xlsx'));
    const result = await command('rate.ts', ['inspection.xlsx', '--out', 'link.xlsx'], dir);
    expectRefused(result, 'link.xlsx', ['inspection.xlsx', 'link.xlsx']);
    expect(result.stderr).toMatch(/input workbook/);
  });

  it('refuses --html that is a hard link to the input', async () => {
    linkSync(input, join(dir, 'same.html'));
    const result = await command('rate.ts', ['inspection.xlsx', '--out', 'rated.xlsx', '--html', 'same.html'], dir);
    expectRefused(result, 'same.html', ['inspection.xlsx', 'same.html']);
  });

  it('refuses --out reached through a linked folder, though the file name is the same', async () => {
    symlinkSync(dir, join(dir, 'again'));
    const result = await command('rate.ts', ['inspection.xlsx', '--out', join('again', 'inspection.xlsx')], dir);
    expectRefused(result, join('again', 'inspection.xlsx'), ['inspection.xlsx', 'again']);
  });

  it('refuses two outputs that are one file through a symlink to a file not yet written', async () => {
    symlinkSync(join(dir, 'rated.xlsx'), join(dir, 'pointer.xlsx'));
    const result = await command('rate.ts', ['inspection.xlsx', '--out', 'rated.xlsx', '--html', 'pointer.xlsx'], dir);
    expectRefused(result, 'pointer.xlsx', ['inspection.xlsx', 'pointer.xlsx']);
    expect(result.stderr).toMatch(/same file as --out/);
  });

  it('refuses --html that is a folder before writing the rated workbook (it used to fail with EISDIR after)', async () => {
    mkdirSync(join(dir, 'pages'));
    const result = await command('rate.ts', ['inspection.xlsx', '--out', 'rated.xlsx', '--html', 'pages'], dir);
    expectRefused(result, 'pages', ['inspection.xlsx', 'pages']);
    expect(result.stderr).toMatch(/folder/);
    expect(readdirSync(join(dir, 'pages'))).toEqual([]);
  });

  it('refuses --out and --html that are the same file', async () => {
    const result = await command('rate.ts', ['inspection.xlsx', '--out', 'both', '--html', './both'], dir);
    expectRefused(result, 'both', ['inspection.xlsx']);
    expect(result.stderr).toMatch(/same file/);
  });

  it('refuses a folder given as the workbook, in one line', async () => {
    const result = await command('rate.ts', ['.', '--out', 'rated.xlsx'], dir);
    expectRefused(result, dir, ['inspection.xlsx']);
    expect(result.stderr).toMatch(/is a folder/);
  });

  it('writes both outputs when they are distinct files, relative to where the command was typed', async () => {
    const result = await command('rate.ts', ['inspection.xlsx', '--out', 'rated.xlsx', '--html', 'ratings.html'], dir);
    expect(result.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['inspection.xlsx', 'rated.xlsx', 'ratings.html']);
    expect(readFileSync(input).equals(original)).toBe(true);
  });
});

describe('tools › outputs › template', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-template-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('never writes over an existing file (it may be a filled inspection) unless --force', async () => {
    const filled = join(dir, 'mine.xlsx');
    copyFileSync(EXAMPLE, filled);
    const refused = await command('template.ts', ['--out', 'mine.xlsx'], dir);
    expect(refused.status).toBe(2);
    expect(stderrLines(refused)).toEqual([expect.stringMatching(/mine\.xlsx: already exists.*--force/)]);
    expect(readFileSync(filled).equals(readFileSync(EXAMPLE))).toBe(true);

    const forced = await command('template.ts', ['--out', 'mine.xlsx', '--force'], dir);
    expect(forced.status).toBe(0);
    expect(readFileSync(filled).equals(readFileSync(EXAMPLE))).toBe(false);
  });

  it('refuses a folder as --out even with --force', async () => {
    mkdirSync(join(dir, 'folder'));
    const result = await command('template.ts', ['--out', 'folder', '--force'], dir);
    expect(result.status).toBe(2);
    expect(stderrLines(result)).toEqual([expect.stringMatching(/folder: --out names a folder/)]);
  });
});

describe('tools › outputs › aggregate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-aggregate-'));
  const a = join(dir, 'a.xlsx');
  const b = join(dir, 'b.xlsx');
  beforeAll(async () => {
    copyFileSync(EXAMPLE, a);
    // Another inspection: the example with one case ID changed (a copy would hold the same cases, which aggregate refuses).
    const other = await readXlsxWorkbook(EXAMPLE);
    other.setCellValues('Case supervision', 'A2', [['Another case']]);
    await writeXlsx(other, b);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses --out that is one of the inputs, written another way, and leaves it as it was', async () => {
    const result = await command('aggregate.ts', ['a.xlsx', 'b.xlsx', '--out', join('.', 'x', '..', 'a.xlsx')], dir);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(stderrLines(result)).toEqual([expect.stringMatching(/a\.xlsx: --out names the input workbook/)]);
    expect(readFileSync(a).equals(readFileSync(EXAMPLE))).toBe(true);
  });

  it('refuses a folder as an input in one line', async () => {
    const result = await command('aggregate.ts', ['a.xlsx', '.'], dir);
    expect(result.status).toBe(2);
    expect(stderrLines(result)).toEqual(['.: is a folder, not a workbook; give the .xlsx file inside it.']);
  });

  it('reads the inputs and writes --out relative to where the command was typed', async () => {
    const result = await command('aggregate.ts', ['a.xlsx', 'b.xlsx', '--out', 'programme.xlsx', '--json'], dir);
    expect(result.status).toBe(0);
    expect(existsSync(join(dir, 'programme.xlsx'))).toBe(true);
  });
});

describe('tools › outputs › refusedOutput and unreadableInput', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-names-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows a hidden character in a file name by its code point, and caps a long one at 200 characters', () => {
    const hidden = join(dir, 'pa\u200bges');
    mkdirSync(hidden);
    expect(refusedOutput([], [{ file: hidden, option: '--html', replaces: true }])).toMatch(/pa\[U\+200B\]ges: --html names a folder/);
    expect(unreadableInput(hidden)).toMatch(/pa\[U\+200B\]ges: is a folder/);
    const long = join(dir, `${'x'.repeat(240)}.xlsx`);
    expect(unreadableInput(long)).toMatch(/x… \(\d+ characters\): no such file\.$/);
  });

  it('two outputs not yet written are one file when one is reached through a linked folder', () => {
    symlinkSync(dir, join(dir, 'again'));
    const outputs = [
      { file: join(dir, 'new.xlsx'), option: '--out', replaces: true },
      { file: join(dir, 'again', 'new.xlsx'), option: '--html', replaces: true },
    ];
    expect(refusedOutput([], outputs)).toBe(`${join(dir, 'again', 'new.xlsx')}: --html is the same file as --out ${join(dir, 'new.xlsx')}; give each output its own file.`);
    expect(refusedOutput([], [outputs[0], { ...outputs[1], file: join(dir, 'again', 'other.html') }])).toBeUndefined();
  });
});
