import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { typeCaseSample } from '../../examples/thames-valley-2019/workbook';
import { publishedCases } from '../../examples/thames-valley-2019/published';
import { buildSpreadsheet, loadAddon } from '../../runtime';
import { readXlsxWorkbook, writeXlsx } from '../../tools/xlsx';
import { aggregateRun as run } from '../support/aggregate';
import { comparisonQuestions } from '../../src/core/workbook';
import { CRC_2018 } from '../../src/core/frameworks/crc2018';

const CASE_TABS = ['Case supervision', 'Unpaid work', 'Through the Gate'] as const;
const SERIES = ['current', 'previous', 'keener'] as const;

interface Json {
  framework: string;
  providers: Array<{ file: string }>;
  keyQuestions: Array<{ id: string; yes: number; applicable: number; percent: number | null; providers: Array<{ yes: number; applicable: number; percent: number | null; significant: boolean | null }> }>;
}

/** Yes and applicable of a key question in a generated case table, counted by hand. */
function counts(table: unknown[][], id: string): { yes: number; applicable: number } {
  const column = table[0].findIndex((header) => String(header).startsWith(`${id} `));
  const answers = column < 0 ? [] : table.slice(1).map((row) => row[column]);
  return { yes: answers.filter((answer) => answer === 'Yes').length, applicable: answers.filter((answer) => answer === 'Yes' || answer === 'No').length };
}


