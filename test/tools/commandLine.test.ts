/**
 * The command line as people type it (docs/commands.md): `npm run rate -- FILE --json` and the same
 * typed without `--` (npm keeps `--json` for itself), and the installable command `inspection-ratings`
 * run from another folder, paths relative to it. Child processes throughout, as a user runs them.
 */
import { accessSync, constants, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { npmArguments, typedCommand } from '../../tools/npmArguments';
import { CommandResult, runProgram } from '../support/commands';

const ROOT = join(__dirname, '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'thames-valley-2019', 'thames-valley-2019.xlsx');
jest.setTimeout(120_000);

type Result = CommandResult;

function run(file: string, args: string[], cwd: string): Promise<Result> {
  // Without the npm_* of an outer `npm test`, as in a user's shell.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== 'INIT_CWD'));
  return runProgram(file, args, { cwd, env });
}

const lastLine = (text: string) => text.trimEnd().split('\n').pop()!;
const json = (result: Result) => JSON.parse(lastLine(result.stdout)) as { framework: string; overall: { rating: string } };

describe('tools › command line › npm run rate, with and without --', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-npm-'));
  const input = join(dir, 'inspection.xlsx');
  beforeAll(() => copyFileSync(EXAMPLE, input));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('npm run rate -- FILE --json --out FILE: the JSON is the last line', async () => {
    const result = await run('npm', ['run', '--silent', 'rate', '--', input, '--json', '--out', join(dir, 'a.xlsx')], ROOT);
    expect(result.status).toBe(0);
    expect(json(result)).toMatchObject({ framework: 'crc-2018', overall: { rating: 'Good' } });
    expect(existsSync(join(dir, 'a.xlsx'))).toBe(true);
  });

  it('npm run rate FILE --json --out=FILE (no --, npm keeps both): the JSON is still the last line, and nothing is said about it', async () => {
    const result = await run('npm', ['run', '--silent', 'rate', input, '--json', `--out=${join(dir, 'b.xlsx')}`], ROOT);
    expect(result.status).toBe(0);
    expect(json(result)).toMatchObject({ framework: 'crc-2018', overall: { rating: 'Good' } });
    expect(result.stderr).toBe('');
    expect(existsSync(join(dir, 'b.xlsx'))).toBe(true);
  });

  it('npm run rate FILE --out FILE (no --, the value is lost): one line saying to put -- first, status 2, nothing written', async () => {
    const result = await run('npm', ['run', '--silent', 'rate', input, '--out', join(dir, 'c.xlsx')], ROOT);
    expect(result.status).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toEqual(['npm took --out for itself: put -- before the command\'s arguments, e.g. npm run rate -- FILE --json --out FILE']);
    expect(existsSync(join(dir, 'c.xlsx'))).toBe(false);
  });
});

describe('tools › command line › typedCommand: a command named as the user invoked it', () => {
  it('npm run NAME -- in npm run, the installable command when it says so', () => {
    expect(typedCommand('rate', {})).toBe('npm run rate --');
    expect(typedCommand('rate', { INSPECTION_RATINGS_COMMAND: 'npx inspection-ratings' })).toBe('npx inspection-ratings rate');
  });
});

describe('tools › command line › npmArguments', () => {
  const options = { usage: 'rate -- FILE --json --out FILE', switches: ['json'], valued: ['out', 'html'] };
  it('changes nothing outside npm run, whatever npm_config_* says', () => {
    expect(npmArguments(['a.xlsx'], options, { npm_config_json: 'true' })).toEqual({ args: ['a.xlsx'] });
  });
  it('puts back a switch and an --out=FILE that npm kept, and never doubles one typed after --', () => {
    const env = { npm_lifecycle_event: 'rate', npm_config_json: 'true', npm_config_out: 'x.xlsx' };
    expect(npmArguments(['a.xlsx'], options, env)).toEqual({ args: ['a.xlsx', '--out', 'x.xlsx', '--json'] });
    expect(npmArguments(['a.xlsx', '--json', '--out', 'y.xlsx'], options, env)).toEqual({ args: ['a.xlsx', '--json', '--out', 'y.xlsx'] });
  });
});

describe('tools › command line › the installable command inspection-ratings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-bin-'));
  const bin = join(ROOT, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin['inspection-ratings']);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is an executable script named in package.json', () => {
    expect(() => accessSync(bin, constants.X_OK)).not.toThrow();
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('--help lists every command', async () => {
    const result = await run(bin, ['--help'], dir);
    expect(result.status).toBe(0);
    for (const command of ['rate', 'template', 'aggregate', 'export', 'frameworks', 'preview', 'demo']) expect(result.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });

  it('an unknown command: one line with the commands, status 2', async () => {
    const result = await run(bin, ['rates'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/no command "rates".*rate, template, aggregate, export, frameworks, preview, demo/)]);
  });

  it('template then rate from another folder, the paths relative to it; what to type next is named as it was typed', async () => {
    const template = await run(bin, ['template', '--out', 'mine.xlsx'], dir);
    expect(template.status).toBe(0);
    expect(lastLine(template.stdout)).toMatch(/\. Fill in the case tabs, then: inspection-ratings rate mine\.xlsx$/);
    copyFileSync(EXAMPLE, join(dir, 'tv.xlsx'));
    const rated = await run(bin, ['rate', 'tv.xlsx', '--json', '--out', 'tv-rated.xlsx'], dir);
    expect(rated.status).toBe(0);
    expect(json(rated)).toMatchObject({ framework: 'crc-2018', overall: { rating: 'Good' } });
    expect(existsSync(join(dir, 'mine.xlsx')) && existsSync(join(dir, 'tv-rated.xlsx'))).toBe(true);
  });

  it('npx finds it in the package (no install); its usage lines name npx inspection-ratings, not npm run', async () => {
    const result = await run('npx', ['--no-install', 'inspection-ratings', 'frameworks', '--json'], ROOT);
    expect(result.status).toBe(0);
    expect(JSON.parse(lastLine(result.stdout)).map((framework: { id: string }) => framework.id)).toContain('crc-2018');
    const wrong = await run('npx', ['--no-install', 'inspection-ratings', 'frameworks', '--jsn'], ROOT);
    expect([wrong.status, wrong.stderr.trim()]).toEqual([2, 'Unknown argument --jsn. Usage: npx inspection-ratings frameworks [--json]']);
  });

  it('installs from a clone (npm install -g PATH) and runs from any folder', async () => {
    const prefix = join(dir, 'prefix');
    const installed = await run('npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', ROOT], dir);
    expect(installed.status).toBe(0);
    const elsewhere = mkdtempSync(join(tmpdir(), 'inspection-ratings-elsewhere-'));
    try {
      const listed = await run(join(prefix, 'bin', 'inspection-ratings'), ['frameworks', '--json'], elsewhere);
      expect(listed.status).toBe(0);
      expect(JSON.parse(lastLine(listed.stdout)).map((framework: { id: string }) => framework.id)).toEqual(['crc-2018', 'yj-2018', 'yj-2021']);
      const usage = await run(join(prefix, 'bin', 'inspection-ratings'), ['rate'], elsewhere);
      expect([usage.status, usage.stderr.trim()]).toEqual([2, 'Usage: inspection-ratings rate FILE [--out FILE] [--json] [--html PAGE] [--docx REPORT [--panel-pack]] [--force]: give exactly one workbook (.xlsx).']);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
