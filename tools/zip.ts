/**
 * A zip archive (an .xlsx file) opened by its central directory, each part read on demand: yauzl,
 * a small streaming zip reader with one dependency, so reading values costs no heavy start-up.
 */
import { readFileSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import yauzl, { Entry, ZipFile } from 'yauzl';

/** Files up to this size are read whole, and parts up to it inflated in one call: a workbook's parts are mostly small, and a read or inflate per chunk costs more than the bytes. */
const WHOLE_BYTES = 16 * 1024 * 1024;

export interface ZipPart {
  /** The part's name, e.g. "xl/worksheets/sheet1.xml". */
  path: string;
  uncompressedSize: number;
  /** The part's bytes as they are inflated. */
  stream(): AsyncIterable<Buffer>;
  buffer(): Promise<Buffer>;
}

export interface ZipArchive {
  files: ZipPart[];
  /** Lets the file go; every part must have been read. */
  close(): void;
}

/** Opens a zip archive from a file or from bytes; rejects when it is not one. */
export function openZip(source: string | Buffer): Promise<ZipArchive> {
  return new Promise((resolve, reject) => {
    const opened = (error: Error | null, zip?: ZipFile) => (error || !zip ? reject(error ?? new Error('not a zip archive')) : listParts(zip).then(resolve, reject));
    const options = { lazyEntries: true, autoClose: false, decodeStrings: true };
    if (typeof source !== 'string') yauzl.fromBuffer(source, options, opened);
    else if (smallFile(source)) yauzl.fromBuffer(readFileSync(source), options, opened);
    else yauzl.open(source, options, opened);
  });
}

function listParts(zip: ZipFile): Promise<ZipArchive> {
  return new Promise((resolve, reject) => {
    const files: ZipPart[] = [];
    zip.on('entry', (entry: Entry) => {
      if (!entry.fileName.endsWith('/')) files.push(part(zip, entry));
      zip.readEntry();
    });
    zip.once('end', () => resolve({ files, close: () => zip.close() }));
    zip.once('error', (error: Error) => {
      zip.close();
      reject(error);
    });
    zip.readEntry();
  });
}

function smallFile(path: string): boolean {
  try {
    return statSync(path).size <= WHOLE_BYTES;
  } catch {
    return false;
  }
}

function part(zip: ZipFile, entry: Entry): ZipPart {
  // yauzl takes `decompress` only for a deflated part; a stored one is read as it is.
  const open = (decompress: boolean) =>
    new Promise<Readable>((resolve, reject) =>
      zip.openReadStream(entry, entry.compressionMethod === 8 ? { decompress } : {}, (error, stream) => (error || !stream ? reject(error ?? new Error(`cannot read ${entry.fileName}`)) : resolve(stream))),
    );
  const read = async (decompress: boolean) => {
    const chunks: Buffer[] = [];
    for await (const chunk of await open(decompress)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  // A small deflated part: its compressed bytes inflated in one call (a stored part is read as it is).
  const whole = entry.compressionMethod === 8 && entry.compressedSize <= WHOLE_BYTES && entry.uncompressedSize <= WHOLE_BYTES;
  const inflated = async () => inflateRawSync(await read(false), { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
  return {
    path: entry.fileName,
    uncompressedSize: entry.uncompressedSize,
    async *stream() {
      if (whole) yield await inflated();
      else for await (const chunk of await open(true)) yield chunk as Buffer;
    },
    buffer: () => (whole ? inflated() : read(true)),
  };
}
