/**
 * What every output is checked for before anything is read or written (docs/commands.md): a name
 * whose ending is another format's, an existing .xlsx that no earlier run wrote (needs --force), a
 * place that cannot be written; and aggregate's refusal of two inputs holding the same cases. Each
 * refusal is exit status 2, one line naming the file, and nothing written.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSpreadsheet } from '../../runtime';
import { isMarkedOutput, refusedOutputs, unwritable } from '../../tools/outputs';
import { caseContentHash, sameCasesRefusal } from '../../tools/sameCases';
import { readXlsxWorkbook, writeXlsx } from '../../tools/xlsx';
import { rate } from '../../tools/rate';
import { progressSteps, ratedWorkbookRefusal } from '../../tools/workbookSession';
import { CommandResult, runTool } from '../support/commands';

const ROOT = join(__dirname, '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'thames-valley-2019', 'thames-valley-2019.xlsx');
jest.setTimeout(180_000);

const stderrLines = (result: CommandResult) => result.stderr.trimEnd().split('\n');

/** A place no user can write: /sys is mounted read-only, or owned by root and closed to others. */
const UNWRITABLE = '/sys';

describe('tools › output checks › rate', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-output-checks-'));
    copyFileSync(EXAMPLE, join(dir, 'inspection.xlsx'));
    copyFileSync(EXAMPLE, join(dir, 'other.xlsx'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function expectRefused(result: CommandResult, pattern: RegExp): void {
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(stderrLines(result)).toEqual([expect.stringMatching(pattern)]);
    expect(readdirSync(dir).sort()).toEqual(['inspection.xlsx', 'other.xlsx']);
    expect(readFileSync(join(dir, 'other.xlsx')).equals(readFileSync(EXAMPLE))).toBe(true);
  }

  it.each([
    [['--docx', 'other.xlsx'], /other\.xlsx: --docx writes a Word document, but the name ends in "\.xlsx"; give a name ending \.docx/],
    [['--html', 'page.docx'], /page\.docx: --html writes a web page, but the name ends in "\.docx"/],
    [['--out', 'rated.html'], /rated\.html: --out writes an \.xlsx workbook, but the name ends in "\.html"/],
    [['--out', 'rated'], /rated: --out writes an \.xlsx workbook, but the name has no ending/],
  ])('refuses an output named as another format: %j', async (args, pattern) => {
    expectRefused(await runTool('rate.ts', ['inspection.xlsx', ...args], dir), pattern);
  });

  it('refuses to replace an existing .xlsx no earlier run wrote, without --force', async () => {
    const result = await runTool('rate.ts', ['inspection.xlsx', '--out', 'other.xlsx'], dir);
    expectRefused(result, /other\.xlsx: already exists and was not written by an earlier run .*add --force to replace it\./);
  });

  it('refuses an output in a place it cannot write before writing any (the rated workbook used to be written first)', async () => {
    const result = await runTool('rate.ts', ['inspection.xlsx', '--out', 'rated.xlsx', '--html', join(UNWRITABLE, 'ratings.html')], dir);
    expectRefused(result, /^\/sys\/ratings\.html: the folder \/sys (is not writable by you|is on a read-only file system); choose another place for it\.$/);
  });

  it('template refuses an --out named as another format', async () => {
    const result = await runTool('template.ts', ['--out', 'blank.docx'], dir);
    expectRefused(result, /blank\.docx: --out writes an \.xlsx workbook/);
  });
});

describe('tools › output checks › the mark of an earlier run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-output-mark-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const workbook = () => buildSpreadsheet({ name: 'marked', sheets: { Notes: [['Hello']] } });

  it('an .xlsx written with a mark is an earlier run\'s, one without (a template, an inspector\'s file) is not, nor is a file that is no zip', async () => {
    const marked = join(dir, 'marked.xlsx');
    const plain = join(dir, 'plain.xlsx');
    const text = join(dir, 'text.xlsx');
    await writeXlsx(workbook(), marked, { mark: 'rate' });
    await writeXlsx(workbook(), plain);
    writeFileSync(text, 'not a workbook');
    expect(await Promise.all([marked, plain, text, EXAMPLE].map(isMarkedOutput))).toEqual([true, false, false, false]);
    const outputs = (file: string) => [{ file, option: '--out', replaces: true, format: 'xlsx' as const }];
    expect(await refusedOutputs([], outputs(marked))).toBeUndefined();
    expect(await refusedOutputs([], outputs(plain))).toMatch(/plain\.xlsx: already exists and was not written by an earlier run/);
    expect(await refusedOutputs([], outputs(plain), { force: true })).toBeUndefined();
  });

  it('an existing .docx, even one a run wrote, is replaced only with --force: the inspectors write their narrative in it', async () => {
    const report = join(dir, 'report.docx');
    writeFileSync(report, 'the inspectors\' draft');
    const outputs = [{ file: report, option: '--docx', replaces: true, format: 'docx' as const }];
    expect(await refusedOutputs([], outputs)).toMatch(/report\.docx: already exists \(a report the inspectors may have written in since\).*add --force to replace it\./);
    expect(await refusedOutputs([], outputs, { force: true })).toBeUndefined();
  });

  it('a missing folder is checked at the nearest folder that exists', () => {
    expect(unwritable(join(dir, 'new', 'deeper', 'rated.xlsx'))).toBeUndefined();
    expect(existsSync(join(dir, 'new'))).toBe(false);
    expect(unwritable(join(UNWRITABLE, 'new', 'rated.xlsx'))).toMatch(/^\/sys\/new\/rated\.xlsx: the folder \/sys /);
  });
});

