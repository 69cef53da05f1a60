/**
 * `npm run bench`: how the add-on performs where Apps Script is slow. Not a test — it
 * measures and prints; `--json` ends with one JSON line for notes and CI logs.
 *
 * - bundle_bytes / load_ms: every custom-function call loads the whole script; compile: the script
 *   and a custom-functions-only build compiled cold, a new process per sample (no code cache), and
 *   one RATINGS_TABLE / PROMPTS_TABLE execution cold (compile, top level and one unwarmed call).
 * - engine: RATINGS_TABLE over N cases with every 2.x column, beside one plain pass over
 *   the key-question cells it must read (the floor any engine must pay), median of several runs.
 * - recalc: one answer typed on Case supervision with every summary live: every custom-function
 *   execution Sheets would start (at most 2) and the chain depth (1: none reads another's result),
 *   the cells passed to those reading the tab, the cells the tab holds and its grid.
 * - data_quality: the Data quality pass over 100,000 rows, time and heap; and the report model the
 *   sidebar's overview builds over them (report_ms, report_heap_mb).
 * - service_calls: Apps Script service calls Generate summaries makes at 100 and 10,000
 *   cases, counted by the offline runtime; equal when reads and writes are batched.
 * - programme_table_ms: PROGRAMME_TABLE over 30 ranges of 150 cases (docs/programme.md), median of several runs.
 * - aggregate_ms: `npm run aggregate` over 30 workbooks of 150 cases, reading the .xlsx files included.
 * - `npm run bench -- rate`: rate --json and --out beside reading the same file, at 2,000 to 100,000
 *   cases (tools/benchRate.ts).
 * - `npm run bench -- programme`: rate --json's whole start beside openpyxl, export of 1,000
 *   workbooks, and 500,000 cases pooled and sliced by the method's SQL (tools/benchProgramme.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import vm from 'node:vm';
import { eligiblePopulation } from '../examples/eligible-population';
import { CRC_2018 } from '../src/core/frameworks/crc2018';
import { markerHeader } from '../src/core/frameworkChoice';
import { promptHeader } from '../src/core/workbook';
import { buildSpreadsheet, columnLetters, loadAddon } from '../runtime';
import { readCaseTable } from '../src/core/caseTable';
import { checkCaseTab } from '../src/core/dataQuality';
import { ratingsReport } from '../src/core/report';
import { aggregate } from './aggregate';
import { rateBench } from './benchRate';
import { writeXlsx } from './xlsx';

const CODE = readFileSync(join(__dirname, '..', 'dist', 'Code.js'), 'utf8');
const RUNS = 15;
const json = process.argv.includes('--json');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(run: () => unknown, runs = RUNS): number {
  const samples: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function loadBundle(): Record<string, (...args: unknown[]) => unknown> {
  const context = vm.createContext({});
  vm.runInContext(CODE, context);
  return context as Record<string, (...args: unknown[]) => unknown>;
}

/**
 * What one execution compiles before the function runs, measured cold: each sample is a new Node
 * process (a new V8 isolate, no code cache) that compiles the file (new vm.Script, no cached data)
 * and runs its top level in a fresh context, as a new Apps Script execution may. Median of 9.
 */
function coldCompile(file: string): { kb: number; compile_ms: number; load_ms: number } {
  const probe = `
    const { readFileSync } = require('node:fs'); const vm = require('node:vm'); const { performance } = require('node:perf_hooks');
    const code = readFileSync(process.argv[1], 'utf8');
    const start = performance.now();
    const script = new vm.Script(code, { filename: 'Code.js', produceCachedData: false });
    const compiled = performance.now();
    script.runInContext(vm.createContext({}));
    console.log(JSON.stringify({ compile: compiled - start, load: performance.now() - start }));`;
  const samples = Array.from({ length: 9 }, () => JSON.parse(execFileSync(process.execPath, ['-e', probe, file], { encoding: 'utf8' })) as { compile: number; load: number });
  return {
    kb: Number((Buffer.byteLength(readFileSync(file)) / 1024).toFixed(1)),
    compile_ms: Number(median(samples.map((sample) => sample.compile)).toFixed(2)),
    load_ms: Number(median(samples.map((sample) => sample.load)).toFixed(2)),
  };
}

