/** exceljs's own routine that moves a shared formula's references from the cell that holds it to another. */
declare module 'exceljs/lib/utils/shared-formula' {
  export function slideFormula(formula: string, fromCell: string, toCell: string): string;
}

/**
 * exceljs's workbook and streaming writer, each from its own module: the package's entry also loads
 * the streaming reader and its dependencies (a third of exceljs's load time), which tools/xlsx.ts never uses.
 */
declare module 'exceljs/lib/doc/workbook' {
  import type { Workbook } from 'exceljs';
  const WorkbookClass: typeof Workbook;
  export default WorkbookClass;
}
declare module 'exceljs/lib/stream/xlsx/workbook-writer' {
  import type { stream } from 'exceljs';
  const WorkbookWriterClass: typeof stream.xlsx.WorkbookWriter;
  export default WorkbookWriterClass;
}
