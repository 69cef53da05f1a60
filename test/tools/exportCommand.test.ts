/**
 * `export` as a command over many workbooks: the workbooks read on worker threads give the same
 * tables as one read after another on the main thread; two files holding the same cases are refused
 * as `aggregate` refuses them; DuckDB's scratch folder is gone however the command ends (an invalid
 * answer half-way, Ctrl-C, SIGTERM).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { runExport } from '../../tools/export';
import { runAggregate } from '../../tools/aggregate';

jest.setTimeout(240_000);

const ROOT = join(__dirname, '../..');
const EXAMPLE = join(ROOT, 'examples/thames-valley-2019/thames-valley-2019.xlsx');
const BIN = join(ROOT, 'bin/inspection-ratings.mjs');
const TABLES = ['answers', 'bands', 'case_fields', 'inspections', 'judgements', 'key_questions', 'prompts', 'question_columns', 'standards'];

/** The example with the first case ID of its Case supervision tab (cell A2) replaced: another inspection's cases. */
async function variant(file: string, caseId: string, answer?: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(EXAMPLE));
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const relations = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const id = /<sheet [^>]*name="Case supervision"[^>]*r:id="([^"]+)"/.exec(workbook)![1];
  const part = `xl/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(relations)![1]}`;
  let sheet = await zip.file(part)!.async('string');
  sheet = sheet.replace(/<c r="A2"[^>]*?(\/>|>.*?<\/c>)/, `<c r="A2" t="inlineStr"><is><t>${caseId}</t></is></c>`);
  // An answer cell of the second case (J3) made invalid, for a workbook the export must refuse.
  if (answer !== undefined) sheet = sheet.replace(/<c r="J3"[^>]*?(\/>|>.*?<\/c>)/, `<c r="J3" t="inlineStr"><is><t>${answer}</t></is></c>`);
  zip.file(part, sheet);
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

async function run(args: string[], here: string): Promise<{ status: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runExport(args, here, (line) => out.push(line), (line) => err.push(line));
  return { status, out, err };
}

/** The installable command in a new process (its bundle, so its workers), with its own temporary folder. */
function command(args: string[], cwd: string, temporary: string): ChildProcess & { done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, TMPDIR: temporary, npm_lifecycle_event: '' } });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
  return Object.assign(child, { done });
}

const scratch = (temporary: string) => readdirSync(temporary).filter((name) => name.startsWith('inspection-ratings-sql-'));

describe('export › many workbooks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-export-command-'));
  const files = Array.from({ length: 12 }, (_, index) => join(dir, `inspection-${index + 1}.xlsx`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    for (const [index, file] of files.entries()) await variant(file, `Variant ${index + 1}`);
  });

  it('read on worker threads (the command) or one after another (in this process): the same tables, byte for byte', async () => {
    const temporary = join(dir, 'tmp-workers');
    mkdirSync(temporary);
    const workers = await command(['export', ...files, '--out', 'workers', '--format', 'csv'], dir, temporary).done;
    expect([workers.code, workers.stderr]).toEqual([0, '']);
    const inThread = await run([...files, '--out', 'in-thread', '--format', 'csv'], dir);
    expect(inThread.status).toBe(0);
    for (const table of TABLES) expect([table, readFileSync(join(dir, 'workers', `${table}.csv`), 'utf8') === readFileSync(join(dir, 'in-thread', `${table}.csv`), 'utf8')]).toEqual([table, true]);
    // Each workbook's answers once, in the order given: the inspections 1 to 12 in turn.
    const inspections = readFileSync(join(dir, 'workers', 'answers.csv'), 'utf8').trimEnd().split('\n').slice(1).map((line) => line.split(',')[0]);
    expect([...new Set(inspections)]).toEqual(files.map((_, index) => `inspection-${index + 1}`));
    expect(scratch(temporary)).toEqual([]);
  });

  it('two files holding the same cases (a copy under another name): exit 2, the line aggregate prints, nothing written', async () => {
    copyFileSync(files[0], join(dir, 'copy.xlsx'));
    const exported = await run([files[0], files[1], 'copy.xlsx', '--out', 'same'], dir);
    const line = `${files[0]} and ${join(dir, 'copy.xlsx')} hold the same cases (their case tabs are identical): give each inspection once, or its cases would be pooled twice.`;
    expect(exported).toEqual({ status: 2, out: [], err: [line] });
    expect(existsSync(join(dir, 'same'))).toBe(false);
    const err: string[] = [];
    expect(await runAggregate([files[0], files[1], join(dir, 'copy.xlsx')], () => undefined, (text) => err.push(text))).toBe(2);
    expect(err).toEqual([line]);
  });

  it('an invalid answer in the 10th file: exit 2 naming it, and no scratch folder left', async () => {
    const temporary = join(dir, 'tmp-invalid');
    mkdirSync(temporary);
    const bad = join(dir, 'bad.xlsx');
    await variant(bad, 'Bad', 'Perhaps');
    const result = await command(['export', ...files.slice(0, 9), bad, ...files.slice(9), '--out', 'invalid'], dir, temporary).done;
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/bad\.xlsx, tab "Case supervision": Row 3, column "[^"]+": "Perhaps" is not an answer/)]);
    expect(scratch(temporary)).toEqual([]);
    expect(existsSync(join(dir, 'invalid'))).toBe(false);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('interrupted by %s while it works: it ends by the signal, and its scratch folder is gone', async (signal) => {
    const temporary = join(dir, `tmp-${signal}`);
    mkdirSync(temporary);
    const many = [...files, ...files.map((_, index) => join(dir, `more-${index}.xlsx`))];
    for (const [index, file] of many.slice(files.length).entries()) if (!existsSync(file)) await variant(file, `More ${index}`);
    const child = command(['export', ...many, '--out', `stopped-${signal}`], dir, temporary);
    // Interrupted once DuckDB has its scratch folder, that is once it holds rows.
    const started = Date.now();
    while (scratch(temporary).length === 0 && child.exitCode === null && Date.now() - started < 120_000) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(scratch(temporary)).toHaveLength(1);
    child.kill(signal);
    const result = await child.done;
    expect([result.code, result.signal]).toEqual([null, signal]);
    expect(scratch(temporary)).toEqual([]);
    expect(existsSync(join(dir, `stopped-${signal}`))).toBe(false);
  });
});