describe('tools › output checks › aggregate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-same-cases-'));
  const a = join(dir, 'a.xlsx');
  const copy = join(dir, 'copy.xlsx');
  beforeAll(() => {
    copyFileSync(EXAMPLE, a);
    copyFileSync(EXAMPLE, copy);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a byte-identical copy of an input, naming both', async () => {
    const result = await runTool('aggregate.ts', ['a.xlsx', 'copy.xlsx', '--json'], dir);
    expect([result.status, result.stdout, stderrLines(result)]).toEqual([2, '', ['a.xlsx and copy.xlsx hold the same cases (their case tabs are identical): give each inspection once, or its cases would be pooled twice.']]);
  });

  it('replaces its own programme workbook, but not another .xlsx without --force', async () => {
    // Another inspection: the example with one case ID changed.
    const other = await readXlsxWorkbook(EXAMPLE);
    other.setCellValues('Case supervision', 'A2', [['Another case']]);
    await writeXlsx(other, join(dir, 'other.xlsx'));
    const first = await runTool('aggregate.ts', ['a.xlsx', 'other.xlsx', '--out', 'programme.xlsx'], dir);
    expect(first.status).toBe(0);
    const again = await runTool('aggregate.ts', ['a.xlsx', 'other.xlsx', '--out', 'programme.xlsx'], dir);
    expect(again.status).toBe(0);
    copyFileSync(EXAMPLE, join(dir, 'work.xlsx'));
    const refused = await runTool('aggregate.ts', ['a.xlsx', 'other.xlsx', '--out', 'work.xlsx'], dir);
    expect([refused.status, refused.stdout, stderrLines(refused)]).toEqual([2, '', [expect.stringMatching(/^work\.xlsx: already exists and was not written by an earlier run.*--force/)]]);
    expect(readFileSync(join(dir, 'work.xlsx')).equals(readFileSync(EXAMPLE))).toBe(true);
  });

  it('same cases: the same values under another tab name or padded with blanks; not the same: a number against its text, another answer, two inputs without cases', () => {
    const header = ['Case ID', '2.1.1 Engaging?'];
    const input = (file: string, tab: string, rows: unknown[][]) => ({ file, caseTabs: [{ tab, rows }] });
    const one = input('one.xlsx', 'Case supervision', [header, ['C1', 'Yes'], ['C2', 'No']]);
    expect(sameCasesRefusal([one, input('renamed.xlsx', 'Cases 2019', [header, ['C1', 'Yes', ''], ['C2', 'No']])])).toBe(
      'one.xlsx and renamed.xlsx hold the same cases (their case tabs are identical): give each inspection once, or its cases would be pooled twice.',
    );
    expect(sameCasesRefusal([input('n.xlsx', 'Case supervision', [header, [1, 'Yes']]), input('s.xlsx', 'Case supervision', [header, ['1', 'Yes']])])).toBeUndefined();
    expect(sameCasesRefusal([one, input('two.xlsx', 'Case supervision', [header, ['C1', 'Yes'], ['C2', 'Yes']])])).toBeUndefined();
    expect(caseContentHash(input('empty.xlsx', 'Case supervision', [header]))).toBeUndefined();
    expect(sameCasesRefusal([input('e1.xlsx', 'Case supervision', [header]), input('e2.xlsx', 'Case supervision', [header, []])])).toBeUndefined();
  });
});

describe('tools › rate --out: bounded work', () => {
  it('refuses a workbook whose rated workbook would not fit in memory, in one line saying what to do', () => {
    // 100 MB of its own and 400 bytes a cell: 1,000,000 cells need 100 × 2^20 + 400 × 10^6 bytes = 504,857,600 bytes, about 0.5 GB (481.5 MB, so 482).
    expect(ratedWorkbookRefusal('big.xlsx', 1_000_000, 4 * 1024 ** 3)).toBeUndefined();
    expect(ratedWorkbookRefusal('big.xlsx', 1_000_000, 504_857_600)).toBeUndefined();
    expect(ratedWorkbookRefusal('big.xlsx', 1_000_000, 504_857_599)).toBeDefined();
    expect(ratedWorkbookRefusal('big.xlsx', 1_000_000, 0.4 * 1024 ** 3)).toBe(
      "big.xlsx: 1,000,000 cells are too many for the rated workbook within this machine's memory (about 0.5 GB needed, 0.4 GB available to Node): split the workbook, or run with NODE_OPTIONS=--max-old-space-size=482; rate --json, --html and --docx read it without building the workbook.",
    );
  });

  it('reports each step of long work, with the time so far; says nothing for short work', async () => {
    const lines: string[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-progress-'));
    try {
      await rate({ root: ROOT, file: EXAMPLE, out: join(dir, 'rated.xlsx'), progress: (line) => lines.push(line), progressFrom: 1 });
      expect(lines).toEqual([
        expect.stringMatching(/^rate: [\d,]+ cells; reading the workbook for the rated workbook… \(\d+ s so far\)$/),
        expect.stringMatching(/^rate: New inspection… \(\d+ s so far\)$/),
        expect.stringMatching(/^rate: Generate summaries… \(\d+ s so far\)$/),
        expect.stringContaining(`rate: writing ${join(dir, 'rated.xlsx')}… (`),
        expect.stringMatching(/^rate: the rated workbook is written \(\d+ s so far\)$/),
      ]);
      const quiet: string[] = [];
      const step = progressSteps(99_999, (line) => quiet.push(line));
      step('rate: New inspection…');
      expect(quiet).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
