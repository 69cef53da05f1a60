import { buildSpreadsheet, loadAddon } from '../../runtime/index';
import { FIXTURE_BUNDLE } from './fixture';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function runtime(cases: unknown[][] = [['Case ID', 'Q1', 'Q2'], ['C1', 'Yes', 'No'], ['C2', 'N/A', 'Yes']]) {
  return loadAddon({ code: FIXTURE_BUNDLE, spreadsheet: buildSpreadsheet({ name: 'Inspection', sheets: { 'Case supervision': cases, Notes: [] } }) });
}

function sheet(rt: ReturnType<typeof runtime>, name: string): Sheet {
  const found = rt.spreadsheet.getSheetByName(name);
  if (found === null) throw new Error(`no sheet ${name}`);
  return found;
}

describe('spreadsheet fakes', () => {
  describe('Range', () => {
    it('returns "" for empty cells, and a copy rather than the cells themselves', () => {
      const range = sheet(runtime(), 'Case supervision').getRange(1, 1, 2, 4);
      const values = range.getValues();
      expect(values).toEqual([['Case ID', 'Q1', 'Q2', ''], ['C1', 'Yes', 'No', '']]);
      values[1][1] = 'changed';
      expect(range.getValues()[1][1]).toBe('Yes');
    });

    it('counts rows and columns from 1 and refuses coordinates outside the grid', () => {
      const cases = sheet(runtime(), 'Case supervision');
      expect(cases.getRange(2, 3).getA1Notation()).toBe('C2');
      expect(cases.getRange('B2:C3').getValues()).toEqual([['Yes', 'No'], ['N/A', 'Yes']]);
      expect(() => cases.getRange(0, 1)).toThrow('The starting row of the range is too small.');
      expect(() => cases.getRange(1000, 1, 2, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    });

    it('refuses data whose shape differs from the range, with Apps Script messages', () => {
      const cases = sheet(runtime(), 'Case supervision');
      expect(() => cases.getRange('A1:B2').setValues([[1, 2]])).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
      expect(() => cases.getRange('A1:B2').setValues([[1, 2], [3]])).toThrow('The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.');
    });

    it('throws errors the add-on can catch as its own Errors', () => {
      expect(runtime().call('writeWrongShape')).toBe('Error: The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    });

    it('reads written text as Sheets reads typing: "=" starts a formula, "\'" keeps text', () => {
      const range = sheet(runtime(), 'Notes').getRange('A1:E1');
      range.setValues([['=1+1', "'=not a formula", '12', 'TRUE', '']]);
      expect(range.getValues()).toEqual([[2, '=not a formula', 12, true, '']]);
      expect(range.getFormulas()).toEqual([['=1+1', '', '', '', '']]);
    });

    it('gives Dates back for dates, and reads typed dates as a UK spreadsheet does', () => {
      const cells = sheet(runtime(), 'Notes').getRange('A1:B1');
      cells.setValues([[new Date(Date.UTC(2019, 0, 31, 13, 45, 7)), '01/02/2019']]);
      expect(cells.getValues().map((row) => row.map((date: Date) => date.toISOString()))).toEqual([['2019-01-31T13:45:07.000Z', '2019-02-01T00:00:00.000Z']]);
      expect(cells.getDisplayValues()).toEqual([['31/01/2019 13:45:07', '01/02/2019']]);
    });

    it('displays values through their number format', () => {
      const rt = runtime();
      const cells = sheet(rt, 'Notes').getRange('A1:D1');
      cells.setValues([[0.65, 2 / 3, 1234.5, 2 / 3]]);
      cells.setNumberFormats([['0%', '0.00', '#,##0', '0.###############']]);
      expect(cells.getDisplayValues()).toEqual([['65%', '0.67', '1,235', '0.666666666666667']]);
      expect(rt.workbook.sheetDisplayValues('Notes')).toEqual(cells.getDisplayValues());
      expect([cells.getNumberFormat(), rt.workbook.value('Notes', 'A1')]).toEqual(['0%', 0.65]);
    });

    it('finds a range by A1 notation with a quoted sheet name', () => {
      expect(runtime().spreadsheet.getRange("'Case supervision'!B2:C2").getValues()).toEqual([['Yes', 'No']]);
    });

    it('keeps notes and formats per cell', () => {
      const header = sheet(runtime(), 'Case supervision').getRange('A1:C1');
      header.setFontWeight('bold').setBackground('#eeeeee').setWrap(true).setNote('Do not edit');
      expect(header.getFontWeights()).toEqual([['bold', 'bold', 'bold']]);
      expect(header.getBackground()).toBe('#eeeeee');
      expect(header.getWraps()).toEqual([[true, true, true]]);
      expect(header.getNotes()).toEqual([['Do not edit', 'Do not edit', 'Do not edit']]);
    });

    it('keeps data validation rules per cell', () => {
      const rt = runtime();
      expect(rt.call('writeAnswers')).toBe(3);
      const rules = sheet(rt, 'Cases').getRange('A2:C2').getDataValidations();
      expect(rules[0][0]).toBeNull();
      expect(String(rules[0][1]?.getCriteriaType())).toBe('VALUE_IN_LIST');
      expect(rules[0][1]?.getCriteriaValues()).toEqual([['Yes', 'No', 'N/A'], true]);
      expect(rules[0][2]?.getAllowInvalid()).toBe(false);
      expect(sheet(rt, 'Cases').getFrozenRows()).toBe(1);
    });
  });

  describe('Sheet', () => {
    it('inserts, finds, orders and deletes sheets', () => {
      const rt = runtime();
      const ratings = rt.spreadsheet.insertSheet('Ratings', 0);
      expect(rt.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Ratings', 'Case supervision', 'Notes']);
      expect(rt.spreadsheet.getSheetByName('ratings')).toBe(ratings);
      expect(() => rt.spreadsheet.insertSheet('Ratings')).toThrow('A sheet with the name "Ratings" already exists. Please enter another name.');
      rt.spreadsheet.deleteSheet(ratings);
      expect(rt.spreadsheet.getSheetByName('Ratings')).toBeNull();
    });

    it('knows its data extent and grid size', () => {
      const cases = sheet(runtime(), 'Case supervision');
      expect([cases.getLastRow(), cases.getLastColumn(), cases.getMaxRows(), cases.getMaxColumns()]).toEqual([3, 3, 1000, 26]);
      expect(cases.getDataRange().getA1Notation()).toBe('A1:C3');
    });

    it('moves values, formulas, notes and row metadata down when rows are inserted', () => {
      const rt = runtime();
      const cases = sheet(rt, 'Case supervision');
      cases.getRange('E1').setFormula('=COUNTA(A2:A3)');
      cases.getRange('A3').setNote('second case');
      cases.getRange('3:3').addDeveloperMetadata('case', 'C2');
      cases.insertRowsAfter(1, 2);
      expect(cases.getRange('A5').getValue()).toBe('C2');
      expect(cases.getRange('A5').getNote()).toBe('second case');
      expect(cases.getRange('E1').getFormula()).toBe('=COUNTA(A4:A5)');
      expect(cases.createDeveloperMetadataFinder().withKey('case').find()[0].getLocation().getRow()?.getRow()).toBe(5);
      expect(cases.getMaxRows()).toBe(1002);
    });

    it('fills a multi-cell range with setFormula, moving relative references cell by cell', () => {
      const notes = sheet(runtime(), 'Notes');
      notes.getRange('A1:A3').setValues([[1], [2], [3]]);
      notes.getRange('B1:B3').setFormula('=A1*10');
      expect(notes.getRange('B1:B3').getFormulas()).toEqual([['=A1*10'], ['=A2*10'], ['=A3*10']]);
      expect(notes.getRange('B1:B3').getValues()).toEqual([[10], [20], [30]]);
    });

    it('moves formulas right when columns are inserted', () => {
      const cases = sheet(runtime(), 'Case supervision');
      cases.getRange('E1').setFormula('=COUNTA(B1:C3)');
      cases.insertColumnsAfter(1, 1);
      expect([cases.getRange('F1').getFormula(), cases.getRange('F1').getValue(), cases.getMaxColumns()]).toEqual(['=COUNTA(C1:D3)', 6, 27]);
    });

    it('protects a sheet once, and ranges as often as asked', () => {
      const rt = runtime();
      const { ProtectionType } = rt.services.SpreadsheetApp;
      const cases = sheet(rt, 'Case supervision');
      cases.protect().setWarningOnly(true).setDescription('Header rows');
      expect(cases.protect().isWarningOnly()).toBe(true);
      cases.getRange('A1:C1').protect();
      expect(cases.getProtections(ProtectionType.RANGE)).toHaveLength(1);
      expect(cases.getProtections(ProtectionType.SHEET).map((p) => p.getDescription())).toEqual(['Header rows']);
    });

    it('stores conditional format rules built with the builder', () => {
      const rt = runtime();
      const cases = sheet(rt, 'Case supervision');
      const rule = rt.services.SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo('Good').setBackground('#b7e1cd').setRanges([cases.getRange('D2:D20')]).build();
      cases.setConditionalFormatRules([rule]);
      const [stored] = cases.getConditionalFormatRules();
      expect(String(stored.getBooleanCondition()?.getCriteriaType())).toBe('TEXT_EQUAL_TO');
      expect(stored.getBooleanCondition()?.getCriteriaValues()).toEqual(['Good']);
      expect(stored.getBooleanCondition()?.getBackground()).toBe('#b7e1cd');
      expect(stored.getRanges().map((r) => r.getA1Notation())).toEqual(['D2:D20']);
    });

    it('shows which conditional format applies to a cell as its value changes', () => {
      const rt = runtime();
      const cases = sheet(rt, 'Case supervision');
      const builder = () => rt.services.SpreadsheetApp.newConditionalFormatRule().setRanges([cases.getRange('B2:C3')]);
      cases.setConditionalFormatRules([
        builder().whenFormulaSatisfied('=AND(B2="No", $A2="C1")').setBackground('#f4c7c3').build(),
        builder().whenTextEqualTo('yes').setBackground('#b7e1cd').build(),
      ]);
      expect(rt.workbook.conditionalFormat('Case supervision', 'C2')).toEqual({ background: '#f4c7c3' });
      expect(rt.workbook.conditionalFormat('Case supervision', 'B2')).toEqual({ background: '#b7e1cd' });
      expect(rt.workbook.conditionalFormat('Case supervision', 'B3')).toBeUndefined();
      rt.setCellValues('Case supervision', 'B3', [['Yes']]);
      expect(rt.workbook.conditionalFormat('Case supervision', 'B3')).toEqual({ background: '#b7e1cd' });
    });

    it('inserts charts built with the builder', () => {
      const cases = sheet(runtime(), 'Case supervision');
      const chart = cases.newChart().asColumnChart().setTitle('Key questions').addRange(cases.getRange('A1:B3')).setPosition(2, 5, 0, 0).build();
      cases.insertChart(chart);
      const [inserted] = cases.getCharts();
      expect(inserted.getOptions().get('title')).toBe('Key questions');
      expect(inserted.getRanges()[0].getA1Notation()).toBe('A1:B3');
      expect(inserted.getContainerInfo().getAnchorColumn()).toBe(5);
    });

    it('keeps developer metadata on the spreadsheet, a sheet, or a whole row or column only', () => {
      const rt = runtime();
      const cases = sheet(rt, 'Case supervision');
      rt.spreadsheet.addDeveloperMetadata('framework', 'CRC 2018');
      cases.addDeveloperMetadata('role', 'caseTab');
      expect(rt.spreadsheet.getDeveloperMetadata().map((m) => m.getValue())).toEqual(['CRC 2018']);
      expect(rt.spreadsheet.createDeveloperMetadataFinder().withKey('role').find()[0].getLocation().getSheet()?.getName()).toBe('Case supervision');
      expect(() => cases.getRange('A1:B2').addDeveloperMetadata('nope')).toThrow(/may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column/);
    });

    it('refuses to hide the last visible sheet', () => {
      const rt = runtime();
      sheet(rt, 'Notes').hideSheet();
      expect(sheet(rt, 'Notes').isSheetHidden()).toBe(true);
      expect(() => sheet(rt, 'Case supervision').hideSheet()).toThrow("You can't hide all the sheets in a document.");
    });
  });

  describe('call counting', () => {
    it('counts each fake method call by name, until reset', () => {
      const rt = runtime();
      rt.call('writeAnswers');
      expect(rt.counter.count('Range.setValues')).toBe(1);
      expect(rt.counter.count('Range')).toBe(2);
      expect(rt.counter.total).toBe(Object.values(rt.counter.snapshot()).reduce((a, b) => a + b, 0));
      rt.counter.reset();
      expect(rt.counter.total).toBe(0);
    });

    it('shows that building a summary takes the same number of calls for 2 cases as for 300', () => {
      const callsFor = (caseCount: number) => {
        const rows = [['Case ID', 'Q1', 'Q2'], ...Array.from({ length: caseCount }, (_, i) => [`C${i + 1}`, i % 2 ? 'Yes' : 'No', 'N/A'])];
        const rt = runtime();
        rt.call('writeAnswers', rows);
        rt.counter.reset();
        expect(rt.call('buildSummary')).toBe(true);
        expect(rt.values('Summary', `A${caseCount + 1}:B${caseCount + 1}`)).toEqual([[`C${caseCount}`, (caseCount - 1) % 2]]);
        return rt.counter.snapshot();
      };
      expect(callsFor(300)).toEqual(callsFor(2));
    });
  });

  describe('Session', () => {
    it("reports a blank active user's email, as Apps Script does where it may not reveal it, until a test sets one", () => {
      const rt = loadAddon({ code: 'function who() { return Session.getActiveUser().getEmail(); }' });
      expect(rt.call('who')).toBe('');
      rt.activeUser.email = 'lead@example.org';
      expect(rt.call('who')).toBe('lead@example.org');
      expect(rt.counter.count('Session.getActiveUser')).toBe(2);
    });
  });

  describe('PropertiesService', () => {
    it('keeps document properties as strings, readable by tests', () => {
      const rt = runtime();
      rt.call('writeAnswers');
      rt.call('buildSummary');
      expect(rt.properties.document.get('summaryCases')).toBe('2');
    });

    it('refuses a value larger than Apps Script allows', () => {
      expect(() => runtime().services.PropertiesService.getDocumentProperties().setProperty('big', 'x'.repeat(10_000))).toThrow(/Argument too large/);
    });
  });

  describe('LockService', () => {
    it('lets a test hold the document lock as another user, so the add-on reports it is busy', () => {
      const rt = runtime();
      rt.call('writeAnswers');
      rt.locks.document.holdAsAnotherUser();
      expect(rt.call('buildSummary')).toBe(false);
      expect(rt.workbook.toasts).toEqual([{ message: 'Another inspector is generating summaries. Try again in a minute.', title: 'Busy' }]);
      expect(rt.workbook.findSheet('Summary')).toBeUndefined();
      rt.locks.document.release();
      expect(rt.call('buildSummary')).toBe(true);
    });

    it('releases a lock when the run that took it ends, as Apps Script does', () => {
      const rt = runtime();
      expect(rt.call('holdLockAndForget')).toBe(true);
      expect(rt.locks.document.heldBy).toBeNull();
      expect(rt.locks.document.history).toEqual(['run 1 tryLock(1000): acquired', 'run 1: released (end of run)']);
    });

    it('times waitLock out while another user holds the lock', () => {
      const rt = runtime();
      rt.locks.script.holdAsAnotherUser();
      const lock = rt.services.LockService.getScriptLock();
      expect(() => lock.waitLock(100)).toThrow('Lock timeout: another process was holding the lock for too long.');
      expect(lock.hasLock()).toBe(false);
    });
  });
});
