/**
 * `export`'s work on one workbook, and a small pool of worker threads doing it (docs/programme.md):
 * read the file's values (tools/xlsxValues.ts), find its framework and case tabs by the workbook
 * model, turn its answers into docs/programme.md's rows, encoded as the CSV text DuckDB loads, and
 * hash its case tabs (tools/sameCases.ts). Reading and parsing are most of an export's time, so
 * each worker does whole workbooks while the main thread only hands DuckDB the bytes, in the order
 * the files were given: the tables come out the same whichever worker finished first.
 *
 * A run from the TypeScript sources (the tests) has no script a worker thread can load: the same
 * work is then done on the main thread, one file at a time.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Framework } from '../src/core/framework';
import { CsvRows, EncodedRows } from './csvRows';
import { appendInspection, inspectionKey, UnusableWorkbook } from './programmeData';
import { caseContentHash } from './sameCases';
import { caseTabsWanted, fileReader, InputError, readValuesFile, workbookModelOf } from './workbookFiles';

/** One workbook to read: its path, and its place among the files given (1 for the first). */
export interface ReadJob {
  file: string;
  position: number;
}

/** What a workbook gave: its framework and rows, or the one line refusing it. */
export type ReadResult =
  | {
      file: string;
      framework: Framework;
      /** Its rows, encoded for DuckDB (tools/csvRows.ts). */
      rows: EncodedRows;
      /** The SHA-256 of its case tabs; undefined when they hold no case. */
      casesHash: string | undefined;
    }
  | {
      file: string;
      /** The framework, when the workbook was read that far (a mix of frameworks is named before a bad answer). */
      framework?: Framework;
      refusal: string;
    };

/** Reads one workbook into its rows; a refusal (not a throw) for an input the export cannot use. */
export async function readForExport(job: ReadJob): Promise<ReadResult> {
  const { file } = job;
  let framework: Framework | undefined;
  try {
    const reader = fileReader(await readValuesFile(file));
    const model = workbookModelOf(reader, file);
    framework = model.framework;
    // Refused before its framework is compared with the others', as before reading its rows.
    if (model.caseTabs.length === 0) return { file, refusal: `${file}: no recognisable case tab (expected ${caseTabsWanted(model.framework)}), so there are no answers to export.` };
    const rows = new CsvRows();
    const tables = appendInspection({ file, inspection: inspectionKey(file), position: job.position, reader, framework, caseTabs: model.caseTabs }, rows);
    // Hashed as `aggregate` hashes its inputs: each case tab's header and rows, in the workbook's order.
    const casesHash = caseContentHash({ file, caseTabs: [...tables.values()].map((table) => ({ tab: '', rows: [table.columns.map((column) => column.header), ...table.rows] })) });
    return { file, framework, rows: rows.encoded(), casesHash };
  } catch (error) {
    if (error instanceof InputError || error instanceof UnusableWorkbook) return { file, ...(framework ? { framework } : {}), refusal: error.message };
    throw error;
  }
}

/** Marks a worker thread started by the pool (workerData), so the script it loads serves reads instead of running a command. */
const ROLE = 'inspection-ratings export reader';

/** Workbooks read ahead of the one DuckDB is given: enough to keep every worker busy, few enough to bound memory. */
const AHEAD_PER_WORKER = 2;

type Reply = { index: number; result: ReadResult } | { index: number; failure: string };

/**
 * Reads the files on worker threads, at most a few ahead of the one being used; `result(index)` in
 * the files' order. `script` is the file a worker thread loads (the command's bundle, which serves
 * reads when started by the pool); without one, or with one thread, the reads run on this thread.
 */
export class ExportReaders {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  /** Files started but not yet sent to a worker, all being busy. */
  private readonly queued: number[] = [];
  private readonly waiting = new Map<number, { resolve(result: ReadResult): void; reject(error: Error): void; promise: Promise<ReadResult> }>();
  private next = 0;

  constructor(
    private readonly jobs: readonly ReadJob[],
    script: string | undefined,
    threads = Math.min(availableParallelism(), 4),
  ) {
    const count = script === undefined || jobs.length < 2 ? 0 : Math.min(threads, jobs.length);
    for (let worker = 0; worker < count; worker += 1) {
      const thread = new Worker(script!, { workerData: { role: ROLE } });
      thread.on('message', (reply: Reply) => this.settle(thread, reply));
      thread.on('error', (error) => this.failAll(error));
      this.workers.push(thread);
      this.idle.push(thread);
    }
  }

  /** The result of the file at `index`, read on a worker (or here); later files are started meanwhile. */
  async result(index: number): Promise<ReadResult> {
    if (this.workers.length === 0) return readForExport(this.jobs[index]);
    while (this.next < this.jobs.length && this.next <= index + this.workers.length * AHEAD_PER_WORKER) this.start(this.next++);
    const entry = this.waiting.get(index)!;
    try {
      return await entry.promise;
    } finally {
      this.waiting.delete(index);
    }
  }

  /** Stops every worker (the export is done, or has failed). */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    this.workers.length = 0;
  }

  private start(index: number): void {
    let resolve!: (result: ReadResult) => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<ReadResult>((yes, no) => {
      resolve = yes;
      reject = no;
    });
    // Its failure is reported when its turn comes, or not at all if an earlier file stops the export.
    promise.catch(() => undefined);
    this.waiting.set(index, { resolve, reject, promise });
    this.dispatch(index);
  }

  private dispatch(index?: number): void {
    if (index !== undefined) this.queued.push(index);
    while (this.idle.length > 0 && this.queued.length > 0) {
      const job = this.queued.shift()!;
      this.idle.pop()!.postMessage({ index: job, job: this.jobs[job] });
    }
  }

  private settle(worker: Worker, reply: Reply): void {
    const entry = this.waiting.get(reply.index);
    if ('failure' in reply) entry?.reject(new Error(reply.failure));
    else entry?.resolve(reply.result);
    this.idle.push(worker);
    this.dispatch();
  }

  private failAll(error: Error): void {
    for (const entry of this.waiting.values()) entry.reject(error);
  }
}

// A worker thread of the pool: reads each workbook it is sent and posts back its rows (their bytes moved, not copied).
if (!isMainThread && (workerData as { role?: string } | undefined)?.role === ROLE) {
  parentPort!.on('message', ({ index, job }: { index: number; job: ReadJob }) => {
    readForExport(job).then(
      (result) => parentPort!.postMessage({ index, result } satisfies Reply, 'rows' in result ? Object.values(result.rows.tables).map((bytes) => bytes!.buffer as ArrayBuffer) : []),
      (error: Error) => parentPort!.postMessage({ index, failure: error.stack ?? error.message } satisfies Reply),
    );
  });
}