/**
 * One custom-function execution as a new Apps Script execution may run it: a new process compiles
 * the script, runs its top level and calls the function once on a Case supervision tab, nothing
 * warmed (no code cache, no optimised code). Median of 9 processes; the table is read from a file
 * before the clock starts.
 */
function coldExecution(file: string, name: string, cases: number, dir: string): { name: string; cases: number; call_ms: number; execution_ms: number } {
  const tableFile = join(dir, `table-${cases}.json`);
  writeFileSync(tableFile, JSON.stringify(caseSupervision(cases)));
  const probe = `
    const { readFileSync } = require('node:fs'); const vm = require('node:vm'); const { performance } = require('node:perf_hooks');
    const code = readFileSync(process.argv[1], 'utf8'); const table = JSON.parse(readFileSync(process.argv[2], 'utf8'));
    const start = performance.now();
    const context = vm.createContext({});
    new vm.Script(code, { filename: 'Code.js', produceCachedData: false }).runInContext(context);
    const loaded = performance.now();
    context[process.argv[3]](table);
    const end = performance.now();
    console.log(JSON.stringify({ call: end - loaded, execution: end - start }));`;
  const samples = Array.from({ length: 9 }, () => JSON.parse(execFileSync(process.execPath, ['-e', probe, file, tableFile, name], { encoding: 'utf8' })) as { call: number; execution: number });
  return { name, cases, call_ms: Number(median(samples.map((sample) => sample.call)).toFixed(2)), execution_ms: Number(median(samples.map((sample) => sample.execution)).toFixed(2)) };
}

