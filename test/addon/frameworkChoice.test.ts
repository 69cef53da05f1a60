import { CRC_2018 } from '../../src/core/frameworks/crc2018';
import { YJ_2018 } from '../../src/core/frameworks/youthJustice';
import { caseTabLayouts } from '../../src/core/workbook';
import { buildSpreadsheet, loadAddon } from '../../runtime';
import { caseTable, Cell } from '../../examples/synthetic-cases';

/** 2.1's key questions at 72%, 90%, 95% of 100 cases, headed in `framework`'s wording, with its Framework: column. */
function assessmentTab(framework: typeof CRC_2018, marker: string): Cell[][] {
  const table = caseTable(framework, 100, [
    { id: '2.1.1', percent: 72, applicable: 100 },
    { id: '2.1.2', percent: 90, applicable: 100 },
    { id: '2.1.3', percent: 95, applicable: 100 },
  ]);
  return table.map((row, index) => [...row, index === 0 ? marker : '']);
}

describe('addon › the framework a case tab is rated by (its Framework: header)', () => {
  it('a CRC tab and a youth tab side by side each follow their own header, and a changed header recomputes', () => {
    const spreadsheet = buildSpreadsheet({
      sheets: { CRC: assessmentTab(CRC_2018, 'Framework: crc-2018'), Youth: assessmentTab(YJ_2018, 'Framework: yj-2018'), Summary: [] },
      maxRows: 200,
    });
    const rt = loadAddon({ spreadsheet });
    rt.setCellValues('Summary', 'A1', [[`=RATE_STANDARD(CRC!A1:Z101, "2.1")`, `=RATE_STANDARD(Youth!A1:Z101, "2.1")`]]);
    rt.setCellValues('Summary', 'A3', [[`=RATINGS_TABLE(CRC!A1:Z101)`]]);
    rt.setCellValues('Summary', 'A20', [[`=RATINGS_TABLE(Youth!A1:Z101)`]]);
    expect(rt.values('Summary', 'A1:B1')).toEqual([['Good', 'Good']]);
    // Each table is read with its own framework's wording.
    expect(rt.values('Summary', 'C4')).toEqual([[CRC_2018.domains[1].standards[0].keyQuestions[0].text]]);
    expect(rt.values('Summary', 'C21')).toEqual([[YJ_2018.domains[1].standards[0].keyQuestions[0].text]]);

    // A framework defined on a Framework tab: its bands reach the rating through the header.
    const markerColumn = 'E1'; // after Case ID and the three key questions
    expect(rt.values('CRC', markerColumn)).toEqual([['Framework: crc-2018']]);
    rt.setCellValues('CRC', markerColumn, [['Framework: my-audit; bands 60/75/90; key questions 2.1.1-3']]);
    expect(rt.values('Summary', 'A1:B1')).toEqual([['Requires improvement', 'Good']]);
    expect(rt.values('Summary', 'G4')).toEqual([['Requires improvement']]);

    rt.setCellValues('CRC', markerColumn, [['Framework: crc-2019']]);
    expect(rt.cellError('Summary', 'A1')?.message).toMatch(/Unknown framework "crc-2019".*Known frameworks: crc-2018, yj-2018, yj-2021\./);
    expect(rt.values('Summary', 'B1')).toEqual([['Good']]);
  });

  it('New inspection with yj-2018 lays out the youth case tabs, each headed "Framework: yj-2018", and reads it back on a re-run', () => {
    const rt = loadAddon({ spreadsheet: buildSpreadsheet({ name: 'Youth inspection' }) });
    rt.install();
    rt.call('runNewInspection', 'yj-2018');
    const names = rt.workbook.sheetNames();
    expect(names).toEqual(expect.arrayContaining(['Court disposals', 'Out-of-court disposals']));
    expect(names).not.toContain('Case supervision');
    for (const layout of caseTabLayouts(YJ_2018)) {
      const header = rt.sheetValues(layout.name)[0].map(String);
      // After the framework's metadata columns and the Status column.
      expect(header[layout.metadata.length]).toBe('Status');
      expect(header[layout.metadata.length + 1]).toBe('Framework: yj-2018');
      const markerCell = `${String.fromCharCode(65 + layout.metadata.length + 1)}1`;
      expect(rt.workbook.format(layout.name, markerCell).note).toMatch(/^The framework this tab is rated by: Youth justice inspection standards 2018 \(yj-2018\)/);
      expect(rt.workbook.format(layout.name, `${markerCell.replace('1', '2')}`).validation).toBeUndefined();
    }
    // No document property: the header is the one source of truth, read back on a re-run.
    expect(rt.services.PropertiesService.getDocumentProperties().getProperty('frameworkId')).toBeNull();
    const again = rt.call<{ lines: string[] }>('runNewInspection');
    expect(again.lines.filter((line) => /disposals: /.test(line))).toEqual(['Court disposals: complete, nothing to add.', 'Out-of-court disposals: complete, nothing to add.']);
    expect(() => rt.call('runNewInspection', 'crc-2018')).toThrow(/case tabs follow yj-2018 .* set up crc-2018 in a new workbook/);
    expect(rt.workbook.sheetNames()).not.toContain('Case supervision');
  });
});
