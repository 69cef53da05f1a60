/**
 * The rated workbook as another program reads it: `rate`'s steps (the add-on's New inspection and
 * Generate summaries in the offline runtime, then the writer) on a workbook with problems, and the
 * written file read back by openpyxl (Debian's python3-openpyxl, a reader that is not ours). Every
 * tab's cells must be what the runtime held: each value (the cached result, for a formula), each
 * formula Excel and LibreOffice have (a custom function's cell is written as its value), each
 * dropdown and each note (one typed in the input on a cell without a format among them).
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cellA1 } from '../../runtime/a1';
import { CRC_2018 } from '../../src/core/frameworks/crc2018';
import { caseTabLayouts } from '../../src/core/workbook';
import { fileReader, generateSummaries, openSession, ratableModelOf, readValuesFile, readWorkbookFile, writeWorkbook } from '../../tools/workbookSession';
import { openpyxlPython } from '../support/externalTools';

const ROOT = join(__dirname, '..', '..');
jest.setTimeout(120_000);

/** Every tab's cells as openpyxl reads them: cached values, formulas, and dropdowns by cell. */
const READ_BACK = `
import datetime, json, sys
import openpyxl
from openpyxl.utils import range_boundaries, get_column_letter
def plain(value):
    if value is None:
        return ''
    if isinstance(value, datetime.datetime):
        return {'date': value.isoformat()}
    return value
formulas = openpyxl.load_workbook(sys.argv[1])
values = openpyxl.load_workbook(sys.argv[1], data_only=True)
out = {}
for sheet in formulas.worksheets:
    cached = values[sheet.title]
    cells = {}
    notes = {}
    for row in sheet.iter_rows():
        for cell in row:
            text = cell.value.text if type(cell.value).__name__ == 'ArrayFormula' else cell.value
            value = plain(cached[cell.coordinate].value)
            formula = text if isinstance(text, str) and cell.data_type == 'f' else ''
            if value != '' or formula != '':
                cells[cell.coordinate] = [value, formula]
            if cell.comment is not None:
                notes[cell.coordinate] = cell.comment.text
    dropdowns = {}
    for rule in sheet.data_validations.dataValidation:
        for block in str(rule.sqref).split():
            left, top, right, bottom = range_boundaries(block)
            for r in range(top, bottom + 1):
                for c in range(left, right + 1):
                    dropdowns[get_column_letter(c) + str(r)] = [rule.type, rule.formula1]
    out[sheet.title] = {'cells': cells, 'dropdowns': dropdowns, 'notes': notes}
print(json.dumps(out))
`;

type ReadBack = Record<string, { cells: Record<string, [unknown, string]>; dropdowns: Record<string, [string, string]>; notes: Record<string, string> }>;

/** A CRC workbook with problems: unanswered prompts, an answer that is not one, a repeated case ID, a case with no inspector; and a note on a plain cell. */
async function workbookWithProblems(file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const answers = ['Yes', 'No', 'N/A', 'Yes', 'No', 'Yes', ''];
  for (const layout of caseTabLayouts(CRC_2018)) {
    const sheet = book.addWorksheet(layout.name);
    sheet.addRow(layout.headers);
    if (layout.name !== 'Case supervision') continue;
    for (let row = 0; row < 12; row += 1) {
      const metadata = [row === 5 ? 'C3' : `C${row + 1}`, row === 7 ? '' : `Inspector ${row % 3}`, row % 3 ? 'Community order' : 'Licence', row % 4 ? 'Male' : 'Female'];
      sheet.addRow(layout.headers.map((header, column) => (column < layout.metadataCount ? (metadata[column] ?? '') : layout.freeText.includes(header) ? '' : answers[(row * 31 + column * 7) % answers.length])));
    }
    sheet.getCell(4, layout.metadataCount + 2).value = 'Yes!';
    sheet.getCell(3, 1).note = 'Checked twice.';
  }
  await book.xlsx.writeFile(file);
}

describe('tools › the rated workbook read back by openpyxl', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-readback-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("holds every tab's values, formulas, dropdowns and notes as the runtime held them", async () => {
    const file = join(dir, 'problems.xlsx');
    const out = join(dir, 'problems-rated.xlsx');
    await workbookWithProblems(file);
    const values = await readValuesFile(file);
    const session = openSession(ROOT, await readWorkbookFile(file, 'problems', values), ratableModelOf(fileReader(values), file));
    generateSummaries(session);
    await writeWorkbook(session, out, { mark: 'rate' });
    const { workbook, customFunctionNames } = session.runtime;
    const custom = new RegExp(`\\b(${customFunctionNames.join('|')})\\s*\\(`, 'i');

    const read = JSON.parse(openpyxlPython(READ_BACK, out)) as ReadBack;
    expect(Object.keys(read)).toEqual(workbook.sheetNames());
    // The workbook has problems, and the Data quality tab lists them.
    expect(read['Data quality'].cells.A1[0]).toMatch(/^Data quality: [1-9][0-9]* problems/);
    let formulaCells = 0;
    for (const name of workbook.sheetNames()) {
      const held: Record<string, [unknown, string]> = {};
      const formulas = workbook.sheetFormulas(name);
      workbook.sheetValues(name).forEach((row, r) =>
        row.forEach((value, c) => {
          const formula = formulas[r]?.[c] ?? '';
          // Excel and LibreOffice lack the add-on's functions: their cells are written as values.
          const written = formula !== '' && !custom.test(formula) ? formula : '';
          const shown = value instanceof Date ? { date: value.toISOString().replace(/\.000Z$/, '') } : value;
          if (shown !== '' || written !== '') held[cellA1(r + 1, c + 1)] = [shown, written];
          if (written !== '') formulaCells += 1;
        }),
      );
      expect({ tab: name, cells: read[name].cells }).toEqual({ tab: name, cells: held });

      const dropdowns: Record<string, [string, string]> = {};
      const notes: Record<string, string> = {};
      for (const { row, column, format } of workbook.sheet(name).formattedCells()) {
        const rule = format.validation;
        if (rule?.criteria === 'VALUE_IN_LIST') dropdowns[cellA1(row, column)] = ['list', `"${(rule.values[0] as unknown[]).join(',')}"`];
        if (format.note) notes[cellA1(row, column)] = format.note;
      }
      expect({ tab: name, dropdowns: read[name].dropdowns }).toEqual({ tab: name, dropdowns });
      expect({ tab: name, notes: read[name].notes }).toEqual({ tab: name, notes });
    }
    // Not an empty comparison: the summaries' native formulas are there, with their values, and the note typed in the input.
    expect(formulaCells).toBeGreaterThan(100);
    expect(read['Case supervision'].notes.A3).toBe('Checked twice.');
  });
});