/** The whole server script and a build with only the custom functions (tools/build.mjs --custom-functions-only), each compiled cold; and one cold execution of each table. */
function compileCost() {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-compile-'));
  try {
    const customOnly = join(dir, 'CustomFunctions.js');
    const code = join(__dirname, '..', 'dist', 'Code.js');
    execFileSync(process.execPath, [join(__dirname, 'build.mjs'), '--custom-functions-only', customOnly]);
    const executions = [100, 1000].flatMap((cases) => (['RATINGS_TABLE', 'PROMPTS_TABLE'] as const).map((name) => coldExecution(code, name, cases, dir)));
    return { whole: coldCompile(code), custom_functions_only: coldCompile(customOnly), cold_executions: executions };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function printCompile(compile: ReturnType<typeof compileCost>): void {
  console.log('Compiled cold (a new process per sample, no code cache; median of 9): what every custom-function execution pays before it runs');
  console.log(`  dist/Code.js (every server script file): ${compile.whole.kb} KB, compile ${compile.whole.compile_ms} ms, compile and top level ${compile.whole.load_ms} ms`);
  console.log(`  the custom functions alone:              ${compile.custom_functions_only.kb} KB, compile ${compile.custom_functions_only.compile_ms} ms, compile and top level ${compile.custom_functions_only.load_ms} ms`);
  console.log('One execution cold (a new process each: compile, top level, one call, nothing warmed; median of 9):');
  for (const row of compile.cold_executions) console.log(`  ${row.name} ${String(row.cases).padStart(5)} cases: the call ${row.call_ms} ms, the whole execution ${row.execution_ms} ms`);
}

/** A Case supervision tab as a custom function receives it: metadata, the Framework: column New inspection writes, prompts, key questions. */
function caseSupervision(cases: number, provider = 0): unknown[][] {
  const standards = CRC_2018.domains.flatMap((domain) => domain.standards).filter((standard) => standard.caseTab === 'Case supervision');
  const header = ['Case ID', 'Inspector', 'Sentence type', 'Gender', 'Responsible officer grade', 'Risk of serious harm level', 'Harm factors present', markerHeader(CRC_2018)];
  for (const standard of standards) {
    for (const keyQuestion of standard.keyQuestions) {
      for (const prompt of keyQuestion.prompts) header.push(promptHeader(prompt));
      header.push(`${keyQuestion.id} ${keyQuestion.text}`);
    }
  }
  const answers = ['Yes', 'No', 'N/A', 'Yes', 'No', 'Yes', ''];
  const rows: unknown[][] = [header];
  for (let row = 0; row < cases; row += 1) {
    // Each provider's own case IDs: aggregate refuses two inspections holding the same cases.
    const cells: unknown[] = [provider > 0 ? `P${provider}-C${row}` : `C${row}`, `Inspector ${row % 9}`, row % 3 ? 'Community' : 'Licence', row % 4 ? 'Male' : 'Female', row % 2 ? 'PO' : 'PSO', 'Medium', row % 5 ? 'Yes' : 'No', ''];
    for (let column = 8; column < header.length; column += 1) cells.push(answers[(row * 31 + column * 7) % answers.length]);
    rows.push(cells);
  }
  return rows;
}

/** The key-question columns of a table: the cells RATINGS_TABLE must read (prompts and metadata it need not). */
function keyQuestionColumns(table: unknown[][]): number[] {
  return table[0].flatMap((header, index) => (/^\d+\.\d+\.\d+ /.test(String(header)) ? [index] : []));
}

/** The prompt columns of a table: the cells PROMPTS_TABLE must read. */
function promptColumns(table: unknown[][]): number[] {
  return table[0].flatMap((header, index) => (/^\d+\.\d+\.\d+\(/.test(String(header)) ? [index] : []));
}

/** The floor: one plain pass over the cells the function must read, each read once. */
function singlePass(table: unknown[][], columns: number[]): number {
  let filled = 0;
  for (let row = 1; row < table.length; row += 1) {
    const cells = table[row];
    for (let at = 0; at < columns.length; at += 1) if (cells[columns[at]] !== '') filled += 1;
  }
  return filled;
}

/** The bundle loaded once for the engine, sampling and programme figures. */
let bundle: ReturnType<typeof loadBundle>;

/** RATINGS_TABLE and PROMPTS_TABLE over N cases, each beside one plain pass over the cells it reads. */
function engineCost() {
  return [1000, 10000, 100000].flatMap((cases) => {
    const table = caseSupervision(cases);
    return (['RATINGS_TABLE', 'PROMPTS_TABLE'] as const).map((name) => {
      const columns = name === 'RATINGS_TABLE' ? keyQuestionColumns(table) : promptColumns(table);
      bundle[name](table); // warm up
      // Alternating samples, so both sides of each ratio meet the same load on a shared machine.
      const pairs = Array.from({ length: RUNS }, () => [time(() => bundle[name](table), 1), time(() => singlePass(table, columns), 1)]);
      return {
        name,
        cases,
        cells: cases * table[0].length,
        cells_read: cases * columns.length,
        engine_ms: Number(median(pairs.map(([engine]) => engine)).toFixed(2)),
        single_pass_ms: Number(median(pairs.map(([, pass]) => pass)).toFixed(2)),
        ratio: Number(median(pairs.map(([engine, pass]) => engine / pass)).toFixed(2)),
      };
    });
  });
}

/** A workbook set up by New inspection holding `cases` case-supervision cases. */
function workbookWith(cases: number): ReturnType<typeof loadAddon> {
  const rt = loadAddon({ spreadsheet: buildSpreadsheet({ name: 'Bench' }) });
  rt.call('runNewInspection');
  const sheet = rt.spreadsheet.getSheetByName('Case supervision')!;
  if (sheet.getMaxRows() <= cases) sheet.insertRowsAfter(sheet.getMaxRows(), cases + 1 - sheet.getMaxRows());
  const table = caseSupervision(cases);
  const sheetHeader = rt.sheetValues('Case supervision')[0].map(String);
  const columnOf = table[0].map((header) => sheetHeader.indexOf(String(header)));
  const rows = table.slice(1).map((cells) => {
    const row: unknown[] = Array(sheetHeader.length).fill('');
    cells.forEach((cell, index) => (row[columnOf[index]] = cell));
    return row;
  });
  rt.setCellValues('Case supervision', 'A2', rows);
  return rt;
}

/** Service calls of one Generate summaries on a workbook holding `cases` case-supervision cases. */
function generateSummariesCalls(cases: number): number {
  const rt = workbookWith(cases);
  rt.counter.reset();
  rt.call('runGenerateSummaries');
  return rt.counter.total;
}

/**
 * The cost of one edit (docs/design.md "Runs per edit"): with every summary generated (Sub-samples
 * split by Gender), one answer typed on Case supervision. Every custom-function execution that
 * follows is one Apps Script run in Sheets, those whose inputs are other custom functions' results
 * included; the chain depth is the longest run of custom functions feeding each other (each level a
 * round trip that waits for the one before). Also the cells passed to the executions that read the
 * tab, against the cells the tab holds.
 */
function recalcCost(cases: number) {
  const rt = workbookWith(cases);
  const sheet = rt.spreadsheet.getSheetByName('Case supervision')!;
  const header = rt.sheetValues('Case supervision')[0].map(String);
  const gender = header.indexOf('Gender') + 1;
  rt.setCellValues('Case supervision', `${columnLetters(gender)}2`, Array.from({ length: cases }, (_, index) => [['Male', 'Female', 'Non-binary'][index % 3]]));
  rt.call('runGenerateSummaries', { subSampleHeader: 'Gender' });
  const usedColumns = header.length - [...header].reverse().findIndex((cell) => cell !== '');
  const column = header.findIndex((cell) => cell.startsWith('2.1.1 ')) + 1;
  const gridCells = sheet.getMaxRows() * sheet.getMaxColumns();
  const executions = rt.workbook.engine.executions;
  executions.length = 0;
  const start = performance.now();
  rt.setCellValues('Case supervision', `${columnLetters(column)}3`, [['No']]);
  const editMs = performance.now() - start;
  const direct = executions.filter((execution) => execution.tabs.includes('Case supervision'));
  return {
    cases,
    executions_per_edit: executions.length,
    chain_depth: rt.workbook.engine.chainDepth(executions),
    calls_per_edit: direct.length,
    cells_per_edit: direct.reduce((sum, execution) => sum + execution.cells, 0),
    tab_cells: (cases + 1) * usedColumns,
    grid_cells: gridCells,
    largest_call_cells: Math.max(0, ...direct.map((execution) => execution.cells)),
    edit_ms: Number(editMs.toFixed(1)),
    calls: [...new Set(executions.map((execution) => execution.name))].map((name) => `${name} ×${executions.filter((execution) => execution.name === name).length}`).join(', '),
  };
}

/** Issue 8: the Data quality pass over 100,000 rows with a problem in most rows, time and heap. */
function dataQualityCost(cases: number) {
  const table = caseSupervision(cases);
  const framework = CRC_2018;
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().heapUsed;
  const start = performance.now();
  const result = checkCaseTab('Case supervision', readCaseTable(table), framework, 2000);
  const ms = performance.now() - start;
  const heapMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  // The sidebar's overview: the report model over the same tab, its problems counted past the sidebar's 100.
  (globalThis as { gc?: () => void }).gc?.();
  const reportBefore = process.memoryUsage().heapUsed;
  const reportStart = performance.now();
  const report = ratingsReport(framework, (tab) => (tab === 'Case supervision' ? table : undefined), new Map(), 100);
  const reportMs = performance.now() - reportStart;
  const reportHeapMb = (process.memoryUsage().heapUsed - reportBefore) / 1024 / 1024;
  return {
    cases,
    ms: Number(ms.toFixed(1)),
    heap_mb: Number(Math.max(heapMb, 0).toFixed(1)),
    problems: result.problemCount,
    listed: result.problems.length,
    report_ms: Number(reportMs.toFixed(1)),
    report_heap_mb: Number(Math.max(reportHeapMb, 0).toFixed(1)),
    report_problems: report.problemCount,
  };
}

/** docs/sampling-and-qa.md: SAMPLE_CASES drawing 100 cases over 100,000 eligible cases in three strata columns (median of 5 runs). */
function sampleCasesMs(): number {
  const population = eligiblePopulation(100000);
  bundle.SAMPLE_CASES(population, 100, 'Gender, Sentence type, Risk of serious harm level'); // warm up
  return Number(time(() => bundle.SAMPLE_CASES(population, 100, 'Gender, Sentence type, Risk of serious harm level'), 5).toFixed(2));
}

const PROGRAMME_PROVIDERS = 30;
const PROGRAMME_CASES = 150;

/** docs/programme.md: PROGRAMME_TABLE over 30 inspections' Case supervision ranges of 150 cases each. */
function programmeTableMs(): number {
  const ranges = Array.from({ length: PROGRAMME_PROVIDERS }, () => caseSupervision(PROGRAMME_CASES));
  bundle.PROGRAMME_TABLE(...ranges); // warm up
  return Number(time(() => bundle.PROGRAMME_TABLE(...ranges), 5).toFixed(2));
}

/** docs/programme.md: aggregate over 30 workbooks of 150 cases, from reading the files to the pooled figures. */
async function aggregateMs(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-bench-'));
  try {
    const files: string[] = [];
    for (let index = 0; index < PROGRAMME_PROVIDERS; index += 1) {
      const file = join(dir, `inspection-${index + 1}.xlsx`);
      await writeXlsx(buildSpreadsheet({ name: `Inspection ${index + 1}`, sheets: { 'Case supervision': caseSupervision(PROGRAMME_CASES, index + 1) } }), file);
      files.push(file);
    }
    const start = performance.now();
    await aggregate(files);
    return Number((performance.now() - start).toFixed(2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The add-on's figures (the default entry). */
function addonBench(): void {
  const compile = compileCost();
  const loadMs = time(loadBundle, 15);
  bundle = loadBundle();
  const engine = engineCost();
  const sampleMs = sampleCasesMs();
  const serviceCalls = [100, 10000].map((cases) => ({ cases, generate_summaries: generateSummariesCalls(cases) }));
  const recalc = [100, 1000].map(recalcCost);
  const dataQuality = dataQualityCost(100000);
  const programmeMs = programmeTableMs();
  void aggregateMs().then((aggregateTime) => {
    const result = {
      bundle_bytes: Buffer.byteLength(CODE),
      load_ms: Number(loadMs.toFixed(2)),
      compile,
      engine,
      service_calls: serviceCalls,
      programme_table_ms: programmeMs,
      aggregate_ms: aggregateTime,
      sample_cases_ms: sampleMs,
      recalc: recalc.map(({ calls, ...figures }) => figures),
      data_quality: dataQuality,
    };

    console.log(`dist/Code.js: ${(result.bundle_bytes / 1024).toFixed(1)} KB, loads in ${result.load_ms} ms in a fresh vm context of this process (median of 15; a code-cache hit, not what a new execution pays)`);
    printCompile(compile);
    printEngine(engine);
    console.log('Service calls of Generate summaries (offline runtime count):');
    for (const row of serviceCalls) console.log(`  ${String(row.cases).padStart(6)} cases: ${row.generate_summaries} calls`);
    console.log('One answer typed on Case supervision, every summary live, Sub-samples by Gender (custom-function executions Sheets would start):');
    for (const row of recalc) {
      console.log(
        `  ${String(row.cases).padStart(6)} cases: ${row.executions_per_edit} executions (${row.calls}), chain depth ${row.chain_depth}; ${row.calls_per_edit} read the tab, ${row.cells_per_edit} cells passed, ${(row.cells_per_edit / row.grid_cells).toFixed(1)}× the tab's grid of ${row.grid_cells} (${(row.cells_per_edit / row.tab_cells).toFixed(1)}× the ${row.tab_cells} cells it holds), the largest call ${row.largest_call_cells}; offline engine ${row.edit_ms} ms`,
      );
    }
    console.log(`Data quality over ${dataQuality.cases} rows: ${dataQuality.ms} ms, ${dataQuality.heap_mb} MB heap, ${dataQuality.problems} problems counted, ${dataQuality.listed} listed`);
    console.log(`The sidebar's report model over the same rows: ${dataQuality.report_ms} ms, ${dataQuality.report_heap_mb} MB heap, ${dataQuality.report_problems} problems counted`);
    console.log(`SAMPLE_CASES, 100 of 100,000 cases in three strata: ${sampleMs} ms (median of 5 runs)`);
    console.log(`PROGRAMME_TABLE over ${PROGRAMME_PROVIDERS} ranges of ${PROGRAMME_CASES} cases: ${result.programme_table_ms} ms (median of 5 runs)`);
    console.log(`aggregate over ${PROGRAMME_PROVIDERS} workbooks of ${PROGRAMME_CASES} cases: ${result.aggregate_ms} ms (reading the .xlsx files included)`);
    if (json) console.log(JSON.stringify(result));
  });
}

function printEngine(engine: ReturnType<typeof engineCost>): void {
  console.log('RATINGS_TABLE and PROMPTS_TABLE over a Case supervision tab with every 2.x column (15 alternating runs of each and of a plain pass):');
  for (const row of engine) {
    console.log(`  ${row.name} ${String(row.cases).padStart(6)} cases (${row.cells_read} cells read of ${row.cells}): ${row.engine_ms} ms, one plain pass over those cells ${row.single_pass_ms} ms, ratio ${row.ratio} (median of the paired ratios)`);
  }
}

/** `npm run bench -- compile`: only the cold compile of the script and of the custom functions alone. */
function compileBench(): void {
  const compile = compileCost();
  printCompile(compile);
  if (json) console.log(JSON.stringify({ compile }));
}

/** `npm run bench -- engine`: only the tables against a plain pass. */
function engineBench(): void {
  bundle = loadBundle();
  const engine = engineCost();
  printEngine(engine);
  if (json) console.log(JSON.stringify({ engine }));
}

/** `npm run bench -- recalc`: only the cost of one answer typed, at 100 and 1,000 cases. */
function recalcBench(): void {
  const recalc = [100, 1000].map(recalcCost);
  for (const row of recalc) console.log(`${String(row.cases).padStart(6)} cases: ${row.executions_per_edit} executions (${row.calls}), chain depth ${row.chain_depth}`);
  if (json) console.log(JSON.stringify({ recalc: recalc.map(({ calls, ...figures }) => figures) }));
}

// `npm run bench -- rate`: rate and reading at size (tools/benchRate.ts); `-- programme`: start-up, export
// and the SQL at scale (tools/benchProgramme.ts); `-- recalc`: one edit's cost; `-- engine`: the tables;
// `-- compile`: cold compile; otherwise the add-on's figures.
if (process.argv.slice(2).includes('rate')) void rateBench(json, process.argv.slice(2));
else if (process.argv.slice(2).includes('programme')) void import('./benchProgramme').then(({ programmeBench }) => programmeBench(json));
else if (process.argv.slice(2).includes('recalc')) recalcBench();
else if (process.argv.slice(2).includes('engine')) engineBench();
else if (process.argv.slice(2).includes('compile')) compileBench();
else addonBench();
