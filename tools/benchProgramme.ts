/**
 * `npm run bench -- programme` (docs/programme.md): what the commands cost whole, and the method's SQL
 * at a programme's scale. Not a test: it measures and prints; `--json` ends with one JSON line.
 *
 * - start: `inspection-ratings rate EXAMPLE --json` as a user runs it (a new process, start-up
 *   included), beside openpyxl reading every cell of the same file (Debian's python3-openpyxl, a
 *   process too); the median of several runs of each, taken in turns.
 * - export: `export` of 1,000 workbooks to Parquet (the example, each with its own first case ID:
 *   `export` refuses two files holding the same cases), wall time, processor time and peak memory.
 * - pooled: 500,000 generated cases (about 32 million answer rows) written as Parquet, then
 *   sql/programme.sql and sql/slices.sql run on DuckDB over the files, in a new process: wall time
 *   and peak memory.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import JSZip from 'jszip';
import { CRC_2018 } from '../src/core/frameworks/crc2018';
import { ProgrammeDatabase } from './duckdb';
import { appendFramework, SCHEMA } from './programmeData';

const ROOT = join(__dirname, '..');
const EXAMPLE = join(ROOT, 'examples', 'thames-valley-2019', 'thames-valley-2019.xlsx');
const BIN = join(ROOT, 'bin', 'inspection-ratings.mjs');
const RUNS = 7;
const EXPORT_WORKBOOKS = 1_000;
const POOLED_CASES = 500_000;

const OPENPYXL_READ = `
import openpyxl, sys
book = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
cells = 0
for sheet in book.worksheets:
    for row in sheet.iter_rows(values_only=True):
        cells += len(row)
`;

interface Timed {
  ms: number;
  /** Processor time, user and system, of every thread: what the work costs on a machine others share. */
  cpu_ms: number;
  rss_mb: number;
}

/** A command as a new process: wall time, processor time and peak resident memory (GNU time's %U, %S, %M). */
function timed(command: string, args: string[], cwd = ROOT): Timed {
  const start = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S %M', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr.slice(-500)}`);
  const [user, system, kb] = result.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { ms: Math.round(ms), cpu_ms: Math.round((user + system) * 1000), rss_mb: Math.round(kb / 1024) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function startBench(): { rate_json_ms: number; openpyxl_ms: number; ratio: number } {
  // Once first, so the kept bundle and dist/ exist: later runs measure a start, not a build.
  timed(process.execPath, [BIN, 'rate', EXAMPLE, '--json']);
  const rate: number[] = [];
  const openpyxl: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    rate.push(timed(process.execPath, [BIN, 'rate', EXAMPLE, '--json']).ms);
    openpyxl.push(timed('/usr/bin/python3', ['-c', OPENPYXL_READ, EXAMPLE]).ms);
  }
  const [rateMs, openpyxlMs] = [median(rate), median(openpyxl)];
  return { rate_json_ms: rateMs, openpyxl_ms: openpyxlMs, ratio: Number((rateMs / openpyxlMs).toFixed(2)) };
}

/** The example workbook's bytes with the first case ID of its Case supervision tab (cell A2) replaced: another inspection's cases. */
async function exampleVariants(count: number): Promise<(index: number) => Promise<Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(EXAMPLE));
  const part = 'xl/worksheets/sheet2.xml';
  const sheet = await zip.file(part)!.async('string');
  if (!/<c r="A2"[^>]*?(\/>|>.*?<\/c>)/.test(sheet)) throw new Error(`${EXAMPLE}: no cell A2 in ${part}`);
  return async (index) => {
    zip.file(part, sheet.replace(/<c r="A2"[^>]*?(\/>|>.*?<\/c>)/, `<c r="A2" t="inlineStr"><is><t>Case ${index + 1} of ${count}</t></is></c>`));
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  };
}

async function exportBench(dir: string): Promise<Timed & { workbooks: number; parquet_mb: number }> {
  const inputs = join(dir, 'workbooks');
  mkdirSync(inputs);
  const variant = await exampleVariants(EXPORT_WORKBOOKS);
  const files: string[] = [];
  for (let index = 0; index < EXPORT_WORKBOOKS; index += 1) {
    const file = join(inputs, `inspection-${index + 1}.xlsx`);
    writeFileSync(file, await variant(index));
    files.push(file);
  }
  const out = join(dir, 'export');
  const measured = timed(process.execPath, [BIN, 'export', ...files, '--out', out]);
  const bytes = Object.keys(SCHEMA).reduce((sum, table) => sum + statSync(join(out, `${table}.parquet`)).size, 0);
  return { ...measured, workbooks: EXPORT_WORKBOOKS, parquet_mb: Number((bytes / 1024 / 1024).toFixed(1)) };
}

