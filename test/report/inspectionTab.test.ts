/**
 * The Inspection tab (docs/report.md) through the built add-on: New inspection lays it out with one
 * row per detail, running it again never touches what was typed, and the sidebar's report model
 * reads it by its role after a user renames it.
 */
import { buildSpreadsheet, loadAddon } from '../../runtime';

function newWorkbook() {
  const rt = loadAddon({ spreadsheet: buildSpreadsheet({ name: 'a-file-name' }) });
  rt.install();
  rt.call('runNewInspection');
  return rt;
}

describe('report › the Inspection tab', () => {
  it('is laid out by New inspection, a row per detail, blank values for the inspector to fill', () => {
    const rt = newWorkbook();
    expect(rt.sheetValues('Inspection')).toEqual([
      ['Detail', 'Value'],
      ['Service inspected', ''],
      ['Inspection', ''],
      ['Fieldwork dates', ''],
      ['Lead inspector', ''],
      ['Report date', ''],
      ['Previous column label', ''],
      ['Comparison column label', ''],
    ]);
  });

  it('keeps what was typed when New inspection runs again, and the report model reads it under another tab name', () => {
    const rt = newWorkbook();
    rt.setCellValues('Inspection', 'B2', [['Anytown CRC'], ['An inspection of Anytown CRC'], ['3–14 June 2019'], ['A. Inspector']]);
    rt.spreadsheet.getSheetByName('Inspection')!.setName('About this inspection');
    rt.call('runNewInspection');
    expect(rt.workbook.sheetNames()).not.toContain('Inspection');
    expect(rt.sheetValues('About this inspection').slice(1, 5).map((row) => row[1])).toEqual(['Anytown CRC', 'An inspection of Anytown CRC', '3–14 June 2019', 'A. Inspector']);
    const model = rt.call('getReportModel') as { inspection: Record<string, string> };
    expect(model.inspection).toMatchObject({ service: 'Anytown CRC', fieldwork: '3–14 June 2019', leadInspector: 'A. Inspector', reportDate: '' });
  });
});
