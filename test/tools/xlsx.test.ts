/** Reading .xlsx files other programs saved: the add-on's formulas come back as the add-on wrote them. */
import ExcelJS from 'exceljs';
import { readXlsxWorkbook } from '../../tools/xlsx';

describe('tools › xlsx › readXlsxWorkbook', () => {
  it("reads Excel's prefixes for functions it does not know (_xludf.) or added late (_xlfn.) as the plain names", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Panel');
    sheet.getCell('C2').value = { formula: "_xludf.RATE_STANDARD('Case supervision'!A1:BT1000, A2)" };
    sheet.getCell('D2').value = { formula: '_xlfn.IFS(A2="", "", TRUE, A2)' };
    const workbook = await readXlsxWorkbook(Buffer.from(await book.xlsx.writeBuffer()));
    expect(workbook.sheetFormulas('Panel')[1].slice(2, 4)).toEqual(["=RATE_STANDARD('Case supervision'!A1:BT1000, A2)", '=IFS(A2="", "", TRUE, A2)']);
  });
});
