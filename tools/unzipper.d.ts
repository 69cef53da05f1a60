/** The part of unzipper (a dependency of exceljs) that tools/xlsxValues.ts uses: a zip opened by its central directory. */
declare module 'unzipper' {
  import { Readable } from 'node:stream';

  export interface File {
    path: string;
    type: 'File' | 'Directory';
    uncompressedSize: number;
    stream(): Readable;
    buffer(): Promise<Buffer>;
  }

  export interface CentralDirectory {
    files: File[];
  }

  export const Open: {
    file(path: string): Promise<CentralDirectory>;
  };

  const unzipper: { Open: typeof Open };
  export default unzipper;
}
