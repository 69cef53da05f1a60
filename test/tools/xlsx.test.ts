/** Reading .xlsx files other programs saved: the add-on's formulas come back as the add-on wrote them. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildSpreadsheet } from '../../runtime/index';
import { readXlsxWorkbook, xlsxBuffer } from '../../tools/xlsx';

describe('tools › xlsx › readXlsxWorkbook', () => {
  it("reads Excel's prefixes for functions it does not know (_xludf.) or added late (_xlfn.) as the plain names", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Panel');
    sheet.getCell('C2').value = { formula: "_xludf.RATE_STANDARD('Case supervision'!A1:BT1000, A2)" };
    sheet.getCell('D2').value = { formula: '_xlfn.IFS(A2="", "", TRUE, A2)' };
    const workbook = await readXlsxWorkbook(Buffer.from(await book.xlsx.writeBuffer()));
    expect(workbook.sheetFormulas('Panel')[1].slice(2, 4)).toEqual(["=RATE_STANDARD('Case supervision'!A1:BT1000, A2)", '=IFS(A2="", "", TRUE, A2)']);
  });

  it('reads text as text: what would read as a number, date, boolean, error or formula keeps its text; the rest is shared as read', async () => {
    const texts = ['Yes', 'N/A', 'Not applicable, see notes', 'TRUE', 'false', '1', '0.5', '1/2/2019', '=1+1', '#N/A', "'quoted", '50%', '$5', '-x', '+x', ' spaced', 'Mr Smith (Lead)'];
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Case supervision').addRow(texts);
    const workbook = await readXlsxWorkbook(Buffer.from(await book.xlsx.writeBuffer()));
    expect(workbook.sheetValues('Case supervision')).toEqual([texts]);
    expect(workbook.sheetFormulas('Case supervision')).toEqual([texts.map(() => '')]);
  });
});

describe('tools › xlsx › xlsxBuffer', () => {
  it('writes the same workbook to the same bytes, row by row, with its formats (on empty lines too), notes and dropdowns', async () => {
    const rows = Array.from({ length: 1_200 }, (_, row) => [`C${row + 1}`, row % 3 ? 'Yes' : 'No', row]);
    const workbook = buildSpreadsheet({ sheets: { 'Case supervision': [['Case ID', 'Q1', 'N'], ...rows], Summary: [['=COUNTA(\'Case supervision\'!A:A)']] } });
    const sheet = workbook.sheet('Case supervision');
    sheet.setFormat(1, 1, { fontWeight: 'bold', note: 'The case' });
    sheet.setFormat(900, 2, { background: '#ffcc00', note: 'Checked' });
    // A formatted cell on a line with no value (below the last case).
    sheet.setFormat(1_205, 3, { numberFormat: '0%', wrap: true });
    for (let row = 2; row <= 1_201; row += 1) sheet.setFormat(row, 2, { validation: { criteria: 'VALUE_IN_LIST', values: [['Yes', 'No', 'N/A'], true], allowInvalid: false, helpText: null } });
    const first = await xlsxBuffer(workbook);
    // Written years later: every stamp in the package is the workbook's fixed date, not the clock's.
    jest.useFakeTimers({ now: new Date('2031-05-06T07:08:09Z'), doNotFake: ['setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'nextTick', 'queueMicrotask', 'hrtime', 'performance'] });
    const again = await xlsxBuffer(workbook).finally(() => jest.useRealTimers());
    expect(Buffer.compare(first, again)).toBe(0);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(first as unknown as ArrayBuffer);
    const tab = read.getWorksheet('Case supervision')!;
    expect([tab.rowCount, tab.getCell('A1201').value, tab.getCell('C1201').value]).toEqual([1_205, 'C1200', 1_199]);
    expect([tab.getCell('A1').font?.bold, tab.getCell('A1').note, tab.getCell('B900').note]).toEqual([true, 'The case', 'Checked']);
    expect([tab.getCell('C1205').numFmt, tab.getCell('C1205').alignment?.wrapText]).toEqual(['0%', true]);
    const validations = (tab as unknown as { dataValidations: { model: Record<string, { formulae: string[] } | undefined> } }).dataValidations.model;
    expect([validations.B2?.formulae, validations.B1201?.formulae, validations.B1202]).toEqual([['"Yes,No,N/A"'], ['"Yes,No,N/A"'], undefined]);
    // One rule over the column's run of cells, not one a cell.
    const sheetXml = await (await JSZip.loadAsync(first)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml.match(/<dataValidation\b[^>]*sqref="([^"]+)"/g)).toEqual([expect.stringContaining('sqref="B2:B1201"')]);
    expect(read.getWorksheet('Summary')!.getCell('A1').value).toEqual({ formula: "COUNTA('Case supervision'!A:A)", result: 1_201 });
  });
});
