/** exceljs's own routine that moves a shared formula's references from the cell that holds it to another. */
declare module 'exceljs/lib/utils/shared-formula' {
  export function slideFormula(formula: string, fromCell: string, toCell: string): string;
}