/** 500,000 cases of 150 per inspection: every Case supervision question, answers drawn by DuckDB's random(). */
async function writePooledTables(dir: string): Promise<number> {
  const database = await ProgrammeDatabase.open();
  try {
    appendFramework(CRC_2018, database);
    await database.flush();
    const inspections = Math.ceil(POOLED_CASES / 150);
    await database.connection.run(`
      INSERT INTO inspections
      SELECT 'inspection-' || i, i, 'inspection-' || i || '.xlsx', 'Provider ' || (i % 40), '${CRC_2018.id}', 2018 + (i % 7), NULL, NULL, NULL, NULL
      FROM range(1, ${inspections + 1}) AS t(i)`);
    await database.connection.run(`
      CREATE TEMP TABLE questions AS
      SELECT k.key_question AS question, 'key question' AS kind, k.key_question, k.standard FROM key_questions k JOIN standards s USING (framework, standard) WHERE s.case_tab = 'Case supervision' AND NOT k.qualitative
      UNION ALL
      SELECT p.prompt, 'prompt', p.key_question, k.standard FROM prompts p JOIN key_questions k USING (framework, key_question) JOIN standards s USING (framework, standard) WHERE s.case_tab = 'Case supervision' AND NOT k.qualitative`);
    await database.connection.run(`
      INSERT INTO question_columns SELECT i.inspection, 'Case supervision', q.question FROM inspections i CROSS JOIN questions q`);
    await database.connection.run(`
      INSERT INTO answers
      SELECT 'inspection-' || (c // 150 + 1), 'Provider ' || ((c // 150 + 1) % 40), '${CRC_2018.id}', 2018 + ((c // 150 + 1) % 7), 'Case supervision', 'C' || c, c % 150 + 2,
        q.question, q.kind, q.key_question, q.standard,
        CASE WHEN r < 0.62 THEN 'Yes' WHEN r < 0.9 THEN 'No' WHEN r < 0.97 THEN 'N/A' ELSE NULL END, 'Inspector ' || (c % 25)
      FROM (SELECT c, q.*, random() AS r FROM range(0, ${POOLED_CASES}) AS t(c) CROSS JOIN questions q) AS q`);
    await database.connection.run(`
      INSERT INTO case_fields
      SELECT 'inspection-' || (c // 150 + 1), 'Case supervision', c % 150 + 2, f.field, CASE WHEN random() < 0.6 THEN f.first ELSE f.second END
      FROM range(0, ${POOLED_CASES}) AS t(c)
      CROSS JOIN (VALUES ('Sentence type', 'Community', 'Licence'), ('Gender', 'Male', 'Female'), ('Harm factors present', 'Yes', 'No')) AS f(field, first, second)`);
    await database.writeTables(dir, 'parquet');
    const [{ rows }] = await database.rows('SELECT COUNT(*) AS rows FROM answers');
    return rows as number;
  } finally {
    database.close();
  }
}

/** In a child process: the two queries over the Parquet files, their time printed as JSON. */
async function poolFiles(dir: string): Promise<void> {
  const start = performance.now();
  const database = await ProgrammeDatabase.open({ withTables: false });
  await database.attachTables(dir, 'parquet');
  const programme = await database.query('programme');
  const slices = await database.query('slices');
  database.close();
  console.log(JSON.stringify({ ms: Math.round(performance.now() - start), programme_rows: programme.length, slice_rows: slices.length }));
}

export async function programmeBench(json: boolean): Promise<void> {
  const poolDir = process.argv[process.argv.indexOf('--pool-files') + 1];
  if (process.argv.includes('--pool-files')) return poolFiles(poolDir);
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-bench-programme-'));
  // `-- programme start|export|pooled`: only those parts.
  const parts = ['start', 'export', 'pooled'].filter((part) => process.argv.includes(part));
  const wanted = (part: string) => parts.length === 0 || parts.includes(part);
  try {
    const start = wanted('start') ? startBench() : undefined;
    if (start) console.log(`rate --json on the example, whole command: ${start.rate_json_ms} ms; openpyxl reading it: ${start.openpyxl_ms} ms; ratio ${start.ratio} (medians of ${RUNS})`);
    const exported = wanted('export') ? await exportBench(dir) : undefined;
    if (exported) console.log(`export of ${exported.workbooks} example workbooks: ${exported.ms} ms (processor ${exported.cpu_ms} ms), peak ${exported.rss_mb} MB, ${exported.parquet_mb} MB of Parquet`);
    if (!wanted('pooled')) return;
    const pooledDir = join(dir, 'pooled');
    mkdirSync(pooledDir);
    const answerRows = await writePooledTables(pooledDir);
    const bytes = Object.keys(SCHEMA).reduce((sum, table) => sum + statSync(join(pooledDir, `${table}.parquet`)).size, 0);
    const pooled = timed(process.execPath, [join(ROOT, 'tools', 'run.mjs'), join(ROOT, 'tools', 'benchProgramme.ts'), '--pool-files', pooledDir]);
    console.log(`${POOLED_CASES} cases (${answerRows} answer rows, ${(bytes / 1024 / 1024).toFixed(1)} MB of Parquet) pooled and sliced (sql/programme.sql, sql/slices.sql): ${pooled.ms} ms, peak ${pooled.rss_mb} MB (a new process, start-up included)`);
    if (json) console.log(JSON.stringify({ start, export: exported, pooled: { cases: POOLED_CASES, answer_rows: answerRows, parquet_mb: Number((bytes / 1024 / 1024).toFixed(1)), ...pooled } }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The pooling step runs as its own process (start-up included, nothing else loaded): `run.mjs tools/benchProgramme.ts --pool-files DIR`.
if (process.argv[1] === join(__dirname, 'benchProgramme.ts')) void programmeBench(process.argv.includes('--json'));