describe('aggregate › three inspection workbooks pooled', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-aggregate-'));
  const files = SERIES.map((series) => join(dir, `${series}.xlsx`));
  // Three providers: the example's current and previous cases (previous with unpaid work and Through
  // the Gate not started: work in progress, R12), and a third that answered Yes far more often.
  const tables = new Map(
    SERIES.map((series) => [
      series,
      CASE_TABS.map((tab) => {
        if (series === 'current') return publishedCases(tab, 'current');
        if (series === 'previous') return tab === 'Case supervision' ? publishedCases(tab, 'previous') : [['Case ID']];
        return publishedCases(tab, 'current').map((row, index) => (index > 0 && index <= 40 ? row.map((cell) => (cell === 'No' ? 'Yes' : cell)) : row));
      }),
    ]),
  );

  beforeAll(async () => {
    // Each workbook laid out by New inspection (as the template is), its case tabs filled from generated data.
    for (const [index, series] of SERIES.entries()) {
      const rt = loadAddon({ spreadsheet: buildSpreadsheet({ name: series }) });
      rt.call('runNewInspection');
      CASE_TABS.forEach((tab, tabIndex) => {
        const table = tables.get(series)![tabIndex];
        if (table.length > 1) typeCaseSample(rt, tab, table);
      });
      await writeXlsx(rt.workbook, files[index], { sheets: [...CASE_TABS] });
    }
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  let json: Json;
  let out: string[];
  const programmeFile = join(dir, 'programme.xlsx');

  beforeAll(async () => {
    const result = await run([...files, '--json', '--out', programmeFile]);
    expect(result.err).toEqual([]);
    expect(result.status).toBe(0);
    out = result.out;
    json = JSON.parse(out[out.length - 1]);
  }, 60_000);

  it('ends stdout with one JSON line: framework, providers in argument order', () => {
    expect(json.framework).toBe(CRC_2018.id);
    expect(json.providers).toEqual(files.map((file) => ({ file })));
    expect(out.filter((line) => line.startsWith('{'))).toHaveLength(1);
  });

  it('pools every key question exactly: Yes and applicable are the sums over the workbooks', () => {
    expect(json.keyQuestions.map((row) => row.id)).toEqual(['2.1.1', '2.1.2', '2.1.3', '2.2.1', '2.2.2', '2.2.3', '2.3.1', '2.3.2', '2.3.3', '2.4.1', '2.4.2', '2.4.3', '4.1.1', '4.1.2', '4.1.4', '4.2.1', '4.2.2', '4.2.3']);
    for (const row of json.keyQuestions) {
      const own = SERIES.map((series) => tables.get(series)!.map((table) => counts(table, row.id)).find((count) => count.applicable > 0) ?? { yes: 0, applicable: 0 });
      expect(row.providers.map(({ yes, applicable }) => ({ yes, applicable }))).toEqual(own);
      expect(row.yes).toBe(own.reduce((sum, count) => sum + count.yes, 0));
      expect(row.applicable).toBe(own.reduce((sum, count) => sum + count.applicable, 0));
      expect(row.percent).toBe(Math.floor((200 * row.yes + row.applicable) / (2 * row.applicable)));
      row.providers.forEach((provider) => expect(provider.percent).toBe(provider.applicable ? Math.floor((200 * provider.yes + provider.applicable) / (2 * provider.applicable)) : null));
    }
  });

  it("marks each provider's significance against the rest as a hand z-test does, null where untestable", () => {
    for (const row of json.keyQuestions) {
      row.providers.forEach((provider) => {
        const restYes = row.yes - provider.yes;
        const restApplicable = row.applicable - provider.applicable;
        if (provider.applicable === 0 || restApplicable === 0) return expect(provider.significant).toBeNull();
        const pooled = row.yes / row.applicable;
        const z = (provider.yes / provider.applicable - restYes / restApplicable) / Math.sqrt(pooled * (1 - pooled) * (1 / provider.applicable + 1 / restApplicable));
        expect(provider.significant).toBe(Math.abs(z) > 1.6448536269514722);
      });
    }
    expect(json.keyQuestions.flatMap((row) => row.providers).some((provider) => provider.significant === true)).toBe(true);
  });

  it('prints one line per key question with each provider and the pooled figure', () => {
    const line = out.find((text) => text.startsWith('2.2.3 '))!;
    const row = json.keyQuestions.find((candidate) => candidate.id === '2.2.3')!;
    expect(line).toContain(`${row.percent}% (${row.yes}/${row.applicable})`);
  });

  it("writes a programme workbook whose Comparison tab fills a new inspection's All providers columns, row for row", async () => {
    const programme = await readXlsxWorkbook(programmeFile);
    const comparison = programme.sheetValues('Comparison');
    expect(comparison[0]).toEqual(['Id', 'Question', 'Previous %', 'Previous n', 'All providers %', 'All providers n']);
    expect(comparison.slice(1).map((row) => row[0])).toEqual(comparisonQuestions(CRC_2018).map((question) => question.id));

    // A new inspection (the example's cases) takes columns E:F as they are, then generates its summaries.
    const rt = loadAddon({ spreadsheet: await readXlsxWorkbook(join(__dirname, '../../examples/thames-valley-2019/thames-valley-2019.xlsx')) });
    rt.call('runNewInspection');
    expect(rt.sheetValues('Comparison').slice(1).map((row) => row[0])).toEqual(comparison.slice(1).map((row) => row[0]));
    rt.setCellValues('Comparison', 'E2', comparison.slice(1).map((row) => [row[4], row[5]]));
    rt.call('runGenerateSummaries');
    const keyQuestions = rt.sheetValues('Key questions');
    const header = keyQuestions.find((row) => row[0] === 'Standard')!;
    const [allPercent, allN, differs] = ['All providers %', 'All providers n', 'Difference significant'].map((title) => header.indexOf(title));
    for (const row of json.keyQuestions.filter((candidate) => candidate.id.startsWith('2.'))) {
      const shown = keyQuestions.find((cells) => cells[1] === row.id)!;
      expect(shown[allPercent]).toBeCloseTo(row.yes / row.applicable, 12);
      expect(shown[allN]).toBe(row.applicable);
      expect(typeof shown[differs]).toBe('boolean');
    }
  }, 60_000);

  it('runs as a command: status 0 and the JSON last on stdout; status 2 and one line on stderr for a missing file', () => {
    const command = (args: string[]) => spawnSync(process.execPath, ['tools/run.mjs', 'tools/aggregate.ts', ...args], { cwd: join(__dirname, '../..'), encoding: 'utf8' });
    const ok = command([files[0], files[2], '--json']);
    expect(ok.status).toBe(0);
    const last = JSON.parse(ok.stdout.trimEnd().split('\n').pop()!);
    expect(last.providers).toEqual([{ file: files[0] }, { file: files[2] }]);
    const missing = command([join(dir, 'gone.xlsx'), files[0]]);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trimEnd().split('\n')).toEqual([`${join(dir, 'gone.xlsx')}: no such file.`]);
  }, 30_000);

  it('exits 2 with one line naming a missing file, an unusable one, and writes nothing', async () => {
    const out2 = join(dir, 'never.xlsx');
    const notWorkbook = join(dir, 'notes.xlsx');
    writeFileSync(notWorkbook, 'not a zip');
    for (const [bad, message] of [
      [join(dir, 'missing.xlsx'), /missing\.xlsx: no such file/],
      [notWorkbook, /notes\.xlsx: not an \.xlsx workbook/],
    ] as const) {
      const result = await run([bad, files[0], '--out', out2, '--json']);
      expect(result.status).toBe(2);
      expect(result.err).toHaveLength(1);
      expect(result.err[0]).toMatch(message);
      expect(result.out).toEqual([]);
      expect(existsSync(out2)).toBe(false);
    }
  });

  it('exits 2 naming the file, tab, row, column and value of an invalid answer, and a workbook with no case tab', async () => {
    const table = publishedCases('Case supervision', 'current');
    const column = table[0].findIndex((header) => String(header).startsWith('2.1.1 '));
    table[3][column] = 'Yes!';
    const bad = join(dir, 'bad.xlsx');
    await writeXlsx(buildSpreadsheet({ name: 'bad', sheets: { 'Case supervision': table } }), bad);
    const invalid = await run([bad, files[0]]);
    expect(invalid.status).toBe(2);
    expect(invalid.err).toEqual([expect.stringMatching(/bad\.xlsx, tab "Case supervision": Row 4, column "2\.1\.1 [^"]*": "Yes!" is not an answer/)]);

    const empty = join(dir, 'empty.xlsx');
    await writeXlsx(buildSpreadsheet({ name: 'empty', sheets: { Notes: [['Hello']] } }), empty);
    const noCases = await run([empty, files[0]]);
    expect(noCases.status).toBe(2);
    expect(noCases.err).toEqual([expect.stringMatching(/empty\.xlsx: no case tab/)]);
  }, 30_000);
});
