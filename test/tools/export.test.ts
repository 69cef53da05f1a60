/**
 * `export` of the example inspection, then the method's SQL on DuckDB over the files written: every
 * published figure of the Thames Valley report (examples/thames-valley-2019/figures.json, taken from
 * the report, not from this code), both panel moves and 17/30 Good. And export's refusals.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { YJ_2018 } from '../../src/core/frameworks/youthJustice';
import { caseTabLayouts } from '../../src/core/workbook';
import { buildSpreadsheet } from '../../runtime';
import { ProgrammeDatabase, ResultRow } from '../../tools/duckdb';
import { runExport } from '../../tools/export';
import { writeXlsx } from '../../tools/xlsx';

jest.setTimeout(180_000);

const EXAMPLE = join(__dirname, '../../examples/thames-valley-2019/thames-valley-2019.xlsx');
const FIGURES = JSON.parse(readFileSync(join(__dirname, '../../examples/thames-valley-2019/figures.json'), 'utf8'));
const TABLES = ['answers', 'bands', 'case_fields', 'inspections', 'judgements', 'key_questions', 'prompts', 'question_columns', 'standards'];

async function run(args: string[], here: string): Promise<{ status: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runExport(args, here, (line) => out.push(line), (line) => err.push(line));
  return { status, out, err };
}

/** The method's queries over an export's files. */
async function queries(dir: string, format: 'parquet' | 'csv'): Promise<Record<string, ResultRow[]>> {
  const database = await ProgrammeDatabase.open({ withTables: false });
  try {
    await database.attachTables(dir, format);
    const result: Record<string, ResultRow[]> = {};
    for (const query of ['key_questions', 'prompts', 'standards', 'overall', 'slices'] as const) result[query] = await database.query(query);
    return result;
  } finally {
    database.close();
  }
}

describe('export › the example inspection, then the SQL on DuckDB', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-export-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let parquet: Record<string, ResultRow[]>;

  beforeAll(async () => {
    const result = await run([EXAMPLE, '--out', 'tables'], dir);
    expect(result.err).toEqual([]);
    expect(result.status).toBe(0);
    parquet = await queries(join(dir, 'tables'), 'parquet');
  });

  it('writes every table as a Parquet file in DIR', () => {
    expect(readdirSync(join(dir, 'tables')).sort()).toEqual(TABLES.map((table) => `${table}.parquet`));
  });

  it('every published key-question percentage and standard rating, both panel moves, 17/30 Good', () => {
    const keyQuestions = new Map(parquet.key_questions.map((row) => [row.key_question, row]));
    for (const [id, figure] of Object.entries(FIGURES.keyQuestions) as Array<[string, { current: number }]>) expect([id, keyQuestions.get(id)?.percent]).toEqual([id, figure.current]);
    const standards = new Map(parquet.standards.map((row) => [row.standard, row]));
    for (const [id, rating] of Object.entries(FIGURES.ratings)) expect([id, standards.get(id)?.rating]).toEqual([id, rating]);
    for (const [id, judgement] of Object.entries(FIGURES.panelJudgements) as Array<[string, { indicative: string; panel: string }]>) {
      expect(standards.get(id)).toMatchObject({ indicative: judgement.indicative, rating: judgement.panel, panel_applied: true });
    }
    expect(parquet.standards.filter((row) => row.panel_applied).map((row) => row.standard)).toEqual(Object.keys(FIGURES.panelJudgements));
    expect(parquet.overall).toEqual([expect.objectContaining({ score: FIGURES.overall.score, out_of: 30, rating: FIGURES.overall.rating })]);
  });

  it("every prompt percentage Annex 4 gives, and the report's sub-sample splits", () => {
    const prompts = new Map(parquet.prompts.map((row) => [row.prompt, row]));
    const given = Object.entries(FIGURES.prompts) as Array<[string, { current?: number }]>;
    for (const [id, figure] of given.filter(([, figure]) => figure.current !== undefined)) expect([id, prompts.get(id)?.percent]).toEqual([id, figure.current]);
    for (const split of FIGURES.subSampleSplits.filter((candidate: { id: string }) => !candidate.id.includes('('))) {
      for (const [value, percent] of Object.entries(split.percent)) {
        const row = parquet.slices.find((candidate) => candidate.slice === `field: ${split.by}` && candidate.value === value && candidate.key_question === split.id);
        expect([split.id, value, row?.percent]).toEqual([split.id, value, percent]);
      }
    }
  });

  it('the same figures from CSV files', async () => {
    const result = await run([EXAMPLE, '--out', 'csv', '--format', 'csv'], dir);
    expect(result.status).toBe(0);
    expect(readdirSync(join(dir, 'csv')).sort()).toEqual(TABLES.map((table) => `${table}.csv`));
    const csv = await queries(join(dir, 'csv'), 'csv');
    expect(csv.key_questions).toEqual(parquet.key_questions);
    expect(csv.standards).toEqual(parquet.standards);
    expect(csv.overall).toEqual(parquet.overall);
  });
});

