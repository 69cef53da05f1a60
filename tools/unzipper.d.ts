/** The part of unzipper (a dependency of exceljs) the tests use to look inside a .docx: a zip opened by its central directory. */
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
    buffer(data: Buffer): Promise<CentralDirectory>;
  };

  const unzipper: { Open: typeof Open };
  export default unzipper;
}

/** exceljs's own routine that moves a shared formula's references from the cell that holds it to another. */
declare module 'exceljs/lib/utils/shared-formula' {
  export function slideFormula(formula: string, fromCell: string, toCell: string): string;
}
