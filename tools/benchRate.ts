/**
 * `npm run bench -- rate`: `rate --json` and `rate --out` on generated CRC workbooks of 2,000, 10,000
 * and 100,000 cases, beside reading every cell of the same file with openpyxl read-only (Debian's
 * python3-openpyxl, a reader that is not ours), or, where Python lacks it, our reader's own pass
 * (labelled). Each figure is measured inside its own process (start-up and bundling excluded):
 * wall time, processor time and peak resident memory. `-- rate --cases 2000,10000` runs some sizes only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CRC_2018 } from '../src/core/frameworks/crc2018';
import { caseTabLayouts } from '../src/core/workbook';
import { rate } from './rate';
import { readXlsxValues } from './xlsxValues';

const ROOT = join(__dirname, '..');
const PYTHON = '/usr/bin/python3';
const SIZES = [2_000, 10_000, 100_000];
/** Past this many cases `--out` (the add-on in the offline runtime) is not attempted: see the printed note. */
const OUT_LIMIT = 10_000;

const OPENPYXL_PASS = `
import resource, sys, time
start = time.perf_counter()
import openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True)
cells = 0
for sheet in book.worksheets:
    for row in sheet.iter_rows(values_only=True):
        cells += len(row)
usage = resource.getrusage(resource.RUSAGE_SELF)
print('{"ms": %.1f, "cpu_ms": %.1f, "rss_mb": %.1f, "cells": %d}' % ((time.perf_counter() - start) * 1000, (usage.ru_utime + usage.ru_stime) * 1000, usage.ru_maxrss / 1024, cells))
`;

interface Measure {
  ms: number;
  /** Processor time (user and system): what the work costs, however loaded the machine is. */
  cpu_ms: number;
  rss_mb: number;
}

/** A CRC workbook: Case supervision with `cases` answered cases (metadata, prompts, key questions), the other case tabs headed only. */
export async function generate(file: string, cases: number): Promise<void> {
  // Loaded here, not at the top: a measured child process loads exceljs only as `rate` itself does.
  const { default: ExcelJS } = await import('exceljs');
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const answers = ['Yes', 'No', 'N/A', 'Yes', 'No', 'Yes', ''];
  for (const layout of caseTabLayouts(CRC_2018)) {
    const sheet = writer.addWorksheet(layout.name);
    sheet.addRow(layout.headers).commit();
    if (layout.name !== 'Case supervision') continue;
    const free = new Set(layout.freeText);
    for (let row = 0; row < cases; row += 1) {
      const metadata = [`C${row + 1}`, `Inspector ${row % 9}`, row % 3 ? 'Community order' : 'Licence', row % 4 ? 'Male' : 'Female'];
      const cells = layout.headers.map((header, column) => {
        if (column < layout.metadataCount) return metadata[column] ?? '';
        return free.has(header) ? '' : answers[(row * 31 + column * 7) % answers.length];
      });
      sheet.addRow(cells).commit();
    }
    sheet.commit();
  }
  await writer.commit();
}

function child(args: string[]): Measure | { error: string } {
  const result = spawnSync(process.execPath, [join(ROOT, 'tools', 'run.mjs'), join(ROOT, 'tools', 'benchRate.ts'), '--child', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const last = result.stdout.trimEnd().split('\n').pop() ?? '';
  if (result.status !== 0 || !last.startsWith('{')) return { error: (result.stderr || result.stdout).trim().split('\n').slice(-1)[0] ?? `status ${result.status}` };
  return JSON.parse(last) as Measure;
}

function readPass(file: string): (Measure & { reader: string }) | { error: string } {
  const python = spawnSync(PYTHON, ['-c', OPENPYXL_PASS, file], { encoding: 'utf8' });
  if (python.status === 0) return { reader: 'openpyxl read-only', ...(JSON.parse(python.stdout) as Measure) };
  const ours = child(['read', file]);
  return 'error' in ours ? ours : { reader: 'our reader (no openpyxl)', ...ours };
}

/** Runs the measured step in this (child) process and prints its time and peak memory. */
async function measureHere(step: string, file: string, out?: string): Promise<void> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  if (step === 'read') await readXlsxValues(file);
  else if (step === 'json') await rate({ root: ROOT, file, json: true });
  else await rate({ root: ROOT, file, out });
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({ ms: Number(ms.toFixed(1)), cpu_ms: Number(((used.user + used.system) / 1000).toFixed(1)), rss_mb: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)) }));
}

const shown = (measure: Measure | { error: string } | undefined) => (measure === undefined ? 'not run' : 'error' in measure ? `failed: ${measure.error}` : `${measure.ms} ms (processor ${measure.cpu_ms} ms), peak ${measure.rss_mb} MB`);

/** The sizes to run: `--cases 2000,10000` picks some (default: all). */
function chosenSizes(argv: readonly string[]): number[] {
  const index = argv.indexOf('--cases');
  if (index < 0) return SIZES;
  return (argv[index + 1] ?? '').split(',').map(Number).filter((cases) => Number.isInteger(cases) && cases > 0);
}

export async function rateBench(json: boolean, argv: readonly string[] = []): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-bench-rate-'));
  const rows: object[] = [];
  try {
    for (const cases of chosenSizes(argv)) {
      const file = join(dir, `crc-${cases}.xlsx`);
      await generate(file, cases);
      const read = readPass(file);
      const rateJson = child(['json', file]);
      const rateOut = cases <= OUT_LIMIT ? child(['out', file, join(dir, `crc-${cases}-rated.xlsx`)]) : undefined;
      const ratio = 'error' in read || 'error' in rateJson ? null : Number((rateJson.ms / read.ms).toFixed(2));
      console.log(`${String(cases).padStart(7)} cases: read (${'reader' in read ? read.reader : 'none'}) ${shown(read)}; rate --json ${shown(rateJson)} (${ratio ?? '—'}× read); rate --out ${shown(rateOut)}`);
      rows.push({
        cases,
        read_ms: 'error' in read ? null : read.ms,
        read_cpu_ms: 'error' in read ? null : read.cpu_ms,
        read_by: 'reader' in read ? read.reader : null,
        read_rss_mb: 'error' in read ? null : read.rss_mb,
        rate_json_ms: 'error' in rateJson ? null : rateJson.ms,
        rate_json_rss_mb: 'error' in rateJson ? null : rateJson.rss_mb,
        rate_out_ms: rateOut && !('error' in rateOut) ? rateOut.ms : null,
        rate_out_cpu_ms: rateOut && !('error' in rateOut) ? rateOut.cpu_ms : null,
        rate_out_rss_mb: rateOut && !('error' in rateOut) ? rateOut.rss_mb : null,
      });
    }
    console.log(`rate --out (the add-on in the offline runtime, writing live summary tabs) is not run past ${OUT_LIMIT.toLocaleString('en-GB')} cases.`);
    if (json) console.log(JSON.stringify({ rate: rows }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// A measured step in its own process (tools/run.mjs puts this file's path in argv[1]).
if (process.argv[1] === join(__dirname, 'benchRate.ts') && process.argv[2] === '--child') {
  const [, , , step, file, out] = process.argv;
  measureHere(step, file, out).catch((error: Error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}