describe('export › an empty workbook (headers, no case yet)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-export-empty-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every table: its inspection, no answers, the framework tables whole', async () => {
    const empty = join(dir, 'empty.xlsx');
    const [layout] = caseTabLayouts(YJ_2018);
    await writeXlsx(buildSpreadsheet({ name: 'empty', sheets: { [layout.name]: [layout.headers] } }), empty);
    const result = await run([empty, '--out', 'tables'], dir);
    expect(result.err).toEqual([]);
    expect(result.status).toBe(0);
    expect(readdirSync(join(dir, 'tables')).sort()).toEqual(TABLES.map((table) => `${table}.parquet`));
    const database = await ProgrammeDatabase.open({ withTables: false });
    try {
      await database.attachTables(join(dir, 'tables'), 'parquet');
      expect(await database.rows('SELECT inspection, framework FROM inspections')).toEqual([{ inspection: 'empty', framework: 'yj-2018' }]);
      expect(await database.rows('SELECT COUNT(*) AS n FROM answers')).toEqual([{ n: 0 }]);
      expect(await database.rows('SELECT COUNT(*) AS n FROM standards')).toEqual([{ n: YJ_2018.domains.flatMap((domain) => domain.standards).length }]);
    } finally {
      database.close();
    }
  });
});

describe('export › refusals: exit 2, one line, nothing written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-export-refusals-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const youth = join(dir, 'youth.xlsx');
  const bad = join(dir, 'bad.xlsx');

  beforeAll(async () => {
    const [layout] = caseTabLayouts(YJ_2018);
    const row = layout.headers.map((header) => (header === 'Case ID' ? 'Y1' : /^\d+\.\d+\.\d+ /.test(header) ? 'Yes' : ''));
    await writeXlsx(buildSpreadsheet({ name: 'youth', sheets: { [layout.name]: [layout.headers, row] } }), youth);
    await writeXlsx(buildSpreadsheet({ name: 'bad', sheets: { 'Case supervision': [['Case ID', '2.1.1 Engaging?'], ['C1', 'Yes'], ['C2', 'Yes!']] } }), bad);
  });

  it('workbooks of two frameworks, unless --by-framework writes each to its own folder', async () => {
    const mixed = await run([EXAMPLE, youth, '--out', 'mixed'], dir);
    expect(mixed).toEqual({ status: 2, out: [], err: [expect.stringMatching(/follows .*\(crc-2018\) but .*youth\.xlsx follows .*\(yj-2018\).*--by-framework/)] });
    expect(existsSync(join(dir, 'mixed'))).toBe(false);
    const apart = await run([EXAMPLE, youth, '--out', 'apart', '--by-framework'], dir);
    expect(apart.status).toBe(0);
    expect(readdirSync(join(dir, 'apart')).sort()).toEqual(['crc-2018', 'yj-2018']);
    const database = await ProgrammeDatabase.open({ withTables: false });
    try {
      await database.attachTables(join(dir, 'apart', 'yj-2018'), 'parquet');
      expect(await database.rows('SELECT inspection, framework FROM inspections')).toEqual([{ inspection: 'youth', framework: 'yj-2018' }]);
    } finally {
      database.close();
    }
  });

  it('an invalid answer, named by file, tab, row, column and value', async () => {
    const result = await run([bad, '--out', 'bad'], dir);
    expect(result).toEqual({ status: 2, out: [], err: [expect.stringMatching(/bad\.xlsx, tab "Case supervision": Row 3, column "2\.1\.1 Engaging\?": "Yes!" is not an answer/)] });
    expect(existsSync(join(dir, 'bad'))).toBe(false);
  });

  it("a table already in --out (someone's own answers.csv) is replaced only with --force", async () => {
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine', 'answers.csv'), 'my own notes');
    const refused = await run([youth, '--out', 'mine', '--format', 'csv'], dir);
    expect(refused).toEqual({ status: 2, out: [], err: [expect.stringMatching(/mine\/answers\.csv: already exists; .*add --force to replace them\./)] });
    expect(readdirSync(join(dir, 'mine'))).toEqual(['answers.csv']);
    expect(readFileSync(join(dir, 'mine', 'answers.csv'), 'utf8')).toBe('my own notes');
    expect((await run([youth, '--out', 'mine', '--format', 'csv', '--force'], dir)).status).toBe(0);
    expect(readFileSync(join(dir, 'mine', 'answers.csv'), 'utf8')).not.toBe('my own notes');
  });

  it('a missing file, one file twice, and no --out', async () => {
    expect(await run([join(dir, 'gone.xlsx'), '--out', 'x'], dir)).toEqual({ status: 2, out: [], err: [`${join(dir, 'gone.xlsx')}: no such file.`] });
    expect((await run([youth, join(dir, '.', 'youth.xlsx'), '--out', 'x'], dir)).err).toEqual([expect.stringMatching(/are the same file/)]);
    expect((await run([youth], dir)).err).toEqual([expect.stringMatching(/--out names the folder/)]);
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });
});
