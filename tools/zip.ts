/**
 * A zip archive (an .xlsx file) opened by its central directory, each part read on demand: yauzl,
 * a small streaming zip reader with one dependency, so reading values costs no heavy start-up.
 */
import { Readable } from 'node:stream';
import yauzl, { Entry, ZipFile } from 'yauzl';

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
    if (typeof source === 'string') yauzl.open(source, options, opened);
    else yauzl.fromBuffer(source, options, opened);
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

function part(zip: ZipFile, entry: Entry): ZipPart {
  const open = () =>
    new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (error, stream) => (error || !stream ? reject(error ?? new Error(`cannot read ${entry.fileName}`)) : resolve(stream))));
  return {
    path: entry.fileName,
    uncompressedSize: entry.uncompressedSize,
    async *stream() {
      for await (const chunk of await open()) yield chunk as Buffer;
    },
    async buffer() {
      const chunks: Buffer[] = [];
      for await (const chunk of await open()) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}
